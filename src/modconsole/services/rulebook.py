"""The rulebook as the queue and the rulebook page see it, and admin edits to it.

Categories are rules without a parent; items belong to one. A rule may carry
its own penalty ladder (JSON on the row); otherwise the team's default
ladder applies, which lives in the database's settings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.domain import detectors
from modconsole.domain.enums import Severity, StaffRole
from modconsole.domain.ladder import Ladder, LadderError
from modconsole.domain.messages import N_, Message
from modconsole.services import audit
from modconsole.services.errors import UserError
from modconsole.services.identity import current_role
from modconsole.store import models as m
from modconsole.store.settings import get_setting, set_setting

LADDER_KEY = "default_ladder"
EDITABLE = ("title_zh", "title_en", "description_zh", "description_en", "severity",
            "counts_to_ladder", "aggravated", "ladder_json", "detectors_json")


@dataclass(frozen=True)
class RuleInfo:
    id: str
    code: str
    category: str  # the category's code; a category's own code for categories
    parent_id: str | None
    scope: str
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    severity: str
    counts_to_ladder: bool
    aggravated: bool
    ladder_json: str | None
    detectors_json: str | None = None

    def title(self, lang: str) -> str:
        return self.title_zh if lang.startswith("zh") else self.title_en

    def description(self, lang: str) -> str:
        return self.description_zh if lang.startswith("zh") else self.description_en

    def as_json(self) -> dict:
        return {"id": self.id, "code": self.code, "title": self.title_en,
                "title_zh": self.title_zh, "category": self.category, "scope": self.scope,
                "severity": self.severity, "aggravated": self.aggravated,
                "counts_to_ladder": self.counts_to_ladder, "ladder": self.ladder_json,
                "detectors": json.loads(self.detectors_json) if self.detectors_json else None}


def _info(rule: m.Rule, codes: dict[str, str]) -> RuleInfo:
    return RuleInfo(rule.id, rule.code, codes.get(rule.parent_id, rule.code), rule.parent_id,
                    rule.scope, rule.title_zh, rule.title_en, rule.description_zh,
                    rule.description_en, rule.severity, rule.counts_to_ladder, rule.aggravated,
                    rule.ladder_json, rule.detectors_json)


def list_rules(session: Session) -> list[RuleInfo]:
    """Every live rule, each category followed by its items, in rulebook order."""
    rules = list(session.scalars(select(m.Rule).where(m.Rule.deleted_at.is_(None))
                                 .order_by(m.Rule.position, m.Rule.code)))
    codes = {r.id: r.code for r in rules}
    return [_info(r, codes) for r in rules]


def find_rule(session: Session, code: str) -> m.Rule:
    rule = session.scalar(select(m.Rule).where(m.Rule.code == code.strip().upper(),
                                               m.Rule.deleted_at.is_(None)))
    if rule is None:
        raise UserError(N_("rulebook", "No rule has the code '{code}'. `modconsole rules "
                                       "list` shows them.").format(code=code))
    return rule


def default_ladder(session: Session) -> Ladder:
    return Ladder.from_json(get_setting(session, LADDER_KEY))


def ladder_for(session: Session, rule: m.Rule | RuleInfo | None) -> Ladder:
    base = default_ladder(session)
    return Ladder.from_json(rule.ladder_json, base) if rule is not None else base


def _require_admin(session: Session, what: Message) -> None:
    if current_role(session) not in (StaffRole.ADMIN, StaffRole.LEAD):
        raise UserError(N_("rulebook", "Only a lead or an admin can {what}; set your "
                                       "role in Settings → You.").format(what=what))


def set_default_ladder(session: Session, ladder_json: str) -> None:
    _require_admin(session, N_("rulebook", "change the penalty ladder"))
    try:
        ladder = Ladder.from_json(ladder_json)
    except LadderError as exc:
        raise UserError(N_("rulebook", "Default ladder: {exc}.").format(exc=exc)) from None
    before = get_setting(session, LADDER_KEY)
    set_setting(session, LADDER_KEY, ladder.to_json())
    audit.record(session, "rulebook.ladder", "settings", None, before=before,
                 after=ladder.to_json())


def update_rule(session: Session, rule_id: str, **changes) -> RuleInfo:
    """Change a rule's texts, severity, flags or ladder (admins and leads only)."""
    _require_admin(session, N_("rulebook", "edit the rulebook"))
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise UserError(N_("rulebook", "These rule fields cannot be edited: {value}.").format(
                            value=', '.join(sorted(unknown))))
    rule = session.get(m.Rule, rule_id)
    if rule is None or rule.deleted_at is not None:
        raise UserError(N_("rulebook", "That rule no longer exists; reload the rulebook."))
    if "severity" in changes and changes["severity"] not in tuple(Severity):
        raise UserError(N_("rulebook", "Severity must be one of {value}.").format(
                            value=', '.join(Severity)))
    for key in ("title_zh", "title_en"):
        if key in changes and not str(changes[key]).strip():
            raise UserError(N_("rulebook", "{code}: the title ({value}) cannot be empty.").format(
                                code=rule.code, value=key[-2:]))
    if changes.get("ladder_json"):
        try:
            changes["ladder_json"] = Ladder.from_json(changes["ladder_json"],
                                                      default_ladder(session)).to_json()
        except LadderError as exc:
            raise UserError(N_("rulebook", "{code}: {exc}.").format(
                                code=rule.code, exc=exc)) from None
    elif "ladder_json" in changes:
        changes["ladder_json"] = None
    if "detectors_json" in changes:
        try:
            changes["detectors_json"] = detectors.parse(changes["detectors_json"]).to_json()
        except detectors.DetectorError as exc:
            raise UserError(N_("rulebook", "{code}: {exc}.").format(
                                code=rule.code, exc=exc)) from None
    codes = {rule.parent_id: session.get(m.Rule, rule.parent_id).code} if rule.parent_id else {}
    before = _info(rule, codes)
    for key, value in changes.items():
        setattr(rule, key, value)
    session.flush()
    after = _info(rule, codes)
    diff = {k: (getattr(before, k), getattr(after, k)) for k in changes
            if getattr(before, k) != getattr(after, k)}
    if diff:
        audit.record(session, "rule.update", "rules", rule.id,
                     before={k: v[0] for k, v in diff.items()},
                     after={k: v[1] for k, v in diff.items()})
    return after
