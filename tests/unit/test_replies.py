"""The phrase book service: editing with history, review, search, context, files."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from modconsole.domain.enums import StaffRole
from modconsole.domain.placeholders import Limit
from modconsole.services import identity, phrasebook_files, replies
from modconsole.services.errors import UserError
from modconsole.services.reply_context import (
    MENTIONS,
    ReplyContext,
    context_values,
    render_messages,
    suggest,
)
from modconsole.store import models as m
from modconsole.store.models.base import utcnow

Draft = replies.TemplateDraft


def new(store, **fields) -> str:
    draft = Draft(**{"code": "hello", "title": "Hello", "category": "custom", "lang": "en",
                     "body": "Hi {nickname}", **fields})
    with store.transaction() as s:
        return replies.create_template(s, draft)


def test_the_starter_phrase_book_is_there_in_both_languages(store):
    with store.transaction() as s:
        templates = replies.list_templates(s)
        welcome = replies.find_template(s, "welcome", "zh_CN")
    assert {t.lang for t in templates} == {"zh_CN", "en"}
    assert {"welcome", "mute", "remind", "reward"} <= {t.code for t in templates}
    assert welcome.lang == "zh_CN" and "nickname" in welcome.placeholders


def test_search_by_code_prefix_title_tag_and_body(store):
    new(store, tags=("新人",))
    with store.transaction() as s:
        everything = replies.list_templates(s)
        codes = lambda q: {t.code for t in everything if replies.matches(t, q)}  # noqa: E731
        assert codes("/wel") == {"welcome"}
        assert codes("/hel") == {"hello"}
        assert "hello" in codes("新人") and "hello" in codes("Hi {nick")
        assert codes("禁言通知") == {"mute"}
        assert codes("nothing like this") == set()


def test_edits_keep_history_and_restore_brings_a_body_back(store):
    template_id = new(store)
    with store.transaction() as s:
        replies.update_template(s, template_id, Draft("hello", "Hello", "custom", "en",
                                                      "Hello {nickname}!"))
        replies.update_template(s, template_id, Draft("hello", "Hello", "custom", "en",
                                                      "Hey {nickname}"))
    with store.transaction() as s:
        revisions = replies.history(s, template_id)
        assert [r.body for r in revisions] == ["Hello {nickname}!", "Hi {nickname}"]
        assert revisions[0].edited_by  # who made the edit
        replies.restore_revision(s, template_id, revisions[1].id)
    with store.transaction() as s:
        assert replies.get_template(s, template_id).body == "Hi {nickname}"
        assert replies.history(s, template_id)[0].body == "Hey {nickname}"


@pytest.mark.parametrize("fields, message", [
    ({"code": "Has Space"}, "code must be"), ({"title": " "}, "title"),
    ({"category": "jokes"}, "Unknown category"), ({"lang": "fr"}, "Unknown language"),
    ({"body": "  "}, "body is empty"), ({"body": "x" * 20_001}, "limit is 20,000"),
    ({"code": "welcome"}, "already belongs to"),
])
def test_bad_drafts_are_refused_with_the_field_named(store, fields, message):
    with pytest.raises(UserError, match=message):
        new(store, **fields)


def test_language_variants_share_a_code(store):
    template_id = new(store)
    with store.transaction() as s:
        family = replies.get_template(s, template_id).family_id
        replies.create_template(s, Draft("hello", "你好", "custom", "zh_CN", "你好 {nickname}"),
                                family_id=family)
        with pytest.raises(UserError, match="already has a en variant"):
            replies.create_template(s, Draft("hello", "Hi", "custom", "en", "x"), family_id=family)


def test_review_makes_team_edits_drafts_until_a_lead_approves(store):
    with store.transaction() as s:
        replies.set_review_required(s, True)
    team = new(store)
    personal = new(store, code="mine", scope="personal")
    with store.transaction() as s:
        assert replies.get_template(s, team).status == "draft"
        assert replies.get_template(s, personal).status == "approved"
        assert team not in {t.id for t in replies.list_templates(s, usable_only=True)}
        with pytest.raises(UserError, match="draft"):
            replies.record_use(s, team)
        with pytest.raises(UserError, match="Only a lead"):
            replies.approve(s, team)
        identity.set_role(s, StaffRole.LEAD)
        replies.approve(s, team)
        replies.record_use(s, team, times=3)
    with store.transaction() as s:
        used = replies.get_template(s, team)
        assert (used.status, used.usage_count) == ("approved", 3) and used.last_used_at


def test_personal_templates_are_hidden_from_others(store):
    template_id = new(store, code="mine", scope="personal")
    with store.transaction() as s:
        assert template_id in {t.id for t in replies.list_templates(s)}
        other = m.Staff(name="other", role="ops")
        s.add(other)
        s.flush()
        s.get(m.ReplyTemplate, template_id).owner_id = other.id
    with store.transaction() as s:
        assert template_id not in {t.id for t in replies.list_templates(s)}


def test_limits_are_stored_per_category(store):
    with store.transaction() as s:
        assert replies.limits(s)["welcome"] == Limit(bytes=3000)
        replies.set_limits(s, {"mute": Limit(chars=80)})
        with pytest.raises(UserError, match="between 1 and 100,000"):
            replies.set_limits(s, {"mute": Limit(chars=0)})
    with store.transaction() as s:
        assert replies.limits(s) == {"mute": Limit(chars=80)}


@pytest.fixture
def case(store):
    """A member muted for 7 days for advertising, in a group."""
    with store.transaction() as s:
        member = m.Member(platform_id="wx1", name="王芳", nickname="芳芳", points=120)
        group = m.Group(name="读书会", kind="core", cap=30)
        s.add_all([member, group])
        s.flush()
        s.add(m.GroupMembership(member_id=member.id, group_id=group.id))
        rule = s.scalar(select(m.Rule).where(m.Rule.parent_id.is_not(None)).limit(1))
        case = m.Case(member_id=member.id, group_id=group.id, rule_id=rule.id, source="member",
                      evidence_hash="x")
        s.add(case)
        s.flush()
        start = utcnow()
        s.add(m.Sanction(case_id=case.id, member_id=member.id, kind="mute", starts_at=start,
                         ends_at=start + timedelta(days=7)))
        return {"case": case.id, "member": member.id, "rule": rule.title_zh,
                "rule_code": rule.code}


def test_context_values_for_a_case(store, case):
    with store.transaction() as s:
        (values,) = context_values(s, ReplyContext(case_id=case["case"]), "zh_CN")
        mute = replies.find_template(s, "mute", "zh_CN")
        (message,) = render_messages(mute.body, [values], "zh_CN")
    assert values["nickname"] == "芳芳" and values["group"] == "读书会"
    assert values["rule"] == case["rule"] and values["sanction"] == "7天" and values["until"]
    assert message.missing == () and "禁言7天" in message.text and "芳芳" in message.text


def test_suggestions_after_a_mute_put_the_mute_notice_first(store, case):
    tagged = new(store, code="mute-ads", category="mute", lang="zh_CN", title="广告禁言",
                 body="{nickname} 发广告被禁言", tags=(case["rule_code"],))
    with store.transaction() as s:
        ranked = suggest(s, ReplyContext(case_id=case["case"]), "zh_CN")
    assert ranked[0].id == tagged
    assert (ranked[1].code, ranked[1].lang) == ("mute", "zh_CN")


def test_several_members_get_one_message_each_or_one_with_mentions(store, case):
    with store.transaction() as s:
        other = m.Member(platform_id="wx2", name="李雷", nickname="雷雷")
        s.add(other)
        s.flush()
        ctx = ReplyContext(member_ids=(case["member"], other.id))
        people = context_values(s, ctx, "zh_CN")
        each = render_messages("@{nickname} 你好", people, "zh_CN")
        one = render_messages("@{nickname} 你好", people, "zh_CN", mode=MENTIONS)
        plain = render_messages("{nickname}", people, "zh_CN", mode=MENTIONS)
        with pytest.raises(UserError, match="Unknown placeholder 'nick'"):
            context_values(s, ctx, "zh_CN", {"nick": "x"})
    assert [r.text for r in each] == ["@芳芳 你好", "@雷雷 你好"]
    assert [r.text for r in one] == ["@芳芳 @雷雷 你好"]
    assert [r.text for r in plain] == ["@芳芳 @雷雷"]


def test_export_then_import_changes_nothing(store, tmp_path):
    new(store, body="@{nickname} =1+1")
    for name in ("lib.json", "lib.csv"):
        with store.transaction() as s:
            count = phrasebook_files.export_library(s, tmp_path / name)
        with store.transaction() as s:
            report = phrasebook_files.import_library(s, tmp_path / name)
        assert report.unchanged == count and report.added == report.updated == 0
        assert report.conflicts == []


def test_merge_tells_newer_from_older_and_shows_conflicts(store, tmp_path):
    first, second, third = (new(store, code=c) for c in ("one", "two", "three"))
    with store.transaction() as s:
        phrasebook_files.export_library(s, tmp_path / "theirs.json")
    data = json.loads((tmp_path / "theirs.json").read_text(encoding="utf-8"))
    for entry in data["templates"]:
        if entry["id"] in (second, third):  # they edit two and three
            entry["history"].append(phrasebook_files.fingerprint(entry["title"], entry["body"]))
            entry["body"] = "theirs {nickname}"
    data["templates"].append({"id": "0199aaaa-0000-7000-8000-000000000001", "code": "new-one",
                              "title": "New", "category": "custom", "lang": "en", "body": "N"})
    (tmp_path / "theirs.json").write_text(json.dumps(data), encoding="utf-8")
    with store.transaction() as s:  # we edit one and three
        for template_id in (first, third):
            replies.update_template(s, template_id, Draft(
                replies.get_template(s, template_id).code, "Hello", "custom", "en",
                "ours {nickname}"))
    with store.transaction() as s:
        report = phrasebook_files.import_library(s, tmp_path / "theirs.json")
    assert (report.added, report.updated, report.kept_ours) == (1, 1, 1)
    assert [c.id for c in report.conflicts] == [third]
    with store.transaction() as s:
        assert replies.get_template(s, second).body == "theirs {nickname}"
        assert replies.get_template(s, third).body == "ours {nickname}"
        report = phrasebook_files.import_library(s, tmp_path / "theirs.json",
                                                 take_theirs={third})
    assert report.taken_theirs == 1
    with store.transaction() as s:
        assert replies.get_template(s, third).body == "theirs {nickname}"
        assert replies.history(s, third)[0].body == "ours {nickname}"  # nothing lost


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON"),
    ('{"templates": []}', "not a phrase book export"),
    ('{"format": "modconsole-phrasebook", "templates": [{"id": "x", "code": "a"}]}',
     r"template 1 \(a\): 'title' is required"),
    ('{"format": "modconsole-phrasebook", "templates": [{"id": "0190a5c2-0000-7000-8000-'
     '000000000001", "code": "a", "title": "A", "category": "custom", "lang": "en", "body": "'
     + "x" * 20_001 + '"}]}', "limit"),
])
def test_bad_files_are_rejected_whole(store, tmp_path, content, message):
    before = _count(store)
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with store.transaction() as s, pytest.raises(UserError, match=message):
        phrasebook_files.import_library(s, path)
    assert _count(store) == before


def _count(store) -> int:
    with store.transaction() as s:
        return len(replies.list_templates(s))


def test_cli_lists_renders_and_round_trips(db_path, tmp_path, capsys, case):
    from modconsole.cli import main

    assert main(["--db", str(db_path), "templates", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    mute = next(t for t in listed if t["code"] == "mute" and t["lang"] == "zh_CN")
    assert {"id", "code", "title", "category", "lang", "placeholders"} <= set(mute)
    assert "until" in mute["placeholders"]

    assert main(["--db", str(db_path), "templates", "render", "mute", "--case", case["case"],
                 "--lang", "zh_CN"]) == 0
    assert "禁言7天" in capsys.readouterr().out
    assert main(["--db", str(db_path), "templates", "render", "/welcome", "--member", "wx1",
                 "--lang", "en", "--var", "group=Book club"]) == 0
    assert capsys.readouterr().out.startswith("Welcome to Book club, 芳芳!")

    # Without a case there is no rule or sanction, and no fallback: exit 1 with the reason.
    assert main(["--db", str(db_path), "templates", "render", "mute", "--member", "wx1"]) == 1
    assert "No value for {rule}, {sanction}, {until}" in capsys.readouterr().err
    assert main(["--db", str(db_path), "templates", "render", "nope", "--member", "wx1"]) == 1
    assert "No template has the id or code 'nope'" in capsys.readouterr().err

    out = tmp_path / "book.json"
    assert main(["--db", str(db_path), "templates", "export", str(out)]) == 0
    assert main(["--db", str(db_path), "templates", "import", str(out)]) == 0
    assert "0 added, 0 updated" in capsys.readouterr().out.splitlines()[-1]
    assert main(["--db", str(db_path), "templates", "export", str(out)]) == 1
