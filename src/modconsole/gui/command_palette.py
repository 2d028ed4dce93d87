"""Ctrl+K: type to find any action of the window and run it with Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout


class CommandPalette(QDialog):
    """A filterable list of QActions; arrows move, Enter runs, Esc closes."""

    def __init__(self, actions: list[QAction], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Command palette"))
        self.setModal(True)
        self.resize(460, 360)
        self._actions = [a for a in actions if a.text()]
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a command…"))
        self.list = QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self._fill)
        self.search.returnPressed.connect(self._run_current)
        self.list.itemActivated.connect(lambda _item: self._run_current())
        self.search.installEventFilter(self)
        self._fill("")

    def _fill(self, text: str) -> None:
        self.list.clear()
        needle = text.casefold().strip()
        for action in self._actions:
            label = action.text().replace("&", "")
            if needle and needle not in label.casefold():
                continue
            shortcut = action.shortcut().toString(action.shortcut().SequenceFormat.NativeText)
            item = QListWidgetItem(f"{label}\t{shortcut}" if shortcut else label)
            item.setData(Qt.ItemDataRole.UserRole, action)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, obj, event) -> bool:
        """Up/Down in the search field move the selection in the list."""
        arrows = (Qt.Key.Key_Down, Qt.Key.Key_Up)
        if (obj is self.search and isinstance(event, QKeyEvent)
                and event.type() == event.Type.KeyPress and event.key() in arrows):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
            self.list.setCurrentRow(row)
            return True
        return super().eventFilter(obj, event)

    def _run_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        action = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
        action.trigger()
