"""Crafted import files: each is read correctly or refused in words (exit 1), never exit 3,
and costs what its content weighs."""

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from modconsole.services.table_files import neutralise, open_table, restore
from tests.xlsx_parts import rewrite, shared_strings_xlsx


def _names(cli):
    code, out, _ = cli("members", "list", "--json", "--limit", "1000")
    assert code == 0
    return {m["platform_id"]: m for m in json.loads(out)}


HEADER = "平台ID,姓名,地区\n"


def test_big5_is_read_as_big5_not_stored_as_mojibake(cli, tmp_path):
    rows = "".join(f"tw{i},張三{i},臺北市\n" for i in range(30))
    (tmp_path / "big5.csv").write_bytes(("平台ID,姓名,地區\n" + rows).encode("big5"))
    code, _, err = cli("import", "members", str(tmp_path / "big5.csv"))
    assert code == 0, err
    members = _names(cli)
    assert members["tw7"]["name"] == "張三7"


def test_shift_jis_is_refused_naming_what_it_looks_like(cli, tmp_path):
    rows = "".join(f"jp{i},山田太郎{i},東京都新宿区\n" for i in range(30))
    (tmp_path / "sjis.csv").write_bytes(("ID,名前,地域\n" + rows).encode("shift_jis"))
    code, _, err = cli("import", "members", str(tmp_path / "sjis.csv"))
    assert code == 1
    assert "is not UTF-8, GB18030 or Big5" in err and "CSV UTF-8" in err
    assert _names(cli) == {}


def test_a_bad_byte_is_located_by_line_and_character(cli, tmp_path):
    good = "".join(f"wx{i},会员{i},上海\n" for i in range(40_000))  # past the 8 KB read chunk
    data = (HEADER + good).encode() + "wx_bad,王".encode() + b"\xff" + "五,上海\n".encode()
    (tmp_path / "bad.csv").write_bytes(data)
    code, _, err = cli("import", "members", str(tmp_path / "bad.csv"), "--encoding", "utf-8")
    assert code == 1
    assert "on line 40002, character 9 (byte 0xFF)" in err


def test_control_characters_are_refused_naming_row_and_column(cli, tmp_path):
    (tmp_path / "nul.csv").write_text(HEADER + "wx1,张\x00三,上海\nwx2,李四,北\x07京\n",
                                      encoding="utf-8")
    code, _, err = cli("import", "members", str(tmp_path / "nul.csv"))
    assert code == 1
    assert "row 2, 姓名: holds the control character U+0000 at character 2" in err
    assert "row 3, 地区: holds the control character U+0007 at character 2" in err
    assert _names(cli) == {}


def test_error_messages_quote_at_most_80_characters_of_a_value(cli, tmp_path):
    (tmp_path / "long.csv").write_text("平台ID,姓名,性别\nwx1,张三," + "x" * 100_000 + "\n",
                                       encoding="utf-8")
    code, _, err = cli("import", "members", str(tmp_path / "long.csv"))
    assert code == 1
    assert len(err) < 2000 and "x" * 79 + "…" in err
    (tmp_path / "huge.csv").write_text("平台ID,姓名\nwx1,张三\nwx2," + "x" * 5_000_000 + "\n",
                                       encoding="utf-8")
    code, _, err = cli("import", "members", str(tmp_path / "huge.csv"))
    assert code == 1 and "line 3: a cell is longer than 131,072 characters" in err


