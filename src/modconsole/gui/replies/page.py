"""The Replies page: the phrase book's folders, its templates and the editor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.messages import N_
from modconsole.domain.permissions import APPROVAL
from modconsole.domain.placeholders import TemplateError, render
from modconsole.gui.commands import command
from modconsole.gui.i18n import localized, ui_lang
from modconsole.gui.operations import OperationRunner
from modconsole.gui.replies.dialogs import ConflictsDialog, HistoryDialog, PhrasebookSettingsDialog
from modconsole.gui.replies.editor import TemplateEditor
from modconsole.gui.replies.labels import category_names, lang_names
from modconsole.gui.role_gate import RoleGate
from modconsole.gui.shortcuts import widget_shortcut
from modconsole.gui.status_bar import show_message
from modconsole.services import identity, phrasebook_files, replies
from modconsole.services.replies import CATEGORIES, TemplateInfo, matches
from modconsole.services.reply_context import ReplyContext, context_values, preview_choices
from modconsole.services.roster import search_members

ROLE = Qt.ItemDataRole.UserRole
ALL, DRAFTS = "", "__drafts__"


class RepliesPage(QWidget):
    """Browse, search and edit templates; copy one filled in for a member."""

    def __init__(self, runner: OperationRunner, gate: RoleGate, parent=None):
        super().__init__(parent)
        self._runner, self._gate = runner, gate
        self._templates: list[TemplateInfo] = []
        self._current: TemplateInfo | None = None
        self._dirty = False
        self._deleted: list[str] = []
        self._variant_of: str | None = None  # family of a language variant being written
        self._settings = ({}, False, "ops")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        title = QLabel(self.tr("Replies"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)

        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.commands: dict[str, QAction] = {}
        for key, text, shortcut, slot in (
                ("new", N_("RepliesPage", "New"), "Ctrl+N", self.new_template),
                ("variant", N_("RepliesPage", "Add language variant"), None, self.new_variant),
                ("save", N_("RepliesPage", "Save"), "Ctrl+S", self.save),
                ("copy", N_("RepliesPage", "Copy filled in"), "Ctrl+Shift+C", self.copy_current),
                ("approve", N_("RepliesPage", "Approve"), None, self.approve),
                ("history", N_("RepliesPage", "History…"), "Ctrl+H", self.show_history),
                ("delete", N_("RepliesPage", "Delete"), None, self.delete_current),
                ("undo", N_("RepliesPage", "Undo delete"), "Ctrl+Z", self.undo_delete),
                ("import", N_("RepliesPage", "Import…"), "Ctrl+I", self.import_library),
                ("export", N_("RepliesPage", "Export…"), "Ctrl+E", self.export_library),
                ("settings", N_("RepliesPage", "Limits and review…"), None, self.edit_settings)):
            self.commands[key] = action = command(self, text, slot, shortcut)
            if key != "undo":
                bar.addAction(action)
        gate.guard(APPROVAL, self.commands["approve"])
        gate.guard("reply_templates", *(self.commands[key] for key in (
            "new", "variant", "save", "delete", "undo", "import")))
        layout.addWidget(bar)

        self.folders = QListWidget()
        self.folders.setObjectName("folders")
        self.folders.currentRowChanged.connect(lambda _row: self._fill_list())
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, code, tag or text — /wel finds "
                                               "the code welcome (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self._fill_list)
        self.search.textChanged.connect(self._search_timer.start)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Title"), self.tr("Code"), self.tr("Language"),
                                   self.tr("Status"), self.tr("Uses"), self.tr("Last used")])
        for column, width in enumerate((170, 90, 50, 60, 60)):
            self.list.setColumnWidth(column, width)
        self.list.currentItemChanged.connect(self._on_current)
        self.empty = QLabel()
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.search)
        middle_layout.addWidget(self.list, 1)
        middle_layout.addWidget(self.empty)
        self.editor = TemplateEditor()
        self.editor.edited.connect(self._on_edited)
        self.editor.member_wanted.connect(self._preview_for)
        self.editor.context_wanted.connect(self._preview_context)
        self.state = QLabel()
        self.state.setObjectName("hint")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.state)
        right_layout.addWidget(self.editor, 1)
        split = QSplitter()
        split.addWidget(self.folders)
        split.addWidget(middle)
        split.addWidget(right)
        split.setSizes([170, 480, 520])
        layout.addWidget(split, 1)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(find)
        widget_shortcut(QKeySequence.StandardKey.Delete, self.list, self.delete_current)
        runner.opened.connect(lambda _report: (self.reload(), self._load_choices()))
        self._update_actions()

    # -- loading -------------------------------------------------------------------------
    def reload(self, select_id: str | None = None) -> None:
        def load(session):
            return (replies.list_templates(session), replies.limits(session),
                    replies.review_required(session), identity.current_role(session))

        def loaded(result) -> None:
            self._templates, limits, review, role = result
            self._settings = (limits, review, role)
            self.editor.set_limits(limits)
            self._fill_folders()
            self._fill_list(select_id or (self._current.id if self._current else None))

        self._runner.run(load, label=self.tr("Loading the phrase book"), on_done=loaded)

    def _load_choices(self) -> None:
        """The cases and activities to preview against; they change as the team works, so
        they are fetched when the page is shown rather than after every save."""
        lang = ui_lang()
        self._runner.run(lambda s: preview_choices(s, lang),
                         label=self.tr("Loading the phrase book"),
                         on_done=self.editor.set_choices)

    def _fill_folders(self) -> None:
        chosen = self.folders.currentItem().data(ROLE) if self.folders.currentItem() else ALL
        self.folders.blockSignals(True)
        self.folders.clear()
        counts: dict[str, int] = {}
        for t in self._templates:
            counts[t.category] = counts.get(t.category, 0) + 1
        drafts = sum(t.status != "approved" for t in self._templates)
        entries = [(ALL, self.tr("All templates"), len(self._templates))]
        entries += [(c, name, counts.get(c, 0)) for c, name in category_names().items()]
        if drafts:
            entries.append((DRAFTS, self.tr("Waiting for approval"), drafts))
        for key, name, count in entries:
            item = QListWidgetItem(f"{name}  ({count})")
            item.setData(ROLE, key)
            self.folders.addItem(item)
            if key == chosen:
                self.folders.setCurrentItem(item)
        if self.folders.currentRow() < 0:
            self.folders.setCurrentRow(0)
        self.folders.blockSignals(False)

    def _shown(self) -> list[TemplateInfo]:
        folder = self.folders.currentItem().data(ROLE) if self.folders.currentItem() else ALL
        text = self.search.text()
        return [t for t in self._templates
                if (folder == ALL or (folder == DRAFTS and t.status != "approved")
                    or t.category == folder) and (not text.strip() or matches(t, text))]

    def _fill_list(self, select_id: str | None = None) -> None:
        select_id = select_id or (self._current.id if self._current else None)
        self.list.blockSignals(True)
        self.list.clear()
        langs = lang_names()
        statuses = {"approved": self.tr("approved"), "draft": self.tr("draft")}
        chosen = None
        for t in self._shown():
            used = t.last_used_at.astimezone().strftime("%m-%d %H:%M") if t.last_used_at else ""
            item = QTreeWidgetItem([t.title, "/" + t.code, langs.get(t.lang, t.lang),
                                    statuses.get(t.status, t.status), str(t.usage_count), used])
            item.setData(0, ROLE, t)
            self.list.addTopLevelItem(item)
            if t.id == select_id:
                chosen = item
        self.list.blockSignals(False)
        self.empty.setVisible(self.list.topLevelItemCount() == 0)
        if not self._templates:
            self.empty.setText(self.tr("The phrase book is empty. Press Ctrl+N to write the "
                                       "first template, or Ctrl+I to import a library."))
        else:
            self.empty.setText(self.tr("Nothing matches. Clear the search or pick another "
                                       "folder."))
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        elif self.list.topLevelItemCount() and not self._dirty:
            self.list.setCurrentItem(self.list.topLevelItem(0))

    # -- choosing and editing ------------------------------------------------------------
    def _on_current(self, item, previous) -> None:
        template = item.data(0, ROLE) if item else None
        if template is not None and self._current is not None and template.id == self._current.id:
            return
        if self._dirty and not self._confirm_leave():
            self.list.blockSignals(True)
            self.list.setCurrentItem(previous)
            self.list.blockSignals(False)
            return
        self._show(template)

    def _show(self, template: TemplateInfo | None, **defaults) -> None:
        self._current = template
        self._variant_of = None
        self.editor.load(template, **defaults)
        self._dirty = False
        self._update_actions()

    def _on_edited(self) -> None:
        self._dirty = True
        self._update_actions()

    def _confirm_leave(self) -> bool:
        """Unsaved edits: save, discard, or stay. True when it is fine to move on."""
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("Save the changes to this template first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            self.save()
            return False  # the save reloads and reselects; stay until then
        return answer == QMessageBox.StandardButton.Discard

    def _update_actions(self) -> None:
        t = self._current
        self._gate.set_enabled(self.commands["approve"], bool(t and t.status != "approved"))
        for key in ("variant", "copy", "history", "delete"):
            self._gate.set_enabled(self.commands[key], t is not None)
        self._gate.set_enabled(self.commands["undo"], bool(self._deleted))
        if t is None:
            self.state.setText(self.tr("New template: fill in the fields and press Ctrl+S."))
        elif self._dirty:
            self.state.setText(self.tr("Unsaved changes (Ctrl+S saves)."))
        elif t.status != "approved":
            self.state.setText(self.tr("Draft: a lead must approve it before it can be used."))
        else:
            self.state.setText(self.tr("Used %n time(s).", "", t.usage_count))

    def new_template(self) -> None:
        if self._dirty and not self._confirm_leave():
            return
        folder = self.folders.currentItem().data(ROLE) if self.folders.currentItem() else ALL
        self.list.clearSelection()
        self._show(None, category=folder if folder in CATEGORIES else "custom", lang=ui_lang())
        self.editor.title.setFocus()

    def new_variant(self) -> None:
        """The same message in the other language: same code and family, new text."""
        source = self._current
        if source is None:
            return
        taken = {t.lang for t in self._templates if t.family_id == source.family_id}
        free = [lang for lang in lang_names() if lang not in taken]
        if not free:
            self._message(self.tr("This template already has every language."))
            return
        self._show(None, category=source.category, lang=free[0])
        self._variant_of = source.family_id
        self.editor.code.setText(source.code)
        self.editor.body.setPlainText(source.body)
        self.editor.title.setFocus()

    def save(self) -> None:
        draft = self.editor.draft()
        current = self._current
        family = self._variant_of if current is None else None

        def write(session):
            if current is None:
                return replies.create_template(session, draft, family_id=family)
            replies.update_template(session, current.id, draft)
            return current.id

        def saved(template_id) -> None:
            self._dirty = False
            self._variant_of = None
            self._current = None
            self._message(self.tr("Saved."))
            self.reload(template_id)

        self._runner.run(write, label=self.tr("Saving the template"), on_done=saved,
                         on_error=self._refused, changes=("templates",))

    def _refused(self, _exc, message: str) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), message)

    def _message(self, text: str) -> None:
        show_message(self, text, 6000)

    # -- use -----------------------------------------------------------------------------
    def _preview_for(self, text: str) -> None:
        lang = self.editor.lang.currentData()
        if not text.strip():
            self.editor.set_people(None)
            return

        def find(session):
            rows = search_members(session, text.strip(), limit=1)
            if not rows:
                return None
            return rows[0], context_values(session, ReplyContext((rows[0].id,)), lang)

        def found(result) -> None:
            if result is None:
                self._message(self.tr("No member matches “{text}”.").format(text=text))
                return
            row, people = result
            self.editor.set_people(people, f"{row.name} ({row.platform_id})")

        self._runner.run(find, label=self.tr("Finding the member"), on_done=found,
                         on_error=lambda _e, m: self._message(m))

    def _preview_context(self, context: ReplyContext) -> None:
        lang = self.editor.lang.currentData()
        self._runner.run(lambda s: context_values(s, context, lang),
                         label=self.tr("Looking up the preview values"),
                         on_done=self.editor.set_people, on_error=lambda _e, m: self._message(m))

    def copy_current(self) -> None:
        """Copy the saved template filled in for the preview member (fallbacks otherwise)."""
        template = self._current
        if template is None:
            return
        if self._dirty:
            self._message(self.tr("Save first: Copy uses the saved template."))
            return
        people = self.editor.people
        try:
            text = render(template.body, people[0] if people else {}).text
        except TemplateError as exc:
            self._message(localized(exc))
            return

        def done(_result) -> None:
            QGuiApplication.clipboard().setText(text)
            self._message(self.tr("Copied to the clipboard."))
            self.reload(template.id)

        self._runner.run(lambda s: replies.record_use(s, template.id),
                         label=self.tr("Counting a use"), on_done=done, on_error=self._refused,
                         changes=("templates",))

    # -- review, history, delete ---------------------------------------------------------
    def approve(self) -> None:
        template = self._current
        if template is not None:
            self._runner.run(lambda s: replies.approve(s, template.id),
                             label=self.tr("Approving"), on_error=self._refused,
                             on_done=lambda _r: self.reload(template.id), changes=("templates",))

    def show_history(self) -> None:
        template = self._current
        if template is None:
            return

        def shown(revisions) -> None:
            dialog = HistoryDialog(template.title, revisions, self)
            if dialog.exec() and dialog.chosen() is not None:
                revision_id = dialog.chosen().id
                self._runner.run(
                    lambda s: replies.restore_revision(s, template.id, revision_id),
                    label=self.tr("Restoring"), on_error=self._refused,
                    on_done=lambda _r: self._reload_fresh(template.id), changes=("templates",))

        self._runner.run(lambda s: replies.history(s, template.id),
                         label=self.tr("Loading the history"), on_done=shown)

    def _reload_fresh(self, template_id: str) -> None:
        self._current = None
        self.reload(template_id)

    def delete_current(self) -> None:
        template = self._current
        if template is None or self._gate.hold(  # Del in the list passes no action
                "reply_templates", lambda words: show_message(self, words, 10000)):
            return

        def deleted(_result) -> None:
            self._deleted.append(template.id)
            self._current = None
            self._message(self.tr("“{title}” deleted. Ctrl+Z brings it back.").format(
                title=template.title))
            self.reload()

        self._runner.run(lambda s: replies.delete_template(s, template.id),
                         label=self.tr("Deleting"), on_done=deleted, changes=("templates",))

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        template_id = self._deleted.pop()
        self._runner.run(lambda s: replies.undelete_template(s, template_id),
                         label=self.tr("Restoring"), on_done=lambda _r: self._reload_fresh(
                             template_id), changes=("templates",))

    # -- files and settings --------------------------------------------------------------
    def export_library(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the phrase book"),
                                              "phrasebook.json",
                                              self.tr("JSON (*.json);;CSV (*.csv)"))
        if path:
            self._runner.run(lambda s: phrasebook_files.export_library(s, Path(path)),
                             label=self.tr("Exporting"), on_error=self._refused,
                             on_done=lambda n: self._message(
                                 self.tr("%n template(s) exported.", "", n)))

    def import_library(self, _checked=False, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a phrase book"), "",
                                                  self.tr("Phrase book (*.json *.csv)"))
        if path:
            self._import(Path(path), set())

    def _import(self, path: Path, take_theirs: set[str]) -> None:
        def done(report) -> None:
            self._current = None
            self.reload()
            self._message(self.tr("Imported: {added} added, {updated} updated, {same} "
                                  "unchanged, {kept} kept (newer here).").format(
                added=report.added, updated=report.updated + report.taken_theirs,
                same=report.unchanged, kept=report.kept_ours))
            if report.conflicts:
                dialog = ConflictsDialog(report.conflicts, self)
                if dialog.exec() and dialog.take_theirs():
                    self._import(path, dialog.take_theirs())

        self._runner.run(lambda s: phrasebook_files.import_library(s, path,
                                                                   take_theirs=take_theirs),
                         label=self.tr("Importing the phrase book"), on_done=done,
                         on_error=self._refused, changes=("templates",))

    def edit_settings(self) -> None:
        limits, review, role = self._settings
        dialog = PhrasebookSettingsDialog(limits, review, role, self)
        if not dialog.exec():
            return
        new_limits, new_review = dialog.limits(), dialog.review.isChecked()

        def write(session):
            replies.set_limits(session, new_limits)
            replies.set_review_required(session, new_review)

        self._runner.run(write, label=self.tr("Saving the settings"), on_error=self._refused,
                         on_done=lambda _r: self.reload(), changes=("templates",))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._runner.store is not None:
            self._load_choices()
            if not self._templates:
                self.reload()
