"""Who am I: the first start asks for a display name; Settings edits it and the role; notices
are signed with it, never with the OS login."""

import pytest
from PySide6.QtCore import Qt

from modconsole.services import identity
from modconsole.services.errors import FieldError
from modconsole.services.reply_context import ReplyContext, context_values
from tests.gui.conftest import query, settle


def test_the_first_start_asks_who_i_am_and_notices_are_signed_with_it(qtbot, make_window,
                                                                       db_path):
    window = make_window()
    window.show()
    bar = window.introduce
    qtbot.waitUntil(bar.isVisible, timeout=10_000)
    bar.name.setFocus()
    qtbot.keyClick(bar.name, Qt.Key.Key_Return)  # empty: asked again, nothing saved
    assert bar.isVisible() and "Type the name" in bar.text.text()
    bar.name.insert(" 王浩然 ")
    qtbot.keyClick(bar.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=10_000)
    me = query(db_path, identity.profile)
    assert (me.name, me.named) == ("王浩然", True)
    assert query(db_path, lambda s: context_values(s, ReplyContext(), "zh_CN"))[0][
        "moderator"] == "王浩然"
    window.runner.shutdown()
    again = make_window()  # named: not asked again
    settle(qtbot, again)
    assert not again.introduce.isVisible()


def test_settings_edit_the_name_and_the_role(qtbot, make_window, db_path):
    window = make_window()
    window.show()
    window.show_page("settings")
    page = window.settings_page
    qtbot.waitUntil(lambda: page.name.text() != "" and page.name.isEnabled(), timeout=10_000)
    page.name.setText("Lin")
    page.role.setCurrentIndex(page.role.findData("lead"))
    with qtbot.waitSignal(page.profile_saved, timeout=10_000):
        qtbot.mouseClick(page.save_profile_button, Qt.MouseButton.LeftButton)
    me = query(db_path, identity.profile)
    assert (me.name, me.role, me.named) == ("Lin", "lead", True)


@pytest.mark.parametrize("bad", ["", "   ", "x" * 41, "王\x00"])
def test_a_display_name_is_checked(bad):
    with pytest.raises(FieldError):
        identity.set_display_name(None, bad)  # refused before the database is touched
