"""Tags drawn as coloured chips in a table cell, one fixed height, no widgets per row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate

from modconsole.gui.text_cells import SELECTED
from modconsole.services.roster import MemberRow

PAD, GAP, RADIUS = 6, 4, 8
MAX_STRIPS = 20_000  # laid-out tag sets kept; cleared whole when full


def text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on the chip colour."""
    return QColor("#1f2933") if background.lightnessF() > 0.6 else QColor("white")


class TagChipDelegate(QStyledItemDelegate):
    """Paints a row's tags as rounded chips in their tag group's colour.

    Each chip is drawn once into a pixmap, and each row's set of tags is laid
    out once per cell size (where each chip goes, whether "…" ends it): a
    frame of the roster paints ~150 chips, and shapes, text and arithmetic
    for each cost more than the rest of the table.
    """

    def __init__(self, row_at: Callable[[int], MemberRow | None], parent=None):
        super().__init__(parent)
        self._row_at = row_at  # the model's rows, read directly (no QVariant round trip)
        self._colors: dict[str, str] = {}
        self._chips: dict[str, tuple] = {}  # by tag name, for the font and ratio below
        self._strips: dict[tuple, tuple] = {}  # by (tags, cell width, cell height)
        self._ellipses: dict[int, QPixmap] = {}  # "…" by text colour (RGBA)
        self._ellipsis_box: tuple[float, float] | None = None  # its width and line height
        self._drawn_with = (QFont(), 0.0)

    @property
    def colors(self) -> dict[str, str]:
        return self._colors

    @colors.setter
    def colors(self, colors: dict[str, str]) -> None:
        self._colors = colors
        self._forget()

    def _forget(self) -> None:
        self._chips.clear()
        self._strips.clear()
        self._ellipses.clear()
        self._ellipsis_box = None

    def paint(self, painter: QPainter, option, index) -> None:
        rect = option.rect
        if option.state.value & SELECTED:
            painter.fillRect(rect, option.palette.highlight())
        row = self._row_at(index.row())
        if row is None:
            super().paint(painter, option, index)
            return
        ratio = painter.device().devicePixelRatioF()
        font = option.font
        if (font, ratio) != self._drawn_with:
            self._drawn_with = (QFont(font), ratio)  # a copy: the option's font dies with it
            self._forget()
        left, top, width, height = rect.getRect()
        key = (row.tags, width, height)
        strip = self._strips.get(key) or self._strip(key, option, ratio)
        painter.translate(left, top)
        for point, chip in strip[0]:
            painter.drawPixmap(point, chip)
        if strip[1] is not None:
            color = option.palette.text().color()
            painter.drawPixmap(strip[1], self._ellipses.get(color.rgba())
                               or self._ellipsis(color, option, ratio))
        painter.translate(-left, -top)

    def _strip(self, key: tuple, option, ratio: float) -> tuple[list, QPointF | None]:
        """Where each chip of a set of tags goes in a cell, and where "…" goes if not all fit."""
        if len(self._strips) >= MAX_STRIPS:
            self._strips.clear()
        names, width, height = key
        pieces, more = [], None
        x, right = 4, width - 5
        for name in names:
            chip, chip_width, chip_height = self._chips.get(name) or self._chip(name, option,
                                                                                 ratio)
            if x + chip_width > right:
                if self._ellipsis_box is None:
                    metrics = option.fontMetrics
                    self._ellipsis_box = metrics.horizontalAdvance("…") + 1, metrics.height()
                room, line = self._ellipsis_box
                while pieces and x + room > right:  # "…" must show: make room for it
                    x = pieces.pop()[0].x()
                more = QPointF(x, (height - line) / 2)
                break
            pieces.append((QPointF(x, (height - chip_height) / 2), chip))
            x += chip_width + GAP
        self._strips[key] = pieces, more
        return self._strips[key]

    def _ellipsis(self, color: QColor, option, ratio: float) -> QPixmap:
        """The "…" that ends a cut row of chips, drawn once per colour (drawText costs
        ~30 µs a call; a frame cuts about twenty rows)."""
        width, height = self._ellipsis_box
        pixmap = QPixmap(round(width * ratio), round(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setFont(option.font)
        painter.setPen(color)
        painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignVCenter, "…")
        painter.end()
        self._ellipses[color.rgba()] = pixmap
        return pixmap

    def _chip(self, name: str, option, ratio: float) -> tuple[QPixmap, float, float]:
        """The chip's pixmap and its size in device-independent pixels, drawn once."""
        metrics = option.fontMetrics
        width, height = metrics.horizontalAdvance(name) + 2 * PAD, metrics.height() + 4
        chip = QPixmap(round(width * ratio), round(height * ratio))
        chip.setDevicePixelRatio(ratio)
        chip.fill(Qt.GlobalColor.transparent)
        color = QColor(self._colors.get(name, "#607d8b"))
        color.setAlpha(230)
        painter = QPainter(chip)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(option.font)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        rect = QRectF(0, 0, width, height)
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        painter.setPen(text_on(color))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)
        painter.end()
        self._chips[name] = chip, width, height
        return self._chips[name]
