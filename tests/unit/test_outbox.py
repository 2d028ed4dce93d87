import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from modconsole.store import models as m
from modconsole.store.outbox import HardDeleteRefused


def outbox(store):
    with store.transaction() as s:
        return [(o.entity, o.op, o.base_version, json.loads(o.payload_json), o.row_id)
                for o in s.scalars(select(m.OutboxEntry).order_by(m.OutboxEntry.seq))]


def add_member(store, **extra):
    with store.transaction() as s:
        member = m.Member(platform_id="wxid_1", name="李雷", **extra)
        s.add(member)
    return member.id


def test_insert_writes_an_outbox_row_with_the_values(store):
    member_id = add_member(store, region="上海")
    [(entity, op, base, payload, row_id)] = outbox(store)
    assert (entity, op, base, row_id) == ("members", "insert", None, member_id)
    assert payload["name"] == "李雷" and payload["region"] == "上海"
    assert payload["version"] == 1


def test_update_records_changed_fields_and_base_version(store):
    member_id = add_member(store)
    with store.transaction() as s:
        s.get(m.Member, member_id).nickname = "李雷-上海-教师"
    with store.transaction() as s:
        assert s.get(m.Member, member_id).version == 2
    entity, op, base, payload, _ = outbox(store)[-1]
    assert (entity, op, base) == ("members", "update", 1)
    assert payload["nickname"] == "李雷-上海-教师"
    assert "name" not in payload and "version" not in payload


def test_tombstone_is_a_delete_op(store):
    member_id = add_member(store)
    with store.transaction() as s:
        s.get(m.Member, member_id).deleted_at = m.utcnow()
    assert outbox(store)[-1][1] == "delete"


def test_rollback_leaves_neither_change_nor_outbox_row(store):
    with pytest.raises(RuntimeError), store.transaction() as s:
        s.add(m.Member(platform_id="wxid_2", name="韩梅梅"))
        s.flush()
        raise RuntimeError("the person cancelled")
    with store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(m.Member)) == 0
        assert s.scalar(select(func.count()).select_from(m.OutboxEntry)) == 0


def test_hard_delete_of_a_synced_row_is_refused(store):
    member_id = add_member(store)
    with pytest.raises(HardDeleteRefused, match="deleted_at"), store.transaction() as s:
        s.delete(s.get(m.Member, member_id))
    with store.transaction() as s:
        assert s.get(m.Member, member_id) is not None


def test_group_membership_is_add_and_remove_ops(store):
    member_id = add_member(store)
    with store.transaction() as s:
        group = m.Group(name="读书会", kind="interest", cap=200)
        s.add(group)
        s.flush()
        s.add(m.GroupMembership(group_id=group.id, member_id=member_id))
    with store.transaction() as s:
        s.delete(s.get(m.GroupMembership, (group.id, member_id)))
    ops = [(e, op) for e, op, *_ in outbox(store)]
    assert ops[-2:] == [("group_members", "add"), ("group_members", "remove")]
    assert outbox(store)[-1][4] == f"{group.id}/{member_id}"


def test_audit_log_cannot_be_edited(store):
    with store.transaction() as s:
        entry = m.AuditEntry(action="member.edit", entity="members")
        s.add(entry)
    with pytest.raises(IntegrityError, match="append-only"), store.transaction() as s:
        s.get(m.AuditEntry, entry.id).reason = "rewriting history"
