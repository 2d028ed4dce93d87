"""Rule detectors over imported chats: what they match, the evidence, the queue, the rates."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from modconsole.domain.detectors import DetectorError, Scanner, parse
from modconsole.domain.ladder import Step
from modconsole.domain.recurrence import zone
from modconsole.services import decisions, rulebook
from modconsole.services.chat.formats import open_chat
from modconsole.services.chat.ingest import ChatOptions, import_chat
from modconsole.services.detector_stats import detector_stats
from modconsole.services.errors import RolledBack, UserError
from modconsole.services.identity import act_as
from modconsole.store import models as m
from tests.chat_exports import Msg, at, telegram

SH = zone("Asia/Shanghai")


def test_keywords_are_width_and_case_blind_and_latin_words_match_whole():
    scan = Scanner({"R": parse(json.dumps({"keywords": ["赌博", "VX", "sb"]}))})
    assert [h.matched for h in scan.scan("a", 0, "网上ＶＸ赌博")] == ["vx"]  # one per rule
    assert scan.scan("a", 1, "usb 接口") == []
    assert [h.matched for h in scan.scan("a", 2, "你个SB")] == ["sb"]
    assert [h.matched for h in scan.scan("a", 3, "来赌博吧")] == ["赌博"]


@pytest.mark.parametrize(("text", "media", "hit"), [
    ("电话 138-1234-5678 咨询", 0, "138-1234-5678"),
    ("加ＶＸ：abc12345 领资料", 0, "vx:abc12345"),
    ("私聊领取优惠券", 0, "私聊领取"),
    ("扫码进群", 1, "扫码进群"),
    ("看图，扫码有惊喜", 1, "扫码"),
    ("我的工号 13812345678901", 0, None),  # too many digits for a phone
    ("今天加班好累", 0, None),
])
def test_promotion_signals(text, media, hit):
    scan = Scanner({"AD": parse('{"promotion": ["phones", "wechat_ids", "add_me", "qr"]}')})
    found = scan.scan("a", 0, text, media)
    assert [h.matched for h in found] == ([hit] if hit else [])


def test_flood_repeat_and_mention_storms_fire_once_per_burst():
    scan = Scanner({"F": parse('{"flood": {"messages": 4, "seconds": 10}, '
                               '"repeat": {"times": 3, "seconds": 60}, "mentions": 3}')})
    kinds = [[h.kind for h in scan.scan("a", t, f"第{t}条")] for t in range(0, 8, 2)]
    assert kinds == [[], [], [], ["flood"]]
    assert [h.kind for h in scan.scan("b", 100, "@甲 @乙 @丙 看这里")] == ["mentions"]
    repeats = [[h.kind for h in scan.scan("c", 200 + t, "上车 上车")] for t in (0, 20, 40, 90)]
    assert repeats == [[], [], ["repeat"], []]


@pytest.mark.parametrize(("text", "problem"), [
    ('{"keywords": "赌博"}', "keywords must be a list of texts"),
    ('{"regex": ["(unclosed"]}', "is not a regular expression"),
    ('{"flood": {"messages": 1, "seconds": 10}}', "flooding: messages must be 2 to 1000"),
    ('{"promotion": ["fax"]}', "promotion must list some of"),
    ('{"spam": 1}', "unknown detector spam"),
    ("[1]", "must be a JSON object"),
])
def test_bad_detector_settings_name_what_is_wrong(text, problem):
    with pytest.raises(DetectorError, match=problem):
        parse(text)


@pytest.fixture
def chat_store(store):
    with store.transaction() as s:
        s.add_all([m.Member(platform_id="1001", name="张三"),
                   m.Member(platform_id="1002", name="李四"),
                   m.Staff(id="lead-1", name="林", role="lead"),
                   m.Staff(id="mod-1", name="王", role="moderator")])
    return store


def run(store, path, **options):
    try:
        with store.transaction() as s:
            return import_chat(s, open_chat(path, SH), ChatOptions(**options))
    except RolledBack as outcome:
        return outcome.result


def detector_cases(store):
    with store.read() as s:
        return s.execute(select(m.Case.id, m.Member.platform_id, m.Rule.code, m.Case.report_count,
                                m.Case.evidence_text)
                         .join(m.Member, m.Member.id == m.Case.member_id)
                         .join(m.Rule, m.Rule.id == m.Case.rule_id)
                         .where(m.Case.source == "detector")
                         .order_by(m.Member.platform_id, m.Rule.code)).all()


def test_hits_file_reports_with_their_neighbours_gathered_per_member_and_rule(chat_store,
                                                                             tmp_path):
    path = telegram(tmp_path / "result.json", [
        Msg(at(1, 20), "1002", "李四", "今晚有活动吗"),
        Msg(at(1, 20, 1), "1001", "张三", "有，八点"),
        Msg(at(1, 20, 2), "1001", "张三", "想赚钱加微信 wxid_abc123"),
        Msg(at(1, 20, 3), "1002", "李四", "别发广告"),
        Msg(at(1, 20, 4), "1002", "李四", "好的"),
        Msg(at(1, 20, 5), "1002", "李四", "再说一句"),
        Msg(at(2, 9), "1001", "张三", "电话13812345678"),
        Msg(at(2, 9, 1), "9", "陌生人", "加V领红包"),
    ])
    report = run(chat_store, path)
    assert (report.flagged, report.flagged_unknown, report.cases_opened) == (2, 1, 1)
    ((case_id, member, rule, reports, evidence),) = detector_cases(chat_store)
    assert (member, rule, reports) == ("1001", "GROUP.UNRELATED_AD", 2)
    assert evidence.splitlines() == [
        "产品交流群 · 2026-03-01 20:02 · ⚑ 微信 wxid_abc123",
        "  03-01 20:00 李四: 今晚有活动吗",
        "  03-01 20:01 张三: 有，八点",
        "> 03-01 20:02 张三: 想赚钱加微信 wxid_abc123",
        "  03-01 20:03 李四: 别发广告",
        "  03-01 20:04 李四: 好的"]
    with chat_store.read() as s:
        kinds = s.scalars(select(m.Report.detector).where(m.Report.case_id == case_id)).all()
        reported = s.get(m.Case, case_id).first_reported_at
    assert kinds == ["promotion", "promotion"]
    assert reported > at(3)  # reported when found: an old message is not overdue at once
    again = run(chat_store, path)  # the same export: counted and flagged before
    assert (again.flagged, again.counted) == (0, 0)
    assert detector_cases(chat_store)[0][3] == 2


def test_a_decided_case_is_not_reopened_and_dismissals_make_the_rate(chat_store, tmp_path):
    run(chat_store, telegram(tmp_path / "a.json", [Msg(at(1), "1001", "张三", "加V看看")]))
    ((case_id, *_),) = detector_cases(chat_store)
    with chat_store.transaction() as s:
        act_as(s, "mod-1")
        decisions.decide(s, case_id, Step("dismiss"), "玩笑")
    run(chat_store, telegram(tmp_path / "b.json", [Msg(at(5), "1001", "张三", "加V再看")],
                             first_id=50))
    assert [row[3] for row in detector_cases(chat_store)] == [1, 1]  # a second case
    with chat_store.read() as s:
        stat = next(x for x in detector_stats(s) if x.rule == "GROUP.UNRELATED_AD")
    assert (stat.kind, stat.reports, stat.decided, stat.dismissed, stat.dismiss_rate) == (
        "promotion", 2, 1, 1, 1.0)


def test_dry_run_lists_the_hits_and_no_flag_files_nothing(chat_store, tmp_path):
    path = telegram(tmp_path / "result.json", [Msg(at(1), "1001", "张三", "加V看看")])
    dry = run(chat_store, path, dry_run=True)
    assert [(f.rule, f.kind, f.sender) for f in dry.flags] == [
        ("GROUP.UNRELATED_AD", "promotion", "张三")]
    assert detector_cases(chat_store) == []
    quiet = run(chat_store, path, flag=False)
    assert (quiet.written, quiet.flagged, quiet.flags) == (True, 0, [])
    assert detector_cases(chat_store) == []


def test_a_rule_with_broken_detectors_is_named_and_the_rest_still_work(chat_store, tmp_path):
    with chat_store.transaction() as s:
        s.scalar(select(m.Rule).where(m.Rule.code == "GROUP.LANGUAGE")).detectors_json = "{x"
    report = run(chat_store, telegram(tmp_path / "r.json", [Msg(at(1), "1001", "张三",
                                                                "加V 傻逼")]))
    assert [str(p) for p in report.detector_problems] == [
        "rule GROUP.LANGUAGE: the detectors are not readable JSON: Expecting property name "
        "enclosed in double quotes: line 1 column 2 (char 1)"]
    assert [f.rule for f in report.flags] == ["GROUP.UNRELATED_AD"]


def test_editing_detectors_is_checked_and_audited(chat_store):
    with chat_store.transaction() as s:
        act_as(s, "lead-1")
        rule = rulebook.find_rule(s, "GROUP.LANGUAGE")
        info = rulebook.update_rule(s, rule.id, detectors_json='{"keywords": ["笨蛋", "笨蛋"]}')
        assert json.loads(info.detectors_json) == {"keywords": ["笨蛋"]}
        with pytest.raises(UserError, match=r"GROUP\.LANGUAGE: '\[' is not a regular"):
            rulebook.update_rule(s, rule.id, detectors_json='{"regex": ["["]}')


def test_cli_sets_tests_and_lists_detectors(chat_store, tmp_path, cli):
    code, out, err = cli("rules", "detectors", "set", "GROUP.LANGUAGE", "--keywords",
                         "笨蛋，白痴", "--repeat", "2/60", "--as", "林")
    assert code == 0, err
    assert json.loads(out.split(": ", 1)[1]) == {"keywords": ["笨蛋", "白痴"],
                                                 "repeat": {"times": 2, "seconds": 60}}
    path = telegram(tmp_path / "r.json", [Msg(at(1), "1001", "张三", "你是白痴"),
                                          Msg(at(1, 20, 1), "1001", "张三", "你是白痴")])
    code, out, _ = cli("rules", "detectors", "test", str(path), "--rule", "GROUP.LANGUAGE")
    assert code == 0 and "3 hits in 2 messages; nothing was written." in out  # 2 words, 1 repeat
    assert detector_cases(chat_store) == []
    code, out, _ = cli("import", "chat", str(path))
    assert "Flagged by the rules' detectors: 2 messages of members" in out  # one per message
    code, out, _ = cli("rules", "detectors", "list", "--json")
    listed = {(d["rule"], d["kind"]): d for d in json.loads(out)}
    assert listed["GROUP.LANGUAGE", "keywords"]["reports"] == 2
    code, _, err = cli("rules", "detectors", "set", "GROUP.LANGUAGE", "--flood", "ten",
                       "--as", "林")
    assert code == 1 and "--flood takes N/SECONDS" in err


def test_a_detector_that_fires_all_day_keeps_twenty_reports_and_counts_the_rest(chat_store,
                                                                                tmp_path):
    from modconsole.services.chat.flagging import KEPT

    messages = [Msg(at(1, 8, minute), "1001", "张三", f"加V领第{minute}份") for minute in range(30)]
    report = run(chat_store, telegram(tmp_path / "r.json", messages))
    assert (report.flagged, len(report.flags)) == (30, KEPT)
    ((case_id, _, _, reports, _),) = detector_cases(chat_store)
    assert reports == 30
    with chat_store.read() as s:
        rows = s.scalars(select(m.Report.id).where(m.Report.case_id == case_id)).all()
    assert len(rows) == KEPT
