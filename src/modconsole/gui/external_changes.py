"""Noticing what another process wrote to the same database, so the windows refresh.

SQLite's `PRAGMA data_version` changes on a connection when another
connection commits, and not for its own commits. The runner's jobs run one
at a time on one worker, so they reuse one pooled connection (long reads on
the reader threads have an engine of their own): polling the
number through a tiny read job sees exactly the other consoles' and
commands' commits. A new connection (after a restore) starts a new count.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from modconsole.gui.operations import OperationRunner

POLL_MS = 2000
# Every topic a view listens for, and "external" for views that refresh as a whole.
ALL_TOPICS = frozenset({"external", "members", "tags", "groups", "classes", "segments",
                        "cases", "rules", "templates", "activities", "attendance"})


def data_version(session) -> tuple[int, int]:
    """(which connection, its data_version) for the job's connection."""
    raw = session.connection().connection.driver_connection
    return id(raw), raw.execute("PRAGMA data_version").fetchone()[0]


class ExternalChanges(QObject):
    """Polls every two seconds; on a change by someone else, runner.changed(ALL_TOPICS)."""

    def __init__(self, runner: OperationRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._runner = runner
        self._seen: dict[int, int] = {}
        self._asking = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        if self._runner.store is None or self._asking:
            return
        self._asking = True
        self._runner.run(data_version, urgent=True, on_done=self._answer,
                         on_error=lambda *_: setattr(self, "_asking", False),
                         label=QCoreApplication.translate("ExternalChanges",
                                                          "Looking for changes"))

    def _answer(self, answer: tuple[int, int]) -> None:
        self._asking = False
        connection, version = answer
        before = self._seen.get(connection)
        self._seen[connection] = version
        if before is not None and before != version:
            self._runner.changed.emit(ALL_TOPICS)
