"""The roster page: filters, search, the member table, the member panel and bulk actions."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.member_filter import MemberFilter
from modconsole.domain.messages import N_
from modconsole.gui.commands import command
from modconsole.gui.i18n import ui_lang
from modconsole.gui.operations import Operation, OperationRunner
from modconsole.gui.pane_splitter import PaneSplitter
from modconsole.gui.progress import run_with_progress
from modconsole.gui.qsettings import gui_settings
from modconsole.gui.replies.quick_insert import QuickInsertDialog
from modconsole.gui.role_gate import RoleGate
from modconsole.gui.roster.filter_chips import FilterChips
from modconsole.gui.roster.filter_panel import FilterPanel
from modconsole.gui.roster.groups_view import GroupsView, choose_group
from modconsole.gui.roster.labels import labels, value_names
from modconsole.gui.roster.member_dialog import AddMemberDialog
from modconsole.gui.roster.member_panel import MemberPanel
from modconsole.gui.roster.model import COLUMNS, RosterModel
from modconsole.gui.roster.table import RosterTable
from modconsole.gui.roster.tag_dialogs import BulkTagDialog, TagManagerDialog
from modconsole.gui.roster.tools import ExportDialog, RulesDialog
from modconsole.gui.shortcuts import shortcuts_first, widget_shortcut
from modconsole.services import classification, groups, member_targets, roster, segments, tags
from modconsole.services.member_targets import Targets
from modconsole.services.reply_context import ReplyContext

SEARCH_DEBOUNCE_MS = 200
# what another console or command changed that the roster shows
MEMBER_TOPICS = frozenset({"members", "tags", "groups", "classes", "segments"})
REPLY_MEMBERS = 200  # a quick reply fills in names for a few members, not a million


class TagCommand(QUndoCommand):
    """One bulk tag change as one undo step; undo and redo run on the worker."""

    def __init__(self, page: RosterPage, change: tags.TagChange, text: str):
        super().__init__(text)
        self._page, self._change, self._first = page, change, True

    def _reverse(self) -> None:
        change = self._change

        def done(inverse):
            self._change = inverse
            self._page.refresh_after_change()

        run_with_progress(self._page, self._page.runner,
                          lambda s, progress: tags.undo(s, change, progress),
                          label=self.text(), on_done=done, changes={"members", "tags"})

    def undo(self) -> None:
        self._reverse()

    def redo(self) -> None:
        if self._first:  # the change itself already ran
            self._first = False
            return
        self._reverse()


NARROW_WINDOW = 1150  # below this width a first start folds the member panel away


class RosterPage(QWidget):
    """Signals: segments_changed() — a segment was saved or deleted."""

    segments_changed = Signal()

    def __init__(self, runner: OperationRunner, gate: RoleGate, parent=None):
        super().__init__(parent)
        self.runner, self.gate = runner, gate
        self.undo_stack = QUndoStack(self)
        self.names = value_names()
        self.count: int | None = None
        self._count_generation = 0
        self._counting: Operation | None = None  # the count running, if any
        self._tag_groups = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        top = QHBoxLayout()
        title = QLabel(self.tr("Roster"))
        title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setObjectName("rosterSearch")
        self.search.setPlaceholderText(self.tr("Search names, nicknames, ids, phone, e-mail, "
                                               "notes (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        layout.addLayout(top)

        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.commands: dict[str, QAction] = {}
        for key, text, shortcut, slot in (
                ("tag", N_("RosterPage", "Tag…"), "Ctrl+T", self.tag_members),
                ("segment", N_("RosterPage", "Save as segment…"), "Ctrl+S", self.save_segment),
                ("import", N_("RosterPage", "Import…"), "Ctrl+I", self.import_members),
                ("chat", N_("RosterPage", "Import chat…"), "Ctrl+Shift+I", self.import_chat),
                ("add", N_("RosterPage", "New member…"), None, self.add_member),
                ("export", N_("RosterPage", "Export…"), "Ctrl+E", self.export_members),
                ("reply", N_("RosterPage", "Quick reply…"), "Ctrl+R", self.quick_reply),
                ("tags", N_("RosterPage", "Manage tags…"), None, self.manage_tags),
                ("rules", N_("RosterPage", "Class rules…"), None, self.edit_rules),
                ("recompute", N_("RosterPage", "Recompute classes"), None, self.recompute)):
            self.commands[key] = action = command(self, text, slot, shortcut)
            bar.addAction(action)
        for key, entity in (("tag", "member_tags"), ("segment", "segments"),
                            ("import", "members"), ("chat", "members"), ("add", "members"),
                            ("tags", "tags")):
            gate.guard(entity, self.commands[key])
        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo),
                           QKeySequence("Ctrl+Shift+Z")])
        for action in (undo, redo):
            self.addAction(action)
        # said after the step ran, so the stack already names it as the other way round
        undo.triggered.connect(lambda: self._say(self.tr("Undone: {what}.").format(
            what=self.undo_stack.redoText())))
        redo.triggered.connect(lambda: self._say(self.tr("Redone: {what}.").format(
            what=self.undo_stack.undoText())))
        self.commands["undo"], self.commands["redo"] = undo, redo
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        clear = QAction(self)
        clear.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.addAction(find)
        self.addAction(clear)
        self.classified_label = QLabel()
        self.classified_label.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(bar, 1)
        row.addWidget(self.classified_label)
        layout.addLayout(row)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.filters = FilterPanel(self.names)
        clear.triggered.connect(self.clear_filters)
        self.model = RosterModel(runner, labels(), self)
        self.table = RosterTable(self.model)
        self.table.setObjectName("rosterTable")
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self._restore_columns()

        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty)
        self.filter_chips = FilterChips()
        self.filter_chips.narrowed.connect(self._narrow)
        self.filter_chips.cleared.connect(self.clear_filters)
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.filter_chips)
        column.addWidget(self.table_stack, 1)
        self.panel = MemberPanel(runner, gate)
        self.panel.member_changed.connect(self.refresh_after_change)
        self.panes = PaneSplitter("roster", [self.filters, middle, self.panel], 1,
                                  [210, 620, 260])
        self.tabs.addTab(self.panes, self.tr("Members"))
        toggles = QToolBar()
        toggles.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for index, text, keys in ((0, self.tr("Filters"), "Ctrl+["),
                                  (2, self.tr("Details"), "Ctrl+]")):
            action = self.panes.pane_action(index, text, keys)
            self.addAction(action)
            toggles.addAction(action)
        self.tabs.setCornerWidget(toggles)
        self._shown = False
        self._chip_names: dict[str, str] = dict(self.names)
        self._group_names: list[str] = []
        widget_shortcut("N", self.table, self.add_member)
        shortcuts_first(self.search, "Ctrl+E", "Ctrl+K", "Ctrl+T", "Ctrl+I", "Ctrl+R", "Ctrl+S")
        self.commands["add"].setToolTip(self.tr("New member… (N in the list)"))
        self.groups_view = GroupsView(runner, gate)
        self.tabs.addTab(self.groups_view, self.tr("Groups"))

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(lambda: self.filters.set_query(self.search.text()))
        self.search.textChanged.connect(self._search_timer.start)
        self.filters.changed.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.model.total_known.connect(lambda _n: self._update_empty())
        self.model.rowsInserted.connect(self._select_first_row)
        self.model.dataChanged.connect(lambda *_: self._on_current_row(self.table.currentIndex()))
        runner.opened.connect(lambda _report: self.reload_all())
        runner.changed.connect(self._on_changed)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self.panes.fold_if_narrow(2, NARROW_WINDOW)

    # -- loading ---------------------------------------------------------------------------
    def reload_all(self) -> None:
        """Catalogue, table and count; on open and after demo loads or imports."""
        self._load_catalog()
        self.apply_filter(self.filters.current_filter())
        self.groups_view.reload()

    def _load_catalog(self) -> None:
        self.runner.run(self._catalog, label=self.tr("Loading tags and groups"),
                        on_done=self._catalog_loaded)

    @staticmethod
    def _catalog(session):
        regions = [r for (r,) in session.execute(roster.regions_query()) if r]
        return (tags.overview(session, with_counts=False), groups.list_groups(session), regions,
                classification.last_run(session))

    def _catalog_loaded(self, result) -> None:
        tag_groups, group_list, regions, last_run = result
        self._tag_groups = tag_groups
        self.table.chips.colors = {t.name: t.color for g in tag_groups for t in g.tags}
        self.filters.set_catalog(tag_groups, group_list, regions)
        self._chip_names = {**self.names, **{g.id: g.name for g in group_list}}
        self._group_names = [g.name for g in group_list]
        for group in tag_groups:
            self._chip_names[group.id] = group.name
            self._chip_names.update({t.id: t.name for t in group.tags})
        self.filter_chips.show_filter(self.model.filter, self._chip_names)
        if last_run is None:
            self.classified_label.setText(self.tr("Classes not computed yet"))
        else:
            self.classified_label.setText(self.tr("Classes computed {when}").format(
                when=last_run.ran_at.astimezone().strftime("%Y-%m-%d %H:%M")))
        self.table.viewport().update()

    def apply_filter(self, f: MemberFilter) -> None:
        self.model.set_filter(f)
        self.filter_chips.show_filter(f, self._chip_names)
        self._count()

    def _narrow(self, rest: MemberFilter) -> None:
        """A chip's ✕: the same filter without that condition."""
        if not rest.query and self.search.text():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        self.filters.set_filter(rest)

    def clear_filters(self) -> None:
        """Every condition and the search text."""
        self._narrow(MemberFilter())

    def _count(self) -> None:
        """Count the filter's members on a reader thread; a count still running for an
        earlier filter is stopped (its answer would be stale)."""
        self._count_generation += 1
        generation, f = self._count_generation, self.model.filter
        self.count = None
        self.count_label.setText(self.tr("counting…"))
        if self._counting is not None:
            self._counting.cancel()

        def done(count):
            if generation == self._count_generation:
                self.count = count
                self.count_label.setText(self.tr("%n members", "", count))
                self._update_empty()

        def failed(_exc, message):
            if generation == self._count_generation:
                self.count_label.setText("")
                self.runner.error.emit(message)

        self._counting = self.runner.run(lambda s: roster.count_members(s, f),
                                         label=self.tr("Counting members"), on_done=done,
                                         on_error=failed, background=True)

    def _update_empty(self) -> None:
        if self.count == 0 and self.model.rowCount() == 0:
            if self.model.filter.is_empty():
                self.empty.setText(self.tr("No members yet.\nImport a CSV or Excel file "
                                           "(Ctrl+I), or load the demo from the dashboard."))
            else:
                self.empty.setText(self.tr(
                    "No member matches: {conditions}.\nRemove a condition above, or clear "
                    "them all with Ctrl+Shift+L.").format(
                    conditions=self.filter_chips.summary()))
            self.table_stack.setCurrentWidget(self.empty)
        else:
            self.table_stack.setCurrentWidget(self.table)

    def _on_changed(self, topics: frozenset) -> None:
        if "import" in topics:  # new members are ranked among all: classify everyone again
            self.recompute()
        if topics & {"demo", "import"}:
            self.reload_all()
        elif "external" in topics and topics & MEMBER_TOPICS:
            self.reload_kept()  # another console or command: stay on the same member
        elif topics & {"tags", "groups", "classes"}:
            self._load_catalog()
            self.groups_view.reload()

    def reload_kept(self) -> None:
        """Everything read again, the selection, current member and scroll kept."""
        self._load_catalog()
        self.model.refresh_order()
        self.panel.reload()
        self.groups_view.reload()
        self._count()

    def refresh_after_change(self) -> None:
        """After tagging or an edit: same order, fresh contents and count."""
        self.model.refresh_rows()
        self.panel.reload()
        self._count()

    def _select_first_row(self, *_args) -> None:
        if not self.table.selectionModel().hasSelection() and self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate)

    def _on_current_row(self, current, _previous=None) -> None:
        """Show the current member; a row not loaded yet is shown when its block arrives."""
        member_id = self.model.member_id(current.row()) if current.isValid() else None
        if member_id != self.panel.member_id and (member_id or not current.isValid()):
            self.panel.show_member(member_id)

    # -- selection -------------------------------------------------------------------------
    def _selected_ranges(self) -> list[tuple[int, int]]:
        """(first, last) row of each selected stretch; read from the selection's ranges,
        never row by row (a shift-click over 100,000 rows is one range)."""
        return [(r.top(), r.bottom()) for r in self.table.selectionModel().selection()]

    def selected_ids(self) -> list[str]:
        """Ids of the first REPLY_MEMBERS selected rows whose contents are loaded: whom a
        quick reply names."""
        ids = (self.model.member_id(row) for first, last in self._selected_ranges()
               for row in range(first, min(last, first + REPLY_MEMBERS - 1) + 1))
        return list(dict.fromkeys(i for i in ids if i))[:REPLY_MEMBERS]

    def selected_count(self) -> int:
        if self.table.everything and self.count is not None:
            return self.count
        return sum(last - first + 1 for first, last in self._selected_ranges())

    def selection_targets(self) -> Targets:
        """Whom a bulk action is for: after Ctrl+A everyone the filter matches, else the
        selected rows by rowid, loaded or not."""
        if self.table.everything:
            return Targets(filter=self.model.filter)
        rowids: list[int] = []
        for first, last in self._selected_ranges():
            rowids += self.model.rowids_in(first, last)
        return Targets(rowids=tuple(dict.fromkeys(rowids)))

    def quick_reply(self) -> QuickInsertDialog:
        """The phrase book's suggestions, filled in for the selected members."""
        ids = self.selected_ids() or ([self.panel.member_id] if self.panel.member_id else [])
        dialog = QuickInsertDialog(self.runner, ReplyContext(tuple(ids)), ui_lang(), self)
        dialog.open()
        return dialog

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addAction(self.commands["reply"])
        menu.addAction(self.commands["tag"])
        for text, move in ((self.tr("Add to group…"), False), (self.tr("Move to group…"), True)):
            self.gate.guard("group_members", menu.addAction(
                text, lambda m=move: self.group_members(move=m)))
        menu.addAction(self.tr("Copy platform ids"), self.copy_platform_ids)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _column_menu(self, pos) -> None:
        menu = QMenu(self)
        names = labels()["columns"]
        for i, column in enumerate(COLUMNS):
            action = menu.addAction(names[column.key])
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(i))
            action.setEnabled(i != 0)
            action.toggled.connect(lambda on, i=i: self._show_column(i, on))
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def _show_column(self, index: int, shown: bool) -> None:
        self.table.setColumnHidden(index, not shown)
        hidden = [c.key for i, c in enumerate(COLUMNS) if self.table.isColumnHidden(i)]
        gui_settings().setValue("roster/hidden_columns", ",".join(hidden))

    def _restore_columns(self) -> None:
        hidden = str(gui_settings().value("roster/hidden_columns", "platform_id")).split(",")
        for i, column in enumerate(COLUMNS):
            self.table.setColumnHidden(i, column.key in hidden)

    def copy_platform_ids(self) -> Operation:
        """Every selected member's platform id (all the filter matches after Ctrl+A), read
        on a reader thread."""
        targets = self.selection_targets()

        def done(ids: list[str]) -> None:
            QApplication.clipboard().setText("\n".join(ids))
            self._say(self.tr("Copied %n platform id(s).", "", len(ids)))

        return self.runner.run(lambda s: member_targets.platform_ids(s, targets),
                               label=self.tr("Copying platform ids"), on_done=done,
                               background=True)

    def _say(self, text: str) -> None:
        self.window().statusBar().showMessage(text, 8000)

    # -- actions ---------------------------------------------------------------------------
    def tag_members(self) -> BulkTagDialog | None:
        if self.gate.hold("member_tags", self._say):
            return None
        dialog = BulkTagDialog(self._tag_groups, self.selected_count(), self.count, self,
                               runner=self.runner, whole_filter=self.table.everything)
        dialog.accepted.connect(lambda: self._apply_tags(*dialog.choice()))
        dialog.open()
        return dialog

    def _apply_tags(self, add: list[str], remove: list[str], whole_filter: bool) -> None:
        targets = Targets(filter=self.model.filter) if whole_filter \
            else self.selection_targets()

        def done(change):
            text = self.tr("Tag %n members", "", change.members)
            self.undo_stack.push(TagCommand(self, change, text))
            self.refresh_after_change()
            self.window().statusBar().showMessage(
                self.tr("{added} tags added, {removed} removed on {members} members. Ctrl+Z "
                        "undoes.").format(added=len(change.added), removed=len(change.removed),
                                          members=change.members), 10000)

        run_with_progress(self, self.runner,
                          lambda s, progress: tags.apply_tags(s, targets, add=add,
                                                              remove=remove, progress=progress),
                          label=self.tr("Tagging members"), on_done=done,
                          changes={"members", "tags"})

    def push_tag_change(self, change, text: str) -> None:
        """A change made elsewhere (tag delete or merge) becomes an undo step here."""
        if change is not None and not change.is_empty():
            self.undo_stack.push(TagCommand(self, change, text))
        self.refresh_after_change()

    def save_segment(self) -> None:
        f = self.model.filter
        if f.is_empty():
            self.runner.error.emit(self.tr("Set a filter or a search first; a segment is a "
                                           "saved filter."))
            return
        name, ok = QInputDialog.getText(self, self.tr("Save as segment"),
                                        self.tr("Segment name"))
        if ok:
            self.save_segment_as(name)

    def save_segment_as(self, name: str) -> None:
        f = self.model.filter
        self.runner.run(lambda s: segments.save_segment(s, name, f) and None,
                        label=self.tr("Saving the segment"), changes={"segments"},
                        on_done=lambda _r: self.segments_changed.emit())

    def show_segment(self, f: MemberFilter) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.blockSignals(True)
        self.search.setText(f.query)
        self.search.blockSignals(False)
        self.filters.set_filter(f)

    def group_members(self, move: bool) -> None:
        count = self.selected_count()
        if not count:
            self.runner.error.emit(self.tr("Select members first."))
            return
        choose_group(self, self.runner, self.selection_targets(), count, move,
                     on_done=self.refresh_after_change)

    def add_member(self) -> AddMemberDialog | None:
        """A member typed in by hand; the list reloads (and reclassifies) with them in it."""
        if self.gate.hold("members", self._say):  # N in the list passes no action
            return None
        dialog = AddMemberDialog(self.runner, self._group_names, self)
        dialog.accepted.connect(lambda: self._say(
            self.tr("Added {name}.").format(name=dialog.fields["name"].text().strip())))
        dialog.open()
        return dialog

    def import_members(self):
        from modconsole.gui.roster.import_wizard import ImportWizard

        wizard = ImportWizard(self.runner, self)
        wizard.open()
        return wizard

    def import_chat(self):
        from modconsole.gui.roster.chat_wizard import ChatImportWizard

        wizard = ChatImportWizard(self.runner, self.gate, self)
        wizard.open()
        return wizard

    def export_members(self) -> ExportDialog:
        dialog = ExportDialog(self.runner, self.model.filter, self.count, self)
        dialog.open()
        return dialog

    def manage_tags(self) -> TagManagerDialog:
        dialog = TagManagerDialog(self.runner, self)
        dialog.changed.connect(lambda change: self.push_tag_change(
            change, self.tr("Delete or merge a tag")))
        dialog.open()
        return dialog

    def edit_rules(self) -> RulesDialog:
        dialog = RulesDialog(self.runner, self)
        dialog.saved.connect(self.recompute)
        dialog.open()
        return dialog

    def recompute(self) -> None:
        def done(result):
            self.refresh_after_change()
            self._say(self.tr("Classes recomputed for %n members.", "", result.members))

        run_with_progress(self, self.runner, lambda s, _progress: classification.recompute(s),
                          label=self.tr("Recomputing classes"), on_done=done,
                          changes={"classes", "members"})
