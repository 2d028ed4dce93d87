"""Saved segments: named member filters, usable wherever a list of members is needed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.domain.member_filter import FilterError, MemberFilter
from modconsole.domain.messages import N_
from modconsole.services import audit
from modconsole.services.errors import UserError
from modconsole.services.roster import count_members
from modconsole.store import models as m
from modconsole.store.models.base import utcnow


@dataclass(frozen=True)
class SegmentInfo:
    id: str
    name: str
    filter: MemberFilter
    count: int | None  # None when not counted


def _live(session: Session):
    return select(m.Segment).where(m.Segment.deleted_at.is_(None)).order_by(m.Segment.name)


def _parse(segment: m.Segment) -> MemberFilter:
    try:
        return MemberFilter.from_json(segment.filter_json)
    except FilterError as exc:
        raise UserError(N_("segments", "The segment '{name}' cannot be used: "
                                       "{exc}.").format(name=segment.name, exc=exc)) from None


def list_segments(session: Session, with_counts: bool = False) -> list[SegmentInfo]:
    result = []
    for segment in session.scalars(_live(session)):
        f = _parse(segment)
        result.append(SegmentInfo(segment.id, segment.name, f,
                                  count_members(session, f) if with_counts else None))
    return result


def find_segment(session: Session, name: str) -> m.Segment:
    segment = session.scalar(_live(session).where(m.Segment.name == name))
    if segment is None:
        names = ", ".join(s.name for s in session.scalars(_live(session))) or "none yet"
        raise UserError(N_("segments", "There is no segment '{name}' (saved segments: "
                                       "{names}).").format(name=name, names=names))
    return segment


def segment_filter(session: Session, name: str) -> MemberFilter:
    return _parse(find_segment(session, name))


def save_segment(session: Session, name: str, f: MemberFilter,
                 replace: bool = False) -> m.Segment:
    name = (name or "").strip()
    if not name:
        raise UserError(N_("segments", "Give the segment a name."))
    if len(name) > 100:
        raise UserError(N_("segments", "A segment name can be at most 100 characters."))
    if f.is_empty():
        raise UserError(N_("segments", "This filter matches every member; set a condition before "
                                       "saving it."))
    existing = session.scalar(_live(session).where(m.Segment.name == name))
    if existing and not replace:
        raise UserError(N_("segments", "There is already a segment '{name}'; choose "
                                       "another name or replace it.").format(name=name))
    before = {"filter": existing.filter_json} if existing else None
    if existing:
        existing.filter_json = f.to_json()
        segment = existing
    else:
        segment = m.Segment(name=name, filter_json=f.to_json())
        session.add(segment)
    session.flush()
    audit.record(session, "segment.save", "segments", segment.id, before=before,
                 after={"name": name, "filter": segment.filter_json})
    return segment


def rename_segment(session: Session, segment_id: str, name: str) -> None:
    segment = session.get(m.Segment, segment_id)
    name = (name or "").strip()
    if segment is None or segment.deleted_at is not None:
        raise UserError(N_("segments", "That segment no longer exists."))
    if not name:
        raise UserError(N_("segments", "Give the segment a name."))
    if session.scalar(_live(session).where(m.Segment.name == name, m.Segment.id != segment_id)):
        raise UserError(N_("segments", "There is already a segment '{name}'.").format(name=name))
    audit.record(session, "segment.rename", "segments", segment_id,
                 before={"name": segment.name}, after={"name": name})
    segment.name = name
    session.flush()


def delete_segment(session: Session, segment_id: str) -> None:
    segment = session.get(m.Segment, segment_id)
    if segment is not None and segment.deleted_at is None:
        segment.deleted_at = utcnow()
        session.flush()
        audit.record(session, "segment.delete", "segments", segment_id,
                     before={"name": segment.name, "filter": segment.filter_json})

