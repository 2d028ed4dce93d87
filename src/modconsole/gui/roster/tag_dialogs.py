"""Choosing tags to add or remove on many members, and managing the tags themselves."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from modconsole.gui.operations import OperationRunner
from modconsole.gui.shortcuts import widget_shortcut
from modconsole.services import tags

ID_ROLE = Qt.ItemDataRole.UserRole


def fill_tag_tree(tree: QTreeWidget, groups, checkable_columns=(), counts=False) -> None:
    """Groups as parents, tags as children; tag items get check boxes in the given columns."""
    tree.clear()
    for group in groups:
        label = group.name or QCoreApplication.translate("TagTree", "(no group)")
        if group.exclusive:
            label += " " + QCoreApplication.translate("TagTree", "(one per member)")
        parent = QTreeWidgetItem([label])
        parent.setData(0, ID_ROLE, ("group", group.id))
        if group.color:
            parent.setForeground(0, QColor(group.color))
        tree.addTopLevelItem(parent)
        for tag in group.tags:
            item = QTreeWidgetItem(parent, [tag.name])
            item.setData(0, ID_ROLE, ("tag", tag.id))
            if counts:
                item.setText(1, f"{tag.members:,}")
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            for column in checkable_columns:
                item.setCheckState(column, Qt.CheckState.Unchecked)
        parent.setExpanded(True)


def filter_tree(tree: QTreeWidget, text: str) -> None:
    text = text.strip().lower()
    for i in range(tree.topLevelItemCount()):
        parent = tree.topLevelItem(i)
        shown = 0
        for j in range(parent.childCount()):
            child = parent.child(j)
            hit = not text or text in child.text(0).lower() or text in parent.text(0).lower()
            child.setHidden(not hit)
            shown += hit
        parent.setHidden(shown == 0)


def searchable_tag_tree(layout: QVBoxLayout, headers: list[str],
                        name_width: int) -> tuple[QLineEdit, QTreeWidget]:
    """A "Find a tag" box above a tag tree it filters as you type."""
    search = QLineEdit()
    search.setPlaceholderText(QCoreApplication.translate("TagTree", "Find a tag"))
    search.setClearButtonEnabled(True)
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setColumnWidth(0, name_width)
    search.textChanged.connect(lambda text: filter_tree(tree, text))
    layout.addWidget(search)
    layout.addWidget(tree)
    return search, tree


class BulkTagDialog(QDialog):
    """Tick tags to add and to remove, and choose: the selection or the whole filter.

    From the keyboard: Space or A ticks Add on the current tag, R ticks Remove,
    Ctrl+N creates a tag (ticked to add) in the current tag's group.
    """

    def __init__(self, groups, selected: int, matching: int | None, parent=None, *,
                 runner: OperationRunner | None = None, whole_filter: bool = False):
        super().__init__(parent)
        self._runner = runner
        self.setWindowTitle(self.tr("Tag members"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(440, 520)
        layout = QVBoxLayout(self)
        self.search, self.tree = searchable_tag_tree(
            layout, [self.tr("Tag"), self.tr("Add"), self.tr("Remove")], 240)
        fill_tag_tree(self.tree, groups, checkable_columns=(1, 2))
        self.on_selection = QRadioButton(self.tr("The %n selected members", "", selected))
        count = f"{matching:,}" if matching is not None else "…"
        self.on_filter = QRadioButton(
            self.tr("All {count} members matching the filter").format(count=count)
        )
        self.on_selection.setEnabled(selected > 0)
        (self.on_selection if selected and not whole_filter else self.on_filter).setChecked(True)
        layout.addWidget(self.on_selection)
        layout.addWidget(self.on_filter)
        self.new_tag = QPushButton(self.tr("New tag… (Ctrl+N)"))
        self.new_tag.setEnabled(runner is not None)
        self.new_tag.clicked.connect(self.create_tag)
        widget_shortcut("Ctrl+N", self, self.create_tag, with_children=True)
        layout.addWidget(self.new_tag, 0, Qt.AlignmentFlag.AlignLeft)
        self.tree.installEventFilter(self)
        self.note = QLabel(
            self.tr(
                "Space or A ticks Add, R ticks Remove. Adding a tag of a one-per-member group "
                "replaces the member's other tag of that group. Ctrl+Z undoes."
            )
        )
        self.note.setWordWrap(True)
        self.note.setObjectName("hint")
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Apply"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.search.setFocus()

    def eventFilter(self, watched, event) -> bool:
        """Space/A and R tick the current tag's Add and Remove boxes."""
        if watched is self.tree and event.type() == QEvent.Type.KeyPress and \
                not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            column = {Qt.Key.Key_Space: 1, Qt.Key.Key_A: 1, Qt.Key.Key_R: 2}.get(event.key())
            item = self.tree.currentItem()
            if column and item is not None and item.parent() is not None:
                ticked = item.checkState(column) == Qt.CheckState.Checked
                item.setCheckState(column, Qt.CheckState.Unchecked if ticked
                                   else Qt.CheckState.Checked)
                return True
        return super().eventFilter(watched, event)

    def create_tag(self) -> None:
        """Ask for a name; the new tag joins the current group and is ticked to add."""
        if self._runner is None:
            return
        item = self.tree.currentItem()
        if item is not None and item.parent() is not None:
            item = item.parent()
        group_id = item.data(0, ID_ROLE)[1] if item is not None else None
        name, ok = QInputDialog.getText(self, self.tr("New tag"), self.tr("Name"))
        if not ok or not name.strip():
            return
        add, remove = self._ticked(1), self._ticked(2)

        def create(s):
            tag = tags.create_tag(s, name, group_id or None)
            return tag.id, tags.overview(s, with_counts=False)

        def done(result):
            tag_id, groups = result
            fill_tag_tree(self.tree, groups, checkable_columns=(1, 2))
            for child in self._tag_items():
                ident = child.data(0, ID_ROLE)[1]
                for column, wanted in ((1, {*add, tag_id}), (2, set(remove))):
                    if ident in wanted:
                        child.setCheckState(column, Qt.CheckState.Checked)
                if ident == tag_id:
                    self.tree.setCurrentItem(child)
            self.tree.setFocus()

        self._runner.run(create, label=self.tr("Creating a tag"), changes={"tags"},
                         on_done=done)

    def _tag_items(self):
        for i in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(i)
            for j in range(parent.childCount()):
                yield parent.child(j)

    def _ticked(self, column: int) -> list[str]:
        return [child.data(0, ID_ROLE)[1] for child in self._tag_items()
                if child.checkState(column) == Qt.CheckState.Checked]

    def choice(self) -> tuple[list[str], list[str], bool]:
        """(tags to add, tags to remove, whether it is for the whole filter)."""
        return self._ticked(1), self._ticked(2), self.on_filter.isChecked()

    def _accept(self) -> None:
        add, remove, _ = self.choice()
        if not add and not remove:
            QMessageBox.information(
                self, self.windowTitle(), self.tr("Tick at least one tag to add or remove.")
            )
            return
        if set(add) & set(remove):
            QMessageBox.information(
                self, self.windowTitle(), self.tr("A tag cannot be added and removed at once.")
            )
            return
        self.accept()


