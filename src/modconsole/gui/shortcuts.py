"""Shortcuts that act only while their widget has focus, and keys a text box must not keep."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
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


class _ShortcutsFirst(QObject):
    def __init__(self, parent: QWidget, keys: list[QKeySequence]):
        super().__init__(parent)
        self._keys = keys

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and any(
                QKeySequence(event.keyCombination()).matches(k) ==
                QKeySequence.SequenceMatch.ExactMatch for k in self._keys):
            event.ignore()  # not the text box's: the window's shortcut runs
            return True
        return False


def shortcuts_first(widget: QWidget, *keys: str) -> None:
    """Let the window's `keys` work while `widget` has focus.

    A line edit claims some Ctrl keys for editing (Ctrl+E moves to the end on
    Linux), so Ctrl+E, export, did nothing while the search box had focus.
    """
    widget.installEventFilter(_ShortcutsFirst(widget, [QKeySequence(k) for k in keys]))
