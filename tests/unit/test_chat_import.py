"""Chat exports into activity: Telegram JSON, QQ TXT and message tables, end to end."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from modconsole.domain.recurrence import zone
from modconsole.services import activities as act
from modconsole.services.chat.formats import open_chat
from modconsole.services.chat.ingest import ChatOptions, import_chat
from modconsole.services.classification import recompute
from modconsole.services.errors import RolledBack, UserError
from modconsole.store import models as m
from tests.chat_exports import SHANGHAI, Msg, at, qq, table, telegram

SH = zone("Asia/Shanghai")


@pytest.fixture
def people(store):
    """张三 (Telegram id 1001), 李四 (group nickname 小李, another platform id), 王五 (QQ)."""
    with store.transaction() as s:
        s.add_all([m.Member(platform_id="1001", name="张三"),
                   m.Member(platform_id="wx_li", name="李四", nickname="小李"),
                   m.Member(platform_id="50005", name="王五")])
    return store


def run(store, path, **options):
    try:
        with store.transaction() as s:
            return import_chat(s, open_chat(path, SH), ChatOptions(**options))
    except RolledBack as outcome:
        return outcome.result


def member(store, platform_id):
    with store.read() as s:
        found = s.scalar(select(m.Member).where(m.Member.platform_id == platform_id))
        s.expunge(found)
        return found


def days(store, platform_id):
    with store.read() as s:
        return s.execute(select(m.MemberDay.day, m.MemberDay.messages, m.MemberDay.links,
                                m.MemberDay.media, m.MemberDay.mentions)
                         .where(m.MemberDay.member == m.member_rowid(
                             s.scalar(select(m.Member.id).where(
                                 m.Member.platform_id == platform_id))))
                         .order_by(m.MemberDay.day)).all()


def count(store, model):
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def day_of(moment):
    return (moment.astimezone(SHANGHAI).date() - datetime(1970, 1, 1).date()).days


def test_telegram_messages_become_days_counts_last_active_and_a_group(people, tmp_path):
    messages = [
        Msg(at(1, 9), "1001", "张三", "早上好 @小李"),
        Msg(at(1, 23, 59), "1001", "张三", ["看 ", {"type": "link", "text": "https://x.cn"}],
            extra={"reply_to_message_id": 1}),
        Msg(at(2, 0, 1), "1001", "张三", "", extra={"photo": "photos/1.jpg"}),
        Msg(at(2, 8), "7777", "小李", "收到"),  # matched by group nickname
        Msg(at(2, 9), "8888", "陌生人", "加我微信"),  # matches nobody
    ]
    report = run(people, telegram(tmp_path / "result.json", messages))
    assert (report.platform, report.messages, report.counted, report.unmatched_messages) == (
        "telegram", 5, 4, 1)
    assert report.chats == ["产品交流群"] and report.groups_created == ["产品交流群"]
    assert [(s.sender_id, s.name, s.messages) for s in report.unmatched] == [
        ("8888", "陌生人", 1)]
    # Shanghai days: 23:59 on the 1st and 00:01 on the 2nd fall on different days
    assert days(people, "1001") == [(day_of(at(1)), 2, 1, 0, 1), (day_of(at(2)), 1, 0, 1, 0)]
    zhang = member(people, "1001")
    assert zhang.last_active_at == at(2, 0, 1).astimezone(UTC)
    assert (zhang.posts_count, zhang.comments_count, zhang.active_streak_days) == (2, 1, 2)
    assert member(people, "wx_li").posts_count == 1
    with people.read() as s:
        group = s.scalar(select(m.Group).where(m.Group.name == "产品交流群"))
        assert group.platform == "telegram"
        in_group = set(s.scalars(select(m.GroupMembership.member_id).where(
            m.GroupMembership.group_id == group.id)))
        assert in_group == {zhang.id, member(people, "wx_li").id}
        # the team hears about it: member updates and the new links wait in the outbox
        waiting = set(s.execute(select(m.OutboxEntry.entity, m.OutboxEntry.op).where(
            m.OutboxEntry.row_id.in_([zhang.id, f"{group.id}/{zhang.id}"]))).all())
        assert {("members", "update"), ("group_members", "add")} <= waiting


def test_the_same_or_an_overlapping_export_counts_nothing_twice(people, tmp_path):
    messages = [Msg(at(d, 20), "1001", "张三", f"第{d}天") for d in range(1, 11)]
    first = run(people, telegram(tmp_path / "a.json", messages[:7]))
    assert first.counted == 7
    again = run(people, telegram(tmp_path / "a.json", messages[:7]))
    assert (again.counted, again.repeated) == (0, 7)
    # a later export overlapping days 5-7 (same message ids) adds only days 8-10
    later = run(people, telegram(tmp_path / "b.json", messages[4:], first_id=5))
    assert (later.counted, later.repeated) == (3, 3)
    assert sum(n for _, n, *_ in days(people, "1001")) == 10
    zhang = member(people, "1001")
    assert (zhang.posts_count, zhang.active_streak_days) == (10, 10)


def test_seven_days_in_a_row_make_the_active_stage(people, tmp_path):
    now = datetime.now(SHANGHAI).replace(hour=12, minute=0, second=0, microsecond=0)
    messages = [Msg(now - timedelta(days=d), "1001", "张三", "打卡")
                for d in range(7) for _ in range(2)]
    messages += [Msg(now - timedelta(days=d), "50005", "王五", "hi") for d in (0, 2, 3)]
    run(people, telegram(tmp_path / "result.json", messages))
    with people.transaction() as s:
        recompute(s)
    zhang, wang = member(people, "1001"), member(people, "50005")
    assert (zhang.active_streak_days, zhang.growth_stage, zhang.member_class) == (
        7, "active", "active")
    assert zhang.churn_level == 0
    assert (wang.active_streak_days, wang.growth_stage) == (1, "explorer")


def test_telegram_joins_and_leaves_set_dates_status_and_group(people, tmp_path):
    messages = [
        Msg(at(1, 10), "1001", "张三", action="join_group_by_link"),
        Msg(at(1, 11), "1001", "张三", "大家好"),
        Msg(at(2, 10), "1001", "张三", action="invite_members", members=["小李"]),
        Msg(at(5, 10), "7777", "小李", action="remove_members", members=["小李"]),
    ]
    report = run(people, telegram(tmp_path / "result.json", messages))
    assert (report.joins, report.leaves) == (2, 1)
    zhang, li = member(people, "1001"), member(people, "wx_li")
    assert zhang.joined_at == at(1, 10).astimezone(UTC) and zhang.status == "active"
    assert li.joined_at == at(2, 10).astimezone(UTC)
    assert (li.status, li.left_at) == ("left", at(5, 10).astimezone(UTC))
    with people.read() as s:
        assert s.scalar(select(func.count()).select_from(m.GroupMembership).where(
            m.GroupMembership.member_id == li.id)) == 0
    # coming back: a later export's join makes 李四 active again
    run(people, telegram(tmp_path / "later.json", [
        Msg(at(9, 10), "7777", "小李", action="invite_members", members=["小李"])],
        first_id=100))
    li = member(people, "wx_li")
    assert (li.status, li.left_at) == ("active", None)


def test_qq_record_with_titles_mail_ids_media_system_notices_and_gbk(people, tmp_path):
    path = qq(tmp_path / "record.txt", [
        Msg(at(1, 9), "50005", "【管理员】王五", "第一行\n第二行"),
        Msg(at(1, 9), "50005", "【管理员】王五", "第一行\n第二行"),  # same second, twice
        Msg(at(1, 10), "wang@example.com", "老账号", "[图片][图片]"),
        Msg(at(2, 8), "10000", "系统消息", "张三(1001)加入本群"),
        Msg(at(3, 8), "10000", "系统消息", "王五(50005)退出了本群"),
        Msg(at(3, 9), "10000", "系统消息", "群公告已更新"),
    ], encoding="gb18030")
    report = run(people, path, create_members=True)
    assert (report.platform, report.chats, report.messages) == ("qq", ["QQ交流群"], 3)
    assert (report.counted, report.joins, report.leaves, report.members_created) == (3, 1, 1, 1)
    assert days(people, "50005") == [(day_of(at(1)), 2, 0, 0, 0)]
    assert days(people, "wang@example.com") == [(day_of(at(1)), 1, 0, 2, 0)]
    assert member(people, "1001").joined_at == at(2, 8).astimezone(UTC)
    assert member(people, "50005").status == "left"
    assert run(people, path).counted == 0  # the two identical messages stay two, once


def test_message_table_with_mixed_offsets_unix_times_and_synonyms(people, tmp_path):
    path = tmp_path / "msgs.csv"
    path.write_text(
        "CreateTime,Sender,NickName,StrContent,会话\n"
        "2026-03-01T23:30:00+08:00,1001,张三,晚安,微信一群\n"
        "2026-03-01T16:30:00+00:00,1001,张三,早安 https://a.cn,微信一群\n"  # 00:30 the 2nd
        f"{int(at(3, 12).timestamp())},wx_li,李四,午饭,微信二群\n", encoding="utf-8")
    report = run(people, path)
    assert sorted(report.chats) == ["微信一群", "微信二群"]
    assert days(people, "1001") == [(day_of(at(1)), 1, 0, 0, 0), (day_of(at(2)), 1, 1, 0, 0)]
    assert days(people, "wx_li") == [(day_of(at(3)), 1, 0, 0, 0)]


def test_a_bad_time_refuses_the_whole_table_naming_row_and_column(people, tmp_path):
    path = tmp_path / "msgs.csv"
    path.write_text("时间,发送者ID,发送者,内容\n2026-03-01 20:00:00,1001,张三,好\n"
                    "昨天,1001,张三,坏\n", encoding="utf-8")
    report = run(people, path)
    assert not report.written and report.bad_messages == 1
    assert str(report.errors[0].where) == "row 3, column 时间"
    assert "'昨天' is not a time" in str(report.errors[0].reason)
    assert count(people, m.MemberDay) == count(people, m.ChatSeen) == 0
    assert count(people, m.ChatSource) == 0
    skipped = run(people, path, skip_bad=True)
    assert (skipped.written, skipped.counted) == (True, 1)


def test_dry_run_reports_everything_and_writes_nothing(people, tmp_path):
    groups = count(people, m.Group)
    outbox = count(people, m.OutboxEntry)
    report = run(people, telegram(tmp_path / "result.json", [
        Msg(at(1), "1001", "张三", "hi"), Msg(at(1), "9", "新人", "hello")]),
        dry_run=True, create_members=True)
    assert (report.written, report.counted, report.members_created) == (False, 2, 1)
    assert report.groups_created == ["产品交流群"]
    assert (count(people, m.Group), count(people, m.OutboxEntry)) == (groups, outbox)
    assert count(people, m.MemberDay) == count(people, m.ChatSeen) == 0
    assert count(people, m.Member) == 3


def test_unmatched_senders_are_counted_once_created_later(people, tmp_path):
    path = telegram(tmp_path / "result.json", [Msg(at(1), "9", "新人", "hello"),
                                               Msg(at(2), "1001", "张三", "hi")])
    assert run(people, path).unmatched_messages == 1
    second = run(people, path, create_members=True)
    assert (second.counted, second.repeated, second.members_created) == (1, 1, 1)
    new = member(people, "9")
    assert (new.name, new.nickname, new.posts_count) == ("新人", "新人", 1)


def test_group_option_maps_the_chat_to_an_existing_group(people, tmp_path):
    with people.transaction() as s:
        s.add(m.Group(name="上海1群", kind="regional", cap=100))
    report = run(people, telegram(tmp_path / "result.json", [Msg(at(1), "1001", "张三", "hi")]),
                 group="上海1群")
    assert report.groups_created == []
    with people.read() as s:
        source = s.scalar(select(m.ChatSource))
        assert (source.platform, source.chat_key, source.name, source.messages) == (
            "telegram", "4242", "产品交流群", 1)
        assert s.get(m.Group, source.group_id).name == "上海1群"


def test_check_in_word_in_a_session_checks_in_and_awards_points_once(people, tmp_path):
    with people.transaction() as s:
        s.add(m.Group(name="打卡群", kind="training", cap=100))
        s.flush()
        daily = act.create_activity(s, act.ActivityIn(
            "早起打卡", "check_in", datetime(2026, 3, 2, 6, tzinfo=SH),
            datetime(2026, 3, 2, 9, tzinfo=SH), rrule="FREQ=DAILY;COUNT=5", groups=("打卡群",),
            reward_points=5, checkin_keyword="打卡"))
    path = telegram(tmp_path / "result.json", [
        Msg(at(2, 7), "1001", "张三", "今日打卡 ✅"),
        Msg(at(2, 8), "1001", "张三", "再打卡一次"),  # same session: once
        Msg(at(2, 12), "7777", "小李", "打卡"),  # after the window
        Msg(at(3, 6, 30), "7777", "小李", "打卡"),
    ], name="打卡群")
    report = run(people, path)
    assert (report.check_ins, report.points_awarded) == (2, 2)
    with people.read() as s:
        seats = s.execute(select(m.Member.platform_id, m.Attendance.occurrence_at,
                                 m.Attendance.status)
                          .join(m.Member, m.Member.id == m.Attendance.member_id)
                          .where(m.Attendance.activity_id == daily)
                          .order_by(m.Attendance.occurrence_at)).all()
    assert seats == [("1001", datetime(2026, 3, 2, 6, tzinfo=SH).astimezone(UTC), "attended"),
                     ("wx_li", datetime(2026, 3, 3, 6, tzinfo=SH).astimezone(UTC), "attended")]
    assert member(people, "1001").points == 5
    run(people, telegram(tmp_path / "again.json", [Msg(at(2, 7, 30), "1001", "张三", "打卡")],
                         name="打卡群", first_id=50))
    assert member(people, "1001").points == 5  # the ledger pays a seat once


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "is empty"),
    (b"hello, world\nno chat here\n", "is not a chat export this console reads"),
    (b'{"name": "x", "type": "personal_chat", "id": 1, "messages": []}', "not of a group"),
    (b'{"about": "x", "chats": {"list": []}}', "whole-account Telegram export"),
    (b'{"name": "x", "type": "private_group", "id": 1}', 'no "messages" list'),
    (b'{"name": "g", "type": "private_group", "id": 1, "messages": []}', "holds no messages"),
    (b'{"name": "g", "type": "private_group", "id": 1, "messages": [{"id": 1, "type": '
     b'"message", "date_unixtime": "1772366400", "from": "a", "from_id": "user1", "text": "x"},'
     b' {"id": 2, "type": "mess', "breaks off or is damaged after message 1 (id 1)"),
])
def test_files_that_are_not_usable_exports_are_refused_by_name(people, tmp_path, content,
                                                                 expected):
    path = tmp_path / "result.json"
    path.write_bytes(content)
    with pytest.raises(UserError) as refused:
        run(people, path)
    assert expected in str(refused.value)
    assert count(people, m.ChatSource) == count(people, m.MemberDay) == 0


def test_senders_with_no_id_match_by_name_and_cannot_be_created(people, tmp_path):
    path = tmp_path / "msgs.csv"
    path.write_text("时间,发送者,内容\n2026-03-01 20:00,小李,早\n2026-03-01 20:01,无名氏,hi\n",
                    encoding="utf-8")
    report = run(people, path, create_members=True)
    assert (report.counted, report.members_created, report.unmatched_messages) == (1, 0, 1)
    assert [(s.sender_id, s.name) for s in report.unmatched] == [("", "无名氏")]
    assert member(people, "wx_li").posts_count == 1


def test_a_message_table_must_name_time_text_and_sender(people, tmp_path):
    path = tmp_path / "msgs.csv"
    path.write_text("时间,内容\n2026-03-01 20:00,hi\n", encoding="utf-8")
    with pytest.raises(UserError, match="No column names the sender"):
        run(people, path)


def test_cli_imports_prints_and_exits_by_outcome(people, tmp_path, cli, db_path):
    path = telegram(tmp_path / "result.json", [Msg(at(1), "1001", "张三", "hi"),
                                               Msg(at(1), "9", "新人", "hello")])
    code, out, _ = cli("import", "chat", str(path), "--dry-run")
    assert code == 0 and "Dry run: nothing was written." in out and "新人  9  1" in out
    code, out, _ = cli("import", "chat", str(path), "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["counted"], data["unmatched_senders"], data["written"]) == (1, 1, True)
    code, out, _ = cli("members", "show", "1001", "--json")
    record = json.loads(out)
    assert (record["chat_messages"], record["active_days"], record["streak_days"]) == (1, 1, 1)
    assert record["first_message"] == "2026-03-01"
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "g", "type": "private_group", "id": 1, "messages": [1, 2]}')
    code, out, err = cli("import", "chat", str(bad))
    assert code == 1 and "message 1 (id None): is not a message object" in err
    assert "Nothing was imported" in err


def test_discord_chat_exporter_and_archive_tool_headers_map_themselves(people, tmp_path):
    messages = [Msg(at(1), "1001", "张三", "hi"), Msg(at(2), "wx_li", "李四", "yo")]
    discord = table(tmp_path / "discord.csv", messages,
                    header=("AuthorID", "Author", "Date", "Content", "Attachments"))
    export = open_chat(discord, SH)
    assert export.columns == {"sender_id": "AuthorID", "sender_name": "Author", "time": "Date",
                              "text": "Content", "attachments": "Attachments"}
    wechat = table(tmp_path / "wechat.csv", messages)
    assert run(people, wechat).chats == ["微信一群"]


def test_times_outside_1990_to_2100_are_bad_messages_not_crashes(people, tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"name": "g", "type": "private_group", "id": 1, "messages": [
        {"id": 1, "type": "message", "date_unixtime": "9" * 20, "from": "张三",
         "from_id": "user1001", "text": "x"},
        {"id": 2, "type": "message", "date": "0001-01-01T00:00:00", "from": "张三",
         "from_id": "user1001", "text": "x"},
        {"id": 3, "type": "message", "date": "2026-03-01T20:00:00", "from": "张三",
         "from_id": "user1001", "text": "ok"}]}), encoding="utf-8")
    report = run(people, path)
    assert [str(e.where) for e in report.errors] == ["message 1 (id 1)", "message 2 (id 2)"]
    assert "is not between 1990 and 2100" in str(report.errors[0].reason)
    assert not report.written and count(people, m.MemberDay) == 0
    assert run(people, path, skip_bad=True).counted == 1  # the old date read in Shanghai time


DATA = __import__("pathlib").Path(__file__).resolve().parents[1] / "data" / "chat"


def test_a_telegram_and_a_qq_group_end_to_end_from_the_sample_exports(store, tmp_path):
    """The samples under tests/data/chat: members known by their platform ids, a daily
    check-in activity for both groups, then both exports and a classification run."""
    with store.transaction() as s:
        s.add_all([m.Member(platform_id=pid, name=name) for pid, name in (
            ("1001", "张三"), ("1002", "李四"), ("1003", "王五"), ("20001", "赵六"),
            ("20002", "钱七"))])
        s.add_all([m.Group(name="产品交流群", kind="core", cap=200),
                   m.Group(name="读书会QQ群", kind="regional", cap=200)])
        s.flush()
        act.create_activity(s, act.ActivityIn(
            "早起打卡", "check_in", datetime(2026, 3, 1, 6, tzinfo=SH),
            datetime(2026, 3, 1, 8, tzinfo=SH), rrule="FREQ=DAILY;COUNT=14", reward_points=2,
            checkin_keyword="打卡"))
    tg = run(store, DATA / "telegram_result.json")
    assert (tg.messages, tg.counted, tg.joins, tg.leaves, tg.check_ins) == (12, 12, 2, 1, 8)
    assert tg.groups_created == []
    qq_report = run(store, DATA / "qq_record.txt", create_members=True)
    assert (qq_report.messages, qq_report.counted, qq_report.members_created) == (10, 10, 1)
    assert (qq_report.joins, qq_report.leaves, qq_report.check_ins) == (1, 1, 7)
    with store.transaction() as s:
        recompute(s, now=datetime(2026, 3, 9, 12, tzinfo=SH))
    zhang, li, wang = member(store, "1001"), member(store, "1002"), member(store, "1003")
    zhao, qian = member(store, "20001"), member(store, "20002")
    assert zhang.last_active_at == datetime(2026, 3, 8, 7, 30, tzinfo=SH).astimezone(UTC)
    assert (zhang.active_streak_days, zhang.growth_stage, zhang.churn_level) == (8, "active", 0)
    assert (zhang.points, zhao.points) == (16, 14)  # 8 and 7 mornings at 2 points
    assert (zhao.active_streak_days, zhao.growth_stage) == (4, "explorer")  # the 4th was missed
    assert (li.status, li.left_at) == ("left", datetime(2026, 3, 6, 22, tzinfo=SH).astimezone(UTC))
    assert qian.status == "left" and qian.posts_count == 2
    assert wang.churn_level == 1  # silent since the 3rd, 21:01: 5 whole days
    assert {x.layer for x in (zhang, li, wang, zhao, qian)} <= {"core", "potential", "base"}
    assert days(store, "1003") == [(day_of(at(3)), 2, 1, 1, 0)]
    with store.read() as s:  # 王五's ad waits in the queue with the messages around it
        case = s.scalar(select(m.Case).where(m.Case.member_id == wang.id))
        rule = s.get(m.Rule, case.rule_id).code
    assert (case.source, case.status, rule) == ("detector", "open", "GROUP.UNRELATED_AD")
    assert "> 03-03 21:00 王五: 限时优惠 加V: abc12345 https://t.me/ads" in case.evidence_text
    assert tg.flagged == 1 and qq_report.flagged == 0
