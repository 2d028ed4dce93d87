"""Per-moderator numbers: cases decided, median time to decision, overturned on appeal.

A lead reviews these weekly (周复盘): who carries the queue, who is slow, whose
decisions do not hold. Time to decision runs from a case's first report to
its decision; an overturned decision counts against the moderator who made
it, in the week it was made. Weeks start on Monday, in the console's time
zone.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from modconsole.domain.enums import AppealOutcome
from modconsole.store import models as m


@dataclass(frozen=True)
class ModeratorWeek:
    moderator: str  # the staff member's name
    week: date  # its Monday
    decided: int
    median_minutes: float | None  # first report to decision
    overturned: int  # of this week's decisions, overturned on appeal since


def _monday(moment: datetime) -> date:
    day = moment.astimezone().date()
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Numbers:
    weeks: list[ModeratorWeek]  # newest week first, then by name
    totals: list[ModeratorWeek]  # one per moderator over the period (`week`: its first),
                                 # most decisions first


def _row(name: str, week: date, minutes: list[float], overturned: int) -> ModeratorWeek:
    return ModeratorWeek(name, week, len(minutes), statistics.median(minutes), overturned)


def numbers(session: Session, since: datetime) -> Numbers:
    """Every moderator's decisions since `since`, by week and in total. Appeal cases count
    as decisions of whoever answered them."""
    staff = aliased(m.Staff)
    decided = session.execute(
        select(m.Case.id, staff.name, m.Case.first_reported_at, m.Case.decided_at)
        .join(staff, staff.id == m.Case.decided_by)
        .where(m.Case.decided_at >= since, m.Case.deleted_at.is_(None))).all()
    overturned = set(session.scalars(
        select(m.Appeal.original_case_id).where(m.Appeal.outcome == AppealOutcome.OVERTURNED,
                                                m.Appeal.deleted_at.is_(None))))
    weeks: dict[tuple[str, date], list] = {}
    people: dict[str, list] = {}
    for case_id, name, reported, decided_at in decided:
        minutes = (decided_at - reported).total_seconds() / 60
        week = _monday(decided_at)
        for entry in (weeks.setdefault((name, week), [[], 0, week]),
                      people.setdefault(name, [[], 0, week])):
            entry[0].append(minutes)
            entry[1] += case_id in overturned
            entry[2] = min(entry[2], week)
    return Numbers(
        sorted((_row(name, week, minutes, over)
                for (name, week), (minutes, over, _w) in weeks.items()),
               key=lambda w: (-w.week.toordinal(), w.moderator)),
        sorted((_row(name, first, minutes, over)
                for name, (minutes, over, first) in people.items()),
               key=lambda w: (-w.decided, w.moderator)))
