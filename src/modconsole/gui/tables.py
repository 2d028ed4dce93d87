"""Read-only tables: lists the person looks at and picks rows from, never edits in place."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableWidget


def read_only_table(headers: list[str]) -> QTableWidget:
    """Whole-row selection, no row numbers, the last column taking the spare width."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    return table


def fit_to_rows(table: QTableWidget, most: int) -> None:
    """As tall as its rows (at least one, at most `most`): a short list takes no more room
    than it needs, a long one scrolls."""
    rows = max(1, min(table.rowCount(), most))
    table.setFixedHeight(table.horizontalHeader().sizeHint().height()
                         + table.verticalHeader().defaultSectionSize() * rows
                         + 2 * table.frameWidth())
