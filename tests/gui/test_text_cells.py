"""Cached text cells look like the default ones: aligned, elided inside the cell, selectable."""

import pytest
from PySide6.QtGui import QColor, QPalette, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView

from modconsole.gui.text_cells import MARGIN, TextCellDelegate

WIDTH = 120


@pytest.fixture
def table(qtbot):
    model = QStandardItemModel(3, 2)
    for row, text in enumerate(["short", "a rather long member nickname 很长的群昵称", ""]):
        model.setData(model.index(row, 0), text)
    view = QTableView()
    view.setModel(model)
    view.setColumnWidth(0, WIDTH)
    view.setShowGrid(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    qtbot.addWidget(view)
    view.resize(500, 200)
    view.show()
    qtbot.waitExposed(view)
    return view


def ink_columns(view, row: int) -> list[int]:
    """x positions in the cell of (row, 0) where anything differs from the background."""
    image = view.viewport().grab().toImage()
    rect = view.visualRect(view.model().index(row, 0))
    ratio = image.devicePixelRatio()
    background = view.palette().color(QPalette.ColorRole.Base)
    found = set()
    for y in range(rect.top() + 2, rect.bottom() - 1):
        for x in range(rect.left(), rect.right() + 1):
            if QColor(image.pixel(round(x * ratio), round(y * ratio))) != background:
                found.add(x - rect.left())
    return sorted(found)


def test_left_aligned_text_starts_at_the_margin(table):
    table.setItemDelegate(TextCellDelegate(table))
    ink = ink_columns(table, 0)
    assert ink and MARGIN <= ink[0] <= MARGIN + 3
    assert ink_columns(table, 2) == []  # an empty cell paints nothing


def test_right_aligned_text_ends_at_the_margin(table):
    table.setItemDelegate(TextCellDelegate(table, align_right=True))
    ink = ink_columns(table, 0)
    assert ink and WIDTH - MARGIN - 4 <= ink[-1] < WIDTH - MARGIN + 1
    assert ink[0] > WIDTH // 2


def test_long_text_is_elided_inside_its_cell(table):
    table.setItemDelegate(TextCellDelegate(table))
    ink = ink_columns(table, 1)
    assert ink and ink[-1] < WIDTH - MARGIN + 1
    table.setColumnWidth(0, 300)  # wider: the same row shows more of the text
    assert ink_columns(table, 1)[-1] > WIDTH


def test_a_selected_row_is_highlighted(qtbot, table):
    table.setItemDelegate(TextCellDelegate(table))
    table.selectRow(2)
    image = table.viewport().grab().toImage()
    rect = table.visualRect(table.model().index(2, 0))
    ratio = image.devicePixelRatio()
    shown = QColor(image.pixel(round((rect.left() + 2) * ratio), round(rect.center().y() * ratio)))
    assert shown == table.palette().color(QPalette.ColorRole.Highlight)
