"""The Queue page: triage with the keyboard, decide on the ladder, copy the notice.

Keys on the case list: J/K next/previous (Shift extends the selection),
Enter reads the case (Esc comes back), C claims, 1–8 decide (0 follows the
ladder), A records an appeal, Ctrl+R quick reply, Ctrl+Z takes the last
decision back, ? lists the keys. Dialogs open window-modal without blocking
the event loop, so the worker keeps answering while they are up.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.enums import AppealOutcome
from modconsole.domain.ladder import Step
from modconsole.domain.messages import N_
from modconsole.gui.commands import command
from modconsole.gui.i18n import ui_lang
from modconsole.gui.operations import OperationRunner
from modconsole.gui.queue.case_panel import CasePanel
from modconsole.gui.queue.dialogs import AppealDialog, DecideDialog, ReasonDialog, ReportDialog
from modconsole.gui.queue.labels import source_names, status_names, step_name
from modconsole.gui.queue.model import WIDTHS, QueueModel
from modconsole.gui.queue.sanctions_view import SanctionsView
from modconsole.gui.replies.quick_insert import QuickInsertDialog
from modconsole.gui.role_gate import RoleGate
from modconsole.gui.shortcuts import widget_shortcut
from modconsole.gui.status_bar import show_message
from modconsole.services import appeals, cases, decisions, groups, identity, rulebook
from modconsole.services.cases import QueueFilter, QueueRow
from modconsole.services.chat.activity import local_days
from modconsole.services.decisions import CHOICES, UNDO_MINUTES
from modconsole.services.identity import current_staff_id
from modconsole.services.reply_context import ReplyContext, notice_for_case
from modconsole.store.models import utcnow

WITHIN_DAYS = (0, 1, 7, 30)


def _decide_job(rows: list[QueueRow], step: Step | None, reason: str, deviation: str,
                lang: str):
    """Decide on the worker, then fill in each member's notice from the phrase book."""

    def job(session):
        if len(rows) == 1:
            done = [decisions.decide(session, rows[0].id, step, reason,
                                     deviation_reason=deviation,
                                     expected_version=rows[0].version)]
        else:
            done = decisions.decide_many(session, [r.id for r in rows], step, reason,
                                         deviation_reason=deviation)
        notices = [notice_for_case(session, d.case_id, lang) for d in done]
        return done, [n for n in notices if n is not None]

    return job


