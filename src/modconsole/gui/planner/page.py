"""The planner page: the week table, the month calendar, a list and the period's review,
beside the chosen activity and the period's clashes.

Keys: N (or Enter on an empty cell) plans an activity, Enter edits the
chosen one, A opens its file (attendance, draw, budget, checklist, review),
J/K step through the period, PgUp/PgDn change week or month, T jumps to
today, Del skips one occurrence (cancels a one-off), Ctrl+Del deletes the
activity and Ctrl+Z brings it back, Ctrl+R renders the announcement from the
phrase book, Ctrl+E saves the week or month as PNG or PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.conflicts import Conflict
from modconsole.domain.messages import N_
from modconsole.domain.recurrence import zone
from modconsole.domain.rule_words import describe_rule
from modconsole.gui.commands import command
from modconsole.gui.i18n import localized, ui_lang
from modconsole.gui.menu_button import give_menu
from modconsole.gui.note_label import ERROR_COLOR
from modconsole.gui.operations import OperationRunner
from modconsole.gui.planner.activity_dialog import ActivityDialog
from modconsole.gui.planner.activity_file import ActivityFile
from modconsole.gui.planner.activity_list import ActivityList
from modconsole.gui.planner.calendar_view import Band
from modconsole.gui.planner.labels import day_names, status_names, type_names
from modconsole.gui.planner.month_view import MonthView
from modconsole.gui.planner.period_review import PeriodReview
from modconsole.gui.planner.themes_dialog import ThemesDialog
from modconsole.gui.planner.week_view import WeekView
from modconsole.gui.replies.quick_insert import QuickInsertDialog
from modconsole.gui.role_gate import RoleGate
from modconsole.gui.shortcuts import widget_shortcut
from modconsole.gui.status_bar import show_message
from modconsole.services import activities as act
from modconsole.services import activity_files, reviews, themes
from modconsole.services import groups as group_service
from modconsole.services.activities import ActivityError, Entry
from modconsole.services.reply_context import ReplyContext
from modconsole.services.segments import list_segments

PLAN_ZONE = act.DEFAULT_ZONE


@dataclass(frozen=True)
class PlanData:
    """One period as the page shows it: the calendar's days, and the period itself for
    the clashes and the review (a month's grid shows days of the months around it)."""

    span: str  # week | month
    first: date  # Monday, or the 1st of the month
    entries: list[Entry]
    conflicts: tuple[Conflict, ...]
    names: dict[str, str]
    bands: list[Band]
    groups: list[tuple[str, str]]
    staff: list[tuple[str, str]]
    segments: list[str]
    summary: reviews.PeriodSummary
    unreadable: list[Entry]  # activities whose stored rule cannot be shown


def period(span: str, first: date) -> tuple[date, date]:
    """[first day, day after the last) of the week or month starting at `first`."""
    return first, first + (timedelta(days=7) if span == "week" else relativedelta(months=1))


def quarter_of(day: date) -> tuple[date, date]:
    """[first day, day after the last) of the quarter holding `day`."""
    first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return first, first + relativedelta(months=3)


def load_quarter(session, day: date) -> reviews.PeriodSummary:
    """The quarterly review (季度调整) of the quarter holding `day`."""
    local = zone(PLAN_ZONE)
    start, end = (datetime.combine(d, time(), local) for d in quarter_of(day))
    return reviews.summary(session, start, end, act.entries(session, start, end))


def load_plan(session, span: str, first: date, group_id: str | None) -> PlanData:
    local = zone(PLAN_ZONE)
    start, end = period(span, first)
    shown_from = start - timedelta(days=start.weekday())
    shown_to = shown_from + timedelta(days=7 if span == "week" else 42)
    def at(day: date) -> datetime:
        return datetime.combine(day, time(), local)

    # The recurring rules are expanded once for the days shown; the period's
    # clashes and sums take their part of it, the calendar the chosen group's.
    shown = act.entries(session, at(shown_from), at(shown_to))
    occurring = [e for e in shown if e.start < at(end) and e.end > at(start)]
    check = act.check_plan(session, at(start), at(end), PLAN_ZONE, occurring)
    bands = [Band(t.title, t.first, t.last, t.color)
             for t in themes.themes_between(session, shown_from, shown_to - timedelta(days=1))]
    return PlanData(span, first, [e for e in shown if group_id is None or
                                  any(g == group_id for g, _ in e.groups)],
                    check.conflicts, check.names, bands,
                    [(g.id, g.name) for g in group_service.list_groups(session)],
                    act.staff_choices(session), [x.name for x in list_segments(session)],
                    reviews.summary(session, at(start), at(end), occurring),
                    act.unreadable(session))


class PlannerPage(QWidget):
    def __init__(self, runner: OperationRunner, gate: RoleGate, parent=None):
        super().__init__(parent)
        self.runner, self.gate = runner, gate
        self.data: PlanData | None = None
        self._review_title = ""
        self.dialog = None
        self.span = "week"
        self.anchor = date.today()
        self.deleted: list[tuple[str, str]] = []  # (id, title) that Ctrl+Z can restore
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Planner"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.back = QPushButton("◀")
        self.back.setToolTip(self.tr("Previous week or month (PgUp)"))
        self.forward = QPushButton("▶")
        self.forward.setToolTip(self.tr("Next week or month (PgDn)"))
        self.today_button = QPushButton(self.tr("Today (T)"))
        self.week_label = QLabel()
        self.week_label.setObjectName("sectionTitle")
        self.group = QComboBox()
        self.group.addItem(self.tr("All groups"), None)
        self.new_button = QPushButton(self.tr("New (N)"))
        self.file_button = QPushButton(self.tr("Activity file (A)"))
        self.more = QToolButton()
        self.more.setText(self.tr("More"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.more)
        for text, slot in ((self.tr("Save as image or PDF… (Ctrl+E)"), self.export_week),
                           (self.tr("Export .ics / CSV / XLSX…"), self.export_file),
                           (self.tr("Import .ics…"), self.import_file),
                           (self.tr("Themes and required days…"), self.edit_themes),
                           (self.tr("Delete activity (Ctrl+Del)"), self.delete_current)):
            menu.addAction(text).triggered.connect(slot)
        give_menu(self.more, menu)
        for arrow in (self.back, self.forward):
            arrow.setFixedWidth(36)
        for w in (self.back, self.week_label, self.forward, self.today_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.group, self.new_button, self.file_button, self.more):
            bar.addWidget(w)
        layout.addLayout(bar)
        self.hint = QLabel(self.tr(
            "Double-click or press N to plan; drag to move, drag the edge to resize. "
            "For a recurring slot a drag moves this occurrence; Shift+drag moves them all."))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.week = WeekView()
        self.month = MonthView()
        self.list = ActivityList(PLAN_ZONE)
        self.review = PeriodReview()
        self.review.span_changed.connect(self._show_review)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.week, self.tr("Week"))
        self.tabs.addTab(self.month, self.tr("Month"))
        self.tabs.addTab(self.list, self.tr("List"))
        self.tabs.addTab(self.review, self.tr("Review"))
        side = QWidget()
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 0, 0)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        side_box.addWidget(self.details)
        self.conflicts_title = QLabel()
        self.conflicts_title.setObjectName("sectionTitle")
        side_box.addWidget(self.conflicts_title)
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
        self.back.clicked.connect(lambda: self.go(-1))
        self.forward.clicked.connect(lambda: self.go(1))
        self.today_button.clicked.connect(self.this_week)
        self.group.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button.clicked.connect(lambda: self.new_activity())
        self.file_button.clicked.connect(self.open_file)
        self.tabs.currentChanged.connect(self._tab_changed)
        for view in (self.week, self.month):
            view.create_requested.connect(self.new_activity)
            view.edit_requested.connect(self.edit_activity)
            view.moved.connect(self.move)
            view.current_changed.connect(self._show_current)
        self.list.activated.connect(self.edit_activity)
        self.conflicts.itemActivated.connect(self._fix_unreadable)
        self.list.current_changed.connect(self._show_current)
        self.commands = {}
        for name, keys, slot in (
                (N_("PlannerPage", "New activity"), "N", lambda: self.new_activity()),
                (N_("PlannerPage", "Previous week or month"), "PgUp", lambda: self.go(-1)),
                (N_("PlannerPage", "Next week or month"), "PgDown", lambda: self.go(1)),
                (N_("PlannerPage", "This week"), "T", self.this_week),
                (N_("PlannerPage", "Activity file (attendance, draw, budget)"), "A",
                 self.open_file),
                (N_("PlannerPage", "Skip this occurrence"), "Del", self.skip_current),
                (N_("PlannerPage", "Delete activity"), "Ctrl+Del", self.delete_current),
                (N_("PlannerPage", "Undo delete"), "Ctrl+Z", self.undo_delete),
                (N_("PlannerPage", "Announcement for the group"), "Ctrl+R", self.announce),
                (N_("PlannerPage", "Save the week as a picture or PDF"), "Ctrl+E",
                 self.export_week),
                (N_("PlannerPage", "Reload"), "F5", self.reload),
                (N_("PlannerPage", "Export .ics / CSV / XLSX…"), None, self.export_file),
                (N_("PlannerPage", "Import .ics…"), None, self.import_file),
                (N_("PlannerPage", "Themes and required days…"), None, self.edit_themes)):
            if keys:
                widget_shortcut(keys, self, slot, with_children=True)
            self.commands[name.source] = command(self, name, slot, keys, bound=False)
        for name, entity in (("New activity", "activities"), ("Skip this occurrence", "activities"),
                             ("Delete activity", "activities"), ("Undo delete", "activities"),
                             ("Import .ics…", "activities"),
                             ("Themes and required days…", "themes")):
            gate.guard(entity, self.commands[name])
        gate.guard("activities", self.new_button)
        runner.opened.connect(lambda _r: self.reload())
        runner.changed.connect(lambda topics: self.isVisible() and topics & {
            "activities", "groups", "attendance"} and self.reload())
        self._show_current(None)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.runner.store is not None:
            self.reload()

    # -- loading ----------------------------------------------------------------
    @property
    def first(self) -> date:
        if self.span == "week":
            return self.anchor - timedelta(days=self.anchor.weekday())
        return self.anchor.replace(day=1)

    def go(self, steps: int) -> None:
        self.anchor += timedelta(days=7 * steps) if self.span == "week" else \
            relativedelta(months=steps)
        self.reload()

    def this_week(self) -> None:
        self.anchor = date.today()
        self.reload()

    def _tab_changed(self, index: int) -> None:
        span = {0: "week", 1: "month"}.get(index, self.span)
        if span != self.span:
            self.span = span
            self.reload()
        elif self.data is not None:
            self._show_current(self.current_entry())

    def _show_review(self) -> None:
        """The shown week's or month's review, or its quarter's (read on the worker)."""
        if self.data is None:
            return
        if not self.review.quarterly():
            self.review.show_summary(self._review_title, self.data.summary, PLAN_ZONE)
            return
        first = self.data.first
        title = self.tr("Quarterly review (季度调整) %1").replace(
            "%1", f"{first.year}-Q{(first.month - 1) // 3 + 1}")
        self.runner.run(lambda s: load_quarter(s, first), label=self.tr("Loading the quarter"),
                        on_done=lambda summary: self.review.show_summary(title, summary,
                                                                        PLAN_ZONE))

    def reload(self) -> None:
        span, first, group_id = self.span, self.first, self.group.currentData()
        self.runner.run(lambda s: load_plan(s, span, first, group_id),
                        label=self.tr("Loading the plan"), on_done=self._show)

    def _show(self, data: PlanData) -> None:
        self.data = data
        local = zone(PLAN_ZONE)
        if data.span == "week":
            last = data.first + timedelta(days=6)
            label = f"{data.first:%Y-%m-%d} – {last:%m-%d}"
            self.week.set_week(data.first, local, data.entries, data.bands)
            review = self.tr("Weekly review (周复盘) %1").replace("%1", label)
        else:
            label = f"{data.first:%Y-%m}"
            self.month.set_month(data.first, local, data.entries, data.bands)
            review = self.tr("Monthly summary (月总结) %1").replace("%1", label)
        self.week_label.setText(label)
        self._review_title = review
        self._show_review()
        self._fill_groups(data.groups)
        self.list.set_entries(data.entries)
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

    def _fill_conflicts(self, data: PlanData) -> None:
        self.conflicts_title.setText(self.tr("Clashes this week") if data.span == "week"
                                     else self.tr("Clashes this month"))
        self.conflicts.clear()
        for e in data.unreadable:
            item = QListWidgetItem(self.tr(
                "⚠ '%1' cannot be shown: its repeat rule or start cannot be used (%2). "
                "Double-click to fix it.").replace("%1", e.title).replace("%2", e.rrule or ""))
            item.setToolTip(localized(e.problem))
            item.setData(Qt.ItemDataRole.UserRole, e)
            item.setForeground(ERROR_COLOR)
            self.conflicts.addItem(item)
        local, days = zone(PLAN_ZONE), day_names()
        for c in data.conflicts:
            name = data.names.get(c.subject, c.subject)
            if c.kind == "empty_day":
                text = self.tr("%1 has nothing planned on %2").replace("%1", name).replace(
                    "%2", f"{days[c.day.weekday()]} {c.day:%m-%d}")
            else:
                start = c.second.start.astimezone(local)
                when = f"{days[start.weekday()]} {start:%m-%d %H:%M}"
                what = self.tr("%1 is in two activities at %2: %3 and %4") if c.kind == \
                    "group" else self.tr("%1 hosts two activities at %2: %3 and %4")
                text = what.replace("%1", name).replace("%2", when).replace(
                    "%3", c.first.title).replace("%4", c.second.title)
            self.conflicts.addItem(text)
        if not data.conflicts:
            self.conflicts.addItem(self.tr("No clashes: no group or host is double-booked."))

    def _fix_unreadable(self, item: QListWidgetItem) -> None:
        entry = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(entry, Entry):
            self.edit_activity(entry)

    def current_entry(self) -> Entry | None:
        """The activity chosen in the tab on show (the list's row, or a calendar's chip)."""
        if self.tabs.currentWidget() is self.list:
            return self.list.current()
        return (self.month if self.span == "month" else self.week).current

    def calendar(self):
        return self.month if self.span == "month" else self.week

    def _show_current(self, e: Entry | None) -> None:
        if e is None:
            self.details.setText(self.tr(
                "<b>No activity chosen.</b><br>Click one, or press J/K to step through the "
                "week. Press N or double-click an empty slot to plan a new one."))
            return
        local = zone(e.timezone)
        day = day_names()[e.start.astimezone(local).weekday()]
        groups = ", ".join(n for _, n in e.groups) or self.tr("no groups")
        words = describe_rule(e.rrule, ui_lang()) if e.recurring else ""
        repeat = self.tr("Recurring slot: %1").replace("%1", words or e.rrule or "") \
            if e.recurring else ""
        self.details.setText(
            f"<b>{e.title}</b><br>{e.start.astimezone(local):%Y-%m-%d} {day} "
            f"{e.start.astimezone(local):%H:%M} – "
            f"{e.end.astimezone(local):%H:%M} ({e.timezone})<br>"
            f"{type_names().get(e.type, e.type)} · "
            f"{status_names().get(e.status_at(datetime.now(UTC)), e.status)}"
            f"<br>{groups}<br>{e.host}<br>{e.location}<br><i>{repeat}</i><br>" +
            self.tr("A: attendance, lucky draw, budget, checklist, review"))

    # -- editing ----------------------------------------------------------------
    def _held(self, entity: str = "activities") -> bool:
        """The role may not change `entity` rows (keys pass no action): the status bar says
        who can."""
        return self.gate.hold(entity, self._message)

    def new_activity(self, start: datetime | None = None) -> None:
        if self._held():
            return
        if start is None:
            view = self.calendar()
            start = view.cursor_time() if view.zone else \
                datetime.combine(self.first, time(20), zone(PLAN_ZONE))
        self._open_dialog(start, None, None)

    def edit_activity(self, e: Entry) -> None:
        self.runner.run(lambda s: act.activity_in(s, e.activity_id),
                        label=self.tr("Opening the activity"),
                        on_done=lambda current: self._open_dialog(e.start, current, e))

    def _open_dialog(self, start, current, e: Entry | None) -> None:
        data = self.data
        dialog = ActivityDialog(start, data.groups if data else [], data.staff if data else [],
                                current, self, segments=data.segments if data else [])
        dialog.submitted.connect(lambda value: self._save(dialog, value, e))
        self.dialog = dialog
        dialog.open()

    def _save(self, dialog: ActivityDialog, value, e: Entry | None) -> None:
        if self.gate.hold("activities", lambda words: dialog.show_error(None, words)):
            return

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
        if self._held():
            self.reload()  # the dragged block goes back
            return
        self.runner.run(lambda s: act.move(s, e.activity_id, e.key, start, end, whole),
                        label=self.tr("Moving the activity"), changes=("activities",),
                        on_error=lambda _e, message: (self._message(message), self.reload()))

    def _chosen(self) -> Entry | None:
        e = self.current_entry()
        if e is None:
            self._message(self.tr("Choose an activity first (J/K or a click)."))
        return e

    def skip_current(self) -> None:
        e = None if self._held() else self._chosen()
        if e is None:
            return
        self.runner.run(lambda s: act.skip(s, e.activity_id, e.key),
                        label=self.tr("Skipping the occurrence"), changes=("activities",),
                        on_done=lambda _r: self._message(
                            self.tr("Skipped %1 on %2.").replace("%1", e.title).replace(
                                "%2", f"{e.start.astimezone(zone(e.timezone)):%m-%d %H:%M}")))

    def delete_current(self) -> None:
        e = None if self._held() else self._chosen()
        if e is None:
            return
        self.runner.run(lambda s: act.delete_activity(s, e.activity_id),
                        label=self.tr("Deleting the activity"), changes=("activities",),
                        on_done=lambda title: (self.deleted.append((e.activity_id, title)),
                                               self._message(self.tr(
                                                   "Deleted %1 (every occurrence). Ctrl+Z "
                                                   "brings it back.").replace("%1", title))))

    def undo_delete(self) -> None:
        if self._held():
            return
        if not self.deleted:
            self._message(self.tr("Nothing to undo: no activity was deleted here."))
            return
        activity_id, title = self.deleted.pop()
        self.runner.run(lambda s: act.restore_activity(s, activity_id),
                        label=self.tr("Restoring the activity"), changes=("activities",),
                        on_done=lambda _r: self._message(
                            self.tr("Restored %1.").replace("%1", title)))

    def open_file(self) -> ActivityFile | None:
        e = self._chosen()
        if e is None:
            return None
        dialog = ActivityFile(self.runner, e, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_themes(self) -> ThemesDialog | None:
        if self._held("themes"):
            return None
        dialog = ThemesDialog(self.runner, self.data.groups if self.data else [], self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def announce(self) -> QuickInsertDialog | None:
        e = self._chosen()
        if e is None:
            return None
        dialog = QuickInsertDialog(self.runner, ReplyContext(activity_id=e.activity_id),
                                   ui_lang(), self)
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- files ------------------------------------------------------------------
    def import_file(self) -> None:
        if self._held():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a calendar"), "",
                                              self.tr("iCalendar (*.ics)"))
        if path:
            self.import_ics(Path(path))

    def import_ics(self, path: Path) -> None:
        """One transaction: a bad event rejects the whole file and says which."""
        self.runner.run(lambda s: activity_files.import_ics(s, path, PLAN_ZONE),
                        label=self.tr("Importing %1").replace("%1", path.name),
                        changes=("activities",), on_done=lambda r: self._message(
                            self.tr("%1: %2 activities added, %3 updated.").replace(
                                "%1", path.name).replace("%2", str(r.created)).replace(
                                "%3", str(r.updated))))

    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the plan"), f"plan-{self.first:%Y-%m-%d}.ics",
            self.tr("iCalendar (*.ics);;CSV (*.csv);;Excel (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """The shown week or month: .ics keeps the recurring rules, CSV/XLSX lists sessions."""
        local = zone(PLAN_ZONE)
        start, end = (datetime.combine(d, time(), local) for d in period(self.span, self.first))

        def job(session):
            if path.suffix.lower() == ".ics":
                return activity_files.export_ics(session, path, start, end)
            return activity_files.export_table(session, path, start, end)

        self.runner.run(job, label=self.tr("Exporting the plan"), on_done=lambda n: self._message(
            self.tr("%1 written with %2 entries.").replace("%1", str(path)).replace(
                "%2", str(n))))

    def export_week(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the calendar"), f"{self.span}-{self.first:%Y-%m-%d}.png",
            self.tr("Image (*.png);;PDF (*.pdf)"))
        if path:
            self.save_week(path)

    def share_picture(self) -> QPixmap:
        """The week or month to post in a group: a heading (the period and the group shown),
        then the calendar without today's tint, the chosen occurrence or the cursor."""
        calendar = self.calendar()
        calendar.plain = True
        try:
            body = calendar.grab()
        finally:
            calendar.plain = False
        group = self.group.currentText() if self.group.currentData() else ""
        heading = self.tr("Activity plan {period}").format(period=self.week_label.text())
        if group:
            heading += f" · {group}"
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        height = QFontMetrics(font).height() + 16
        picture = QPixmap(body.width(), body.height() + height)
        picture.fill(self.palette().base().color())
        painter = QPainter(picture)
        painter.setFont(font)
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(12, 0, body.width() - 24, height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, heading)
        painter.drawPixmap(0, height, body)
        painter.end()
        return picture

    def save_week(self, path: str) -> bool:
        """The week table or month as shown, to post in a group: PNG, or A4 landscape PDF."""
        picture = self.share_picture()
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
        self._message(self.tr("Saved to %1.").replace("%1", path) if ok else
                      self.tr("Could not write %1; choose another folder.").replace("%1", path))
        return ok

    def _message(self, text: str) -> None:
        show_message(self, text, 8000)
