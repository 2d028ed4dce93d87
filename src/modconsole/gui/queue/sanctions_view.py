"""Sanctions in force with the time they have left; lift one early with a reason (L)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from modconsole.gui.i18n import ui_lang
from modconsole.gui.operations import OperationRunner
from modconsole.gui.queue.dialogs import ReasonDialog
from modconsole.gui.queue.labels import sanction_kind_names, span
from modconsole.gui.shortcuts import widget_shortcut
from modconsole.gui.tables import read_only_table
from modconsole.services import sanctions
from modconsole.services.sanctions import SanctionRow
from modconsole.store.models import utcnow


class SanctionsView(QWidget):
    """A short list (mutes and bans in force), so a table widget is enough here."""

    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.rows: list[SanctionRow] = []
        self.dialog: ReasonDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel()
        top.addWidget(self.summary, 1)
        self.lift_button = QPushButton(self.tr("Lift early… (L)"))
        self.lift_button.clicked.connect(self.lift)
        top.addWidget(self.lift_button)
        layout.addLayout(top)
        self.table = read_only_table([self.tr("Member"), self.tr("Sanction"), self.tr("Ends"),
                                      self.tr("Time left"), self.tr("Rule")])
        for column, width in enumerate((140, 110, 150, 110)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        widget_shortcut("L", self.table, self.lift)
        runner.changed.connect(lambda topics: "cases" in topics and self.isVisible()
                               and self.reload())  # the tab reloads when it is shown

    def reload(self) -> None:
        self.runner.run(lambda s: sanctions.list_sanctions(s, active=True),
                        label=self.tr("Loading sanctions"), on_done=self._show)

    def _show(self, rows: list[SanctionRow]) -> None:
        self.rows = rows
        now, kinds = utcnow(), sanction_kind_names()
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            left = r.remaining(now)
            cells = [r.member_name, kinds.get(r.kind, r.kind),
                     f"{r.ends_at.astimezone():%Y-%m-%d %H:%M}" if r.ends_at else
                     self.tr("permanent"), span(left) if left is not None else "—",
                     r.rule_title(ui_lang())]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(i, column, item)
        self.summary.setText(self.tr("%n sanction(s) in force. Mutes end by themselves; "
                                     "nobody needs to lift them.", "", len(rows)) if rows else
                             self.tr("No mutes or bans are in force."))
        self.lift_button.setEnabled(bool(rows))

    def lift(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        target = self.rows[row]
        dialog = ReasonDialog(self.tr("Lift early"), self.tr(
            "Lift the %1 on %2 now? Say why; it goes into the audit log.").replace(
            "%1", sanction_kind_names().get(target.kind, target.kind)).replace(
            "%2", target.member_name), self)
        dialog.accepted.connect(lambda: self.runner.run(
            lambda s: sanctions.lift(s, target.id, dialog.value()),
            label=self.tr("Lifting the sanction"), changes=("cases", "members")))
        self.dialog = dialog
        dialog.open()
