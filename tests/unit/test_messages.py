"""Sentences from services stay translatable until shown, in the GUI and on the command line."""

import ast
from pathlib import Path

import pytest

from modconsole.domain.messages import N_, Joined, in_english, localize, reason
from modconsole.services.errors import UserError

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "modconsole"
CHINESE = {("t", "No tag '{name}'."): "没有标签“{name}”。", ("t", "tag"): "标签",
           ("t", "Give the {what} a name."): "请给{what}起个名字。",
           ("t", "broken {name}"): "坏了 {nme}"}


def zh(context, source):
    return CHINESE.get((context, source), source)


def test_a_message_is_english_until_translated_and_fills_its_fields_after():
    message = N_("t", "No tag '{name}'.").format(name="VIP")
    assert str(message) == "No tag 'VIP'."
    assert message.translated(zh) == "没有标签“VIP”。"
    error = UserError(message)
    assert str(error) == "No tag 'VIP'."  # logs, tests and pytest.raises(match=) read English
    assert localize(error, zh) == "没有标签“VIP”。"


def test_values_that_are_messages_are_translated_too():
    message = N_("t", "Give the {what} a name.").format(what=N_("t", "tag"))
    assert message.translated(zh) == "请给标签起个名字。"
    assert in_english(message) == "Give the tag a name."
    both = Joined([N_("t", "tag"), "plain"])
    assert localize(both, zh) == "标签; plain"


def test_a_translation_whose_fields_do_not_match_falls_back_to_english():
    assert N_("t", "broken {name}").format(name="x").translated(zh) == "broken x"


def test_reason_keeps_the_message_of_an_exception():
    assert reason(ValueError(N_("t", "tag"))) == N_("t", "tag")
    assert reason(ValueError("plain")) == "plain"


EXCEPTION_ENDINGS = ("Error", "Busy", "Damaged", "ReadOnly", "TooNew", "Refused", "cannot_write")


def _unmarked_error_messages(path: Path) -> list[str]:
    """`SomethingError("text")` or `SomethingError(f"…")` calls: sentences no one can translate."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", "")
        if not name.endswith(EXCEPTION_ENDINGS) or name == "ArgumentTypeError":  # English
            continue
        for arg in node.args:
            joined = isinstance(arg, ast.BinOp) and any(
                isinstance(side, ast.JoinedStr) or (isinstance(side, ast.Constant)
                                                    and " " in str(side.value))
                for side in (arg.left, arg.right))
            if joined or isinstance(arg, ast.JoinedStr) or (
                    isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                    and " " in arg.value):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


@pytest.mark.parametrize("part", ["services", "domain", "store", "cli"])
def test_every_error_a_service_raises_is_marked_for_translation(part):
    files = sorted(PACKAGE.glob("cli*.py")) if part == "cli" else sorted(
        f for f in (PACKAGE / part).rglob("*.py") if "migrations" not in f.parts)
    unmarked = [hit for f in files for hit in _unmarked_error_messages(f)]
    assert unmarked == [], "wrap these in N_(context, text).format(...): " + ", ".join(unmarked)


def _choose_language(config_dir: Path, language: str) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "gui.ini").write_text(f"[General]\nlanguage={language}\n", encoding="utf-8")


def test_the_command_line_speaks_the_language_chosen_in_settings(cli, isolated_config):
    bad_phone = ("members", "add", "--platform-id", "wx1", "--name", "Lin", "--phone", "x-1")
    code, _out, err = cli(*bad_phone)
    assert code == 1 and "is not a phone number" in err
    _choose_language(isolated_config, "zh_CN")
    code, _out, err = cli(*bad_phone)
    assert code == 1
    assert "不是电话号码" in err and "phone number" not in err
    code, _out, _err = cli("members", "add", "--platform-id", "wx2", "--name", "Wang")
    assert code == 0
    code, _out, err = cli("members", "add", "--platform-id", "wx2", "--name", "Wang")
    assert code == 1 and "已有成员“wx2”" in err
