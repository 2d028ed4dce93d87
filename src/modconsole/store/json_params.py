"""A list of values, or of rows, bound as one JSON parameter.

`IN (:a, :b, …)` binds one parameter per value: a page of 200 rowids or a
chunk of 20,000 ids compiles a new statement each time and passes that many
values. `IN (SELECT value FROM json_each(:p))` binds one string, whatever the
length, and the compiled statement is reused. Rows to insert go the same way
(`insert_rows`).
"""

from __future__ import annotations

import json
from operator import itemgetter

from sqlalchemy import Connection, Select, Table, bindparam, func, literal_column, select, text
from sqlalchemy.dialects.sqlite import insert


def json_values(name: str) -> Select:
    """`SELECT value FROM json_each(:name)`; pass `json.dumps(a_list)` as `name`."""
    return select(literal_column("value")).select_from(func.json_each(bindparam(name)))


class _Row:
    """What a context-sensitive column default reads (`get_current_parameters`)."""

    def __init__(self, values: dict):
        self.current_parameters = values

    def get_current_parameters(self, isolate_multiinsert_groups=True) -> dict:
        return self.current_parameters


def insert_rows(connection: Connection, table: Table, rows: list[dict]) -> None:
    """INSERT … ON CONFLICT DO NOTHING of rows that share one set of keys, bound as one
    JSON array of arrays: one statement for a pulled page of 10,000 members, where an
    executemany binds and steps each row and SQLAlchemy prepares each row's parameters
    (1.8 s of a 100,000-member pull). Columns the rows leave out take their defaults as
    SQLAlchemy would: a constant once, bound beside the array; a function per row.
    Rows this cannot carry (a NUL character, a default made by SQL) go SQLAlchemy's way."""
    dialect = connection.dialect
    given = [table.c[key] for key in rows[0]]
    absent = [c.default for c in table.c if c.key not in rows[0] and c.default is not None]
    computed = [d for d in absent if d.is_callable]
    constant = [d for d in absent if d.is_scalar]
    travelling = given + [d.column for d in computed]
    processors = [(i, process) for i, c in enumerate(travelling)
                  if (process := _processor(c, dialect))]
    rendered = None
    if len(computed) + len(constant) == len(absent):  # no default made by SQL
        pick = itemgetter(*(c.key for c in given))
        values = []
        for row in rows:
            row_values = [*pick(row)] if len(given) > 1 else [pick(row)]
            row_values += [d.arg(_Row(row)) for d in computed]
            for i, process in processors:
                if row_values[i] is not None:
                    row_values[i] = process(row_values[i])
            values.append(row_values)
        rendered = json.dumps(values, ensure_ascii=False)
    if rendered is None or "\\u0000" in rendered:
        connection.execute(insert(table).on_conflict_do_nothing(), rows)
        return
    params = {f"c{i}": _stored(d.column, d.arg, dialect) for i, d in enumerate(constant)}
    names = ", ".join(f'"{c.name}"' for c in [*travelling, *(d.column for d in constant)])
    picks = ", ".join([*(f"value ->> {i}" for i in range(len(travelling))),
                       *(f":{name}" for name in params)])
    connection.execute(text(f"INSERT INTO {table.name} ({names}) SELECT {picks} "
                            "FROM json_each(:rows) WHERE true ON CONFLICT DO NOTHING"),
                       {**params, "rows": rendered})


def _processor(column, dialect):
    """How SQLAlchemy turns a value of `column` into what the driver binds (None: as is)."""
    return column.type.dialect_impl(dialect).bind_processor(dialect)


def _stored(column, value, dialect):
    process = _processor(column, dialect)
    return value if value is None or process is None else process(value)
