"""Before Qt opens a window: the missing xcb libraries become one apt-get line."""

import subprocess

import pytest

from modconsole.gui import platform_libraries as pl

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd0b1f6000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f53e4a00000)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f53e4ff1000)
\tlibxcb-icccm.so.4 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibEGL.so.1 => not found
"""


@pytest.mark.parametrize("soname, package", [
    ("libxcb-icccm.so.4", "libxcb-icccm4"), ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"), ("libdbus-1.so.3", "libdbus-1-3"),
    ("libEGL.so.1", "libegl1"), ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libfontconfig.so.1", "libfontconfig1"),
])
def test_sonames_become_debian_packages(soname, package):
    assert pl.package_for(soname) == package


def test_the_missing_libraries_become_one_install_line(monkeypatch):
    monkeypatch.setattr(pl.subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(
        a, 0, stdout=LDD))
    problem = pl.xcb_problem({"DISPLAY": ":0"}, "linux")
    assert "sudo apt-get install libxcb-icccm4 libxkbcommon-x11-0 libxcb-keysyms1 libegl1\n" \
        in problem
    assert "libxcb-cursor" not in problem  # present, so not asked for


def test_no_check_where_the_xcb_plugin_is_not_used(monkeypatch):
    monkeypatch.setattr(pl.subprocess, "run", lambda *a, **k: pytest.fail("ldd was run"))
    assert pl.xcb_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert pl.xcb_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert pl.xcb_problem({}, "win32") is None


def test_the_console_says_what_to_install_instead_of_aborting(monkeypatch, capsys, tmp_path):
    from modconsole.gui import app

    monkeypatch.setattr(app, "xcb_problem", lambda: "sudo apt-get install libxcb-icccm4\n")
    monkeypatch.setattr(app, "create_app", lambda: pytest.fail("Qt was started"))
    assert app.run_gui(tmp_path / "x.db") == 1
    assert "apt-get install libxcb-icccm4" in capsys.readouterr().err
