"""Push and pull: how consoles' changes become the team's, in one server-ordered log.

A push is one transaction. It first bumps the log counter's row, which
holds that row's lock (PostgreSQL) or the database's write lock (SQLite)
until it commits; so pushes commit in the order of their numbers and a
reader's `after` cursor can never pass a number still in flight — the log
is gapless for readers (DESIGN.md "Team sync", 8).

Each change is answered once and the answer kept under its change id, so a
replay after a crash gets the same answer and applies nothing twice. Field
changes carry the version the console last saw; a field changed on the
server since then, to another value, is a conflict: the server keeps its
value and records both. Links (tags, group members) are added and removed
and merge; inserts of append-only rows never conflict.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial

from sqlalchemy import String, any_, bindparam, cast, func, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Session

from modconsole.domain.ids import is_default_content, uuid7
from modconsole.domain.natural_keys import NATURAL_KEYS, key_of, same_key
from modconsole.domain.permissions import SYNCED_ENTITIES, may_change
from modconsole.domain.row_shapes import wrong_field
from modconsole.domain.sync_protocol import COUNTERS
from modconsole.server import guards, pending
from modconsole.server.models import (
    Account,
    Conflict,
    LogCounter,
    LoggedChange,
    ReceivedChange,
    TeamRow,
)
from modconsole.server.references import Known
from modconsole.server.spliced import json_rows, to_json

MAX_BATCH = 10_000  # changes in a push (protocol 3; 5,000 in 2, 1,000 in 1)
MAX_PULL = 10_000  # changes in a pulled page (protocol 3; 5,000 before)
OPS = ("insert", "update", "delete", "add", "remove")
LINK_ENTITIES = frozenset({"member_tags", "group_members"})  # an import's member links
BOOKKEEPING = frozenset({"updated_at"})  # the newest push wins; no person need decide it


@dataclass(frozen=True)
class Change:
    change_id: str
    entity: str
    row_id: str
    op: str
    base_version: int | None
    payload: dict


@dataclass
class Outcome:
    change_id: str
    outcome: str  # applied | conflict | refused
    seq: int | None = None
    version: int | None = None
    reason: str | None = None  # for refused: a code; `message` says it in words
    message: str | None = None
    field: str | None = None  # for refused: the field it names, if one
    conflicts: list[dict] = dataclasses.field(default_factory=list)

    def detail(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("change_id", "outcome")}


def push(session: Session, account: Account, changes: list[Change]) -> list[Outcome]:
    """Apply a batch in order; one Outcome per change, replays answered as before."""
    try:
        return _push(session, account, changes)
    except BaseException:
        pending.abandon(session)
        raise


def _push(session: Session, account: Account, changes: list[Change]) -> list[Outcome]:
    next_seq = session.execute(update(LogCounter).where(LogCounter.id == 1).values(
        value=LogCounter.value).returning(LogCounter.value)).scalar_one()  # takes the lock
    at = datetime.now(UTC)
    rows = pending.keep_rows(session, _load_rows(session, changes))
    verdicts = guards.case_verdicts(session, changes, at)
    known = Known(session, account.role, changes, partial(_any, session))
    answered = {r.change_id: Outcome(r.change_id, r.outcome, **json.loads(r.detail_json))
                for r in session.scalars(select(ReceivedChange).where(_any(
                    session, ReceivedChange.change_id, {c.change_id for c in changes})))}
    outcomes, received = [], []
    for change in changes:
        if change.change_id in answered:  # a replay, or the same id twice in this batch
            outcomes.append(answered[change.change_id])
            continue
        if not _quiet(change, rows):
            pending.end_stream(session)  # it may say something to the database
        outcome = _apply(session, account, change, next_seq + 1, at, verdicts, rows, known)
        known.settle(change, outcome.outcome != "refused")
        if outcome.seq is not None:
            next_seq = outcome.seq
        received.append({"change_id": change.change_id, "outcome": outcome.outcome,
                         "detail_json": to_json(outcome.detail())})
        answered[change.change_id] = outcome
        outcomes.append(outcome)
    pending.write_links(session)
    pending.write_log(session)
    pending.insert_rows(session, ReceivedChange, received)
    session.execute(update(LogCounter).where(LogCounter.id == 1).values(value=next_seq))
    pending.flush(session)
    _keep_statistics(session, len(received))
    return outcomes


def _quiet(change: Change, rows: dict) -> bool:
    """Whether deciding this change says nothing to the database: a new member, whose row
    (or its absence) was loaded with the batch's. A COPY of new members' links stays open
    through a run of them (pending.put_links)."""
    return (change.entity == "members" and change.op == "insert"
            and (change.entity, change.row_id) in rows
            and rows[change.entity, change.row_id] is None)


def _keep_statistics(session: Session, added: int) -> None:
    """After a push that grew the change log by half or more, have PostgreSQL count the
    team's tables again. Its statistics otherwise lag a bulk upload (autovacuum comes by
    the minute), and a planner that still thinks team_rows small reads the whole table for
    each batch's rows instead of their keys: a 100,000-member upload slowed batch by
    batch. Past that, the planner scales what it counted by the tables' size on disk
    (counting again at each fifth of growth cost a 100,000-member upload 0.6 s more)."""
    if added < 200 or session.get_bind().dialect.name != "postgresql":
        return
    known = session.execute(text(
        "SELECT coalesce(max(reltuples), -1) FROM pg_class WHERE relname = 'change_log'")
    ).scalar_one()
    if known < 0 or added * 2 >= known:
        session.execute(text("ANALYZE team_rows, change_log, received_changes"))


def _load_rows(session: Session, changes: list[Change]
               ) -> dict[tuple[str, str], TeamRow | None]:
    """Every team row the batch names (None where there is none yet), one query per
    entity instead of one per change."""
    wanted: dict[str, set[str]] = {}
    for change in changes:
        wanted.setdefault(change.entity, set()).add(change.row_id)
    rows: dict[tuple[str, str], TeamRow | None] = {
        (c.entity, c.row_id): None for c in changes}
    for entity, row_ids in wanted.items():
        for row in session.scalars(select(TeamRow).where(
                TeamRow.entity == entity, _any(session, TeamRow.row_id, row_ids))):
            rows[entity, row.row_id] = row
    return rows


def _any(session: Session, column, values):
    """`column` is one of `values`. PostgreSQL: one array parameter; an IN list of a
    batch's ids cost more to turn into SQL than the lookup itself."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=ARRAY(String)))
    return column.in_(values)


