"""A list of values bound as one JSON parameter.

`IN (:a, :b, …)` binds one parameter per value: a page of 200 rowids or a
chunk of 20,000 ids compiles a new statement each time and passes that many
values. `IN (SELECT value FROM json_each(:p))` binds one string, whatever the
length, and the compiled statement is reused.
"""

from __future__ import annotations

from sqlalchemy import Select, bindparam, func, literal_column, select


def json_values(name: str) -> Select:
    """`SELECT value FROM json_each(:name)`; pass `json.dumps(a_list)` as `name`."""
    return select(literal_column("value")).select_from(func.json_each(bindparam(name)))
