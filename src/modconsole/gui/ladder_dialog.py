"""Edit the team's default penalty ladder: its steps, counting window, decay and jump."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout

from modconsole.domain.ladder import Ladder, LadderError
from modconsole.gui.dialog_keys import ok_cancel
from modconsole.gui.i18n import localized
from modconsole.gui.queue.labels import step_name


class LadderDialog(QDialog):
    """The form checks the steps as you type and says which one it cannot read."""

    def __init__(self, ladder: Ladder, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Default penalty ladder"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.steps = QLineEdit(", ".join(s.code for s in ladder.steps))
        self.steps.setToolTip(self.tr("Steps separated by commas: warn, mute:1, mute:7, "
                                      "mute:15, mute (permanent), remove, ban"))
        self.window = self._spin(ladder.window_days, 1, 3650, self.tr(" days"))
        self.decay = self._spin(ladder.decay_days, 0, 3650, self.tr(" days"))
        self.decay.setSpecialValueText(self.tr("never"))
        self.jump = self._spin(ladder.aggravated_jump, 0, 10, self.tr(" steps"))
        form.addRow(self.tr("Steps"), self.steps)
        form.addRow(self.tr("Offences count for"), self.window)
        form.addRow(self.tr("Step back one rung after"), self.decay)
        form.addRow(self.tr("Aggravated rules jump"), self.jump)
        layout.addLayout(form)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setObjectName("hint")
        layout.addWidget(self.preview)
        self.buttons = ok_cancel(self, layout)
        self.steps.textChanged.connect(self._check)
        self._check()

    def _spin(self, value: int, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        return spin

    def ladder(self) -> Ladder:
        """The ladder as entered; raises LadderError naming the part it cannot read."""
        return Ladder.from_json(json.dumps({
            "steps": [c.strip() for c in self.steps.text().split(",") if c.strip()],
            "window_days": self.window.value(), "decay_days": self.decay.value(),
            "aggravated_jump": self.jump.value()}))

    def _check(self) -> None:
        try:
            steps = self.ladder().steps
        except LadderError as exc:
            self.preview.setText(self.tr("Cannot save: %1.").replace("%1", localized(exc)))
            ok = False
        else:
            self.preview.setText(" → ".join(step_name(s) for s in steps))
            ok = True
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(ok)
