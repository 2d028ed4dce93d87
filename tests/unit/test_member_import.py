"""Import validation, encodings, upsert, reject/skip modes, dry runs; export and the CLI."""

import csv
import json

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from modconsole.cli import main
from modconsole.domain.member_filter import MemberFilter
from modconsole.services import audit, segments, tags
from modconsole.services.errors import RolledBack, UserError
from modconsole.services.member_export import export_members
from modconsole.services.member_import import (
    FIELDS,
    ImportOptions,
    guess_mapping,
    import_members,
    prepare,
)
from modconsole.services.roster import list_members
from modconsole.services.startup import open_console_database
from modconsole.store import models as m

CHINESE_HEADER = ["微信号", "姓名", "群昵称", "手机", "邮箱", "地区", "性别", "入群时间", "群",
                  "标签"]
GOOD = [
    ["wx_a", "王芳", "王芳-上海-教师", "13800001111", "fang@example.com", "上海", "女",
     "2026-03-01", "上海1群", "读书；消费档/299档"],
    ["wx_b", "李雷", "李雷-北京", "", "", "北京", "男", "2026/04/02 10:30", "", "跑步,读书"],
]


def write_csv(path, header, rows, encoding="utf-8"):
    with path.open("w", newline="", encoding=encoding) as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def catalog(store):
    with store.transaction() as s:
        s.add(m.Group(name="上海1群", kind="regional", cap=100))
        spend = tags.create_group(s, "消费档", exclusive=True)
        tags.create_tag(s, "299档", spend.id)
        tags.create_tag(s, "3000档", spend.id)
    return store


def run_import(store, path, **kw):
    table, mapping = prepare(path, kw.pop("overrides", []), kw.pop("encoding", None))
    try:
        with store.transaction() as s:
            return import_members(s, table, ImportOptions(mapping, **kw))
    except RolledBack as outcome:
        return outcome.result


def members(store):
    with store.transaction() as s:
        return {r.platform_id: r for r in list_members(s, MemberFilter(), limit=1000).rows}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_chinese_csv_in_every_encoding(catalog, tmp_path, encoding):
    path = write_csv(tmp_path / "m.csv", CHINESE_HEADER, GOOD, encoding)
    report = run_import(catalog, path)
    assert (report.written, report.created, report.errors) == (True, 2, [])
    got = members(catalog)
    assert got["wx_a"].name == "王芳" and got["wx_a"].groups == ("上海1群",)
    assert set(got["wx_a"].tags) == {"读书", "299档"}
    assert set(got["wx_b"].tags) == {"跑步", "读书"}
    assert report.tags_created == ["读书", "跑步"]


