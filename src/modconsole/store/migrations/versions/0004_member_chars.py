"""member chars: a posting list of the Chinese characters in each member's searchable text

Trigrams cannot serve 1–2 character queries, and Chinese names are mostly
2–3 characters, so short Chinese searches scanned every member. This table
holds one row per (CJK character, member) over the same six fields and live
notes that `member_search` covers; triggers keep it current. `char_seq` is a
numbers table the triggers join to split text into characters (SQLite allows
no recursive CTE inside a trigger), so each text is indexed up to its length.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

MAX_INDEXED_CHARS = 100_000  # per text; notes are capped far below this

FIELDS = ("coalesce(m.name, '') || coalesce(m.nickname, '') || coalesce(m.platform_id, '') "
          "|| coalesce(m.phone, '') || coalesce(m.email, '')")
INSERT = "INSERT OR IGNORE INTO member_chars (ch, member) "


def is_cjk(c: str) -> str:
    return (f"(unicode({c}) BETWEEN 13312 AND 40959 OR unicode({c}) BETWEEN 63744 AND 64255 "
            f"OR unicode({c}) BETWEEN 131072 AND 201551)")


def chars_of(text: str) -> str:
    """SELECT ch over the CJK characters of a text expression."""
    c = f"substr({text}, s.n, 1)"
    return f"SELECT {c} FROM char_seq s WHERE s.n <= length({text}) AND {is_cjk(c)}"


def add_member_fields(where: str) -> str:
    c = "substr(x, s.n, 1)"
    return (f"{INSERT} SELECT {c}, r FROM (SELECT m.rowid AS r, {FIELDS} AS x FROM members m "
            f"WHERE {where}) JOIN char_seq s ON s.n <= length(x) WHERE {is_cjk(c)}")


def add_notes(where: str) -> str:
    c = "substr(n.body, s.n, 1)"
    return (f"{INSERT} SELECT {c}, m.rowid FROM member_notes n JOIN members m "
            f"ON m.id = n.member_id JOIN char_seq s ON s.n <= length(n.body) "
            f"WHERE n.deleted_at IS NULL AND {where} AND {is_cjk(c)}")


def drop_chars(member_id: str, text: str) -> str:
    return (f"DELETE FROM member_chars WHERE member = (SELECT rowid FROM members "
            f"WHERE id = {member_id}) AND ch IN ({chars_of(text)})")


def refill(member_id: str) -> str:
    """Re-add every character a member's fields and live notes hold now."""
    return f"{add_member_fields(f'm.id = {member_id}')}; {add_notes(f'm.id = {member_id}')};"


def upgrade() -> None:
    op.execute("CREATE TABLE char_seq (n INTEGER PRIMARY KEY)")
    op.execute(f"WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq "
               f"WHERE n < {MAX_INDEXED_CHARS}) INSERT INTO char_seq SELECT n FROM seq")
    op.execute("CREATE TABLE member_chars (ch TEXT NOT NULL, member INTEGER NOT NULL, "
               "PRIMARY KEY (ch, member)) WITHOUT ROWID")
    op.execute(add_member_fields("1"))
    op.execute(add_notes("1"))
    fields = FIELDS.replace("m.", "{row}.")
    op.execute("CREATE TRIGGER member_chars_insert AFTER INSERT ON members BEGIN "
               f"{add_member_fields('m.rowid = new.rowid')}; END")
    op.execute("CREATE TRIGGER member_chars_update AFTER UPDATE OF name, nickname, platform_id, "
               "phone, email ON members BEGIN "
               f"{drop_chars('old.id', fields.format(row='old'))}; {refill('new.id')} END")
    op.execute("CREATE TRIGGER member_chars_delete AFTER DELETE ON members BEGIN "
               "DELETE FROM member_chars WHERE member = old.rowid; END")
    op.execute("CREATE TRIGGER member_chars_note_insert AFTER INSERT ON member_notes "
               f"WHEN new.deleted_at IS NULL BEGIN {add_notes('n.id = new.id')}; END")
    op.execute("CREATE TRIGGER member_chars_note_update AFTER UPDATE ON member_notes BEGIN "
               f"{drop_chars('old.member_id', 'old.body')}; {refill('new.member_id')} END")


def downgrade() -> None:
    for name in ("insert", "update", "delete", "note_insert", "note_update"):
        op.execute(f"DROP TRIGGER IF EXISTS member_chars_{name}")
    op.execute("DROP TABLE IF EXISTS member_chars")
    op.execute("DROP TABLE IF EXISTS char_seq")
