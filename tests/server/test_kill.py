"""Real deaths: `modconsole sync` processes killed with SIGKILL while they push, pull and
take a snapshot, and a server process killed while it answers a push. Nothing is lost,
nothing is applied twice, and the consoles end the same.

(test_faults.py kills a console in-process at hundreds of chosen points; these show the
same holds for a real process and a real server. `bench/run.py sync_soak` runs more.)
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from contextlib import suppress
from pathlib import Path

import pytest
from sqlalchemy import func, select

from modconsole.server import DATABASE_ENV, accounts
from modconsole.server.models import LoggedChange
from modconsole.services import member_import
from modconsole.services import tags as tag_service
from modconsole.services.errors import UserError
from modconsole.services.member_targets import Targets
from modconsole.services.startup import open_console_database
from modconsole.services.team import connection
from modconsole.services.team.sync import sync_once
from modconsole.store import models as m
from tests.server.consoles import free_port, start_server
from tests.server.file_keyring import FILE_ENV
from tests.server.soak import size
from tests.server.test_convergence import dump

ROOT = Path(__file__).resolve().parents[2]
KILLS, MEMBERS, SEED = size("KILLS", 3), 1200, 20261201


def environment(tmp_path) -> dict:
    return {**os.environ, "PYTHON_KEYRING_BACKEND": "tests.server.file_keyring.FileKeyring",
            FILE_ENV: str(tmp_path / "keyring.json"), "PYTHONPATH": str(ROOT),
            "MODCONSOLE_CONFIG_DIR": str(tmp_path / "config")}


def run(env, db, *args, stdin: str | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "modconsole", "--db", str(db), *args],
                            env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen, stdin: str | None = None) -> None:
    _, err = process.communicate(stdin, timeout=300)
    assert process.returncode == 0, err


def file_state(db: Path) -> tuple:
    return tuple((f.stat().st_size, f.stat().st_mtime_ns) if f.exists() else None
                 for f in (db, db.with_name(db.name + "-wal")))


def kill_while_syncing(env, db, rng: random.Random) -> int:
    """Start `sync` and SIGKILL it at a random moment once it has begun writing what the
    server sent (its database file changes), KILLS times, counting only kills that found
    it still running; then let one sync finish."""
    landed = 0
    for _ in range(KILLS * 3):
        before = file_state(db)
        process = run(env, db, "sync")
        while process.poll() is None and file_state(db) == before:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.3))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            landed += 1
        process.wait()
        if landed == KILLS:
            break
    finish(run(env, db, "sync"))
    return landed


def logged_once(server_db, account: str) -> dict[str, int]:
    with server_db.transaction() as s:
        who = accounts.account_named(s, account)
        return dict(s.execute(select(LoggedChange.change_id, func.count()).where(
            LoggedChange.account_id == who.id, LoggedChange.row_id != who.staff_id)
            .group_by(LoggedChange.change_id)).all())


@pytest.mark.parametrize("server_url", ["postgresql"], indirect=True)  # the production store
def test_sync_processes_killed_mid_push_mid_pull_and_mid_snapshot_lose_nothing(
        server, server_db, tmp_path):
    env, rng = environment(tmp_path), random.Random(SEED)
    with server_db.transaction() as s:
        for name in ("ops1", "ops2", "ops3"):
            accounts.add_account(s, name, "ops", f"{name} password")
    a, b, c = (tmp_path / f"{n}.db" for n in "abc")
    for db, name in ((a, "ops1"), (b, "ops2"), (c, "ops3")):
        finish(run(env, db, "login", server, "--user", name, "--password-stdin"),
               f"{name} password\n")
    finish(run(env, b, "sync"))  # b is in the team before the data: it follows the log

    store, _ = open_console_database(a)
    with store.transaction() as s:
        tag = tag_service.create_tag(s, "VIP", None).id
        ids = [member_import.add_member(s, {"platform_id": f"p{n}", "name": f"会员{n}"})
               for n in range(MEMBERS)]
        tag_service.apply_tags(s, Targets(ids=tuple(ids[::3])), add=[tag])
    with store.read() as s:
        made = set(s.scalars(select(m.OutboxEntry.change_id)))
    store.close()

    landed = {"push": kill_while_syncing(env, a, rng)}
    logged = logged_once(server_db, "ops1")
    assert set(logged) == made  # nothing lost...
    assert set(logged.values()) == {1}  # ...nothing applied twice
    landed["pull"] = kill_while_syncing(env, b, rng)
    landed["snapshot"] = kill_while_syncing(env, c, rng)  # c joins a team with data
    assert landed == {"push": KILLS, "pull": KILLS, "snapshot": KILLS}

    finish(run(env, a, "sync"))  # a's own echoes
    dumps = []
    for db in (a, b, c):
        store, _ = open_console_database(db)
        dumps.append(dump(store))
        with store.read() as s:
            assert s.scalar(select(func.count()).select_from(m.OutboxEntry)) == 0
        store.close()
    assert dumps[1] == dumps[0] and dumps[2] == dumps[0]
    assert len(dumps[0]["members"]) == MEMBERS


@pytest.mark.parametrize("server_url", ["postgresql"], indirect=True)  # the production store
def test_a_server_killed_mid_push_loses_nothing_and_applies_nothing_twice(
        server_db, server_url, tmp_path, memory_keyring):
    with server_db.transaction() as s:
        accounts.add_account(s, "ops1", "ops", "ops1 password")
    env, port = {**os.environ, DATABASE_ENV: server_url}, free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(env, port)
    store, _ = open_console_database(tmp_path / "a.db")
    connection.sign_in(store, url, "ops1", "ops1 password")
    with store.read() as s:
        team = connection.team_server(s)
    made: set[str] = set()

    def syncing():
        with suppress(UserError):  # the server went away mid-request: said in words
            sync_once(store, team)

    rng, kills, rounds = random.Random(SEED), 0, 0
    while kills < KILLS and rounds < KILLS * 4:
        rounds += 1
        with store.transaction() as s:  # new work each round, pushed in two batches
            for n in range(600):
                member_import.add_member(s, {"platform_id": f"r{rounds}-{n}", "name": "会员"})
        with store.read() as s:
            made |= set(s.scalars(select(m.OutboxEntry.change_id)))
        worker = threading.Thread(target=syncing)
        worker.start()
        time.sleep(rng.uniform(0.05, 0.5))
        if worker.is_alive():
            server.send_signal(signal.SIGKILL)  # whatever it was doing, gone
            server.wait()
            kills += 1
            worker.join()
            server = start_server(env, port)
        worker.join()
    assert kills == KILLS
    try:
        sync_once(store, team)  # and once more against a server left alone
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait()
    logged = logged_once(server_db, "ops1")
    assert set(logged) == made and set(logged.values()) == {1}
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(m.OutboxEntry)) == 0
    store.close()
