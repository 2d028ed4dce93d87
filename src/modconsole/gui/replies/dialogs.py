"""Phrase book dialogs: a template's history, import conflicts, and team settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from modconsole.domain.placeholders import Limit
from modconsole.gui.replies.labels import category_names
from modconsole.gui.role_names import role_names
from modconsole.services.phrasebook_files import Conflict
from modconsole.services.replies import CATEGORIES, Revision

ID_ROLE = Qt.ItemDataRole.UserRole


class HistoryDialog(QDialog):
    """Earlier versions, newest first; Restore brings the chosen one back."""

    def __init__(self, title: str, revisions: list[Revision], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of “{title}”").format(title=title))
        self.resize(720, 420)
        layout = QHBoxLayout(self)
        self.versions = QListWidget()
        for r in revisions:
            when = r.edited_at.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(self.tr("{when} — replaced by {who}").format(
                when=when, who=r.edited_by or self.tr("unknown")))
            item.setData(ID_ROLE, r)
            self.versions.addItem(item)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        right = QVBoxLayout()
        right.addWidget(self.body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore = buttons.addButton(self.tr("Restore this version"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        right.addWidget(buttons)
        layout.addWidget(self.versions, 1)
        layout.addLayout(right, 2)
        self.versions.currentItemChanged.connect(self._show)
        if revisions:
            self.versions.setCurrentRow(0)
        else:
            self.body.setPlainText(self.tr("No earlier versions: this template has not been "
                                           "edited since it was created."))
            self.restore.setEnabled(False)

    def _show(self, item) -> None:
        revision: Revision = item.data(ID_ROLE) if item else None
        self.body.setPlainText(f"{revision.title}\n\n{revision.body}" if revision else "")

    def chosen(self) -> Revision | None:
        item = self.versions.currentItem()
        return item.data(ID_ROLE) if item else None


class ConflictsDialog(QDialog):
    """Templates edited both here and in the imported file, side by side.

    Ticked ones take the file's version; the rest stay as they are here.
    """

    def __init__(self, conflicts: list[Conflict], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edited in both places"))
        self.resize(820, 460)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("These templates were changed here and in the file since they "
                               "last matched. Tick the ones to replace with the file's version; "
                               "the others stay as they are. Nothing is lost: a replaced text "
                               "goes to the template's history."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Template")), 0, 0)
        grid.addWidget(QLabel(self.tr("Here")), 0, 1)
        grid.addWidget(QLabel(self.tr("In the file")), 0, 2)
        self.boxes: dict[str, QCheckBox] = {}
        for row, c in enumerate(conflicts, start=1):
            box = QCheckBox(f"/{c.code} ({c.lang})")
            self.boxes[c.id] = box
            grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            for column, (title, body) in ((1, (c.mine_title, c.mine_body)),
                                          (2, (c.theirs_title, c.theirs_body))):
                text = QPlainTextEdit(f"{title}\n\n{body}")
                text.setReadOnly(True)
                text.setMaximumHeight(120)
                grid.addWidget(text, row, column)
        layout.addLayout(grid)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def take_theirs(self) -> set[str]:
        return {i for i, box in self.boxes.items() if box.isChecked()}


class PhrasebookSettingsDialog(QDialog):
    """Length limits per category, the review rule, and this person's role."""

    def __init__(self, limits: dict[str, Limit], review: bool, role: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Phrase book settings"))
        layout = QVBoxLayout(self)
        self.review = QCheckBox(self.tr("Team templates need a lead's approval before use"))
        self.review.setChecked(review)
        layout.addWidget(self.review)
        layout.addWidget(QLabel(self.tr("Your role on this console: {role} (change it in "
                                         "Settings → You).").format(role=role_names()[role])))
        hint = QLabel(self.tr("Length limits (0 = none). A preview over its category's limit "
                              "is marked in red."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Characters")), 0, 1)
        grid.addWidget(QLabel(self.tr("Bytes (UTF-8)")), 0, 2)
        self.spins: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        names = category_names()
        for row, category in enumerate(CATEGORIES, start=1):
            grid.addWidget(QLabel(names[category]), row, 0)
            limit = limits.get(category, Limit())
            pair = []
            for column, value in ((1, limit.chars), (2, limit.bytes)):
                spin = QSpinBox()
                spin.setRange(0, 100_000)
                spin.setSpecialValueText(self.tr("none"))
                spin.setValue(value or 0)
                grid.addWidget(spin, row, column)
                pair.append(spin)
            self.spins[category] = (pair[0], pair[1])
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def limits(self) -> dict[str, Limit]:
        return {c: Limit(chars.value() or None, size.value() or None)
                for c, (chars, size) in self.spins.items()}
