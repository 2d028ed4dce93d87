"""The moderation races only the server can decide, checked before a batch applies.

The console checks the same rules against what it knows; two consoles
offline can still both claim one case, both decide it, or answer an appeal
with the deciding moderator. Here the team's copy decides:

- a case claimed by a colleague until later is not claimed or decided by
  another (`claimed`: "claimed by 王浩然 2 min ago");
- a decision pushed on a case someone else decided since the pusher looked
  is a conflict with both decisions, kept whole (the decision's fields
  together, never half of each); the losing decision's sanctions and events
  are refused (`decision_lost`), so the member is not punished twice;
- an appeal is not answered by the moderator who made the decision
  (`appeal_by_decider`);
- with template review on (a team setting a lead turns on), a team
  template is not published as approved by anyone but a lead or an admin
  (`needs_approval`);
- a staff row's role is changed by admins only (the account's role, which
  the server enforces, is theirs to set; the row only shows it).

A verdict on a case carries over to every change of the batch that hangs on
that case (its sanctions, events and appeal), since one console transaction
writes them together and they arrive in one batch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.domain.enums import StaffRole, TemplateScope, TemplateStatus
from modconsole.domain.permissions import TEMPLATE_APPROVERS
from modconsole.domain.sync_protocol import REVIEW_SETTING
from modconsole.server.models import Account, LoggedChange, TeamRow

DECISION_FIELDS = ("decision", "decision_reason", "decided_by", "decided_at", "status",
                   "deviated_from_ladder", "claimed_by", "claimed_until")
CASE_DEPENDENTS = ("sanctions", "case_events", "appeals")
# the entities whose changes `verdict` judges by reading team rows
READS_ROWS = frozenset({*CASE_DEPENDENTS, "reply_templates"})


@dataclass(frozen=True)
class Verdict:
    reason: str
    message: str


def _row(session: Session, entity: str, row_id: str | None) -> dict | None:
    found = session.get(TeamRow, (entity, row_id)) if row_id else None
    return json.loads(found.payload_json) if found is not None and found.present else None


def _versions(session: Session, entity: str, row_id: str) -> dict:
    found = session.get(TeamRow, (entity, row_id))
    return json.loads(found.field_versions_json) if found is not None else {}


def _staff_name(session: Session, staff_id: str | None) -> str:
    row = _row(session, "staff", staff_id)
    return (row or {}).get("name") or "?"


def _when(session: Session, entity: str, row_id: str, version: int | None) -> datetime | None:
    """When the change that brought a row to `version` was logged."""
    at = session.scalar(select(LoggedChange.at).where(
        LoggedChange.entity == entity, LoggedChange.row_id == row_id,
        LoggedChange.version == version)) if version else None
    return at if at is None or at.tzinfo else at.replace(tzinfo=UTC)


def _as_time(value) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _claim_verdict(session: Session, case_id: str, current: dict, pushed: dict,
                   now: datetime) -> Verdict | None:
    holder, until = current.get("claimed_by"), _as_time(current.get("claimed_until"))
    if not holder or until is None or until <= now:
        return None
    actor = pushed.get("claimed_by") or pushed.get("decided_by")
    if not actor or actor == holder:
        return None
    since = _when(session, "cases", case_id, _versions(session, "cases", case_id)
                  .get("claimed_by"))
    minutes = max(0, int((now - since).total_seconds() // 60)) if since else 0
    return Verdict("claimed", f"claimed by {_staff_name(session, holder)} {minutes} min ago")


def decision_conflict(current: dict, versions: dict, base: int | None, pushed: dict) -> bool:
    """A decision pushed over one another moderator made after the pusher's base version."""
    return (base is not None and "decision" in pushed and current.get("decision") is not None
            and versions.get("decision", 0) > base
            and current.get("decision") != pushed["decision"]
            and current.get("decided_by") != pushed.get("decided_by"))


def _appeal_verdict(session: Session, current: dict, pushed: dict) -> Verdict | None:
    """An appeal case decided by the moderator who decided the case appealed against."""
    original = _row(session, "cases", current.get("appeal_of_id"))
    decider = pushed.get("decided_by")
    if original is None or not decider or decider != original.get("decided_by"):
        return None
    return Verdict("appeal_by_decider", f"{_staff_name(session, decider)} made the decision "
                                        "appealed against; another moderator must answer "
                                        "the appeal.")


def case_verdicts(session: Session, changes: list, now: datetime) -> dict[str, Verdict]:
    """Case id -> what the server says to this batch's changes of that case."""
    verdicts: dict[str, Verdict] = {}
    for change in changes:
        if change.entity != "cases" or change.op != "update":
            continue
        current = _row(session, "cases", change.row_id)
        if current is None:
            continue
        found = (_claim_verdict(session, change.row_id, current, change.payload, now)
                 or _appeal_verdict(session, current, change.payload))
        if found is None and decision_conflict(current, _versions(session, "cases",
                                                                  change.row_id),
                                               change.base_version, change.payload):
            found = Verdict("decision_lost", f"{_staff_name(session, current.get('decided_by'))}"
                                             f" decided this case first "
                                             f"({current.get('decision')}).")
        if found is not None:
            verdicts[change.row_id] = verdicts.get(change.row_id, found)
            if found.reason == "appeal_by_decider":
                verdicts.setdefault(current["appeal_of_id"], found)
    return verdicts


def _case_of(session: Session, change) -> list[str]:
    """The cases a change hangs on (its own row, or the case it belongs to)."""
    if change.entity == "cases":
        return [change.row_id]
    current = _row(session, change.entity, change.row_id) or {}
    fields = {**current, **change.payload}
    return [fields[k] for k in ("case_id", "original_case_id", "appeal_case_id")
            if fields.get(k)]


def verdict(session: Session, account: Account, change, verdicts: dict[str, Verdict]
            ) -> Verdict | None:
    """Why the server refuses this change, or None. A decision conflict on the case itself
    is not refused: it applies without its decision fields (see `decision_conflict`)."""
    if verdicts and (change.entity in CASE_DEPENDENTS or change.entity == "cases"):
        for case_id in _case_of(session, change):
            found = verdicts.get(case_id)
            if found and not (change.entity == "cases" and found.reason == "decision_lost"):
                return found
    if change.entity == "reply_templates":
        return _template_verdict(session, account, change)
    if change.entity == "staff" and change.op != "insert" and "role" in change.payload \
            and account.role != StaffRole.ADMIN:
        return Verdict("role_refused", "Only an admin changes roles, on the team server "
                                       "(`modconsole server users set-role`).")
    return None


def _template_verdict(session: Session, account: Account, change) -> Verdict | None:
    if account.role in TEMPLATE_APPROVERS:
        return None
    review = _row(session, "team_settings", REVIEW_SETTING) or {}
    fields = {**(_row(session, "reply_templates", change.row_id) or {}), **change.payload}
    if review.get("value") and fields.get("scope") == TemplateScope.TEAM and \
            fields.get("status") == TemplateStatus.APPROVED and (
                change.op == "insert" or "status" in change.payload or "body" in change.payload):
        return Verdict("needs_approval", "Template review is on: a lead or an admin approves "
                                         "team templates. Save it as a draft for review.")
    return None
