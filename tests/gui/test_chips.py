"""Tag chips: coloured, cut with "…" inside their cell, the same when drawn from the caches."""

import pytest
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter

from modconsole.gui.roster.chips import TagChips

WIDTH, HEIGHT = 200, 30
MANY = tuple(f"标签{i}" for i in range(12))
BACKGROUND = QColor("white")


@pytest.fixture
def chips(qapp):
    found = TagChips()
    found.use(QFont(), 1.0)
    found.colors = {"红": "#d32f2f"}
    return found


def drawn(chips: TagChips, tags: tuple[str, ...], width: int = WIDTH) -> QImage:
    """The cell as painted: `tags` in a white cell of `width`, with room to see overflow."""
    image = QImage(width + 60, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(BACKGROUND)
    painter = QPainter(image)
    chips.paint(painter, 0, 0, tags, width, HEIGHT, QColor("black"))
    painter.end()
    return image


def inked(image: QImage) -> list[int]:
    return [x for x in range(image.width()) if any(
        QColor(image.pixel(x, y)) != BACKGROUND for y in range(image.height()))]


def test_a_chip_shows_its_tag_colour(chips):
    shown = QColor(drawn(chips, ("红",)).pixel(4 + 3, HEIGHT // 2))
    assert shown.red() > 150 and shown.green() < 100 and shown.blue() < 100


def test_too_many_tags_end_inside_the_cell(chips):
    ink = inked(drawn(chips, MANY))
    assert ink and WIDTH // 2 < ink[-1] < WIDTH - 3  # "…" at the end, not past the cell


def test_cached_strips_draw_the_same_picture_and_follow_new_colours(chips):
    first = drawn(chips, MANY)
    assert drawn(chips, MANY) == first
    chips.colors = {"红": "#1565c0"}
    shown = QColor(drawn(chips, ("红",)).pixel(4 + 3, HEIGHT // 2))
    assert shown.blue() > 150 and shown.red() < 100


def test_a_cut_row_always_ends_with_an_ellipsis_inside_the_cell(chips):
    """Whatever the width, a row that does not fit shows "…", and it stays in the cell."""
    ellipsis = QFontMetrics(QFont()).horizontalAdvance("…") + 1
    for width in range(40, 400, 3):
        pieces, more = chips.strip((MANY, width, HEIGHT))
        assert (more is None) == (len(pieces) == len(MANY)), width
        ends = [point.x() + chip.width() for point, chip in pieces]
        assert all(end <= width - 5 for end in ends), width
        if more is not None:
            assert all(end <= more.x() for end in ends), width
            assert more.x() + ellipsis <= width - 5 or not pieces, width
