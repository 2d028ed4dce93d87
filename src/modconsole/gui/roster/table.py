"""The roster's table view: one Python call paints a whole frame.

QTableView paints cell by cell, and with the model and the delegates in
Python every cell crosses into Python several times (its index asks for the
row and column counts, then the delegate paints): 6–9 ms of a hundred-cell
frame on a slow machine, most of the 16 ms a frame may take. This view
paints the rows in sight itself (backgrounds, selection, grid, focus frame,
texts from cached layouts, tags from cached chip strips) in 2–3 ms, and
draws the same picture. Keys, mouse, selection, headers and scrolling stay
QTableView's. All rows have one height, so a row's place is one addition,
and selections are whole rows; the view sets both up itself.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QTableView,
)

from modconsole.gui.roster.chips import TagChips
from modconsole.gui.roster.model import COLUMNS, POINTS, TAGS, RosterModel
from modconsole.gui.text_layouts import TextLayouts

ROW_HEIGHT = 30
MARGIN = 4  # the default delegate's text margin, so the roster looks like other tables
ITEM_FOCUS = (QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
              | QStyle.StateFlag.State_Item)  # what Qt's item delegate adds for its frame
TEXT, HIGHLIGHTED_TEXT = QPalette.ColorRole.Text, QPalette.ColorRole.HighlightedText


class RosterTable(QTableView):
    """A QTableView over a RosterModel that paints its rows in one pass.

    `everything` is true after Ctrl+A until the next click or key: bulk actions
    then act on every member the filter matches, not only the rows loaded so far.
    """

    def __init__(self, model: RosterModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        rows.hide()
        for i, column in enumerate(COLUMNS):
            self.horizontalHeader().resizeSection(i, column.width)
        self.texts = TextLayouts()
        self.chips = TagChips()
        self.everything = False
        model.modelReset.connect(self._forget_everything)

    def _forget_everything(self) -> None:
        self.everything = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.everything = event.matches(QKeySequence.StandardKey.SelectAll)
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:
        self.everything = False
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        area = event.rect()
        first = self.rowAt(area.top())
        columns = self._columns_in(area)
        if first < 0 or not columns:
            return  # nothing but the viewport's own background here
        last = self.rowAt(area.bottom())
        last = self._model.rowCount() - 1 if last < 0 else last
        font = self.font()
        self.texts.use_font(font)
        self.chips.use(font, self.viewport().devicePixelRatioF())
        painter = QPainter(self.viewport())
        painter.setFont(font)
        top, height = self.rowViewportPosition(first), self.rowHeight(first)
        grid = int(self.showGrid())  # a grid line takes the last pixel of each cell
        rows = range(first, last + 1)
        self._paint_rows(painter, rows, columns, top, height, grid)
        if grid:
            left, right = columns[0][1], columns[-1][1] + columns[-1][2]
            bottom = top + len(rows) * height
            painter.setPen(self._grid_color())
            for row_top in range(top, bottom, height):
                painter.drawLine(left, row_top + height - 1, right - 1, row_top + height - 1)
            for _column, x, width in columns:
                painter.drawLine(x + width - 1, top, x + width - 1, bottom - 1)
        self._paint_focus(painter, area)
        painter.end()

    def _paint_rows(self, painter: QPainter, rows: range, columns: list, top: int,
                    height: int, grid: int) -> None:
        """Each row's background and cells; cells leave `grid` pixels for the grid lines."""
        palette = self.palette()
        text, highlighted = palette.color(TEXT), palette.color(HIGHLIGHTED_TEXT)
        alternate = palette.alternateBase() if self.alternatingRowColors() else None
        selected = self._selected_rows(rows)
        left, right = columns[0][1], columns[-1][1] + columns[-1][2]
        cell_height, y = height - grid, top
        for row in rows:
            pen = text
            if row in selected:
                painter.fillRect(left, y, right - left, cell_height, palette.highlight())
                pen = highlighted
            elif alternate is not None and row & 1:
                painter.fillRect(left, y, right - left, cell_height, alternate)
            painter.setPen(pen)
            entry = self._model.entry(row)
            for column, x, width in columns:
                if entry is not None and column == TAGS:
                    self.chips.paint(painter, x, y, entry[0].tags, width - grid, cell_height, pen)
                else:
                    self._paint_text(painter, entry[1][column] if entry else "…",
                                     column == POINTS, x, y, width - grid, cell_height)
            y += height

    def _paint_text(self, painter: QPainter, text: str, align_right: bool, left: int, top: int,
                    width: int, height: int) -> None:
        """A cell's text on one line, elided to fit, vertically centred."""
        if not text:
            return
        layout, text_width, text_height = self.texts.get(text, width - 2 * MARGIN)
        x = left + width - 1 - MARGIN - text_width if align_right else left + MARGIN
        painter.drawStaticText(QPointF(x, top + (height - text_height) / 2), layout)

    def _columns_in(self, area: QRect) -> list[tuple[int, int, int]]:
        """(column, x, width) of the shown columns that cross `area`, left to right."""
        header = self.horizontalHeader()
        first = header.visualIndexAt(area.left())
        last = header.visualIndexAt(area.right())
        if first < 0:
            return []
        last = header.count() - 1 if last < 0 else last
        found = []
        for visual in range(first, last + 1):
            column = header.logicalIndex(visual)
            if not header.isSectionHidden(column):
                found.append((column, header.sectionViewportPosition(column),
                              header.sectionSize(column)))
        return found

    def _selected_rows(self, rows: range) -> set[int]:
        """The rows in `rows` that are selected (the roster selects whole rows)."""
        found = set()
        for picked in self.selectionModel().selection():
            found.update(range(max(picked.top(), rows.start),
                               min(picked.bottom() + 1, rows.stop)))
        return found

    def _grid_color(self) -> QColor:
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        hint = self.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, self)
        return QColor.fromRgba(hint & 0xFFFFFFFF)

    def _paint_focus(self, painter: QPainter, area: QRect) -> None:
        """The style's focus frame on the current cell, as QTableView's own delegate draws it."""
        if not (self.hasFocus() or self.viewport().hasFocus()):
            return
        cell = self.visualRect(self.currentIndex())  # empty without one, or in a hidden column
        if cell.intersects(area):
            focus = QStyleOptionFocusRect()
            focus.initFrom(self)
            focus.state |= ITEM_FOCUS
            focus.rect = cell
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus,
                                       painter, self)
