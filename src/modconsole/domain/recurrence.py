"""Occurrences of an activity or a recurring slot, in the activity's own time zone.

Rules are RFC 5545 RRULEs expanded by python-dateutil from a start that
carries its zone, so arithmetic happens on wall-clock time: "every evening
20:00" stays at 20:00 local across a DST change while its UTC instant moves,
as calendar apps do. A local time that a DST jump skips lands an hour later.

An occurrence is known by its original start in UTC (iCalendar's
RECURRENCE-ID); skipping or moving one occurrence stores that key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrulestr

ALLOWED_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")


class RecurrenceError(ValueError):
    """A rule, zone or exception that cannot be used; the message says which."""


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise RecurrenceError(f"'{name}' is not a time zone; use a name such as "
                              "Asia/Shanghai or Europe/Berlin") from None


def _parse(rule: str, start: datetime):
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if "DTSTART" in text.upper():
        raise RecurrenceError("give the rule without DTSTART; the activity's start is used")
    try:
        parsed = rrulestr(text, dtstart=start)
    except (ValueError, TypeError) as exc:
        raise RecurrenceError(f"'{rule}' is not an RFC 5545 rule: {exc}") from None
    parts = dict(p.partition("=")[::2] for p in text.upper().split(";"))
    if parts.get("FREQ") not in ALLOWED_FREQUENCIES:
        raise RecurrenceError("a slot repeats daily, weekly, monthly or yearly (FREQ=…)")
    return parsed


def normalise_rule(rule: str | None, start: datetime) -> str | None:
    """The rule as stored: checked, without an RRULE: prefix; None for a one-off."""
    if not rule or not rule.strip():
        return None
    _parse(rule, start)
    text = rule.strip()
    return text[6:] if text.upper().startswith("RRULE:") else text


@dataclass(frozen=True)
class Exceptions:
    """Occurrences skipped or moved, keyed by their original start in UTC."""

    skipped: frozenset[datetime] = frozenset()
    moved: dict[datetime, tuple[datetime, datetime]] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({"skip": sorted(k.isoformat() for k in self.skipped),
                           "move": {k.isoformat(): [s.isoformat(), e.isoformat()]
                                    for k, (s, e) in sorted(self.moved.items())}})

    @classmethod
    def from_json(cls, text: str | None) -> Exceptions:
        data = json.loads(text or "{}")
        if isinstance(data, list):  # the empty list of the first schema
            data = {}
        return cls(frozenset(_utc(k) for k in data.get("skip", [])),
                   {_utc(k): (_utc(s), _utc(e)) for k, (s, e) in data.get("move", {}).items()})

    def skip(self, key: datetime) -> Exceptions:
        moved = {k: v for k, v in self.moved.items() if k != key}
        return Exceptions(self.skipped | {key}, moved)

    def move(self, key: datetime, start: datetime, end: datetime) -> Exceptions:
        return Exceptions(self.skipped - {key}, {**self.moved, key: (start, end)})


def _utc(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass(frozen=True)
class Occurrence:
    key: datetime  # original start, UTC
    start: datetime  # UTC, after any move
    end: datetime
    moved: bool = False


def occurrences(start: datetime, end: datetime, tz: str, rule: str | None,
                exceptions: Exceptions, window_start: datetime, window_end: datetime,
                limit: int = 10_000) -> list[Occurrence]:
    """Occurrences overlapping [window_start, window_end), earliest first.

    `start` and `end` are the first occurrence's UTC instants; the duration
    of every occurrence is theirs.
    """
    duration = end - start
    if not rule:
        keys = [start] if start < window_end and end > window_start else []
    else:
        local = start.astimezone(zone(tz))
        expanded = _parse(rule, local).between(
            (window_start - duration).astimezone(zone(tz)), window_end.astimezone(zone(tz)),
            inc=True)
        keys = [k.astimezone(UTC) for k in expanded[:limit]]
    out = [Occurrence(k, k, k + duration) for k in keys if k not in exceptions.skipped]
    out = [o for o in out if o.key not in exceptions.moved]
    for key, (new_start, new_end) in exceptions.moved.items():
        if new_start < window_end and new_end > window_start and key not in exceptions.skipped:
            out.append(Occurrence(key, new_start, new_end, moved=True))
    out = [o for o in out if o.end > window_start and o.start < window_end]
    return sorted(out, key=lambda o: (o.start, o.key))


def is_occurrence(start: datetime, tz: str, rule: str | None, key: datetime) -> bool:
    """Whether `key` is one of the rule's original starts (before exceptions)."""
    if not rule:
        return key == start
    local = start.astimezone(zone(tz))
    found = _parse(rule, local).between(key.astimezone(zone(tz)) - timedelta(seconds=1),
                                        key.astimezone(zone(tz)) + timedelta(seconds=1),
                                        inc=True)
    return any(f.astimezone(UTC) == key for f in found)
