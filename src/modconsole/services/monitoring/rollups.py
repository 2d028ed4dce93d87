"""Daily rollups: what happened each local day, per scope, written once and read by charts.

Every number is an event bucketed by the community's local day (events.py:
members joining and leaving, reports, decisions, sanctions, appeals,
sessions, sign-ups, check-ins, points paid, budgets), and from the chat
imports' member-days the members active within 1, 7 and 30 days (a member
who left counts no more after the day they left). Stocks (members) are
running sums of their flows from the first event on, so a backfill of a year
reads each table once. Members per churn warning level are the members less
those active within each level's days of silence; only chat records say when
someone was active, so a member known only from a member import's "last
active" counts at the highest level.

Scopes are the whole community ("all"), each group ("group:<id>"), each
layer ("layer:core"…), paying members by spend band (see events.py) and
rule categories for sanctions; retention cohorts are in cohorts.py. A group
knows only who is in it now and since when (leaving a group deletes the
membership), so a group's member count is its current members by the day
they joined; a layer or band is the one members are in now (classification
and spend keep no history), so its past is its present members' past.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from modconsole.domain import priority, recurrence
from modconsole.services.activities import DEFAULT_ZONE
from modconsole.services.chat.activity import day_number, local_today
from modconsole.services.chat.messages import EPOCH_DAY, LocalDays
from modconsole.services.classification import load_rules
from modconsole.services.monitoring import cohorts, events
from modconsole.services.monitoring.events import FLOWS
from modconsole.services.progress import Progress, no_progress
from modconsole.store import models as m
from modconsole.store.settings import get_setting, set_setting

ALL = "all"
UNTIL_KEY = "rollups_until"  # the last day rolled up, as a day number
REDONE = 35  # days a daily refresh computes again: a 30-day window, and late imports
WINDOWS = {"active_1": 1, "active_7": 7, "active_30": 30}
CHURN = tuple(f"churn_{level}" for level in range(1, 5))  # members per warning level
RUNNING = (*WINDOWS, "overdue")  # stocks kept as changes: +1 on the day one starts, -1 after
SPARSE = ("decision_p50", "decision_p90")  # minutes from first report to decision; days
# without decisions have none
METRICS = ("members", *FLOWS, *RUNNING, *CHURN, *SPARSE)
CHUNK = 5000

# Members active within k days, from member-days: a member's rows cover [day, day + k); a
# row that does not follow another within k days starts a stretch (+1 on its day), one not
# followed within k days ends it (-1 k days later). Rows from `low` on decide every day
# from `low` + 29 on.
ACTIVE = """
SELECT scope, day, {sums} FROM (
    SELECT {scope} AS scope, md.day AS day,
           md.day - lag(md.day) OVER (PARTITION BY {scope}, md.member ORDER BY md.day) AS gap
    FROM member_days md {join} WHERE md.day >= :low AND md.day <= :high)
GROUP BY scope, day
"""
ACTIVE_ENDS = """
SELECT scope, day, {sums} FROM (
    SELECT {scope} AS scope, md.day AS day,
           lead(md.day) OVER (PARTITION BY {scope}, md.member ORDER BY md.day) - md.day AS gap
    FROM member_days md {join} WHERE md.day >= :low AND md.day <= :high)
