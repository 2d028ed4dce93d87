"""Hint lines: under a form, turning red for a refusal (style.qss: QLabel#hint[error]),
and beside a page's title."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel

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


def heading(title: str, lead: str) -> QHBoxLayout:
    """A page's title with a line saying what the page is for beside it."""
    row = QHBoxLayout()
    label = QLabel(title)
    label.setObjectName("pageTitle")
    row.addWidget(label)
    hint = note_label()
    hint.setText(lead)
    row.addWidget(hint, 1)
    return row
