"""snapshots: the log's compaction floor, and an import's tag and group links kept link by link

Revision ID: s0004
Revises: s0003
Create Date: 2026-12-01
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None

rows = sa.table("team_rows", sa.column("entity", sa.String), sa.column("row_id", sa.String),
                sa.column("version", sa.Integer), sa.column("payload_json", sa.Text),
                sa.column("field_versions_json", sa.Text), sa.column("present", sa.Boolean))


def upgrade() -> None:
    with op.batch_alter_table("log_counter") as batch:
        batch.add_column(sa.Column("floor", sa.BigInteger(), nullable=False,
                                   server_default="0"))
    # A member row pushed by an import held its tags and groups in its payload; a snapshot
    # sends links as rows of their own, so they move there (a later removal then shows).
    connection = op.get_bind()
    found = connection.execute(sa.select(rows.c.row_id, rows.c.payload_json).where(
        rows.c.entity == "members")).all()
    for member_id, payload_json in found:
        payload = json.loads(payload_json)
        if "tags" not in payload and "groups" not in payload:
            continue
        links = _links(member_id, payload.pop("tags", None) or [],
                       payload.pop("groups", None) or [], payload)
        connection.execute(rows.update().where(rows.c.entity == "members",
                                               rows.c.row_id == member_id)
                           .values(payload_json=json.dumps(payload, ensure_ascii=False)))
        if not links:
            continue
        existing = {(e, r) for e, r in connection.execute(sa.select(
            rows.c.entity, rows.c.row_id).where(sa.tuple_(rows.c.entity, rows.c.row_id)
                                                .in_([(e, r) for e, r, _ in links])))}
        fresh = [{"entity": e, "row_id": r, "version": 1, "present": True,
                  "payload_json": json.dumps(p, ensure_ascii=False),
                  "field_versions_json": json.dumps(dict.fromkeys(p, 1))}
                 for e, r, p in links if (e, r) not in existing]
        if fresh:
            connection.execute(rows.insert(), fresh)


def _links(member_id: str, tag_ids: list, group_ids: list, payload: dict) -> list:
    at = payload.get("updated_at")
    return ([("member_tags", f"{t}/{member_id}",
              {"tag_id": t, "member_id": member_id, "added_at": at, "added_by": None})
             for t in tag_ids]
            + [("group_members", f"{g}/{member_id}",
                {"group_id": g, "member_id": member_id, "role": "member",
                 "joined_at": payload.get("joined_at") or at}) for g in group_ids])


def downgrade() -> None:
    with op.batch_alter_table("log_counter") as batch:
        batch.drop_column("floor")
