"""Who signs up for an occurrence, who comes, what they earn, and lucky draws among them.

Capacity is per occurrence: past it members wait (or are refused when the
activity has no waitlist), and a cancellation promotes the longest waiting.
Checking in awards the activity's points through the ledger, whose unique
(source, member) key makes a second check-in award nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from modconsole.domain import draw as lucky
from modconsole.domain.enums import AttendanceStatus, MemberStatus
from modconsole.domain.messages import N_
from modconsole.services import audit
from modconsole.services.activities import live_activity
from modconsole.services.errors import UserError
from modconsole.services.identity import current_staff_id
from modconsole.services.member_import import SYNONYMS
from modconsole.services.roster import conditions
from modconsole.services.sanctions import effective_status
from modconsole.services.segments import segment_filter
from modconsole.services.table_files import open_table
from modconsole.store import models as m
from modconsole.store.models import utcnow

SEATED = (AttendanceStatus.REGISTERED, AttendanceStatus.ATTENDED)
SEPARATORS = re.compile(r"[\s,，;；、]+")


@dataclass
class Signup:
    registered: list[str] = field(default_factory=list)
    waitlisted: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # full, and no waitlist


def _seats(session: Session, activity_id: str, key: datetime) -> dict[str, m.Attendance]:
    return {a.member_id: a for a in session.scalars(select(m.Attendance).where(
        m.Attendance.activity_id == activity_id, m.Attendance.occurrence_at == key,
        m.Attendance.deleted_at.is_(None)))}


def register(session: Session, activity_id: str, key: datetime, member_ids: list[str],
             now: datetime | None = None) -> Signup:
    """Sign members up in the order given; past capacity they wait or are refused."""
    now = now or utcnow()
    activity = live_activity(session, activity_id)
    seats = _seats(session, activity_id, key)
    taken = sum(1 for a in seats.values() if a.status in SEATED)
    out = Signup()
    for place, member_id in enumerate(dict.fromkeys(member_ids)):
        seat = seats.get(member_id)
        if seat is not None and seat.status != AttendanceStatus.CANCELLED:
            out.already.append(member_id)
            continue
        full = activity.capacity is not None and taken >= activity.capacity
        if full and not activity.waitlist:
            out.refused.append(member_id)
            continue
        status = AttendanceStatus.WAITLIST if full else AttendanceStatus.REGISTERED
        if seat is None:
            seat = m.Attendance(activity_id=activity_id, occurrence_at=key, member_id=member_id)
            session.add(seat)
            seats[member_id] = seat
        # a microsecond apart, so the waitlist keeps the order the list gave
        seat.status, seat.checked_in_at = status, None
        seat.registered_at = now + timedelta(microseconds=place)
        (out.waitlisted if full else out.registered).append(member_id)
        taken += 0 if full else 1
    session.flush()
    return out


def cancel(session: Session, activity_id: str, key: datetime, member_id: str,
           now: datetime | None = None) -> str | None:
    """Cancel a sign-up; returns the member promoted from the waitlist, if any."""
    seats = _seats(session, activity_id, key)
    seat = seats.get(member_id)
    if seat is None or seat.status == AttendanceStatus.CANCELLED:
        raise UserError(N_("attendance", "That member is not signed up for this occurrence."))
    if seat.status == AttendanceStatus.ATTENDED:
        raise UserError(N_("attendance", "That member has already attended; their check-in stays."))
    freed = seat.status == AttendanceStatus.REGISTERED
    seat.status = AttendanceStatus.CANCELLED
    promoted = None
    if freed:
        waiting = sorted((a for a in seats.values() if a.status == AttendanceStatus.WAITLIST),
                         key=lambda a: (a.registered_at, a.id))
        if waiting:
            waiting[0].status = AttendanceStatus.REGISTERED
            promoted = waiting[0].member_id
    session.flush()
    return promoted


@dataclass
class CheckIn:
    checked_in: list[str] = field(default_factory=list)
    points_awarded: int = 0  # members who got points now (not on an earlier check-in)


def check_in(session: Session, activity_id: str, key: datetime, member_ids: list[str],
             now: datetime | None = None) -> CheckIn:
    """Mark members as attended (walk-ins too) and award the points once per member."""
    now = now or utcnow()
    activity = live_activity(session, activity_id)
    seats = _seats(session, activity_id, key)
    out = CheckIn()
    for member_id in dict.fromkeys(member_ids):
        seat = seats.get(member_id)
        if seat is None:
            seat = m.Attendance(activity_id=activity_id, occurrence_at=key, member_id=member_id,
                                registered_at=now)
            session.add(seat)
            seats[member_id] = seat
        if seat.status != AttendanceStatus.ATTENDED:
            seat.status, seat.checked_in_at = AttendanceStatus.ATTENDED, now
        out.checked_in.append(member_id)
    session.flush()
    if activity.reward_points:
        out.points_awarded = _award(session, activity, [seats[i] for i in out.checked_in], now)
    return out


def _award(session: Session, activity: m.Activity, seats: list[m.Attendance],
           now: datetime) -> int:
    paid = set(session.scalars(select(m.PointsEntry.source_id).where(
        m.PointsEntry.source_kind == "attendance",
        m.PointsEntry.source_id.in_([s.id for s in seats]))))
    awarded = 0
    for seat in seats:
        if seat.id in paid:
            continue
        session.add(m.PointsEntry(member_id=seat.member_id, delta=activity.reward_points,
                                  reason=activity.title, source_kind="attendance",
                                  source_id=seat.id, at=now))
        member = session.get(m.Member, seat.member_id)
        member.points = (member.points or 0) + activity.reward_points
        awarded += 1
    session.flush()
    return awarded


@dataclass(frozen=True)
class Candidate:
    """One of several members who share a name, told apart by platform id and groups."""

    member_id: str
    name: str
    platform_id: str
    groups: tuple[str, ...]


@dataclass(frozen=True)
class Resolved:
    member_ids: list[str]
    unknown: list[str]  # matched nobody
    shared: dict[str, list[Candidate]] = field(default_factory=dict)  # name -> its members


def resolve_list(session: Session, text: str) -> Resolved:
    """Members from pasted text: platform ids, member ids or exact names, any separator."""
    return resolve_tokens(session, [t for t in SEPARATORS.split(text or "") if t])


def resolve_tokens(session: Session, tokens: list[str]) -> Resolved:
    """Members by platform id, member id or exact name, in the order given.

    A name that several members share is not guessed: its members are listed
    in `shared` (up to MAX_SHARED) for a person to choose from.
    """
    found, unknown, shared = [], [], {}
    for token in (t.strip() for t in tokens):
        if not token:
            continue
        rows = session.execute(select(m.Member.id, m.Member.name, m.Member.platform_id).where(
            or_(m.Member.platform_id == token, m.Member.id == token, m.Member.name == token),
            m.Member.deleted_at.is_(None)).order_by(m.Member.platform_id)
            .limit(MAX_SHARED)).all()
        exact = [r for r in rows if token in (r.id, r.platform_id)]
        if len(exact) == 1 or len(rows) == 1:
            found.append((exact or rows)[0].id)
        elif rows:
            shared[token] = _candidates(session, rows)
        else:
            unknown.append(token)
    return Resolved(list(dict.fromkeys(found)), unknown, shared)


MAX_SHARED = 20


def _candidates(session: Session, rows) -> list[Candidate]:
    groups: dict[str, list[str]] = {}
    for member_id, name in session.execute(
            select(m.GroupMembership.member_id, m.Group.name)
            .join(m.Group, m.Group.id == m.GroupMembership.group_id)
            .where(m.GroupMembership.member_id.in_([r.id for r in rows]),
                   m.Group.deleted_at.is_(None)).order_by(m.Group.name)):
        groups.setdefault(member_id, []).append(name)
    return [Candidate(r.id, r.name, r.platform_id, tuple(groups.get(r.id, ()))) for r in rows]


def members_from_file(session: Session, path: Path) -> Resolved:
    """Members listed in a CSV/XLSX: the platform id column if there is one, else the name
    column, else the first column (a sign-up sheet exported from a form tool)."""
    table = open_table(path)
    header = [h.strip().lower() for h in table.header]
    known = [header.index(h) for field_name in ("platform_id", "name")
             for h in SYNONYMS[field_name] if h in header]
    column = known[0] if known else 0
    return resolve_tokens(session, [row[column] for row in table.rows() if row])


def platform_ids(session: Session, member_ids: list[str]) -> list[str]:
    """The members' platform ids in the order given, to show a resolved list back."""
    by_id = dict(session.execute(select(m.Member.id, m.Member.platform_id).where(
        m.Member.id.in_(member_ids))).all())
    return [by_id[i] for i in member_ids if i in by_id]


