"""What a push has decided but not written yet, written in bulk.

A push decides change by change, but writing each row as it was decided cost
most of its time: an ORM object and an INSERT per new row, a round trip per
link. So new team rows, link rows and log rows wait in the session's `info`
and go in one statement each (COPY on PostgreSQL): before anything reads
them, and at the push's end (`flush`).

The push's `rows` (key -> team row, or None where there is none) is kept
here too: a row written from a queue leaves it, so the next change that
names it reads it back as an ORM row.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass

from psycopg.errors import UniqueViolation
from sqlalchemy import insert, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from modconsole.server.models import LoggedChange, TeamRow
from modconsole.server.spliced import to_json

_ROWS = "modconsole.rows"
_NEW_ROWS = "modconsole.new_rows"
_FRESH_LINKS = "modconsole.fresh_links"  # a _Stream
_LINK_QUEUE = "modconsole.link_queue"
_LOG_QUEUE = "modconsole.change_log_queue"
_TEAM_COLUMNS = ("entity", "row_id", "version", "payload_json", "field_versions_json",
                 "present")


@dataclass(slots=True)
class NewRow:
    """A team row this push makes: TeamRow's columns, without the ORM's cost."""

    entity: str
    row_id: str
    version: int
    payload_json: str = "{}"
    field_versions_json: str = "{}"
    present: bool = True


def keep_rows(session: Session, rows: dict) -> dict:
    """Remember the push's rows (see the module's docstring); returns them."""
    session.info[_ROWS] = rows
    return rows


def new_row(session: Session, entity: str, row_id: str, version: int = 0) -> NewRow:
    """A team row to make, found by later changes of the batch until it is written."""
    row = NewRow(entity, row_id, version)
    session.info.setdefault(_NEW_ROWS, []).append(row)
    session.info.setdefault(_ROWS, {})[entity, row_id] = row
    return row


def put_links(session: Session, entity: str, links: dict[str, str],
              fresh: bool = False) -> None:
    """Queue link rows (row_id -> payload as JSON) to add, or to mark present again.

    `fresh`: links of a member this push makes, which the team cannot have yet, so
    PostgreSQL takes them by a COPY that stays open while the push decides on (_Stream);
    the caller says nothing else to the database until `end_stream`."""
    if not links:
        return
    queue = session.info.setdefault(_LINK_QUEUE, {})
    if fresh and not queue and _postgres(session):  # else an upsert queued first goes first
        if _FRESH_LINKS not in session.info:
            session.info[_FRESH_LINKS] = _Stream(session)
        session.info[_FRESH_LINKS].write(entity, links)
    else:
        queue.setdefault(entity, {}).update(links)


def end_stream(session: Session) -> None:
    """Finish the open COPY of fresh links, if any: before anything else is said to the
    database. Should one of them exist already (a tag added before its member arrived),
    none is kept and all are merged as adds instead."""
    stream = session.info.pop(_FRESH_LINKS, None)
    if stream is None:
        return
    if not stream.finish():
        for entity, links in stream.links:
            _upsert_links(session, entity, links)
    for entity, links in stream.links:
        _forget(session, ((entity, row_id) for row_id in links))


def abandon(session: Session) -> None:
    """Cancel an open COPY of fresh links when the push fails, so that the rollback after
    it can be said on the connection."""
    stream = session.info.pop(_FRESH_LINKS, None)
    if stream is not None:
        stream.cancel()


class _Stream:
    """A COPY into team_rows under a savepoint, fed as the push goes: PostgreSQL writes
    the rows on its own core while this process decides the next changes (written after
    the batch, the COPY was a fifth of a push spent waiting)."""

    def __init__(self, session: Session):
        self.savepoint = session.begin_nested()
        self.cursor = session.connection().connection.driver_connection.cursor()
        self.opened = self.cursor.copy(
            f"COPY team_rows ({', '.join(_TEAM_COLUMNS)}) FROM STDIN")
        self.copy = self.opened.__enter__()
        self.links: list[tuple[str, dict[str, str]]] = []
        self.refused = False

    def write(self, entity: str, links: dict[str, str]) -> None:
        self.links.append((entity, links))
        if self.refused:
            return
        try:
            for row_id, payload in links.items():
                self.copy.write_row((entity, row_id, 1, payload, "{}", True))
        except UniqueViolation:
            self.refused = True

    def cancel(self) -> None:
        with suppress(Exception):  # the push's own error is the one to tell
            self.opened.__exit__(RuntimeError, RuntimeError("the push failed"), None)
        self.cursor.close()

    def finish(self) -> bool:
        """True when every row went in; else the savepoint is rolled back."""
        try:
            self.opened.__exit__(None, None, None)
        except UniqueViolation:
            self.refused = True
        finally:
            self.cursor.close()
        if self.refused:
            self.savepoint.rollback()
        else:
            self.savepoint.commit()
        return not self.refused


def log(session: Session, row: dict) -> None:
    """Queue a change_log row (its columns as a dict)."""
    session.info.setdefault(_LOG_QUEUE, []).append(row)


def write_log(session: Session) -> None:
    """Insert the queued log rows: before anything reads the log, and at the push's end."""
    insert_rows(session, LoggedChange, session.info.pop(_LOG_QUEUE, None) or [])