def record(session: Session, account: Account, entity: str, row_id: str,
           payload: dict) -> None:
    """A change the server makes itself (an account's staff row), logged like a pushed one
    so every console pulls it."""
    seq = session.execute(update(LogCounter).where(LogCounter.id == 1).values(
        value=LogCounter.value + 1).returning(LogCounter.value)).scalar_one()
    row = session.get(TeamRow, (entity, row_id))
    op = "update" if row is not None else "insert"
    if row is None:
        row = TeamRow(entity=entity, row_id=row_id, version=0, payload_json="{}",
                      field_versions_json="{}", present=True)
        session.add(row)
    _write(row, payload)
    _log(session, account, Change(uuid7(), entity, row_id, op, None, payload), seq,
         datetime.now(UTC), row.version, payload)
    pending.write_log(session)


def _refused(change: Change, reason: str, message: str, field: str | None = None) -> Outcome:
    return Outcome(change.change_id, "refused", reason=reason, message=message, field=field)


def _apply(session: Session, account: Account, change: Change, seq: int,
           at: datetime, verdicts: dict[str, guards.Verdict],
           rows: dict[tuple[str, str], TeamRow | None], known: Known) -> Outcome:
    if change.entity not in SYNCED_ENTITIES:
        return _refused(change, "unknown_entity", f"{change.entity!r} is not synced.")
    if not may_change(account.role, change.entity):
        return _refused(change, "role_refused", f"Your role ({account.role}) may not change "
                                                f"{change.entity}.")
    if change.op not in OPS:
        return _refused(change, "unknown_op", f"{change.op!r} is not a change.")
    if (wrong := wrong_field(change.entity, change.op, change.payload)) is not None:
        name, problem = wrong
        shown = f": {change.payload[name]!r:.80}" if name in change.payload else ""
        return _refused(change, "bad_value", f"{name} {problem}{shown}.", name)
    if (missing := known.missing(change)) is not None:
        name, entity, row_id = missing
        return _refused(change, "unknown_reference", f"{name} names {entity} {row_id}, "
                                                     "which the team does not have.")
    if change.entity in guards.READS_ROWS:
        pending.flush(session)  # rows made earlier in the batch, where the guards see them
    found = guards.verdict(session, account, change, verdicts)
    if found is not None:
        return _refused(change, found.reason, found.message)
    if change.entity in LINK_ENTITIES:
        pending.write_links(session)  # what earlier changes linked, before it is read
    if change.op in ("add", "remove") and isinstance(change.payload.get("member_ids"), list):
        return _apply_links(session, account, change, seq, at)
    key = change.entity, change.row_id
    row = rows[key] if key in rows else session.get(TeamRow, key)
    conflicts: list[dict] = []
    logged = change
    if change.op == "insert" and row is not None:
        current = json.loads(row.payload_json)
        if not (row.present and same_key(change.entity, current, change.payload)):
            return _refused(change, "row_exists", f"{change.entity} {change.row_id} exists "
                                                  "already.")
        # made on two consoles (natural_keys): the second is merged into the first
        applied, conflicts = _merge_fields(session, account, row, _merged(change, current))
        logged = replace(change, op="put")
    elif change.op in ("insert", "add"):
        applied = dict(change.payload)
        if row is None:  # a later change in the batch finds it in `rows`
            row = pending.new_row(session, change.entity, change.row_id)
        row.present = True
    elif change.op == "remove":
        if row is None or not row.present:
            return Outcome(change.change_id, "applied")  # removed already: nothing to log
        row.present, applied = False, {}
    else:
        if (row is None and is_default_content(change.row_id)
                and change.base_version is not None):
            # shipped content every console has: its first edit is the server's first copy
            row = pending.new_row(session, change.entity, change.row_id,
                                  change.base_version)
        if row is None or not row.present:
            return _refused(change, "unknown_row", f"There is no {change.entity} "
                                                   f"{change.row_id} on the server.")
        applied, conflicts = _merge_fields(session, account, row, change)
        if (holder := _key_holder(session, row, applied)) is not None:
            return _refused(change, "key_taken", f"Another {change.entity} row ({holder}) "
                                                 "has that key already.")
    if change.entity == "members":
        _write(row, _member_links(session, change.row_id, applied,
                                  fresh=isinstance(row, pending.NewRow)))
    else:
        _write(row, applied)
    if logged.op == "put":  # every console takes the team's whole row, the second maker too
        links = {name: applied[name] for name in ("tags", "groups") if name in applied}
        applied = {**json.loads(row.payload_json), **links}
    _log(session, account, logged, seq, at, row.version, applied)
    for c in conflicts:
        session.add(Conflict(change_id=change.change_id, entity=change.entity,
                             row_id=change.row_id, field=c["field"],
                             kept_json=to_json(c["kept"]),
                             pushed_json=to_json(c["pushed"]),
                             pushed_by=account.id, at=at))
    return Outcome(change.change_id, "conflict" if conflicts else "applied", seq=seq,
                   version=row.version, conflicts=conflicts)


