"""A Debian package of the frozen folder, built with dpkg-deb (packaging/build.py --deb).

The console goes under /opt/modconsole with `modconsole` on the PATH, a menu entry,
the icon in every hicolor size and AppStream metainfo. Qt's X11 libraries are declared
as dependencies, so apt brings them to a minimal Debian or Ubuntu. The user's data lives
in their home folder (~/.local/share/modconsole), which removing the package never
touches.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.modconsole.Console"
# What Qt's xcb platform plugin and the fonts it draws with need from the system; the
# rest (Qt, Python, ICU, numpy…) is inside the folder.
DEPENDS = ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
           "libxcb-render-util0", "libxcb-shape0", "libxcb-randr0", "libxcb-xkb1",
           "libxcb-xinerama0", "libxkbcommon-x11-0", "libxkbcommon0", "libegl1", "libgl1",
           "libfontconfig1", "libfreetype6", "libdbus-1-3", "libglib2.0-0", "libx11-xcb1")
RECOMMENDS = ("fonts-noto-cjk",)  # Chinese text; any CJK font will do


def control(version: str, installed_kib: int) -> str:
    return "\n".join([
        "Package: modconsole",
        f"Version: {version}",
        "Architecture: amd64",
        "Maintainer: The modconsole team <team@modconsole.io>",
        f"Installed-Size: {installed_kib}",
        f"Depends: {', '.join(DEPENDS)}",
        f"Recommends: {', '.join(RECOMMENDS)}",
        "Section: net",
        "Priority: optional",
        "Homepage: https://modconsole.io/",
        "Description: moderator console for online member communities",
        " The back office of a team that runs WeChat, QQ and Telegram groups or forums:",
        " member roster, violation queue, phrase book, activity planner and trends.",
        " Works offline on a local database; can join a team server.",
        ""])


def _tree_kib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) // 1024 + 1


def stage(frozen: Path, version: str, root: Path) -> Path:
    """Lay out the package's files under `root` (the future /)."""
    if root.exists():
        shutil.rmtree(root)
    opt = root / "opt" / "modconsole"
    shutil.copytree(frozen, opt, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "modconsole").symlink_to("/opt/modconsole/modconsole")
    share = root / "usr" / "share"
    linux = ROOT / "packaging" / "linux"
    for source, target in ((f"{APP_ID}.desktop", f"applications/{APP_ID}.desktop"),
                           (f"{APP_ID}.metainfo.xml", f"metainfo/{APP_ID}.metainfo.xml")):
        (share / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(linux / source, share / target)
    icons = ROOT / "resources" / "icons"
    for png in (icons / "hicolor").glob("*/apps/modconsole.png"):
        target = share / "icons" / "hicolor" / png.parent.parent.name / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True)
    shutil.copy2(icons / "modconsole.svg", scalable)
    doc = share / "doc" / "modconsole"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "modconsole is distributed under the MIT licence. The folder /opt/modconsole also\n"
        "holds Python, Qt (LGPLv3) and the Python libraries listed in README.md, each\n"
        "under its own licence.\n", encoding="utf-8")
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control(version, _tree_kib(root)), encoding="utf-8")
    for path in root.rglob("*"):  # dpkg wants no group- or world-writable files
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o022)
    return root


def build_deb(frozen: Path, version: str, out_dir: Path) -> Path:
    root = stage(frozen, version, out_dir / "deb-root")
    package = out_dir / f"modconsole_{version}_amd64.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root),
                    str(package)], check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(root)
    return package
