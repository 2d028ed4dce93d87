"""Activities and recurring slots: create, edit, move, skip, and read them as occurrences.

Every view (week table, month, list, CLI, .ics) reads `entries`, which
expands recurring slots for the window asked for, so they all agree. Times
are stored in UTC with the activity's zone; rules expand in that zone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from modconsole.domain import recurrence
from modconsole.domain.conflicts import Conflict, Slot, empty_days, overlaps
from modconsole.domain.enums import ActivityStatus, ActivityType
from modconsole.domain.messages import N_, Message, reason
from modconsole.domain.recurrence import Exceptions, RecurrenceError
from modconsole.domain.text import CONTROL_CHARACTERS
from modconsole.services.errors import FieldError, UserError
from modconsole.store import models as m
from modconsole.store.settings import get_setting, set_setting

DEFAULT_ZONE = "Asia/Shanghai"
KEYWORD_MAX = 40  # activities.checkin_keyword
REQUIRED_DAYS_KEY = "planner.required_days"
BUDGET_CATEGORIES = ("people", "content", "promotion", "prizes", "tools")


class ActivityError(FieldError):
    """A form value that cannot be saved; `field` names it so the form can point at it."""


@dataclass(frozen=True)
class ActivityIn:
    """An activity as a form or the CLI gives it; groups, host and segment by id or name."""

    title: str
    type: str
    start: datetime  # aware
    end: datetime
    timezone: str = DEFAULT_ZONE
    rrule: str | None = None
    description: str = ""
    groups: tuple[str, ...] = ()
    segment: str | None = None
    location: str = ""
    online_link: str | None = None
    host: str | None = None
    helpers: tuple[str, ...] = ()
    capacity: int | None = None
    waitlist: bool = True
    reward_points: int = 0
    reward_badge: str | None = None
    goal: str = ""
    status: str = ActivityStatus.PLANNED
    checkin_keyword: str = ""  # a chat message holding it inside a session checks in (打卡)


@dataclass(frozen=True)
class Entry:
    """One occurrence as the views show it."""

    activity_id: str
    key: datetime  # the occurrence's original start (UTC)
    start: datetime
    end: datetime
    title: str
    type: str
    status: str
    timezone: str
    rrule: str | None
    groups: tuple[tuple[str, str], ...]  # (id, name)
    host_id: str | None
    host: str
    location: str
    capacity: int | None
    reward_points: int
    moved: bool = False
    problem: str = ""  # why a stored activity cannot be expanded (see unreadable())

    @property
    def recurring(self) -> bool:
        return bool(self.rrule)

    def status_at(self, now: datetime) -> str:
        """What this occurrence shows: a series' "running" or "announced" is not true of a
        session that has ended (done) or not begun (planned)."""
        return occurrence_status(self.status, self.start, self.end, now)

    def as_json(self) -> dict:
        return {"id": self.activity_id, "title": self.title, "type": self.type,
                "start": self.start.isoformat(), "end": self.end.isoformat(),
                "occurrence": self.key.isoformat(), "timezone": self.timezone,
                "rrule": self.rrule, "status": self.status,
                "groups": [name for _, name in self.groups], "host": self.host or None,
                "location": self.location}


def occurrence_status(status: str, start: datetime, end: datetime, now: datetime) -> str:
    """An activity's status as one of its sessions shows it (see Entry.status_at)."""
    if status not in (ActivityStatus.PLANNED, ActivityStatus.ANNOUNCED, ActivityStatus.RUNNING):
        return status
    if end <= now:
        return ActivityStatus.DONE
    if start <= now:
        return ActivityStatus.RUNNING
    return ActivityStatus.PLANNED if status == ActivityStatus.RUNNING else status


STAFF_MEMBER = N_("activities", "staff member")


def _resolve(session: Session, model, key: str, what: Message, field_name: str,
             name_column) -> str:
    found = session.scalar(select(model.id).where(or_(model.id == key, name_column == key.strip()),
                                                  model.deleted_at.is_(None)))
    if found is None:
        raise ActivityError(field_name, N_("activities", "No {what} is called '{key}'.").format(
                                            what=what, key=key))
    return found


