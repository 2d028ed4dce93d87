"""The installers' build: packaging/build.py makes the one-folder app and the Debian package;
the app starts as it does from pip (data in the platform's folder, translations and
migrations found, every page loads), and the package installs into a throwaway root."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from modconsole import __version__
from modconsole.gui.platform_libraries import missing_libraries, package_for

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.modconsole.Console"
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux build")]


@pytest.fixture(scope="session")
def dist(tmp_path_factory, worker_id) -> Path:
    """One build for the whole run: xdist's workers share their session's folder and take
    turns at a lock, so whichever comes first builds and the others wait for it."""
    base = tmp_path_factory.getbasetemp()
    out = (base if worker_id == "master" else base.parent) / "frozen"
    with (out.parent / "frozen.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (out / "built").exists():
            done = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"),
                                   "--deb", "--dist", str(out)], capture_output=True,
                                  text=True, timeout=1200)
            assert done.returncode == 0, done.stderr[-3000:]
            assert f"modconsole-{__version__}-linux-x86_64.tar.gz" in done.stdout
            (out / "built").touch()
    return out


def _run(binary: Path, home: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("MODCONSOLE_", "XDG_", "QT_"))}
    return subprocess.run([str(binary), *args], capture_output=True, text=True, timeout=300,
                          env={**clean, "HOME": str(home), "LANG": "C.UTF-8", **env})


def test_the_frozen_app_starts_as_it_does_from_pip(dist, tmp_path):
    app = dist / "modconsole" / "modconsole"
    done = _run(app, tmp_path, "--version")
    assert done.stdout.strip() == f"modconsole {__version__}"
    info = _run(app, tmp_path, "info")
    assert info.returncode == 0, info.stderr
    lines = dict(line.split(None, 1) for line in info.stdout.splitlines() if line.strip())
    assert lines["database"] == str(tmp_path / ".local/share/modconsole/modconsole.db")
    schema = lines["schema"].split()
    assert schema[0] == schema[-1].rstrip(")")  # every migration ran: the app's newest
    assert int(lines["rules"]) > 0 and int(lines["templates"]) > 0  # the shipped starters
    demo = _run(app, tmp_path, "demo", "--members", "300", LANG="zh_CN.UTF-8")
    assert demo.returncode == 0 and "演示社群已写入" in demo.stdout  # translations found
    gui = _run(app, tmp_path, MODCONSOLE_SMOKE_TEST="1", QT_QPA_PLATFORM="offscreen")
    assert gui.stdout.split() == ["painted", "pages", "built"], gui.stdout + gui.stderr
    assert gui.returncode == 0
    _run(app, tmp_path, "monitor", "rollup")
    report = _run(app, tmp_path, "report", "--period", "2026-11", "--pdf",
                  str(tmp_path / "r.pdf"))  # the charts: pyqtgraph and numpy inside
    assert report.returncode == 0, report.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_the_package_installs_into_a_throwaway_root(dist, tmp_path):
    package = dist / f"modconsole_{__version__}_amd64.deb"
    control = subprocess.run(["dpkg-deb", "--field", str(package), "Depends", "Version"],
                             capture_output=True, text=True, check=True).stdout
    depends = {name.strip() for name in control.splitlines()[0].split(":", 1)[1].split(",")}
    assert f"Version: {__version__}" in control and "libxcb-cursor0" in depends
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(package), str(root)], check=True)
    assert os.readlink(root / "usr/bin/modconsole") == "/opt/modconsole/modconsole"
    assert (root / "opt/modconsole/modconsole").is_file()
    icons = root / "usr/share/icons/hicolor"
    assert {p.parent.parent.name for p in icons.glob(f"*/apps/{APP_ID}.*")} == {
        "16x16", "24x24", "32x32", "48x48", "64x64", "128x128", "256x256", "512x512",
        "scalable"}
    # Every system library Qt's window plugin cannot find here is one the package names.
    plugin = root / "opt/modconsole/_internal/PySide6/Qt/plugins/platforms/libqxcb.so"
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    assert "libQt6" not in "".join(line for line in ldd.splitlines() if "not found" in line)
    assert {package_for(name) for name in missing_libraries(ldd)} <= depends
    done = _run(root / "opt/modconsole/modconsole", tmp_path, "--version")
    assert done.stdout.strip() == f"modconsole {__version__}"


@pytest.mark.parametrize(("tool", "args", "path"), [
    ("desktop-file-validate", (), f"usr/share/applications/{APP_ID}.desktop"),
    ("appstreamcli", ("validate", "--no-net"), f"usr/share/metainfo/{APP_ID}.metainfo.xml")])
def test_the_menu_entry_and_metainfo_validate(dist, tmp_path, tool, args, path):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (apt-get install desktop-file-utils appstream)")
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(dist / f"modconsole_{__version__}_amd64.deb"),
                    str(root)], check=True)
    done = subprocess.run([tool, *args, str(root / path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "W:" not in done.stdout and "E:" not in done.stdout
