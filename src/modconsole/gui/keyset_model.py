"""A table model over a keyset-paged query: the first page at once, more as the view scrolls.

For lists worked from the top (the queue, the audit log). The page query
and the count run on the worker; `data()` reads the held rows only. A
generation number drops late pages that belong to an earlier filter.
Subclasses say how to fetch a page, count, and show a cell.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal

from modconsole.gui.operations import OperationRunner

NO_PARENT = QModelIndex()


class KeysetTableModel(QAbstractTableModel):
    """Rows of any type with a `key` (the keyset position after it).

    Signals:
        loaded(): a page arrived (or the list turned out empty).
        counted(int): the exact number of rows the current filter matches.
    """

    loaded = Signal()
    counted = Signal(int)
    page_size = 100

    def __init__(self, runner: OperationRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self._rows: list = []
        self._more = False
        self._busy = False
        self._generation = 0

    # -- for subclasses -----------------------------------------------------------------
    def headers(self) -> list[str]:
        raise NotImplementedError

    def page_job(self, after, limit: int) -> Callable:
        """A worker job `fn(session) -> rows` for the page after `after`."""
        raise NotImplementedError

    def count_job(self) -> Callable | None:
        return None

    def cell(self, row, column: int, role) -> object:
        raise NotImplementedError

    # -- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def canFetchMore(self, parent=NO_PARENT) -> bool:
        return not parent.isValid() and self._more and not self._busy

    def fetchMore(self, parent=NO_PARENT) -> None:
        if self.canFetchMore(parent):
            self._fetch(self._rows[-1].key)

    # -- loading ------------------------------------------------------------------------
    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def reload(self) -> None:
        self._generation += 1
        self._busy = False
        self._fetch(None, reset=True)
        job, generation = self.count_job(), self._generation
        if job is not None:
            self.runner.run(job, label=QCoreApplication.translate("KeysetModel", "Counting"),
                            on_done=lambda n: generation == self._generation and
                            self.counted.emit(n))

    def _fetch(self, after, reset: bool = False) -> None:
        self._busy = True
        generation = self._generation
        self.runner.run(self.page_job(after, self.page_size),
                        label=QCoreApplication.translate("KeysetModel", "Loading"),
                        on_done=lambda rows: self._arrived(generation, rows, reset),
                        on_error=lambda _e, _m: self._arrived(generation, [], reset))

    def _arrived(self, generation: int, rows: list, reset: bool) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self._more = len(rows) == self.page_size
        if reset:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
        elif rows:
            start = len(self._rows)
            self.beginInsertRows(NO_PARENT, start, start + len(rows) - 1)
            self._rows += rows
            self.endInsertRows()
        self.loaded.emit()
