"""The weekly review (周复盘), monthly summary (月总结) and quarterly review (季度调整): the
period's numbers at a glance, then every occurrence with its check-ins."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.money import format_cents
from modconsole.domain.recurrence import zone
from modconsole.gui.card import Card
from modconsole.gui.planner.labels import day_names, status_names, type_names
from modconsole.gui.tables import read_only_table
from modconsole.services.reviews import PeriodSummary


class PeriodReview(QWidget):
    """Signals: span_changed(): the person chose the shown week or month, or its quarter."""

    span_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        head.addWidget(self.title, 1)
        self.span = QComboBox()
        self.span.addItem(self.tr("The week or month shown"), "shown")
        self.span.addItem(self.tr("Its quarter (季度调整)"), "quarter")
        self.span.currentIndexChanged.connect(lambda _i: self.span_changed.emit())
        head.addWidget(self.span)
        layout.addLayout(head)
        grid = QGridLayout()
        self.figures: dict[str, Card] = {}
        names = (("activities", self.tr("Activities")), ("occurrences", self.tr("Sessions")),
                 ("done", self.tr("Done")), ("cancelled", self.tr("Cancelled")),
                 ("participants", self.tr("Participants")),
                 ("new_members", self.tr("New members")),
                 ("conversions", self.tr("Conversions")),
                 ("budget", self.tr("Budget: planned / actual (¥)")))
        for i, (key, label) in enumerate(names):
            self.figures[key] = Card(label)
            grid.addWidget(self.figures[key], i // 4, i % 4)
        layout.addLayout(grid)
        self.by_type = QLabel()
        self.by_type.setWordWrap(True)
        layout.addWidget(self.by_type)
        self.table = read_only_table([self.tr("When"), self.tr("Title"), self.tr("Type"),
                                      self.tr("Status"), self.tr("Checked in")])
        layout.addWidget(self.table, 1)

    def quarterly(self) -> bool:
        return self.span.currentData() == "quarter"

    def show_summary(self, title: str, s: PeriodSummary, tz: str) -> None:
        self.title.setText(title)
        for key in ("activities", "occurrences", "done", "cancelled", "participants",
                    "new_members", "conversions"):
            self.figures[key].value.setText(str(getattr(s, key)))
        self.figures["budget"].value.setText(f"{format_cents(s.planned_cents)} / "
                                       f"{format_cents(s.actual_cents)}")
        types, statuses, local = type_names(), status_names(), zone(tz)
        self.by_type.setText(" · ".join(f"{types.get(k, k)} {n}" for k, n in sorted(
            s.by_type.items(), key=lambda kv: -kv[1])) or self.tr(
            "Nothing ran in this period. Plan activities on the Week or Month tab."))
        self.table.setRowCount(len(s.lines))
        for row, line in enumerate(s.lines):
            start = line.start.astimezone(local)
            cells = (f"{day_names()[start.weekday()]} {start:%m-%d %H:%M}", line.title,
                     types.get(line.type, line.type), statuses.get(line.status, line.status),
                     str(line.attended))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