def write_links(session: Session) -> None:
    """Write the queued links: before a change reads or removes links, and at the end."""
    end_stream(session)
    queued = session.info.pop(_LINK_QUEUE, None) or {}
    if not queued:
        return
    flush(session)  # a link row made earlier in the batch exists before the statement
    for entity, links in queued.items():
        _upsert_links(session, entity, links)


def flush(session: Session) -> None:
    """Write the new team rows, then what the ORM holds."""
    end_stream(session)
    new = session.info.pop(_NEW_ROWS, None)
    if new:
        _bulk_insert(session, TeamRow, [{c: getattr(r, c) for c in _TEAM_COLUMNS}
                                        for r in new])
        _forget(session, ((r.entity, r.row_id) for r in new))
    session.flush()


def insert_rows(session: Session, model, rows: list[dict]) -> None:
    """New rows of `model` in one statement, after what the ORM holds (new team rows
    wait: a change being decided may still be writing one)."""
    if rows:
        end_stream(session)
        session.flush()
        _bulk_insert(session, model, rows)


def _bulk_insert(session: Session, model, rows: list[dict]) -> None:
    """COPY on PostgreSQL (a tenth of the time of an INSERT per row, which was a fifth of
    a push), one INSERT otherwise."""
    if not _postgres(session):
        session.execute(insert(model), rows)
        return
    _copy(session, model.__tablename__, list(rows[0]), ([row[c] for c in row] for row in rows))


def _copy(session: Session, table: str, columns: list[str], values) -> None:
    cursor = session.connection().connection.driver_connection.cursor()
    with cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in values:
            copy.write_row(row)


def _upsert_links(session: Session, entity: str, links: dict[str, str]) -> None:
    if _postgres(session):  # one JSON document: a round trip per link cost half a push
        document = ",".join(f"[{to_json(row_id)},{payload}]"
                            for row_id, payload in links.items())
        session.execute(_PUT_LINKS_PG, {"entity": entity, "links": f"[{document}]"})
    else:
        statement = sqlite.insert(TeamRow.__table__)
        session.execute(statement.on_conflict_do_update(
            index_elements=["entity", "row_id"],
            set_={"present": True, "version": TeamRow.__table__.c.version + 1,
                  "payload_json": statement.excluded.payload_json}),
            [{"entity": entity, "row_id": row_id, "version": 1, "present": True,
              "payload_json": payload, "field_versions_json": "{}"}
             for row_id, payload in links.items()])
    forget(session, entity, links)


_PUT_LINKS_PG = text(  # :links is [[row_id, payload], ...]
    "INSERT INTO team_rows (entity, row_id, version, present, payload_json, "
    "field_versions_json) SELECT :entity, link->>0, 1, true, (link->1)::text, '{}' "
    "FROM json_array_elements(CAST(:links AS json)) AS link "
    "ON CONFLICT (entity, row_id) DO UPDATE SET present = true, "
    "version = team_rows.version + 1, payload_json = excluded.payload_json")


def forget(session: Session, entity: str, row_ids) -> None:
    """Drop what the push holds of rows a statement just changed: the next change to one
    of them reads it again."""
    _forget(session, ((entity, row_id) for row_id in row_ids))


def _forget(session: Session, keys) -> None:
    rows = session.info.get(_ROWS, {})
    for key in keys:
        row = rows.pop(key, None)
        if isinstance(row, TeamRow):
            session.expire(row)


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"
