import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from modconsole.gui.command_palette import CommandPalette
from modconsole.gui.main_window import PAGES
from modconsole.services import identity
from modconsole.services.startup import open_console_database
from modconsole.store import models as m
from tests.gui.conftest import fill_demo, query, settle


def visible_texts(widget):
    return " ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def test_every_page_is_reachable_by_shortcut(qtbot, make_window):
    window = make_window()
    for number, key in enumerate(PAGES, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() == key
        page = window.pages[key]
        assert page.isVisible()
        assert visible_texts(page).strip(), f"{key} page shows nothing"


def test_status_bar_shows_database_offline_state_and_pending_changes(qtbot, make_window,
                                                                     db_path):
    window = make_window()
    status = window.status
    assert status.database_label.text() == str(db_path)
    assert status.sync_label.text() == "Offline — local only"
    settle(qtbot, window)
    from modconsole.services.info import pending_changes

    waiting = query(db_path, pending_changes)  # the phrase book's first load writes some
    qtbot.waitUntil(lambda: status.pending_label.text().startswith(f"{waiting} change"))


def test_empty_database_offers_the_demo_and_loads_it(qtbot, qapp, make_window):
    from modconsole.gui.enter_key import enter_presses_buttons

    enter_presses_buttons(qapp)
    window = make_window()
    dash = window.dashboard
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: dash.empty_banner.isVisible())
    window.activateWindow()
    dash.demo_button.setFocus()
    qtbot.waitUntil(dash.demo_button.hasFocus)
    with qtbot.waitSignal(dash.demo_loaded, timeout=30_000):
        qtbot.keyClick(dash.demo_button, Qt.Key.Key_Return)  # Enter presses a focused button
    qtbot.waitUntil(lambda: dash.cards["members"].value.text() == "2,000", timeout=10_000)
    assert not dash.empty_banner.isVisible()
    assert dash.demo_note.isVisible()
    assert int(dash.cards["open_cases"].value.text()) > 0


def test_first_start_on_an_empty_database_shows_the_demo_offer(qtbot, make_window, settings):
    settings.setValue("window/page", "planner")
    window = make_window()
    qtbot.waitUntil(lambda: window.current_page() == "dashboard")
    qtbot.waitUntil(lambda: window.dashboard.empty_banner.isVisible())


def test_a_filled_database_opens_on_the_last_page(qtbot, make_window, settings, db_path):
    from modconsole.cli import main

    assert main(["--db", str(db_path), "demo", "--members", "20"]) == 0
    settings.setValue("window/page", "planner")
    window = make_window()
    qtbot.waitUntil(lambda: window.dashboard.cards["members"].value.text() == "20")
    assert window.current_page() == "planner"


def test_an_unexpected_error_is_a_dialog_not_a_traceback(make_window):
    from modconsole.gui.app import _report_uncaught

    window = make_window()
    _report_uncaught(window)(KeyError, KeyError("member 42"), None)
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.isVisible())
    assert "Something went wrong" in box.text() and "member 42" in box.text()


def test_cancelling_the_demo_writes_nothing(qtbot, make_window, db_path):
    window = make_window()
    window.dashboard.load_demo()
    qtbot.waitUntil(lambda: window.status.cancel_button.isVisible(), timeout=10_000)
    qtbot.mouseClick(window.status.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.isVisible())
    assert "cancelled; nothing was changed" in box.text()
    assert window.dashboard.demo_button.isEnabled()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM members").fetchone() == (0,)
    conn.close()


def test_a_newer_database_shows_why_instead_of_crashing(qtbot, make_window, db_path):
    open_console_database(db_path)[0].close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    window = make_window(wait_open=False)
    qtbot.waitUntil(lambda: window._error_page is not None, timeout=10_000)
    text = visible_texts(window._error_page)
    assert "cannot be opened" in text and "newer modconsole" in text
    assert not window.sidebar.isEnabled()


def test_command_palette_runs_an_action_with_the_keyboard(qtbot, make_window):
    window = make_window()
    window.show_page("dashboard")
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = next(w for w in window.findChildren(CommandPalette) if w.isVisible())
    qtbot.keyClicks(palette.search, "settings")
    assert palette.list.count() == 1
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert window.current_page() == "settings"
    assert not palette.isVisible()


def test_window_geometry_is_remembered(qtbot, make_window, db_path):
    # named, so the first start's bar does not add its height to the window's minimum
    query(db_path, lambda s: identity.set_display_name(s, "Lin"))
    window = make_window()
    window.resize(790, 560)  # fits the offscreen 800x600 screen
    window.close()
    again = make_window()
    assert (again.width(), again.height()) == (790, 560)


def test_a_read_only_database_opens_with_a_bar_saying_what_still_works(
        qtbot, make_window, db_path, monkeypatch, tmp_path):
    fill_demo(db_path, members=50, seed=2)
    monkeypatch.setattr("modconsole.store.database._writable", lambda _path: False)
    window = make_window()
    window.show()
    qtbot.waitUntil(window.alert.isVisible, timeout=10_000)
    assert "Read-only" in window.alert.text.text()
    assert window.runner.store.read_only == "ro"
    window.show_page("roster")
    qtbot.waitUntil(lambda: window.roster.model.rowCount() == 50, timeout=10_000)
    errors = []
    window.runner.run(lambda s: s.connection().exec_driver_sql(
        "UPDATE members SET name = 'x'"), label="Renaming", changes=("members",),
        on_error=lambda _exc, message: errors.append(message))
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert errors[0].startswith("Read-only:")
    window.resize(1024, 700)
    window.grab().save(str(tmp_path / "read-only.png"))


