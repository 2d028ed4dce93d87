"""Counters add up instead of conflicting: two consoles that each award a member points,
or each add a report to one case, while apart, end with the sum and no conflict."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from modconsole.services import activities, attendance, cases, member_import
from modconsole.store import models as m
from tests.server.consoles import sync_all, team_of

START = datetime(2026, 12, 5, 12, tzinfo=UTC)


@pytest.fixture
def pair(server, server_db, tmp_path, memory_keyring):
    pair = team_of(server_db, server, tmp_path, {"lead1": "lead", "lead2": "lead"})
    yield pair
    for store, _ in pair:
        store.close()


def activity(store, title: str, points: int) -> str:
    with store.transaction() as s:
        return activities.create_activity(s, activities.ActivityIn(
            title, "topic", START, START + timedelta(hours=1), reward_points=points))


def test_points_awarded_on_two_consoles_add_up(pair):
    (a, _), (b, _) = pair
    with a.transaction() as s:
        member = member_import.add_member(s, {"platform_id": "p1", "name": "王一"})
    quiz = activity(a, "知识问答", 5)
    assert sync_all(pair) == 0  # b joins the team
    talk = activity(b, "话题讨论", 10)
    assert sync_all(pair) == 0

    with a.transaction() as s:  # apart: each awards points for its own activity
        attendance.check_in(s, quiz, START, [member])
    with b.transaction() as s:
        attendance.check_in(s, talk, START, [member])
    assert sync_all(pair) == 0
    for store in (a, b):
        with store.read() as s:
            assert s.get(m.Member, member).points == 15
            assert s.scalar(select(func.count()).select_from(m.PointsEntry)) == 2


def test_reports_filed_on_two_consoles_count_on_one_case(pair):
    (a, _), (b, _) = pair
    with a.transaction() as s:
        member_import.add_member(s, {"platform_id": "p1", "name": "王一"})
    report = cases.ReportIn(member="p1", evidence="刷屏广告", source="staff")
    with a.transaction() as s:
        case_id = cases.add_report(s, report).case_id
    assert sync_all(pair) == 0

    for store in (a, b):  # apart: each hears of it again
        with store.transaction() as s:
            intake = cases.add_report(s, report)
            assert intake.case_id == case_id and intake.report_count == 2
    assert sync_all(pair) == 0
    for store in (a, b):
        with store.read() as s:
            assert s.get(m.Case, case_id).report_count == 3
