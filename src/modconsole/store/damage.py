"""Noticing a damaged database file before more is written into it.

Three ways in: a quick check when a small file is opened, the full check
every automatic backup makes of its copy, and SQLITE_CORRUPT (or NOTADB)
from any statement. Once damage is known the store refuses writes; reads go
on so a person can still look things up and export while they restore a
backup or salvage the file.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from modconsole.domain.messages import N_, Message
from modconsole.domain.text import quoted
from modconsole.store.errors import DatabaseError

# quick_check reads every page; beyond this size it waits for the backup's full check.
QUICK_CHECK_MAX_BYTES = 256 << 20
DAMAGE_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


class DatabaseDamaged(DatabaseError):
    """The file is damaged; writes are refused. The message says what to do."""


def damaged_message(path: Path, detail: str) -> Message:
    return N_("damage", "{path} is damaged ({detail}), so nothing more is written to it; what "
                        "is undamaged can still be read and exported. Restore the newest "
                        "automatic backup (modconsole restore --newest, or Settings → "
                        "Backups), or salvage what is readable into a new file (modconsole "
                        "salvage NEW.db).").format(path=path, detail=quoted(detail, 200))


def is_damage(exc: BaseException) -> bool:
    exc = getattr(exc, "orig", None) or exc
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in DAMAGE_CODES


def check(path: Path, full: bool = False, limit: int = 5) -> str | None:
    """None if SQLite finds the file sound; else its first problems, in one line."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        with closing(sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)) as conn:
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}({limit})")]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(
        line.strip() for row in rows for line in row.splitlines()
        if line.strip() and not line.startswith("***"))


def quick_check_at_open(path: Path) -> str | None:
    """The open-time check: quick_check on a file small enough for it to be quick."""
    if not path.exists() or path.stat().st_size > QUICK_CHECK_MAX_BYTES:
        return None
    return check(path)
