"""Two consoles (two SQLite files) and a real server on loopback: what one console does,
the other gets; a stale edit becomes a conflict kept for a person; both end the same."""

import io
import json

import pytest
from sqlalchemy import select, text

from modconsole.cli import main
from modconsole.server import accounts
from modconsole.services.errors import UserError
from modconsole.services.team import problems
from modconsole.store import models as m
from tests.conftest import query


@pytest.fixture
def consoles(server, server_db, tmp_path, memory_keyring, monkeypatch):
    """Paths of two console databases signed in as two ops accounts."""
    with server_db.transaction() as s:
        for name in ("ops1", "ops2"):
            accounts.add_account(s, name, "ops", f"{name} password")
    paths = []
    for name in ("ops1", "ops2"):
        path = tmp_path / f"{name}.db"
        monkeypatch.setattr("sys.stdin", io.StringIO(f"{name} password\n"))
        assert main(["--db", str(path), "login", server, "--user", name,
                     "--password-stdin"]) == 0
        paths.append(path)
    return paths


def sync(path, capsys):
    assert main(["--db", str(path), "sync"]) == 0
    return capsys.readouterr().out


def dump(path):
    """What a person sees of the roster: members, their versions and their tags."""
    def read(s):
        members = s.execute(select(m.Member.platform_id, m.Member.name, m.Member.nickname,
                                   m.Member.name_key,
                                   m.Member.version).order_by(m.Member.platform_id)).all()
        links = s.execute(select(m.Member.platform_id, m.Tag.name).select_from(m.MemberTag)
                          .join(m.Member, m.MemberTag.member == m.MEMBER_ROWID)
                          .join(m.Tag, m.MemberTag.tag == m.TAG_ROWID)
                          .order_by(m.Member.platform_id, m.Tag.name)).all()
        return [tuple(r) for r in members], [tuple(r) for r in links]
    return query(path, read)


def outbox(path):
    return query(path, lambda s: len(s.scalars(select(m.OutboxEntry)).all()))


def edit_nickname(path, platform_id, nickname):
    def write(s):
        s.scalar(select(m.Member).where(m.Member.platform_id == platform_id)).nickname = nickname
    query(path, write)


def test_two_consoles_converge_and_a_stale_edit_is_kept_as_a_conflict(consoles, capsys):
    a, b = consoles
    for platform_id, name in (("p1", "王一"), ("p2", "李二")):
        assert main(["--db", str(a), "members", "add", "--platform-id", platform_id,
                     "--name", name, "--tag", "VIP"]) == 0
    capsys.readouterr()
    assert "Pushed" in sync(a, capsys)
    sync(b, capsys)
    assert dump(b) == dump(a)
    assert dump(b)[1] == [("p1", "VIP"), ("p2", "VIP")]

    edit_nickname(a, "p1", "阿一")
    edit_nickname(b, "p1", "一哥")
    sync(a, capsys)
    said = sync(b, capsys)
    assert "1 conflicts" in said
    problems = query(b, lambda s: [(p.kind, json.loads(p.detail_json)["conflicts"])
                                   for p in s.scalars(select(m.SyncProblem))])
    ((kind, (conflict,)),) = problems
    assert kind == "conflict" and conflict["field"] == "nickname"
    assert (conflict["kept"], conflict["pushed"], conflict["kept_by"]) == ("阿一", "一哥", "ops1")
    sync(a, capsys)
    assert dump(a) == dump(b)
    assert dump(a)[0][0][:3] == ("p1", "王一", "阿一") and dump(b)[0][0][3]  # name order key
    assert outbox(a) == outbox(b) == 0


def test_pulling_twice_or_a_replayed_push_changes_nothing(consoles, capsys):
    a, b = consoles
    assert main(["--db", str(a), "members", "add", "--platform-id", "p1", "--name", "王一"]) == 0
    sync(a, capsys)
    sync(b, capsys)
    before = dump(b)
    assert "pulled 0" in sync(b, capsys)
    assert dump(b) == before


def test_sync_refuses_the_demo_and_a_console_not_signed_in(consoles, tmp_path, capsys):
    a, _ = consoles
    assert main(["--db", str(a), "demo", "--members", "20"]) == 0
    capsys.readouterr()
    assert main(["--db", str(a), "sync"]) == 1
    assert "demo community" in capsys.readouterr().err
    assert main(["--db", str(tmp_path / "alone.db"), "sync"]) == 1
    assert "not signed in" in capsys.readouterr().err


