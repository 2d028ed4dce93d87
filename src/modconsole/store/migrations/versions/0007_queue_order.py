"""queue order: cases keyed by (status, priority, id); sanctions by member and end

`priority` now holds the look-at moment of a case (seconds since the epoch;
smaller comes first, see domain/priority.py). The queue pages through one
status in (priority, id) order, so the index carries `id` for an exact
keyset. Existing open cases are re-keyed from their first report time and
rule severity.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# The look-at moment without the head starts, as SQL over the stored UTC text.
REKEY = """
UPDATE cases SET priority = CAST(strftime('%s', first_reported_at) AS INTEGER) + 3600 *
  CASE WHEN kind = 'appeal' THEN 24 ELSE
    COALESCE((SELECT CASE severity WHEN 'critical' THEN 1 WHEN 'high' THEN 2
                                   WHEN 'low' THEN 24 ELSE 8 END
              FROM rules WHERE rules.id = cases.rule_id), 8) END
"""


def upgrade() -> None:
    op.drop_index("ix_cases_status_priority", table_name="cases")
    op.create_index("ix_cases_status_priority", "cases", ["status", "priority", "id"])
    op.execute(REKEY)


def downgrade() -> None:
    op.drop_index("ix_cases_status_priority", table_name="cases")
    op.create_index("ix_cases_status_priority", "cases", ["status", "priority"])
