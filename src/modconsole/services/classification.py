"""Recompute every member's class, layer, growth stage and churn level in one statement.

The rules live in `domain.classification`; this module is their bulk form in
SQL (a test holds it to `classify` member by member). Computed columns are
derived data every client can recompute, so they write no outbox rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from modconsole.domain.classification import (
    NO_CHURN_WATCH,
    Classification,
    ClassRules,
    Facts,
    RulesError,
    classify,
    idle_days,
)
from modconsole.services.errors import UserError
from modconsole.store import models as m
from modconsole.store.models.base import stored_time, utcnow
from modconsole.store.settings import get_setting, set_setting

RULES_KEY = "classification_rules"
LAST_RUN_KEY = "classification_last_run"

IDLE = ("(CASE WHEN coalesce(last_active_at, joined_at) IS NULL THEN NULL ELSE max(0, CAST("
        "julianday(:now) - julianday(coalesce(last_active_at, joined_at)) AS INTEGER)) END)")
ACTIONS = "(posts_count + comments_count + likes_count)"


def load_rules(session: Session) -> ClassRules:
    try:
        return ClassRules.from_json(get_setting(session, RULES_KEY))
    except RulesError as exc:
        raise UserError(f"{exc}. Reset the rules to their defaults in the roster's rules "
                        "dialog.") from None


def save_rules(session: Session, rules: ClassRules) -> None:
    set_setting(session, RULES_KEY, rules.to_json())


def _recompute_sql(r: ClassRules) -> tuple[str, dict]:
    churn = " + ".join(f"(ranked.idle IS NULL OR ranked.idle >= :churn{i})"
                       for i in range(len(r.churn_days)))
    unwatched = ", ".join(f"'{s}'" for s in NO_CHURN_WATCH)
    sql = f"""
    WITH base AS (
        SELECT rowid AS r, {IDLE} AS idle, percent_rank() OVER (ORDER BY paid_total_cents)
             + percent_rank() OVER (ORDER BY {ACTIONS}) AS score
        FROM members WHERE deleted_at IS NULL),
    ranked AS (SELECT r, idle, cume_dist() OVER (ORDER BY score DESC) AS top FROM base)
    UPDATE members SET
        layer_rank = ranked.top,
        layer = CASE WHEN ranked.top <= :core THEN 'core'
                     WHEN ranked.top <= :potential THEN 'potential' ELSE 'base' END,
        member_class = CASE
            WHEN is_staff THEN 'staff'
            WHEN paid_total_cents >= :paying THEN 'paying'
            WHEN quality_posts_count >= :quality THEN 'contributor'
            WHEN ranked.idle IS NOT NULL AND ranked.idle <= :active_days
                 AND {ACTIONS} >= :active_actions THEN 'active'
            ELSE 'silent' END,
        growth_stage = CASE
            WHEN conversions_count >= :leader THEN 'leader'
            WHEN quality_posts_count >= :quality THEN 'contributor'
            WHEN active_streak_days >= :streak THEN 'active'
            ELSE 'explorer' END,
        churn_level = CASE WHEN status IN ({unwatched}) THEN 0
            ELSE {churn} END,
        classified_at = :now
    FROM ranked WHERE members.rowid = ranked.r
    """
    params = {"core": r.core_percent / 100,
              "potential": (r.core_percent + r.potential_percent) / 100,
              "paying": r.paying_min_cents, "quality": r.contributor_min_quality_posts,
              "active_days": r.active_within_days, "active_actions": r.active_min_actions,
              "leader": r.stage_leader_min_conversions, "streak": r.stage_active_streak_days}
    params.update({f"churn{i}": d for i, d in enumerate(r.churn_days)})
    return sql, params


@dataclass(frozen=True)
class RecomputeResult:
    members: int
    ran_at: datetime


def recompute(session: Session, now: datetime | None = None) -> RecomputeResult:
    """Classify every live member with the saved rules; records when it ran."""
    now = now or utcnow()
    sql, params = _recompute_sql(load_rules(session))
    session.execute(text(sql), {**params, "now": stored_time(now)})
    count = session.scalar(text("SELECT changes()"))  # rowcount is -1 after a WITH … UPDATE
    set_setting(session, LAST_RUN_KEY, {"at": now.isoformat(), "members": count})
    return RecomputeResult(count, now)


def last_run(session: Session) -> RecomputeResult | None:
    data = get_setting(session, LAST_RUN_KEY)
    if not data:
        return None
    return RecomputeResult(data["members"], datetime.fromisoformat(data["at"]))


def explain(session: Session, member_id: str,
            now: datetime | None = None) -> Classification | None:
    """Why a member is where they are, from their stored rank and today's numbers.

    None when the member has not been classified yet (no rank to explain).
    """
    member = session.get(m.Member, member_id)
    if member is None:
        raise UserError("That member no longer exists.")
    if member.layer_rank is None:
        return None
    facts = Facts(
        is_staff=member.is_staff, status=member.status,
        paid_total_cents=member.paid_total_cents,
        actions=member.posts_count + member.comments_count + member.likes_count,
        quality_posts=member.quality_posts_count, streak_days=member.active_streak_days,
        conversions=member.conversions_count,
        idle_days=idle_days(member.last_active_at, member.joined_at, now or utcnow()),
        layer_rank=member.layer_rank)
    return classify(facts, load_rules(session))
