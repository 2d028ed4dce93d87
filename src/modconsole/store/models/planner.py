"""Activities, their groups, budget lines, tasks, attendance and theme days."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from modconsole.store.models.base import Base, Synced, SyncedLink, UtcDateTime, utcnow


class Activity(Synced, Base):
    """An activity or a recurring slot (`rrule`, RFC 5545) in its own time zone."""

    __tablename__ = "activities"
    __table_args__ = (Index("ix_activities_start_at", "start_at"),)
    type: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    start_at: Mapped[datetime] = mapped_column(UtcDateTime)
    end_at: Mapped[datetime] = mapped_column(UtcDateTime)
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    rrule: Mapped[str | None] = mapped_column(Text)
    exceptions_json: Mapped[str] = mapped_column(Text, default="[]")
    location: Mapped[str] = mapped_column(String(300), default="")
    online_link: Mapped[str | None] = mapped_column(String(500))
    host_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    helpers_json: Mapped[str] = mapped_column(Text, default="[]")
    segment_id: Mapped[str | None] = mapped_column(ForeignKey("segments.id"))
    capacity: Mapped[int | None] = mapped_column(Integer)
    waitlist: Mapped[bool] = mapped_column(Boolean, default=True)  # past capacity: wait, or refuse
    reward_points: Mapped[int] = mapped_column(Integer, default=0)
    reward_badge: Mapped[str | None] = mapped_column(String(100))
    # A chat message holding this word (打卡) inside an occurrence checks its sender in.
    checkin_keyword: Mapped[str] = mapped_column(String(40), default="", server_default="")
    goal: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="planned")
    review_json: Mapped[str | None] = mapped_column(Text)


class ActivityGroup(SyncedLink, Base):
    __tablename__ = "activity_groups"
    activity_id: Mapped[str] = mapped_column(ForeignKey("activities.id"), primary_key=True)
    group_id: Mapped[str] = mapped_column(ForeignKey("groups.id"), primary_key=True)


class BudgetLine(Synced, Base):
    __tablename__ = "budget_lines"
    activity_id: Mapped[str] = mapped_column(ForeignKey("activities.id"))
    category: Mapped[str] = mapped_column(String(20))  # people, content, promotion, prizes, tools
    planned_cents: Mapped[int] = mapped_column(Integer, default=0)
    actual_cents: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(200), default="")


class ActivityTask(Synced, Base):
    __tablename__ = "activity_tasks"
    activity_id: Mapped[str] = mapped_column(ForeignKey("activities.id"))
    title: Mapped[str] = mapped_column(String(200))
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Attendance(Synced, Base):
    """A member at one occurrence (its original start) of an activity or slot."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("activity_id", "occurrence_at", "member_id"),
        Index("ix_attendance_member_id", "member_id"),
    )
    activity_id: Mapped[str] = mapped_column(ForeignKey("activities.id"))
    occurrence_at: Mapped[datetime] = mapped_column(UtcDateTime)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    status: Mapped[str] = mapped_column(String(12), default="registered")
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    checked_in_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Theme(Synced, Base):
    """A theme day or week of the content calendar (e.g. "Health week")."""

    __tablename__ = "themes"
    title: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    color: Mapped[str] = mapped_column(String(9), default="#ffe0b2")


class Draw(Synced, Base):
    """A lucky draw as made: seed, pool fingerprint and winners, so it can be re-verified."""

    __tablename__ = "draws"
    __table_args__ = (Index("ix_draws_activity_id", "activity_id"),)
    activity_id: Mapped[str] = mapped_column(ForeignKey("activities.id"))
    occurrence_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    pool: Mapped[str] = mapped_column(String(20))  # attendees | segment
    segment_id: Mapped[str | None] = mapped_column(ForeignKey("segments.id"))
    seed: Mapped[str] = mapped_column(String(64))
    pool_size: Mapped[int] = mapped_column(Integer)
    pool_hash: Mapped[str] = mapped_column(String(16))
    winners_json: Mapped[str] = mapped_column(Text)
    drawn_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    drawn_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
