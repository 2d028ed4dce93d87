"""Reports, the queue, decisions on the ladder, sanctions, appeals and the audit log."""

from datetime import timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from modconsole.domain.enums import StaffRole
from modconsole.domain.ladder import Step
from modconsole.domain.member_filter import MemberFilter
from modconsole.services import appeals, audit, cases, decisions, roster, rulebook, sanctions
from modconsole.services.cases import QueueFilter, ReportIn
from modconsole.services.errors import UserError
from modconsole.store import models as m
from modconsole.store.settings import set_setting
from tests.conftest import NOW


def act_as(s, name, role=StaffRole.MODERATOR) -> str:
    """Sit someone else at the console (identity is the 'me' setting)."""
    staff = s.scalar(select(m.Staff).where(m.Staff.name == name))
    if staff is None:
        staff = m.Staff(name=name, role=role)
        s.add(staff)
        s.flush()
    set_setting(s, "me", staff.id)
    return staff.id


@pytest.fixture
def mod(store):
    """A database with three members, a group and moderator Ann at the keyboard."""
    with store.transaction() as s:
        group = m.Group(name="读书群", kind="core", cap=200, platform="wechat")
        s.add(group)
        for pid, name in (("wx_a", "小明"), ("wx_b", "小红"), ("wx_c", "阿强")):
            s.add(m.Member(platform_id=pid, name=name, joined_at=NOW - timedelta(days=100)))
        s.flush()
        member = s.scalar(select(m.Member).where(m.Member.platform_id == "wx_a"))
        s.add(m.GroupMembership(group_id=group.id, member_id=member.id))
        act_as(s, "Ann")
    return store


def report(store, member="wx_a", evidence="buy cheap followers", rule="SPAM.REPEATED",
           at=None, **kw):
    with store.transaction() as s:
        return cases.add_report(s, ReportIn(member=member, evidence=evidence, rule=rule,
                                            at=at or NOW, **kw), now=at or NOW)


def decide(store, case_id, step=None, reason="spam", at=NOW, **kw):
    with store.transaction() as s:
        return decisions.decide(s, case_id, Step.parse(step) if step else None, reason,
                                now=at, **kw)


def test_reports_of_the_same_message_merge_into_one_case(mod):
    first = report(mod, evidence="加我微信  领红包")
    again = report(mod, evidence="加我微信 领红包 ", reporter="wx_b")
    other = report(mod, evidence="another message")
    assert again.merged and again.case_id == first.case_id and again.report_count == 2
    assert not other.merged and other.case_id != first.case_id
    with mod.transaction() as s:
        assert len(cases.reports_of(s, first.case_id)) == 2
        assert cases.reports_of(s, first.case_id)[1].reporter == "小红"


def test_intake_refuses_what_it_cannot_file(mod):
    for kwargs, words in (({"member": "nobody"}, "No member has"),
                          ({"evidence": "  "}, "needs evidence"),
                          ({"rule": "NOPE"}, "No rule has the code"),
                          ({"link": "javascript:alert(1)"}, "not a web link"),
                          ({"source": "bot"}, "Source 'bot'")):
        with pytest.raises(UserError, match=words):
            report(mod, **kwargs)
    with mod.transaction() as s:
        assert s.scalar(select(m.Case.id)) is None


def test_evidence_files_are_copied_into_the_case(mod, tmp_path):
    shot = tmp_path / "screenshot.png"
    shot.write_bytes(b"\x89PNG fake")
    intake = report(mod, files=(shot,))
    shot.unlink()
    with mod.transaction() as s:
        [(name, path)] = cases.attachments_of(s, intake.case_id)
    assert name == "screenshot.png" and path.read_bytes() == b"\x89PNG fake"


