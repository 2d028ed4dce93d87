"""Which role may change which kind of row: the matrix the team server enforces on every
pushed change (and the console will use to grey out what a role cannot do).

Roles nest: a lead may do what ops and moderators do, and an admin what a
lead does; a viewer changes nothing.
"""

from __future__ import annotations

from modconsole.domain.enums import StaffRole

# capability -> the entities (the console's table names) it lets a role change
CAPABILITIES: dict[str, frozenset[str]] = {
    "community": frozenset({"members", "tags", "tag_groups", "member_tags", "groups",
                            "group_members", "segments", "points_ledger", "activities",
                            "activity_groups", "activity_tasks", "budget_lines",
                            "attendance", "draws"}),
    "moderation": frozenset({"reports", "cases", "case_events", "case_attachments",
                             "sanctions", "appeals", "member_notes", "reply_templates",
                             "template_revisions"}),
    "authorship": frozenset({"audit_log", "staff"}),  # who did what, written by every change
    "leading": frozenset({"rules", "themes", "team_settings", "targets"}),
}

ROLE_CAPABILITIES: dict[str, frozenset[str]] = {
    StaffRole.VIEWER: frozenset(),
    StaffRole.OPS: frozenset({"community", "authorship"}),
    StaffRole.MODERATOR: frozenset({"moderation", "authorship"}),
    StaffRole.LEAD: frozenset({"community", "moderation", "authorship", "leading"}),
    StaffRole.ADMIN: frozenset({"community", "moderation", "authorship", "leading"}),
}

TEMPLATE_APPROVERS = frozenset({StaffRole.LEAD, StaffRole.ADMIN})  # when review is on
APPROVAL = "template_approval"  # not a table: publishing a template when review is on

# Evidence files (screenshots, chat excerpts) hold other people's words and faces: the
# roles that handle, lead or audit moderation open them; ops, who work the community, do not.
EVIDENCE_READERS = frozenset({StaffRole.MODERATOR, StaffRole.LEAD, StaffRole.ADMIN,
                              StaffRole.VIEWER})

SYNCED_ENTITIES = frozenset().union(*CAPABILITIES.values())


def may_change(role: str, entity: str) -> bool:
    """Whether `role` may push a change to a row of `entity`."""
    return any(entity in CAPABILITIES[c] for c in ROLE_CAPABILITIES.get(role, ()))


def may(role: str, what: str) -> bool:
    """Whether `role` may change rows of the entity `what`, or approve templates (APPROVAL)."""
    return role in TEMPLATE_APPROVERS if what == APPROVAL else may_change(role, what)
