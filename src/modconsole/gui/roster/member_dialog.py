"""Adding one member by hand: the import's checks, with the problem shown beside its field."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from modconsole.gui.dialog_keys import ok_cancel
from modconsole.gui.i18n import localized
from modconsole.gui.note_label import say
from modconsole.gui.operations import OperationRunner
from modconsole.services.errors import FieldError
from modconsole.services.member_fields import FIELD_LABELS
from modconsole.services.member_import import add_member

TEXT_FIELDS = ("platform_id", "name", "nickname", "phone", "email", "region")


class AddMemberDialog(QDialog):
    """Signals: accepted after the member was written; `member_id` is then the new id."""

    def __init__(self, runner: OperationRunner, group_names: list[str], parent=None):
        super().__init__(parent)
        self._runner = runner
        self.member_id: str | None = None
        self.setWindowTitle(self.tr("New member"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        for key in TEXT_FIELDS:
            edit = QLineEdit()
            self.fields[key] = edit
            form.addRow(_label(key), edit)
        self.fields["platform_id"].setPlaceholderText(self.tr("Required: WeChat id, QQ number…"))
        self.fields["name"].setPlaceholderText(self.tr("Required"))
        gender = QComboBox()
        for value, text in (("", self.tr("not known")), ("男", "男"), ("女", "女")):
            gender.addItem(text, value)
        self.fields["gender"] = gender
        form.addRow(_label("gender"), gender)
        group = QComboBox()
        group.addItem(self.tr("(none)"), "")
        for name in group_names:
            group.addItem(name, name)
        self.fields["groups"] = group
        form.addRow(_label("groups"), group)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self, layout)
        for key in ("platform_id", "name"):
            self.fields[key].textChanged.connect(self._update)
        self._update()
        self.fields["platform_id"].setFocus()

    def _update(self) -> None:
        ok = all(self.fields[k].text().strip() for k in ("platform_id", "name"))
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(ok)

    def cells(self) -> dict[str, str]:
        return {key: (w.currentData() if isinstance(w, QComboBox) else w.text())
                for key, w in self.fields.items()}

    def accept(self) -> None:
        """Write the member; the dialog closes only when it landed."""
        cells = self.cells()
        self.buttons.setEnabled(False)
        self._runner.run(lambda s: add_member(s, cells), label=self.tr("Adding a member"),
                         changes={"members", "import"}, on_done=self._added,
                         on_error=self._refused)

    def _added(self, member_id: str) -> None:
        self.member_id = member_id
        super().accept()

    def _refused(self, exc, message: str) -> None:
        self.buttons.setEnabled(True)
        say(self.error, message, error=True)
        widget = self.fields.get(exc.field) if isinstance(exc, FieldError) else None
        if widget is not None:
            widget.setFocus()


def _label(key: str) -> str:
    return localized(FIELD_LABELS[key])
