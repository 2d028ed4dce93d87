"""live region index: the region picker's list and the region filter over live members

Listing the distinct regions for the filter panel scanned every member row:
3.7 s at a million members, run again after each tag change and holding the
worker (and everything queued behind it) that long. With this partial index
the list is one index seek per region, and the region filter seeks too.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_members_live_region", "members", ["region"],
                    sqlite_where=sa.text("deleted_at IS NULL"))


def downgrade() -> None:
    op.drop_index("ix_members_live_region", table_name="members")
