"""The status bar: which database, sync state, pending changes and running work."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from modconsole.gui.operations import Operation, OperationRunner
from modconsole.store.write_lock import Holder


def _pending_changes(session) -> int:
    from modconsole.services.info import pending_changes  # not before the first frame

    return pending_changes(session)


class PathLabel(QLabel):
    """A file path that gives up width before anything else in the bar does: what does
    not fit is elided in the middle, and the tooltip has it whole."""

    def minimumSizeHint(self) -> QSize:
        return QSize(80, super().minimumSizeHint().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle,
                                              self.contentsRect().width())
        painter.drawText(self.contentsRect(), int(self.alignment()), shown)


class ConsoleStatusBar(QStatusBar):
    """Shows the database path, "offline — local only", the outbox count and progress.

    Long jobs that report progress get a bar and a Cancel button here. Clicking the
    sync state asks for the Team page (team_clicked).
    """

    team_clicked = Signal()

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._op: Operation | None = None
        self._waiting_shown = False
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self._cancel)
        self.database_label = PathLabel()
        self.sync_label = QPushButton(self.tr("Offline — local only"))
        self.sync_label.setObjectName("statusLink")
        self.sync_label.setFlat(True)
        self.sync_label.setToolTip(self._local_only_tip())
        self.sync_label.clicked.connect(self.team_clicked)
        self.pending_label = QLabel()
        for widget in (self.progress, self.cancel_button):
            self.addWidget(widget)
            widget.hide()
        self.addPermanentWidget(self.database_label)
        self.addPermanentWidget(self.sync_label)
        self.addPermanentWidget(self.pending_label)
        runner.progressed.connect(self._on_progress)
        runner.ended.connect(self._on_ended)
        runner.changed.connect(lambda _topics: self.refresh_pending())
        runner.opened.connect(lambda _report: self.refresh_pending())
        runner.waiting.connect(self._on_waiting)

    def set_database(self, path) -> None:
        self.database_label.setText(str(path))
        self.database_label.setToolTip(self.tr("The database this console works on: {path}")
                                       .format(path=path))

    def refresh_pending(self) -> None:
        self._runner.run(_pending_changes, label=self.tr("Counting pending changes"),
                         on_done=self._show_pending, on_error=lambda *_: None)

    def show_team(self, state) -> None:
        """The team connection in a few words (a sync_engine.TeamState); the rest is on
        the Team page."""
        if state.url is None:
            text = self.tr("Offline — local only")
        elif state.syncing:
            text = self.tr("Syncing…")
        elif state.first_join:
            text = self.tr("Team: waiting for your choice")
        elif state.online is False:
            text = self.tr("Team server unreachable — working offline")
        elif state.last_sync is not None:
            text = self.tr("Synced {time}").format(time=f"{state.last_sync.astimezone():%H:%M}")
        else:
            text = self.tr("Signed in")
        if state.url is not None:
            self._show_pending(state.waiting)  # counted after every sync
        problems = state.conflicts + state.refused
        if problems:
            text += " · " + self.tr("%n to look at", "", problems)
        self.sync_label.setText(text)
        if state.url is None:
            self.sync_label.setToolTip(self._local_only_tip())  # after signing out too
        else:
            tip = self.tr("Signed in to {url} as {account}.").format(url=state.url,
                                                                   account=state.account)
            self.sync_label.setToolTip(tip + (f"\n{state.error}" if state.error else ""))

    def _local_only_tip(self) -> str:
        return self.tr("No team server is configured; everything is saved in the local "
                       "database. Click to sign in.")

    def _show_pending(self, count: int) -> None:
        self.pending_label.setText(self.tr("%n change(s) waiting to sync", "", count))

    def _on_waiting(self, holder: Holder) -> None:
        """Say why a save has not happened yet; the job goes on once the lock frees."""
        what = {"import": self.tr("an import"), "tagging": self.tr("bulk tagging"),
                "demo": self.tr("the demo loader"), "restore": self.tr("a restore")}.get(
            holder.kind, self.tr("another modconsole window"))
        if holder.detail:
            what = f"{what} ({holder.detail})"
        self.showMessage(self.tr("Waiting for %1 to finish writing to this database; "
                                 "your change is saved as soon as it is done.").replace(
            "%1", what))
        self._waiting_shown = True

    def _on_progress(self, op: Operation, done: int, total: int) -> None:
        self._op = op
        self.progress.setFormat(f"{op.label} %p%")
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)

    def _on_ended(self, op: Operation) -> None:
        if self._waiting_shown:  # whatever waited has now run (or failed and says so)
            self._waiting_shown = False
            self.clearMessage()
        if op is self._op:
            self._op = None
            self.progress.hide()
            self.cancel_button.hide()

    def _cancel(self) -> None:
        if self._op is not None:
            self._op.cancel()
            self.cancel_button.setEnabled(False)


def show_message(widget: QWidget, text: str, ms: int = 8000) -> None:
    """Say something in the status bar of the window `widget` sits in (if it has one)."""
    window = widget.window()
    bar = window.statusBar() if hasattr(window, "statusBar") else None
    if bar is not None:
        bar.showMessage(text, ms)
