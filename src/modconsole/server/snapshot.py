"""Snapshots and compaction: how a console that cannot replay the log catches up.

A new console, or one whose cursor is older than the log's floor, reads the
team's current rows entity by entity, a page at a time (keyset on row id, so
a page is one index range however large the team), and then follows the
log from `as_of`, the log number read when it started. Rows read later than
`as_of` may already hold newer changes; replaying those changes over them
ends in the same state, so the snapshot needs no lock and no long
transaction on the server, and a console can stop and resume it anywhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from modconsole.server.models import LogCounter, LoggedChange, TeamRow
from modconsole.server.spliced import json_rows

MAX_PAGE = 10_000


@dataclass(frozen=True)
class Page:
    as_of: int  # the log number this page is at least as new as
    rows: list  # (row_id, version, present, payload_json)
    after: str | None  # pass as `after` next time; None when the entity is done

    def json(self) -> bytes:
        """The page as the API sends it (SnapshotOut), payloads spliced in as stored."""
        rows = json_rows(("row_id", "version", "present", "payload"), self.rows)
        return f'{{"as_of":{self.as_of},"rows":{rows},"after":{json.dumps(self.after)}}}'.encode()


def page(session: Session, entity: str, after: str = "", limit: int = MAX_PAGE) -> Page:
    """The team's rows of `entity` whose id sorts after `after`."""
    limit = max(1, min(limit, MAX_PAGE))
    as_of = session.scalar(select(LogCounter.value).where(LogCounter.id == 1))
    found = session.execute(
        select(TeamRow.row_id, TeamRow.version, TeamRow.present, TeamRow.payload_json)
        .where(TeamRow.entity == entity, TeamRow.row_id > after)
        .order_by(TeamRow.row_id).limit(limit + 1)).all()
    rows = [tuple(r) for r in found[:limit]]
    return Page(as_of, rows, rows[-1][0] if len(found) > limit else None)


def row(session: Session, entity: str, row_id: str) -> tuple[int, bool, dict]:
    """The team's copy of one row: (version, present, payload); (0, False, {}) for a row
    the team never had. What a console puts back after the server refused its change."""
    found = session.get(TeamRow, (entity, row_id))
    if found is None:
        return 0, False, {}
    return found.version, found.present, json.loads(found.payload_json)


def compact(session: Session, before: datetime) -> int:
    """Drop the log's changes made before `before` and raise the floor past them; a
    console whose cursor is below the floor is told to take a snapshot. How many went."""
    last = session.scalar(select(func.max(LoggedChange.seq)).where(LoggedChange.at < before))
    if last is None:
        return 0
    gone = session.execute(delete(LoggedChange).where(LoggedChange.seq <= last)).rowcount
    session.execute(update(LogCounter).where(LogCounter.id == 1, LogCounter.floor < last)
                    .values(floor=last))
    return gone