def test_queue_order_combines_severity_reports_and_age(mod):
    low = report(mod, evidence="clickbait title", rule="CLICKBAIT.MISLEADING")
    high = report(mod, member="wx_b", evidence="you idiot", rule="PORN.EXPLICIT")
    crowd = report(mod, member="wx_c", evidence="ad", rule="SPAM.REPEATED")
    for _ in range(3):
        report(mod, member="wx_c", evidence="ad", rule="SPAM.REPEATED")
    old_low = report(mod, evidence="old clickbait", rule="CLICKBAIT.MISLEADING",
                     at=NOW - timedelta(days=2))
    with mod.transaction() as s:
        severities = {r.code: r.severity for r in rulebook.list_rules(s)}
        page = cases.queue_page(s, now=NOW)
        order = [r.id for r in page]
        overdue = cases.queue_page(s, QueueFilter(overdue=True), now=NOW)
    assert severities["PORN.EXPLICIT"] in ("high", "critical")
    assert order.index(old_low.case_id) == 0  # two days waiting: past every SLA
    assert order.index(high.case_id) < order.index(low.case_id)
    assert order.index(crowd.case_id) < order.index(low.case_id)
    assert [r.id for r in overdue] == [old_low.case_id]


def test_keyset_pages_cover_the_queue_once(mod):
    for i in range(25):
        report(mod, evidence=f"ad {i}", at=NOW - timedelta(minutes=i))
    seen, after = [], None
    with mod.transaction() as s:
        while page := cases.queue_page(s, after=after, limit=7, now=NOW):
            seen += [r.id for r in page]
            after = page[-1].key
        assert cases.count_cases(s, now=NOW) == 25
    assert len(seen) == len(set(seen)) == 25


def test_the_ladder_suggestion_follows_the_members_record(mod):
    steps = []
    for i in range(4):
        case = report(mod, evidence=f"spam {i}", at=NOW + timedelta(days=i))
        steps.append(decide(mod, case.case_id, at=NOW + timedelta(days=i)).step.code)
    assert steps == ["warn", "mute:1", "mute:7", "mute:15"]
    later = report(mod, evidence="spam 9", at=NOW + timedelta(days=5))
    with mod.transaction() as s:
        later = cases.case_row(s, later.case_id)
        preview = decisions.preview(s, later.id, NOW + timedelta(days=5))
    assert preview.suggestion.ordinal == 5 and preview.suggestion.step.code == "mute"
    assert [p.kind for p in preview.history][:2] == ["mute", "mute"]


def test_a_mute_sets_the_member_muted_and_expires_without_a_click(mod):
    case = report(mod)
    decide(mod, case.case_id, "mute:7", deviation_reason="flooded three groups")
    with mod.transaction() as s:
        member = s.scalar(select(m.Member).where(m.Member.platform_id == "wx_a"))
        assert member.status == "muted" and member.muted_until == NOW + timedelta(days=7)
        # the roster reads the stored row against the real clock: move the mute into the past
        member.muted_until = NOW - timedelta(days=400)
    with mod.transaction() as s:
        muted = roster.list_members(s, MemberFilter(statuses=("muted",))).rows
        active = roster.list_members(s, MemberFilter(statuses=("active",))).rows
    assert muted == [] and "小明" in {r.name for r in active}


def test_deviating_from_the_ladder_needs_a_reason_and_is_recorded(mod):
    case = report(mod)
    with pytest.raises(UserError, match="ladder suggests warn"):
        decide(mod, case.case_id, "ban")
    decide(mod, case.case_id, "ban", deviation_reason="known scammer")
    with mod.transaction() as s:
        row = s.get(m.Case, case.case_id)
        entry = audit.entries(s, audit.AuditFilter(action="case."))[0]
    assert row.deviated_from_ladder and row.decision == "ban"
    assert "known scammer" in entry.reason and '"suggested": "warn"' in entry.after


