"""Daily rollups, against numbers worked out by hand on a small community."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select, text

from modconsole.domain.recurrence import zone
from modconsole.services.chat.activity import day_number
from modconsole.services.monitoring.rollups import roll_up, series
from modconsole.store import models as m

SH = zone("Asia/Shanghai")
FIRST, LAST = date(2026, 3, 1), date(2026, 3, 6)


def sh(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=SH)


@pytest.fixture
def community(store):
    """A joins on the 1st, B and C on the 2nd, C leaves on the 4th, D is deleted. Group G has
    A (since the 1st) and B (since the 3rd). A writes on the 1st, 2nd and 5th, B on the 3rd,
    C on the 2nd. A report on the 2nd in G, decided on the 3rd; a sign-up on the 2nd,
    checked in on the 3rd; 10 points paid on the 3rd and 5 taken on the 4th."""
    with store.transaction() as s:
        a = m.Member(platform_id="a", name="A", joined_at=sh(1), layer="core")
        b = m.Member(platform_id="b", name="B", joined_at=sh(2, 23), layer="base")  # 23:00
        c = m.Member(platform_id="c", name="C", joined_at=sh(2), left_at=sh(4), status="left",
                     layer="base")
        d = m.Member(platform_id="d", name="D", joined_at=sh(1), deleted_at=sh(5))
        group = m.Group(name="G", kind="core", cap=100)
        s.add_all([a, b, c, d, group])
        s.flush()
        s.add_all([m.GroupMembership(group_id=group.id, member_id=a.id, joined_at=sh(1)),
                   m.GroupMembership(group_id=group.id, member_id=b.id, joined_at=sh(3))])
        rows = [(a, 1), (a, 2), (a, 5), (b, 3), (c, 2)]
        for who, day in rows:
            s.execute(text("INSERT INTO member_days VALUES ((SELECT rowid FROM members "
                           "WHERE id = :id), :day, 1, 0, 0, 0)"),
                      {"id": who.id, "day": day_number(date(2026, 3, day))})
        case = m.Case(member_id=c.id, group_id=group.id, source="member", evidence_hash="h",
                      first_reported_at=sh(2), status="decided", decision="warn",
                      decided_at=sh(3))
        activity = m.Activity(type="salon", title="读书会", start_at=sh(2), end_at=sh(2, 12))
        s.add_all([case, activity])
        s.flush()
        s.add_all([m.Report(case_id=case.id, source="member", reported_at=sh(2)),
                   m.Attendance(activity_id=activity.id, occurrence_at=sh(2), member_id=a.id,
                                registered_at=sh(2), checked_in_at=sh(3), status="attended"),
                   m.PointsEntry(member_id=a.id, delta=10, source_kind="x", source_id="1",
                                 at=sh(3)),
                   m.PointsEntry(member_id=a.id, delta=-5, source_kind="x", source_id="2",
                                 at=sh(4))])
    return store, group.id


def values(store, metric, scope="all"):
    with store.read() as s:
        return [v for _, v in series(s, metric, scope, FIRST, LAST)]


EXPECTED = {
    "members": [1, 3, 3, 2, 2, 2], "joins": [1, 2, 0, 0, 0, 0], "leaves": [0, 0, 0, 1, 0, 0],
    "active_1": [1, 2, 1, 0, 1, 0], "active_7": [1, 2, 3, 2, 2, 2],  # C left on the 4th
    "active_30": [1, 2, 3, 2, 2, 2], "reports_in": [0, 1, 0, 0, 0, 0],
    "cases_decided": [0, 0, 1, 0, 0, 0], "signups": [0, 1, 0, 0, 0, 0],
    "check_ins": [0, 0, 1, 0, 0, 0], "points_issued": [0, 0, 10, 0, 0, 0],
    # the case, reported 10:00 on the 2nd without a rule (medium: 8 hours), was decided
    # 10:00 on the 3rd: overdue at the end of the 2nd, a day (1,440 minutes) to decide
    "overdue": [0, 1, 0, 0, 0, 0], "decided_in_sla": [0, 0, 0, 0, 0, 0],
    # silent 3 to 6 days: B on the 6th (last wrote on the 3rd); never wrote: B on the 2nd
    "churn_1": [0, 0, 0, 0, 0, 1], "churn_2": [0] * 6, "churn_3": [0] * 6,
    "churn_4": [0, 1, 0, 0, 0, 0]}


def test_every_metric_of_the_community_as_worked_out_by_hand(community):
    store, group = community
    with store.transaction() as s:
        result = roll_up(s, FIRST, LAST)
    assert (result.first, result.last, result.scopes) == (FIRST, LAST, 4)
    for metric, expected in EXPECTED.items():
        assert values(store, metric) == expected, metric
    with store.read() as s:
        assert series(s, "decision_p90", "all", FIRST, LAST) == [(date(2026, 3, 3), 1440)]
    scope = f"group:{group}"
    assert values(store, "members", scope) == [1, 1, 2, 2, 2, 2]
    assert values(store, "active_1", scope) == [1, 1, 1, 0, 1, 0]
    assert values(store, "active_7", scope) == [1, 1, 2, 2, 2, 2]
    assert values(store, "reports_in", scope) == [0, 1, 0, 0, 0, 0]
    assert values(store, "members", "layer:base") == [0, 2, 2, 1, 1, 1]  # B and C
    assert values(store, "active_1", "layer:base") == [0, 1, 1, 0, 0, 0]
    assert values(store, "active_7", "layer:core") == [1, 1, 1, 1, 1, 1]


def test_rolling_up_part_of_the_range_again_gives_the_same_numbers(community):
    store, _group = community
    with store.transaction() as s:
        roll_up(s, FIRST, LAST)
        first_rows = s.scalar(select(func.count()).select_from(m.Rollup))
        roll_up(s, date(2026, 3, 4), LAST)  # stocks and windows carry over from before
        assert s.scalar(select(func.count()).select_from(m.Rollup)) == first_rows
    for metric, expected in EXPECTED.items():
        assert values(store, metric) == expected, metric


def test_by_default_the_rollup_runs_from_the_first_event_to_today(community):
    store, _group = community
    with store.transaction() as s:
        result = roll_up(s, last=LAST)
    assert result.first == FIRST


def test_a_rollup_of_the_demo_equals_sql_counts(store):
    from modconsole.services.demo import load_demo

    with store.transaction() as s:
        load_demo(s, members=300, seed=4)
        result = roll_up(s)
        last = result.last
        members = series(s, "members", "all", last, last)[0][1]
        live = s.scalar(select(func.count()).select_from(m.Member).where(
            m.Member.deleted_at.is_(None)))
        left = s.scalar(select(func.count()).select_from(m.Member).where(
            m.Member.deleted_at.is_(None), m.Member.left_at.is_not(None)))
        assert members == live - left
        reports = sum(v for _, v in series(s, "reports_in"))
        assert reports == s.scalar(select(func.count()).select_from(m.Report).where(
            m.Report.reported_at >= datetime.combine(result.first, datetime.min.time(),
                                                     SH)))


def test_cli_rolls_up_and_shows_a_metric(community, cli):
    _store, _group = community
    code, out, _ = cli("monitor", "rollup", "--from", "2026-03-01", "--to", "2026-03-06")
    assert code == 0 and "Rolled up 2026-03-01 to 2026-03-06: 4 scopes" in out
    code, out, _ = cli("monitor", "show", "members", "--from", "2026-03-01", "--to",
                       "2026-03-06", "--json")
    assert [r["value"] for r in __import__("json").loads(out)] == EXPECTED["members"]
    code, out, _ = cli("monitor", "show", "active_7", "--group", "G", "--from", "2026-03-05",
                       "--to", "2026-03-06")
    assert out.splitlines() == ["2026-03-05  2", "2026-03-06  2"]
    code, _, err = cli("monitor", "rollup", "--from", "2026-03-06", "--to", "2026-03-01")
    assert code == 1 and "--from must not be after --to" in err


def test_a_refresh_is_due_once_a_day_and_redoes_the_last_five_weeks(community):
    from datetime import timedelta

    from modconsole.services.monitoring.rollups import REDONE, Due, due

    store, _group = community
    with store.transaction() as s:
        assert due(s, LAST) == Due(None)  # never rolled up: everything
        roll_up(s, last=LAST)
        assert due(s, LAST) is None
        assert due(s, LAST + timedelta(days=1)) == Due(LAST - timedelta(days=REDONE))
        roll_up(s, date(2026, 3, 2), date(2026, 3, 3))  # an older stretch moves nothing on
        assert due(s, LAST) is None


def test_a_chat_import_of_old_messages_makes_their_days_due_again(community, tmp_path):
    from modconsole.services.chat.formats import open_chat
    from modconsole.services.chat.ingest import ChatOptions, import_chat
    from modconsole.services.monitoring.rollups import Due, due
    from tests.chat_exports import Msg, at, telegram

    store, _group = community
    with store.transaction() as s:
        roll_up(s, FIRST, LAST)
        assert due(s, LAST) is None
        import_chat(s, open_chat(telegram(tmp_path / "r.json", [Msg(at(4), "x", "A", "hi")]),
                                 SH), ChatOptions())
        assert due(s, LAST) == Due(date(2026, 3, 3) - __import__("datetime").timedelta(35))


@pytest.mark.parametrize(("text", "first", "last"), [
    ("2026-11", date(2026, 11, 1), date(2026, 11, 30)),
    ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
    ("2026-W48", date(2026, 11, 23), date(2026, 11, 29)),
    ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
    ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
    ("2026-03-02..2026-03-05", date(2026, 3, 2), date(2026, 3, 5))])
def test_periods_a_lead_reports_on(text, first, last):
    from modconsole.services.monitoring.report import period

    assert period(text) == (first, last)


@pytest.mark.parametrize("text", ["2026-13", "2026-W60", "2026-Q5", "2026-03-05..2026-03-01",
                                  "last month"])
def test_a_period_that_is_not_one_is_refused(text):
    from modconsole.services.errors import UserError
    from modconsole.services.monitoring.report import period

    with pytest.raises(UserError, match="is not a period"):
        period(text)


def test_report_sums_the_period_and_writes_its_days(community, cli, tmp_path):
    import csv
    import json

    _store, _group = community
    cli("monitor", "rollup", "--from", "2026-03-01", "--to", "2026-03-06")
    out = tmp_path / "march.csv"
    code, text_out, err = cli("report", "--period", "2026-03-02..2026-03-05", "--out",
                              str(out), "--json")
    assert code == 0, err
    summary = json.loads(text_out)
    assert (summary["members_before"], summary["members_after"], summary["joins"],
            summary["leaves"], summary["reports_in"], summary["points_issued"]) == (
        1, 2, 2, 1, 1, 10)
    assert summary["active_7_share"] == 100.0  # A and B; C, who left, counts no more
    with out.open(encoding="utf-8-sig") as f:
        header, *rows = list(csv.reader(f))
    assert header[:3] == ["Day", "Members", "Joined"] and [r[0] for r in rows] == [
        "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"]
    code, _, err = cli("report", "--period", "2026-03-02..2026-03-05", "--out", str(out))
    assert code == 1 and "already exists" in err


def test_decisions_within_the_sla_and_the_minutes_they_took(community):
    store, _group = community
    with store.transaction() as s:
        rule = s.scalar(select(m.Rule).where(m.Rule.severity == "high").limit(1))
        member = s.scalar(select(m.Member.id).where(m.Member.platform_id == "a"))
        for taken in (30, 60, 600):  # minutes; "high" gives two hours
            s.add(m.Case(member_id=member, rule_id=rule.id, source="member",
                         evidence_hash=f"h{taken}", first_reported_at=sh(5, 8),
                         status="decided", decision="warn",
                         decided_at=sh(5, 8) + __import__("datetime").timedelta(minutes=taken)))
        s.flush()
        roll_up(s, FIRST, LAST)
    assert values(store, "decided_in_sla") == [0, 0, 0, 0, 2, 0]
    assert values(store, "overdue") == [0, 1, 0, 0, 0, 0]  # the late one was decided that day
    with store.read() as s:
        assert series(s, "decision_p50", "all", date(2026, 3, 5), LAST) == [
            (date(2026, 3, 5), 60)]
        assert series(s, "decision_p90", "all", date(2026, 3, 5), LAST) == [
            (date(2026, 3, 5), 600)]


@pytest.mark.parametrize(("kind", "back", "text"), [
    ("week", 0, "2026-W49"), ("week", 1, "2026-W48"), ("week", 49, "2025-W52"),
    ("month", 0, "2026-12"), ("month", 1, "2026-11"), ("month", 12, "2025-12"),
    ("quarter", 0, "2026-Q4"), ("quarter", 4, "2025-Q4"), ("quarter", 5, "2025-Q3")])
def test_this_and_earlier_weeks_months_and_quarters(kind, back, text):
    from modconsole.services.monitoring.report import named_period, period

    assert named_period(kind, back, date(2026, 12, 1)) == text
    period(text)  # readable as a period


def test_a_saved_segment_is_a_scope_of_its_present_members(community, cli):
    from modconsole.domain.member_filter import MemberFilter
    from modconsole.services.monitoring.trends import scope_filter, scopes
    from modconsole.services.segments import save_segment

    store, _group = community
    with store.transaction() as s:
        save_segment(s, "基础层成员", MemberFilter(layers=("base",)))
        roll_up(s, FIRST, LAST)
        (scope, name), = [(k, n) for k, n in scopes(s) if k.startswith("segment:")]
        assert name == "基础层成员"
        assert scope_filter(s, scope) == MemberFilter(layers=("base",))
    for metric in ("members", "active_1", "active_7", "churn_4"):
        assert values(store, metric, scope) == values(store, metric, "layer:base"), metric
    assert values(store, "members", scope) == [0, 2, 2, 1, 1, 1]  # B and C, who left
    code, out, _ = cli("monitor", "show", "members", "--segment", "基础层成员", "--from",
                       "2026-03-03", "--to", "2026-03-04")
    assert code == 0 and out.splitlines() == ["2026-03-03  2", "2026-03-04  1"]
    code, out, _ = cli("monitor", "show", "members", "--layer", "base", "--from",
                       "2026-03-04", "--to", "2026-03-04")
    assert out.splitlines() == ["2026-03-04  1"]
    code, _, err = cli("report", "--period", "2026-03", "--segment", "无此分组")
    assert code == 1 and "There is no segment '无此分组'" in err
