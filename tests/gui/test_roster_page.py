"""The roster page driven with keys and clicks: filter, search, tag, undo, segments, import."""

import csv

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QWizard
from sqlalchemy import func, select

from modconsole.domain.member_filter import MemberFilter
from modconsole.gui.roster.tag_dialogs import BulkTagDialog
from modconsole.services import roster
from modconsole.store import models as m
from tests.gui.conftest import fill_demo, query, settle
from tests.tag_links import holders as tag_holders


@pytest.fixture
def demo_db(db_path):
    return fill_demo(db_path, members=300, seed=3)


@pytest.fixture
def page(qtbot, make_window, demo_db):
    window = make_window(demo_db)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    roster_page = window.roster
    qtbot.waitUntil(lambda: roster_page.count == 300, timeout=10_000)
    return roster_page


def test_rows_load_in_sql_order_and_the_model_is_sound(qtbot, qtmodeltester, page, demo_db):
    model = page.model
    assert model.rowCount() == 300
    qtbot.waitUntil(lambda: model.row_at(0) is not None)
    expected = query(demo_db, lambda s: [r.name for r in roster.list_members(
        s, MemberFilter(), limit=5).rows])
    assert [model.index(i, 0).data() for i in range(5)] == expected
    qtmodeltester.check(model)
    page.table.sortByColumn(8, Qt.SortOrder.DescendingOrder)  # points, in SQL
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: model.row_at(0) is not None)
    top = query(demo_db, lambda s: roster.list_members(s, MemberFilter(), sort="points",
                                                       descending=True, limit=1).rows[0])
    assert model.row_at(0).id == top.id


def test_search_and_filters_compose_and_the_count_follows(qtbot, page, demo_db):
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.window().focusWidget() is page.search
    page.search.insert("王")  # QTest types ASCII only; insert is what typing does
    expected = query(demo_db, lambda s: roster.count_members(s, MemberFilter(query="王")))
    qtbot.waitUntil(lambda: page.count == expected and page.model.filter.query == "王",
                    timeout=5000)
    assert 0 < expected < 300
    qtbot.mouseClick(page.filters.layers.buttons["core"], Qt.MouseButton.LeftButton)
    both = query(demo_db, lambda s: roster.count_members(
        s, MemberFilter(query="王", layers=("core",))))
    qtbot.waitUntil(lambda: page.model.filter.layers == ("core",) and page.count == both,
                    timeout=5000)
    settle(qtbot, page.window())
    assert page.model.rowCount() == both
    assert f"{both} member" in page.count_label.text()
    page.search.clear()
    qtbot.keyClick(page, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: page.count == 300, timeout=5000)


def test_no_match_shows_an_empty_state_that_says_what_to_do(qtbot, page):
    page.search.insert("无此人zzz")
    qtbot.waitUntil(lambda: page.count == 0, timeout=5000)
    settle(qtbot, page.window())
    assert page.table_stack.currentWidget() is page.empty
    assert "No member matches: Search: " in page.empty.text()


def _tick_tag(dialog, name, column):
    tree = dialog.tree
    for i in range(tree.topLevelItemCount()):
        parent = tree.topLevelItem(i)
        for j in range(parent.childCount()):
            if parent.child(j).text(0) == name:
                parent.child(j).setCheckState(column, Qt.CheckState.Checked)
                return parent.child(j).data(0, Qt.ItemDataRole.UserRole)[1]
    raise AssertionError(f"no tag {name}")


def test_bulk_tag_the_selection_then_undo_and_redo(qtbot, page, demo_db):
    window = page.window()
    page.table.setFocus()
    qtbot.waitUntil(lambda: page.model.row_at(4) is not None)
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = page.selected_ids()
    assert len(chosen) == 3
    qtbot.keyClick(page.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = next(d for d in page.findChildren(BulkTagDialog) if d.isVisible())
    assert dialog.on_selection.isChecked()
    tag_id = _tick_tag(dialog, "摄影", 1)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    settle(qtbot, window)

    def holders():
        return query(demo_db, lambda s: tag_holders(s, tag_id))

    assert set(chosen) <= holders()
    assert page.undo_stack.canUndo()
    window.activateWindow()  # the offscreen platform leaves the closed dialog active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.undo_stack.index() == 0
    settle(qtbot, window)
    after_undo = holders()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, window)
    assert set(chosen) <= holders()
    assert not set(chosen) <= after_undo


