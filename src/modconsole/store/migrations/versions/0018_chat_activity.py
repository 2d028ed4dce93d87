"""Chat exports: member_days, chat_sources, chat_seen; activities.checkin_keyword;
rules.detectors_json and reports.detector for flagging

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member_days",
        sa.Column("member", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("messages", sa.Integer(), nullable=False),
        sa.Column("links", sa.Integer(), nullable=False),
        sa.Column("media", sa.Integer(), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("member", "day", name=op.f("pk_member_days")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "chat_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("chat_key", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("group_id", sa.String(length=36), nullable=True),
        sa.Column("first_at", sa.DateTime(), nullable=True),
        sa.Column("last_at", sa.DateTime(), nullable=True),
        sa.Column("messages", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["groups.id"],
                                name=op.f("fk_chat_sources_group_id_groups")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_sources")),
        sa.UniqueConstraint("platform", "chat_key", name=op.f("uq_chat_sources_platform")),
    )
    op.create_table(
        "chat_seen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Integer(), nullable=False),
        sa.Column("low_at", sa.Integer(), nullable=False),
        sa.Column("high_at", sa.Integer(), nullable=False),
        sa.Column("packed", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["source"], ["chat_sources.id"],
                                name=op.f("fk_chat_seen_source_chat_sources")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_seen")),
    )
    op.create_index("ix_chat_seen_source_high", "chat_seen", ["source", "high_at"])
    op.add_column("activities", sa.Column("checkin_keyword", sa.String(length=40),
                                          nullable=False, server_default=""))
    op.add_column("rules", sa.Column("detectors_json", sa.Text(), nullable=True))
    op.add_column("reports", sa.Column("detector", sa.String(length=20), nullable=True))


def downgrade() -> None:
    # in place (SQLite 3.35+), like 0017
    op.execute("ALTER TABLE reports DROP COLUMN detector")
    op.execute("ALTER TABLE rules DROP COLUMN detectors_json")
    op.execute("ALTER TABLE activities DROP COLUMN checkin_keyword")
    op.drop_index("ix_chat_seen_source_high", table_name="chat_seen")
    op.drop_table("chat_seen")
    op.drop_table("chat_sources")
    op.drop_table("member_days")