def test_a_second_offline_edit_still_names_the_version_last_pulled(consoles, capsys):
    """Two edits of one member before a push both carry the version the console last saw
    from the team, not its own count: a colleague's change in between is still a conflict."""
    a, b = consoles
    assert main(["--db", str(a), "members", "add", "--platform-id", "p1", "--name", "王一"]) == 0
    sync(a, capsys)
    sync(b, capsys)
    edit_nickname(b, "p1", "一哥")
    sync(b, capsys)  # the team's row is one version ahead of what a has seen
    def rename(s):
        s.scalar(select(m.Member).where(m.Member.platform_id == "p1")).region = "北京"
    query(a, rename)
    edit_nickname(a, "p1", "阿一")  # a's own count makes this base the colleague's version
    assert "1 conflicts" in sync(a, capsys)
    ((conflict,),) = query(a, lambda s: [json.loads(p.detail_json)["conflicts"]
                                         for p in s.scalars(select(m.SyncProblem))])
    assert (conflict["field"], conflict["kept"], conflict["pushed"]) == ("nickname", "一哥",
                                                                        "阿一")
    sync(b, capsys)
    assert dump(a) == dump(b) and dump(a)[0][0][2] == "一哥"


def _conflict_on_p1(a, b, capsys):
    """b's nickname loses to a's: one conflict kept at b."""
    assert main(["--db", str(a), "members", "add", "--platform-id", "p1", "--name", "王一"]) == 0
    sync(a, capsys)
    sync(b, capsys)
    edit_nickname(a, "p1", "阿一")
    edit_nickname(b, "p1", "一哥")
    sync(a, capsys)
    assert "1 conflicts" in sync(b, capsys)
    (problem,) = query(b, problems.open_problems)
    return problem


def test_keeping_mine_syncs_as_a_new_change_and_keeping_theirs_changes_nothing(consoles,
                                                                                capsys):
    a, b = consoles
    problem = _conflict_on_p1(a, b, capsys)
    assert query(b, problems.counts) == {"conflict": 1}
    assert dump(b)[0][0][2] == "阿一"  # the team's value, pulled after the push
    query(b, lambda s: problems.keep_mine(s, problem.id))
    assert query(b, problems.open_problems) == [] and outbox(b) == 1
    assert "0 conflicts" in sync(b, capsys)
    sync(a, capsys)
    assert dump(a) == dump(b) and dump(a)[0][0][2] == "一哥"

    edit_nickname(a, "p1", "老一")
    edit_nickname(b, "p1", "一号")
    sync(a, capsys)
    sync(b, capsys)
    (problem,) = query(b, problems.open_problems)
    query(b, lambda s: problems.keep_mine(s, problem.id, {"nickname": "老一号"}))  # merged
    sync(b, capsys)
    sync(a, capsys)
    assert dump(a)[0][0][2] == dump(b)[0][0][2] == "老一号"


def test_keeping_mine_before_the_teams_value_came_still_sends_mine(consoles, capsys):
    """The Team page shows a conflict once the push is answered; the pull bringing the
    team's value may not have come yet (or may have failed). Keeping mine then sets the
    value this console holds already, and must still go to the team."""
    a, b = consoles
    problem = _conflict_on_p1(a, b, capsys)
    query(b, lambda s: s.execute(text(  # as before the pull: b's own value, no change
        "UPDATE members SET nickname = '一哥' WHERE platform_id = 'p1'")))
    query(b, lambda s: problems.keep_mine(s, problem.id))
    assert outbox(b) == 1
    sync(b, capsys)
    sync(a, capsys)
    assert dump(a) == dump(b) and dump(a)[0][0][2] == "一哥"


def test_keeping_theirs_marks_the_conflict_seen_and_writes_nothing(consoles, capsys):
    a, b = consoles
    problem = _conflict_on_p1(a, b, capsys)
    query(b, lambda s: problems.dismiss(s, problem.id))
    assert query(b, problems.counts) == {} and outbox(b) == 0
    with pytest.raises(UserError):
        query(b, lambda s: problems.dismiss(s, problem.id))


def test_a_push_goes_in_batches_of_a_bounded_size_each_after_the_last_was_answered(
        consoles, capsys, monkeypatch):
    """With room for one change per batch, an insert and the edits after it arrive one
    batch each and in order (the next batch is read while one is on its way, but only
    sent once it was answered): none is refused as naming a row the server lacks."""
    from modconsole.services.team import connection

    a, b = consoles
    for platform_id, name in (("p1", "王一"), ("p2", "李二"), ("p3", "张三")):
        assert main(["--db", str(a), "members", "add", "--platform-id", platform_id,
                     "--name", name, "--tag", "VIP"]) == 0
    edit_nickname(a, "p1", "阿一")
    edit_nickname(a, "p1", "一哥")
    waiting = outbox(a)
    sizes, real = [], connection.TeamServer.push_body

    def push_body(self, changes):
        sizes.append(len(changes))
        return real(self, changes)
    monkeypatch.setattr(connection.TeamServer, "push_body", push_body)
    monkeypatch.setattr("modconsole.services.team.sync.PUSH_BYTES", 1)
    capsys.readouterr()
    assert f"Pushed {waiting}" in sync(a, capsys)
    assert sizes == [1] * waiting and outbox(a) == 0
    assert query(a, lambda s: s.scalars(select(m.SyncProblem)).all()) == []
    sync(b, capsys)
    assert dump(b) == dump(a) and dump(b)[0][0][:3] == ("p1", "王一", "一哥")
