"""The plan in and out of files: iCalendar (.ics) both ways, and CSV/XLSX out.

An activity becomes one VEVENT in its own zone (TZID plus VTIMEZONE), its
rule as RRULE, skipped occurrences as EXDATE and moved ones as extra
VEVENTs with RECURRENCE-ID, so calendar apps expand it as the planner does.
UID is the activity id, so importing an exported file updates rather than
duplicates. An import is one transaction: any bad event rejects the file
and names the event and what was wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from icalendar import Calendar, Event, vRecur
from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.domain import recurrence
from modconsole.domain.enums import ActivityStatus, ActivityType
from modconsole.domain.messages import N_, Joined, Message, reason
from modconsole.domain.recurrence import Exceptions, RecurrenceError
from modconsole.domain.text import quoted
from modconsole.services.activities import (
    DEFAULT_ZONE,
    ActivityError,
    ActivityIn,
    Entry,
    create_activity,
    entries,
    update_activity,
)
from modconsole.services.errors import UserError
from modconsole.services.output_files import replacing
from modconsole.services.table_files import TableWriter
from modconsole.store import models as m

UID_DOMAIN = "@modconsole"
PRODID = "-//modconsole//planner//ZH"
ICS_STATUS = {ActivityStatus.CANCELLED: "CANCELLED", ActivityStatus.IDEA: "TENTATIVE",
              ActivityStatus.PLANNED: "TENTATIVE"}
FROM_ICS_STATUS = {"CANCELLED": ActivityStatus.CANCELLED, "TENTATIVE": ActivityStatus.PLANNED,
                   "CONFIRMED": ActivityStatus.ANNOUNCED}
CSV_HEADER = ["id", "title", "type", "start", "end", "timezone", "rrule", "status", "groups",
              "host", "location", "occurrence"]


def _activities(session: Session, start: datetime | None, end: datetime | None):
    A = m.Activity
    query = select(A).where(A.deleted_at.is_(None)).order_by(A.start_at, A.id)
    if start is not None and end is not None:
        query = query.where(A.id.in_({e.activity_id for e in entries(session, start, end)}))
    return list(session.scalars(query))


def _event(a: m.Activity, groups: list[str], host: str | None) -> Event:
    tz = recurrence.zone(a.timezone)
    event = Event()
    event.add("uid", a.id + UID_DOMAIN)
    event.add("summary", a.title)
    event.add("dtstart", a.start_at.astimezone(tz))
    event.add("dtend", a.end_at.astimezone(tz))
    event.add("dtstamp", a.updated_at or a.created_at)
    event.add("status", ICS_STATUS.get(a.status, "CONFIRMED"))
    event.add("categories", [a.type])
    if a.description:
        event.add("description", a.description)
    if a.location:
        event.add("location", a.location)
    if a.online_link:
        event.add("url", a.online_link)
    if groups:
        event.add("x-modconsole-groups", ";".join(groups))
    if host:
        event.add("x-modconsole-host", host)
    if a.rrule:
        event.add("rrule", vRecur.from_ical(a.rrule))
        skipped = Exceptions.from_json(a.exceptions_json).skipped
        if skipped:
            event.add("exdate", sorted(k.astimezone(tz) for k in skipped))
    return event


def _moved_events(a: m.Activity) -> list[Event]:
    tz = recurrence.zone(a.timezone)
    out = []
    for key, (start, end) in sorted(Exceptions.from_json(a.exceptions_json).moved.items()):
        event = Event()
        event.add("uid", a.id + UID_DOMAIN)
        event.add("recurrence-id", key.astimezone(tz))
        event.add("summary", a.title)
        event.add("dtstart", start.astimezone(tz))
        event.add("dtend", end.astimezone(tz))
        event.add("dtstamp", a.updated_at or a.created_at)
        out.append(event)
    return out


def export_ics(session: Session, path: Path, start: datetime | None = None,
               end: datetime | None = None) -> int:
    """Write the activities (with an occurrence in [start, end) if given); returns how many."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "modconsole")
    acts = _activities(session, start, end)
    groups: dict[str, list[str]] = {}
    for aid, name in session.execute(select(m.ActivityGroup.activity_id, m.Group.name).join(
            m.Group, m.Group.id == m.ActivityGroup.group_id)
            .where(m.ActivityGroup.activity_id.in_([a.id for a in acts])).order_by(m.Group.name)):
        groups.setdefault(aid, []).append(name)
    hosts = dict(session.execute(select(m.Staff.id, m.Staff.name)).all())
    for a in acts:
        calendar.add_component(_event(a, groups.get(a.id, []), hosts.get(a.host_id)))
        for moved in _moved_events(a):
            calendar.add_component(moved)
    calendar.add_missing_timezones()
    with replacing(Path(path)) as temporary:
        temporary.write_bytes(calendar.to_ical())
    return len(acts)


