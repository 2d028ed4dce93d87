"""Rulebook, cases and reports, sanctions, appeals, case events and attachments."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from modconsole.store.models.base import Base, Synced, UtcDateTime, utcnow


class Rule(Synced, Base):
    """A rulebook entry. Categories are rules without a parent; items point to one.

    `ladder_json` is null when the rule follows the default penalty ladder.
    """

    __tablename__ = "rules"
    code: Mapped[str] = mapped_column(String(40), unique=True)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("rules.id"))
    scope: Mapped[str] = mapped_column(String(10), default="platform")  # platform | group
    title_zh: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200))
    description_zh: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    severity: Mapped[str] = mapped_column(String(10))
    counts_to_ladder: Mapped[bool] = mapped_column(Boolean, default=True)
    aggravated: Mapped[bool] = mapped_column(Boolean, default=False)
    ladder_json: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    detectors_json: Mapped[str | None] = mapped_column(Text)  # domain.detectors; null: none


class Case(Synced, Base):
    """One case per member + evidence; several reports of one message merge into it."""

    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_status_priority", "status", "priority", "id"),
        Index("ix_cases_member_id", "member_id"),
        Index("ix_cases_evidence_key", "member_id", "evidence_hash"),
    )
    kind: Mapped[str] = mapped_column(String(10), default="report")
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    group_id: Mapped[str | None] = mapped_column(ForeignKey("groups.id"))
    rule_id: Mapped[str | None] = mapped_column(ForeignKey("rules.id"))
    status: Mapped[str] = mapped_column(String(10), default="open")
    source: Mapped[str] = mapped_column(String(10))
    evidence_text: Mapped[str] = mapped_column(Text, default="")
    evidence_link: Mapped[str | None] = mapped_column(String(500))
    evidence_hash: Mapped[str] = mapped_column(String(64))
    report_count: Mapped[int] = mapped_column(Integer, default=1)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    first_reported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    claimed_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    claimed_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decision: Mapped[str | None] = mapped_column(String(20))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    deviated_from_ladder: Mapped[bool] = mapped_column(Boolean, default=False)
    decided_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    appeal_of_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"))


class Report(Synced, Base):
    """One report (举报) or staff discovery; many may point at the same case."""

    __tablename__ = "reports"
    __table_args__ = (Index("ix_reports_case_id", "case_id"),)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    reporter_member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"))
    reporter_staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    source: Mapped[str] = mapped_column(String(10))
    reported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    excerpt: Mapped[str] = mapped_column(Text, default="")
    detector: Mapped[str | None] = mapped_column(String(20))  # which of the rule's detectors


class CaseAttachment(Synced, Base):
    """Evidence file copied into the case store, so it survives the original's deletion."""

    __tablename__ = "case_attachments"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)


class Sanction(Synced, Base):
    """A sanction applied to a member; expiry is by time (`ends_at`), not by a click."""

    __tablename__ = "sanctions"
    __table_args__ = (Index("ix_sanctions_member_id", "member_id"),)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"))
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    kind: Mapped[str] = mapped_column(String(10))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    ends_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    counts_to_ladder: Mapped[bool] = mapped_column(Boolean, default=True)
    overturned: Mapped[bool] = mapped_column(Boolean, default=False)
    lifted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    lifted_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    lift_reason: Mapped[str | None] = mapped_column(Text)


class Appeal(Synced, Base):
    """An appeal (申诉) against a decision; decided in its own case by another moderator."""

    __tablename__ = "appeals"
    original_case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    appeal_case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"))
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    filed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    statement: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str | None] = mapped_column(String(12))
    decided_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class CaseEvent(Synced, Base):
    """Append-only history of a case (reported, claimed, decided, appealed…)."""

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_case_id", "case_id"),)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    kind: Mapped[str] = mapped_column(String(20))
    payload_json: Mapped[str] = mapped_column(Text, default="{}")
