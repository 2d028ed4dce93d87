"""One member's panel: profile, tags, groups, points ledger, staff notes and "why".

Edits go through the ORM so each is one transaction with its outbox row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.domain.classification import Classification
from modconsole.domain.messages import N_, reason
from modconsole.services import audit, classification
from modconsole.services.errors import UserError
from modconsole.services.identity import current_staff_id
from modconsole.services.member_import import check_field
from modconsole.store import models as m
from modconsole.store.member_search import MAX_NOTE_CHARS
from modconsole.store.models.base import utcnow

EDITABLE = ("name", "nickname", "phone", "email", "region", "gender")
LEDGER_ROWS = 50


@dataclass(frozen=True)
class Note:
    id: str
    body: str
    author: str
    at: datetime


@dataclass(frozen=True)
class LedgerLine:
    at: datetime
    delta: int
    reason: str


@dataclass(frozen=True)
class MemberDetail:
    member: dict  # column -> value
    tags: list[tuple[str, str, str]]  # (tag id, name, colour)
    groups: list[tuple[str, str]]  # (group id, name)
    notes: list[Note]
    ledger: list[LedgerLine]
    why: Classification | None


def _member(session: Session, member_id: str) -> m.Member:
    member = session.get(m.Member, member_id)
    if member is None or member.deleted_at is not None:
        raise UserError(N_("member_detail", "That member no longer exists; refresh the list."))
    return member


def load_detail(session: Session, member_id: str) -> MemberDetail:
    member = _member(session, member_id)
    columns = {c.key: getattr(member, c.key) for c in m.Member.__table__.columns}
    tag_rows = session.execute(
        select(m.Tag.id, m.Tag.name, m.Tag.color, m.TagGroup.color).select_from(m.Tag)
        .join(m.MemberTag, m.MemberTag.tag == m.TAG_ROWID)
        .outerjoin(m.TagGroup, m.TagGroup.id == m.Tag.group_id)
        .where(m.MemberTag.member == m.member_rowid(member_id))
        .order_by(m.TagGroup.position, m.Tag.name)).all()
    groups = session.execute(
        select(m.Group.id, m.Group.name).join(m.GroupMembership,
                                              m.GroupMembership.group_id == m.Group.id)
        .where(m.GroupMembership.member_id == member_id).order_by(m.Group.name)).all()
    notes = session.execute(
        select(m.MemberNote.id, m.MemberNote.body, m.Staff.name, m.MemberNote.updated_at)
        .outerjoin(m.Staff, m.Staff.id == m.MemberNote.author_id)
        .where(m.MemberNote.member_id == member_id, m.MemberNote.deleted_at.is_(None))
        .order_by(m.MemberNote.updated_at.desc())).all()
    ledger = session.execute(
        select(m.PointsEntry.at, m.PointsEntry.delta, m.PointsEntry.reason)
        .where(m.PointsEntry.member_id == member_id)
        .order_by(m.PointsEntry.at.desc()).limit(LEDGER_ROWS)).all()
    return MemberDetail(
        columns, [(t, n, c or gc or "#607d8b") for t, n, c, gc in tag_rows],
        [tuple(g) for g in groups],
        [Note(i, b, a or "", at) for i, b, a, at in notes],
        [LedgerLine(*row) for row in ledger],
        classification.explain(session, member_id))


def update_field(session: Session, member_id: str, field: str, value: str) -> None:
    """Change one profile field, validated as the import validates it."""
    if field not in EDITABLE:
        raise UserError(N_("member_detail", "'{field}' cannot be edited here.").format(field=field))
    member = _member(session, member_id)
    value = (value or "").strip()
    if field == "name" and not value:
        raise UserError(N_("member_detail", "A member needs a name."))
    if value:
        try:
            value = check_field(field, value)
        except ValueError as exc:
            raise UserError(N_("member_detail", "{field}: {reason}.").format(
                field=field, reason=reason(exc))) from None
    before = getattr(member, field)
    setattr(member, field, value or (None if field in ("phone", "email") else ""))
    session.flush()
    if before != getattr(member, field):
        audit.record(session, "member.edit", "members", member_id, before={field: before},
                     after={field: getattr(member, field)})


def add_note(session: Session, member_id: str, body: str, author_id: str | None = None) -> str:
    """A note by `author_id`, or by whoever is at this console."""
    _member(session, member_id)
    note = m.MemberNote(member_id=member_id, body=_note_body(body),
                        author_id=author_id or current_staff_id(session))
    session.add(note)
    session.flush()
    audit.record(session, "member.note", "members", member_id, after={"note": note.body})
    return note.id


def edit_note(session: Session, note_id: str, body: str) -> None:
    note = session.get(m.MemberNote, note_id)
    if note is None or note.deleted_at is not None:
        raise UserError(N_("member_detail", "That note no longer exists."))
    before, note.body = note.body, _note_body(body)
    session.flush()
    audit.record(session, "member.note_edit", "members", note.member_id,
                 before={"note": before}, after={"note": note.body})


def delete_note(session: Session, note_id: str) -> None:
    note = session.get(m.MemberNote, note_id)
    if note is not None and note.deleted_at is None:
        note.deleted_at = utcnow()
        session.flush()
        audit.record(session, "member.note_delete", "members", note.member_id,
                     before={"note": note.body})


def _note_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise UserError(N_("member_detail", "The note is empty."))
    if len(body) > MAX_NOTE_CHARS:
        raise UserError(N_("member_detail", "A note can be at most {MAX_NOTE_CHARS:,} "
                                            "characters.").format(MAX_NOTE_CHARS=MAX_NOTE_CHARS))
    return body
