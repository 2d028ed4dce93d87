"""Ctrl+K: type to find any command of any page and run it with Enter."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout


@dataclass(frozen=True)
class Entry:
    """One line of the palette: where it lives, its action, and what typing finds it."""

    place: str  # the page's title, or "" for the window's own commands
    action: QAction
    words: str  # casefolded: shown name, English name, pinyin and its initials

    @classmethod
    def of(cls, place: str, action: QAction) -> Entry:
        from pypinyin import Style, lazy_pinyin  # loaded after start (main_window.LATER)

        shown = action.text().replace("&", "")
        syllables = lazy_pinyin(f"{place}{shown}", style=Style.NORMAL, errors="ignore")
        initials = "".join(s[0] for s in syllables if s)
        english = action.property("english") or ""
        words = " ".join((place, shown, english, "".join(syllables), initials)).casefold()
        return cls(place, action, words)

    def label(self) -> str:
        shown = self.action.text().replace("&", "")
        return f"{self.place} › {shown}" if self.place else shown


class CommandPalette(QDialog):
    """A filterable list of commands; arrows move, Enter runs, Esc closes.

    `open_place(place)` shows a command's page before the command runs.
    """

    def __init__(self, entries: list[Entry], open_place=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Command palette"))
        self.setModal(True)
        self.resize(520, 420)
        self._entries = [e for e in entries if e.action.text()]
        self._open_place = open_place
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a command, in Chinese, English or pinyin…"))
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
        needles = text.casefold().split()
        for entry in self._entries:
            if not all(n in entry.words for n in needles):
                continue
            keys = entry.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            item = QListWidgetItem(f"{entry.label()}\t{keys}" if keys else entry.label())
            item.setData(Qt.ItemDataRole.UserRole, entry)
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
        entry = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
        if entry.place and self._open_place is not None:
            self._open_place(entry.place)
        entry.action.trigger()
