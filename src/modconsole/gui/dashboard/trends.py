"""Trends on the dashboard: growth, activity and moderation day by day, from the rollups.

Charts are pyqtgraph plots (loaded when the dashboard first shows them).
Moving the mouse over a chart names the day under it and its exact values
in the line beneath.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.recurrence import zone
from modconsole.gui.dashboard.target_dialog import TargetDialog, metric_names
from modconsole.gui.operations import OperationRunner
from modconsole.gui.role_gate import RoleGate
from modconsole.services.activities import DEFAULT_ZONE
from modconsole.services.monitoring.rollups import ALL
from modconsole.services.monitoring.targets import TargetProgress, progress
from modconsole.services.monitoring.trends import Trends, load_trends, scopes

PERIODS = (30, 90, 365)
STEPS = (1, 2, 7, 14, 30, 61, 91, 182, 365)  # days between the axis' labels
CHART_HEIGHT = 190
COLORS = {"members": "#1976d2", "joins": "#43a047", "leaves": "#e53935",
          "active_7": "#1976d2", "active_30": "#8e24aa", "reports_in": "#fb8c00",
          "cases_decided": "#00897b", "overdue": "#c62828", "decision_p50": "#00897b",
          "decision_p90": "#6d4c41"}


class TrendsPanel(QWidget):
    """Signals:
        rollup_requested(): the person asked for the numbers to be worked out now."""

    rollup_requested = Signal()

    def __init__(self, runner: OperationRunner, gate: RoleGate, parent=None):
        super().__init__(parent)
        self._runner = runner
        self.trends: Trends | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.period = QComboBox()
        for days in PERIODS:
            self.period.addItem(self.tr("Last %n day(s)", "", days), days)
        self.period.setCurrentIndex(1)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("The whole community"), ALL)
        for combo in (self.period, self.scope):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
            row.addWidget(combo)
        row.addStretch(1)
        self.target_button = QPushButton(self.tr("Set a target…"))
        self.target_button.clicked.connect(self.add_target)
        row.addWidget(self.target_button)
        gate.guard("targets", self.target_button)
        layout.addLayout(row)
        self.targets_label = QLabel()
        self.targets_label.setWordWrap(True)
        layout.addWidget(self.targets_label)
        self.targets: list[TargetProgress] = []
        self.empty = QWidget()
        empty = QHBoxLayout(self.empty)
        empty.setContentsMargins(0, 0, 0, 0)
        note = QLabel(self.tr("No numbers yet: the console works them out once a day, a "
                              "little after it starts, from joins, chat imports, reports and "
                              "activities."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.rollup_button = QPushButton(self.tr("Work them out now"))
        self.rollup_button.clicked.connect(self.rollup_requested)
        empty.addWidget(note, 1)
        empty.addWidget(self.rollup_button)
        layout.addWidget(self.empty)
        self.charts: dict[str, object] = {}
        self.hover = QLabel()
        self.hover.setObjectName("hint")
        self._chart_box = QVBoxLayout()
        layout.addLayout(self._chart_box)
        layout.addWidget(self.hover)

    def _build(self) -> None:
        """The plots, made the first time there is something to draw (pyqtgraph loads then)."""
        import pyqtgraph as pg

        background = self.palette().color(QPalette.ColorRole.Base)
        foreground = self.palette().color(QPalette.ColorRole.Text)
        for key, title in (("members", self.tr("Members")),
                           ("growth", self.tr("Joins and leaves per day")),
                           ("activity", self.tr("Active within 7 and 30 days (% of members)")),
                           ("moderation", self.tr("Reports in, cases decided and overdue")),
                           ("timing", self.tr("Hours from first report to decision: median "
                                              "and 90th percentile"))):
            plot = pg.PlotWidget(axisItems={"bottom": _day_axis(pg)}, background=background)
            plot.setMinimumHeight(CHART_HEIGHT)
            plot.setMaximumHeight(CHART_HEIGHT + 60)
            plot.setTitle(title, color=foreground.name(), size="10pt")
            plot.showGrid(y=True, alpha=0.2)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.addLegend(offset=(10, 5), labelTextColor=foreground.name())
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setTextPen(foreground)
            plot.scene().sigMouseMoved.connect(lambda pos, p=plot: self._moved(p, pos))
            self.charts[key] = plot
            self._chart_box.addWidget(plot)

    def refresh(self) -> None:
        scope, days = self.scope.currentData() or ALL, self.period.currentData()
        self._runner.run(lambda s: (load_trends(s, scope, days=days), scopes(s),
                                    [t for t in progress(s) if t.scope == scope]),
                         label=self.tr("Loading trends"), on_done=self._show)

    def add_target(self) -> TargetDialog:
        dialog = TargetDialog(self._runner, self.scope.currentData() or ALL,
                              self.scope.currentText(), self)
        dialog.open()
        return dialog

    def _show(self, found: tuple[Trends, list, list[TargetProgress]]) -> None:
        trends, offered, self.targets = found
        self.trends = trends
        self.targets_label.setText(self._targets_text())
        self._fill_scopes(offered)
        self.empty.setVisible(trends.empty)
        if trends.empty:
            for plot in self.charts.values():
                plot.hide()
            return
        if not self.charts:
            self._build()
        tz = zone(DEFAULT_ZONE)
        x = [datetime.combine(d, time(12), tz).timestamp() for d in trends.days]
        width = 86_400 * 0.7
        v = trends.values
        members, growth, activity, moderation, timing = (self.charts[k] for k in (
            "members", "growth", "activity", "moderation", "timing"))
        import pyqtgraph as pg

        for plot in self.charts.values():
            plot.clear()
            plot.show()
        members.plot(x, v["members"], pen=pg.mkPen(COLORS["members"], width=2),
                     name=self.tr("members"))
        growth.addItem(pg.BarGraphItem(x=x, height=v["joins"], width=width,
                                       brush=COLORS["joins"], name=self.tr("joins")))
        growth.addItem(pg.BarGraphItem(x=x, height=[-n for n in v["leaves"]], width=width,
                                       brush=COLORS["leaves"], name=self.tr("leaves")))
        for metric, name in (("active_7", self.tr("7 days")), ("active_30", self.tr("30 days"))):
            rate = [r if r is not None else float("nan") for r in trends.rate(metric)]
            activity.plot(x, rate, pen=pg.mkPen(COLORS[metric], width=2), name=name)
        for target in self.targets:
            chart = members if target.metric == "members" else activity
            chart.addItem(pg.InfiniteLine(
                pos=target.value, angle=0, pen=pg.mkPen(COLORS.get(target.metric, "#757575"),
                                                       style=Qt.PenStyle.DashLine),
                label=self.tr("target {value:g} by {deadline}").format(
                    value=target.value, deadline=target.deadline.isoformat()),
                labelOpts={"position": 0.5, "color": COLORS.get(target.metric, "#757575")}))
        moderation.addItem(pg.BarGraphItem(x=[t - width / 4 for t in x], height=v["reports_in"],
                                           width=width / 2, brush=COLORS["reports_in"],
                                           name=self.tr("reports in")))
        moderation.addItem(pg.BarGraphItem(x=[t + width / 4 for t in x],
                                           height=v["cases_decided"], width=width / 2,
                                           brush=COLORS["cases_decided"],
                                           name=self.tr("cases decided")))
        moderation.plot(x, v["overdue"], pen=pg.mkPen(COLORS["overdue"], width=2),
                        name=self.tr("overdue"))
        for metric, name in (("decision_p50", self.tr("median")),
                             ("decision_p90", self.tr("90th percentile"))):
            hours = [float("nan") if n is None else n / 60 for n in v[metric]]
            timing.plot(x, hours, pen=pg.mkPen(COLORS[metric], width=2), name=name,
                        symbol="o", symbolSize=4, symbolBrush=COLORS[metric])
        self.hover.setText(self.describe(len(trends.days) - 1))

    def _targets_text(self) -> str:
        names = metric_names()
        lines = []
        for t in self.targets:
            unit = "" if t.metric == "members" else "%"
            now = "—" if t.current is None else f"{t.current:.1f}{unit}"
            trend = "—" if t.projected is None else f"{t.projected:.1f}{unit}"
            verdict = {True: self.tr("on track"), False: self.tr("behind"),
                       None: self.tr("no numbers yet")}[t.on_track]
            lines.append(self.tr("Target: {metric} {value:g}{unit} by {deadline} · now {now} · "
                                 "the last four weeks' trend reaches {trend} · {verdict}").format(
                metric=names[t.metric], value=t.value, unit=unit,
                deadline=t.deadline.isoformat(), now=now, trend=trend, verdict=verdict)
                + (f" ({t.note})" if t.note else ""))
        return "\n".join(lines)

    def _fill_scopes(self, offered: list[tuple[str, str]]) -> None:
        chosen = self.scope.currentData()
        wanted = [(ALL, self.tr("The whole community")), *(
            (scope, self.tr("Group: {name}").format(name=name) if scope.startswith("group:")
             else self.tr("Layer: {name}").format(name=self._layer(name)))
            for scope, name in offered)]
        if [(self.scope.itemData(i), self.scope.itemText(i))
                for i in range(self.scope.count())] == wanted:
            return
        self.scope.blockSignals(True)
        self.scope.clear()
        for scope, name in wanted:
            self.scope.addItem(name, scope)
        self.scope.setCurrentIndex(max(0, self.scope.findData(chosen)))
        self.scope.blockSignals(False)

    def _layer(self, key: str) -> str:
        return {"core": self.tr("core"), "potential": self.tr("potential"),
                "base": self.tr("base")}.get(key, key)

    def _moved(self, plot, pos) -> None:
        if self.trends is None or not plot.sceneBoundingRect().contains(pos):
            return
        stamp = plot.getPlotItem().vb.mapSceneToView(pos).x()
        tz = zone(DEFAULT_ZONE)
        day = datetime.fromtimestamp(stamp, tz).date()
        if day in self.trends.days:
            self.hover.setText(self.describe(self.trends.days.index(day)))

    def describe(self, index: int) -> str:
        """One day's exact numbers, as the line under the charts says them."""
        t = self.trends
        v = {metric: values[index] for metric, values in t.values.items()}
        rate7, rate30 = (_percent(t.rate(k)[index]) for k in ("active_7", "active_30"))
        median = v["decision_p50"]
        return self.tr("{day}: {members} members, {joins} joined, {leaves} left · active "
                       "{rate7} (7 days), {rate30} (30 days) · {reports} reports in, "
                       "{decided} decided ({in_sla} within the SLA, median {median}), "
                       "{overdue} overdue").format(
            day=t.days[index].isoformat(), members=f"{v['members']:,}", joins=v["joins"],
            leaves=v["leaves"], rate7=rate7, rate30=rate30,
            reports=v["reports_in"], decided=v["cases_decided"], in_sla=v["decided_in_sla"],
            median="—" if median is None else self.tr("{hours:.1f} h").format(
                hours=median / 60), overdue=v["overdue"])


