"""The class rules: the bulk SQL agrees with `classify`, layers split ≈15/35/50, rules validate."""

import random
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from modconsole.domain.classification import ClassRules, Facts, RulesError, classify
from modconsole.services import classification
from modconsole.store import models as m
from tests.conftest import NOW


def fact(**kw) -> Facts:
    base = dict(is_staff=False, status="active", paid_total_cents=0, actions=0, quality_posts=0,
                streak_days=0, conversions=0, idle_days=0, layer_rank=0.9)
    return Facts(**{**base, **kw})


RULES = ClassRules()


@pytest.mark.parametrize("facts, expected", [
    (fact(is_staff=True, paid_total_cents=500), "staff"),
    (fact(paid_total_cents=1), "paying"),
    (fact(quality_posts=3), "contributor"),
    (fact(quality_posts=2, actions=10, idle_days=7), "active"),
    (fact(actions=10, idle_days=8), "silent"),
    (fact(actions=9, idle_days=0), "silent"),
    (fact(actions=50, idle_days=None), "silent"),
])
def test_member_class(facts, expected):
    assert classify(facts, RULES).member_class == expected


@pytest.mark.parametrize("idle, status, level", [
    (0, "active", 0), (2, "active", 0), (3, "active", 1), (6, "muted", 1), (7, "active", 2),
    (14, "active", 3), (30, "active", 4), (400, "active", 4), (None, "active", 4),
    (60, "left", 0), (60, "banned", 0),
])
def test_churn_levels_start_at_three_days(idle, status, level):
    assert classify(fact(idle_days=idle, status=status), RULES).churn_level == level


@pytest.mark.parametrize("facts, stage", [
    (fact(), "explorer"), (fact(streak_days=7), "active"),
    (fact(streak_days=7, quality_posts=3), "contributor"),
    (fact(quality_posts=3, conversions=3), "leader"),
])
def test_growth_stage(facts, stage):
    assert classify(facts, RULES).growth_stage == stage


def test_every_decision_has_a_reason():
    result = classify(fact(paid_total_cents=900, idle_days=5, layer_rank=0.1), RULES)
    assert [r.code for r in result.reasons] == ["class.paying", "layer.core", "stage.explorer",
                                                "churn.level"]
    assert result.reasons[0].values == (900, 1)


@pytest.mark.parametrize("kw, message", [
    ({"core_percent": 70, "potential_percent": 40}, "exceed 100"),
    ({"churn_days": (7, 3)}, "rising"),
    ({"churn_days": ()}, "rising"),
    ({"active_within_days": -1}, "0 or more"),
])
def test_impossible_rules_are_refused(kw, message):
    with pytest.raises(RulesError, match=message):
        ClassRules(**kw)


def test_rules_round_trip_and_bad_json_is_named():
    rules = ClassRules(core_percent=10, churn_days=(2, 5))
    assert ClassRules.from_json(rules.to_json()) == rules
    with pytest.raises(RulesError, match="unknown rule bogus"):
        ClassRules.from_json('{"bogus": 1}')


def _population(session, n=400, seed=7):
    rng = random.Random(seed)
    for i in range(n):
        joined = NOW - timedelta(days=rng.randint(0, 400), seconds=rng.randint(0, 86399))
        last = (None if rng.random() < 0.1 else
                NOW - timedelta(days=rng.choice([0, 1, 2, 3, 5, 7, 8, 13, 14, 29, 30, 90]),
                                seconds=rng.randint(0, 86399)))
        session.add(m.Member(
            platform_id=f"p{i}", name=f"member {i}", joined_at=joined, last_active_at=last,
            posts_count=rng.randint(0, 20), comments_count=rng.randint(0, 20),
            likes_count=rng.randint(0, 40), quality_posts_count=rng.choice([0, 0, 0, 2, 3, 8]),
            active_streak_days=rng.choice([0, 3, 7, 12]), conversions_count=rng.choice([0, 0, 3]),
            paid_total_cents=rng.choice([0, 0, 0, 100, 29900, 99900]),
            is_staff=rng.random() < 0.02, status=rng.choice(["active"] * 8 + ["left", "banned"])))


