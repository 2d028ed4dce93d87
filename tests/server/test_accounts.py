"""Accounts, passwords, tokens and throttling, through the API and the admin commands."""

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text, update

from modconsole.cli import main
from modconsole.server import accounts
from modconsole.server.api import PROTOCOL, create_app
from modconsole.server.models import Account, Token

HEADERS = {"X-Modconsole-Protocol": str(PROTOCOL)}


@pytest.fixture
def client(server_db):
    with server_db.transaction() as s:
        accounts.add_account(s, "王浩然", "admin", "correct horse battery")
        accounts.add_account(s, "mod1", "moderator", "moderator pass 1")
    return TestClient(create_app(server_db))


def sign_in(client, name, password):
    return client.post("/v1/sessions", json={"name": name, "password": password},
                       headers=HEADERS)


def auth(token):
    return {**HEADERS, "Authorization": f"Bearer {token}"}


def test_a_right_password_gives_a_token_that_names_the_account_and_role(client):
    reply = sign_in(client, "王浩然", "correct horse battery")
    assert reply.status_code == 200
    token = reply.json()["token"]
    me = client.get("/v1/me", headers=auth(token))
    assert me.json() == {"name": "王浩然", "role": "admin"}


def test_the_server_keeps_only_a_hash_of_the_token(client, server_db):
    token = sign_in(client, "mod1", "moderator pass 1").json()["token"]
    with server_db.transaction() as s:
        stored = s.scalars(select(Token.token_hash)).all()
        dump = " ".join(str(row) for table in ("tokens", "accounts")
                        for row in s.execute(text(f"SELECT * FROM {table}")))
    assert len(stored) == 1 and token not in dump and stored[0] != token
    assert "moderator pass 1" not in dump
    with server_db.transaction() as s:
        assert all(h.startswith("$argon2id$") for h in s.scalars(select(Account.password_hash)))


def test_wrong_passwords_are_refused_and_then_throttled_per_account(client):
    for _ in range(accounts.ACCOUNT_FAILURES):
        reply = sign_in(client, "mod1", "wrong password!")
        assert reply.status_code == 401
        assert reply.json()["detail"]["code"] == "sign_in_refused"
    throttled = sign_in(client, "mod1", "moderator pass 1")  # right, but too late
    assert throttled.status_code == 429
    assert int(throttled.headers["Retry-After"]) > 0
    assert sign_in(client, "王浩然", "correct horse battery").status_code == 200


def test_one_address_guessing_across_accounts_is_throttled(client):
    for n in range(accounts.ADDRESS_FAILURES):
        assert sign_in(client, f"nobody{n}", "whatever pass").status_code == 401
    assert sign_in(client, "王浩然", "correct horse battery").status_code == 429


def test_a_failure_window_that_has_passed_counts_from_zero_again(client, server_db):
    for _ in range(accounts.ACCOUNT_FAILURES):
        sign_in(client, "mod1", "wrong password!")
    with server_db.transaction() as s:
        s.execute(text("UPDATE login_failures SET window_start = :t"),
                  {"t": datetime.now(UTC) - accounts.FAILURE_WINDOW - timedelta(seconds=1)})
    assert sign_in(client, "mod1", "moderator pass 1").status_code == 200


