"""Tags drawn as coloured chips in a table cell, one fixed height, no widgets per row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate

from modconsole.gui.text_cells import SELECTED
from modconsole.services.roster import MemberRow

PAD, GAP, RADIUS = 6, 4, 8


def text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on the chip colour."""
    return QColor("#1f2933") if background.lightnessF() > 0.6 else QColor("white")


class TagChipDelegate(QStyledItemDelegate):
    """Paints a row's tags as rounded chips in their tag group's colour.

    Each chip is drawn once into a pixmap and reused: a frame of the roster
    paints ~200 chips, and antialiased shapes plus text layout for each cost
    more than the rest of the table.
    """

    def __init__(self, row_at: Callable[[int], MemberRow | None], parent=None):
        super().__init__(parent)
        self._row_at = row_at  # the model's rows, read directly (no QVariant round trip)
        self._colors: dict[str, str] = {}
        self._chips: dict[str, tuple] = {}  # by tag name, for the font and ratio below
        self._drawn_with = (QFont(), 0.0)

    @property
    def colors(self) -> dict[str, str]:
        return self._colors

    @colors.setter
    def colors(self, colors: dict[str, str]) -> None:
        self._colors = colors
        self._chips.clear()

    def paint(self, painter: QPainter, option, index) -> None:
        if option.state.value & SELECTED:
            painter.fillRect(option.rect, option.palette.highlight())
        row = self._row_at(index.row())
        if row is None:
            super().paint(painter, option, index)
            return
        ratio = painter.device().devicePixelRatioF()
        font = option.font
        if (font, ratio) != self._drawn_with:
            self._drawn_with = (QFont(font), ratio)  # a copy: the option's font dies with it
            self._chips.clear()
        rect = option.rect
        top, height = rect.top(), rect.height()
        x, right = rect.left() + 4, rect.right() - 4
        for name in row.tags:
            chip, width, chip_height = self._chips.get(name) or self._chip(name, option, ratio)
            if x + width > right:
                painter.setPen(option.palette.text().color())
                painter.drawText(QRectF(x, top, right - x, height),
                                 Qt.AlignmentFlag.AlignVCenter, "…")
                break
            painter.drawPixmap(QPointF(x, top + (height - chip_height) / 2), chip)
            x += width + GAP

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
