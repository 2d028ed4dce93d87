"""Tag chips: coloured, cut with "…" inside their cell, the same when drawn from the caches."""

from types import SimpleNamespace

import pytest
from PySide6.QtGui import QColor, QStandardItemModel
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

from modconsole.gui.roster.chips import TagChipDelegate

WIDTH = 200
ROWS = {0: SimpleNamespace(tags=("红",)),
        1: SimpleNamespace(tags=tuple(f"标签{i}" for i in range(12)))}


@pytest.fixture
def view(qtbot):
    table = QTableView()
    table.setModel(QStandardItemModel(2, 2))
    table.setColumnWidth(0, WIDTH)
    table.setShowGrid(False)
    chips = TagChipDelegate(ROWS.get, table)
    chips.colors = {"红": "#d32f2f"}
    table.setItemDelegateForColumn(0, chips)
    qtbot.addWidget(table)
    table.resize(500, 200)
    table.show()
    qtbot.waitExposed(table)
    return table


def pixel(image, view, row: int, x: int) -> QColor:
    rect = view.visualRect(view.model().index(row, 0))
    ratio = image.devicePixelRatio()
    return QColor(image.pixel(round((rect.left() + x) * ratio), round(rect.center().y() * ratio)))


def test_a_chip_shows_its_tag_colour(view):
    shown = pixel(view.viewport().grab().toImage(), view, 0, 4 + 3)
    assert shown.red() > 150 and shown.green() < 100 and shown.blue() < 100


def test_too_many_tags_end_inside_the_cell(view):
    image = view.viewport().grab().toImage()
    background = view.palette().base().color().rgb()
    rect = view.visualRect(view.model().index(1, 0))
    ratio = image.devicePixelRatio()
    inked = [x for x in range(WIDTH + 40) if any(
        image.pixel(round((rect.left() + x) * ratio), round(y * ratio)) != background
        for y in range(rect.top() + 1, rect.bottom()))]
    assert inked and WIDTH // 2 < inked[-1] < WIDTH - 3  # "…" at the end, not past the cell


def test_cached_layouts_draw_the_same_picture_and_follow_new_colours(view):
    first = view.viewport().grab().toImage()
    assert view.viewport().grab().toImage() == first
    view.itemDelegateForColumn(0).colors = {"红": "#1565c0"}
    shown = pixel(view.viewport().grab().toImage(), view, 0, 4 + 3)
    assert shown.blue() > 150 and shown.red() < 100


def test_a_cut_row_always_ends_with_an_ellipsis_inside_the_cell(view):
    """Whatever the width, a row that does not fit shows "…", and it stays in the cell."""
    chips = view.itemDelegateForColumn(0)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    ellipsis = option.fontMetrics.horizontalAdvance("…") + 1
    tags = ROWS[1].tags
    for width in range(40, 400, 3):
        pieces, more = chips._strip((tags, width, 30), option, 1.0)
        assert (more is None) == (len(pieces) == len(tags)), width
        ends = [point.x() + chip.width() for point, chip in pieces]
        assert all(end <= width - 5 for end in ends), width
        if more is not None:
            assert all(end <= more.x() for end in ends), width
            assert more.x() + ellipsis <= width - 5 or not pieces, width
