"""Every sortable column pages in the same order as a plain sort, NULLs included, under
either plan a tag filter can take, and from an index rather than a sort of every row."""

import pytest
from sqlalchemy import text

from modconsole.domain.member_filter import SORTABLE, MemberFilter
from modconsole.services import roster
from modconsole.services.demo import load_demo
from modconsole.services.startup import open_console_database
from modconsole.store import models as m
from tests.conftest import NOW

PAGE = 7


@pytest.fixture(scope="module")
def members(tmp_path_factory):
    """400 demo members; some have no join date, layer or last activity (NULL keys), some
    are deleted. Shared by the module's tests, which only read."""
    store, _ = open_console_database(tmp_path_factory.mktemp("order") / "order.db")
    with store.transaction() as s:
        load_demo(s, members=400, seed=3, now=NOW)
        s.execute(text("UPDATE members SET joined_at = NULL, layer = NULL, "
                       "last_active_at = NULL WHERE rowid % 9 = 0"))
        s.execute(text("UPDATE members SET deleted_at = '2026-01-01' WHERE rowid % 50 = 1"))
    yield store
    store.close()


def expected(session, sort: str, descending: bool, holders: str | None = None) -> list[str]:
    """Live members' ids sorted in Python: NULL first ascending, last descending; rowid
    breaks ties."""
    column = "name_key" if sort == "name" else sort
    where = "deleted_at IS NULL"
    if holders:
        where += (" AND rowid IN (SELECT member FROM member_tags WHERE tag = "
                  f"(SELECT rowid FROM tags WHERE id = '{holders}'))")
    rows = session.execute(text(f"SELECT id, {column}, rowid FROM members WHERE {where}")).all()
    rows.sort(key=lambda r: (r[1] is not None, r[1] if r[1] is not None else 0, r[2]),
              reverse=descending)
    return [r[0] for r in rows]


def paged(session, f: MemberFilter, sort: str, descending: bool) -> list[str]:
    ids, after = [], None
    while True:
        page = roster.list_members(session, f, sort=sort, descending=descending, after=after,
                                   limit=PAGE)
        ids += [r.id for r in page.rows]
        if page.next_key is None:
            return ids
        after = page.next_key


@pytest.mark.parametrize("sort", SORTABLE)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_follow_a_plain_sort_across_nulls(members, sort, descending):
    with members.transaction() as s:
        nulls = s.scalar(text(f"SELECT count(*) FROM members WHERE "
                              f"{'name_key' if sort == 'name' else sort} IS NULL"))
        assert paged(s, MemberFilter(), sort, descending) == expected(s, sort, descending)
    if sort in ("joined_at", "layer", "last_active_at"):
        assert nulls > PAGE  # the pages start among the NULLs and run across their edge


def tag_sizes(session) -> list[tuple[int, str]]:
    return sorted(session.execute(text(
        "SELECT count(*), t.id FROM member_tags mt JOIN tags t ON t.rowid = mt.tag "
        "GROUP BY mt.tag")).all())


@pytest.mark.parametrize("sort", ["last_active_at", "joined_at", "points", "status"])
@pytest.mark.parametrize("descending", [False, True])
def test_a_rare_tag_is_read_whole_and_a_common_one_probed_with_the_same_rows(
        members, sort, descending):
    with members.transaction() as s:
        sizes = tag_sizes(s)
        rare, common = sizes[0][1], sizes[-1][1]
        bound = roster._member_bound(s)
        assert roster._rare_tags_first(s, MemberFilter(all_tags=(rare,)), PAGE, bound) == [rare]
        assert roster._rare_tags_first(s, MemberFilter(all_tags=(common,)), PAGE, bound) is None
        for tag in (rare, common):
            got = paged(s, MemberFilter(all_tags=(tag,)), sort, descending)
            assert got == expected(s, sort, descending, holders=tag)
            assert got


