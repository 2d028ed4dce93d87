"""Settings: who you are, interface language, database and backups (ui/settings_page.ui)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFile, Qt, Signal
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from modconsole.assets import ui_path
from modconsole.gui.i18n import LANGUAGES
from modconsole.gui.operations import OperationRunner
from modconsole.gui.qsettings import gui_settings
from modconsole.gui.role_names import role_names
from modconsole.services import backups, identity
from modconsole.services.backup import backup
from modconsole.services.locations import write_config


def load_form(name: str, parent: QWidget) -> QWidget:
    """Build a Designer form; its strings go through the installed translators."""
    file = QFile(str(ui_path(name)))
    if not file.open(QFile.OpenModeFlag.ReadOnly):
        raise OSError(f"cannot read the form {ui_path(name)}")
    try:
        return QUiLoader().load(file, parent)
    finally:
        file.close()


class SettingsPage(QWidget):
    """Language and database location; both apply after a restart, offered in place.

    Signals:
        restart_requested(): the person asked to restart now.
        message(str): something to show in the status bar.
        restored(): a backup was put in place of the database (and it is open again).
        profile_saved(): the display name and role were saved.
    """

    restart_requested = Signal()
    message = Signal(str)
    restored = Signal()
    profile_saved = Signal()

    def __init__(self, runner: OperationRunner, database: Path, parent=None):
        super().__init__(parent)
        self._runner = runner
        self._database = database
        form = load_form("settings_page.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()  # the page is taller than a 700-pixel window
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form)
        layout.addWidget(scroll)
        self.language = form.findChild(QComboBox, "languageCombo")
        self.database_path = form.findChild(QLineEdit, "databasePath")
        self.restart_banner = form.findChild(QFrame, "restartBanner")
        self.restart_banner.setObjectName("banner")
        self.restart_banner.hide()
        self.database_path.setText(str(database))

        self.language.addItem(self.tr("Follow the system"), "system")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        current = gui_settings().value("language", "system")
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.currentIndexChanged.connect(self._language_changed)

        form.findChild(QPushButton, "chooseDatabase").clicked.connect(self.choose_database)
        form.findChild(QPushButton, "defaultDatabase").clicked.connect(self.use_default_database)
        form.findChild(QPushButton, "backupNow").clicked.connect(self.ask_backup)
        form.findChild(QPushButton, "restartButton").clicked.connect(self.restart_requested)
        self.name = form.findChild(QLineEdit, "nameEdit")
        self.role = form.findChild(QComboBox, "roleCombo")
        for key, label in role_names().items():
            self.role.addItem(label, str(key))
        self.save_profile_button = form.findChild(QPushButton, "saveProfile")
        self.save_profile_button.clicked.connect(self.save_profile)
        self.name.returnPressed.connect(self.save_profile)
        self._me, self._in_team = None, False
        for widget in (self.name, self.role, self.save_profile_button):
            widget.setEnabled(False)  # until the profile has loaded
        runner.opened.connect(lambda _report: self.isVisible() and self.load_profile())
        runner.changed.connect(lambda topics: "staff" in topics and self.isVisible()
                               and self.load_profile())
        self.backup_list = form.findChild(QListWidget, "backupList")
        self.restore_button = form.findChild(QPushButton, "restoreBackup")
        self.restore_button.clicked.connect(self.ask_restore)
        self.backup_list.itemActivated.connect(lambda _item: self.ask_restore())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.list_backups()
        self.load_profile()

    def load_profile(self) -> None:
        if self._runner.store is not None:
            self._runner.run(identity.profile, label=self.tr("Loading your profile"),
                             on_done=self._show_profile)

    def _show_profile(self, me: identity.Profile | None) -> None:
        self.name.setText(me.name if me else "")
        self.role.setCurrentIndex(max(self.role.findData(me.role if me else ""), 0))
        self._me = me
        read_only = bool(self._runner.store and self._runner.store.read_only)
        tip = self.tr("Signed in to a team, your name and role are your team account's; an "
                      "admin changes them on the Team page.") if self._in_team else ""
        for widget in (self.name, self.role, self.save_profile_button):
            widget.setEnabled(me is not None and not read_only and not self._in_team)
            widget.setToolTip(tip)

    def follow_team(self, signed_in: bool) -> None:
        """Signed in, the team account names this person and gives the role."""
        if signed_in != self._in_team:
            self._in_team = signed_in
            self._show_profile(self._me)

    def save_profile(self) -> None:
        name, role = self.name.text(), self.role.currentData()
        if not name.strip():
            self.message.emit(self.tr("Type the name your team and members know you by."))
            self.name.setFocus()
            return

        def job(session):
            identity.set_display_name(session, name)
            identity.set_role(session, role)

        self._runner.run(job, label=self.tr("Saving your profile"), changes=("staff",),
                         on_done=lambda _r: self._profile_saved(name),
                         on_error=lambda _exc, message: self.message.emit(message))

    def _profile_saved(self, name: str) -> None:
        self.profile_saved.emit()
        self.message.emit(self.tr("Saved: you appear as {name}.").format(
            name=" ".join(name.split())))

    def list_backups(self) -> None:
        """The automatic backups, newest first (a folder listing: quick, no database)."""
        self.backup_list.clear()
        for b in backups.list_backups(self._database):
            item = QListWidgetItem(self.tr("{when}  ·  {size} MB").format(
                when=f"{b.taken_at:%Y-%m-%d %H:%M}", size=f"{b.size / 1e6:,.1f}"))
            item.setData(Qt.ItemDataRole.UserRole, b.path)
            self.backup_list.addItem(item)
        found = self.backup_list.count() > 0
        if found:
            self.backup_list.setCurrentRow(0)
        else:
            empty = QListWidgetItem(self.tr("No backups yet: the first is made a minute after "
                                            "the console starts."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.backup_list.addItem(empty)
        self.restore_button.setEnabled(found)

    def ask_restore(self, path: Path | None = None) -> QMessageBox | None:
        """Confirm, then put a backup (the chosen one, or `path`) in place of the database."""
        item = self.backup_list.currentItem()
        path = path or (item.data(Qt.ItemDataRole.UserRole) if item else None)
        if path is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore a backup"), self.tr(
            "Replace the database with the backup {name}? Changes made since it was taken "
            "are not in it; the current file is kept beside it.").format(name=path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.accepted.connect(lambda: self.restore(path))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def restore(self, path: Path) -> None:
        self._runner.replace_file(
            lambda database: backups.restore(database, path),
            label=self.tr("Restoring a backup"),
            on_done=self._restored, on_error=lambda _exc, message: self.message.emit(message))

    def _restored(self, aside: Path) -> None:
        self.restored.emit()
        self.message.emit(self.tr("Backup restored. The file it replaced is kept at "
                                  "{path}.").format(path=aside))
        self.list_backups()

    def _language_changed(self) -> None:
        gui_settings().setValue("language", self.language.currentData())
        self.restart_banner.show()

    def set_database_choice(self, path: Path | None) -> None:
        """Remember the database for the next start (None: the default location)."""
        write_config(database=str(path) if path else None)
        self.restart_banner.show()
        if path is not None:
            self.database_path.setText(str(path))

    def choose_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Choose a database file"), str(self._database.parent),
            self.tr("modconsole database (*.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if name:
            self.set_database_choice(Path(name))

    def use_default_database(self) -> None:
        self.set_database_choice(None)
        self.message.emit(self.tr("The default database location is used after a restart."))

    def ask_backup(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up the database"),
            str(self._database.with_name(self._database.stem + "-backup.db")),
            self.tr("modconsole database (*.db)"))
        if name:
            self.backup_to(Path(name))

    def backup_to(self, target: Path) -> None:
        source = self._database
        self._runner.run(lambda _s: backup(source, target, overwrite=True),
                         label=self.tr("Backing up"),
                         on_done=lambda size: self.message.emit(
                             self.tr("Backup written to {path} ({size} bytes).").format(
                                 path=target, size=f"{size:,}")))