class TagManagerDialog(QDialog):
    """Tag groups and tags with member counts: create, rename, merge, delete, colour.

    Signals:
        changed(object): a TagChange worth an undo step (deletes and merges), or None.
    """

    changed = Signal(object)

    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self._runner = runner
        self._groups = []
        self.setWindowTitle(self.tr("Tags"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(520, 600)
        layout = QVBoxLayout(self)
        self.search, self.tree = searchable_tag_tree(
            layout, [self.tr("Tag"), self.tr("Members")], 330)
        self.exclusive = QCheckBox(self.tr("One tag of this group per member"))
        self.exclusive.clicked.connect(self._set_exclusive)
        layout.addWidget(self.exclusive)
        row = QHBoxLayout()
        self.buttons = {}
        for key, text in (
            ("group", self.tr("New group…")),
            ("tag", self.tr("New tag…")),
            ("rename", self.tr("Rename…")),
            ("merge", self.tr("Merge into…")),
            ("color", self.tr("Colour…")),
            ("delete", self.tr("Delete")),
        ):
            button = QPushButton(text)
            row.addWidget(button)
            self.buttons[key] = button
        layout.addLayout(row)
        self.buttons["group"].clicked.connect(self._new_group)
        self.buttons["tag"].clicked.connect(self._new_tag)
        self.buttons["rename"].clicked.connect(self._rename)
        self.buttons["merge"].clicked.connect(self._merge)
        self.buttons["color"].clicked.connect(self._color)
        self.buttons["delete"].clicked.connect(self._delete)
        QShortcut(QKeySequence("F2"), self.tree, self._rename)
        widget_shortcut(QKeySequence.StandardKey.Delete, self.tree, self._delete)
        self.status = QLabel()
        self.status.setObjectName("hint")
        layout.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.tree.currentItemChanged.connect(self._on_current)
        self.reload()

    def reload(self) -> None:
        self.status.setText(self.tr("Counting members…"))
        self._runner.run(tags.overview, label=self.tr("Loading tags"), on_done=self._loaded)

    def _loaded(self, groups) -> None:
        self._groups = groups
        fill_tag_tree(self.tree, groups, counts=True)
        filter_tree(self.tree, self.search.text())
        total = sum(len(g.tags) for g in groups)
        self.status.setText(
            self.tr("%n tags", "", total)
            if total
            else self.tr("No tags yet: create a group, then its tags.")
        )

    def _selected(self) -> tuple[str | None, str | None]:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item else (None, None)

    def _on_current(self, *_args) -> None:
        kind, ident = self._selected()
        group = next((g for g in self._groups if g.id == ident), None) if kind == "group" else None
        self.exclusive.setEnabled(bool(group and group.id))
        self.exclusive.setChecked(bool(group and group.exclusive))

    def _run(self, fn, label: str, undoable: bool = False) -> None:
        def done(result):
            self.changed.emit(result if undoable else None)
            self.reload()

        self._runner.run(fn, label=label, changes={"tags", "members"}, on_done=done)

    def _new_group(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New tag group"), self.tr("Name"))
        if ok:
            self._run(lambda s: tags.create_group(s, name) and None, self.tr("Creating a group"))

    def _new_tag(self) -> None:
        kind, ident = self._selected()
        group_id = ident if kind == "group" else None
        if kind == "tag":
            group_id = self.tree.currentItem().parent().data(0, ID_ROLE)[1] or None
        name, ok = QInputDialog.getText(self, self.tr("New tag"), self.tr("Name"))
        if ok:
            self._run(
                lambda s: tags.create_tag(s, name, group_id or None) and None,
                self.tr("Creating a tag"),
            )

    def _rename(self) -> None:
        kind, ident = self._selected()
        if not ident:
            return
        item = self.tree.currentItem()
        old = item.text(0) if kind == "tag" else next(g.name for g in self._groups if g.id == ident)
        name, ok = QInputDialog.getText(self, self.tr("Rename"), self.tr("New name"), text=old)
        if not ok:
            return
        if kind == "tag":
            self._run(lambda s: tags.rename_tag(s, ident, name), self.tr("Renaming"))
        else:
            self._run(lambda s: tags.update_group(s, ident, name=name), self.tr("Renaming"))

    def _merge(self) -> None:
        kind, ident = self._selected()
        if kind != "tag":
            self.status.setText(self.tr("Select the tag to merge away first."))
            return
        choices = {
            f"{g.name}/{t.name}" if g.name else t.name: t.id
            for g in self._groups
            for t in g.tags
            if t.id != ident
        }
        target, ok = QInputDialog.getItem(
            self,
            self.tr("Merge into"),
            self.tr("Every member of “{tag}” gets:").format(tag=self.tree.currentItem().text(0)),
            sorted(choices),
            editable=False,
        )
        if ok and target:
            self._run(
                lambda s: tags.merge_tags(s, ident, choices[target]),
                self.tr("Merging tags"),
                undoable=True,
            )

    def _color(self) -> None:
        kind, ident = self._selected()
        if kind != "group" or not ident:
            self.status.setText(self.tr("Colours belong to tag groups; select a group."))
            return
        color = QColorDialog.getColor(parent=self)
        if color.isValid():
            self._run(
                lambda s: tags.update_group(s, ident, color=color.name()),
                self.tr("Changing the colour"),
            )

    def _set_exclusive(self, on: bool) -> None:
        kind, ident = self._selected()
        if kind == "group" and ident:
            self._run(
                lambda s: tags.update_group(s, ident, exclusive=on), self.tr("Changing the group")
            )

    def _delete(self) -> None:
        kind, ident = self._selected()
        if kind != "tag":
            return
        item = self.tree.currentItem()
        answer = QMessageBox.question(
            self,
            self.tr("Delete tag"),
            self.tr(
                "Delete “{tag}” and take it off {count} members? Ctrl+Z on the roster undoes this."
            ).format(tag=item.text(0), count=item.text(1)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda s: tags.delete_tag(s, ident), self.tr("Deleting a tag"), undoable=True)
