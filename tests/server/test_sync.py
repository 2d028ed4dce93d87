"""Push and pull through the API: idempotent replays, conflicts with both values, merging
links, the role matrix, and a log no reader can skip a number of."""

import threading

import pytest
from fastapi.testclient import TestClient

from modconsole.server import accounts
from modconsole.server.api import create_app
from tests.server.api_calls import (
    HEADERS,
    ROLES,
    change,
    parents,
    pull_all,
    push,
    sign_in,
    team_client,
)


@pytest.fixture
def team(server_db):
    """A client and a signed-in header for each role (accounts named after their role)."""
    client = team_client(server_db, {role: role for role in ROLES})
    return client, {role: sign_in(client, role)[0] for role in ROLES}


def test_every_account_is_a_staff_row_everyone_pulls(team, server_db):
    client, t = team
    pulled, start = pull_all(client, t["viewer"])
    assert [(c["entity"], c["op"], c["payload"]["name"], c["payload"]["role"])
            for c in pulled] == [("staff", "insert", role, role) for role in ROLES]
    with server_db.transaction() as s:
        accounts.set_role(s, "ops", "lead")
    (promoted,) = pull_all(client, t["viewer"], after=start)[0]
    assert promoted["row_id"] == pulled[ROLES.index("ops")]["row_id"]
    assert (promoted["op"], promoted["payload"]["role"]) == ("update", "lead")


def made(client, headers, tags=(), groups=(), members=()):
    """The team gets these tags, groups and members: rows that links name."""
    push(client, headers, *(change("tags", t, name=t) for t in tags),
         *(change("groups", g, name=g) for g in groups),
         *(change("members", m, nickname=m) for m in members))


def test_a_pushed_change_is_pulled_by_everyone_in_order(team):
    client, t = team
    start = pull_all(client, t["viewer"])[1]
    outcomes = push(client, t["ops"], change("members", "m1", platform_id="p1", name="小王"),
                    change("members", "m2", platform_id="p2", name="小李"))
    assert [o["outcome"] for o in outcomes] == ["applied", "applied"]
    assert [o["seq"] for o in outcomes] == [start + 1, start + 2]
    pulled, cursor = pull_all(client, t["viewer"], after=start)
    assert [(c["seq"], c["row_id"], c["payload"]) for c in pulled] == [
        (start + 1, "m1", {"platform_id": "p1", "name": "小王"}),
        (start + 2, "m2", {"platform_id": "p2", "name": "小李"})]
    assert cursor == start + 2
    assert pull_all(client, t["viewer"], after=cursor)[0] == []


def test_a_replayed_change_is_answered_as_before_and_applied_once(team):
    client, t = team
    start = pull_all(client, t["viewer"])[1]
    first = change("members", "m1", nickname="小王")
    answer = push(client, t["ops"], first)
    assert push(client, t["ops"], first, first) == answer * 2
    assert len(pull_all(client, t["ops"], after=start)[0]) == 1


def test_a_stale_edit_of_a_field_changed_since_is_a_conflict_with_both_values(team):
    client, t = team
    push(client, t["ops"], change("members", "m1", nickname="小王", region="上海"))
    push(client, t["lead"], change("members", "m1", "update", base=1, nickname="王老师"))
    stale = push(client, t["ops"], change("members", "m1", "update", base=1,
                                          nickname="王同学", region="北京"))[0]
    assert stale["outcome"] == "conflict"
    (conflict,) = stale["conflicts"]
    assert conflict["field"] == "nickname" and conflict["kept"] == "王老师"
    assert conflict["pushed"] == "王同学" and conflict["kept_by"] == "lead"
    pulled = pull_all(client, t["ops"])[0]
    assert pulled[-1]["payload"] == {"region": "北京"}  # the untouched field still applies
    same = push(client, t["ops"], change("members", "m1", "update", base=1,
                                         nickname="王老师"))[0]
    assert same["outcome"] == "applied"  # the same value is no conflict