def _log(session: Session, account: Account, change: Change, seq: int, at: datetime,
         version: int | None, payload: dict) -> None:
    pending.log(session, {
        "seq": seq, "change_id": change.change_id, "entity": change.entity,
        "row_id": change.row_id, "op": change.op, "version": version,
        "payload_json": to_json(payload), "account_id": account.id,
        "at": at})


def _apply_links(session: Session, account: Account, change: Change, seq: int,
                 at: datetime) -> Outcome:
    """A batched link change (a tag added to up to LINKS_PER_ROW members at once, row_id
    the tag): kept per link, so adds and removes of overlapping batches merge; logged once
    as pushed."""
    fields = {k: v for k, v in change.payload.items() if k != "member_ids"}
    links = {f"{change.row_id}/{m}": to_json({**fields, "member_id": m})
             for m in change.payload["member_ids"]}
    if change.op == "add":
        pending.put_links(session, change.entity, links)
    elif links:
        session.execute(update(TeamRow).where(
            TeamRow.entity == change.entity, TeamRow.row_id.in_(links), TeamRow.present)
            .values(present=False, version=TeamRow.version + 1))
        pending.forget(session, change.entity, links)
    _log(session, account, change, seq, at, None, change.payload)
    return Outcome(change.change_id, "applied", seq=seq)


