"""The queue's table model: cases in queue order, a keyset page at a time."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor, QFont

from modconsole.gui.keyset_model import KeysetTableModel
from modconsole.gui.operations import OperationRunner
from modconsole.gui.queue.labels import (
    decision_name,
    due_text,
    severity_names,
    source_names,
    status_names,
)
from modconsole.services import cases
from modconsole.services.cases import QueueFilter, QueueRow
from modconsole.store.models import utcnow

OVERDUE = QColor("#c62828")
COLUMNS = ("due", "member", "rule", "severity", "reports", "status", "claimed", "source",
           "evidence")
WIDTHS = (150, 100, 190, 70, 50, 90, 90, 100, 420)


class QueueModel(KeysetTableModel):
    """`QueueRow`s; overdue cases are bold with the due time in red."""

    def __init__(self, runner: OperationRunner, parent: QObject | None = None):
        super().__init__(runner, parent)
        self.filter = QueueFilter()
        self.lang = "en"
        self.now = utcnow()
        self._names = {**status_names(), **severity_names(), **source_names()}

    def headers(self) -> list[str]:
        return [QCoreApplication.translate("QueueModel", "Due"),
                QCoreApplication.translate("QueueModel", "Member"),
                QCoreApplication.translate("QueueModel", "Rule"),
                QCoreApplication.translate("QueueModel", "Severity"),
                QCoreApplication.translate("QueueModel", "Reports"),
                QCoreApplication.translate("QueueModel", "Status"),
                QCoreApplication.translate("QueueModel", "Claimed by"),
                QCoreApplication.translate("QueueModel", "Source"),
                QCoreApplication.translate("QueueModel", "Evidence")]

    def page_job(self, after, limit):
        f, now = self.filter, self.now
        return lambda s: cases.queue_page(s, f, after, limit, now)

    def count_job(self):
        f = self.filter
        return lambda s: cases.count_cases(s, f)

    def cell(self, row: QueueRow, column: int, role):
        key = COLUMNS[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and key == "due" and row.overdue(self.now):
            return OVERDUE
        if role == Qt.ItemDataRole.FontRole and row.overdue(self.now):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and key == "evidence":
            return row.evidence
        return None

    def _text(self, row: QueueRow, key: str) -> str:
        if key == "due":
            if row.status in ("open", "claimed"):
                return due_text(row.due_at, self.now)
            return decision_name(row.decision)
        if key == "member":
            return row.member_name
        if key == "rule":
            title = row.rule_title_zh if self.lang.startswith("zh") else row.rule_title_en
            prefix = QCoreApplication.translate("QueueModel", "Appeal: ") if \
                row.kind == "appeal" else ""
            return prefix + (title or QCoreApplication.translate("QueueModel", "(no rule yet)"))
        if key == "severity":
            return self._names.get(row.severity or "", "")
        if key == "reports":
            return str(row.report_count)
        if key == "status":
            return self._names.get(row.status, row.status)
        if key == "claimed":
            return row.claimed_by_name
        if key == "source":
            return self._names.get(row.source, row.source)
        return " ".join(row.evidence.split())[:160]

    def set_filter(self, f: QueueFilter) -> None:
        self.filter = f
        self.reload(refilter=True)

    def reload(self, *, refilter: bool = False) -> None:
        self.now = utcnow()
        super().reload(refilter=refilter)

    def replace_row(self, row: QueueRow) -> None:
        """Show a case's new state in place (after a claim), without reloading the queue."""
        at = next((i for i, r in enumerate(self._rows) if r.id == row.id), -1)
        if at >= 0:
            self._rows[at] = row
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(COLUMNS) - 1))

    def tick(self, now: datetime) -> None:
        """Advance the clock the due column is computed against."""
        self.now = now
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))
