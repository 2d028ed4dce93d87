"""The roster table paints its rows itself: it must look and behave like a QTableView."""

from threading import Event

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from modconsole.gui.operations import OperationRunner
from modconsole.gui.roster.labels import labels
from modconsole.gui.roster.model import POINTS, TAGS, RosterModel
from modconsole.gui.roster.table import MARGIN, RosterTable
from modconsole.services.startup import open_console_database
from tests.gui.conftest import fill_demo

NAME, NICKNAME = 0, 1
RED = "#d32f2f"


@pytest.fixture
def runner(qtbot, db_path):
    fill_demo(db_path, members=60, seed=5)
    found = OperationRunner()
    found.open(db_path, open_console_database)
    qtbot.waitUntil(lambda: found.store is not None and not found.busy, timeout=10_000)
    yield found
    found.shutdown()


@pytest.fixture
def table(qtbot, runner):
    model = RosterModel(runner, labels())
    view = RosterTable(model)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no focus frame unless a test wants one
    qtbot.addWidget(view)
    view.resize(1400, 400)
    view.show()
    qtbot.waitExposed(view)
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 60 and model.row_at(0) is not None
                    and not runner.busy, timeout=10_000)
    view.chips.colors = dict.fromkeys(model.row_at(0).tags, RED)
    return view


def picture(view):
    return view.viewport().grab().toImage()


def color_at(image, x: int, y: int) -> QColor:
    ratio = image.devicePixelRatio()
    return QColor(image.pixel(round(x * ratio), round(y * ratio)))


def ink(view, row: int, column: int, image=None) -> list[int]:
    """x offsets in a cell where anything differs from the cell's own background."""
    image = image or picture(view)
    rect = view.visualRect(view.model().index(row, column))
    background = color_at(image, rect.left() + 1, rect.top() + 1)
    return sorted({x - rect.left() for y in range(rect.top() + 2, rect.bottom() - 1)
                   for x in range(rect.left(), rect.right() + 1)
                   if color_at(image, x, y) != background})


def test_text_starts_at_the_margin_and_numbers_end_at_it(table):
    name = ink(table, 0, NAME)
    assert name and MARGIN <= name[0] <= MARGIN + 3
    table.setColumnWidth(POINTS, 200)
    points = ink(table, 0, POINTS)
    assert points and 200 - 1 - MARGIN - 4 <= points[-1] <= 200 - 1 - MARGIN
    assert points[0] > 100


def test_long_text_is_elided_inside_its_cell(table):
    table.setColumnWidth(NICKNAME, 60)
    assert ink(table, 0, NICKNAME)[-1] <= 60 - MARGIN
    table.setColumnWidth(NICKNAME, 400)  # wider: the same row shows more of its text
    assert ink(table, 0, NICKNAME)[-1] > 60


def test_selected_rows_are_highlighted_across_and_odd_rows_alternate(table):
    table.selectRow(1)
    image = picture(table)
    palette = table.palette()

    def background(row, column):
        rect = table.visualRect(table.model().index(row, column))
        return color_at(image, rect.left() + 1, rect.center().y())

    highlight = palette.color(QPalette.ColorRole.Highlight)
    assert background(1, NAME) == highlight and background(1, TAGS) == highlight
    assert background(2, NAME) == palette.color(QPalette.ColorRole.Base)
    assert background(3, NAME) == palette.color(QPalette.ColorRole.AlternateBase)


def test_grid_lines_edge_every_cell_unless_turned_off(table):
    option = QStyleOptionViewItem()
    option.initFrom(table)
    grid = QColor.fromRgba(table.style().styleHint(
        QStyle.StyleHint.SH_Table_GridLineColor, option, table) & 0xFFFFFFFF)
    rect = table.visualRect(table.model().index(2, NICKNAME))
    image = picture(table)
    assert color_at(image, rect.right() + 1, rect.center().y()) == grid
    assert color_at(image, rect.center().x(), rect.bottom() + 1) == grid
    table.setShowGrid(False)
    assert color_at(picture(table), rect.right() + 1, rect.center().y()) != grid


def reddish(image, y: int, x_from: int, x_to: int) -> bool:
    return any((c := color_at(image, x, y)).red() > 150 and c.green() < 100 and c.blue() < 100
               for x in range(x_from, x_to))


