"""Shared fixtures. Qt runs offscreen and every test gets its own config folder."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime

import pytest

from modconsole.services.startup import open_console_database

NOW = datetime(2026, 11, 18, 10, 30, tzinfo=UTC)  # a Wednesday


@pytest.fixture(autouse=True)
def isolated_config(tmp_path, monkeypatch):
    """Settings, the config file, logs and automatic backups go to folders of the test's own."""
    folder = tmp_path / "config"
    monkeypatch.setenv("MODCONSOLE_CONFIG_DIR", str(folder))
    monkeypatch.setenv("MODCONSOLE_BACKUP_DIR", str(tmp_path / "data"))
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
