"""A fresh server database per test, on a SQLite trial file and on PostgreSQL.

PostgreSQL comes from $MODCONSOLE_TEST_PG, or the role and database
`.ci/postgres` makes. Each test gets its own database, dropped afterwards.
Where no PostgreSQL answers, its tests are skipped, unless
$MODCONSOLE_REQUIRE_PG is set (CI sets it), which makes that a failure.
"""

import os
import uuid

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from modconsole.server import accounts
from modconsole.server.database import ServerDatabase

PG_URL = os.environ.get("MODCONSOLE_TEST_PG",
                        "postgresql+psycopg://modconsole:modconsole@localhost:5432/modconsole_test")


def _postgres_database():
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        admin.dispose()
        if os.environ.get("MODCONSOLE_REQUIRE_PG"):
            pytest.fail(f"PostgreSQL at {PG_URL} does not answer: {exc}")
        pytest.skip(f"no PostgreSQL at {PG_URL} (run .ci/postgres as root)")
    name = f"modconsole_t_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def server_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'team.db'}"
    else:
        yield from _postgres_database()


@pytest.fixture
def server_db(server_url):
    database = ServerDatabase(server_url)
    database.migrate()
    yield database
    database.close()


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch):
    """argon2 at its lowest cost: the tests check what is hashed, not how hard (the real
    settings take ~60 ms a hash, and the throttling tests hash dozens of times)."""
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=8,
                                                            parallelism=1))
    accounts._unknown_hash.cache_clear()
    yield
    accounts._unknown_hash.cache_clear()
