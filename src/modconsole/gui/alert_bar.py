"""A bar across the top of the window for a state that lasts: a read-only or damaged
database. It says what is wrong and what can still be done, with buttons for the ways out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class AlertBar(QFrame):
    """Hidden until `show_alert`; style.qss colours QFrame#alertBar."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("alertBar")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(12, 8, 12, 8)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self._layout.addWidget(self.text, 1)
        self._buttons: list[QPushButton] = []
        self.hide()

    def show_alert(self, text: str, actions: tuple[tuple[str, Callable], ...] = ()) -> None:
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        self.text.setText(text)
        for label, slot in actions:
            button = QPushButton(label)
            button.clicked.connect(slot)
            self._layout.addWidget(button)
            self._buttons.append(button)
        self.show()
