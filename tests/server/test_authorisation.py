"""The authorisation matrix as the server enforces it: every role × endpoint, every role ×
entity × operation; and no route answers without a live token."""

import hashlib
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from modconsole.domain.permissions import EVIDENCE_READERS, SYNCED_ENTITIES, may_change
from modconsole.server import accounts
from modconsole.server.api import create_app
from modconsole.server.models import Token
from tests.server.api_calls import HEADERS, ROLES, change, parents, push, sign_in, team_client

# endpoint -> the roles that may call it (every signed-in role unless listed)
ENDPOINTS = {
    ("GET", "/v1/me"): set(ROLES),
    ("GET", "/v1/team"): set(ROLES),
    ("GET", "/v1/presence"): set(ROLES),
    ("GET", "/v1/changes"): set(ROLES),
    ("GET", "/v1/changes/wait"): set(ROLES),
    ("POST", "/v1/changes"): set(ROLES),  # each change is then checked on its own
    ("GET", "/v1/snapshot"): set(ROLES),
    ("GET", "/v1/rows/{entity}/{row_id:path}"): set(ROLES),
    ("POST", "/v1/files/missing"): {r for r in ROLES if may_change(r, "case_attachments")},
    ("PUT", "/v1/files/{sha256}"): {r for r in ROLES if may_change(r, "case_attachments")},
    ("GET", "/v1/files/{sha256}"): set(EVIDENCE_READERS),
    ("GET", "/v1/accounts"): {"admin"},
    ("POST", "/v1/accounts"): {"admin"},
    ("PATCH", "/v1/accounts/{name}"): {"admin"},
    ("POST", "/v1/accounts/{name}/password"): {"admin"},
    ("DELETE", "/v1/sessions/current"): set(ROLES),
}
OPS = ("insert", "update", "delete", "add", "remove")


@pytest.fixture
def team(server_db):
    """A client and a way to sign in afresh as each role (the test signs some out)."""
    client = team_client(server_db, {role: role for role in ROLES})
    return client, lambda role: sign_in(client, role)[0]


FILE = b"a chat excerpt, kept as evidence"


BODIES = {("POST", "/v1/files/missing"): {"sha256s": []}, ("POST", "/v1/changes"): {"changes": []},
          ("PATCH", "/v1/accounts/{name}"): {"role": "ops"}}
CREATED = {("POST", "/v1/accounts"), ("PUT", "/v1/files/{sha256}")}  # 201 (or 200: had it)


def call(client, method, path, headers):
    """A well-formed call of the route (a file the team has for the file routes; the ops
    account for the account routes)."""
    body = {"json": BODIES.get((method, path), {"name": f"new {uuid.uuid4().hex[:8]}",
                                                "role": "viewer"})} \
        if method in ("POST", "PATCH") else {"content": FILE} if method == "PUT" else {}
    query = {"params": {"entity": "members"}} if path == "/v1/snapshot" else {
        "params": {"timeout": 0}} if path == "/v1/changes/wait" else {}
    for name, value in (("{sha256}", hashlib.sha256(FILE).hexdigest()), ("{name}", "ops"),
                        ("{entity}/{row_id:path}", "cases/c1")):
        path = path.replace(name, value)
    return client.request(method, path, headers=headers, **body, **query)


def test_signed_out_routes_are_only_the_version_and_signing_in(server_db):
    """Every other route the app has is in ENDPOINTS: a new one must join the matrix."""
    app = create_app(server_db)
    routes = {(method, route.path) for route in app.routes if route.path.startswith("/v1/")
              for method in route.methods}
    assert routes - set(ENDPOINTS) == {("GET", "/v1/version"), ("POST", "/v1/sessions")}


@pytest.mark.parametrize("role", ROLES)
def test_every_endpoint_and_every_entity_operation_as_the_matrix_says(team, role):
    client, sign_in = team
    headers = sign_in(role)
    assert call(client, "PUT", "/v1/files/{sha256}", sign_in("admin")).status_code in (200, 201)
    for (method, path), allowed in ENDPOINTS.items():
        if path == "/v1/sessions/current":
            continue  # signs this role out: checked last
        status = call(client, method, path, headers).status_code
        ok = (200, 201) if (method, path) in CREATED else (200,)
        assert status in (ok if role in allowed else (403,)), (role, method, path)

    entities = sorted(SYNCED_ENTITIES)
    admin = sign_in("admin") if role != "admin" else headers
    push(client, admin, *parents())  # the rows new rows name
    for op in OPS:
        # the row exists for update/delete, so only the role can refuse it
        if op in ("update", "delete"):
            push(client, admin, *(change(e, f"{e}-{op}", n=0)
                                  for e in entities if may_change("admin", e)))
        outcomes = push(client, headers, *(
            change(e, f"{e}-{op}", op, 1 if op in ("update", "delete") else None, n=1)
            for e in entities))
        got = {e: (o["outcome"], o["reason"]) for e, o in zip(entities, outcomes, strict=True)}
        want = {e: ("applied", None) if may_change(role, e) else ("refused", "role_refused")
                for e in entities}
        if op in ("add", "remove") and role != "admin":  # a whole staff row names a role,
            want["staff"] = ("refused", "role_refused")  # which only an admin changes
        assert got == want, (role, op)

    assert call(client, "DELETE", "/v1/sessions/current", headers).status_code == 204
    assert call(client, "GET", "/v1/me", headers).status_code == 401


def test_no_route_answers_without_a_live_token(team, server_db):
    client, sign_in = team
    expired = sign_in("admin")
    with server_db.transaction() as s:
        s.execute(update(Token).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    revoked = sign_in("lead")
    call(client, "DELETE", "/v1/sessions/current", revoked)
    disabled = sign_in("ops")
    with server_db.transaction() as s:
        accounts.set_disabled(s, "ops")
    for headers in (HEADERS, {**HEADERS, "Authorization": "Bearer made-up"}, expired, revoked,
                    disabled):
        for method, path in ENDPOINTS:
            reply = call(client, method, path, headers)
            assert reply.status_code == 401, (method, path, headers.get("Authorization"))
            assert reply.json()["detail"]["code"] == "not_signed_in"
