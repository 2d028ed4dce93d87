"""Open a database file: create it, or migrate it after copying it aside, or refuse it.

A database written by a newer modconsole is refused and left untouched,
never "upgraded" down. Alembic is only imported when the schema is not
already current, which keeps the common start fast.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from modconsole.store.engine import Store
from modconsole.store.errors import DatabaseError

# The newest migration in migrations/versions. A test keeps this equal to
# Alembic's head, so a start with a current schema never loads Alembic.
SCHEMA_HEAD = "0011"
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
            f"modconsole needs SQLite {need} or newer (for full-text member search); this "
            f"Python has SQLite {have}. Install a newer Python, or one built with a newer SQLite.")


def schema_revision(path: Path) -> str | None:
    """The Alembic revision stamped in the file, or None for an empty/new file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            has_table = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if not has_table:
                tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if tables:
                    raise DatabaseError(
                        f"{path} is an SQLite database but not a modconsole one "
                        "(it has tables and no schema version). Choose another file."
                    )
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} cannot be read as an SQLite database: {exc}") from exc
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
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()


def migrate(path: Path, to_revision: str = "head") -> None:
    from alembic import command

    store = Store(path)
    try:
        with store.engine.begin() as connection:
            command.upgrade(_alembic_config(connection), to_revision)
    finally:
        store.close()


def open_database(path: Path, *, now: datetime | None = None) -> tuple[Store, OpenReport]:
    """Open (creating or migrating) the database at `path`."""
    check_sqlite(sqlite3.sqlite_version_info)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    current = schema_revision(path)
    backup = None
    if current != SCHEMA_HEAD:
        revisions = known_revisions()
        if current is not None and current not in revisions:
            raise SchemaTooNew(
                f"{path} was written by a newer modconsole (schema {current}); this version "
                f"knows schemas up to {SCHEMA_HEAD}. Install the newer modconsole to open it. "
                "The file was not changed."
            )
        if current is not None:
            stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S")
            backup = path.with_name(f"{path.name}.before-{SCHEMA_HEAD}-{stamp}.bak")
            backup_file(path, backup)
        migrate(path)
    return Store(path), OpenReport(current, SCHEMA_HEAD, backup)