def test_a_second_edit_of_ones_own_field_is_no_conflict(team):
    """A console's versions count up locally: its second edit names base 2 although a
    colleague's change to another field took the server past it meanwhile."""
    client, t = team
    push(client, t["ops"], change("members", "m1", nickname="小王", region="上海"))
    push(client, t["lead"], change("members", "m1", "update", base=1, region="北京"))
    chained = push(client, t["ops"], change("members", "m1", "update", base=1, nickname="阿王"),
                   change("members", "m1", "update", base=2, nickname="王哥"))
    assert [o["outcome"] for o in chained] == ["applied", "applied"]
    stale = push(client, t["lead"], change("members", "m1", "update", base=2, nickname="老王"))
    assert stale[0]["outcome"] == "conflict"  # a colleague's stale edit still is one


def test_links_are_added_and_removed_and_merge(team):
    client, t = team
    made(client, t["ops"], tags=["tag1"], members=["m1"])
    start = pull_all(client, t["viewer"])[1]
    link = "tag1/m1"
    outcomes = push(client, t["ops"], change("member_tags", link, "add", tag="tag1"),
                    change("member_tags", link, "add", tag="tag1"),
                    change("member_tags", link, "remove"),
                    change("member_tags", link, "remove"))
    assert [o["outcome"] for o in outcomes] == ["applied"] * 4
    assert [c["op"] for c in pull_all(client, t["ops"], after=start)[0]] == [
        "add", "add", "remove"]


def test_bad_changes_are_refused_with_a_reason_and_the_rest_applies(team):
    client, t = team
    push(client, t["lead"], *parents())
    start = pull_all(client, t["viewer"])[1]
    outcomes = push(client, t["moderator"], change("cases", "c1", status="todo"),
                    change("nonsense", "x"), change("cases", "c1", status="todo"),
                    change("cases", "c9", "update", base=3, status="done"))
    assert [(o["outcome"], o["reason"]) for o in outcomes] == [
        ("applied", None), ("refused", "unknown_entity"), ("refused", "row_exists"),
        ("refused", "unknown_row")]
    assert len(pull_all(client, t["moderator"], after=start)[0]) == 1


def test_oversized_batches_and_bodies_are_refused(team):
    from modconsole.server.sync import MAX_BATCH

    client, t = team
    too_many = [change("members", f"m{n}") for n in range(MAX_BATCH + 1)]
    assert client.post("/v1/changes", json={"changes": too_many},
                       headers=t["ops"]).status_code == 422
    huge = client.post("/v1/changes", content=b"x", headers={
        **t["ops"], "Content-Length": str(64 * 1024 * 1024), "Content-Type": "application/json"})
    assert huge.status_code == 413


def test_concurrent_pushers_never_let_a_reader_skip_a_number(server_url, server_db):
    """Readers follow the log with a cursor while four pushers race; every reader must see
    every number exactly once (a naive sequence would commit 7 before 6 and lose 6)."""
    if server_url.startswith("sqlite"):
        pytest.skip("SQLite serialises writers outright; the race is PostgreSQL's")
    with server_db.transaction() as s:
        accounts.add_account(s, "ops", "ops", "ops password!")
    app = create_app(server_db)
    pushers, batches = 4, 15
    seen: list[int] = []
    done = threading.Event()

    def pusher(n):
        client = TestClient(app)
        token = client.post("/v1/sessions", json={"name": "ops", "password": "ops password!"},
                            headers=HEADERS).json()["token"]
        headers = {**HEADERS, "Authorization": f"Bearer {token}"}
        for b in range(batches):
            push(client, headers, *(change("members", f"m{n}-{b}-{k}", nickname="x")
                                    for k in range(3)))

    def reader():
        client = TestClient(app)
        token = client.post("/v1/sessions", json={"name": "ops", "password": "ops password!"},
                            headers=HEADERS).json()["token"]
        headers = {**HEADERS, "Authorization": f"Bearer {token}"}
        cursor = 0
        while True:
            finished = done.is_set()
            page = client.get("/v1/changes", params={"after": cursor, "limit": 7},
                              headers=headers).json()
            seen.extend(c["seq"] for c in page["changes"])
            cursor = page["cursor"]
            if finished and not page["more"]:
                return

    threads = [threading.Thread(target=pusher, args=(n,)) for n in range(pushers)]
    follow = threading.Thread(target=reader)
    follow.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    follow.join()
    assert seen == list(range(1, 1 + pushers * batches * 3 + 1))  # the account's staff row first


