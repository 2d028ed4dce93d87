"""Schemathesis against the server's own OpenAPI schema: whatever it sends within the
schema or just outside it, the server answers without a 500."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error

from modconsole.domain.sync_protocol import PROTOCOL
from modconsole.server.api import create_app
from tests.server.api_calls import sign_in, team_client

EXAMPLES = 20  # per operation and mode; `bench/` is the place for long fuzzing runs


@pytest.fixture(params=["sqlite"])
def server_url(request, tmp_path):
    """The trial store: the API's handling is the same on both (the stores are checked
    by every other server test), and the fuzzing is many small requests."""
    yield f"sqlite:///{tmp_path / 'team.db'}"


@pytest.mark.parametrize("mode", [schemathesis.GenerationMode.POSITIVE,
                                  schemathesis.GenerationMode.NEGATIVE])
def test_no_request_makes_the_server_fail(server_db, mode, monkeypatch):
    monkeypatch.setattr("modconsole.server.api.MAX_WAIT_S", 0.05)  # long polls end at once
    client = team_client(server_db, {"lead": "lead"})
    signed_in = {**sign_in(client, "lead")[0], "X-Modconsole-Protocol": str(PROTOCOL)}
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(server_db))
    operations = [result.ok() for result in schema.get_all_operations()]
    fuzzed = set()
    for operation in operations:
        if operation.path == "/v1/sessions/current":
            continue  # signs the fuzzer out; the authorisation tests cover it

        @given(operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def no_server_error(case):
            case.call_and_validate(headers=signed_in, checks=[not_a_server_error])
        try:
            no_server_error()
        except Unsatisfiable:  # nothing to send wrong: no parameters and no body
            assert mode is schemathesis.GenerationMode.NEGATIVE
            continue
        fuzzed.add((operation.method.upper(), operation.path))
    assert {("POST", "/v1/sessions"), ("POST", "/v1/changes"), ("GET", "/v1/changes"),
            ("GET", "/v1/snapshot")} <= fuzzed
