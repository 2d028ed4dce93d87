"""How long the posting lists are (a tag's members, a search character's members).

A roster page picks its plan by them: read a short list whole, or walk the
sort index probing a long one. Counting a list of 50,000 costs ~5 ms, and a
page over three tags counted each twice, so the lengths are kept with the
pooled connection for a while. A stale length can only pick a slower plan,
never a wrong answer: every plan returns the same rows.
"""

from __future__ import annotations

import time

from sqlalchemy import Connection, text

TTL_S = 600.0
COUNTS = {
    "tag": text("SELECT count(*) FROM (SELECT 1 FROM member_tags WHERE tag = "
                "(SELECT rowid FROM tags WHERE id = :key) LIMIT :cap)"),
    "gram": text("SELECT count(*) FROM (SELECT 1 FROM member_chars WHERE ch = :key "
                 "LIMIT :cap)"),
}


class ListLengths:
    def __init__(self) -> None:
        self._known: dict[tuple[str, str], tuple[int, int, float]] = {}  # (counted, cap, when)

    @classmethod
    def of(cls, connection: Connection) -> ListLengths:
        """The lengths kept with this pooled database connection."""
        return connection.info.setdefault("list_lengths", cls())

    def length(self, connection: Connection, kind: str, key: str, cap: int) -> int:
        """The list's length, counted up to `cap` (a longer list answers `cap`)."""
        now = time.monotonic()
        known = self._known.get((kind, key))
        if known is None or now - known[2] > TTL_S or known[0] >= known[1] < cap:
            counted = connection.scalar(COUNTS[kind], {"key": key, "cap": cap})
            known = (counted, cap, now)
            self._known[(kind, key)] = known
        return min(known[0], cap)
