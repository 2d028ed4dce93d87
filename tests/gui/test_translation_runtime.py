from PySide6.QtCore import QCoreApplication

from modconsole.domain.ladder import Step
from modconsole.gui.i18n import install_translators, resolve_language
from modconsole.gui.queue.labels import ladder_line, step_name


def test_chinese_translation_loads_and_applies(qapp):
    translators = install_translators(qapp, "zh_CN")
    try:
        assert translators, "modconsole_zh_CN.qm did not load"
        assert QCoreApplication.translate("MainWindow", "Roster") == "成员"
        assert QCoreApplication.translate("SettingsForm", "Settings") == "设置"
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："  # Qt's own
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "Roster") == "Roster"


def test_explicit_language_beats_the_system():
    assert resolve_language("en") == "en"
    assert resolve_language("zh_CN") == "zh_CN"
    assert resolve_language("system") in ("en", "zh_CN")


def test_counted_labels_fill_in_their_number_in_both_languages(qapp):
    explained = {"ordinal": 3, "window_days": 90, "step": "mute:7", "aggravated": False,
                 "decayed": 2}
    assert step_name(Step("mute", 7)) == "mute 7 day(s)"
    assert ladder_line(explained).endswith("(2 older offence(s) decayed)")
    translators = install_translators(qapp, "zh_CN")
    try:
        assert step_name(Step("mute", 7)) == "禁言 7 天"
        assert "2 次较早违规已衰减" in ladder_line(explained)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_a_service_refusal_reaches_the_window_in_chinese(qapp, store):
    from modconsole.gui.operations import describe_error
    from modconsole.services.errors import UserError
    from modconsole.services.groups import create_group

    with store.transaction() as session:
        create_group(session, "上海1群", "regional")
    try:
        with store.transaction() as session:
            create_group(session, "上海1群", "regional")
    except UserError as exc:
        refused = exc
    assert describe_error(refused, "Adding a group") == "There is already a group '上海1群'."
    translators = install_translators(qapp, "zh_CN")
    try:
        assert describe_error(refused, "Adding a group") == "已有名为“上海1群”的群。"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
