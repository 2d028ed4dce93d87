from PySide6.QtCore import QCoreApplication

from modconsole.gui.i18n import install_translators, resolve_language


def test_chinese_translation_loads_and_applies(qapp):
    translators = install_translators(qapp, "zh_CN")
    try:
        assert translators, "modconsole_zh_CN.qm did not load"
        assert QCoreApplication.translate("MainWindow", "Roster") == "成员"
        assert QCoreApplication.translate("SettingsForm", "Settings") == "设置"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "Roster") == "Roster"


def test_explicit_language_beats_the_system():
    assert resolve_language("en") == "en"
    assert resolve_language("zh_CN") == "zh_CN"
    assert resolve_language("system") in ("en", "zh_CN")
