"""The series the dashboard's charts draw, read from the rollups (never from members)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.services.chat.activity import day_number, local_today
from modconsole.services.monitoring.rollups import (
    ALL,
    METRICS,
    SPARSE,
    as_date,
)
from modconsole.store import models as m


@dataclass(frozen=True)
class Trends:
    days: list[date]
    values: dict[str, list[int | None]]  # metric -> one value per day: 0 where none was
    # stored, None for the SPARSE ones

    @property
    def empty(self) -> bool:
        return not any(any(v or 0 for v in values) for values in self.values.values())

    def rate(self, metric: str) -> list[float | None]:
        """A count as a share of the day's members, in per cent."""
        return [100 * n / total if total else None
                for n, total in zip(self.values[metric], self.values["members"], strict=True)]


def load_trends(session: Session, scope: str = ALL, last: date | None = None,
                days: int = 90) -> Trends:
    last = last or local_today()
    first = last - timedelta(days=days - 1)
    R = m.Rollup
    values = {metric: [None if metric in SPARSE else 0] * days for metric in METRICS}
    low = day_number(first)
    for metric, day, value in session.execute(
            select(R.metric, R.day, R.value).where(R.scope == scope,
                                                   R.day.between(low, day_number(last)))):
        if metric in values:
            values[metric][day - low] = value
    return Trends([as_date(low + i) for i in range(days)], values)


def scopes(session: Session) -> list[tuple[str, str]]:
    """(scope, group name or layer) beside the whole community, as a selector offers them."""
    groups = session.execute(select(m.Group.id, m.Group.name).where(
        m.Group.deleted_at.is_(None)).order_by(m.Group.name)).all()
    layers = session.scalars(select(m.Rollup.scope).where(m.Rollup.scope.like("layer:%"))
                             .distinct().order_by(m.Rollup.scope))
    return [*((f"group:{gid}", name) for gid, name in groups),
            *((scope, scope.split(":", 1)[1]) for scope in layers)]
