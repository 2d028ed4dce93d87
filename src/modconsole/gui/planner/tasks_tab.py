"""The activity's checklist: add a task with an owner and due day, tick it off, remove it."""

from __future__ import annotations

from datetime import UTC, datetime, time

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from modconsole.domain.recurrence import zone
from modconsole.gui.note_label import ERROR_COLOR
from modconsole.gui.planner.file_tab import FileTab
from modconsole.gui.shortcuts import widget_shortcut
from modconsole.services import activity_tasks
from modconsole.services.activities import staff_choices

ID_ROLE = Qt.ItemDataRole.UserRole


class TasksTab(FileTab):
    def __init__(self, runner, entry, parent=None):
        super().__init__(runner, entry, parent)
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Task"), self.tr("Owner"), self.tr("Due")])
        self.tree.setRootIsDecorated(False)
        layout.addWidget(self.tree, 1)
        add = QHBoxLayout()
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("New task, e.g. 准备奖品; Enter adds it"))
        self.owner = QComboBox()
        self.owner.addItem(self.tr("No owner"), None)
        self.has_due = QCheckBox(self.tr("due"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        start = entry.start.astimezone(zone(entry.timezone)).date()
        self.due.setDate(QDate(start.year, start.month, start.day))
        self.due.setEnabled(False)
        self.add_button = QPushButton(self.tr("Add"))
        for w in (self.title, self.owner, self.has_due, self.due, self.add_button):
            add.addWidget(w)
        add.setStretch(0, 1)
        layout.addLayout(add)
        layout.addWidget(self.message)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.title.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self.tree.itemChanged.connect(self._ticked)
        widget_shortcut("Del", self.tree, self.delete)

    def load(self) -> None:
        aid = self.entry.activity_id
        self.run(lambda s: (activity_tasks.tasks_of(s, aid), staff_choices(s)),
                 self.tr("Loading the checklist"), self._show)

    def _show(self, loaded) -> None:
        tasks, staff = loaded
        if self.owner.count() == 1:
            for sid, name in staff:
                self.owner.addItem(name, sid)
        now = datetime.now(UTC)
        self.tree.blockSignals(True)
        self.tree.clear()
        for task in tasks:
            due = task.due.astimezone(zone(self.entry.timezone)).strftime("%m-%d") \
                if task.due else ""
            item = QTreeWidgetItem([task.title, task.owner, due])
            item.setData(0, ID_ROLE, task.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if task.done else Qt.CheckState.Unchecked)
            if task.overdue(now):
                item.setForeground(2, QBrush(ERROR_COLOR))
            self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)
        self.tree.resizeColumnToContents(0)
        done = sum(t.done is not None for t in tasks)
        self.say(self.tr("%1 of %2 done. Space ticks a task, Del removes it.").replace(
            "%1", str(done)).replace("%2", str(len(tasks))) if tasks else self.tr(
            "No tasks yet: type one below and press Enter."))

    def add(self) -> None:
        title, owner = self.title.text(), self.owner.currentData()
        due = None
        if self.has_due.isChecked():
            day = self.due.date().toPython()
            due = datetime.combine(day, time(23, 59), zone(self.entry.timezone))
        aid = self.entry.activity_id
        self.run(lambda s: activity_tasks.add_task(s, aid, title, owner, due),
                 self.tr("Adding the task"), lambda _id: (self.title.clear(), self.load()),
                 ("activities",))

    def _ticked(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 0:
            done = item.checkState(0) == Qt.CheckState.Checked
            task_id = item.data(0, ID_ROLE)
            self.run(lambda s: activity_tasks.set_done(s, task_id, done),
                     self.tr("Ticking the task"), lambda _r: self.load(), ("activities",))

    def delete(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            task_id = item.data(0, ID_ROLE)
            self.run(lambda s: activity_tasks.delete_task(s, task_id),
                     self.tr("Removing the task"), lambda _r: self.load(), ("activities",))
