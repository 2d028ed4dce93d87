"""KPI targets: checked when set, and whether the last four weeks' trend makes them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from modconsole.services.chat.activity import day_number
from modconsole.services.errors import FieldError
from modconsole.services.monitoring.targets import progress, remove_target, set_target
from modconsole.store import models as m

TODAY = date(2026, 3, 28)


@pytest.fixture
def rolled(store):
    """Four weeks of members growing by 2 a day from 100, a third of them active in 7 days."""
    with store.transaction() as s:
        for i in range(28):
            day = day_number(TODAY - timedelta(days=27 - i))
            members = 100 + 2 * i
            s.add_all([m.Rollup(scope="all", metric="members", day=day, value=members),
                       m.Rollup(scope="all", metric="active_7", day=day,
                                value=members * 30 // 100)])
    return store


def test_the_trend_is_carried_to_the_deadline(rolled):
    with rolled.transaction() as s:
        grow = set_target(s, "members", 170, TODAY + timedelta(days=10), today=TODAY)
        beyond = set_target(s, "members", 200, TODAY + timedelta(days=10), today=TODAY)
        share = set_target(s, "active_7", 30, TODAY + timedelta(days=30), note="核心群",
                           today=TODAY)
        found = {p.id: p for p in progress(s, TODAY)}
    assert (found[grow].current, round(found[grow].projected, 6)) == (154.0, 174.0)
    assert found[grow].on_track is True and found[beyond].on_track is False
    assert 29 < found[share].current < 30 and found[share].note == "核心群"
    assert found[share].on_track is False  # hovering just under 30 %
    with rolled.transaction() as s:
        remove_target(s, beyond)
        assert [p.id for p in progress(s, TODAY)] == [grow, share]


@pytest.mark.parametrize(("metric", "value", "days", "field"), [
    ("posts", 10, 5, "metric"), ("active_7", 130, 5, "value"), ("members", 0, 5, "value"),
    ("members", 10, 0, "deadline")])
def test_a_target_that_cannot_be_is_refused_by_field(store, metric, value, days, field):
    with store.transaction() as s, pytest.raises(FieldError) as refused:
        set_target(s, metric, value, TODAY + timedelta(days=days), today=TODAY)
    assert refused.value.field == field


def test_without_numbers_a_target_has_no_verdict(store):
    with store.transaction() as s:
        set_target(s, "members", 10, TODAY + timedelta(days=3), today=TODAY)
        (found,) = progress(s, TODAY)
    assert (found.current, found.projected, found.on_track) == (None, None, None)


def test_cli_sets_lists_and_removes_targets(rolled, cli):
    code, out, err = cli("monitor", "target", "set", "members", "170", "--by", "2099-01-01",
                         "--note", "增长")
    assert code == 0, err
    target_id = out.strip()
    code, out, _ = cli("monitor", "target", "list", "--json")
    (listed,) = __import__("json").loads(out)
    assert (listed["id"], listed["metric"], listed["value"], listed["note"]) == (
        target_id, "members", 170.0, "增长")
    code, _, err = cli("monitor", "target", "set", "active_7", "150", "--by", "2099-01-01")
    assert code == 1 and "A share is a per cent from 0 to 100" in err
    assert cli("monitor", "target", "remove", target_id)[0] == 0
    assert cli("monitor", "target", "list")[1] == ""
