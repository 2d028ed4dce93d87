"""tags by name: each tag's members in roster order, so a tag filter's page is a range read

The roster's default order is (name, id). A filter on tags walked every live
member in that order and probed each one's tags; two tags that 1% of members
share meant ~10,000 probes (~34 ms on 1M members) for a page of 100. This
table lists each tag's members already in (name, id) order: the page walks
one tag's range and probes the others by exact key (~1 ms). `tag` is the
tag's rowid, which keeps the rows short (as `member_chars` keeps members'
rowids). Triggers keep it equal to `member_tags` and to members' names.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLE = "member_tags_by_name"


def add(tag_id: str, member_id: str) -> str:
    return (f"INSERT OR IGNORE INTO {TABLE} (tag, name, member_id) SELECT t.rowid, m.name, m.id "
            f"FROM tags t, members m WHERE t.id = {tag_id} AND m.id = {member_id}")


def drop(tag_id: str, member_id: str) -> str:
    return (f"DELETE FROM {TABLE} WHERE tag = (SELECT rowid FROM tags WHERE id = {tag_id}) "
            f"AND name = (SELECT name FROM members WHERE id = {member_id}) "
            f"AND member_id = {member_id}")


def upgrade() -> None:
    op.execute(f"CREATE TABLE {TABLE} (tag INTEGER NOT NULL, name TEXT NOT NULL, "
               "member_id TEXT NOT NULL, PRIMARY KEY (tag, name, member_id)) WITHOUT ROWID")
    op.execute(f"INSERT INTO {TABLE} (tag, name, member_id) SELECT t.rowid, m.name, m.id "
               "FROM member_tags mt JOIN tags t ON t.id = mt.tag_id "
               "JOIN members m ON m.id = mt.member_id ORDER BY 1, 2, 3")
    op.execute(f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON member_tags BEGIN "
               f"{add('new.tag_id', 'new.member_id')}; END")
    op.execute(f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON member_tags BEGIN "
               f"{drop('old.tag_id', 'old.member_id')}; END")
    op.execute(f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF tag_id, member_id ON member_tags "
               f"BEGIN {drop('old.tag_id', 'old.member_id')}; "
               f"{add('new.tag_id', 'new.member_id')}; END")
    op.execute(f"CREATE TRIGGER {TABLE}_rename AFTER UPDATE OF name ON members "
               f"WHEN old.name IS NOT new.name BEGIN UPDATE {TABLE} SET name = new.name "
               "WHERE name = old.name AND member_id = new.id AND tag IN (SELECT t.rowid "
               "FROM member_tags mt JOIN tags t ON t.id = mt.tag_id WHERE mt.member_id = new.id); "
               "END")


def downgrade() -> None:
    for name in ("insert", "delete", "update", "rename"):
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{name}")
    op.execute(f"DROP TABLE IF EXISTS {TABLE}")