GROUP BY scope, day
"""
SCOPES = (("'all'", ""),
          ("'group:' || g.group_id", "JOIN members mb ON mb.rowid = md.member "
                                     "JOIN group_members g ON g.member_id = mb.id"),
          ("'layer:' || mb.layer", "JOIN members mb ON mb.rowid = md.member "
                                   "AND mb.layer IS NOT NULL"))


@dataclass(frozen=True)
class RollupResult:
    first: date
    last: date
    scopes: int
    rows: int


def _windows(churn: tuple[int, ...]) -> dict[str, int]:
    """The active windows to count: a day, a week and a month, and the days of silence
    that start each churn warning level (within_3 … for the default 3, 7, 14, 30)."""
    return {**WINDOWS, **{f"within_{k}": k for k in churn if k and k not in WINDOWS.values()}}


def _active(session: Session, low: int, high: int, windows: dict[str, int],
            segments: dict[str, str]) -> dict[tuple[str, str], Counter]:
    """(scope, window) -> day -> +starts and -ends of stretches, from `low - 29` on."""
    sums = ", ".join(f"sum(gap IS NULL OR gap >= {k})" for k in windows.values())
    out: dict[tuple[str, str], Counter] = defaultdict(Counter)
    params = {"low": low - max(windows.values()) + 1, "high": high}
    runs = [(scope_sql, join, params) for scope_sql, join in SCOPES] + [
        (":scope", "JOIN json_each(:rowids) j ON j.value = md.member",
         {**params, "scope": scope, "rowids": rowids}) for scope, rowids in segments.items()]
    for scope_sql, join, values in runs:
        for sign, sql in ((1, ACTIVE), (-1, ACTIVE_ENDS)):
            query = text(sql.format(sums=sums, scope=scope_sql, join=join))
            for scope, day, *counts in session.execute(query, values):
                for (metric, k), n in zip(windows.items(), counts, strict=True):
                    if n:
                        out[scope, metric][day + (k if sign < 0 else 0)] += sign * n
    return out


def _leavers(session: Session, days: LocalDays, low: int, high: int, windows: dict[str, int],
             segments: dict[str, str], out: dict[tuple[str, str], Counter]) -> None:
    """A member who left is active no longer: take off what their messages would count
    from the day they left (when they stop being a member) on, in the community and their
    layer (leaving a group ends its membership, so groups count them no more already)."""
    rows = session.execute(text(
        "SELECT md.member, CAST(strftime('%s', mb.left_at) AS INTEGER), mb.layer, md.day "
        "FROM member_days md JOIN members mb ON mb.rowid = md.member "
        "WHERE mb.left_at IS NOT NULL AND mb.deleted_at IS NULL "
        "AND md.day BETWEEN :lo AND :hi ORDER BY md.member, md.day"),
        {"lo": low - max(windows.values()) + 1, "hi": high})
    in_segments: dict[int, list[str]] = defaultdict(list)
    for scope, rowids in segments.items():
        for rowid in json.loads(rowids):
            in_segments[rowid].append(scope)
    for member, group in groupby(rows, key=lambda row: row[0]):
        group = list(group)
        _, seconds, layer, _ = group[0]
        left = days(seconds)
        if left > high:
            continue
        active = [day for *_, day in group]
        scopes = (ALL, *((f"layer:{layer}",) if layer else ()), *in_segments.get(member, ()))
        for metric, k in windows.items():
            for first, end in _stretches(active, k):  # covered days [first, end)
                cut = max(first, left)
                if cut < end:
                    for scope in scopes:
                        out[scope, metric][cut] -= 1
                        out[scope, metric][end] += 1


def _decisions(session: Session, days: LocalDays, changes: dict[tuple[str, str], Counter],
               flows: dict[tuple[str, str], Counter]) -> dict[int, list[int]]:
    """The moderation numbers, from every report case: decisions within the SLA (a flow),
    cases overdue at the end of each day (changes of a stock: from the day the SLA ran out
    to the day of the decision), and each day's minutes to decision (for the median and
    90th percentile)."""
    minutes: dict[int, list[int]] = defaultdict(list)
    for first, decided, severity in session.execute(text(
            "SELECT CAST(strftime('%s', c.first_reported_at) AS INTEGER), "
            "CAST(strftime('%s', c.decided_at) AS INTEGER), r.severity FROM cases c "
            "LEFT JOIN rules r ON r.id = c.rule_id "
            "WHERE c.deleted_at IS NULL AND c.kind = 'report'")):
        deadline = first + int(priority.sla(severity).total_seconds())
        if decided is not None:
            minutes[days(decided)].append(max(0, decided - first) // 60)
            if decided <= deadline:
                flows[ALL, "decided_in_sla"][days(decided)] += 1
                continue
        changes[ALL, "overdue"][days(deadline)] += 1
        if decided is not None:
            changes[ALL, "overdue"][days(decided)] -= 1
    return minutes


def _percentile(values: list[int], share: float) -> int:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _stretches(active: list[int], k: int) -> list[tuple[int, int]]:
    """The runs of days on which a member counts as active within k days."""
    runs: list[tuple[int, int]] = []
    for day in active:
        if runs and day <= runs[-1][1]:
            runs[-1] = (runs[-1][0], day + k)
        else:
            runs.append((day, day + k))
    return runs


@dataclass(frozen=True)
class Computed:
    """Rollup rows worked out in a read, ready for a short write."""

    first_day: int
    last_day: int
    scopes: int
    rows: list[tuple[str, str, int, int]]
    cohorts: cohorts.CohortRows


def compute(session: Session, first: date | None = None, last: date | None = None,
            zone_name: str = DEFAULT_ZONE, progress: Progress = no_progress) -> Computed:
    """Every scope's numbers for the days [first, last] (by default from the first day
    anything happened to today). Reads only, so the GUI runs it beside its writes."""
    days = LocalDays(recurrence.zone(zone_name))
    last_day = day_number(last or local_today(zone_name))
    segments = events.segment_members(session)
    flows = events.flows(session, days, last_day, segments)
    firsts = [min(c) for c in flows.values() if c]
    first_day = day_number(first) if first else min(firsts, default=last_day)
    first_day = min(first_day, last_day)
    progress(1, 4)
    churn_days = load_rules(session).churn_days
    windows = _windows(churn_days)
    active = _active(session, first_day, last_day, windows, segments)
    _leavers(session, days, first_day, last_day, windows, segments, active)
    minutes = _decisions(session, days, active, flows)
    progress(2, 4)
    span = range(first_day, last_day + 1)
    scopes = {ALL} | {scope for scope, _ in flows} | {scope for scope, _ in active}
    churn = [name for k in churn_days for name, w in windows.items()
             if w == k][:len(CHURN)]
    rows = []
    for scope in sorted(scopes):
        for metric in FLOWS:
            if scope == ALL or (scope, metric) in flows:
                counts = flows.get((scope, metric), Counter())
                rows += [(scope, metric, d, counts.get(d, 0)) for d in span]
        stocks = {}
        if scope == ALL or (scope, "joins") in flows:
            changes = Counter(flows.get((scope, "joins"), {}))
            changes.subtract(flows.get((scope, "leaves"), {}))
            stocks["members"] = _running(changes, span)
        windowed = scope == ALL or any((scope, w) in active for w in windows)
        if windowed:
            for metric in (*windows, "overdue"):
                stocks[metric] = _running(active.get((scope, metric), Counter()), span)
        if windowed and churn and "members" in stocks:
            bounds = [stocks[name] for name in churn[1:]] + [stocks["members"]]
            for level, (lower, upper) in enumerate(zip([stocks[n] for n in churn], bounds,
                                                       strict=True)):
                stocks[CHURN[level]] = [hi - lo for lo, hi in zip(lower, upper, strict=True)]
        rows += [(scope, metric, d, value) for metric, values in stocks.items()
                 if metric in METRICS for d, value in zip(span, values, strict=True)]
    rows += [(ALL, metric, d, _percentile(minutes[d], share))
             for d in span if minutes.get(d)
             for metric, share in (("decision_p50", 0.5), ("decision_p90", 0.9))]
    progress(3, 4)
    cohort_rows = cohorts.compute(session, days, first_day, last_day)
    progress(4, 4)
    return Computed(first_day, last_day, len(scopes), rows, cohort_rows)


def _running(changes: Counter, span: range) -> list[int]:
    """A stock day by day over `span`, from its changes (those before the span included)."""
    running = sum(n for d, n in changes.items() if d < span.start)
    values = []
    for d in span:
        running += changes.get(d, 0)
        values.append(running)
    return values


def write(session: Session, computed: Computed) -> RollupResult:
    """Replace the stored rollups of the computed days, and remember how far they reach."""
    session.execute(delete(m.Rollup).where(m.Rollup.day.between(computed.first_day,
                                                                 computed.last_day)))
    rows = computed.rows
    for start in range(0, len(rows), CHUNK):
        session.execute(insert(m.Rollup), [
            {"scope": s, "metric": mt, "day": d, "value": v} for s, mt, d, v in
            rows[start:start + CHUNK]])
    cohorts.write(session, computed.cohorts)
    until = get_setting(session, UNTIL_KEY)
    if until is None or computed.last_day >= until:
        set_setting(session, UNTIL_KEY, computed.last_day)
    return RollupResult(as_date(computed.first_day), as_date(computed.last_day),
                        computed.scopes, len(rows))


def roll_up(session: Session, first: date | None = None, last: date | None = None,
            zone_name: str = DEFAULT_ZONE, progress: Progress = no_progress) -> RollupResult:
    """(Re)write every scope's rollups for the days [first, last] in one transaction."""
    return write(session, compute(session, first, last, zone_name, progress))


