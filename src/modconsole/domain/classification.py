"""The rules that put a member in a class, a layer, a growth stage and a churn level.

Defaults follow DOMAIN.md: layers of about 15/35/50 % by spend and
interaction rank; the growth path explorer → active (7 days in a row) →
contributor (quality content) → leader (drives conversions); a level-1
churn warning after 3 days without activity, escalating with longer silence.

`classify` decides one member and says why; the store's bulk recompute runs
the same rules as one SQL statement, and a test holds the two to agreement.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from datetime import datetime

from modconsole.domain.enums import GrowthStage, Layer, MemberClass, MemberStatus
from modconsole.domain.messages import N_

NO_CHURN_WATCH = (MemberStatus.LEFT, MemberStatus.BANNED)  # already gone: no warning


class RulesError(ValueError):
    """Classification rules that cannot work together; the message says which."""


@dataclass(frozen=True)
class ClassRules:
    """Thresholds, all editable. Days are whole days since the member was last active."""

    active_within_days: int = 7
    active_min_actions: int = 10  # posts + comments + likes
    contributor_min_quality_posts: int = 3
    paying_min_cents: int = 1
    core_percent: int = 15
    potential_percent: int = 35
    stage_active_streak_days: int = 7
    stage_leader_min_conversions: int = 3
    churn_days: tuple[int, ...] = (3, 7, 14, 30)  # level 1, 2, 3, 4

    def __post_init__(self):
        for f in fields(self):
            value = getattr(self, f.name)
            values = value if isinstance(value, tuple) else (value,)
            if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0
                       for v in values):
                raise RulesError(N_("classification", "'{name}' must be a whole number "
                                                      "of 0 or more").format(name=f.name))
        if self.core_percent + self.potential_percent > 100:
            raise RulesError(N_("classification", "the core and potential layers together exceed "
                                                  "100 %"))
        if not self.churn_days or list(self.churn_days) != sorted(set(self.churn_days)):
            raise RulesError(N_("classification", "churn warning days must be rising, e.g. 3, 7, "
                                                  "14, 30"))

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str | None) -> ClassRules:
        if not text:
            return cls()
        try:
            data = json.loads(text)
            known = {f.name for f in fields(cls)}
            unknown = set(data) - known
            if unknown:
                raise RulesError(N_("classification", "unknown rule {value}").format(
                                     value=', '.join(sorted(unknown))))
            if "churn_days" in data:
                data["churn_days"] = tuple(data["churn_days"])
            return cls(**data)
        except (ValueError, TypeError) as exc:
            raise RulesError(N_("classification", "the saved classification "
                                                  "rules are unreadable: {exc}").format(
                                 exc=exc)) from None


@dataclass(frozen=True)
class Facts:
    """What the rules look at for one member. Ranks are 0 (lowest) to 1 (highest)."""

    is_staff: bool
    status: str
    paid_total_cents: int
    actions: int
    quality_posts: int
    streak_days: int
    conversions: int
    idle_days: int | None  # None: never active and no join date
    layer_rank: float  # share of members ranked above this one on spend + interaction


@dataclass(frozen=True)
class Reason:
    """One line of "why": a code the UI words, and the numbers it needs."""

    code: str
    values: tuple = ()


@dataclass(frozen=True)
class Classification:
    member_class: MemberClass
    layer: Layer
    growth_stage: GrowthStage
    churn_level: int
    reasons: tuple[Reason, ...]


def _member_class(f: Facts, r: ClassRules) -> tuple[MemberClass, Reason]:
    if f.is_staff:
        return MemberClass.STAFF, Reason("class.staff")
    if f.paid_total_cents >= r.paying_min_cents:
        return MemberClass.PAYING, Reason("class.paying", (f.paid_total_cents,
                                                             r.paying_min_cents))
    if f.quality_posts >= r.contributor_min_quality_posts:
        return MemberClass.CONTRIBUTOR, Reason("class.contributor", (
            f.quality_posts, r.contributor_min_quality_posts))
    recent = f.idle_days is not None and f.idle_days <= r.active_within_days
    if recent and f.actions >= r.active_min_actions:
        return MemberClass.ACTIVE, Reason("class.active", (
            f.actions, f.idle_days, r.active_min_actions, r.active_within_days))
    return MemberClass.SILENT, Reason("class.silent", (
        f.actions, f.idle_days, r.active_min_actions, r.active_within_days))


def _layer(f: Facts, r: ClassRules) -> tuple[Layer, Reason]:
    top = round(f.layer_rank * 100, 1)
    if f.layer_rank <= r.core_percent / 100:
        return Layer.CORE, Reason("layer.core", (top, r.core_percent))
    if f.layer_rank <= (r.core_percent + r.potential_percent) / 100:
        return Layer.POTENTIAL, Reason("layer.potential", (
            top, r.core_percent, r.core_percent + r.potential_percent))
    return Layer.BASE, Reason("layer.base", (top, r.core_percent + r.potential_percent))


def _stage(f: Facts, r: ClassRules) -> tuple[GrowthStage, Reason]:
    if f.conversions >= r.stage_leader_min_conversions:
        return GrowthStage.LEADER, Reason("stage.leader", (
            f.conversions, r.stage_leader_min_conversions))
    if f.quality_posts >= r.contributor_min_quality_posts:
        return GrowthStage.CONTRIBUTOR, Reason("stage.contributor", (
            f.quality_posts, r.contributor_min_quality_posts))
    if f.streak_days >= r.stage_active_streak_days:
        return GrowthStage.ACTIVE, Reason("stage.active", (
            f.streak_days, r.stage_active_streak_days))
    return GrowthStage.EXPLORER, Reason("stage.explorer")


def _churn(f: Facts, r: ClassRules) -> tuple[int, Reason]:
    if f.status in NO_CHURN_WATCH:
        return 0, Reason("churn.not_watched", (f.status,))
    idle = f.idle_days
    level = sum(1 for days in r.churn_days if idle is None or idle >= days)
    if level == 0:
        return 0, Reason("churn.none", (idle, r.churn_days[0]))
    return level, Reason("churn.level", (level, idle, r.churn_days[level - 1]))


def classify(f: Facts, rules: ClassRules) -> Classification:
    member_class, why_class = _member_class(f, rules)
    layer, why_layer = _layer(f, rules)
    stage, why_stage = _stage(f, rules)
    churn, why_churn = _churn(f, rules)
    return Classification(member_class, layer, stage, churn,
                          (why_class, why_layer, why_stage, why_churn))


def idle_days(last_active_at: datetime | None, joined_at: datetime | None,
              now: datetime) -> int | None:
    """Whole days since the last activity, or since joining for members never active."""
    since = last_active_at or joined_at
    return None if since is None else max(0, (now - since).days)
