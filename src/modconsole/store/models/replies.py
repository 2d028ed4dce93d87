"""The phrase book: reply templates and their revision history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from modconsole.store.models.base import Base, Synced, UtcDateTime, utcnow


class ReplyTemplate(Synced, Base):
    """One language variant of a template; variants share a `family_id`."""

    __tablename__ = "reply_templates"
    __table_args__ = (Index("ix_reply_templates_code", "code"),)
    family_id: Mapped[str] = mapped_column(String(36))
    code: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20))
    lang: Mapped[str] = mapped_column(String(10))
    body: Mapped[str] = mapped_column(Text)
    scope: Mapped[str] = mapped_column(String(10), default="team")
    status: Mapped[str] = mapped_column(String(10), default="approved")
    tags_json: Mapped[str] = mapped_column(Text, default="[]")
    usage_count: Mapped[int] = mapped_column(Integer, default=0)
    last_used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))


class TemplateRevision(Synced, Base):
    """The body a template had before an edit (append-only)."""

    __tablename__ = "template_revisions"
    template_id: Mapped[str] = mapped_column(ForeignKey("reply_templates.id"))
    body: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(String(200))
    edited_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    edited_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