def invalidate_from(session: Session, day: int) -> None:
    """Rows changed from local day `day` on (a chat import of old messages): the next
    refresh rolls up from there again."""
    until = get_setting(session, UNTIL_KEY)
    if until is not None and until >= day:
        set_setting(session, UNTIL_KEY, day - 1)


@dataclass(frozen=True)
class Due:
    first: date | None  # None: everything, from the first day anything happened


def due(session: Session, today: date) -> Due | None:
    """What today's refresh should roll up: everything when nothing ever was, else the
    last REDONE days (a late chat import can change them); None when today is done."""
    until = get_setting(session, UNTIL_KEY)
    if until is None:
        return Due(None)
    if until >= day_number(today):
        return None
    return Due(min(as_date(until), today) - timedelta(days=REDONE))


def as_date(day: int) -> date:
    return date.fromordinal(day + EPOCH_DAY)


def series(session: Session, metric: str, scope: str = ALL, first: date | None = None,
           last: date | None = None) -> list[tuple[date, int]]:
    """The stored values of one metric for one scope, oldest first."""
    R = m.Rollup
    query = select(R.day, R.value).where(R.scope == scope, R.metric == metric)
    if first:
        query = query.where(R.day >= day_number(first))
    if last:
        query = query.where(R.day <= day_number(last))
    return [(as_date(d), v) for d, v in session.execute(query.order_by(R.day))]
