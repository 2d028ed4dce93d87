"""The weekly activity table (每周群活动表): Monday…Sunday across, hours down, drag to plan.

Painted rather than built from widgets so a busy week stays light. Dragging
a block moves it in 15-minute steps (its lower edge resizes it); for a
recurring slot a plain drag moves this occurrence and Shift+drag the whole
slot. Theme days run as coloured bands under the day headers.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from modconsole.gui.planner.calendar_view import Band, Block, CalendarView
from modconsole.gui.planner.labels import day_names
from modconsole.services.activities import Entry

FIRST_HOUR, LAST_HOUR = 6, 24
SNAP_MINUTES = 15
HEADER, GUTTER, EDGE = 44, 48, 6


class WeekView(CalendarView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(420, 260)  # fits a 540-pixel-high screen (scale factor 2)
        self.monday = date.today() - timedelta(days=date.today().weekday())
        self.cursor = (0, 20 * 60)  # (day, minute of day) for keyboard creation

    def set_week(self, monday: date, zone: tzinfo, entries: list[Entry], bands: list[Band]):
        self.monday = monday
        self.set_entries(zone, entries, bands)

    def cursor_time(self) -> datetime:
        return self.local_time(*self.cursor)

    def move_cursor(self, key: Qt.Key) -> None:
        day, minute = self.cursor
        day += {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(key, 0)
        minute += {Qt.Key.Key_Up: -30, Qt.Key.Key_Down: 30}.get(key, 0)
        self.cursor = (min(max(day, 0), 6),
                       min(max(minute, FIRST_HOUR * 60), LAST_HOUR * 60 - 60))

    def local_time(self, day: int, minute: int) -> datetime:
        base = datetime.combine(self.monday + timedelta(days=day), datetime.min.time())
        return (base + timedelta(minutes=minute)).replace(tzinfo=self.zone)

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
                line = self.fontMetrics().height() + 4  # a short session still shows its title
                self.blocks.append(Block(e, QRectF(x + 1, self._y(top) + 1, width / count - 3,
                                                   max(self._y(bottom) - self._y(top) - 2, line))))

    # -- painting ---------------------------------------------------------------
    def paintEvent(self, _event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        width, grid = self._day_width(), self.palette().mid().color()
        names = day_names()
        for day in range(7):
            when = self.monday + timedelta(days=day)
            x = GUTTER + day * width
            for band in self.themes_on(when):
                p.fillRect(QRectF(x, 0, width, HEADER), QColor(band.color))
            if self.marks_today(when):
                p.fillRect(QRectF(x, HEADER, width, self.height() - HEADER),
                           QColor(255, 244, 200, 90))
            p.setPen(self.palette().text().color())
            bold = QFont(self.font())
            bold.setBold(self.marks_today(when))
            p.setFont(bold)
            p.drawText(QRectF(x, 2, width, 20), Qt.AlignmentFlag.AlignCenter,
                       f"{names[day]} {when:%m-%d}")
            themes = " · ".join(b.title for b in self.themes_on(when))
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
        if self.shows_cursor():
            day, minute = self.cursor
            p.setPen(QPen(self.palette().highlight().color(), 2, Qt.PenStyle.DashLine))
            p.drawRect(QRectF(GUTTER + day * width + 2, self._y(minute),
                              width - 4, 60 * self._minute_height()))
        p.end()

    def _paint_block(self, p: QPainter, block: Block) -> None:
        rect = block.rect
        if self._drag and self._drag["entry"] is block.entry and self._drag["rect"] is not None:
            rect = self._drag["rect"]
        two_lines = rect.height() >= 2 * self.fontMetrics().height() + 8
        self.paint_chip(p, rect, block.entry, self.chip_text(block.entry), wrap=two_lines)

    # -- mouse ------------------------------------------------------------------
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