# Last active exactly on and a microsecond either side of the day boundaries the
# rules below look at (active within 7 days; churn at 3 and 10), and in the future.
EDGES = [NOW - timedelta(days=d) + timedelta(microseconds=us)
         for d in (3, 8, 10) for us in (-1, 0, 1)] + [NOW + timedelta(days=1)]


def test_bulk_recompute_agrees_with_classify_member_by_member(store):
    with store.transaction() as s:
        _population(s)
        for i, last in enumerate(EDGES):
            s.add(m.Member(platform_id=f"edge{i}", name=f"edge {i}", last_active_at=last,
                           posts_count=30))
        s.add(m.Member(platform_id="gone", name="gone", deleted_at=NOW))
        classification.save_rules(s, ClassRules(active_min_actions=20, churn_days=(3, 10)))
    with store.transaction() as s:
        result = classification.recompute(s, now=NOW)
    assert result.members == 400 + len(EDGES)
    with store.transaction() as s:
        members = s.scalars(select(m.Member).where(m.Member.deleted_at.is_(None))).all()
        for member in members:
            why = classification.explain(s, member.id, now=NOW)
            assert (member.member_class, member.layer, member.growth_stage,
                    member.churn_level) == (why.member_class, why.layer, why.growth_stage,
                                            why.churn_level), member.platform_id
        assert max(member.churn_level for member in members) == 2
        edges = {mb.platform_id: (mb.member_class, mb.churn_level) for mb in members
                 if mb.platform_id.startswith("edge")}
        assert [edges[f"edge{i}"] for i in range(len(EDGES))] == [
            ("active", 1), ("active", 1), ("active", 0),     # 3 days (and a hair less)
            ("silent", 1), ("silent", 1), ("active", 1),     # 8 days: no longer active
            ("silent", 2), ("silent", 2), ("silent", 1),     # 10 days
            ("active", 0)]                                   # active tomorrow: 0 days idle
        gone = s.scalar(select(m.Member).where(m.Member.platform_id == "gone"))
        assert (gone.layer_rank, gone.member_class) == (None, None)
        assert classification.last_run(s).members == 400 + len(EDGES)


def test_bulk_layer_rank_is_the_cumulated_sum_of_spend_and_action_percent_ranks(store):
    with store.transaction() as s:
        _population(s, n=300)
    with store.transaction() as s:
        classification.recompute(s, now=NOW)
        rows = s.execute(select(m.Member.paid_total_cents, m.Member.posts_count
                                + m.Member.comments_count + m.Member.likes_count,
                                m.Member.layer_rank)).all()
    n = len(rows)

    def percent_rank(values):  # SQLite's: rows strictly below / (n - 1)
        return [sum(other < v for other in values) / (n - 1) for v in values]

    scores = [p + a for p, a in zip(percent_rank([r[0] for r in rows]),
                                    percent_rank([r[1] for r in rows]), strict=True)]
    expected = [sum(other >= score for other in scores) / n for score in scores]
    assert [r[2] for r in rows] == expected
    assert len(set(expected)) > 50


def test_layers_split_about_15_35_50(store):
    with store.transaction() as s:
        for i in range(1000):
            s.add(m.Member(platform_id=f"p{i}", name=f"n{i}", paid_total_cents=i * 7 % 1000,
                           posts_count=i * 13 % 997))
    with store.transaction() as s:
        classification.recompute(s, now=NOW)
        shares = dict(s.execute(select(m.Member.layer, func.count())
                                .group_by(m.Member.layer)).all())
    assert abs(shares["core"] - 150) <= 5
    assert abs(shares["potential"] - 350) <= 5
    assert abs(shares["base"] - 500) <= 5


def test_unclassified_member_has_nothing_to_explain(store):
    with store.transaction() as s:
        member = m.Member(platform_id="x", name="x")
        s.add(member)
        s.flush()
        assert classification.explain(s, member.id) is None
