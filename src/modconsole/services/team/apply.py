"""Writing the team's rows into this database: pulled changes and snapshot rows.

Everything here writes with plain SQL, so nothing it writes enters the
outbox. A field that still has a local change waiting to be pushed is left
as it is; the push that follows settles it on the server.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache, lru_cache

from sqlalchemy import Date, DateTime, and_, bindparam, delete, func, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from modconsole.domain.name_order import sort_key
from modconsole.domain.permissions import SYNCED_ENTITIES
from modconsole.domain.sync_protocol import COUNTERS, TEAM_SETTINGS
from modconsole.services import tags
from modconsole.store import bulk_index, json_params
from modconsole.store.models import Base, GroupMembership, Member, OutboxEntry
from modconsole.store.models.base import read_time, utcnow
from modconsole.store.settings import set_setting

HISTORY = frozenset({"audit_log", "case_events"})  # append-only in the store (migration 0002)


def waiting_fields(session: Session) -> dict[tuple[str, str], set[str]]:
    """Fields with a local change not pushed yet, by (entity, row id)."""
    waiting: dict[tuple[str, str], set[str]] = {}
    for entity, row_id, payload in session.execute(
            select(OutboxEntry.entity, OutboxEntry.row_id, OutboxEntry.payload_json)):
        waiting.setdefault((entity, row_id), set()).update(json.loads(payload))
    return waiting


def column_value(column, value):
    """A value as it travels (JSON: times and dates as ISO text) as `column` keeps it."""
    read = _reader(column)
    return value if value is None or read is None else read(value)


def _reader(column):
    if isinstance(column.type, DateTime) or isinstance(
            getattr(column.type, "impl_instance", None), DateTime):
        return _read_time
    if isinstance(column.type, Date):
        return date.fromisoformat
    return None


_read_time = lru_cache(maxsize=4096)(read_time)  # an import's members share their times


@cache
def _key_columns(table) -> list:
    return list(table.primary_key.columns)


@cache
def _readers(table) -> dict:
    """Column name → how its travelling value is read (None: as it is), worked out once
    per table, not once per value: a snapshot page is 10,000 rows."""
    return {column.name: _reader(column) for column in table.c}


class Batch:
    """New members and their tag and group links, written together: a pulled import or a
    snapshot is thousands of members, and one statement for all beats one for each."""

    def __init__(self):
        # by (overwrite, column set): one INSERT each
        self.members: dict[tuple, list[dict]] = {}
        self.tags: list[tuple] = []  # (tag id, member id, added_at, added_by)
        self.member_tags: list[tuple] = []  # (member id, added_at, added_by, [tag id, …])
        self.groups: list[dict] = []
        self.recount: dict[str, set[str]] = {entity: set() for entity in COUNTERS}

    def add_member(self, values: dict, overwrite: bool = False) -> None:
        self.members.setdefault((overwrite, tuple(sorted(values))), []).append(values)

    def add_links(self, payloads: list[dict]) -> None:
        """Tag links (tag_id, member_id, added_at, added_by) to insert."""
        now = utcnow()
        self.tags += [(p.get("tag_id"), p.get("member_id"), p.get("added_at") or now,
                       p.get("added_by")) for p in payloads]

    def write(self, session: Session) -> None:
        table = Member.__table__  # Core: the ORM's bulk insert would set version 1
        for (overwrite, columns), rows in self.members.items():
            if overwrite:
                rows = _overwrite(session, table, columns, rows)
            if rows:
                with bulk_index.new_members(session.connection(), len(rows)):
                    json_params.insert_rows(session.connection(), table, rows)
        tags.insert_member_links(session, self.member_tags)
        tags.insert_link_rows(session, self.tags)
        if self.groups:
            session.execute(insert(GroupMembership).on_conflict_do_nothing(), self.groups)
        self.members, self.tags, self.member_tags, self.groups = {}, [], [], []

    def finish(self, session: Session) -> None:
        """Write what is left and count again what the changes moved: once per page, not
        once per change (a page of 2,000 ledger entries is one count, not 2,000)."""
        self.write(session)
        _recount(session, self.recount)
        self.recount = {entity: set() for entity in COUNTERS}

    def counted(self, change: dict) -> None:
        """Note the counters a change may move: a ledger entry or report that came in, or
        a pulled value of the counter itself (which is counted again, not taken)."""
        entity, payload = change["entity"], change["payload"]
        if entity == "points_ledger" and payload.get("member_id"):
            self.recount["members"].add(payload["member_id"])
        elif entity == "reports" and payload.get("case_id"):
            self.recount["cases"].add(payload["case_id"])
        elif COUNTERS.get(entity, frozenset()) & payload.keys():
            self.recount[entity].add(change["row_id"])


def _recount(session: Session, recount: dict[str, set[str]]) -> None:
    """Count points from the ledger and reports per case again (COUNTERS): every console
    ends with the same totals whatever order the history came in."""
    members, cases = Member.__table__, Base.metadata.tables["cases"]
    ledger, reports = Base.metadata.tables["points_ledger"], Base.metadata.tables["reports"]
    if recount["members"]:
        session.execute(update(members).where(members.c.id.in_(recount["members"])).values(
            points=select(func.coalesce(func.sum(ledger.c.delta), 0))
            .where(ledger.c.member_id == members.c.id).scalar_subquery(),
            updated_at=members.c.updated_at))
    if recount["cases"]:
        filed = reports.c.case_id == cases.c.id
        session.execute(update(cases).where(cases.c.id.in_(recount["cases"]),
                                            select(reports.c.id).where(filed).exists()).values(
            report_count=select(func.count()).where(filed).scalar_subquery(),
            updated_at=cases.c.updated_at))


def _overwrite(session: Session, table, columns: tuple, rows: list[dict]) -> list[dict]:
    """Update the rows this database has (an UPDATE, not an upsert: SQLite lets an upsert
    override the search index triggers' INSERT OR IGNORE); the ones it has not, to insert."""
    here = set(session.scalars(select(table.c.id).where(table.c.id.in_([r["id"] for r in rows]))))
    if here:
        values = {c: bindparam(f"v_{c}") for c in columns if c != "id"}
        values.setdefault("updated_at", table.c.updated_at)
        session.execute(update(table).where(table.c.id == bindparam("v_id")).values(values),
                        [{f"v_{c}": v for c, v in r.items()} for r in rows if r["id"] in here])
    return [r for r in rows if r["id"] not in here]


def new_members(changes: list[dict]) -> tuple[Batch, int]:
    """The members a page of the log opens with (an import's inserts), with their links,
    as a Batch, and how many changes that took. Writing no row, this runs on the fetch
    thread while the page before is written (sync._pull_all). It needs no unsent local
    fields (`waiting`) either: a member this console has already is left as it is."""
    batch = Batch()
    for done, change in enumerate(changes):
        if (change["entity"], change["op"]) != ("members", "insert"):
            return batch, done
        _apply_row(None, Member.__table__, change, {}, batch)  # an insert: no session needed
        batch.counted(change)
    return batch, len(changes)


def apply_change(session: Session, change: dict,
                 waiting: dict[tuple[str, str], set[str]] | None = None,
                 batch: Batch | None = None) -> None:
    """Write one pulled change into this database, without an outbox row. New members and
    their links go to `batch` when given (the caller finishes it), else are written at once.

    Besides the log's ops, `put` writes a snapshot's row: inserted, or overwritten where
    this console has it already (history rows never change, so they are only inserted)."""
    entity, op, payload = change["entity"], change["op"], change["payload"]
    if entity == "team_settings":
        if change["row_id"] in TEAM_SETTINGS and op != "remove":
            set_setting(session, change["row_id"], payload.get("value"))
        return
    table = Base.metadata.tables.get(entity)
    if entity not in SYNCED_ENTITIES or table is None:
        return  # a kind of row this console does not know yet: a newer console's
    pending = batch or Batch()
    pending.counted(change)
    if entity == "member_tags":
        if op == "put":
            pending.add_links([payload])
        else:
            _apply_tag_links(session, op, payload)
    else:
        _apply_row(session, table, change, waiting or {}, pending)
    if batch is None:
        pending.finish(session)


def _apply_row(session: Session, table, change: dict,
               waiting: dict[tuple[str, str], set[str]], pending: Batch) -> None:
    entity, op, payload = change["entity"], change["op"], change["payload"]
    if entity == "members":
        payload, tag_ids, group_ids = _member_payload(op, payload)
    key_columns = _key_columns(table)
    keys = change["row_id"].split("/") if len(key_columns) > 1 else [change["row_id"]]

    def where():  # built when needed: not for the thousands of members a page inserts
        return and_(*(column == key for column, key in zip(key_columns, keys, strict=True)))
    if op == "remove":
        session.execute(delete(table).where(where()))
        return
    mine = waiting.get((entity, change["row_id"]), set())
    readers = _readers(table)
    values = {name: value if value is None or (read := readers[name]) is None else read(value)
              for name, value in payload.items() if name in readers and name not in mine}
    if "version" in table.c and change.get("version") is not None:
        values["version"] = change["version"]
    if entity == "members" and op in ("insert", "put"):
        pending.add_member({**values, "id": change["row_id"]}, overwrite=op == "put")
    elif entity == "group_members" and op == "put":
        pending.groups.append({**values, "group_id": keys[0], "member_id": keys[1]})
    elif op in ("insert", "add", "put"):
        keyed = {column.name: key for column, key in zip(key_columns, keys, strict=True)}
        statement = insert(table).values({**values, **keyed})
        # An insert seen again is this console's own (or an earlier pull): later edits come
        # as updates, and append-only tables refuse an update. A link added again may carry
        # new fields (who added it, when), and a snapshot's row is the team's newest.
        if op == "add" and values:
            session.execute(statement.on_conflict_do_update(
                index_elements=[c.name for c in key_columns], set_=values))
        elif (session.execute(statement.on_conflict_do_nothing()).rowcount == 0
              and op == "put" and entity not in HISTORY and values):
            _update(session, table, where(), values)
    elif values:
        _update(session, table, where(), values)
    if entity == "members":
        _member_links(pending, change["row_id"], tag_ids, group_ids, payload)


def _update(session: Session, table, where, values: dict) -> None:
    if "updated_at" in table.c and "updated_at" not in values:
        values = {**values, "updated_at": table.c.updated_at}  # the change's, not this console's
    session.execute(update(table).where(where).values(values))


def _member_payload(op: str, payload: dict) -> tuple[dict, list, list]:
    """An import's member change carries the cells it read and the tags and groups it
    linked (member_import), not every column: fill what the console derives."""
    payload = dict(payload)
    tag_ids, group_ids = payload.pop("tags", None) or [], payload.pop("groups", None) or []
    if "name" in payload and "name_key" not in payload:
        payload["name_key"] = sort_key(payload["name"])
    if op in ("insert", "put"):
        payload = {"nickname": "", "region": "", "gender": "", **payload}
    return payload, tag_ids, group_ids


def _member_links(links: Batch, member_id: str, tag_ids: list, group_ids: list,
                  payload: dict) -> None:
    at = payload.get("updated_at") or utcnow()  # as it came: a stamp an import shares
    if tag_ids:
        links.member_tags.append((member_id, at, None, tag_ids))
    if group_ids:
        joined = read_time(payload.get("joined_at") or at)
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
