import json
import sqlite3

from modconsole.services.locations import config_dir, resolve_database_path


def test_language_choice_is_saved_and_offers_a_restart(make_window, settings):
    window = make_window()
    page = window.settings_page
    window.show_page("settings")
    assert not page.restart_banner.isVisible()
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    assert settings.value("language") == "zh_CN"
    assert page.restart_banner.isVisible()


def test_database_choice_is_shared_with_the_cli(make_window, tmp_path):
    window = make_window()
    other = tmp_path / "team.db"
    window.settings_page.set_database_choice(other)
    assert json.loads((config_dir() / "config.json").read_text())["database"] == str(other)
    assert resolve_database_path() == other
    window.settings_page.use_default_database()
    assert resolve_database_path() != other


def test_backup_now_writes_a_copy(qtbot, make_window, tmp_path):
    window = make_window()
    target = tmp_path / "backup.db"
    with qtbot.waitSignal(window.settings_page.message, timeout=10_000) as signal:
        window.settings_page.backup_to(target)
    assert "Backup written" in signal.args[0]
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM rules").fetchone()[0] > 50
    conn.close()