@dataclass(frozen=True)
class Seat:
    member_id: str
    name: str
    platform_id: str
    status: str
    registered_at: datetime
    checked_in_at: datetime | None


def seat_list(session: Session, activity_id: str, key: datetime) -> list[Seat]:
    """Everyone on the occurrence's list: attended, registered, waiting (in order), cancelled."""
    A, M = m.Attendance, m.Member
    rows = session.execute(
        select(A.member_id, M.name, M.platform_id, A.status, A.registered_at, A.checked_in_at)
        .join(M, M.id == A.member_id)
        .where(A.activity_id == activity_id, A.occurrence_at == key, A.deleted_at.is_(None))
    ).all()
    order = {s: i for i, s in enumerate((AttendanceStatus.ATTENDED, AttendanceStatus.REGISTERED,
                                         AttendanceStatus.WAITLIST, AttendanceStatus.CANCELLED))}
    return sorted((Seat(*r) for r in rows),
                  key=lambda s: (order.get(s.status, 9), s.registered_at, s.name))


def attendance_counts(session: Session, activity_id: str, key: datetime) -> dict[str, int]:
    A = m.Attendance
    return dict(session.execute(
        select(A.status, func.count()).where(A.activity_id == activity_id,
                                             A.occurrence_at == key, A.deleted_at.is_(None))
        .group_by(A.status)).all())


