"""Tags: bulk add/remove over ids or a filter, exclusive groups, undo, merge, delete, names."""

import json

import pytest
from sqlalchemy import func, select

from modconsole.domain.member_filter import MemberFilter
from modconsole.services import tags
from modconsole.services.errors import UserError
from modconsole.store import models as m
from tests.tag_links import holders as tag_holders


@pytest.fixture
def world(store):
    """Ten members; a free 'interest' group and an exclusive 'spend' group."""
    with store.transaction() as s:
        interest = tags.create_group(s, "兴趣")
        spend = tags.create_group(s, "消费档", exclusive=True)
        ids = {
            "reading": tags.create_tag(s, "读书", interest.id).id,
            "running": tags.create_tag(s, "跑步", interest.id).id,
            "low": tags.create_tag(s, "299档", spend.id).id,
            "high": tags.create_tag(s, "3000档", spend.id).id,
        }
        members = []
        for i in range(10):
            member = m.Member(platform_id=f"p{i}", name=f"成员{i}",
                              region="上海" if i < 6 else "北京")
            s.add(member)
            members.append(member)
        s.flush()
        ids["members"] = [x.id for x in members]
        ids["spend_group"] = spend.id
    return ids


def holders(store, tag_id) -> set[str]:
    with store.transaction() as s:
        return tag_holders(s, tag_id)


def outbox_ops(store) -> list[str]:
    with store.transaction() as s:
        return list(s.scalars(select(m.OutboxEntry.op).where(
            m.OutboxEntry.entity == "member_tags").order_by(m.OutboxEntry.seq)))


def test_add_to_a_filter_result_then_undo(store, world):
    with store.transaction() as s:
        change = tags.apply_tags(s, tags.Targets(filter=MemberFilter(region="上海")),
                                 add=[world["reading"]])
    assert len(change.added) == 6 and change.members == 6
    assert holders(store, world["reading"]) == set(world["members"][:6])
    with store.transaction() as s:
        inverse = tags.undo(s, change)
    assert holders(store, world["reading"]) == set()
    assert outbox_ops(store) == ["add", "remove"]  # one row per tag lists the members
    with store.transaction() as s:  # redo
        tags.undo(s, inverse)
    assert holders(store, world["reading"]) == set(world["members"][:6])


def test_adding_twice_changes_nothing_the_second_time(store, world):
    target = tags.Targets(ids=tuple(world["members"][:3]))
    with store.transaction() as s:
        tags.apply_tags(s, target, add=[world["running"]])
    with store.transaction() as s:
        again = tags.apply_tags(s, target, add=[world["running"]])
    assert again.is_empty()


def test_exclusive_group_replaces_the_old_band_and_undo_restores_it(store, world):
    first = tuple(world["members"][:4])
    with store.transaction() as s:
        tags.apply_tags(s, tags.Targets(ids=first), add=[world["low"]])
    with store.transaction() as s:
        change = tags.apply_tags(s, tags.Targets(ids=first[:2]), add=[world["high"]])
    assert holders(store, world["low"]) == set(first[2:])
    assert holders(store, world["high"]) == set(first[:2])
    assert len(change.removed) == 2
    with store.transaction() as s:
        tags.undo(s, change)
    assert holders(store, world["low"]) == set(first)
    assert holders(store, world["high"]) == set()


def test_two_tags_of_one_exclusive_group_at_once_are_refused(store, world):
    with store.transaction() as s, pytest.raises(UserError, match="exclusive"):
        tags.apply_tags(s, tags.Targets(ids=tuple(world["members"])),
                        add=[world["low"], world["high"]])


def test_a_group_with_doubled_tags_cannot_become_exclusive(store, world):
    with store.transaction() as s:
        tags.apply_tags(s, tags.Targets(ids=tuple(world["members"][:2])),
                        add=[world["reading"], world["running"]])
        group_id = s.get(m.Tag, world["reading"]).group_id
    with store.transaction() as s, pytest.raises(UserError, match="2 members"):
        tags.update_group(s, group_id, exclusive=True)


def test_remove_and_unknown_members(store, world):
    everyone = tags.Targets(ids=tuple(world["members"]))
    with store.transaction() as s:
        tags.apply_tags(s, everyone, add=[world["reading"]])
    with store.transaction() as s:
        change = tags.apply_tags(s, tags.Targets(filter=MemberFilter(region="北京")),
                                 remove=[world["reading"]])
    assert len(change.removed) == 4
    assert holders(store, world["reading"]) == set(world["members"][:6])
    with store.transaction() as s, pytest.raises(UserError, match="no longer exist"):
        tags.apply_tags(s, tags.Targets(ids=("nobody",)), add=[world["running"]])


def test_merge_moves_holders_and_undo_brings_the_tag_back(store, world):
    with store.transaction() as s:
        tags.apply_tags(s, tags.Targets(ids=tuple(world["members"][:3])), add=[world["running"]])
        tags.apply_tags(s, tags.Targets(ids=tuple(world["members"][2:5])),
                        add=[world["reading"]])
    with store.transaction() as s:
        change = tags.merge_tags(s, world["running"], world["reading"])
    assert holders(store, world["reading"]) == set(world["members"][:5])
    assert holders(store, world["running"]) == set()
    with store.transaction() as s:
        assert s.get(m.Tag, world["running"]).deleted_at is not None
        tags.undo(s, change)
    with store.transaction() as s:
        assert s.get(m.Tag, world["running"]).deleted_at is None
    assert holders(store, world["running"]) == set(world["members"][:3])
    assert holders(store, world["reading"]) == set(world["members"][2:5])


def test_overview_counts_and_names(store, world):
    with store.transaction() as s:
        tags.apply_tags(s, tags.Targets(ids=tuple(world["members"][:7])), add=[world["low"]])
        groups = tags.overview(s)
    spend = next(g for g in groups if g.name == "消费档")
    assert spend.exclusive and {t.name: t.members for t in spend.tags} == {"299档": 7, "3000档": 0}
    with store.transaction() as s:
        with pytest.raises(UserError, match="already a tag '读书'"):
            tags.rename_tag(s, world["running"], " 读书 ")
        with pytest.raises(UserError, match="'/'"):
            tags.create_tag(s, "a/b", None)
        with pytest.raises(UserError, match="name"):
            tags.create_tag(s, "  ", None)


def test_outbox_payload_names_the_link(store, world):
    with store.transaction() as s:
        tags.apply_tags(s, tags.Targets(ids=(world["members"][0],)), add=[world["reading"]],
                        by="staff-1")
        row = s.scalars(select(m.OutboxEntry).where(m.OutboxEntry.entity == "member_tags")).one()
        payload = json.loads(row.payload_json)
        assert payload["added_by"] == "staff-1"
        assert payload["member_ids"] == [world["members"][0]]
        assert row.row_id == world["reading"]
        assert s.scalar(select(func.count()).select_from(m.MemberTag)) == 1