def test_batched_tag_links_are_kept_per_member_and_merge(team, server_db):
    """The console sends one change per tag for many members (tags.LINKS_PER_ROW); two
    consoles' overlapping batches must merge link by link, not replace each other."""
    from sqlalchemy import select

    from modconsole.server.models import TeamRow

    client, t = team
    made(client, t["ops"], tags=["tagA"], members=["m1", "m2", "m3"])
    start = pull_all(client, t["viewer"])[1]
    push(client, t["ops"], change("member_tags", "tagA", "add", tag_id="tagA",
                                  member_ids=["m1", "m2"], added_by="ops"))
    push(client, t["lead"], change("member_tags", "tagA", "add", tag_id="tagA",
                                   member_ids=["m2", "m3"], added_by="lead"))
    push(client, t["ops"], change("member_tags", "tagA", "remove", tag_id="tagA",
                                  member_ids=["m1", "m9"]))
    with server_db.transaction() as s:
        rows = s.execute(select(TeamRow.row_id, TeamRow.present).where(
            TeamRow.entity == "member_tags").order_by(TeamRow.row_id)).all()
    assert [tuple(r) for r in rows] == [("tagA/m1", False), ("tagA/m2", True),
                                        ("tagA/m3", True)]
    pulled = pull_all(client, t["viewer"], after=start)[0]
    assert [(c["op"], c["payload"]["member_ids"]) for c in pulled] == [
        ("add", ["m1", "m2"]), ("add", ["m2", "m3"]), ("remove", ["m1", "m9"])]


