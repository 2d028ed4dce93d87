"""The numbers for a period a lead reports on (周报/月报/季报): a summary and the days."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from modconsole.domain.messages import N_, Translate, english, localize
from modconsole.services.errors import UserError
from modconsole.services.monitoring.rollups import ALL, FLOWS, METRICS
from modconsole.services.monitoring.targets import progress
from modconsole.services.monitoring.trends import Numbers, load_mix, load_trends, scope_filter
from modconsole.services.table_files import TableWriter

METRIC_LABELS = {
    "members": N_("report", "Members"), "joins": N_("report", "Joined"),
    "leaves": N_("report", "Left"), "reports_in": N_("report", "Reports in"),
    "cases_decided": N_("report", "Cases decided"), "signups": N_("report", "Sign-ups"),
    "check_ins": N_("report", "Check-ins"), "points_issued": N_("report", "Points paid"),
    "active_1": N_("report", "Active that day"),
    "active_7": N_("report", "Active within 7 days"),
    "active_30": N_("report", "Active within 30 days"),
    "decided_in_sla": N_("report", "Decided within the SLA"),
    "overdue": N_("report", "Overdue cases"),
    "detector_reports": N_("report", "Detector reports"),
    "detector_decided": N_("report", "Detector cases decided"),
    "detector_dismissed": N_("report", "Detector cases dismissed"),
    "sanctions": N_("report", "Sanctions"), "appeals_in": N_("report", "Appeals filed"),
    "appeals_upheld": N_("report", "Appeals upheld"),
    "appeals_reduced": N_("report", "Appeals reduced"),
    "appeals_overturned": N_("report", "Appeals overturned"),
    "sessions": N_("report", "Activity sessions"),
    "care_sent": N_("report", "Care messages sent"),
    "care_returned": N_("report", "Care messages followed by a return within 14 days"),
    "budget_planned": N_("report", "Budget planned (fen)"),
    "budget_actual": N_("report", "Budget spent (fen)"),
    "churn_1": N_("report", "Churn warning level 1"),
    "churn_2": N_("report", "Churn warning level 2"),
    "churn_3": N_("report", "Churn warning level 3"),
    "churn_4": N_("report", "Churn warning level 4"),
    "decision_p50": N_("report", "Minutes to decision (median)"),
    "decision_p90": N_("report", "Minutes to decision (90th percentile)")}
PERIOD = re.compile(r"^(?:(\d{4})-(\d{2})|(\d{4})-W(\d{1,2})|(\d{4})-Q([1-4])|"
                    r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2}))$", re.I)


def period(text: str) -> tuple[date, date]:
    """2026-11 (a month), 2026-W48 (an ISO week), 2026-Q4 (a quarter) or
    2026-11-01..2026-11-15, as first and last day."""
    found = PERIOD.match(text.strip())
    try:
        if found and found.group(1):
            first = date(int(found.group(1)), int(found.group(2)), 1)
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        if found and found.group(3):
            first = date.fromisocalendar(int(found.group(3)), int(found.group(4)), 1)
            return first, first + timedelta(days=6)
        if found and found.group(5):
            year, quarter = int(found.group(5)), int(found.group(6))
            first = date(year, 3 * quarter - 2, 1)
            last = date(year + quarter // 4, (3 * quarter) % 12 + 1, 1) - timedelta(days=1)
            return first, last
        if found and found.group(7):
            first, last = date.fromisoformat(found.group(7)), date.fromisoformat(found.group(8))
            if first <= last:
                return first, last
    except ValueError:
        pass
    raise UserError(N_("report", "'{text}' is not a period: use 2026-11 (a month), 2026-W48 "
                                 "(a week), 2026-Q4 (a quarter) or 2026-11-01..2026-11-15."
                                 ).format(text=text))


def named_period(kind: str, back: int, today: date) -> str:
    """This (`back` 0) or an earlier week, month or quarter as period() reads it."""
    if kind == "week":
        year, week, _ = (today - timedelta(days=7 * back)).isocalendar()
        return f"{year}-W{week:02d}"
    if kind == "month":
        months = today.year * 12 + today.month - 1 - back
        return f"{months // 12}-{months % 12 + 1:02d}"
    quarters = today.year * 4 + (today.month - 1) // 3 - back
    return f"{quarters // 4}-Q{quarters % 4 + 1}"


@dataclass(frozen=True)
class PeriodReport:
    first: date
    last: date
    scope: str
    members_before: int
    members_after: int
    totals: dict[str, int]  # every flow over the period
    active_7_share: float | None  # per cent of members, the period's last day
    days: list[tuple[date, dict[str, int | None]]]


def period_report(session: Session, first: date, last: date, scope: str = ALL) -> PeriodReport:
    span = (last - first).days + 1
    trends = load_trends(session, scope, last, days=span + 1)  # and the day before
    values = trends.values
    rows = [(day, {metric: values[metric][i + 1] for metric in METRICS})
            for i, day in enumerate(trends.days[1:])]
    share = trends.rate("active_7")[-1]
    return PeriodReport(first, last, scope, values["members"][0], values["members"][-1],
                        {metric: sum(values[metric][1:]) for metric in FLOWS}, share, rows)


def period_numbers(session: Session, first: date, last: date, scope: str = ALL) -> Numbers:
    """What the dashboard's charts draw, for the days [first, last]."""
    span = (last - first).days + 1
    return Numbers(load_trends(session, scope, last, span), load_mix(session, last, span),
                   [t for t in progress(session) if t.scope == scope], scope,
                   scope_filter(session, scope))


def write_days(report: PeriodReport, out: Path, translate: Translate = english) -> None:
    """The period day by day, one column per number, headers in `translate`'s language."""
    header = [str(localize(N_("report", "Day"), translate)),
              *(str(localize(METRIC_LABELS[m], translate)) for m in METRICS)]
    with TableWriter(out, header) as writer:
        for day, values in report.days:
            writer.write([day.isoformat(), *("" if values[m] is None else values[m]
                                             for m in METRICS)])
