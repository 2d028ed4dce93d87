"""Open a database file: create it, or migrate it after copying it aside, or refuse it.

A database written by a newer modconsole is refused and left untouched,
never "upgraded" down. Alembic is only imported when the schema is not
already current, which keeps the common start fast.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import OperationalError

from modconsole.domain.messages import N_
from modconsole.store.damage import quick_check_at_open
from modconsole.store.engine import Store
from modconsole.store.errors import DatabaseError

# The newest migration in migrations/versions. A test keeps this equal to
# Alembic's head, so a start with a current schema never loads Alembic.
SCHEMA_HEAD = "0019"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# FTS5's trigram tokenizer (member search) arrived in SQLite 3.34.
MIN_SQLITE = (3, 34, 0)


class SchemaTooNew(DatabaseError):
    pass


@dataclass(frozen=True)
class OpenReport:
    """What opening did: the schema before and after, and where the copy went."""

    from_revision: str | None
    to_revision: str
    backup_path: Path | None


def check_sqlite(version: tuple[int, int, int]) -> None:
    if version < MIN_SQLITE:
        need = ".".join(map(str, MIN_SQLITE))
        have = ".".join(map(str, version))
        raise DatabaseError(
            N_("database", "modconsole needs SQLite {need} or newer (for full-text "
                           "member search); this Python has SQLite {have}. Install a "
                           "newer Python, or one built with a newer SQLite.").format(
                need=need, have=have))


def schema_revision(path: Path) -> str | None:
    """The Alembic revision stamped in the file, or None for an empty/new file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        return _read_revision(path, "mode=ro")
    except sqlite3.OperationalError:  # a WAL file in a folder SQLite may not write
        try:
            return _read_revision(path, "immutable=1")
        except sqlite3.DatabaseError as exc:
            raise _not_sqlite(path, exc) from None
    except sqlite3.DatabaseError as exc:
        raise _not_sqlite(path, exc) from None


def _not_sqlite(path: Path, exc: Exception) -> DatabaseError:
    return DatabaseError(N_("database", "{path} cannot be read as an SQLite database "
                                        "({exc}). If it is a modconsole database, it is "
                                        "damaged: restore a backup (modconsole backups "
                                        "list) or choose another file.").format(path=path, exc=exc))


def _read_revision(path: Path, flag: str) -> str | None:
    with closing(sqlite3.connect(f"file:{path.as_posix()}?{flag}", uri=True)) as conn:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise DatabaseError(
                    N_("database", "{path} is an SQLite database but not a modconsole one "
                                   "(it has tables and no schema version). Choose another "
                                   "file.").format(path=path)
                )
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _alembic_config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> dict[str, int]:
    """Revision id -> position from the first migration (0-based)."""
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(None)
    script = ScriptDirectory.from_config(cfg)
    order = [rev.revision for rev in script.walk_revisions()]
    return {rev: i for i, rev in enumerate(reversed(order))}


def backup_file(source: Path, target: Path) -> None:
    """Copy a live SQLite database consistently (the backup API, WAL included)."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def migrate(path: Path, to_revision: str = "head") -> None:
    from alembic import command

    store = Store(path)
    try:
        with store.engine.begin() as connection:
            command.upgrade(_alembic_config(connection), to_revision)
    finally:
        store.close()


def _writable(path: Path) -> bool:
    """Whether SQLite could write the file and its journal beside it (read-only disks,
    folders, files and immutable files all say no here)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _open_read_only(path: Path, current: str | None) -> Store:
    if current != SCHEMA_HEAD:
        raise DatabaseError(
            N_("database", "{path} is read-only and was written by an older modconsole "
                           "(schema {current}); it must be upgraded before this version "
                           "can open it. Copy it to a folder you can write to and open "
                           "the copy.").format(path=path, current=current))
    for mode in ("ro", "immutable"):  # a WAL file in a read-only folder needs immutable
        store = Store(path, read_only=mode)
        try:
            with store.read() as session:
                session.connection().exec_driver_sql("SELECT count(*) FROM sqlite_master")
            return store
        except OperationalError:
            store.close()
    raise DatabaseError(N_("database", "{path} is read-only and SQLite cannot read it in "
                                       "place; copy it to a folder you can write to and "
                                       "open the copy.").format(path=path))


def open_database(path: Path, *, now: datetime | None = None) -> tuple[Store, OpenReport]:
    """Open (creating or migrating) the database at `path`; read-only if it cannot be written."""
    check_sqlite(sqlite3.sqlite_version_info)
    path = Path(path)
    if path.exists() and path.stat().st_size and not _writable(path):
        current = schema_revision(path)
        return _open_read_only(path, current), OpenReport(current, SCHEMA_HEAD, None)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(N_("database", "Cannot create the folder {parent} "
                                           "for the database: {strerror}. "
                                           "Choose another place with --db.").format(
                                parent=path.parent, strerror=exc.strerror)) from None
    current = schema_revision(path)
    backup = None
    if current != SCHEMA_HEAD:
        revisions = known_revisions()
        if current is not None and current not in revisions:
            raise SchemaTooNew(N_(
                "database", "{path} was written by a newer modconsole (schema {current}); this "
                            "version knows schemas up to {head}. Install the newer modconsole "
                            "to open it. The file was not changed.").format(
                path=path, current=current, head=SCHEMA_HEAD))
        if current is not None:
            stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S")
            backup = path.with_name(f"{path.name}.before-{SCHEMA_HEAD}-{stamp}.bak")
            backup_file(path, backup)
        migrate(path)
    store = Store(path)
    store.damage.detail = quick_check_at_open(path) or ""
    return store, OpenReport(current, SCHEMA_HEAD, backup)
