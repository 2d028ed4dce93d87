"""The dashboard's KPI charts (数据监测): growth, activity, retention, the member mix,
activities and moderation day by day, one tab each, drawn from numbers already read.

A tab's charts are drawn when it is first shown after the numbers change. Moving the
mouse over a chart names the day (or cell) under it and its exact values in the line
beneath; clicking a day of joins asks for the members who joined that day, a day of
reports for the cases reported that day, a cohort for the members who joined that week
and a rule category for its cases.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from itertools import groupby

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from modconsole.domain.member_filter import MemberFilter
from modconsole.gui.dashboard import charts
from modconsole.gui.i18n import ui_lang
from modconsole.services.chat.activity import local_days
from modconsole.services.monitoring.cohorts import WEEKS
from modconsole.services.monitoring.rollups import ALL
from modconsole.services.monitoring.targets import TargetProgress
from modconsole.services.monitoring.trends import Mix, Numbers, Trends, share, shares

COLORS = {"members": "#1976d2", "joins": "#43a047", "leaves": "#e53935", "net": "#424242",
          "active_7": "#1976d2", "active_30": "#8e24aa", "reports_in": "#fb8c00",
          "cases_decided": "#00897b", "overdue": "#c62828", "decision_p50": "#00897b",
          "decision_p90": "#6d4c41", "churn_1": "#fdd835", "churn_2": "#fb8c00",
          "churn_3": "#e53935", "churn_4": "#6d4c41", "core": "#c62828",
          "potential": "#fb8c00", "base": "#1976d2", "paying": "#2e7d32",
          "sessions": "#5e35b1", "signups": "#1976d2", "check_ins": "#43a047",
          "appeals_in": "#fb8c00", "appeals_overturned": "#c62828",
          "detector_reports": "#8e24aa", "detector_dismissed": "#9e9e9e",
          "sanctions": "#e53935", "care_sent": "#8e24aa", "care_returned": "#43a047"}
WEEKLY_FROM, MONTHLY_FROM = 120, 400  # days shown from which growth bars sum weeks, months
TABS = ("growth", "activity", "retention", "mix", "activities", "moderation")


class KpiCharts(QWidget):
    """Signals:
        members_requested(MemberFilter): show these members in the roster.
        cases_requested(dict): show these cases in the queue (QueuePage.show_cases)."""

    members_requested = Signal(object)
    cases_requested = Signal(object)

    def __init__(self, parent=None, interactive: bool = True):
        super().__init__(parent)
        self.interactive = interactive  # False: a report's charts, which nobody clicks
        self.trends: Trends | None = None
        self.mix: Mix | None = None
        self.targets: list[TargetProgress] = []
        self._scope = ALL
        self._members = MemberFilter()
        self.charts: dict[str, object] = {}
        self._drawn: set[str] = set()
        self._growth_spans: list[tuple[int, int]] | None = None  # _spans(), once per show
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._boxes: dict[str, QVBoxLayout] = {}
        self.summaries: dict[str, QLabel] = {}
        for key, title in zip(TABS, self.tab_titles(), strict=True):
            page = QWidget()
            box = QVBoxLayout(page)
            box.setContentsMargins(0, 6, 0, 0)
            summary = QLabel()
            summary.setWordWrap(True)
            box.addWidget(summary)
            self._boxes[key], self.summaries[key] = box, summary
            self.tabs.addTab(page, title)
        self.tabs.currentChanged.connect(lambda _i: self._draw_current())
        self.tabs.hide()
        self.box.addWidget(self.tabs)
        self.hover = QLabel()
        self.hover.setObjectName("hint")
        self.hover.setWordWrap(True)
        self.box.addWidget(self.hover)

    def _hint(self, text: str) -> str:
        """What a click on the chart does, after its title; none on paper."""
        return self.tr(" ({hint})").format(hint=text) if self.interactive else ""

    def tab_titles(self) -> tuple[str, ...]:
        return (self.tr("Growth"), self.tr("Activity"), self.tr("Retention"),
                self.tr("Layers and spend"), self.tr("Activities"), self.tr("Moderation"))

    def show_numbers(self, numbers: Numbers) -> None:
        self.trends, self.mix, self.targets = numbers.trends, numbers.mix, numbers.targets
        self._scope, self._members = numbers.scope, numbers.members
        self.tabs.setVisible(not self.trends.empty)
        self._drawn.clear()
        self._growth_spans = None
        if not self.trends.empty:
            self._draw_current()
            self.hover.setText(self.describe(len(self.trends.days) - 1))

    def _draw_current(self) -> None:
        key = TABS[self.tabs.currentIndex()]
        if self.trends is None or self.trends.empty or key in self._drawn:
            return
        self._drawn.add(key)
        getattr(self, f"_draw_{key}")()

    def draw_all(self) -> None:
        """Every tab's charts (a report shows them all)."""
        for index in range(len(TABS)):
            self.tabs.setCurrentIndex(index)
            self._draw_current()

    def _chart(self, key: str, tab: str, title: str, days: bool = True, **options):
        """The chart `key`, made the first time, emptied for drawing."""
        chart = self.charts.get(key)
        if chart is None:
            chart = self.charts[key] = charts.plot(title, self.palette(), days, **options)
            chart.scene().sigMouseMoved.connect(lambda pos, k=key: self._moved(k, pos))
            chart.scene().sigMouseClicked.connect(lambda event, k=key: self._clicked(k, event))
            self._boxes[tab].addWidget(chart)
        chart.clear()
        return chart

    def _x(self) -> list[float]:
        return [charts.stamp(d) for d in self.trends.days]

    def _draw_growth(self) -> None:
        v, x = self.trends.values, self._x()
        members = self._chart("members", "growth", self.tr("Members"))
        charts.line(members, x, v["members"], COLORS["members"], self.tr("members"))
        self._target_lines(members, ("members",))
        spans = self._spans()
        title = {1: self.tr("Joins and leaves per day"),
                 7: self.tr("Joins and leaves per week")}.get(self._span_unit(), self.tr(
            "Joins and leaves per month"))
        growth = self._chart("growth", "growth", title + self._hint(self.tr(
            "click a bar for the members who joined")))
        middle = [(x[a] + x[b - 1]) / 2 for a, b in spans]
        width = [charts.DAY * 0.7 * (b - a) for a, b in spans]
        joins = [sum(v["joins"][a:b]) for a, b in spans]
        leaves = [sum(v["leaves"][a:b]) for a, b in spans]
        charts.bars(growth, middle, joins, COLORS["joins"], self.tr("joins"), width=width)
        charts.bars(growth, middle, [-n for n in leaves], COLORS["leaves"], self.tr("leaves"),
                    width=width)
        charts.line(growth, middle, [j - n for j, n in zip(joins, leaves, strict=True)],
                    COLORS["net"], self.tr("net"))
        joins, leaves = sum(v["joins"]), sum(v["leaves"])
        self.summaries["growth"].setText(self.tr(
            "In these days: {joins} joined, {leaves} left, net {net:+}; members "
            "{first:,} → {last:,}.").format(joins=joins, leaves=leaves, net=joins - leaves,
                                            first=v["members"][0], last=v["members"][-1]))

    def _draw_activity(self) -> None:
        t, x = self.trends, self._x()
        activity = self._chart("activity", "activity",
                               self.tr("Active within 7 and 30 days (% of members)"))
        for metric, name in (("active_7", self.tr("7 days")), ("active_30", self.tr("30 days"))):
            charts.line(activity, x, t.rate(metric), COLORS[metric], name)
        self._target_lines(activity, ("active_7", "active_30", "active_1"))
        churn = self._chart("churn", "activity", self.tr("Members per churn warning level"))
        for level in range(1, 5):
            metric = f"churn_{level}"
            charts.line(churn, x, t.values[metric], COLORS[metric],
                        self.tr("level %n", "", level))
        care = self._chart("care", "activity", self.tr(
            "Care messages sent, and of them followed by a message within 14 days"))
        width = charts.DAY * 0.35
        charts.bars(care, x, t.values["care_sent"], COLORS["care_sent"],
                    self.tr("care messages"), width=width, shift=-width / 2)
        charts.bars(care, x, t.values["care_returned"], COLORS["care_returned"],
                    self.tr("came back"), width=width, shift=width / 2)
        last = {k: t.values[k][-1] for k in ("churn_1", "churn_2", "churn_3", "churn_4")}
        sent, back = sum(t.values["care_sent"]), sum(t.values["care_returned"])
        self.summaries["activity"].setText(self.tr(
            "On the last day: {rate7} active within 7 days, {rate30} within 30; churn "
            "warnings: level 1 {l1}, level 2 {l2}, level 3 {l3}, level 4 {l4}. Only chat "
            "imports say who was active.").format(
            rate7=_percent(t.rate("active_7")[-1]), rate30=_percent(t.rate("active_30")[-1]),
            l1=last["churn_1"], l2=last["churn_2"], l3=last["churn_3"], l4=last["churn_4"])
            + " " + self.tr("{sent} care messages copied for members; {back} of them came "
                            "back within 14 days ({rate}).").format(
                sent=sent, back=back, rate=_percent(share(back, sent))))

    def _draw_retention(self) -> None:
        found = self.mix.cohorts
        chart = self._chart("retention", "retention", self.tr(
            "Share of each join week's members active k weeks later (%)"), days=False,
            legend=False, height=max(190, 28 * len(found) + 60))
        rows = [c.shares() for c in found]
        names = [self.tr("{week} ({size})").format(week=c.week.strftime("%m-%d"), size=c.size)
                 for c in found]
        charts.heatmap(chart, rows, names, [str(k) for k in range(WEEKS + 1)], self.palette())
        self.summaries["retention"].setText(
            self.tr("Rows: the Monday of the join week (members who joined). Columns: weeks "
                    "after joining, 0 being the join week.") + self._hint(self.tr(
                "click a row for its members")) if found else
            self.tr("No member joined in these days."))

    def _draw_mix(self) -> None:
        mix, x = self.mix, self._x()
        layers = self._chart("layers", "mix", self.tr("Layers (% of all members)"))
        everyone = self._community_members()
        for key in ("core", "potential", "base"):
            counts = mix.layers.get(key)
            if counts:
                charts.line(layers, x, shares(counts, everyone), COLORS[key],
                            self.layer_name(key))
        paying = self._chart("paying", "mix", self.tr("Paying members: share and new ones"))
        charts.bars(paying, x, mix.new_paying, COLORS["joins"], self.tr("new paying"))
        charts.line(paying, x, shares(mix.paying, everyone), COLORS["paying"],
                    self.tr("% paying"))
        bands = self._chart("bands", "mix", self.tr("Paying members by total spent"),
                            days=False, legend=False)
        labels = [self.tr("¥0.01–99"), self.tr("¥100–499"), self.tr("¥500–1,999"),
                  self.tr("¥2,000+")]
        charts.bars(bands, list(range(4)), [mix.bands.get(str(b), 0) for b in range(1, 5)],
                    COLORS["paying"], None, width=0.6)
        charts.names_axis(bands, labels)
        self.summaries["mix"].setText(self.tr(
            "The layer and spend a member is in now, counted from the day they joined (no "
            "history of either is kept). On the last day {paying:,} of {members:,} members "
            "pay ({share}); {new} new paying members in these days.").format(
            paying=mix.paying[-1], members=everyone[-1],
            share=_percent(share(mix.paying[-1], everyone[-1])), new=sum(mix.new_paying))
            + ("" if self._scope == ALL else " " + self.tr(
                "This tab is the whole community's.")))

    def _draw_activities(self) -> None:
        v, x = self.trends.values, self._x()
        chart = self._chart("activities", "activities",
                            self.tr("Sessions, sign-ups and check-ins per day"))
        third = charts.DAY * 0.25
        charts.bars(chart, x, v["sessions"], COLORS["sessions"], self.tr("sessions"),
                    width=third, shift=-third)
        charts.bars(chart, x, v["signups"], COLORS["signups"], self.tr("sign-ups"),
                    width=third)
        charts.bars(chart, x, v["check_ins"], COLORS["check_ins"], self.tr("check-ins"),
                    width=third, shift=third)
        signups, checkins = sum(v["signups"]), sum(v["check_ins"])
        planned, spent = sum(v["budget_planned"]), sum(v["budget_actual"])
        self.summaries["activities"].setText(self.tr(
            "In these days: {sessions} sessions, {signups} sign-ups, {checkins} check-ins "
            "(participation {rate} of sign-ups); budget planned ¥{planned:,.2f}, spent "
            "¥{spent:,.2f}.").format(
            sessions=sum(v["sessions"]), signups=signups, checkins=checkins,
            rate=_percent(share(checkins, signups)),
            planned=planned / 100, spent=spent / 100))

    def _draw_moderation(self) -> None:
        v, x = self.trends.values, self._x()
        width = charts.DAY * 0.35
        moderation = self._chart("moderation", "moderation", self.tr(
            "Reports in, cases decided and overdue") + self._hint(self.tr(
            "click a day for its cases")))
        charts.bars(moderation, x, v["reports_in"], COLORS["reports_in"],
                    self.tr("reports in"), width=width, shift=-width / 2)
        charts.bars(moderation, x, v["cases_decided"], COLORS["cases_decided"],
                    self.tr("cases decided"), width=width, shift=width / 2)
        charts.line(moderation, x, v["overdue"], COLORS["overdue"], self.tr("overdue"))
        timing = self._chart("timing", "moderation", self.tr(
            "Hours from first report to decision: median and 90th percentile"))
        for metric, name in (("decision_p50", self.tr("median")),
                             ("decision_p90", self.tr("90th percentile"))):
            charts.line(timing, x, [None if n is None else n / 60 for n in v[metric]],
                        COLORS[metric], name, dots=True)
        outcomes = self._chart("outcomes", "moderation", self.tr(
            "Appeals and detector reports"))
        charts.bars(outcomes, x, v["appeals_in"], COLORS["appeals_in"], self.tr("appeals"),
                    width=width, shift=-width / 2)
        charts.bars(outcomes, x, v["appeals_overturned"], COLORS["appeals_overturned"],
                    self.tr("overturned"), width=width, shift=-width / 2)
        charts.bars(outcomes, x, v["detector_reports"], COLORS["detector_reports"],
                    self.tr("detector reports"), width=width, shift=width / 2)
        charts.bars(outcomes, x, v["detector_dismissed"], COLORS["detector_dismissed"],
                    self.tr("detector cases dismissed"), width=width, shift=width / 2)
        categories = self.mix.categories
        by_rule = self._chart("categories", "moderation", self.tr(
            "Sanctions by rule category") + self._hint(self.tr("click a bar for its cases")),
            days=False,
            legend=False)
        charts.bars(by_rule, list(range(len(categories))), [n for *_, n in categories],
                    COLORS["sanctions"], None, width=0.6)
        chinese = ui_lang().startswith("zh")
        charts.names_axis(by_rule, [zh if chinese else en for _code, zh, en, _n in categories])
        decided, in_sla = sum(v["cases_decided"]), sum(v["decided_in_sla"])
        appeals_done = sum(sum(v[f"appeals_{k}"]) for k in ("upheld", "reduced", "overturned"))
        detector_done = sum(v["detector_decided"])
        self.summaries["moderation"].setText(self.tr(
            "In these days: {reports} reports in, {decided} cases decided ({sla} within the "
            "SLA); {sanctions} sanctions; {appeals} appeals decided, {overturned} overturned "
            "({rate}); detector cases decided {detector}, dismissed {dismissed} "
            "({dismiss_rate}).").format(
            reports=sum(v["reports_in"]), decided=decided,
            sla=_percent(share(in_sla, decided)),
            sanctions=sum(v["sanctions"]), appeals=appeals_done,
            overturned=sum(v["appeals_overturned"]),
            rate=_percent(share(sum(v["appeals_overturned"]), appeals_done)),
            detector=detector_done, dismissed=sum(v["detector_dismissed"]),
            dismiss_rate=_percent(share(sum(v["detector_dismissed"]), detector_done))))

    # the words around the charts

    def _target_lines(self, chart, metrics: tuple[str, ...]) -> None:
        for target in self.targets:
            if target.metric in metrics:
                charts.level(chart, target.value, COLORS.get(target.metric, "#757575"),
                             self.tr("target {value:g} by {deadline}").format(
                                 value=target.value, deadline=target.deadline.isoformat()))

    def _community_members(self) -> list[int]:
        """Members of the whole community per day (the mix is the community's)."""
        if self._scope == ALL:
            return self.trends.values["members"]
        layers = self.mix.layers.values()
        return [sum(day) for day in zip(*layers, strict=True)] if layers else \
            [0] * len(self.trends.days)

    def layer_name(self, key: str) -> str:
        return {"core": self.tr("core"), "potential": self.tr("potential"),
                "base": self.tr("base")}.get(key, key)

    def _position(self, key: str, scene_pos):
        chart = self.charts[key]
        if not chart.sceneBoundingRect().contains(scene_pos):
            return None
        return chart.getPlotItem().vb.mapSceneToView(scene_pos)

    def _span_unit(self) -> int:
        """Days a growth bar sums: 1, 7 (a week) or 30 (a month), by the days shown."""
        shown = len(self.trends.days)
        return 1 if shown < WEEKLY_FROM else 7 if shown < MONTHLY_FROM else 30

    def _spans(self) -> list[tuple[int, int]]:
        """The growth bars as index ranges [start, end) of the days: each day, each week
        (Monday to Sunday) or each month, cut at the ends of the days shown. Worked out once
        per numbers shown (the mouse asks at every move)."""
        if self._growth_spans is None:
            unit, days = self._span_unit(), self.trends.days
            key = (lambda i: i) if unit == 1 else (lambda i: days[i].isocalendar()[:2]) \
                if unit == 7 else (lambda i: (days[i].year, days[i].month))
            self._growth_spans = []
            for _key, group in groupby(range(len(days)), key=key):
                indexes = list(group)
                self._growth_spans.append((indexes[0], indexes[-1] + 1))
        return self._growth_spans

    def _span_at(self, point) -> tuple[int, int] | None:
        index = self._day_index(point)
        return None if index is None else next(
            (a, b) for a, b in self._spans() if a <= index < b)

    def _day_index(self, point) -> int | None:
        index = (charts.day_at(point.x()) - self.trends.days[0]).days
        return index if 0 <= index < len(self.trends.days) else None

    def _moved(self, key: str, scene_pos) -> None:
        point = self._position(key, scene_pos)
        if point is None or self.trends is None:
            return
        if key == "retention":
            self.hover.setText(self._describe_cell(point))
        elif key in ("categories", "bands"):
            self.hover.setText(self._describe_bar(key, round(point.x())))
        elif key == "growth" and self._span_unit() > 1 and \
                (span := self._span_at(point)) is not None:
            self.hover.setText(self._describe_span(*span))
        elif (index := self._day_index(point)) is not None:
            self.hover.setText(self.describe(index))

    def _clicked(self, key: str, event) -> None:
        point = self._position(key, event.scenePos())
        if point is None or self.trends is None:
            return
        if key == "members" and (index := self._day_index(point)) is not None:
            day = self.trends.days[index]
            self.members_requested.emit(_joined(day, day, self._members))
        elif key == "growth" and (span := self._span_at(point)) is not None:
            days = self.trends.days
            self.members_requested.emit(_joined(days[span[0]], days[span[1] - 1],
                                                self._members))
        elif key == "retention":
            row = self._cohort_row(point)
            if row is not None:
                week = self.mix.cohorts[row].week
                self.members_requested.emit(_joined(week, week + timedelta(days=6),
                                                   MemberFilter()))
        elif key == "moderation" and (index := self._day_index(point)) is not None:
            day = self.trends.days[index]
            self.cases_requested.emit({"first": day, "last": day,
                                       "group": _group(self._scope)})
        elif key == "categories":
            column = round(point.x())
            if 0 <= column < len(self.mix.categories):
                self.cases_requested.emit({"first": self.trends.days[0],
                                           "last": self.trends.days[-1],
                                           "category": self.mix.categories[column][0]})

    def _cohort_row(self, point) -> int | None:
        count = len(self.mix.cohorts)
        row = count - 1 - round(point.y())
        return row if 0 <= row < count else None

    def _describe_cell(self, point) -> str:
        row, week = self._cohort_row(point), round(point.x())
        if row is None or not 0 <= week <= WEEKS:
            return ""
        cohort = self.mix.cohorts[row]
        active = cohort.active[week]
        if active is None:
            return self.tr("Joined the week of {week}: week {k} has not begun.").format(
                week=cohort.week.isoformat(), k=week)
        return self.tr("Joined the week of {week}: {active} of {size} active in week {k} "
                       "({share}).").format(week=cohort.week.isoformat(), active=active,
                                            size=cohort.size, k=week,
                                            share=_percent(cohort.shares()[week]))

    def _describe_span(self, first: int, end: int) -> str:
        v = self.trends.values
        joins, leaves = sum(v["joins"][first:end]), sum(v["leaves"][first:end])
        return self.tr("{first} to {last}: {joins} joined, {leaves} left, net {net:+}").format(
            first=self.trends.days[first].isoformat(),
            last=self.trends.days[end - 1].isoformat(), joins=joins, leaves=leaves,
            net=joins - leaves)

    def _describe_bar(self, key: str, column: int) -> str:
        if key == "bands":
            return "" if not 0 <= column < 4 else self.tr("{count:,} paying members").format(
                count=self.mix.bands.get(str(column + 1), 0))
        if not 0 <= column < len(self.mix.categories):
            return ""
        _code, zh, en, count = self.mix.categories[column]
        return self.tr("{category}: {count} sanctions in these days").format(
            category=zh if ui_lang().startswith("zh") else en, count=count)

    def describe(self, index: int) -> str:
        """One day's exact numbers, as the line under the charts says them."""
        t = self.trends
        v = {metric: values[index] for metric, values in t.values.items()}
        rate7, rate30 = (_percent(share(v[k], v["members"])) for k in ("active_7", "active_30"))
        median = v["decision_p50"]
        return self.tr("{day}: {members} members, {joins} joined, {leaves} left · active "
                       "{rate7} (7 days), {rate30} (30 days) · {reports} reports in, "
                       "{decided} decided ({in_sla} within the SLA, median {median}), "
                       "{overdue} overdue · {sessions} sessions, {signups} sign-ups, "
                       "{checkins} check-ins").format(
            day=t.days[index].isoformat(), members=f"{v['members']:,}", joins=v["joins"],
            leaves=v["leaves"], rate7=rate7, rate30=rate30,
            reports=v["reports_in"], decided=v["cases_decided"], in_sla=v["decided_in_sla"],
            median="—" if median is None else self.tr("{hours:.1f} h").format(
                hours=median / 60), overdue=v["overdue"], sessions=v["sessions"],
            signups=v["signups"], checkins=v["check_ins"])


def _joined(first: date, last: date, members: MemberFilter) -> MemberFilter:
    """Of `members`, those who joined from `first` to `last` (local days)."""
    start, after = local_days(first, last)
    end = after - timedelta(microseconds=1)
    if members.joined_from is not None:
        start = max(start, members.joined_from)
    if members.joined_to is not None:
        end = min(end, members.joined_to)
    return replace(members, joined_from=start, joined_to=end)


def _group(scope: str) -> str | None:
    kind, _, key = scope.partition(":")
    return key if kind == "group" else None


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.1f}%"

