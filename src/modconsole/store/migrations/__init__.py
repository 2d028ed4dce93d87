"""Alembic migration scripts; run through modconsole.store.database, not by hand."""
