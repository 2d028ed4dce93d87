"""Substring search over members: FTS5 trigram for 3+ characters, a LIKE scan below.

Both paths return exactly what a plain substring scan returns: case-insensitive
for ASCII letters (as SQLite's LIKE is), exact for everything else. The
trigram index folds more case than LIKE does, so its hits are re-checked with
the same LIKE predicate; it narrows, LIKE decides. Queries of 1–2 characters
cannot use trigrams: when they hold a Chinese character they are served by
`member_chars` (one row per character and member; exact for one character,
re-checked with LIKE for two), otherwise they scan the index's stored text.
"""

from __future__ import annotations

SEARCH_TABLE = "member_search"
COLUMNS = ("name", "nickname", "platform_id", "phone", "email", "notes")
SEARCH_TABLES = (SEARCH_TABLE, "member_chars", "char_seq")
TRIGRAM = 3
MAX_NOTE_CHARS = 10_000  # member_chars indexes texts up to 100,000 characters


def is_cjk(char: str) -> bool:
    """The same ranges migration 0004's triggers index."""
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3134F


def include_name(name, type_, _parent_names) -> bool:
    """Alembic autogenerate skips the search tables and their shadows (no model maps them)."""
    return not (type_ == "table" and name and name.startswith(SEARCH_TABLES))


def like_pattern(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_phrase(query: str) -> str:
    return '"' + query.replace('"', '""') + '"'


def search_condition(query: str) -> tuple[str, dict]:
    """SQL selecting matching `members.rowid`s, and its parameters."""
    like = " OR ".join(f"{c} LIKE :pattern ESCAPE '\\'" for c in COLUMNS)
    params = {"pattern": like_pattern(query)}
    if len(query) >= TRIGRAM:
        params["phrase"] = fts_phrase(query)
        return (f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :phrase "
                f"AND ({like})", params)
    chars = sorted({c for c in query if is_cjk(c)})
    if chars:
        postings = " INTERSECT ".join(
            f"SELECT member FROM member_chars WHERE ch = :ch{i}" for i in range(len(chars)))
        params.update({f"ch{i}": c for i, c in enumerate(chars)})
        if len(query) == 1:
            return postings, {k: v for k, v in params.items() if k != "pattern"}
        return f"SELECT rowid FROM {SEARCH_TABLE} WHERE rowid IN ({postings}) AND ({like})", params
    return f"SELECT rowid FROM {SEARCH_TABLE} WHERE {like}", params

