"""Open the console's database the same way for the GUI and the CLI."""

from __future__ import annotations

from pathlib import Path

from modconsole.services.defaults import defaults_missing, install_defaults
from modconsole.store.damage import DatabaseDamaged
from modconsole.store.database import OpenReport, open_database
from modconsole.store.engine import Store
from modconsole.store.write_lock import Waiting


def open_console_database(path: Path, waiting: Waiting | None = None
                          ) -> tuple[Store, OpenReport]:
    """Create or migrate the file, then add the shipped rulebook and phrase book if missing.

    The check is a read, so opening never waits for another process's import
    unless the defaults really are missing.
    """
    store, report = open_database(path)
    store.waiting = waiting
    try:
        with store.read() as session:
            needed = defaults_missing(session)
    except DatabaseDamaged:  # opened anyway, so what is readable can be read
        return store, report
    if needed and not store.read_only and not store.damage.detail:
        with store.transaction() as session:
            install_defaults(session)
    return store, report
