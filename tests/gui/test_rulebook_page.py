"""The Rulebook page's ladder editor: Ctrl+L, checked as you type, saved and audited."""

from PySide6.QtCore import Qt

from modconsole.domain.enums import StaffRole
from modconsole.domain.ladder import Ladder, Step
from modconsole.gui.ladder_dialog import LadderDialog
from modconsole.services import audit, rulebook
from modconsole.store import models as m
from modconsole.store.settings import set_setting
from tests.gui.conftest import query, settle


def _lead(s):
    lead = m.Staff(name="Lin", role=StaffRole.LEAD)
    s.add(lead)
    s.flush()
    set_setting(s, "me", lead.id)


def test_ctrl_l_edits_the_default_ladder(qtbot, make_window, db_path):
    query(db_path, _lead)
    window = make_window()
    window.show()
    window.show_page("rules")
    page = window.rulebook
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() > 0, timeout=10_000)
    window.activateWindow()
    page.tree.setFocus()
    qtbot.waitUntil(page.tree.hasFocus)
    qtbot.keyClick(page.tree, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, LadderDialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.steps.setText("warn, mute:3, slap")
    assert not ok.isEnabled() and "'slap' is not a step" in dialog.preview.text()
    dialog.steps.setText("warn, mute:3, ban")
    dialog.window.setValue(60)
    assert ok.isEnabled()
    dialog.activateWindow()
    dialog.steps.setFocus()
    qtbot.waitUntil(dialog.steps.hasFocus)
    qtbot.keyClick(dialog.steps, Qt.Key.Key_Return)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "60" in page.ladder_hint.text())

    def check(s):
        assert rulebook.default_ladder(s) == Ladder(
            (Step("warn"), Step("mute", 3), Step("ban")), window_days=60)
        [entry] = audit.entries(s, audit.AuditFilter(action="rulebook.ladder"))
        assert "mute:3" in entry.after
    query(db_path, check)


def test_an_unsaved_rule_edit_is_never_dropped_silently(qtbot, make_window, db_path,
                                                        monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    query(db_path, _lead)
    window = make_window()
    window.show_page("rules")
    page = window.rulebook
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() > 1, timeout=10_000)
    first, second = page.tree.topLevelItem(0), page.tree.topLevelItem(1)
    page.tree.setCurrentItem(first)
    code = page._shown.code
    page.title_en.setText("Edited, not saved")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or
                        QMessageBox.StandardButton.Cancel)
    page.tree.setCurrentItem(second)  # cancel: stay on the edited rule
    assert asked and code in asked[-1]
    assert page.tree.currentItem() is first and page.title_en.text() == "Edited, not saved"
    window.close()  # cancel again: the window stays open on the rulebook
    assert window.isVisible() and window.current_page() == "rules"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Save)
    window.close()  # save, then close
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    titles = query(db_path, lambda s: [r.title_en for r in rulebook.list_rules(s)
                                       if r.code == code])
    assert titles == ["Edited, not saved"]
