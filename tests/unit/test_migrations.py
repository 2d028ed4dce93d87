import shutil
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from modconsole.store.database import (
    SCHEMA_HEAD,
    DatabaseError,
    SchemaTooNew,
    known_revisions,
    migrate,
    open_database,
    schema_revision,
)
from modconsole.store.derived_tables import include_name
from modconsole.store.models import Base


def test_head_constant_matches_alembic():
    revisions = known_revisions()
    assert max(revisions, key=revisions.get) == SCHEMA_HEAD


def test_upgrade_from_empty_creates_every_model_table(db_path):
    store, report = open_database(db_path)
    try:
        assert report.from_revision is None and report.backup_path is None
        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": include_name})
            diffs = compare_metadata(context, Base.metadata)
        assert diffs == [], "models and migrations disagree; write a migration"
    finally:
        store.close()
    assert schema_revision(db_path) == SCHEMA_HEAD


def test_upgrade_from_previous_revisions_keeps_data_and_backs_up(db_path):
    migrate(db_path, "0001")
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO audit_log (id, at, action, entity, created_at, updated_at, version) "
            "VALUES ('a1', '2026-01-01', 'member.edit', 'members', '2026-01-01', "
            "'2026-01-01', 1)")
        conn.execute("UPDATE audit_log SET reason = 'allowed before 0002' WHERE id = 'a1'")
    conn.close()

    store, report = open_database(db_path)
    store.close()

    assert (report.from_revision, report.to_revision) == ("0001", SCHEMA_HEAD)
    assert report.backup_path.exists()
    assert schema_revision(report.backup_path) == "0001"
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT reason FROM audit_log").fetchone() == ("allowed before 0002",)
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit_log SET reason = 'edited' WHERE id = 'a1'")
    conn.close()


def test_newer_database_is_refused_and_left_untouched(db_path):
    open_database(db_path)[0].close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = db_path.read_bytes()

    with pytest.raises(SchemaTooNew, match=r"newer modconsole.*9999.*not changed"):
        open_database(db_path)
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*.bak"))


def test_foreign_sqlite_file_is_refused(db_path):
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    with pytest.raises(DatabaseError, match="not a modconsole one"):
        open_database(db_path)


def test_garbage_file_is_refused(db_path):
    db_path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError, match="cannot be read as an SQLite database"):
        open_database(db_path)


def test_pragmas_on_every_connection(store):
    with store.engine.connect() as conn:
        driver = conn.connection.dbapi_connection
        assert driver.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert driver.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert driver.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert driver.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert driver.execute("PRAGMA cache_size").fetchone()[0] == -64000  # KiB


def test_copied_database_at_head_opens_without_backup(store, tmp_path):
    copy = tmp_path / "copy.db"
    store.close()
    shutil.copy(store.path, copy)
    reopened, report = open_database(copy)
    reopened.close()
    assert report.from_revision == SCHEMA_HEAD and report.backup_path is None


def test_an_old_sqlite_is_refused_with_what_to_do(db_path, monkeypatch):
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))
    with pytest.raises(DatabaseError, match=r"needs SQLite 3\.34\.0.*has SQLite 3\.31\.1"):
        open_database(db_path)
    assert not db_path.exists()