def _member_links(session: Session, member_id: str, applied: dict, fresh: bool) -> dict:
    """An import's member change names the tags and groups it linked: the team keeps those
    as link rows (what a snapshot sends, and what a later removal ends), the member row
    keeps the rest. `fresh`: the member is new in this push."""
    fields = dict(applied)
    tag_ids, group_ids = fields.pop("tags", None) or [], fields.pop("groups", None) or []
    # written out here: an import's 7 links share the member and the time, and encoding
    # each link whole was a tenth of a push
    member, at = to_json(member_id), to_json(fields.get("updated_at"))
    joined = to_json(fields.get("joined_at") or fields.get("updated_at"))
    pending.put_links(session, "member_tags", {
        f"{t}/{member_id}": f'{{"tag_id": {to_json(t)}, "member_id": {member}, '
                            f'"added_at": {at}, "added_by": null}}' for t in tag_ids}, fresh)
    pending.put_links(session, "group_members", {
        f"{g}/{member_id}": f'{{"group_id": {to_json(g)}, "member_id": {member}, '
                            f'"role": "member", "joined_at": {joined}}}' for g in group_ids},
                      fresh)
    return fields



def _merge_fields(session: Session, account: Account, row: TeamRow,
                  change: Change) -> tuple[dict, list[dict]]:
    """The fields to apply, and the ones that lost to a newer value on the server.

    A console counts versions up locally, so its second edit of a row before it pulls
    names a base the server has passed if a colleague changed another field meanwhile:
    a field last set by the same account is never stale (nobody conflicts with themself).
    """
    current = json.loads(row.payload_json)
    versions = json.loads(row.field_versions_json)
    applied, conflicts = {}, []
    payload = dict(change.payload)
    if row.entity == "cases" and guards.decision_conflict(current, versions,
                                                          change.base_version, payload):
        # kept whole: another moderator's decision, never half of each
        lost = {name: payload.pop(name) for name in guards.DECISION_FIELDS if name in payload}
        conflicts.append({"field": "decision", "kept": {n: current.get(n) for n in lost},
                          "pushed": lost, **_changed_by(session, row, versions["decision"])[1]})
    for name, value in payload.items():
        stale = change.base_version is not None and versions.get(name, 0) > change.base_version \
            and name not in BOOKKEEPING and name not in COUNTERS.get(row.entity, ())
        if stale and current.get(name) != value:
            setter, kept = _changed_by(session, row, versions[name])
            if setter != account.id:
                conflicts.append({"field": name, "kept": current.get(name), "pushed": value,
                                  **kept})
                continue
        applied[name] = value
    return applied, conflicts


def _changed_by(session: Session, row: TeamRow, version: int) -> tuple[int | None, dict]:
    """Who made the change that brought `row` to `version` (their account id), and the
    conflict's `kept_by`/`kept_at` for it: one lookup of the log (gone once compacted)."""
    pending.write_log(session)
    found = session.execute(select(Account.id, Account.name, LoggedChange.at).join(Account)
                            .where(LoggedChange.entity == row.entity,
                                   LoggedChange.row_id == row.row_id,
                                   LoggedChange.version == version)).first()
    return (found[0] if found else None,
            {"kept_by": found[1] if found else None,
             "kept_at": found[2].isoformat() if found else None})


