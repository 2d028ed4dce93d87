"""The member's case file in the member panel: one list, newest first, filterable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QListWidget, QVBoxLayout, QWidget

from modconsole.gui.operations import OperationRunner
from modconsole.gui.queue.labels import decision_name, outcome_name, sanction_kind_names
from modconsole.services import case_file
from modconsole.services.case_file import Entry


def entry_title(e: Entry) -> str:
    """What happened, in the interface language."""
    head, _, rest = e.what.partition(":")
    if e.kind == "report":
        return QCoreApplication.translate("CaseFile", "Reported (%1)").replace("%1", e.what or "—")
    if head == "decided":
        return QCoreApplication.translate("CaseFile", "Decision: %1").replace(
            "%1", decision_name(rest))
    if head == "undone":
        return QCoreApplication.translate("CaseFile", "Decision taken back")
    if head == "appeal_decided":
        return QCoreApplication.translate("CaseFile", "Appeal %1").replace("%1", outcome_name(rest))
    if e.kind == "appeal":
        return QCoreApplication.translate("CaseFile", "Appeal filed")
    if head == "lifted":
        return QCoreApplication.translate("CaseFile", "%1 lifted early").replace(
            "%1", sanction_kind_names().get(rest, rest))
    if e.kind == "note":
        return QCoreApplication.translate("CaseFile", "Note")
    if e.kind == "tags":
        return QCoreApplication.translate("CaseFile", "Tags")
    return QCoreApplication.translate("CaseFile", "Activity (%1)").replace("%1", e.what)


class CaseFileView(QWidget):
    """Reports, decisions, sanctions, appeals, notes, tag changes and attendance."""

    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.member_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.kinds = QComboBox()
        for text, kinds in ((self.tr("Everything"), case_file.KINDS),
                            (self.tr("Moderation"), ("report", "decision", "sanction",
                                                     "appeal")),
                            (self.tr("Notes and tags"), ("note", "tags")),
                            (self.tr("Activities"), ("attendance",))):
            self.kinds.addItem(text, kinds)
        self.kinds.currentIndexChanged.connect(lambda _i: self.reload())
        layout.addWidget(self.kinds)
        self.list = QListWidget()
        self.list.setMinimumHeight(160)
        self.list.setWordWrap(True)
        layout.addWidget(self.list)

    def show_member(self, member_id: str | None) -> None:
        self.member_id = member_id
        self.reload()

    def reload(self) -> None:
        member_id, kinds = self.member_id, self.kinds.currentData()
        if member_id is None:
            self.list.clear()
            return
        self.runner.run(lambda s: case_file.timeline(s, member_id, kinds),
                        label=self.tr("Loading the case file"),
                        on_done=lambda entries: self._show(member_id, entries))

    def _show(self, member_id: str, entries: list[Entry]) -> None:
        if member_id != self.member_id:
            return
        self.list.clear()
        for e in entries:
            who = f" · {e.who}" if e.who else ""
            detail = f"\n{e.detail}" if e.detail else ""
            self.list.addItem(f"{e.at.astimezone():%Y-%m-%d %H:%M}  {entry_title(e)}{who}{detail}")
        if not entries:
            self.list.addItem(self.tr("Nothing on record yet."))
