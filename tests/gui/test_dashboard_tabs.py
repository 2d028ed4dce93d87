"""The dashboard's KPI tabs draw the rollups, and a click on a chart opens exactly the
members or cases it counts."""

from datetime import UTC, datetime, time, timedelta

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from sqlalchemy import func, select

from modconsole.domain.recurrence import zone
from modconsole.gui.dashboard import charts
from modconsole.gui.dashboard.kpi_charts import TABS
from modconsole.services.activities import DEFAULT_ZONE
from modconsole.services.monitoring.rollups import roll_up
from modconsole.store import models as m
from tests.gui.conftest import fill_demo, query, settle


def _open_dashboard(qtbot, make_window, db_path):
    fill_demo(db_path, members=200, seed=5)
    query(db_path, roll_up)
    window = make_window(db_path)
    window.resize(1200, 760)
    window.show()
    window.show_page("dashboard")
    settle(qtbot, window)
    trends = window.dashboard.trends
    qtbot.waitUntil(lambda: "members" in trends.view.charts, timeout=10_000)
    return window, trends


def _click(qtbot, chart, x: float, y: float) -> None:
    # pyqtgraph fits a view to new data as it next paints: paint now, or on a loaded
    # machine the point is mapped through the old range and the click misses
    chart.viewport().repaint()
    scene = chart.getPlotItem().vb.mapViewToScene(QPointF(x, y))
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton,
                     pos=chart.mapFromScene(scene))


def _local_day(day):
    tz = zone(DEFAULT_ZONE)
    return (datetime.combine(day, time(), tz).astimezone(UTC),
            datetime.combine(day + timedelta(days=1), time(), tz).astimezone(UTC))


def test_every_tab_draws_and_the_numbers_are_the_databases(qtbot, make_window, db_path):
    _window, trends = _open_dashboard(qtbot, make_window, db_path)
    trends.view.draw_all()
    assert {"members", "growth", "activity", "churn", "care", "retention", "layers", "paying",
            "bands", "activities", "moderation", "timing", "outcomes",
            "categories"} <= set(trends.view.charts)
    curve = trends.view.charts["members"].getPlotItem().listDataItems()[0]
    assert list(curve.getData()[1]) == trends.view.trends.values["members"]
    bands = next(i for i in trends.view.charts["bands"].getPlotItem().items
             if isinstance(i, pg.BarGraphItem))
    paying = query(db_path, lambda s: s.scalar(select(func.count()).select_from(m.Member).where(
        m.Member.deleted_at.is_(None), m.Member.left_at.is_(None),
        m.Member.paid_total_cents > 0)))
    assert sum(bands.opts["height"]) == paying == trends.view.mix.paying[-1]
    cohort = trends.view.mix.cohorts[-1]
    first, end = _local_day(cohort.week)
    joined = query(db_path, lambda s: s.scalar(select(func.count()).select_from(m.Member).where(
        m.Member.deleted_at.is_(None), m.Member.joined_at >= first,
        m.Member.joined_at < end + timedelta(days=6))))
    assert cohort.size == joined
    since = _local_day(trends.view.trends.days[0])[0]
    care = query(db_path, lambda s: s.scalar(select(func.count()).select_from(
        m.AuditEntry).where(m.AuditEntry.action == "reply.sent", m.AuditEntry.at >= since)))
    assert sum(trends.view.trends.values["care_sent"]) == care > 0
    text = trends.view.summaries["moderation"].text()
    assert f"{sum(trends.view.trends.values['reports_in'])} reports in" in text


def test_a_day_of_joins_opens_the_roster_at_those_members(qtbot, make_window, db_path):
    window, trends = _open_dashboard(qtbot, make_window, db_path)
    joins = trends.view.trends.values["joins"]
    index = max(range(len(joins)), key=lambda i: (joins[i], i))
    day = trends.view.trends.days[index]
    _click(qtbot, trends.view.charts["growth"], charts.stamp(day), joins[index] / 2)
    assert window.current_page() == "roster"
    f = window.roster.model.filter
    first, end = _local_day(day)
    assert (f.joined_from, f.joined_to) == (first, end - timedelta(microseconds=1))
    assert query(db_path, lambda s: s.scalar(select(func.count()).select_from(m.Member).where(
        m.Member.deleted_at.is_(None), m.Member.joined_at >= first,
        m.Member.joined_at < end))) == joins[index]


