"""A pushed change that names a row the team does not have is refused, so that no console
is handed a row it cannot take; the console keeps its own and shows the refusal."""

import json

import pytest
from sqlalchemy import select

from modconsole.domain.permissions import SYNCED_ENTITIES
from modconsole.domain.sync_protocol import LINK_KEYS, REFERENCES
from modconsole.services import cases, member_import
from modconsole.services.team.sync import sync_once
from modconsole.store import models as m
from tests.server.api_calls import change, push, sign_in, team_client
from tests.server.consoles import team_of


def test_the_references_are_the_consoles_foreign_keys_and_link_keys():
    keys, links = {}, {}
    for entity in SYNCED_ENTITIES:
        table = m.Base.metadata.tables.get(entity)
        for fk in table.foreign_keys if table is not None else ():
            keys.setdefault(entity, {})[fk.parent.name] = fk.column.table.name
        if table is not None and len(table.primary_key.columns) > 1:
            links[entity] = tuple(c.name for c in table.primary_key.columns)
    # the console keeps a tag link by row numbers; the team names its tag and member
    keys["member_tags"] = {"tag_id": "tags", "member_id": "members"}
    links["member_tags"] = ("tag_id", "member_id")
    assert keys == REFERENCES
    assert links == LINK_KEYS


def outcomes(replies):
    return [(o["outcome"], o["reason"]) for o in replies]


def test_a_change_naming_a_missing_row_is_refused_unless_the_push_brings_it(server_db):
    client = team_client(server_db, {"赵敏": "ops", "王浩然": "moderator"})
    ops, _ = sign_in(client, "赵敏")
    moderator, reply = sign_in(client, "王浩然")
    me = reply["staff_id"]
    assert outcomes(push(client, moderator,
                         change("members", "m1", name="甲"),
                         change("cases", "c1", member_id="m1", claimed_by=me),
                         change("case_events", "e1", case_id="c1", actor_id=me))) == [
        ("refused", "role_refused"), ("refused", "unknown_reference"),
        ("refused", "unknown_reference")]
    refused = push(client, moderator, change("cases", "c2", member_id="m2"))
    assert refused[0]["message"] == "member_id names members m2, which the team does not have."
    # ops may bring the member; a parent the same push brings further on counts too
    assert outcomes(push(client, ops,
                         change("member_tags", "t0", "add", tag_id="t0", member_ids=["m1"]),
                         change("tags", "t1", name="VIP"),
                         change("members", "m1", name="甲", tags=["t1"]),
                         change("group_members", "g9/m1", "add", role="member"))) == [
        ("refused", "unknown_reference"), ("applied", None), ("applied", None),
        ("refused", "unknown_reference")]
    assert outcomes(push(client, moderator,
                         change("cases", "c1", member_id="m1", claimed_by=me),
                         change("case_events", "e1b", case_id="c1", actor_id=me),
                         change("cases", "c1", "update", base=1, member_id="m3"),
                         change("cases", "c1", "delete", base=1, deleted_at="2026-12-01"))) == [
        ("applied", None), ("applied", None), ("refused", "unknown_reference"),
        ("applied", None)]


@pytest.mark.parametrize("server_url", ["postgresql"], indirect=True)
def test_a_moderators_own_member_stays_on_their_console_and_the_team_syncs_on(
        server, server_db, tmp_path, memory_keyring):
    (ops, ops_server), (mod, mod_server), (lead, lead_server) = team_of(
        server_db, server, tmp_path, {"赵敏": "ops", "孙悦": "moderator", "陈静": "lead"})
    for store, team in ((ops, ops_server), (mod, mod_server)):
        sync_once(store, team)
    with mod.transaction() as s:  # the member is the moderator's alone: ops never had it
        member_import.add_member(s, {"platform_id": "p1", "name": "王"})
        rule = s.scalar(select(m.Rule.code).where(m.Rule.parent_id.is_not(None)))
        case_id = cases.add_report(s, cases.ReportIn(member="p1", evidence="刷屏", rule=rule,
                                                     source="staff")).case_id
    report = sync_once(mod, mod_server)
    with mod.read() as s:
        assert s.get(m.Case, case_id) is not None  # kept here, with why it did not go
        problems = s.scalars(select(m.SyncProblem)).all()
        reasons = {(p.entity, json.loads(p.detail_json)["reason"]) for p in problems}
    assert report.refused == len(problems)
    assert reasons == {("members", "role_refused"), ("cases", "unknown_reference"),
                       ("reports", "unknown_reference"), ("case_events", "unknown_reference"),
                       ("cases", "unknown_row")}  # the report's count, on the case refused
    for store, team in ((ops, ops_server), (lead, lead_server)):  # both used to fail here
        sync_once(store, team)
        with store.read() as s:
            assert s.get(m.Case, case_id) is None
            assert s.scalar(select(m.Member).where(m.Member.platform_id == "p1")) is None
