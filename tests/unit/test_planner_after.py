"""The planner after planning: sign-up sheets, seat lists, draw log, budget, checklist,
themes, status and delete/restore, and the period review over recurring slots."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from modconsole.domain.money import MoneyError, format_cents, parse_cents
from modconsole.services import activities as act
from modconsole.services import activity_tasks as tasks
from modconsole.services import attendance as att
from modconsole.services import reviews, themes
from modconsole.services.errors import UserError
from modconsole.store import models as m
from tests.unit.conftest import MARCH, SH, first_entry


def test_a_gbk_sign_up_sheet_is_read_by_its_id_column(store, plan, tmp_path):
    sheet = tmp_path / "报名表.csv"
    sheet.write_bytes("序号,姓名,微信号\n1,会员1,wx1\n2,某某,wx99\n3,会员3,wx3\n".encode("gbk"))
    with store.transaction() as s:
        found = att.members_from_file(s, sheet)
        ids = att.platform_ids(s, found.member_ids)
    assert ids == ["wx1", "wx3"] and found.unknown == ["wx99"]


def test_names_with_spaces_resolve_from_a_name_column(store, plan, tmp_path):
    with store.transaction() as s:
        s.add(m.Member(platform_id="wxLi", name="Li Wei"))
    sheet = tmp_path / "signup.csv"
    sheet.write_text("name,city\nLi Wei,上海\n会员2,北京\n", encoding="utf-8-sig")
    with store.transaction() as s:
        found = att.members_from_file(s, sheet)
        assert att.platform_ids(s, found.member_ids) == ["wxLi", "wx2"]


def test_the_seat_list_puts_attended_then_signed_up_then_the_waiting_in_order(store, plan):
    first = first_entry(store, plan["slot"])
    ids = plan["members"]
    with store.transaction() as s:
        att.register(s, plan["slot"], first.key, [ids[3], ids[1], ids[2], ids[0]])
        att.check_in(s, plan["slot"], first.key, [ids[1]])
        seats = att.seat_list(s, plan["slot"], first.key)
    assert [(x.platform_id, x.status) for x in seats] == [
        ("wx1", "attended"), ("wx3", "registered"), ("wx2", "waitlist"), ("wx0", "waitlist")]


def test_draws_are_logged_newest_first_with_names(store, plan):
    first = first_entry(store, plan["slot"])
    with store.transaction() as s:
        att.check_in(s, plan["slot"], first.key, plan["members"][:6])
        one = att.make_draw(s, plan["slot"], first.key, 2, seed="a",
                            now=datetime(2026, 3, 2, 21, tzinfo=SH))
        two = att.make_draw(s, plan["slot"], first.key, 1, seed="b",
                            now=datetime(2026, 3, 2, 22, tzinfo=SH))
        logged = att.draws_of(s, plan["slot"])
        audited = s.scalars(select(m.AuditEntry.after_json).where(
            m.AuditEntry.action == "activity.draw")).all()
    assert [d.id for d in logged] == [two.id, one.id]
    assert logged[1].winners == one.winners and all(name for _, name in one.winners)
    assert logged[0].seed == "b" and logged[0].pool == "attendees" and logged[0].pool_size == 6
    assert len(audited) == 2 and all(one.id in text or two.id in text for text in audited)


@pytest.mark.parametrize("text, cents", [("1,200.50", 120050), ("¥300", 30000), ("45元", 4500),
                                         ("", None), ("0", 0)])
def test_amounts_read_as_people_type_them(text, cents):
    assert parse_cents(text) == cents


@pytest.mark.parametrize("text, words", [("12a", "not an amount"), ("-5", "zero or more"),
                                         ("1.234", "two decimal"), ("nan", "zero or more")])
def test_bad_amounts_say_why(text, words):
    with pytest.raises(MoneyError, match=words):
        parse_cents(text)


def test_budget_lists_every_line_in_order(store, plan):
    with store.transaction() as s:
        reviews.set_budget(s, plan["slot"], "prizes", 20000, 25050, "书")
        rows = reviews.budget_of(s, plan["slot"])
    assert [r.category for r in rows] == ["people", "content", "promotion", "prizes", "tools"]
    assert (rows[3].planned_cents, rows[3].actual_cents, rows[3].note) == (20000, 25050, "书")
    assert rows[0].actual_cents is None and format_cents(rows[3].actual_cents) == "250.50"


def test_checklist_orders_open_tasks_by_due_and_ticks_them(store, plan):
    due = datetime(2026, 3, 1, 23, tzinfo=SH)
    with store.transaction() as s:
        late = tasks.add_task(s, plan["slot"], "买奖品", plan["host"], due + timedelta(days=1))
        soon = tasks.add_task(s, plan["slot"], "发公告", None, due)
        undated = tasks.add_task(s, plan["slot"], "复盘")
        tasks.set_done(s, soon, True)
        listed = tasks.tasks_of(s, plan["slot"])
        with pytest.raises(act.ActivityError) as caught:
            tasks.add_task(s, plan["slot"], "  ")
        tasks.delete_task(s, undated)
        left = [t.id for t in tasks.tasks_of(s, plan["slot"])]
    assert [t.id for t in listed] == [late, undated, soon]
    assert listed[0].owner == "Lin" and listed[0].overdue(due + timedelta(days=2))
    assert not listed[2].overdue(due + timedelta(days=2))  # done is never overdue
    assert caught.value.field == "task" and left == [late, soon]


def test_themes_are_checked_listed_and_deleted(store):
    with store.transaction() as s:
        week = themes.save_theme(s, None, "健康周", date(2026, 3, 2), date(2026, 3, 8), "#c8e6c9")
        themes.save_theme(s, None, "国庆", date(2026, 10, 1), date(2026, 10, 7), "#ffe0b2")
        themes.save_theme(s, week, "健康周 2", date(2026, 3, 2), date(2026, 3, 9), "#c8e6c9")
        shown = themes.themes_between(s, date(2026, 3, 9), date(2026, 3, 15))
        for field_name, args in (("title", ("", date(2026, 1, 1), date(2026, 1, 1), "#ffffff")),
                                 ("last", ("x", date(2026, 1, 2), date(2026, 1, 1), "#ffffff")),
                                 ("color", ("x", date(2026, 1, 1), date(2026, 1, 1), "red"))):
            with pytest.raises(themes.ThemeError) as caught:
                themes.save_theme(s, None, *args)
            assert caught.value.field == field_name
        themes.delete_theme(s, week)
        after = themes.themes_between(s, date(2026, 3, 1), date(2026, 3, 31))
    assert [(t.title, t.last) for t in shown] == [("健康周 2", date(2026, 3, 9))]
    assert after == []


def test_status_delete_and_restore(store, plan):
    with store.transaction() as s:
        act.set_status(s, plan["slot"], "announced")
        with pytest.raises(UserError, match="not a status"):
            act.set_status(s, plan["slot"], "finished")
        assert act.delete_activity(s, plan["slot"]) == "每晚话题"
        gone = act.entries(s, *MARCH)
        act.restore_activity(s, plan["slot"])
        back = act.entries(s, *MARCH)
        outbox = s.scalars(select(m.OutboxEntry.op).where(
            m.OutboxEntry.row_id == plan["slot"])).all()
    assert gone == [] and len(back) == 14 and {e.status for e in back} == {"announced"}
    assert "delete" in outbox


def test_the_week_review_counts_every_session_of_a_recurring_slot(store, plan):
    with store.transaction() as s:
        week = [e for e in act.entries(s, *MARCH)
                if datetime(2026, 3, 9, tzinfo=SH) <= e.start < datetime(2026, 3, 16, tzinfo=SH)]
        att.check_in(s, plan["slot"], week[0].key, plan["members"][:3])
        att.check_in(s, plan["slot"], week[2].key, plan["members"][:2])
        summary = reviews.summary(s, datetime(2026, 3, 9, tzinfo=SH),
                                  datetime(2026, 3, 16, tzinfo=SH))
    assert (summary.activities, summary.occurrences, summary.participants) == (1, 5, 5)
    assert [line.attended for line in summary.lines] == [3, 0, 2, 0, 0]


def test_a_session_shows_its_own_status_not_the_series(store, plan):
    from modconsole.services.activities import occurrence_status

    start = datetime(2026, 3, 2, 12, tzinfo=UTC)
    end = start + timedelta(hours=1)
    assert occurrence_status("running", start, end, end + timedelta(days=1)) == "done"
    assert occurrence_status("announced", start, end, start + timedelta(minutes=5)) == \
        "running"
    assert occurrence_status("running", start, end, start - timedelta(days=1)) == "planned"
    assert occurrence_status("announced", start, end, start - timedelta(days=1)) == \
        "announced"
    for kept in ("idea", "done", "cancelled"):
        assert occurrence_status(kept, start, end, end + timedelta(days=1)) == kept
