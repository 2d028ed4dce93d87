"""The planner after planning: the activity file (attendance, draw, budget), the month
calendar's drag, delete and undo, themes, and .ics import, driven as a person would."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import func, select

from modconsole.domain.recurrence import zone
from modconsole.gui.planner.activity_file import ActivityFile
from modconsole.gui.planner.themes_dialog import ThemesDialog
from modconsole.services import activities as act
from modconsole.store import models as m
from tests.gui.conftest import query, settle

SH = zone("Asia/Shanghai")


def _seed(s):
    s.add_all([m.Group(name="上海1群", kind="regional", cap=100),
               m.Staff(name="Lin", role="lead")]
              + [m.Member(platform_id=f"wx{i}", name=f"会员{i}") for i in range(6)])
    s.flush()
    monday = datetime.combine(datetime.now(SH).date(), datetime.min.time(), SH)
    monday -= timedelta(days=monday.weekday())
    act.create_activity(s, act.ActivityIn("线下沙龙", "salon", monday + timedelta(hours=14),
                                          monday + timedelta(hours=16), groups=("上海1群",),
                                          host="Lin", capacity=2, reward_points=10))


@pytest.fixture(autouse=True)
def check_in_early_is_fine(monkeypatch):
    """A check-in before the session begins asks first; these tests answer yes."""
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    return asked


@pytest.fixture
def planner(make_window, db_path, qtbot):
    query(db_path, _seed)
    window = make_window()
    window.resize(1400, 900)
    window.show()
    window.show_page("planner")
    page = window.planner
    qtbot.waitUntil(lambda: page.data is not None and len(page.week.blocks) == 1,
                    timeout=10_000)
    window.activateWindow()
    return page


def _focus(qtbot, widget):
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _open_file(qtbot, page) -> ActivityFile:
    block = page.week.blocks[0]
    qtbot.mouseClick(page.week, Qt.MouseButton.LeftButton, pos=block.rect.center().toPoint())
    _focus(qtbot, page.week)
    qtbot.keyClick(page.week, Qt.Key.Key_A)
    dialog = page.dialog
    assert isinstance(dialog, ActivityFile)
    return dialog


def test_sign_up_a_pasted_list_check_in_and_promote_from_the_waitlist(qtbot, planner, db_path):
    page = planner
    dialog = _open_file(qtbot, page)
    tab = dialog.attendance
    qtbot.waitUntil(lambda: "Nobody" in tab.message.text() or "0" in tab.counts.text())
    tab.pasted.insertPlainText("会员1, wx2；wx3 某人")
    _focus(qtbot, tab.pasted)
    qtbot.keyClick(tab.pasted, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: tab.table.rowCount() == 3)
    assert "某人" in tab.message.text() and tab.pasted.toPlainText() == "某人"
    assert [tab.seats[r].status for r in range(3)] == ["registered", "registered", "waitlist"]

    tab.table.selectRow(0)
    _focus(qtbot, tab.table)
    qtbot.keyClick(tab.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: bool(tab.seats) and tab.seats[0].status == "attended")
    first = tab.seats[0].platform_id
    assert "1 checked in; 1 earned points" in tab.message.text()

    tab.table.selectRow(1)  # the other signed-up member cancels; the waiting one moves up
    waiting = tab.seats[2].name
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: waiting in tab.message.text())

    def points(s):
        return s.scalar(select(m.Member.points).where(m.Member.platform_id == first))
    assert query(db_path, points) == 10
    statuses = query(db_path, lambda s: sorted(s.scalars(select(m.Attendance.status))))
    assert statuses == ["attended", "cancelled", "registered"]


def test_a_draw_is_logged_and_verifies(qtbot, planner, db_path):
    page = planner
    dialog = _open_file(qtbot, page)
    dialog.attendance.pasted.insertPlainText("wx0 wx1")
    dialog.attendance.apply_list(check_in=True)
    settle(qtbot, page.window())
    dialog.tabs.setCurrentWidget(dialog.draws)
    tab = dialog.draws
    settle(qtbot, page.window())
    tab.count.setValue(1)
    _focus(qtbot, tab.count)
    qtbot.keyClick(tab.count, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    assert "Winners" in tab.message.text()
    tab.verify()
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: "Verified" in tab.message.text())
    assert query(db_path, lambda s: s.scalar(select(func.count()).select_from(m.Draw))) == 1


def test_a_bad_budget_amount_is_named_and_nothing_is_saved(qtbot, planner, db_path):
    page = planner
    dialog = _open_file(qtbot, page)
    dialog.tabs.setCurrentWidget(dialog.budget)
    tab = dialog.budget
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: tab.table.rowCount() == 5)
    tab.table.item(3, 1).setText("300")
    tab.table.item(0, 2).setText("12块")
    _focus(qtbot, tab.table)
    qtbot.keyClick(tab.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "People" in tab.message.text() and "12块" in tab.message.text()
    assert (tab.table.currentRow(), tab.table.currentColumn()) == (0, 2)
    assert query(db_path, lambda s: s.scalar(select(func.count()).select_from(
        m.BudgetLine))) == 0
    tab.table.item(0, 2).setText("12")
    tab.save()
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: "saved" in tab.message.text())
    lines = query(db_path, lambda s: {b.category: (b.planned_cents, b.actual_cents)
                                      for b in s.scalars(select(m.BudgetLine))})
    assert lines["prizes"] == (30000, None) and lines["people"] == (0, 1200)


def test_month_drag_moves_a_day_and_its_edge_stretches_it(qtbot, planner, db_path):
    page = planner
    page.tabs.setCurrentWidget(page.month)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: page.data.span == "month" and len(page.month.blocks) == 1)
    chip = page.month.blocks[0].rect
    step = QPoint(round(page.month.width() / 7), 0)
    start = chip.center().toPoint()
    qtbot.mousePress(page.month, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(page.month, start + step)
    qtbot.mouseRelease(page.month, Qt.MouseButton.LeftButton, pos=start + step)
    settle(qtbot, page.window())

    def times(s):
        a = s.scalar(select(m.Activity))
        return a.start_at.astimezone(SH), a.end_at.astimezone(SH)
    start_at, end_at = query(db_path, times)
    assert (start_at.weekday(), start_at.hour, end_at - start_at) == (1, 14, timedelta(hours=2))

    qtbot.waitUntil(lambda: page.month.blocks and
                    page.month.blocks[0].entry.start.astimezone(SH).weekday() == 1)
    chip = page.month.blocks[0].rect
    edge = QPoint(round(chip.right()) - 2, round(chip.center().y()))
    qtbot.mousePress(page.month, Qt.MouseButton.LeftButton, pos=edge)
    qtbot.mouseMove(page.month, edge + step)
    qtbot.mouseRelease(page.month, Qt.MouseButton.LeftButton, pos=edge + step)
    settle(qtbot, page.window())
    start_at, end_at = query(db_path, times)
    assert (start_at.weekday(), end_at - start_at) == (1, timedelta(days=1, hours=2))


def test_delete_and_undo(qtbot, planner, db_path):
    page = planner
    block = page.week.blocks[0]
    qtbot.mouseClick(page.week, Qt.MouseButton.LeftButton, pos=block.rect.center().toPoint())
    _focus(qtbot, page.week)
    qtbot.keyClick(page.week, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: page.week.blocks == [])
    assert "Ctrl+Z" in page.window().statusBar().currentMessage()
    qtbot.keyClick(page.week, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: len(page.week.blocks) == 1)
    assert query(db_path, lambda s: s.scalar(select(m.Activity.deleted_at))) is None


def test_a_theme_typed_in_the_dialog_shows_behind_the_week(qtbot, planner):
    page = planner
    dialog = page.edit_themes()
    assert isinstance(dialog, ThemesDialog)
    settle(qtbot, page.window())
    today = datetime.now(SH).date()
    dialog.title.insert("健康周")
    dialog.first.setDate(today)
    dialog.last.setDate(today)
    _focus(qtbot, dialog.title)
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    qtbot.waitUntil(lambda: [b.title for b in page.week.bands] == ["健康周"])
    dialog.title.clear()
    dialog.save_theme()
    settle(qtbot, page.window())
    assert "title" in dialog.message.text() and dialog.table.rowCount() == 1


def test_ics_import_rejects_a_bad_file_whole_and_takes_a_good_one(qtbot, planner, db_path,
                                                                  tmp_path):
    page = planner
    day = datetime.now(SH).date() + timedelta(days=1)
    event = ("BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{title}\r\n"
             "DTSTART;TZID=Asia/Shanghai:{day:%Y%m%d}T190000\r\n"
             "DTEND;TZID=Asia/Shanghai:{day:%Y%m%d}T{end}\r\nEND:VEVENT\r\n")
    head, tail = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n", "END:VCALENDAR\r\n"
    bad = tmp_path / "bad.ics"
    bad.write_text(head + event.format(uid="a", title="好", day=day, end="200000")
                   + event.format(uid="b", title="坏", day=day, end="180000") + tail)
    page.import_ics(bad)
    settle(qtbot, page.window())
    count = query(db_path, lambda s: s.scalar(select(func.count()).select_from(m.Activity)))
    assert count == 1  # the seeded salon only: nothing of the bad file was kept
    good = tmp_path / "good.ics"
    good.write_text(head + event.format(uid="a", title="读书会", day=day, end="200000") + tail)
    page.import_ics(good)
    settle(qtbot, page.window())
    assert "1 activities added" in page.window().statusBar().currentMessage()
    assert query(db_path, lambda s: s.scalar(select(func.count()).select_from(m.Activity))) == 2


def test_the_list_narrows_as_you_type_and_enter_edits(qtbot, planner, db_path):
    page = planner
    query(db_path, lambda s: act.create_activity(s, act.ActivityIn(
        "周日抽奖", "lucky_draw", page.data.entries[0].start + timedelta(days=1),
        page.data.entries[0].end + timedelta(days=1))))
    page.reload()
    settle(qtbot, page.window())
    page.tabs.setCurrentWidget(page.list)
    listing = page.list
    qtbot.waitUntil(lambda: listing.table.rowCount() == 2)
    listing.text.insert("沙龙")
    assert [e.title for e in listing.shown] == ["线下沙龙"]
    listing.text.clear()
    listing.type.setCurrentIndex(listing.type.findData("lucky_draw"))
    assert [e.title for e in listing.shown] == ["周日抽奖"]
    listing.table.setCurrentCell(0, 0)
    _focus(qtbot, listing.table)
    qtbot.keyClick(listing.table, Qt.Key.Key_Return)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    assert page.dialog.title.text() == "周日抽奖"


def test_checking_in_before_the_session_begins_asks_first(qtbot, planner, db_path, monkeypatch,
                                                           check_in_early_is_fine):
    page = planner
    dialog = _open_file(qtbot, page)
    tab = dialog.attendance
    tab.pasted.insertPlainText("wx0")
    tab.apply_list(check_in=False)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    early = tab.entry.start - timedelta(hours=2)
    monkeypatch.setattr("modconsole.gui.planner.attendance_tab.utcnow", lambda: early)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: check_in_early_is_fine.append(a)
                        or QMessageBox.StandardButton.No)
    tab.table.selectRow(0)
    tab.check_in_selected()
    assert "has not begun" in check_in_early_is_fine[-1][2]
    settle(qtbot, page.window())
    assert query(db_path, lambda s: s.scalar(select(m.Attendance.status))) == "registered"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.check_in_selected()
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: query(db_path, lambda s: s.scalar(
        select(m.Attendance.status))) == "attended")


def test_a_name_two_members_share_is_a_choice_not_unknown(qtbot, planner, db_path,
                                                          monkeypatch):
    query(db_path, lambda s: s.add(m.Member(platform_id="wx_dup", name="会员1")))
    page = planner
    dialog = _open_file(qtbot, page)
    tab = dialog.attendance
    offered = []

    def choose(_parent, _title, _label, items, *_args):
        offered.extend(items)
        return next(i for i in items if "wx_dup" in i), True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    tab.pasted.insertPlainText("会员1")
    tab.apply_list(check_in=False)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    assert len(offered) == 3 and any("wx1" in i for i in offered)  # both, and "none of them"
    assert tab.seats[0].platform_id == "wx_dup"
    assert "Not recognised" not in tab.message.text()


def test_the_shared_week_picture_has_a_heading_and_no_selection(qtbot, planner):
    page = planner
    block = page.week.blocks[0]
    qtbot.mouseClick(page.week, Qt.MouseButton.LeftButton, pos=block.rect.center().toPoint())
    assert page.week.current is not None
    shown = page.week.grab().toImage()
    picture = page.share_picture()
    body = picture.height() - page.week.height()
    assert body > 10 and not page.week.plain  # a heading above; the view is back as it was
    page.week.plain = True
    plain = page.week.grab().toImage()
    page.week.plain = False
    below = picture.copy(0, body, picture.width(), page.week.height()).toImage()
    same = below.convertToFormat(plain.format())
    assert same == plain and plain != shown  # no outline, today tint or cursor


def test_hovering_an_occurrence_shows_its_whole_title(qtbot, planner):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    week = planner.week
    block = week.blocks[0]
    where = block.rect.center().toPoint()
    QApplication.sendEvent(week, QHelpEvent(QEvent.Type.ToolTip, where, week.mapToGlobal(where)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text().startswith("线下沙龙\n") and "Lin" in QToolTip.text()
