"""The roster's smaller dialogs: export the current filter, and edit the class rules."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from modconsole.domain.classification import ClassRules, RulesError
from modconsole.domain.member_filter import MemberFilter
from modconsole.gui.i18n import localized
from modconsole.gui.operations import OperationRunner
from modconsole.gui.progress import run_with_progress
from modconsole.services import classification
from modconsole.services.member_export import COLUMNS, DEFAULT_COLUMNS, export_members
from modconsole.services.member_fields import field_label


class ExportDialog(QDialog):
    """Choose columns and a file; writes the members the roster's filter matches."""

    def __init__(self, runner: OperationRunner, f: MemberFilter, count: int | None,
                 parent=None):
        super().__init__(parent)
        self._runner, self._filter = runner, f
        self.setWindowTitle(self.tr("Export members"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        what = self.tr("All %n members matching the current filter.", "", count) \
            if count is not None else self.tr("The members matching the current filter.")
        layout.addWidget(QLabel(what))
        self.columns = QListWidget()
        for key in COLUMNS:
            item = QListWidgetItem(field_label(key, QCoreApplication.translate))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setCheckState(Qt.CheckState.Checked if key in DEFAULT_COLUMNS
                               else Qt.CheckState.Unchecked)
            self.columns.addItem(item)
        layout.addWidget(QLabel(self.tr("Columns")))
        layout.addWidget(self.columns)
        row = QHBoxLayout()
        self.path = QLineEdit(str(Path.home() / "members.xlsx"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        hint = QLabel(self.tr(".xlsx for Excel, .csv for anything else. Cells that start with "
                              "= + - @ are written as text, so no formula runs."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text(),
                                              self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            self.path.setText(path)

    def chosen_columns(self) -> list[str]:
        return [self.columns.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.columns.count())
                if self.columns.item(i).checkState() == Qt.CheckState.Checked]

    def start(self) -> None:
        out, columns, f = Path(self.path.text()), self.chosen_columns(), self._filter

        def done(count):
            self.accept()
            self.parent().window().statusBar().showMessage(
                self.tr("Exported %n members to {path}.", "", count).format(path=out), 10000)

        run_with_progress(self, self._runner,
                          lambda s, progress: export_members(
                              s, f, out, columns, progress=progress,
                              translate=QCoreApplication.translate),
                          label=self.tr("Exporting members"), on_done=done)


class RulesDialog(QDialog):
    """The classification thresholds; saving recomputes every member.

    Signals:
        saved(): the rules were stored.
    """

    saved = Signal()

    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self._runner = runner
        self.setWindowTitle(self.tr("Class rules"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        captions = {
            "active_within_days": self.tr("Active: active within (days)"),
            "active_min_actions": self.tr("Active: at least (posts + comments + likes)"),
            "contributor_min_quality_posts": self.tr("Contributor: quality posts at least"),
            "paying_min_cents": self.tr("Paying: paid at least (fen)"),
            "core_percent": self.tr("Core layer: top (%)"),
            "potential_percent": self.tr("Potential layer: next (%)"),
            "stage_active_streak_days": self.tr("Active stage: days in a row"),
            "stage_leader_min_conversions": self.tr("Leader stage: conversions at least"),
        }
        self.spins: dict[str, QSpinBox] = {}
        for key, caption in captions.items():
            spin = QSpinBox()
            spin.setRange(0, 100 if key.endswith("percent") else 10_000_000)
            form.addRow(caption, spin)
            self.spins[key] = spin
        self.churn = QLineEdit()
        self.churn.setPlaceholderText("3, 7, 14, 30")
        form.addRow(self.tr("Churn warning levels start after (days)"), self.churn)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("warning")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.RestoreDefaults
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Save and recompute"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self._show(ClassRules()))
        layout.addWidget(buttons)
        runner.run(classification.load_rules, label=self.tr("Loading the rules"),
                   on_done=self._show)

    def _show(self, rules: ClassRules) -> None:
        for key, spin in self.spins.items():
            spin.setValue(getattr(rules, key))
        self.churn.setText(", ".join(str(d) for d in rules.churn_days))

    def rules(self) -> ClassRules:
        values = {key: spin.value() for key, spin in self.spins.items()}
        try:
            days = tuple(int(part) for part in self.churn.text().replace("，", ",").split(",")
                         if part.strip())
        except ValueError:
            raise RulesError(self.tr("churn days must be whole numbers separated by "
                                     "commas")) from None
        return ClassRules(**values, churn_days=days)

    def _save(self) -> None:
        try:
            rules = self.rules()
        except RulesError as exc:
            self.error.setText(localized(exc))
            return

        def done(_result):
            self.accept()
            self.saved.emit()

        self._runner.run(lambda s: classification.save_rules(s, rules),
                         label=self.tr("Saving the rules"), on_done=done, write=True)
