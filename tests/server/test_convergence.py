"""Five consoles (five SQLite files) and a real server: random interleaved work across
members, tags, groups, reports, claims, decisions, templates, activities and check-ins,
each console syncing when it likes. Afterwards every console holds the same data as the
others and as the server, and the conflicts reported are exactly the ones injected.

The random work keeps to what a team does without racing: each console edits the members,
cases, templates and activities it made, while tags and groups are added and removed on
anyone's members (links merge, whatever the order). Conflicts are then injected on
purpose: two consoles change one member's region to different values between syncs.
`bench/run.py sync_soak` runs the same at 20 × 10,000.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from modconsole.domain.ids import is_default_content
from modconsole.domain.permissions import SYNCED_ENTITIES
from modconsole.server import accounts
from modconsole.server.models import TeamRow
from modconsole.services import activities, attendance, cases, decisions, member_import, replies
from modconsole.services import groups as group_service
from modconsole.services import tags as tag_service
from modconsole.services.member_targets import Targets
from modconsole.services.startup import open_console_database
from modconsole.services.team import connection
from modconsole.services.team.sync import sync_once
from modconsole.store import models as m
from tests.server.consoles import serve_apart
from tests.server.soak import progress, size

CONSOLES, OPS, SEED = size("CONSOLES", 5), size("OPS", 300), 20261201
SHARED_MEMBERS = 20  # platform ids any console may add
NOT_COMPARED = {"staff": {"created_at", "updated_at"}}  # each console stamps its own sign-in


class Console:
    def __init__(self, n: int, path, url: str):
        self.n, self.made = n, 0
        self.store, _ = open_console_database(path)
        connection.sign_in(self.store, url, f"console{n}", f"console{n} password")
        with self.store.read() as s:
            self.server = connection.team_server(s)
        self.members: list[str] = []  # platform ids this console made
        self.cases: list[str] = []
        self.templates: list[str] = []

    def sync(self):
        return sync_once(self.store, self.server)

    def any_member(self, s, rng: random.Random) -> str | None:
        """One of the members this console has, or None: by its place in id order (a list
        of them all per operation made the soak's run time grow with the square of it)."""
        count = s.scalar(select(func.count()).select_from(m.Member))
        return s.scalar(select(m.Member.id).order_by(m.Member.id).offset(
            rng.randrange(count)).limit(1)) if count else None

    def do(self, rng: random.Random, shared: dict) -> None:
        op = rng.choice(["member", "member", "nickname", "tag", "tag", "group", "report",
                         "decide", "template", "activity", "check_in", "check_in",
                         "same_member"])
        self.made += 1
        with self.store.transaction() as s:
            getattr(self, f"_{op}")(s, rng, shared)

    def _member(self, s, rng, shared):
        platform_id = f"c{self.n}-{self.made}"
        member_import.add_member(s, {"platform_id": platform_id,
                                     "name": rng.choice("王李张刘陈杨赵黄") + str(self.made)})
        self.members.append(platform_id)

    def _same_member(self, s, rng, shared):
        """A member other consoles may add too, apart (natural_keys): one row in the end,
        and no conflict, as they add the same values."""
        platform_id = f"shared-{rng.randrange(SHARED_MEMBERS)}"
        if s.scalar(select(m.Member.id).where(m.Member.platform_id == platform_id)) is None:
            member_import.add_member(s, {"platform_id": platform_id,
                                         "name": f"共同成员{platform_id[7:]}"})

    def _own_member(self, s, rng):
        if not self.members:
            return None
        return s.scalar(select(m.Member).where(m.Member.platform_id == rng.choice(self.members)))

    def _nickname(self, s, rng, shared):
        member = self._own_member(s, rng)
        if member is not None:
            member.nickname = f"昵称{self.n}-{self.made}"

    def _tag(self, s, rng, shared):
        member = self.any_member(s, rng)
        if member is None:
            return
        tag = rng.choice(shared["tags"])
        add = rng.random() < 0.7
        tag_service.apply_tags(s, Targets(ids=(member,)),
                               add=[tag] if add else [], remove=[] if add else [tag])

    def _group(self, s, rng, shared):
        member = self.any_member(s, rng)
        if member is not None:
            group_service.add_to_group(s, Targets(ids=(member,)), shared["group"])

    def _report(self, s, rng, shared):
        member = self._own_member(s, rng)
        if member is not None:
            intake = cases.add_report(s, cases.ReportIn(
                member=member.platform_id, evidence=f"刷屏 {self.n}-{self.made}",
                rule=shared["rule"], source="staff"))
            self.cases.append(intake.case_id)

    def _decide(self, s, rng, shared):
        open_cases = [c for c in self.cases if s.get(m.Case, c).status == "open"]
        if open_cases:
            case_id = rng.choice(open_cases)
            decisions.claim(s, case_id)
            decisions.decide(s, case_id, None, "按规则处理")

    def _template(self, s, rng, shared):
        if self.templates and rng.random() < 0.5:
            template_id, code = rng.choice(self.templates)
            replies.update_template(s, template_id, replies.TemplateDraft(
                code=code, title="提醒", category="reminder", lang="zh_CN",
                body=f"请注意群规 {self.made}"))
            return
        code = f"t{self.n}-{self.made}"
        self.templates.append((replies.create_template(s, replies.TemplateDraft(
            code=code, title="提醒", category="reminder", lang="zh_CN", body="请注意群规")), code))

    def _activity(self, s, rng, shared):
        start = datetime(2026, 12, 1, 12, tzinfo=UTC) + timedelta(days=self.made)
        activities.create_activity(s, activities.ActivityIn(
            f"话题 {self.n}-{self.made}", "topic", start, start + timedelta(hours=1),
            reward_points=5))

    def _check_in(self, s, rng, shared):
        """Anyone at any activity this console has: two hosts may check one member in to
        the same one apart (one check-in, paid once); points are counters, they add up."""
        member = self.any_member(s, rng)
        count = s.scalar(select(func.count()).select_from(m.Activity))
        if member is not None and count:
            activity_id, start = s.execute(select(m.Activity.id, m.Activity.start_at)
                                           .order_by(m.Activity.id)
                                           .offset(rng.randrange(count)).limit(1)).one()
            attendance.check_in(s, activity_id, start, [member])


def dump(store) -> dict:
    """Every synced table this console has, row by row, as text; links by their ids."""
    out = {}
    with store.read() as s:
        for entity in sorted(SYNCED_ENTITIES):
            table = m.Base.metadata.tables.get(entity)
            if table is None:
                continue
            skip = NOT_COMPARED.get(entity, set())
            columns = [c for c in table.c if c.name not in skip]
            if entity == "member_tags":
                rows = s.execute(select(m.Tag.id, m.Member.id).select_from(m.MemberTag)
                                 .join(m.Member, m.MemberTag.member == m.MEMBER_ROWID)
                                 .join(m.Tag, m.MemberTag.tag == m.TAG_ROWID)).all()
            else:
                rows = s.execute(select(*columns)).all()
            out[entity] = sorted(tuple(str(v) for v in r) for r in rows)
    return out


def server_ids(server_db) -> dict:
    """What the team holds: the ids present per entity (links as 'tag/member')."""
    with server_db.transaction() as s:
        rows = s.execute(select(TeamRow.entity, TeamRow.row_id).where(TeamRow.present)).all()
    ids: dict[str, set] = {}
    for entity, row_id in rows:
        ids.setdefault(entity, set()).add(row_id)
    return ids


def console_ids(store) -> dict:
    ids: dict[str, set] = {}
    with store.read() as s:
        for entity in SYNCED_ENTITIES:
            table = m.Base.metadata.tables.get(entity)
            if table is None or entity == "member_tags":
                continue
            keys = list(table.primary_key.columns)
            found = {"/".join(map(str, r)) for r in s.execute(select(*keys))}
            if found:
                ids[entity] = found
    ids["member_tags"] = {f"{tag}/{member}" for tag, member in dump(store)["member_tags"]}
    return ids


@pytest.fixture
def server(server_db, server_url):
    """The team server in a process of its own, as in production."""
    yield from serve_apart(server_url)


@pytest.mark.parametrize("server_url", ["postgresql"], indirect=True)  # the production store
def test_consoles_converge_and_report_exactly_the_injected_conflicts(server, server_db,
                                                                     tmp_path, memory_keyring):
    with server_db.transaction() as s:
        for n in range(CONSOLES):
            accounts.add_account(s, f"console{n}", "lead", f"console{n} password")
    first = Console(0, tmp_path / "c0.db", server)
    with first.store.transaction() as s:
        shared = {"tags": [tag_service.create_tag(s, name, None).id for name in
                           ("VIP", "新人", "活跃")],
                  "group": group_service.create_group(s, "一群", "regional").id,
                  "rule": s.scalar(select(m.Rule.code).where(m.Rule.parent_id.is_not(None))
                                   .order_by(m.Rule.code))}
    first.sync()
    consoles = [first] + [Console(n, tmp_path / f"c{n}.db", server) for n in range(1, CONSOLES)]
    for console in consoles:
        console.sync()

    rng = random.Random(SEED)
    injected = 0
    for step in range(CONSOLES * OPS):
        console = rng.choice(consoles)
        console.do(rng, shared)
        if rng.random() < 0.15:
            console.sync()
        if step % 60 == 59:
            injected += inject_conflict(rng, consoles)
        if step % 5000 == 4999:
            progress("convergence: operations", step + 1, CONSOLES * OPS)

    for _ in range(2):  # everyone pushes, then everyone pulls what the others pushed
        for console in consoles:
            console.sync()

    reference = dump(consoles[0].store)
    assert sum(len(rows) for rows in reference.values()) > CONSOLES * OPS
    for console in consoles[1:]:
        theirs = dump(console.store)
        for entity in reference:
            assert set(theirs[entity]) ^ set(reference[entity]) == set(), (console.n, entity)
        assert theirs == reference
    team = server_ids(server_db)
    mine = console_ids(consoles[0].store)
    for entity in set(team) | set(mine):  # the server holds every row the consoles hold,
        # but for the shipped starter content, which every console has without a sync
        assert {i for i in mine.get(entity, ()) if not is_default_content(i)} == {
            i for i in team.get(entity, ()) if not is_default_content(i)}, entity

    problems = []
    for console in consoles:
        with console.store.read() as s:
            problems += [(p.kind, p.entity) for p in s.scalars(select(m.SyncProblem))]
            assert s.scalar(select(m.OutboxEntry.seq).limit(1)) is None
    assert injected >= CONSOLES * OPS // 60 - 1
    assert problems == [("conflict", "members")] * injected


def inject_conflict(rng: random.Random, consoles: list[Console]) -> int:
    """Two consoles set one member's region to different values between syncs: one
    conflict, seen by the second to push."""
    a, b = rng.sample(consoles, 2)
    a.sync()
    b.sync()
    with a.store.read() as s:
        member_id = a.any_member(s, rng)
    if member_id is None:
        return 0
    for console in (a, b):
        with console.store.transaction() as s:
            s.get(m.Member, member_id).region = f"地区{console.n}-{rng.random():.6f}"
    a.sync()
    b.sync()
    return 1