def test_bulk_tag_a_whole_filter(qtbot, page, demo_db):
    qtbot.mouseClick(page.filters.layers.buttons["base"], Qt.MouseButton.LeftButton)
    base = query(demo_db, lambda s: roster.count_members(s, MemberFilter(layers=("base",))))
    qtbot.waitUntil(lambda: page.count == base, timeout=5000)
    dialog = page.tag_members()
    dialog.on_filter.setChecked(True)
    tag_id = _tick_tag(dialog, "读书", 1)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    settle(qtbot, page.window())
    tagged = query(demo_db, lambda s: roster.count_members(
        s, MemberFilter(layers=("base",), all_tags=(tag_id,))))
    assert tagged == base


def test_save_a_segment_and_open_it_from_the_sidebar(qtbot, page, demo_db, monkeypatch):
    window = page.window()
    qtbot.mouseClick(page.filters.classes.buttons["paying"], Qt.MouseButton.LeftButton)
    paying = query(demo_db, lambda s: roster.count_members(s, MemberFilter(classes=("paying",))))
    qtbot.waitUntil(lambda: page.count == paying, timeout=5000)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("付费会员", True))
    qtbot.keyClick(page.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    segment_list = window.segments.list
    qtbot.waitUntil(lambda: segment_list.count() == 1
                    and segment_list.item(0).text() == f"付费会员  {paying:,}", timeout=5000)
    qtbot.mouseClick(page.filters.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.count == 300, timeout=5000)
    window.show_page("dashboard")
    rect = segment_list.visualItemRect(segment_list.item(0))
    qtbot.mouseClick(segment_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page() == "roster"
    qtbot.waitUntil(lambda: page.count == paying, timeout=5000)
    assert page.filters.classes.values() == ("paying",)

    # Delete on the roster table is not for the segment list; on the list it deletes.
    window.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    settle(qtbot, window)
    assert segment_list.count() == 1
    segment_list.setFocus()
    qtbot.waitUntil(segment_list.hasFocus)
    segment_list.setCurrentRow(0)
    qtbot.keyClick(segment_list, Qt.Key.Key_Delete)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: segment_list.count() == 0 or "Ctrl+S" in segment_list.item(0).text(),
                    timeout=5000)


def test_import_with_a_bad_row_is_refused_then_good_rows_go_in(qtbot, page, demo_db,
                                                                 tmp_path):
    path = tmp_path / "new.csv"
    with path.open("w", newline="", encoding="gbk") as f:
        writer = csv.writer(f)
        writer.writerow(["微信号", "姓名", "标签"])
        writer.writerow(["wx_new_1", "新成员甲", "读书"])
        writer.writerow(["wx_new_2", "", ""])
    qtbot.keyClick(page.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    wizard = next(w for w in page.findChildren(QWizard) if w.isVisible())
    qtbot.keyClicks(wizard.file_page.path, str(path))
    wizard.next()  # the file is read on a reader thread, then the wizard goes on
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=5000)
    assert [c.currentData() for c in wizard.mapping_page.combos] == [
        "platform_id", "name", "tags"]
    wizard.next()
    run = wizard.run_page
    qtbot.mouseClick(run.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: run.import_button.isEnabled(), timeout=5000)
    assert "Nothing was imported" in run.result.text()
    assert run.errors.rowCount() == 1
    assert (run.errors.item(0, 0).text(), run.errors.item(0, 1).text()) == ("3", "姓名")
    assert query(demo_db, lambda s: roster.count_members(s, MemberFilter())) == 300
    run.skip.setChecked(True)
    qtbot.mouseClick(run.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: run.isComplete(), timeout=5000)
    assert "1 new members" in run.result.text()
    assert (tmp_path / "new-errors.csv").exists()
    qtbot.waitUntil(lambda: page.count == 301, timeout=5000)
    wizard.accept()

    def new_member_class(s):
        return s.scalar(select(m.Member.member_class).where(m.Member.platform_id == "wx_new_1"))
    qtbot.waitUntil(lambda: query(demo_db, new_member_class) == "silent", timeout=10_000)


def test_member_panel_edits_a_field_and_adds_a_note(qtbot, page, demo_db):
    qtbot.waitUntil(lambda: page.model.row_at(0) is not None)
    page.table.selectRow(0)
    panel = page.panel
    member_id = page.model.row_at(0).id
    qtbot.waitUntil(lambda: panel.member_id == member_id and panel.content.isVisible(),
                    timeout=5000)
    assert "why" not in panel.why.text() and "·" in panel.why.text()
    region = panel.fields["region"]
    region.setFocus()
    region.selectAll()
    region.insert("拉萨")
    qtbot.keyClick(region, Qt.Key.Key_Return)
    settle(qtbot, page.window())
    panel.note_edit.insertPlainText("喜欢徒步")
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page.window())
    member = query(demo_db, lambda s: s.get(m.Member, member_id))
    assert member.region == "拉萨"
    qtbot.waitUntil(lambda: panel.notes.count() >= 1 and "喜欢徒步" in panel.notes.item(0).text())
    email = panel.fields["email"]
    email.setFocus()
    email.selectAll()
    qtbot.keyClicks(email, "bad")
    qtbot.keyClick(email, Qt.Key.Key_Return)
    settle(qtbot, page.window())
    assert email.text() == (member.email or "")  # refused and put back


