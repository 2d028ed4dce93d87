"""Deciding, answering appeals, and the one-line reasons lifts and appeals need."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from modconsole.domain.enums import AppealOutcome
from modconsole.domain.ladder import Step
from modconsole.gui.dialog_keys import ok_cancel
from modconsole.gui.i18n import ui_lang
from modconsole.gui.note_label import note_label, say
from modconsole.gui.queue.labels import (
    decision_name,
    history_lines,
    ladder_line,
    outcome_name,
    step_name,
)
from modconsole.services.cases import QueueRow, ReportIn
from modconsole.services.decisions import CHOICES, CaseDetail


class DecideDialog(QDialog):
    """Confirm a decision: what the ladder says, the member's record, a reason.

    For one case the ladder's suggestion is known; choosing anything else
    (other than dismissing) asks why. For several cases "follow the ladder"
    decides each member on their own record.
    """

    def __init__(self, rows: list[QueueRow], step: Step | None, detail: CaseDetail | None,
                 parent=None):
        super().__init__(parent)
        self.rows = rows
        self.suggested = detail.preview.suggestion.step if (detail and len(rows) == 1) else None
        self.setWindowTitle(self.tr("Decide case") if len(rows) == 1 else
                            self.tr("Decide %n case(s)", "", len(rows)))
        layout = QVBoxLayout(self)
        if len(rows) == 1:
            r = rows[0]
            title = r.rule_title_zh if ui_lang().startswith("zh") else r.rule_title_en
            head = QLabel(f"<b>{r.member_name}</b> · {title or r.rule_code} · "
                          f"{' '.join(r.evidence.split())[:120]}")
        else:
            head = QLabel(self.tr("%n members: %1", "", len(rows)).replace(
                "%1", "、".join(dict.fromkeys(r.member_name for r in rows))))
        head.setWordWrap(True)
        layout.addWidget(head)
        if detail and len(rows) == 1:
            self.ladder = QLabel(ladder_line(detail.preview.suggestion.explain(
                detail.preview.window_days)))
            self.ladder.setObjectName("ladder")
            layout.addWidget(self.ladder)
            layout.addWidget(QLabel(self.tr("Record (newest first):")))
            self.history = QListWidget()
            self.history.addItems(history_lines(detail.preview.history) or
                                  [self.tr("No earlier sanctions.")])
            self.history.setMaximumHeight(110)
            layout.addWidget(self.history)
        form = QFormLayout()
        self.choice = QComboBox()
        self.choice.addItem(self.tr("Follow the ladder") + (
            f" ({step_name(self.suggested)})" if self.suggested else ""), None)
        for number, choice in enumerate(CHOICES, start=1):
            self.choice.addItem(f"{number}  {step_name(choice)}", choice)
        self.choice.setCurrentIndex(0 if step is None else CHOICES.index(step) + 1)
        form.addRow(self.tr("Decision"), self.choice)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Required: what happened, in a sentence"))
        form.addRow(self.tr("Reason"), self.reason)
        self.deviation = QLineEdit()
        self.deviation.setPlaceholderText(self.tr("Required when you leave the ladder"))
        self.deviation_label = QLabel(self.tr("Why not the ladder"))
        form.addRow(self.deviation_label, self.deviation)
        layout.addLayout(form)
        self.buttons = ok_cancel(self, layout)
        for signal in (self.choice.currentIndexChanged, self.reason.textChanged,
                       self.deviation.textChanged):
            signal.connect(self._update)
        for field in (self.reason, self.deviation):
            field.returnPressed.connect(self._submit)
        self._update()
        self.reason.setFocus()
        self.resize(560, self.sizeHint().height())

    def step(self) -> Step | None:
        return self.choice.currentData()

    def deviating(self) -> bool:
        step = self.step()
        if step is None or step.decision == "dismiss":
            return False
        return self.suggested is None or step != self.suggested

    def _submit(self) -> None:
        """Enter in a text field confirms once everything required is filled in."""
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            self.accept()
        elif self.deviation.isVisible() and self.reason.text().strip():
            self.deviation.setFocus()

    def _update(self) -> None:
        deviating = self.deviating()
        self.deviation.setVisible(deviating)
        self.deviation_label.setVisible(deviating)
        ok = bool(self.reason.text().strip()) and (
            not deviating or bool(self.deviation.text().strip()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class AppealDialog(QDialog):
    """Answer an appeal: upheld, reduced to a lighter sanction, or overturned."""

    def __init__(self, detail: CaseDetail, outcome: str = AppealOutcome.UPHELD, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Answer the appeal"))
        self.setMinimumWidth(520)  # the member's statement and the reason need room
        layout = QVBoxLayout(self)
        original = detail.original
        old = Step.parse(original.decision) if original and original.decision else None
        text = QLabel(self.tr("<b>%1</b> appeals against: %2 (%3, decided by %4).").replace(
            "%1", detail.row.member_name).replace("%2", decision_name(
                original.decision if original else "")).replace(
            "%3", detail.original_reason).replace(
            "%4", original.decided_by_name if original else ""))
        text.setWordWrap(True)
        layout.addWidget(text)
        statement = QLabel("“" + detail.statement + "”")
        statement.setWordWrap(True)
        layout.addWidget(statement)
        form = QFormLayout()
        self.outcome = QComboBox()
        for number, value in enumerate(AppealOutcome, start=1):
            self.outcome.addItem(f"{number}  {outcome_name(value)}", str(value))
        self.outcome.setCurrentIndex(self.outcome.findData(str(outcome)))
        form.addRow(self.tr("Outcome"), self.outcome)
        self.reduce_to = QComboBox()
        for choice in CHOICES:
            if old and choice.decision != "dismiss" and choice.severity() < old.severity():
                self.reduce_to.addItem(step_name(choice), choice)
        self.reduce_label = QLabel(self.tr("Reduce to"))
        form.addRow(self.reduce_label, self.reduce_to)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Required: the member is told this"))
        form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(form)
        self.buttons = ok_cancel(self, layout)
        self.outcome.currentIndexChanged.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self._update()
        self.reason.setFocus()

    def _update(self) -> None:
        reducing = self.outcome.currentData() == AppealOutcome.REDUCED
        self.reduce_to.setVisible(reducing)
        self.reduce_label.setVisible(reducing)
        ok = bool(self.reason.text().strip()) and (not reducing or self.reduce_to.count() > 0)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> tuple[str, str, Step | None]:
        reducing = self.outcome.currentData() == AppealOutcome.REDUCED
        return (self.outcome.currentData(), self.reason.text().strip(),
                self.reduce_to.currentData() if reducing else None)


class ReasonDialog(QDialog):
    """Ask for the one required text an action needs (a lift's reason, an appeal's words)."""

    def __init__(self, title: str, prompt: str, parent=None, multiline: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.text = QPlainTextEdit() if multiline else QLineEdit()
        layout.addWidget(self.text)
        self.buttons = ok_cancel(self, layout)
        self.text.textChanged.connect(self._update)
        self._update()
        self.text.setFocus()
        self.resize(460, self.sizeHint().height())

    def value(self) -> str:
        text = self.text.toPlainText() if isinstance(self.text, QPlainTextEdit) else \
            self.text.text()
        return text.strip()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.value()))


class ReportDialog(QDialog):
    """File a report by hand (a staff discovery, or a member's report passed on by chat).

    OK does not close it: it emits `submitted` and the page closes it once the report is
    filed, or shows why not (an unknown member…) with everything typed still there.

    Signals:
        submitted(ReportIn): OK was pressed.
    """

    submitted = Signal(object)

    def __init__(self, rules, lang: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New report"))
        self.files: list[str] = []
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.member = QLineEdit()
        self.member.setPlaceholderText(self.tr("Platform id (微信号) or member id"))
        form.addRow(self.tr("Member"), self.member)
        self.rule = QComboBox()
        self.rule.addItem(self.tr("(decide later)"), None)
        for r in rules:
            if r.parent_id:
                self.rule.addItem(f"{r.code}  {r.title(lang)}", r.code)
        form.addRow(self.tr("Rule"), self.rule)
        self.evidence = QPlainTextEdit()
        self.evidence.setPlaceholderText(self.tr("The offending message, copied as it was"))
        self.evidence.setMaximumHeight(110)
        form.addRow(self.tr("Evidence"), self.evidence)
        self.link = QLineEdit()
        self.link.setPlaceholderText("https://…")
        form.addRow(self.tr("Link"), self.link)
        self.source = QComboBox()
        self.source.addItem(self.tr("I found it (staff discovery)"), "staff")
        self.source.addItem(self.tr("A member reported it"), "member")
        form.addRow(self.tr("Source"), self.source)
        files_row = QPushButton(self.tr("Attach screenshots…"))
        files_row.clicked.connect(self._choose_files)
        self.files_label = QLabel()
        self.files_label.setWordWrap(True)
        form.addRow(files_row, self.files_label)
        layout.addLayout(form)
        self.error = note_label()
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self, layout)
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(lambda: self.submitted.emit(self.report()))
        for signal in (self.member.textChanged, self.evidence.textChanged,
                       self.link.textChanged):
            signal.connect(self._update)
        self._update()
        self.resize(560, self.sizeHint().height())

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Evidence files"))
        self.files = paths
        self.files_label.setText("\n".join(Path(p).name for p in paths))
        self._update()

    def _update(self) -> None:
        has_evidence = bool(self.evidence.toPlainText().strip() or self.link.text().strip()
                            or self.files)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.member.text().strip()) and has_evidence)

    def show_error(self, field_name: str | None, message: str) -> None:
        """Keep the dialog open and say what to fix, next to where to fix it."""
        say(self.error, message, error=True)
        widget = {"member": self.member, "evidence": self.evidence, "link": self.link,
                  "rule": self.rule}.get(field_name or "")
        if widget is not None:
            widget.setFocus()

    def report(self) -> ReportIn:
        return ReportIn(member=self.member.text().strip(),
                        evidence=self.evidence.toPlainText(), rule=self.rule.currentData(),
                        link=self.link.text().strip() or None, source=self.source.currentData(),
                        files=tuple(Path(p) for p in self.files))
