"""The Replies page and the quick-reply popup, driven with keys and clicks."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from modconsole.domain.member_filter import MemberFilter
from modconsole.domain.placeholders import Limit
from modconsole.gui.replies.quick_insert import QuickInsertDialog
from modconsole.services import replies, roster
from modconsole.services.reply_context import ReplyContext
from tests.gui.conftest import fill_demo, query, settle


@pytest.fixture
def demo_db(db_path):
    return fill_demo(db_path, members=60, seed=5)


@pytest.fixture
def page(qtbot, make_window, demo_db):
    window = make_window(demo_db)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    replies_page = window.replies
    qtbot.waitUntil(lambda: replies_page.list.topLevelItemCount() > 0, timeout=10_000)
    return replies_page


def shown_codes(page) -> list[str]:
    return [page.list.topLevelItem(i).text(1) for i in range(page.list.topLevelItemCount())]


def test_search_by_code_and_edit_with_problems_flagged_and_history_kept(qtbot, page, demo_db):
    page.search.setFocus()
    qtbot.keyClicks(page.search, "/mu")
    qtbot.waitUntil(lambda: set(shown_codes(page)) == {"/mute"})
    page.list.setCurrentItem(page.list.topLevelItem(0))
    template = page._current
    assert page.editor.body.toPlainText() == template.body
    assert "{nickname}" not in page.editor.preview.toPlainText()  # sample values fill it

    page.editor.body.moveCursor(page.editor.body.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.editor.body, " {nickame} {0.__class__}")
    assert "Did you mean {nickname}?" in page.editor.problems.text()
    assert "{0.__class__} is not a placeholder" in page.editor.problems.text()
    assert page.editor.preview.toPlainText().endswith("{nickame} {0.__class__}")
    assert "Unsaved" in page.state.text()

    page.window().activateWindow()
    qtbot.keyClick(page.window(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: "Unsaved" not in page.state.text())
    history = query(demo_db, lambda s: replies.history(s, template.id))
    assert [h.body for h in history] == [template.body]
    assert query(demo_db, lambda s: replies.get_template(s, template.id).body).endswith(
        "{nickame} {0.__class__}")


def test_new_template_with_a_limit_warning_and_delete_undo(qtbot, page, demo_db):
    query(demo_db, lambda s: replies.set_limits(s, {"custom": Limit(chars=10)}))
    page.reload()
    settle(qtbot, page.window())
    page.window().activateWindow()
    qtbot.keyClick(page.window(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.editor.title, "Thanks")
    qtbot.keyClicks(page.editor.code, "thanks")
    page.editor.category.setCurrentIndex(page.editor.category.findData("custom"))
    page.editor.lang.setCurrentIndex(page.editor.lang.findData("en"))
    qtbot.keyClicks(page.editor.body, "Thank you {nickname}, well done!")
    assert page.editor.counts.property("over") is True
    assert "over the limit of 10" in page.editor.counts.text()
    qtbot.keyClick(page.window(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: "/thanks" in shown_codes(page))
    assert page._current.code == "thanks"

    page.window().activateWindow()
    page.list.setFocus()
    qtbot.waitUntil(page.list.hasFocus)
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: "/thanks" not in shown_codes(page))
    page.window().activateWindow()
    qtbot.keyClick(page.window(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: "/thanks" in shown_codes(page))


def test_preview_for_a_member_and_copy_counts_a_use(qtbot, page, demo_db):
    member = query(demo_db, lambda s: roster.list_members(s, MemberFilter(), limit=1).rows[0])
    page.search.setText("/welcome")
    qtbot.waitUntil(lambda: len(shown_codes(page)) == 2)
    page.list.setCurrentItem(page.list.topLevelItem(0))
    page.editor.member.insert(member.platform_id)
    qtbot.keyClick(page.editor.member, Qt.Key.Key_Return)
    settle(qtbot, page.window())
    nickname = member.nickname or member.name
    qtbot.waitUntil(lambda: nickname in page.editor.preview.toPlainText())
    template = page._current
    page.commands["copy"].trigger()
    settle(qtbot, page.window())
    qtbot.waitUntil(lambda: nickname in QApplication.clipboard().text())
    assert query(demo_db, lambda s: replies.get_template(s, template.id).usage_count) == 1


def test_quick_reply_from_the_roster_copies_one_message_per_member(qtbot, page, demo_db):
    window = page.window()
    window.show_page("roster")
    roster_page = window.roster
    qtbot.waitUntil(lambda: roster_page.model.rowCount() == 60, timeout=10_000)
    qtbot.waitUntil(lambda: roster_page.model.member_id(1) is not None)
    roster_page.table.selectRow(0)
    roster_page.table.selectionModel().select(
        roster_page.model.index(1, 0),
        roster_page.table.selectionModel().SelectionFlag.Select
        | roster_page.table.selectionModel().SelectionFlag.Rows)
    names = query(demo_db, lambda s: [r.nickname or r.name for r in roster.load_rows(
        s, [roster_page.model.member_id(0), roster_page.model.member_id(1)])])
    dialog = roster_page.quick_reply()
    assert isinstance(dialog, QuickInsertDialog)
    qtbot.waitUntil(lambda: dialog.list.count() > 0)
    assert "2 members" in dialog.who.text()
    qtbot.keyClicks(dialog.search, "/care")
    qtbot.waitUntil(lambda: dialog.current() is not None and dialog.current().code == "care")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert QApplication.clipboard().text().startswith(names[0])
    assert "Copied 1 of 2" in dialog.status.text()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert QApplication.clipboard().text().startswith(names[1])
    assert not dialog.isVisible()
    settle(qtbot, window)
    assert query(demo_db, lambda s: replies.get_template(s, dialog.current().id).usage_count) == 2

    dialog = roster_page.quick_reply()
    qtbot.waitUntil(lambda: dialog.list.count() > 0)
    dialog.mentions.setChecked(True)
    qtbot.keyClicks(dialog.search, "/warn")
    qtbot.waitUntil(lambda: dialog.current() is not None and dialog.current().code == "warn")
    assert dialog.preview.toPlainText().startswith(f"@{names[0]} @{names[1]}")
    dialog.reject()


def test_drafts_are_not_offered_for_quick_reply(qtbot, page, demo_db):
    query(demo_db, lambda s: replies.set_review_required(s, True))
    query(demo_db, lambda s: replies.create_template(s, replies.TemplateDraft(
        "fresh", "Fresh", "custom", "en", "Hi {nickname}")))
    dialog = QuickInsertDialog(page.window().runner, ReplyContext(), "en", page)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.count() > 0)
    codes = {dialog.list.item(i).text() for i in range(dialog.list.count())}
    assert not any("/fresh" in c for c in codes)
    assert "No member chosen" in dialog.who.text()


def test_preview_against_a_case_or_an_activity(qtbot, page, demo_db):
    from modconsole.domain.placeholders import render
    from modconsole.services.reply_context import context_values

    page.search.setText("/mute")
    qtbot.waitUntil(lambda: len(shown_codes(page)) == 2)
    page.list.setCurrentItem(page.list.topLevelItem(0))
    source = page.editor.source
    qtbot.waitUntil(lambda: source.count() > 2)
    kinds = [source.itemText(i).split(":")[0] for i in range(1, source.count())]
    assert "Case" in kinds and "Activity" in kinds
    body = page.editor.body.toPlainText()
    sample = page.editor.preview.toPlainText()
    for index in (1, kinds.index("Activity") + 1):
        context = source.itemData(index)
        source.setCurrentIndex(index)
        source.activated.emit(index)
        settle(qtbot, page.window())
        (values,) = query(demo_db, lambda s, c=context: context_values(s, c, "en"))
        expected = render(body, values).text
        qtbot.waitUntil(lambda e=expected: page.editor.preview.toPlainText() == e)
        assert expected != sample
