"""The planner's rules: recurrence across DST with exceptions, conflicts, attendance and
points, waitlists, reproducible draws, reviews, and .ics that other parsers read alike."""

import json
from datetime import UTC, datetime, timedelta

import icalendar
import pytest
import recurring_ical_events
from sqlalchemy import func, select

from modconsole.domain.conflicts import Slot, empty_days, overlaps
from modconsole.domain.draw import draw
from modconsole.domain.recurrence import Exceptions, RecurrenceError, occurrences, zone
from modconsole.services import activities as act
from modconsole.services import activity_files as files
from modconsole.services import attendance as att
from modconsole.services import reviews
from modconsole.services.errors import UserError
from modconsole.services.sanctions import settle_member
from modconsole.store import models as m
from tests.unit.conftest import MARCH, SH, first_entry

NY = zone("America/New_York")



def test_a_daily_slot_keeps_its_wall_clock_time_across_dst():
    start = datetime(2026, 3, 5, 20, tzinfo=NY).astimezone(UTC)
    got = occurrences(start, start + timedelta(hours=1), "America/New_York",
                      "FREQ=DAILY;COUNT=5", Exceptions(), *MARCH)
    assert [o.start.astimezone(NY).hour for o in got] == [20] * 5
    # the UTC instant moves by an hour on 8 March, when New York springs forward
    assert [o.start.hour for o in got] == [1, 1, 1, 0, 0]


def test_exceptions_skip_and_move_one_occurrence():
    start = datetime(2026, 3, 2, 20, tzinfo=SH).astimezone(UTC)
    first = occurrences(start, start + timedelta(hours=1), "Asia/Shanghai",
                        "FREQ=WEEKLY;BYDAY=MO,WE", Exceptions(), *MARCH)
    assert len(first) == 6
    moved_to = first[2].start + timedelta(days=1)
    rules = Exceptions().skip(first[1].key).move(first[2].key, moved_to,
                                                 moved_to + timedelta(hours=2))
    again = occurrences(start, start + timedelta(hours=1), "Asia/Shanghai",
                        "FREQ=WEEKLY;BYDAY=MO,WE", Exceptions.from_json(rules.to_json()), *MARCH)
    assert len(again) == 5 and first[1].key not in {o.key for o in again}
    [moved] = [o for o in again if o.moved]
    assert (moved.key, moved.start, moved.end - moved.start) == (first[2].key, moved_to,
                                                                 timedelta(hours=2))


@pytest.mark.parametrize("rule, words", [
    ("FREQ=HOURLY", "daily, weekly"), ("FREQ=DAILY;BYSPAM=1", "not an RFC 5545 rule"),
    ("DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY", "without DTSTART"),
])
def test_bad_rules_say_why(rule, words):
    start = datetime(2026, 3, 2, 12, tzinfo=UTC)
    with pytest.raises(RecurrenceError, match=words):
        occurrences(start, start + timedelta(hours=1), "UTC", rule, Exceptions(), *MARCH)


def _slot(aid, hour, hours, groups, host):
    start = datetime(2026, 3, 2, hour, tzinfo=UTC)
    return Slot(aid, aid, start, start + timedelta(hours=hours), frozenset(groups), host, start)


def test_conflicts_find_shared_groups_double_booked_hosts_and_empty_days():
    slots = [_slot("a", 10, 2, {"g1", "g2"}, "ann"), _slot("b", 11, 1, {"g2"}, "bob"),
             _slot("c", 11, 1, {"g3"}, "ann"), _slot("d", 12, 1, {"g1"}, "ann")]
    found = {(c.kind, c.subject, c.first.activity_id, c.second.activity_id)
             for c in overlaps(slots)}
    # d starts when a ends: touching is not overlapping
    assert found == {("group", "g2", "a", "b"), ("host", "ann", "a", "c")}
    monday = datetime(2026, 3, 2).date()
    empty = empty_days(slots, {"g1": {0, 1}, "g3": {0}}, monday, monday + timedelta(days=6), UTC)
    assert [(c.subject, c.day.weekday()) for c in empty] == [("g1", 1)]


