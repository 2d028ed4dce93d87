"""A hint line under a form that turns red for a refusal (style.qss: QLabel#hint[error])."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

# The red of refusals and problems in lists (style.qss uses the same for labels).
ERROR_COLOR = QColor("#b3261e")


def note_label() -> QLabel:
    label = QLabel()
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def say(label: QLabel, text: str, error: bool = False) -> None:
    label.setProperty("error", error)
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text)