def test_import_creates_the_groups_a_file_names_unless_told_not_to(qtbot, page, demo_db,
                                                                   tmp_path):
    path = tmp_path / "groups.csv"
    path.write_text("微信号,姓名,群\nwx_g1,甲,读书会9群\nwx_g2,乙,读书会9群\n", encoding="utf-8")
    qtbot.keyClick(page.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    wizard = next(w for w in page.findChildren(QWizard) if w.isVisible())
    qtbot.keyClicks(wizard.file_page.path, str(path))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=5000)
    wizard.next()
    run = wizard.run_page
    run.new_groups.setChecked(False)
    qtbot.mouseClick(run.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: run.check_button.isEnabled() and run.errors.rowCount() == 2,
                    timeout=5000)
    assert run.errors.item(0, 1).text() == "群"
    run.new_groups.setChecked(True)
    qtbot.mouseClick(run.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: run.isComplete(), timeout=5000)
    assert "New groups: 读书会9群." in run.result.text()
    groups = query(demo_db, lambda s: s.scalars(select(m.Group.name)).all())
    assert "读书会9群" in groups
    wizard.accept()


def test_the_side_panes_fold_away_and_come_back_as_they_were_left(qtbot, make_window, demo_db,
                                                                   settings):
    window = make_window(demo_db)
    window.show_page("roster")
    panes = window.roster.panes
    filters, details = panes.actions_by_pane[0], panes.actions_by_pane[2]
    assert window.width() <= window.screen().availableGeometry().width()  # fits the screen
    assert not details.isChecked() and panes.sizes()[2] == 0  # a narrow first start folds it
    qtbot.keyClick(window.roster, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert details.isChecked() and panes.sizes()[2] > 0
    filters.trigger()
    assert panes.sizes()[0] == 0 and panes.sizes()[1] > 0
    window.close()
    again = make_window(demo_db)
    again.show_page("roster")
    sizes = again.roster.panes.sizes()
    assert sizes[0] == 0 and sizes[2] > 0  # remembered
    assert not again.roster.panes.actions_by_pane[0].isChecked()


def test_a_window_larger_than_the_screen_is_brought_inside_it(make_window):
    window = make_window()
    free = window.screen().availableGeometry()
    window.resize(free.width() + 400, free.height() + 300)
    window.fit_screen()
    assert window.width() <= free.width() and window.height() <= free.height()


def test_active_filters_show_as_chips_that_remove_one_condition_each(qtbot, page, demo_db):
    qtbot.mouseClick(page.filters.layers.buttons["core"], Qt.MouseButton.LeftButton)
    reading = query(demo_db, lambda s: s.scalar(select(m.Tag.id).where(m.Tag.name == "读书")))
    page.filters.set_filter(MemberFilter(layers=("core",), all_tags=(reading,)))
    both = query(demo_db, lambda s: roster.count_members(
        s, MemberFilter(layers=("core",), all_tags=(reading,))))
    qtbot.waitUntil(lambda: page.count == both, timeout=5000)
    chips = page.filter_chips
    assert chips.isVisibleTo(page)
    assert [c.text() for c in chips.chips] == ["Tag: 读书  ✕", "core  ✕"]
    qtbot.mouseClick(chips.chips[0], Qt.MouseButton.LeftButton)  # ✕ on the tag only
    core = query(demo_db, lambda s: roster.count_members(s, MemberFilter(layers=("core",))))
    qtbot.waitUntil(lambda: page.count == core, timeout=5000)
    assert page.filters.current_filter() == MemberFilter(layers=("core",))
    assert [c.text() for c in page.filter_chips.chips] == ["core  ✕"]
    page.search.setText("没有这个名字")
    qtbot.waitUntil(lambda: page.count == 0, timeout=5000)
    assert page.table_stack.currentWidget() is page.empty
    assert "Search: 没有这个名字" in page.empty.text() and "core" in page.empty.text()
    qtbot.keyClick(page.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # clear all, the search too
    qtbot.waitUntil(lambda: page.count == 300, timeout=5000)
    assert page.search.text() == "" and not page.filter_chips.isVisibleTo(page)


def test_a_ticked_tag_stays_in_sight_after_the_catalogue_reloads(qtbot, page, demo_db):
    reading = query(demo_db, lambda s: s.scalar(select(m.Tag.id).where(m.Tag.name == "读书")))
    page.filters.set_filter(MemberFilter(all_tags=(reading,)))
    page.reload_all()  # as after a bulk tagging
    settle(qtbot, page.window())
    item = next(i for i in page.filters._tag_items() if (i.data(0, Qt.ItemDataRole.UserRole)
                                                          or (None, None))[1] == reading)
    assert item.checkState(0) == Qt.CheckState.Checked and item.parent().isExpanded()


def _tag_item(dialog, name):
    return next(item for item in dialog._tag_items() if item.text(0) == name)


def test_select_all_means_every_member_the_filter_matches(qtbot, page):
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert page.table.everything
    dialog = page.tag_members()
    assert dialog.on_filter.isChecked() and "300" in dialog.on_filter.text()
    dialog.reject()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.table.visualRect(page.model.index(2, 0)).center())
    assert not page.table.everything
    dialog = page.tag_members()
    assert dialog.on_selection.isChecked() and dialog.on_selection.text() == (
        "The 1 selected members")
    dialog.reject()


def test_the_tag_dialog_ticks_from_the_keyboard_and_creates_a_tag(qtbot, page, demo_db,
                                                                   monkeypatch):
    dialog = page.tag_members()
    reading = _tag_item(dialog, "读书")
    group = reading.parent().text(0)
    dialog.tree.setCurrentItem(reading)
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_A)
    assert reading.checkState(1) == Qt.CheckState.Checked
    qtbot.keyClick(dialog.tree, Qt.Key.Key_R)
    assert reading.checkState(2) == Qt.CheckState.Checked
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)
    assert reading.checkState(1) == Qt.CheckState.Unchecked
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("读书会员", True))
    dialog.activateWindow()  # shortcuts fire in the active window
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(i.text(0) == "读书会员" for i in dialog._tag_items()),
                    timeout=5000)
    fresh = _tag_item(dialog, "读书会员")
    assert fresh.checkState(1) == Qt.CheckState.Checked  # the new tag is ticked to add
    assert fresh.parent().text(0) == group  # in the current tag's group
    assert _tag_item(dialog, "读书").checkState(2) == Qt.CheckState.Checked  # ticks kept
    assert query(demo_db, lambda s: s.scalar(select(m.Tag.id).where(m.Tag.name == "读书会员")))
    dialog.reject()