def test_large_pushes_and_pulls_travel_compressed_and_a_gzip_bomb_is_refused(team):
    import gzip
    import json

    client, t = team
    changes = [change("members", f"m{n}", nickname="小王" * 50) for n in range(400)]
    body = gzip.compress(json.dumps({"changes": changes}).encode())
    headers = {**t["ops"], "Content-Encoding": "gzip", "Content-Type": "application/json"}
    reply = client.post("/v1/changes", content=body, headers=headers)
    assert reply.status_code == 200 and len(reply.json()["outcomes"]) == 400
    page = client.get("/v1/changes", params={"after": 0, "limit": 500},
                      headers={**t["ops"], "Accept-Encoding": "gzip"})
    assert page.headers["content-encoding"] == "gzip" and len(page.json()["changes"]) > 400

    bomb = gzip.compress(b"[" + b" " * (40 * 1024 * 1024) + b"]")
    assert len(bomb) < 100_000
    assert client.post("/v1/changes", content=bomb, headers=headers).status_code == 413
    for damaged in (body[:len(body) // 2], body[:200] + b"x" * 200 + body[400:]):
        reply = client.post("/v1/changes", content=damaged, headers=headers)
        assert reply.status_code == 400 and reply.json()["detail"]["code"] == "body_unreadable"


def test_a_long_poll_answers_when_a_colleague_pushes(team, monkeypatch):
    """The wait ends at the first look at the log after the push, not at its timeout: the
    polls are counted (a wait to the timeout would look ~120 times)."""
    from modconsole.server import sync

    client, t = team
    start = pull_all(client, t["viewer"])[1]
    quick = client.get("/v1/changes/wait", params={"after": start, "timeout": 0},
                       headers=t["viewer"])
    assert quick.json() == {"latest": start}
    looks, looked = [], threading.Event()
    real = sync.latest

    def counted(session):
        looks.append(1)
        looked.set()
        return real(session)
    monkeypatch.setattr(sync, "latest", counted)
    answer = {}
    waiter = threading.Thread(target=lambda: answer.update(client.get(
        "/v1/changes/wait", params={"after": start, "timeout": 30},
        headers=t["viewer"]).json()))
    waiter.start()
    looked.wait()
    before = len(looks)
    push(client, t["ops"], change("members", "m1", nickname="小王"))
    waiter.join()
    assert answer == {"latest": start + 1}
    assert len(looks) <= before + 2


def test_a_link_rows_team_copy_is_read_back_by_its_id_with_a_slash(team):
    """What a console puts back after a refusal: a group membership's id is "group/member"."""
    client, t = team
    made(client, t["ops"], groups=["g1"], members=["m1"])
    push(client, t["ops"], change("group_members", "g1/m1", "add", role="member"))
    row = client.get("/v1/rows/group_members/g1%2Fm1", headers=t["viewer"]).json()
    assert (row["row_id"], row["present"], row["payload"]["role"]) == ("g1/m1", True, "member")


def test_a_batch_of_new_rows_and_later_edits_of_them_in_the_same_batch(team):
    """New members, which the server writes in bulk (COPY on PostgreSQL) at the batch's
    end; edits of some of them later in the batch and in the next still land on the right
    version, and a stale one is still a conflict."""
    client, t = team
    made(client, t["ops"], tags=["tagA"])
    members = [change("members", f"m{n}", nickname=f"新人{n}", tags=["tagA"])
               for n in range(60)]
    outcomes = push(client, t["ops"], *members, change("members", "m3", "update", base=1,
                                                       nickname="改名"))
    assert {o["outcome"] for o in outcomes} == {"applied"} and outcomes[-1]["version"] == 2
    later = push(client, t["ops"], change("members", "m3", "update", base=2, region="上海"),
                 change("members", "m4", "update", base=1, region="北京"))
    assert [(o["outcome"], o["version"]) for o in later] == [("applied", 3), ("applied", 2)]
    stale = push(client, t["lead"], change("members", "m3", "update", base=1,
                                            nickname="旧的"))  # a colleague's stale edit
    assert [o["outcome"] for o in stale] == ["conflict"]
    m3 = client.get("/v1/rows/members/m3", headers=t["ops"]).json()
    assert (m3["payload"]["nickname"], m3["payload"]["region"]) == ("改名", "上海")
    link = client.get("/v1/rows/member_tags/tagA/m7", headers=t["ops"]).json()
    assert link["present"] and link["payload"]["member_id"] == "m7"


def test_a_new_members_links_merge_with_links_the_team_had_before_it(team, server_db):
    """A new member's links go in by COPY on PostgreSQL, as the team cannot have them yet;
    one the team has from before its member arrived (kept by a server that did not check
    references; and removed again) is merged as an add instead, with nothing of the batch
    lost; in the same batch as a link added before its member, too."""
    from sqlalchemy import select

    from modconsole.server.models import TeamRow

    client, t = team
    made(client, t["ops"], tags=["tagA", "tagB"])
    with server_db.transaction() as s:
        s.add_all(TeamRow(entity="member_tags", row_id=f"tagA/{member}", version=version,
                          present=present, payload_json='{"added_by": "ops"}',
                          field_versions_json="{}")
                  for member, version, present in (("m1", 1, True), ("m2", 2, False)))
    outcomes = push(client, t["ops"], *[change("members", f"m{n}", nickname=f"新人{n}",
                                               tags=["tagA", "tagB"]) for n in range(4)])
    assert {o["outcome"] for o in outcomes} == {"applied"}
    push(client, t["ops"], change("member_tags", "tagB", "add", tag_id="tagB",
                                  member_ids=["m7"], added_by="ops"),
         change("members", "m7", nickname="新人7", tags=["tagB"]),
         change("members", "m8", nickname="新人8", tags=["tagB"]))
    with server_db.transaction() as s:
        rows = s.execute(select(TeamRow.row_id, TeamRow.version, TeamRow.present).where(
            TeamRow.entity == "member_tags").order_by(TeamRow.row_id)).all()
    assert [tuple(r) for r in rows] == [
        ("tagA/m0", 1, True), ("tagA/m1", 2, True), ("tagA/m2", 3, True),
        ("tagA/m3", 1, True), ("tagB/m0", 1, True), ("tagB/m1", 1, True),
        ("tagB/m2", 1, True), ("tagB/m3", 1, True), ("tagB/m7", 1, True),
        ("tagB/m8", 1, True)]  # two adds of a link in one batch are one write
    m2 = client.get("/v1/rows/member_tags/tagA%2Fm2", headers=t["ops"]).json()
    assert m2["payload"]["member_id"] == "m2" and m2["payload"]["added_by"] is None
    m7 = client.get("/v1/rows/member_tags/tagB%2Fm7", headers=t["ops"]).json()
    assert m7["payload"]["added_by"] is None  # the member's own link, pushed after the add


def test_a_batch_mixing_new_members_with_other_changes_keeps_every_link(team, server_db):
    """New members' links stream into the team while the batch is decided; an edit, a
    tag removal or a template between them ends the stream first, and the next run of new
    members starts another. Every link lands, removed ones stay removed."""
    from sqlalchemy import select

    from modconsole.server.models import TeamRow

    client, t = team
    made(client, t["lead"], tags=["t1", "t2"])
    batch = [change("members", f"a{n}", nickname=f"甲{n}", tags=["t1", "t2"])
             for n in range(30)]
    batch += [change("members", "a3", "update", base=1, nickname="改"),
              change("member_tags", "t1", "remove", tag_id="t1", member_ids=["a4", "a5"])]
    batch += [change("members", f"b{n}", nickname=f"乙{n}", tags=["t1"]) for n in range(30)]
    batch += [change("reply_templates", "rt1", title="欢迎", body="你好")]
    batch += [change("members", f"c{n}", nickname=f"丙{n}", tags=["t2"]) for n in range(30)]
    outcomes = push(client, t["lead"], *batch)
    assert {o["outcome"] for o in outcomes} == {"applied"}, outcomes
    with server_db.transaction() as s:
        links = dict(s.execute(select(TeamRow.row_id, TeamRow.present).where(
            TeamRow.entity == "member_tags")).all())
    expected = {f"t1/a{n}": n not in (4, 5) for n in range(30)}
    expected |= {f"t2/a{n}": True for n in range(30)}
    expected |= {f"t1/b{n}": True for n in range(30)}
    expected |= {f"t2/c{n}": True for n in range(30)}
    assert links == expected
    a3 = client.get("/v1/rows/members/a3", headers=t["lead"]).json()
    assert (a3["version"], a3["payload"]["nickname"]) == (2, "改")


def test_a_push_that_fails_while_links_stream_in_leaves_nothing_behind(team, monkeypatch):
    """An error in the middle of a batch of new members (their links' COPY still open) rolls
    the whole batch back, and the next push on the same server goes through."""
    from modconsole.server import sync

    client, t = team
    real = sync._write

    def failing(row, applied):
        if row.row_id == "m5":
            raise RuntimeError("a bug in deciding")
        real(row, applied)
    made(client, t["ops"], tags=["t1"])
    monkeypatch.setattr(sync, "_write", failing)
    batch = [change("members", f"m{n}", nickname=f"新人{n}", tags=["t1"]) for n in range(8)]
    with pytest.raises(RuntimeError, match="a bug in deciding"):
        push(client, t["ops"], *batch)
    monkeypatch.setattr(sync, "_write", real)
    assert client.get("/v1/rows/member_tags/t1%2Fm1", headers=t["ops"]).json()["version"] == 0
    assert {o["outcome"] for o in push(client, t["ops"], *batch)} == {"applied"}
    assert client.get("/v1/rows/member_tags/t1%2Fm7", headers=t["ops"]).json()["present"]
