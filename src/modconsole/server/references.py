"""The rows a pushed change names must be the team's.

A console can hold a row its role could not send (a member a moderator added), and
the team's other consoles cannot take a row that names one they never get: SQLite
refuses it, and every pull after it fails. So a change naming a row the team does
not have is refused (`unknown_reference`), unless the same push brings that row; the
console keeps both and shows the refusal. Shipped content every console has counts
as the team's.

The team rows the batch names are looked up once, by key only, before it is decided.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.domain.ids import is_default_content
from modconsole.domain.permissions import may_change
from modconsole.domain.sync_protocol import LINK_KEYS, REFERENCE_LISTS, REFERENCES
from modconsole.server.models import TeamRow

MAKES = frozenset({"insert", "add", "update"})  # a removal or a tombstone names nothing new
MADE = frozenset({"insert", "add"})


def _named(change) -> Iterator[tuple[str, str, list[str]]]:
    """(field, entity, row ids) for the rows the change names."""
    if change.op not in MAKES:
        return
    payload = change.payload
    key = LINK_KEYS.get(change.entity, ())
    if key and len(parts := change.row_id.split("/")) == len(key):
        payload = {**payload, **dict(zip(key, parts, strict=True))}  # the console reads
        # a link's key from its row id, whatever the payload says
    for name, entity in REFERENCES.get(change.entity, {}).items():
        if isinstance(value := payload.get(name), str):
            yield name, entity, [value]
    for name, entity in REFERENCE_LISTS.get(change.entity, {}).items():
        if isinstance(values := payload.get(name), list) and values:
            yield name, entity, [v for v in values if isinstance(v, str)]


class Known:
    """The rows a batch's changes may name: the team's, and the ones the batch brings."""

    def __init__(self, session: Session, role: str, changes: list, any_of) -> None:
        wanted: dict[str, set[str]] = {}
        for change in changes:
            for _name, entity, row_ids in _named(change):
                wanted.setdefault(entity, set()).update(row_ids)
        self.present: dict[str, set[str]] = {}
        for entity, ids in wanted.items():
            self.present[entity] = {row_id for row_id in ids if is_default_content(row_id)}
            self.present[entity].update(session.scalars(select(TeamRow.row_id).where(
                TeamRow.entity == entity, any_of(TeamRow.row_id, ids), TeamRow.present)))
        # a row the batch makes further on, named before it comes (a parent sorted after
        # its child): the pusher's role must be one that may make it
        self.coming: dict[str, set[str]] = {entity: set() for entity in wanted}
        for change in changes:
            if change.op in MADE and change.entity in wanted and may_change(role,
                                                                             change.entity):
                self.coming[change.entity].add(change.row_id)

    def missing(self, change) -> tuple[str, str, str] | None:
        """The first row `change` names that the team does not have: (field, entity, id)."""
        for name, entity, row_ids in _named(change):
            present = self.present[entity]
            if present.issuperset(row_ids):
                continue
            for row_id in row_ids:
                if row_id not in present and row_id not in self.coming[entity]:
                    return name, entity, row_id
        return None

    def settle(self, change, applied: bool) -> None:
        """What the batch decided of a change: a row it made is the team's from now on, a
        row it refused will not come."""
        if change.op in MADE and change.entity in self.present:
            if applied:
                self.present[change.entity].add(change.row_id)
            self.coming[change.entity].discard(change.row_id)
