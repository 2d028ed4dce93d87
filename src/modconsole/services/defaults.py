"""Install the shipped rulebook and phrase book into a database that has none.

Ids of default content are derived from its code, so every console that
installs the same defaults makes the same rows. That is also why they are
written without outbox entries: the server and every client derive them
from the same file; only later edits of them are changes to sync.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

from sqlalchemy import exists, insert, select
from sqlalchemy.orm import Session

from modconsole.assets import resource_path
from modconsole.domain.defaults import LANGS, parse_phrasebook, parse_rulebook
from modconsole.domain.ids import DEFAULTS_EPOCH_MS, uuid7
from modconsole.store.models import ReplyTemplate, Rule


def content_id(kind: str, key: str) -> str:
    digest = hashlib.sha256(f"modconsole-default:{kind}:{key}".encode()).digest()
    return uuid7(DEFAULTS_EPOCH_MS, digest[:10])


def _stamp() -> dict:
    """The same on every console, like the ids: shipped content is one row everywhere."""
    shipped = datetime.fromtimestamp(DEFAULTS_EPOCH_MS / 1000, UTC)
    return {"created_at": shipped, "updated_at": shipped, "version": 1}


def _load(name: str) -> dict:
    return json.loads(resource_path("data", name).read_text(encoding="utf-8"))


def install_rulebook(session: Session) -> int:
    if session.scalar(select(exists().where(Rule.id.is_not(None)))):
        return 0
    specs = parse_rulebook(_load("rulebook.json"))
    rows = [
        dict(
            _stamp(),
            id=content_id("rule", spec.code),
            code=spec.code,
            parent_id=content_id("rule", spec.parent_code) if spec.parent_code else None,
            scope=spec.scope,
            title_zh=spec.title["zh_CN"], title_en=spec.title["en"],
            description_zh=spec.description["zh_CN"], description_en=spec.description["en"],
            severity=spec.severity.value, aggravated=spec.aggravated,
            counts_to_ladder=spec.counts_to_ladder, position=position, ladder_json=None,
            detectors_json=spec.detectors,
        )
        for position, spec in enumerate(specs)  # categories precede their items
    ]
    session.execute(insert(Rule), rows)
    return len(rows)


def install_phrasebook(session: Session) -> int:
    if session.scalar(select(exists().where(ReplyTemplate.id.is_not(None)))):
        return 0
    rows = [
        dict(
            _stamp(),
            id=content_id("template", f"{spec.code}:{lang}"),
            family_id=content_id("template-family", spec.code),
            code=spec.code, title=spec.title[lang], category=spec.category, lang=lang,
            body=spec.body[lang],
        )
        for spec in parse_phrasebook(_load("phrasebook.json"))
        for lang in LANGS
    ]
    session.execute(insert(ReplyTemplate), rows)
    return len(rows)


def defaults_missing(session: Session) -> bool:
    """Whether install_defaults has anything to do (a read, so opening need not wait)."""
    return not (session.scalar(select(exists().where(Rule.id.is_not(None)))) and
                session.scalar(select(exists().where(ReplyTemplate.id.is_not(None)))))


def install_defaults(session: Session) -> dict[str, int]:
    """Install what is missing; returns how many rules and templates were added."""
    return {"rules": install_rulebook(session), "templates": install_phrasebook(session)}
