"""Taking SQLite's write lock up front, waiting for it, and saying who holds it.

A transaction that begins with a plain BEGIN reads first and asks for the
write lock at its first write; if another process wrote in between, SQLite
refuses at once (SQLITE_BUSY_SNAPSHOT), without waiting. So every write
transaction says BEGIN IMMEDIATE: it waits for the lock before reading
anything. The wait is ours rather than SQLite's busy handler alone, so the
person can be told after half a second what they are waiting for, and so a
generous limit ends in a message instead of "database is locked".

Long jobs (imports, bulk tagging, the demo) leave a note beside the database
naming themselves while they hold the lock; a waiter reads it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from modconsole.domain.messages import N_, Message
from modconsole.store.errors import DatabaseBusy

# Each attempt lets SQLite's busy handler wait this long before we look again.
ATTEMPT_MS = 250
# A 1M-member import writes for about eight minutes; a waiter outlasts it.
WAIT_LIMIT_S = 15 * 60



@dataclass(frozen=True)
class Holder:
    """What holds the write lock, as its note says (kind is "" when there is no note).

    Kinds: import, tagging, demo, restore, work; each interface words them in
    its own language, with `detail` (a file name, a job's label) beside.
    """

    kind: str = ""
    detail: str = ""
    pid: int = 0
    since: str = ""

    def describe(self) -> Message:
        """Who holds the lock, in words for the CLI and the log."""
        if not self.kind:
            return N_("write_lock", "another modconsole window or command")
        what = {"import": N_("write_lock", "an import"),
                "tagging": N_("write_lock", "bulk tagging"),
                "demo": N_("write_lock", "the demo loader"),
                "restore": N_("write_lock", "a restore")}.get(
            self.kind, N_("write_lock", "a long job"))
        if self.detail:
            what = N_("write_lock", "{what} ({detail})").format(what=what, detail=self.detail)
        return N_("write_lock", "{what} in process {pid}, running since {since},").format(
            what=what, pid=self.pid, since=self.since)


Waiting = Callable[[Holder], None]


def note_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".writer")


@contextmanager
def writer_note(db_path: Path, kind: str, detail: str = "") -> Iterator[None]:
    """Leave a note beside the database while a long write runs, for waiters to read."""
    path = note_path(db_path)
    note = {"kind": kind, "detail": detail, "pid": os.getpid(),
            "since": datetime.now().strftime("%H:%M")}
    try:
        path.write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")
    except OSError:  # a read-only folder: waiters just say less
        yield
        return
    try:
        yield
    finally:
        with suppress(OSError):
            path.unlink()


def holder(db_path: Path) -> Holder:
    """Who holds the write lock, as far as a live process's note says."""
    try:
        note = json.loads(note_path(db_path).read_text(encoding="utf-8")[:10_000])
        found = Holder(str(note["kind"])[:40], str(note["detail"])[:200], int(note["pid"]),
                       str(note["since"])[:20])
    except (OSError, ValueError, KeyError, TypeError):
        return Holder()
    return found if found.pid == os.getpid() or _alive(found.pid) else Holder()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but not ours (or not on this platform's terms)
        return True
    return True


def is_busy(exc: BaseException) -> bool:
    """SQLITE_BUSY or SQLITE_LOCKED, raw or wrapped by SQLAlchemy."""
    exc = getattr(exc, "orig", None) or exc
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "database is locked" in str(exc) or "database is busy" in str(exc)


def is_read_only(exc: BaseException) -> bool:
    """A write refused by `query_only` (or a read-only file)."""
    code = getattr(getattr(exc, "orig", exc), "sqlite_errorcode", None)
    return code is not None and code & 0xFF == sqlite3.SQLITE_READONLY


def begin_immediate(dbapi_conn: sqlite3.Connection, db_path: Path,
                    waiting: Waiting | None, limit_s: float, restore_ms: int) -> None:
    """BEGIN IMMEDIATE, waiting up to `limit_s` for another writer and saying so once."""
    deadline = time.monotonic() + limit_s
    told = False
    dbapi_conn.execute(f"PRAGMA busy_timeout={ATTEMPT_MS}")
    try:
        while True:
            try:
                dbapi_conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise
                if time.monotonic() >= deadline:
                    minutes = max(1, round(limit_s / 60))
                    raise DatabaseBusy(N_(
                        "write_lock", "The database stayed busy for {minutes} minute(s): {who} "
                                      "is writing to it. Nothing was written. Let it finish (or "
                                      "close that window) and try again.").format(
                        minutes=minutes, who=holder(db_path).describe())) from None
                if not told and waiting is not None:
                    waiting(holder(db_path))
                    told = True
    finally:
        dbapi_conn.execute(f"PRAGMA busy_timeout={restore_ms}")