def test_draws_are_reproducible_from_their_seed():
    pool = [f"m{i}" for i in range(50)]
    assert draw(pool, 5, "abc") == draw(list(reversed(pool)), 5, "abc")
    assert draw(pool, 5, "abc") != draw(pool, 5, "abd")


def test_activity_form_errors_name_the_field(store, plan):
    base = act.ActivityIn("x", "topic", datetime(2026, 3, 2, 20, tzinfo=SH),
                          datetime(2026, 3, 2, 21, tzinfo=SH))
    cases = {"title": base.__class__(**{**base.__dict__, "title": " "}),
             "type": base.__class__(**{**base.__dict__, "type": "party"}),
             "end": base.__class__(**{**base.__dict__, "end": base.start}),
             "rrule": base.__class__(**{**base.__dict__, "rrule": "FREQ=MINUTELY"}),
             "timezone": base.__class__(**{**base.__dict__, "timezone": "Mars/Base"}),
             "groups": base.__class__(**{**base.__dict__, "groups": ("火星群",)}),
             "host": base.__class__(**{**base.__dict__, "host": "nobody"})}
    for field_name, bad in cases.items():
        with store.transaction() as s, pytest.raises(act.ActivityError) as caught:
            act.create_activity(s, bad)
        assert caught.value.field == field_name


def test_moving_one_occurrence_or_the_series(store, plan):
    first = first_entry(store, plan["slot"])
    with store.transaction() as s:
        act.move(s, plan["slot"], first.key, first.start + timedelta(hours=1),
                 first.end + timedelta(hours=2))
    with store.transaction() as s:
        listed = [e for e in act.entries(s, *MARCH) if e.activity_id == plan["slot"]]
    assert listed[0].moved and listed[0].end - listed[0].start == timedelta(hours=2)
    assert listed[1].start.astimezone(SH).hour == 20
    with store.transaction() as s:
        act.move(s, plan["slot"], listed[1].key, listed[1].key - timedelta(hours=1),
                 listed[1].end - timedelta(hours=1), whole_series=True)
    with store.transaction() as s:
        listed = [e for e in act.entries(s, *MARCH) if e.activity_id == plan["slot"]]
    assert {e.start.astimezone(SH).hour for e in listed if not e.moved} == {19}


def test_plan_check_reports_a_group_clash_and_a_host_double_booking(store, plan):
    with store.transaction() as s:
        act.create_activity(s, act.ActivityIn(
            "读书会", "salon", datetime(2026, 3, 3, 20, 30, tzinfo=SH),
            datetime(2026, 3, 3, 22, tzinfo=SH), groups=("上海1群", "北京群"), host="Lin"))
        act.set_required_days(s, plan["g2"], {0})
        check = act.check_plan(s, datetime(2026, 3, 2, tzinfo=SH), datetime(2026, 3, 9, tzinfo=SH))
    kinds = sorted((c.kind, check.names[c.subject]) for c in check.conflicts)
    assert kinds == [("empty_day", "北京群"), ("group", "上海1群"), ("host", "Lin")]


def test_waitlist_promotion_and_points_awarded_once(store, plan):
    first = first_entry(store, plan["slot"])
    a, b, c, d = plan["members"][:4]
    with store.transaction() as s:
        signup = att.register(s, plan["slot"], first.key, [a, b, c, d])
        assert att.register(s, plan["slot"], first.key, [a]).already == [a]
    assert (signup.registered, signup.waitlisted) == ([a, b], [c, d])
    with store.transaction() as s:
        assert att.cancel(s, plan["slot"], first.key, b) == c
        assert att.cancel(s, plan["slot"], first.key, d) is None  # a waiting member frees no seat
    with store.transaction() as s:
        assert att.check_in(s, plan["slot"], first.key, [a, c]).points_awarded == 2
    with store.transaction() as s:
        again = att.check_in(s, plan["slot"], first.key, [a, c])
        assert again.points_awarded == 0 and again.checked_in == [a, c]
        assert s.get(m.Member, a).points == 10
        assert s.scalar(select(func.count()).select_from(m.PointsEntry)) == 2
        counts = att.attendance_counts(s, plan["slot"], first.key)
    assert counts == {"attended": 2, "cancelled": 2}


