"""Build modconsole for people who never open a terminal (README, "Install").

    python packaging/build.py [--deb] [--dist DIR]

PyInstaller makes the one-folder app from packaging/modconsole.spec in DIR (default
dist/) as DIR/modconsole/. On Linux the folder is then packed as
modconsole-<version>-linux-x86_64.tar.gz, and --deb builds modconsole_<version>_amd64.deb
from it (packaging/deb.py, needs dpkg-deb). On Windows, packaging/windows/modconsole.iss
turns the folder into an installer; on macOS the spec also makes modconsole.app.
Needs only the [build] extra. Prints the time taken and the sizes.
"""

from __future__ import annotations

import argparse
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "packaging"))


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def freeze(dist: Path, work: Path) -> Path:
    import PyInstaller.__main__

    PyInstaller.__main__.run(["--noconfirm", "--clean", "--log-level", "WARN",
                              "--distpath", str(dist), "--workpath", str(work),
                              str(ROOT / "packaging" / "modconsole.spec")])
    return dist / "modconsole"


def pack(folder: Path, version: str) -> Path:
    archive = folder.parent / f"modconsole-{version}-linux-x86_64.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=f"modconsole-{version}")
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", action="store_true", help="also build the Debian package")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", metavar="DIR")
    args = parser.parse_args(argv)
    from modconsole import __version__

    start = time.perf_counter()
    folder = freeze(args.dist, args.dist.parent / "build" / "pyinstaller")
    print(f"folder   {folder}  {megabytes(folder_size(folder))}  "
          f"({time.perf_counter() - start:.0f} s)")
    if sys.platform.startswith("linux"):
        archive = pack(folder, __version__)
        print(f"archive  {archive}  {megabytes(archive.stat().st_size)}")
        if args.deb:
            from deb import build_deb

            package = build_deb(folder, __version__, args.dist)
            print(f"package  {package}  {megabytes(package.stat().st_size)}")
    print(f"built in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
