"""The rulebook page: categories and their items, edited by leads and admins."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain import detectors
from modconsole.domain.ladder import Ladder
from modconsole.domain.messages import N_
from modconsole.gui.commands import command
from modconsole.gui.detectors_form import DetectorsForm
from modconsole.gui.i18n import ui_lang
from modconsole.gui.ladder_dialog import LadderDialog
from modconsole.gui.operations import OperationRunner
from modconsole.gui.queue.labels import severity_names, step_name
from modconsole.gui.role_gate import RoleGate
from modconsole.gui.shortcuts import widget_shortcut
from modconsole.gui.status_bar import show_message
from modconsole.services import rulebook
from modconsole.services.detector_stats import detector_stats
from modconsole.services.rulebook import RuleInfo

ID_ROLE = Qt.ItemDataRole.UserRole


def _normalised(text: str | None) -> str | None:
    """Stored detector JSON as the form writes it, so an untouched form is not "unsaved"."""
    try:
        return detectors.parse(text).to_json()
    except detectors.DetectorError:
        return None


class RulebookPage(QWidget):
    """Tree on the left, the chosen rule's fields on the right; Ctrl+S saves."""

    def __init__(self, runner: OperationRunner, gate: RoleGate, parent=None):
        super().__init__(parent)
        self.runner, self.gate = runner, gate
        self.rules: dict[str, RuleInfo] = {}
        self.stats: list = []  # detector_stats, every rule's
        self.default = Ladder()
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Rulebook"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.ladder_hint = QLabel()
        self.ladder_hint.setObjectName("hint")
        self.ladder_hint.setWordWrap(True)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.ladder_hint, 1)
        self.ladder_button = QPushButton(self.tr("Edit the ladder… (Ctrl+L)"))
        self.ladder_button.clicked.connect(self.edit_ladder)
        hint_row.addWidget(self.ladder_button)
        layout.addLayout(hint_row)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Rule"), self.tr("Severity"), self.tr("Aggravated")])
        self.tree.setColumnWidth(0, 260)
        self.tree.setColumnWidth(1, 80)
        self.tree.currentItemChanged.connect(self._on_current)
        form_box = QWidget()
        form = QFormLayout(form_box)
        self.code = QLabel()
        self.title_zh, self.title_en = QLineEdit(), QLineEdit()
        self.description_zh, self.description_en = QPlainTextEdit(), QPlainTextEdit()
        for edit in (self.description_zh, self.description_en):
            edit.setMaximumHeight(80)
        self.severity = QComboBox()
        for key, name in severity_names().items():
            self.severity.addItem(name, key)
        self.counts = QCheckBox(self.tr("Counts towards the penalty ladder"))
        self.aggravated = QCheckBox(self.tr("Aggravated: jumps steps"))
        self.aggravated.setToolTip(self.tr("For minors, illegal content, cheating or multiple "
                                           "accounts: heavier and faster."))
        self.ladder = QLineEdit()
        self.ladder.setPlaceholderText(self.tr("Empty: the default ladder"))
        self.ladder.setToolTip(self.tr("Steps separated by commas: warn, mute:1, mute:7, "
                                       "mute:15, mute (permanent), remove, ban"))
        for label, widget in ((self.tr("Code"), self.code), (self.tr("Title (中文)"),
                                                             self.title_zh),
                              (self.tr("Title (English)"), self.title_en),
                              (self.tr("Description (中文)"), self.description_zh),
                              (self.tr("Description (English)"), self.description_en),
                              (self.tr("Severity"), self.severity), ("", self.counts),
                              ("", self.aggravated), (self.tr("Own ladder"), self.ladder)):
            form.addRow(label, widget)
        detectors_title = QLabel(self.tr("Detectors (chat imports)"))
        detectors_title.setObjectName("sectionTitle")
        form.addRow(detectors_title)
        self.detectors = DetectorsForm()
        form.addRow(self.detectors)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.note = QLabel(self.tr("Only leads and admins can change the rulebook; every "
                                   "change goes into the audit log."))
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        form.addRow(self.note)
        inner = QWidget()
        right_box = QVBoxLayout(inner)
        right_box.addWidget(form_box)
        right_box.addStretch(1)
        right = QScrollArea()  # a short screen scrolls the form instead of growing the window
        right.setWidgetResizable(True)
        right.setFrameShape(QFrame.Shape.NoFrame)
        right.setWidget(inner)
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        widget_shortcut("Ctrl+S", self, self.save, with_children=True)
        widget_shortcut("Ctrl+L", self, self.edit_ladder, with_children=True)
        self.dialog = None
        self._shown = None  # the rule whose fields the form shows
        self.commands = {name.source: command(self, name, slot, keys, bound=False)
                         for name, keys, slot in (
            (N_("RulebookPage", "Save the rule"), "Ctrl+S", self.save),
            (N_("RulebookPage", "Edit the default penalty ladder…"), "Ctrl+L", self.edit_ladder),
        )}
        runner.opened.connect(lambda _r: self.reload())
        # only leads and admins change the rulebook and ladders: the rest read it
        gate.guard("rules", self.save_button, self.ladder_button, *self.commands.values())

    def reload(self) -> None:
        def job(session):
            return (rulebook.list_rules(session), rulebook.default_ladder(session),
                    detector_stats(session))

        self.runner.run(job, label=self.tr("Loading the rulebook"), on_done=self._show)

    def _show(self, result) -> None:
        rules, self.default, stats = result
        self.stats = stats
        zh, names = ui_lang().startswith("zh"), severity_names()
        steps = " → ".join(step_name(s) for s in self.default.steps)
        self.ladder_hint.setText(self.tr(
            "Default ladder: %1. Offences count for %2 days; %3 clean days step a member "
            "back one rung; aggravated rules jump %4 steps.").replace("%1", steps).replace(
            "%2", str(self.default.window_days)).replace(
            "%3", str(self.default.decay_days)).replace("%4", str(self.default.aggravated_jump)))
        current = self.tree.currentItem().data(0, ID_ROLE) if self.tree.currentItem() else None
        self.rules = {r.id: r for r in rules}
        self.tree.clear()
        parents: dict[str, QTreeWidgetItem] = {}
        for r in rules:
            item = QTreeWidgetItem([f"{r.code}  {r.title_zh if zh else r.title_en}",
                                    names.get(r.severity, r.severity), "!" if r.aggravated else ""])
            item.setData(0, ID_ROLE, r.id)
            if r.parent_id and r.parent_id in parents:
                parents[r.parent_id].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
                parents[r.id] = item
            if r.id == current:
                self.tree.setCurrentItem(item)
        if current is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _on_current(self, item, previous) -> None:
        rule = self.rules.get(item.data(0, ID_ROLE)) if item else None
        if rule is None:
            return
        if previous is not None and self.unsaved() and self.keep_or_lose_edits() == "cancel":
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(previous)
            self.tree.blockSignals(False)
            return
        self._shown = rule
        self.code.setText(f"<b>{rule.code}</b>")
        self.title_zh.setText(rule.title_zh)
        self.title_en.setText(rule.title_en)
        self.description_zh.setPlainText(rule.description_zh)
        self.description_en.setPlainText(rule.description_en)
        self.severity.setCurrentIndex(self.severity.findData(rule.severity))
        self.counts.setChecked(rule.counts_to_ladder)
        self.aggravated.setChecked(rule.aggravated)
        own = json.loads(rule.ladder_json)["steps"] if rule.ladder_json else []
        self.ladder.setText(", ".join(own))
        self.detectors.set_value(rule.detectors_json)
        self.detectors.set_stats([s for s in self.stats if s.rule == rule.code])

    def _form(self) -> dict:
        steps = [s.strip() for s in self.ladder.text().split(",") if s.strip()]
        return dict(title_zh=self.title_zh.text(), title_en=self.title_en.text(),
                    description_zh=self.description_zh.toPlainText(),
                    description_en=self.description_en.toPlainText(),
                    severity=self.severity.currentData(),
                    counts_to_ladder=self.counts.isChecked(),
                    aggravated=self.aggravated.isChecked(),
                    ladder_steps=steps, detectors_json=self.detectors.value())

    def unsaved(self) -> bool:
        """The form says something the shown rule does not."""
        rule = self._shown
        if rule is None:
            return False
        own = json.loads(rule.ladder_json)["steps"] if rule.ladder_json else []
        stored = dict(title_zh=rule.title_zh, title_en=rule.title_en,
                      description_zh=rule.description_zh, description_en=rule.description_en,
                      severity=rule.severity, counts_to_ladder=rule.counts_to_ladder,
                      aggravated=rule.aggravated, ladder_steps=own,
                      detectors_json=_normalised(rule.detectors_json))
        return self._form() != stored

    def forget_edits(self) -> None:
        self._shown = None

    def keep_or_lose_edits(self, then=None) -> str:
        """Ask about an unsaved edit: "save" (then `then()` once saved), "discard" or "cancel"."""
        answer = QMessageBox.question(
            self, self.tr("Unsaved rule"),
            self.tr("{code} has changes that are not saved. Save them?").format(
                code=self._shown.code),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            self.save(then=then, rule=self._shown)
            return "save"
        return "discard" if answer == QMessageBox.StandardButton.Discard else "cancel"

    def save(self, then=None, rule=None) -> None:
        rule = rule or self._shown
        if rule is None:
            return
        form = self._form()
        steps = form.pop("ladder_steps")
        changes = dict(form, ladder_json=json.dumps({"steps": steps}) if steps else None)

        def saved(_result):
            self._message(self.tr("Rule saved."))
            self.reload()
            if then is not None:
                then()

        self.runner.run(lambda s: rulebook.update_rule(s, rule.id, **changes),
                        label=self.tr("Saving the rule"), changes=("rules",),
                        on_done=saved, on_error=lambda _e, message: self._message(message))

    def edit_ladder(self) -> None:
        """The team default every rule without its own ladder follows."""
        self.dialog = LadderDialog(self.default, self)
        self.dialog.accepted.connect(lambda: self._save_ladder(self.dialog.ladder()))
        self.dialog.open()

    def _save_ladder(self, ladder: Ladder) -> None:
        self.runner.run(lambda s: rulebook.set_default_ladder(s, ladder.to_json()),
                        label=self.tr("Saving the ladder"), changes=("rules",),
                        on_done=lambda _r: (self._message(self.tr("Default ladder saved.")),
                                            self.reload()),
                        on_error=lambda _e, message: self._message(message))

    def _message(self, text: str) -> None:
        self.note.setText(text)
        show_message(self, text, 8000)
