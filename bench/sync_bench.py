"""`bench/run.py sync`: push N changes to a team server and pull them into a fresh console.

The server runs as `modconsole server run` in its own process (uvicorn), on the
PostgreSQL at $MODCONSOLE_BENCH_PG (default: the test cluster .ci/postgres makes; a
database is created and dropped per run). The console imports N members (one outbox
row each), pushes them, and a fresh console pulls them; then both again with 50 ms
added before every request (a round trip to a far server).

The raw baseline moves the same rows the shortest way: read the outbox with sqlite3,
executemany the same (change id, entity, row id, payload) into a PostgreSQL table;
then COPY them out and executemany the members and their tag links into a fresh
console's own tables (its search triggers and indexes are what any write pays).
No HTTP, no protocol, no checks: the ratio is what the protocol costs.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
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

    def __init__(self, workers: int = 1, staff: dict[str, str] | None = None):
        """A server with ops1 (admin) and ops2 (ops), plus `staff` (name -> role)."""
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
        if staff:
            from modconsole.server import accounts
            from modconsole.server.database import ServerDatabase

            database = ServerDatabase(self.url)
            with database.transaction() as session:
                for name, role in staff.items():
                    accounts.add_account(session, name, role, f"{name} password")
            database.close()
        self.port = _free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "modconsole", "server", "run", "--port", str(self.port),
             "--workers", str(workers)],
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


def _console(path: Path, http: str, account: str):
    from modconsole.services.startup import open_console_database
    from modconsole.services.team import connection

    store, _ = open_console_database(path)
    connection.sign_in(store, http, account, f"{account} password")
    with store.read() as s:
        return store, connection.team_server(s)


def _import(path: Path, csv_path: Path) -> None:
    from modconsole.cli import main

    if main(["--db", str(path), "import", "members", str(csv_path)]) != 0:
        raise RuntimeError("the import failed")


@contextmanager
def _fresh(folder: Path) -> Iterator[Path]:
    """A folder of its own for one run's consoles (a console file reused would hold the
    run before's members), removed after."""
    files = Path(tempfile.mkdtemp(dir=folder))
    try:
        yield files
    finally:
        shutil.rmtree(files)


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
    a, server_a = _console(folder / f"a-{tag}.db", server.http, "ops1")
    pushed = _upload(a, server_a)[1]
    b, server_b = _console(folder / f"b-{tag}.db", server.http, "ops2")
    with b.transaction() as s:  # a console in the team before the import: follows the log
        s.merge(sync.SyncState(key=sync.cursor_key(server_b.url), value="0"))
    start = time.perf_counter()
    pulled = sync.sync_once(b, server_b).pulled
    pulling = time.perf_counter() - start
    c, server_c = _console(folder / f"c-{tag}.db", server.http, "ops2")
    start = time.perf_counter()
    sync.sync_once(c, server_c)  # joins a team with data: a snapshot
    bootstrap = time.perf_counter() - start
    for store in (a, b, c):
        store.close()
    return pushed, pulling, pulled, bootstrap


def _upload(store, server) -> tuple[int, float]:
    """Push a console's outbox to an empty team (the first sync's choice, to upload, made
    before timing; no pull after): changes pushed, seconds."""
    from modconsole.services.team import sync

    report = sync.SyncReport()
    with store.transaction() as s:
        s.merge(sync.SyncState(key=sync.cursor_key(server.url), value="0"))
    start = time.perf_counter()
    sync._push_all(store, server, report)
    return report.pushed, time.perf_counter() - start


def _raw(folder: Path, source_db: Path) -> tuple[float, float]:
    import psycopg
    from sqlalchemy.engine import make_url

    from modconsole.services.startup import open_console_database

    url = make_url(PG)
    dsn = (f"host={url.host} port={url.port or 5432} dbname={url.database} "
           f"user={url.username} password={url.password}")
    target_path = folder / "raw-pull.db"
    store, _ = open_console_database(target_path)  # the console's schema, made untimed
    store.close()
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
        with pg.cursor().copy("COPY (SELECT entity, row_id, payload FROM raw_log) "
                              "TO STDOUT") as copy:
            fetched = list(copy.rows())
        _raw_insert(target_path, fetched)
        pull = time.perf_counter() - start
    return push, pull


