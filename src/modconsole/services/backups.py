"""Automatic backups, restoring one, and salvaging a damaged file.

At most one consistent copy a day while the console runs (SQLite's online
backup API, checked with a full integrity check, which is also the check of
the live file the open-time quick check leaves to this). Seven daily and
four weekly copies are kept in the data folder, apart for each database.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import platformdirs

from modconsole.domain.messages import N_
from modconsole.services.backup import backup
from modconsole.services.errors import UserError
from modconsole.services.locations import APP
from modconsole.services.output_files import (
    SQLITE_SIDECARS,
    cannot_write,
    remove_partial,
    temporary_name,
)
from modconsole.store import damage
from modconsole.store.database import SCHEMA_HEAD, open_database, schema_revision
from modconsole.store.derived_tables import DERIVED
from modconsole.store.errors import DatabaseError

KEEP_DAILY, KEEP_WEEKLY = 7, 4
STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size: int


def backup_folder(db_path: Path) -> Path:
    """This database's own folder of automatic backups, in the platform's data folder."""
    base = os.environ.get("MODCONSOLE_BACKUP_DIR") or \
        platformdirs.user_data_dir(APP, appauthor=False)
    key = hashlib.sha256(str(Path(db_path).resolve()).encode()).hexdigest()[:8]
    return Path(base) / "backups" / f"{Path(db_path).stem}-{key}"


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Automatic backups of this database, newest first."""
    found = []
    folder = backup_folder(db_path)
    for path in folder.glob("*.db") if folder.is_dir() else ():
        try:
            taken = datetime.strptime(path.stem, STAMP)
        except ValueError:
            continue
        found.append(BackupInfo(path, taken, path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def backup_due(db_path: Path, now: datetime) -> bool:
    newest = next(iter(list_backups(db_path)), None)
    return newest is None or newest.taken_at.date() < now.date()


def automatic_backup(db_path: Path, now: datetime | None = None) -> BackupInfo | None:
    """Today's backup if there is none yet, then the old ones pruned; None if not due.

    Raises DatabaseDamaged when the copy fails its integrity check: the live
    file is damaged too.
    """
    now = now or datetime.now()
    if not backup_due(db_path, now):
        return None
    folder = backup_folder(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(folder / "x", exc) from None
    target = folder / f"{now.strftime(STAMP)}.db"
    try:
        size = backup(db_path, target)
    except UserError as exc:
        if "integrity check" in str(exc):
            raise damage.DatabaseDamaged(damage.damaged_message(db_path, str(exc))) from None
        raise
    prune(db_path, now)
    return BackupInfo(target, now, size)


def prune(db_path: Path, now: datetime) -> list[Path]:
    """Keep the newest backup of each of the last 7 days that have one, and of each of
    the 4 weeks before those; delete the rest. Returns what was deleted."""
    backups = list_backups(db_path)
    keep: set[Path] = set()
    days: set = set()
    for b in backups:
        if b.taken_at.date() not in days and len(days) < KEEP_DAILY:
            days.add(b.taken_at.date())
            keep.add(b.path)
    oldest_daily = min(days) if days else now.date()
    weeks: set = set()
    for b in backups:
        week = b.taken_at.isocalendar()[:2]
        if b.taken_at.date() < oldest_daily and week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            keep.add(b.path)
    deleted = [b.path for b in backups if b.path not in keep]
    for path in deleted:
        with suppress(OSError):
            path.unlink()
    return deleted


def restore(db_path: Path, source: Path, now: datetime | None = None) -> Path:
    """Put `source` (a backup) in place of the database; returns where the old file went.

    The database must be closed. The old file (and its WAL, which belongs to it
    alone) is moved aside first, so a restore loses nothing.
    """
    now = now or datetime.now()
    source, db_path = Path(source), Path(db_path)
    if not source.is_file():
        raise UserError(N_("backups", "There is no backup {source}.").format(source=source))
    problem = damage.check(source, full=True)
    if problem:
        raise UserError(N_("backups", "The backup {name} is damaged too ({problem}); "
                                      "choose an older one.").format(
                            name=source.name, problem=problem))
    revision = schema_revision(source)
    if revision is None:
        raise UserError(N_("backups", "{name} is not a modconsole database.").format(
                            name=source.name))
    aside = db_path.with_name(f"{db_path.name}.before-restore-{now.strftime(STAMP)}.bak")
    temporary = temporary_name(db_path)
    moved: list[tuple[Path, Path]] = []
    try:
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(temporary)) as dst:
            src.backup(dst)
        for suffix in ("", *SQLITE_SIDECARS):  # the WAL belongs to the old file alone
            current = db_path.with_name(db_path.name + suffix)
            if current.exists():
                shutil.move(current, aside.with_name(aside.name + suffix))
                moved.append((current, aside.with_name(aside.name + suffix)))
        os.replace(temporary, db_path)
    except (OSError, sqlite3.Error) as exc:
        for current, kept in reversed(moved):  # put the old file back as it was
            with suppress(OSError):
                shutil.move(kept, current)
        if isinstance(exc, OSError):
            raise cannot_write(db_path, exc) from None
        raise cannot_write(db_path, reason=str(exc)) from None
    finally:
        remove_partial(temporary)
    return aside


@dataclass
class Salvage:
    """Per table: rows copied, and rows (or ranges) that could not be read."""

    copied: dict[str, int] = field(default_factory=dict)
    lost: dict[str, int] = field(default_factory=dict)


def _tables(conn: sqlite3.Connection) -> list[str]:
    """The schema's own tables, parents first; virtual tables, their shadows and the
    derived tables left out (the triggers fill them again from the rows copied)."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND "
                        "name NOT LIKE 'sqlite_%' AND name != 'alembic_version'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    return [name for name, _ in rows
            if name not in virtual and not any(name.startswith(v + "_") for v in virtual)
            and not name.startswith(DERIVED)]


def salvage(damaged: Path, target: Path, chunk: int = 1000) -> Salvage:
    """Copy every row SQLite can still read from `damaged` into a new database `target`.

    Tables are copied whole where they read cleanly, else in ranges of their
    integer key, halving a range that fails down to single rows; unreadable
    rows are counted, not guessed at. Foreign keys are off while copying, so a row whose
    parent was lost is kept rather than dropped.
    """
    damaged, target = Path(damaged), Path(target)
    if target.exists():
        raise UserError(N_("backups", "{target} already exists; choose a new file name.").format(
                            target=target))
    try:
        revision = schema_revision(damaged)
    except DatabaseError as exc:
        raise UserError(N_("backups", "Nothing can be salvaged: {exc}").format(exc=exc)) from None
    if revision != SCHEMA_HEAD:
        raise UserError(N_("backups", "{name} has schema {revision}, this modconsole "
                                      "writes {SCHEMA_HEAD}; salvage it with the version "
                                      "that wrote it.").format(
                            name=damaged.name, revision=revision, SCHEMA_HEAD=SCHEMA_HEAD))
    store, _ = open_database(target)
    store.close()
    report = Salvage()
    try:
        # Statement by statement: after SQLITE_CORRUPT an open transaction would fail every
        # later read. The new file is deleted if this fails, so it needs no journal.
        with closing(sqlite3.connect(target, isolation_level=None)) as conn:
            for pragma in ("foreign_keys=OFF", "synchronous=OFF", "journal_mode=MEMORY"):
                conn.execute(f"PRAGMA {pragma}")
            conn.execute("ATTACH DATABASE ? AS old", (f"file:{damaged.as_posix()}?mode=ro",))
            for table in _tables(conn):
                copied, lost = _copy_table(conn, table, chunk)
                report.copied[table], report.lost[table] = copied, lost
            conn.execute("PRAGMA journal_mode=WAL")
    except sqlite3.Error as exc:
        remove_partial(target)
        raise cannot_write(target, reason=str(exc)) from None
    except BaseException:
        remove_partial(target)
        raise
    return report


# Probing past a table whose bounds cannot be read stops after this many ranges in a row
# that gave no row (empty, or unreadable: a damaged root fails every range).
EMPTY_RANGES_TO_STOP = 50


def _key(conn: sqlite3.Connection, table: str) -> str | None:
    """The integer key to walk a table by: rowid, or a WITHOUT ROWID table's first key column."""
    columns = conn.execute("SELECT * FROM pragma_table_info(?, 'main')", (table,)).fetchall()
    sql = conn.execute("SELECT sql FROM main.sqlite_master WHERE name = ?", (table,)).fetchone()
    if "WITHOUT ROWID" not in (sql[0] or "").upper():
        return "rowid"
    first = sorted((c for c in columns if c[5]), key=lambda c: c[5])
    return first[0][1] if first and "INT" in (first[0][2] or "").upper() else None


def _copy_table(conn: sqlite3.Connection, table: str, chunk: int) -> tuple[int, int]:
    name = '"' + table.replace('"', '""') + '"'
    try:
        cursor = conn.execute(f"INSERT OR IGNORE INTO main.{name} SELECT * FROM old.{name}")
        return cursor.rowcount, 0
    except sqlite3.DatabaseError:
        pass
    key = _key(conn, table)
    if key is None:
        return 0, 1  # no integer key to walk it by
    copy = f"INSERT OR IGNORE INTO main.{name} SELECT * FROM old.{name} WHERE {key} " \
           "BETWEEN ? AND ?"
    try:
        low, high = conn.execute(f"SELECT min({key}), max({key}) FROM old.{name}").fetchone()
        if low is None:
            return 0, 0
        ranges = [(start, min(start + chunk - 1, high)) for start in range(low, high + 1, chunk)]
        return _copy_ranges(conn, copy, list(reversed(ranges)))
    except sqlite3.DatabaseError:  # its bounds are unreadable: walk up from 0
        copied = lost = empty = 0
        start = 0
        while empty < EMPTY_RANGES_TO_STOP:
            done, failed = _copy_ranges(conn, copy, [(start, start + chunk - 1)])
            copied, lost = copied + done, lost + failed
            empty = 0 if done else empty + 1
            start += chunk
        return copied, lost


def _copy_ranges(conn: sqlite3.Connection, copy: str,
                 ranges: list[tuple[int, int]]) -> tuple[int, int]:
    """Copy key ranges, halving a range that fails down to single keys, which are lost."""
    copied = lost = 0
    while ranges:
        first, last = ranges.pop()
        try:
            copied += conn.execute(copy, (first, last)).rowcount
        except sqlite3.DatabaseError:
            if first == last:
                lost += 1
            else:
                middle = (first + last) // 2
                ranges += [(middle + 1, last), (first, middle)]
    return copied, lost


def newest_backup(db_path: Path) -> Path:
    found = list_backups(db_path)
    if not found:
        raise UserError(N_("backups", "There is no automatic backup of {name} yet (they "
                                      "are made once a day while the console runs, in "
                                      "{value}).").format(
                            name=db_path.name, value=backup_folder(db_path)))
    return found[0].path
