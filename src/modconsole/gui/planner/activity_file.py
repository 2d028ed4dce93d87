"""Everything about one occurrence after it is planned: attendance, draws, budget,
checklist and review, plus its status. Each tab loads when first shown."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
)

from modconsole.domain.recurrence import zone
from modconsole.gui.dialog_keys import no_default_buttons
from modconsole.gui.planner.attendance_tab import AttendanceTab
from modconsole.gui.planner.budget_tab import BudgetTab
from modconsole.gui.planner.draw_tab import DrawTab
from modconsole.gui.planner.labels import status_names, type_names
from modconsole.gui.planner.review_tab import ReviewTab
from modconsole.gui.planner.tasks_tab import TasksTab
from modconsole.services import activities as act
from modconsole.services.activities import Entry


class ActivityFile(QDialog):
    def __init__(self, runner, entry: Entry, parent=None):
        super().__init__(parent)
        self.runner, self.entry = runner, entry
        local = zone(entry.timezone)
        start, end = entry.start.astimezone(local), entry.end.astimezone(local)
        self.setWindowTitle(entry.title)
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        title = QLabel(f"<b>{entry.title}</b> · {type_names().get(entry.type, entry.type)}"
                       f"<br>{start:%Y-%m-%d %H:%M} – {end:%H:%M} ({entry.timezone})")
        head.addWidget(title, 1)
        head.addWidget(QLabel(self.tr("Status")))
        self.status = QComboBox()
        for key, name in status_names().items():
            self.status.addItem(name, key)
        self.status.setCurrentIndex(self.status.findData(entry.status))
        head.addWidget(self.status)
        layout.addLayout(head)
        self.tabs = QTabWidget()
        self.attendance = AttendanceTab(runner, entry)
        self.draws = DrawTab(runner, entry)
        self.budget = BudgetTab(runner, entry)
        self.tasks = TasksTab(runner, entry)
        self.review = ReviewTab(runner, entry)
        for tab, label in ((self.attendance, self.tr("&Attendance")), (self.draws,
                           self.tr("&Lucky draw")), (self.budget, self.tr("&Budget")),
                           (self.tasks, self.tr("&Checklist")),
                           (self.review, self.tr("&Review"))):
            self.tabs.addTab(tab, label)
        layout.addWidget(self.tabs, 1)
        self.status_message = QLabel()
        self.status_message.setObjectName("hint")
        layout.addWidget(self.status_message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self._loaded: set[int] = set()
        self.tabs.currentChanged.connect(self._load_tab)
        self.status.currentIndexChanged.connect(self._set_status)
        no_default_buttons(self)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._load_tab(self.tabs.currentIndex())

    def _load_tab(self, index: int) -> None:
        if index not in self._loaded:
            self._loaded.add(index)
            self.tabs.widget(index).load()

    def _set_status(self, _index: int) -> None:
        status, aid = self.status.currentData(), self.entry.activity_id
        self.runner.run(lambda s: act.set_status(s, aid, status),
                        label=self.tr("Changing the status"), changes=("activities",),
                        on_done=lambda _r: self.status_message.setText(
                            self.tr("Status is now %1.").replace(
                                "%1", status_names().get(status, status))),
                        on_error=lambda _e, text: self.status_message.setText(text))