def _check(session: Session, a: ActivityIn) -> dict:
    """The columns for an activity, or an ActivityError naming the first bad field."""
    title = (a.title or "").strip()
    if not title:
        raise ActivityError("title", N_("activities", "Give the activity a title."))
    if len(title) > 200:
        raise ActivityError("title", N_("activities", "A title can be at most 200 characters."))
    if a.type not in tuple(ActivityType):
        raise ActivityError("type", N_("activities", "'{type}' is not an activity type; "
                                                     "use one of {value}.").format(
                                        type=a.type, value=', '.join(ActivityType)))
    if a.status not in tuple(ActivityStatus):
        raise ActivityError("status", N_("activities", "'{status}' is not a status; use "
                                                       "one of {value}.").format(
                                          status=a.status, value=', '.join(ActivityStatus)))
    if a.start.tzinfo is None or a.end.tzinfo is None:
        raise ActivityError("start", N_("activities", "Start and end need a time zone."))
    if a.end <= a.start:
        raise ActivityError("end", N_("activities", "The end must be after the start."))
    if a.end - a.start > timedelta(days=31):
        raise ActivityError("end", N_("activities", "An activity can last at most 31 days; use a "
                                                    "recurring slot for a longer series."))
    try:
        recurrence.check_year(a.start, N_("activities", "The start"))
    except RecurrenceError as exc:
        raise ActivityError("start", N_("activities", "{exc}.").format(exc=exc)) from None
    try:
        recurrence.zone(a.timezone)
        rule = recurrence.normalise_rule(a.rrule, a.start.astimezone(recurrence.zone(a.timezone)))
    except RecurrenceError as exc:
        raise ActivityError("rrule" if a.rrule else "timezone", N_("activities", "{exc}.").format(
                                                                    exc=exc)) from None
    if a.capacity is not None and a.capacity < 1:
        raise ActivityError("capacity", N_("activities", "Capacity must be at least 1, or empty "
                                                         "for no limit."))
    if a.reward_points < 0:
        raise ActivityError("reward_points", N_("activities", "Reward points cannot be negative."))
    keyword = (a.checkin_keyword or "").strip()
    if len(keyword) > KEYWORD_MAX or CONTROL_CHARACTERS.search(keyword):
        raise ActivityError("checkin_keyword", N_("activities", "The check-in word is at most "
                                                                "{n} characters of plain "
                                                                "text.").format(n=KEYWORD_MAX))
    host = _resolve(session, m.Staff, a.host, STAFF_MEMBER, "host", m.Staff.name) \
        if a.host else None
    helpers = [_resolve(session, m.Staff, h, STAFF_MEMBER, "helpers", m.Staff.name)
               for h in a.helpers]
    segment = _resolve(session, m.Segment, a.segment, N_("activities", "segment"), "segment",
                       m.Segment.name) \
        if a.segment else None
    return dict(title=title, type=a.type, status=a.status, description=a.description or "",
                start_at=a.start, end_at=a.end, timezone=a.timezone, rrule=rule,
                location=(a.location or "").strip(), online_link=a.online_link or None,
                host_id=host, helpers_json=json.dumps(helpers), segment_id=segment,
                capacity=a.capacity, waitlist=a.waitlist, reward_points=a.reward_points,
                reward_badge=a.reward_badge or None, goal=a.goal or "",
                checkin_keyword=keyword)


def _set_groups(session: Session, activity_id: str, keys: tuple[str, ...]) -> None:
    wanted = {_resolve(session, m.Group, k, N_("activities", "group"), "groups", m.Group.name)
              for k in keys}
    held = {link.group_id: link for link in session.scalars(
        select(m.ActivityGroup).where(m.ActivityGroup.activity_id == activity_id))}
    for group_id in wanted - held.keys():
        session.add(m.ActivityGroup(activity_id=activity_id, group_id=group_id))
    for group_id in held.keys() - wanted:
        session.delete(held[group_id])


def live_activity(session: Session, activity_id: str) -> m.Activity:
    activity = session.get(m.Activity, activity_id)
    if activity is None or activity.deleted_at is not None:
        raise UserError(N_("activities", "That activity no longer exists; reload the planner."))
    return activity


def create_activity(session: Session, a: ActivityIn) -> str:
    activity = m.Activity(**_check(session, a), exceptions_json=Exceptions().to_json())
    session.add(activity)
    session.flush()
    _set_groups(session, activity.id, a.groups)
    session.flush()
    return activity.id


def update_activity(session: Session, activity_id: str, a: ActivityIn) -> None:
    """Replace an activity's fields; a changed rule keeps only exceptions that still apply."""
    activity = live_activity(session, activity_id)
    values = _check(session, a)
    for key, value in values.items():
        setattr(activity, key, value)
    exceptions = Exceptions.from_json(activity.exceptions_json)
    keep = Exceptions(
        frozenset(k for k in exceptions.skipped
                  if recurrence.is_occurrence(a.start, a.timezone, values["rrule"], k)),
        {k: v for k, v in exceptions.moved.items()
         if recurrence.is_occurrence(a.start, a.timezone, values["rrule"], k)})
    activity.exceptions_json = keep.to_json()
    _set_groups(session, activity_id, a.groups)
    session.flush()