def export_table(session: Session, path: Path, start: datetime, end: datetime) -> int:
    """Every occurrence in [start, end) as a row of CSV or XLSX, times in the activity's zone."""
    rows = entries(session, start, end)
    with TableWriter(path, CSV_HEADER) as writer:
        for e in rows:
            writer.write(_table_row(e))
    return len(rows)


def _table_row(e: Entry) -> list:
    tz = recurrence.zone(e.timezone)
    return [e.activity_id, e.title, e.type, e.start.astimezone(tz).isoformat(),
            e.end.astimezone(tz).isoformat(), e.timezone, e.rrule or "", e.status,
            ";".join(name for _, name in e.groups), e.host, e.location,
            e.key.astimezone(tz).isoformat()]


@dataclass
class IcsImport:
    created: int = 0
    updated: int = 0
    moved: int = 0
    errors: list[str] = field(default_factory=list)


MAX_ERRORS_SHOWN = 20


def _aware(value, tz_name: str) -> tuple[datetime, str]:
    """An iCalendar time as an aware datetime and the zone name to keep."""
    if isinstance(value, datetime):
        if value.tzinfo is None:  # floating time: the planner's default zone
            return value.replace(tzinfo=recurrence.zone(tz_name)), tz_name
        key = getattr(value.tzinfo, "key", None) or ("UTC" if value.utcoffset() ==
                                                     timedelta(0) else tz_name)
        return value, key
    if isinstance(value, date):  # an all-day event starts at local midnight
        return datetime.combine(value, time(), recurrence.zone(tz_name)), tz_name
    raise ValueError(N_("activity_files", "has no start time"))


def _time(event, name: str, tz_name: str) -> tuple[datetime, str]:
    """DTSTART, DTEND or RECURRENCE-ID as an aware time; a zone nobody knows is refused.

    icalendar reads a TZID it cannot resolve as a floating time, which would
    silently move the event into the planner's default zone.
    """
    prop = event.get(name)
    if prop is None:
        raise ValueError(N_("activity_files", "has no {prop}").format(prop=name.upper()))
    value = event.decoded(name)
    tzid = prop.params.get("TZID") if hasattr(prop, "params") else None
    if tzid and isinstance(value, datetime) and value.tzinfo is None:
        raise ValueError(N_("activity_files", "{prop} uses the time zone '{tzid}', "
                                              "which neither the file (VTIMEZONE) nor "
                                              "the zone database defines").format(
                             prop=name.upper(), tzid=quoted(str(tzid))))
    return _aware(value, tz_name)


def _label(event) -> Message:
    return N_("activity_files", "event '{summary}' ({uid})").format(
        summary=quoted(str(event.get("summary", "") or "")),
        uid=quoted(str(event.get("uid", "") or "-")))


