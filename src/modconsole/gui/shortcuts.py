"""Shortcuts that act only while their widget has focus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def widget_shortcut(key: QKeySequence | QKeySequence.StandardKey | str, widget: QWidget,
                    slot: Callable, *, with_children: bool = False) -> QShortcut:
    """A shortcut for `widget` alone (or, `with_children`, for it and what it contains).

    The default (window-wide) context would make two lists that both bind
    Delete ambiguous, and then neither fires. The context is set after
    construction: PySide6 ignores a `context=` keyword here.
    """
    shortcut = QShortcut(QKeySequence(key), widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut if with_children
                        else Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)
    return shortcut
