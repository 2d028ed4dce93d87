"""outbox rows by (entity, row id): a change's base is the one a waiting change of the
same row already names

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_outbox_row", "outbox", ["entity", "row_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_outbox_row", "outbox")
