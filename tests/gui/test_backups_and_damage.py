"""Daily backups from the window, a damaged database's bar and its way out by restore."""

from PySide6.QtWidgets import QMessageBox

from modconsole.services import backups
from modconsole.store import damage
from tests.damage import overwrite_pages
from tests.gui.conftest import fill_demo, settle


def test_a_backup_is_made_listed_and_restored_over_a_damaged_file(qtbot, make_window,
                                                                   db_path, tmp_path):
    fill_demo(db_path, members=2000, seed=4)
    window = make_window()
    window.show()
    with qtbot.waitSignal(window.backups.made, timeout=20_000) as made:
        window.backups.run_now()
    assert made.args[0] is not None and made.args[0].path.exists()
    window.show_page("settings")
    assert window.settings_page.backup_list.count() == 1
    assert window.settings_page.restore_button.isEnabled()
    window.runner.shutdown()

    overwrite_pages(db_path)
    window = make_window()
    window.show()
    qtbot.waitUntil(window.alert.isVisible, timeout=10_000)
    assert "damaged" in window.alert.text.text()
    assert window.runner.store.damage.detail
    errors = []
    window.runner.run(lambda s: s.connection().exec_driver_sql(
        "UPDATE settings SET value_json = value_json"), label="Saving", changes=("members",),
        on_error=lambda _exc, message: errors.append(message))
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "damaged" in errors[0]
    window.resize(1024, 700)
    window.grab().save(str(tmp_path / "damaged.png"))

    window.restore_newest()
    box = next(w for w in window.settings_page.findChildren(QMessageBox) if w.isVisible())
    box.accept()
    with qtbot.waitSignal(window.settings_page.restored, timeout=20_000):
        pass
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.runner.store is not None and not window.alert.isVisible(),
                    timeout=10_000)
    assert not window.runner.store.damage.detail
    assert damage.check(db_path, full=True) is None
    assert len(list(tmp_path.glob("console.db.before-restore-*.bak"))) == 1
    assert backups.list_backups(db_path)
