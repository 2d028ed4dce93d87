"""`modconsole server demo`: a trial team with the demo community and an account of every
role, which a fresh console joins and takes whole."""

from sqlalchemy import func, select

from modconsole.cli import main
from modconsole.server.database import ServerDatabase
from modconsole.services.demo import load_demo
from modconsole.services.startup import open_console_database
from modconsole.services.team import connection, sync
from modconsole.store import models as m
from tests.server.consoles import serve

COUNTED = (m.Member, m.MemberTag, m.GroupMembership, m.Case, m.Sanction, m.Activity,
           m.ReplyTemplate)


def counts(store) -> dict[str, int]:
    with store.read() as s:
        return {model.__tablename__: s.scalar(select(func.count()).select_from(model))
                for model in COUNTED}


def test_a_console_joins_the_demo_team_and_takes_the_whole_community(tmp_path, capsys,
                                                                      memory_keyring):
    folder = tmp_path / "team"
    assert main(["server", "demo", "--folder", str(folder), "--members", "40",
                 "--no-serve"]) == 0
    said = capsys.readouterr().out
    assert "not applied" not in said
    passwords = dict(line.split() for line in said.splitlines()
                     if line.startswith("  ") and line.split()[0] in ("admin", "lead",
                                                                     "moderator", "ops",
                                                                     "viewer"))
    assert set(passwords) == {"admin", "lead", "moderator", "ops", "viewer"}

    expected, _ = open_console_database(tmp_path / "local-demo.db")
    with expected.transaction() as s:
        load_demo(s, members=40)
    database = ServerDatabase(f"sqlite:///{folder / 'team.db'}")
    for url in serve(database):
        store, _ = open_console_database(tmp_path / "lead.db")
        connection.sign_in(store, url, "lead", passwords["lead"])
        with store.read() as s:
            sync.sync_once(store, connection.team_server(s))
        assert counts(store) == counts(expected) and counts(store)["members"] == 40
        store.close()
    expected.close()
    database.close()

    assert main(["server", "demo", "--folder", str(folder), "--no-serve"]) == 0  # again
    again = capsys.readouterr().out
    assert "Filling" not in again and "admin" in again
