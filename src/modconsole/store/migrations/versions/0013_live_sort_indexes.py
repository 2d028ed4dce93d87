"""live sort indexes: every roster column sorts from an index over live members

Sorting by last active, points, paid, joined, nickname, layer, class, stage
or status read and sorted every member for each page (0.4-1.8 s at a million,
and ~50 s of worker time to list all ids). Each column gets a partial index
over live members; the rowid in each entry breaks ties, so a page is one
range of one index. The plain last-active index goes: the live one serves the
active-date filter, which always asks for live members. A small index of the
deleted members lets a count of tag holders be read from the tag lists alone
and corrected for them.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# As store.models.roster.LIVE_SORT_COLUMNS on the day this was written.
COLUMNS = ("nickname", "last_active_at", "joined_at", "points", "paid_total_cents", "layer",
           "member_class", "growth_stage", "status")


def upgrade() -> None:
    op.drop_index("ix_members_last_active_at", table_name="members")
    for column in COLUMNS:
        op.create_index(f"ix_members_live_{column}", "members", [column],
                        sqlite_where=sa.text("deleted_at IS NULL"))
    op.create_index("ix_members_deleted", "members", ["deleted_at"],
                    sqlite_where=sa.text("deleted_at IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_members_deleted", table_name="members")
    for column in COLUMNS:
        op.drop_index(f"ix_members_live_{column}", table_name="members")
    op.create_index("ix_members_last_active_at", "members", ["last_active_at"])
