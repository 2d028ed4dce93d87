"""The console's sync engine: push the outbox, then pull the team's changes.

Push sends outbox rows in order, a batch at a time, and drops each one the
server answered, in one transaction: applied ones simply go, conflicts and
refusals go to `sync_problems` for a person. If the console dies after the
server answered but before that transaction, the next push sends the same
change ids and gets the same answers (the server keeps them).

Pull applies the log after this server's cursor and stores the new cursor
in the same transaction, with plain SQL, so no outbox row is written. A
field that still has a local change waiting to be pushed is left as it is
here; the push that follows settles it on the server.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy import Date, DateTime, and_, delete, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from modconsole.domain.messages import N_
from modconsole.domain.name_order import sort_key
from modconsole.domain.permissions import SYNCED_ENTITIES
from modconsole.domain.sync_protocol import TEAM_SETTINGS
from modconsole.services import tags
from modconsole.services.errors import UserError
from modconsole.services.team import join
from modconsole.store.engine import Store
from modconsole.store.models import (
    Base,
    GroupMembership,
    Member,
    OutboxEntry,
    SyncProblem,
    SyncState,
)
from modconsole.store.models.base import read_time, utcnow
from modconsole.store.settings import get_setting, set_setting

PUSH_BATCH = 500
PULL_PAGE = 2000


class Server(Protocol):
    url: str

    def push(self, changes: list[dict]) -> list[dict]: ...
    def pull(self, after: int, limit: int) -> dict: ...
    def team(self) -> dict: ...


@dataclass
class SyncReport:
    pushed: int = 0
    conflicts: int = 0
    refused: int = 0
    pulled: int = 0


def sync_once(store: Store, server: Server) -> SyncReport:
    """Push everything waiting, then pull everything new; one report of both."""
    with store.read() as session:
        if get_setting(session, "demo") is not None:
            raise UserError(N_("team", "This database holds the demo community, which never "
                                       "leaves this computer. Sync from a fresh database "
                                       "file instead (Settings → Database)."))
    report = SyncReport()
    has_data = _first_contact(store, server)
    if has_data is not None:
        with store.transaction() as session:  # decided again under the lock, and once
            if join.plan(session, has_data) is join.Join.TAKE:
                join.take_team(session)
            session.merge(SyncState(key=_cursor_key(server.url), value="0"))
    while _push_batch(store, server, report):
        pass
    while _pull_page(store, server, report):
        pass
    return report


def _push_batch(store: Store, server: Server, report: SyncReport) -> bool:
    with store.read() as session:
        rows = session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)
                               .limit(PUSH_BATCH)).all()
        batch = [{"change_id": r.change_id, "entity": r.entity, "row_id": r.row_id,
                  "op": r.op, "base_version": r.base_version,
                  "payload": json.loads(r.payload_json)} for r in rows]
        seqs = [r.seq for r in rows]
    if not batch:
        return False
    outcomes = server.push(batch)
    if [o.get("change_id") for o in outcomes] != [c["change_id"] for c in batch]:
        raise UserError(N_("team", "The team server's answer does not match the changes "
                                   "sent; nothing was dropped here. Try again later."))
    with store.transaction() as session:
        for change, outcome in zip(batch, outcomes, strict=True):
            kind = outcome.get("outcome")
            if kind == "conflict":
                report.conflicts += 1
            elif kind == "refused":
                report.refused += 1
            elif kind != "applied":
                raise UserError(N_("team", "The team server answered {kind!r} for a change; "
                                           "nothing was dropped here.").format(kind=kind))
            if kind != "applied":
                session.add(SyncProblem(change_id=change["change_id"], kind=kind,
                                        entity=change["entity"], row_id=change["row_id"],
                                        detail_json=json.dumps(outcome, ensure_ascii=False)))
        session.execute(delete(OutboxEntry).where(OutboxEntry.seq.in_(seqs)))
    report.pushed += len(batch)
    return True


def _cursor_key(url: str) -> str:
    return f"cursor:{url}"


def _cursor(session: Session, url: str) -> int:
    row = session.get(SyncState, _cursor_key(url))
    return int(row.value) if row else 0


def _first_contact(store: Store, server: Server) -> bool | None:
    """Whether the team has data, asked outside any local transaction; None once this
    console has synced with `server`."""
    with store.read() as session:
        if session.get(SyncState, _cursor_key(server.url)) is not None:
            return None
    return server.team()["has_data"]


def first_sync(store: Store, server: Server) -> join.Join | None:
    """What this console's first sync with `server` will do (refused where two communities
    would merge); None once it has synced with it."""
    has_data = _first_contact(store, server)
    if has_data is None:
        return None
    with store.read() as session:
        return join.plan(session, has_data)


def _pull_page(store: Store, server: Server, report: SyncReport) -> bool:
    with store.read() as session:
        cursor = _cursor(session, server.url)
    page = server.pull(cursor, PULL_PAGE)
    with store.transaction() as session:
        waiting = _waiting_fields(session)
        batch = _Batch()
        for change in page["changes"]:
            if (change["entity"], change["op"]) != ("members", "insert"):
                batch.write(session)  # whatever comes next sees every earlier change
            apply_change(session, change, waiting, batch)
        batch.write(session)
        session.merge(SyncState(key=_cursor_key(server.url), value=str(int(page["cursor"]))))
    report.pulled += len(page["changes"])
    return bool(page["more"]) and bool(page["changes"])


def _waiting_fields(session: Session) -> dict[tuple[str, str], set[str]]:
    """Fields with a local change not pushed yet, by (entity, row id)."""
    waiting: dict[tuple[str, str], set[str]] = {}
    for entity, row_id, payload in session.execute(
            select(OutboxEntry.entity, OutboxEntry.row_id, OutboxEntry.payload_json)):
        waiting.setdefault((entity, row_id), set()).update(json.loads(payload))
    return waiting


def _value(column, value):
    if value is None:
        return None
    if isinstance(column.type, DateTime) or isinstance(
            getattr(column.type, "impl_instance", None), DateTime):
        return read_time(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


class _Batch:
    """New members and their tag and group links, written together: a pulled import is
    thousands of members, and one statement for all of them beats one for each."""

    def __init__(self):
        self.members: dict[tuple, list[dict]] = {}  # by column set: one executemany each
        self.tags: list[dict] = []
        self.groups: list[dict] = []

    def add_member(self, values: dict) -> None:
        self.members.setdefault(tuple(sorted(values)), []).append(values)

    def write(self, session: Session) -> None:
        for rows in self.members.values():
            session.execute(insert(Member).on_conflict_do_nothing(), rows)
        tags.insert_links(session, self.tags)
        if self.groups:
            session.execute(insert(GroupMembership).on_conflict_do_nothing(), self.groups)
        self.members, self.tags, self.groups = {}, [], []


def apply_change(session: Session, change: dict,
                 waiting: dict[tuple[str, str], set[str]] | None = None,
                 batch: _Batch | None = None) -> None:
    """Write one pulled change into this database, without an outbox row. New members and
    their links go to `batch` when given (the caller writes it), else are written at once."""
    entity, op, payload = change["entity"], change["op"], change["payload"]
    if entity == "team_settings":
        if change["row_id"] in TEAM_SETTINGS and op != "remove":
            set_setting(session, change["row_id"], payload.get("value"))
        return
    table = Base.metadata.tables.get(entity)
    if entity not in SYNCED_ENTITIES or table is None:
        return  # a kind of row this console does not know yet: a newer console's
    if entity == "member_tags":
        _apply_tag_links(session, op, payload)
        return
    if entity == "members":
        payload, tag_ids, group_ids = _member_payload(op, payload)
    key_columns = list(table.primary_key.columns)
    keys = change["row_id"].split("/") if len(key_columns) > 1 else [change["row_id"]]
    where = and_(*(column == key for column, key in zip(key_columns, keys, strict=True)))
    if op == "remove":
        session.execute(delete(table).where(where))
        return
    mine = (waiting or {}).get((entity, change["row_id"]), set())
    values = {name: _value(table.c[name], value) for name, value in payload.items()
              if name in table.c and name not in mine}
    if "version" in table.c and change.get("version") is not None:
        values["version"] = change["version"]
    pending = batch or _Batch()
    if entity == "members" and op == "insert":
        pending.add_member({**values, "id": change["row_id"]})
    elif op in ("insert", "add"):
        keyed = {column.name: key for column, key in zip(key_columns, keys, strict=True)}
        statement = insert(table).values({**values, **keyed})
        # An insert seen again is this console's own (or an earlier pull): later edits come
        # as updates, and append-only tables refuse an update. A link added again may carry
        # new fields (who added it, when).
        session.execute(statement.on_conflict_do_update(
            index_elements=[c.name for c in key_columns], set_=values)
            if op == "add" and values else statement.on_conflict_do_nothing())
    elif values:
        if "updated_at" in table.c and "updated_at" not in values:
            values["updated_at"] = table.c.updated_at  # the change's stamp, not this console's
        session.execute(update(table).where(where).values(values))
    if entity == "members":
        _member_links(pending, change["row_id"], tag_ids, group_ids, payload)
    if batch is None:
        pending.write(session)


def _member_payload(op: str, payload: dict) -> tuple[dict, list, list]:
    """An import's member change carries the cells it read and the tags and groups it
    linked (member_import), not every column: fill what the console derives."""
    payload = dict(payload)
    tag_ids, group_ids = payload.pop("tags", None) or [], payload.pop("groups", None) or []
    if "name" in payload and "name_key" not in payload:
        payload["name_key"] = sort_key(payload["name"])
    if op == "insert":
        payload = {"nickname": "", "region": "", "gender": "", **payload}
    return payload, tag_ids, group_ids


def _member_links(links: _Batch, member_id: str, tag_ids: list, group_ids: list,
                  payload: dict) -> None:
    now = read_time(payload["updated_at"]) if payload.get("updated_at") else utcnow()
    links.tags += [{"tag_id": t, "member_id": member_id, "added_at": now, "added_by": None}
                   for t in tag_ids]
    joined = read_time(payload["joined_at"]) if payload.get("joined_at") else now
    links.groups += [{"group_id": g, "member_id": member_id, "role": "member",
                      "joined_at": joined} for g in group_ids]


def _apply_tag_links(session: Session, op: str, payload: dict) -> None:
    members = list(payload.get("member_ids") or [])
    if op == "add":
        added_at = read_time(payload["added_at"]) if payload.get("added_at") else utcnow()
        tags.insert_links(session, [{"tag_id": payload["tag_id"], "member_id": member,
                                     "added_at": added_at,
                                     "added_by": payload.get("added_by")} for member in members])
    elif op == "remove":
        tags.delete_links(session, payload["tag_id"], members)
