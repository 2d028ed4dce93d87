"""Many new members or tag links at once: the search tables filled after, not per row.

The triggers of migrations 0003, 0009/0012 and 0014 keep the search index,
the character lists and each tag's by-name list as rows are written one by
one: for a new member, two dozen jumps into a list of millions of entries. A
pulled import or a snapshot page writes thousands at once; for those the
insert triggers are dropped inside the write's transaction, the rows go in,
the derived rows of exactly the new ones are added by one statement each,
and the triggers are created again from their own stored SQL. It all happens
in one transaction, so no other connection ever sees the tables without
their triggers or the index behind the rows (a failure rolls the schema back
with the rows). 100,000 members and 700,000 links: 23 s by trigger, 11 s so.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

from modconsole.store.member_grams import add, member_texts

MEMBER_TRIGGERS = ("member_search_insert", "member_chars_insert")
LINK_TRIGGERS = ("member_tags_by_name_insert",)
WORTH_IT = 200  # rows: below this the triggers' own work is cheaper than dropping them

# the 0003 trigger's row, for every member after :before (no notes yet: they follow)
SEARCH_ROWS = ("INSERT INTO member_search (rowid, name, nickname, platform_id, phone, email, "
               "notes) SELECT m.rowid, m.name, m.nickname, m.platform_id, coalesce(m.phone, ''), "
               "coalesce(m.email, ''), '' FROM members m WHERE m.rowid > :before")
# links as JSON [[tag rowid, member id, added_at, added_by], …], each joined to its
# member's rowid (a link to a member not here drops out)
BY_ID = ("SELECT l.value ->> 0 AS tag, m.rowid AS member, l.value ->> 2 AS added_at, "
         "l.value ->> 3 AS added_by, m.name_key AS name_key FROM json_each(:links) l "
         "JOIN members m ON m.id = l.value ->> 1")
# a member's links together, [[member id, added_at, added_by, [tag rowid, …]], …]: the member
# looked up once for all its tags (an import's seven); 100,000 members' links went in 0.9 s
# faster so than one by one
BY_MEMBER = ("SELECT t.value AS tag, m.rowid AS member, l.value ->> 1 AS added_at, "
             "l.value ->> 2 AS added_by, m.name_key AS name_key FROM json_each(:links) l "
             "JOIN members m ON m.id = l.value ->> 0 JOIN json_each(l.value -> 3) t")
LINK_ROWS = ("INSERT OR IGNORE INTO member_tags (tag, member, added_at, added_by) "
             "SELECT tag, member, added_at, added_by FROM {source}")
BY_NAME_ROWS = ("INSERT OR IGNORE INTO member_tags_by_name (tag, name_key, member) "
                "SELECT tag, name_key, member FROM new_links ORDER BY 1, 2, 3")


@contextmanager
def _without(connection: Connection, triggers: tuple[str, ...]) -> Iterator[None]:
    stored = dict(connection.execute(text(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND name IN (SELECT value FROM json_each(:names))"),
        {"names": json.dumps(triggers)}).all())
    for name in stored:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    for sql in stored.values():
        connection.exec_driver_sql(sql)


@contextmanager
def new_members(connection: Connection, rows: int) -> Iterator[None]:
    """Around an INSERT of `rows` new members (no other write to members inside):
    their search index and character lists are written after."""
    if rows < WORTH_IT:
        yield
        return
    before = connection.scalar(text("SELECT coalesce(max(rowid), 0) FROM members"))
    with _without(connection, MEMBER_TRIGGERS):
        yield
        connection.execute(text(SEARCH_ROWS), {"before": before})
        # in the order the texts give them, not sorted first: sorting cost a 100,000-member
        # pull 0.7 s and saved a 1,000,000-member snapshot nothing (174 s sorted, 170 s not)
        connection.exec_driver_sql(add(member_texts(f"m.rowid > {int(before)}")))


def insert_links(connection: Connection, links: list[tuple]) -> None:
    """Insert (tag rowid, member id, added_at as stored, added_by) links, or-ignore: the
    member ids are turned into the rowids `member_tags` is keyed by inside SQLite, no row
    of them comes back to Python (a snapshot's 7 million links)."""
    _insert_links(connection, BY_ID, links, len(links))


def insert_member_links(connection: Connection, links: list[tuple]) -> None:
    """`insert_links` for (member id, added_at as stored, added_by, [tag rowid, …])."""
    _insert_links(connection, BY_MEMBER, links, sum(len(tags) for *_, tags in links))


def _insert_links(connection: Connection, source: str, links: list[tuple], count: int) -> None:
    rows = {"links": json.dumps(links, ensure_ascii=False)}
    if count < WORTH_IT:
        connection.execute(text(LINK_ROWS.format(source=f"({source})")), rows)
        return
    # the rowids looked up once for both inserts
    connection.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS new_links (tag INTEGER, "
                               "member INTEGER, added_at TEXT, added_by TEXT, name_key TEXT)")
    connection.execute(text(f"INSERT INTO new_links {source}"), rows)
    with _without(connection, LINK_TRIGGERS):
        connection.exec_driver_sql(LINK_ROWS.format(source="new_links"))
        connection.exec_driver_sql(BY_NAME_ROWS)
    connection.exec_driver_sql("DELETE FROM new_links")
