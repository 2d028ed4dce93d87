"""What happened on which local day: the events the rollups count, per scope.

Each entry of EVENTS is a metric and SQL giving a scope, Unix seconds and an
amount. Times are stored as UTC text; strftime('%s') reads them as seconds.
Scopes beside the community and its groups and layers: "paying" and
"spend:<band>" (members by what they have paid so far: like a layer, the
band a member is in now), "segment:<id>" (a saved segment's members now) and
"category:<rule code>" for sanctions.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from modconsole.domain.enums import ActivityStatus
from modconsole.domain.member_filter import FilterError, MemberFilter
from modconsole.services.activities import entries
from modconsole.services.chat.messages import EPOCH_DAY, LocalDays
from modconsole.services.roster import every_match
from modconsole.store import models as m

SPEND_BANDS = (1, 10_000, 50_000, 200_000)  # cents: from ¥0.01, ¥100, ¥500 and ¥2,000 up
_BAND = "CASE " + " ".join(  # a paying member's band, "4" down to "2", else "1"
    f"WHEN paid_total_cents >= {cents} THEN '{band}'"
    for band, cents in reversed(list(enumerate(SPEND_BANDS, 1))) if band > 1) + " ELSE '1' END"
_JOINED = "CAST(strftime('%s', coalesce(joined_at, created_at)) AS INTEGER)"
_LEFT = "CAST(strftime('%s', left_at) AS INTEGER)"
_LIVE = "FROM members WHERE deleted_at IS NULL"
# A member's membership of a scope decided by a column of theirs: (scope SQL, condition).
_MEMBER_SCOPES = (("'all'", ""), ("'layer:' || layer", " AND layer IS NOT NULL"),
                  ("'paying'", " AND paid_total_cents > 0"),
                  ("'spend:' || " + _BAND, " AND paid_total_cents > 0"))
_CATEGORY = ("JOIN cases c ON c.id = {table}.case_id JOIN rules r ON r.id = c.rule_id "
             "LEFT JOIN rules p ON p.id = r.parent_id")

EVENTS = (
    *(("joins", f"SELECT {scope}, {_JOINED}, 1 {_LIVE}{cond}") for scope, cond in _MEMBER_SCOPES),
    *(("leaves", f"SELECT {scope}, {_LEFT}, 1 {_LIVE} AND left_at IS NOT NULL{cond}")
      for scope, cond in _MEMBER_SCOPES),
    ("joins", "SELECT 'group:' || g.group_id, CAST(strftime('%s', g.joined_at) AS INTEGER), 1 "
              "FROM group_members g JOIN members mb ON mb.id = g.member_id "
              "WHERE mb.deleted_at IS NULL"),
    ("reports_in", "SELECT 'all', CAST(strftime('%s', reported_at) AS INTEGER), 1 "
                   "FROM reports WHERE deleted_at IS NULL"),
    ("reports_in", "SELECT 'group:' || c.group_id, CAST(strftime('%s', r.reported_at) AS "
                   "INTEGER), 1 FROM reports r JOIN cases c ON c.id = r.case_id "
                   "WHERE r.deleted_at IS NULL AND c.group_id IS NOT NULL"),
    ("detector_reports", "SELECT 'all', CAST(strftime('%s', reported_at) AS INTEGER), 1 "
                         "FROM reports WHERE deleted_at IS NULL AND source = 'detector'"),
    ("cases_decided", "SELECT 'all', CAST(strftime('%s', decided_at) AS INTEGER), 1 FROM cases "
                      "WHERE deleted_at IS NULL AND decided_at IS NOT NULL AND kind = 'report'"),
    ("detector_decided", "SELECT 'all', CAST(strftime('%s', decided_at) AS INTEGER), 1 "
                         "FROM cases WHERE deleted_at IS NULL AND decided_at IS NOT NULL "
                         "AND kind = 'report' AND source = 'detector'"),
    ("detector_dismissed", "SELECT 'all', CAST(strftime('%s', decided_at) AS INTEGER), 1 "
                           "FROM cases WHERE deleted_at IS NULL AND decided_at IS NOT NULL "
                           "AND kind = 'report' AND source = 'detector' "
                           "AND decision = 'dismiss'"),
    ("sanctions", "SELECT 'all', CAST(strftime('%s', starts_at) AS INTEGER), 1 "
                  "FROM sanctions WHERE deleted_at IS NULL"),
    ("sanctions", "SELECT 'category:' || coalesce(p.code, r.code), "
                  "CAST(strftime('%s', s.starts_at) AS INTEGER), 1 FROM sanctions s "
                  + _CATEGORY.format(table="s") + " WHERE s.deleted_at IS NULL"),
    ("appeals_in", "SELECT 'all', CAST(strftime('%s', filed_at) AS INTEGER), 1 FROM appeals "
                   "WHERE deleted_at IS NULL"),
    *((f"appeals_{outcome}", "SELECT 'all', CAST(strftime('%s', decided_at) AS INTEGER), 1 "
                             "FROM appeals WHERE deleted_at IS NULL AND decided_at IS NOT NULL "
                             f"AND outcome = '{outcome}'")
      for outcome in ("upheld", "reduced", "overturned")),
    ("signups", "SELECT 'all', CAST(strftime('%s', registered_at) AS INTEGER), 1 "
                "FROM attendance WHERE deleted_at IS NULL"),
    ("check_ins", "SELECT 'all', CAST(strftime('%s', checked_in_at) AS INTEGER), 1 "
                  "FROM attendance WHERE deleted_at IS NULL AND checked_in_at IS NOT NULL"),
    ("points_issued", "SELECT 'all', CAST(strftime('%s', at) AS INTEGER), delta "
                      "FROM points_ledger WHERE deleted_at IS NULL AND delta > 0"),
    # budgets count on the day their activity (its first occurrence) starts, in cents
    *((f"budget_{kind}", f"SELECT 'all', CAST(strftime('%s', a.start_at) AS INTEGER), "
                         f"b.{kind}_cents FROM budget_lines b "
                         "JOIN activities a ON a.id = b.activity_id WHERE b.deleted_at IS NULL "
                         f"AND a.deleted_at IS NULL AND b.{kind}_cents IS NOT NULL")
      for kind in ("planned", "actual")),
)
FLOWS = (*dict.fromkeys(metric for metric, _ in EVENTS), "decided_in_sla", "sessions",
         "care_sent", "care_returned")
CAME_BACK = 14  # days after a care message in which writing again counts as coming back


def segment_members(session: Session) -> dict[str, str]:
    """Each saved segment's members now, as a JSON list of member rowids, by scope
    ("segment:<id>"). Like a layer, a segment's past is its present members' past. A
    segment whose filter cannot be read any more is left out (the roster says why)."""
    found = {}
    for segment in session.scalars(select(m.Segment).where(m.Segment.deleted_at.is_(None))):
        try:
            f = MemberFilter.from_json(segment.filter_json)
        except FilterError:
            continue
        rowids = session.scalars(select(m.MEMBER_ROWID).select_from(m.Member).where(
            *every_match(session, f))).all()
        found[f"segment:{segment.id}"] = json.dumps(rowids)
    return found


def flows(session: Session, days: LocalDays, last: int,
          segments: dict[str, str]) -> dict[tuple[str, str], Counter]:
    """(scope, metric) -> day -> amount, over all time up to day `last`."""
    found: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for metric, sql in EVENTS:
        for scope, seconds, amount in session.execute(text(sql)):
            if seconds is not None:
                found[scope, metric][days(seconds)] += amount
    for scope, rowids in segments.items():
        for joined, left in session.execute(text(
                f"SELECT {_JOINED}, {_LEFT} FROM members WHERE rowid IN "
                "(SELECT value FROM json_each(:rowids))"), {"rowids": rowids}):
            found[scope, "joins"][days(joined)] += 1
            if left is not None:
                found[scope, "leaves"][days(left)] += 1
    _sessions(session, days, found, last)
    _care(session, days, found)
    return found


def _care(session: Session, days: LocalDays, found: dict[tuple[str, str], Counter]) -> None:
    """Care messages (a churn_care reply copied for a member) by the day sent, and of them
    those whose member wrote in the chat within CAME_BACK days after that day: one query,
    the local day worked out in SQL."""
    sent_at = "CAST(strftime('%s', a.at) AS INTEGER)"
    care = ("FROM audit_log a JOIN members mb ON mb.id = a.entity_id "
            "WHERE a.action = 'reply.sent' "
            "AND json_extract(a.after_json, '$.category') = 'churn_care'")
    low, high = session.execute(text(f"SELECT min({sent_at}), max({sent_at}) {care}")).one()
    if low is None:
        return
    sent = days.sql(sent_at, low, high)
    for day, back in session.execute(text(
            f"SELECT {sent}, EXISTS (SELECT 1 FROM member_days md WHERE md.member = mb.rowid "
            f"AND md.day BETWEEN {sent} + 1 AND {sent} + {CAME_BACK}) {care}")):
        found["all", "care_sent"][day] += 1
        found["all", "care_returned"][day] += back


def _sessions(session: Session, days: LocalDays, found: dict[tuple[str, str], Counter],
              last: int) -> None:
    """Occurrences of activities and slots that were not cancelled, by the day they start,
    from the first activity to the day `last`."""
    first = session.scalar(text("SELECT CAST(strftime('%s', min(start_at)) AS INTEGER) "
                                "FROM activities WHERE deleted_at IS NULL"))
    if first is None:
        return
    start = datetime.fromtimestamp(first, UTC) - timedelta(days=1)
    end = datetime.combine(date.fromordinal(last + 1 + EPOCH_DAY), time(), days.zone)
    for entry in entries(session, start, end):
        if entry.status != ActivityStatus.CANCELLED:
            found["all", "sessions"][days(int(entry.start.timestamp()))] += 1
