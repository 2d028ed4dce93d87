"""Plain text cells drawn from cached layouts, for tables that repaint often.

QStyledItemDelegate lays each cell's text out again on every paint (itemize,
shape, elide): about 80 µs a cell on a slow machine, and a scrolling roster
paints a hundred cells a frame. A QStaticText keeps the shaped glyphs, so a
repaint of a cell already seen only draws them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPointF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QStaticText, QTransform
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionFocusRect

MARGIN = 4  # the default delegate's text margin, so columns look the same
SELECTED = QStyle.StateFlag.State_Selected.value  # plain ints: enum flag arithmetic
HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value  # costs microseconds a cell
TEXT, HIGHLIGHTED_TEXT = QPalette.ColorRole.Text, QPalette.ColorRole.HighlightedText
MAX_CACHED = 20_000  # about 10 MB of layouts; cleared whole when full


class TextCellDelegate(QStyledItemDelegate):
    """Elided single-line text, left or right aligned, selection and focus as usual."""

    def __init__(self, parent=None, align_right: bool = False,
                 text_of: Callable[[QModelIndex], str | None] = QModelIndex.data):
        super().__init__(parent)
        self._right = align_right
        self._text_of = text_of  # a model's own lookup skips the QVariant round trip
        self._font = QFont()
        self._metrics = QFontMetrics(self._font)
        self._layouts: dict[tuple[str, int], tuple[QStaticText, float, float]] = {}

    def paint(self, painter: QPainter, option, index) -> None:
        """Few calls into Qt: each costs about a microsecond, a hundred cells a frame."""
        palette = option.palette
        state = option.state.value
        if state & SELECTED:
            painter.fillRect(option.rect, palette.highlight())
            painter.setPen(palette.color(HIGHLIGHTED_TEXT))
        else:
            painter.setPen(palette.color(TEXT))
        text = self._text_of(index)
        if text:
            font = option.font
            if font != self._font:
                self._font = QFont(font)  # a copy: the option's font dies with the option
                self._metrics = QFontMetrics(self._font)
                self._layouts.clear()
            left, top, cell_width, cell_height = option.rect.getRect()
            layout, width, height = self._layout(text, cell_width - 2 * MARGIN)
            x = left + cell_width - 1 - MARGIN - width if self._right else left + MARGIN
            painter.setFont(font)
            painter.drawStaticText(QPointF(x, top + (cell_height - height) / 2), layout)
        if state & HAS_FOCUS and (widget := option.widget):
            focus = QStyleOptionFocusRect()
            focus.rect, focus.state, focus.palette = option.rect, option.state, palette
            widget.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus,
                                         painter, widget)

    def _layout(self, text: str, width: int) -> tuple[QStaticText, float, float]:
        """The text's layout, elided to `width` if needed, with its width and height."""
        key = (text, width)
        found = self._layouts.get(key)
        if found is None:
            if len(self._layouts) >= MAX_CACHED:
                self._layouts.clear()
            layout = self._prepared(text)
            if layout.size().width() > width:  # most texts fit: elide only those that don't
                layout = self._prepared(self._metrics.elidedText(
                    text, Qt.TextElideMode.ElideRight, max(width, 0)))
            size = layout.size()
            found = self._layouts[key] = (layout, size.width(), size.height())
        return found

    def _prepared(self, text: str) -> QStaticText:
        layout = QStaticText(text)
        layout.setTextFormat(Qt.TextFormat.PlainText)
        layout.prepare(QTransform(), self._font)
        return layout