def test_a_day_of_reports_opens_the_queue_at_its_cases(qtbot, make_window, db_path):
    window, trends = _open_dashboard(qtbot, make_window, db_path)
    trends.view.tabs.setCurrentIndex(TABS.index("moderation"))
    qtbot.waitUntil(lambda: trends.view.charts.get("moderation") is not None
                    and trends.view.charts["moderation"].isVisible(), timeout=5000)
    qtbot.wait(100)  # laid out
    reports = trends.view.trends.values["reports_in"]
    index = max(range(len(reports)), key=lambda i: (reports[i], i))
    day = trends.view.trends.days[index]
    _click(qtbot, trends.view.charts["moderation"], charts.stamp(day), 0.5)
    assert window.current_page() == "queue"
    queue = window.queue
    first, end = _local_day(day)
    expected = query(db_path, lambda s: s.scalar(select(func.count(func.distinct(
        m.Report.case_id))).where(m.Report.deleted_at.is_(None), m.Report.reported_at >= first,
                                  m.Report.reported_at < end)))
    qtbot.waitUntil(lambda: queue.model.rowCount() == expected, timeout=10_000)
    assert queue.status.currentData() == "all"
    assert queue.within.currentText() == f"Reported on {day.isoformat()}"


def test_periods_and_a_segment_choose_what_the_charts_show(qtbot, make_window, db_path):
    from datetime import date

    from modconsole.domain.member_filter import MemberFilter
    from modconsole.services.chat.activity import local_today
    from modconsole.services.segments import save_segment

    query(db_path, lambda s: save_segment(s, "核心成员", MemberFilter(layers=("core",))))
    _window, trends = _open_dashboard(qtbot, make_window, db_path)
    view, today = trends.view, local_today()
    trends.period.setCurrentIndex(trends.period.findText("This month"))
    qtbot.waitUntil(lambda: view.trends.days[0] == today.replace(day=1), timeout=10_000)
    assert view.trends.days[-1] == today
    index = trends.scope.findText("Segment: 核心成员")
    assert index > 0
    trends.scope.setCurrentIndex(index)
    qtbot.waitUntil(lambda: view._scope.startswith("segment:"), timeout=10_000)
    core = query(db_path, lambda s: s.scalar(select(func.count()).select_from(m.Member).where(
        m.Member.deleted_at.is_(None), m.Member.left_at.is_(None), m.Member.layer == "core")))
    assert view.trends.values["members"][-1] == core
    trends.show_days(date(2026, 10, 1), date(2026, 10, 31))
    qtbot.waitUntil(lambda: view.trends.days[0] == date(2026, 10, 1), timeout=10_000)
    assert len(view.trends.days) == 31 and trends.period.currentText() == \
        "2026-10-01 – 2026-10-31"
    trends.period.setCurrentIndex(trends.period.count() - 1)  # "Choose days…"
    dialog = trends.period_dialog
    dialog.first.setDate(dialog.last.date().addDays(1))
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and "after the last" in dialog.error.text()
    dialog.reject()


def test_a_year_of_joins_is_summed_by_week_and_a_week_opens_its_members(qtbot, make_window,
                                                                         db_path):
    window, trends = _open_dashboard(qtbot, make_window, db_path)
    view = trends.view
    trends.period.setCurrentIndex(trends.period.findText("Last 365 days"))
    qtbot.waitUntil(lambda: len(view.trends.days) == 365, timeout=10_000)
    bars = next(i for i in view.charts["growth"].getPlotItem().items
                if isinstance(i, pg.BarGraphItem))
    weeks = {d.isocalendar()[:2] for d in view.trends.days}
    assert len(bars.opts["height"]) == len(weeks)
    assert sum(bars.opts["height"]) == sum(view.trends.values["joins"])
    index = max(range(len(bars.opts["height"])), key=lambda i: bars.opts["height"][i])
    _click(qtbot, view.charts["growth"], bars.opts["x"][index], bars.opts["height"][index] / 2)
    f = window.roster.model.filter
    monday = f.joined_from.astimezone(zone(DEFAULT_ZONE)).date()
    assert monday.weekday() == 0 or monday == view.trends.days[0]
    first, end = f.joined_from, f.joined_to
    assert query(db_path, lambda s: s.scalar(select(func.count()).select_from(m.Member).where(
        m.Member.deleted_at.is_(None), m.Member.joined_at >= first,
        m.Member.joined_at <= end))) == bars.opts["height"][index]
