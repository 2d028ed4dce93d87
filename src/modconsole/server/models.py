"""The server's tables. Its own metadata and Alembic line: it never shares a file with a console."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Account(Base):
    """A person who signs in. Disabled accounts keep their history but cannot sign in."""

    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    staff_id: Mapped[str] = mapped_column(String(36), unique=True)  # its row in `staff`
    password_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Token(Base):
    """A signed-in console. Only the SHA-256 of the token is kept: a copy of the
    database lets nobody sign in."""

    __tablename__ = "tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"),
                                            index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class LoginFailure(Base):
    """Failed sign-ins per key ("account:NAME" or "address:IP") in the current window."""

    __tablename__ = "login_failures"
    __table_args__ = (UniqueConstraint("key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(120))
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class LogCounter(Base):
    """The change log's last number. A push locks this row until it commits, so numbers
    commit in order and a reader's cursor never passes one still in flight."""

    __tablename__ = "log_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)
    floor: Mapped[int] = mapped_column(BigInteger, default=0)  # log rows up to it are gone


class TeamRow(Base):
    """The team's current copy of one synced row: its columns as JSON, its version, and
    the version at which each field last changed (what a stale base is checked against)."""

    __tablename__ = "team_rows"
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    payload_json: Mapped[str] = mapped_column(Text)
    field_versions_json: Mapped[str] = mapped_column(Text)
    present: Mapped[bool] = mapped_column(Boolean)  # False once a link is removed


class LoggedChange(Base):
    """One applied change in server order: what consoles pull."""

    __tablename__ = "change_log"
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(80))
    op: Mapped[str] = mapped_column(String(10))
    version: Mapped[int | None] = mapped_column(Integer)
    payload_json: Mapped[str] = mapped_column(Text)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReceivedChange(Base):
    """Every change id ever pushed and what became of it, so a replay gets the same answer."""

    __tablename__ = "received_changes"
    change_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(10))  # applied | conflict | refused
    detail_json: Mapped[str] = mapped_column(Text)


class Conflict(Base):
    """A pushed field value that lost to a newer one: both values, who and when."""

    __tablename__ = "conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    change_id: Mapped[str] = mapped_column(String(36), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(80))
    field: Mapped[str] = mapped_column(String(60))
    kept_json: Mapped[str] = mapped_column(Text)
    pushed_json: Mapped[str] = mapped_column(Text)
    pushed_by: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EvidenceFile(Base):
    """A file attached to a case, stored once by its SHA-256 in the database (the server's
    only state, so every server process behind a balancer serves it)."""

    __tablename__ = "evidence_files"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size_bytes: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[str] = mapped_column(String(80))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_by: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
