"""Run the benchmark scenarios and print median, p95 and the ratio to a baseline.

    python bench/run.py --db bench/data/members-1m.db [--runs N] [scenario ...]

Each scenario times the console doing something and a raw baseline doing the
same job in the same run; the ratio is console / baseline (medians).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def report(name: str, samples: list[float], baseline: list[float]) -> None:
    med, base = statistics.median(samples), statistics.median(baseline)
    print(f"{name:<28} median {med * 1000:8.1f} ms   p95 {p95(samples) * 1000:8.1f} ms   "
          f"baseline {base * 1000:8.1f} ms   ratio {med / base:5.2f}")


def spawn(mode: str, db: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(HERE / "startup_probe.py"), mode, str(db)],
                            stdout=subprocess.PIPE, text=True, env=env)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait()
    if not line.strip():
        raise RuntimeError(f"startup probe {mode} printed nothing")
    return elapsed


def demo_database(folder: Path) -> Path:
    db = folder / "demo.db"
    if db.exists():
        return db
    subprocess.run([sys.executable, "-m", "modconsole", "--db", str(db), "demo"], check=True,
                   capture_output=True, env={**os.environ, "PYTHONPATH": str(HERE.parent / "src")})
    return db


def scenario_startup(args, folder: Path) -> None:
    db = demo_database(folder)
    spawn("app", db)  # warm the OS file cache once for both sides
    bare = [spawn("bare", db) for _ in range(args.runs)]
    app = [spawn("app", db) for _ in range(args.runs)]
    report("startup: first paint", app, bare)
    page = [spawn("page", db) for _ in range(args.runs)]
    report("startup: first page built", page, bare)


def scenario_dashboard(args, folder: Path) -> None:
    db = demo_database(folder)
    bare = [spawn("bare", db) for _ in range(args.runs)]
    dash = [spawn("dashboard", db) for _ in range(args.runs)]
    report("startup: dashboard filled", dash, bare)


def scenario_open(args, _folder: Path) -> None:
    from sqlalchemy import func, select

    from modconsole.services.startup import open_console_database
    from modconsole.store.models import Member

    if not args.db or not args.db.exists():
        print("open: skipped, pass --db with a database from bench/generate.py")
        return

    def console() -> float:
        start = time.perf_counter()
        store, _ = open_console_database(args.db)
        with store.transaction() as session:
            session.scalar(select(func.count()).select_from(Member))
        store.close()
        return time.perf_counter() - start

    def raw() -> float:
        start = time.perf_counter()
        conn = sqlite3.connect(args.db)
        conn.execute("SELECT version_num FROM alembic_version").fetchone()
        conn.execute("SELECT count(*) FROM members").fetchone()
        conn.close()
        return time.perf_counter() - start

    raw()
    baseline = [raw() for _ in range(args.runs)]
    samples = [console() for _ in range(args.runs)]
    report("open 1M-member database", samples, baseline)


def _timed(fn, runs: int) -> list[float]:
    fn()  # warm the page cache
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


# What a roster line shows (services.roster.MemberRow), for the raw baselines.
ROSTER_COLUMNS = ("id, platform_id, name, nickname, layer, member_class, growth_stage, "
                  "churn_level, last_active_at, points, status, region, phone, email, gender, "
                  "joined_at")


def raw_rows(raw: sqlite3.Connection, rowids: list[int]) -> list:
    """Roster lines for these rowids: the member's columns, then tag and group names."""
    marks = ",".join("?" * len(rowids))
    rows = raw.execute(f"SELECT rowid, {ROSTER_COLUMNS} FROM members WHERE rowid IN ({marks})",
                       rowids).fetchall()
    raw.execute(f"SELECT mt.member, t.name FROM member_tags mt JOIN tags t ON t.rowid = mt.tag "
                f"WHERE mt.member IN ({marks}) ORDER BY t.group_id, t.name", rowids).fetchall()
    raw.execute(f"SELECT m.rowid, g.name FROM members m JOIN group_members gm "
                f"ON gm.member_id = m.id JOIN groups g ON g.id = gm.group_id "
                f"WHERE m.rowid IN ({marks}) ORDER BY g.name", rowids).fetchall()
    return rows


def raw_search(raw: sqlite3.Connection, query: str, phrase: str) -> list:
    """The first 50 hits by name, as hand-written SQL over the same indexes would fetch them.

    `phrase` is the part of the query worth looking up in the trigram index,
    as the console's census picks it (found before the timing starts).
    """
    fields = " OR ".join(f"{c} LIKE ?" for c in ("name", "nickname", "platform_id", "phone",
                                                  "email"))
    check = (f"({fields} OR EXISTS (SELECT 1 FROM member_notes n WHERE n.member_id = members.id "
             "AND n.deleted_at IS NULL AND n.body LIKE ?))")
    like = [f"%{query}%"] * 6
    if len(query) >= 3:
        hits = ("rowid IN (SELECT rowid FROM member_search WHERE member_search MATCH ?) "
                f"AND {check}")
        params = [f'"{phrase}"', *like]
    elif len(query) == 1:
        hits, params = "rowid IN (SELECT member FROM member_chars WHERE ch = ?)", [query]
    else:
        hits = (f"rowid IN (SELECT member FROM member_chars WHERE ch = ? INTERSECT "
                f"SELECT member FROM member_chars WHERE ch = ?) AND {check}")
        params = sorted(query) + like
    rowids = [r[0] for r in raw.execute(
        f"SELECT rowid FROM members WHERE deleted_at IS NULL AND {hits} "
        "ORDER BY name_key, rowid LIMIT 50", params)]
    return raw_rows(raw, rowids)


