"""Enter presses the focused push button, as Space does, on pages as in dialogs.

Qt lets Enter press only a dialog's default button; on a page (the
dashboard's "Load demo community", say) a keyboard user tabbed to a button
and pressed Enter to no effect. The filter is put on each button as it first
takes the focus, so no other event pays for it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QPushButton

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterPressesButtons(QObject):
    """Create once per application; it watches focus changes."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        app.focusChanged.connect(self._focused)

    def _focused(self, _old, new) -> None:
        if isinstance(new, QPushButton) and not new.property("enterPresses"):
            new.setProperty("enterPresses", True)
            new.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in ENTER_KEYS \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier \
                and isinstance(watched, QPushButton) and watched.isEnabled():
            watched.animateClick()
            return True
        return False


def enter_presses_buttons(app: QApplication) -> None:
    """Install the behaviour once per application (later calls do nothing)."""
    if app.property("enterPressesButtons") is None:
        app.setProperty("enterPressesButtons", True)
        EnterPressesButtons(app)  # parented to the app, so it lives as long
