"""Snapshots: a fresh console takes a team's data page by page and resumes where it died;
a console behind a compacted log is reset from one without losing what it has not sent."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, select

from modconsole.cli import main
from modconsole.server import accounts
from modconsole.server.database import ServerDatabase
from modconsole.server.models import LoggedChange, TeamRow
from modconsole.server.snapshot import compact
from modconsole.services import groups as group_service
from modconsole.services import member_import
from modconsole.services import tags as tag_service
from modconsole.services.member_targets import Targets
from modconsole.services.startup import open_console_database
from modconsole.services.team import snapshot
from modconsole.services.team.sync import sync_once
from modconsole.store import models as m
from tests.server.api_calls import pull_all, sign_in, team_client
from tests.server.consoles import Recording, signed_in, team_of
from tests.server.test_convergence import dump


class Died(BaseException):
    """The console's process ends here."""


def pages(recording: Recording) -> list[str]:
    """The entities of the snapshot pages a console asked for, in order."""
    return [entity for entity, _after, _limit in recording.asked("snapshot")]


@pytest.fixture
def team(server, server_db, tmp_path, memory_keyring):
    """Console a with a community on the server: 30 members (an inviter whose id sorts
    after the member it invited), a tag on some and taken off one again, a group."""
    with server_db.transaction() as s:
        accounts.add_account(s, "ops2", "ops", "ops2 password")
    a, server_a = team_of(server_db, server, tmp_path, {"ops1": "ops"})[0]
    with a.transaction() as s:
        tag = tag_service.create_tag(s, "VIP", None).id
        group = group_service.create_group(s, "一群", "core").id
        ids = [member_import.add_member(s, {"platform_id": f"p{n}", "name": f"会员{n}"})
               for n in range(30)]
        s.get(m.Member, ids[0]).inviter_id = ids[29]
        tag_service.apply_tags(s, Targets(ids=tuple(ids[:10])), add=[tag])
        group_service.add_to_group(s, Targets(ids=tuple(ids[5:15])), group)
    sync_once(a, server_a)
    with a.transaction() as s:
        tag_service.apply_tags(s, Targets(ids=(ids[3],)), remove=[tag])
    sync_once(a, server_a)
    yield a, server_a
    a.close()


def test_a_fresh_console_takes_the_team_by_snapshot_and_resumes_where_it_died(
        team, server, tmp_path, monkeypatch):
    a, _ = team
    monkeypatch.setattr(snapshot, "PAGE", 7)  # the 30 members take five pages
    c, server_c = signed_in(tmp_path / "c.db", server, "ops2")
    whole = Recording(server_c)
    sync_once(c, whole)  # a console that never dies: how many pages a snapshot is
    c.close()

    b, server_b = signed_in(tmp_path / "b.db", server, "ops2")
    first = Recording(server_b)

    with a.read() as s:  # pages go by id: the second starts at the eighth member
        second_page = sorted(s.scalars(select(m.Member.id)))[7]

    def die_in_the_second_members_page(_conn, _cursor, sql, parameters, *_args):
        if "INSERT INTO members" in sql and second_page in str(parameters):
            raise Died
    event.listen(b.engine, "before_cursor_execute", die_in_the_second_members_page)
    with pytest.raises(Died):
        sync_once(b, first)
    b.close()

    b = open_console_database(tmp_path / "b.db")[0]
    again = Recording(server_b)
    report = sync_once(b, again)
    assert dump(b) == dump(a)
    # it asked again for the page it died in, and for none before it (the page it had
    # fetched ahead while writing that one does not count)
    died_in = [i for i, entity in enumerate(pages(whole)) if entity == "members"][1]
    assert pages(again) == pages(whole)[died_in:] and report.pulled > 0
    with b.read() as s:
        assert s.scalars(select(m.OutboxEntry)).all() == []
        invited = s.scalar(select(m.Member).where(m.Member.platform_id == "p0"))
        assert invited.inviter_id is not None  # held back until its page came, then set
        assert s.get(m.SyncState, f"snapshot:{server_b.url}") is None  # done
    b.close()


