"""Budget lines (people, content, promotion, prizes, tools): planned against actual."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from modconsole.domain.money import MoneyError, format_cents, parse_cents
from modconsole.gui.i18n import localized
from modconsole.gui.planner.file_tab import FileTab
from modconsole.gui.planner.labels import budget_names
from modconsole.services import reviews

PLANNED, ACTUAL, NOTE = 1, 2, 3


class BudgetTab(FileTab):
    def __init__(self, runner, entry, parent=None):
        super().__init__(runner, entry, parent)
        self.rows: list[reviews.BudgetRow] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Planned (¥)"),
                                              self.tr("Actual (¥)"), self.tr("Note")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        self.totals = QLabel()
        self.totals.setObjectName("sectionTitle")
        layout.addWidget(self.totals)
        self.save_button = self.add_save_row(layout, self.tr("Save the budget (Ctrl+S)"))

    def load(self) -> None:
        aid = self.entry.activity_id
        self.run(lambda s: reviews.budget_of(s, aid), self.tr("Loading the budget"), self._show)

    def _show(self, rows: list[reviews.BudgetRow]) -> None:
        self.rows = rows
        names = budget_names()
        self.table.setRowCount(len(rows))
        for row, line in enumerate(rows):
            label = QTableWidgetItem(names.get(line.category, line.category))
            label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, label)
            for column, text in ((PLANNED, format_cents(line.planned_cents or None)),
                                 (ACTUAL, format_cents(line.actual_cents)), (NOTE, line.note)):
                item = QTableWidgetItem(text)
                if column != NOTE:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight |
                                          Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        planned = sum(r.planned_cents for r in rows)
        actual = sum(r.actual_cents or 0 for r in rows)
        self.totals.setText(self.tr("Planned ¥%1 · actual ¥%2 · %3").replace(
            "%1", format_cents(planned)).replace("%2", format_cents(actual)).replace(
            "%3", self.tr("over budget") if actual > planned else self.tr("within budget")))

    def _read(self) -> list[tuple[str, int, int | None, str]] | None:
        """The typed lines, or None after pointing at the first cell that is not an amount."""
        names, out = budget_names(), []
        for row, line in enumerate(self.rows):
            amounts = []
            for column in (PLANNED, ACTUAL):
                try:
                    amounts.append(parse_cents(self.table.item(row, column).text()))
                except MoneyError as exc:
                    self.table.setCurrentCell(row, column)
                    self.say(f"{names.get(line.category)}: {localized(exc)}", error=True)
                    return None
            out.append((line.category, amounts[0] or 0, amounts[1],
                        self.table.item(row, NOTE).text().strip()[:200]))
        return out

    def save(self) -> None:
        lines = self._read()
        if lines is None:
            return
        aid = self.entry.activity_id

        def job(session):
            for category, planned, actual, note in lines:
                reviews.set_budget(session, aid, category, planned, actual, note)
            return reviews.budget_of(session, aid)

        self.run(job, self.tr("Saving the budget"),
                 lambda rows: (self._show(rows), self.say(self.tr("Budget saved."))),
                 ("activities",))
