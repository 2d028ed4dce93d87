"""A whole console database as the changes its consoles would have pushed.

`modconsole server demo` fills a trial team with the demo community this
way: the demo loader writes no outbox (a console's demo never leaves its
machine), so its rows are read table by table, in the order a snapshot
takes them, and said as inserts, link adds and tag link batches.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.domain.enums import OutboxOp
from modconsole.services import tags
from modconsole.services.team.snapshot import ENTITIES
from modconsole.store import models as m
from modconsole.store.models import Base


def _jsonable(value):
    return value.isoformat() if isinstance(value, datetime | date) else value


def _link_tables() -> set[str]:
    return {mapper.local_table.name for mapper in Base.registry.mappers
            if getattr(mapper.class_, "__sync_link__", False)}


def community_changes(session: Session) -> Iterator[dict]:
    """Every synced row, parents first, as {entity, row_id, op, base_version, payload}."""
    links = _link_tables()
    for entity in ENTITIES:
        table = Base.metadata.tables.get(entity)
        if table is None or entity == "member_tags":
            continue
        keys = list(table.primary_key.columns)
        op = OutboxOp.ADD if entity in links else OutboxOp.INSERT
        for row in session.execute(select(table).order_by(*keys)).mappings():
            yield {"entity": entity, "row_id": "/".join(str(row[k.name]) for k in keys),
                   "op": str(op), "base_version": None,
                   "payload": {name: _jsonable(value) for name, value in row.items()}}
    tagged = session.execute(select(m.Tag.id, m.Member.id, m.MemberTag.added_at,
                                    m.MemberTag.added_by).select_from(m.MemberTag)
                             .join(m.Tag, m.MemberTag.tag == m.TAG_ROWID)
                             .join(m.Member, m.MemberTag.member == m.MEMBER_ROWID))
    for change in tags.link_changes(((t, mem, _jsonable(at), by) for t, mem, at, by in tagged),
                                    OutboxOp.ADD):
        yield {**change, "op": str(change["op"]), "base_version": None}