def _raw_insert(path: Path, fetched: list) -> None:
    """The members and their tag links (in the members' payloads, as an outbox has them, or
    rows of their own, as a team has them) straight into the console's tables (search
    triggers and indexes included, and the name order's key): executemany, rowids given,
    no protocol."""
    from modconsole.domain.name_order import sort_key

    target = sqlite3.connect(path)
    tag_rowid, member_rowid, members, links = {}, {}, [], []
    for entity, row_id, payload in fetched:
        p = json.loads(payload)
        if entity == "tags":
            tag_rowid[row_id] = len(tag_rowid) + 1
            target.execute("INSERT INTO tags (rowid, id, name, created_at, updated_at, "
                           "version) VALUES (?, ?, ?, ?, ?, 1)",
                           (tag_rowid[row_id], row_id, p["name"], p["created_at"],
                            p["updated_at"]))
        elif entity == "members":
            rowid = member_rowid[row_id] = len(members) + 1
            members.append((rowid, row_id, p["platform_id"], p["name"], sort_key(p["name"]),
                            p.get("nickname", ""), p.get("region", ""), p["created_at"],
                            p["updated_at"]))
            links += [(tag_rowid[t], rowid, p["updated_at"]) for t in p.get("tags", ())]
        elif entity == "member_tags":  # a team's links, as its snapshot holds them
            links.append((tag_rowid[p["tag_id"]], member_rowid[p["member_id"]], p["added_at"]))
    target.executemany(
        "INSERT INTO members (rowid, id, platform_id, name, name_key, nickname, region, "
        "created_at, "
        "updated_at, phone_verified, email_verified, gender, age_band, join_channel, "
        "posts_count, comments_count, likes_count, quality_posts_count, "
        "active_streak_days, conversions_count, points, level, paid_total_cents, status, "
        "is_staff, churn_level, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, '', '', '', "
        "0, 0, 0, 0, 0, 0, 0, 1, 0, 'active', 0, 0, 1)", members)
    target.executemany("INSERT INTO member_tags (tag, member, added_at) VALUES (?, ?, ?)",
                       links)
    target.commit()
    target.close()


def scenario_sync(args, folder: Path, csv_path: Path) -> None:
    import requests

    rows, runs = args.sync_rows, args.sync_runs
    near = []
    for run in range(runs):  # each on a fresh server: a push needs an empty team
        with _fresh(folder) as files:
            near.append((*_push_and_pull(files, csv_path, "near"),
                         *_raw(files, files / "outbox-near.db")))
        print(f"  run {run + 1}: push, pull, changes, bootstrap, raw push, raw pull: "
              f"{', '.join(f'{x:.2f}' for x in near[-1])}", flush=True)
    push, pull, pulled, bootstrap, raw_push, raw_pull = (
        statistics.median(sample) for sample in zip(*near, strict=True))
    print(f"sync {rows:,} members, median of {runs}: push {push:6.2f} s (raw {raw_push:5.2f} s, "
          f"ratio {push / raw_push:5.1f})   pull {pull:6.2f} s, {pulled:,.0f} changes "
          f"(raw {raw_pull:5.2f} s, ratio {pull / raw_pull:5.1f})   bootstrap by snapshot "
          f"{bootstrap:6.2f} s (ratio {bootstrap / raw_pull:5.1f})", flush=True)
    real = requests.request

    def far(method, url, **kwargs):
        time.sleep(0.05)
        return real(method, url, **kwargs)
    requests.request = far
    try:
        distant = []
        for _ in range(runs):
            with _fresh(folder) as files:
                distant.append(_push_and_pull(files, csv_path, "far"))
    finally:
        requests.request = real
    push, pull, pulled, bootstrap = (statistics.median(s) for s in zip(*distant, strict=True))
    print(f"  with 50 ms per request, median of {runs}: push {push:6.2f} s   pull {pull:6.2f} s "
          f"({pulled:,.0f} changes)   bootstrap {bootstrap:6.2f} s   (runs: "
          f"{'; '.join(', '.join(f'{x:.2f}' for x in d) for d in distant)})")


