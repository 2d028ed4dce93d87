"""A console's first sync with a team: upload, take the team's, or refuse — never a merge.

- The team has no data yet: this console's data becomes the team's first.
- The team has data and this file is fresh (nothing but the shipped starter
  rulebook and phrase book, untouched, and who is at the keyboard): the file
  takes the team's data.
- Both have data: refused, with the choices spelled out. Two communities are
  never merged silently.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from modconsole.domain.ids import DEFAULT_CONTENT_IDS
from modconsole.domain.messages import N_
from modconsole.domain.permissions import SYNCED_ENTITIES
from modconsole.services import identity
from modconsole.services.errors import UserError
from modconsole.services.startup import open_console_database
from modconsole.services.team.connection import sign_in
from modconsole.store.models import AuditEntry, Base, OutboxEntry, Staff

# Rows a console makes for itself before it has done anything: not a community's data.
_NOT_DATA = frozenset({"staff", "audit_log", "team_settings"})
_DEFAULT_CONTENT = ("rules", "reply_templates")


class Join(StrEnum):
    UPLOAD = "upload"  # the team is empty: this console's data becomes the team's
    TAKE = "take"  # this file is fresh: it takes the team's data


def has_own_data(session: Session) -> bool:
    """Anything beyond the shipped defaults, untouched, and the people at this console."""
    for entity in sorted(SYNCED_ENTITIES - _NOT_DATA):
        table = Base.metadata.tables.get(entity)
        if table is None:
            continue
        rows = select(next(iter(table.primary_key.columns)))
        if entity in _DEFAULT_CONTENT:
            first, after = DEFAULT_CONTENT_IDS
            own = (table.c.id < first) | (table.c.id >= after)
            rows = rows.where(own | (table.c.version > 1))
        if session.scalar(select(exists(rows))):
            return True
    return False


def plan(session: Session, team_has_data: bool) -> Join:
    """What a first sync will do; refused (UserError) where two communities would merge."""
    if not team_has_data:
        return Join.UPLOAD
    if not has_own_data(session):
        return Join.TAKE
    raise UserError(N_("team", "The team already has its data, and this database has data "
                               "of its own; the two are never merged. Either start a fresh "
                               "database file from the team (`modconsole --db NEW.db login "
                               "URL --user NAME`, then `modconsole --db NEW.db sync`), or "
                               "first back this one up (`modconsole backup`) or export it, "
                               "and then start the fresh file."))


def take_team(session: Session) -> None:
    """Forget what this fresh file made for itself before the team's data comes in: its
    unsent changes, its audit rows and its staff rows other than the signed-in account's."""
    me = identity.current_staff_id(session)
    session.execute(delete(OutboxEntry))
    session.execute(delete(AuditEntry))
    session.execute(delete(Staff).where(Staff.id != me))


_SIZED = ("members", "cases", "activities", "reply_templates")


def local_sizes(session: Session) -> dict[str, int]:
    """How much this console would upload as a team's first data, by kind."""
    return {entity: session.scalar(select(func.count()).select_from(
        Base.metadata.tables[entity])) or 0 for entity in _SIZED}


def start_fresh_file(path: Path, url: str, account: str, password: str) -> None:
    """A new database file at `path`, signed in to the team: its first sync takes the
    team's data. The file this console has open stays as it is."""
    if path.exists():
        raise UserError(N_("team", "{path} exists already; choose a new file name.").format(
            path=path))
    store, _ = open_console_database(path)
    try:
        sign_in(store, url, account, password)
    finally:
        store.close()
