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
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrulestr

from modconsole.domain.messages import N_, Message
from modconsole.domain.text import quoted

ALLOWED_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
# Rules are checked on the way in and again when read back, so a rule written
# by an older version or another tool can never make a view spin.
MIN_YEAR, MAX_YEAR = 1900, 2200
MAX_INTERVAL = 1000
MAX_COUNT = 10_000
MAX_RULE_CHARS = 500
# A rule is impossible if it produces nothing in the Gregorian calendar's full
# 400-year cycle (30 February, a Tuesday every seventh day from a Monday).
_CYCLE_YEARS = 400
_PROBE_SHIFT_YEARS = 19 * _CYCLE_YEARS  # lands 1900-2200 in 9500-9800, below MAXYEAR
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_RULE_PARTS = ("BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY")


class RecurrenceError(ValueError):
    """A rule, zone or exception that cannot be used; the message says which."""


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise RecurrenceError(N_("recurrence", "'{name}' is not a time zone; "
                                               "use a name such as "
                                               "Asia/Shanghai or Europe/Berlin").format(
                                  name=quoted(name))) from None


@dataclass(frozen=True)
class Rule:
    """A checked rule: its text, its parts, and its start in the activity's zone."""

    text: str
    parts: dict[str, str]
    start: datetime  # local, aware

    @property
    def freq(self) -> str:
        return self.parts["FREQ"]

    @property
    def interval(self) -> int:
        return int(self.parts.get("INTERVAL", "1"))


