"""Enter in a dialog's text field should do what that field says, not press a button."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton


def no_default_buttons(dialog: QDialog) -> None:
    """Turn off auto-default on every button, so Enter in a line edit that acts on its own
    (add a task, save a theme, find a member) does not also click the first button."""
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)
