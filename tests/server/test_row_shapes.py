"""A pushed value no console could keep (a time that is not a time, null in a required
field, a number too large for SQLite) is refused by the server, naming the field; it
used to be stored, and every console's pull failed on it from then on."""

from __future__ import annotations

import pytest
from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, select

from modconsole.domain.permissions import SYNCED_ENTITIES
from modconsole.domain.row_shapes import SHAPES, wrong_field
from modconsole.domain.sync_protocol import LINK_KEYS
from modconsole.services.team.sync import sync_once
from modconsole.store import models as m
from tests.server.api_calls import change, pull_all, push, sign_in, team_client
from tests.server.consoles import team_of

KINDS = ((Boolean, "flag"), (DateTime, "time"), (Date, "date"), (Float, "float"),
         (Integer, "int"), (String, "text"))


def _kind(entity: str, column) -> str:
    column_type = getattr(column.type, "impl_instance", None) or column.type
    kind = next(kind for python_type, kind in KINDS if isinstance(column_type, python_type))
    if column.nullable:
        return kind + "?"
    required = (column.default is None and column.server_default is None
                and column.name not in LINK_KEYS.get(entity, ()) and column.name != "version")
    return kind + ("!" if required else "")


def test_the_shapes_are_the_consoles_columns():
    found = {}
    for entity in SYNCED_ENTITIES:
        table = m.Base.metadata.tables.get(entity)
        if table is not None:
            found[entity] = {column.name: _kind(entity, column) for column in table.c}
    # a tag link travels by tag and member id, where the console keeps row numbers; a
    # batch of links names its members in a list, an import's member its tags and groups
    found["member_tags"] = {"tag_id": "text!", "member_id": "text", "member_ids": "ids?",
                            "added_at": "time", "added_by": "text?"}
    found["members"].update(tags="ids?", groups="ids?")
    assert found == SHAPES


@pytest.mark.parametrize(("entity", "op", "payload", "wrong"), [
    ("members", "insert", {"platform_id": "p1", "name": "王芳"}, None),
    ("members", "insert", {"platform_id": "p1"}, ("name", "is missing, and a new row needs it")),
    ("members", "update", {"platform_id": "p1"}, None),
    ("cases", "insert", {"member_id": "m1", "source": "staff"},
     ("evidence_hash", "is missing, and a new row needs it")),
    ("group_members", "add", {}, None),  # its key is in its row id
    ("member_tags", "remove", {"member_ids": ["m1"]},
     ("tag_id", "is missing, and a new row needs it")),
    ("team_settings", "insert", {}, None),
])
def test_a_new_row_must_carry_the_fields_its_table_requires(entity, op, payload, wrong):
    assert wrong_field(entity, op, payload) == wrong


@pytest.mark.parametrize(("entity", "payload", "wrong"), [
    ("members", {"name": "王芳", "joined_at": "2026-12-01T08:00:00+08:00"}, None),
    ("members", {"joined_at": "yesterday"}, ("joined_at", "is not an ISO 8601 time")),
    ("members", {"joined_at": 1764547200}, ("joined_at", "is not an ISO 8601 time")),
    ("members", {"joined_at": None, "email": None, "layer_rank": None}, None),
    ("members", {"name": None}, ("name", "is null, and may not be")),
    ("members", {"points": 2**63}, ("points", "is out of range (64 bits)")),
    ("members", {"points": -(2**63)}, None),
    ("members", {"points": "12"}, ("points", "is not a whole number")),
    ("members", {"points": True}, ("points", "is not a whole number")),
    ("members", {"is_staff": 1}, ("is_staff", "is not true or false")),
    ("members", {"layer_rank": 2}, None),
    ("members", {"tags": ["t1", 2]}, ("tags", "is not a list of ids")),
    ("members", {"tags": None, "something_newer": object()}, None),
    ("targets", {"value": float("inf")}, ("value", "is not a finite number")),
    ("targets", {"deadline": "2026-12-31"}, None),
    ("targets", {"deadline": "2026-02-30"}, ("deadline", "is not an ISO 8601 date")),
    ("member_tags", {"tag_id": "t", "member_ids": "m1"}, ("member_ids", "is not a list of ids")),
    ("team_settings", {"value": {"any": "thing"}}, None),
])
def test_a_value_is_checked_against_its_field(entity, payload, wrong):
    assert wrong_field(entity, "update", payload) == wrong


def test_the_server_refuses_a_bad_value_naming_the_field_and_takes_the_rest(server_db):
    client = team_client(server_db, {"赵敏": "ops"})
    ops, _ = sign_in(client, "赵敏")
    bad = change("members", "m2", platform_id="p2", name="乙", joined_at="昨天")
    replies = push(client, ops, change("members", "m1", platform_id="p1", name="甲"), bad,
                   change("members", "m1", "update", base=1, posts_count=10**20),
                   change("members", "m1", "update", base=1, posts_count=3))
    assert [(r["outcome"], r["reason"], r["field"]) for r in replies] == [
        ("applied", None, None), ("refused", "bad_value", "joined_at"),
        ("refused", "bad_value", "posts_count"), ("applied", None, None)]
    assert replies[1]["message"] == "joined_at is not an ISO 8601 time: '昨天'."
    assert push(client, ops, bad) == [replies[1]]  # a replay: the same answer
    logged, _ = pull_all(client, ops)
    assert [(c["row_id"], c["payload"].get("posts_count")) for c in logged
            if c["entity"] == "members"] == [("m1", None), ("m1", 3)]


@pytest.mark.parametrize("server_url", ["postgresql"], indirect=True)
def test_a_console_syncs_on_after_a_hand_made_client_pushed_a_bad_time(
        server, server_db, tmp_path, memory_keyring):
    (console, team), = team_of(server_db, server, tmp_path, {"钱进": "ops"})
    sync_once(console, team)
    client = team_client(server_db, {"脚本": "ops"})
    script, _ = sign_in(client, "脚本")
    replies = push(client, script,
                   change("members", "m1", platform_id="p1", name="甲",
                          joined_at="2026-12-01 早上"),
                   change("members", "m2", platform_id="p2", name="乙",
                          joined_at="2026-12-01T08:00:00+08:00"))
    sync_once(console, team)  # failed here, at every sync, before the server checked
    with console.read() as s:
        assert s.scalars(select(m.Member.platform_id)).all() == ["p2"]
        assert s.get(m.Member, "m2").joined_at.isoformat() == "2026-12-01T00:00:00+00:00"
    assert [r["outcome"] for r in replies] == ["refused", "applied"]

