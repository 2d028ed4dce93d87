"""Settings: interface language and database location (from ui/settings_page.ui)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFile, Signal
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from modconsole.assets import ui_path
from modconsole.gui.i18n import LANGUAGES
from modconsole.gui.operations import OperationRunner
from modconsole.gui.qsettings import gui_settings
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
    """

    restart_requested = Signal()
    message = Signal(str)

    def __init__(self, runner: OperationRunner, database: Path, parent=None):
        super().__init__(parent)
        self._runner = runner
        self._database = database
        form = load_form("settings_page.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
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
