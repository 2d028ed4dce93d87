"""A consistent copy of the open database, checked before it is called done."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from modconsole.domain.messages import N_
from modconsole.services.errors import UserError
from modconsole.services.output_files import cannot_write, replacing
from modconsole.store.database import backup_file


def backup(source: Path, target: Path, *, overwrite: bool = False) -> int:
    """Copy `source` to `target`; returns the size in bytes of the verified copy."""
    target = Path(target)
    if target.exists() and not overwrite:
        raise UserError(N_("backup", "{target} already exists; choose a new file name or "
                                     "pass --force.").format(target=target))
    if not target.parent.is_dir():
        raise UserError(N_("backup", "The folder {parent} does not exist; create it "
                                     "first.").format(parent=target.parent))
    if target.resolve() == Path(source).resolve():
        raise UserError(N_("backup", "The backup cannot be the open database itself; choose "
                                     "another file."))
    with replacing(target) as partial:
        try:
            backup_file(Path(source), partial)
            with closing(sqlite3.connect(partial)) as conn:
                status = conn.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.Error as exc:  # "database or disk is full", "unable to open"…
            raise cannot_write(target, reason=str(exc)) from None
        if status != "ok":
            raise UserError(N_("backup", "The copy failed its integrity check "
                                         "({status}); nothing was written.").format(status=status))
    return target.stat().st_size
