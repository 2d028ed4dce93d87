"""The Planner page: plan a recurring slot by keyboard, drag an activity, see the clash."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select, text

from modconsole.domain.recurrence import Exceptions, zone
from modconsole.gui.planner.activity_dialog import ActivityDialog
from modconsole.services import activities as act
from modconsole.store import models as m
from tests.gui.conftest import query, settle

SH = zone("Asia/Shanghai")


def _seed(s):
    s.add_all([m.Group(name="上海1群", kind="regional", cap=100),
               m.Staff(name="Lin", role="lead")])


@pytest.fixture
def planner(make_window, db_path, qtbot):
    query(db_path, _seed)
    window = make_window()
    window.show()
    window.show_page("planner")
    page = window.planner
    qtbot.waitUntil(lambda: page.data is not None and bool(page.data.groups), timeout=10_000)
    window.activateWindow()
    page.week.setFocus()
    qtbot.waitUntil(page.week.hasFocus)
    return page


def test_plan_a_recurring_slot_with_the_keyboard(qtbot, planner, db_path):
    page = planner
    qtbot.keyClick(page.week, Qt.Key.Key_Right)  # Tuesday, 20:00 by default
    qtbot.keyClick(page.week, Qt.Key.Key_N)
    dialog = page.dialog
    assert isinstance(dialog, ActivityDialog)
    dialog.activateWindow()
    dialog.title.setFocus()
    qtbot.waitUntil(dialog.title.hasFocus)
    dialog.title.insert("每晚话题")
    dialog.repeat.setFocus()
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Down)  # every day
    assert dialog.ends.isEnabled()
    dialog.ends.setCurrentIndex(1)
    dialog.count.setValue(5)
    dialog.groups.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: len(page.data.entries) == 5, timeout=10_000)
    first = page.data.entries[0]
    assert first.start.astimezone(SH).strftime("%a %H:%M") == "Tue 20:00"
    assert first.rrule == "FREQ=DAILY;COUNT=5"
    assert [name for _, name in first.groups] == ["上海1群"]
    assert "上海1群" in page.list.table.item(0, 4).text()


def test_a_bad_rule_keeps_the_dialog_open_and_says_why(qtbot, planner):
    page = planner
    qtbot.keyClick(page.week, Qt.Key.Key_N)
    dialog = page.dialog
    dialog.title.insert("x")
    dialog.repeat.setCurrentIndex(dialog.repeat.count() - 1)
    dialog.rule.setText("FREQ=HOURLY")
    dialog.activateWindow()
    dialog.title.setFocus()
    qtbot.waitUntil(dialog.title.hasFocus)
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: "daily, weekly" in dialog.error.text())
    assert dialog.isVisible() and dialog.rule.hasFocus()


def _one_off(s):
    start = datetime.combine(datetime.now(SH).date(), datetime.min.time(), SH)
    monday = start - timedelta(days=start.weekday())
    act.create_activity(s, act.ActivityIn("线下沙龙", "salon", monday + timedelta(hours=14),
                                          monday + timedelta(hours=16), groups=("上海1群",),
                                          host="Lin"))
    act.create_activity(s, act.ActivityIn("话题问答", "topic", monday + timedelta(hours=20),
                                          monday + timedelta(hours=21), groups=("上海1群",),
                                          rrule="FREQ=DAILY;COUNT=7"))


def test_drag_moves_an_activity_and_shift_drag_moves_a_slot(qtbot, make_window, db_path):
    query(db_path, _seed)
    query(db_path, _one_off)
    window = make_window()
    window.resize(1400, 900)
    window.show()
    window.show_page("planner")
    page = window.planner
    qtbot.waitUntil(lambda: page.data is not None and len(page.week.blocks) == 8,
                    timeout=10_000)
    salon = next(b for b in page.week.blocks if b.entry.title == "线下沙龙")
    width = page.week._day_width()
    hour = page.week._minute_height() * 60
    start = salon.rect.center().toPoint()
    target = start + QPoint(round(2 * width), round(2 * hour))  # two days and two hours on
    qtbot.mousePress(page.week, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(page.week, start + QPoint(5, 5))
    qtbot.mouseMove(page.week, target)
    qtbot.mouseRelease(page.week, Qt.MouseButton.LeftButton, pos=target)
    settle(qtbot, window)

    def salon_start(s):
        return s.scalar(select(m.Activity.start_at).where(m.Activity.title == "线下沙龙"))
    moved = query(db_path, salon_start).astimezone(SH)
    assert (moved.weekday(), moved.hour) == (2, 16)

    slot = next(b for b in page.week.blocks if b.entry.title == "话题问答" and
                b.entry.start.astimezone(SH).weekday() == 1)
    start = slot.rect.center().toPoint()
    target = start - QPoint(0, round(hour))
    qtbot.mousePress(page.week, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(page.week, start - QPoint(0, 5))
    qtbot.mouseMove(page.week, target)
    qtbot.mouseRelease(page.week, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       pos=target)
    settle(qtbot, window)

    def slot_row(s):
        return s.scalar(select(m.Activity).where(m.Activity.title == "话题问答"))
    row = query(db_path, slot_row)
    [(key, (new_start, _))] = Exceptions.from_json(row.exceptions_json).moved.items()
    assert new_start.astimezone(SH).hour == 19 and key.astimezone(SH).hour == 20
    assert row.start_at.astimezone(SH).hour == 20  # the rest of the slot stays


def _looping(s):
    _seed(s)
    start = datetime.combine(datetime.now(SH).date(), datetime.min.time(), SH)
    act.create_activity(s, act.ActivityIn("每晚话题", "topic", start + timedelta(hours=20),
                                          start + timedelta(hours=21), rrule="FREQ=DAILY"))
    act.create_activity(s, act.ActivityIn("坏规则", "topic", start + timedelta(hours=19),
                                          start + timedelta(hours=20), rrule="FREQ=DAILY"))
    # as a database from before rules were checked holds it
    s.execute(text("UPDATE activities SET rrule='FREQ=DAILY;INTERVAL=0' WHERE title='坏规则'"))


def test_a_stored_rule_that_never_ends_is_flagged_and_fixed_from_the_page(
        qtbot, make_window, db_path):
    query(db_path, _looping)
    window = make_window()
    window.show()
    window.show_page("planner")
    page = window.planner
    qtbot.waitUntil(lambda: page.data is not None and bool(page.data.entries), timeout=10_000)
    assert {e.title for e in page.data.entries} == {"每晚话题"}
    flagged = page.conflicts.item(0)
    assert "坏规则" in flagged.text() and "INTERVAL" in flagged.text()
    page.conflicts.itemActivated.emit(flagged)
    qtbot.waitUntil(lambda: isinstance(page.dialog, ActivityDialog) and
                    page.dialog.isVisible(), timeout=10_000)
    dialog = page.dialog
    dialog.repeat.setCurrentIndex(dialog.repeat.count() - 1)
    dialog.rule.setText("FREQ=DAILY;INTERVAL=2")
    dialog.activateWindow()
    dialog.title.setFocus()
    qtbot.waitUntil(dialog.title.hasFocus)
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: not page.data.unreadable, timeout=10_000)
    assert "坏规则" in {e.title for e in page.data.entries}


def test_the_rule_field_agrees_with_the_preset_and_reads_as_words(qtbot, planner):
    page = planner
    qtbot.keyClick(page.week, Qt.Key.Key_N)
    dialog = page.dialog
    dialog.repeat.setCurrentIndex(2)  # every weekday
    dialog.ends.setCurrentIndex(1)
    dialog.count.setValue(8)
    assert dialog.rule.text() == dialog.rrule() == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=8"
    assert dialog.rule_words.text() == "every week on Mon, Tue, Wed, Thu, Fri, 8 times"
    dialog.repeat.setCurrentIndex(dialog.repeat.count() - 1)  # custom keeps the rule to edit
    assert dialog.rule.isEnabled() and dialog.rule.text().startswith("FREQ=WEEKLY")
    dialog.rule.clear()
    qtbot.keyClicks(dialog.rule, "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=2")
    assert "used as written" in dialog.rule_words.text()
    dialog.reject()


def test_the_review_tab_sums_the_quarter(qtbot, planner, db_path):
    """A weekly slot from the quarter's first day: the quarter holds one session in each
    of its 13 or 14 weeks; the week shown holds one at most."""
    from modconsole.gui.planner.page import quarter_of

    page = planner
    first, end = quarter_of(page.data.first)
    assert first.month in (1, 4, 7, 10) and (end - first).days in range(90, 93)
    start = datetime.combine(first, datetime.min.time(), SH).replace(hour=20)
    query(db_path, lambda s: s.add(m.Activity(
        type="salon", title="周会", start_at=start, end_at=start + timedelta(hours=1),
        rrule="FREQ=WEEKLY")))
    page.tabs.setCurrentIndex(3)
    page.reload()
    settle(qtbot, page.window())
    page.review.span.setCurrentIndex(page.review.span.findData("quarter"))
    quarter = f"{first.year}-Q{(first.month - 1) // 3 + 1}"
    qtbot.waitUntil(lambda: quarter in page.review.title.text(), timeout=10_000)
    sessions = int(page.review.figures["occurrences"].value.text())
    assert sessions == len(range(0, (end - first).days, 7))
    page.review.span.setCurrentIndex(0)  # back to the week shown
    qtbot.waitUntil(lambda: "Weekly review" in page.review.title.text(), timeout=5000)
    assert int(page.review.figures["occurrences"].value.text()) <= 1
