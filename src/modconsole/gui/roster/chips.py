"""Tags drawn as coloured chips in a table cell, one fixed height, no widgets per row."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from modconsole.gui.roster.model import ROW_ROLE

PAD, GAP, RADIUS = 6, 4, 8


def text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on the chip colour."""
    return QColor("#1f2933") if background.lightnessF() > 0.6 else QColor("white")


class TagChipDelegate(QStyledItemDelegate):
    """Paints a row's tags as rounded chips in their tag group's colour."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.colors: dict[str, str] = {}

    def paint(self, painter: QPainter, option, index) -> None:
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        row = index.data(ROW_ROLE)
        if row is None:
            super().paint(painter, option, index)
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = option.fontMetrics
        height = metrics.height() + 4
        x = option.rect.left() + 4
        y = option.rect.top() + (option.rect.height() - height) / 2
        right = option.rect.right() - 4
        for name in row.tags:
            width = metrics.horizontalAdvance(name) + 2 * PAD
            if x + width > right:
                painter.setPen(option.palette.text().color())
                painter.drawText(QRectF(x, y, right - x, height), Qt.AlignmentFlag.AlignVCenter,
                                 "…")
                break
            color = QColor(self.colors.get(name, "#607d8b"))
            color.setAlpha(230)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            rect = QRectF(x, y, width, height)
            painter.drawRoundedRect(rect, RADIUS, RADIUS)
            painter.setPen(text_on(color))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)
            x += width + GAP
        painter.restore()
