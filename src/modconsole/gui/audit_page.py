"""The audit log page: every moderation and roster action, filterable, exportable, read-only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.messages import N_
from modconsole.gui.commands import command
from modconsole.gui.i18n import localized
from modconsole.gui.keyset_model import KeysetTableModel
from modconsole.gui.note_label import heading
from modconsole.gui.operations import OperationRunner
from modconsole.gui.shortcuts import shortcuts_first, widget_shortcut
from modconsole.gui.status_bar import show_message
from modconsole.services import audit
from modconsole.services.audit import AuditFilter, AuditRow


class AuditModel(KeysetTableModel):
    page_size = 200

    def __init__(self, runner: OperationRunner, parent: QObject | None = None):
        super().__init__(runner, parent)
        self.filter = AuditFilter()

    def headers(self) -> list[str]:
        return [self.tr("When"), self.tr("Who"), self.tr("What happened"), self.tr("Reason")]

    def page_job(self, after, limit):
        f = self.filter
        return lambda s: audit.entries(s, f, after, limit)

    def cell(self, row: AuditRow, column: int, role):
        """The entry in words; its stored action and values are the tooltip of "what"."""
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return "\n".join(part for part in (row.action, row.before and "← " + row.before,
                                                row.after and "→ " + row.after) if part)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = (f"{row.at.astimezone():%Y-%m-%d %H:%M:%S}", row.actor, localized(row.words),
                  row.reason)
        return values[column]


class AuditPage(QWidget):
    """Append-only: the page offers filters and export, and nothing that edits."""

    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        layout = QVBoxLayout(self)
        layout.addLayout(heading(self.tr("Audit log"), self.tr(
            "Who did what, when, and why. Entries cannot be edited or deleted.")))
        bar = QHBoxLayout()
        self.action = QComboBox()
        for text, prefix in ((self.tr("All actions"), None), (self.tr("Cases"), "case."),
                             (self.tr("Appeals"), "appeal."), (self.tr("Sanctions"),
                                                               "sanction."),
                             (self.tr("Rulebook"), "rule"), (self.tr("Members"), "member."),
                             (self.tr("Tags"), "tags."), (self.tr("Groups"), "group."),
                             (self.tr("Segments"), "segment."),
                             (self.tr("Lucky draws"), "activity.draw")):
            self.action.addItem(text, prefix)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search reasons and values (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.export_button = QPushButton(self.tr("Export… (Ctrl+E)"))
        bar.addWidget(self.action)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.model = AuditModel(runner, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        for column, width in enumerate((150, 90, 520)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("Nothing recorded yet. Decisions, lifts, appeals, rule "
                                    "edits and member edits appear here as they happen."))
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.empty.hide()
        self.action.currentIndexChanged.connect(self.refilter)
        self.search.returnPressed.connect(self.refilter)
        self.search.textChanged.connect(lambda text: not text and self.refilter())
        self.export_button.clicked.connect(self.export)
        self.model.loaded.connect(lambda: self.empty.setVisible(self.model.rowCount() == 0))
        widget_shortcut("Ctrl+F", self, self.search.setFocus, with_children=True)
        widget_shortcut("Ctrl+E", self, self.export, with_children=True)
        shortcuts_first(self.search, "Ctrl+E", "Ctrl+K")
        self.commands = {name.source: command(self, name, slot, keys, bound=False)
                         for name, keys, slot in (
            (N_("AuditPage", "Export the audit log…"), "Ctrl+E", self.export),
            (N_("AuditPage", "Search the audit log"), "Ctrl+F", self.search.setFocus),
        )}
        runner.opened.connect(lambda _r: self.model.reload())
        runner.changed.connect(lambda _topics: self.isVisible() and self.model.reload())

    def current_filter(self) -> AuditFilter:
        return AuditFilter(action=self.action.currentData(),
                           text=self.search.text().strip() or None)

    def refilter(self) -> None:
        self.model.filter = self.current_filter()
        self.model.reload(refilter=True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.runner.store is not None:
            self.model.reload()

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"),
                                              "audit-log.csv", self.tr("CSV (*.csv);;Excel "
                                                                       "(*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        f = self.current_filter()
        self.runner.run(lambda s: audit.export(s, f, path, QCoreApplication.translate),
                        label=self.tr("Exporting"),
                        on_done=lambda n: self._message(self.tr(
                            "%n entries written to %1.", "", n).replace("%1", str(path))))

    def _message(self, text: str) -> None:
        show_message(self, text, 8000)
