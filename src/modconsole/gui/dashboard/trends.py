"""Trends on the dashboard: the KPI charts with a period and scope to choose, the targets
a lead set, and the offer to work the numbers out when there are none yet."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from modconsole.gui.dashboard.kpi_charts import KpiCharts
from modconsole.gui.dashboard.period_dialog import PeriodDialog
from modconsole.gui.dashboard.report_file import Pieces, write_later
from modconsole.gui.dashboard.target_dialog import TargetDialog, metric_names
from modconsole.gui.operations import OperationRunner
from modconsole.gui.role_gate import RoleGate
from modconsole.gui.status_bar import show_message
from modconsole.services.chat.activity import local_today
from modconsole.services.monitoring.report import (
    named_period,
    period,
    period_numbers,
    period_report,
    write_days,
)
from modconsole.services.monitoring.rollups import ALL
from modconsole.services.monitoring.trends import (
    Numbers,
    scopes,
)

PERIODS = (("last", 30), ("last", 90), ("last", 365), ("week", 0), ("week", 1), ("month", 0),
           ("month", 1), ("quarter", 0), ("quarter", 1))


class TrendsPanel(QWidget):
    """The charts are `view`'s, which asks for members and cases to be shown.

    Signals:
        rollup_requested(): the person asked for the numbers to be worked out now."""

    rollup_requested = Signal()

    def __init__(self, runner: OperationRunner, gate: RoleGate, parent=None):
        super().__init__(parent)
        self._runner = runner
        self.targets: list = []
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.period = QComboBox()
        names = {("week", 0): self.tr("This week"), ("week", 1): self.tr("Last week"),
                 ("month", 0): self.tr("This month"), ("month", 1): self.tr("Last month"),
                 ("quarter", 0): self.tr("This quarter"),
                 ("quarter", 1): self.tr("Last quarter")}
        for choice in PERIODS:
            kind, count = choice
            self.period.addItem(self.tr("Last %n day(s)", "", count) if kind == "last"
                                else names[choice], choice)
        self.period.addItem(self.tr("Choose days…"), ("choose", None))
        self.period.setCurrentIndex(1)
        self._period_index = 1
        self.period_dialog: PeriodDialog | None = None
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("The whole community"), ALL)
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        for combo in (self.period, self.scope):
            row.addWidget(combo)
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("Save report…"))
        self.save_button.setToolTip(self.tr("The chosen days' charts and numbers as a PDF "
                                            "(A4) or PNG, or the numbers day by day as XLSX"))
        self.save_button.clicked.connect(self.save_report)
        row.addWidget(self.save_button)
        self.target_button = QPushButton(self.tr("Set a target…"))
        self.target_button.clicked.connect(self.add_target)
        row.addWidget(self.target_button)
        gate.guard("targets", self.target_button)
        box.addLayout(row)
        self.targets_label = QLabel()
        self.targets_label.setWordWrap(True)
        box.addWidget(self.targets_label)
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
        box.addWidget(self.empty)
        self.view = KpiCharts()
        box.addWidget(self.view)

    def bounds(self) -> tuple[date, date]:
        """The first and last day the chosen period shows (today at the latest)."""
        kind, value = self.period.currentData()
        today = local_today()
        if kind == "last":
            return today - timedelta(days=value - 1), today
        if kind == "custom":
            return value
        first, last = period(named_period(kind, value, today))
        return first, min(last, today)

    def _period_chosen(self, index: int) -> None:
        if index < 0:
            return
        kind, _ = self.period.itemData(index)
        if kind != "choose":
            self._period_index = index
            self.refresh()
            return
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self._period_index)
        self.period.blockSignals(False)
        dialog = PeriodDialog(*self.bounds(), parent=self)
        dialog.accepted.connect(lambda: self.show_days(*dialog.days()))
        dialog.open()
        self.period_dialog = dialog

    def show_days(self, first: date, last: date) -> None:
        """Chart the days [first, last], offered in the period list until another is chosen."""
        chosen = len(PERIODS)  # the custom item sits before "Choose days…"
        if self.period.itemData(chosen)[0] == "custom":
            self.period.removeItem(chosen)
        self.period.insertItem(chosen, f"{first.isoformat()} – {last.isoformat()}",
                               ("custom", (first, last)))
        self.period.setCurrentIndex(chosen)

    def refresh(self) -> None:
        scope, (first, last) = self.scope.currentData() or ALL, self.bounds()
        self._runner.run(lambda s: (period_numbers(s, first, last, scope), scopes(s)),
                         label=self.tr("Loading trends"), on_done=self._show)

    def save_report(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), f"report-{local_today().isoformat()}.pdf",
            self.tr("PDF (*.pdf);;PNG picture (*.png);;Excel (*.xlsx)"))
        if name:
            self.save_report_to(Path(name))

    def save_report_to(self, path: Path) -> None:
        """The period and scope on screen, as the file `path`'s suffix says."""
        scope, (first, last) = self.scope.currentData() or ALL, self.bounds()
        title = self.tr("Community report {first} to {last} · {scope}").format(
            first=first.isoformat(), last=last.isoformat(), scope=self.scope.currentText())
        table = path.suffix.lower() in (".xlsx", ".csv")

        def job(session):
            if table:
                write_days(period_report(session, first, last, scope), path,
                           QCoreApplication.translate)
                return None
            return period_numbers(session, first, last, scope)

        def written() -> None:
            self.save_button.setEnabled(True)
            show_message(self, self.tr("The report is in {path}.").format(path=path), 8000)

        def done(numbers) -> None:
            if numbers is None:
                written()
                return
            self.save_button.setEnabled(False)
            lines = [self.targets_label.text()] if self.targets_label.text() else []
            write_later(path, Pieces(title, lines, numbers), written, self._not_written)

        self._runner.run(job, label=self.tr("Preparing the report"), on_done=done)

    def _not_written(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self._runner.error.emit(message)

    def add_target(self) -> TargetDialog:
        dialog = TargetDialog(self._runner, self.scope.currentData() or ALL,
                              self.scope.currentText(), self)
        dialog.open()
        return dialog

    def _show(self, found: tuple[Numbers, list]) -> None:
        numbers, offered = found
        self.targets = numbers.targets
        self.targets_label.setText(self._targets_text())
        self._fill_scopes(offered)
        self.empty.setVisible(numbers.trends.empty)
        self.view.show_numbers(numbers)

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

    def _scope_name(self, scope: str, name: str) -> str:
        kind = scope.partition(":")[0]
        if kind == "group":
            return self.tr("Group: {name}").format(name=name)
        if kind == "segment":
            return self.tr("Segment: {name}").format(name=name)
        return self.tr("Layer: {name}").format(name=self.view.layer_name(name))

    def _fill_scopes(self, offered: list[tuple[str, str]]) -> None:
        chosen = self.scope.currentData()
        wanted = [(ALL, self.tr("The whole community")), *(
            (scope, self._scope_name(scope, name)) for scope, name in offered)]
        if [(self.scope.itemData(i), self.scope.itemText(i))
                for i in range(self.scope.count())] == wanted:
            return
        self.scope.blockSignals(True)
        self.scope.clear()
        for scope, name in wanted:
            self.scope.addItem(name, scope)
        self.scope.setCurrentIndex(max(0, self.scope.findData(chosen)))
        self.scope.blockSignals(False)
