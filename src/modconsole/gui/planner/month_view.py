"""The month calendar: six weeks of days, each with its activities as chips.

Dragging a chip to another day moves it there at the same time of day
(Shift moves the whole recurring slot); dragging its right edge stretches
it over more days. Arrow keys move a day cursor, Enter plans on that day.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from modconsole.gui.planner.calendar_view import Band, Block, CalendarView
from modconsole.gui.planner.labels import day_names
from modconsole.services.activities import Entry

WEEKS, HEADER, DAY_LABEL, CHIP, EDGE = 6, 22, 20, 18, 6
NEW_AT = time(20)


class MonthView(CalendarView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(420, 260)  # fits a 540-pixel-high screen (scale factor 2)
        self.first = date.today().replace(day=1)
        self.cursor = 0  # index of the day cell, 0 … 41
        self.more: dict[int, int] = {}  # cell → chips that did not fit

    @property
    def grid_start(self) -> date:
        return self.first - timedelta(days=self.first.weekday())

    def set_month(self, first: date, zone: tzinfo, entries: list[Entry], bands: list[Band]):
        self.first = first
        today = date.today()
        self.cursor = (today - self.grid_start).days if today.replace(day=1) == first else \
            (first - self.grid_start).days
        self.set_entries(zone, entries, bands)

    def day(self, index: int) -> date:
        return self.grid_start + timedelta(days=index)

    def cursor_time(self) -> datetime:
        return datetime.combine(self.day(self.cursor), NEW_AT, self.zone)

    def move_cursor(self, key: Qt.Key) -> None:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7,
                Qt.Key.Key_Down: 7}[key]
        self.cursor = min(max(self.cursor + step, 0), WEEKS * 7 - 1)

    # -- geometry ---------------------------------------------------------------
    def cell(self, index: int) -> QRectF:
        w, h = self.width() / 7, (self.height() - HEADER) / WEEKS
        return QRectF((index % 7) * w, HEADER + (index // 7) * h, w, h)

    def index_at(self, pos: QPointF) -> int:
        w, h = self.width() / 7, (self.height() - HEADER) / WEEKS
        column = int(min(max(pos.x() // w, 0), 6))
        row = int(min(max((pos.y() - HEADER) // h, 0), WEEKS - 1))
        return row * 7 + column

    def _layout(self) -> None:
        """Chips per day, a multi-day activity on each of its days, and a '+N' when full."""
        self.blocks, self.more = [], {}
        if self.zone is None:
            return
        per_day: dict[int, list[Entry]] = {}
        for e in sorted(self.entries, key=lambda e: (e.start, e.title)):
            first = (e.start.astimezone(self.zone).date() - self.grid_start).days
            last = ((e.end - timedelta(seconds=1)).astimezone(self.zone).date()
                    - self.grid_start).days
            for index in range(max(first, 0), min(max(last, first), WEEKS * 7 - 1) + 1):
                per_day.setdefault(index, []).append(e)
        for index, todays in per_day.items():
            box = self.cell(index)
            room = max(int((box.height() - DAY_LABEL - 2) // CHIP), 1)
            shown = todays if len(todays) <= room else todays[:room - 1]
            for row, e in enumerate(shown):
                self.blocks.append(Block(e, QRectF(box.left() + 2, box.top() + DAY_LABEL
                                                   + row * CHIP, box.width() - 4, CHIP - 2)))
            if len(shown) < len(todays):
                self.more[index] = len(todays) - len(shown)

    # -- painting ---------------------------------------------------------------
    def paintEvent(self, _event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        width = self.width() / 7
        text, grid = self.palette().text().color(), self.palette().mid().color()
        for column, name in enumerate(day_names()):
            p.setPen(text)
            p.drawText(QRectF(column * width, 0, width, HEADER), Qt.AlignmentFlag.AlignCenter,
                       name)
        for index in range(WEEKS * 7):
            self._paint_day(p, index, text, grid)
        for block in self.blocks:
            self.paint_chip(p, block.rect, block.entry, self._chip_label(block), wrap=False)
        if self._drag and self._drag.get("target") is not None:
            self._paint_ghost(p)
        p.end()

    def _paint_day(self, p: QPainter, index: int, text: QColor, grid: QColor) -> None:
        box, day = self.cell(index), self.day(index)
        if day.month != self.first.month:
            p.fillRect(box, self.palette().alternateBase())
        if self.marks_today(day):
            p.fillRect(box, QColor(255, 244, 200, 120))
        themes = self.themes_on(day)
        for band in themes[:1]:
            p.fillRect(QRectF(box.left(), box.top(), box.width(), DAY_LABEL), QColor(band.color))
        p.setPen(QPen(grid, 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(box)
        if self.shows_cursor() and index == self.cursor:
            p.setPen(QPen(self.palette().highlight().color(), 2, Qt.PenStyle.DashLine))
            p.drawRect(box.adjusted(2, 2, -2, -2))
        font = QFont(self.font())
        font.setBold(self.marks_today(day))
        p.setFont(font)
        p.setPen(text if day.month == self.first.month else grid)
        label = f"{day.day}" if day.day != 1 else f"{day:%m-%d}"
        p.drawText(box.adjusted(4, 2, -4, 0), Qt.AlignmentFlag.AlignLeft, label)
        p.setFont(self.font())
        if themes:
            theme = " · ".join(b.title for b in themes)
            area = box.adjusted(28, 2, -4, 0)
            p.drawText(area, Qt.AlignmentFlag.AlignRight, p.fontMetrics().elidedText(
                theme, Qt.TextElideMode.ElideRight, int(area.width())))
        if index in self.more:
            p.setPen(text)
            p.drawText(box.adjusted(4, 0, -4, -2), Qt.AlignmentFlag.AlignRight |
                       Qt.AlignmentFlag.AlignBottom,
                       self.tr("+%1 more").replace("%1", str(self.more[index])))

    def _chip_label(self, block: Block) -> str:
        e = block.entry
        started = e.start.astimezone(self.zone).date()
        if self.day(self.index_at(block.rect.center())) != started:
            return f"→ {e.title}"
        return self.chip_text(e)

    def _paint_ghost(self, p: QPainter) -> None:
        drag = self._drag
        box = self.cell(drag["target"])
        rect = QRectF(box.left() + 2, box.bottom() - CHIP - 2, box.width() - 4, CHIP - 2)
        p.setPen(QPen(self.palette().highlight().color(), 2, Qt.PenStyle.DashLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(rect, 4, 4)
        p.setPen(self.palette().text().color())
        label = self.tr("ends here") if drag["resize"] else drag["entry"].title
        p.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, label)

    # -- mouse ------------------------------------------------------------------
    def mousePressEvent(self, event):
        self.setFocus()
        pos = event.position()
        block = self.block_at(pos)
        if block is None:
            self.cursor = self.index_at(pos)
            self._select(None)
            return
        self._select(block.entry)
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = {"entry": block.entry, "origin": self.index_at(pos), "target": None,
                          "resize": pos.x() > block.rect.right() - EDGE}

    def mouseMoveEvent(self, event):
        pos = event.position()
        if self._drag is None:
            block = self.block_at(pos)
            near_edge = block is not None and pos.x() > block.rect.right() - EDGE
            self.setCursor(Qt.CursorShape.SizeHorCursor if near_edge
                           else Qt.CursorShape.ArrowCursor)
            return
        target = self.index_at(pos)
        self._drag["target"] = target if target != self._drag["origin"] else None
        self.update()

    def mouseReleaseEvent(self, event):
        drag, self._drag = self._drag, None
        if drag is None or drag["target"] is None:
            self.update()
            return
        e: Entry = drag["entry"]
        days = timedelta(days=drag["target"] - drag["origin"])
        start, end = e.start.astimezone(self.zone), e.end.astimezone(self.zone)
        whole = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if drag["resize"]:
            if end + days > start:
                self.moved.emit(e, start, end + days, whole)
        else:
            self.moved.emit(e, start + days, end + days, whole)
        self.update()

    def mouseDoubleClickEvent(self, event):
        block = self.block_at(event.position())
        if block is not None:
            self.edit_requested.emit(block.entry)
        elif self.zone is not None:
            self.create_requested.emit(datetime.combine(
                self.day(self.index_at(event.position())), NEW_AT, self.zone))
