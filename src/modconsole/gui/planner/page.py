"""The planner page: the week table, a list, the chosen activity and this week's clashes.

Keys: N (or Enter on an empty cell) plans an activity, Enter edits the
chosen one, J/K step through the week, PgUp/PgDn change week, T jumps to
today, Del skips one occurrence (cancels a one-off), Ctrl+R renders the
announcement from the phrase book, Ctrl+E saves the week as PNG or PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.conflicts import Conflict
from modconsole.domain.recurrence import zone
from modconsole.gui.i18n import ui_lang
from modconsole.gui.operations import OperationRunner
from modconsole.gui.planner.activity_dialog import ActivityDialog
from modconsole.gui.planner.labels import status_names, type_names
from modconsole.gui.planner.week_view import Band, WeekView
from modconsole.gui.replies.quick_insert import QuickInsertDialog
from modconsole.gui.shortcuts import widget_shortcut
from modconsole.gui.status_bar import show_message
from modconsole.services import activities as act
from modconsole.services import groups as group_service
from modconsole.services.activities import ActivityError, Entry, EntryFilter
from modconsole.services.reply_context import ReplyContext

PLAN_ZONE = act.DEFAULT_ZONE


@dataclass(frozen=True)
class WeekData:
    monday: date
    entries: list[Entry]
    conflicts: tuple[Conflict, ...]
    names: dict[str, str]
    bands: list[Band]
    groups: list[tuple[str, str]]
    staff: list[tuple[str, str]]


def load_week(session, monday: date, group_id: str | None) -> WeekData:
    local = zone(PLAN_ZONE)
    start = datetime.combine(monday, time(), local)
    end = start + timedelta(days=7)
    check = act.check_plan(session, start, end, PLAN_ZONE)
    bands = [Band(t.title, t.first, t.last, t.color)
             for t in act.themes_between(session, monday, monday + timedelta(days=6))]
    return WeekData(monday, act.entries(session, start, end, EntryFilter(group_id=group_id)),
                    check.conflicts, check.names, bands,
                    [(g.id, g.name) for g in group_service.list_groups(session)],
                    act.staff_choices(session))


class PlannerPage(QWidget):
    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.data: WeekData | None = None
        self.dialog = None
        today = date.today()
        self.monday = today - timedelta(days=today.weekday())
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Planner"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.back = QPushButton("◀")
        self.back.setToolTip(self.tr("Previous week (PgUp)"))
        self.forward = QPushButton("▶")
        self.forward.setToolTip(self.tr("Next week (PgDn)"))
        self.today_button = QPushButton(self.tr("This week (T)"))
        self.week_label = QLabel()
        self.week_label.setObjectName("sectionTitle")
        self.group = QComboBox()
        self.group.addItem(self.tr("All groups"), None)
        self.new_button = QPushButton(self.tr("New activity (N)"))
        self.export_button = QPushButton(self.tr("Save week… (Ctrl+E)"))
        for arrow in (self.back, self.forward):
            arrow.setFixedWidth(36)
        for w in (self.back, self.week_label, self.forward, self.today_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.group, self.new_button, self.export_button):
            bar.addWidget(w)
        layout.addLayout(bar)
        self.hint = QLabel(self.tr(
            "Double-click or press N to plan; drag to move, drag the lower edge to resize. "
            "For a recurring slot a drag moves this occurrence; Shift+drag moves them all."))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.week = WeekView()
        self.list = QTableWidget(0, 6)
        self.list.setHorizontalHeaderLabels([self.tr("When"), self.tr("Title"), self.tr("Type"),
                                             self.tr("Status"), self.tr("Groups"),
                                             self.tr("Host")])
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.week, self.tr("Week"))
        self.tabs.addTab(self.list, self.tr("List"))
        side = QWidget()
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 0, 0)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        side_box.addWidget(self.details)
        conflicts_title = QLabel(self.tr("Clashes this week"))
        conflicts_title.setObjectName("sectionTitle")
        side_box.addWidget(conflicts_title)
        self.conflicts = QListWidget()
        self.conflicts.setWordWrap(True)
        self.conflicts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_box.addWidget(self.conflicts, 1)
        split = QSplitter()
        split.addWidget(self.tabs)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        self.back.clicked.connect(lambda: self.go(-7))
        self.forward.clicked.connect(lambda: self.go(7))
        self.today_button.clicked.connect(self.this_week)
        self.group.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button.clicked.connect(lambda: self.new_activity())
        self.export_button.clicked.connect(self.export_week)
        self.week.create_requested.connect(self.new_activity)
        self.week.edit_requested.connect(self.edit_activity)
        self.week.moved.connect(self.move)
        self.week.current_changed.connect(self._show_current)
        self.list.cellDoubleClicked.connect(
            lambda row, _c: self.edit_activity(self.data.entries[row]) if self.data else None)
        for key, slot in (("N", lambda: self.new_activity()), ("PgUp", lambda: self.go(-7)),
                          ("PgDown", lambda: self.go(7)), ("T", self.this_week),
                          ("Del", self.skip_current), ("Ctrl+R", self.announce),
                          ("Ctrl+E", self.export_week), ("F5", self.reload)):
            widget_shortcut(key, self, slot, with_children=True)
        runner.opened.connect(lambda _r: self.reload())
        runner.changed.connect(lambda topics: self.isVisible() and topics & {
            "activities", "groups"} and self.reload())
        self._show_current(None)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.runner.store is not None:
            self.reload()

    # -- loading ----------------------------------------------------------------
    def go(self, days: int) -> None:
        self.monday += timedelta(days=days)
        self.reload()

    def this_week(self) -> None:
        today = date.today()
        self.monday = today - timedelta(days=today.weekday())
        self.reload()

    def reload(self) -> None:
        monday, group_id = self.monday, self.group.currentData()
        self.runner.run(lambda s: load_week(s, monday, group_id),
                        label=self.tr("Loading the week"), on_done=self._show)

    def _show(self, data: WeekData) -> None:
        self.data = data
        last = data.monday + timedelta(days=6)
        self.week_label.setText(f"{data.monday:%Y-%m-%d} – {last:%m-%d}")
        self.week.set_week(data.monday, zone(PLAN_ZONE), data.entries, data.bands)
        self._fill_groups(data.groups)
        self._fill_list(data.entries)
        self._fill_conflicts(data)

    def _fill_groups(self, groups: list[tuple[str, str]]) -> None:
        current = self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem(self.tr("All groups"), None)
        for gid, name in groups:
            self.group.addItem(name, gid)
        self.group.setCurrentIndex(max(self.group.findData(current), 0))
        self.group.blockSignals(False)

    def _fill_list(self, entries: list[Entry]) -> None:
        types, statuses, local = type_names(), status_names(), zone(PLAN_ZONE)
        days = self.week.day_names()
        self.list.setRowCount(len(entries))
        for row, e in enumerate(entries):
            start = e.start.astimezone(local)
            cells = (f"{days[start.weekday()]} {start:%m-%d %H:%M}", e.title,
                     types.get(e.type, e.type), statuses.get(e.status, e.status),
                     ", ".join(n for _, n in e.groups), e.host)
            for column, text in enumerate(cells):
                self.list.setItem(row, column, QTableWidgetItem(text))
        self.list.resizeColumnsToContents()

    def _fill_conflicts(self, data: WeekData) -> None:
        self.conflicts.clear()
        local, days = zone(PLAN_ZONE), self.week.day_names()
        for c in data.conflicts:
            name = data.names.get(c.subject, c.subject)
            if c.kind == "empty_day":
                text = self.tr("%1 has nothing planned on %2").replace("%1", name).replace(
                    "%2", f"{days[c.day.weekday()]} {c.day:%m-%d}")
            else:
                start = c.second.start.astimezone(local)
                when = f"{days[start.weekday()]} {start:%H:%M}"
                what = self.tr("%1 is in two activities at %2: %3 and %4") if c.kind == \
                    "group" else self.tr("%1 hosts two activities at %2: %3 and %4")
                text = what.replace("%1", name).replace("%2", when).replace(
                    "%3", c.first.title).replace("%4", c.second.title)
            self.conflicts.addItem(text)
        if not data.conflicts:
            self.conflicts.addItem(self.tr("No clashes: no group or host is double-booked."))

    def _show_current(self, e: Entry | None) -> None:
        if e is None:
            self.details.setText(self.tr(
                "<b>No activity chosen.</b><br>Click one, or press J/K to step through the "
                "week. Press N or double-click an empty slot to plan a new one."))
            return
        local = zone(e.timezone)
        day = self.week.day_names()[e.start.astimezone(local).weekday()]
        groups = ", ".join(n for _, n in e.groups) or self.tr("no groups")
        repeat = self.tr("Recurring slot: %1").replace("%1", e.rrule) if e.recurring else ""
        self.details.setText(
            f"<b>{e.title}</b><br>{e.start.astimezone(local):%Y-%m-%d} {day} "
            f"{e.start.astimezone(local):%H:%M} – "
            f"{e.end.astimezone(local):%H:%M} ({e.timezone})<br>"
            f"{type_names().get(e.type, e.type)} · {status_names().get(e.status, e.status)}"
            f"<br>{groups}<br>{e.host}<br>{e.location}<br><i>{repeat}</i>")

    # -- editing ----------------------------------------------------------------
    def new_activity(self, start: datetime | None = None) -> None:
        if start is None:
            start = self.week.local_time(*self.week.cursor) if self.week.zone else \
                datetime.combine(self.monday, time(20), zone(PLAN_ZONE))
        self._open_dialog(start, None, None)

    def edit_activity(self, e: Entry) -> None:
        self.runner.run(lambda s: act.activity_in(s, e.activity_id),
                        label=self.tr("Opening the activity"),
                        on_done=lambda current: self._open_dialog(e.start, current, e))

    def _open_dialog(self, start, current, e: Entry | None) -> None:
        groups = self.data.groups if self.data else []
        staff = self.data.staff if self.data else []
        dialog = ActivityDialog(start, groups, staff, current, self)
        dialog.submitted.connect(lambda value: self._save(dialog, value, e))
        self.dialog = dialog
        dialog.open()

    def _save(self, dialog: ActivityDialog, value, e: Entry | None) -> None:
        def job(session):
            if e is None:
                return act.create_activity(session, value)
            return act.update_activity(session, e.activity_id, value)

        def failed(exc, message):
            dialog.show_error(exc.field if isinstance(exc, ActivityError) else None, message)

        self.runner.run(job, label=self.tr("Saving the activity"), changes=("activities",),
                        on_done=lambda _r: (dialog.accept(), self._message(
                            self.tr("Saved: %1").replace("%1", value.title))),
                        on_error=failed)

    def move(self, e: Entry, start: datetime, end: datetime, whole: bool) -> None:
        self.runner.run(lambda s: act.move(s, e.activity_id, e.key, start, end, whole),
                        label=self.tr("Moving the activity"), changes=("activities",),
                        on_error=lambda _e, message: (self._message(message), self.reload()))

    def skip_current(self) -> None:
        e = self.week.current
        if e is None:
            return
        self.runner.run(lambda s: act.skip(s, e.activity_id, e.key),
                        label=self.tr("Skipping the occurrence"), changes=("activities",),
                        on_done=lambda _r: self._message(
                            self.tr("Skipped %1 on %2.").replace("%1", e.title).replace(
                                "%2", f"{e.start.astimezone(zone(e.timezone)):%m-%d %H:%M}")))

    def announce(self) -> QuickInsertDialog | None:
        e = self.week.current
        if e is None:
            self._message(self.tr("Choose an activity first (J/K or a click)."))
            return None
        dialog = QuickInsertDialog(self.runner, ReplyContext(activity_id=e.activity_id),
                                   ui_lang(), self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def export_week(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the week table"), f"week-{self.monday:%Y-%m-%d}.png",
            self.tr("Image (*.png);;PDF (*.pdf)"))
        if path:
            self.save_week(path)

    def save_week(self, path: str) -> bool:
        """The week table as shown, to post in a group: PNG, or an A4 landscape PDF."""
        picture = self.week.grab()
        if path.lower().endswith(".pdf"):
            writer = QPdfWriter(path)
            writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                             QPageLayout.Orientation.Landscape,
                                             QMarginsF(10, 10, 10, 10)))
            painter = QPainter(writer)
            area = QRectF(painter.viewport())
            scaled = picture.size().scaled(area.size().toSize(),
                                           Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawPixmap(QRectF(area.topLeft(), scaled.toSizeF()), picture,
                               QRectF(picture.rect()))
            ok = painter.end()
        else:
            ok = picture.save(path)
        self._message(self.tr("Week saved to %1.").replace("%1", path) if ok else
                      self.tr("Could not write %1; choose another folder.").replace("%1", path))
        return ok

    def _message(self, text: str) -> None:
        show_message(self, text, 8000)
