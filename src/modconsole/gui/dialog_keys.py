"""Keys in dialogs: Enter in a text field does what that field says; Ctrl+Enter presses OK."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout


def no_default_buttons(dialog: QDialog) -> None:
    """Turn off auto-default on every button, so Enter in a line edit that acts on its own
    (add a task, save a theme, find a member) does not also click the first button."""
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


def ok_cancel(dialog: QDialog, layout: QVBoxLayout) -> QDialogButtonBox:
    """OK and Cancel wired to the dialog; OK starts disabled until the form says otherwise.

    Ctrl+Enter presses OK from anywhere in the dialog, a multi-line text box included
    (where Enter starts a new line).
    """
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                               QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog, activated=lambda: ok.isEnabled() and ok.click())
    layout.addWidget(buttons)
    return buttons
