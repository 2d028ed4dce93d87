"""KPI targets (目标): a metric reaching a value by a deadline, and whether the trend will.

The share metrics are per cent of the scope's members; "members" is a count.
Whether the trend makes it is a straight line through the last four weeks'
values (least squares), carried to the deadline (a share stays within 0 to 100).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.domain.messages import N_
from modconsole.services import audit
from modconsole.services.chat.activity import local_today
from modconsole.services.errors import FieldError, UserError
from modconsole.services.monitoring.rollups import ALL
from modconsole.services.monitoring.trends import load_trends
from modconsole.store import models as m
from modconsole.store.models.base import utcnow

TARGET_METRICS = ("members", "active_7", "active_30")  # the last two as shares, in per cent
TREND_DAYS = 28


@dataclass(frozen=True)
class TargetProgress:
    id: str
    metric: str
    scope: str
    value: float
    deadline: date
    note: str
    current: float | None  # today's value; None before any rollup
    projected: float | None  # where the last four weeks' trend reaches by the deadline

    @property
    def on_track(self) -> bool | None:
        if self.projected is None:
            return None
        return self.projected >= self.value

    def as_json(self) -> dict:
        return {"id": self.id, "metric": self.metric, "scope": self.scope, "value": self.value,
                "deadline": self.deadline.isoformat(), "note": self.note,
                "current": self.current, "projected": self.projected,
                "on_track": self.on_track}


def set_target(session: Session, metric: str, value: float, deadline: date, scope: str = ALL,
               note: str = "", today: date | None = None) -> str:
    """A new target (a lead's: the team server checks the role); returns its id."""
    if metric not in TARGET_METRICS:
        raise FieldError("metric", N_("targets", "'{metric}' cannot have a target; choose "
                                                 "one of {choices}.").format(
            metric=metric, choices=", ".join(TARGET_METRICS)))
    if metric != "members" and not 0 < value <= 100:
        raise FieldError("value", N_("targets", "A share is a per cent from 0 to 100."))
    if metric == "members" and value < 1:
        raise FieldError("value", N_("targets", "A member count is at least 1."))
    if deadline <= (today or local_today()):
        raise FieldError("deadline", N_("targets", "The deadline must be after today."))
    target = m.Target(metric=metric, scope=scope, value=float(value), deadline=deadline,
                      note=(note or "").strip()[:500])
    session.add(target)
    session.flush()
    audit.record(session, "target.set", "targets", target.id, after={
        "metric": metric, "scope": scope, "value": value, "deadline": deadline.isoformat()})
    return target.id


def remove_target(session: Session, target_id: str) -> None:
    target = session.get(m.Target, target_id)
    if target is None or target.deleted_at is not None:
        raise UserError(N_("targets", "That target no longer exists."))
    target.deleted_at = utcnow()
    session.flush()
    audit.record(session, "target.remove", "targets", target.id)


def _line(values: list[float]) -> tuple[float, float]:
    """Least-squares intercept and slope of values at 0, 1, 2, …"""
    n = len(values)
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    spread = sum((x - mean_x) ** 2 for x in range(n))
    moved = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values))
    slope = moved / spread if spread else 0.0
    return mean_y - slope * mean_x, slope


def progress(session: Session, today: date | None = None) -> list[TargetProgress]:
    """Every live target with today's value and where its trend leads, nearest deadline
    first."""
    today = today or local_today()
    out = []
    for t in session.scalars(select(m.Target).where(m.Target.deleted_at.is_(None))
                             .order_by(m.Target.deadline)):
        trends = load_trends(session, t.scope, today, days=TREND_DAYS)
        series = trends.values["members"] if t.metric == "members" else trends.rate(t.metric)
        known = [v for v in series if v is not None]
        current = projected = None
        if known and not trends.empty:
            current = float(known[-1])
            intercept, slope = _line([float(v) for v in known])
            projected = intercept + slope * (len(known) - 1 + (t.deadline - today).days)
            projected = max(0.0, projected if t.metric == "members" else min(100.0, projected))
        out.append(TargetProgress(t.id, t.metric, t.scope, t.value, t.deadline, t.note,
                                  current, projected))
    return out