def _split(text: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for item in text.upper().split(";"):
        key, sep, value = item.partition("=")
        if not sep or not key or not value:
            raise RecurrenceError(N_("recurrence", "'{text}' is not an RFC 5545 rule: "
                                                   "'{item}' is not NAME=VALUE").format(
                                      text=quoted(text), item=quoted(item, 30)))
        if key in parts:
            raise RecurrenceError(N_("recurrence", "'{text}' gives {key} twice").format(
                                      text=quoted(text), key=key))
        parts[key] = value
    return parts


def _whole(parts: dict[str, str], key: str, low: int, high: int, hint: Message) -> None:
    if key not in parts:
        return
    value = parts[key]
    if not value.isdigit() or not low <= int(value) <= high:
        raise RecurrenceError(N_("recurrence", "{key} must be a whole number from {low} "
                                               "to {high:,} ({hint}); the rule says "
                                               "{key}={value}").format(
                                  key=key, low=low, high=high, hint=hint, value=quoted(value, 20)))


def check_year(moment: datetime, what: Message) -> None:
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise RecurrenceError(N_("recurrence", "{what} is in the year {year}; the "
                                               "planner takes years {MIN_YEAR} to "
                                               "{MAX_YEAR}").format(
                                  what=what, year=moment.year, MIN_YEAR=MIN_YEAR,
                                  MAX_YEAR=MAX_YEAR))


def _parse(rule: str, start: datetime) -> Rule:
    checked = _checked(rule, start)
    if isinstance(checked, RecurrenceError):
        raise checked
    return checked


@lru_cache(maxsize=4096)
def _checked(rule: str, start: datetime) -> Rule | RecurrenceError:
    """The checked rule, or the error, remembered: a stored bad rule is probed once."""
    try:
        return _check(rule, start)
    except RecurrenceError as exc:
        return exc


def _check(rule: str, start: datetime) -> Rule:
    text = rule.strip()
    if len(text) > MAX_RULE_CHARS:
        raise RecurrenceError(N_("recurrence", "the rule is {n_text:,} characters; a "
                                               "rule is at most {MAX_RULE_CHARS}").format(
                                  n_text=len(text), MAX_RULE_CHARS=MAX_RULE_CHARS))
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if "DTSTART" in text.upper():
        raise RecurrenceError(N_("recurrence", "give the rule without DTSTART; the activity's "
                                               "start is used"))
    parts = _split(text)
    if parts.get("FREQ") not in ALLOWED_FREQUENCIES:
        raise RecurrenceError(N_("recurrence", "a slot repeats daily, weekly, monthly or yearly "
                                               "(FREQ=…)"))
    _whole(parts, "INTERVAL", 1, MAX_INTERVAL,
           N_("recurrence", "1 is every time, 2 every other time"))
    _whole(parts, "COUNT", 1, MAX_COUNT, N_("recurrence", "how many times it happens"))
    if "COUNT" in parts and "UNTIL" in parts:
        raise RecurrenceError(N_("recurrence", "give COUNT or UNTIL, not both"))
    check_year(start, N_("recurrence", "the start"))
    until = parts.get("UNTIL", "")
    if until and not (until[:4].isdigit() and MIN_YEAR <= int(until[:4]) <= MAX_YEAR):
        raise RecurrenceError(N_("recurrence", "UNTIL={until} is not a date in the years "
                                               "{MIN_YEAR} to {MAX_YEAR}").format(
                                  until=quoted(until, 20), MIN_YEAR=MIN_YEAR, MAX_YEAR=MAX_YEAR))
    try:
        rrulestr(text, dtstart=start)
    except (ValueError, TypeError, OverflowError) as exc:
        raise RecurrenceError(N_("recurrence", "'{rule}' is not an RFC 5545 "
                                               "rule: {exc}").format(
                                  rule=quoted(rule), exc=exc)) from None
    checked = Rule(text, parts, start)
    if _first_in_cycle(checked) is None:
        raise RecurrenceError(N_("recurrence", "'{rule}' never falls on a date (for "
                                               "example 30 February, or a weekday the "
                                               "interval never reaches)").format(rule=quoted(rule)))
    return checked


def _first_in_cycle(rule: Rule) -> datetime | None:
    """The first occurrence within 400 years of the start, found in bounded time.

    dateutil searches an impossible rule up to the year 9999 (seconds for a
    daily one). The calendar repeats every 400 years, so the same search from
    the start moved 7,600 years on meets year 9999 after at most 500 years.
    """
    text = ";".join(f"{k}={v}" for k, v in rule.parts.items() if k not in ("COUNT", "UNTIL"))
    local = rule.start.replace(tzinfo=None)
    moved = local.replace(year=local.year + _PROBE_SHIFT_YEARS)
    return rrulestr(text, dtstart=moved).after(moved, inc=True)


def normalise_rule(rule: str | None, start: datetime) -> str | None:
    """The rule as stored: checked, without an RRULE: prefix; None for a one-off."""
    if not rule or not rule.strip():
        return None
    return _parse(rule, start).text


def _period_start(rule: Rule, moment: datetime) -> date:
    """The first day of the rule's period (day, week, month, year) holding `moment`."""
    day = moment.date()
    if rule.freq == "DAILY":
        return day
    if rule.freq == "WEEKLY":
        week_start = _WEEKDAYS.index(rule.parts.get("WKST", "MO"))
        return day - timedelta(days=(day.weekday() - week_start) % 7)
    if rule.freq == "MONTHLY":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _periods_between(rule: Rule, first: date, last: date) -> int:
    if rule.freq == "DAILY":
        return (last - first).days
    if rule.freq == "WEEKLY":
        return (last - first).days // 7
    if rule.freq == "MONTHLY":
        return (last.year - first.year) * 12 + last.month - first.month
    return last.year - first.year


def _add_periods(rule: Rule, first: date, n: int) -> date:
    if rule.freq == "DAILY":
        return first + timedelta(days=n)
    if rule.freq == "WEEKLY":
        return first + timedelta(weeks=n)
    if rule.freq == "MONTHLY":
        months = first.month - 1 + n
        return first.replace(year=first.year + months // 12, month=months % 12 + 1)
    return first.replace(year=first.year + n)


def _expand(rule: Rule, after: datetime, before: datetime) -> list[datetime]:
    """The rule's starts in [after, before] (local), reading only the periods near them.

    Without COUNT, the series restarts at the last period on the rule's
    interval before `after`, with the defaults dateutil takes from the start
    (day, weekday, time of day) written out, so the cost is the window's and
    not the rule's history. A COUNT rule is read from its start; COUNT is
    capped, which bounds it.
    """
    if "COUNT" not in rule.parts and after > rule.start:
        first = _period_start(rule, rule.start)
        periods = _periods_between(rule, first, _period_start(rule, after))
        skip = periods - periods % rule.interval
        if skip > 0:
            restart = datetime.combine(_add_periods(rule, first, skip), time(),
                                       rule.start.tzinfo)
            series = rrulestr(rule.text, dtstart=rule.start).replace(
                dtstart=restart, **_start_defaults(rule))
            return list(series.between(after, before, inc=True))
    return list(rrulestr(rule.text, dtstart=rule.start).between(after, before, inc=True))


def _start_defaults(rule: Rule) -> dict:
    """What dateutil would fill in from the start when the rule leaves it out."""
    start, parts = rule.start, rule.parts
    out = {f"by{unit}": getattr(start, unit) for unit in ("hour", "minute", "second")
           if f"BY{unit.upper()}" not in parts}
    if not any(k in parts for k in _DAY_RULE_PARTS):
        if rule.freq == "YEARLY":
            out["bymonthday"] = start.day
            if "BYMONTH" not in parts:
                out["bymonth"] = start.month
        elif rule.freq == "MONTHLY":
            out["bymonthday"] = start.day
        elif rule.freq == "WEEKLY":
            out["byweekday"] = start.weekday()
    return out


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
        expanded = _expand(_parse(rule, local), (window_start - duration).astimezone(zone(tz)),
                           window_end.astimezone(zone(tz)))
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
    found = _expand(_parse(rule, local), key.astimezone(zone(tz)) - timedelta(seconds=1),
                    key.astimezone(zone(tz)) + timedelta(seconds=1))
    return any(f.astimezone(UTC) == key for f in found)
