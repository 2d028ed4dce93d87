"""Swap a table model's rows for a fresh read while the views keep their place.

A reset drops the selection, the current row and the scroll: after another
console's change that throws a moderator off the case they were reading (and the
next key would decide another). Here the rows that are still there carry the
views' persistent indexes to their new positions; rows that went away lose them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from contextlib import suppress

from PySide6.QtCore import QAbstractItemModel, QModelIndex


def replace_rows(model: QAbstractItemModel, old_ids: Sequence[Hashable],
                 new_ids: Sequence[Hashable], install: Callable[[], None],
                 pad: Callable[[int], None]) -> None:
    """Move from rows `old_ids` to `new_ids`, one id per row.

    `install()` puts the new rows in the model's storage; `pad(n)` makes the storage
    `n` rows long, with placeholders past the real rows (never shown: they exist only
    between the insert or removal and the layout change around them).
    """
    old_count, new_count = len(old_ids), len(new_ids)
    if new_count > old_count:  # room first, so every kept row has a place to go
        model.beginInsertRows(QModelIndex(), old_count, new_count - 1)
        pad(new_count)
        model.endInsertRows()
    model.layoutAboutToBeChanged.emit()
    persistent = model.persistentIndexList()
    where = _positions(new_ids, {old_ids[i.row()] for i in persistent if i.row() < old_count})
    model.changePersistentIndexList(persistent, [
        model.index(where[key], i.column())
        if i.row() < old_count and (key := old_ids[i.row()]) in where else QModelIndex()
        for i in persistent])
    install()
    pad(max(old_count, new_count))
    model.layoutChanged.emit()
    if old_count > new_count:
        model.beginRemoveRows(QModelIndex(), new_count, old_count - 1)
        pad(new_count)
        model.endRemoveRows()


FEW = 16  # held ids found by a search each: the current row and a selection's ends


def _positions(new_ids: Sequence[Hashable], held: set) -> dict:
    """Where each held id is among `new_ids`. A view holds a few; a search per id runs in
    C, where one pass in Python over a million ids would hold the GUI thread for a while."""
    if len(held) > FEW:
        return {key: row for row, key in enumerate(new_ids) if key in held}
    found = {}
    for key in held:
        with suppress(ValueError):  # gone from the new rows
            found[key] = new_ids.index(key)
    return found
