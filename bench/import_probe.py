"""Import a members CSV into a fresh database and print seconds and peak memory (MB).

    python bench/import_probe.py console|raw FILE.csv OUT.db

`raw` is the baseline: the same rows through sqlite3 executemany into the
same schema (migrated, with its triggers), tags made as they first appear,
with time-ordered ids as the console makes them (random ones would cost the
baseline, not the console, scattered writes into the id index).
"""

from __future__ import annotations

import csv
import os
import resource
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))


def console(source: Path, db: Path) -> None:
    from modconsole.services.member_import import ImportOptions, import_members, prepare
    from modconsole.services.startup import open_console_database

    store, _ = open_console_database(db)
    table, mapping = prepare(source)
    with store.transaction() as session:
        report = import_members(session, table, ImportOptions(mapping))
    assert report.created and not report.errors, report.error_lines()
    store.close()


def raw(source: Path, db: Path) -> None:
    from modconsole.domain.ids import uuid7
    from modconsole.services.startup import open_console_database

    open_console_database(db)[0].close()  # the same schema, migrated
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    now = "2026-11-23 00:00:00.000000"
    tag_rowids: dict[str, int] = {}
    rowid = conn.execute("SELECT coalesce(max(rowid), 0) FROM members").fetchone()[0]
    with source.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        members, links = [], []
        for platform_id, name, nickname, region, tags in reader:
            members.append((uuid7(), platform_id, name, nickname, region, now, now))
            rowid += 1  # the rowid SQLite gives the member: one past the largest
            for tag in tags.split(";"):
                if tag not in tag_rowids:
                    tag_rowids[tag] = conn.execute(
                        "INSERT INTO tags (id, name, created_at, updated_at, version) "
                        "VALUES (?, ?, ?, ?, 1)", (uuid7(), tag, now, now)).lastrowid
                links.append((tag_rowids[tag], rowid, now))
            if len(members) == 5000:
                flush(conn, members, links)
        flush(conn, members, links)
    conn.execute("COMMIT")
    conn.close()


def flush(conn, members, links) -> None:
    conn.executemany(
        "INSERT INTO members (id, platform_id, name, nickname, region, created_at, updated_at, "
        "version, phone_verified, email_verified, gender, age_band, join_channel, posts_count, "
        "comments_count, likes_count, quality_posts_count, active_streak_days, "
        "conversions_count, points, level, paid_total_cents, status, is_staff, churn_level) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0, 0, '', '', '', 0, 0, 0, 0, 0, 0, 0, 1, 0, 'active', "
        "0, 0)", members)
    conn.executemany("INSERT INTO member_tags (tag, member, added_at) VALUES (?, ?, ?)", links)
    members.clear()
    links.clear()


if __name__ == "__main__":
    mode, source, db = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    os.environ.setdefault("MODCONSOLE_CONFIG_DIR", str(db.parent / "config"))
    start = time.perf_counter()
    {"console": console, "raw": raw}[mode](source, db)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{elapsed:.3f} {peak_mb:.1f}")
