"""The queue shared through the server: a claim lost to a colleague shows the colleague's
name at once, and the refusal waits for a person."""

from __future__ import annotations

import pytest

from modconsole.services import cases, decisions, member_import
from modconsole.services.team import problems
from modconsole.services.team.sync import sync_once
from modconsole.store import models as m
from tests.server.consoles import team_of


@pytest.fixture
def team(server, server_db, tmp_path, memory_keyring):
    team = team_of(server_db, server, tmp_path, {"lead": "lead", "李静": "moderator",
                                                 "赵敏": "moderator", "ops": "ops"})
    (lead, server_lead) = team[0]
    with lead.transaction() as s:  # the member comes from ops or a lead, as in a team
        member_import.add_member(s, {"platform_id": "p1", "name": "王一"})
    sync_once(lead, server_lead)
    yield team
    for store, _ in team:
        store.close()


@pytest.fixture
def pair(team):
    return team[1:3]


def file_case(store, server) -> str:
    """A moderator's console joins and files a report on the team's member; synced."""
    sync_once(store, server)
    with store.transaction() as s:
        case_id = cases.add_report(s, cases.ReportIn(member="p1", evidence="刷屏广告",
                                                     source="staff")).case_id
    sync_once(store, server)
    return case_id


def test_the_second_claimer_sees_the_first_claimers_name(pair, server_db):
    (a, server_a), (b, server_b) = pair
    case_id = file_case(a, server_a)
    sync_once(b, server_b)
    for store in (a, b):  # apart: each claims it
        with store.transaction() as s:
            decisions.claim(s, case_id)
    assert sync_once(a, server_a).refused == 0
    report = sync_once(b, server_b)
    assert report.refused >= 1 and "cases" in report.entities
    with b.read() as s:
        case = s.get(m.Case, case_id)
        assert cases.staff_name(s, case.claimed_by) == "李静"  # not b's own claim
        (refusal, *_) = [p for p in problems.open_problems(s) if p.entity == "cases"]
    assert refusal.detail["reason"] == "claimed"
    with a.read() as s, b.read() as t:
        assert s.get(m.Case, case_id).claimed_by == t.get(m.Case, case_id).claimed_by


def test_a_change_the_role_may_not_make_goes_back_to_the_teams_value(team, pair):
    (a, server_a), _ = pair
    ops, server_ops = team[3]
    case_id = file_case(a, server_a)
    sync_once(ops, server_ops)
    with ops.transaction() as s:
        before = s.get(m.Case, case_id).priority
        s.get(m.Case, case_id).priority = before + 5  # ops handle members, not cases
    report = sync_once(ops, server_ops)
    assert report.refused == 1
    with ops.read() as s:
        assert s.get(m.Case, case_id).priority == before
        (refusal,) = problems.open_problems(s)
    assert (refusal.entity, refusal.detail["reason"]) == ("cases", "role_refused")
