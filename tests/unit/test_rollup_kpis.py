"""The dashboard's other KPIs (moderation outcomes, activities, spend, retention), against
numbers worked out by hand."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select, text

from modconsole.domain.recurrence import zone
from modconsole.services.chat.activity import day_number
from modconsole.services.monitoring import cohorts
from modconsole.services.monitoring.rollups import roll_up, series
from modconsole.store import models as m

SH = zone("Asia/Shanghai")
FIRST, LAST = date(2026, 3, 1), date(2026, 3, 6)


def sh(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=SH)


def values(store, metric, scope="all", first=FIRST, last=LAST):
    with store.read() as s:
        return [v for _, v in series(s, metric, scope, first, last)]


def test_moderation_outcomes_activities_and_spend(store):
    """X (paid ¥150) joins on the 1st, Y (paid ¥3,000) on the 2nd. A detector report on the
    2nd is dismissed on the 3rd; a member's report is decided on the 3rd with a warning,
    appealed on the 4th and overturned on the 5th; a detector report on the 3rd ends in a
    mute on the 4th. A daily slot runs three times from the 2nd (¥500 planned, ¥420
    spent); a cancelled one on the 5th does not count."""
    with store.transaction() as s:
        category = m.Rule(code="ads", title_zh="广告", title_en="Ads", severity="medium")
        s.add(category)
        s.flush()
        rule = m.Rule(code="ads.link", parent_id=category.id, title_zh="链接",
                      title_en="Links", severity="low")
        x = m.Member(platform_id="x", name="X", joined_at=sh(1), paid_total_cents=15_000)
        y = m.Member(platform_id="y", name="Y", joined_at=sh(2), paid_total_cents=300_000)
        s.add_all([rule, x, y])
        s.flush()

        def case(source, decision, decided, hash_):
            c = m.Case(member_id=x.id, rule_id=rule.id, source=source, evidence_hash=hash_,
                       first_reported_at=sh(decided - 1), status="decided",
                       decision=decision, decided_at=sh(decided))
            s.add(c)
            s.flush()
            s.add(m.Report(case_id=c.id, source=source, reported_at=sh(decided - 1)))
            return c

        case("detector", "dismiss", 3, "a")
        warned = case("member", "warn", 3, "b")
        muted = case("detector", "mute", 4, "c")
        s.add_all([m.Sanction(case_id=warned.id, member_id=x.id, kind="warn", starts_at=sh(3)),
                   m.Sanction(case_id=muted.id, member_id=x.id, kind="mute", starts_at=sh(4)),
                   m.Appeal(original_case_id=warned.id, member_id=x.id, filed_at=sh(4),
                            outcome="overturned", decided_at=sh(5))])
        slot = m.Activity(type="salon", title="晨读", start_at=sh(2, 8), end_at=sh(2, 9),
                          rrule="FREQ=DAILY;COUNT=3")
        gone = m.Activity(type="salon", title="取消", start_at=sh(5), end_at=sh(5, 11),
                          status="cancelled")
        s.add_all([slot, gone])
        s.flush()
        s.add(m.BudgetLine(activity_id=slot.id, category="prizes", planned_cents=50_000,
                           actual_cents=42_000))
        s.flush()
        roll_up(s, FIRST, LAST)
    expected = {
        "detector_reports": [0, 1, 1, 0, 0, 0], "detector_decided": [0, 0, 1, 1, 0, 0],
        "detector_dismissed": [0, 0, 1, 0, 0, 0], "sanctions": [0, 0, 1, 1, 0, 0],
        "appeals_in": [0, 0, 0, 1, 0, 0], "appeals_overturned": [0, 0, 0, 0, 1, 0],
        "appeals_upheld": [0] * 6, "sessions": [0, 1, 1, 1, 0, 0],
        "budget_planned": [0, 50_000, 0, 0, 0, 0], "budget_actual": [0, 42_000, 0, 0, 0, 0]}
    for metric, numbers in expected.items():
        assert values(store, metric) == numbers, metric
    assert values(store, "sanctions", "category:ads") == [0, 0, 1, 1, 0, 0]
    assert values(store, "members", "paying") == [1, 2, 2, 2, 2, 2]
    assert values(store, "joins", "paying") == [1, 1, 0, 0, 0, 0]  # new paying members
    assert values(store, "members", "spend:2") == [1] * 6  # ¥100–499
    assert values(store, "members", "spend:4") == [0, 1, 1, 1, 1, 1]  # ¥2,000 and more
    assert values(store, "members", "spend:1") == []  # nobody in the band: no rows


def test_retention_by_join_week(store):
    """P joins on Monday 2 March and Q on the 4th; R on the 10th (the next week). P writes
    on the 3rd and the 12th, Q on the 20th, R on the 10th. Rolled up to Sunday the 22nd."""
    with store.transaction() as s:
        p, q, r = (m.Member(platform_id=k, name=k, joined_at=sh(day))
                   for k, day in (("p", 2), ("q", 4), ("r", 10)))
        s.add_all([p, q, r])
        s.flush()
        for who, day in ((p, 3), (p, 12), (q, 20), (r, 10)):
            s.execute(text("INSERT INTO member_days VALUES ((SELECT rowid FROM members "
                           "WHERE id = :id), :day, 1, 0, 0, 0)"),
                      {"id": who.id, "day": day_number(date(2026, 3, day))})
        roll_up(s, date(2026, 3, 2), date(2026, 3, 22))
        found = cohorts.load(s, date(2026, 3, 1), date(2026, 3, 22))
    assert [(c.week, c.size) for c in found] == [(date(2026, 3, 2), 2), (date(2026, 3, 9), 1)]
    weeks = cohorts.WEEKS + 1  # the join week and the twelve after it
    assert found[0].active == [1, 1, 1] + [None] * (weeks - 3)  # week 3 begins on the 23rd
    assert found[0].shares()[:4] == [50.0, 50.0, 50.0, None]
    assert found[1].active == [1, 0] + [None] * (weeks - 2)


def test_a_later_rollup_replaces_the_cohorts_it_reaches(store):
    with store.transaction() as s:
        p = m.Member(platform_id="p", name="P", joined_at=sh(2))
        s.add(p)
        s.flush()
        roll_up(s, date(2026, 3, 2), date(2026, 3, 8))
        s.execute(text("INSERT INTO member_days VALUES ((SELECT rowid FROM members "
                       "WHERE id = :id), :day, 1, 0, 0, 0)"),
                  {"id": p.id, "day": day_number(date(2026, 3, 10))})
        roll_up(s, date(2026, 3, 9), date(2026, 3, 15))
        (cohort,) = cohorts.load(s, date(2026, 3, 2), date(2026, 3, 15))
    assert cohort.active[:3] == [0, 1, None]


def test_care_messages_and_who_came_back_within_two_weeks(store):
    """Care messages go to X and Y on the 2nd and to Y again on the 20th; X writes on the
    10th (within 14 days), Y on the 17th (15 days after the first, 3 before the second)."""
    from modconsole.services import audit, replies

    with store.transaction() as s:
        x, y = (m.Member(platform_id=k, name=k, joined_at=sh(1)) for k in ("x", "y"))
        s.add_all([x, y])
        s.flush()
        care = replies.find_template(s, "care", "zh_CN")
        replies.record_use(s, care.id, member_ids=[x.id, y.id])  # today: the audit says so
        sent = s.execute(select(m.AuditEntry.entity_id, m.AuditEntry.after_json).where(
            m.AuditEntry.action == "reply.sent")).all()
        assert sorted(member for member, _ in sent) == sorted([x.id, y.id])
        assert all('"category": "churn_care"' in after for _, after in sent)
        for who, day in ((x, 2), (y, 2), (y, 20)):
            audit.record(s, "reply.sent", "member", who.id, at=sh(day),
                         after={"template": "care", "category": "churn_care"})
        for who, day in ((x, 10), (y, 17)):
            s.execute(text("INSERT INTO member_days VALUES ((SELECT rowid FROM members "
                           "WHERE id = :id), :day, 1, 0, 0, 0)"),
                      {"id": who.id, "day": day_number(date(2026, 3, day))})
        roll_up(s, date(2026, 3, 1), date(2026, 3, 21))
    first, last = date(2026, 3, 1), date(2026, 3, 21)
    sent = values(store, "care_sent", first=first, last=last)
    back = values(store, "care_returned", first=first, last=last)
    assert (sent[1], back[1]) == (2, 1)  # the 2nd: X came back, Y only on day 15
    assert (sent[19], back[19]) == (1, 0)  # the 20th: Y has not written since
    assert sum(sent) == 3
