"""Update the .ts files from the sources and compile them to .qm.

    python packaging/translations.py            # lupdate + lrelease
    python packaging/translations.py --check    # exit 1 if a .ts is stale

Services, the domain and the CLI mark sentences with `N_(context, text)`
(domain/messages.py), collected like QT_TRANSLATE_NOOP. Run it after changing
any user-visible string, then translate the new
entries of modconsole_zh_CN.ts (Qt Linguist: `pyside6-linguist`). English
is the source language, so its .ts only carries plural forms. Plural (%n)
strings go through a QObject's `self.tr(text, "", n)`: lupdate 6.11 does not
see the count in `QCoreApplication.translate`, so there a count is a
`{name}` placeholder filled with `str.format`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LANGS = {"zh_CN": [], "en": ["-pluralonly"]}


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    return found or shutil.which(f"pyside6-{name}") or f"pyside6-{name}"


def sources() -> list[str]:
    """Every Python file (services mark their sentences with N_) and the .ui forms."""
    package = ROOT / "src" / "modconsole"
    files = [f for f in sorted(package.rglob("*.py")) if "migrations" not in f.parts]
    files += sorted((ROOT / "ui").glob("*.ui"))
    return [str(f.relative_to(ROOT)) for f in files]


def lupdate(ts: Path, extra: list[str]) -> None:
    subprocess.run([_tool("lupdate"), "-silent", "-locations", "none",
                    "-tr-function-alias", "QT_TRANSLATE_NOOP+=N_", *extra, *sources(),
                    "-ts", str(ts)], cwd=ROOT, check=True)


def messages(ts: Path) -> set[tuple[str, str, str]]:
    """(context, source, comment) of every message lupdate does not call obsolete."""
    found = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            found.add((name, message.findtext("source"), message.findtext("comment") or ""))
    return found


def stale_files() -> list[str]:
    """The .ts files whose messages differ from what the sources now say."""
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang, extra in LANGS.items():
            ts = TS_DIR / f"modconsole_{lang}.ts"
            fresh = Path(tmp) / ts.name
            if ts.exists():
                shutil.copy(ts, fresh)
            lupdate(fresh, extra)
            if not ts.exists() or messages(fresh) != messages(ts):
                stale.append(ts.name)
    return stale


def update() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for lang, extra in LANGS.items():
        ts = TS_DIR / f"modconsole_{lang}.ts"
        lupdate(ts, [*extra, "-no-obsolete"])
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm",
                        str(ts.with_suffix(".qm"))], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale .ts files")
    args = parser.parse_args()
    if args.check:
        stale = stale_files()
        for name in stale:
            print(f"{name} is stale: run python packaging/translations.py")
        return 1 if stale else 0
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main())