BOOTSTRAP = r"""
import resource, sys, time
sys.path.insert(0, sys.argv[3])
from sync_bench import _console
from modconsole.collector import collect_less
from modconsole.services.team import sync
collect_less()  # as the console's own entry point does (cli.main)
store, server = _console(sys.argv[1], sys.argv[2], "ops2")
start = time.perf_counter()
rows = sync.sync_once(store, server).pulled
print(time.perf_counter() - start, rows, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _bootstrap(folder: Path, server: Server, tag: str) -> tuple[float, int, float]:
    """A fresh console takes the team in a process of its own: seconds, rows, peak MB."""
    done = subprocess.run([sys.executable, "-c", BOOTSTRAP, str(folder / f"boot-{tag}.db"),
                           server.http, str(HERE)], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(HERE.parent / "src")})
    seconds, rows, peak_kb = done.stdout.split()
    return float(seconds), int(rows), int(peak_kb) / 1024


def _raw_bootstrap(folder: Path, server: Server) -> float:
    """The team's tags, members and tag links COPYed out of the server's PostgreSQL and
    `executemany`d into a fresh console's tables (_raw_insert)."""
    import psycopg
    from sqlalchemy.engine import make_url

    from modconsole.services.startup import open_console_database

    url = make_url(server.url)
    target = folder / "raw-boot.db"
    store, _ = open_console_database(target)  # the console's schema, made untimed
    store.close()
    start = time.perf_counter()
    with psycopg.connect(host=url.host, port=url.port or 5432, dbname=url.database,
                         user=url.username, password=url.password) as pg, pg.cursor().copy(
            "COPY (SELECT entity, row_id, payload_json FROM team_rows WHERE entity IN "
            "('tags', 'members', 'member_tags') ORDER BY entity = 'member_tags', "
            "entity = 'members', row_id) TO STDOUT") as copy:
        fetched = list(copy.rows())
    _raw_insert(target, fetched)
    return time.perf_counter() - start


def scenario_sync_bootstrap(args, folder: Path, csv_path: Path) -> None:
    rows = args.bootstrap_members
    server = Server()
    try:
        _import(folder / "big.db", csv_path)
        store, server_a = _console(folder / "big.db", server.http, "ops1")
        pushed, push = _upload(store, server_a)
        store.close()
        (folder / "big.db").unlink()
        seconds, taken, peak = _bootstrap(folder, server, "near")
        raw = _raw_bootstrap(folder, server)
    finally:
        server.close()
    print(f"sync bootstrap of {rows:,} members ({taken:,} rows with their tag links): "
          f"{seconds:6.1f} s, peak {peak:4.0f} MB (raw copy {raw:6.1f} s, ratio "
          f"{seconds / raw:4.2f}); the upload before it: {pushed:,} changes in {push:6.1f} s",
          flush=True)


CLIENTS, LOAD_S, TRIALS, LONG_POLL_S, CROWD_EVERY_S = 20, 60, 20, 5.0, 2.0


def _load_client(http: str, name: str, db_path: Path, seconds: float, stop) -> dict:
    """One console of the crowd: add ten members and sync every CROWD_EVERY_S (a busy
    moderator's console), for at least `seconds` and until `stop` is set, timing every
    request it makes."""
    import requests

    from modconsole.services import member_import
    from modconsole.services.team import sync

    timings: list[float] = []
    real = requests.request

    def timed(method, url, **kwargs):
        start = time.perf_counter()
        try:
            return real(method, url, **kwargs)
        finally:
            timings.append(time.perf_counter() - start)
    requests.request = timed
    store, server = _console(db_path, http, name)
    sync.sync_once(store, server)  # joining is not the load
    timings.clear()
    changes, round_ = 0, 0
    start = time.perf_counter()
    while time.perf_counter() < start + seconds or not stop.is_set():
        with store.transaction() as s:
            for k in range(10):
                member_import.add_member(s, {"platform_id": f"{name}-{round_}-{k}",
                                             "name": "会员"})
        round_ += 1
        changes += sync.sync_once(store, server).pushed
        time.sleep(CROWD_EVERY_S)
    store.close()
    return {"timings": timings, "changes": changes, "seconds": time.perf_counter() - start}


