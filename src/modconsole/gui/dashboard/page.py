"""Dashboard: the community at a glance, and the offer to load a demo into an empty database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from modconsole.gui.card import Card
from modconsole.gui.dashboard.trends import TrendsPanel
from modconsole.gui.operations import OperationRunner
from modconsole.gui.role_gate import RoleGate
from modconsole.gui.tables import fit_to_rows, read_only_table
from modconsole.services.dashboard import Summary, summary
from modconsole.services.moderator_numbers import ModeratorWeek, numbers

MODERATOR_WEEKS = 8
WATCHED = frozenset({"members", "groups", "cases", "sanctions", "activities", "demo",
                     "outbox", "external", "rollups", "targets"})


def week_bounds(now: datetime) -> tuple[datetime, datetime]:
    """Monday 00:00 to the next Monday in the local zone, as UTC."""
    local = now.astimezone()
    monday = (local - timedelta(days=local.weekday())).replace(hour=0, minute=0, second=0,
                                                               microsecond=0)
    return monday.astimezone(UTC), (monday + timedelta(days=7)).astimezone(UTC)


class DashboardPage(QWidget):
    """Cards with counts, the fill level of every group, each moderator's decisions, and
    the empty-database offer.

    Signals:
        demo_loaded(): the demo community was written.
        open_requested(str): a card was clicked; the window shows what it counts.
    """

    demo_loaded = Signal()
    open_requested = Signal(str)  # a card's key: the page it leads to opens, filtered

    def __init__(self, runner: OperationRunner, gate: RoleGate, parent=None):
        super().__init__(parent)
        self._runner = runner
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 24, 32, 24)
        heading = QLabel(self.tr("Dashboard"))
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)

        self.empty_banner = QFrame()
        self.empty_banner.setObjectName("banner")
        banner = QHBoxLayout(self.empty_banner)
        text = QLabel(self.tr("<b>This database is empty.</b><br>Load a demo community "
                              "(2,000 members with groups, tags, reports and activities) to "
                              "explore the console, join your team's server to take its "
                              "data, or start adding your own members."))
        text.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Load demo community"))
        self.demo_button.clicked.connect(self.load_demo)
        self.join_button = QPushButton(self.tr("Join a team…"))
        self.join_button.clicked.connect(lambda: self.open_requested.emit("team"))
        banner.addWidget(text, 1)
        banner.addWidget(self.demo_button)
        banner.addWidget(self.join_button)
        self.empty_banner.hide()
        layout.addWidget(self.empty_banner)

        self.demo_note = QLabel(self.tr("You are looking at demo data. It stays on this "
                                        "computer and is never sent to a team server."))
        self.demo_note.setObjectName("hint")
        self.demo_note.hide()
        layout.addWidget(self.demo_note)

        grid = QGridLayout()
        self.cards = {
            "members": Card(self.tr("Members"), opens=self.tr("Open the roster (every member)")),
            "open_cases": Card(self.tr("Open cases"),
                               opens=self.tr("Open the queue's cases to decide")),
            "active_sanctions": Card(self.tr("Active mutes and bans"),
                                     opens=self.tr("Open the sanctions in force")),
            "activities_this_week": Card(self.tr("Activities this week"),
                                         opens=self.tr("Open this week's plan")),
            "groups": Card(self.tr("Groups"), opens=self.tr("Open the groups")),
            "pending_changes": Card(self.tr("Changes waiting to sync")),
        }
        for i, (key, card) in enumerate(self.cards.items()):
            grid.addWidget(card, i // 3, i % 3)
            card.clicked.connect(lambda key=key: self.open_requested.emit(key))
        layout.addLayout(grid)

        trends_title = QLabel(self.tr("Trends"))
        trends_title.setObjectName("sectionTitle")
        layout.addWidget(trends_title)
        self.trends = TrendsPanel(runner, gate)
        layout.addWidget(self.trends)

        groups_title = QLabel(self.tr("Group fill level"))
        groups_title.setObjectName("sectionTitle")
        layout.addWidget(groups_title)
        self.groups_box = QVBoxLayout()
        layout.addLayout(self.groups_box)
        moderators_title = QLabel(self.tr("Moderators, last %n week(s)", "", MODERATOR_WEEKS))
        moderators_title.setObjectName("sectionTitle")
        layout.addWidget(moderators_title)
        self.moderators = read_only_table([
            self.tr("Moderator"), self.tr("Cases decided"),
            self.tr("Median time to decision"), self.tr("Overturned on appeal")])
        self.moderators.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.moderators.setToolTip(self.tr("Per week: modconsole moderators --weeks N"))
        layout.addWidget(self.moderators)
        self.no_decisions = QLabel(self.tr("No decisions in these weeks yet."))
        self.no_decisions.setObjectName("hint")
        layout.addWidget(self.no_decisions)
        layout.addStretch(1)
        self._stale = False
        runner.changed.connect(self._on_changed)

    def refresh(self, then=None) -> None:
        """Reload the numbers; `then(summary)` runs after they are shown."""
        now = datetime.now(UTC)
        start, end = week_bounds(now)

        def done(data: Summary) -> None:
            self._show(data)
            if then is not None:
                then(data)

        self._runner.run(lambda s: summary(s, now, start, end), label=self.tr("Loading dashboard"),
                         on_done=done)
        since = now - timedelta(weeks=MODERATOR_WEEKS)
        self._runner.run(lambda s: numbers(s, since).totals,
                         label=self.tr("Counting moderators' decisions"),
                         on_done=self._show_moderators)
        self.trends.refresh()

    def _show_moderators(self, totals: list[ModeratorWeek]) -> None:
        self.moderators.setRowCount(len(totals))
        for row, w in enumerate(totals):
            for column, text in enumerate((w.moderator, f"{w.decided:,}",
                                           self._duration(w.median_minutes),
                                           f"{w.overturned:,}")):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.moderators.setItem(row, column, item)
        fit_to_rows(self.moderators, 20)
        self.moderators.setVisible(bool(totals))
        self.no_decisions.setVisible(not totals)

    def _duration(self, minutes: float | None) -> str:
        """A median wait as a person says it: minutes, hours or days."""
        if minutes is None:
            return "—"
        if minutes < 90:
            return self.tr("%n min", "", round(minutes))
        if minutes < 48 * 60:
            return self.tr("%n h", "", round(minutes / 60))
        return self.tr("%n day(s)", "", round(minutes / 1440))

    def _on_changed(self, topics: frozenset) -> None:
        """Counted again now if shown, else when next shown: a write elsewhere should not
        queue a recount on the worker that nobody looks at."""
        if topics & WATCHED:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def _show(self, data: Summary) -> None:
        self.empty_banner.setVisible(data.members == 0)
        self.demo_note.setVisible(data.is_demo)
        self.demo_button.setEnabled(True)
        values = {"members": data.members, "open_cases": data.open_cases,
                  "active_sanctions": data.active_sanctions,
                  "activities_this_week": data.activities_this_week,
                  "groups": len(data.groups), "pending_changes": data.pending_changes}
        for key, card in self.cards.items():
            card.value.setText(f"{values[key]:,}")
        while self.groups_box.count():
            item = self.groups_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if not data.groups:
            self.groups_box.addWidget(QLabel(self.tr("No groups yet.")))
        for group in data.groups:
            self.groups_box.addWidget(self._group_row(group))

    def _group_row(self, group) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 2, 0, 2)
        name = QLabel(group.name)
        name.setMinimumWidth(220)
        bar = QProgressBar()
        bar.setRange(0, group.cap)
        bar.setValue(min(group.members, group.cap))
        bar.setFormat(f"{group.members} / {group.cap}")
        bar.setProperty("nearCap", group.near_cap)
        warning = QLabel(self.tr("Near its cap — consider splitting") if group.near_cap else "")
        warning.setObjectName("warning")
        warning.setMinimumWidth(200)
        layout.addWidget(name)
        layout.addWidget(bar, 1)
        layout.addWidget(warning)
        return row

    def load_demo(self) -> None:
        from modconsole.services.demo import load_demo  # Faker loads only when asked for

        self.demo_button.setEnabled(False)
        self._runner.run(lambda s, progress: load_demo(s, progress=progress),
                         label=self.tr("Loading demo community"), progress=True,
                         changes={"demo", "members", "groups", "cases", "sanctions",
                                  "activities", "tags"},
                         on_done=lambda _made: self.demo_loaded.emit(),
                         on_error=self._demo_failed)

    def _demo_failed(self, _exc, message: str) -> None:
        self.demo_button.setEnabled(True)
        self._runner.error.emit(message)
