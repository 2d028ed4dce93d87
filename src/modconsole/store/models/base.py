"""Declarative base, the UTC time type and the columns every synced row carries."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache

from sqlalchemy import DateTime, Integer, MetaData, String, TypeDecorator, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from modconsole.domain.ids import uuid7
from modconsole.domain.natural_keys import natural_id

# Stable constraint names, so Alembic migrations can refer to them on SQLite.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def stored_time(value: datetime) -> str:
    """A datetime as UtcDateTime stores it, for hand-written SQL that bypasses the type."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


@lru_cache(maxsize=4096)
def stored_text(value: str) -> str:
    """A time as it travels (ISO text, any offset) as UtcDateTime stores it. Cached: the
    links of a snapshot page share a handful of times (an import's, a member's)."""
    return stored_time(read_time(value))


def read_time(value: str | datetime) -> datetime:
    """The inverse of `stored_time`: an aware UTC datetime."""
    value = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class UtcDateTime(TypeDecorator):
    """Stores UTC without an offset and hands back aware UTC datetimes.

    Naive values given to it are taken to be UTC already; aware ones are
    converted. That keeps stored text sortable and comparisons in SQL exact.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is not None:
            value = value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def new_ids(connection: Connection, table, rows: list[dict]) -> list[str]:
    """Ids for new rows of `table`: made from the row's key where its kind has one
    (natural_keys: two consoles that make the same member make one id), else fresh
    UUIDv7s. A row whose key was edited keeps the id its old key made; a new row with
    that old key gets a fresh id instead (one query for all of `rows`)."""
    made = [natural_id(table.name, row) for row in rows]
    wanted = [row_id for row_id in made if row_id is not None]
    taken = set(connection.scalars(select(table.c.id).where(table.c.id.in_(wanted)))
                ) if wanted else set()
    return [uuid7() if row_id is None or row_id in taken else row_id for row_id in made]


def _new_id(context) -> str:
    """The id column's default: new_ids for the row being inserted."""
    return new_ids(context.connection, context.current_column.table,
                   [context.get_current_parameters()])[0]


class Synced:
    """Columns for rows the team server shares: client-made id, times, tombstone, version.

    `version` is SQLAlchemy's version counter: every ORM update bumps it and
    checks the old value, which is the base version the sync layer compares.
    Rows are soft-deleted (`deleted_at`); the outbox listener refuses hard
    deletes of these rows.
    """

    __sync__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=_new_id)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls):
        return {"version_id_col": cls.version}


class SyncedLink:
    """A set-membership row (member–tag, member–group): synced as add/remove ops."""

    __sync_link__ = True
