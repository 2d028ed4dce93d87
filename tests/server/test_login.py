"""`modconsole login` and `logout` against a real server on loopback: the token lives in the
OS keyring and nowhere else, and a machine without a keyring is told so."""

import io
import os
from pathlib import Path

import keyring
import requests
from keyring.backends import fail

from modconsole.cli import main
from modconsole.domain.sync_protocol import PROTOCOL
from modconsole.services import identity
from modconsole.services.startup import open_console_database
from modconsole.services.team import connection


def login(db_path, url, password, monkeypatch, user="王浩然"):
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return main(["--db", str(db_path), "login", url, "--user", user, "--password-stdin"])


def every_file_under(*folders: Path) -> bytes:
    return b"".join(p.read_bytes() for folder in folders if folder.exists()
                    for p in folder.rglob("*") if p.is_file())


def test_the_token_is_kept_in_the_keyring_and_nowhere_else(server, server_url, db_path,
                                                            memory_keyring, monkeypatch, capsys):
    assert login(db_path, server, "right password", monkeypatch) == 0
    assert "Signed in to" in capsys.readouterr().out
    assert main(["--db", str(db_path), "sync"]) == 0  # the token goes out with every request
    ((service, entry), token), = memory_keyring.entries.items()
    assert service == "modconsole" and entry.startswith("王浩然@http://127.0.0.1")
    me = requests.get(server + "v1/me", timeout=5, headers={
        "Authorization": f"Bearer {token}", "X-Modconsole-Protocol": str(PROTOCOL)})
    assert me.json() == {"name": "王浩然", "role": "moderator"}
    config = Path(os.environ["MODCONSOLE_CONFIG_DIR"])
    assert list(config.rglob("*.log"))  # the console's log is among what is searched
    stored = every_file_under(db_path.parent, config)  # the team's SQLite file is here too
    assert token.encode() not in stored and "王浩然".encode() in stored  # the name is kept
    assert server_url.startswith("postgresql") or "team.db" in str(list(db_path.parent.glob(
        "team.db*")))
    store, _ = open_console_database(db_path)
    with store.transaction() as s:
        assert connection.team(s) == {"url": server.rstrip("/"), "account": "王浩然",
                                      "role": "moderator"}
        # the console now acts as the account's staff row, with the server's role
        assert identity.profile(s) == identity.Profile("王浩然", "moderator", True)
    store.close()


def test_a_wrong_password_keeps_nothing_and_says_why(server, db_path, memory_keyring,
                                                     monkeypatch, capsys):
    assert login(db_path, server, "wrong password", monkeypatch) == 1
    assert "refused the sign-in" in capsys.readouterr().err
    assert memory_keyring.entries == {}
    store, _ = open_console_database(db_path)
    with store.transaction() as s:
        assert connection.team(s) is None
    store.close()


def test_without_a_keyring_the_sign_in_lasts_for_the_process_only(server, db_path,
                                                                  monkeypatch, capsys):
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert login(db_path, server, "right password", monkeypatch) == 0
        assert "no keyring" in capsys.readouterr().err
        assert connection.token(server.rstrip("/"), "王浩然")  # this process still has it
    finally:
        keyring.set_keyring(previous)
        connection._process_tokens.clear()


def test_logout_revokes_the_token_and_forgets_it(server, db_path, memory_keyring, monkeypatch,
                                                 capsys):
    login(db_path, server, "right password", monkeypatch)
    (token,) = memory_keyring.entries.values()
    assert main(["--db", str(db_path), "logout"]) == 0
    assert "Signed out" in capsys.readouterr().out
    assert memory_keyring.entries == {}
    me = requests.get(server + "v1/me", timeout=5, headers={
        "Authorization": f"Bearer {token}", "X-Modconsole-Protocol": str(PROTOCOL)})
    assert me.status_code == 401
    assert main(["--db", str(db_path), "logout"]) == 0
    assert "not signed in" in capsys.readouterr().out


def test_an_unreachable_or_malformed_server_is_named(db_path, memory_keyring, monkeypatch,
                                                     capsys):
    assert login(db_path, "http://127.0.0.1:1", "whatever", monkeypatch) == 1
    assert "Cannot reach the team server at http://127.0.0.1:1" in capsys.readouterr().err
    assert login(db_path, "team.example.org", "whatever", monkeypatch) == 1
    assert "is not a server address" in capsys.readouterr().err
