"""Recompute every member's class, layer, growth stage and churn level in bulk.

The rules live in `domain.classification`; this module is their bulk form in
SQL (a test holds it to `classify` member by member). Computed columns are
derived data every client can recompute, so they write no outbox rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

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
from modconsole.domain.messages import N_
from modconsole.services.errors import UserError
from modconsole.store import models as m
from modconsole.store.models.base import stored_time, utcnow
from modconsole.store.settings import get_setting, set_setting

RULES_KEY = "classification_rules"
LAST_RUN_KEY = "classification_last_run"

def load_rules(session: Session) -> ClassRules:
    try:
        return ClassRules.from_json(get_setting(session, RULES_KEY))
    except RulesError as exc:
        raise UserError(N_("classification", "{exc}. Reset the rules to their "
                                             "defaults in the roster's rules "
                                             "dialog.").format(exc=exc)) from None


def save_rules(session: Session, rules: ClassRules) -> None:
    set_setting(session, RULES_KEY, rules.to_json())


ACTIONS = "(posts_count + comments_count + likes_count)"
SINCE = "coalesce(last_active_at, joined_at)"

# The layer rank depends only on a member's (spend, actions) pair, so it is
# computed once per distinct pair (a community has far fewer pairs than
# members) and looked up by each member's row. Ranking the members themselves
# with window functions sorted 1M wide rows three times and took longer than
# writing them. The ranks are exactly SQLite's percent_rank and cume_dist:
# members below a whole-number value are those up to "1 PRECEDING" it.
RANKS_TABLE = ("CREATE TEMP TABLE class_ranks (paid INTEGER, actions INTEGER, top REAL, "
               "layer TEXT, PRIMARY KEY (paid, actions)) WITHOUT ROWID")
# NOT INDEXED: the live-members partial index would otherwise be chosen for
# `deleted_at IS NULL`, and the scan would visit the table in name order.
RANKS = f"""
WITH pairs AS (
    SELECT paid_total_cents AS paid, {ACTIONS} AS actions, count(*) AS cnt
    FROM members NOT INDEXED WHERE deleted_at IS NULL GROUP BY 1, 2),
total AS (SELECT sum(cnt) AS n FROM pairs),
scored AS (
    SELECT paid, actions, cnt, CASE WHEN n > 1 THEN
        coalesce(sum(cnt) OVER (ORDER BY paid RANGE BETWEEN UNBOUNDED PRECEDING
                                AND 1 PRECEDING), 0) * 1.0 / (n - 1)
        + coalesce(sum(cnt) OVER (ORDER BY actions RANGE BETWEEN UNBOUNDED PRECEDING
                                  AND 1 PRECEDING), 0) * 1.0 / (n - 1)
        ELSE 0.0 END AS score
    FROM pairs, total),
ranked AS (SELECT paid, actions, sum(cnt) OVER (ORDER BY score DESC) * 1.0 / n AS top
           FROM scored, total)
INSERT INTO class_ranks
SELECT paid, actions, top, CASE WHEN top <= :core THEN 'core'
                                WHEN top <= :potential THEN 'potential' ELSE 'base' END
FROM ranked ORDER BY paid, actions
"""


def _update_sql(r: ClassRules) -> str:
    """Idle days are compared as cut-off times (stored UTC text sorts by time), which is
    exactly `idle_days` in whole days and cheaper than date arithmetic per member."""
    churn = " + ".join("1" if days == 0 else f"({SINCE} IS NULL OR {SINCE} <= :churn{i})"
                       for i, days in enumerate(r.churn_days))
    unwatched = ", ".join(f"'{s}'" for s in NO_CHURN_WATCH)
    return f"""
    UPDATE members NOT INDEXED SET
        (layer_rank, layer) = (SELECT top, layer FROM class_ranks
                               WHERE paid = paid_total_cents AND actions = {ACTIONS}),
        member_class = CASE
            WHEN is_staff THEN 'staff'
            WHEN paid_total_cents >= :paying THEN 'paying'
            WHEN quality_posts_count >= :quality THEN 'contributor'
            WHEN {SINCE} > :active_since AND {ACTIONS} >= :active_actions THEN 'active'
            ELSE 'silent' END,
        growth_stage = CASE
            WHEN conversions_count >= :leader THEN 'leader'
            WHEN quality_posts_count >= :quality THEN 'contributor'
            WHEN active_streak_days >= :streak THEN 'active'
            ELSE 'explorer' END,
        churn_level = CASE WHEN status IN ({unwatched}) THEN 0 ELSE {churn} END,
        classified_at = :now
    WHERE deleted_at IS NULL
    """


def _params(r: ClassRules, now: datetime) -> dict:
    def cutoff(days: int) -> str:
        return stored_time(now - timedelta(days=days))

    return {"core": r.core_percent / 100,
            "potential": (r.core_percent + r.potential_percent) / 100,
            "paying": r.paying_min_cents, "quality": r.contributor_min_quality_posts,
            # idle <= N days  <=>  since > now - (N + 1) days
            "active_since": cutoff(r.active_within_days + 1),
            "active_actions": r.active_min_actions,
            "leader": r.stage_leader_min_conversions, "streak": r.stage_active_streak_days,
            "now": stored_time(now),
            **{f"churn{i}": cutoff(days) for i, days in enumerate(r.churn_days)}}


@dataclass(frozen=True)
class RecomputeResult:
    members: int
    ran_at: datetime


def recompute(session: Session, now: datetime | None = None) -> RecomputeResult:
    """Classify every live member with the saved rules; records when it ran."""
    now = now or utcnow()
    rules = load_rules(session)
    params = _params(rules, now)
    # The temporary table goes with a rollback too: temp DDL is transactional.
    session.execute(text(RANKS_TABLE))
    session.execute(text(RANKS), params)
    count = session.execute(text(_update_sql(rules)), params).rowcount
    session.execute(text("DROP TABLE temp.class_ranks"))
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
        raise UserError(N_("classification", "That member no longer exists."))
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
