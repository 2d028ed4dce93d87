"""Messages per day as a row of thin bars: the member panel's last 90 days at a glance."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QToolTip, QWidget


class Sparkline(QWidget):
    """One bar per day, oldest on the left; hovering a bar names its day and count."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._values: tuple[int, ...] = ()
        self._last_day: date | None = None
        self.setMouseTracking(True)
        self.setMinimumHeight(40)

    def sizeHint(self) -> QSize:
        return QSize(270, 40)

    def minimumSizeHint(self) -> QSize:
        return QSize(90, 40)

    def set_values(self, values: tuple[int, ...], last_day: date) -> None:
        self._values, self._last_day = tuple(values), last_day
        top = max(self._values, default=0)
        self.setAccessibleDescription(self.tr("Most messages on one day: {n}").format(n=top))
        self.update()

    def paintEvent(self, _event) -> None:
        if not self._values:
            return
        painter = QPainter(self)
        top = max(max(self._values), 1)
        width = self.width() / len(self._values)
        height = self.height() - 2
        base = self.palette().color(QPalette.ColorRole.Mid)
        bar = self.palette().color(QPalette.ColorRole.Highlight)
        painter.fillRect(QRectF(0, height, self.width(), 1), base)
        for i, value in enumerate(self._values):
            if value:
                tall = max(2.0, height * value / top)
                painter.fillRect(QRectF(i * width, height - tall, max(1.0, width - 1), tall),
                                 bar)
        painter.end()

    def mouseMoveEvent(self, event) -> None:
        if not self._values or self._last_day is None:
            return
        index = min(len(self._values) - 1, max(0, int(event.position().x() * len(self._values)
                                                      / max(self.width(), 1))))
        day = self._last_day - timedelta(days=len(self._values) - 1 - index)
        QToolTip.showText(event.globalPosition().toPoint(), self.tr("{day}: {n} messages").format(
            day=day.isoformat(), n=self._values[index]), self)

    def leaveEvent(self, _event) -> None:
        QToolTip.hideText()
