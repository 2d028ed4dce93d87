import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations"


def _tool(name):
    return shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))


def test_ts_files_are_current_with_the_sources():
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "translations.py"),
                             "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_chinese_string_is_translated_and_compiled():
    root = ET.parse(TS / "modconsole_zh_CN.ts").getroot()
    unfinished = [m.findtext("source") for m in root.iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []



def test_shipped_qm_files_are_compiled_from_the_ts_files(tmp_path):
    for lang in ("zh_CN", "en"):
        fresh = tmp_path / f"{lang}.qm"
        subprocess.run([_tool("lrelease"), "-silent", str(TS / f"modconsole_{lang}.ts"),
                        "-qm", str(fresh)], check=True)
        assert fresh.read_bytes() == (TS / f"modconsole_{lang}.qm").read_bytes(), (
            f"modconsole_{lang}.qm is stale: run python packaging/translations.py")
