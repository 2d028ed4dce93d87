"""Sync under faults: a transport that drops, delays, cuts off, duplicates and answers 500,
and a console that dies at random points (mid-push, mid-pull, inside its own transaction)
and starts again. Nothing is lost and nothing is applied twice.

Dying is simulated in-process: an exception no code catches (`Died`) is raised at a random
SQL statement of the console, or right after the server answered, and the console's
store is then closed and opened again, as a restarted process would. SQLite's WAL keeps
what was committed and nothing else, exactly as after kill -9. `bench/run.py sync_soak`
runs 1,000 deaths; here there are at least 100.
"""

from __future__ import annotations

import random

import requests
from sqlalchemy import event, func, select

from modconsole.server import accounts
from modconsole.server.models import LoggedChange
from modconsole.services import member_import
from modconsole.services import tags as tag_service
from modconsole.services.errors import UserError
from modconsole.services.member_targets import Targets
from modconsole.services.startup import open_console_database
from modconsole.services.team import connection
from modconsole.services.team.sync import sync_once
from modconsole.store import models as m
from tests.server.soak import size
from tests.server.test_convergence import dump

SEED, ROUNDS, CHANGES = 7, size("ROUNDS", 36), 10
DEATHS = 100 * ROUNDS // 36  # at least; the soak's 360 rounds bring 1,000


class Died(BaseException):
    """The process ends here: nothing catches it, nothing after it runs."""


class Faults:
    """Decides, per HTTP request and per SQL statement, what goes wrong."""

    def __init__(self, rng: random.Random):
        self.rng, self.counts = rng, {}
        self.armed = False
        self.statements, self.die_at = 0, None

    def arm(self) -> None:
        """A new attempt: half of them die at a random statement of their own work (of the
        first 40; a sync runs 20-300), so deaths land everywhere and syncs still finish."""
        self.armed, self.statements = True, 0
        self.die_at = self.rng.randint(1, 40) if self.rng.random() < 0.6 else None

    def hit(self, kind: str, p: float) -> bool:
        if self.armed and self.rng.random() < p:
            self.counts[kind] = self.counts.get(kind, 0) + 1
            return True
        return False

    def request(self, real):
        def flaky(method, url, **kwargs):
            if self.hit("dropped", 0.08):
                raise requests.ConnectionError("dropped")
            if self.hit("answered 500", 0.06):
                reply = requests.Response()
                reply.status_code, reply._content = 500, b"Internal Server Error"
                return reply
            reply = real(method, url, **kwargs)
            if self.hit("duplicated", 0.06):
                reply = real(method, url, **kwargs)
            if self.hit("reply lost", 0.06):
                raise requests.ReadTimeout("reply lost")
            if self.hit("cut off", 0.06):
                reply._content = reply.content[:len(reply.content) // 2]
            if self.hit("died after the answer", 0.06):
                raise Died
            return reply
        return flaky

    def statement(self, *_args):
        self.statements += 1
        if self.armed and self.statements == self.die_at:
            self.counts["died mid-transaction"] = self.counts.get("died mid-transaction", 0) + 1
            raise Died


class Console:
    def __init__(self, path, url, name, faults: Faults):
        self.path, self.faults = path, faults
        self.open()
        connection.sign_in(self.store, url, name, f"{name} password")
        with self.store.read() as s:
            self.server = connection.team_server(s)

    def open(self):
        self.store, _ = open_console_database(self.path)
        event.listen(self.store.engine, "before_cursor_execute", self.faults.statement)

    def restart(self):
        self.store.close()  # what was committed stays; the rest went with the process
        self.open()

    def sync_until_done(self) -> int:
        """Sync again after every failure and every death, as a person (or --watch) would;
        returns how many attempts failed."""
        failures = 0
        while True:
            self.faults.arm()
            try:
                sync_once(self.store, self.server)
                return failures
            except UserError:
                failures += 1
            except Died:
                failures += 1
                self.faults.armed = False
                self.restart()
            finally:
                self.faults.armed = False


def test_nothing_is_lost_or_applied_twice_through_faults_and_deaths(
        server, server_db, tmp_path, memory_keyring, monkeypatch):
    rng = random.Random(SEED)
    faults = Faults(rng)
    monkeypatch.setattr(requests, "request", faults.request(requests.request))
    with server_db.transaction() as s:
        for name in ("ops1", "ops2"):
            accounts.add_account(s, name, "ops", f"{name} password")
    a = Console(tmp_path / "a.db", server, "ops1", faults)
    b = Console(tmp_path / "b.db", server, "ops2", faults)
    with a.store.transaction() as s:
        tag = tag_service.create_tag(s, "VIP", None).id

    made: set[str] = set()  # every change id console a ever wrote to its outbox
    for r in range(ROUNDS):
        with a.store.transaction() as s:
            for n in range(CHANGES):
                member_id = member_import.add_member(s, {"platform_id": f"p{r}-{n}",
                                                         "name": f"会员{r}-{n}"})
                if n % 3 == 0:
                    tag_service.apply_tags(s, Targets(ids=(member_id,)), add=[tag])
                if n % 4 == 0:
                    s.get(m.Member, member_id).nickname = f"昵称{r}"
        with a.store.read() as s:
            made |= set(s.scalars(select(m.OutboxEntry.change_id)))
        a.sync_until_done()
        b.sync_until_done()

    with server_db.transaction() as s:
        ops1 = accounts.account_named(s, "ops1")
        logged = s.execute(select(LoggedChange.change_id, func.count()).where(
            LoggedChange.account_id == ops1.id, LoggedChange.row_id != ops1.staff_id)
            .group_by(LoggedChange.change_id)).all()
    assert {change_id for change_id, _ in logged} == made  # nothing lost...
    assert {n for _, n in logged} == {1}  # ...nothing applied twice
    a.sync_until_done()  # a pulls what b had nothing to add to, and its own echoes
    assert dump(b.store) == dump(a.store)
    with b.store.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Member)) == ROUNDS * CHANGES
    deaths = sum(n for kind, n in faults.counts.items() if kind.startswith("died"))
    assert deaths >= DEATHS, faults.counts
    assert len(faults.counts) == 7, faults.counts  # every kind of fault happened
    for console in (a, b):
        console.store.close()

