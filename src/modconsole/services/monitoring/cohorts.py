"""Retention by join week (留存): of the members who joined in a week, how many wrote in
the chat in each of the weeks after.

Week 0 is the join week itself; a week that has not begun has no number. The cells live
in the rollups table under the scope "cohort": metric "size" or "week_<k>", day the
cohort's Monday as a day number. A member who left later stays in their cohort's size:
leaving is what retention measures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from modconsole.services.chat.messages import EPOCH_DAY, LocalDays
from modconsole.store import models as m

SCOPE = "cohort"
WEEKS = 12  # weeks after the join week that are counted
_JOINED = "CAST(strftime('%s', coalesce(joined_at, created_at)) AS INTEGER)"


def monday(day: int) -> int:
    """The Monday on or before a day number (day 0, 1970-01-01, was a Thursday)."""
    return day - (day + 3) % 7


@dataclass(frozen=True)
class CohortRows:
    low: int  # cohorts from this Monday on are in `rows`, and replace the stored ones
    rows: list[tuple[str, str, int, int]]


def compute(session: Session, days: LocalDays, first_day: int, last_day: int) -> CohortRows:
    """The cohorts whose weeks reach into [first_day, last_day], as rollup rows."""
    low = monday(first_day - 7 * WEEKS)
    low_seconds = (low - 2) * 86_400  # a margin for any zone's offset
    high_seconds = (last_day + 2) * 86_400
    joined_day = days.sql(_JOINED, low_seconds, high_seconds)
    cohort = (f"SELECT rowid AS member, {joined_day} - ({joined_day} + 3) % 7 AS week "
              f"FROM members WHERE deleted_at IS NULL AND {_JOINED} >= :low_seconds "
              f"AND {_JOINED} < :high_seconds")
    params = {"low_seconds": low_seconds, "high_seconds": high_seconds, "low": low,
              "last": last_day}
    sizes = dict(session.execute(text(
        f"SELECT week, count(*) FROM ({cohort}) WHERE week BETWEEN :low AND :last "
        "GROUP BY week"), params).all())
    active = {(week, k): n for week, k, n in session.execute(text(
        f"SELECT c.week, (md.day - c.week) / 7 AS k, count(DISTINCT md.member) "
        f"FROM ({cohort}) c JOIN member_days md ON md.member = c.member "
        f"AND md.day >= c.week AND md.day < c.week + {7 * (WEEKS + 1)} AND md.day <= :last "
        "WHERE c.week BETWEEN :low AND :last GROUP BY c.week, k"), params)}
    rows = []
    for week, size in sorted(sizes.items()):
        rows.append((SCOPE, "size", week, size))
        rows += [(SCOPE, f"week_{k}", week, active.get((week, k), 0))
                 for k in range(WEEKS + 1) if week + 7 * k <= last_day]
    return CohortRows(low, rows)


def write(session: Session, cohorts: CohortRows) -> None:
    R = m.Rollup
    session.execute(delete(R).where(R.scope == SCOPE, R.day >= cohorts.low))
    if cohorts.rows:
        session.execute(insert(R), [{"scope": s, "metric": mt, "day": d, "value": v}
                                    for s, mt, d, v in cohorts.rows])


@dataclass(frozen=True)
class Cohort:
    week: date  # its Monday
    size: int
    active: list[int | None]  # members active in week 0…WEEKS; None: not begun yet

    def shares(self) -> list[float | None]:
        """Per cent of the cohort active in each week."""
        return [None if n is None else (100 * n / self.size if self.size else 0.0)
                for n in self.active]


def load(session: Session, first: date, last: date) -> list[Cohort]:
    """The cohorts that joined from the week of `first` to the week of `last`, oldest first."""
    R = m.Rollup
    low, high = (monday(d.toordinal() - EPOCH_DAY) for d in (first, last))
    cells: dict[int, dict[str, int]] = {}
    for metric, day, value in session.execute(select(R.metric, R.day, R.value).where(
            R.scope == SCOPE, R.day.between(low, high))):
        cells.setdefault(day, {})[metric] = value
    return [Cohort(date.fromordinal(week + EPOCH_DAY), found.get("size", 0),
                   [found.get(f"week_{k}") for k in range(WEEKS + 1)])
            for week, found in sorted(cells.items())]
