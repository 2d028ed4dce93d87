"""live name index: the roster's default order (name, id) over live members, covering

The roster pages through live members sorted by name. With only an index on
`name`, every step of that walk read the member row to check `deleted_at` and
fetch `id`; a 2-tag filter's first page read ~10,000 rows. This partial index
answers the walk from the index alone.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_members_live_name", "members", ["name", "id"],
                    sqlite_where=sa.text("deleted_at IS NULL"))


def downgrade() -> None:
    op.drop_index("ix_members_live_name", table_name="members")
