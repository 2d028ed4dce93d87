"""Calling the team server's API in tests: accounts, signing in, pushing and pulling."""

import uuid

from fastapi.testclient import TestClient

from modconsole.domain.enums import StaffRole
from modconsole.server import accounts
from modconsole.server.api import PROTOCOL, create_app

HEADERS = {"X-Modconsole-Protocol": str(PROTOCOL)}
ROLES = [role.value for role in StaffRole]


def team_client(server_db, people: dict[str, str]) -> TestClient:
    """A client of the server with these accounts (name -> role), each with the password
    "<name> password"."""
    with server_db.transaction() as s:
        for name, role in people.items():
            accounts.add_account(s, name, role, f"{name} password")
    return TestClient(create_app(server_db))


def sign_in(client: TestClient, name: str) -> tuple[dict, dict]:
    """Headers carrying a fresh token for `name`, and the server's whole answer."""
    reply = client.post("/v1/sessions", json={"name": name, "password": f"{name} password"},
                        headers=HEADERS).json()
    return {**HEADERS, "Authorization": f"Bearer {reply['token']}"}, reply


def change(entity, row_id, op="insert", base=None, **payload):
    return {"change_id": str(uuid.uuid4()), "entity": entity, "row_id": row_id, "op": op,
            "base_version": base, "payload": payload}


def push(client, headers, *changes):
    reply = client.post("/v1/changes", json={"changes": list(changes)}, headers=headers)
    assert reply.status_code == 200, reply.text
    return reply.json()["outcomes"]


def pull_all(client, headers, after=0, limit=1000):
    changes = []
    while True:
        page = client.get("/v1/changes", params={"after": after, "limit": limit},
                          headers=headers).json()
        changes += page["changes"]
        after = page["cursor"]
        if not page["more"]:
            return changes, after
