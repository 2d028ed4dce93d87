"""The GUI's own settings (window geometry, last page, language) in the config folder."""

from PySide6.QtCore import QSettings

from modconsole.services.locations import config_dir


def gui_settings() -> QSettings:
    return QSettings(str(config_dir() / "gui.ini"), QSettings.Format.IniFormat)
