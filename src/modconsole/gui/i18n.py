"""Load the translation for the chosen language (or the system's) before any widget exists."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from modconsole.assets import resource_path
from modconsole.domain.messages import Translate, localize
from modconsole.gui.qsettings import gui_settings

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


def resolve_language(setting: str | None) -> str:
    """`system` (or nothing) follows the system locale; Chinese systems get zh_CN."""
    if setting in LANGUAGES:
        return setting
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install modconsole's and Qt's own translations; keep the returned objects alive."""
    translators = []
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"modconsole_{language}.qm"))):
        app.installTranslator(ours)
        translators.append(ours)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        translators.append(qt)
    QLocale.setDefault(QLocale(language))
    return translators


@cache
def _catalogue(language: str) -> QTranslator:
    translator = QTranslator()
    translator.load(str(resource_path("translations", f"modconsole_{language}.qm")))
    return translator


def catalogue(language: str) -> Translate:
    """`language`'s catalogue as a Translate that needs no QApplication (the CLI's)."""
    translator = _catalogue(language)
    return lambda context, source: translator.translate(context, source) or source


def localized(value) -> str:
    """A service's message (or an exception carrying one) in the interface's language."""
    return str(localize(value, QCoreApplication.translate))


def configured_language() -> str:
    """The language chosen in Settings, or the system's; the CLI speaks it too."""
    return resolve_language(gui_settings().value("language", "system"))


def ui_lang() -> str:
    """The phrase book language (zh_CN or en) matching the interface language."""
    return "zh_CN" if QLocale().name().startswith("zh") else "en"
