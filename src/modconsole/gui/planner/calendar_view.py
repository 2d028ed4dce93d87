"""What the week table and the month calendar share: the occurrences they show, the
chosen one, the signals the page acts on, chip colours, and the J/K/Enter/Esc keys.

Views only paint and report; the page does the database work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from modconsole.services.activities import Entry

STATUS_ALPHA = {"idea": 110, "cancelled": 70}
PALETTE = ["#4f8cc9", "#5aa469", "#d9822b", "#9c6ade", "#c94f6d", "#3aa3a3", "#8a8f3c",
           "#b0703c"]


def type_color(kind: str) -> QColor:
    return QColor(PALETTE[sum(map(ord, kind)) % len(PALETTE)])


@dataclass
class Block:
    entry: Entry
    rect: QRectF


@dataclass(frozen=True)
class Band:
    title: str
    first: date
    last: date
    color: str


class CalendarView(QWidget):
    """Signals carry entries and aware datetimes."""

    moved = Signal(object, object, object, bool)  # entry, new start, new end, whole series
    create_requested = Signal(object)  # local start as an aware datetime
    edit_requested = Signal(object)  # entry
    current_changed = Signal(object)  # entry or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.zone: tzinfo | None = None
        self.entries: list[Entry] = []
        self.bands: list[Band] = []
        self.blocks: list[Block] = []
        self.current: Entry | None = None
        self._drag: dict | None = None
        self.plain = False  # painting a picture to share: no today tint, choice or cursor

    def marks_today(self, day: date) -> bool:
        return not self.plain and day == date.today()

    def shows_cursor(self) -> bool:
        return not self.plain and self.hasFocus() and self.current is None

    def event(self, event) -> bool:
        """Hovering an occurrence shows its whole title, time, host and place."""
        if event.type() == QEvent.Type.ToolTip:
            block = self.block_at(QPointF(event.pos()))
            if block is None:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), self.describe(block.entry), self)
            return True
        return super().event(event)

    def describe(self, e: Entry) -> str:
        start, end = e.start.astimezone(self.zone), e.end.astimezone(self.zone)
        lines = [e.title, f"{start:%m-%d %H:%M}–{end:%H:%M}"]
        lines += [part for part in (e.host, e.location) if part]
        return "\n".join(lines)

    def set_entries(self, zone: tzinfo, entries: list[Entry], bands: list[Band]) -> None:
        self.zone, self.entries, self.bands = zone, entries, bands
        keep = self.current
        self.current = next((e for e in entries if keep and (e.activity_id, e.key) ==
                             (keep.activity_id, keep.key)), None)
        self._layout()
        self.update()
        self.current_changed.emit(self.current)

    def themes_on(self, day: date) -> list[Band]:
        return [b for b in self.bands if b.first <= day <= b.last]

    def cursor_time(self) -> datetime:
        """Where Enter or N on an empty spot plans a new activity."""
        raise NotImplementedError

    def move_cursor(self, key: Qt.Key) -> None:
        raise NotImplementedError

    def _layout(self) -> None:
        raise NotImplementedError

    def resizeEvent(self, event):
        self._layout()
        super().resizeEvent(event)

    def block_at(self, pos) -> Block | None:
        return next((b for b in reversed(self.blocks) if b.rect.contains(pos)), None)

    def _select(self, entry: Entry | None) -> None:
        self.current = entry
        self.current_changed.emit(entry)
        self.update()

    def paint_chip(self, p: QPainter, rect: QRectF, e: Entry, text: str, wrap: bool) -> None:
        color = type_color(e.type)
        color.setAlpha(STATUS_ALPHA.get(e.status, 230))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawRoundedRect(rect, 4, 4)
        if not self.plain and self.current is not None and (
                self.current.activity_id, self.current.key) == (e.activity_id, e.key):
            p.setPen(QPen(self.palette().highlight().color(), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 4, 4)
        p.setPen(QColor("white"))
        font = QFont(self.font())
        font.setStrikeOut(e.status == "cancelled")
        p.setFont(font)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        if wrap:
            p.drawText(rect.adjusted(4, 2, -3, -2), flags | Qt.TextFlag.TextWordWrap, text)
        else:
            inner = rect.adjusted(4, 1, -3, -1)
            p.drawText(inner, flags | Qt.AlignmentFlag.AlignVCenter, p.fontMetrics().elidedText(
                text, Qt.TextElideMode.ElideRight, int(inner.width())))
        p.setFont(self.font())

    def chip_text(self, e: Entry) -> str:
        mark = " ↻" if e.recurring else ""
        return f"{e.start.astimezone(self.zone):%H:%M}{mark} {e.title}"

    def keyPressEvent(self, event):
        key = event.key()
        ordered = sorted(self.entries, key=lambda e: (e.start, e.title))
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.current is not None:
                self.edit_requested.emit(self.current)
            elif self.zone is not None:
                self.create_requested.emit(self.cursor_time())
        elif key == Qt.Key.Key_Escape:
            self._select(None)
        elif key in (Qt.Key.Key_J, Qt.Key.Key_K) and ordered:
            step = 1 if key == Qt.Key.Key_J else -1
            index = next((i for i, e in enumerate(ordered) if self.current is not None and
                          (e.activity_id, e.key) == (self.current.activity_id,
                                                     self.current.key)), -step)
            self._select(ordered[(index + step) % len(ordered)])
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_cursor(key)
            self._select(None)
        else:
            super().keyPressEvent(event)
