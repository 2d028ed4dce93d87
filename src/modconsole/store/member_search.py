"""Substring search over members: FTS5 trigram for 3+ characters, a LIKE scan below.

Both paths return exactly what a plain substring scan returns: case-insensitive
for ASCII letters (as SQLite's LIKE is), exact for everything else. The
trigram index folds more case than LIKE does, so its hits are re-checked with
the same LIKE predicate; it narrows, LIKE decides. Queries of 1–2 characters
(common in Chinese) cannot use trigrams and scan the index's stored text.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

SEARCH_TABLE = "member_search"
COLUMNS = ("name", "nickname", "platform_id", "phone", "email", "notes")
TRIGRAM = 3


def include_name(name, type_, _parent_names) -> bool:
    """Alembic autogenerate skips the FTS table and its shadow tables (no model maps them)."""
    return not (type_ == "table" and name and name.startswith(SEARCH_TABLE))


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
    return f"SELECT rowid FROM {SEARCH_TABLE} WHERE {like}", params


def rebuild(session: Session) -> None:
    """Refill the index from the members table (after bulk work that bypassed triggers)."""
    session.execute(text(f"DELETE FROM {SEARCH_TABLE}"))
    session.execute(text(
        f"INSERT INTO {SEARCH_TABLE} (rowid, {', '.join(COLUMNS)}) "
        "SELECT m.rowid, m.name, m.nickname, m.platform_id, coalesce(m.phone, ''), "
        "coalesce(m.email, ''), (SELECT coalesce(group_concat(body, char(10)), '') "
        "FROM member_notes n WHERE n.member_id = m.id AND n.deleted_at IS NULL) FROM members m"))