def test_a_decision_without_reason_or_rule_is_refused(mod):
    case = report(mod)
    with pytest.raises(UserError, match="needs a reason"):
        decide(mod, case.case_id, reason=" ")
    ruleless = report(mod, evidence="something", rule=None)
    with pytest.raises(UserError, match="Choose the rule"):
        decide(mod, ruleless.case_id, "warn")
    decide(mod, ruleless.case_id, "dismiss", reason="not a violation")


def test_two_moderators_deciding_one_case_apply_it_once(mod):
    case = report(mod)
    with mod.transaction() as s:
        seen = cases.case_row(s, case.case_id).version
    decide(mod, case.case_id, expected_version=seen)
    with mod.transaction() as s:
        act_as(s, "Bob")
    with pytest.raises(UserError, match="Ann already decided"):
        decide(mod, case.case_id, "mute:1", expected_version=seen)
    with mod.transaction() as s:
        assert s.scalar(text("SELECT count(*) FROM sanctions")) == 1


def test_a_claim_keeps_others_off_until_it_runs_out(mod):
    case = report(mod)
    with mod.transaction() as s:
        decisions.claim(s, case.case_id, NOW)
        assert cases.case_row(s, case.case_id, NOW).status == "claimed"
        act_as(s, "Bob")
    with pytest.raises(UserError, match="Ann has claimed"):
        decide(mod, case.case_id)
    decide(mod, case.case_id, at=NOW + timedelta(minutes=31))


def test_undo_reopens_the_case_and_voids_the_sanction_within_the_window(mod):
    case = report(mod, group="读书群")
    decide(mod, case.case_id, "remove", deviation_reason="off-topic ads", at=NOW)
    with mod.transaction() as s:
        assert s.scalar(text("SELECT count(*) FROM group_members")) == 0
        decisions.undo(s, case.case_id, NOW + timedelta(minutes=5))
    with mod.transaction() as s:
        assert s.get(m.Case, case.case_id).status == "open"
        assert sanctions.list_sanctions(s) == []
        assert s.scalar(text("SELECT count(*) FROM group_members")) == 1
    decide(mod, case.case_id, at=NOW)
    with mod.transaction() as s, pytest.raises(UserError, match="10 minutes"):
        decisions.undo(s, case.case_id, NOW + timedelta(minutes=11))


def test_bulk_decide_climbs_the_ladder_per_member_and_is_all_or_nothing(mod):
    ids = [report(mod, evidence=f"wave {i}", at=NOW + timedelta(minutes=i)).case_id
           for i in range(3)]
    ids.append(report(mod, member="wx_b", evidence="wave").case_id)
    with mod.transaction() as s:
        done = decisions.decide_many(s, ids, None, "spam wave", now=NOW + timedelta(hours=1))
    assert [d.step.code for d in done] == ["warn", "warn", "mute:1", "mute:7"]
    bad = [report(mod, member="wx_c", evidence="x").case_id, ids[0]]
    with pytest.raises(UserError, match="already decided"), mod.transaction() as s:
        decisions.decide_many(s, bad, Step("warn"), "spam", now=NOW)
    with mod.transaction() as s:
        assert s.get(m.Case, bad[0]).status == "open"


def test_lifting_early_needs_a_reason_and_frees_the_member(mod):
    case = report(mod)
    decide(mod, case.case_id, "mute:15", deviation_reason="x")
    with mod.transaction() as s:
        [active] = sanctions.list_sanctions(s, active=True, now=NOW)
        assert active.remaining(NOW) == timedelta(days=15)
        with pytest.raises(UserError, match="Say why"):
            sanctions.lift(s, active.id, "", NOW)
        sanctions.lift(s, active.id, "apologised", NOW + timedelta(days=1))
        assert s.scalar(select(m.Member.status).where(m.Member.platform_id == "wx_a")) == "active"
        assert sanctions.list_sanctions(s, active=True, now=NOW + timedelta(days=1)) == []