def test_signed_out_expired_disabled_and_reset_tokens_are_refused(client, server_db):
    tokens = [sign_in(client, "mod1", "moderator pass 1").json()["token"] for _ in range(4)]
    assert client.delete("/v1/sessions/current", headers=auth(tokens[0])).status_code == 204
    assert client.get("/v1/me", headers=auth(tokens[0])).status_code == 401
    assert client.get("/v1/me", headers=auth(tokens[1])).status_code == 200
    with server_db.transaction() as s:
        s.execute(update(Token).where(Token.id == 2).values(
            expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    assert client.get("/v1/me", headers=auth(tokens[1])).status_code == 401
    with server_db.transaction() as s:
        accounts.reset_password(s, "mod1", "a brand new pass")
    assert client.get("/v1/me", headers=auth(tokens[2])).status_code == 401
    fresh = sign_in(client, "mod1", "a brand new pass").json()["token"]
    with server_db.transaction() as s:
        accounts.set_disabled(s, "mod1")
    assert client.get("/v1/me", headers=auth(fresh)).status_code == 401
    refused = sign_in(client, "mod1", "a brand new pass")
    assert refused.status_code == 401 and "disabled" in refused.json()["detail"]["message"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer not-a-token"}])
def test_without_a_valid_token_every_signed_in_route_is_refused(client, headers):
    for method, path in (("get", "/v1/me"), ("get", "/v1/accounts"),
                         ("delete", "/v1/sessions/current")):
        reply = getattr(client, method)(path, headers={**HEADERS, **headers})
        assert reply.status_code == 401, (method, path)


def test_only_an_admin_lists_accounts(client):
    mod = sign_in(client, "mod1", "moderator pass 1").json()["token"]
    refused = client.get("/v1/accounts", headers=auth(mod))
    assert refused.status_code == 403 and refused.json()["detail"]["code"] == "role_refused"
    admin = sign_in(client, "王浩然", "correct horse battery").json()["token"]
    listed = client.get("/v1/accounts", headers=auth(admin)).json()
    assert [(a["name"], a["role"]) for a in listed] == [("mod1", "moderator"),
                                                       ("王浩然", "admin")]


@pytest.mark.parametrize(("sent", "status", "code"), [
    (None, 400, "protocol_missing"), (str(PROTOCOL + 1), 426, "server_too_old"),
    ("0", 426, "console_too_old")])
def test_a_console_speaking_another_protocol_is_told_what_to_upgrade(client, sent, status,
                                                                     code):
    headers = {} if sent is None else {"X-Modconsole-Protocol": sent}
    reply = client.post("/v1/sessions", json={"name": "mod1", "password": "moderator pass 1"},
                        headers=headers)
    assert reply.status_code == status and reply.json()["detail"]["code"] == code
    assert client.get("/v1/version").json()["protocol"] == PROTOCOL


@pytest.mark.parametrize("older", range(1, PROTOCOL))
def test_a_console_of_an_older_protocol_is_still_served(client, older):
    """Protocols 2 and 3 only raised how many changes a push or a pulled page may carry."""
    headers = {"X-Modconsole-Protocol": str(older)}
    reply = client.post("/v1/sessions", json={"name": "mod1", "password": "moderator pass 1"},
                        headers=headers)
    assert reply.status_code == 200 and reply.json()["token"]
    token = {**headers, "Authorization": f"Bearer {reply.json()['token']}"}
    pulled = client.get("/v1/changes", params={"after": 0, "limit": 5000}, headers=token)
    assert pulled.status_code == 200 and "cursor" in pulled.json()


def test_init_makes_the_schema_and_one_admin_whose_password_is_shown_once(server_url,
                                                                          capsys):
    assert main(["server", "--database", server_url, "init", "--admin", "lead王"]) == 0
    out = capsys.readouterr().out
    password = out.split("shown once: ")[1].strip()
    assert main(["server", "--database", server_url, "init"]) == 0  # again: an upgrade
    assert "left as they are" in capsys.readouterr().out
    from modconsole.server.database import ServerDatabase
    database = ServerDatabase(server_url)
    client = TestClient(create_app(database))
    assert sign_in(client, "lead王", password).json()["role"] == "admin"
    database.close()


def test_users_commands_add_list_disable_and_change_roles(server_url, capsys, monkeypatch):
    import io

    assert main(["server", "--database", server_url, "init"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("a password from stdin\n"))
    assert main(["server", "--database", server_url, "users", "add", "ops1", "--role", "ops",
                 "--password-stdin"]) == 0
    assert main(["server", "--database", server_url, "users", "set-role", "ops1", "lead"]) == 0
    assert main(["server", "--database", server_url, "users", "disable", "ops1"]) == 0
    capsys.readouterr()
    assert main(["server", "--database", server_url, "users", "list"]) == 0
    assert "ops1\tlead\tdisabled" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["server", "--database", server_url, "users", "add", "x", "--password-stdin"]) == 1
    assert "at least" in capsys.readouterr().err
    assert main(["server", "--database", server_url, "users", "disable", "nobody"]) == 1
    assert "no account named" in capsys.readouterr().err


def test_an_unreachable_database_is_named_not_a_traceback(capsys):
    url = "postgresql://nobody@127.0.0.1:1/none"
    assert main(["server", "--database", url, "users", "list"]) == 1
    err = capsys.readouterr().err
    assert "cannot reach the database" in err and "Traceback" not in err


def test_server_run_serves_the_database_named_in_the_environment(tmp_path):
    import os
    import socket
    import subprocess
    import sys
    import time

    import requests

    url = f"sqlite:///{tmp_path / 'team.db'}"
    env = {**os.environ, "MODCONSOLE_SERVER_DATABASE": url}
    assert main(["server", "--database", url, "init"]) == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "modconsole", "server", "run", "--port",
                                str(port), "--workers", "2"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(600):  # a readiness wait (two workers start), not a speed check
            try:
                reply = requests.get(f"http://127.0.0.1:{port}/v1/version", timeout=1)
                break
            except requests.ConnectionError:
                assert process.poll() is None, process.stderr.read().decode()
                time.sleep(0.1)
        else:
            raise AssertionError("the server never answered")
        assert reply.json()["protocol"] == PROTOCOL
        me = requests.get(f"http://127.0.0.1:{port}/v1/me", headers=HEADERS, timeout=5)
        assert me.status_code == 401  # the app is the real one, with its checks
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_an_admin_manages_accounts_through_the_api_and_the_last_admin_stays(server_db):
    from tests.server.api_calls import sign_in, team_client

    client = team_client(server_db, {"admin": "admin", "王浩然": "moderator"})
    admin = sign_in(client, "admin")[0]
    made = client.post("/v1/accounts", json={"name": "李静", "role": "lead"}, headers=admin)
    assert made.status_code == 201 and made.json()["name"] == "李静"
    reply = client.post("/v1/sessions", json={"name": "李静", "password": made.json()[
        "password"]}, headers=admin)
    assert reply.json()["role"] == "lead"
    again = client.post("/v1/accounts", json={"name": "李静", "role": "ops"}, headers=admin)
    assert (again.status_code, again.json()["detail"]["code"]) == (409, "name_taken")

    changed = client.patch("/v1/accounts/王浩然", json={"role": "lead", "disabled": True},
                           headers=admin)
    assert changed.json() == {"name": "王浩然", "role": "lead", "disabled": True}
    fresh = client.post("/v1/accounts/王浩然/password", headers=admin).json()["password"]
    assert client.post("/v1/sessions", json={"name": "王浩然", "password": fresh},
                       headers=admin).status_code == 401  # disabled still
    client.patch("/v1/accounts/王浩然", json={"disabled": False}, headers=admin)
    assert client.post("/v1/sessions", json={"name": "王浩然", "password": fresh},
                       headers=admin).status_code == 200

    for body in ({"role": "lead"}, {"disabled": True}):
        refused = client.patch("/v1/accounts/admin", json=body, headers=admin)
        assert (refused.status_code, refused.json()["detail"]["code"]) == (409, "last_admin")
    missing = client.post("/v1/accounts/nobody/password", headers=admin)
    assert (missing.status_code, missing.json()["detail"]["code"]) == (404, "no_such_account")
    client.patch("/v1/accounts/李静", json={"role": "admin"}, headers=admin)
    assert client.patch("/v1/accounts/admin", json={"role": "lead"},
                        headers=admin).status_code == 200  # another admin remains


def test_presence_lists_the_accounts_whose_consoles_asked_lately(server_db):
    from tests.server.api_calls import sign_in, team_client

    client = team_client(server_db, {"李静": "moderator", "赵敏": "moderator", "王浩然": "lead"})
    li, zhao = sign_in(client, "李静")[0], sign_in(client, "赵敏")[0]
    sign_in(client, "王浩然")  # signed in, but its console never asks anything
    client.get("/v1/team", headers=zhao)
    online = client.get("/v1/presence", headers=li).json()
    assert online == [{"name": "李静", "role": "moderator"}, {"name": "赵敏", "role": "moderator"}]
    with server_db.transaction() as s:  # 赵敏's console went quiet three minutes ago
        s.scalar(select(Account).where(Account.name == "赵敏")).last_seen -= timedelta(minutes=3)
    assert [p["name"] for p in client.get("/v1/presence", headers=li).json()] == ["李静"]
