"""Tags drawn as coloured chips in a table cell, one fixed height, no widgets per row."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap

PAD, GAP, RADIUS = 6, 4, 8
MAX_STRIPS = 20_000  # laid-out tag sets kept; cleared whole when full

Strip = tuple[list[tuple[QPointF, QPixmap]], QPointF | None]  # chips and where "…" goes


def text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on the chip colour."""
    return QColor("#1f2933") if background.lightnessF() > 0.6 else QColor("white")


class TagChips:
    """Paints a row's tags as rounded chips in their tag group's colour.

    Each chip is drawn once into a pixmap, and each set of tags is laid out
    once per cell size (where each chip goes, whether "…" ends it): a frame
    of the roster paints ~150 chips, and shapes, text and arithmetic for each
    cost more than the rest of the table.
    """

    def __init__(self):
        self._colors: dict[str, str] = {}
        self._chips: dict[str, tuple[QPixmap, float, float]] = {}  # by tag name
        self._strips: dict[tuple, Strip] = {}  # by (tags, cell width, cell height)
        self._ellipses: dict[int, QPixmap] = {}  # "…" by text colour (RGBA)
        self._font, self._metrics, self._ratio = QFont(), QFontMetrics(QFont()), 1.0

    @property
    def colors(self) -> dict[str, str]:
        return self._colors

    @colors.setter
    def colors(self, colors: dict[str, str]) -> None:
        self._colors = colors
        self._forget()

    def use(self, font: QFont, ratio: float) -> None:
        """Draw in `font` for a device pixel ratio of `ratio` (pixmaps for others are dropped)."""
        if ratio != self._ratio or font != self._font:
            self._font, self._metrics, self._ratio = QFont(font), QFontMetrics(font), ratio
            self._forget()

    def _forget(self) -> None:
        self._chips.clear()
        self._strips.clear()
        self._ellipses.clear()

    def paint(self, painter: QPainter, x: int, y: int, tags: tuple[str, ...], width: int,
              height: int, text: QColor) -> None:
        """The chips of `tags` in the cell at (x, y); a cut row ends in "…" in `text` colour."""
        key = (tags, width, height)
        chips, more = self._strips.get(key) or self.strip(key)
        painter.translate(x, y)
        for point, chip in chips:
            painter.drawPixmap(point, chip)
        if more is not None:
            painter.drawPixmap(more, self._ellipses.get(text.rgba()) or self._ellipsis(text))
        painter.translate(-x, -y)

    def strip(self, key: tuple[tuple[str, ...], int, int]) -> Strip:
        """Where each chip of a set of tags goes in a cell, and where "…" goes if not all fit."""
        if len(self._strips) >= MAX_STRIPS:
            self._strips.clear()
        names, width, height = key
        pieces, more = [], None
        x, right = 4, width - 5
        for name in names:
            chip, chip_width, chip_height = self._chips.get(name) or self._chip(name)
            if x + chip_width > right:
                room = self._metrics.horizontalAdvance("…") + 1
                while pieces and x + room > right:  # "…" must show: make room for it
                    x = pieces.pop()[0].x()
                more = QPointF(x, (height - self._metrics.height()) / 2)
                break
            pieces.append((QPointF(x, (height - chip_height) / 2), chip))
            x += chip_width + GAP
        self._strips[key] = pieces, more
        return self._strips[key]

    def _pixmap(self, width: float, height: float) -> tuple[QPixmap, QPainter]:
        """A transparent pixmap for the current ratio, and a painter on it in the font."""
        pixmap = QPixmap(round(width * self._ratio), round(height * self._ratio))
        pixmap.setDevicePixelRatio(self._ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setFont(self._font)
        return pixmap, painter

    def _ellipsis(self, color: QColor) -> QPixmap:
        """The "…" that ends a cut row of chips, drawn once per colour (drawText costs
        ~30 µs a call; a frame cuts about twenty rows)."""
        width, height = self._metrics.horizontalAdvance("…") + 1, self._metrics.height()
        pixmap, painter = self._pixmap(width, height)
        painter.setPen(color)
        painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignVCenter, "…")
        painter.end()
        self._ellipses[color.rgba()] = pixmap
        return pixmap

    def _chip(self, name: str) -> tuple[QPixmap, float, float]:
        """The chip's pixmap and its size in device-independent pixels, drawn once."""
        width = self._metrics.horizontalAdvance(name) + 2 * PAD
        height = self._metrics.height() + 4
        color = QColor(self._colors.get(name, "#607d8b"))
        color.setAlpha(230)
        chip, painter = self._pixmap(width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        rect = QRectF(0, 0, width, height)
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        painter.setPen(text_on(color))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)
        painter.end()
        self._chips[name] = chip, width, height
        return self._chips[name]
