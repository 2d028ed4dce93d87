"""The audit log: who did what, when, before → after and why. Append-only.

Every moderation and roster change calls `record` inside its own
transaction, so the entry and the change land or vanish together. The
table's triggers refuse UPDATE and DELETE; nothing here offers either.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import or_, select, tuple_
from sqlalchemy.orm import Session

from modconsole.domain.messages import Message, Translate, english, localize
from modconsole.services.audit_words import Subject, describe, subjects
from modconsole.services.identity import current_staff_id
from modconsole.services.table_files import TableWriter
from modconsole.store import models as m
from modconsole.store.models import utcnow
from modconsole.store.row_writes import insert_row


def _json(value) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def record(session: Session, action: str, entity: str, entity_id: str | None, *,
           before=None, after=None, reason: str | None = None, actor_id: str | None = None,
           at: datetime | None = None) -> None:
    """Add one entry; `actor_id` defaults to whoever sits at this console."""
    insert_row(session, m.AuditEntry,
               at=at or utcnow(), actor_id=actor_id or current_staff_id(session), action=action,
               entity=entity, entity_id=entity_id, before_json=_json(before),
               after_json=_json(after), reason=reason)


@dataclass(frozen=True)
class AuditFilter:
    actor_id: str | None = None
    action: str | None = None  # a prefix: "case." matches every case action
    entity_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None  # in the reason or the before/after values


@dataclass(frozen=True)
class AuditRow:
    id: str
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str | None
    before: str
    after: str
    reason: str
    words: Message | None = None  # the entry as a sentence (audit_words)

    @property
    def key(self) -> tuple:
        return (self.at, self.id)


def _where(f: AuditFilter) -> list:
    A = m.AuditEntry
    where = []
    if f.actor_id:
        where.append(A.actor_id == f.actor_id)
    if f.action:
        where.append(A.action.startswith(f.action, autoescape=True))
    if f.entity_id:
        where.append(A.entity_id == f.entity_id)
    if f.since:
        where.append(A.at >= f.since)
    if f.until:
        where.append(A.at < f.until)
    if f.text:
        where.append(or_(*(col.contains(f.text, autoescape=True)
                           for col in (A.reason, A.before_json, A.after_json))))
    return where


def entries(session: Session, f: AuditFilter = AuditFilter(), after: tuple | None = None,
            limit: int = 200) -> list[AuditRow]:
    """Newest first, keyset-paged on (at, id): pass the last row's `key` for the next page."""
    A = m.AuditEntry
    query = (select(A.id, A.at, m.Staff.name, A.actor_id, A.action, A.entity, A.entity_id,
                    A.before_json, A.after_json, A.reason)
             .outerjoin(m.Staff, m.Staff.id == A.actor_id).where(*_where(f))
             .order_by(A.at.desc(), A.id.desc()).limit(limit))
    if after is not None:
        query = query.where(tuple_(A.at, A.id) < tuple_(*after))
    rows = session.execute(query).all()
    about = subjects(session, ((r.entity, r.entity_id) for r in rows))
    out = []
    for r in rows:
        actor = r.name or r.actor_id or ""
        words = describe(r.action, actor, about.get((r.entity, r.entity_id), Subject()),
                         r.before_json or "", r.after_json or "")
        out.append(AuditRow(r.id, r.at, actor, r.action, r.entity, r.entity_id,
                            r.before_json or "", r.after_json or "", r.reason or "", words))
    return out


def actions(session: Session) -> list[str]:
    return list(session.scalars(select(m.AuditEntry.action).distinct()
                                .order_by(m.AuditEntry.action)))


HEADER = ["at", "actor", "what", "action", "entity", "entity_id", "before", "after", "reason"]


def export(session: Session, f: AuditFilter, path: Path, translate: Translate = english) -> int:
    """Write the filtered log to CSV or XLSX (cells neutralised); returns the row count.

    "what" is the entry in words, in `translate`'s language; the raw columns follow it.
    """
    count, after = 0, None
    with TableWriter(Path(path), HEADER) as writer:
        while page := entries(session, f, after, 5000):
            for r in page:
                writer.write([r.at.isoformat(), r.actor, localize(r.words, translate), r.action,
                              r.entity, r.entity_id or "", r.before, r.after, r.reason])
            count += len(page)
            after = page[-1].key
    return count
