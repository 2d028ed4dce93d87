"""Open the console's database the same way for the GUI and the CLI."""

from __future__ import annotations

from pathlib import Path

from modconsole.services.defaults import install_defaults
from modconsole.store.database import OpenReport, open_database
from modconsole.store.engine import Store


def open_console_database(path: Path) -> tuple[Store, OpenReport]:
    """Create or migrate the file, then add the shipped rulebook and phrase book if missing."""
    store, report = open_database(path)
    with store.transaction() as session:
        install_defaults(session)
    return store, report
