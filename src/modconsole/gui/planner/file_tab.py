"""What every tab of the activity file shares: the activity, the runner, a message line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from modconsole.gui.note_label import note_label, say
from modconsole.gui.operations import OperationRunner
from modconsole.gui.shortcuts import widget_shortcut
from modconsole.services.activities import Entry


class FileTab(QWidget):
    """A tab about one occurrence (`entry`) that loads and saves through the runner."""

    def __init__(self, runner: OperationRunner, entry: Entry, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.entry = entry
        self.message = note_label()

    def run(self, fn: Callable, label: str, on_done: Callable | None = None,
            changes=()) -> None:
        """Run `fn(session)`; a refusal is shown on the tab, in the person's words."""
        self.runner.run(fn, label=label, on_done=on_done, changes=changes,
                        on_error=lambda _exc, text: self.say(text, error=True))

    def add_save_row(self, layout, text: str) -> QPushButton:
        """A Save button (Ctrl+S anywhere in the tab) calling `self.save`, and the message."""
        bar = QHBoxLayout()
        button = QPushButton(text)
        bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        button.clicked.connect(self.save)
        widget_shortcut("Ctrl+S", self, self.save, with_children=True)
        return button

    def say(self, text: str, error: bool = False) -> None:
        say(self.message, text, error)

    def load(self) -> None:
        """Fill the tab from the database; each tab says what that means."""
        raise NotImplementedError
