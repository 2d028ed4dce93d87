"""The weekly activity table (每周群活动表): Monday…Sunday across, hours down, drag to plan.

Painted rather than built from widgets so a busy week stays light. Dragging
a block moves it in 15-minute steps (its lower edge resizes it); for a
recurring slot a plain drag moves this occurrence and Shift+drag the whole
slot. Theme days run as coloured bands under the day headers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from modconsole.services.activities import Entry

FIRST_HOUR, LAST_HOUR = 6, 24
SNAP_MINUTES = 15
HEADER, GUTTER, EDGE = 44, 48, 6
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


class WeekView(QWidget):
    """Signals carry entries and UTC datetimes; the page does the database work."""

    moved = Signal(object, object, object, bool)  # entry, new start, new end, whole series
    create_requested = Signal(object)  # local start as an aware datetime
    edit_requested = Signal(object)  # entry
    current_changed = Signal(object)  # entry or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(420, 360)
        self.monday = date.today() - timedelta(days=date.today().weekday())
        self.zone: tzinfo | None = None
        self.entries: list[Entry] = []
        self.bands: list[Band] = []
        self.blocks: list[Block] = []
        self.current: Entry | None = None
        self.cursor = (0, 20 * 60)  # (day, minute of day) for keyboard creation
        self._drag: dict | None = None

    # -- data -------------------------------------------------------------------
    def set_week(self, monday: date, zone: tzinfo, entries: list[Entry], bands: list[Band]):
        self.monday, self.zone, self.entries, self.bands = monday, zone, entries, bands
        keep = self.current
        self.current = next((e for e in entries if keep and (e.activity_id, e.key) ==
                             (keep.activity_id, keep.key)), None)
        self._layout()
        self.update()
        self.current_changed.emit(self.current)

    def local_time(self, day: int, minute: int) -> datetime:
        base = datetime.combine(self.monday + timedelta(days=day), datetime.min.time())
        return (base + timedelta(minutes=minute)).replace(tzinfo=self.zone)

    def day_names(self) -> list[str]:
        return [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
                self.tr("Fri"), self.tr("Sat"), self.tr("Sun")]

    # -- geometry ---------------------------------------------------------------
    def _day_width(self) -> float:
        return (self.width() - GUTTER) / 7

    def _minute_height(self) -> float:
        return (self.height() - HEADER) / ((LAST_HOUR - FIRST_HOUR) * 60)

    def _y(self, minute: float) -> float:
        return HEADER + (minute - FIRST_HOUR * 60) * self._minute_height()

    def _minute_at(self, y: float) -> int:
        minute = (y - HEADER) / self._minute_height() + FIRST_HOUR * 60
        snapped = round(minute / SNAP_MINUTES) * SNAP_MINUTES
        return int(min(max(snapped, FIRST_HOUR * 60), LAST_HOUR * 60))

    def _day_at(self, x: float) -> int:
        return int(min(max((x - GUTTER) // self._day_width(), 0), 6))

    def _layout(self) -> None:
        """One block per occurrence and day; overlapping blocks share the day in lanes."""
        self.blocks = []
        if self.zone is None:
            return
        width = self._day_width()
        for day in range(7):
            start_of_day = self.local_time(day, 0)
            end_of_day = start_of_day + timedelta(days=1)
            todays = [e for e in self.entries
                      if e.start.astimezone(self.zone) < end_of_day and
                      e.end.astimezone(self.zone) > start_of_day]
            lanes: list[datetime] = []
            placed = []
            for e in sorted(todays, key=lambda e: (e.start, e.end)):
                lane = next((i for i, busy in enumerate(lanes) if busy <= e.start), None)
                if lane is None:
                    lanes.append(e.end)
                    lane = len(lanes) - 1
                else:
                    lanes[lane] = e.end
                placed.append((e, lane))
            count = max(len(lanes), 1)
            for e, lane in placed:
                top = max((e.start.astimezone(self.zone) - start_of_day).total_seconds() / 60,
                          FIRST_HOUR * 60)
                bottom = min((e.end.astimezone(self.zone) - start_of_day).total_seconds() / 60,
                             LAST_HOUR * 60)
                if bottom <= FIRST_HOUR * 60:
                    continue
                x = GUTTER + day * width + lane * width / count
                self.blocks.append(Block(e, QRectF(x + 1, self._y(top) + 1, width / count - 3,
                                                   max(self._y(bottom) - self._y(top) - 2, 14))))

    def resizeEvent(self, event):
        self._layout()
        super().resizeEvent(event)

    # -- painting ---------------------------------------------------------------
    def paintEvent(self, _event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        width, grid = self._day_width(), self.palette().mid().color()
        today = date.today()
        names = self.day_names()
        for day in range(7):
            when = self.monday + timedelta(days=day)
            x = GUTTER + day * width
            for band in self.bands:
                if band.first <= when <= band.last:
                    p.fillRect(QRectF(x, 0, width, HEADER), QColor(band.color))
            if when == today:
                p.fillRect(QRectF(x, HEADER, width, self.height() - HEADER),
                           QColor(255, 244, 200, 90))
            p.setPen(self.palette().text().color())
            bold = QFont(self.font())
            bold.setBold(when == today)
            p.setFont(bold)
            p.drawText(QRectF(x, 2, width, 20), Qt.AlignmentFlag.AlignCenter,
                       f"{names[day]} {when:%m-%d}")
            themes = " · ".join(b.title for b in self.bands if b.first <= when <= b.last)
            p.setFont(self.font())
            p.drawText(QRectF(x + 2, 22, width - 4, 20), Qt.AlignmentFlag.AlignCenter,
                       p.fontMetrics().elidedText(themes, Qt.TextElideMode.ElideRight,
                                                  int(width - 4)))
        p.setPen(QPen(grid, 1))
        for hour in range(FIRST_HOUR, LAST_HOUR + 1):
            y = self._y(hour * 60)
            p.drawLine(QPointF(GUTTER, y), QPointF(self.width(), y))
            if hour < LAST_HOUR:
                p.drawText(QRectF(0, y, GUTTER - 6, 16), Qt.AlignmentFlag.AlignRight,
                           f"{hour:02d}:00")
        for day in range(8):
            x = GUTTER + day * width
            p.drawLine(QPointF(x, HEADER), QPointF(x, self.height()))
        p.drawLine(QPointF(0, HEADER), QPointF(self.width(), HEADER))
        for block in self.blocks:
            self._paint_block(p, block)
        if self.hasFocus() and self.current is None:
            day, minute = self.cursor
            p.setPen(QPen(self.palette().highlight().color(), 2, Qt.PenStyle.DashLine))
            p.drawRect(QRectF(GUTTER + day * width + 2, self._y(minute),
                              width - 4, 60 * self._minute_height()))
        p.end()

    def _paint_block(self, p: QPainter, block: Block) -> None:
        e, rect = block.entry, block.rect
        if self._drag and self._drag["entry"] is e and self._drag.get("rect") is not None:
            rect = self._drag["rect"]
        color = type_color(e.type)
        color.setAlpha(STATUS_ALPHA.get(e.status, 230))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawRoundedRect(rect, 4, 4)
        if self.current is e:
            p.setPen(QPen(self.palette().highlight().color(), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 4, 4)
        p.setPen(QColor("white"))
        local = e.start.astimezone(self.zone)
        mark = " ↻" if e.recurring else ""
        text = f"{local:%H:%M}{mark} {e.title}"
        if e.status == "cancelled":
            font = QFont(self.font())
            font.setStrikeOut(True)
            p.setFont(font)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        p.drawText(rect.adjusted(4, 2, -3, -2), flags, text)
        p.setFont(self.font())

    # -- mouse ------------------------------------------------------------------
    def block_at(self, pos: QPointF) -> Block | None:
        return next((b for b in reversed(self.blocks) if b.rect.contains(pos)), None)

    def _select(self, entry: Entry | None) -> None:
        self.current = entry
        self.current_changed.emit(entry)
        self.update()

    def mousePressEvent(self, event):
        self.setFocus()
        pos = event.position()
        block = self.block_at(pos)
        if block is None:
            self.cursor = (self._day_at(pos.x()), max(self._minute_at(pos.y()) - 30,
                                                      FIRST_HOUR * 60))
            self._select(None)
            return
        self._select(block.entry)
        if event.button() == Qt.MouseButton.LeftButton:
            resizing = pos.y() > block.rect.bottom() - EDGE
            self._drag = {"entry": block.entry, "origin": pos, "rect": None,
                          "resize": resizing, "start_rect": QRectF(block.rect)}

    def mouseMoveEvent(self, event):
        pos = event.position()
        if self._drag is None:
            block = self.block_at(pos)
            near_edge = block is not None and pos.y() > block.rect.bottom() - EDGE
            self.setCursor(Qt.CursorShape.SizeVerCursor if near_edge
                           else Qt.CursorShape.ArrowCursor)
            return
        start_rect: QRectF = self._drag["start_rect"]
        if self._drag["resize"]:
            rect = QRectF(start_rect)
            rect.setBottom(max(pos.y(), start_rect.top() + 10))
        else:
            dx, dy = pos.x() - self._drag["origin"].x(), pos.y() - self._drag["origin"].y()
            day = self._day_at(start_rect.center().x() + dx)
            rect = QRectF(GUTTER + day * self._day_width() + 1, start_rect.top() + dy,
                          start_rect.width(), start_rect.height())
        self._drag["rect"] = rect
        self.update()

    def mouseReleaseEvent(self, event):
        drag, self._drag = self._drag, None
        if drag is None or drag["rect"] is None:
            self.update()
            return
        e: Entry = drag["entry"]
        whole = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if drag["resize"]:
            start = e.start
            day = (e.start.astimezone(self.zone).date() - self.monday).days
            end = self.local_time(day, self._minute_at(drag["rect"].bottom()))
            end = max(end, start + timedelta(minutes=SNAP_MINUTES))
        else:
            day = self._day_at(drag["rect"].center().x())
            start = self.local_time(day, self._minute_at(drag["rect"].top()))
            end = start + (e.end - e.start)
        if (start, end) != (e.start, e.end):
            self.moved.emit(e, start, end, whole)
        self.update()

    def mouseDoubleClickEvent(self, event):
        block = self.block_at(event.position())
        if block is not None:
            self.edit_requested.emit(block.entry)
        else:
            day, minute = self._day_at(event.position().x()), self._minute_at(
                event.position().y())
            self.create_requested.emit(self.local_time(day, max(minute - 30, FIRST_HOUR * 60)))

    # -- keyboard ---------------------------------------------------------------
    def keyPressEvent(self, event):
        key = event.key()
        ordered = sorted(self.entries, key=lambda e: (e.start, e.title))
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.current is not None:
                self.edit_requested.emit(self.current)
            else:
                self.create_requested.emit(self.local_time(*self.cursor))
        elif key == Qt.Key.Key_Escape:
            self._select(None)
        elif key in (Qt.Key.Key_J, Qt.Key.Key_K) and ordered:
            step = 1 if key == Qt.Key.Key_J else -1
            index = next((i for i, e in enumerate(ordered) if self.current is not None and
                          (e.activity_id, e.key) == (self.current.activity_id,
                                                     self.current.key)), -step)
            self._select(ordered[(index + step) % len(ordered)])
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            day, minute = self.cursor
            day += {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(key, 0)
            minute += {Qt.Key.Key_Up: -30, Qt.Key.Key_Down: 30}.get(key, 0)
            self.cursor = (min(max(day, 0), 6),
                           min(max(minute, FIRST_HOUR * 60), LAST_HOUR * 60 - 60))
            self._select(None)
        else:
            super().keyPressEvent(event)
