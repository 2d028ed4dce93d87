"""Sync words in the interface's language: kinds of records, fields, refusal reasons."""

from __future__ import annotations

import json

from modconsole.domain.messages import N_, Message
from modconsole.gui.i18n import localized
from modconsole.services.member_fields import FIELD_LABELS

ENTITY_NAMES: dict[str, Message] = {
    "members": N_("TeamLabels", "Member"), "tags": N_("TeamLabels", "Tag"),
    "tag_groups": N_("TeamLabels", "Tag group"),
    "member_tags": N_("TeamLabels", "Tag on a member"), "groups": N_("TeamLabels", "Group"),
    "group_members": N_("TeamLabels", "Group membership"),
    "segments": N_("TeamLabels", "Segment"), "points_ledger": N_("TeamLabels", "Points"),
    "activities": N_("TeamLabels", "Activity"),
    "activity_groups": N_("TeamLabels", "Activity's group"),
    "activity_tasks": N_("TeamLabels", "Activity task"),
    "budget_lines": N_("TeamLabels", "Budget line"),
    "attendance": N_("TeamLabels", "Attendance"), "draws": N_("TeamLabels", "Draw"),
    "reports": N_("TeamLabels", "Report"), "cases": N_("TeamLabels", "Case"),
    "case_events": N_("TeamLabels", "Case history"),
    "case_attachments": N_("TeamLabels", "Evidence file"),
    "sanctions": N_("TeamLabels", "Sanction"), "appeals": N_("TeamLabels", "Appeal"),
    "member_notes": N_("TeamLabels", "Note"),
    "reply_templates": N_("TeamLabels", "Reply template"),
    "template_revisions": N_("TeamLabels", "Template revision"),
    "audit_log": N_("TeamLabels", "Audit entry"), "staff": N_("TeamLabels", "Staff member"),
    "rules": N_("TeamLabels", "Rule"), "themes": N_("TeamLabels", "Theme"),
    "team_settings": N_("TeamLabels", "Team setting"),
}
RECORD = N_("TeamLabels", "Record")

FIELD_NAMES: dict[str, Message] = {
    "decision": N_("TeamLabels", "Decision"), "title": N_("TeamLabels", "Title"),
    "body": N_("TeamLabels", "Text"), "claimed_by": N_("TeamLabels", "Claimed by"),
    "claimed_until": N_("TeamLabels", "Claimed until"),
    "priority": N_("TeamLabels", "Priority"), "rule_id": N_("TeamLabels", "Rule"),
    "start_at": N_("TeamLabels", "Start"), "end_at": N_("TeamLabels", "End"),
    "host_id": N_("TeamLabels", "Host"), "location": N_("TeamLabels", "Place"),
    "description": N_("TeamLabels", "Description"), "code": N_("TeamLabels", "Code"),
    "color": N_("TeamLabels", "Colour"), "deleted_at": N_("TeamLabels", "Deleted"),
    "approved_by": N_("TeamLabels", "Approved by"), **FIELD_LABELS,
}
ANOTHER_FIELD = N_("TeamLabels", "Another field")

REASONS: dict[str, Message] = {
    "role_refused": N_("TeamLabels", "Your role on the team may not change this."),
    "unknown_entity": N_("TeamLabels", "The team server does not keep this kind of "
                                       "record."),
    "unknown_row": N_("TeamLabels", "The record is not on the team server: a colleague "
                                    "removed it, or the change that made it was refused."),
    "row_exists": N_("TeamLabels", "The record is on the team server already."),
    "unknown_reference": N_("TeamLabels", "It names a record the team lacks (such as a member "
                                          "you may not send); ask a colleague who may add "
                                          "it."),
    "key_taken": N_("TeamLabels", "A colleague's record already has this name or ID (they "
                                  "were first); choose another."),
    "bad_value": N_("TeamLabels", "A value in this record cannot be kept by the team (wrong "
                                  "format, empty where required, or a number too large); "
                                  "correct it and save again."),
    "decision_lost": N_("TeamLabels", "A colleague decided this case first."),
    "claimed": N_("TeamLabels", "A colleague claimed this case first."),
    "appeal_by_decider": N_("TeamLabels", "The moderator who made a decision cannot answer "
                                          "the appeal against it; another moderator must."),
    "needs_approval": N_("TeamLabels", "Template review is on: a lead or an admin approves a "
                                       "template before it is published."),
}
REFUSED = N_("TeamLabels", "Refused by the team server.")


def entity_name(entity: str) -> str:
    return localized(ENTITY_NAMES.get(entity, RECORD))


def field_name(field: str) -> str:
    return localized(FIELD_NAMES.get(field, ANOTHER_FIELD))


def reason_text(reason: str | None) -> str:
    """Why the server refused a change (its own message is English, for logs); a reason
    newer than this console is said generally."""
    return localized(REASONS.get(reason or "", REFUSED))


def value_text(value) -> str:
    """A value as a person reads it: text as it is, nothing as a dash, the rest as JSON."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "; ".join(f"{field_name(k)}: {value_text(v)}" for k, v in value.items())
    return json.dumps(value, ensure_ascii=False)
