"""`bench/run.py sync`: push N changes to a team server and pull them into a fresh console.

The server runs as `modconsole server run` in its own process (uvicorn), on the
PostgreSQL at $MODCONSOLE_BENCH_PG (default: the test cluster .ci/postgres makes; a
database is created and dropped per run). The console imports N members (one outbox
row each), pushes them, and a fresh console pulls them; then both again with 50 ms
added before every request (a round trip to a far server).

The raw baseline moves the same rows the shortest way: read the outbox with sqlite3,
executemany the same (change id, entity, row id, payload) into a PostgreSQL table;
then read them back and executemany them into a SQLite table shaped like members.
No HTTP, no protocol, no checks: the ratio is what the protocol costs.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
PG = os.environ.get("MODCONSOLE_BENCH_PG",
                    "postgresql+psycopg://modconsole:modconsole@localhost:5432/modconsole_test")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A fresh PostgreSQL database and `modconsole server run` on it."""

    def __init__(self):
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        self.name = f"modconsole_bench_{uuid.uuid4().hex[:8]}"
        self.admin = create_engine(PG, isolation_level="AUTOCOMMIT")
        with self.admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{self.name}"'))
        self.url = make_url(PG).set(database=self.name).render_as_string(hide_password=False)
        env = {**os.environ, "MODCONSOLE_SERVER_DATABASE": self.url,
               "PYTHONPATH": str(HERE.parent / "src")}
        for account in ("ops1", "ops2"):
            verb = ["init", "--admin", account] if account == "ops1" else [
                "users", "add", account, "--role", "ops"]
            subprocess.run([sys.executable, "-m", "modconsole", "server", *verb,
                            "--password-stdin"], input=f"{account} password\n", text=True,
                           env=env, check=True, capture_output=True)
        self.port = _free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "modconsole", "server", "run", "--port", str(self.port)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.http = f"http://127.0.0.1:{self.port}"
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.1).close()
                break
            except OSError:
                time.sleep(0.05)

    def close(self):
        from sqlalchemy import text

        self.process.terminate()
        self.process.wait()
        with self.admin.connect() as c:
            c.execute(text(f'DROP DATABASE "{self.name}"'))
        self.admin.dispose()


def _console(path: Path, server: Server, account: str):
    from modconsole.services.startup import open_console_database
    from modconsole.services.team import connection

    store, _ = open_console_database(path)
    connection.sign_in(store, server.http, account, f"{account} password")
    with store.read() as s:
        return store, connection.team_server(s)


def _import(path: Path, csv_path: Path) -> None:
    from modconsole.cli import main

    if main(["--db", str(path), "import", "members", str(csv_path)]) != 0:
        raise RuntimeError("the import failed")


def _push_and_pull(folder: Path, csv_path: Path, tag: str) -> tuple[float, ...]:
    server = Server()
    try:
        return _timed_sync(folder, csv_path, server, tag)
    finally:
        server.close()


def _timed_sync(folder: Path, csv_path: Path, server: Server, tag: str
                ) -> tuple[float, ...]:
    """Seconds to push, to pull the log into a console that follows it, and to bootstrap a
    fresh console by snapshot; and how many changes the pull brought."""
    from modconsole.services.team import sync

    _import(folder / f"a-{tag}.db", csv_path)
    shutil.copy(folder / f"a-{tag}.db", folder / f"outbox-{tag}.db")  # for the raw baseline
    a, server_a = _console(folder / f"a-{tag}.db", server, "ops1")
    report = sync.SyncReport()
    with a.transaction() as s:  # the first sync's choice (upload) made before timing
        s.merge(sync.SyncState(key=sync.cursor_key(server_a.url), value="0"))
    start = time.perf_counter()
    while sync._push_batch(a, server_a, report):
        pass
    pushed = time.perf_counter() - start
    b, server_b = _console(folder / f"b-{tag}.db", server, "ops2")
    with b.transaction() as s:  # a console in the team before the import: follows the log
        s.merge(sync.SyncState(key=sync.cursor_key(server_b.url), value="0"))
    start = time.perf_counter()
    pulled = sync.sync_once(b, server_b).pulled
    pulling = time.perf_counter() - start
    c, server_c = _console(folder / f"c-{tag}.db", server, "ops2")
    start = time.perf_counter()
    sync.sync_once(c, server_c)  # joins a team with data: a snapshot
    bootstrap = time.perf_counter() - start
    for store in (a, b, c):
        store.close()
    return pushed, pulling, pulled, bootstrap


def _raw(folder: Path, source_db: Path) -> tuple[float, float]:
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(PG)
    dsn = (f"host={url.host} port={url.port or 5432} dbname={url.database} "
           f"user={url.username} password={url.password}")
    start = time.perf_counter()
    rows = sqlite3.connect(source_db).execute(
        "SELECT change_id, entity, row_id, payload_json FROM outbox ORDER BY seq").fetchall()
    with psycopg.connect(dsn) as pg:
        pg.execute("CREATE TEMP TABLE raw_log (change_id text, entity text, row_id text, "
                   "payload text)")
        with pg.cursor() as cur:
            cur.executemany("INSERT INTO raw_log VALUES (%s, %s, %s, %s)", rows)
        push = time.perf_counter() - start
        start = time.perf_counter()
        fetched = pg.execute("SELECT row_id, payload FROM raw_log").fetchall()
        target = sqlite3.connect(folder / "raw-pull.db")
        target.execute("CREATE TABLE m (id TEXT PRIMARY KEY, platform_id TEXT, name TEXT, "
                       "nickname TEXT, region TEXT)")
        target.executemany("INSERT OR IGNORE INTO m VALUES (?, ?, ?, ?, ?)", (
            (row_id, p.get("platform_id"), p.get("name"), p.get("nickname"), p.get("region"))
            for row_id, p in ((r, json.loads(payload)) for r, payload in fetched)))
        target.commit()
        target.close()
        pull = time.perf_counter() - start
    return push, pull


def scenario_sync(args, folder: Path, csv_path: Path) -> None:
    import requests

    rows = args.sync_rows
    push, pull, pulled, bootstrap = _push_and_pull(folder, csv_path, "near")
    raw_push, raw_pull = _raw(folder, folder / "outbox-near.db")
    print(f"sync {rows:,} members: push {push:6.2f} s (raw {raw_push:5.2f} s, ratio "
          f"{push / raw_push:5.1f})   pull {pull:6.2f} s, {pulled:,} changes "
          f"(raw {raw_pull:5.2f} s, ratio {pull / raw_pull:5.1f})   bootstrap by snapshot "
          f"{bootstrap:6.2f} s (ratio {bootstrap / raw_pull:5.1f})", flush=True)
    real = requests.request

    def far(method, url, **kwargs):
        time.sleep(0.05)
        return real(method, url, **kwargs)
    requests.request = far
    try:
        push, pull, pulled, bootstrap = _push_and_pull(folder, csv_path, "far")
    finally:
        requests.request = real
    print(f"  with 50 ms per request: push {push:6.2f} s   pull {pull:6.2f} s "
          f"({pulled:,} changes)   bootstrap {bootstrap:6.2f} s")