def scenario_roster(args, _folder: Path) -> None:
    """Roster queries through the services against hand-written SQL on raw sqlite3."""
    from modconsole.domain.member_filter import MemberFilter
    from modconsole.services import roster
    from modconsole.services.startup import open_console_database
    from modconsole.store.member_search import TrigramCensus

    if not args.db or not args.db.exists():
        print("roster: skipped, pass --db with a database from bench/generate.py")
        return
    store, _ = open_console_database(args.db)
    raw = sqlite3.connect(args.db)
    with store.transaction() as session:
        tags = roster.resolve_tags(session, ["兴趣/兴趣3", "来源/公众号"])
    walk = ("SELECT o.member FROM member_tags_by_name o JOIN members m ON m.rowid = o.member "
            "WHERE o.tag = (SELECT rowid FROM tags WHERE id = ?) AND EXISTS (SELECT 1 FROM "
            "member_tags_by_name p WHERE p.tag = (SELECT rowid FROM tags WHERE id = ?) "
            "AND p.name_key = o.name_key AND p.member = o.member) AND m.deleted_at IS NULL "
            "ORDER BY o.name_key, o.member LIMIT 100")

    def run(fn):
        with store.transaction() as session:
            return fn(session)

    def raw_page():
        raw_rows(raw, [r[0] for r in raw.execute(walk, tags)])

    two_tags = MemberFilter(all_tags=tags)
    report("roster: 2-tag AND first page",
           _timed(lambda: run(lambda s: roster.list_members(s, two_tags, limit=100)), args.runs),
           _timed(raw_page, args.runs))
    report("roster: 2-tag AND exact count",
           _timed(lambda: run(lambda s: roster.count_members(s, two_tags)), args.runs),
           _timed(lambda: raw.execute(  # from the rarer tag's list (the first), probing the other
               "SELECT count(*) FROM members WHERE deleted_at IS NULL AND rowid IN (SELECT "
               "a.member FROM member_tags a WHERE a.tag = (SELECT rowid FROM tags WHERE id = ?) "
               "AND EXISTS (SELECT 1 FROM member_tags b WHERE b.member = a.member "
               "AND b.tag = (SELECT rowid FROM tags WHERE id = ?)))",
               tags).fetchone(), args.runs))
    with store.transaction() as session:  # the part the console's census looks up, found once
        connection = session.connection()
        census = TrigramCensus.of(connection)
        phrases = {q: census.selective_part(connection, q)
                   for q in ("wxid_00012", "wxid_000123456")}
    for label, query in (("search 3+ chars, 10k hits", "wxid_00012"),
                         ("search 3+ chars, 1 hit", "wxid_000123456"),
                         ("search 3 CJK chars", "王秀英"), ("search 1 CJK char", "霞"),
                         ("search 2 CJK chars", "王芳")):
        report(f"roster: {label}",
               _timed(lambda q=query: run(lambda s: roster.search_members(s, q, limit=50)),
                      args.runs),
               _timed(lambda q=query: raw_search(raw, q, phrases.get(q, q)), args.runs))

    for label, query in (("search 1 ASCII char", "7"), ("search 2 ASCII chars", "56"),
                         ("search 1 CJK char, by list", "王")):
        exact = query.lower()
        plans = {"list": ("SELECT rowid FROM members WHERE deleted_at IS NULL AND rowid IN "
                          "(SELECT member FROM member_chars WHERE ch = ?) "
                          "ORDER BY name_key, rowid LIMIT 50", [exact]),
                 "walk": ("SELECT rowid FROM members WHERE deleted_at IS NULL AND EXISTS "
                          "(SELECT 1 FROM member_chars WHERE ch = ? AND member = members.rowid)"
                          " ORDER BY name_key, rowid LIMIT 50", [exact])}
        _plan, bare = _fastest(raw, plans, then=lambda ids: raw_rows(raw, ids) if ids else [])
        report(f"roster: {label}",
               _timed(lambda q=query: run(lambda s: roster.search_members(s, q, limit=50)),
                      args.runs), _timed(bare, args.runs))
        report(f"roster: {label}, count",
               _timed(lambda q=query: run(lambda s: roster.count_members(
                   s, MemberFilter(query=q))), args.runs),
               _timed(lambda e=exact: raw.execute(
                   "SELECT count(*) FROM member_chars WHERE ch = ?", (e,)).fetchone(),
                   args.runs))

    def first_search(session):
        session.connection().info.pop("trigram_census", None)  # as if the console just started
        return roster.search_members(session, "wxid_000123456", limit=50)

    report("roster: search 3+ chars, 1 hit, no trigram counts yet",
           _timed(lambda: run(first_search), args.runs),
           _timed(lambda: raw_search(raw, "wxid_000123456", phrases["wxid_000123456"]),
                  args.runs))
    raw.close()
    store.close()


def scenario_classify(args, _folder: Path) -> None:
    """Recompute every member's class; the baseline is a bare full-table UPDATE."""
    from modconsole.services import classification
    from modconsole.services.startup import open_console_database

    if not args.db or not args.db.exists():
        print("classify: skipped, pass --db with a database from bench/generate.py")
        return
    store, _ = open_console_database(args.db)
    raw = sqlite3.connect(args.db)

    def console():
        with store.transaction() as session:
            classification.recompute(session)

    def bare():
        # NOT INDEXED, as the console's: otherwise SQLite walks the live-members
        # partial index and rewrites the table in name order, 4× slower.
        raw.execute("UPDATE members NOT INDEXED SET classified_at = datetime('now') "
                    "WHERE deleted_at IS NULL")
        raw.commit()

    runs = max(3, args.runs // 3)
    report("classify: recompute 1M", _timed(console, runs), _timed(bare, runs))
    raw.close()
    store.close()


def _members_csv(path: Path, rows: int) -> Path:
    import csv
    import random

    rng = random.Random(7)
    regions = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安"]
    tags = [f"兴趣{i}" for i in range(40)] + [f"标签{i}" for i in range(60)]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["platform_id", "name", "nickname", "region", "tags"])
        for i in range(rows):
            region = rng.choice(regions)
            name = "王" + rng.choice("芳伟娜秀英敏静丽强磊")
            writer.writerow([f"wxid_{i:09d}", name, f"{name}-{region}", region,
                             ";".join(rng.sample(tags, 7))])
    return path


