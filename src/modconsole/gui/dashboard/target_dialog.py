"""Set a KPI target: which number, how high, by when; saved on the worker."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from modconsole.gui.dialog_keys import ok_cancel
from modconsole.gui.note_label import note_label, say
from modconsole.gui.operations import OperationRunner
from modconsole.services.chat.activity import local_today
from modconsole.services.monitoring.targets import set_target


class TargetDialog(QDialog):
    def __init__(self, runner: OperationRunner, scope: str, scope_name: str, parent=None):
        super().__init__(parent)
        self._runner, self._scope = runner, scope
        self.setWindowTitle(self.tr("Set a target"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.number = QComboBox()
        for key, name in metric_names().items():
            self.number.addItem(name, key)
        self.number.setCurrentIndex(1)
        self.value = QDoubleSpinBox()
        self.value.setRange(0, 10_000_000)
        self.value.setDecimals(1)
        self.value.setValue(30)
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        soon = local_today() + timedelta(days=90)
        self.deadline.setDate(QDate(soon.year, soon.month, soon.day))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. 核心群活跃度提升至30%"))
        for label, widget in ((self.tr("For"), QLabel(scope_name)),
                              (self.tr("Number"), self.number), (self.tr("Reach"), self.value),
                              (self.tr("By"), self.deadline), (self.tr("Note"), self.note)):
            form.addRow(label, widget)
        layout.addLayout(form)
        self.error = note_label()
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self, layout)
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self._save)

    def _save(self) -> None:
        metric, value = self.number.currentData(), self.value.value()
        deadline, note, scope = self.deadline.date().toPython(), self.note.text(), self._scope
        self._runner.run(lambda s: set_target(s, metric, value, deadline, scope, note),
                         label=self.tr("Saving the target"), changes={"targets"},
                         on_done=lambda _id: self.accept(),
                         on_error=lambda _e, message: say(self.error, message, error=True))


def metric_names() -> dict[str, str]:
    """The numbers a target can be set on, as the dialog and the dashboard name them."""
    return {"members": QCoreApplication.translate("TargetDialog", "Members"),
            "active_7": QCoreApplication.translate("TargetDialog",
                                                   "Active within 7 days (% of members)"),
            "active_30": QCoreApplication.translate("TargetDialog",
                                                    "Active within 30 days (% of members)")}
