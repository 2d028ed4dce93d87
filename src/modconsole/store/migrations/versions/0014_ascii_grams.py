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

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

FIELDS = ("name", "nickname", "platform_id", "phone", "email")
TRIGGERS = ("insert", "update", "delete", "note_insert", "note_update")


def listed(code: str) -> str:
    """Whether a code point is one the lists hold: printable ASCII, or Chinese."""
    return (f"({code} BETWEEN 33 AND 126 OR {code} BETWEEN 13312 AND 40959 "
            f"OR {code} BETWEEN 63744 AND 64255 OR {code} BETWEEN 131072 AND 201551)")


def grams(texts: str) -> str:
    """SELECT (ch, r) over `texts`, a query of (r: member rowid, x: text). SQLite's
    lower() folds ASCII letters only, as LIKE does, and leaves Chinese alone."""
    one, two = "unicode(substr(t.x, s.n, 1))", "unicode(substr(t.x, s.n + 1, 1))"
    return (f"SELECT lower(substr(t.x, s.n, 1)) AS ch, t.r AS r "
            f"FROM ({texts}) t JOIN char_seq s ON s.n <= length(t.x) WHERE {listed(one)} "
            f"UNION ALL SELECT lower(substr(t.x, s.n, 2)), t.r "
            f"FROM ({texts}) t JOIN char_seq s ON s.n < length(t.x) "
            f"WHERE {one} BETWEEN 33 AND 126 AND {two} BETWEEN 33 AND 126")


def member_texts(where: str) -> str:
    return " UNION ALL ".join(f"SELECT m.rowid AS r, m.{f} AS x FROM members m WHERE {where}"
                              for f in FIELDS)


def note_texts(where: str) -> str:
    return ("SELECT m.rowid AS r, n.body AS x FROM member_notes n JOIN members m "
            f"ON m.id = n.member_id WHERE n.deleted_at IS NULL AND {where}")


def add(texts: str) -> str:
    return f"INSERT OR IGNORE INTO member_chars (ch, member) {grams(texts)}"


def drop(member_rowid: str, texts: str) -> str:
    """Forget the grams of these (old) texts for one member; refill() puts back what stays."""
    return (f"DELETE FROM member_chars WHERE member = {member_rowid} AND ch IN "
            f"(SELECT ch FROM ({grams(texts)}))")


def refill(member_id: str) -> str:
    """Re-add every gram a member's fields and live notes hold now."""
    where = f"m.id = {member_id}"
    return f"{add(member_texts(where))}; {add(note_texts(where))};"


def row_texts(row: str) -> str:
    """A trigger's old or new member row as (r, x) per field: no lookup of the row."""
    return " UNION ALL ".join(f"SELECT {row}.rowid AS r, {row}.{f} AS x" for f in FIELDS)


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
