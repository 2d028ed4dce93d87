"""What chat exports leave behind: per member and day counts, the chats and the messages seen.

Raw messages are not kept (a busy group's year is millions of them); only
their counts, and each message's identity so an overlapping export counts
nothing twice. These rows stay on the console that imported them: the team
shares what they add up to, the member fields.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from modconsole.store.models.base import Base, UtcDateTime, utcnow


class MemberDay(Base):
    """One member's messages on one local day. `member` is members.rowid (a short key, as in
    member_tags); `day` counts days from 1970-01-01 in the community's time zone."""

    __tablename__ = "member_days"
    __table_args__ = ({"sqlite_with_rowid": False},)
    member: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    day: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    messages: Mapped[int] = mapped_column(Integer, default=0)
    links: Mapped[int] = mapped_column(Integer, default=0)
    media: Mapped[int] = mapped_column(Integer, default=0)  # images, files, stickers, voice
    mentions: Mapped[int] = mapped_column(Integer, default=0)


class ChatSource(Base):
    """A chat whose export was imported, the group it stands for, and how far it reaches."""

    __tablename__ = "chat_sources"
    __table_args__ = (UniqueConstraint("platform", "chat_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))  # telegram, qq, table
    chat_key: Mapped[str] = mapped_column(String(200))  # the export's chat id, else its name
    name: Mapped[str] = mapped_column(String(200))
    group_id: Mapped[str | None] = mapped_column(ForeignKey("groups.id"))
    first_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    messages: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ChatSeen(Base):
    """Messages already counted, a batch per row: their chat, the batch's first and last time
    (Unix seconds), and each message's time and identity (the export's message id, or a hash
    of time, sender and text) packed as signed 64-bit numbers, times first. A row per
    message would cost an import of a million messages a million B-tree inserts; a new
    export unpacks only the batches whose times it overlaps."""

    __tablename__ = "chat_seen"
    __table_args__ = (Index("ix_chat_seen_source_high", "source", "high_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[int] = mapped_column(ForeignKey("chat_sources.id"))
    low_at: Mapped[int] = mapped_column(Integer)
    high_at: Mapped[int] = mapped_column(Integer)
    packed: Mapped[bytes] = mapped_column(LargeBinary)
