"""Catching up from a snapshot instead of the log.

A console that takes an existing team's data, or whose cursor is older than
what the server's log still holds (the server answers 410
`snapshot_needed`), reads the team's current rows entity by entity, in the
order this database's foreign keys need, a page per local transaction. Its
place (`snapshot:URL` in sync_state: the entity, the last row id, and
`as_of`, the log number of the first page) is stored with each page, so a
console that dies or goes offline resumes where it stopped. When the last
entity is done the cursor becomes `as_of` and the log is followed from
there: the pages may already hold some later changes, and replaying them
ends in the same state.

Nothing unsent is lost: a field with a local change waiting keeps the local
value, and the outbox is pushed as usual afterwards (the server judges it
against the versions it was made on).
"""

from __future__ import annotations

import json

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from modconsole.domain.permissions import SYNCED_ENTITIES
from modconsole.services.errors import UserError
from modconsole.services.team import ahead
from modconsole.services.team.apply import Batch, apply_change, waiting_fields
from modconsole.store.engine import Store
from modconsole.store.models import Base, SyncState

PAGE = 10_000  # the server's most
# team settings first, then parents before the rows that point at them; tag links name
# members and tags by rowid, without foreign keys, so they come last
ENTITIES = ("team_settings", *(t.name for t in Base.metadata.sorted_tables
                               if t.name in SYNCED_ENTITIES - {"member_tags"}), "member_tags")


class SnapshotNeeded(UserError):
    """The server's log no longer reaches this console's cursor."""


def cursor_key(url: str) -> str:
    return f"cursor:{url}"


def _key(url: str) -> str:
    return f"snapshot:{url}"


def start(session: Session, url: str) -> None:
    """Begin (or begin again) a snapshot from `url`; `take_all` carries it out."""
    session.merge(SyncState(key=_key(url), value=json.dumps(
        {"as_of": None, "entity": ENTITIES[0], "after": "", "fix_ups": []})))


def take_all(store: Store, server, on_rows=None) -> None:
    """Apply the pages of a snapshot in progress until it is done, the next page on its
    way while one is written (ahead.py)."""
    with store.read() as session:
        row = session.get(SyncState, _key(server.url))
        if row is None:
            return
        state = json.loads(row.value)  # kept up to date by _apply_page from here on
    with ahead.fetching() as fetch:
        coming = fetch(server.snapshot, state["entity"], state["after"], PAGE)
        while coming:
            entity, page = state["entity"], coming.result()
            following = _following(state, page)
            coming = following and fetch(server.snapshot, *following, PAGE)
            _apply_page(store, server.url, state, page, following)
            if on_rows is not None:
                on_rows(len(page["rows"]), {entity})


def _following(state: dict, page: dict) -> tuple[str, str] | None:
    """The (entity, after) of the page after `page`; None after the last."""
    if page["after"] is not None:
        return state["entity"], page["after"]
    following = ENTITIES.index(state["entity"]) + 1
    return (ENTITIES[following], "") if following < len(ENTITIES) else None


def _apply_page(store: Store, url: str, state: dict, page: dict,
                following: tuple[str, str] | None) -> None:
    """Write a page and the place after it (`following`) in one transaction: a console
    that stops resumes at the next page."""
    with store.transaction() as session:
        session.execute(text("PRAGMA defer_foreign_keys = ON"))  # rows of a page among themselves
        _apply_rows(session, state, page["rows"])
        if state["as_of"] is None:
            state["as_of"] = int(page["as_of"])
        if page["after"] is not None:
            state["after"] = page["after"]
        else:
            _fix_up(session, state)
            state.update(entity=following and following[0], after="", fix_ups=[])
        if state["entity"] is None:
            session.delete(session.get(SyncState, _key(url)))
            session.merge(SyncState(key=cursor_key(url), value=str(state["as_of"])))
        else:
            session.merge(SyncState(key=_key(url), value=json.dumps(state)))


def _apply_rows(session: Session, state: dict, rows: list[dict]) -> None:
    entity = state["entity"]
    waiting = waiting_fields(session)
    later = _forward_references(session, entity, rows)
    batch = Batch()
    if entity == "member_tags":  # millions in a big team: the shortest way in
        batch.add_links([row["payload"] for row in rows if row["present"]])
        rows = [row for row in rows if not row["present"]]
    for row in rows:
        payload = row["payload"]
        for column, target in later.get(row["row_id"], ()):
            payload = {**payload, column: None}  # set once its target is here (_fix_up)
            state["fix_ups"].append([row["row_id"], column, target])
        if row["present"]:
            change = {"op": "put", "payload": payload}
        elif entity == "member_tags":
            change = {"op": "remove", "payload": {"tag_id": payload.get("tag_id"),
                                                  "member_ids": [payload.get("member_id")]}}
        else:
            change = {"op": "remove", "payload": {}}
        apply_change(session, {"entity": entity, "row_id": row["row_id"],
                               "version": row["version"], **change}, waiting, batch)
    batch.finish(session)


def _self_references(entity: str) -> list[str]:
    table = Base.metadata.tables.get(entity)
    if table is None:
        return []
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _forward_references(session: Session, entity: str, rows: list[dict]
                        ) -> dict[str, list[tuple[str, str]]]:
    """Row id → (column, target) where a row points at one of its own kind that neither
    this page nor this database holds yet (an inviter whose id sorts later)."""
    columns = _self_references(entity)
    if not columns:
        return {}
    table = Base.metadata.tables[entity]
    wanted = {r["payload"].get(c) for r in rows for c in columns} - {None}
    here = {r["row_id"] for r in rows}
    here |= set(session.scalars(select(table.c.id).where(table.c.id.in_(wanted - here))))
    later = {}
    for row in rows:
        missing = [(c, row["payload"][c]) for c in columns
                   if row["payload"].get(c) is not None and row["payload"][c] not in here]
        if missing:
            later[row["row_id"]] = missing
    return later


def _fix_up(session: Session, state: dict) -> None:
    """Set the references `_apply_rows` held back, now that the whole entity is here."""
    if not state["fix_ups"]:
        return
    table = Base.metadata.tables[state["entity"]]
    waiting = waiting_fields(session)
    kept = {"updated_at": table.c.updated_at} if "updated_at" in table.c else {}  # the team's
    for row_id, column, target in state["fix_ups"]:
        if column not in waiting.get((state["entity"], row_id), ()):
            session.execute(update(table).where(table.c.id == row_id)
                            .values({column: target, **kept}))