def test_the_consoles_own_export_imports_back_unchanged(cli, tmp_path):
    (tmp_path / "in.csv").write_text(
        "平台ID,姓名,手机,群昵称\nwx1,张三,+86 138 0000 0000,=SUM(A1)\n"
        "wx2,李四,,'+1 引号\n", encoding="utf-8")
    assert cli("import", "members", str(tmp_path / "in.csv"))[0] == 0
    columns = ("--columns", "platform_id,name,phone,nickname")
    for kind in ("csv", "xlsx"):
        first, second = tmp_path / f"1.{kind}", tmp_path / f"2.{kind}"
        assert cli("export", "members", str(first), *columns)[0] == 0
        code, _, err = cli("import", "members", str(first))
        assert code == 0, err
        assert cli("export", "members", str(second), *columns)[0] == 0
        assert [r for r in open_table(first).rows()] == [r for r in open_table(second).rows()]
    written = (tmp_path / "1.csv").read_text(encoding="utf-8-sig")
    assert "'+86 138 0000 0000" in written and "'=SUM(A1)" in written and "'+1 引号" in written
    members = _names(cli)
    # a typed apostrophe before a formula character is Excel's text marker, not content
    assert (members["wx1"]["nickname"], members["wx2"]["nickname"]) == ("=SUM(A1)", "+1 引号")


@given(st.text(alphabet="'=+-@\t\rab 引", max_size=8))
def test_the_formula_guard_is_undone_exactly(value):
    assert restore(neutralise(value)) == value
    assert not neutralise(value).lstrip("'").startswith(("=", "+", "-", "@")) or \
        neutralise(value).startswith("'")


def _xlsx(path, rows):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_a_sheet_that_declares_the_whole_grid_reads_only_its_cells(cli, tmp_path):
    path = tmp_path / "huge.xlsx"
    _xlsx(path, [["平台ID", "姓名"], ["wx1", "张三"], ["wx2", "李四"]])
    rewrite(path, "xl/worksheets/sheet1.xml",
             lambda x: re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:XFD1048576"', x))
    table = open_table(path)
    assert [len(r) for r in table.rows()] == [2, 2]  # not 16,384 cells a row
    assert cli("import", "members", str(path))[0] == 0
    assert set(_names(cli)) == {"wx1", "wx2"}


def test_a_sheet_of_empty_rows_imports_nothing_and_says_so(cli, tmp_path):
    path = tmp_path / "empty.xlsx"
    _xlsx(path, [["平台ID", "姓名"]])
    rows = b"".join(b'<row r="%d"/>' % n for n in range(2, 20_002))
    rewrite(path, "xl/worksheets/sheet1.xml",
             lambda x: re.sub(rb"</row>\s*</sheetData>", b"</row>" + rows + b"</sheetData>", x))
    code, _, err = cli("import", "members", str(path))
    assert code == 1 and "has no data rows" in err


@pytest.mark.parametrize("damage, words", [
    (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), "not a readable Excel"),
    (lambda p: rewrite(p, "xl/worksheets/sheet1.xml", lambda x: None), "has no worksheet"),
    (lambda p: rewrite(p, "xl/workbook.xml", lambda x: None), "not a readable Excel"),
    (lambda p: rewrite(p, "xl/sharedStrings.xml", lambda x: x[: len(x) // 2]),
     "not a readable Excel file (ParseError"),
    (lambda p: rewrite(p, "xl/worksheets/sheet1.xml", lambda x: x.replace(b"<v>5</v>",
                                                                          b"<v>9999</v>")),
     "not a readable Excel"),
    (lambda p: rewrite(p, "xl/worksheets/sheet1.xml", lambda x: x[: len(x) - 40]),
     "not a readable Excel"),
])
def test_a_damaged_workbook_is_refused_naming_the_problem(cli, tmp_path, damage, words):
    path = tmp_path / "broken.xlsx"
    shared_strings_xlsx(path, [["平台ID", "姓名"]] + [[f"wx{i}", f"会员{i}"] for i in range(200)])
    damage(path)
    code, _, err = cli("import", "members", str(path))
    assert code == 1, err
    assert words in err
    assert _names(cli) == {}


def test_a_formula_without_a_saved_result_is_named_by_cell(cli, tmp_path):
    path = tmp_path / "formula.xlsx"
    _xlsx(path, [["平台ID", "姓名"], ["wx1", "张三"], ["wx2", '=CONCAT("李","四")']])
    code, _, err = cli("import", "members", str(path))
    assert code == 1
    assert "cell B3 (row 3, column 2) holds the formula" in err
    assert _names(cli) == {}
