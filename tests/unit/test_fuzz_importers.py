"""Property-based fuzzing of every importer through the CLI: whatever the bytes, the exit
is 0 or 1 (never 3, never a traceback), and a refused file writes nothing.

The default run is small; `MODCONSOLE_FUZZ_EXAMPLES=5000 pytest tests/unit/test_fuzz_importers.py`
(or `python bench/fuzz.py`) runs a long one.
"""

import io
import json
import os
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select

from modconsole.cli import main
from modconsole.services.startup import open_console_database
from modconsole.store import models as m

EXAMPLES = int(os.environ.get("MODCONSOLE_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get(
    "MODCONSOLE_FUZZ_EXAMPLES"), suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                        HealthCheck.too_slow])

# Cells that reach every check: valid values, separators, quotes, control characters,
# formula starts, both scripts, and lengths around the field limits.
cell = st.one_of(
    st.sampled_from(["", "wx1", "张三", "上海", "男", "2026-03-01", "+86 138 0000 0000",
                     "a@b.cn", "新人;活跃", "消费档/299档", "上海1群", "=1+1", "'+1", "SPAM",
                     "SPAM.REPEATED", "https://x.cn", "staff", "\x00", '"', ",", "\r\n"]),
    st.text(max_size=12),
    st.integers(0, 300).map(lambda n: "长" * n),
)
HEADERS = ["平台ID", "姓名", "群昵称", "手机", "邮箱", "地区", "性别", "入群时间", "群", "标签",
           "被举报人", "规则", "证据", "链接", "举报人", "来源", "举报时间", "", "x"]
header = st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "latin-1"])


@st.composite
def csv_bytes(draw):
    import csv

    columns = draw(header)
    rows = draw(st.lists(st.lists(cell, min_size=0, max_size=len(columns) + 1), max_size=8))
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(columns)
    writer.writerows(rows)
    data = text.getvalue().encode(draw(encodings), errors="ignore")
    flips = draw(st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=3))
    data = bytearray(data)
    for at, byte in flips:
        if data:
            data[at % len(data)] = byte
    return bytes(data)


@st.composite
def xlsx_bytes(draw):
    book = Workbook()
    sheet = book.active
    sheet.append(draw(header))
    for row in draw(st.lists(st.lists(cell, max_size=6), max_size=6)):
        sheet.append([c for c in row if not any(ord(ch) < 32 and ch not in "\t\n\r"
                                                for ch in c)])
    out = io.BytesIO()
    book.save(out)
    data = bytearray(out.getvalue())
    for at, byte in draw(st.lists(st.tuples(st.integers(0, 100_000), st.integers(0, 255)),
                                  max_size=2)):
        data[at % len(data)] = byte
    return bytes(data)


@pytest.fixture(scope="module")
def base_db(tmp_path_factory):
    """A demo database made once; each example works on a fresh copy of it."""
    path = tmp_path_factory.mktemp("fuzz") / "base.db"
    assert main(["--db", str(path), "demo", "--members", "60", "--seed", "5"]) == 0
    return path


def _counts(path):
    store, _ = open_console_database(path)
    try:
        with store.read() as s:
            return tuple(s.scalar(select(func.count()).select_from(t)) for t in (
                m.Member, m.Report, m.ReplyTemplate, m.Activity, m.Tag, m.OutboxEntry,
                m.Group, m.MemberDay, m.ChatSeen, m.ChatSource))
    finally:
        store.close()


def _run(tmp_path, base_db, capsys, name, data, *command):
    db = tmp_path / "fuzz.db"
    db.write_bytes(base_db.read_bytes())
    before = _counts(db)
    path = tmp_path / name
    path.write_bytes(data)
    code = main(["--db", str(db), *command, str(path)])
    err = capsys.readouterr().err
    assert code in (0, 1), err
    assert "failed unexpectedly" not in err and "Traceback" not in err
    if code == 1:
        assert _counts(db) == before, err  # refused: nothing half-written
    return code


