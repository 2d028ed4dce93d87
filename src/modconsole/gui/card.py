"""A number with its caption in a framed box, styled by style.qss (#card).

A card that leads somewhere is clicked, or focused and opened with Enter or Space.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout


class Card(QFrame):
    clicked = Signal()

    def __init__(self, title: str, parent=None, *, opens: str = ""):
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
        if opens:
            self.setToolTip(opens)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setProperty("opens", True)

    def mouseReleaseEvent(self, event) -> None:
        if self.property("opens") and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if self.property("opens") and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter,
                                                     Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
