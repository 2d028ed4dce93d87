"""A table model over a keyset-paged query: the first page at once, more as the view scrolls.

For lists worked from the top (the queue, the audit log). The page query
and the count run on the worker; `data()` reads the held rows only. A
generation number drops late pages that belong to an earlier filter.
Subclasses say how to fetch a page, count, and show a cell.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal

from modconsole.gui.kept_rows import replace_rows
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
        row = self._rows[index.row()] if index.isValid() else None
        return None if row is None else self.cell(row, index.column(), role)

    def canFetchMore(self, parent=NO_PARENT) -> bool:
        return not parent.isValid() and self._more and not self._busy

    def fetchMore(self, parent=NO_PARENT) -> None:
        if self.canFetchMore(parent):
            self._fetch(self._rows[-1].key)

    # -- loading ------------------------------------------------------------------------
    def _replace(self, rows: list) -> None:
        """The fresh rows in, the views' selection and current row kept on their records."""
        def install() -> None:
            self._rows = rows

        def pad(count: int) -> None:
            del self._rows[count:]
            self._rows += [None] * (count - len(self._rows))

        identity = [self.row_id(r) for r in self._rows], [self.row_id(r) for r in rows]
        replace_rows(self, *identity, install, pad)

    @staticmethod
    def row_id(row):
        """What a row is across reloads: its record's id, else its keyset position."""
        return getattr(row, "id", None) or row.key

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def reload(self, *, refilter: bool = False) -> None:
        """Read the rows again: as many as were loaded (a person scrolled far down stays
        there), or one page after a new filter."""
        self._generation += 1
        self._busy = False
        self._fetch(None, reset=True,
                    limit=self.page_size if refilter else max(self.page_size, len(self._rows)))
        job, generation = self.count_job(), self._generation
        if job is not None:
            self.runner.run(job, label=QCoreApplication.translate("KeysetModel", "Counting"),
                            on_done=lambda n: generation == self._generation and
                            self.counted.emit(n))

    def _fetch(self, after, reset: bool = False, limit: int | None = None) -> None:
        self._busy = True
        generation, limit = self._generation, limit or self.page_size
        self.runner.run(self.page_job(after, limit),
                        label=QCoreApplication.translate("KeysetModel", "Loading"),
                        on_done=lambda rows: self._arrived(generation, rows, reset, limit),
                        on_error=lambda _e, _m: self._arrived(generation, [], reset, limit))

    def _arrived(self, generation: int, rows: list, reset: bool, limit: int) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self._more = len(rows) == limit
        if reset:
            self._replace(list(rows))
        elif rows:
            start = len(self._rows)
            self.beginInsertRows(NO_PARENT, start, start + len(rows) - 1)
            self._rows += rows
            self.endInsertRows()
        self.loaded.emit()
