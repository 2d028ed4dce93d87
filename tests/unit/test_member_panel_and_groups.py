"""The member panel's edits (one transaction with an outbox row each) and group moves."""

import pytest
from sqlalchemy import select

from modconsole.domain.member_filter import MemberFilter
from modconsole.services import audit, groups, member_detail, segments
from modconsole.services.errors import UserError
from modconsole.services.member_targets import Targets
from modconsole.services.roster import list_members
from modconsole.store import models as m
from modconsole.store.models.base import utcnow


@pytest.fixture
def member_id(store):
    with store.transaction() as s:
        member = m.Member(platform_id="wx1", name="王芳")
        s.add(member)
        s.flush()
        return member.id


def outbox(store, entity):
    with store.transaction() as s:
        return s.scalars(select(m.OutboxEntry.op).where(m.OutboxEntry.entity == entity)).all()


def test_field_edit_validates_and_writes_its_outbox_row(store, member_id):
    with store.transaction() as s:
        member_detail.update_field(s, member_id, "phone", "138 0000 1111")
        member_detail.update_field(s, member_id, "gender", "Female")
    with store.transaction() as s:
        detail = member_detail.load_detail(s, member_id)
        assert detail.member["phone"] == "138 0000 1111" and detail.member["gender"] == "女"
    assert outbox(store, "members") == ["insert", "update", "update"]
    for field, value, message in [("email", "nope", "e-mail"),
                                  ("name", " ", "Name cannot be empty"),
                                  ("points", "9", "cannot be edited"),
                                  ("phone", "12", "phone number"),
                                  ("status", "banned", "through the queue"),
                                  ("inviter", "nobody", "No member has the platform ID"),
                                  ("level", "0", "out of range")]:
        with store.transaction() as s, pytest.raises(UserError, match=message):
            member_detail.update_field(s, member_id, field, value)


def test_more_fields_take_text_as_the_import_reads_it_and_show_it_back(store, member_id):
    with store.transaction() as s:
        s.add(m.Member(id="inviter-1", platform_id="wx_boss", name="老板"))
        s.flush()
        for field, value in (("paid_total", "¥1,299.50"), ("level", "3"),
                             ("inviter", "wx_boss"), ("joined_at", "2026-03-01 20:05"),
                             ("phone_verified", "是"), ("age_band", "25-34"),
                             ("left_at", "2026-04-01")):
            member_detail.update_field(s, member_id, field, value)
    with store.transaction() as s:
        member = member_detail.load_detail(s, member_id).member
    shown = {f: member_detail.field_text(member, f) for f in member_detail.MORE_EDITABLE}
    assert shown["paid_total"] == "1299.50" and shown["level"] == "3"
    assert shown["inviter"] == "wx_boss" and shown["joined_at"] == "2026-03-01 20:05"
    assert shown["phone_verified"] == "yes" and shown["email_verified"] == "no"
    assert (shown["status"], shown["left_at"]) == ("left", "2026-04-01 00:00")
    with store.transaction() as s:  # back to normal: the date left goes
        member_detail.update_field(s, member_id, "status", "正常")
        member_detail.update_field(s, member_id, "paid_total", "")
    with store.transaction() as s:
        member = member_detail.load_detail(s, member_id).member
    assert (member["status"], member["left_at"], member["paid_total_cents"]) == (
        "active", None, 0)


def test_notes_are_searchable_editable_and_deletable(store, member_id):
    with store.transaction() as s:
        s.add(m.Staff(id="staff-1", name="小李", role="moderator"))
        s.flush()
        note = member_detail.add_note(s, member_id, "喜欢摄影", "staff-1")
    with store.transaction() as s:
        for query in ("摄", "摄影", "喜欢摄影"):  # character postings, and trigrams
            assert [r.platform_id for r in list_members(s, MemberFilter(query=query)).rows] == [
                "wx1"]
        detail = member_detail.load_detail(s, member_id)
        assert [(n.body, n.author) for n in detail.notes] == [("喜欢摄影", "小李")]
        member_detail.edit_note(s, note, "喜欢跑步")
    with store.transaction() as s:
        assert list_members(s, MemberFilter(query="摄")).rows == []
        assert list_members(s, MemberFilter(query="喜欢摄影")).rows == []
        assert len(list_members(s, MemberFilter(query="喜欢跑步")).rows) == 1
        member_detail.delete_note(s, note)
    with store.transaction() as s:
        assert list_members(s, MemberFilter(query="跑")).rows == []
        assert list_members(s, MemberFilter(query="喜欢跑步")).rows == []
        assert member_detail.load_detail(s, member_id).notes == []
        with pytest.raises(UserError, match="empty"):
            member_detail.add_note(s, member_id, "  ", None)
        with pytest.raises(UserError, match="at most"):
            member_detail.add_note(s, member_id, "长" * 10_001, None)


