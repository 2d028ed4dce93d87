"""Tables the database's triggers keep from other tables; no model maps them.

Migrations create them (0003, 0004, 0009, 0010, 0012, 0014) and autogenerate must skip them.
"""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, Table, Text

from modconsole.store.member_search import SEARCH_TABLES

# Each tag's members in the roster's default order (pinyin name key, rowid); `tag` and
# `member` are rowids, as in member_tags.
TAGS_BY_NAME = Table("member_tags_by_name", MetaData(),
                     Column("tag", Integer, primary_key=True),
                     Column("name_key", Text, primary_key=True),
                     Column("member", Integer, primary_key=True))

DERIVED = (*SEARCH_TABLES, TAGS_BY_NAME.name)


def include_name(name, type_, _parent_names) -> bool:
    """Alembic autogenerate skips the derived tables and the search index's shadows."""
    return not (type_ == "table" and name and name.startswith(DERIVED))
