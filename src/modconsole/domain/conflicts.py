"""Clashes in a plan: a group with two activities at once, a double-booked host, an empty day.

Works on occurrences already expanded for a window, so one-off activities
and recurring slots are checked alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo


@dataclass(frozen=True)
class Slot:
    activity_id: str
    title: str
    start: datetime
    end: datetime
    groups: frozenset[str]
    host_id: str | None
    key: datetime  # the occurrence's original start


@dataclass(frozen=True)
class Conflict:
    kind: str  # "group", "host" or "empty_day"
    subject: str  # the group or host id
    first: Slot | None = None
    second: Slot | None = None
    day: date | None = None


def overlaps(slots: Iterable[Slot]) -> list[Conflict]:
    """Pairs of occurrences that overlap in time and share a group or the host."""
    found: list[Conflict] = []
    running: list[Slot] = []
    for slot in sorted(slots, key=lambda s: (s.start, s.end, s.activity_id)):
        running = [r for r in running if r.end > slot.start]
        for other in running:
            for group in sorted(other.groups & slot.groups):
                found.append(Conflict("group", group, other, slot))
            if slot.host_id and other.host_id == slot.host_id:
                found.append(Conflict("host", slot.host_id, other, slot))
        running.append(slot)
    return found


def empty_days(slots: Iterable[Slot], required: dict[str, set[int]], first: date, last: date,
               local: tzinfo) -> list[Conflict]:
    """Days in [first, last] a group must have an activity on (weekday 0 = Monday) but has none."""
    busy: set[tuple[str, date]] = set()
    for slot in slots:
        day = slot.start.astimezone(local).date()
        for group in slot.groups:
            busy.add((group, day))
    out = []
    day = first
    while day <= last:
        for group, weekdays in sorted(required.items()):
            if day.weekday() in weekdays and (group, day) not in busy:
                out.append(Conflict("empty_day", group, day=day))
        day += timedelta(days=1)
    return out
