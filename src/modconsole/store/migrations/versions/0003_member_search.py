"""member search: an FTS5 trigram index over names, ids, contacts and staff notes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NOTES_OF = ("(SELECT coalesce(group_concat(body, char(10)), '') FROM member_notes "
            "WHERE member_id = {id} AND deleted_at IS NULL)")


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE member_search USING fts5("
        "name, nickname, platform_id, phone, email, notes, tokenize = 'trigram')"
    )
    op.execute(
        "INSERT INTO member_search (rowid, name, nickname, platform_id, phone, email, notes) "
        "SELECT m.rowid, m.name, m.nickname, m.platform_id, coalesce(m.phone, ''), "
        f"coalesce(m.email, ''), {NOTES_OF.format(id='m.id')} FROM members m"
    )
    op.execute(
        "CREATE TRIGGER member_search_insert AFTER INSERT ON members BEGIN "
        "INSERT INTO member_search (rowid, name, nickname, platform_id, phone, email, notes) "
        "VALUES (new.rowid, new.name, new.nickname, new.platform_id, coalesce(new.phone, ''), "
        "coalesce(new.email, ''), ''); END"
    )
    op.execute(
        "CREATE TRIGGER member_search_update AFTER UPDATE OF name, nickname, platform_id, phone, "
        "email ON members BEGIN UPDATE member_search SET name = new.name, "
        "nickname = new.nickname, platform_id = new.platform_id, "
        "phone = coalesce(new.phone, ''), email = coalesce(new.email, '') "
        "WHERE rowid = new.rowid; END"
    )
    op.execute(
        "CREATE TRIGGER member_search_delete AFTER DELETE ON members BEGIN "
        "DELETE FROM member_search WHERE rowid = old.rowid; END"
    )
    for verb in ("INSERT", "UPDATE"):
        op.execute(
            f"CREATE TRIGGER member_search_notes_{verb.lower()} AFTER {verb} ON member_notes "
            f"BEGIN UPDATE member_search SET notes = {NOTES_OF.format(id='new.member_id')} "
            "WHERE rowid = (SELECT rowid FROM members WHERE id = new.member_id); END"
        )


def downgrade() -> None:
    for name in ("insert", "update", "delete", "notes_insert", "notes_update"):
        op.execute(f"DROP TRIGGER IF EXISTS member_search_{name}")
    op.execute("DROP TABLE IF EXISTS member_search")