def test_an_appeal_must_be_decided_by_another_moderator(mod):
    case = report(mod)
    decide(mod, case.case_id, "mute:7", deviation_reason="x")
    with mod.transaction() as s:
        appeal_id = appeals.file_appeal(s, case.case_id, "I was quoting someone", NOW)
        assert cases.case_row(s, appeal_id).kind == "appeal"
        assert s.get(m.Case, case.case_id).status == "appealed"
    with mod.transaction() as s, pytest.raises(UserError, match="different moderator"):
        appeals.decide_appeal(s, appeal_id, "overturned", "fair", now=NOW)
    with mod.transaction() as s:
        act_as(s, "Bob")
        appeals.decide_appeal(s, appeal_id, "overturned", "quote, not spam",
                              now=NOW + timedelta(hours=1))
    nxt = report(mod, evidence="new spam", at=NOW + timedelta(hours=2))
    with mod.transaction() as s:
        assert s.scalar(select(m.Member.status).where(m.Member.platform_id == "wx_a")) == "active"
        # the overturned mute no longer counts: the next offence is a first one again
        assert decisions.preview(s, nxt.case_id, NOW + timedelta(hours=2)).suggestion.step == \
            Step("warn")
        with pytest.raises(UserError, match="already decided on appeal"):
            appeals.file_appeal(s, case.case_id, "again", NOW)


def test_a_reduced_appeal_replaces_the_sanction_with_a_lighter_one(mod):
    case = report(mod)
    decide(mod, case.case_id, "mute:15", deviation_reason="x")
    with mod.transaction() as s:
        appeal_id = appeals.file_appeal(s, case.case_id, "too harsh", NOW)
        act_as(s, "Bob")
        with pytest.raises(UserError, match="lighter than mute:15"):
            appeals.decide_appeal(s, appeal_id, "reduced", "ok", reduce_to=Step("ban"), now=NOW)
    with mod.transaction() as s:
        appeals.decide_appeal(s, appeal_id, "reduced", "first time", reduce_to=Step("mute", 1),
                              now=NOW + timedelta(hours=1))
    with mod.transaction() as s:
        [active] = sanctions.list_sanctions(s, active=True, now=NOW + timedelta(hours=2))
        history = decisions.history(s, active.member_id, NOW + timedelta(hours=2))
    assert active.ends_at == NOW + timedelta(days=1)
    assert sum(p.counts for p in history) == 1  # one offence, not two