@FUZZ
@given(data=csv_bytes())
def test_members_csv(tmp_path, base_db, capsys, data):
    _run(tmp_path, base_db, capsys, "m.csv", data, "import", "members")


@FUZZ
@given(data=xlsx_bytes())
def test_members_xlsx(tmp_path, base_db, capsys, data):
    _run(tmp_path, base_db, capsys, "m.xlsx", data, "import", "members")


@FUZZ
@given(data=csv_bytes())
def test_reports_csv(tmp_path, base_db, capsys, data):
    _run(tmp_path, base_db, capsys, "r.csv", data, "import", "reports")


json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20), cell),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4), max_leaves=12)
template = st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.just("0190a5c2-0000-7000-8000-000000000001"), st.text(max_size=40),
                    st.integers()),
    "family_id": json_value, "code": st.one_of(cell, st.just(" /WEL ")),
    "title": cell, "category": st.sampled_from(["welcome", "custom", "x", ""]),
    "lang": st.sampled_from(["zh_CN", "en", "fr"]), "scope": json_value,
    "body": st.one_of(cell, st.just("{nickname}{0}{a.b}{{")), "tags": json_value,
    "history": json_value})


@FUZZ
@given(entries=st.lists(st.one_of(template, json_value), max_size=4),
       wrap=st.booleans())
def test_templates_json(tmp_path, base_db, capsys, entries, wrap):
    data = {"format": "modconsole-phrasebook", "version": 1, "templates": entries} if wrap \
        else entries
    _run(tmp_path, base_db, capsys, "t.json", json.dumps(data).encode(), "templates",
         "import")


@FUZZ
@given(data=csv_bytes())
def test_templates_csv(tmp_path, base_db, capsys, data):
    data = b"id,code,title,category,lang,body\n" + data
    _run(tmp_path, base_db, capsys, "t.csv", data, "templates", "import")


ICS_LINES = [
    "BEGIN:VEVENT", "END:VEVENT", "UID:a@x", "UID:b@x", "SUMMARY:话题", "SUMMARY:" + "x" * 300,
    "DTSTART:20260310T120000Z", "DTSTART;TZID=Asia/Shanghai:20260310T200000",
    "DTSTART;TZID=Mars/Base:20260310T200000", "DTSTART;VALUE=DATE:20260310",
    "DTSTART:00010101T000000Z", "DTEND:20260310T130000Z", "DTEND:20260310T110000Z",
    "DURATION:PT1H", "DURATION:-P1D", "RRULE:FREQ=DAILY", "RRULE:FREQ=DAILY;INTERVAL=0",
    "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "RRULE:FREQ=WEEKLY;BYDAY=MO,XX",
    "RRULE:FREQ=MONTHLY;COUNT=3;UNTIL=20270101T000000Z", "EXDATE:20260311T120000Z",
    "RECURRENCE-ID:20260311T120000Z", "CATEGORIES:salon", "STATUS:CANCELLED",
    "X-MODCONSOLE-GROUPS:上海1群", "LOCATION:\x00", "BEGIN:VALARM", "END:VALARM", ":", "X",
]


@FUZZ
@given(lines=st.lists(st.sampled_from(ICS_LINES), max_size=24), noise=cell)
def test_ics(tmp_path, base_db, capsys, lines, noise):
    text = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:fuzz", *lines,
                        f"DESCRIPTION:{noise}", "END:VCALENDAR"])
    _run(tmp_path, base_db, capsys, "p.ics", text.encode(), "activities", "import")


def test_a_zip_that_is_not_a_workbook(tmp_path, base_db, capsys):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert _run(tmp_path, base_db, capsys, "z.xlsx", out.getvalue(), "import",
                "members") == 1


def _flipped(data: bytes, flips: list[tuple[int, int]], cut: int | None) -> bytes:
    data = bytearray(data if cut is None else data[:cut % (len(data) + 1)])
    for at, byte in flips:
        if data:
            data[at % len(data)] = byte
    return bytes(data)