def _key_holder(session: Session, row: TeamRow, applied: dict) -> str | None:
    """The present row that holds the key an edit gives `row` already (a tag renamed to a
    name its group has, a member given another's platform id), else None. Every console
    holding both would refuse the edit by its UNIQUE constraint, and fail at each pull.
    An edit of a key is rare: the team's rows of that kind with the edited value are
    looked up then, and compared whole here."""
    names = NATURAL_KEYS.get(row.entity, ())
    if not set(names) & applied.keys():
        return None
    current = json.loads(row.payload_json)
    key = key_of(row.entity, {**current, **applied})
    if key == key_of(row.entity, current):
        return None
    name = next(n for n in reversed(names) if n in applied)
    value, field = applied[name], _json_text(session, name)
    pending.flush(session)  # rows made earlier in the batch
    found = session.execute(select(TeamRow.row_id, TeamRow.payload_json).where(
        TeamRow.entity == row.entity, TeamRow.present, TeamRow.row_id != row.row_id,
        field.is_(None) if value is None else field == str(value)))
    return next((row_id for row_id, payload in found
                 if key_of(row.entity, json.loads(payload)) == key), None)


def _json_text(session: Session, name: str):
    """A payload field as text, in SQL."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(TeamRow.payload_json, JSONB)[name].astext
    return func.json_extract(TeamRow.payload_json, f"$.{name}")


def _merged(change: Change, current: dict) -> Change:
    """A second insert of a row as the update it amounts to: from version 0, as its
    console never saw the first, so each field it sets differently is a conflict for a
    person. Its times (made, checked in) are the first maker's, without a conflict."""
    payload = {name: value for name, value in change.payload.items()
               if not (current.get(name) is not None and name not in BOOKKEEPING
                       and (name == "at" or name.endswith("_at")))}
    return replace(change, op="update", base_version=0, payload=payload)


def _write(row: TeamRow, applied: dict) -> None:
    row.version += 1
    payload = json.loads(row.payload_json)
    versions = json.loads(row.field_versions_json)
    for name, value in applied.items():
        payload[name] = value
        versions[name] = row.version
    row.payload_json = to_json(payload)
    row.field_versions_json = to_json(versions)


def has_data(session: Session) -> bool:
    """Whether any console has put data in the team yet (the accounts' staff rows, which
    the server makes, do not count): what a joining console's first sync depends on."""
    return session.scalar(select(TeamRow.row_id).where(TeamRow.entity != "staff")
                          .limit(1)) is not None


@dataclass(frozen=True)
class Pulled:
    rows: list[tuple]  # (seq, change_id, entity, row_id, op, version, payload as stored)
    cursor: int  # pass as `after` next time
    more: bool

    def json(self) -> bytes:
        """The page as the API sends it (PullOut), payloads spliced in as stored."""
        changes = json_rows(("seq", "change_id", "entity", "row_id", "op", "version",
                             "payload"), self.rows)
        return (f'{{"changes":{changes},"cursor":{self.cursor},'
                f'"more":{"true" if self.more else "false"}}}').encode()


class LogCompacted(Exception):
    """The log no longer holds what comes after the cursor: the console needs a snapshot."""


def latest(session: Session) -> int:
    """The newest number in the log (a console's cursor at it has everything)."""
    return session.scalar(select(LogCounter.value).where(LogCounter.id == 1))


def pull(session: Session, after: int, limit: int = MAX_PULL) -> Pulled:
    """The log after `after`, in order; `more` when the page was full."""
    limit = max(1, min(limit, MAX_PULL))
    if after < session.scalar(select(LogCounter.floor).where(LogCounter.id == 1)):
        raise LogCompacted(after)
    rows = session.execute(
        select(LoggedChange.seq, LoggedChange.change_id, LoggedChange.entity,
               LoggedChange.row_id, LoggedChange.op, LoggedChange.version,
               LoggedChange.payload_json).where(LoggedChange.seq > after)
        .order_by(LoggedChange.seq).limit(limit + 1)).all()
    page = [tuple(r) for r in rows[:limit]]
    return Pulled(page, page[-1][0] if page else after, len(rows) > limit)

