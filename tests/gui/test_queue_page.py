"""The Queue page, driven by keys: triage, decide on the ladder, notice copied, undo, appeals."""

import json
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from modconsole.domain.enums import StaffRole
from modconsole.gui.queue.dialogs import AppealDialog, DecideDialog, ReasonDialog
from modconsole.services import audit, cases, decisions, sanctions
from modconsole.services.cases import ReportIn
from modconsole.services.team.connection import TEAM_KEY
from modconsole.store import models as m
from modconsole.store.models import utcnow
from modconsole.store.settings import set_setting
from tests.gui.conftest import query, settle


def _seed(s):
    s.add_all([m.Staff(name="Ann", role=StaffRole.MODERATOR),
               m.Staff(name="Bob", role=StaffRole.MODERATOR)])
    for pid, name in (("wx_a", "小明"), ("wx_b", "小红"), ("wx_c", "阿强")):
        s.add(m.Member(platform_id=pid, name=name, nickname=name + "同学"))
    s.flush()
    set_setting(s, "me", s.scalar(select(m.Staff.id).where(m.Staff.name == "Ann")))
    now = utcnow()
    # oldest first in the queue: same rule, so age decides
    for hours, pid, text in ((5, "wx_a", "加我微信领红包"), (4, "wx_b", "代写论文"),
                             (3, "wx_c", "刷屏刷屏")):
        cases.add_report(s, ReportIn(member=pid, evidence=text, rule="SPAM.REPEATED",
                                     at=now - timedelta(hours=hours)), now=now)


@pytest.fixture
def queue(make_window, db_path, qtbot):
    query(db_path, _seed)
    window = make_window()
    window.show()
    window.show_page("queue")
    page = window.queue
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    window.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.waitUntil(lambda: page.detail is not None)
    return page


def _open_with(qtbot, page, key):
    """A decision key: the case is checked first, then its dialog (or the refusal) opens."""
    before = page.dialog
    qtbot.keyClick(page.table, key)
    qtbot.waitUntil(lambda: page.dialog is not before and page.dialog.isVisible(), timeout=5000)
    return page.dialog


def _confirm(qtbot, page, reason, deviation=None):
    dialog = page.dialog
    assert isinstance(dialog, DecideDialog)
    dialog.activateWindow()
    dialog.reason.setFocus()
    qtbot.waitUntil(dialog.reason.hasFocus)
    dialog.reason.insert(reason)
    if deviation is not None:
        assert dialog.deviation.isVisible()
        dialog.deviation.insert(deviation)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    settle(qtbot, page.window())
    page.window().activateWindow()
    qtbot.waitUntil(lambda: not page.window().runner.busy and (
        page.table.hasFocus() or page.empty.hasFocus()))


