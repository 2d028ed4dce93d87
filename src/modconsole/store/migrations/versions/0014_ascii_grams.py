"""ascii grams: 1-2 character searches of any printable ASCII read a posting list too

Short searches without a Chinese character ("ab", "7") scanned every member's
text: 1.5 s at a million, once for the page and again for the count. Each
member's fields and live notes now give `member_chars` their Chinese
characters (as before), their printable ASCII characters and their pairs of
adjacent printable ASCII characters, letters folded to lower case as LIKE
folds them. Taken field by field (not joined, as 0004 did), so a pair never
spans two fields: a one-character query, or a two-character ASCII one, is
answered exactly by its list, and its count is the list's length.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30
"""

import importlib.util
from pathlib import Path

from alembic import op

from modconsole.store.member_grams import (
    FIELDS,
    add,
    drop,
    member_texts,
    note_texts,
    refill,
    row_texts,
)

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

TRIGGERS = ("insert", "update", "delete", "note_insert", "note_update")


def create_triggers() -> None:
    owner = "(SELECT rowid FROM members WHERE id = old.member_id)"
    op.execute("CREATE TRIGGER member_chars_insert AFTER INSERT ON members BEGIN "
               f"{add(row_texts('new'))}; END")
    op.execute(f"CREATE TRIGGER member_chars_update AFTER UPDATE OF {', '.join(FIELDS)} "
               f"ON members BEGIN {drop('old.rowid', row_texts('old'))}; {refill('new.id')} END")
    op.execute("CREATE TRIGGER member_chars_delete AFTER DELETE ON members BEGIN "
               "DELETE FROM member_chars WHERE member = old.rowid; END")
    op.execute("CREATE TRIGGER member_chars_note_insert AFTER INSERT ON member_notes "
               f"WHEN new.deleted_at IS NULL BEGIN {add(note_texts('n.id = new.id'))}; END")
    op.execute("CREATE TRIGGER member_chars_note_update AFTER UPDATE ON member_notes BEGIN "
               f"{drop(owner, f'SELECT {owner} AS r, old.body AS x')}; "
               f"{refill('new.member_id')} END")


def drop_triggers() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS member_chars_{name}")


def upgrade() -> None:
    drop_triggers()
    op.execute("DELETE FROM member_chars")
    op.execute(add(member_texts("1")))
    op.execute(add(note_texts("1")))
    create_triggers()


def downgrade() -> None:
    spec = importlib.util.spec_from_file_location(
        "member_chars_0004", Path(__file__).with_name("0004_member_chars.py"))
    before = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(before)
    drop_triggers()
    op.execute("DROP TABLE member_chars")
    op.execute("DROP TABLE char_seq")
    before.upgrade()
