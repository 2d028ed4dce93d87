"""Start the desktop console: translations, style, main window, then open the database.

The window is shown before the database is opened and before its pages'
code is loaded: opening (and a migration, if one is due) runs on the worker
thread and the pages load on another (main_window.PageLoader), so the first
frame waits for neither. Nothing imported here may import SQLAlchemy.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QProcess, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from modconsole import __version__
from modconsole.assets import resource_path
from modconsole.gui.enter_key import enter_presses_buttons
from modconsole.gui.i18n import configured_language, install_translators
from modconsole.gui.main_window import MainWindow
from modconsole.gui.operations import OperationRunner
from modconsole.gui.platform_libraries import xcb_problem

log = logging.getLogger(__name__)
SMOKE_TEST_ENV = "MODCONSOLE_SMOKE_TEST"


def serial_painting() -> None:
    """Keep Qt's raster fills on the GUI thread; call before the QApplication exists.

    Qt hands every fill of 96 or more spans to a thread pool and waits for it.
    For table cells the hand-off costs more than the fill: 2.5-4 ms of a
    roster frame on a 2-CPU machine. A user's own setting is left alone.
    """
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def create_app(argv: list[str] | None = None) -> QApplication:
    serial_painting()
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("modconsole")
    app.setApplicationVersion(__version__)
    app._translators = install_translators(app, configured_language())  # keep them alive
    enter_presses_buttons(app)
    app.setStyleSheet(resource_path("style.qss").read_text(encoding="utf-8"))
    app.setWindowIcon(QIcon(str(resource_path("icons", "modconsole.svg"))))
    return app


def _open_database(path: Path):
    """Runs on the worker thread, which loads the store's code meanwhile."""
    from modconsole.services.startup import open_console_database

    return open_console_database(path)


def open_main_window(database: Path) -> MainWindow:
    """A shown main window whose database opens and pages load in the background."""
    runner = OperationRunner()
    window = MainWindow(runner, database)
    window.show()
    runner.open(database, _open_database, held=True)  # the window announces it when built
    return window


def _restart() -> None:
    # A frozen build's executable is the app itself; under Python, argv[0] is the script.
    QProcess.startDetached(sys.executable, sys.argv[1:] if getattr(sys, "frozen", False)
                           else [*sys.argv])
    QApplication.quit()


class _SmokeTest(QObject):
    """With MODCONSOLE_SMOKE_TEST=1: say "painted" once the window has painted, then
    "pages built" once every page's code has loaded, and quit (exit 1 if a page could not
    load). How an installer's build is checked, and its cold start timed, with no one at a
    screen."""

    def __init__(self, app: QApplication, window: MainWindow):
        super().__init__(app)
        self._app = app
        self._painted = False
        self._end: tuple[str, int] | None = None  # what to say last, and the exit code
        window.pages_built.connect(lambda: self._finish("pages built", 0))
        window.page_failed.connect(lambda error: self._finish(f"page failed: {error}", 1))
        window.installEventFilter(self)

    def _finish(self, line: str, code: int) -> None:
        self._end = (line, code)
        if self._painted:
            print(line, flush=True)
            QTimer.singleShot(0, lambda: self._app.exit(code))

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._painted = True
            print("painted", flush=True)
            if self._end is not None:
                self._finish(*self._end)
        return False


def _report_uncaught(window: MainWindow):
    def hook(exc_type, exc, tb):
        log.error("uncaught error", exc_info=(exc_type, exc, tb))
        window.show_unexpected_error(exc)
    return hook


def run_gui(database: Path) -> int:
    problem = xcb_problem()
    if problem:  # Qt would abort the process with a hint that names the wrong library
        print(problem, file=sys.stderr)
        return 1
    app = create_app()
    window = open_main_window(database)
    window.restart_requested.connect(_restart)
    sys.excepthook = _report_uncaught(window)
    if os.environ.get(SMOKE_TEST_ENV) == "1":
        _SmokeTest(app, window)
    code = app.exec()
    window.runner.shutdown()
    return code