def test_triage_three_cases_with_the_keyboard(qtbot, queue, db_path):
    page = queue
    assert [page.model.row_at(i).member_name for i in range(3)] == ["小明", "小红", "阿强"]
    assert "Offence no. 1" in page.panel.labels["ladder"].text()
    # 0: what the ladder suggests (a warning for a first offence)
    _open_with(qtbot, page, Qt.Key.Key_0)
    assert page.dialog.choice.currentData() is None and not page.dialog.deviation.isVisible()
    _confirm(qtbot, page, "广告")
    assert "小明" in QApplication.clipboard().text()  # the warning notice, filled in
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.current_row().member_name == "小红"
    # C claims, then 4 (mute 7 days) leaves the ladder and asks why
    qtbot.keyClick(page.table, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: page.current_row().status == "claimed")
    assert page.current_row().claimed_by_name == "Ann"
    _open_with(qtbot, page, Qt.Key.Key_4)
    ok = page.dialog.buttons.button(page.dialog.buttons.StandardButton.Ok)
    page.dialog.reason.insert("代写")
    assert not ok.isEnabled()
    _confirm(qtbot, page, "", deviation="找人代写")
    assert "小红" in QApplication.clipboard().text()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    # K, J stay within the list; 1 dismisses
    qtbot.keyClick(page.table, Qt.Key.Key_K)
    qtbot.keyClick(page.table, Qt.Key.Key_J)
    assert page.current_row().member_name == "阿强"
    _open_with(qtbot, page, Qt.Key.Key_1)
    _confirm(qtbot, page, "误报")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.list_stack.currentWidget() is page.empty

    def check(s):
        active = sanctions.list_sanctions(s, active=True)
        entries = audit.entries(s, audit.AuditFilter(action="case."))
        return [(r.member_name, r.kind) for r in active], [e.action for e in entries]

    active, actions = query(db_path, check)
    assert active == [("小红", "mute")]
    assert actions == ["case.decide"] * 3

    # Ctrl+Z takes the last decision (the dismissal) back
    qtbot.keyClick(page.empty, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.current_row().member_name == "阿强"


def test_bulk_decide_a_selection_in_one_step(qtbot, queue, db_path):
    page = queue
    qtbot.keyClick(page.table, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    assert len(page.selected_rows()) == 3
    _open_with(qtbot, page, Qt.Key.Key_0)
    assert "3 case" in page.dialog.windowTitle()
    _confirm(qtbot, page, "spam wave")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert QApplication.clipboard().text().count("同学") >= 3
    kinds = query(db_path, lambda s: sorted(r.kind for r in sanctions.list_sanctions(s)))
    assert kinds == ["warn", "warn", "warn"]


def test_an_appeal_goes_to_another_moderator(qtbot, queue, db_path):
    page = queue
    _open_with(qtbot, page, Qt.Key.Key_2)
    _confirm(qtbot, page, "广告")
    page.status.setCurrentIndex(page.status.findData("decided"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.detail is not None)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    assert isinstance(page.dialog, ReasonDialog)
    page.dialog.text.insertPlainText("我只是转发")
    page.dialog.accept()
    settle(qtbot, page.window())
    page.status.setCurrentIndex(page.status.findData("todo"))
    qtbot.waitUntil(lambda: any(page.model.row_at(i).kind == "appeal"
                                for i in range(page.model.rowCount())))
    row = next(i for i in range(page.model.rowCount()) if page.model.row_at(i).kind == "appeal")
    page.select_row(row)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.row.kind == "appeal")
    page.window().activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    refusal = _open_with(qtbot, page, Qt.Key.Key_3)  # overturned: refused before any typing
    assert not isinstance(refusal, AppealDialog)
    assert "different moderator" in refusal.text()
    refusal.close()
    appeal_id = page.model.row_at(row).id

    def as_bob(s):
        set_setting(s, "me", s.scalar(select(m.Staff.id).where(m.Staff.name == "Bob")))
        return decisions.detail(s, appeal_id)

    assert query(db_path, as_bob).row.kind == "appeal"


def test_lift_a_mute_early_from_the_sanctions_tab(qtbot, queue, db_path):
    page = queue
    _open_with(qtbot, page, Qt.Key.Key_5)  # mute 15 days, off the ladder
    _confirm(qtbot, page, "刷屏", deviation="屡教不改")
    page.tabs.setCurrentIndex(1)
    view = page.sanctions
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    assert view.table.item(0, 0).text() == "小明" and "d" in view.table.item(0, 3).text()
    view.table.selectRow(0)
    view.lift()
    view.dialog.text.insert("已道歉")
    view.dialog.accept()
    qtbot.waitUntil(lambda: view.table.rowCount() == 0)
    assert "No mutes or bans" in view.summary.text()
    status = query(db_path, lambda s: s.scalar(select(m.Member.status).where(
        m.Member.platform_id == "wx_a")))
    assert status == "active"


def test_ctrl_n_files_a_staff_discovery_and_merges_a_repeat(qtbot, queue):
    page = queue
    qtbot.waitUntil(lambda: bool(page.rules))
    for expected in (4, 4):
        qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        dialog = page.dialog
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert not ok.isEnabled()
        dialog.member.insert("wx_b")
        dialog.evidence.insertPlainText("私下收费代写")
        dialog.rule.setCurrentIndex(dialog.rule.findData("SPAM.DECEPTIVE_MARKETING"))
        assert ok.isEnabled()
        ok.click()
        qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=5000)  # filed, then closed
        qtbot.waitUntil(lambda e=expected: page.model.rowCount() == e)
        settle(qtbot, page.window())
        page.window().activateWindow()
        page.table.setFocus()
        qtbot.waitUntil(page.table.hasFocus)
    assert "now has 2 reports" in page.window().statusBar().currentMessage()


def test_ctrl_enter_submits_a_multi_line_reason(qtbot):
    from modconsole.gui.queue.dialogs import ReasonDialog

    dialog = ReasonDialog("Appeal", "The member's words", multiline=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    dialog.text.setFocus()
    qtbot.waitUntil(dialog.text.hasFocus)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()  # nothing typed: OK is off, so nothing happens
    dialog.text.insertPlainText("我没有发广告")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)  # a new line, not a submit
    assert dialog.isVisible() and "\n" in dialog.text.toPlainText()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_a_report_on_an_unknown_member_keeps_the_dialog_and_what_was_typed(qtbot, queue):
    page = queue
    qtbot.waitUntil(lambda: bool(page.rules))
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    dialog.member.insert("wx_nobody")
    dialog.evidence.insertPlainText("私下收费代写，加V详聊")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "wx_nobody" in dialog.error.text(), timeout=5000)
    assert dialog.isVisible()
    assert dialog.evidence.toPlainText() == "私下收费代写，加V详聊"
    dialog.member.selectAll()
    dialog.member.insert("wx_b")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def test_a_case_a_colleague_claimed_is_refused_when_the_dialog_would_open(qtbot, queue, db_path):
    page = queue

    def bob_claims(s):
        bob = s.scalar(select(m.Staff.id).where(m.Staff.name == "Bob"))
        case = s.get(m.Case, page.current_row().id)
        case.claimed_by, case.claimed_until = bob, utcnow() + timedelta(minutes=30)

    query(db_path, bob_claims)
    refusal = _open_with(qtbot, page, Qt.Key.Key_0)
    assert not isinstance(refusal, DecideDialog)
    assert "Bob has claimed this case until" in refusal.text()


