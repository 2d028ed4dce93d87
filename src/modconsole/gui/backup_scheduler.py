"""The daily automatic backup, made on a thread of its own while the console runs.

The copy goes through SQLite's online backup API on its own connection, so
the database worker and the GUI carry on meanwhile; the copy's integrity
check is the daily full check of the live file, and a failed one is reported
as damage.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from modconsole.gui.i18n import localized
from modconsole.gui.operations import OperationRunner
from modconsole.services import backups
from modconsole.services.errors import UserError
from modconsole.store.damage import DatabaseDamaged

log = logging.getLogger(__name__)

FIRST_DELAY_MS = 60_000  # after start-up work, not during it
INTERVAL_MS = 60 * 60_000  # is one due? (a console left open over midnight)


class BackupScheduler(QObject):
    """Checks hourly whether today's backup is due and makes it.

    Signals:
        made(object): a BackupInfo, or None when none was due.
        failed(str): the backup could not be written; the reason.
        damaged(str): the copy failed its integrity check; the live file is damaged.
    """

    made = Signal(object)
    failed = Signal(str)
    damaged = Signal(str)

    def __init__(self, runner: OperationRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._runner = runner
        self._thread: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.run_now)
        runner.opened.connect(lambda _report: QTimer.singleShot(FIRST_DELAY_MS, self.run_now))
        self.timer.start()

    def run_now(self) -> None:
        store = self._runner.store
        if store is None or store.read_only or store.damage.detail:
            return
        if self._thread is not None and self._thread.is_alive():
            return
        self._thread = threading.Thread(target=self._work, args=(store.path,),
                                        name="daily-backup", daemon=True)
        self._thread.start()

    def _work(self, path: Path) -> None:
        try:
            self.made.emit(backups.automatic_backup(path))
        except DatabaseDamaged as exc:
            self.damaged.emit(localized(exc))
        except UserError as exc:
            self.failed.emit(localized(exc))
        except Exception as exc:  # a thread's failure must reach the log, not vanish
            log.exception("automatic backup of %s failed", path)
            self.failed.emit(localized(exc))

    def wait(self) -> None:
        """Let a running copy finish (at shutdown and in tests)."""
        if self._thread is not None:
            self._thread.join()
