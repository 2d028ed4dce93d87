"""Rows that a key of their own fields names: one member per platform id, one tag per
name in its group, one check-in per member and occurrence.

Two consoles that each make such a row before they sync (both imported the same group
export, both created the tag "VIP") must end up with one row. So a new row's id is made
from its key (`natural_id`), and both consoles make the same id. The team server then
takes the second insert as a merge into the first, not as a row that no console can
hold beside the other (their UNIQUE constraints would refuse it, and every change
naming it would break the pull after).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import Enum

# entity -> its key's fields: the console's UNIQUE constraints (tested)
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "attendance": ("activity_id", "occurrence_at", "member_id"),
    "members": ("platform_id",),
    "points_ledger": ("source_kind", "source_id", "member_id"),
    "rules": ("code",),
    "tags": ("group_id", "name"),
}
# key fields that hold a time: a console may hold it with or without its UTC offset
KEY_TIMES = frozenset({("attendance", "occurrence_at")})

_NAMESPACE = uuid.UUID("6d6f6463-6f6e-5c73-8e6f-6c65206b6579")  # fixed: ids must not move


def _text(entity: str, name: str, value) -> str:
    """A key field's value as the same text on every console and on the server (which
    holds it as JSON: times as ISO text)."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        value = value.value
    if (entity, name) in KEY_TIMES:
        try:
            value = value if isinstance(value, datetime) else datetime.fromisoformat(value)
        except (TypeError, ValueError):
            return str(value)
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat()
    return str(value)


def key_of(entity: str, values: dict) -> tuple[str, ...] | None:
    """The row's key as text, or None for an entity without one."""
    names = NATURAL_KEYS.get(entity)
    if names is None:
        return None
    return tuple(_text(entity, name, values.get(name)) for name in names)


def natural_id(entity: str, values: dict) -> str | None:
    """The id a new row with these values gets on every console, or None for an entity
    without a key (its rows get fresh UUIDv7s)."""
    key = key_of(entity, values)
    if key is None:
        return None
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join((entity, *key))))


def same_key(entity: str, row: dict, other: dict) -> bool:
    """Whether two rows of `entity` (as JSON payloads) are one by their key: an insert the
    server merges. False for an entity without a key."""
    return entity in NATURAL_KEYS and key_of(entity, row) == key_of(entity, other)