def test_a_write_that_waits_for_another_process_says_why_then_lands(qtbot, make_window,
                                                                     db_path):
    window = make_window()
    window.show()
    other, _ = open_console_database(db_path)
    holding = other.transaction()
    with other.writing("import", "members.csv"):
        session = holding.__enter__()
        session.connection().exec_driver_sql("INSERT INTO settings (key, value_json) "
                                             "VALUES ('other', '1')")
        done = []
        window.runner.run(lambda s: s.connection().exec_driver_sql(
            "INSERT INTO settings (key, value_json) VALUES ('mine', '1')"), label="Saving",
            changes=("members",), on_done=done.append)
        qtbot.waitUntil(lambda: "Waiting for an import (members.csv)" in
                        window.status.currentMessage(), timeout=10_000)
        assert not done
        holding.__exit__(None, None, None)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    other.close()
    assert window.status.currentMessage() == ""


def test_changes_by_another_process_refresh_the_window(qtbot, make_window, db_path):
    fill_demo(db_path, members=30, seed=6)
    window = make_window()
    window.show()
    window.show_page("roster")
    qtbot.waitUntil(lambda: window.roster.model.rowCount() == 30, timeout=10_000)
    window.external.poll()  # the first answer is the baseline
    settle(qtbot, window)
    with qtbot.waitSignal(window.runner.changed, timeout=10_000,
                          check_params_cb=lambda topics: "external" in topics):
        query(db_path, lambda s: s.add(m.Member(platform_id="wx_other", name="另一个窗口")))
        window.external.poll()
    qtbot.waitUntil(lambda: window.roster.model.rowCount() == 31, timeout=10_000)
    own = []
    window.runner.changed.connect(own.append)
    done = []
    window.runner.run(lambda s: s.add(m.Member(platform_id="wx_mine", name="本窗口")),
                      label="Adding", changes=("members",), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    window.external.poll()
    settle(qtbot, window)
    assert own == [frozenset({"members", "outbox"})]  # its own write, not someone else's


def test_dashboard_cards_open_what_they_count(qtbot, make_window, db_path):
    fill_demo(db_path, members=60, seed=4)
    window = make_window()
    window.show_page("dashboard")
    dash = window.dashboard
    qtbot.waitUntil(lambda: dash.cards["open_cases"].value.text() not in ("—", "0"),
                    timeout=10_000)
    window.queue.status.setCurrentIndex(window.queue.status.findData("all"))
    qtbot.mouseClick(dash.cards["open_cases"], Qt.MouseButton.LeftButton)
    assert window.current_page() == "queue"
    assert window.queue.status.currentData() == "todo" and window.queue.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == int(
        dash.cards["open_cases"].value.text()), timeout=10_000)  # one definition of "open"
    window.show_page("dashboard")
    dash.cards["active_sanctions"].setFocus()
    qtbot.keyClick(dash.cards["active_sanctions"], Qt.Key.Key_Return)
    assert window.current_page() == "queue" and window.queue.tabs.currentIndex() == 1
    window.show_page("dashboard")
    qtbot.mouseClick(dash.cards["groups"], Qt.MouseButton.LeftButton)
    assert window.current_page() == "roster" and window.roster.tabs.currentIndex() == 1


def test_a_read_that_wrote_after_all_says_the_outbox_changed(qtbot, make_window):
    from sqlalchemy import text

    window = make_window()
    with qtbot.waitSignal(window.runner.changed, timeout=5000) as changed:
        window.runner.run(lambda s: s.execute(text(
            "INSERT INTO settings (key, value_json) VALUES ('x', '1')")), label="Saving")
    assert "outbox" in changed.args[0]


def test_the_palette_finds_every_pages_commands_in_chinese_english_and_pinyin(qtbot, qapp,
                                                                            make_window):
    from modconsole.gui.i18n import install_translators

    translators = install_translators(qapp, "zh_CN")
    try:
        window = make_window()
        palette = window.open_palette()
        qtbot.addWidget(palette)
        places = {entry.place for entry in palette._entries}
        assert {"成员", "违规队列", "活动策划", "审计日志", "规则库"} <= places
        palette.search.insert("demo")  # the English name, in the Chinese UI
        assert palette.list.currentItem().text() == "载入演示社群"
        palette.search.clear()
        palette.search.insert("dbq")  # 打标签: pinyin initials
        assert palette.list.currentItem().text().startswith("成员 › 打标签")
        assert "Ctrl+T" in palette.list.currentItem().text()
        qtbot.keyClick(palette.search, Qt.Key.Key_Return)
        assert window.current_page() == "roster"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_what_start_up_made_is_left_out_of_later_collections(qtbot, make_window):
    import gc

    gc.unfreeze()
    make_window()
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 10_000)  # modules, window, widgets


def test_the_first_frame_waits_for_no_database_code_and_no_page():
    import subprocess
    import sys

    script = ("import sys, modconsole.cli, modconsole.gui.app; print(sorted(m for m in "
              "sys.modules if m.split('.')[0] in ('pypinyin', 'sqlalchemy', 'alembic') "
              "or m.endswith(('.page', '_page'))))")
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           check=True).stdout.strip()
    assert found == "[]"  # main_window.PageLoader loads them after the first paint


def test_the_empty_dashboard_offers_to_join_a_team(qtbot, make_window):
    window = make_window()
    window.show()
    dash = window.dashboard
    qtbot.waitUntil(dash.empty_banner.isVisible, timeout=10_000)
    qtbot.mouseClick(dash.join_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "team" and window.team.url_edit.hasFocus()
