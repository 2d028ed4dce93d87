"""Write an outbox row for every change to a synced row, in the change's transaction.

The listener runs after each flush, when SQLAlchemy still knows what was new,
changed or removed, and inserts the outbox rows on the same connection. So
a rollback drops the change and its outbox rows together, and nothing is
"remembered to sync later" in memory. Bulk work that bypasses the ORM calls
`record_changes` itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from enum import Enum

from sqlalchemy import event, func, insert, inspect, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from modconsole.domain.enums import OutboxOp
from modconsole.domain.ids import uuid7
from modconsole.domain.messages import N_
from modconsole.store.models.base import utcnow
from modconsole.store.models.system import OutboxEntry


class HardDeleteRefused(RuntimeError):
    """A synced row was deleted outright; it must be tombstoned (deleted_at) instead."""


def _jsonable(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    raise TypeError(N_("outbox", "cannot put {__name__} into an outbox payload").format(
                        __name__=type(value).__name__))


def _columns(obj) -> dict:
    mapper = inspect(obj).mapper
    return {attr.key: getattr(obj, attr.key) for attr in mapper.column_attrs}


def _changed_columns(obj) -> dict:
    state = inspect(obj)
    changed = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.has_changes() and attr.key != "version":
            changed[attr.key] = history.added[0] if history.added else None
    return changed


def _row_key(obj) -> str:
    return "/".join(str(v) for v in inspect(obj).mapper.primary_key_from_instance(obj))


_OUTBOX_INSERT = insert(OutboxEntry.__table__)


def record_changes(connection: Connection, changes: Iterable[dict]) -> int:
    """Insert outbox rows; each change has entity, row_id, op, base_version and payload."""
    now = utcnow()
    changes = list(changes)
    seen = _seen_versions(connection, changes)
    rows = [
        {
            "change_id": uuid7(),
            "entity": c["entity"],
            "row_id": c["row_id"],
            "op": str(c["op"]),
            "base_version": seen.get((c["entity"], c["row_id"]), c.get("base_version")),
            "payload_json": json.dumps(c["payload"], default=_jsonable, ensure_ascii=False),
            "created_at": now,
        }
        for c in changes
    ]
    if rows:
        connection.execute(_OUTBOX_INSERT, rows)
    return len(rows)


def _seen_versions(connection: Connection, changes: list[dict]) -> dict[tuple, int]:
    """The base a waiting change of the same row names already, by (entity, row id).

    A local edit counts the row's version up, so a second edit before the push would name
    the first one's version as its base; the server may have given that number to a
    colleague's change, which would then pass unseen. The first waiting edit's base is the
    last version this console had from the team, and every later edit names it too."""
    wanted: dict[str, set[str]] = {}
    for c in changes:
        if c.get("base_version") is not None:
            wanted.setdefault(c["entity"], set()).add(c["row_id"])
    table, seen = OutboxEntry.__table__, {}
    for entity, row_ids in wanted.items():
        ordered = sorted(row_ids)
        for start in range(0, len(ordered), _LOOKUP_CHUNK):
            first = (select(table.c.row_id, func.min(table.c.seq).label("seq"))
                     .where(table.c.entity == entity,
                            table.c.row_id.in_(ordered[start:start + _LOOKUP_CHUNK]))
                     .group_by(table.c.row_id).subquery())
            for row_id, base in connection.execute(
                    select(table.c.row_id, table.c.base_version)
                    .join(first, table.c.seq == first.c.seq)
                    .where(table.c.base_version.is_not(None))):
                seen[entity, row_id] = base
    return seen


_LOOKUP_CHUNK = 500


def _before_flush(session: Session, _ctx, _instances) -> None:
    """Refuse hard deletes of synced rows, and stamp `updated_at` on the ones changed, so
    the stamp is in the change (an `onupdate` default is computed in the UPDATE and never
    reaches the outbox, and every console would stamp its own time)."""
    now = None
    for obj in session.dirty:
        if getattr(obj, "__sync__", False) and session.is_modified(obj, include_collections=False):
            now = now or utcnow()
            obj.updated_at = now
    for obj in session.deleted:
        if getattr(obj, "__sync__", False):
            raise HardDeleteRefused(N_(
                "outbox", "{kind} rows are never deleted outright; set deleted_at "
                          "instead").format(kind=type(obj).__name__))


def _collect(session: Session, _ctx) -> None:
    changes = []
    for obj in session.new:
        if getattr(obj, "__sync__", False):
            changes.append(
                {"entity": obj.__tablename__, "row_id": obj.id, "op": OutboxOp.INSERT,
                 "base_version": None, "payload": _columns(obj)}
            )
        elif getattr(obj, "__sync_link__", False):
            changes.append(
                {"entity": obj.__tablename__, "row_id": _row_key(obj), "op": OutboxOp.ADD,
                 "base_version": None, "payload": _columns(obj)}
            )
    for obj in session.dirty:
        if not (getattr(obj, "__sync__", False) or getattr(obj, "__sync_link__", False)):
            continue
        changed = _changed_columns(obj)
        if not changed:
            continue
        if getattr(obj, "__sync__", False):
            tombstone = changed.get("deleted_at") is not None
            changes.append(
                {"entity": obj.__tablename__, "row_id": obj.id,
                 "op": OutboxOp.DELETE if tombstone else OutboxOp.UPDATE,
                 "base_version": obj.version - 1, "payload": changed}
            )
        else:
            changes.append(
                {"entity": obj.__tablename__, "row_id": _row_key(obj), "op": OutboxOp.UPDATE,
                 "base_version": None, "payload": changed}
            )
    for obj in session.deleted:
        if getattr(obj, "__sync_link__", False):
            changes.append(
                {"entity": obj.__tablename__, "row_id": _row_key(obj), "op": OutboxOp.REMOVE,
                 "base_version": None, "payload": _columns(obj)}
            )
    record_changes(session.connection(), changes)


def install_outbox_listener(factory: sessionmaker) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _collect)