def _probe(mode: str, source: Path, folder: Path) -> tuple[float, float]:
    db = folder / f"{mode}.db"
    for leftover in folder.glob(f"{mode}.db*"):
        leftover.unlink()
    out = subprocess.run([sys.executable, str(HERE / "import_probe.py"), mode, str(source),
                          str(db)], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def scenario_import(args, folder: Path) -> None:
    """Import N members with 7 tags each from CSV; peak memory of the importing process."""
    source = _members_csv(folder / "members.csv", args.import_rows)
    runs = max(1, args.runs // 3)
    raw = [_probe("raw", source, folder) for _ in range(runs)]
    console = [_probe("console", source, folder) for _ in range(runs)]
    report(f"import {args.import_rows:,} members", [c[0] for c in console], [r[0] for r in raw])
    print(f"{'':<28} peak memory console {max(c[1] for c in console):.0f} MB, "
          f"raw {max(r[1] for r in raw):.0f} MB")


def _telegram_export(path: Path, messages: int, senders: int) -> Path:
    """A Telegram Desktop result.json of one supergroup: `messages` over 90 days from
    `senders` people (a few write most), links, mentions, photos, replies and joins."""
    import json
    import random

    rng = random.Random(11)
    start, step = 1_767_225_600, 90 * 86_400 / messages  # 2026-01-01, spread over 90 days
    texts = ["大家好", "今天打卡", "收到，谢谢", "这个活动什么时候开始？", "👍", "哈哈哈哈",
             ["看看这个 ", {"type": "link", "text": "https://example.cn/a"}],
             ["", {"type": "mention", "text": "@someone"}, " 你好"]]
    with path.open("w", encoding="utf-8") as out:
        out.write('{\n "name": "产品交流群",\n "type": "private_supergroup",\n "id": 1777,\n'
                  ' "messages": [\n')
        for n in range(messages):
            sender = min(int(rng.paretovariate(1.2)) - 1, senders - 1)
            at = int(start + n * step)
            row = {"id": n + 1, "type": "message",
                   "date": datetime.fromtimestamp(at + 8 * 3600, UTC).strftime(
                       "%Y-%m-%dT%H:%M:%S"), "date_unixtime": str(at),
                   "from": f"成员{sender}", "from_id": f"user{100000 + sender}",
                   "text": rng.choice(texts)}
            if n % 100 == 7:
                row["photo"] = "(File not included. Change data exporting settings to download.)"
            if n % 10 == 3:
                row["reply_to_message_id"] = n
            if n % 1000 == 5:
                row = {"id": n + 1, "type": "service", "date": row["date"],
                       "date_unixtime": str(at), "actor": row["from"],
                       "actor_id": row["from_id"], "action": "join_group_by_link",
                       "inviter": "Group", "text": ""}
            out.write((" ," if n else "  ") + json.dumps(row, ensure_ascii=False, indent=1)
                      .replace("\n", "\n  ") + "\n")
        out.write(" ]\n}\n")
    return path


def _chat_template(path: Path, senders: int) -> Path:
    """A console database holding the export's senders as members."""
    from import_probe import flush

    from modconsole.domain.ids import uuid7
    from modconsole.services.startup import open_console_database

    open_console_database(path)[0].close()
    conn = sqlite3.connect(path, isolation_level=None)
    now = "2026-01-01 00:00:00.000000"
    conn.execute("BEGIN")
    flush(conn, [(uuid7(), str(100000 + i), f"成员{i}", f"成员{i}", "", now, now)
                 for i in range(senders)], [])
    conn.execute("COMMIT")
    conn.close()
    return path


def _chat_probe(mode: str, source: Path, template: Path, folder: Path) -> tuple[float, float]:
    db = folder / f"chat-{mode}.db"
    for leftover in folder.glob(f"chat-{mode}.db*"):
        leftover.unlink()
    out = subprocess.run([sys.executable, str(HERE / "chat_probe.py"), mode, str(source),
                          str(template), str(db)], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), float(out[1])


def scenario_chat(args, folder: Path) -> None:
    """Import a Telegram export of N messages into a database holding its 5,000 senders."""
    senders = 5000
    source = _telegram_export(folder / "result.json", args.chat_messages, senders)
    template = _chat_template(folder / "chat-template.db", senders)
    runs = max(1, args.runs // 3)
    raw = [_chat_probe("raw", source, template, folder) for _ in range(runs)]
    quiet = [_chat_probe("quiet", source, template, folder) for _ in range(runs)]
    console = [_chat_probe("console", source, template, folder) for _ in range(runs)]
    report(f"import chat {args.chat_messages:,} msgs", [c[0] for c in console],
           [r[0] for r in raw])
    report("  the same, --no-flag", [q[0] for q in quiet], [r[0] for r in raw])
    print(f"{'':<28} file {source.stat().st_size / 2**20:.0f} MB; peak memory console "
          f"{max(c[1] for c in console):.0f} MB, --no-flag {max(q[1] for q in quiet):.0f} MB, "
          f"raw {max(r[1] for r in raw):.0f} MB")


def _activity_database(path: Path, members: int, days: int = 90) -> Path:
    """`members` members who joined over the 400 days before the last, and `days` days of
    chat activity: each member writes on a day with a chance of 1 in 3 for the most active
    fifth, 1 in 30 for the rest (about 10 % a day; before they joined too, as if the chat
    export knew them earlier)."""
    import random
    from datetime import date

    from import_probe import flush

    from modconsole.domain.ids import uuid7
    from modconsole.services.startup import open_console_database

    if path.exists():
        return path
    open_console_database(path)[0].close()
    conn = sqlite3.connect(path, isolation_level=None)
    rng, last = random.Random(5), 20_400  # days since 1970: November 2025

    def joined(i: int) -> str:  # over the 400 days to the last one, 04:00 UTC
        return date.fromordinal(719_163 + last - i % 400).isoformat() + " 04:00:00.000000"
    conn.execute("BEGIN")
    for start in range(0, members, 50_000):
        flush(conn, [(uuid7(), f"wx{i:08d}", f"成员{i}", "", "", joined(i), joined(i))
                     for i in range(start, min(members, start + 50_000))], [])
    rows = []
    for member in range(1, members + 1):
        odds = 3 if member % 5 == 0 else 30
        for day in range(last - days + 1, last + 1):
            if rng.randrange(odds) == 0:
                rows.append((member, day, rng.randint(1, 40), 0, 0, 0))
        if len(rows) > 200_000:
            conn.executemany("INSERT INTO member_days VALUES (?, ?, ?, ?, ?, ?)", rows)
            rows.clear()
    conn.executemany("INSERT INTO member_days VALUES (?, ?, ?, ?, ?, ?)", rows)
    conn.execute("COMMIT")
    conn.close()
    return path


def scenario_activity(args, folder: Path) -> None:
    """The member panel's activity (90 days of bars and the totals) for random members of a
    database of N members with 90 days of chat activity, against the same two reads in raw
    SQL; and the roster's first page, which reads no activity at all."""
    import random
    from datetime import date

    from sqlalchemy import select

    from modconsole.domain.member_filter import MemberFilter
    from modconsole.services.chat.activity import member_activity
    from modconsole.services.roster import list_members
    from modconsole.services.startup import open_console_database
    from modconsole.store import models as m

    db = _activity_database(folder / "activity.db", args.activity_members)
    store, _ = open_console_database(db)
    raw = sqlite3.connect(db)
    day_rows = raw.execute("SELECT count(*) FROM member_days").fetchone()[0]
    rng = random.Random(9)
    with store.read() as session:
        ids = session.scalars(select(m.Member.id).order_by(m.Member.platform_id)).all()
    picks = [rng.choice(ids) for _ in range(args.runs * 20)]
    today = date(2025, 11, 9)  # day 20,400

    def console():
        with store.read() as session:
            for member_id in picks:
                member_activity(session, member_id, today)

    def baseline():
        for member_id in picks:
            rowid = raw.execute("SELECT rowid FROM members WHERE id = ?",
                                (member_id,)).fetchone()[0]
            raw.execute("SELECT day, messages FROM member_days WHERE member = ? AND day "
                        "BETWEEN ? AND ?", (rowid, 20_400 - 89, 20_400)).fetchall()
            raw.execute("SELECT sum(messages), sum(links), sum(media), sum(mentions), count(*), "
                        "min(day) FROM member_days WHERE member = ?", (rowid,)).fetchone()

    per = len(picks)
    report(f"panel activity ×{per}", [t / per for t in _timed(console, 3)],
           [t / per for t in _timed(baseline, 3)])
    print(f"{'':<28} {args.activity_members:,} members, {day_rows:,} member-days")

    def roster_page():
        with store.read() as session:
            list_members(session, MemberFilter(), limit=100)

    def raw_page():
        raw.execute(f"SELECT {ROSTER_COLUMNS} FROM members WHERE deleted_at IS NULL "
                    "ORDER BY name_key, rowid LIMIT 100").fetchall()
    report("roster first page", _timed(roster_page, args.runs), _timed(raw_page, args.runs))
    raw.close()
    store.close()


def scenario_rollup(args, folder: Path) -> None:
    """The daily rollups over the activity scenario's database (N members, 90 days of
    member-days): a 90-day backfill and one day's roll-up, against the hand-written SQL
    a person would run for the same community-wide numbers on raw sqlite3."""
    from datetime import date

    from modconsole.services.monitoring.rollups import roll_up
    from modconsole.services.startup import open_console_database

    db = _activity_database(folder / "activity.db", args.activity_members)
    store, _ = open_console_database(db)
    raw = sqlite3.connect(db)
    last = date(2025, 11, 9)  # day 20,400: the activity's last day

    def console(first):
        with store.transaction() as session:
            roll_up(session, first, last)

    def baseline(first_day):
        for k in (1, 3, 7, 14, 30):  # active windows and churn levels, counted at once
            raw.execute(
                "SELECT day, count(*) FROM (SELECT day, day - lag(day) OVER (PARTITION BY "
                "member ORDER BY day) AS gap FROM member_days WHERE day >= ?) "
                "WHERE gap IS NULL OR gap >= ? GROUP BY day", (first_day - 29, k)).fetchall()
        raw.execute("SELECT CAST(strftime('%s', coalesce(joined_at, created_at)) AS INTEGER) "
                    "FROM members WHERE deleted_at IS NULL").fetchall()
        low = first_day - 84 - (first_day - 84 + 3) % 7  # the Monday 12 weeks before
        raw.execute(  # retention: each join week's members active in each later week
            "SELECT c.week, (md.day - c.week) / 7, count(DISTINCT md.member) FROM (SELECT "
            "rowid AS member, d - (d + 3) % 7 AS week FROM (SELECT rowid, (CAST(strftime("
            "'%s', created_at) AS INTEGER) + 28800) / 86400 AS d FROM members) WHERE d >= ?) "
            "c JOIN member_days md ON md.member = c.member AND md.day >= c.week AND md.day < "
            "c.week + 91 AND md.day <= 20400 GROUP BY 1, 2", (low,)).fetchall()

    runs = max(1, args.runs // 3)
    report("rollup 90 days", _timed(lambda: console(date(2025, 8, 12)), runs),
           _timed(lambda: baseline(20_311), runs))
    report("rollup one day", _timed(lambda: console(last), runs),
           _timed(lambda: baseline(20_400), runs))
    report("rollup a year", _timed(lambda: console(date(2024, 11, 10)), 1),
           _timed(lambda: baseline(20_036), 1))
    raw.close()
    store.close()


def _drop_caches() -> bool:
    """Empty the OS file cache (root on Linux), so the next start reads from disk."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def _first_paint(command: list[str], home: Path, cold: bool) -> float:
    """Seconds from starting `command` to its main window's first paint (the console's
    MODCONSOLE_SMOKE_TEST line); the process is let finish loading its pages. `cold`: the
    file cache is emptied first, when this user may."""
    if cold:
        _drop_caches()
    env = {**os.environ, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "MODCONSOLE_SMOKE_TEST": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=env)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait()
    if line.strip() != "painted":
        raise RuntimeError(f"{command[0]} printed {line!r}, not 'painted'")
    return elapsed


def scenario_frozen(args, folder: Path) -> None:
    """The installers' app: packaging/build.py's one-folder build (or --frozen DIR), its
    build time and sizes, and its cold start to the first painted window on the demo
    database against the pip-installed `modconsole` command in the same run."""
    dist = args.frozen
    if dist is None:
        dist = folder / "dist"
        start = time.perf_counter()
        subprocess.run([sys.executable, str(HERE.parent / "packaging" / "build.py"), "--deb",
                        "--dist", str(dist)], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        print(f"{'build (folder, .tar.gz, .deb)':<28} {time.perf_counter() - start:8.1f} s")
    sizes = {"folder": sum(p.stat().st_size for p in (dist / "modconsole").rglob("*")
                           if p.is_file() and not p.is_symlink())}
    sizes |= {p.name: p.stat().st_size for p in dist.glob("modconsole*") if p.is_file()}
    for name, size in sizes.items():
        print(f"{name:<40} {size / 1_000_000:8.1f} MB")
    db = demo_database(folder)
    frozen = [str(dist / "modconsole" / "modconsole"), "--db", str(db)]
    pip = [str(Path(sys.executable).with_name("modconsole")), "--db", str(db)]
    cold = _drop_caches()
    for kind, flag in ((("cold" if cold else "warm; cannot empty the cache"), cold),
                       ("warm", False)):
        for command in (frozen, pip):
            _first_paint(command, folder, False)  # the demo database's pages once
        report(f"start ({kind}): frozen app",
               [_first_paint(frozen, folder, flag) for _ in range(args.runs)],
               [_first_paint(pip, folder, flag) for _ in range(args.runs)])


def scenario_trends(args, folder: Path) -> None:
    """The dashboard's trends over the rollup scenario's database rolled up for a year:
    reading a year of numbers (on the reader thread), the first tab's charts drawn and
    painted (first paint) and every tab drawn (a full refresh), against reading the same
    rollup rows in raw SQL."""
    from datetime import date

    from PySide6.QtWidgets import QApplication

    from modconsole.gui.dashboard.kpi_charts import KpiCharts
    from modconsole.services.monitoring.rollups import roll_up
    from modconsole.services.monitoring.trends import Numbers, load_mix, load_trends, scopes
    from modconsole.services.startup import open_console_database

    db = _activity_database(folder / "activity.db", args.activity_members)
    store, _ = open_console_database(db)
    last = date(2025, 11, 9)
    with store.transaction() as session:
        roll_up(session, date(2024, 11, 10), last)
    app = QApplication.instance() or QApplication(["bench", "-platform", "offscreen"])
    raw = sqlite3.connect(db)

    def read() -> Numbers:
        with store.read() as session:
            scopes(session)
            return Numbers(load_trends(session, last=last, days=365),
                           load_mix(session, last, 365), [])

    def raw_read():
        raw.execute("SELECT metric, day, value FROM rollups WHERE scope = 'all' AND day "
                    "BETWEEN 20036 AND 20400").fetchall()
        raw.execute("SELECT scope, metric, day, value FROM rollups WHERE scope LIKE 'layer:%' "
                    "AND day BETWEEN 20036 AND 20400").fetchall()

    numbers = read()

    def paint(every: bool) -> None:
        view = KpiCharts()
        view.resize(1200, 900)
        view.show_numbers(numbers)
        if every:
            view.draw_all()
        view.grab()
        app.processEvents()
        view.deleteLater()

    reading = _timed(read, args.runs)
    report("trends read (a year)", reading, _timed(raw_read, args.runs))
    first = _timed(lambda: paint(False), args.runs)
    report("trends first paint", [r + f for r, f in zip(reading, first, strict=True)],
           _timed(raw_read, args.runs))
    report("trends full refresh", [r + f for r, f in zip(
        reading, _timed(lambda: paint(True), args.runs), strict=True)],
        _timed(raw_read, args.runs))
    raw.close()
    store.close()


def _scroll(*probe_args: str) -> dict:
    """scroll_probe.py's output: seconds by kind ("frame", "rows", "step"), "jobs", "viewport"."""
    out = subprocess.run([sys.executable, str(HERE / "scroll_probe.py"), *probe_args],
                         capture_output=True, text=True, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout.split("\n")
    found: dict = {"frame": [], "rows": [], "step": [], "event": [], "gc": []}
    for kind, _, value in (line.partition(" ") for line in out if line.strip()):
        if kind in found:
            found[kind].append(float(value) / 1000)
        else:
            found[kind] = value
    return found


def scenario_scroll(args, folder: Path) -> None:
    """Scrolling the roster offscreen; the baseline paints fixed strings in a same-size table."""
    db = str(args.db if args.db and args.db.exists() else demo_database(folder))
    roster = _scroll("roster", db)
    bare = _scroll("bare", db, roster["viewport"])
    report("scroll: frame (one paint)", roster["frame"], bare["frame"])
    report("scroll: frame showing rows", roster["rows"], bare["rows"])
    report("scroll: step (its own work)", roster["step"], bare["step"])
    print(f"{'':<28} {len(roster['frame'])} frames in {len(roster['step'])} steps, "
          f"{len(roster['rows'])} showing rows (the rest '…' while rows load), viewport "
          f"{roster['viewport']}, {roster['jobs']} database jobs (row blocks)")
    for kind, label in (("event", "GUI-thread events"), ("gc", "GUI-thread collections")):
        print(f"{label:<28} " + pause_histogram(roster[kind]) + "   bare: " +
              pause_histogram(bare[kind]))


PAUSE_EDGES_MS = (5, 16, 50, 100)


def pause_histogram(seconds: list[float]) -> str:
    """How many took <5, 5-16, 16-50, 50-100 and >=100 ms, and the longest."""
    ms = [s * 1000 for s in seconds]
    edges = (0, *PAUSE_EDGES_MS, float("inf"))
    counts = [sum(low <= t < high for t in ms) for low, high in pairwise(edges)]
    names = ("<5", "5-16", "16-50", "50-100", ">=100")
    return (f"{len(ms)}: " + " ".join(f"{n}:{c}" for n, c in zip(names, counts, strict=True))
            + f" (max {max(ms, default=0):.0f} ms)")


class _RollBack(Exception):
    pass


def scenario_bulk_tag(args, _folder: Path) -> None:
    """Tag every member of one region (~100k of 1M) and roll back; baseline INSERT … SELECT."""
    from modconsole.domain.member_filter import MemberFilter
    from modconsole.services import roster, tags
    from modconsole.services.startup import open_console_database

    if not args.db or not args.db.exists():
        print("bulk_tag: skipped, pass --db with a database from bench/generate.py")
        return
    store, _ = open_console_database(args.db)
    with store.transaction() as session:
        region, target = roster.resolve_tags(session, ["地区/上海", "自定义/标签0"])
        size = roster.count_members(session, MemberFilter(all_tags=(region,)))
    raw = sqlite3.connect(args.db)

    def console():
        try:
            with store.transaction() as session:
                tags.apply_tags(session, tags.Targets(filter=MemberFilter(all_tags=(region,))),
                                add=[target])
                raise _RollBack
        except _RollBack:
            pass

    def bare():
        raw.execute("INSERT OR IGNORE INTO member_tags (tag, member, added_at) "
                    "SELECT (SELECT rowid FROM tags WHERE id = ?), member, datetime('now') "
                    "FROM member_tags WHERE tag = (SELECT rowid FROM tags WHERE id = ?)",
                    (target, region))
        raw.rollback()

    runs = max(3, args.runs // 3)
    report(f"bulk-tag {size:,} members", _timed(console, runs), _timed(bare, runs))
    raw.close()
    store.close()


CASES = 1_000_000


def _fill_cases(db: Path) -> None:
    """Give the bench database 1M cases (3% open) once; later runs reuse them."""
    import random

    from modconsole.domain.ids import uuid7
    from modconsole.domain.priority import queue_key
    from modconsole.store.models.base import stored_time

    raw = sqlite3.connect(db)
    have = raw.execute("SELECT count(*) FROM cases").fetchone()[0]
    if have >= CASES:
        raw.close()
        return
    print(f"  (adding {CASES - have:,} cases to the bench database, once)")
    rng = random.Random(5)
    members = [r[0] for r in raw.execute("SELECT id FROM members LIMIT 200000")]
    rules = raw.execute("SELECT id, severity FROM rules WHERE parent_id IS NOT NULL").fetchall()
    now = datetime.now(UTC)
    rows = []
    for i in range(CASES - have):
        at = now - timedelta(minutes=rng.randint(1, 60 * 24 * 365))
        rule, severity = rng.choice(rules)
        count = rng.choice((1, 1, 1, 2, 3))
        open_ = rng.random() < 0.03
        stamp = stored_time(at)
        rows.append((uuid7(), stamp, stamp, 1, "report", rng.choice(members), rule,
                     "open" if open_ else "decided", "member", f"evidence {i}", f"h{i}", count,
                     queue_key(at, severity, count), stamp, None if open_ else "warn"))
        if len(rows) == 50_000:
            raw.executemany(
                "INSERT INTO cases (id, created_at, updated_at, version, kind, member_id, rule_id,"
                " status, source, evidence_text, evidence_hash, report_count, priority,"
                " first_reported_at, decision, deviated_from_ladder)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)", rows)
            rows.clear()
    raw.commit()
    raw.close()


def scenario_queue(args, _folder: Path) -> None:
    """First and a deep page of the queue over 1M cases, and committed decisions."""
    from modconsole.domain.ladder import Step
    from modconsole.services import cases, decisions
    from modconsole.services.startup import open_console_database

    if not args.db or not args.db.exists():
        print("queue: skipped, pass --db with a database from bench/generate.py")
        return
    store, _ = open_console_database(args.db)
    _fill_cases(args.db)
    raw = sqlite3.connect(args.db)
    with store.transaction() as session:
        deep = cases.queue_page(session, limit=5000)[-1].key
    columns = ("SELECT c.id, c.kind, c.version, c.member_id, m.name, m.platform_id, r.code,"
               " r.title_zh, r.title_en, r.severity, r.aggravated, c.status, c.report_count,"
               " c.source, c.first_reported_at, c.claimed_by, s.name, c.claimed_until,"
               " c.decision, d.name, c.evidence_text, g.name, c.priority, c.appeal_of_id"
               " FROM cases c JOIN members m ON m.id = c.member_id"
               " LEFT JOIN rules r ON r.id = c.rule_id LEFT JOIN groups g ON g.id = c.group_id"
               " LEFT JOIN staff s ON s.id = c.claimed_by LEFT JOIN staff d ON d.id = c.decided_by"
               " WHERE c.status = 'open' AND c.deleted_at IS NULL")

    def page(after):
        def console():
            with store.transaction() as session:
                cases.queue_page(session, after=after, limit=100)
        return console

    def raw_page(after):
        def bare():
            if after is None:
                raw.execute(columns + " ORDER BY c.priority, c.id LIMIT 100").fetchall()
            else:
                raw.execute(columns + " AND (c.priority, c.id) > (?, ?) ORDER BY c.priority, c.id"
                            " LIMIT 100", after).fetchall()
        return bare

    report("queue first page (1M cases)", _timed(page(None), args.runs * 3),
           _timed(raw_page(None), args.runs * 3))
    report("queue page 51", _timed(page(deep), args.runs * 3),
           _timed(raw_page(deep), args.runs * 3))

    with store.transaction() as session:
        targets = [r.id for r in cases.queue_page(session, limit=400)]
    decide_ids, raw_ids = targets[:200], targets[200:]
    samples = []
    for case_id in decide_ids:
        start = time.perf_counter()
        with store.transaction() as session:
            decisions.decide(session, case_id, Step("warn"), "bench",
                             deviation_reason="bench run")
        samples.append(time.perf_counter() - start)
    raw.execute("PRAGMA synchronous=FULL")
    baseline = []
    for case_id in raw_ids:
        start = time.perf_counter()
        member = raw.execute("SELECT member_id FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
        raw.execute("UPDATE cases SET status='decided', decision='warn', version=version+1"
                    " WHERE id = ?", (case_id,))
        raw.execute("INSERT INTO sanctions (id, created_at, updated_at, version, case_id,"
                    " member_id, kind, starts_at, ends_at, counts_to_ladder, overturned)"
                    " VALUES (?, datetime(), datetime(), 1, ?, ?, 'warn', datetime(), datetime(),"
                    " 1, 0)", (case_id + "s", case_id, member))
        raw.execute("INSERT INTO audit_log (id, created_at, updated_at, version, at, action,"
                    " entity, entity_id) VALUES (?, datetime(), datetime(), 1, datetime(),"
                    " 'case.decide', 'cases', ?)", (case_id + "a", case_id))
        for n in range(4):
            raw.execute("INSERT INTO outbox (change_id, entity, row_id, op, payload_json,"
                        " created_at) VALUES (?, 'cases', ?, 'update', '{}', datetime())",
                        (f"{case_id}-{n}", case_id))
        raw.commit()
        baseline.append(time.perf_counter() - start)
    def p99(values):
        return sorted(values)[int(0.99 * (len(values) - 1))] * 1000

    print(f"{'decision committed (FULL)':<28} median {statistics.median(samples) * 1000:8.1f} ms"
          f"   p99 {p99(samples):8.1f} ms   baseline median "
          f"{statistics.median(baseline) * 1000:8.1f} ms, p99 {p99(baseline):8.1f} ms   ratio "
          f"{statistics.median(samples) / statistics.median(baseline):5.2f}")
    raw.close()
    store.close()


# The matrix's filter shapes: tags by "group/name" (bench/generate.py's), plus region and
# the last-active lower bound in days before the generator's "now".
SHAPES = {
    "none": {},
    "1 tag 5%": {"tags": ["兴趣/兴趣3"]},
    "3 tags rare": {"tags": ["身份/老会员", "兴趣/兴趣3", "身份/KOL"]},
    "3 tags broad": {"tags": ["身份/老会员", "生命周期/活跃", "地区/北京"]},
    "NOT tag": {"none": ["身份/老会员"]},
    "region+date+tag": {"tags": ["兴趣/兴趣3"], "region": "上海", "active_days": 60},
}
GENERATED_AT = datetime(2026, 11, 1, tzinfo=UTC)


class _RawMatrix:
    """Hand-written SQL for a filter shape: every plan a person might write, so the
    baseline can be the fastest of them on this database (found by a short trial)."""

    def __init__(self, raw: sqlite3.Connection, shape: dict):
        ids = lambda names: [raw.execute(  # noqa: E731
            "SELECT t.rowid FROM tags t JOIN tag_groups g ON g.id = t.group_id "
            "WHERE g.name = ? AND t.name = ?", n.split("/")).fetchone()[0] for n in names]
        sizes = {t: raw.execute("SELECT count(*) FROM member_tags WHERE tag = ?",
                                (t,)).fetchone()[0] for t in ids(shape.get("tags", []))}
        self.tags = sorted(sizes, key=sizes.get)  # rarest first: a person would know
        self.none = ids(shape.get("none", []))
        self.where, self.params = ["m.deleted_at IS NULL"], []
        for tag in self.none:
            self.where.append("NOT EXISTS (SELECT 1 FROM member_tags x WHERE x.member = m.rowid "
                              "AND x.tag = ?)")
            self.params.append(tag)
        if "region" in shape:
            self.where.append("m.region = ?")
            self.params.append(shape["region"])
        if "active_days" in shape:
            self.where.append("m.last_active_at >= ?")
            self.params.append(stored_since(shape["active_days"]))
        self.region = "region" in shape

    def _probes(self, tags, member="m.rowid"):
        return ([f"EXISTS (SELECT 1 FROM member_tags p WHERE p.member = {member} AND p.tag = ?)"
                 for _ in tags], list(tags))

    def plans(self, column: str, descending: bool, limit: int) -> dict[str, tuple[str, list]]:
        order = " DESC" if descending else ""
        tail = f" ORDER BY m.{column}{order}, m.rowid{order} LIMIT {limit}"
        probes, probe_params = self._probes(self.tags)
        plans = {"index walk": (
            f"SELECT m.rowid FROM members m WHERE {' AND '.join(self.where + probes)}{tail}",
            self.params + probe_params)}
        if self.tags:
            rest, rest_params = self._probes(self.tags[1:], "w.member")
            held = " AND ".join(["w.tag = ?", *rest])
            plans["rarest tag read whole"] = (
                f"SELECT m.rowid FROM members m WHERE {' AND '.join(self.where)} AND m.rowid IN "
                f"(SELECT w.member FROM member_tags w WHERE {held}){tail}",
                [*self.params, self.tags[0], *rest_params])
            if column == "name_key":
                rest = [f"EXISTS (SELECT 1 FROM member_tags_by_name p{i} WHERE p{i}.tag = ? AND "
                        f"p{i}.name_key = w.name_key AND p{i}.member = w.member)"
                        for i in range(len(self.tags) - 1)]
                plans["tag walk by name"] = (
                    f"SELECT w.member FROM member_tags_by_name w JOIN members m ON m.rowid = "
                    f"w.member WHERE {' AND '.join(['w.tag = ?', *rest, *self.where])} ORDER BY "
                    f"w.name_key{order}, w.member{order} LIMIT {limit}",
                    [self.tags[0], *self.tags[1:], *self.params])
        if self.region:
            plans["region index"] = (
                f"SELECT m.rowid FROM members m INDEXED BY ix_members_live_region WHERE "
                f"{' AND '.join(self.where + probes)}{tail}", self.params + probe_params)
        return plans

    def counts(self) -> dict[str, tuple[str, list]]:
        probes, probe_params = self._probes(self.tags)
        everything = " AND ".join(self.where + probes)
        plans = {"walk": (f"SELECT count(*) FROM members m WHERE {everything}",
                          self.params + probe_params)}
        if self.tags:
            rest, rest_params = self._probes(self.tags[1:], "w.member")
            plans["rarest tag"] = (
                f"SELECT count(*) FROM members m WHERE {' AND '.join(self.where)} AND m.rowid IN "
                f"(SELECT w.member FROM member_tags w WHERE {' AND '.join(['w.tag = ?', *rest])})",
                [*self.params, self.tags[0], *rest_params])
        if not self.tags and not self.region and not self.none:
            plans["live index"] = ("SELECT count(*) FROM members INDEXED BY "
                                   "ix_members_live_region WHERE deleted_at IS NULL", [])
        if self.none and len(self.where) == 1 + len(self.none):  # NOT alone: all minus holders
            marks = ",".join("?" * len(self.none))
            plans["subtraction"] = (
                "SELECT (SELECT count(*) FROM members INDEXED BY ix_members_live_region WHERE "
                "deleted_at IS NULL) - (SELECT count(*) FROM members m WHERE m.deleted_at IS "
                f"NULL AND m.rowid IN (SELECT member FROM member_tags WHERE tag IN ({marks})))",
                list(self.none))
        return plans


def stored_since(days: int) -> str:
    return (GENERATED_AT - timedelta(days=days)).strftime("%Y-%m-%d %H:%M:%S.000000")


def _fastest(raw: sqlite3.Connection, plans: dict[str, tuple[str, list]], then=None):
    """The plan with the lowest median of 3 trial runs, as a callable."""
    def runner(sql, params):
        def run():
            rows = raw.execute(sql, params).fetchall()
            return then([r[0] for r in rows]) if then else rows
        return run
    trials = {name: statistics.median(_timed(runner(*plan), 3)) for name, plan in plans.items()}
    best = min(trials, key=trials.get)
    return best, runner(*plans[best])


def scenario_matrix(args, _folder: Path) -> None:
    """First page (100 rows) for every sort column × direction × filter shape, and each
    shape's exact count, against the fastest hand-written plan in the same run."""
    from modconsole.domain.member_filter import SORTABLE, MemberFilter
    from modconsole.services import roster
    from modconsole.services.startup import open_console_database
    from modconsole.store.engine import PRAGMAS

    if not args.db or not args.db.exists():
        print("matrix: skipped, pass --db with a database from bench/generate.py")
        return
    store, _ = open_console_database(args.db)
    raw = sqlite3.connect(args.db)
    raw.execute(next(p for p in PRAGMAS if "cache_size" in p))  # the console's page cache
    filters, baselines = {}, {}
    with store.transaction() as session:
        for name, shape in SHAPES.items():
            filters[name] = MemberFilter(
                all_tags=roster.resolve_tags(session, shape.get("tags", [])),
                none_tags=roster.resolve_tags(session, shape.get("none", [])),
                region=shape.get("region"),
                active_from=GENERATED_AT - timedelta(days=shape["active_days"])
                if "active_days" in shape else None)
            baselines[name] = _RawMatrix(raw, shape)

    def console(f, sort, descending):
        def run():
            with store.transaction() as session:
                roster.list_members(session, f, sort=sort, descending=descending, limit=100)
        return run

    print(f"{'first page p95 ms (ratio)':<26}" + "".join(f"{n:>18}" for n in SHAPES))
    worst = []
    for sort in SORTABLE:
        column = "name_key" if sort == "name" else sort
        for descending in (False, True):
            cells = []
            for name in SHAPES:
                plan, bare = _fastest(raw, baselines[name].plans(column, descending, 100),
                                      then=lambda ids: raw_rows(raw, ids) if ids else [])
                samples = _timed(console(filters[name], sort, descending), args.runs)
                base = _timed(bare, args.runs)
                ratio = statistics.median(samples) / statistics.median(base)
                cells.append(f"{p95(samples) * 1000:9.1f} ({ratio:4.1f})")
                worst.append((ratio, p95(samples), sort, descending, name, plan))
            print(f"{sort + (' desc' if descending else ''):<26}" +
                  "".join(f"{c:>18}" for c in cells), flush=True)
    cells = []
    for name in SHAPES:
        _plan, bare = _fastest(raw, baselines[name].counts())

        def count(f=filters[name]):
            with store.transaction() as session:
                roster.count_members(session, f)
        samples = _timed(count, args.runs)
        ratio = statistics.median(samples) / statistics.median(_timed(bare, args.runs))
        cells.append(f"{p95(samples) * 1000:9.1f} ({ratio:4.1f})")
    print(f"{'exact count':<26}" + "".join(f"{c:>18}" for c in cells))
    worst.sort(reverse=True)
    for ratio, slow, sort, descending, name, plan in worst[:3]:
        print(f"  worst ratio {ratio:4.1f}: {sort}{' desc' if descending else ''} × {name} "
              f"(p95 {slow * 1000:.1f} ms; baseline plan: {plan})")
    raw.close()
    store.close()


def scenario_sync(args, folder: Path) -> None:
    """Push N changes to a team server and pull them into a fresh console (sync_bench.py)."""
    from sync_bench import scenario_sync as run  # bench/ is first on sys.path

    run(args, folder, _members_csv(folder / "sync-members.csv", args.sync_rows))


def scenario_sync_bootstrap(args, folder: Path) -> None:
    """A fresh console takes a big team by snapshot (sync_bench.py)."""
    from sync_bench import scenario_sync_bootstrap as run

    run(args, folder, _members_csv(folder / "team-members.csv", args.bootstrap_members))


def scenario_sync_pair(args, folder: Path) -> None:
    """Two consoles alone on a team server: a decision's way across (sync_bench.py)."""
    from sync_bench import scenario_sync_pair as run

    run(args, folder)


def scenario_sync_load(args, folder: Path) -> None:
    """Twenty consoles against two server workers (sync_bench.py)."""
    from sync_bench import scenario_sync_load as run

    run(args, folder)


def scenario_sync_soak(args, _folder: Path) -> None:
    """The convergence, fault and kill tests at soak size (tests/server/soak.py); how far
    they got goes to a progress file as they run (kept after), and a failure's report is
    printed."""
    progress = Path(tempfile.gettempdir()) / "modconsole-soak-progress.txt"
    progress.write_text("", encoding="utf-8")
    env = {**os.environ, "MODCONSOLE_SOAK_CONSOLES": str(args.soak_consoles),
           "MODCONSOLE_SOAK_OPS": str(args.soak_ops),
           "MODCONSOLE_SOAK_ROUNDS": str(args.soak_rounds),
           "MODCONSOLE_SOAK_KILLS": str(args.soak_kills), "MODCONSOLE_REQUIRE_PG": "1",
           "MODCONSOLE_SOAK_PROGRESS": str(progress)}
    print(f"sync soak: progress in {progress}", flush=True)
    root = Path(__file__).resolve().parent.parent
    for test in ("test_convergence.py", "test_faults.py", "test_kill.py"):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                               f"tests/server/{test}"], cwd=root, env=env,
                              capture_output=True, text=True)
        last = (done.stdout.strip().splitlines() or ["(no output)"])[-1]
        print(f"sync soak {test}: {'passed' if done.returncode == 0 else 'FAILED'} in "
              f"{time.perf_counter() - start:7.1f} s   ({last})", flush=True)
        if done.returncode != 0:
            print("\n".join(done.stdout.splitlines()[-60:]), flush=True)


SCENARIOS = {"startup": scenario_startup, "dashboard": scenario_dashboard,
             "open": scenario_open, "roster": scenario_roster,
             "classify": scenario_classify, "import": scenario_import, "chat": scenario_chat,
             "activity": scenario_activity, "rollup": scenario_rollup,
             "trends": scenario_trends, "frozen": scenario_frozen,
             "bulk_tag": scenario_bulk_tag, "scroll": scenario_scroll, "queue": scenario_queue,
             "matrix": scenario_matrix, "sync": scenario_sync,
             "sync_bootstrap": scenario_sync_bootstrap,
             "sync_pair": scenario_sync_pair, "sync_load": scenario_sync_load,
             "sync_soak": scenario_sync_soak}


ON_REQUEST = {"sync_soak"}  # hours at full size: run when named


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenarios", nargs="*", metavar="scenario",
                        help=f"any of {', '.join(SCENARIOS)} "
                             f"(default: all but {', '.join(ON_REQUEST)})")
    parser.add_argument("--db", type=Path, help="a database made by bench/generate.py")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--frozen", type=Path, metavar="DIR",
                        help="the frozen scenario: a dist folder packaging/build.py made")
    parser.add_argument("--sync-rows", type=int, default=100_000, metavar="N",
                        help="changes pushed and pulled in the sync scenario")
    parser.add_argument("--sync-runs", type=int, default=3, metavar="N",
                        help="runs of the sync scenario, each on a fresh server (medians)")
    parser.add_argument("--bootstrap-members", type=int, default=1_000_000, metavar="N",
                        help="the team's size in the sync_bootstrap scenario")
    parser.add_argument("--soak-consoles", type=int, default=20, metavar="N")
    parser.add_argument("--soak-ops", type=int, default=10_000, metavar="N",
                        help="operations per console in the convergence soak")
    parser.add_argument("--soak-rounds", type=int, default=360, metavar="N",
                        help="rounds of the fault soak (360 bring about 1,000 deaths)")
    parser.add_argument("--soak-kills", type=int, default=50, metavar="N",
                        help="SIGKILLs of sync processes per phase, and of the server")
    parser.add_argument("--import-rows", type=int, default=100_000, metavar="N",
                        help="members in the import scenario (the target is stated for 1M)")
    parser.add_argument("--chat-messages", type=int, default=1_000_000, metavar="N",
                        help="messages in the chat scenario's Telegram export")
    parser.add_argument("--activity-members", type=int, default=1_000_000, metavar="N",
                        help="members in the activity scenario's database (90 days each)")
    args = parser.parse_args()
    unknown = set(args.scenarios) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenario {', '.join(sorted(unknown))}")
    os.environ.setdefault("MODCONSOLE_CONFIG_DIR", tempfile.mkdtemp(prefix="modconsole-bench-"))
    from modconsole.collector import collect_less

    collect_less()  # as the console's own entry point does (cli.main)
    print(f"python {sys.version.split()[0]}, sqlite {sqlite3.sqlite_version}, "
          f"{os.cpu_count()} cpus, {args.runs} runs each")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.scenarios or [n for n in SCENARIOS if n not in ON_REQUEST]:
            SCENARIOS[name](args, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
