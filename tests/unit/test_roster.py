import json

import pytest
from sqlalchemy import select, text

from modconsole.cli import main
from modconsole.domain.member_filter import SORTABLE, FilterError, MemberFilter
from modconsole.domain.name_order import sort_key
from modconsole.services import member_detail, tags
from modconsole.services.demo import load_demo
from modconsole.services.errors import UserError
from modconsole.services.roster import (
    LIVE_COUNT,
    count_members,
    list_members,
    regions_query,
    resolve_groups,
    resolve_tags,
)
from modconsole.store import models as m
from tests.conftest import NOW
from tests.tag_links import tag_links


@pytest.fixture
def demo(store):
    with store.transaction() as s:
        load_demo(s, members=400, seed=3, now=NOW)
    return store


def all_pages(session, f, sort, descending, size=37):
    rows, after = [], None
    while True:
        page = list_members(session, f, sort=sort, descending=descending, after=after,
                            limit=size)
        rows += page.rows
        if page.next_key is None:
            return rows
        after = page.next_key


@pytest.mark.parametrize("sort", ["name", "last_active_at", "points", "layer", "joined_at"])
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_join_up_to_the_whole_sorted_list(demo, sort, descending):
    assert sort in SORTABLE
    with demo.transaction() as s:
        paged = all_pages(s, MemberFilter(), sort, descending)
        whole = list_members(s, MemberFilter(), sort=sort, descending=descending,
                             limit=10_000).rows
        assert [r.id for r in paged] == [r.id for r in whole]
        assert len(whole) == count_members(s, MemberFilter()) == 400
        values = [getattr(r, sort) for r in whole] if sort != "joined_at" else None
        if values and None not in values:  # names go by pinyin, the rest by value
            key = sort_key if sort == "name" else None
            assert values == sorted(values, key=key, reverse=descending)


def test_tag_filters_compose(demo):
    with demo.transaction() as s:
        reading, shanghai, paid = resolve_tags(s, ["读书", "上海", "未付费"])
        both = list_members(s, MemberFilter(all_tags=(reading, shanghai)), limit=10_000).rows
        either = list_members(s, MemberFilter(any_tags=(reading, shanghai)), limit=10_000).rows
        neither = list_members(s, MemberFilter(none_tags=(reading, shanghai)), limit=10_000).rows
        unpaid_readers = list_members(s, MemberFilter(all_tags=(reading,), none_tags=(paid,)),
                                      limit=10_000).rows
        total = count_members(s, MemberFilter())
        assert count_members(s, MemberFilter(all_tags=(reading, shanghai))) == len(both)
        assert count_members(s, MemberFilter(all_tags=(reading,), none_tags=(paid,))) == len(
            unpaid_readers)
    assert both and all({"读书", "上海"} <= set(r.tags) for r in both)
    assert all({"读书", "上海"} & set(r.tags) for r in either)
    assert all(not {"读书", "上海"} & set(r.tags) for r in neither)
    assert len(either) + len(neither) == total
    assert all("读书" in r.tags and "未付费" not in r.tags for r in unpaid_readers)


def holding_all(session, tag_ids) -> list[str]:
    """Ids of live members with every tag, sorted by (pinyin key of the name, rowid) in
    Python: the reference."""
    held: dict[str, set[str]] = {}
    for tag_id, member_id in tag_links(session):
        held.setdefault(member_id, set()).add(tag_id)
    live = session.execute(text("SELECT name, rowid, id FROM members WHERE deleted_at IS NULL"))
    chosen = [r for r in live if set(tag_ids) <= held.get(r[2], set())]
    return [i for _name, _rowid, i in sorted(chosen, key=lambda r: (sort_key(r[0]), r[1]))]


def assert_tag_pages_match(session, tag_ids):
    expected = holding_all(session, tag_ids)
    assert expected
    for descending in (False, True):
        paged = all_pages(session, MemberFilter(all_tags=tag_ids), "name", descending, size=7)
        assert [r.id for r in paged] == (expected[::-1] if descending else expected)


def test_tag_filters_page_in_name_order_through_renames_tagging_merges_and_deletes(demo):
    """A tag filter sorted by name reads `member_tags_by_name`, which triggers keep current."""
    kept = "SELECT tag, name_key, member FROM member_tags_by_name"
    derived = ("SELECT mt.tag, m.name_key, mt.member FROM member_tags mt "
               "JOIN members m ON m.rowid = mt.member")
    with demo.transaction() as s:
        reading, shanghai, unpaid = resolve_tags(s, ["读书", "上海", "未付费"])
        assert_tag_pages_match(s, (reading, shanghai))
        readers = holding_all(s, (reading,))
        member_detail.update_field(s, readers[0], "name", "0 Aaron")  # to the front
        member_detail.update_field(s, readers[1], "name", "Zzz")  # to the back
        tags.apply_tags(s, tags.Targets(ids=tuple(readers[2:9])), add=[shanghai])
        tags.apply_tags(s, tags.Targets(ids=tuple(readers[9:12])), remove=[shanghai])
        tags.merge_tags(s, unpaid, reading)
        s.get(m.Member, readers[12]).deleted_at = NOW
        s.flush()
        assert set(s.execute(text(kept)).all()) == set(s.execute(text(derived)).all())
        assert_tag_pages_match(s, (reading, shanghai))
        assert_tag_pages_match(s, (shanghai, reading))
        first = all_pages(s, MemberFilter(all_tags=(reading,)), "name", False)[0]
        assert first.id == readers[0]  # renamed to the front


