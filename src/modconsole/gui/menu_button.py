"""A push button that opens a menu, wide enough that its arrow never covers the text."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QPushButton


def give_menu(button: QPushButton, menu: QMenu) -> None:
    button.setMenu(menu)
    button.setProperty("menu", True)  # style.qss keeps room on the right for the arrow
    button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text()) + 48)
