"""Members and tag links written in bulk (bulk_index) end with exactly the search index,
character lists and by-name lists the per-row triggers build, and with the triggers."""

from itertools import pairwise

import pytest
from sqlalchemy import insert, text

from modconsole.services import tags
from modconsole.services.startup import open_console_database
from modconsole.store import bulk_index
from modconsole.store import models as m
from modconsole.store.models.base import utcnow

N = bulk_index.WORTH_IT + 40
NAMES = ("王小明", "李雷", "Émile", "韩梅梅 Han", "wx\\back", "张三丰")


def member_rows() -> list[dict]:
    return [{"id": f"m-{i:04d}", "platform_id": f"wxid_{i:04d}", "name": NAMES[i % 6],
             "name_key": NAMES[i % 6], "nickname": f"Nick{i} 小{i % 7}",
             "phone": f"138{i:08d}" if i % 3 else None, "email": f"u{i}@Example.com"}
            for i in range(N)]


def filled(path, chunk: int):
    """A console with N members and their links, written `chunk` rows at a time."""
    store, _ = open_console_database(path)
    rows = member_rows()
    with store.transaction() as s:
        s.add_all([m.Tag(id=f"t-{k}", name=f"标签{k}") for k in range(3)])
        s.flush()
        for start in range(0, N, chunk):
            part = rows[start:start + chunk]
            with bulk_index.new_members(s.connection(), len(part)):
                s.execute(insert(m.Member), part)
        links = [{"tag_id": f"t-{k}", "member_id": r["id"], "added_at": utcnow(),
                  "added_by": None} for k in range(3) for r in rows[k::2]]
        for start in range(0, len(links), chunk):
            tags.insert_links(s, links[start:start + chunk])
    return store


def derived(store) -> dict:
    with store.read() as s:
        return {name: s.execute(text(sql)).all() for name, sql in {
            "chars": "SELECT ch, member FROM member_chars ORDER BY 1, 2",
            "by_name": "SELECT * FROM member_tags_by_name ORDER BY 1, 2, 3",
            "search": "SELECT rowid, name, nickname, platform_id, phone, email, notes "
                      "FROM member_search ORDER BY rowid",
            "triggers": "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                        "ORDER BY name"}.items()}


def test_bulk_writes_what_the_triggers_write(tmp_path):
    by_trigger = filled(tmp_path / "rows.db", 10)  # below WORTH_IT: the triggers do it
    in_bulk = filled(tmp_path / "bulk.db", N * 3)
    expected, got = derived(by_trigger), derived(in_bulk)
    assert len(expected["search"]) == N and len(expected["by_name"]) > N
    assert len(expected["chars"]) > 20 * N
    assert got == expected
    with in_bulk.read() as s:  # and the index answers a search
        assert s.scalar(text("SELECT count(*) FROM member_search WHERE member_search "
                             "MATCH '\"ick12\"'")) == 11  # Nick12, Nick120…Nick129
    by_trigger.close()
    in_bulk.close()


def test_a_failed_bulk_write_keeps_the_triggers(tmp_path):
    store = filled(tmp_path / "c.db", 10)
    before = derived(store)
    more = [{**r, "id": f"x-{r['id']}", "platform_id": f"x{r['platform_id']}"}
            for r in member_rows()]
    with (pytest.raises(RuntimeError), store.transaction() as s,
          bulk_index.new_members(s.connection(), N)):
        s.execute(insert(m.Member), more)
        raise RuntimeError("the write failed")
    assert derived(store) == before
    with store.transaction() as s:  # one member more: indexed by its trigger
        s.add(m.Member(platform_id="wxid_new", name="新人甲"))
    with store.read() as s:
        assert s.scalar(text("SELECT count(*) FROM member_chars WHERE ch = '甲'")) == 1
    store.close()


EDGES = ("\x20!~\x7f\u33ff\u3400\u9fff\ua000\uf8ff\uf900\ufaff\ufb00\U0001ffff"
         "\U00020000\U0003134f\U00031350éAZ")  # each range's ends, and one past them


@pytest.mark.parametrize("chunk", [1, N])
def test_the_lists_hold_exactly_the_characters_searched_by(tmp_path, chunk):
    """Printable ASCII and Chinese, each range to its very ends, letters folded; pairs of
    printable ASCII: by trigger and in bulk, as member_search says in Python."""
    from modconsole.store.member_search import FOLD, is_listed, is_printable_ascii

    store, _ = open_console_database(tmp_path / "edges.db")
    rows = [{**row, "name": EDGES, "name_key": EDGES} for row in member_rows()]
    with store.transaction() as s, bulk_index.new_members(s.connection(), chunk):
        s.execute(insert(m.Member), rows[:chunk])
    with store.read() as s:
        got = set(s.execute(text("SELECT ch FROM member_chars WHERE member = 1")).scalars())
    first = rows[0]
    expected = set()
    for field in ("name", "nickname", "platform_id", "phone", "email"):
        value = first[field] or ""
        expected |= {c.translate(FOLD) for c in value if is_listed(c)}
        expected |= {(a + b).translate(FOLD) for a, b in pairwise(value)
                     if is_printable_ascii(a) and is_printable_ascii(b)}
    assert {"!", "~", "\u3400", "\u9fff", "\uf900", "\U0003134f", "az"} <= got
    assert got == expected
    store.close()


@pytest.mark.parametrize("members", [3, N])  # below WORTH_IT links, and above
def test_links_given_per_member_are_the_links_given_one_by_one(tmp_path, members):
    """A pulled import's links come per member; a tag this console lacks, or a malformed
    tag id, drops out as a link to a missing tag always has."""
    def linked(path, write):
        store, _ = open_console_database(path)
        rows = member_rows()[:members]
        with store.transaction() as s:
            s.add_all([m.Tag(id=f"t-{k}", name=f"标签{k}") for k in range(3)])
            s.flush()
            s.execute(insert(m.Member), rows)
            write(s, [(r["id"], f"2026-03-0{i % 3 + 1}T08:00:00+08:00", "lead" if i % 2 else None,
                       [f"t-{k}" for k in range(i % 4)] + ["t-missing", ["t-0"]])
                      for i, r in enumerate(rows)])
        with store.read() as s:
            got = {table: s.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2, 3")).all()
                   for table in ("member_tags", "member_tags_by_name")}
        store.close()
        return got

    one_by_one = linked(tmp_path / "flat.db", lambda s, links: tags.insert_link_rows(
        s, [(tag, member, at, by) for member, at, by, tag_ids in links for tag in tag_ids]))
    per_member = linked(tmp_path / "grouped.db", tags.insert_member_links)
    assert len(one_by_one["member_tags"]) == sum(i % 4 for i in range(members))
    assert one_by_one["member_tags"][0][2] == "2026-03-02 00:00:00.000000"  # member 1, UTC
    assert per_member == one_by_one