def test_a_console_behind_a_compacted_log_is_reset_and_keeps_what_it_has_not_sent(
        team, server, server_db, tmp_path):
    a, server_a = team
    b, server_b = signed_in(tmp_path / "b.db", server, "ops2")
    sync_once(b, server_b)
    assert dump(b) == dump(a)

    with a.transaction() as s:  # the team goes on while b is away
        member = s.scalar(select(m.Member).where(m.Member.platform_id == "p1"))
        member.nickname = "阿一"
        tag = s.scalar(select(m.Tag.id).where(m.Tag.name == "VIP"))
        tag_service.apply_tags(s, Targets(ids=(member.id,)), remove=[tag])
        member_import.add_member(s, {"platform_id": "p99", "name": "新人"})
    sync_once(a, server_a)
    with server_db.transaction() as s:
        assert compact(s, datetime.now(UTC) + timedelta(seconds=1)) > 0
        assert s.scalar(select(LoggedChange.seq)) is None  # the whole log is gone

    with b.transaction() as s:  # b's own edit, not sent yet
        s.scalar(select(m.Member).where(m.Member.platform_id == "p2")).region = "上海"
    with b.transaction() as s:
        snapshot.start(s, server_b.url)
    snapshot.take_all(b, server_b)
    with b.read() as s:
        assert s.scalar(select(m.Member.region).where(m.Member.platform_id == "p2")) == "上海"
        assert len(s.scalars(select(m.OutboxEntry)).all()) == 1  # still waiting to go

    report = sync_once(b, server_b)
    assert report.pushed == 1 and report.conflicts == 0
    sync_once(a, server_a)
    assert dump(b) == dump(a)
    with a.read() as s:
        assert s.scalar(select(m.Member.region).where(m.Member.platform_id == "p2")) == "上海"
    b.close()


def test_sync_meets_a_compacted_log_by_taking_a_snapshot(team, server, server_db, tmp_path):
    a, server_a = team
    b, server_b = signed_in(tmp_path / "b.db", server, "ops2")
    sync_once(b, server_b)
    with a.transaction() as s:
        member_import.add_member(s, {"platform_id": "p77", "name": "后来的"})
    sync_once(a, server_a)
    with server_db.transaction() as s:
        compact(s, datetime.now(UTC) + timedelta(seconds=1))
    recording = Recording(server_b)
    sync_once(b, recording)
    assert "members" in pages(recording)
    assert dump(b) == dump(a)


def test_the_log_answers_410_below_its_floor_and_compact_keeps_recent_changes(
        server_db, server_url, capsys):
    client = team_client(server_db, {"ops": "ops"})
    headers = sign_in(client, "ops")[0]
    assert pull_all(client, headers)  # the account's staff row, at least
    assert main(["server", "--database", server_url, "compact", "--keep-days", "1"]) == 0
    assert "Dropped 0 changes" in capsys.readouterr().out  # nothing is a day old yet
    with server_db.transaction() as s:
        last = s.scalar(select(LoggedChange.seq).order_by(LoggedChange.seq.desc()))
        compact(s, datetime.now(UTC) + timedelta(seconds=1))
    answer = client.get("/v1/changes", params={"after": 0}, headers=headers)
    assert answer.status_code == 410
    assert answer.json()["detail"]["code"] == "snapshot_needed"
    caught_up = client.get("/v1/changes", params={"after": last}, headers=headers)
    assert caught_up.status_code == 200 and caught_up.json()["changes"] == []
    page = client.get("/v1/snapshot", params={"entity": "staff"}, headers=headers).json()
    assert page["as_of"] == last and len(page["rows"]) == 1 and page["after"] is None
    assert main(["server", "--database", server_url, "compact", "--keep-days", "-1"]) == 2


def test_the_upgrade_moves_an_imports_links_out_of_its_member_rows(server_url):
    """Servers before s0004 kept an import's tags and groups inside the member's row."""
    database = ServerDatabase(server_url)
    database.migrate("s0003")
    rows = TeamRow.__table__
    with database.transaction() as s:
        s.execute(rows.insert(), [
            {"entity": "members", "row_id": "m1", "version": 1, "present": True,
             "payload_json": json.dumps({"name": "王一", "updated_at": "2026-11-30T10:00:00",
                                         "tags": ["t1", "t2"], "groups": ["g1"]}),
             "field_versions_json": "{}"},
            {"entity": "member_tags", "row_id": "t2/m1", "version": 3, "present": False,
             "payload_json": "{}", "field_versions_json": "{}"},  # removed since
            {"entity": "members", "row_id": "m2", "version": 1, "present": True,
             "payload_json": json.dumps({"name": "李二", "tags": [], "groups": []}),
             "field_versions_json": "{}"}])
    database.migrate()
    with database.transaction() as s:
        found = {(r.entity, r.row_id): (r.present, json.loads(r.payload_json))
                 for r in s.scalars(select(TeamRow))}
    database.close()
    assert found["members", "m1"] == (True, {"name": "王一", "updated_at": "2026-11-30T10:00:00"})
    assert found["member_tags", "t1/m1"] == (True, {
        "tag_id": "t1", "member_id": "m1", "added_at": "2026-11-30T10:00:00", "added_by": None})
    assert found["member_tags", "t2/m1"] == (False, {})  # a later removal stands
    assert found["group_members", "g1/m1"][1]["role"] == "member"
    assert found["members", "m2"] == (True, {"name": "李二"})
