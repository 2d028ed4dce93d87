"""Phrase-book files are checked as strictly as the editor checks, and refused in words."""

import json

import pytest

from modconsole.domain.placeholders import MAX_RENDERED_CHARS

ID = "0190a5c2-0000-7000-8000-000000000001"



def _book(tmp_path, **changes):
    entry = {"id": ID, "family_id": ID, "code": "welx", "title": "欢迎新人", "category": "welcome",
             "lang": "zh_CN", "scope": "team", "body": "欢迎 {nickname}！", "tags": ["新人"],
             "history": [], **changes}
    path = tmp_path / "book.json"
    path.write_text(json.dumps({"format": "modconsole-phrasebook", "version": 1,
                                "templates": [entry]}, ensure_ascii=False), encoding="utf-8")
    return path


def test_codes_are_normalised_as_the_editor_does(cli, tmp_path):
    code, _, err = cli("templates", "import", str(_book(tmp_path, code=" /WELX ")))
    assert code == 0, err
    code, out, err = cli("templates", "render", "welx", "--var", "nickname=小明")
    assert code == 0, err
    assert out.strip() == "欢迎 小明！"


@pytest.mark.parametrize("changes, words", [
    ({"family_id": 12}, "'family_id' must be a template id"),
    ({"id": "x" * 5000}, "'id' must be a template id"),
    ({"history": ["not-a-fingerprint"]}, "not a version fingerprint"),
    ({"history": "abc"}, "'history' must be a list"),
    ({"tags": [1, 2]}, "'tags' must be a list"),
    ({"scope": ["team"]}, "'scope' must be text"),
    ({"body": "欢迎\x00"}, "control character U+0000"),
    ({"category": "x" * 10_000}, "Unknown category 'x{79}…'"),
])
def test_bad_fields_are_named(cli, tmp_path, changes, words):
    code, _, err = cli("templates", "import", str(_book(tmp_path, **changes)))
    assert code == 1, err
    assert "template 1" in err and words.split("'x")[0] in err
    assert len(err) < 1000


def test_json_nested_very_deep_is_refused(cli, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"format": "modconsole-phrasebook", "templates": ' + "[" * 100_000 +
                    "]" * 100_000 + "}", encoding="utf-8")
    code, _, err = cli("templates", "import", str(path))
    assert code == 1 and "nests its JSON too deeply" in err


def test_a_csv_field_over_the_csv_limit_is_refused(cli, tmp_path):
    path = tmp_path / "book.csv"
    path.write_text("id,code,title,category,lang,body\n" + f"{ID},a,b,welcome,zh_CN,"
                    + "x" * 200_000 + "\n", encoding="utf-8")
    code, _, err = cli("templates", "import", str(path))
    assert code == 1 and "line 2" in err and "not readable as CSV" in err


def test_a_rendered_reply_is_capped(cli, tmp_path):
    assert cli("templates", "import", str(_book(tmp_path, body="{nickname}" * 100)))[0] == 0
    code, _, err = cli("templates", "render", "welx", "--var", "nickname=" + "长" * 1000)
    assert code == 1
    assert f"over {MAX_RENDERED_CHARS:,} characters" in err