def test_xlsx_with_english_headers_and_numbers(catalog, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Platform ID", "Name", "Phone", "Joined"])
    sheet.append([123456789, "张三", 13900002222, "2026-01-05"])
    book.save(tmp_path / "m.xlsx")
    report = run_import(catalog, tmp_path / "m.xlsx")
    assert report.created == 1
    assert members(catalog)["123456789"].phone == "13900002222"


def test_one_bad_row_rejects_the_file_and_names_row_column_reason(catalog, tmp_path):
    rows = [*GOOD, ["wx_c", "", "", "12", "not-an-email", "", "X", "yesterday", "火星群", ""],
            ["wx_a", "重复", "", "", "", "", "", "", "", "消费档/299档;消费档/3000档"]]
    report = run_import(catalog, write_csv(tmp_path / "m.csv", CHINESE_HEADER, rows),
                        new_groups=False)  # 火星群 is refused, not created
    assert not report.written and report.created == 0
    found = {(e.row, e.column) for e in report.errors}
    assert {(4, "姓名"), (4, "手机"), (4, "邮箱"), (4, "性别"), (4, "入群时间"),
            (4, "群"), (5, "微信号"), (5, "标签")} <= found
    assert "is empty" in str(next(e.reason for e in report.errors if e.column == "姓名"))
    assert members(catalog) == {}
    with catalog.transaction() as s:
        assert s.scalar(select(func.count()).select_from(m.Tag)) == 2  # nothing created


def test_skip_bad_rows_writes_good_rows_and_an_error_file(catalog, tmp_path):
    rows = [GOOD[0], ["wx_c", "", "", "", "", "", "", "", "", ""], GOOD[1]]
    errors = tmp_path / "bad.csv"
    report = run_import(catalog, write_csv(tmp_path / "m.csv", CHINESE_HEADER, rows),
                        skip_bad_rows=True, errors_path=errors)
    assert (report.written, report.created, report.skipped) == (True, 2, 1)
    with errors.open(encoding="utf-8-sig") as f:
        lines = list(csv.reader(f))
    assert lines[0][:3] == ["row", "errors", "微信号"]
    assert lines[1][0] == "3" and "姓名" in lines[1][1] and lines[1][2] == "wx_c"
    with catalog.transaction() as s:
        [entry] = audit.entries(s, audit.AuditFilter(action="member.import"))
    assert '"file": "m.csv"' in entry.after and '"skipped": 1' in entry.after


def test_a_rejected_or_dry_run_import_leaves_no_audit_entry(catalog, tmp_path):
    run_import(catalog, write_csv(tmp_path / "m.csv", CHINESE_HEADER, GOOD), dry_run=True)
    with catalog.transaction() as s:
        assert audit.entries(s, audit.AuditFilter(action="member.import")) == []


def test_dry_run_counts_but_writes_nothing(catalog, tmp_path):
    report = run_import(catalog, write_csv(tmp_path / "m.csv", CHINESE_HEADER, GOOD),
                        dry_run=True)
    assert (report.written, report.created) == (False, 2)
    assert members(catalog) == {}


def test_upsert_updates_given_cells_and_replaces_an_exclusive_band(catalog, tmp_path):
    run_import(catalog, write_csv(tmp_path / "a.csv", CHINESE_HEADER, GOOD))
    update = [["wx_a", "王芳芳", "", "", "", "", "", "", "", "消费档/3000档"]]
    report = run_import(catalog, write_csv(tmp_path / "b.csv", CHINESE_HEADER, update))
    assert (report.created, report.updated) == (0, 1)
    wx_a = members(catalog)["wx_a"]
    assert wx_a.name == "王芳芳" and wx_a.region == "上海"  # empty cells keep old values
    assert set(wx_a.tags) == {"读书", "3000档"}
    with catalog.transaction() as s:
        ops = s.scalars(select(m.OutboxEntry.op).where(m.OutboxEntry.entity == "members")).all()
    assert sorted(ops) == ["insert", "insert", "update"]


def test_mapping_needs_required_columns_and_overrides_work(catalog, tmp_path):
    path = write_csv(tmp_path / "m.csv", ["账户", "称呼"], [["u1", "小明"]])
    with pytest.raises(UserError, match="platform_id and name"):
        prepare(path)
    with pytest.raises(UserError, match="no column 'nope'"):
        prepare(path, ["nope=name"])
    report = run_import(catalog, path, overrides=["账户=platform_id", "称呼=name"])
    assert report.created == 1


def test_unreadable_files_say_why(tmp_path):
    (tmp_path / "x.xls").write_bytes(b"old")
    with pytest.raises(UserError, match=r"\.csv or \.xlsx"):
        prepare(tmp_path / "x.xls")
    (tmp_path / "e.csv").write_text("")
    with pytest.raises(UserError, match="empty"):
        prepare(tmp_path / "e.csv")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(UserError, match="not a readable Excel file"):
        prepare(tmp_path / "broken.xlsx")


def test_export_neutralises_formulas_and_reimports(catalog, tmp_path):
    rows = [["wx_f", "=HYPERLINK(\"x\")", "+86 1", "", "", "@home", "", "", "", ""]]
    run_import(catalog, write_csv(tmp_path / "m.csv", CHINESE_HEADER, [*GOOD, *rows]))
    out = tmp_path / "out.xlsx"
    with catalog.transaction() as s:
        assert export_members(s, MemberFilter(), out) == 3
    sheet = load_workbook(out).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header = values[0]
    formula = next(v for v in values if v[0] == "wx_f")
    assert formula[header.index("Name")] == "'=HYPERLINK(\"x\")"
    assert formula[header.index("Group nickname")] == "'+86 1"
    assert formula[header.index("Region")] == "'@home"
    fresh = tmp_path / "again.csv"
    with catalog.transaction() as s:
        export_members(s, MemberFilter(region="上海"), fresh, ["platform_id", "name", "tags"])
    with fresh.open(encoding="utf-8-sig") as f:
        assert list(csv.reader(f)) == [["Platform ID", "Name", "Tags"],
                                       ["wx_a", "王芳", "读书;299档"]]


def test_an_export_in_chinese_names_its_columns_and_values_and_imports_again(catalog, tmp_path):
    from modconsole.domain.messages import Message
    from modconsole.services.member_export import COLUMNS
    from modconsole.services.member_fields import FIELD_LABELS, VALUE_LABELS

    chinese = {"Platform ID": "平台ID", "Name": "姓名", "Group nickname": "群昵称",
               "Phone": "手机号", "E-mail": "邮箱", "Region": "地区", "Gender": "性别",
               "Joined": "入群时间", "Groups": "所在群", "Tags": "标签", "Status": "状态",
               "normal": "正常"}

    def zh(_context, source):
        return chinese.get(source, source)

    run_import(catalog, write_csv(tmp_path / "m.csv", CHINESE_HEADER, GOOD))
    out = tmp_path / "zh.csv"
    with catalog.transaction() as s:
        export_members(s, MemberFilter(), out, [*(f for f in FIELDS if f in COLUMNS)],
                       translate=zh)
    with out.open(encoding="utf-8-sig") as f:
        header, *rows = list(csv.reader(f))
    assert header[:2] == ["平台ID", "姓名"]
    assert {row[header.index("状态")] for row in rows} == {"正常"}
    exported = {f for f in FIELDS if f in COLUMNS}
    assert set(guess_mapping(header).values()) == exported  # every field found again
    assert all(isinstance(FIELD_LABELS[key], Message) for key in COLUMNS)
    assert {"status.active", "core", "stage.explorer"} <= set(VALUE_LABELS)


def test_cli_import_export_tag_and_segment(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "demo", "--members", "50"]) == 0
    bad = write_csv(tmp_path / "bad.csv", ["platform_id", "name"], [["new1", "新人"], ["", "x"]])
    assert main(["--db", str(db_path), "import", "members", str(bad)]) == 1
    assert "row 3, platform_id: is empty" in capsys.readouterr().err
    errors = tmp_path / "errors.csv"
    assert main(["--db", str(db_path), "import", "members", str(bad), "--skip-bad-rows",
                 "--errors", str(errors)]) == 0
    assert "1 bad rows skipped" in capsys.readouterr().out and errors.exists()
    assert main(["--db", str(db_path), "members", "tag", "new1", "--add", "读书"]) == 0
    assert "1 tags added" in capsys.readouterr().out
    assert main(["--db", str(db_path), "members", "list", "--tag", "读书", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert "new1" in {r["platform_id"] for r in listed}
    assert {"id", "platform_id", "name", "nickname", "tags", "groups", "layer", "class",
            "status"} <= set(listed[0])
    from modconsole.services.startup import open_console_database
    store, _ = open_console_database(db_path)
    with store.transaction() as s:
        reading = s.scalar(select(m.Tag.id).where(m.Tag.name == "读书"))
        segments.save_segment(s, "爱读书", MemberFilter(all_tags=(reading,)))
    store.close()
    out = tmp_path / "seg.csv"
    assert main(["--db", str(db_path), "export", "members", str(out), "--segment", "爱读书",
                 "--not-tag", "上海"]) == 0
    exported = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert exported and all("读书" in r["Tags"] and "上海" not in r["Tags"].split(";")
                            for r in exported)
    assert main(["--db", str(db_path), "export", "members", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["--db", str(db_path), "members", "list", "--segment", "nope"]) == 1
    assert "no segment 'nope'" in capsys.readouterr().err


def test_imported_members_are_classified_by_the_cli(db_path, tmp_path, capsys):
    from modconsole.cli import main

    (tmp_path / "m.csv").write_text("平台ID,姓名\nwx1,张三\nwx2,李四\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", "members", str(tmp_path / "m.csv")]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "members", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {(m["class"], m["layer"]) for m in listed} == {("silent", "base")}


def test_groups_the_file_names_are_created_unless_refused(db_path, tmp_path, capsys):
    from modconsole.cli import main

    path = tmp_path / "m.csv"
    path.write_text("平台ID,姓名,群\nwx1,张三,读书会1群\nwx2,李四,读书会1群；跑团\n",
                    encoding="utf-8")
    db = ["--db", str(db_path)]
    assert main([*db, "import", "members", str(path), "--no-new-groups"]) == 1
    assert "there is no group '读书会1群'" in capsys.readouterr().err
    assert main([*db, "import", "members", str(path), "--dry-run"]) == 0
    assert "Groups that would be created: 读书会1群, 跑团" in capsys.readouterr().out
    assert main([*db, "import", "members", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["groups_created"] == ["读书会1群", "跑团"]
    assert main([*db, "members", "list", "--group", "读书会1群", "--json"]) == 0
    assert {m["platform_id"] for m in json.loads(capsys.readouterr().out)} == {"wx1", "wx2"}
    assert main([*db, "import", "members", str(path), "--json"]) == 0  # again: none new
    assert json.loads(capsys.readouterr().out)["groups_created"] == []


BEHAVIOUR_HEADER = ["平台ID", "姓名", "最后活跃", "发言数", "付费金额", "积分", "等级", "入群渠道",
                    "邀请人", "年龄段", "状态", "退群时间", "手机已验证", "备注"]


def test_every_member_field_is_imported_and_unused_columns_are_named(db_path, tmp_path,
                                                                     capsys):
    path = write_csv(tmp_path / "m.csv", BEHAVIOUR_HEADER, [
        ["wx1", "张三", "2026-11-28", "340", "¥1,299.50", "120", "3", "海报", "wx2", "25-30",
         "正常", "", "是", "老朋友"],
        ["wx2", "李四", "2026-06-01", "2", "", "", "", "", "", "", "", "2026-07-01", "否", ""],
    ])
    db = ["--db", str(db_path)]
    assert main([*db, "import", "members", str(path)]) == 0  # wx2 invites from a later row
    out = capsys.readouterr().out
    assert "Imported 2 of 2 rows" in out and "Not imported (no field of the console matches): " \
        "备注." in out
    assert main([*db, "members", "show", "wx1", "--json"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert (one["last_active_at"][:10], one["posts_count"], one["paid_total"], one["points"],
            one["level"], one["join_channel"], one["inviter"], one["age_band"],
            one["phone_verified"], one["status"]) == (
        "2026-11-28", 340, 1299.5, 120, 3, "海报", "wx2", "25-30", True, "active")
    assert one["class"] == "paying"  # classified on what was imported, not on defaults
    assert main([*db, "members", "list", "--json"]) == 0
    two = {r["platform_id"]: r for r in json.loads(capsys.readouterr().out)}["wx2"]
    assert (two["status"], two["left_at"][:10], two["phone_verified"]) == (
        "left", "2026-07-01", False)
    store, _ = open_console_database(db_path)
    with store.read() as s:
        ledger = s.execute(select(m.PointsEntry.delta, m.PointsEntry.reason)).all()
    store.close()
    assert ledger == [(120, "m.csv")]  # the opening balance, explained by the ledger


def test_an_export_of_every_field_imports_into_a_fresh_database_as_it_was(db_path, tmp_path,
                                                                          capsys):
    from modconsole.services.member_export import COLUMNS

    path = write_csv(tmp_path / "m.csv", BEHAVIOUR_HEADER, [
        ["wx1", "张三", "2026-11-28 09:30", "340", "¥1,299.50", "120", "3", "海报", "wx2",
         "25-30", "正常", "", "是", ""],
        ["wx2", "李四", "2026-06-01", "2", "", "", "", "", "", "", "", "2026-07-01", "否", ""]])
    assert main(["--db", str(db_path), "import", "members", str(path)]) == 0
    out = tmp_path / "all.csv"
    assert main(["--db", str(db_path), "export", "members", str(out), "--columns",
                 ",".join(COLUMNS)]) == 0
    again = tmp_path / "again.db"
    capsys.readouterr()
    assert main(["--db", str(again), "import", "members", str(out)]) == 0
    assert "Imported 2 of 2 rows" in capsys.readouterr().out
    kept = ("platform_id", "name", "last_active_at", "posts_count", "paid_total", "points",
            "level", "join_channel", "inviter", "age_band", "status", "left_at",
            "phone_verified", "email_verified", "joined_at")

    def records(db):
        assert main(["--db", str(db), "members", "list", "--json"]) == 0
        return {r["platform_id"]: {k: r[k] for k in kept}
                for r in json.loads(capsys.readouterr().out)}
    assert records(again) == records(db_path)


def test_a_reimport_changes_only_its_columns_and_the_ledger_records_the_difference(
        catalog, tmp_path):
    run_import(catalog, write_csv(tmp_path / "a.csv", ["微信号", "姓名", "地区", "积分"],
                                  [["wx_a", "王芳", "上海", "100"]]))
    report = run_import(catalog, write_csv(tmp_path / "b.csv", ["微信号", "姓名", "积分"],
                                           [["wx_a", "王芳", "130"]]))
    assert report.updated == 1 and report.unused_columns == []
    with catalog.read() as s:
        member = s.scalar(select(m.Member))
        deltas = [d for (d,) in s.execute(select(m.PointsEntry.delta)
                                          .order_by(m.PointsEntry.at))]
    assert (member.region, member.points, deltas) == ("上海", 130, [100, 30])


def test_a_file_imported_again_after_its_balances_changed_records_the_difference_again(
        catalog, tmp_path):
    first = write_csv(tmp_path / "a.csv", ["微信号", "姓名", "积分"], [["wx_a", "王芳", "100"]])
    for path in (first, write_csv(tmp_path / "b.csv", ["微信号", "姓名", "积分"],
                                  [["wx_a", "王芳", "130"]]), first):
        run_import(catalog, path)
    with catalog.read() as s:
        entries = s.execute(select(m.PointsEntry.delta, m.PointsEntry.source_id)
                            .order_by(m.PointsEntry.at)).all()
    assert [delta for delta, _ in entries] == [100, 30, -30]
    assert len({source for _, source in entries}) == 3  # the ledger's key holds


def test_bad_behaviour_cells_name_their_row_and_column(catalog, tmp_path):
    header = ["微信号", "姓名", "付费金额", "状态", "手机已验证", "邀请人", "发言数", "退群时间"]
    rows = [["wx_a", "王芳", "很多", "", "", "", "", ""],
            ["wx_b", "李雷", "", "潜水", "", "", "", ""],
            ["wx_c", "韩梅", "", "", "也许", "", "-3", ""],
            ["wx_d", "小明", "", "正常", "", "", "", "2026-01-01"],
            ["wx_e", "小红", "", "", "", "nobody", "", ""],
            ["wx_f", "小刚", "", "", "", "wx_f", "", ""],
            ["wx_g", "小丽", "12", "", "", "wx_a", "5", ""]]
    errors = tmp_path / "bad.csv"
    report = run_import(catalog, write_csv(tmp_path / "m.csv", header, rows),
                        skip_bad_rows=True, errors_path=errors)
    found = {(e.row, e.column) for e in report.errors}
    assert found == {(2, "付费金额"), (3, "状态"), (4, "手机已验证"), (4, "发言数"),
                     (5, "退群时间"), (6, "邀请人"), (7, "邀请人")}
    assert (report.created, report.skipped) == (1, 6)
    with errors.open(encoding="utf-8-sig") as f:
        numbers = [line[0] for line in list(csv.reader(f))[1:]]
    assert numbers == ["2", "3", "4", "5", "6", "7"]
    assert "nobody" in str(next(e.reason for e in report.errors if e.row == 6))
    with catalog.read() as s:  # wx_g invited by wx_a, who was skipped: no inviter
        assert s.execute(select(m.Member.platform_id, m.Member.inviter_id)).all() == [
            ("wx_g", None)]


def test_map_accepts_every_field(db_path, tmp_path, capsys):
    path = tmp_path / "m.csv"
    path.write_text("id,who,seen\nwx1,张三,2026-11-30\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", "members", str(path), "--map", "id=platform_id",
                 "--map", "who=name", "--map", "seen=last_active_at"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "members", "show", "wx1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["last_active_at"].startswith("2026-11-30")
