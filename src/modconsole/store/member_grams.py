"""The SQL that lists a member's searchable characters in `member_chars` (migration 0014).

Each member's fields and live notes give the list their Chinese characters,
their printable ASCII characters and their pairs of adjacent printable ASCII
characters, letters folded to lower case as LIKE folds them; field by field,
so a pair never spans two fields. Migration 0014's triggers and bulk inserts
(bulk_index) build on these; a migration that changes the rules must keep
0014's own copy of the old ones.
"""

from __future__ import annotations

FIELDS = ("name", "nickname", "platform_id", "phone", "email")


# One character, compared as text: UTF-8's byte order is code point order, so a range of
# code points is a range of one-character strings (and no unicode() call per character,
# a sixth of the time a bulk fill took).
ASCII = "BETWEEN '!' AND '~'"  # printable ASCII, 33-126


def listed(char: str) -> str:
    """Whether a character is one the lists hold: printable ASCII, or Chinese (U+3400 to
    U+9FFF, U+F900 to U+FAFF, U+20000 to U+3134F)."""
    return (f"({char} {ASCII} OR {char} BETWEEN '\u3400' AND '\u9fff' "
            f"OR {char} BETWEEN '\uf900' AND '\ufaff' "
            f"OR {char} BETWEEN '\U00020000' AND '\U0003134f')")


def grams(texts: str) -> str:
    """SELECT (ch, r) over `texts`, a query of (r: member rowid, x: text). SQLite's
    lower() folds ASCII letters only, as LIKE does, and leaves Chinese alone."""
    one, two = "substr(t.x, s.n, 1)", "substr(t.x, s.n + 1, 1)"
    return (f"SELECT lower({one}) AS ch, t.r AS r "
            f"FROM ({texts}) t JOIN char_seq s ON s.n <= length(t.x) WHERE {listed(one)} "
            f"UNION ALL SELECT lower(substr(t.x, s.n, 2)), t.r "
            f"FROM ({texts}) t JOIN char_seq s ON s.n < length(t.x) "
            f"WHERE {one} {ASCII} AND {two} {ASCII}")


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