def activity_in(session: Session, activity_id: str) -> ActivityIn:
    """An activity as its edit form starts."""
    a = live_activity(session, activity_id)
    groups = tuple(session.scalars(select(m.ActivityGroup.group_id).where(
        m.ActivityGroup.activity_id == activity_id)))
    segment = session.get(m.Segment, a.segment_id).name if a.segment_id else None
    return ActivityIn(a.title, a.type, a.start_at, a.end_at, a.timezone, a.rrule,
                      a.description, groups, segment, a.location, a.online_link, a.host_id,
                      tuple(json.loads(a.helpers_json or "[]")), a.capacity, a.waitlist,
                      a.reward_points, a.reward_badge, a.goal, a.status, a.checkin_keyword)


def set_status(session: Session, activity_id: str, status: str) -> None:
    if status not in tuple(ActivityStatus):
        raise UserError(N_("activities", "'{status}' is not a status; use one of {value}.").format(
                            status=status, value=', '.join(ActivityStatus)))
    live_activity(session, activity_id).status = status
    session.flush()


def delete_activity(session: Session, activity_id: str, now: datetime | None = None) -> str:
    """Tombstone the activity (the whole slot), so `restore_activity` can undo it."""
    activity = live_activity(session, activity_id)
    activity.deleted_at = now or m.utcnow()
    session.flush()
    return activity.title


def restore_activity(session: Session, activity_id: str) -> None:
    activity = session.get(m.Activity, activity_id)
    if activity is None:
        raise UserError(N_("activities", "That activity is gone for good; it cannot be restored."))
    activity.deleted_at = None
    session.flush()


def move(session: Session, activity_id: str, key: datetime, start: datetime, end: datetime,
         whole_series: bool = False) -> None:
    """Move (or resize) one occurrence, or with `whole_series` the slot itself."""
    activity = live_activity(session, activity_id)
    if end <= start:
        raise UserError(N_("activities", "The end must be after the start."))
    if not activity.rrule or whole_series:
        shift = start - key
        activity.start_at = activity.start_at + shift
        activity.end_at = activity.start_at + (end - start)
        if activity.rrule:
            exceptions = Exceptions.from_json(activity.exceptions_json)
            activity.exceptions_json = Exceptions(
                frozenset(k + shift for k in exceptions.skipped),
                {k + shift: v for k, v in exceptions.moved.items()}).to_json()
    else:
        if not recurrence.is_occurrence(activity.start_at, activity.timezone, activity.rrule,
                                        key):
            raise UserError(N_("activities", "That occurrence is not part of the slot any more; "
                                             "reload."))
        activity.exceptions_json = Exceptions.from_json(activity.exceptions_json).move(
            key, start, end).to_json()
    session.flush()


def skip(session: Session, activity_id: str, key: datetime) -> None:
    """Leave out one occurrence of a recurring slot (a one-off is cancelled instead)."""
    activity = live_activity(session, activity_id)
    if not activity.rrule:
        activity.status = ActivityStatus.CANCELLED
    else:
        activity.exceptions_json = Exceptions.from_json(activity.exceptions_json).skip(
            key).to_json()
    session.flush()


def _live_activities(session: Session, *where):
    A = m.Activity
    rows = session.execute(select(A, m.Staff.name).outerjoin(m.Staff, m.Staff.id == A.host_id)
                           .where(A.deleted_at.is_(None), *where)).all()
    return rows, _groups_of(session, [a.id for a, _ in rows])


def _entry(a: m.Activity, host: str | None, groups: dict, o: recurrence.Occurrence,
           problem: str = "") -> Entry:
    return Entry(a.id, o.key, o.start, o.end, a.title, a.type, a.status, a.timezone, a.rrule,
                 groups.get(a.id, ()), a.host_id, host or "", a.location, a.capacity,
                 a.reward_points, o.moved, problem)


def _occurrences(a: m.Activity, start: datetime, end: datetime) -> list[recurrence.Occurrence]:
    try:
        skipped = Exceptions.from_json(a.exceptions_json)
    except (ValueError, TypeError, KeyError) as exc:
        raise RecurrenceError(N_("activities", "its skipped and moved occurrences "
                                               "cannot be read ({exc})").format(exc=exc)) \
            from None
    return recurrence.occurrences(a.start_at, a.end_at, a.timezone, a.rrule, skipped,
                                  start, end)


