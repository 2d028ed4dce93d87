"""The daily rollup runs beside the console's work and writes today's numbers once."""

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from modconsole.services.chat.activity import day_number, local_today
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


def test_the_dashboard_charts_the_rollups_and_names_a_days_numbers(qtbot, make_window,
                                                                   db_path):
    fill_demo(db_path, members=150, seed=3)
    window = make_window(db_path)
    window.show()
    window.show_page("dashboard")
    settle(qtbot, window)
    trends = window.dashboard.trends
    qtbot.waitUntil(lambda: trends.view.trends is not None, timeout=10_000)
    assert trends.empty.isVisible()  # nothing rolled up yet: the offer to do it now
    qtbot.mouseClick(trends.rollup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not trends.empty.isVisible() and bool(trends.view.charts),
                    timeout=20_000)
    members = query(db_path, lambda s: s.scalar(select(func.count()).select_from(
        m.Member).where(m.Member.deleted_at.is_(None), m.Member.left_at.is_(None))))
    assert trends.view.trends.values["members"][-1] == members
    last = trends.view.trends.days[-1].isoformat()
    assert trends.view.hover.text().startswith(f"{last}: {members:,} members")
    curve = trends.view.charts["members"].getPlotItem().listDataItems()[0]
    assert list(curve.getData()[1]) == trends.view.trends.values["members"]
    groups = [trends.scope.itemData(i) for i in range(trends.scope.count())]
    assert any(g.startswith("group:") for g in groups) and "all" in groups


def test_a_lead_sets_a_target_and_the_dashboard_shows_its_line_and_verdict(qtbot, make_window,
                                                                          db_path):
    import pyqtgraph as pg

    from modconsole.services.monitoring.rollups import roll_up
    from modconsole.store.models import Target

    fill_demo(db_path, members=150, seed=3)
    query(db_path, roll_up)
    window = make_window(db_path)
    window.show()
    window.show_page("dashboard")
    settle(qtbot, window)
    trends = window.dashboard.trends
    qtbot.waitUntil(lambda: bool(trends.view.charts), timeout=10_000)
    dialog = trends.add_target()
    dialog.number.setCurrentIndex(dialog.number.findData("active_7"))
    dialog.value.setValue(35)
    dialog.note.setText("核心群活跃度")
    dialog.buttons.accepted.emit()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "Target: Active within 7 days" in trends.targets_label.text(),
                    timeout=10_000)
    assert "35%" in trends.targets_label.text() and "(核心群活跃度)" in trends.targets_label.text()
    trends.view.tabs.setCurrentIndex(1)  # Activity
    lines = [i for i in trends.view.charts["activity"].getPlotItem().items
             if isinstance(i, pg.InfiniteLine)]
    assert [line.value() for line in lines] == [35.0]
    stored = query(db_path, lambda s: s.scalar(select(Target.value)))
    assert stored == 35.0
    dialog.value.setValue(150)  # a share over 100 % is refused in the dialog
    dialog.show()
    dialog.buttons.accepted.emit()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "per cent from 0 to 100" in dialog.error.text(), timeout=5000)