def test_groups_are_renamed_capped_and_archived_on_the_groups_tab(qtbot, page, demo_db,
                                                                  monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    page.tabs.setCurrentIndex(1)
    view = page.groups_view
    qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=5000)
    before = view.table.rowCount()
    assert not view.buttons["rename"].isEnabled()  # nothing chosen yet
    view.table.selectRow(0)
    old = view.infos[0]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("读书会·一群", True))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: any(g.name == "读书会·一群" for g in view.infos), timeout=5000)
    row = next(i for i, g in enumerate(view.infos) if g.name == "读书会·一群")
    view.table.selectRow(row)
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (321, True))
    view.buttons["cap"].click()
    qtbot.waitUntil(lambda: any(g.cap == 321 for g in view.infos), timeout=5000)
    row = next(i for i, g in enumerate(view.infos) if g.name == "读书会·一群")
    view.table.selectRow(row)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: view.table.rowCount() == before - 1, timeout=5000)
    archived = query(demo_db, lambda s: s.get(m.Group, old.id))
    assert archived.deleted_at is not None and archived.cap == 321


def test_n_adds_a_member_by_hand_and_keeps_the_form_on_a_refusal(qtbot, page, demo_db):
    taken = query(demo_db, lambda s: s.scalar(select(m.Member.platform_id).limit(1)))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N)
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if w.windowTitle() == "New member" and w.isVisible())
    dialog.fields["platform_id"].insert(taken)
    dialog.fields["name"].insert("林小夏")
    dialog.fields["phone"].insert("not-a-phone")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    qtbot.waitUntil(lambda: "phone" in dialog.error.text().lower(), timeout=5000)
    assert dialog.isVisible() and dialog.fields["phone"].hasFocus()
    dialog.fields["phone"].clear()
    ok.click()
    qtbot.waitUntil(lambda: taken in dialog.error.text(), timeout=5000)  # already a member
    dialog.fields["platform_id"].clear()
    dialog.fields["platform_id"].insert("wx_new_lin")
    ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: page.count == 301, timeout=10_000)
    added = query(demo_db, lambda s: s.scalar(select(m.Member).where(
        m.Member.platform_id == "wx_new_lin")))
    assert added.name == "林小夏"