def entries(session: Session, start: datetime, end: datetime) -> list[Entry]:
    """Every occurrence overlapping [start, end), earliest first.

    An activity whose stored rule cannot be used is left out here and listed
    by unreadable(), so one bad row never stops the plan from showing.
    """
    A = m.Activity
    rows, groups = _live_activities(session, or_(A.rrule.is_not(None),
                                                 (A.start_at < end) & (A.end_at > start)))
    out = []
    for a, host in rows:
        try:
            found = _occurrences(a, start, end)
        except RecurrenceError:
            continue
        out.extend(_entry(a, host, groups, o) for o in found)
    return sorted(out, key=lambda e: (e.start, e.title, e.activity_id))


def unreadable(session: Session) -> list[Entry]:
    """Activities whose stored rule or exceptions cannot be used, with the reason.

    Rules are checked on the way in, but a database written by an older
    version or another tool may hold one that never ends or never occurs;
    each is shown once, at its first start, for a person to fix.
    """
    A = m.Activity
    rows, groups = _live_activities(session, A.rrule.is_not(None))
    out = []
    for a, host in rows:
        try:
            _occurrences(a, a.start_at, a.start_at)
        except RecurrenceError as exc:
            first = recurrence.Occurrence(a.start_at, a.start_at, a.end_at)
            out.append(_entry(a, host, groups, first, reason(exc)))
    return out


def _groups_of(session: Session, activity_ids: list[str]) -> dict[str, tuple]:
    out: dict[str, list] = {}
    for chunk in range(0, len(activity_ids), 500):
        for aid, gid, name in session.execute(
                select(m.ActivityGroup.activity_id, m.Group.id, m.Group.name)
                .join(m.Group, m.Group.id == m.ActivityGroup.group_id)
                .where(m.ActivityGroup.activity_id.in_(activity_ids[chunk:chunk + 500]))
                .order_by(m.Group.name)):
            out.setdefault(aid, []).append((gid, name))
    return {k: tuple(v) for k, v in out.items()}


def required_days(session: Session) -> dict[str, set[int]]:
    """Per group, the weekdays (0 = Monday) the team wants at least one activity on."""
    return {g: set(days) for g, days in (get_setting(session, REQUIRED_DAYS_KEY) or {}).items()}


def set_required_days(session: Session, group_id: str, weekdays: set[int]) -> None:
    if any(d not in range(7) for d in weekdays):
        raise UserError(N_("activities", "Weekdays run from 0 (Monday) to 6 (Sunday)."))
    days = {g: sorted(d) for g, d in required_days(session).items()}
    days[group_id] = sorted(weekdays)
    set_setting(session, REQUIRED_DAYS_KEY, {g: d for g, d in days.items() if d})


@dataclass(frozen=True)
class PlanCheck:
    conflicts: tuple[Conflict, ...]
    names: dict[str, str] = field(default_factory=dict)  # group and staff ids to names


def check_plan(session: Session, start: datetime, end: datetime, tz: str = DEFAULT_ZONE,
               occurring: list[Entry] | None = None) -> PlanCheck:
    """Clashes and empty required days in [start, end); cancelled activities do not count.

    `occurring` is every entry of the period (all groups), when the caller has read it.
    """
    if occurring is None:
        occurring = entries(session, start, end)
    live = [e for e in occurring if e.status != ActivityStatus.CANCELLED]
    slots = [Slot(e.activity_id, e.title, e.start, e.end, frozenset(g for g, _ in e.groups),
                  e.host_id, e.key) for e in live]
    local = recurrence.zone(tz)
    last = (end - timedelta(microseconds=1)).astimezone(local).date()
    found = overlaps(slots) + empty_days(slots, required_days(session),
                                         start.astimezone(local).date(), last, local)
    names = dict(session.execute(select(m.Group.id, m.Group.name)).all())
    names.update(session.execute(select(m.Staff.id, m.Staff.name)).all())
    return PlanCheck(tuple(found), names)


def staff_choices(session: Session) -> list[tuple[str, str]]:
    """(id, name) of the staff who can host, for pickers."""
    return [tuple(r) for r in session.execute(select(m.Staff.id, m.Staff.name).where(
        m.Staff.deleted_at.is_(None)).order_by(m.Staff.name))]
