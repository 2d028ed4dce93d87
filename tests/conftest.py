"""Shared fixtures. Qt runs offscreen and every test gets its own config folder."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime

import pytest

from modconsole.services.startup import open_console_database

NOW = datetime(2026, 11, 18, 10, 30, tzinfo=UTC)  # a Wednesday


@pytest.fixture(autouse=True)
def isolated_config(tmp_path_factory, monkeypatch):
    """Settings (English chosen), the config file, logs and backups go to the test's own folders."""
    folder = tmp_path_factory.mktemp("config")
    # tests read English whatever the machine's locale; a test that wants Chinese chooses it
    (folder / "gui.ini").write_text("[General]\nlanguage=en\n", encoding="utf-8")
    monkeypatch.setenv("MODCONSOLE_CONFIG_DIR", str(folder))
    monkeypatch.setenv("MODCONSOLE_BACKUP_DIR", str(folder / "data"))
    monkeypatch.delenv("MODCONSOLE_DB", raising=False)
    return folder


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "console.db"


@pytest.fixture
def store(db_path):
    store, _report = open_console_database(db_path)
    yield store
    store.close()


def query(db_path, fn):
    """Run `fn(session)` on a database file the way a second process would see it."""
    store, _ = open_console_database(db_path)
    try:
        with store.transaction() as s:
            return fn(s)
    finally:
        store.close()
