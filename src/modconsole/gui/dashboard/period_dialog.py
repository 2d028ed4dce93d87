"""Choose the first and last day the dashboard's trends show."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QVBoxLayout

from modconsole.gui.dialog_keys import ok_cancel
from modconsole.gui.note_label import note_label, say

LONGEST = 3 * 366  # days: the charts stay readable, and the read small


class PeriodDialog(QDialog):
    def __init__(self, first: date, last: date, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose days"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.first, self.last = (QDateEdit(QDate(d.year, d.month, d.day)) for d in (first, last))
        for label, edit in ((self.tr("From"), self.first), (self.tr("To"), self.last)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            form.addRow(label, edit)
        layout.addLayout(form)
        self.error = note_label()
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self, layout)
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self._check)

    def days(self) -> tuple[date, date]:
        return self.first.date().toPython(), self.last.date().toPython()

    def _check(self) -> None:
        first, last = self.days()
        if first > last:
            say(self.error, self.tr("The first day is after the last."), error=True)
        elif (last - first).days >= LONGEST:
            say(self.error, self.tr("Choose at most three years."), error=True)
        else:
            self.accept()