def test_the_audit_log_cannot_be_edited_or_deleted(mod):
    decide(mod, report(mod).case_id)
    with mod.transaction() as s:
        assert [e.action for e in audit.entries(s)] == ["case.decide"]
        assert audit.entries(s)[0].actor == "Ann"
    for sql in ("UPDATE audit_log SET reason = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DatabaseError, match="append-only"), mod.transaction() as s:
            s.execute(text(sql))


def test_audit_export_writes_the_filtered_log(mod, tmp_path):
    decide(mod, report(mod).case_id)
    out = tmp_path / "audit.csv"
    with mod.transaction() as s:
        assert audit.export(s, audit.AuditFilter(action="case."), out) == 1
        assert audit.export(s, audit.AuditFilter(action="rule."), tmp_path / "none.csv") == 0
    assert "case.decide" in out.read_text(encoding="utf-8-sig")


def test_the_audit_log_reads_as_sentences_in_the_readers_language(mod, tmp_path):
    from PySide6.QtCore import QTranslator

    from modconsole.assets import resource_path
    from modconsole.domain.messages import localize

    decide(mod, report(mod).case_id, step="mute:7", deviation_reason="repeat offender")
    with mod.transaction() as s:
        rule = s.scalar(select(m.Rule).where(m.Rule.code == "SPAM.REPEATED"))
        (entry,) = audit.entries(s)
    assert str(entry.words) == f"Ann muted 小明 for 7 days (rule: {rule.title_en})"
    zh = QTranslator()
    assert zh.load(str(resource_path("translations", "modconsole_zh_CN.qm")))
    chinese = localize(entry.words, lambda c, t: zh.translate(c, t) or t)
    assert chinese == f"Ann 禁言 小明 7 天（规则：{rule.title_zh}）"
    out = tmp_path / "audit.csv"
    with mod.transaction() as s:
        audit.export(s, audit.AuditFilter(), out, lambda c, t: zh.translate(c, t) or t)
    assert chinese in out.read_text(encoding="utf-8-sig")


def test_rulebook_edits_are_for_leads_and_admins_and_are_audited(mod):
    with mod.transaction() as s:
        rule = rulebook.find_rule(s, "SPAM.REPEATED")
        with pytest.raises(UserError, match="lead or an admin"):
            rulebook.update_rule(s, rule.id, severity="high")
        act_as(s, "Lee", StaffRole.ADMIN)
        with pytest.raises(UserError, match="not a step"):
            rulebook.update_rule(s, rule.id, ladder_json='{"steps": ["slap"]}')
        rulebook.update_rule(s, rule.id, severity="high", ladder_json='{"steps": ["mute:3"]}')
    with mod.transaction() as s:
        act_as(s, "Ann")
    case = report(mod)
    with mod.transaction() as s:
        assert decisions.preview(s, case.case_id, NOW).suggestion.step == Step("mute", 3)
        [entry] = audit.entries(s, audit.AuditFilter(action="rule."))
    assert '"severity": "high"' in entry.after and entry.actor == "Lee"


def test_the_case_file_gathers_the_members_record_newest_first(mod):
    from modconsole.services import case_file, member_detail, tags

    case = report(mod, at=NOW)
    decide(mod, case.case_id, "mute:7", deviation_reason="x", at=NOW + timedelta(hours=1))
    with mod.transaction() as s:
        member_id = s.get(m.Case, case.case_id).member_id
        appeals.file_appeal(s, case.case_id, "误会", NOW + timedelta(hours=2))
        member_detail.add_note(s, member_id, "私聊提醒过")
        tag = tags.create_tag(s, "广告号", None)
        tags.apply_tags(s, tags.Targets(ids=(member_id,)), add=[tag.id])
    with mod.transaction() as s:
        entries = case_file.timeline(s, member_id)
        only_moderation = case_file.timeline(s, member_id, ("report", "decision"))
    kinds = [e.kind for e in entries]
    assert {"report", "decision", "appeal", "note", "tags"} <= set(kinds)
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)
    assert next(e for e in entries if e.kind == "tags").detail == "+广告号"
    assert {e.kind for e in only_moderation} == {"report", "decision"}
    decided = next(e for e in entries if e.kind == "decision")
    assert decided.what == "decided:mute:7" and decided.who == "Ann"


def test_queue_filters_by_group_source_and_claim(mod):
    in_group = report(mod, group="读书群", source="staff")
    report(mod, member="wx_b", evidence="elsewhere")
    with mod.transaction() as s:
        group_id = s.scalar(select(m.Group.id))
        assert [r.id for r in cases.queue_page(s, QueueFilter(group_id=group_id), now=NOW)] == \
            [in_group.case_id]
        assert [r.id for r in cases.queue_page(s, QueueFilter(source="staff"), now=NOW)] == \
            [in_group.case_id]
        me = decisions.claim(s, in_group.case_id, NOW) and s.get(m.Case, in_group.case_id)
        mine = cases.queue_page(s, QueueFilter(assignee=me.claimed_by), now=NOW)
        unclaimed = cases.queue_page(s, QueueFilter(assignee="none"), now=NOW)
    assert [r.id for r in mine] == [in_group.case_id]
    assert in_group.case_id not in {r.id for r in unclaimed} and len(unclaimed) == 1