def _visibility(folder: Path, server: Server, trials: int) -> list[float]:
    """Seconds from a decision committed on lead1's console to lead2's console showing it,
    lead2 syncing as the console's background engine does: whenever the server's long
    poll says the log moved (each poll waits at most LONG_POLL_S); the decisions land at
    random moments."""
    import random
    import threading

    from sqlalchemy import select

    from modconsole.services import cases, decisions, member_import
    from modconsole.services.team import sync
    from modconsole.store import models as m

    a, server_a = _console(folder / "lead1.db", server.http, "lead1")
    b, server_b = _console(folder / "lead2.db", server.http, "lead2")
    sync.sync_once(a, server_a)  # both join the crowd's team before doing anything
    sync.sync_once(b, server_b)
    with a.transaction() as s:
        member_import.add_member(s, {"platform_id": "seen", "name": "被举报人"})
        rule = s.scalar(select(m.Rule.code).where(m.Rule.parent_id.is_not(None))
                        .order_by(m.Rule.code))
        case_ids = [cases.add_report(s, cases.ReportIn(
            member="seen", evidence=f"广告 {trial}", rule=rule, source="staff")).case_id
            for trial in range(trials)]
    sync.sync_once(a, server_a)
    seen: dict[str, float] = {}
    stop = threading.Event()

    def lead2_engine():
        while not stop.is_set():
            sync.sync_once(b, server_b)
            with b.read() as s:
                for case_id in s.scalars(select(m.Case.id).where(
                        m.Case.id.in_(case_ids), m.Case.status == "decided")):
                    seen.setdefault(case_id, time.perf_counter())
                after = sync.cursor(s, server_b.url)
            server_b.wait(after, LONG_POLL_S)  # answers at once when the log passes `after`
    engine = threading.Thread(target=lead2_engine)
    engine.start()
    decided, rng = {}, random.Random(7)
    for case_id in case_ids:
        time.sleep(rng.uniform(0.5, 1.5))
        with a.transaction() as s:
            decisions.claim(s, case_id)
            decisions.decide(s, case_id, None, "按规则处理")
        decided[case_id] = time.perf_counter()
        sync.sync_once(a, server_a)
    while len(seen) < len(case_ids):
        time.sleep(0.05)
    stop.set()
    engine.join()
    a.close()
    b.close()
    return [seen[c] - decided[c] for c in case_ids]


def scenario_sync_pair(_args, folder: Path) -> None:
    """A two-person team with nobody else on the server: how soon one lead's decision
    shows on the other's console (the GUI's engine: long poll, then a sync)."""
    server = Server(workers=2, staff={"lead1": "lead", "lead2": "lead"})
    try:
        delays = _visibility(folder, server, TRIALS)
    finally:
        server.close()
    print(f"sync pair: a decision shows on the other console after: p50 "
          f"{statistics.median(delays):4.2f} s, worst {max(delays):4.2f} s ({TRIALS} decisions)",
          flush=True)


def scenario_sync_load(args, folder: Path) -> None:
    """CLIENTS consoles pushing and pulling at once against 2 server workers: throughput,
    p50/p99 per request, and how soon a decision shows on another console. All run on
    this machine: on two cores, twenty consoles syncing flat out starve each other (and
    the server) of CPU, which says nothing about the server; so each syncs every
    CROWD_EVERY_S, as busy consoles on twenty desks would."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import Manager

    staff = {f"c{n}": "ops" for n in range(CLIENTS)} | {"lead1": "lead", "lead2": "lead"}
    server = Server(workers=2, staff=staff)
    try:
        with Manager() as manager, ProcessPoolExecutor(CLIENTS) as pool:
            stop = manager.Event()
            crowd = [pool.submit(_load_client, server.http, f"c{n}", folder / f"c{n}.db",
                                 LOAD_S, stop) for n in range(CLIENTS)]
            time.sleep(10)  # the crowd has joined and is working
            delays = _visibility(folder, server, TRIALS)
            stop.set()  # the decisions were all made under the crowd's load
            results = [f.result() for f in crowd]
    finally:
        server.close()
    timings = sorted(t for r in results for t in r["timings"])
    changes = sum(r["changes"] for r in results)
    seconds = statistics.mean(r["seconds"] for r in results)
    p = lambda q: timings[min(len(timings) - 1, int(q * len(timings)))] * 1000  # noqa: E731
    print(f"sync load: {CLIENTS} consoles x {seconds:.0f} s against 2 workers: "
          f"{len(timings) / seconds:6.1f} requests/s, {changes / seconds:6.1f} changes/s pushed; "
          f"per request p50 {p(0.5):6.0f} ms, p99 {p(0.99):6.0f} ms", flush=True)
    print(f"  a decision shows on another console after: p50 "
          f"{statistics.median(delays):4.2f} s, worst {max(delays):4.2f} s "
          f"({TRIALS} decisions under that load, the other console on the long poll)",
          flush=True)
