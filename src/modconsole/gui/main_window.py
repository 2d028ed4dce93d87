"""The main window: a sidebar of workspaces, the pages, the status bar and shortcuts."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.messages import N_
from modconsole.gui.alert_bar import AlertBar
from modconsole.gui.command_palette import CommandPalette, Entry
from modconsole.gui.commands import command
from modconsole.gui.external_changes import ExternalChanges
from modconsole.gui.i18n import localized
from modconsole.gui.introduce_bar import IntroduceBar
from modconsole.gui.operations import OperationRunner, damaged_text, read_only_text
from modconsole.gui.page_loader import PageLoader
from modconsole.gui.qsettings import gui_settings
from modconsole.gui.role_gate import RoleGate
from modconsole.gui.status_bar import ConsoleStatusBar
from modconsole.gui.team.sync_engine import SyncEngine

PAGES = ("roster", "queue", "replies", "planner", "dashboard", "rules", "audit", "team",
         "settings")


TITLES = {"roster": N_("MainWindow", "Roster"), "queue": N_("MainWindow", "Queue"),
          "replies": N_("MainWindow", "Replies"), "planner": N_("MainWindow", "Planner"),
          "dashboard": N_("MainWindow", "Dashboard"), "rules": N_("MainWindow", "Rulebook"),
          "audit": N_("MainWindow", "Audit log"), "team": N_("MainWindow", "Team"),
          "settings": N_("MainWindow", "Settings")}

# page key -> (its module, its class, the attribute the window keeps it in); imported by
# PageLoader after the first frame.
PAGE_CLASSES = {
    "roster": ("modconsole.gui.roster.page", "RosterPage", "roster"),
    "queue": ("modconsole.gui.queue.page", "QueuePage", "queue"),
    "replies": ("modconsole.gui.replies.page", "RepliesPage", "replies"),
    "planner": ("modconsole.gui.planner.page", "PlannerPage", "planner"),
    "dashboard": ("modconsole.gui.dashboard.page", "DashboardPage", "dashboard"),
    "rules": ("modconsole.gui.rulebook_page", "RulebookPage", "rulebook"),
    "audit": ("modconsole.gui.audit_page", "AuditPage", "audit"),
    "team": ("modconsole.gui.team.page", "TeamPage", "team"),
    "settings": ("modconsole.gui.settings_page", "SettingsPage", "settings_page"),
}
SEGMENT_LIST = "modconsole.gui.segment_list"  # under the sidebar, loaded with the roster
# What the window needs once the pages are up (daily backups; pinyin for name keys and
# the command palette, ~0.4 s of dictionaries): loaded last.
LATER = ("modconsole.gui.backup_scheduler", "modconsole.services.backups",
         "modconsole.services.identity", "pypinyin")


class MainWindow(QMainWindow):
    """Sidebar navigation over the workspaces; every page has Ctrl+1…9.

    The window paints before the pages exist: each page's place holds a
    "Loading…" note until PageLoader has imported its code, then the page
    replaces it. Once every page is built and the database is open,
    `is_ready` turns true and what start-up made is frozen out of garbage
    collection (gui_gc).

    Signals:
        restart_requested(): Settings asked for a restart.
        pages_built(): every page's code is loaded and the page made.
        page_failed(str): a page's code could not be loaded; what went wrong.

    Attributes:
        runner: the operation runner all pages share.
        pages: page key -> widget, for the pages built so far.
    """

    restart_requested = Signal()
    pages_built = Signal()
    page_failed = Signal(str)

    def __init__(self, runner: OperationRunner, database: Path, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.database = database
        self.setWindowTitle(self.tr("modconsole — community moderator console"))
        self.resize(1200, 760)

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(150)
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(0)
        side.addWidget(self.sidebar, 1)
        layout.addLayout(side)
        main = QVBoxLayout()
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(0)
        self.alert = AlertBar()
        main.addWidget(self.alert)
        self.introduce = IntroduceBar()
        self.introduce.chosen.connect(self.introduce_me)
        main.addWidget(self.introduce)
        main.addWidget(self.stack, 1)
        layout.addLayout(main, 1)
        self.setCentralWidget(central)

        self._side = side
        self.status = ConsoleStatusBar(runner)
        self.status.set_database(database)
        self.setStatusBar(self.status)

        self.pages: dict[str, QWidget] = {}
        self.titles = {key: localized(title) for key, title in TITLES.items()}
        self.page_actions: list[QAction] = []
        for number, key in enumerate(PAGES, start=1):
            self.stack.addWidget(self._loading_note())
            item = QListWidgetItem(self.titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"Ctrl+{number}")
            self.sidebar.addItem(item)
            self.page_actions.append(command(
                self, N_("MainWindow", "Go to {page}").format(page=TITLES[key]),
                lambda k=key: self.show_page(k), f"Ctrl+{number}"))
        self.sidebar.currentRowChanged.connect(self._on_row_changed)

        self.palette_action = command(self, N_("MainWindow", "Command palette…"),
                                      self.open_palette, "Ctrl+K")
        self.demo_action = command(self, N_("MainWindow", "Load demo community"),
                                   lambda: self.dashboard.load_demo())
        self.demo_action.setEnabled(False)  # until the dashboard is built
        self.quit_action = command(self, N_("MainWindow", "Quit"), self.close)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))

        self.external = ExternalChanges(runner, self)
        self.sync_engine = SyncEngine(runner, self)
        self.role_gate = RoleGate(runner, self)
        self.sync_engine.state_changed.connect(self.status.show_team)
        self.sync_engine.state_changed.connect(
            lambda state: self.role_gate.team_changed(state.url, state.role))
        self.sync_engine.state_changed.connect(  # signed in: the account names this person
            lambda state: state.url and self.introduce.hide())
        self.status.team_clicked.connect(lambda: self.show_page("team"))
        runner.damaged.connect(self.show_damage)
        self._error_page: QWidget | None = None
        self.backups = None  # the daily backup, scheduled once its code is loaded
        self.rollups = None  # the daily rollup, likewise
        self.is_ready = False
        runner.error.connect(self.show_error)
        runner.opened.connect(self._on_opened)
        runner.open_failed.connect(self._on_open_failed)
        self._restore()

        first = self.current_page()
        order = [first, *(key for key in PAGES if key != first)]
        self._loader = PageLoader(
            [(key, (PAGE_CLASSES[key][0], *((SEGMENT_LIST,) if key == "roster" else ())))
             for key in order] + [("later", LATER)], self)
        self._loader.loaded.connect(self._on_loaded)
        self._loader.failed.connect(self._on_load_failed)
        self._loader.start()

    def _loading_note(self) -> QLabel:
        note = QLabel(self.tr("Loading…"))
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setObjectName("hint")
        return note

    # -- building the pages -----------------------------------------------------
    def _on_loaded(self, key: str) -> None:
        if key == "later":
            self._schedule_backups()
        else:
            self._build_page(key)
            if len(self.pages) == len(PAGES):
                self.pages_built.emit()
        if len(self.pages) == len(PAGES) and self.backups is not None:
            self.runner.announce_open()  # every page now hears opened

    def _build_page(self, key: str) -> None:
        module, name, attribute = PAGE_CLASSES[key]
        page_class = getattr(sys.modules[module], name)
        gated = (self.role_gate,)
        extra = {"settings": (self.database,), "team": (self.sync_engine,), "queue": gated,
                 "rules": gated, "roster": gated, "planner": gated, "replies": gated,
                 "dashboard": gated}.get(key, ())
        page = page_class(self.runner, *extra)
        setattr(self, attribute, page)
        self.pages[key] = page
        index = PAGES.index(key)
        note = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(note)
        note.deleteLater()
        if self._error_page is None:
            self.stack.setCurrentIndex(self.sidebar.currentRow())
        getattr(self, f"_wire_{key}", lambda: None)()

    def _wire_roster(self) -> None:
        from modconsole.gui.segment_list import SegmentList  # loaded with the roster

        self.segments = SegmentList(self.runner)
        self.segments.chosen.connect(self._show_segment)
        self.roster.segments_changed.connect(self.segments.reload)
        self._side.addWidget(self.segments)

    def _wire_dashboard(self) -> None:
        self.dashboard.demo_loaded.connect(
            lambda: self.status.showMessage(self.tr("Demo community loaded."), 8000))
        self.dashboard.open_requested.connect(self.open_counted)
        self.dashboard.trends.view.members_requested.connect(self._show_segment)
        self.dashboard.trends.view.cases_requested.connect(self._show_cases)
        self.dashboard.trends.rollup_requested.connect(
            lambda: self.rollups is not None and self.rollups.run_now())
        self.demo_action.setEnabled(True)

    def _wire_team(self) -> None:
        self.team.message.connect(lambda text: self.status.showMessage(text, 8000))
        self.team.fresh_file.connect(self._open_fresh_file)

    def _open_fresh_file(self, path: Path) -> None:
        self.settings_page.set_database_choice(path)
        self.alert.show_alert(self.tr(
            "{path} is signed in to the team; the console opens it after a restart, and its "
            "first sync takes the team's data. This file stays as it is.").format(path=path),
            ((self.tr("Restart now"), self.restart_requested.emit),))

    def _wire_settings(self) -> None:
        self.sync_engine.state_changed.connect(
            lambda state: self.settings_page.follow_team(state.url is not None))
        self.settings_page.restart_requested.connect(self.restart_requested)
        self.settings_page.message.connect(lambda text: self.status.showMessage(text, 8000))
        self.settings_page.restored.connect(self.alert.hide)

    def _schedule_backups(self) -> None:
        from modconsole.gui.backup_scheduler import BackupScheduler  # loaded last

        self.backups = BackupScheduler(self.runner, self)
        self.backups.made.connect(lambda made: made and self.status.showMessage(
            self.tr("Today's backup is saved."), 8000))
        self.backups.failed.connect(lambda message: self.status.showMessage(
            self.tr("Today's backup failed: {reason}").format(reason=message), 15000))
        self.backups.damaged.connect(self.show_damage)
        from modconsole.gui.rollup_scheduler import RollupScheduler

        self.rollups = RollupScheduler(self.runner, self)

    def _on_load_failed(self, key: str, error: str) -> None:
        self.page_failed.emit(f"{key}: {error}")
        self.show_error(self.tr("Part of the console could not be loaded ({page}): {error}. "
                                "Reinstalling modconsole may help; details are in the log "
                                "file.").format(page=self.titles.get(key, key), error=error))

    # -- navigation -------------------------------------------------------------
    def show_page(self, key: str) -> None:
        self.sidebar.setCurrentRow(PAGES.index(key))

    def open_counted(self, card: str) -> None:
        """The page a dashboard card counts, filtered the way the card counts it."""
        if card in ("members", "groups"):
            self.show_page("roster")
            self.roster.clear_filters()
            self.roster.tabs.setCurrentIndex(1 if card == "groups" else 0)
        elif card in ("open_cases", "active_sanctions"):
            self.show_page("queue")
            self.queue.tabs.setCurrentIndex(1 if card == "active_sanctions" else 0)
            self.queue.status.setCurrentIndex(self.queue.status.findData("todo"))
        elif card == "team":  # the empty dashboard's way in to a team
            self.show_page("team")
            self.team.url_edit.setFocus()
        elif card == "activities_this_week":
            self.show_page("planner")
            self.planner.this_week()

    def _show_segment(self, f) -> None:
        self.show_page("roster")
        self.roster.show_segment(f)

    def _show_cases(self, which: dict) -> None:
        self.show_page("queue")
        self.queue.show_cases(which["first"], which["last"], which.get("category"),
                              which.get("group"))

    def current_page(self) -> str:
        return PAGES[self.stack.currentIndex()]

    def _on_row_changed(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
            gui_settings().setValue("window/page", PAGES[row])

    def palette_entries(self) -> list[Entry]:
        """The window's commands, then every page's (pages list theirs in `commands`)."""
        entries = [Entry.of("", a) for a in (*self.page_actions, self.demo_action,
                                             self.quit_action)]
        for key in PAGES:
            actions = getattr(self.pages.get(key), "commands", {})
            entries += [Entry.of(self.titles[key], a) for a in actions.values()]
        return entries

    def open_palette(self) -> CommandPalette:
        places = {title: key for key, title in self.titles.items()}
        palette = CommandPalette(self.palette_entries(),
                                 lambda place: self.show_page(places[place]), self)
        palette.open()
        return palette

    # -- database state ---------------------------------------------------------
    def _on_opened(self, report) -> None:
        from modconsole.services import identity  # loaded before the pages were built

        store = self.runner.store
        if store is not None and store.read_only:
            self.alert.show_alert(read_only_text())
        elif store is not None and store.damage.detail:
            self.show_damage(damaged_text())
        if report.backup_path:
            self.status.showMessage(
                self.tr("Database upgraded; the previous file was kept at {path}.").format(
                    path=report.backup_path), 15000)
        self.dashboard.refresh(then=self._offer_demo_if_empty)
        if store is not None and not store.read_only and not store.damage.detail:
            self.runner.run(identity.profile, label=self.tr("Loading your profile"),
                            on_done=lambda me: self.introduce.setVisible(
                                me is None or not me.named))
        if not self.is_ready:
            self.is_ready = True
            gc.freeze()  # see gui_gc: later collections skip what start-up made

    def introduce_me(self, name: str, language: str) -> None:
        """First start: keep the display name; a new language applies after a restart."""
        from modconsole.services import identity  # loaded before the bar can show

        changed = language != gui_settings().value("language", "system")

        def saved(_result) -> None:
            self.introduce.hide()
            if changed:
                gui_settings().setValue("language", language)
                self.alert.show_alert(self.tr("Saved. The console speaks the new language "
                                              "after a restart."),
                                      ((self.tr("Restart now"), self.restart_requested.emit),))
            else:
                self.status.showMessage(self.tr("Saved: you appear as {name}.").format(
                    name=" ".join(name.split())), 8000)

        self.runner.run(lambda s: identity.set_display_name(s, name),
                        label=self.tr("Saving your profile"), changes=("staff",),
                        on_done=saved, on_error=lambda _exc, message: self.introduce.text.setText(
                            message))

    def show_damage(self, message: str = "") -> None:
        """The file is damaged: writes stop; offer the newest backup or a salvage."""
        if self.runner.store is not None and not self.runner.store.damage.detail:
            self.runner.store.damage.detail = message or "found by the daily backup"
        self.alert.show_alert(damaged_text(), (
            (self.tr("Restore the newest backup…"), self.restore_newest),
            (self.tr("Salvage into a new file…"), self.ask_salvage)))

    def restore_newest(self) -> None:
        from modconsole.services import backups  # loaded before the pages were built

        found = backups.list_backups(self.database)
        if not found:
            self.show_error(self.tr("There is no automatic backup of this database yet. "
                                    "Salvage what is readable into a new file instead."))
            return
        self.settings_page.ask_restore(found[0].path)

    def ask_salvage(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Salvage into a new database"),
            str(self.database.with_name(self.database.stem + "-salvaged.db")),
            self.tr("modconsole database (*.db)"))
        if name:
            self.salvage_to(Path(name))

    def salvage_to(self, target: Path) -> None:
        from modconsole.services import backups  # loaded before the pages were built

        source = self.database
        self.runner.run(lambda _s: backups.salvage(source, target),
                        label=self.tr("Salvaging the database"),
                        on_done=lambda report: self._salvaged(target, report))

    def _salvaged(self, target: Path, report) -> None:
        lost = sum(report.lost.values())
        self.settings_page.set_database_choice(target)
        self.alert.show_alert(self.tr(
            "{copied} rows were copied into {path} ({lost} unreadable rows or ranges left "
            "behind). The console opens it after a restart.").format(
            copied=f"{sum(report.copied.values()):,}", path=target, lost=f"{lost:,}"),
            ((self.tr("Restart now"), self.restart_requested.emit),))

    def _offer_demo_if_empty(self, summary) -> None:
        """First start on an empty database: show the dashboard's demo offer."""
        if summary.members == 0:
            self.show_page("dashboard")
            self.dashboard.demo_button.setFocus()

    def _on_open_failed(self, message: str) -> None:
        """Replace the pages with what went wrong and the ways out."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(48, 40, 48, 40)
        title = QLabel(self.tr("The database cannot be opened"))
        title.setObjectName("pageTitle")
        text = QLabel(message)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choose = QPushButton(self.tr("Choose another database…"))
        choose.clicked.connect(self._choose_after_failure)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(choose, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self._error_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.sidebar.setEnabled(False)

    def _choose_after_failure(self) -> None:
        self.settings_page.choose_database()

    def show_error(self, message: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("modconsole"), message,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def show_unexpected_error(self, exc: BaseException) -> QMessageBox:
        return self.show_error(self.tr("Something went wrong: {error}. The console keeps "
                                       "running; details are in the log file.").format(error=exc))

    # -- window state -----------------------------------------------------------
    def _restore(self) -> None:
        settings = gui_settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self.fit_screen()
        page = settings.value("window/page", "dashboard")
        self.show_page(page if page in PAGES else "dashboard")

    def fit_screen(self) -> None:
        """Never larger than the screen's free area (a high scale factor shrinks it)."""
        free = self.screen().availableGeometry()
        if self.width() <= free.width() and self.height() <= free.height():
            return
        self.resize(min(self.width(), free.width()), min(self.height(), free.height()))
        self.move(free.topLeft())

    def closeEvent(self, event) -> None:
        rulebook = self.pages.get("rules")
        if rulebook is not None and rulebook.unsaved():
            choice = rulebook.keep_or_lose_edits(then=self.close)
            if choice != "discard":  # cancelled, or closing again once the save landed
                self.show_page("rules")
                event.ignore()
                return
            rulebook.forget_edits()
        gui_settings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
