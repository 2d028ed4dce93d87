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


def test_a_rule_shows_and_saves_its_detectors(qtbot, make_window, db_path):
    import json

    query(db_path, _lead)
    window = make_window()
    window.show()
    window.show_page("rules")
    page = window.rulebook
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() > 0, timeout=10_000)
    language = next(rid for rid, r in page.rules.items() if r.code == "GROUP.LANGUAGE")

    def find(item=None):
        items = [page.tree.topLevelItem(i) for i in range(page.tree.topLevelItemCount())]
        while items:
            item = items.pop()
            if item.data(0, Qt.ItemDataRole.UserRole) == language:
                return item
            items += [item.child(i) for i in range(item.childCount())]
        return None
    page.tree.setCurrentItem(find())
    form = page.detectors
    assert "傻逼" in form.keywords.toPlainText() and not page.unsaved()
    assert "Detectors flag matching messages" in form.stats.text()
    form.keywords.setPlainText(form.keywords.toPlainText() + "\n笨蛋，白痴")
    form.repeat_count.setValue(3)
    form.repeat_seconds.setValue(120)
    assert page.unsaved()
    page.save()
    settle(qtbot, window)
    stored = query(db_path, lambda s: s.get(m.Rule, language).detectors_json)
    data = json.loads(stored)
    assert data["keywords"][-2:] == ["笨蛋", "白痴"]
    assert data["repeat"] == {"times": 3, "seconds": 120}
    form.patterns.setPlainText("(unclosed")
    page.save()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "is not a regular expression" in page.note.text())
    assert query(db_path, lambda s: s.get(m.Rule, language).detectors_json) == stored
    page.forget_edits()  # the refused pattern stays in the form; closing must not ask
