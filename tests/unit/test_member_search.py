"""Search must return exactly what a plain substring scan returns, for any query."""

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from modconsole.domain.member_filter import MemberFilter
from modconsole.services import roster
from modconsole.services.roster import count_members, list_members
from modconsole.store import member_search
from modconsole.store import models as m
from modconsole.store.models.base import utcnow

FOLD = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)

PEOPLE = [
    ("wxid_Alpha01", "王小明", "王小明-上海-教师", "13800001111", "ming@Example.com", ""),
    ("wxid_beta_02", "李雷", "李雷-北京-程序员", None, None, "常在群里答疑，100%靠谱"),
    ("qq_3", "韩梅梅", "梅梅 Han", "+86 139", "mei_mei@qq.com", "喜欢读书_写作"),
    ("wx\\back", "王", "王-广州", None, "a%b@x.cn", 'says "hi" often'),
    ("Ünïcode", "Émile", "ÉMILE-巴黎", None, None, "straße STRASSE"),
    ("wxid_gamma", "张三丰", "张三丰-武当", "021-5555", None, "王王王"),
]

ALPHABET = "王小明李雷梅韩张三丰上海北京-_%\\\"'aAbBmMeEiIxXwWdD0123 éÉüÜß@."


def reference(query: str) -> set[str]:
    needle = query.translate(FOLD)
    hits = set()
    for platform_id, name, nickname, phone, email, notes in PEOPLE:
        fields = [platform_id, name, nickname, phone or "", email or "", notes]
        if any(needle in f.translate(FOLD) for f in fields):
            hits.add(platform_id)
    return hits


def open_people(folder):
    from modconsole.services.startup import open_console_database

    store, _ = open_console_database(folder / "s.db")
    with store.transaction() as s:
        for platform_id, name, nickname, phone, email, notes in PEOPLE:
            member = m.Member(platform_id=platform_id, name=name, nickname=nickname, phone=phone,
                              email=email)
            s.add(member)
            s.flush()
            if notes:
                s.add(m.MemberNote(member_id=member.id, body=notes))
    return store


@pytest.fixture(scope="module")
def people_store(tmp_path_factory):
    store = open_people(tmp_path_factory.mktemp("search"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def crowded_store(tmp_path_factory):
    """The same people, with any trigram in two rows counted as common (as `wxi` is at 1M)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(member_search, "COMMON_ROWS", 2)
        store = open_people(tmp_path_factory.mktemp("crowded"))
        yield store
        store.close()


def search(store, query: str) -> set[str]:
    with store.transaction() as s:
        rows = list_members(s, MemberFilter(query=query), limit=1000).rows
        return {r.platform_id for r in rows}


@pytest.mark.parametrize("query", ["王", "王小", "小明", "ALPHA", "alpha", "wxid_", "_", "%",
                                   "\\", '"hi"', "100%", "读书_写", "straße", "STRASSE", "ü",
                                   "mei_mei@", "-上海-", "王王王", "notthere", "e"])
def test_known_queries(people_store, query):
    assert search(people_store, query) == reference(query)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(
    st.text(alphabet=ALPHABET, min_size=1, max_size=6),
    st.sampled_from([p for person in PEOPLE for p in person if p]).flatmap(
        lambda s: st.tuples(st.integers(0, len(s) - 1), st.integers(1, 6)).map(
            lambda ij: s[ij[0]:ij[0] + ij[1]])),
))
def test_any_query_equals_a_substring_scan(people_store, query):
    assert search(people_store, query) == reference(query)
    assert count(people_store, query) == len(reference(query))


def test_notes_edited_later_are_found(people_store):
    with people_store.transaction() as s:
        member = s.scalar(select(m.Member).where(m.Member.platform_id == "qq_3"))
        s.add(m.MemberNote(member_id=member.id, body="需要回访"))
    assert search(people_store, "回访") == {"qq_3"}
    assert search(people_store, "需要回访") == {"qq_3"}


def test_the_index_looks_up_only_the_uncommon_stretch(crowded_store):
    with crowded_store.transaction() as s:
        connection = s.connection()
        census = member_search.TrigramCensus.of(connection)
        # wxi, xid and id_ are in three platform ids; d_g onwards only in one.
        assert census.selective_part(connection, "wxid_gamma") == "d_gamma"
        assert census.selective_part(connection, "wxid_") == "wxid_"  # nothing uncommon
    assert search(crowded_store, "wxid_gamma") == {"wxid_gamma"}


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from([p for person in PEOPLE for p in person if p]).flatmap(
    lambda s: st.tuples(st.integers(0, len(s) - 1), st.integers(3, 10)).map(
        lambda ij: s[ij[0]:ij[0] + ij[1]])))
def test_narrowed_lookups_still_equal_a_substring_scan(crowded_store, query):
    assert search(crowded_store, query) == reference(query)


def count(store, query: str) -> int:
    with store.transaction() as s:
        return count_members(s, MemberFilter(query=query))


@pytest.mark.parametrize("query", ["王", "w", "W", "_", "%", "\\", "@", "wx", "Ab", "i_",
                                   "e.", "王小", "王a", "a b", "é", "zz"])
def test_short_queries_page_and_count_the_same_by_list_or_by_probe(people_store, query,
                                                                    monkeypatch):
    by_list = search(people_store, query)
    assert by_list == reference(query)
    assert count(people_store, query) == len(by_list)
    monkeypatch.setattr(roster, "_crossover", lambda *_args: 0)  # every list is long
    assert search(people_store, query) == by_list


def test_short_lists_follow_edits_notes_and_deletions(tmp_path):
    store = open_people(tmp_path)
    try:
        assert search(store, "zq") == set() and search(store, "王") == {
            "wxid_Alpha01", "wx\\back", "wxid_gamma"}
        with store.transaction() as s:
            member = s.scalar(select(m.Member).where(m.Member.platform_id == "qq_3"))
            member.email = "ZQ@qq.com"
            note = s.scalar(select(m.MemberNote).where(m.MemberNote.member_id == member.id))
            note.deleted_at = utcnow()
            gone = s.scalar(select(m.Member).where(m.Member.platform_id == "wxid_gamma"))
            gone.deleted_at = utcnow()
        assert search(store, "zq") == {"qq_3"} and count(store, "zQ") == 1
        assert search(store, "mei_") == set()  # the old address is forgotten
        assert search(store, "读") == set()  # so is the deleted note
        assert search(store, "王") == {"wxid_Alpha01", "wx\\back"} and count(store, "王") == 2
    finally:
        store.close()
