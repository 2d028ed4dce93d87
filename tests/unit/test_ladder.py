"""The penalty ladder and the queue key: pure rules, with a fixed clock."""

from datetime import UTC, datetime, timedelta

import pytest

from modconsole.domain import priority as prio
from modconsole.domain.ladder import DEFAULT_STEPS, Ladder, LadderError, Offence, Step, suggest

NOW = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)


def days_ago(*days):
    return [Offence(NOW - timedelta(days=d)) for d in days]


def test_a_first_offence_is_a_warning_and_each_counted_one_climbs_a_rung():
    ladder = Ladder(decay_days=0)
    assert suggest([], NOW, ladder).step == Step("warn")
    codes = [suggest(days_ago(*range(1, n + 1)), NOW, ladder).step.code for n in range(7)]
    assert codes == ["warn", "mute:1", "mute:7", "mute:15", "mute", "ban", "ban"]


def test_the_example_from_the_issue_third_offence_in_90_days_is_a_7_day_mute():
    s = suggest(days_ago(10, 40), NOW, Ladder(decay_days=0))
    assert (s.ordinal, s.step.code) == (3, "mute:7")
    assert s.explain(90)["ordinal"] == 3


def test_offences_outside_the_window_are_forgotten():
    ladder = Ladder(window_days=90, decay_days=0)
    assert suggest(days_ago(89, 91, 200), NOW, ladder).counted == 1
    assert suggest(days_ago(89, 91, 200), NOW, Ladder(window_days=365, decay_days=0)).counted == 3


def test_a_clean_stretch_steps_the_member_back_down():
    ladder = Ladder(decay_days=30)
    assert suggest(days_ago(5, 10), NOW, ladder).counted == 2
    # newest offence 31 days ago: one rung of decay; 61 days: two
    assert suggest(days_ago(31, 40), NOW, ladder).counted == 1
    assert suggest(days_ago(61, 70), NOW, ladder).counted == 0
    assert suggest(days_ago(61, 70), NOW, ladder).explain(90)["decayed"] == 2


def test_overturned_offences_do_not_count():
    offences = [Offence(NOW - timedelta(days=3), counts=False), *days_ago(4)]
    assert suggest(offences, NOW, Ladder()).counted == 1


def test_aggravated_rules_jump_rungs_and_stop_at_the_top():
    ladder = Ladder(aggravated_jump=2)
    assert suggest([], NOW, ladder, aggravated=True).step.code == "mute:7"
    assert suggest(days_ago(1, 2, 3, 4), NOW, ladder, aggravated=True).step.code == "ban"


def test_a_rule_ladder_overrides_the_default_field_by_field():
    base = Ladder(window_days=60)
    own = Ladder.from_json('{"steps": ["warn", "remove"]}', base)
    assert own.steps == (Step("warn"), Step("remove")) and own.window_days == 60
    assert Ladder.from_json(own.to_json()) == own
    assert Ladder.from_json(None, base) is base


@pytest.mark.parametrize("text, words", [
    ("{", "not valid JSON"), ("[]", "an object"), ('{"steps": []}', "at least one step"),
    ('{"steps": ["slap"]}', "'slap' is not a step"), ('{"steps": ["warn:3"]}', "only a mute"),
    ('{"window_days": 0}', "window_days"), ('{"decay_days": true}', "decay_days"),
    ('{"steps": ["warn", "dismiss"]}', "cannot be a step"),
])
def test_broken_ladders_say_what_is_wrong(text, words):
    with pytest.raises(LadderError, match=words):
        Ladder.from_json(text)


def test_step_codes_round_trip_and_order_by_weight():
    assert [Step.parse(s.code) for s in DEFAULT_STEPS] == list(DEFAULT_STEPS)
    weights = [s.severity() for s in DEFAULT_STEPS]
    assert weights == sorted(weights)
    assert Step.parse("mute").permanent and not Step.parse("mute:15").permanent


def test_queue_key_ranks_severity_reports_history_aggravation_and_age():
    at = NOW
    medium = prio.queue_key(at, "medium")
    assert prio.queue_key(at, "high") < medium < prio.queue_key(at, "low")
    assert prio.queue_key(at, "medium", report_count=4) < medium
    assert prio.queue_key(at, "medium", prior_offences=2) < medium
    assert prio.queue_key(at, "medium", aggravated=True) < medium
    # an old low-severity case overtakes a fresh medium one once it waited long enough
    assert prio.queue_key(at - timedelta(hours=17), "low") < medium
    assert prio.queue_key(at - timedelta(hours=15), "low") > medium
    assert prio.due_at(at, "high") == at + timedelta(hours=2)
    assert prio.due_at(at, None) == at + timedelta(hours=8)