def _day_axis(pg):
    """An axis of days: one row of ticks a readable distance apart, written as numbers
    (11-30, or 2026-11 over a long span). pyqtgraph's date axis mixes month and day rows
    that overlap on a wide chart, and writes "Nov", which the Chinese interface must not
    show."""

    class DayAxis(pg.AxisItem):
        def tickValues(self, low, high, size):
            if high <= low:
                return []
            span = (high - low) / 86_400
            fits = max(1.0, size / 80)  # pixels per label
            step = next((s for s in STEPS if span / s <= fits), STEPS[-1])
            tz = zone(DEFAULT_ZONE)
            first = datetime.fromtimestamp(low, tz).date()
            ticks, day = [], first
            while True:
                stamp = datetime.combine(day, time(12), tz).timestamp()
                if stamp > high:
                    break
                if stamp >= low:
                    ticks.append(stamp)
                day += timedelta(days=step)
            return [(step * 86_400.0, ticks)]

        def tickStrings(self, values, scale, spacing):
            tz = zone(DEFAULT_ZONE)
            form = "%Y-%m" if spacing >= 28 * 86_400 else "%m-%d"
            return [datetime.fromtimestamp(value, tz).strftime(form) for value in values]

    return DayAxis(orientation="bottom")


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.1f}%"