def test_window_shortcuts_work_in_the_search_box_and_copy_and_undo_say_so(qtbot, page,
                                                                          monkeypatch):
    from modconsole.gui.roster.tools import ExportDialog

    opened = []
    monkeypatch.setattr(ExportDialog, "open", lambda self: opened.append(self))
    page.window().activateWindow()
    page.search.setFocus()
    qtbot.waitUntil(page.search.hasFocus)
    qtbot.keyClick(page.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1  # Ctrl+E exports even from the search box
    page.table.selectRow(0)
    page.copy_platform_ids()
    qtbot.waitUntil(lambda: page.window().statusBar().currentMessage()
                    == "Copied 1 platform id.", timeout=5000)
    dialog = page.tag_members()
    _tick_tag(dialog, "读书", 1)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.undo_stack.canUndo(), timeout=5000)
    settle(qtbot, page.window())
    step = page.undo_stack.undoText()
    assert step.startswith("Tag ")
    page.commands["undo"].trigger()
    assert page.window().statusBar().currentMessage() == f"Undone: {step}."


def test_select_all_acts_on_the_whole_filter_without_reading_rows_one_by_one(
        qtbot, page, demo_db, monkeypatch):
    def row_by_row(*_args):
        raise AssertionError("a bulk action listed the selection row by row")

    monkeypatch.setattr(QItemSelectionModel, "selectedRows", row_by_row)
    monkeypatch.setattr(QItemSelectionModel, "selectedIndexes", row_by_row)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert page.table.everything and page.selected_count() == 300
    page.copy_platform_ids()
    qtbot.waitUntil(lambda: page.window().statusBar().currentMessage()
                    == "Copied 300 platform ids.", timeout=5000)
    copied = QApplication.clipboard().text().split("\n")
    assert sorted(copied) == sorted(query(demo_db, lambda s: list(s.scalars(
        select(m.Member.platform_id).where(m.Member.deleted_at.is_(None))))))


def test_a_shift_selection_reaches_rows_not_loaded_yet(qtbot, page, demo_db):
    page.table.setFocus()
    page.table.selectRow(0)
    last = page.model.rowCount() - 1
    page.table.selectionModel().select(
        QItemSelection(page.model.index(0, 0), page.model.index(last, 0)),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert not page.table.everything and page.selected_count() == 300
    targets = page.selection_targets()
    assert len(targets.rowids) == 300  # every row by rowid, loaded or not
    page.copy_platform_ids()
    qtbot.waitUntil(lambda: page.window().statusBar().currentMessage()
                    == "Copied 300 platform ids.", timeout=5000)


def test_the_import_file_is_read_off_the_gui_thread_and_its_errors_shown(
        qtbot, page, tmp_path, monkeypatch):
    import threading

    from modconsole.gui.roster import import_wizard

    threads = []
    real = import_wizard.open_table

    def reading(*args):
        threads.append(threading.get_ident())
        return real(*args)

    monkeypatch.setattr(import_wizard, "open_table", reading)
    wizard = page.import_members()
    wizard.file_page.path.setText(str(tmp_path / "missing.csv"))
    wizard.next()
    qtbot.waitUntil(lambda: "There is no file" in wizard.file_page.error.text(), timeout=5000)
    assert wizard.currentPage() is wizard.file_page
    good = tmp_path / "ok.csv"
    good.write_text("微信号,姓名\nwx_1,甲\n", encoding="utf-8")
    wizard.file_page.path.setText(str(good))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=5000)
    assert len(threads) == 2 and threading.get_ident() not in threads
    wizard.reject()


