"""Calling the team server's API in tests: accounts, signing in, pushing and pulling."""

import uuid

from fastapi.testclient import TestClient

from modconsole.domain.enums import StaffRole
from modconsole.domain.row_shapes import SHAPES, WHOLE_OPS
from modconsole.domain.sync_protocol import REFERENCES
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


SAMPLES = {"text": "x", "int": 1, "float": 1.0, "time": "2026-12-01T08:00:00+00:00",
           "date": "2026-12-01"}
# the rows `whole` names for a reference a test leaves out, parents first (PARENTS)
PARENT_ENTITIES = ("members", "activities", "tags", "reply_templates", "cases")


def whole(entity: str, row_id: str, payload: dict) -> dict:
    """`payload` with every field a new row of `entity` must carry (row_shapes "!"), as a
    console sends it: a reference the test leaves out names that entity's parent row
    (`parents`), any other field gets a sample value (text unique to the row)."""
    filled = dict(payload)
    for name, kind in SHAPES.get(entity, {}).items():
        if kind.endswith("!") and name not in filled:
            target = REFERENCES.get(entity, {}).get(name)
            filled[name] = f"{target}-parent" if target else (
                f"{name} {row_id}" if kind == "text!" else SAMPLES[kind[:-1]])
    return filled


def parents() -> list[dict]:
    """Inserts of the parent rows `whole` names; push them (as a lead or admin) first."""
    return [change(entity, f"{entity}-parent") for entity in PARENT_ENTITIES]


def change(entity, row_id, op="insert", base=None, **payload):
    """A change as a console pushes it: one that makes or unlinks a row carries every field
    its table requires (`whole`)."""
    return {"change_id": str(uuid.uuid4()), "entity": entity, "row_id": row_id, "op": op,
            "base_version": base,
            "payload": whole(entity, row_id, payload) if op in WHOLE_OPS else payload}


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
