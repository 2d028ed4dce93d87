"""The daily rollup runs beside the console's work and writes today's numbers once."""

from sqlalchemy import func, select

from modconsole.services.chat.activity import day_number
from modconsole.services.monitoring.rollups import local_today
from modconsole.store import models as m
from tests.gui.conftest import fill_demo, query, settle


def test_todays_numbers_are_worked_out_once(qtbot, make_window, db_path):
    fill_demo(db_path, members=120, seed=2)
    window = make_window(db_path)
    settle(qtbot, window)
    scheduler = window.rollups
    scheduler.run_now()
    qtbot.waitUntil(lambda: not scheduler._busy, timeout=20_000)
    settle(qtbot, window)

    def counts(s):
        today = day_number(local_today())
        members = s.scalar(select(m.Rollup.value).where(
            m.Rollup.scope == "all", m.Rollup.metric == "members", m.Rollup.day == today))
        return members, s.scalar(select(func.count()).select_from(m.Rollup))
    members, rows = query(db_path, counts)
    assert members == query(db_path, lambda s: s.scalar(select(func.count()).select_from(
        m.Member).where(m.Member.deleted_at.is_(None), m.Member.left_at.is_(None))))
    scheduler.run_now()  # nothing is due any more: nothing is written
    qtbot.waitUntil(lambda: not scheduler._busy, timeout=20_000)
    settle(qtbot, window)
    assert query(db_path, counts)[1] == rows