class QueuePage(QWidget):
    """Cases in priority order beside the selected case, and the sanctions in force."""

    def __init__(self, runner: OperationRunner, gate: RoleGate, parent=None):
        super().__init__(parent)
        self.runner, self.gate = runner, gate
        self.detail = None
        self.rules: list = []
        self.dialog: QDialog | None = None
        self._last: tuple[list[str], object] | None = None  # case ids, when decided
        self._keep_row = 0
        self._loaded_once = False
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        title = QLabel(self.tr("Queue"))
        title.setObjectName("pageTitle")
        head.addWidget(title)
        self.count = QLabel()
        self.count.setObjectName("hint")
        head.addWidget(self.count)
        head.addStretch(1)
        keys = QLabel(self.tr("J/K move · C claim · 1–8 decide · 0 ladder · ? all keys"))
        keys.setObjectName("hint")
        keys.setWordWrap(True)
        keys.setAlignment(Qt.AlignmentFlag.AlignRight)
        head.addWidget(keys)
        layout.addLayout(head)
        filters = QWidget()
        filters.setLayout(self._filter_bar())
        filters.layout().setContentsMargins(0, 0, 0, 0)
        # A narrow window clips the filter row instead of refusing to shrink.
        filters.setMinimumWidth(1)
        filters.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout.addWidget(filters)

        self.model = QueueModel(runner, self)
        self.model.lang = ui_lang()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        for column, width in enumerate(WIDTHS):
            self.table.setColumnWidth(column, width)
        self.panel = CasePanel()
        self.panel.lang = ui_lang()
        self.empty = QLabel(self.tr("Nothing to triage. New reports land here: press "
                                    "Ctrl+N to file one, or use `modconsole reports add` or "
                                    "`modconsole import reports FILE`."))
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # keeps Ctrl+Z within reach
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        split = QSplitter()
        split.addWidget(self.list_stack)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.sanctions = SanctionsView(runner)
        self.tabs = QTabWidget()
        self.tabs.addTab(split, self.tr("Cases"))
        self.tabs.addTab(self.sanctions, self.tr("Sanctions in force"))
        self.tabs.currentChanged.connect(lambda i: i == 1 and self.sanctions.reload())
        layout.addWidget(self.tabs, 1)

        self.model.loaded.connect(self._on_loaded)
        self.model.counted.connect(lambda n: self.count.setText(
            self.tr("%n case(s)", "", n)))
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self._keys()
        runner.opened.connect(lambda _r: self._start())
        runner.changed.connect(self._on_changed)
        self.clock = QTimer(self)
        self.clock.setInterval(60_000)
        self.clock.timeout.connect(lambda: self.model.tick(utcnow()))
        self.clock.start()

    # -- building ---------------------------------------------------------------------
    def _filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.status = QComboBox()
        for key, name in status_names().items():
            self.status.addItem(name, key)
        self.category = QComboBox()
        self.category.addItem(self.tr("Any rule"), None)
        self.group = QComboBox()
        self.group.addItem(self.tr("Any group"), None)
        self.assignee = QComboBox()
        for text, value in ((self.tr("Anyone's"), None), (self.tr("Mine"), "me"),
                            (self.tr("Unclaimed"), "none")):
            self.assignee.addItem(text, value)
        self.source = QComboBox()
        self.source.addItem(self.tr("Any source"), None)
        for key, name in source_names().items():
            self.source.addItem(name, key)
        self.within = QComboBox()
        for days in WITHIN_DAYS:
            self.within.addItem(self.tr("Any time") if not days else
                                self.tr("Last %n day(s)", "", days), days)
        self.overdue = QCheckBox(self.tr("Overdue only"))
        for tip, widget in ((self.tr("Status"), self.status), (self.tr("Rule"), self.category),
                            (self.tr("Group"), self.group),
                            (self.tr("Claimed by"), self.assignee),
                            (self.tr("Source"), self.source), (self.tr("Reported"),
                                                               self.within)):
            widget.setToolTip(tip)
            bar.addWidget(widget)
        bar.addWidget(self.overdue)
        bar.addStretch(1)
        for combo in (self.status, self.category, self.group, self.assignee, self.source,
                      self.within):
            combo.currentIndexChanged.connect(self._refilter)
        self.overdue.toggled.connect(self._refilter)
        return bar

    def _keys(self) -> None:
        t = self.table
        widget_shortcut("J", t, lambda: self.move(1))
        widget_shortcut("K", t, lambda: self.move(-1))
        widget_shortcut("Shift+J", t, lambda: self.move(1, extend=True))
        widget_shortcut("Shift+K", t, lambda: self.move(-1, extend=True))
        widget_shortcut("Return", t, self.open_case)
        widget_shortcut("Enter", t, self.open_case)
        widget_shortcut("C", t, self.claim)
        widget_shortcut("G", t, self.assign)
        widget_shortcut("A", t, self.file_appeal)
        widget_shortcut("?", t, self.show_keys)
        widget_shortcut("Shift+?", t, self.show_keys)
        widget_shortcut("F5", t, self.model.reload)
        widget_shortcut("0", t, lambda: self.decide(None))
        for number, choice in enumerate(CHOICES, start=1):
            widget_shortcut(str(number), t, lambda c=choice, n=number: self.decide(c, n))
        widget_shortcut("Escape", self.panel, self.table.setFocus, with_children=True)
        widget_shortcut("Ctrl+Z", self, self.undo, with_children=True)
        widget_shortcut("Ctrl+R", self, self.quick_reply, with_children=True)
        widget_shortcut("Ctrl+N", self, self.new_report, with_children=True)
        moderating = (  # what a role without moderation cannot do (the gate says so)
            (N_("QueuePage", "Decide as the ladder suggests"), "0", lambda: self.decide(None)),
            (N_("QueuePage", "Claim the case"), "C", self.claim),
            (N_("QueuePage", "Give the case to a colleague…"), "G", self.assign),
            (N_("QueuePage", "Record the member's appeal"), "A", self.file_appeal),
            (N_("QueuePage", "New report"), "Ctrl+N", self.new_report),
            (N_("QueuePage", "Undo the last decision"), "Ctrl+Z", self.undo))
        self.commands = {name.source: command(self, name, slot, keys, bound=False)
                         for name, keys, slot in (*moderating,
            (N_("QueuePage", "Quick reply…"), "Ctrl+R", self.quick_reply),
            (N_("QueuePage", "Keyboard keys"), "?", self.show_keys),
            (N_("QueuePage", "Sanctions in force"), None,
             lambda: self.tabs.setCurrentIndex(1)))}
        self.gate.guard("cases", *(self.commands[name.source] for name, _k, _s in moderating))

    # -- loading ----------------------------------------------------------------------
    def _start(self) -> None:
        self.runner.run(rulebook.list_rules, label=self.tr("Loading the rulebook"),
                        on_done=self._fill_categories)
        self.runner.run(groups.list_groups, label=self.tr("Loading groups"),
                        on_done=self._fill_groups)
        self.model.reload()

    def _fill_categories(self, rules) -> None:
        self.rules = rules
        zh = ui_lang().startswith("zh")
        self.category.blockSignals(True)
        for r in rules:
            if r.parent_id is None:
                self.category.addItem(r.title_zh if zh else r.title_en, r.code)
        self.category.blockSignals(False)

    def _fill_groups(self, infos) -> None:
        self.group.blockSignals(True)
        for info in infos:
            self.group.addItem(info.name, info.id)
        self.group.blockSignals(False)

    def _on_changed(self, topics) -> None:
        if topics & {"cases", "members"}:
            self.model.reload()

    def show_cases(self, first: date, last: date, category: str | None = None,
                   group: str | None = None) -> None:
        """Every case with a report on the local days [first, last] (a day the dashboard
        charts), of a rule category or group when given, whatever its status."""
        label = self.tr("Reported {first} to {last}").format(
            first=first.isoformat(), last=last.isoformat()) if first != last else \
            self.tr("Reported on {day}").format(day=first.isoformat())
        span = tuple(moment.astimezone(UTC) for moment in local_days(first, last))
        combos = (self.status, self.category, self.group, self.assignee, self.source,
                  self.within)
        for combo in combos:
            combo.blockSignals(True)
        if self.within.count() > len(WITHIN_DAYS):
            self.within.removeItem(len(WITHIN_DAYS))
        self.within.addItem(label, span)
        self.within.setCurrentIndex(len(WITHIN_DAYS))
        for combo, value in ((self.status, "all"), (self.category, category),
                             (self.group, group), (self.assignee, None), (self.source, None)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.overdue.setChecked(False)
        for combo in combos:
            combo.blockSignals(False)
        self.tabs.setCurrentIndex(0)
        self._refilter()

    def _refilter(self) -> None:
        days = self.within.currentData()
        span = days if isinstance(days, tuple) else (None, None)
        days = 0 if isinstance(days, tuple) else days

        def build(session):
            me = current_staff_id(session) if self.assignee.currentData() == "me" else None
            return me

        def apply(me):
            since = utcnow() - timedelta(days=days) if days else None
            assignee = me or (self.assignee.currentData() if self.assignee.currentData() ==
                              "none" else None)
            self.model.set_filter(QueueFilter(
                status=self.status.currentData(), category=self.category.currentData(),
                group_id=self.group.currentData(),
                assignee=assignee, source=self.source.currentData(), since=since,
                reported_from=span[0], reported_to=span[1], overdue=self.overdue.isChecked()))

        self.runner.run(build, label=self.tr("Filtering the queue"), on_done=apply)

    def _on_loaded(self) -> None:
        rows = self.model.rowCount()
        self.list_stack.setCurrentWidget(self.table if rows else self.empty)
        if rows and not self.table.currentIndex().isValid():
            self.select_row(min(self._keep_row, rows - 1))
        elif not rows:
            self.detail = None
            self.panel.show_detail(None)
            if self.table.hasFocus():
                self.empty.setFocus()

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect |
            QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _on_current(self, current, _previous) -> None:
        row = self.model.row_at(current.row())
        if row is None:
            return
        self.runner.run(lambda s: decisions.detail(s, row.id), label=self.tr("Opening the case"),
                        on_done=self._show_detail,
                        on_error=lambda _e, message: self._message(message))

    def _show_detail(self, detail) -> None:
        current = self.current_row()
        if current is not None and detail.row.id == current.id:
            self.detail = detail
            self.panel.show_detail(detail)

    # -- the keys ---------------------------------------------------------------------
    def current_row(self) -> QueueRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def selected_rows(self) -> list[QueueRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        picked = [self.model.row_at(r) for r in rows]
        current = self.current_row()
        return [r for r in picked if r] or ([current] if current else [])

    def move(self, delta: int, extend: bool = False) -> None:
        count = self.model.rowCount()
        if not count:
            return
        row = max(0, min(self.table.currentIndex().row() + delta, count - 1))
        if row == count - 1 and self.model.canFetchMore():
            self.model.fetchMore()
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.Rows | (
            QItemSelectionModel.SelectionFlag.Select if extend else
            QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def open_case(self) -> None:
        if self.current_row() is not None:
            self.panel.setFocus()

    def claim(self) -> None:
        if self.gate.hold("cases", self._message):
            return
        row = self.current_row()
        if row is None:
            return

        def job(session):
            decisions.claim(session, row.id)
            return cases.case_row(session, row.id)

        self.runner.run(job, label=self.tr("Claiming the case"), on_done=self._claimed,
                        on_error=lambda _e, message: self._message(message), write=True)

    def assign(self) -> None:
        """G: a lead gives the case to a colleague (it shows in their "Mine")."""
        if self.gate.hold("cases", self._message):
            return
        row = self.current_row()
        if row is None:
            return
        self.runner.run(identity.colleagues_who_moderate, label=self.tr("Reading the team"),
                        on_done=lambda people: self._choose_assignee(row, people))

    def _choose_assignee(self, row: QueueRow, people: list) -> None:
        names = [p.name for p in people]
        if not names:
            self._message(self.tr("Nobody on the team moderates yet."))
            return
        name, ok = QInputDialog.getItem(self, self.tr("Give the case to"),
                                        self.tr("Colleague"), names, 0, False)
        if not ok:
            return
        staff_id = people[names.index(name)].staff_id

        def job(session):
            decisions.assign(session, row.id, staff_id)
            return cases.case_row(session, row.id)

        def given(found: QueueRow) -> None:
            self._claimed(found, announce=False)
            self._message(self.tr("Given to {name}; it is in their \"Mine\".").format(
                name=name))
        self.runner.run(job, label=self.tr("Giving the case to a colleague"), on_done=given,
                        on_error=lambda _e, message: self._message(message), write=True)

    def _claimed(self, row: QueueRow, announce: bool = True) -> None:
        self.model.replace_row(row)
        if self.detail is not None and self.detail.row.id == row.id:
            self.detail = replace(self.detail, row=row)
            self.panel.show_detail(self.detail)
        if announce:
            self._message(self.tr("Claimed until %1; others see your name on it.").replace(
                "%1", f"{row.claimed_until.astimezone():%H:%M}"))

    def decide(self, step: Step | None, number: int | None = None) -> None:
        if self.gate.hold("cases", self._message):
            return
        rows = self.selected_rows()
        if not rows:
            return
        if any(r.kind == "appeal" for r in rows):
            if len(rows) > 1:
                self._message(self.tr("Appeals are answered one at a time."))
                return
            self._answer_appeal(number)
            return
        if any(r.status not in ("open", "claimed") for r in rows):
            self._message(self.tr("Only open cases can be decided; this one is %1.").replace(
                "%1", status_names().get(rows[0].status, rows[0].status)))
            return
        detail = self.detail if (len(rows) == 1 and self.detail and
                                 self.detail.row.id == rows[0].id) else None

        def open_dialog():
            dialog = DecideDialog(rows, step, detail, self)
            dialog.accepted.connect(lambda: self._apply(rows, dialog))
            self._open(dialog)

        self._when_decidable([r.id for r in rows], open_dialog)

    def _when_decidable(self, case_ids: list[str], open_dialog) -> None:
        """Open the dialog only if the cases can still be decided by me: a colleague's claim,
        a decision made meanwhile or my own original decision is said before any typing."""
        self.runner.run(lambda s: decisions.check_decidable(s, case_ids),
                        label=self.tr("Checking the case"), urgent=True,
                        on_done=lambda _none: open_dialog(), on_error=self._refused_at_open)

    def _refused_at_open(self, _exc, message: str) -> None:
        self._warn(self.tr("Cannot decide"), message)
        self.model.reload()

    def _apply(self, rows: list[QueueRow], dialog: DecideDialog) -> None:
        self._keep_row = max(self.table.currentIndex().row(), 0)
        job = _decide_job(rows, dialog.step(), dialog.reason.text().strip(),
                          dialog.deviation.text().strip() if dialog.deviating() else "",
                          ui_lang())
        self.runner.run(job, label=self.tr("Deciding"), on_done=self._decided,
                        on_error=self._refused, changes=("cases", "members"))

    def _decided(self, result) -> None:
        done, notices = result
        self.table.setFocus()
        self._last = ([d.case_id for d in done], utcnow())
        if notices:
            QGuiApplication.clipboard().setText("\n\n".join(n.text for n in notices))
        what = step_name(done[0].step) if len({d.step for d in done}) == 1 else \
            self.tr("ladder steps")
        text = self.tr("Decided %n case(s): %1.", "", len(done)).replace("%1", what)
        if notices:
            text += " " + self.tr("Notice “%1” copied.").replace("%1", notices[0].template_title)
        text += " " + self.tr("Ctrl+Z takes it back for %1 minutes.").replace(
            "%1", str(UNDO_MINUTES))
        self._message(text)

    def _refused(self, _exc, message: str) -> None:
        self._warn(self.tr("Not decided"), message)
        self.model.reload()

    def _warn(self, title: str, message: str) -> None:
        self._open(QMessageBox(QMessageBox.Icon.Warning, title, message,
                               QMessageBox.StandardButton.Ok, self))

    def _answer_appeal(self, number: int | None) -> None:
        row, detail = self.current_row(), self.detail
        if row is None or detail is None or detail.row.id != row.id:
            return
        outcomes = list(AppealOutcome)
        outcome = outcomes[number - 1] if number and number <= len(outcomes) else \
            AppealOutcome.UPHELD
        self._when_decidable([row.id], lambda: self._open_appeal(row, detail, outcome))

    def _open_appeal(self, row, detail, outcome) -> None:
        dialog = AppealDialog(detail, outcome, self)

        def apply():
            outcome_value, reason, reduce_to = dialog.values()
            self._keep_row = max(self.table.currentIndex().row(), 0)
            self.runner.run(
                lambda s: appeals.decide_appeal(s, row.id, outcome_value, reason,
                                                reduce_to=reduce_to),
                label=self.tr("Answering the appeal"), changes=("cases", "members"),
                on_done=lambda _r: self._message(self.tr(
                    "Appeal answered. Ctrl+R suggests the appeal answer template.")),
                on_error=self._refused)

        dialog.accepted.connect(apply)
        self._open(dialog)

    def file_appeal(self) -> None:
        if self.gate.hold("cases", self._message):
            return
        row = self.current_row()
        if row is None:
            return
        dialog = ReasonDialog(self.tr("Record an appeal"), self.tr(
            "What does %1 say against the decision? The appeal joins the queue for another "
            "moderator.").replace("%1", row.member_name), self, multiline=True)

        def apply():
            statement = dialog.value()
            self.runner.run(lambda s: appeals.file_appeal(s, row.id, statement),
                            label=self.tr("Recording the appeal"), changes=("cases",),
                            on_done=lambda _id: self._message(self.tr(
                                "Appeal recorded; it is in the queue.")),
                            on_error=lambda _e, message: self._warn(
                                self.tr("No appeal recorded"), message))

        dialog.accepted.connect(apply)
        self._open(dialog)

    def new_report(self) -> None:
        """Ctrl+N: file what a moderator found, or a report passed on by chat."""
        if self.gate.hold("cases", self._message):
            return
        dialog = ReportDialog(self.rules, ui_lang(), self)

        def filed(intake) -> None:
            dialog.accept()
            self._filed(intake)

        def apply(report) -> None:
            self.runner.run(lambda s: cases.add_report(s, report), label=self.tr("Filing"),
                            changes=("cases",), on_done=filed,
                            on_error=lambda exc, message: dialog.show_error(
                                getattr(exc, "field", None), message))

        dialog.submitted.connect(apply)
        self._open(dialog)

    def _filed(self, intake) -> None:
        if intake.merged:
            self._message(self.tr("Merged into the existing case for the same evidence; it "
                                  "now has %1 reports.").replace("%1", str(intake.report_count)))
        else:
            self._message(self.tr("Report filed; the case is in the queue."))

    def undo(self) -> None:
        if self.gate.hold("cases", self._message):
            return
        if self._last is None:
            self._message(self.tr("No decision to take back."))
            return
        ids, _when = self._last
        self._last = None

        def job(session):
            for case_id in reversed(ids):
                decisions.undo(session, case_id)

        self.runner.run(job, label=self.tr("Taking the decision back"),
                        changes=("cases", "members"),
                        on_done=lambda _r: self._message(self.tr(
                            "Decision taken back; the case is open again.")),
                        on_error=lambda _e, message: self._message(message))

    def quick_reply(self) -> QuickInsertDialog | None:
        row = self.current_row()
        if row is None:
            return None
        dialog = QuickInsertDialog(self.runner, ReplyContext(case_id=row.id), ui_lang(), self)
        self._open(dialog)
        return dialog

    def show_keys(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Queue keys"), self.tr(
            "J / K — next / previous case (Shift extends the selection)\n"
            "Enter — read the case; Esc — back to the list\n"
            "C — claim the case · G — give it to a colleague (leads)\n"
            "1 dismiss · 2 warn · 3 mute 1 day · 4 mute 7 days · 5 mute 15 days · "
            "6 permanent mute · 7 remove from group · 8 ban\n"
            "0 — what the ladder suggests\n"
            "On an appeal: 1 upheld · 2 reduced · 3 overturned\n"
            "A — record the member's appeal against a decision\n"
            "Ctrl+N — file a report · Ctrl+R — quick reply · Ctrl+Z — take the last decision "
            "back · F5 — reload"),
            QMessageBox.StandardButton.Close, self)
        self._open(box)

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.open()

    def _message(self, text: str) -> None:
        show_message(self, text, 10000)
