"""A wheel built from the repo carries its forms, data, translations and migrations, and runs."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True)
    [built] = out.glob("modconsole-*.whl")
    return built


def test_wheel_contains_what_the_app_loads_at_run_time(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("modconsole/ui/settings_page.ui",
                   "modconsole/resources/style.qss",
                   "modconsole/resources/data/rulebook.json",
                   "modconsole/resources/data/phrasebook.json",
                   "modconsole/resources/translations/modconsole_zh_CN.qm",
                   "modconsole/resources/translations/modconsole_en.qm",
                   "modconsole/store/migrations/env.py",
                   "modconsole/store/migrations/script.py.mako",
                   "modconsole/store/migrations/versions/0001_initial_schema.py"):
        assert needed in names, needed


def test_unpacked_wheel_runs_the_cli(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "MODCONSOLE_CONFIG_DIR": str(tmp_path / "cfg")}
    where = subprocess.run([sys.executable, "-c", "import modconsole; print(modconsole.__file__)"],
                           env=env, capture_output=True, text=True, check=True)
    assert where.stdout.startswith(str(site)), "the test must exercise the wheel's copy"
    db = tmp_path / "w.db"
    demo = subprocess.run([sys.executable, "-m", "modconsole", "--db", str(db), "demo",
                           "--members", "30"], env=env, capture_output=True, text=True)
    assert demo.returncode == 0, demo.stderr
    info = subprocess.run([sys.executable, "-m", "modconsole", "--db", str(db), "info", "--json"],
                          env=env, capture_output=True, text=True)
    assert info.returncode == 0, info.stderr
    assert json.loads(info.stdout)["counts"]["rules"] > 50
