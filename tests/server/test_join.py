"""A console's first sync with a team: an empty team takes its data, a fresh file takes the
team's, two communities with data of their own are never merged, and the shipped starter
content syncs its edits without being uploaded."""

import io

import pytest
from sqlalchemy import select

from modconsole.cli import main
from modconsole.server import accounts
from modconsole.server.models import LoggedChange
from modconsole.services.team import connection
from modconsole.store import models as m
from tests.conftest import query
from tests.server.test_console_sync import dump, outbox, sync


def login(path, url, name, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{name} password\n"))
    return main(["--db", str(path), "login", url, "--user", name, "--password-stdin"])


def add_member(path, platform_id, name):
    assert main(["--db", str(path), "members", "add", "--platform-id", platform_id,
                 "--name", name]) == 0


def test_the_first_console_uploads_a_fresh_one_takes_the_team_and_two_never_merge(
        server, server_db, tmp_path, memory_keyring, monkeypatch, capsys):
    with server_db.transaction() as s:
        for name in ("ops1", "ops2", "ops3"):
            accounts.add_account(s, name, "ops", f"{name} password")
    first, fresh, other = (tmp_path / f"{n}.db" for n in ("first", "fresh", "other"))
    add_member(first, "p1", "王一")
    add_member(other, "q1", "赵六")
    assert main(["--db", str(fresh), "info"]) == 0  # a new file: the starter content only
    capsys.readouterr()

    assert login(first, server, "ops1", monkeypatch) == 0
    assert "no data yet" in capsys.readouterr().out
    sync(first, capsys)

    assert login(fresh, server, "ops2", monkeypatch) == 0
    assert "is fresh" in capsys.readouterr().out
    sync(fresh, capsys)
    assert dump(fresh)[0] == dump(first)[0] and outbox(fresh) == 0
    with server_db.transaction() as s:  # the fresh file sent nothing of its own
        ops2 = accounts.account_named(s, "ops2")
        assert s.scalars(select(LoggedChange.entity).where(
            LoggedChange.account_id == ops2.id,
            LoggedChange.row_id != ops2.staff_id)).all() == []  # but for the server's row

    keys_before = dict(memory_keyring.entries)
    assert login(other, server, "ops3", monkeypatch) == 1
    said = capsys.readouterr().err
    assert "never merged" in said and "backup" in said and "--db NEW.db" in said
    assert memory_keyring.entries == keys_before  # not left signed in
    assert main(["--db", str(other), "sync"]) == 1
    assert "not signed in" in capsys.readouterr().err
    assert [r[0] for r in dump(other)[0]] == ["q1"]


def test_a_console_that_dies_mid_upload_carries_on_instead_of_being_refused(
        server, server_db, tmp_path, memory_keyring, monkeypatch, capsys):
    """The first sync's choice is stored before anything is pushed: the team having data
    afterwards (its own, half uploaded) does not turn this console away."""
    with server_db.transaction() as s:
        accounts.add_account(s, "ops1", "ops", "ops1 password")
    path = tmp_path / "first.db"
    add_member(path, "p1", "王一")
    assert login(path, server, "ops1", monkeypatch) == 0
    monkeypatch.setattr("modconsole.services.team.sync.PUSH_BATCH", 1)
    calls = []

    real_push = connection.TeamServer.push

    def push_once_then_die(self, body):
        calls.append(body)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the process ends here
        return real_push(self, body)

    monkeypatch.setattr(connection.TeamServer, "push", push_once_then_die)
    with pytest.raises(KeyboardInterrupt):
        main(["--db", str(path), "sync"])
    monkeypatch.setattr(connection.TeamServer, "push", real_push)
    capsys.readouterr()
    assert "Pushed" in sync(path, capsys)
    assert outbox(path) == 0


def test_an_edit_of_the_starter_rulebook_syncs_as_an_edit(server, server_db, tmp_path,
                                                          memory_keyring, monkeypatch, capsys):
    with server_db.transaction() as s:
        for name in ("lead1", "lead2"):
            accounts.add_account(s, name, "lead", f"{name} password")
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    for path, name in ((a, "lead1"), (b, "lead2")):
        assert main(["--db", str(path), "info"]) == 0
        assert login(path, server, name, monkeypatch) == 0
    sync(a, capsys)
    sync(b, capsys)

    def retitle(s):
        rule = s.scalars(select(m.Rule).order_by(m.Rule.code)).first()
        rule.title_zh = "新的标题"
        return rule.id
    rule_id = query(a, retitle)
    said = sync(a, capsys)
    assert "0 refused" in said
    sync(b, capsys)
    assert query(b, lambda s: s.get(m.Rule, rule_id).title_zh) == "新的标题"
