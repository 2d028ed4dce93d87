"""every account is a staff row on the team: its id, so consoles name colleagues

Revision ID: s0003
Revises: s0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

from modconsole.domain.ids import uuid7

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("staff_id", sa.String(36)))
    accounts = sa.table("accounts", sa.column("id", sa.Integer), sa.column("staff_id"))
    connection = op.get_bind()
    for (account_id,) in connection.execute(sa.select(accounts.c.id)).all():
        connection.execute(accounts.update().where(accounts.c.id == account_id)
                           .values(staff_id=uuid7()))
    with op.batch_alter_table("accounts") as batch:
        batch.alter_column("staff_id", nullable=False)
        batch.create_unique_constraint("uq_accounts_staff_id", ["staff_id"])


def downgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.drop_constraint("uq_accounts_staff_id")
        batch.drop_column("staff_id")