@dataclass(frozen=True)
class DrawResult:
    id: str
    seed: str
    pool: str  # attendees | segment
    pool_size: int
    pool_hash: str
    winners: tuple[tuple[str, str], ...]  # (member id, name)
    drawn_at: datetime


def _eligible(session: Session, ids, now: datetime) -> list[str]:
    """Members who may win: not staff, not banned (or muted: sanctions read as of now)."""
    M = m.Member
    return list(session.scalars(select(M.id).where(
        M.id.in_(ids), M.deleted_at.is_(None), M.is_staff.is_(False),
        effective_status(now) != MemberStatus.BANNED)))


def draw_pool(session: Session, activity_id: str, key: datetime, pool: str,
              segment: str | None = None, now: datetime | None = None) -> list[str]:
    now = now or utcnow()
    if pool == "attendees":
        ids = select(m.Attendance.member_id).where(
            m.Attendance.activity_id == activity_id, m.Attendance.occurrence_at == key,
            m.Attendance.status == AttendanceStatus.ATTENDED, m.Attendance.deleted_at.is_(None))
    elif pool == "segment" and segment:
        ids = select(m.Member.id).where(*conditions(session, segment_filter(session, segment)))
    else:
        raise UserError(N_("attendance", "Draw from the attendees or from a named segment."))
    return _eligible(session, ids, now)


def make_draw(session: Session, activity_id: str, key: datetime, count: int,
              pool: str = "attendees", segment: str | None = None, seed: str | None = None,
              now: datetime | None = None) -> DrawResult:
    """Draw and log winners; the seed and pool fingerprint let anyone re-run it."""
    now = now or utcnow()
    live_activity(session, activity_id)
    members = draw_pool(session, activity_id, key, pool, segment, now)
    seed = seed or lucky.new_seed()
    try:
        winners = lucky.draw(members, count, seed)
    except lucky.DrawError as exc:
        raise UserError(N_("attendance", "Cannot draw: {exc}.").format(exc=exc)) from None
    segment_id = session.scalar(select(m.Segment.id).where(m.Segment.name == segment)) \
        if segment else None
    row = m.Draw(activity_id=activity_id, occurrence_at=key, pool=pool, segment_id=segment_id,
                 seed=seed, pool_size=len(members), pool_hash=lucky.fingerprint(members),
                 winners_json=json.dumps(winners), drawn_by=current_staff_id(session),
                 drawn_at=now)
    session.add(row)
    session.flush()
    audit.record(session, "activity.draw", "activities", activity_id, at=now,
                 after={"draw": row.id, "seed": seed, "pool": pool, "segment": segment,
                        "pool_size": row.pool_size, "pool_hash": row.pool_hash,
                        "winners": winners})
    return _logged(session, [row])[0]


def _logged(session: Session, rows: list[m.Draw]) -> list[DrawResult]:
    ids = {w for r in rows for w in json.loads(r.winners_json)}
    names = dict(session.execute(select(m.Member.id, m.Member.name).where(
        m.Member.id.in_(ids))).all())
    return [DrawResult(r.id, r.seed, r.pool, r.pool_size, r.pool_hash,
                       tuple((w, names.get(w, "")) for w in json.loads(r.winners_json)),
                       r.drawn_at) for r in rows]


def draws_of(session: Session, activity_id: str) -> list[DrawResult]:
    """The activity's logged draws, newest first."""
    return _logged(session, list(session.scalars(select(m.Draw).where(
        m.Draw.activity_id == activity_id, m.Draw.deleted_at.is_(None))
        .order_by(m.Draw.drawn_at.desc()))))


@dataclass(frozen=True)
class Verification:
    same_pool: bool
    same_winners: bool


def verify_draw(session: Session, draw_id: str) -> Verification:
    """Re-run a logged draw from its seed over today's pool and compare."""
    row = session.get(m.Draw, draw_id)
    if row is None:
        raise UserError(N_("attendance", "No draw has that id."))
    segment = session.get(m.Segment, row.segment_id).name if row.segment_id else None
    members = draw_pool(session, row.activity_id, row.occurrence_at, row.pool, segment,
                        row.drawn_at)
    winners = json.loads(row.winners_json)
    again = lucky.draw(members, len(winners), row.seed) if len(members) >= len(winners) else []
    return Verification(lucky.fingerprint(members) == row.pool_hash, again == winners)
