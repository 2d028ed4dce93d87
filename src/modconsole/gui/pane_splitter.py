"""Side panes that fold away and come back, remembered between runs.

A page with a filter pane, a table and a detail pane is too wide for a
1024-pixel screen; each side pane gets a checkable action (toolbar button and
shortcut) and the splitter's sizes are saved in the GUI settings.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSplitter, QWidget

from modconsole.gui.qsettings import gui_settings


class PaneSplitter(QSplitter):
    """Widgets side by side; the one at `main` stretches and never folds away."""

    def __init__(self, key: str, widgets: list[QWidget], main: int, sizes: list[int],
                 parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._key = f"{key}/panes"
        self._main = main
        self._open_sizes = list(sizes)
        for widget in widgets:
            self.addWidget(widget)
        self.setCollapsible(main, False)
        self.setStretchFactor(main, 1)
        self.setSizes(sizes)
        self.actions_by_pane: dict[int, QAction] = {}
        state = gui_settings().value(self._key)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.splitterMoved.connect(self._moved)

    def pane_action(self, index: int, text: str, shortcut: str) -> QAction:
        """A checkable action showing or folding the pane at `index`."""
        action = QAction(text, self)
        action.setCheckable(True)
        action.setShortcut(QKeySequence(shortcut))
        keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({keys})")
        action.setChecked(self.is_open(index))
        action.toggled.connect(lambda shown: self.show_pane(index, shown))
        self.actions_by_pane[index] = action
        return action

    def is_open(self, index: int) -> bool:
        return self.sizes()[index] > 0

    def fold_if_narrow(self, index: int, below: int) -> None:
        """On a first start in a window narrower than `below`, start with the pane folded."""
        if gui_settings().value(self._key) is None and self.window().width() < below:
            self.show_pane(index, False)

    def show_pane(self, index: int, shown: bool) -> None:
        sizes = self.sizes()
        if shown == (sizes[index] > 0):
            return
        if shown:
            wanted = self._open_sizes[index]
            sizes[self._main] = max(sizes[self._main] - wanted, 1)
            sizes[index] = wanted
        else:
            self._open_sizes[index] = sizes[index]
            sizes[self._main] += sizes[index]
            sizes[index] = 0
        self.setSizes(sizes)
        self._moved()

    def _moved(self, *_args) -> None:
        sizes = self.sizes()
        for index, action in self.actions_by_pane.items():
            if sizes[index] > 0:
                self._open_sizes[index] = sizes[index]
            if action.isChecked() != (sizes[index] > 0):
                action.blockSignals(True)
                action.setChecked(sizes[index] > 0)
                action.blockSignals(False)
        gui_settings().setValue(self._key, self.saveState())