def _on_team(s, role: str) -> None:
    """Ann's console signed in to a team that gave her `role` (the server is not there)."""
    _seed(s)
    s.scalar(select(m.Staff).where(m.Staff.name == "Ann")).role = role
    s.add(m.SyncState(key=TEAM_KEY, value=json.dumps(
        {"url": "http://127.0.0.1:9", "account": "ann", "role": role})))


def test_a_viewer_cannot_decide_claim_or_edit_the_rulebook_and_is_told_who_can(
        qtbot, make_window, db_path):
    query(db_path, lambda s: _on_team(s, StaffRole.VIEWER))
    window = make_window()
    window.show()
    window.show_page("queue")
    page = window.queue
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and window.role_gate.role == "viewer",
                    timeout=10_000)
    page.table.setFocus()
    qtbot.waitUntil(lambda: page.detail is not None)
    for key in (Qt.Key.Key_1, Qt.Key.Key_C, Qt.Key.Key_0):
        qtbot.keyClick(page.table, key)
        assert page.dialog is None
        assert window.statusBar().currentMessage() == (
            "Your role (viewer) cannot do this; admin, lead, moderator can.")
    settle(qtbot, window)
    assert query(db_path, lambda s: {c.status for c in s.scalars(select(m.Case))}) == {"open"}
    assert not page.commands["Claim the case"].isEnabled()
    assert page.commands["Keyboard keys"].isEnabled()
    rules = window.rulebook
    assert not rules.save_button.isEnabled() and "lead" in rules.save_button.toolTip()
    roster, planner, replies = window.roster, window.planner, window.replies
    for action in (roster.commands["tag"], roster.commands["import"],
                   planner.commands["New activity"], replies.commands["new"],
                   replies.commands["approve"]):
        assert not action.isEnabled() and "cannot do this" in action.toolTip()
    assert roster.commands["export"].isEnabled() and replies.commands["copy"] is not None
    assert not roster.panel.fields["name"].isEnabled()
    assert not planner.new_button.isEnabled()
    window.show_page("planner")
    qtbot.keyClick(planner, Qt.Key.Key_N)  # a key passes no action: still refused
    assert planner.dialog is None and "cannot do this" in window.statusBar().currentMessage()