def test_no_waitlist_refuses_past_capacity(store, plan):
    first = first_entry(store, plan["slot"])
    with store.transaction() as s:
        row = s.get(m.Activity, plan["slot"])
        row.waitlist = False
        signup = att.register(s, plan["slot"], first.key, plan["members"][:3])
    assert len(signup.registered) == 2 and signup.refused == [plan["members"][2]]


def test_a_pasted_list_resolves_names_and_ids_and_names_the_unknown(store, plan):
    with store.transaction() as s:
        found = att.resolve_list(s, "wx1，会员2、 wx99\nwx1")
    assert found.member_ids == plan["members"][1:3] and found.unknown == ["wx99"]


def test_a_name_two_members_share_lists_both_to_choose_from(store, plan):
    with store.transaction() as s:
        other = m.Member(platform_id="wx_other", name="会员2")
        s.add(other)
        s.flush()
        other_id = other.id
    with store.transaction() as s:
        found = att.resolve_list(s, "会员2 wx_other")
    assert found.member_ids == [other_id]  # its platform id is exact; the name is shared
    assert found.unknown == [] and list(found.shared) == ["会员2"]
    assert [(c.platform_id, c.groups) for c in found.shared["会员2"]] == [
        ("wx2", ("上海1群",)), ("wx_other", ())]


def test_a_draw_excludes_staff_and_banned_members_and_can_be_verified(store, plan):
    first = first_entry(store, plan["slot"])
    ids = plan["members"]
    with store.transaction() as s:
        att.check_in(s, plan["slot"], first.key, ids[:8])
        s.get(m.Member, ids[0]).is_staff = True
        s.add(m.Sanction(member_id=ids[1], kind="ban", starts_at=datetime(2026, 1, 1, tzinfo=UTC)))
        s.flush()
        settle_member(s, ids[1])
        result = att.make_draw(s, plan["slot"], first.key, 3, seed="fixed")
        with pytest.raises(UserError, match="only 6 eligible"):
            att.make_draw(s, plan["slot"], first.key, 7)
    assert result.pool_size == 6 and not {ids[0], ids[1]} & {w for w, _ in result.winners}
    with store.transaction() as s:
        again = att.make_draw(s, plan["slot"], first.key, 3, seed="fixed")
        assert again.winners == result.winners
        assert att.verify_draw(s, result.id) == att.Verification(True, True)
        att.check_in(s, plan["slot"], first.key, ids[8:9])
        assert att.verify_draw(s, result.id).same_pool is False


def test_review_and_week_summary(store, plan):
    first = first_entry(store, plan["slot"])
    with store.transaction() as s:
        att.check_in(s, plan["slot"], first.key, plan["members"][:4])
        reviews.record_review(s, plan["slot"], new_members=3, conversions=1, notes="好")
        reviews.set_budget(s, plan["slot"], "prizes", 20000, 15000)
        review = reviews.review_of(s, plan["slot"])
        week = reviews.summary(s, datetime(2026, 3, 2, tzinfo=SH), datetime(2026, 3, 9, tzinfo=SH))
        with pytest.raises(UserError, match="not a budget line"):
            reviews.set_budget(s, plan["slot"], "snacks", 1)
    assert (review.participants, review.audience, review.rate) == (4, 10, 0.4)
    assert (week.activities, week.done, week.participants, week.new_members,
            week.planned_cents, week.actual_cents) == (1, 1, 4, 3, 20000, 15000)