def test_columns_paint_where_the_header_puts_them(table):
    header = table.horizontalHeader()
    middle = table.visualRect(table.model().index(0, NAME)).center().y()
    header.moveSection(header.visualIndex(TAGS), 0)
    table.resize(400, 400)  # only the first columns in view: they must be the ones shown
    assert reddish(picture(table), middle, 0, 40)  # the row's tag chips now lead the row
    table.setColumnHidden(TAGS, True)
    assert not reddish(picture(table), middle, 0, table.viewport().width())


def test_rows_in_sight_load_ahead_of_long_jobs_already_queued(qtbot, runner, table):
    """After a tag change the count and catalogue reloads queue up (seconds at a
    million members); the rows on screen must not wait behind them."""
    running, release_first, release_queued, ran = Event(), Event(), Event(), []

    def first(_session):
        running.set()
        release_first.wait(5)

    runner.run(first, label="running")
    assert running.wait(5)
    runner.run(lambda _s: release_queued.wait(5) and ran.append("queued"), label="queued")
    table.model().refresh_rows()
    table.viewport().repaint()  # asks for the rows in sight
    release_first.set()
    try:
        qtbot.waitUntil(lambda: table.model().row_at(0) is not None, timeout=3_000)
        assert ran == []
    finally:
        release_queued.set()
    qtbot.waitUntil(lambda: not runner.busy)


def test_rows_still_loading_show_a_placeholder(qtbot, table):
    loaded = ink(table, 0, NAME)
    table.model().refresh_rows()  # rows dropped: painted before they come back
    placeholder = ink(table, 0, NAME)
    assert placeholder and placeholder[-1] - placeholder[0] < loaded[-1] - loaded[0]
    qtbot.waitUntil(lambda: table.model().row_at(0) is not None)
    assert ink(table, 0, NAME) == loaded


def test_the_current_cell_shows_the_focus_frame_while_the_table_has_focus(qtbot, table):
    table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    table.setCurrentIndex(table.model().index(2, NICKNAME))
    table.clearSelection()
    table.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    focused = picture(table)
    table.clearFocus()
    unfocused = picture(table)
    rect = table.visualRect(table.model().index(2, NICKNAME))
    edge = [(x, rect.top()) for x in range(rect.left(), rect.right())]
    assert any(color_at(focused, *p) != color_at(unfocused, *p) for p in edge)
    other = table.visualRect(table.model().index(3, NICKNAME))
    assert all(color_at(focused, x, other.top()) == color_at(unfocused, x, other.top())
               for x in range(other.left(), other.right()))


def test_held_rows_are_found_alike_by_search_and_by_one_pass():
    from modconsole.gui.kept_rows import FEW, _positions

    ids = [7, 3, 9, 1, 4]
    assert _positions(ids, {9, 4, 8}) == {9: 2, 4: 4}  # few: a search each; 8 is gone
    many = set(range(0, 1000, 7)) | {-1}
    assert len(many) > FEW
    assert _positions(list(range(1000)), many) == {k: k for k in many if k >= 0}


def test_a_member_gone_before_its_row_loads_shows_a_placeholder_not_an_error(qtbot, runner,
                                                                              table):
    """A sync that takes the team's rows can remove members whose ids the table holds."""
    from sqlalchemy import text

    from modconsole.services import member_import

    model, errors = table.model(), []
    runner.error.connect(errors.append)
    runner.run(lambda s: member_import.add_member(s, {"platform_id": "gone", "name": "阿飞"}),
               label="adding", changes=("members",))
    qtbot.waitUntil(lambda: not runner.busy)
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 61 and not runner.busy, timeout=10_000)
    row = next(r for r in range(61) if model.data(model.index(r, NAME)) == "阿飞")
    runner.run(lambda s: s.execute(text("DELETE FROM members WHERE platform_id = 'gone'")),
               label="removing", changes=("members",))
    qtbot.waitUntil(lambda: not runner.busy)
    model.refresh_rows()  # the rows again, for the ids it has
    qtbot.waitUntil(lambda: model.row_at(row + 1 if row == 0 else 0) is not None
                    and not runner.busy, timeout=10_000)
    assert errors == []
    assert model.row_at(row) is None and model.data(model.index(row, NAME)) == "…"
