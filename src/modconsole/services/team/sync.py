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
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from modconsole.domain.messages import N_
from modconsole.services.errors import UserError
from modconsole.services.team import ahead, evidence, join, snapshot
from modconsole.services.team.apply import Batch, apply_change, new_members, waiting_fields
from modconsole.services.team.snapshot import cursor_key
from modconsole.store.engine import Store
from modconsole.store.models import OutboxEntry, SyncProblem, SyncState
from modconsole.store.settings import get_setting

PUSH_BATCH = 10_000  # changes per push at most (the server's MAX_BATCH)
PUSH_BYTES = 8 * 1024 * 1024  # and about this much JSON (the server takes 32 MB)
PULL_PAGE = 10_000  # the server's MAX_PULL


class Server(Protocol):
    url: str

    def push_body(self, changes: list[dict]) -> tuple[bytes, dict]: ...  # payloads as text
    def push(self, body: tuple[bytes, dict]) -> list[dict]: ...
    def pull(self, after: int, limit: int) -> dict: ...
    def team(self) -> dict: ...
    def snapshot(self, entity: str, after: str, limit: int) -> dict: ...
    def missing_files(self, hashes: list[str]) -> list[str]: ...
    def upload_file(self, sha256: str, data: bytes) -> None: ...
    def row(self, entity: str, row_id: str) -> dict: ...


@dataclass
class SyncReport:
    pushed: int = 0
    conflicts: int = 0
    refused: int = 0
    pulled: int = 0  # log changes and snapshot rows
    entities: set[str] = field(default_factory=set)  # kinds of rows pulled
    # called after each batch pushed and page pulled; raising (Cancelled) stops the sync
    # there, and what was done is kept (a snapshot resumes at its page)
    progress: Callable[[SyncReport], None] | None = None

    def count_pulled(self, n: int, entities=()) -> None:
        self.pulled += n
        self.entities.update(entities)
        self.progressed()

    def progressed(self) -> None:
        if self.progress is not None:
            self.progress(self)


def sync_once(store: Store, server: Server,
              progress: Callable[[SyncReport], None] | None = None) -> SyncReport:
    """Push everything waiting, then pull everything new; one report of both."""
    with store.read() as session:
        if get_setting(session, "demo") is not None:
            raise UserError(N_("team", "This database holds the demo community, which never "
                                       "leaves this computer. Sync from a fresh database "
                                       "file instead (Settings → Database)."))
    report = SyncReport(progress=progress)
    has_data = first_contact(store, server)
    if has_data is not None:
        with store.transaction() as session:  # decided again under the lock, and once
            if join.plan(session, has_data) is join.Join.TAKE:
                join.take_team(session)
                snapshot.start(session, server.url)
            session.merge(SyncState(key=cursor_key(server.url), value="0"))
    _push_all(store, server, report)
    while True:
        snapshot.take_all(store, server, report.count_pulled)
        try:
            _pull_all(store, server, report)
            return report
        except snapshot.SnapshotNeeded:  # behind the log's floor: catch up from a snapshot
            with store.transaction() as session:
                snapshot.start(session, server.url)


def _push_all(store: Store, server: Server, report: SyncReport) -> None:
    """Push the outbox in order, a batch at a time. The next batch is read, its evidence
    files uploaded and its request body made while one is on its way, and a batch's
    answers are written while the next is on its way (ahead.py), so a push waits for
    little but the server. A batch goes only once the one before it was answered: the
    server applies them in the order they were made."""
    batch = _outbox_batch(store, 0)
    with ahead.fetching() as send:
        flight = batch and send(server.push, _ready(store, server, batch))
        while flight:
            following = _outbox_batch(store, batch[-1][0])
            body = following and _ready(store, server, following)
            outcomes = _checked(batch, flight.result())
            flight = following and send(server.push, body)
            _settle(store, server, batch, outcomes, report)
            batch = following


def _outbox_batch(store: Store, after: int) -> list[tuple[int, dict]]:
    """The outbox rows after seq `after`: (seq, change) for at most PUSH_BATCH changes and
    about PUSH_BYTES of JSON, the payloads as stored (not parsed to be printed again)."""
    with store.read() as session:
        rows = session.execute(select(
            OutboxEntry.seq, OutboxEntry.change_id, OutboxEntry.entity, OutboxEntry.row_id,
            OutboxEntry.op, OutboxEntry.base_version, OutboxEntry.payload_json)
            .where(OutboxEntry.seq > after).order_by(OutboxEntry.seq)
            .limit(PUSH_BATCH)).all()
    batch, size = [], 0
    for r in rows:
        size += len(r.payload_json) + 200  # the change's other fields, generously
        if batch and size > PUSH_BYTES:
            break
        batch.append((r.seq, {"change_id": r.change_id, "entity": r.entity,
                              "row_id": r.row_id, "op": r.op, "base_version": r.base_version,
                              "payload_json": r.payload_json}))
    return batch


