"""rollups: daily numbers per scope and metric for the dashboard's charts; targets

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rollups",
        sa.Column("scope", sa.String(length=60), nullable=False),
        sa.Column("metric", sa.String(length=30), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "metric", "day", name=op.f("pk_rollups")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "targets",
        sa.Column("metric", sa.String(length=30), nullable=False),
        sa.Column("scope", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_targets")),
    )


def downgrade() -> None:
    op.drop_table("targets")
    op.drop_table("rollups")
