"""Text shaped once and drawn many times, for tables that repaint often.

Laying a cell's text out (itemize, shape, elide) costs about 80 µs on a slow
machine, and a scrolling roster shows a hundred cells a frame. A QStaticText
keeps the shaped glyphs, so drawing a text already seen only draws them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QStaticText, QTransform

MAX_CACHED = 20_000  # about 10 MB of layouts; cleared whole when full


class TextLayouts:
    """Single-line layouts by text and room, elided when the text is wider than the room."""

    def __init__(self):
        self.font = QFont()
        self._metrics = QFontMetrics(self.font)
        self._layouts: dict[tuple[str, int], tuple[QStaticText, float, float]] = {}

    def use_font(self, font: QFont) -> None:
        """Lay texts out in `font` from now on (layouts in another font are dropped)."""
        if font != self.font:
            self.font = QFont(font)  # a copy: the caller's font may be a temporary
            self._metrics = QFontMetrics(self.font)
            self._layouts.clear()

    def get(self, text: str, room: int) -> tuple[QStaticText, float, float]:
        """The text's layout, elided to `room` pixels if needed, with its width and height."""
        key = (text, room)
        found = self._layouts.get(key)
        if found is None:
            if len(self._layouts) >= MAX_CACHED:
                self._layouts.clear()
            layout = self._prepared(text)
            if layout.size().width() > room:  # most texts fit: elide only those that don't
                layout = self._prepared(self._metrics.elidedText(
                    text, Qt.TextElideMode.ElideRight, max(room, 0)))
            size = layout.size()
            found = self._layouts[key] = (layout, size.width(), size.height())
        return found

    def _prepared(self, text: str) -> QStaticText:
        layout = QStaticText(text)
        layout.setTextFormat(Qt.TextFormat.PlainText)
        layout.prepare(QTransform(), self.font)
        return layout
