"""Shortcuts that act only while their widget has focus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def widget_shortcut(key: QKeySequence | QKeySequence.StandardKey, widget: QWidget,
                    slot: Callable) -> QShortcut:
    """A shortcut for `widget` alone.

    The default (window-wide) context would make two lists that both bind
    Delete ambiguous, and then neither fires. The context is set after
    construction: PySide6 ignores a `context=` keyword here.
    """
    shortcut = QShortcut(QKeySequence(key), widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)
    return shortcut
