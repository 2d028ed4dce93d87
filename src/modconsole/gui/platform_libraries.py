"""Before Qt opens a window on Linux: are the system libraries its xcb plugin needs there?

Without them Qt aborts the process (SIGABRT) with a hint that names only
`xcb-cursor0`, whatever is actually missing. `ldd` on the plugin lists every
library the loader cannot find; each is turned into the Debian/Ubuntu
package that ships it, so the person gets one `apt-get install` line.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Where Debian's package name does not follow from the library's soname.
PACKAGES = {"libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0",
            "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
            "libX11-xcb.so.1": "libx11-xcb1", "libX11.so.6": "libx11-6"}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.M)
_SONAME = re.compile(r"^(lib.+?)\.so\.(\d+)")


def package_for(soname: str) -> str:
    """libxcb-icccm.so.4 -> libxcb-icccm4; libxkbcommon-x11.so.0 -> libxkbcommon-x11-0."""
    if soname in PACKAGES:
        return PACKAGES[soname]
    found = _SONAME.match(soname)
    if not found:
        return soname
    name, version = found.group(1).lower(), found.group(2)
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def missing_libraries(ldd_output: str) -> list[str]:
    """Sonames `ldd` could not find, once each, in the order it names them."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def _xcb_plugin() -> Path | None:
    import PySide6  # the package only; no Qt library is loaded by this

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def xcb_problem(environ=os.environ, platform: str = sys.platform) -> str | None:
    """What to install before Qt can open an X11 window; None when nothing is missing,
    or when this start will not use the xcb plugin (another OS, Wayland, offscreen)."""
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if not platform.startswith("linux") or (chosen and not chosen.startswith("xcb")):
        return None
    if not chosen and environ.get("WAYLAND_DISPLAY"):
        return None
    plugin, ldd = _xcb_plugin(), shutil.which("ldd")
    if plugin is None or ldd is None:
        return None
    try:
        output = subprocess.run([ldd, str(plugin)], capture_output=True, text=True,
                                timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    missing = missing_libraries(output)
    if not missing:
        return None
    packages = " ".join(dict.fromkeys(package_for(m) for m in missing))
    return (f"modconsole cannot open its window: Qt needs {', '.join(missing)}, which this "
            f"system lacks. On Debian or Ubuntu install them with:\n\n"
            f"    sudo apt-get install {packages}\n")
