"""The vocabularies of the domain, stored as their string values.

StrEnum values are what the database holds, so renaming a member here is a
schema change; adding one is not.
"""

from enum import StrEnum


class GroupKind(StrEnum):
    FUNNEL = "funnel"  # 引流群
    NEWCOMER = "newcomer"  # 新用户群
    TRAINING = "training"  # 训练营
    CORE = "core"  # 核心群 / VIP
    REGIONAL = "regional"
    SPEND_TIER = "spend_tier"
    OTHER = "other"


# Size caps teams use (DOMAIN.md): large 200, medium 100, small 40, VIP 30.
DEFAULT_GROUP_CAP = {
    GroupKind.FUNNEL: 200,
    GroupKind.NEWCOMER: 200,
    GroupKind.TRAINING: 100,
    GroupKind.CORE: 30,
    GroupKind.REGIONAL: 100,
    GroupKind.SPEND_TIER: 40,
    GroupKind.OTHER: 200,
}


class MemberStatus(StrEnum):
    ACTIVE = "active"
    MUTED = "muted"
    BANNED = "banned"
    LEFT = "left"


class Layer(StrEnum):
    CORE = "core"  # 核心层 ≈15%
    POTENTIAL = "potential"  # 潜力层 ≈35%
    BASE = "base"  # 基础层 ≈50%


class MemberClass(StrEnum):
    ACTIVE = "active"
    SILENT = "silent"
    CONTRIBUTOR = "contributor"
    PAYING = "paying"
    STAFF = "staff"


class GrowthStage(StrEnum):
    EXPLORER = "explorer"
    ACTIVE = "active"
    CONTRIBUTOR = "contributor"
    LEADER = "leader"


class StaffRole(StrEnum):
    ADMIN = "admin"
    LEAD = "lead"
    MODERATOR = "moderator"
    OPS = "ops"
    VIEWER = "viewer"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class CaseStatus(StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    DECIDED = "decided"
    APPEALED = "appealed"
    CLOSED = "closed"


class CaseKind(StrEnum):
    REPORT = "report"
    APPEAL = "appeal"


class ReportSource(StrEnum):
    MEMBER = "member"  # 举报
    STAFF = "staff"  # proactive discovery
    IMPORT = "import"
    SERVER = "server"
    DETECTOR = "detector"  # a rule's detector, on an imported chat message


class SanctionKind(StrEnum):
    WARN = "warn"
    MUTE = "mute"
    REMOVE = "remove"
    BAN = "ban"


class AppealOutcome(StrEnum):
    UPHELD = "upheld"
    REDUCED = "reduced"
    OVERTURNED = "overturned"


class TemplateStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"


class TemplateScope(StrEnum):
    PERSONAL = "personal"
    TEAM = "team"


class ActivityStatus(StrEnum):
    IDEA = "idea"
    PLANNED = "planned"
    ANNOUNCED = "announced"
    RUNNING = "running"
    DONE = "done"
    CANCELLED = "cancelled"


class ActivityType(StrEnum):
    LECTURE = "lecture"
    WEBINAR = "webinar"
    LIVE_STREAM = "live_stream"
    QA_CONTEST = "qa_contest"
    LUCKY_DRAW = "lucky_draw"
    CHECK_IN = "check_in"
    VOTE = "vote"
    TOPIC = "topic"
    RED_PACKET = "red_packet"
    CONTEST = "contest"
    MEETUP = "meetup"
    SALON = "salon"
    TASTING = "tasting"
    TRIP = "trip"
    WORKSHOP = "workshop"
    CUSTOM = "custom"


class AttendanceStatus(StrEnum):
    REGISTERED = "registered"
    WAITLIST = "waitlist"
    ATTENDED = "attended"
    CANCELLED = "cancelled"


class OutboxOp(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"  # a tombstone: deleted_at set
    ADD = "add"  # set membership (member–tag, member–group links)
    REMOVE = "remove"
