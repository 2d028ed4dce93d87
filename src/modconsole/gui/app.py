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

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication

from modconsole import __version__
from modconsole.assets import resource_path
from modconsole.gui.enter_key import enter_presses_buttons
from modconsole.gui.i18n import configured_language, install_translators
from modconsole.gui.main_window import MainWindow
from modconsole.gui.operations import OperationRunner
from modconsole.gui.platform_libraries import xcb_problem

log = logging.getLogger(__name__)


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
    QProcess.startDetached(sys.executable, [*sys.argv])
    QApplication.quit()


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
    code = app.exec()
    window.runner.shutdown()
    return code
