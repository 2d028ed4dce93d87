"""All tables. Importing this package registers every model on `Base.metadata`."""

from modconsole.store.models.base import Base, Synced, SyncedLink, UtcDateTime, utcnow
from modconsole.store.models.moderation import (
    Appeal,
    Case,
    CaseAttachment,
    CaseEvent,
    Report,
    Rule,
    Sanction,
)
from modconsole.store.models.planner import (
    Activity,
    ActivityGroup,
    ActivityTask,
    Attendance,
    BudgetLine,
    Draw,
    Theme,
)
from modconsole.store.models.replies import ReplyTemplate, TemplateRevision
from modconsole.store.models.roster import (
    Group,
    GroupMembership,
    Member,
    MemberNote,
    MemberTag,
    PointsEntry,
    Segment,
    Staff,
    Tag,
    TagGroup,
)
from modconsole.store.models.system import AuditEntry, OutboxEntry, Setting, SyncState

__all__ = [
    "Activity",
    "ActivityGroup",
    "ActivityTask",
    "Appeal",
    "Attendance",
    "AuditEntry",
    "Base",
    "BudgetLine",
    "Case",
    "CaseAttachment",
    "CaseEvent",
    "Draw",
    "Group",
    "GroupMembership",
    "Member",
    "MemberNote",
    "MemberTag",
    "OutboxEntry",
    "PointsEntry",
    "ReplyTemplate",
    "Report",
    "Rule",
    "Sanction",
    "Segment",
    "Setting",
    "Staff",
    "SyncState",
    "Synced",
    "SyncedLink",
    "Tag",
    "TagGroup",
    "TemplateRevision",
    "Theme",
    "UtcDateTime",
    "utcnow",
]