def test_ops_on_a_team_edit_members_but_not_cases_or_templates(qtbot, make_window, db_path):
    query(db_path, lambda s: _on_team(s, StaffRole.OPS))
    window = make_window()
    qtbot.waitUntil(lambda: window.role_gate.role == "ops", timeout=10_000)
    roster, replies = window.roster, window.replies
    assert roster.commands["tag"].isEnabled() and roster.commands["add"].isEnabled()
    assert roster.panel.fields["name"].isEnabled()
    assert not roster.panel.note_button.isEnabled()  # staff notes are moderation's
    assert not window.queue.commands["Claim the case"].isEnabled()
    assert not replies.commands["save"].isEnabled()
    assert replies.commands["save"].toolTip() == (
        "Your role (ops) cannot do this; admin, lead, moderator can.")


def test_a_console_on_no_team_limits_nobody(qtbot, make_window, db_path):
    def viewer_alone(s):
        _seed(s)
        s.scalar(select(m.Staff).where(m.Staff.name == "Ann")).role = StaffRole.VIEWER
    query(db_path, viewer_alone)
    window = make_window()
    assert window.role_gate.role == ""
    assert window.queue.commands["Claim the case"].isEnabled()
    assert window.roster.commands["tag"].isEnabled()


def test_a_lead_gives_a_case_to_a_colleague_with_g(qtbot, queue, db_path, monkeypatch):
    query(db_path, lambda s: setattr(s.scalar(select(m.Staff).where(m.Staff.name == "Ann")),
                                     "role", StaffRole.LEAD))
    window = queue.window()
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getItem",
                        lambda parent, title, label, items, *a: ("Bob", True))
    first = queue.current_row()
    qtbot.keyClick(queue.table, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: "Given to Bob" in window.statusBar().currentMessage(),
                    timeout=10_000)
    bob = query(db_path, lambda s: s.scalar(select(m.Staff.id).where(m.Staff.name == "Bob")))
    assert query(db_path, lambda s: s.get(m.Case, first.id).claimed_by) == bob


def test_a_colleagues_new_case_does_not_move_the_moderator_off_theirs(qtbot, queue, db_path,
                                                                       qtmodeltester):
    queue.select_row(1)
    mine = queue.current_row()

    def colleague_files_an_older_report(s):
        s.add(m.Member(platform_id="wx_d", name="老王"))
        s.flush()
        cases.add_report(s, ReportIn(member="wx_d", evidence="群发广告", rule="SPAM.REPEATED",
                                     at=utcnow() - timedelta(hours=9)))
    query(db_path, colleague_files_an_older_report)
    queue.runner.changed.emit(frozenset({"external", "cases"}))  # as a sync that pulled
    qtbot.waitUntil(lambda: queue.model.rowCount() == 4, timeout=10_000)
    assert queue.model.row_at(0).member_name == "老王"
    assert queue.current_row().id == mine.id and queue.table.currentIndex().row() == 2
    assert [r.id for r in queue.selected_rows()] == [mine.id]
    qtmodeltester.check(queue.model)
