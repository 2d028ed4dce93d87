"""A row two consoles make apart (the same member imported on both, the tag "VIP" created
on both, one member checked in by two hosts) becomes one row on every console."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from modconsole.domain.natural_keys import NATURAL_KEYS, natural_id
from modconsole.domain.permissions import SYNCED_ENTITIES
from modconsole.services import activities, attendance, member_detail, member_import, tags
from modconsole.services.member_import import ImportOptions, import_members, prepare
from modconsole.services.member_targets import Targets
from modconsole.services.team.sync import sync_once
from modconsole.store import models as m
from modconsole.store.models.base import new_ids
from tests.server.api_calls import change, pull_all, push, sign_in, team_client
from tests.server.consoles import sync_all, team_of
from tests.server.test_convergence import dump

START = datetime(2026, 12, 5, 12, tzinfo=UTC)


def test_the_natural_keys_are_the_consoles_unique_constraints():
    found = {}
    for entity in SYNCED_ENTITIES:
        table = m.Base.metadata.tables.get(entity)
        for constraint in table.constraints if table is not None else ():
            if type(constraint).__name__ == "UniqueConstraint":
                found[entity] = tuple(c.name for c in constraint.columns)
    assert found == NATURAL_KEYS


def test_a_natural_id_is_the_same_whatever_the_time_offset_and_differs_by_key():
    aware = {"activity_id": "a", "member_id": "m", "occurrence_at": START}
    naive = {**aware, "occurrence_at": START.replace(tzinfo=None)}
    as_text = {**aware, "occurrence_at": "2026-12-05T20:00:00+08:00"}
    assert natural_id("attendance", aware) == natural_id("attendance", naive) \
        == natural_id("attendance", as_text)
    assert natural_id("attendance", {**aware, "member_id": "n"}) != natural_id(
        "attendance", aware)
    assert natural_id("tags", {"group_id": None, "name": "VIP"}) != natural_id(
        "rules", {"code": "VIP"})
    assert natural_id("cases", {"member_id": "m"}) is None


@pytest.fixture
def pair(server, server_db, tmp_path, memory_keyring):
    pair = team_of(server_db, server, tmp_path, {"赵敏": "lead", "钱进": "lead"})
    for store, team in pair:
        sync_once(store, team)  # both join the (empty) team
    yield pair
    for store, _ in pair:
        store.close()


def import_file(store, path) -> None:
    table, mapping = prepare(path)
    with store.transaction() as s:
        import_members(s, table, ImportOptions(mapping))


def test_the_same_file_imported_on_two_consoles_apart_is_one_roster(pair, tmp_path):
    (a, _), (b, _) = pair
    path = tmp_path / "group.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["微信号", "姓名", "标签", "积分"])
        writer.writerows([[f"wx_{n}", f"成员{n}", "读书,跑步" if n % 2 else "读书", n]
                          for n in range(50)])
    import_file(a, path)
    import_file(b, path)
    with b.transaction() as s:  # b goes on working with what it imported
        member = s.scalar(select(m.Member.id).where(m.Member.platform_id == "wx_7"))
        member_detail.add_note(s, member, "已私聊提醒")

    assert sync_all(pair) == 0
    assert dump(a) == dump(b)
    with a.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Member)) == 50
        assert s.scalar(select(func.count()).select_from(m.Tag)) == 2
        assert s.scalar(select(func.count()).select_from(m.MemberTag)) == 75
        assert s.scalar(select(m.MemberNote.member_id)) == member
        assert s.scalar(select(func.sum(m.Member.points))) == sum(range(50))  # not twice
        assert s.scalar(select(func.count()).select_from(m.PointsEntry)) == 49


def test_a_member_added_on_two_consoles_keeps_the_first_and_shows_the_second_its_conflict(
        pair):
    (a, _), (b, _) = pair
    for store, name in ((a, "王芳"), (b, "王芳芳")):
        with store.transaction() as s:
            member_import.add_member(s, {"platform_id": "wx_f", "name": name})
    assert sync_all(pair) == 1
    assert dump(a) == dump(b)
    with b.read() as s:
        assert s.scalar(select(m.Member.name)) == "王芳"
        problem = s.scalar(select(m.SyncProblem))
        assert (problem.kind, problem.entity) == ("conflict", "members")
        assert '"kept": "王芳"' in problem.detail_json
        assert '"pushed": "王芳芳"' in problem.detail_json


def test_a_tag_created_on_two_consoles_apart_is_one_tag_with_both_members(pair):
    (a, _), (b, _) = pair
    for store, who in ((a, "wx_a"), (b, "wx_b")):
        with store.transaction() as s:
            member = member_import.add_member(s, {"platform_id": who, "name": who})
            group = tags.create_group(s, "兴趣")
            tag = tags.create_tag(s, "VIP", None)
            tags.apply_tags(s, Targets(ids=(member,)), add=[tag.id])
            assert group.id  # groups have no key: two of them are two groups
    sync_all(pair)
    assert dump(a) == dump(b)
    with a.read() as s:
        assert s.scalars(select(m.Tag.name)).all() == ["VIP"]
        assert s.scalar(select(func.count()).select_from(m.MemberTag)) == 2


def test_a_member_checked_in_by_two_hosts_is_one_check_in_and_is_paid_once(pair):
    (a, _), (b, _) = pair
    with a.transaction() as s:
        member = member_import.add_member(s, {"platform_id": "wx_c", "name": "陈"})
        quiz = activities.create_activity(s, activities.ActivityIn(
            "知识问答", "topic", START, START + timedelta(hours=1), reward_points=5))
    sync_all(pair)
    for store in (a, b):  # both hosts, apart
        with store.transaction() as s:
            attendance.check_in(s, quiz, START, [member])
    assert sync_all(pair) == 0
    assert dump(a) == dump(b)
    with b.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Attendance)) == 1
        assert s.scalar(select(func.count()).select_from(m.PointsEntry)) == 1
        assert s.get(m.Member, member).points == 5


def test_a_row_whose_key_was_edited_keeps_its_id_and_a_new_row_takes_a_fresh_one(store):
    with store.transaction() as s:
        first = tags.create_tag(s, "VIP", None).id
        assert first == natural_id("tags", {"group_id": None, "name": "VIP"})
        tags.rename_tag(s, first, "VIP2")
        second = tags.create_tag(s, "VIP", None).id
        assert second != first
        assert new_ids(s.connection(), m.Tag.__table__, [{"name": "VIP"}, {"name": "新"}]
                       ) != [first, natural_id("tags", {"name": "新"})]


def test_the_server_merges_an_insert_of_the_same_row_and_refuses_another_row_on_its_id(
        server_db):
    client = team_client(server_db, {"赵敏": "ops", "钱进": "ops"})
    (zhao, _), (qian, _) = sign_in(client, "赵敏"), sign_in(client, "钱进")
    row_id = natural_id("members", {"platform_id": "wx_f"})
    start = pull_all(client, zhao)[1]
    first = change("members", row_id, platform_id="wx_f", name="王芳",
                   created_at="2026-12-01T08:00:00+00:00")
    assert push(client, zhao, first)[0]["outcome"] == "applied"
    second = push(client, qian, change("members", row_id, platform_id="wx_f", name="王芳芳",
                                       nickname="芳", created_at="2026-12-01T09:00:00+00:00"))
    assert second[0]["outcome"] == "conflict"
    assert [(c["field"], c["kept"], c["pushed"], c["kept_by"])
            for c in second[0]["conflicts"]] == [("name", "王芳", "王芳芳", "赵敏")]
    logged = pull_all(client, zhao, after=start)[0]
    assert [c["op"] for c in logged] == ["insert", "put"]
    assert logged[1]["payload"] == {"platform_id": "wx_f", "name": "王芳", "nickname": "芳",
                                    "created_at": "2026-12-01T08:00:00+00:00"}
    other = push(client, qian, change("members", row_id, platform_id="wx_g", name="李"))
    assert (other[0]["outcome"], other[0]["reason"]) == ("refused", "row_exists")


def test_two_tags_renamed_apart_to_one_name_keep_the_first_and_refuse_the_second(pair):
    (a, _), (b, _) = pair
    with a.transaction() as s:
        group = tags.create_group(s, "兴趣").id  # in a group: the name is unique there
        first, second = (tags.create_tag(s, name, group).id for name in ("读书", "跑步"))
    sync_all(pair)
    with a.transaction() as s:
        tags.rename_tag(s, first, "运动")
    with b.transaction() as s:
        tags.rename_tag(s, second, "运动")
    sync_all(pair)
    (_, team_b) = pair[1]
    report = sync_once(b, team_b)  # b's pulls go on
    assert report.refused == 0
    assert dump(a) == dump(b)
    with b.read() as s:
        assert dict(s.execute(select(m.Tag.id, m.Tag.name)).all()) == {first: "运动",
                                                                       second: "跑步"}
        problem = s.scalar(select(m.SyncProblem))
        assert (problem.kind, problem.entity, problem.row_id) == ("refused", "tags", second)
        assert '"reason": "key_taken"' in problem.detail_json


def test_an_edit_giving_a_row_a_key_the_team_has_is_refused(server_db):
    client = team_client(server_db, {"赵敏": "ops"})
    zhao, _ = sign_in(client, "赵敏")
    push(client, zhao, change("members", "m1", platform_id="wx_1", name="甲"),
         change("members", "m2", platform_id="wx_2", name="乙"),
         change("tag_groups", "g1", name="兴趣"), change("tags", "t1", group_id=None, name="VIP"),
         change("tags", "t2", group_id="g1", name="VIP"))
    outcomes = push(client, zhao,
                    change("members", "m2", "update", base=1, platform_id="wx_1"),
                    change("members", "m2", "update", base=1, platform_id="wx_3"),
                    change("members", "m1", "update", base=1, name="甲甲"),
                    change("tags", "t2", "update", base=1, group_id=None),
                    change("tags", "t1", "update", base=1, name="VIP"))
    assert [(o["outcome"], o["reason"]) for o in outcomes] == [
        ("refused", "key_taken"), ("applied", None), ("applied", None),
        ("refused", "key_taken"), ("applied", None)]
    assert outcomes[0]["message"] == "Another members row (m1) has that key already."
