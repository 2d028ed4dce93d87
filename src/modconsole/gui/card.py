"""A number with its caption in a framed box, styled by style.qss (#card)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout


class Card(QFrame):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        self.value = QLabel("—")
        self.value.setObjectName("cardValue")
        caption = QLabel(title)
        caption.setObjectName("cardCaption")
        caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(caption)
