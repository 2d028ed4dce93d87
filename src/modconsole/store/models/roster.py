"""Members, groups, tags, segments, staff, notes and the points ledger."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    ScalarSelect,
    Select,
    String,
    Text,
    UniqueConstraint,
    literal_column,
    select,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, validates

from modconsole.domain.name_order import sort_key
from modconsole.store.models.base import Base, Synced, SyncedLink, UtcDateTime, utcnow


class Staff(Synced, Base):
    """A person on the team: moderator, ops, lead, admin or viewer."""

    __tablename__ = "staff"
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"))
    email: Mapped[str | None] = mapped_column(String(200))


class Group(Synced, Base):
    """A chat group (群) the team runs; `cap` is the size at which it should split."""

    __tablename__ = "groups"
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    cap: Mapped[int] = mapped_column(Integer)
    platform: Mapped[str] = mapped_column(String(20), default="wechat")
    description: Mapped[str] = mapped_column(Text, default="")


# Kept in step with migration 0013, which creates these indexes.
LIVE_SORT_COLUMNS = ("nickname", "last_active_at", "joined_at", "points", "paid_total_cents",
                     "layer", "member_class", "growth_stage", "status")


def _name_key_default(context) -> str:
    return sort_key(context.get_current_parameters().get("name") or "")


class Member(Synced, Base):
    """A community member. Layer, class, stage and churn level are computed by rules."""

    __tablename__ = "members"
    __table_args__ = (
        Index("ix_members_name", "name"),
        # The roster's default order (pinyin name key, rowid) over live members, from the
        # index alone.
        Index("ix_members_live_name", "name_key", sqlite_where=text("deleted_at IS NULL")),
        # The region picker's distinct regions (a seek each) and the region filter.
        Index("ix_members_live_region", "region", sqlite_where=text("deleted_at IS NULL")),
        # Every other sortable column's order over live members, from its index alone:
        # the rowid in each entry breaks ties and NULLs come first (services.roster pages
        # across them). The active and points filters seek these too.
        *(Index(f"ix_members_live_{column}", column, sqlite_where=text("deleted_at IS NULL"))
          for column in LIVE_SORT_COLUMNS),
        # The few deleted members, which counts read from the tag lists take off.
        Index("ix_members_deleted", "deleted_at", sqlite_where=text("deleted_at IS NOT NULL")),
    )
    platform_id: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    # name_order.sort_key(name), kept beside the name: set on insert (Core or ORM) and by
    # the ORM on rename; a Core UPDATE of the name sets it too (see member_import).
    name_key: Mapped[str] = mapped_column(Text, default=_name_key_default, server_default="")
    nickname: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str | None] = mapped_column(String(40))
    phone_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    email: Mapped[str | None] = mapped_column(String(200))
    email_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    region: Mapped[str] = mapped_column(String(100), default="")
    gender: Mapped[str] = mapped_column(String(10), default="")
    age_band: Mapped[str] = mapped_column(String(20), default="")
    joined_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    join_channel: Mapped[str] = mapped_column(String(40), default="")
    inviter_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"))
    last_active_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    posts_count: Mapped[int] = mapped_column(Integer, default=0)
    comments_count: Mapped[int] = mapped_column(Integer, default=0)
    likes_count: Mapped[int] = mapped_column(Integer, default=0)
    quality_posts_count: Mapped[int] = mapped_column(Integer, default=0)
    active_streak_days: Mapped[int] = mapped_column(Integer, default=0)
    conversions_count: Mapped[int] = mapped_column(Integer, default=0)
    points: Mapped[int] = mapped_column(Integer, default=0)
    level: Mapped[int] = mapped_column(Integer, default=1)
    paid_total_cents: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(10), default="active")
    left_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    muted_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    is_staff: Mapped[bool] = mapped_column(Boolean, default=False)
    layer: Mapped[str | None] = mapped_column(String(12))
    member_class: Mapped[str | None] = mapped_column(String(12))
    growth_stage: Mapped[str | None] = mapped_column(String(12))
    churn_level: Mapped[int] = mapped_column(Integer, default=0)
    layer_rank: Mapped[float | None] = mapped_column(Float)  # share ranked above; for "why"
    classified_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


    @validates("name")
    def _keep_name_key(self, _key, name: str) -> str:
        self.name_key = sort_key(name or "")
        return name

class GroupMembership(SyncedLink, Base):
    __tablename__ = "group_members"
    __table_args__ = (Index("ix_group_members_member_id", "member_id"),)
    group_id: Mapped[str] = mapped_column(ForeignKey("groups.id"), primary_key=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(10), default="member")
    joined_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class TagGroup(Synced, Base):
    """A family of tags (region, interest, spend band…); `exclusive` allows one per member."""

    __tablename__ = "tag_groups"
    name: Mapped[str] = mapped_column(String(100))
    color: Mapped[str] = mapped_column(String(9), default="#607d8b")
    exclusive: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Tag(Synced, Base):
    __tablename__ = "tags"
    __table_args__ = (UniqueConstraint("group_id", "name"),)
    group_id: Mapped[str | None] = mapped_column(ForeignKey("tag_groups.id"))
    name: Mapped[str] = mapped_column(String(100))
    color: Mapped[str | None] = mapped_column(String(9))


class MemberTag(Base):
    """Tag membership, keyed by the tag's and the member's rowids (short keys; see 0010).

    The primary key leads with the tag, so a tag's members are one range. The
    services write links in bulk SQL and record their outbox rows by UUID,
    so this model carries no outbox hooks of its own.
    """

    __tablename__ = "member_tags"
    __table_args__ = (Index("ix_member_tags_member", "member", "tag"),
                      {"sqlite_with_rowid": False})
    tag: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    member: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    added_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    added_by: Mapped[str | None] = mapped_column(String(36))


# The rowids that key tag links. SQLAlchemy maps no rowid column, so these name it.
MEMBER_ROWID = literal_column("members.rowid", Integer)
TAG_ROWID = literal_column("tags.rowid", Integer)


def tag_rowids(tag_ids) -> Select:
    """The rowids of these tags (ids, or a select of ids), for `MemberTag.tag.in_(…)`."""
    return select(TAG_ROWID).where(Tag.id.in_(tag_ids))


def tag_rowid(tag_id) -> ScalarSelect:
    return select(TAG_ROWID).where(Tag.id == tag_id).scalar_subquery()


def member_rowid(member_id) -> ScalarSelect:
    return select(MEMBER_ROWID).where(Member.id == member_id).scalar_subquery()


class Segment(Synced, Base):
    """A saved, named filter over members (its definition is JSON)."""

    __tablename__ = "segments"
    name: Mapped[str] = mapped_column(String(100))
    filter_json: Mapped[str] = mapped_column(Text, default="{}")
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))


class MemberNote(Synced, Base):
    __tablename__ = "member_notes"
    __table_args__ = (Index("ix_member_notes_member_id", "member_id"),)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    body: Mapped[str] = mapped_column(Text)


class PointsEntry(Synced, Base):
    """Append-only points ledger; (source_kind, source_id, member) makes awards idempotent."""

    __tablename__ = "points_ledger"
    __table_args__ = (
        UniqueConstraint("source_kind", "source_id", "member_id"),
        Index("ix_points_ledger_member_id", "member_id"),
    )
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    delta: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200), default="")
    source_kind: Mapped[str] = mapped_column(String(20))
    source_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
