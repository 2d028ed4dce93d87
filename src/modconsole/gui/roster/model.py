"""The roster's table model: a million members without a million queries.

The model holds only rowids, in SQL order, fetched a keyset page at a time
on the worker thread; the row count grows as pages arrive. Row contents are
loaded for whole blocks of rows as they scroll into sight, cached (LRU), and
shown as "…" until they arrive — `data()` never touches the database. Every
reset bumps a generation so late answers for an old filter are dropped.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from modconsole.domain.member_filter import MemberFilter
from modconsole.gui.kept_rows import replace_rows
from modconsole.gui.operations import Operation, OperationRunner
from modconsole.services import roster
from modconsole.services.roster import MemberRow

ID_PAGE = 20_000
BLOCK = 100
CACHED_BLOCKS = 60
GONE = -1  # a row about to be removed, during a reorder
DISPLAY = Qt.ItemDataRole.DisplayRole
NO_PARENT = QModelIndex()
Entry = tuple[MemberRow, tuple[str, ...]]  # a row and its cells' texts, in COLUMNS order


@dataclass(frozen=True)
class RosterColumn:
    key: str
    sort: str | None  # the SQL sort key, None when SQL cannot sort by it
    width: int


COLUMNS = (
    RosterColumn("name", "name", 90),
    RosterColumn("nickname", "nickname", 140),
    RosterColumn("groups", None, 130),
    RosterColumn("tags", None, 260),
    RosterColumn("layer", "layer", 70),
    RosterColumn("class", "member_class", 80),
    RosterColumn("stage", "growth_stage", 80),
    RosterColumn("last_active", "last_active_at", 120),
    RosterColumn("points", "points", 70),
    RosterColumn("status", "status", 70),
    RosterColumn("region", "region", 80),
    RosterColumn("platform_id", "platform_id", 150),
)
POINTS, TAGS = (next(i for i, c in enumerate(COLUMNS) if c.key == key)  # right-aligned; chips
                for key in ("points", "tags"))


class RosterModel(QAbstractTableModel):
    """Rows of `MemberRow` with their ready-made texts; the table paints from `entry`.

    Signals:
        loading(bool): id pages are (still) being fetched.
        total_known(int): every id of the current filter has arrived.
    """

    loading = Signal(bool)
    total_known = Signal(int)

    def __init__(self, runner: OperationRunner, labels: dict, parent: QObject | None = None):
        super().__init__(parent)
        self._runner = runner
        self._labels = labels  # column key -> header text; value names -> shown text
        self.filter = MemberFilter()
        self.sort_key, self.descending = "name", False
        self._rowids = array("q")
        self._blocks: OrderedDict[int, list[Entry]] = OrderedDict()
        self._asked: set[int] = set()
        self._generation = 0
        self._loading_ids: Operation | None = None  # the page of ids being read, if any
        # Where the id list goes on once the row blocks asked for have arrived: the ids of a
        # million members load on a reader thread, but their Python work would hold the
        # interpreter while the worker reads the rows on screen.
        self._ids_after: tuple | None = None

    # -- Qt model interface ------------------------------------------------------
    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rowids)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._labels["columns"][COLUMNS[section].key]
        return None

    def data(self, index, role=DISPLAY):
        if role != DISPLAY or not index.isValid():
            return None
        entry = self.entry(index.row())
        return entry[1][index.column()] if entry else "…"

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].sort if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.reload()

    # -- rows ------------------------------------------------------------------------
    def entry(self, row: int) -> Entry | None:
        """The row and its texts if loaded; otherwise asks for its block and returns None.

        The table calls this once a row a frame, so it also loads the block the
        view is heading into: scrolling on then shows rows, not "…".
        """
        if not 0 <= row < len(self._rowids):
            return None
        block, offset = divmod(row, BLOCK)
        loaded = self._blocks.get(block)
        if loaded is None:
            self._fetch_block(block)
            return None
        self._blocks.move_to_end(block)
        ahead = block + 1 if offset >= BLOCK // 2 else block - 1
        if ahead not in self._blocks and 0 <= ahead * BLOCK < len(self._rowids):
            self._fetch_block(ahead)
        return loaded[offset] if offset < len(loaded) else None

    def rowids_in(self, first: int, last: int) -> array:
        """The rowids of rows first..last (loaded or not): a slice, no row read."""
        return self._rowids[first:last + 1]

    def row_at(self, row: int) -> MemberRow | None:
        """The row if loaded; otherwise asks for its block and returns None."""
        entry = self.entry(row)
        return entry[0] if entry else None

    def member_id(self, row: int) -> str | None:
        loaded = self.row_at(row)
        return loaded.id if loaded else None

    def _entry(self, row: MemberRow) -> Entry:
        return row, tuple(self._text(row, c.key) for c in COLUMNS)

    def _text(self, row: MemberRow, key: str) -> str:
        names = self._labels["values"]
        if key == "tags":
            return " ".join(row.tags)
        if key == "groups":
            return ", ".join(row.groups)
        if key == "layer":
            return names.get(row.layer, row.layer or "")
        if key == "class":
            return names.get(row.member_class, row.member_class or "")
        if key == "stage":
            return names.get(f"stage.{row.growth_stage}", row.growth_stage or "")
        if key == "status":
            return names.get(f"status.{row.status}", row.status)
        if key == "last_active":
            return row.last_active_at.astimezone().strftime("%Y-%m-%d %H:%M") \
                if row.last_active_at else ""
        if key == "points":
            return f"{row.points:,}"
        return str(getattr(row, key) or "")

    # -- loading ------------------------------------------------------------------------
    def set_filter(self, f: MemberFilter) -> None:
        self.filter = f
        self.reload()

    def reload(self) -> None:
        """Drop everything and fetch the ids again (filter, sort or data changed); ids
        still being read for the old order are abandoned mid-statement."""
        self._generation += 1
        if self._loading_ids is not None:
            self._loading_ids.cancel()
        self._ids_after = None
        self.beginResetModel()
        self._rowids = array("q")
        self._blocks.clear()
        self._asked.clear()
        self.endResetModel()
        self.loading.emit(True)
        self._fetch_ids(self._generation, None)

    def refresh_order(self) -> None:
        """Read the ids again and move the view's selection, current row and scroll along
        with their members: another console's change must not throw a person out of the
        row they were working on. The ids are read in one job on a reader thread."""
        self._generation += 1
        generation, f, sort, desc = self._generation, self.filter, self.sort_key, self.descending
        if self._loading_ids is not None:
            self._loading_ids.cancel()
        self._ids_after = None

        def job(session):
            ids, after = array("q"), None
            while True:
                rowids, after = roster.member_rowids(session, f, sort=sort, descending=desc,
                                                     after=after, limit=ID_PAGE)
                ids.extend(rowids)
                if after is None:
                    return ids

        self._loading_ids = self._runner.run(
            job, label=self.tr("Loading members"), background=True,
            on_done=lambda ids: self._reordered(generation, ids),
            on_error=lambda _exc, message: self._failed(generation, message))

    def _reordered(self, generation: int, new: array) -> None:
        if generation != self._generation:
            return
        new_count = len(new)
        if new != self._rowids:
            old = array("q", self._rowids)

            def install() -> None:
                self._rowids = new

            def pad(count: int) -> None:
                del self._rowids[count:]
                self._rowids.extend(array("q", [GONE]) * (count - len(self._rowids)))

            replace_rows(self, old, new, install, pad)
        self._generation += 1  # blocks asked for under the old order are not these rows
        self._blocks.clear()
        self._asked.clear()
        if new_count:
            self.dataChanged.emit(self.index(0, 0), self.index(new_count - 1, len(COLUMNS) - 1))
        self.loading.emit(False)
        self.total_known.emit(new_count)

    def refresh_rows(self) -> None:
        """Reload the visible rows' contents only (a tag or field changed, not the order)."""
        self._blocks.clear()
        self._asked.clear()
        if self._rowids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rowids) - 1, len(COLUMNS) - 1))

    def _fetch_ids(self, generation: int, after: tuple | None) -> None:
        f, sort, desc = self.filter, self.sort_key, self.descending
        limit = 500 if after is None else ID_PAGE  # a small first page paints at once

        def job(session):
            return roster.member_rowids(session, f, sort=sort, descending=desc, after=after,
                                        limit=limit)

        self._loading_ids = self._runner.run(
            job, label=self.tr("Loading members"), background=True,
            on_done=lambda result: self._ids_arrived(generation, *result),
            on_error=lambda _exc, message: self._failed(generation, message))

    def _ids_arrived(self, generation: int, rowids: list[int], next_key) -> None:
        if generation != self._generation:
            return
        if rowids:
            first = len(self._rowids)
            self.beginInsertRows(QModelIndex(), first, first + len(rowids) - 1)
            self._rowids.extend(rowids)
            self.endInsertRows()
        if next_key is None:
            self.loading.emit(False)
            self.total_known.emit(len(self._rowids))
        elif self._asked:  # rows someone is looking at go first; the rest of the ids wait
            self._ids_after = next_key
        else:
            self._fetch_ids(generation, next_key)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.loading.emit(False)
            self._runner.error.emit(message)

    def _fetch_block(self, block: int) -> None:
        if block in self._asked:
            return
        self._asked.add(block)
        generation = self._generation
        rowids = list(self._rowids[block * BLOCK:(block + 1) * BLOCK])

        def job(session):  # texts are formatted here, off the GUI thread; a member gone
            # since the ids were read (a sync took the team's rows) stays "…" until they
            # are read again
            return [r and self._entry(r) for r in roster.load_rows_at(session, rowids)]

        def failed(_exc, message: str) -> None:
            self._block_answered(generation, block)
            self._failed(generation, message)

        self._runner.run(job, label=self.tr("Loading members"), urgent=True,
                         on_done=lambda loaded: self._block_arrived(generation, block, loaded),
                         on_error=failed)

    def _block_answered(self, generation: int, block: int) -> None:
        """A row block is back (or failed): with none left out, the id list goes on."""
        if generation != self._generation:
            return
        self._asked.discard(block)
        if not self._asked and self._ids_after is not None:
            after, self._ids_after = self._ids_after, None
            self._fetch_ids(generation, after)

    def _block_arrived(self, generation: int, block: int, loaded: list[Entry]) -> None:
        if generation != self._generation:
            return
        self._block_answered(generation, block)
        self._blocks[block] = loaded
        while len(self._blocks) > CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        first = block * BLOCK
        last = min(len(self._rowids), first + BLOCK) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
