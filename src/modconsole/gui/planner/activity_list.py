"""The planner's list tab: the period's occurrences as rows, narrowed by text, type and
status as you type (the period is already loaded, so filtering needs no query)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.recurrence import zone
from modconsole.gui.planner.labels import day_names, status_names, type_names
from modconsole.gui.shortcuts import widget_shortcut
from modconsole.gui.tables import read_only_table
from modconsole.services.activities import Entry


class ActivityList(QWidget):
    activated = Signal(object)  # entry: Enter or a double-click
    current_changed = Signal(object)  # entry or None

    def __init__(self, tz: str, parent=None):
        super().__init__(parent)
        self.tz = tz
        self.entries: list[Entry] = []
        self.shown: list[Entry] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Filter by title, group, host or place"))
        self.text.setClearButtonEnabled(True)
        self.type = QComboBox()
        self.type.addItem(self.tr("Any type"), None)
        for key, name in type_names().items():
            self.type.addItem(name, key)
        self.status = QComboBox()
        self.status.addItem(self.tr("Any status"), None)
        for key, name in status_names().items():
            self.status.addItem(name, key)
        bar.addWidget(self.text, 1)
        bar.addWidget(self.type)
        bar.addWidget(self.status)
        layout.addLayout(bar)
        self.table = read_only_table([self.tr("When"), self.tr("Title"), self.tr("Type"),
                                      self.tr("Status"), self.tr("Groups"), self.tr("Host")])
        layout.addWidget(self.table, 1)
        self.text.textChanged.connect(lambda _t: self._refill())
        self.type.currentIndexChanged.connect(lambda _i: self._refill())
        self.status.currentIndexChanged.connect(lambda _i: self._refill())
        self.table.cellDoubleClicked.connect(lambda row, _c: self._activate(row))
        self.table.currentCellChanged.connect(
            lambda row, *_: self.current_changed.emit(self.current()))
        widget_shortcut("Return", self.table, lambda: self._activate(self.table.currentRow()))

    def set_entries(self, entries: list[Entry]) -> None:
        self.entries = entries
        self._refill()

    def current(self) -> Entry | None:
        row = self.table.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _activate(self, row: int) -> None:
        if 0 <= row < len(self.shown):
            self.activated.emit(self.shown[row])

    def _matches(self, e: Entry) -> bool:
        text = self.text.text().strip().lower()
        if self.type.currentData() and e.type != self.type.currentData():
            return False
        if self.status.currentData() and e.status != self.status.currentData():
            return False
        haystack = " ".join([e.title, e.host, e.location, *(n for _, n in e.groups)]).lower()
        return not text or text in haystack

    def _refill(self) -> None:
        self.shown = [e for e in self.entries if self._matches(e)]
        types, statuses, local, days = type_names(), status_names(), zone(self.tz), day_names()
        now = datetime.now(UTC)
        self.table.setRowCount(len(self.shown))
        for row, e in enumerate(self.shown):
            start = e.start.astimezone(local)
            cells = (f"{days[start.weekday()]} {start:%m-%d %H:%M}", e.title,
                     types.get(e.type, e.type), statuses.get(e.status_at(now), e.status),
                     ", ".join(n for _, n in e.groups), e.host)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
