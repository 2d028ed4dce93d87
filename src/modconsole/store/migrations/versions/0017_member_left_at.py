"""members.left_at: when a member left (an import's 退群时间, a chat export's leave)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("members", sa.Column("left_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    # in place (SQLite 3.35+): a batch copy of members would trip the search triggers
    op.execute("ALTER TABLE members DROP COLUMN left_at")
