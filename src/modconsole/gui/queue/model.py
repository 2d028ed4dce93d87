"""The queue's table model: keyset pages fetched on the worker as the view scrolls down.

Queues are worked from the top, so the model loads the first page and asks
for the next one only when the view reaches the end (`canFetchMore`).
`data()` reads the held rows and nothing else. A generation number drops
late pages that belong to an earlier filter.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont

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

PAGE = 100
NO_PARENT = QModelIndex()
OVERDUE = QColor("#c62828")
COLUMNS = ("due", "member", "rule", "severity", "reports", "status", "claimed", "source",
           "evidence")
WIDTHS = (150, 100, 190, 70, 50, 90, 90, 100, 420)


class QueueModel(QAbstractTableModel):
    """`QueueRow`s in queue order; `row_at` hands a whole row to the page.

    Signals:
        loaded(): a page arrived (or the queue turned out empty).
        counted(int): the exact number of cases the filter matches.
    """

    loaded = Signal()
    counted = Signal(int)

    def __init__(self, runner: OperationRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.filter = QueueFilter()
        self.lang = "en"
        self._rows: list[QueueRow] = []
        self._more = False
        self._busy = False
        self._generation = 0
        self.now = utcnow()
        self._names = {**status_names(), **severity_names(), **source_names()}

    # -- Qt model API ---------------------------------------------------------------
    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None

    def _headers(self) -> list[str]:
        return [QCoreApplication.translate("QueueModel", "Due"),
                QCoreApplication.translate("QueueModel", "Member"),
                QCoreApplication.translate("QueueModel", "Rule"),
                QCoreApplication.translate("QueueModel", "Severity"),
                QCoreApplication.translate("QueueModel", "Reports"),
                QCoreApplication.translate("QueueModel", "Status"),
                QCoreApplication.translate("QueueModel", "Claimed by"),
                QCoreApplication.translate("QueueModel", "Source"),
                QCoreApplication.translate("QueueModel", "Evidence")]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()]
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

    def canFetchMore(self, parent=NO_PARENT) -> bool:
        return not parent.isValid() and self._more and not self._busy

    def fetchMore(self, parent=NO_PARENT) -> None:
        if self.canFetchMore(parent):
            self._fetch(self._rows[-1].key)

    # -- loading --------------------------------------------------------------------
    def row_at(self, row: int) -> QueueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == case_id), -1)

    def set_filter(self, f: QueueFilter) -> None:
        self.filter = f
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.now = utcnow()
        self._busy = False
        self._fetch(None, reset=True)
        generation, f = self._generation, self.filter
        self.runner.run(lambda s: cases.count_cases(s, f),
                        label=QCoreApplication.translate("QueueModel", "Counting cases"),
                        on_done=lambda n: self._counted(generation, n))

    def _fetch(self, after: tuple | None, reset: bool = False) -> None:
        self._busy = True
        generation, f, now = self._generation, self.filter, self.now
        self.runner.run(lambda s: cases.queue_page(s, f, after, PAGE, now),
                        label=QCoreApplication.translate("QueueModel", "Loading the queue"),
                        on_done=lambda rows: self._arrived(generation, rows, reset),
                        on_error=lambda _e, _m: self._arrived(generation, [], reset))

    def _arrived(self, generation: int, rows: list[QueueRow], reset: bool) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self._more = len(rows) == PAGE
        if reset:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
        elif rows:
            start = len(self._rows)
            self.beginInsertRows(NO_PARENT, start, start + len(rows) - 1)
            self._rows += rows
            self.endInsertRows()
        self.loaded.emit()

    def _counted(self, generation: int, count: int) -> None:
        if generation == self._generation:
            self.counted.emit(count)

    def replace_row(self, row: QueueRow) -> None:
        """Show a case's new state in place (after a claim), without reloading the queue."""
        at = self.row_of(row.id)
        if at >= 0:
            self._rows[at] = row
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(COLUMNS) - 1))

    def tick(self, now: datetime) -> None:
        """Advance the clock the due column is computed against."""
        self.now = now
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))
