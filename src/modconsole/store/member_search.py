"""Substring search over members: FTS5 trigram for 3+ characters, a LIKE scan below.

Both paths return exactly what a plain substring scan returns: case-insensitive
for ASCII letters (as SQLite's LIKE is), exact for everything else. The
trigram index folds more case than LIKE does, so its hits are re-checked with
the same LIKE predicate; it narrows, LIKE decides. Queries of 1–2 characters
cannot use trigrams; `member_chars` serves them (migration 0014): a row per
member for each Chinese character, printable ASCII character and pair of
adjacent printable ASCII characters in any one of their fields or live
notes, ASCII letters folded as LIKE folds them. One indexed character, or
two ASCII ones, is a gram: its list is exactly the members that match.
Other two-character queries intersect their characters' lists and re-check
with LIKE; a query with a character no list holds (a space, "é") scans the
index's stored text.
"""

from __future__ import annotations

import string
import time

from sqlalchemy import Connection, text

SEARCH_TABLE = "member_search"
COLUMNS = ("name", "nickname", "platform_id", "phone", "email", "notes")
SEARCH_TABLES = (SEARCH_TABLE, "member_chars", "char_seq")
TRIGRAM = 3
MAX_NOTE_CHARS = 10_000  # member_chars indexes texts up to 100,000 characters
COMMON_ROWS = 20_000  # a posting list this long costs more to read than the hits it rules out
CENSUS_TTL = 600.0  # seconds a trigram's count is trusted


def is_cjk(char: str) -> bool:
    """The same ranges migration 0004's triggers index."""
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3134F


FOLD = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # as LIKE folds


def is_printable_ascii(char: str) -> bool:
    return 33 <= ord(char) <= 126


def is_listed(char: str) -> bool:
    """Whether `member_chars` holds this character (as migration 0014's triggers list)."""
    return is_cjk(char) or is_printable_ascii(char)


def gram(query: str) -> str | None:
    """The `member_chars` key whose list is exactly the members matching the query, if
    there is one: a single listed character, or two printable ASCII ones."""
    if (len(query) == 1 and is_listed(query)) or (
            len(query) == 2 and all(map(is_printable_ascii, query))):
        return query.translate(FOLD)
    return None


def gram_probe(member: str) -> str:
    """EXISTS: the member (a rowid expression) is on the list of the parameter :gram."""
    return f"EXISTS (SELECT 1 FROM member_chars WHERE ch = :gram AND member = {member})"


def like_pattern(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_phrase(query: str) -> str:
    return '"' + query.replace('"', '""') + '"'


class TrigramCensus:
    """Which trigrams are in so many rows that looking them up is slower than re-checking.

    A member base shares some text almost everywhere (every platform id starts
    `wxid_`); a phrase query over those trigrams reads a million-entry posting
    list for nothing. Counts are probed lazily, reading at most COMMON_ROWS
    entries each, and kept for CENSUS_TTL. A stale count can make a search
    slower but never wrong: LIKE re-checks every hit.
    """

    def __init__(self) -> None:
        self._seen: dict[str, tuple[bool, float]] = {}

    @classmethod
    def of(cls, connection: Connection) -> TrigramCensus:
        """The census kept with this pooled database connection."""
        return connection.info.setdefault("trigram_census", cls())

    def is_common(self, connection: Connection, trigram: str) -> bool:
        key, now = trigram.lower(), time.monotonic()
        known = self._seen.get(key)
        if known is None or now - known[1] > CENSUS_TTL:
            rows = connection.scalar(text(
                f"SELECT count(*) FROM (SELECT rowid FROM {SEARCH_TABLE} "
                f"WHERE {SEARCH_TABLE} MATCH :phrase LIMIT :limit)"),
                {"phrase": fts_phrase(trigram), "limit": COMMON_ROWS})
            known = (rows >= COMMON_ROWS, now)
            self._seen[key] = known
        return known[0]

    def selective_part(self, connection: Connection, query: str) -> str:
        """The longest stretch of the query made of uncommon trigrams (all of it if none is)."""
        if len(query) < TRIGRAM:
            return query
        best_start, best_len, run_start = 0, 0, 0
        grams = [query[i:i + TRIGRAM] for i in range(len(query) - TRIGRAM + 1)]
        for i, gram in enumerate([*grams, None]):
            if gram is None or self.is_common(connection, gram):
                if i - run_start > best_len:
                    best_start, best_len = run_start, i - run_start
                run_start = i + 1
        if best_len == 0:
            return query
        return query[best_start:best_start + best_len + TRIGRAM - 1]


def search_condition(query: str, phrase: str | None = None,
                     probe: bool = False) -> tuple[str, dict]:
    """A condition over the `members` table for rows matching the query, and its parameters.

    `phrase`, a part of the query, is what the trigram index looks up
    (default: the whole query). The index only narrows; LIKE decides, on the
    members row the page reads anyway, so a hit costs one row lookup. Live
    notes are checked one by one (a query has no line break to span two), and
    only for rows whose own fields miss: from `member_notes` by its member
    index, 3x cheaper than reading them back out of the FTS table.

    With `probe`, a gram's list is probed member by member instead of read
    whole: what a sorted page wants when the list is long (it stops once
    the page is full).
    """
    pattern = "LIKE :pattern ESCAPE '\\'"
    params = {"pattern": like_pattern(query)}
    exact = gram(query)
    if exact is not None:
        if probe:
            return gram_probe("members.rowid"), {"gram": exact}
        return "members.rowid IN (SELECT member FROM member_chars WHERE ch = :gram)", {
            "gram": exact}
    if len(query) < TRIGRAM and not all(map(is_listed, query)):
        scan = " OR ".join(f"{c} {pattern}" for c in COLUMNS)
        return f"members.rowid IN (SELECT rowid FROM {SEARCH_TABLE} WHERE {scan})", params
    fields = " OR ".join(f"members.{c} {pattern}" for c in COLUMNS if c != "notes")
    notes = ("EXISTS (SELECT 1 FROM member_notes n WHERE n.member_id = members.id "
             f"AND n.deleted_at IS NULL AND n.body {pattern})")
    check = f"({fields} OR {notes})"
    if len(query) >= TRIGRAM:
        params["phrase"] = fts_phrase(phrase or query)
        return (f"members.rowid IN (SELECT rowid FROM {SEARCH_TABLE} "
                f"WHERE {SEARCH_TABLE} MATCH :phrase) AND {check}", params)
    chars = sorted(set(query.translate(FOLD)))  # two listed characters, one Chinese at least
    postings = " INTERSECT ".join(
        f"SELECT member FROM member_chars WHERE ch = :ch{i}" for i in range(len(chars)))
    found = {f"ch{i}": c for i, c in enumerate(chars)}
    return f"members.rowid IN ({postings}) AND {check}", {**params, **found}