def test_group_status_and_range_filters(demo):
    with demo.transaction() as s:
        [vip] = resolve_groups(s, ["核心VIP群"])
        in_vip = list_members(s, MemberFilter(groups=(vip,)), limit=10_000).rows
        muted = list_members(s, MemberFilter(statuses=("muted",)), limit=10_000).rows
        rich = count_members(s, MemberFilter(points_min=200))
        poor = count_members(s, MemberFilter(points_max=199))
        total = count_members(s, MemberFilter())
    assert in_vip and all("核心VIP群" in r.groups for r in in_vip)
    assert all(r.status == "muted" for r in muted)
    assert rich + poor == total


def test_the_region_list_is_every_live_members_region_once_in_order(demo):
    with demo.transaction() as s:
        s.execute(text("UPDATE members SET region = '' WHERE rowid % 7 = 0"))
        s.execute(text("UPDATE members SET region = '仅已删除', deleted_at = '2026-01-01' "
                       "WHERE rowid = (SELECT max(rowid) FROM members)"))
        expected = s.execute(text("SELECT DISTINCT region FROM members WHERE deleted_at IS NULL "
                                  "ORDER BY region")).scalars().all()
        found = s.execute(regions_query()).scalars().all()
        assert s.execute(regions_query(limit=3)).scalars().all() == expected[:3]
    assert len(expected) > 3 and found == expected


def test_unknown_names_and_sorts_are_rejected(demo):
    with demo.transaction() as s:
        with pytest.raises(UserError, match="no tag '火星'"):
            resolve_tags(s, ["火星"])
        with pytest.raises(UserError, match="Cannot sort by 'password'"):
            list_members(s, MemberFilter(), sort="password")


def test_filter_round_trips_through_json_and_rejects_bad_segments():
    f = MemberFilter(all_tags=("a", "b"), statuses=("muted",), points_min=5, query="王",
                     active_from=NOW)
    assert MemberFilter.from_json(f.to_json()) == f
    with pytest.raises(FilterError, match="unknown condition 'colour'"):
        MemberFilter.from_json('{"colour": "red"}')
    with pytest.raises(FilterError, match="'points_min' must be a whole number"):
        MemberFilter.from_json('{"points_min": "many"}')


def test_cli_members_list_and_search_json(capsys, db_path):
    assert main(["--db", str(db_path), "demo", "--members", "200", "--seed", "4"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "members", "list", "--tag", "读书", "--not-tag", "上海",
                 "--json", "--limit", "500"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all("读书" in r["tags"] and "上海" not in r["tags"] for r in rows)
    assert set(rows[0]) >= {"id", "platform_id", "name", "nickname", "tags", "groups", "layer",
                            "class", "status"}
    name = rows[0]["name"]
    assert main(["--db", str(db_path), "members", "search", name[:1], "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert any(r["id"] == rows[0]["id"] for r in found) or len(found) == 50
    assert main(["--db", str(db_path), "members", "list", "--tag", "火星"]) == 1
    assert "no tag" in capsys.readouterr().err


def test_the_unfiltered_count_reads_the_live_index_and_leaves_out_the_deleted(demo):
    with demo.transaction() as s:
        plan = " ".join(str(r) for r in s.execute(
            text("EXPLAIN QUERY PLAN " + str(LIVE_COUNT))).all())
        before = count_members(s, MemberFilter())
        gone = s.scalar(select(m.Member).limit(1))
        gone.deleted_at = NOW
        s.flush()
        assert count_members(s, MemberFilter()) == before - 1
    assert "ix_members_live_region" in plan


@pytest.mark.parametrize("sort", ["joined_at", "last_active_at", "layer"])
def test_members_without_a_value_sort_first_and_page_through(demo, sort):
    with demo.transaction() as s:
        for i in range(3):  # imported without dates or a class yet
            s.add(m.Member(platform_id=f"bare{i}", name=f"无日期{i}"))
        s.flush()
        paged = all_pages(s, MemberFilter(), sort, False, size=7)
        whole = list_members(s, MemberFilter(), sort=sort, limit=10_000).rows
        assert [r.id for r in paged] == [r.id for r in whole]
        assert len(whole) == count_members(s, MemberFilter())
        assert {r.platform_id for r in whole[:3]} == {"bare0", "bare1", "bare2"}
