"""Today's rollups, worked out beside the console's work: the numbers are computed in a
read on a reader thread (seconds at a million members) and written in one short job."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from modconsole.gui.operations import OperationRunner
from modconsole.services.chat.activity import local_today
from modconsole.services.monitoring import rollups

log = logging.getLogger(__name__)

FIRST_DELAY_MS = 30_000  # after start-up work, not during it
INTERVAL_MS = 60 * 60_000  # is a refresh due? (midnight, or a chat import of old messages)


class RollupScheduler(QObject):
    def __init__(self, runner: OperationRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._runner = runner
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.run_now)
        runner.opened.connect(lambda _report: QTimer.singleShot(FIRST_DELAY_MS, self.run_now))
        self.timer.start()

    def run_now(self) -> None:
        store = self._runner.store
        if self._busy or store is None or store.read_only:
            return
        self._busy = True

        def plan(session):
            found = rollups.due(session, local_today())
            return rollups.compute(session, found.first) if found else None

        self._runner.run(plan, label=self.tr("Working out today's numbers"), background=True,
                         on_done=self._write, on_error=self._failed)

    def _write(self, computed: rollups.Computed | None) -> None:
        if computed is None:
            self._idle()
            return
        self._runner.run(lambda s: rollups.write(s, computed),
                         label=self.tr("Saving today's numbers"), changes={"rollups"},
                         on_done=lambda _r: self._idle(), on_error=self._failed)

    def _failed(self, _exc, message: str) -> None:
        """Tried again within the hour; the charts show the numbers of the last success."""
        log.warning("daily rollup failed: %s", message)
        self._idle()

    def _idle(self) -> None:
        self._busy = False