def test_an_outside_change_keeps_the_member_selected_and_the_scroll(qtbot, qtmodeltester,
                                                                      page, demo_db):
    model, table = page.model, page.table
    qtbot.waitUntil(lambda: model.row_at(0) is not None)
    table.scrollTo(model.index(150, 0))
    qtbot.waitUntil(lambda: model.row_at(150) is not None)
    table.selectRow(150)
    chosen = model.member_id(150)
    qtbot.waitUntil(lambda: page.panel.member_id == chosen, timeout=5000)
    scroll = table.verticalScrollBar().value()
    assert scroll > 0
    first = model.row_at(0).name

    def colleagues_change(s):  # one member sorts first, another leaves the list
        s.add(m.Member(platform_id="wx_first", name="阿" + first))
        s.get(m.Member, model.member_id(0)).deleted_at = m.utcnow()
        s.add(m.Member(platform_id="wx_last", name="龘"))
    query(demo_db, colleagues_change)
    page.runner.changed.emit(frozenset({"external", "members"}))  # as a sync that pulled
    qtbot.waitUntil(lambda: page.count == 301 and model.rowCount() == 301, timeout=10_000)
    qtbot.waitUntil(lambda: model.row_at(0) is not None)
    assert model.row_at(0).name == "阿" + first
    assert model.member_id(table.currentIndex().row()) == chosen
    assert [model.member_id(i.row()) for i in table.selectionModel().selectedRows()] == [chosen]
    assert table.verticalScrollBar().value() == scroll
    assert page.panel.member_id == chosen
    qtmodeltester.check(model)

    page.runner.changed.emit(frozenset({"external", "cases"}))  # nothing the roster shows
    settle(qtbot, page.window())
    assert model.member_id(table.currentIndex().row()) == chosen


def test_the_wizard_names_the_columns_it_will_not_import(qtbot, page, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("微信号,姓名,最后活跃,积分,备注,来自哪里\nwx_1,甲,2026-11-30,10,老朋友,海边\n",
                    encoding="utf-8")
    wizard = page.import_members()
    qtbot.keyClicks(wizard.file_page.path, str(path))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=5000)
    mapping = wizard.mapping_page
    assert [c.currentData() for c in mapping.combos] == [
        "platform_id", "name", "last_active_at", "points", None, None]
    assert mapping.unused.text().startswith("Not imported: 备注, 来自哪里.")
    mapping.combos[5].setCurrentIndex(mapping.combos[5].findData("region"))
    assert mapping.unused.text().startswith("Not imported: 备注.")
    wizard.reject()


def test_chat_import_wizard_checks_then_imports_and_the_panel_shows_activity(
        qtbot, page, demo_db, tmp_path):
    from tests.chat_exports import Msg, at, telegram

    quiet = select(m.MemberDay.member)  # members the demo gave no chat days, so the streak
    known = query(demo_db, lambda s: s.execute(  # is this export's alone
        select(m.Member.platform_id, m.Member.nickname).where(m.MEMBER_ROWID.not_in(quiet))
        .order_by(m.Member.platform_id).limit(2)).all())
    # Telegram ids are numbers, the demo's are not: these match by group nickname
    messages = [Msg(at(d), known[0][0], known[0][1], "打卡") for d in range(1, 6)]
    messages += [Msg(at(2), "777", "路人甲", "加我微信"),
                 Msg(at(3), known[1][0], known[1][1], "hi")]
    path = telegram(tmp_path / "result.json", messages, name="聊天导入群")
    qtbot.keyClick(page.table, Qt.Key.Key_I,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wizard = next(w for w in page.findChildren(QWizard) if w.isVisible())
    qtbot.keyClicks(wizard.choose_page.path, str(path))
    wizard.next()  # recognised on a reader thread, then the wizard goes on
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.run_page, timeout=5000)
    run = wizard.run_page
    assert "Telegram" in run.what.text() and "聊天导入群" in run.what.text()
    qtbot.mouseClick(run.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: run.check_button.isEnabled(), timeout=10_000)
    assert "7 messages" in run.result.text() and "6 new from 2 members" in run.result.text()
    assert "Nothing was written yet." in run.result.text()
    demo_days = query(demo_db, lambda s: s.scalar(select(func.count()).select_from(m.MemberDay)))
    tabs = {run.lists.tabText(i): run.lists.widget(i) for i in range(run.lists.count())}
    senders = tabs["Senders who match no member (1)"]
    assert (senders.item(0, 0).text(), senders.item(0, 1).text()) == ("路人甲", "777")
    flagged = tabs["Flagged (1)"]  # 加我微信: the starter rulebook's ad detector
    assert (flagged.item(0, 1).text(), flagged.item(0, 2).text()) == ("路人甲",
                                                                      "GROUP.UNRELATED_AD")
    qtbot.mouseClick(run.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: run.isComplete(), timeout=10_000)
    assert "Imported: 2 members updated" in run.result.text()
    assert query(demo_db, lambda s: s.scalar(select(func.count()).select_from(
        m.MemberDay))) > demo_days
    wizard.accept()
    member = query(demo_db, lambda s: s.scalar(select(m.Member).where(
        m.Member.platform_id == known[0][0])))
    assert member.active_streak_days == 5 and member.posts_count >= 5
    page.search.insert(known[0][0])
    qtbot.waitUntil(lambda: page.count == 1 and page.model.row_at(0) is not None, timeout=5000)
    page.table.selectRow(0)
    panel = page.panel
    qtbot.waitUntil(lambda: panel._detail is not None and panel._detail.member["id"] == member.id,
                    timeout=5000)
    assert "5 messages on 5 days since 2026-03-01" in panel.activity.text()
    assert sum(panel.sparkline._values) == sum(panel._detail.activity.per_day)