def test_every_audited_action_has_its_own_sentence():
    import ast
    from pathlib import Path

    from modconsole.services.audit_words import Subject, describe

    services = Path(audit.__file__).parent
    actions = set()
    for path in services.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(
                    node.func, "id", "")) in ("record", "_audit") and len(node.args) > 1:
                for value in ast.walk(node.args[1]):
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        actions.add(value.value)
    assert {"case.decide", "tags.apply", "group.move", "member.import"} <= actions
    for action in actions:
        words = describe(action, "Ann", Subject("小明"), "{}", "{}")
        assert words.source != "{actor}: {action}", action


def test_a_case_is_checked_before_the_reason_is_typed(mod):
    case_id = report(mod).case_id
    with mod.transaction() as s:
        decisions.check_decidable(s, [case_id], now=NOW)  # open, unclaimed: fine
    decide(mod, case_id)
    with pytest.raises(UserError, match="Ann already decided this case"), mod.transaction() as s:
        decisions.check_decidable(s, [case_id], now=NOW)


def test_per_moderator_numbers_count_decisions_their_time_and_overturns_by_week(mod):
    from modconsole.services.moderator_numbers import numbers

    # NOW is a Wednesday: two decisions by Ann this week (30 and 90 minutes after the
    # report), one by Bob the week before; Bob overturns one of Ann's on appeal
    first = report(mod, evidence="spam one", at=NOW)
    decide(mod, first.case_id, at=NOW + timedelta(minutes=30))
    second = report(mod, member="wx_b", evidence="spam two", at=NOW)
    decide(mod, second.case_id, at=NOW + timedelta(minutes=90))
    with mod.transaction() as s:
        act_as(s, "Bob")
    earlier = report(mod, member="wx_c", evidence="spam three", at=NOW - timedelta(days=7))
    decide(mod, earlier.case_id, at=NOW - timedelta(days=7) + timedelta(minutes=10))
    with mod.transaction() as s:
        act_as(s, "Ann")
        appeal_id = appeals.file_appeal(s, first.case_id, "I was quoting", NOW)
        act_as(s, "Bob")
        appeals.decide_appeal(s, appeal_id, "overturned", "a quote", now=NOW + timedelta(hours=3))
    with mod.read() as s:
        found = numbers(s, NOW - timedelta(days=30))
    monday = (NOW.astimezone().date() - timedelta(days=NOW.astimezone().weekday()))
    weeks = {(w.moderator, w.week): (w.decided, w.median_minutes, w.overturned)
             for w in found.weeks}
    assert weeks[("Ann", monday)] == (2, 60.0, 1)
    assert weeks[("Bob", monday - timedelta(days=7))] == (1, 10.0, 0)
    assert weeks[("Bob", monday)][0] == 1  # the appeal he answered
    totals = {w.moderator: (w.decided, w.overturned) for w in found.totals}
    assert totals == {"Ann": (2, 1), "Bob": (2, 0)}
    with mod.read() as s:
        assert numbers(s, NOW + timedelta(days=1)).weeks == []


def test_a_lead_assigns_a_case_to_a_colleague_whose_mine_then_holds_it(mod):
    case = report(mod)
    with mod.transaction() as s, pytest.raises(UserError, match="Only leads"):
        decisions.assign(s, case.case_id, act_as(s, "Bob"), now=NOW)
    with mod.transaction() as s:
        bob = act_as(s, "Bob")
        viewer = act_as(s, "Vic", StaffRole.VIEWER)
        act_as(s, "Lee", StaffRole.LEAD)
        with pytest.raises(UserError, match="go to moderators"):
            decisions.assign(s, case.case_id, viewer, now=NOW)
        until = decisions.assign(s, case.case_id, bob, now=NOW)
        assert until == NOW + timedelta(hours=decisions.ASSIGN_HOURS)
        act_as(s, "Bob")
        mine = cases.queue_page(s, QueueFilter(status="todo", assignee=bob), now=NOW)
        assert [r.id for r in mine] == [case.case_id]
        act_as(s, "Ann")
        with pytest.raises(UserError, match="Bob has claimed"):
            decisions.claim(s, case.case_id, now=NOW + timedelta(hours=2))