def _activity_in(event, tz_name: str) -> ActivityIn:
    start, zone_name = _time(event, "dtstart", tz_name)
    if event.get("dtend") is not None:
        end, _ = _time(event, "dtend", zone_name)
    elif event.get("duration") is not None:
        end = start + event.decoded("duration")
    else:
        end = start + (timedelta(days=1) if not isinstance(event.decoded("dtstart"), datetime)
                       else timedelta(hours=1))
    kind = next((str(c) for cats in _list(event.get("categories"))
                 for c in getattr(cats, "cats", [cats]) if str(c) in tuple(ActivityType)),
                ActivityType.CUSTOM)
    rule = event.get("rrule")
    groups = str(event.get("x-modconsole-groups", "") or "")
    return ActivityIn(
        title=str(event.get("summary", "") or ""), type=kind, start=start, end=end,
        timezone=zone_name, rrule=rule.to_ical().decode() if rule else None,
        description=str(event.get("description", "") or ""),
        groups=tuple(g for g in groups.split(";") if g),
        location=str(event.get("location", "") or ""),
        online_link=str(event.get("url")) if event.get("url") else None,
        status=FROM_ICS_STATUS.get(str(event.get("status", "CONFIRMED")).upper(),
                                   ActivityStatus.PLANNED))


def _list(value) -> list:
    return value if isinstance(value, list) else [value] if value is not None else []


def _exdates(event) -> frozenset[datetime]:
    keys = set()
    for entry in _list(event.get("exdate")):
        for d in entry.dts:
            value = d.dt
            if isinstance(value, datetime):
                keys.add((value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC))
    return frozenset(keys)


def import_ics(session: Session, path: Path, tz_name: str = DEFAULT_ZONE) -> IcsImport:
    """Create or update activities from an .ics file in the caller's transaction.

    Raises UserError listing every bad event; the caller's rollback then
    leaves the plan as it was.
    """
    try:
        calendar = Calendar.from_ical(Path(path).read_bytes())
    except OSError as exc:
        raise UserError(N_("activity_files", "Cannot read {path}: {strerror}.").format(
                            path=path, strerror=exc.strerror)) from None
    except ValueError as exc:
        raise UserError(N_("activity_files", "{name} is not an iCalendar file: "
                                             "{exc}.").format(
                            name=Path(path).name, exc=exc)) from None
    report = IcsImport()
    masters, moves = [], []
    for event in calendar.walk("VEVENT"):
        (moves if event.get("recurrence-id") is not None else masters).append(event)
    ids: dict[str, str] = {}
    for event in masters:
        try:
            activity = _activity_in(event, tz_name)
            uid = str(event.get("uid", "") or "")
            own = uid[:-len(UID_DOMAIN)] if uid.endswith(UID_DOMAIN) else None
            if own and session.get(m.Activity, own) is not None:
                update_activity(session, own, activity)
                ids[uid] = own
                report.updated += 1
            else:
                ids[uid] = create_activity(session, activity)
                report.created += 1
            skipped = _exdates(event)
            if skipped:
                row = session.get(m.Activity, ids[uid])
                current = Exceptions.from_json(row.exceptions_json)
                row.exceptions_json = Exceptions(current.skipped | skipped,
                                                 current.moved).to_json()
        except (ActivityError, RecurrenceError, ValueError) as exc:
            report.errors.append(N_("activity_files", "{event}: {problem}").format(
                event=_label(event), problem=reason(exc)))
    for event in moves:
        uid = str(event.get("uid", "") or "")
        try:
            if uid not in ids:
                raise ValueError(N_("activity_files", "moves an occurrence of an event the file "
                                                      "does not contain"))
            start, zone_name = _time(event, "dtstart", tz_name)
            end, _ = _time(event, "dtend", zone_name) if event.get("dtend") is not None \
                else (start + timedelta(hours=1), None)
            key, _ = _time(event, "recurrence-id", zone_name)
            row = session.get(m.Activity, ids[uid])
            row.exceptions_json = Exceptions.from_json(row.exceptions_json).move(
                key.astimezone(UTC), start.astimezone(UTC), end.astimezone(UTC)).to_json()
            report.moved += 1
        except (ValueError, RecurrenceError) as exc:
            report.errors.append(N_("activity_files", "{event}: {problem}").format(
                event=_label(event), problem=reason(exc)))
    if report.errors:
        shown = report.errors[:MAX_ERRORS_SHOWN]
        more = len(report.errors) - len(shown)
        if more:
            shown.append(N_("activity_files", "and {more} more problems").format(more=more))
        raise UserError(N_("activity_files", "{name}: nothing was imported. {problems}.").format(
            name=Path(path).name, problems=Joined(shown)))
    session.flush()
    return report
