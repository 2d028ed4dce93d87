"""What is in a database: schema, SQLite features, row counts, pending sync changes."""

from __future__ import annotations

import sqlite3

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from modconsole import __version__
from modconsole.store import models as m
from modconsole.store.database import SCHEMA_HEAD

COUNTED = {
    "members": m.Member,
    "groups": m.Group,
    "tags": m.Tag,
    "staff": m.Staff,
    "rules": m.Rule,
    "cases": m.Case,
    "sanctions": m.Sanction,
    "templates": m.ReplyTemplate,
    "activities": m.Activity,
}


def sqlite_features(session: Session) -> dict[str, bool]:
    """FTS5 with the trigram tokenizer (SQLite >= 3.34) backs text search.

    The probe runs on a scratch in-memory database of the same library, so
    a read-only transaction can ask too.
    """
    options = {row[0] for row in session.connection().execute(text("PRAGMA compile_options"))}
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE probe USING fts5(x, tokenize='trigram')")
        trigram = True
    except sqlite3.Error:
        trigram = False
    finally:
        probe.close()
    return {"fts5": "ENABLE_FTS5" in options or trigram, "fts5_trigram": trigram,
            "json": True}


def pending_changes(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(m.OutboxEntry)) or 0


def live_count(session: Session, model) -> int:
    query = select(func.count()).select_from(model)
    if hasattr(model, "deleted_at"):
        query = query.where(model.deleted_at.is_(None))
    return session.scalar(query) or 0


def counts(session: Session) -> dict[str, int]:
    return {name: live_count(session, model) for name, model in COUNTED.items()}


def database_info(session: Session) -> dict:
    conn = session.connection()
    revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    journal = conn.execute(text("PRAGMA journal_mode")).scalar()
    return {
        "app_version": __version__,
        "schema_revision": revision,
        "schema_head": SCHEMA_HEAD,
        "sqlite_version": sqlite3.sqlite_version,
        "journal_mode": journal,
        "features": sqlite_features(session),
        "counts": counts(session),
        "pending_changes": pending_changes(session),
    }
