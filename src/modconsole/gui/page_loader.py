"""Import the workspaces' code on a thread, after the window's first frame.

The pages pull in SQLAlchemy, the models and every service: about 2 s of
imports on a 2-CPU machine, more than the rest of start-up together. So the
main window paints its sidebar and status bar first, this loader imports one
page's modules at a time (the page the user left open first), and the GUI
thread builds each page as soon as its code is in.
"""

from __future__ import annotations

import importlib
import logging
import threading

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class PageLoader(QObject):
    """Imports `plan`'s modules in order on a daemon thread.

    Signals (connect them to a QObject's methods: they arrive on its thread):
        loaded(str): every module of this key is imported.
        failed(str, str): a key's import raised (a bug or a broken install); the error.
    """

    loaded = Signal(str)
    failed = Signal(str, str)

    def __init__(self, plan: list[tuple[str, tuple[str, ...]]], parent: QObject | None = None):
        super().__init__(parent)
        self._plan = plan
        self._thread = threading.Thread(target=self._run, name="modconsole-pages", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        for key, modules in self._plan:
            try:
                for name in modules:
                    importlib.import_module(name)
            except Exception as exc:  # shown to the user rather than lost on a thread
                log.exception("loading the %s page failed", key)
                self.failed.emit(key, f"{type(exc).__name__}: {exc}")
                return
            try:
                self.loaded.emit(key)
            except RuntimeError:  # the window closed before its pages were loaded
                return
