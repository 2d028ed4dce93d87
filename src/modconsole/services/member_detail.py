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
from modconsole.domain.text import quoted
from modconsole.services import audit, classification
from modconsole.services.chat.activity import MemberActivity, local_today, member_activity
from modconsole.services.errors import UserError
from modconsole.services.identity import current_staff_id
from modconsole.services.member_fields import FIELD_LABELS
from modconsole.services.member_import import check_field
from modconsole.store import models as m
from modconsole.store.member_search import MAX_NOTE_CHARS
from modconsole.store.models.base import utcnow

EDITABLE = ("name", "nickname", "phone", "email", "region", "gender")
# the panel's "More fields": what imports and chat exports usually fill
MORE_EDITABLE = ("status", "left_at", "joined_at", "last_active_at", "level", "paid_total",
                 "join_channel", "inviter", "age_band", "posts_count", "comments_count",
                 "likes_count", "quality_posts_count", "phone_verified", "email_verified")
# what an emptied field stores
EMPTY = {"phone": None, "email": None, "joined_at": None, "last_active_at": None,
         "left_at": None, "inviter": None, "level": 1, "paid_total": 0, "posts_count": 0,
         "comments_count": 0, "likes_count": 0, "quality_posts_count": 0,
         "phone_verified": False, "email_verified": False}
COLUMN_OF = {"paid_total": "paid_total_cents", "inviter": "inviter_id"}
BY_MODERATION = ("muted", "banned")
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
    activity: MemberActivity


def field_text(member: dict, key: str) -> str:
    """A field as its edit box shows it, and as `update_field` reads it back."""
    value = member.get(key)
    if key == "paid_total":
        return f"{(member.get('paid_total_cents') or 0) / 100:.2f}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):  # stored UTC, typed and shown as the import reads it
        return value.strftime("%Y-%m-%d %H:%M")
    return "" if value is None else str(value)


def _member(session: Session, member_id: str) -> m.Member:
    member = session.get(m.Member, member_id)
    if member is None or member.deleted_at is not None:
        raise UserError(N_("member_detail", "That member no longer exists; refresh the list."))
    return member


def load_detail(session: Session, member_id: str) -> MemberDetail:
    member = _member(session, member_id)
    columns = {c.key: getattr(member, c.key) for c in m.Member.__table__.columns}
    columns["inviter"] = session.scalar(select(m.Member.platform_id).where(
        m.Member.id == member.inviter_id)) if member.inviter_id else None
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
        classification.explain(session, member_id),
        member_activity(session, member_id, local_today()))


def update_field(session: Session, member_id: str, field: str, value: str) -> None:
    """Change one field, typed as text and validated as the import validates it."""
    if field not in (*EDITABLE, *MORE_EDITABLE):
        raise UserError(N_("member_detail", "'{field}' cannot be edited here.").format(field=field))
    member = _member(session, member_id)
    value = (value or "").strip()
    if field in ("name", "status") and not value:
        raise UserError(N_("member_detail", "{field} cannot be empty.").format(
            field=FIELD_LABELS[field]))
    stored = EMPTY.get(field, "")
    if value:
        try:
            stored = check_field(field, value)
        except ValueError as exc:
            raise UserError(N_("member_detail", "{field}: {reason}.").format(
                field=FIELD_LABELS[field], reason=reason(exc))) from None
    if field == "inviter" and stored:
        stored = _inviter(session, member, stored)
    column = COLUMN_OF.get(field, field)
    before = {column: getattr(member, column)}
    if field == "status":
        if stored in BY_MODERATION and stored != member.status:
            raise UserError(N_("member_detail", "Mute or ban through the queue, so the case "
                                                "says why."))
        member.left_at = (member.left_at or utcnow()) if stored == "left" else None
    if field == "left_at" and stored is not None:
        member.status = "left"
    setattr(member, column, stored)
    session.flush()
    after = {column: getattr(member, column)}
    if before != after:
        audit.record(session, "member.edit", "members", member_id,
                     before={k: _plain(v) for k, v in before.items()},
                     after={k: _plain(v) for k, v in after.items()})


def _inviter(session: Session, member: m.Member, platform_id: str) -> str:
    found = session.scalar(select(m.Member.id).where(m.Member.platform_id == platform_id,
                                                     m.Member.deleted_at.is_(None)))
    if found is None:
        raise UserError(N_("member_detail", "No member has the platform ID '{value}'.").format(
            value=quoted(platform_id)))
    if found == member.id:
        raise UserError(N_("member_detail", "A member cannot invite themselves."))
    return found


def _plain(value):
    return value.isoformat() if isinstance(value, datetime) else value


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
