"""planner: attendance per occurrence, waitlist switch, lucky draws

A recurring slot's occurrences each have their own attendance, so
attendance rows carry the occurrence's original start and are unique per
(activity, occurrence, member). Existing rows belong to the activity's first
occurrence.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("activities") as batch:
        batch.add_column(sa.Column("waitlist", sa.Boolean(), nullable=False,
                                   server_default=sa.true()))
    with op.batch_alter_table("attendance") as batch:
        batch.add_column(sa.Column("occurrence_at", sa.DateTime(), nullable=True))
    op.execute("UPDATE attendance SET occurrence_at = (SELECT start_at FROM activities"
               " WHERE activities.id = attendance.activity_id)")
    with op.batch_alter_table("attendance") as batch:
        batch.alter_column("occurrence_at", existing_type=sa.DateTime(), nullable=False)
        batch.drop_constraint("uq_attendance_activity_id", type_="unique")
        batch.create_unique_constraint("uq_attendance_activity_id",
                                       ["activity_id", "occurrence_at", "member_id"])
    with op.batch_alter_table("activities") as batch:
        batch.alter_column("waitlist", server_default=None)
    op.create_table(
        "draws",
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("occurrence_at", sa.DateTime(), nullable=True),
        sa.Column("pool", sa.String(length=20), nullable=False),
        sa.Column("segment_id", sa.String(length=36), nullable=True),
        sa.Column("seed", sa.String(length=64), nullable=False),
        sa.Column("pool_size", sa.Integer(), nullable=False),
        sa.Column("pool_hash", sa.String(length=16), nullable=False),
        sa.Column("winners_json", sa.Text(), nullable=False),
        sa.Column("drawn_by", sa.String(length=36), nullable=True),
        sa.Column("drawn_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activities.id"],
                                name=op.f("fk_draws_activity_id_activities")),
        sa.ForeignKeyConstraint(["segment_id"], ["segments.id"],
                                name=op.f("fk_draws_segment_id_segments")),
        sa.ForeignKeyConstraint(["drawn_by"], ["staff.id"], name=op.f("fk_draws_drawn_by_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draws")),
    )
    op.create_index("ix_draws_activity_id", "draws", ["activity_id"])


def downgrade() -> None:
    op.drop_index("ix_draws_activity_id", table_name="draws")
    op.drop_table("draws")
    with op.batch_alter_table("attendance") as batch:
        batch.drop_constraint("uq_attendance_activity_id", type_="unique")
        batch.create_unique_constraint("uq_attendance_activity_id", ["activity_id", "member_id"])
        batch.drop_column("occurrence_at")
    with op.batch_alter_table("activities") as batch:
        batch.drop_column("waitlist")
