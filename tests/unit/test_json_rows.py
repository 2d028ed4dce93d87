"""Rows inserted as one JSON parameter (json_params.insert_rows) are stored exactly as
SQLAlchemy's own insert stores them: the same text for times, 0/1 for flags, the same
floats, the defaults of the columns left out, and a row already there left alone."""

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import event, insert, text

from modconsole.store import json_params
from modconsole.store import models as m

SHANGHAI = timezone(timedelta(hours=8))


def rows(prefix: str, nickname: str = "é\\\"'\nx") -> list[dict]:
    """Members with a few columns given (the rest take defaults), keys in varying order."""
    made = []
    for i in range(40):
        row = {"id": f"{prefix}-{i}", "platform_id": f"{prefix}_wx{i}", "name": f"会员{i} Ann",
               "version": i % 3 + 1, "phone_verified": i % 2 == 0,
               "joined_at": datetime(2026, 3, 1, 20, i, 7, i * 1001, tzinfo=SHANGHAI),
               "layer_rank": i / 7 if i % 5 else None,
               "nickname": nickname if i == 3 else f"小{i}",
               "created_at": datetime(2026, 1, 1, tzinfo=UTC) + timedelta(microseconds=i)}
        made.append(dict(reversed(row.items())) if i % 2 else row)
    return made


def stored(session, prefix: str) -> list[tuple]:
    names = [c.name for c in m.Member.__table__.c
             if c.name not in ("id", "platform_id", "created_at", "updated_at")]
    columns = ", ".join(f"{name}, typeof({name})" for name in names)
    return session.execute(text(
        f"SELECT substr(id, 3), substr(platform_id, 3), {columns} FROM members "
        f"WHERE id LIKE '{prefix}-%' ORDER BY rowid")).all()


def test_rows_are_stored_as_sqlalchemy_stores_them(store):
    statements = []
    with store.transaction() as s:
        s.execute(insert(m.Member.__table__), rows("a"))
        event.listen(s.connection(), "before_cursor_execute",
                     lambda *args: statements.append(args[2]))
        json_params.insert_rows(s.connection(), m.Member.__table__, rows("b"))
        by_core, by_json = stored(s, "a"), stored(s, "b")
    assert len(by_json) == 40
    assert by_json == by_core
    assert "json_each" in statements[0]  # one statement, not SQLAlchemy's executemany
    with store.read() as s:
        joined, name_key, verified = s.execute(text(
            "SELECT joined_at, name_key, phone_verified FROM members WHERE id = 'b-1'")).one()
    assert (joined, verified) == ("2026-03-01 12:01:07.001001", 0)  # UTC, without an offset
    assert name_key == m.Member.__table__.c.name_key.default.arg(
        type("Context", (), {"get_current_parameters": lambda self: {"name": "会员1 Ann"}})())


def test_a_nul_character_is_kept(store):
    """SQLite's JSON functions would end the text at the NUL: such rows go as parameters."""
    with store.transaction() as s:
        s.execute(insert(m.Member.__table__), rows("a", "x\u0000y"))
        json_params.insert_rows(s.connection(), m.Member.__table__, rows("b", "x\u0000y"))
        by_core, by_json = stored(s, "a"), stored(s, "b")
        nickname = s.scalar(text("SELECT nickname FROM members WHERE id = 'b-3'"))
    assert by_json == by_core
    assert nickname == "x\u0000y"


def test_a_row_already_there_is_left_as_it_is(store):
    with store.transaction() as s:
        json_params.insert_rows(s.connection(), m.Member.__table__, rows("c")[:2])
        again = [{**row, "name": "改过"} for row in rows("c")[1:4]]
        json_params.insert_rows(s.connection(), m.Member.__table__, again)
        names = s.execute(text(
            "SELECT id, name FROM members WHERE id LIKE 'c-%' ORDER BY id")).all()
    assert names == [("c-0", "会员0 Ann"), ("c-1", "会员1 Ann"), ("c-2", "改过"), ("c-3", "改过")]
