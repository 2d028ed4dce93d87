"""Queue order and SLA: one sortable number per case that never needs recomputing as time passes.

A case's key is the moment it should be looked at: its SLA deadline (first
report + the severity's SLA) pulled earlier by head starts for more reports,
a repeat offender and an aggravated rule. Sorting by that moment ascending
ranks by severity, reports, history and aggravation while older cases rise
on their own, so no job re-scores the queue every minute.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

SLA_HOURS = {"critical": 1, "high": 2, "medium": 8, "low": 24}
APPEAL_SLA_HOURS = 24
DEFAULT_SEVERITY = "medium"  # a report filed without a rule yet


def sla(severity: str | None, appeal: bool = False) -> timedelta:
    if appeal:
        return timedelta(hours=APPEAL_SLA_HOURS)
    return timedelta(hours=SLA_HOURS.get(severity or DEFAULT_SEVERITY,
                                         SLA_HOURS[DEFAULT_SEVERITY]))


def due_at(first_reported_at: datetime, severity: str | None, appeal: bool = False) -> datetime:
    return first_reported_at + sla(severity, appeal)


def head_start(report_count: int, prior_offences: int, aggravated: bool) -> timedelta:
    """Hours gained: 2 per doubling of reports, 1 per prior offence (up to 4), 4 if aggravated."""
    hours = 2 * math.log2(max(report_count, 1)) + min(prior_offences, 4) + (4 if aggravated else 0)
    return timedelta(hours=hours)


def queue_key(first_reported_at: datetime, severity: str | None, report_count: int = 1,
              prior_offences: int = 0, aggravated: bool = False, appeal: bool = False) -> int:
    """Seconds since the epoch of the look-at moment; smaller means look sooner."""
    moment = due_at(first_reported_at, severity, appeal) - head_start(
        report_count, prior_offences, aggravated)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())