def test_member_panel_more_fields_save_typed_and_picked_values(qtbot, page, demo_db):
    qtbot.waitUntil(lambda: page.model.row_at(0) is not None)
    page.table.selectRow(0)
    panel = page.panel
    member_id = page.model.row_at(0).id
    qtbot.waitUntil(lambda: panel.member_id == member_id and panel.content.isVisible(),
                    timeout=5000)
    assert not panel.more.isVisible()
    panel.more_button.click()
    assert panel.more.isVisible()
    level = panel.more_fields["level"]
    level.setFocus()
    level.selectAll()
    qtbot.keyClicks(level, "4")
    qtbot.keyClick(level, Qt.Key.Key_Return)
    settle(qtbot, page.window())
    panel.more_fields["email_verified"].click()
    settle(qtbot, page.window())
    status = panel.more_fields["status"]
    status.setCurrentIndex(status.findData("left"))
    status.activated.emit(status.currentIndex())
    settle(qtbot, page.window())
    member = query(demo_db, lambda s: s.get(m.Member, member_id))
    assert (member.level, member.status) == (4, "left") and member.left_at is not None
    assert member.email_verified is True
    qtbot.waitUntil(lambda: panel.more_fields["left_at"].text() != "", timeout=5000)
    status.setCurrentIndex(status.findData("banned"))
    status.activated.emit(status.currentIndex())
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: status.currentData() == "left", timeout=5000)  # refused, put back


def test_cancelling_a_chat_import_leaves_nothing_behind(qtbot, page, demo_db, tmp_path):
    from tests.chat_exports import Msg, at, telegram

    nickname = query(demo_db, lambda s: s.scalar(select(m.Member.nickname).limit(1)))
    demo_days = query(demo_db, lambda s: s.scalar(select(func.count()).select_from(m.MemberDay)))
    messages = [Msg(at(1 + i // 5000, 8, (i // 60) % 60, i % 60), "1", nickname, f"第{i}条")
                for i in range(60_000)]  # three batches: the first progress report cancels
    path = telegram(tmp_path / "result.json", messages)
    wizard = page.import_chat()
    wizard.choose_page.path.setText(str(path))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.run_page, timeout=5000)
    run = wizard.run_page
    qtbot.mouseClick(run.import_button, Qt.MouseButton.LeftButton)
    assert run.cancel_button.isEnabled()
    qtbot.mouseClick(run.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: run.import_button.isEnabled(), timeout=20_000)
    assert "cancelled; nothing was changed" in run.result.text()
    assert not run.isComplete()
    counts = query(demo_db, lambda s: (
        s.scalar(select(func.count()).select_from(m.MemberDay)),
        s.scalar(select(func.count()).select_from(m.ChatSource)),
        s.scalar(select(func.count()).select_from(m.Group).where(m.Group.name == "产品交流群"))))
    assert counts == (demo_days, 0, 0)
    wizard.reject()