flips = st.lists(st.tuples(st.integers(0, 100_000), st.integers(0, 255)), max_size=3)
cuts = st.one_of(st.none(), st.integers(0, 100_000))
sender = st.sampled_from(["user1001", "user9", "channel5", "", None, 7, "user", "用户"])
telegram_message = st.fixed_dictionaries(
    {"id": st.one_of(st.integers(-2, 2**64), st.text(max_size=3)),
     "type": st.sampled_from(["message", "service", "x", ""])},
    optional={"date": st.sampled_from(["2026-03-01T20:00:00", "2026-13-01T00:00:00", "", "x"]),
              "date_unixtime": st.sampled_from(["1772366400", "-1", "9" * 30, "x", ""]),
              "from": cell, "from_id": sender, "actor": cell, "actor_id": sender,
              "action": st.sampled_from(["join_group_by_link", "invite_members",
                                         "remove_members", "pin_message", ""]),
              "members": st.one_of(st.lists(cell, max_size=3), json_value),
              "text": st.one_of(cell, st.lists(st.one_of(cell, st.fixed_dictionaries(
                  {"type": st.sampled_from(["link", "mention", "bold", "x"]),
                   "text": json_value})), max_size=3), json_value),
              "photo": cell, "reply_to_message_id": json_value})


@FUZZ
@given(messages=st.lists(st.one_of(telegram_message, json_value), max_size=6),
       kind=st.sampled_from(["private_supergroup", "public_group", "personal_chat", 5]),
       flips=flips, cut=cuts)
def test_chat_telegram_json(tmp_path, base_db, capsys, messages, kind, flips, cut):
    data = json.dumps({"name": "群", "type": kind, "id": 1, "messages": messages},
                      ensure_ascii=False).encode()
    _run(tmp_path, base_db, capsys, "result.json", _flipped(data, flips, cut), "import",
         "chat", "--create-members")


QQ_LINES = ["消息记录（此消息记录为文本格式，不支持重新导入）", "=" * 64, "消息对象:QQ群",
            "消息对象:", "2026-03-01 20:00:00 张三(1001)",
            "2026-03-01 8:05:09 【管理员】李四(20002)",
            "2026-02-30 20:00:00 王五(30003)", "2026-03-01 20:00:00 旧号<a@b.cn>",
            "2026-03-01 20:00:00 系统消息(10000)", "张三(1001)加入本群", "李四退出了本群",
            "[图片][表情]", "@张三 你好 https://x.cn", "", "\x00"]


@FUZZ
@given(lines=st.lists(st.one_of(st.sampled_from(QQ_LINES), cell), max_size=16),
       encoding=encodings, flips=flips, cut=cuts)
def test_chat_qq_txt(tmp_path, base_db, capsys, lines, encoding, flips, cut):
    data = "\r\n".join(["消息记录（此消息记录为文本格式，不支持重新导入）", *lines]).encode(
        encoding, errors="ignore")
    _run(tmp_path, base_db, capsys, "qq.txt", _flipped(data, flips, cut), "import", "chat",
         "--create-members")


CHAT_HEADERS = ["时间", "发送者ID", "发送者", "群", "内容", "消息ID", "附件", "Date", "AuthorID",
                "Author", "Content", "", "x"]


@FUZZ
@given(columns=st.lists(st.sampled_from(CHAT_HEADERS), min_size=1, max_size=7),
       rows=st.lists(st.lists(st.one_of(cell, st.sampled_from(
           ["2026-03-01 20:00:00", "2026-03-01T20:00:00+00:00", "1772366400", "1772366400000",
            "99999999999999999999", "昨天"])), max_size=8), max_size=6),
       skip=st.booleans())
def test_chat_message_table(tmp_path, base_db, capsys, columns, rows, skip):
    import csv

    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(columns)
    writer.writerows(rows)
    _run(tmp_path, base_db, capsys, "messages.csv", text.getvalue().encode(), "import", "chat",
         *(["--skip-bad"] if skip else []))