def _ready(store: Store, server: Server, batch: list[tuple[int, dict]]) -> tuple[bytes, dict]:
    """A batch's request body, its evidence files uploaded first (before the rows that
    name them are sent)."""
    changes = [change for _seq, change in batch]
    evidence.upload_for(store, server, changes)
    return server.push_body(changes)


def _checked(batch: list[tuple[int, dict]], outcomes: list[dict]) -> list[dict]:
    """The server's answers, one per change sent and each one the console knows."""
    if [o.get("change_id") for o in outcomes] != [c["change_id"] for _seq, c in batch]:
        raise UserError(N_("team", "The team server's answer does not match the changes "
                                   "sent; nothing was dropped here. Try again later."))
    for outcome in outcomes:
        if outcome.get("outcome") not in ("applied", "conflict", "refused"):
            raise UserError(N_("team", "The team server answered {kind!r} for a change; "
                                       "nothing was dropped here.").format(
                kind=outcome.get("outcome")))
    return outcomes


def _settle(store: Store, server: Server, batch: list[tuple[int, dict]],
            outcomes: list[dict], report: SyncReport) -> None:
    """Drop the answered changes from the outbox, in one transaction: applied ones simply
    go, conflicts and refusals go to `sync_problems` for a person."""
    refused = set()
    with store.transaction() as session:
        for (_seq, change), outcome in zip(batch, outcomes, strict=True):
            kind = outcome["outcome"]
            if kind == "applied":
                continue
            if kind == "conflict":
                report.conflicts += 1
            else:
                report.refused += 1
                refused.add((change["entity"], change["row_id"]))
            session.add(SyncProblem(change_id=change["change_id"], kind=kind,
                                    entity=change["entity"], row_id=change["row_id"],
                                    detail_json=json.dumps(outcome, ensure_ascii=False)))
        session.execute(delete(OutboxEntry).where(
            OutboxEntry.seq.in_([seq for seq, _change in batch])))
    _put_back(store, server, refused, report)
    report.pushed += len(batch)
    report.progressed()


def _put_back(store: Store, server: Server, rows: set[tuple[str, str]],
              report: SyncReport) -> None:
    """A refused change never reached the team: its row here goes back to the team's copy
    (a field with another change waiting keeps its value), so the console shows what the
    team has, such as a colleague's claim, and not the change that failed. The refusal
    stays in sync_problems for a person to see."""
    if not rows:
        return
    found = [(entity, server.row(entity, row_id)) for entity, row_id in sorted(rows)]
    with store.transaction() as session:
        waiting, batch = waiting_fields(session), Batch()
        for entity, row in found:
            if row["version"] and row["present"]:  # else: the team never had it, or the
                apply_change(session, {   # pull brings its removal
                    "entity": entity, "row_id": row["row_id"], "op": "put",
                    "version": row["version"], "payload": row["payload"]}, waiting, batch)
        batch.finish(session)
    report.entities.update(entity for entity, _row in found)


def cursor(session: Session, url: str) -> int:
    """How far into `url`'s log this console has pulled."""
    row = session.get(SyncState, cursor_key(url))
    return int(row.value) if row else 0


def first_contact(store: Store, server: Server) -> bool | None:
    """Whether the team has data, asked outside any local transaction; None once this
    console has synced with `server`."""
    with store.read() as session:
        if session.get(SyncState, cursor_key(server.url)) is not None:
            return None
    return server.team()["has_data"]


def first_sync(store: Store, server: Server) -> join.Join | None:
    """What this console's first sync with `server` will do (refused where two communities
    would merge); None once it has synced with it."""
    has_data = first_contact(store, server)
    if has_data is None:
        return None
    with store.read() as session:
        return join.plan(session, has_data)


def _pull_all(store: Store, server: Server, report: SyncReport) -> None:
    """Pull the log's pages until it is read, the next page on its way while one is
    written (ahead.py)."""
    with store.read() as session:
        after = cursor(session, server.url)
    with ahead.fetching() as fetch:
        coming = fetch(_fetched, server, after)
        while coming:
            page, opening = coming.result()
            more = bool(page["more"]) and bool(page["changes"])
            coming = more and fetch(_fetched, server, int(page["cursor"]))
            _apply_pulled(store, server.url, page, opening)
            report.count_pulled(len(page["changes"]), {c["entity"] for c in page["changes"]})


def _fetched(server: Server, after: int) -> tuple[dict, tuple[Batch, int]]:
    """A page of the log, its opening new members already made into rows (on the fetch
    thread, while SQLite writes the page before)."""
    page = server.pull(after, PULL_PAGE)
    return page, new_members(page["changes"])


def _apply_pulled(store: Store, url: str, page: dict, opening: tuple[Batch, int]) -> None:
    """A page of the log and the cursor after it, in one transaction."""
    with store.transaction() as session:
        waiting = waiting_fields(session)
        batch, done = opening
        for change in page["changes"][done:]:
            if (change["entity"], change["op"]) != ("members", "insert"):
                batch.write(session)  # whatever comes next sees every earlier change
            apply_change(session, change, waiting, batch)
        batch.finish(session)
        session.merge(SyncState(key=cursor_key(url), value=str(int(page["cursor"]))))
