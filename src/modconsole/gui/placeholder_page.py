"""A page whose workspace is not built yet: it says what will be there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    """Title, a one-line purpose and the list of what the workspace will hold."""

    def __init__(self, title: str, purpose: str, coming: list[str], parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        lead = QLabel(purpose)
        lead.setWordWrap(True)
        lead.setObjectName("pageLead")
        soon = QLabel(self.tr("Coming to this page:"))
        soon.setObjectName("sectionTitle")
        items = QLabel("<ul>" + "".join(f"<li>{line}</li>" for line in coming) + "</ul>")
        items.setTextFormat(Qt.TextFormat.RichText)
        items.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(lead)
        layout.addWidget(soon)
        layout.addWidget(items)
        layout.addStretch(1)