def test_ics_export_expands_alike_in_other_parsers_and_reimports(store, plan, tmp_path):
    first = first_entry(store, plan["slot"])
    with store.transaction() as s:
        act.skip(s, plan["slot"], first.key + timedelta(days=1))
        act.move(s, plan["slot"], first.key + timedelta(days=2),
                 first.start + timedelta(days=2, hours=1), first.end + timedelta(days=2, hours=1))
        act.create_activity(s, act.ActivityIn(
            "春季沙龙", "salon", datetime(2026, 3, 7, 14, tzinfo=SH),
            datetime(2026, 3, 7, 16, tzinfo=SH), location="上海图书馆", groups=("北京群",)))
        assert files.export_ics(s, tmp_path / "plan.ics") == 2
        ours = sorted((e.title, e.start, e.end) for e in act.entries(s, *MARCH))
    calendar = icalendar.Calendar.from_ical((tmp_path / "plan.ics").read_bytes())
    theirs = sorted((str(e["summary"]), e.decoded("dtstart").astimezone(UTC),
                     e.decoded("dtend").astimezone(UTC))
                    for e in recurring_ical_events.of(calendar).between(*MARCH))
    assert theirs == ours and len(ours) == 14  # 14 weekday slots, one skipped, the salon
    # re-importing the export updates the same activities
    with store.transaction() as s:
        report = files.import_ics(s, tmp_path / "plan.ics")
        assert (report.created, report.updated, report.moved) == (0, 2, 1)
        assert sorted((e.title, e.start, e.end) for e in act.entries(s, *MARCH)) == ours


def test_a_bad_event_rejects_the_whole_ics_file(store, plan, tmp_path):
    bad = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
           b"BEGIN:VEVENT\r\nUID:1\r\nSUMMARY:ok\r\nDTSTART:20260310T120000Z\r\n"
           b"DTEND:20260310T130000Z\r\nEND:VEVENT\r\n"
           b"BEGIN:VEVENT\r\nUID:2\r\nSUMMARY:broken\r\nDTSTART:20260310T120000Z\r\n"
           b"DTEND:20260310T110000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    (tmp_path / "bad.ics").write_bytes(bad)
    words = r"nothing was imported.*'broken' \(2\): The end must"
    with pytest.raises(UserError, match=words), store.transaction() as s:
        files.import_ics(s, tmp_path / "bad.ics")
    with store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(m.Activity)) == 1


def test_cli_adds_lists_exports_and_imports(db_path, tmp_path, capsys):
    from modconsole.cli import main

    db = ["--db", str(db_path)]
    assert main([*db, "activities", "add", "--title", "每晚话题", "--type", "topic",
                 "--start", "2026-11-23T20:00", "--rrule", "FREQ=DAILY;COUNT=3"]) == 0
    activity_id = capsys.readouterr().out.strip()
    assert main([*db, "activities", "list", "--week", "2026-11-25", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["start"] for e in listed] == [f"2026-11-{d}T12:00:00+00:00" for d in (23, 24, 25)]
    assert {e["id"] for e in listed} == {activity_id} and listed[0]["rrule"] == \
        "FREQ=DAILY;COUNT=3" and listed[0]["timezone"] == "Asia/Shanghai"
    assert main([*db, "activities", "export", str(tmp_path / "w.csv"), "--from", "2026-11-24",
                 "--to", "2026-11-30"]) == 0
    assert (tmp_path / "w.csv").read_text(encoding="utf-8-sig").count("每晚话题") == 2
    assert main([*db, "activities", "export", str(tmp_path / "all.ics")]) == 0
    assert main([*db, "activities", "import", str(tmp_path / "all.ics")]) == 0
    assert "0 new, 1 updated" in capsys.readouterr().out
    assert main([*db, "activities", "add", "--title", "x", "--start", "2026-11-23T20:00",
                 "--rrule", "FREQ=HOURLY"]) != 0
    assert "daily, weekly" in capsys.readouterr().err
