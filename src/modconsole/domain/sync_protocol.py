"""The sync protocol's number, shared by the team server and the console so they can tell
each other which one is too old. Raise it when a change breaks the other side.

1: the first. 2: pushes of up to 5,000 changes (a server of protocol 1 takes 1,000).
3: pushes and pulled pages of up to 10,000 changes (protocol 2: 5,000). A server serves
consoles of every older protocol."""

PROTOCOL = 3

# Settings the whole team shares (entity "team_settings", row id = the key, payload
# {"value": ...}); the console keeps them among its own settings under the same key.
REVIEW_SETTING = "replies_review_required"
TEAM_SETTINGS = frozenset({REVIEW_SETTING})

# An evidence file attached to a case: the console refuses larger ones, the server too.
MAX_EVIDENCE_BYTES = 50 * 1024 * 1024

# Counters a console derives from history that syncs without conflict: a member's points
# are the sum of the points ledger, a case's report count the number of its reports. Two
# consoles that each add to one never conflict: the server lets the newest value stand,
# and every console counts again from the history it has pulled.
COUNTERS: dict[str, frozenset[str]] = {"members": frozenset({"points"}),
                                       "cases": frozenset({"report_count"})}

# The rows a synced row names, field -> entity: the server refuses a change that names a
# row the team does not have (a console would fail to take it), unless the same push
# brings that row. It matches the console's foreign keys (tested); a tag link names its
# tag by id here, where the console keeps row numbers.
REFERENCES: dict[str, dict[str, str]] = {
    "activities": {"host_id": "staff", "segment_id": "segments"},
    "activity_groups": {"activity_id": "activities", "group_id": "groups"},
    "activity_tasks": {"activity_id": "activities", "owner_id": "staff"},
    "appeals": {"original_case_id": "cases", "appeal_case_id": "cases",
                "member_id": "members", "decided_by": "staff"},
    "attendance": {"activity_id": "activities", "member_id": "members"},
    "budget_lines": {"activity_id": "activities"},
    "case_attachments": {"case_id": "cases"},
    "case_events": {"case_id": "cases", "actor_id": "staff"},
    "cases": {"member_id": "members", "group_id": "groups", "rule_id": "rules",
              "claimed_by": "staff", "decided_by": "staff", "appeal_of_id": "cases"},
    "draws": {"activity_id": "activities", "segment_id": "segments", "drawn_by": "staff"},
    "group_members": {"group_id": "groups", "member_id": "members"},
    "member_notes": {"member_id": "members", "author_id": "staff"},
    "member_tags": {"tag_id": "tags", "member_id": "members"},
    "members": {"inviter_id": "members"},
    "points_ledger": {"member_id": "members"},
    "reply_templates": {"owner_id": "staff"},
    "reports": {"case_id": "cases", "reporter_member_id": "members",
                "reporter_staff_id": "staff"},
    "rules": {"parent_id": "rules"},
    "sanctions": {"case_id": "cases", "member_id": "members", "lifted_by": "staff"},
    "segments": {"owner_id": "staff"},
    "staff": {"member_id": "members"},
    "tags": {"group_id": "tag_groups"},
    "template_revisions": {"template_id": "reply_templates", "edited_by": "staff"},
}
# A link's row id is its key fields joined by "/" (a batched tag link's is the tag's id
# alone, its payload names the tag), and the console takes the key from it.
LINK_KEYS: dict[str, tuple[str, ...]] = {
    "activity_groups": ("activity_id", "group_id"), "group_members": ("group_id", "member_id"),
    "member_tags": ("tag_id", "member_id")}
# A batched tag link change (a tag put on many members at once) names its members in a
# list; an import's member change names its tags and groups.
REFERENCE_LISTS: dict[str, dict[str, str]] = {
    "member_tags": {"member_ids": "members"}, "members": {"tags": "tags", "groups": "groups"},
}
