"""tag links by rowid: member_tags keyed by the tag's and the member's rowids

A tag link was two 36-character UUIDs, indexed twice and checked against two
foreign keys; tagging 100,000 members took ~3.2 s, most of it comparing text
keys. Keyed by integers (and without a rowid of its own) the same insert,
with its by-name row, takes ~1.2 s. The roster's name order becomes
(name, rowid), so the live-name index holds just the name (an index entry
ends with the rowid anyway) and `member_tags_by_name` keeps the member's
rowid too.

Rowids of `members` and `tags` are stable: both tables have a unique index,
and SQLite's VACUUM copies such tables row for row with their rowids (the
search tables of 0003 and 0004 rely on this as well). Without foreign keys,
triggers take a hard-deleted member's or tag's links with it.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23
"""

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

BY_NAME = "member_tags_by_name"
BY_NAME_TRIGGERS = ("insert", "delete", "update", "rename")
LIVE_NAME = "ix_members_live_name"


def _drop_by_name() -> None:
    for name in BY_NAME_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {BY_NAME}_{name}")
    op.execute(f"DROP TABLE IF EXISTS {BY_NAME}")


def _rebuild_live_name(columns: list[str]) -> None:
    op.drop_index(LIVE_NAME, table_name="members")
    op.create_index(LIVE_NAME, "members", columns, sqlite_where=sa.text("deleted_at IS NULL"))


def upgrade() -> None:
    _drop_by_name()
    op.execute("CREATE TABLE member_tags_new (tag INTEGER NOT NULL, member INTEGER NOT NULL, "
               "added_at DATETIME NOT NULL, added_by VARCHAR(36), "
               "CONSTRAINT pk_member_tags PRIMARY KEY (tag, member)) WITHOUT ROWID")
    op.execute("INSERT INTO member_tags_new (tag, member, added_at, added_by) "
               "SELECT t.rowid, m.rowid, mt.added_at, mt.added_by FROM member_tags mt "
               "JOIN tags t ON t.id = mt.tag_id JOIN members m ON m.id = mt.member_id "
               "ORDER BY 1, 2")
    op.execute("DROP TABLE member_tags")
    op.execute("ALTER TABLE member_tags_new RENAME TO member_tags")
    op.create_index("ix_member_tags_member", "member_tags", ["member", "tag"])
    op.execute("CREATE TRIGGER member_tags_member_gone AFTER DELETE ON members BEGIN "
               "DELETE FROM member_tags WHERE member = old.rowid; END")
    op.execute("CREATE TRIGGER member_tags_tag_gone AFTER DELETE ON tags BEGIN "
               "DELETE FROM member_tags WHERE tag = old.rowid; END")

    op.execute(f"CREATE TABLE {BY_NAME} (tag INTEGER NOT NULL, name TEXT NOT NULL, "
               "member INTEGER NOT NULL, PRIMARY KEY (tag, name, member)) WITHOUT ROWID")
    op.execute(f"INSERT INTO {BY_NAME} (tag, name, member) SELECT mt.tag, m.name, mt.member "
               "FROM member_tags mt JOIN members m ON m.rowid = mt.member ORDER BY 1, 2, 3")
    add = (f"INSERT OR IGNORE INTO {BY_NAME} (tag, name, member) "
           "SELECT new.tag, name, new.member FROM members WHERE rowid = new.member")
    drop = (f"DELETE FROM {BY_NAME} WHERE tag = old.tag AND member = old.member "
            "AND name = (SELECT name FROM members WHERE rowid = old.member)")
    op.execute(f"CREATE TRIGGER {BY_NAME}_insert AFTER INSERT ON member_tags BEGIN {add}; END")
    op.execute(f"CREATE TRIGGER {BY_NAME}_delete AFTER DELETE ON member_tags BEGIN {drop}; END")
    op.execute(f"CREATE TRIGGER {BY_NAME}_update AFTER UPDATE OF tag, member ON member_tags "
               f"BEGIN {drop}; {add}; END")
    op.execute(f"CREATE TRIGGER {BY_NAME}_rename AFTER UPDATE OF name ON members "
               f"WHEN old.name IS NOT new.name BEGIN UPDATE {BY_NAME} SET name = new.name "
               "WHERE name = old.name AND member = new.rowid AND tag IN "
               "(SELECT tag FROM member_tags WHERE member = new.rowid); END")
    _rebuild_live_name(["name"])


def downgrade() -> None:
    _rebuild_live_name(["name", "id"])
    _drop_by_name()
    for name in ("member_gone", "tag_gone"):
        op.execute(f"DROP TRIGGER IF EXISTS member_tags_{name}")
    op.execute("CREATE TABLE member_tags_old (tag_id VARCHAR(36) NOT NULL, "
               "member_id VARCHAR(36) NOT NULL, added_at DATETIME NOT NULL, "
               "added_by VARCHAR(36), CONSTRAINT pk_member_tags PRIMARY KEY (tag_id, member_id), "
               "CONSTRAINT fk_member_tags_member_id_members FOREIGN KEY(member_id) "
               "REFERENCES members (id), "
               "CONSTRAINT fk_member_tags_tag_id_tags FOREIGN KEY(tag_id) REFERENCES tags (id))")
    op.execute("INSERT INTO member_tags_old SELECT t.id, m.id, mt.added_at, mt.added_by "
               "FROM member_tags mt JOIN tags t ON t.rowid = mt.tag "
               "JOIN members m ON m.rowid = mt.member")
    op.execute("DROP TABLE member_tags")
    op.execute("ALTER TABLE member_tags_old RENAME TO member_tags")
    op.create_index("ix_member_tags_member_id", "member_tags", ["member_id"])
    _revision_0009().upgrade()  # its by-name table and triggers, over UUIDs


def _revision_0009():
    """Revision 0009's module (Alembic loads revision files by path, not as a package)."""
    path = Path(__file__).with_name("0009_tags_by_name.py")
    spec = importlib.util.spec_from_file_location("modconsole_revision_0009", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