def test_several_tags_are_read_rarest_first_whatever_order_they_were_picked_in(members):
    with members.transaction() as s:
        sizes = tag_sizes(s)
        picked = (sizes[-1][1], sizes[len(sizes) // 2][1], sizes[0][1])
        order = roster._rare_tags_first(s, MemberFilter(all_tags=picked), PAGE,
                                        roster._member_bound(s))
        assert order == [sizes[0][1], sizes[len(sizes) // 2][1], sizes[-1][1]]


def plan(session, query) -> str:
    compiled = query.compile(dialect=session.bind.dialect)
    values = tuple(compiled.params[name] for name in compiled.positiontup)
    return " / ".join(r[3] for r in session.connection().exec_driver_sql(
        "EXPLAIN QUERY PLAN " + str(compiled), values))


@pytest.mark.parametrize("sort", SORTABLE)
def test_every_sortable_column_pages_from_an_index_without_sorting(members, sort):
    with members.transaction() as s:
        first = roster.list_members(s, MemberFilter(), sort=sort, limit=PAGE)
        for descending in (False, True):
            for after in (None, first.next_key, (None, 9)):
                if after and after[0] is None and not m.Member.__table__.c[
                        "name_key" if sort == "name" else sort].nullable:
                    continue
                queries, _ = roster.page_queries(s, MemberFilter(), sort, descending, after,
                                                 PAGE)
                for query in queries:
                    found = plan(s, query)
                    assert "USING INDEX" in found or "USING COVERING INDEX" in found, found
                    assert "TEMP B-TREE" not in found, found


def test_counts_read_from_the_tag_lists_leave_out_deleted_members(members):
    with members.transaction() as s:
        sizes = tag_sizes(s)
        rare, middle, common = sizes[0][1], sizes[len(sizes) // 2][1], sizes[-1][1]
        held_by_deleted = s.scalar(text(
            "SELECT count(*) FROM member_tags mt JOIN members m ON m.rowid = mt.member "
            "WHERE m.deleted_at IS NOT NULL"))
        assert held_by_deleted  # else the test would not test the correction
        for f in (MemberFilter(all_tags=(common,)), MemberFilter(all_tags=(common, middle)),
                  MemberFilter(any_tags=(rare, middle)), MemberFilter(none_tags=(common,)),
                  MemberFilter(none_tags=(common, middle)),
                  MemberFilter(all_tags=(common,), none_tags=(middle,)),
                  MemberFilter(any_tags=(common, rare), none_tags=(middle,)),
                  MemberFilter(all_tags=(middle,), any_tags=(common, rare))):
            listed = roster.list_members(s, f, limit=10_000).rows
            assert roster.count_members(s, f) == len(listed), f


@pytest.mark.parametrize("slack", [0.01, 1, 50])  # the walk runs out at once, midway, never
@pytest.mark.parametrize("sort", ["name", "last_active_at", "points"])
def test_a_walk_cut_short_carries_on_from_the_list_with_the_same_rows(
        members, monkeypatch, slack, sort):
    monkeypatch.setattr(roster, "CLUSTER_SHARE", 1)  # any list may be walked first
    monkeypatch.setattr(roster, "WALK_SLACK", slack)
    monkeypatch.setattr(roster, "isqrt", lambda _n: 0)  # no list is short enough to read
    with members.transaction() as s:
        sizes = tag_sizes(s)
        for f, holders in ((MemberFilter(all_tags=(sizes[-1][1],)), sizes[-1][1]),
                           (MemberFilter(all_tags=(sizes[0][1],)), sizes[0][1])):
            assert roster._walk_budget(s, f, sort, PAGE, roster._member_bound(s)) or sort == "name"
            for descending in (False, True):
                assert paged(s, f, sort, descending) == expected(s, sort, descending, holders)
        searched = MemberFilter(query="王")
        by_search = [r.id for r in roster.list_members(s, searched, sort=sort, limit=10_000,
                                                       ).rows]
        monkeypatch.setattr(roster, "WALK_SLACK", 4)
        assert paged(s, searched, sort, False) == by_search and by_search


def test_list_lengths_are_counted_once_and_again_only_past_their_cap(members):
    from sqlalchemy import event

    from modconsole.store.list_lengths import ListLengths

    with members.transaction() as s:
        connection = s.connection()
        tag = tag_sizes(s)[-1]
        counts = []
        event.listen(connection, "before_cursor_execute",
                     lambda *args: counts.append(args[2]) if "LIMIT" in args[2] else None)
        lengths = ListLengths()
        assert lengths.length(connection, "tag", tag[1], 5) == 5  # capped
        assert lengths.length(connection, "tag", tag[1], 3) == 3  # known: no count
        assert len(counts) == 1
        assert lengths.length(connection, "tag", tag[1], 10_000) == tag[0]  # counted again
        assert lengths.length(connection, "tag", tag[1], 20_000) == tag[0]  # exact: kept
        assert len(counts) == 2
