"""A fresh server database per test, on a SQLite trial file and on PostgreSQL.

PostgreSQL comes from $MODCONSOLE_TEST_PG, or the role and database
`.ci/postgres` makes. Each test gets its own database, dropped afterwards.
Where no PostgreSQL answers, its tests are skipped, unless
$MODCONSOLE_REQUIRE_PG is set (CI sets it), which makes that a failure.
"""

import os
import time
import uuid

import keyring
import pytest
from argon2 import PasswordHasher
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from modconsole.server import accounts
from modconsole.server.database import ServerDatabase
from tests.server.consoles import serve

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
        _drop(admin, name)
        admin.dispose()


def _drop(admin, name: str) -> None:
    """Drop a test database. Not WITH (FORCE): that would also have to end an autovacuum
    worker, which only a superuser may; a plain DROP stops autovacuum itself, and waits out
    a connection of ours still closing."""
    for attempt in range(50):
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE "{name}"'))
            return
        except OperationalError:  # "being accessed by other users": ours, closing
            if attempt == 49:
                raise
            time.sleep(0.1)


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


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.entries = {}

    def set_password(self, service, username, password):
        self.entries[service, username] = password

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def delete_password(self, service, username):
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def server(server_db):
    """The team server on a free loopback port; yields its URL."""
    with server_db.transaction() as s:
        accounts.add_account(s, "王浩然", "moderator", "right password")
    yield from serve(server_db)
