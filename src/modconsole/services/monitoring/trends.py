"""The series the dashboard's charts draw, read from the rollups (never from members)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from modconsole.domain.member_filter import FilterError, MemberFilter
from modconsole.services.chat.activity import day_number, local_today
from modconsole.services.monitoring import cohorts
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
        return shares(self.values[metric], self.values["members"])


def share(count: float, total: float) -> float | None:
    """`count` in per cent of `total`; None when there is no total."""
    return 100 * count / total if total else None


def shares(counts: list, totals: list) -> list[float | None]:
    return [share(n, total) for n, total in zip(counts, totals, strict=True)]


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


@dataclass(frozen=True)
class Mix:
    """What the community is made of, day by day: members per layer, paying members and new
    ones (by the day they joined), the spend bands on the last day, and per rule category
    the sanctions of the period; and the retention cohorts that joined in it."""

    layers: dict[str, list[int]]
    paying: list[int]
    new_paying: list[int]
    bands: dict[str, int]  # "1"…"4" (events.SPEND_BANDS)
    categories: list[tuple[str, str, str, int]]  # code, Chinese and English title, sanctions
    cohorts: list[cohorts.Cohort]


def load_mix(session: Session, last: date | None = None, days: int = 90) -> Mix:
    last = last or local_today()
    first = last - timedelta(days=days - 1)
    low, high = day_number(first), day_number(last)
    R = m.Rollup
    layers: dict[str, list[int]] = {}
    paying, new_paying, bands = [0] * days, [0] * days, {}
    totals: dict[str, int] = {}
    for scope, metric, day, value in session.execute(select(
            R.scope, R.metric, R.day, R.value).where(
            R.day.between(low, high), or_(
                R.scope.like("layer:%") & (R.metric == "members"),
                (R.scope == "paying") & R.metric.in_(("members", "joins")),
                R.scope.like("spend:%") & (R.metric == "members") & (R.day == high),
                R.scope.like("category:%") & (R.metric == "sanctions")))):
        kind, _, key = scope.partition(":")
        if kind == "layer":
            layers.setdefault(key, [0] * days)[day - low] = value
        elif kind == "paying":
            (paying if metric == "members" else new_paying)[day - low] = value
        elif kind == "spend":
            bands[key] = value
        else:
            totals[key] = totals.get(key, 0) + value
    titles = dict((code, (zh, en)) for code, zh, en in session.execute(
        select(m.Rule.code, m.Rule.title_zh, m.Rule.title_en).where(
            m.Rule.code.in_(list(totals)))))
    categories = sorted(((code, *titles.get(code, (code, code)), n)
                         for code, n in totals.items() if n), key=lambda c: -c[3])
    return Mix(layers, paying, new_paying, bands, categories,
               cohorts.load(session, first, last))


@dataclass(frozen=True)
class Numbers:
    """What the charts draw: one scope's days, the community's mix, the scope's targets."""

    trends: Trends
    mix: Mix
    targets: list  # targets.TargetProgress of the scope
    scope: str = ALL
    members: MemberFilter = field(default_factory=MemberFilter)  # the scope's, for the roster


def scopes(session: Session) -> list[tuple[str, str]]:
    """(scope, group name, layer or segment name) beside the whole community, as a selector
    offers them."""
    groups = session.execute(select(m.Group.id, m.Group.name).where(
        m.Group.deleted_at.is_(None)).order_by(m.Group.name)).all()
    layers = session.scalars(select(m.Rollup.scope).where(m.Rollup.scope.like("layer:%"))
                             .distinct().order_by(m.Rollup.scope))
    segments = session.execute(select(m.Segment.id, m.Segment.name).where(
        m.Segment.deleted_at.is_(None)).order_by(m.Segment.name)).all()
    return [*((f"group:{gid}", name) for gid, name in groups),
            *((scope, scope.split(":", 1)[1]) for scope in layers),
            *((f"segment:{sid}", name) for sid, name in segments)]


def scope_filter(session: Session, scope: str) -> MemberFilter:
    """The roster filter of a scope's members: a group, a layer or a saved segment."""
    kind, _, key = scope.partition(":")
    if kind == "group":
        return MemberFilter(groups=(key,))
    if kind == "layer":
        return MemberFilter(layers=(key,))
    if kind == "segment":
        segment = session.get(m.Segment, key)
        if segment is not None:
            try:
                return MemberFilter.from_json(segment.filter_json)
            except FilterError:
                pass
    return MemberFilter()
