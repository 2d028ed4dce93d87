"""Named commands: a QAction in the reader's language that remembers its English name.

The command palette (Ctrl+K) lists every page's commands and matches what is
typed against the shown name, the English one and the shown name's pinyin
(full or initials: "dbq" finds 打标签), so "demo" works in the Chinese UI too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from modconsole.domain.messages import Message
from modconsole.gui.i18n import localized


def command(parent: QWidget, name: Message, slot: Callable, keys: str | None = None, *,
            bound: bool = True) -> QAction:
    """An action named `name`; `bound` puts its shortcut on `parent` (pages whose keys are
    QShortcuts pass False: the palette then only shows the keys)."""
    text = localized(name)
    action = QAction(text, parent)
    action.setProperty("english", str(name))
    if keys:
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(f"{text} ({QKeySequence(keys).toString()})")
    action.triggered.connect(lambda _checked=False: slot())
    if bound:
        parent.addAction(action)
    return action