def test_move_between_groups_reports_the_cap(store, member_id):
    with store.transaction() as s:
        a = groups.create_group(s, "上海1群", "regional")
        b = groups.create_group(s, "VIP", "core", cap=1)
        others = [m.Member(platform_id=f"o{i}", name=f"o{i}") for i in range(2)]
        s.add_all(others)
        s.flush()
        ids = [member_id, *(o.id for o in others)]
        assert a.cap == 100
        groups.add_to_group(s, Targets(ids=tuple(ids)), a.id)
    with store.transaction() as s:
        result = groups.add_to_group(s, Targets(ids=tuple(ids[:2])), b.id, source_id=a.id)
    assert (result.added, result.removed, result.over_cap_by) == (2, 2, 1)
    with store.transaction() as s:
        fills = {g.name: (g.members, g.near_cap) for g in groups.list_groups(s)}
    assert fills == {"上海1群": (1, False), "VIP": (2, True)}
    assert sorted(outbox(store, "group_members")) == ["add"] * 5 + ["remove"] * 2
    with store.transaction() as s:
        moves = audit.entries(s, audit.AuditFilter(action="group."))
    assert [e.action for e in moves] == ["group.move", "group.add", "group.create",
                                          "group.create"]
    assert '"added": 2' in moves[0].after and '"上海1群"' in moves[0].before
    with store.transaction() as s, pytest.raises(UserError, match="already a group"):
        groups.create_group(s, "VIP", "core")


def test_a_filter_moves_everyone_it_matches_and_a_gone_member_stops_a_move(store, member_id):
    with store.transaction() as s:
        a = groups.create_group(s, "A群", "regional")
        b = groups.create_group(s, "B群", "regional")
        s.add_all([m.Member(platform_id=f"sh{i}", name=f"上海{i}", region="上海")
                   for i in range(30)] + [m.Member(platform_id="bj", name="北京", region="北京")])
        s.flush()
        shanghai = Targets(filter=MemberFilter(region="上海"))
        assert groups.add_to_group(s, shanghai, a.id).added == 30
        result = groups.add_to_group(s, shanghai, b.id, source_id=a.id)
        assert (result.added, result.removed) == (30, 30)
        gone = s.scalar(select(m.Member).where(m.Member.platform_id == "bj"))
        gone.deleted_at = utcnow()
        s.flush()
        with pytest.raises(UserError, match="no longer exist"):
            groups.add_to_group(s, Targets(ids=(member_id, gone.id)), a.id)
    with store.transaction() as s:
        fills = {g.name: g.members for g in groups.list_groups(s)}
    assert fills == {"A群": 0, "B群": 30}


def test_segment_edits_are_audited(store, member_id):
    f = MemberFilter(query="王")
    with store.transaction() as s:
        segment = segments.save_segment(s, "王姓", f)
        segments.save_segment(s, "王姓", MemberFilter(query="王芳"), replace=True)
        segments.rename_segment(s, segment.id, "姓王的")
        segments.delete_segment(s, segment.id)
    with store.transaction() as s:
        rows = audit.entries(s, audit.AuditFilter(action="segment."))
    assert [r.action for r in rows] == ["segment.delete", "segment.rename", "segment.save",
                                        "segment.save"]
    assert "王芳" in rows[2].after and "王芳" not in rows[2].before
    assert '"姓王的"' in rows[1].after and '"姓王的"' in rows[0].before
