"""the team's rows, the change log and what became of every pushed change

Revision ID: s0002
Revises: s0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    counter = op.create_table(
        "log_counter",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("value", sa.BigInteger(), nullable=False),
    )
    op.bulk_insert(counter, [{"id": 1, "value": 0}])
    op.create_table(
        "team_rows",
        sa.Column("entity", sa.String(40), primary_key=True),
        sa.Column("row_id", sa.String(80), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("payload_json", sa.Text(), nullable=False),
        sa.Column("field_versions_json", sa.Text(), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "change_log",
        sa.Column("seq", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("change_id", sa.String(36), nullable=False, unique=True),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(80), nullable=False),
        sa.Column("op", sa.String(10), nullable=False),
        sa.Column("version", sa.Integer()),
        sa.Column("payload_json", sa.Text(), nullable=False),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "received_changes",
        sa.Column("change_id", sa.String(36), primary_key=True),
        sa.Column("outcome", sa.String(10), nullable=False),
        sa.Column("detail_json", sa.Text(), nullable=False),
    )
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("change_id", sa.String(36), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(80), nullable=False),
        sa.Column("field", sa.String(60), nullable=False),
        sa.Column("kept_json", sa.Text(), nullable=False),
        sa.Column("pushed_json", sa.Text(), nullable=False),
        sa.Column("pushed_by", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_conflicts_change_id", "conflicts", ["change_id"])


def downgrade() -> None:
    for table in ("conflicts", "received_changes", "change_log", "team_rows", "log_counter"):
        op.drop_table(table)
