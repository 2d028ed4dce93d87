"""Generate a seeded benchmark database: N members with ~7 tags each, groups and staff.

    python bench/generate.py OUT.db [--members 1000000] [--seed 1]

The schema comes from the app's own migrations; rows go in through raw
sqlite3 executemany in one transaction (the fastest honest way to fill it).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from modconsole.domain.ids import uuid7
from modconsole.domain.name_order import sort_key
from modconsole.services import classification
from modconsole.services.startup import open_console_database

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢"
            "宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈")
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚"
         "桂英华建国志强文博思远晓雯浩然一鸣小满佳怡子涵")
REGIONS = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安", "南京", "重庆"]
TAG_GROUPS = {"地区": (True, REGIONS), "兴趣": (False, [f"兴趣{i}" for i in range(40)]),
              "消费档位": (True, ["未付费", "299档", "800档", "3000档"]),
              "来源": (True, ["公众号", "线下活动", "老带新", "短视频", "朋友圈"]),
              "生命周期": (True, ["新人", "活跃", "沉默", "流失预警"]),
              "自定义": (False, [f"标签{i}" for i in range(60)]),
              "身份": (False, ["KOL", "志愿者", "老会员"])}
# How many members hold each 身份 tag: a rare, an uncommon and a broad one, so
# filters span selectivities from 0.2% to 50% (the other groups sit at 2-25%).
IDENTITY_SHARE = {"KOL": 0.002, "志愿者": 0.02, "老会员": 0.5}
BATCH = 50_000
# Activity and spend, spread so that ranking by them sorts hundreds of distinct
# values (as a real community's do), not a handful. Derived from the rowid, so
# the same for every seed and fillable into an existing database.
ACTIVITY_SQL = """
UPDATE members SET
    posts_count = rowid * 2654435761 % 1000003 % 64 * (rowid % 8) / 7,
    comments_count = (rowid * 40503 + 7) % 1000033 % 90 * (rowid % 5) / 4,
    likes_count = (rowid * 69069 + 1) % 999983 % 400,
    quality_posts_count = CASE WHEN rowid * 7919 % 23 = 0 THEN rowid % 9 ELSE 0 END,
    active_streak_days = rowid * 104729 % 99991 % 45,
    conversions_count = CASE WHEN rowid * 31337 % 97 = 0 THEN rowid % 6 ELSE 0 END,
    paid_total_cents = CASE WHEN paid_total_cents > 0
        THEN paid_total_cents + rowid * 48271 % 2147483647 % 200 * 100 ELSE 0 END
"""


def generate(path: Path, members: int, seed: int) -> None:
    rng = random.Random(seed)
    store, _ = open_console_database(path)
    store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN")
    now = datetime(2026, 11, 1, tzinfo=UTC)
    stamp = now.strftime("%Y-%m-%d %H:%M:%S.000000")
    base = (stamp, stamp, 1)
    tags: dict[str, list[int]] = {}  # tag rowids by group: what member_tags holds
    for pos, (name, (exclusive, names)) in enumerate(TAG_GROUPS.items()):
        gid = uuid7(0, rng.randbytes(10))
        conn.execute("INSERT INTO tag_groups (id, name, color, exclusive, position, created_at, "
                     "updated_at, version) VALUES (?, ?, '#607d8b', ?, ?, ?, ?, ?)",
                     (gid, name, exclusive, pos, *base))
        tags[name] = []
        for tag in names:
            tid = uuid7(0, rng.randbytes(10))
            tags[name].append(conn.execute(
                "INSERT INTO tags (id, group_id, name, created_at, updated_at, version) "
                "VALUES (?, ?, ?, ?, ?, ?)", (tid, gid, tag, *base)).lastrowid)
    t0 = time.perf_counter()
    start_ms = int((now - timedelta(days=900)).timestamp() * 1000)
    for first in range(0, members, BATCH):
        rows, links = [], []
        rowid = conn.execute("SELECT coalesce(max(rowid), 0) FROM members").fetchone()[0]
        for i in range(first, min(members, first + BATCH)):
            rowid += 1  # the rowid SQLite gives the row below: one past the largest
            mid = uuid7(start_ms + i * 60, rng.randbytes(10))
            name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2)))
            region = rng.choice(REGIONS)
            last = (now - timedelta(minutes=rng.randint(0, 200 * 1440))).strftime(
                "%Y-%m-%d %H:%M:%S.000000")
            # ~3% never had a join date recorded: NULLs sort first and must page correctly
            joined = None if rng.random() < 0.03 else (
                datetime.fromtimestamp((start_ms + i * 60) / 1000, UTC) - timedelta(
                    days=rng.randint(0, 400))).strftime("%Y-%m-%d %H:%M:%S.000000")
            rows.append((mid, f"wxid_{i:09d}", name, sort_key(name), f"{name}-{region}", region,
                         last, joined,
                         rng.randint(0, 500), rng.choice([0, 0, 0, 29900, 80000, 300000]), *base))
            chosen = {rng.choice(tags["地区"]), rng.choice(tags["消费档位"]),
                      rng.choice(tags["来源"]), rng.choice(tags["生命周期"])}
            chosen.update(rng.sample(tags["兴趣"], rng.randint(1, 3)))
            chosen.update(rng.sample(tags["自定义"], rng.randint(0, 2)))
            chosen.update(tag for tag, share in zip(tags["身份"], IDENTITY_SHARE.values(),
                                                    strict=True) if rng.random() < share)
            links += [(tag, rowid, stamp) for tag in chosen]
        conn.executemany(
            "INSERT INTO members (id, platform_id, name, name_key, nickname, region, "
            "last_active_at, joined_at, points, "
            "paid_total_cents, created_at, updated_at, version, phone_verified, email_verified, "
            "gender, age_band, join_channel, posts_count, comments_count, likes_count, "
            "quality_posts_count, active_streak_days, conversions_count, level, status, "
            "is_staff, churn_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, '', '', "
            "'', 0, 0, 0, 0, 0, 0, 1, 'active', 0, 0)", rows)
        conn.executemany("INSERT INTO member_tags (tag, member, added_at) VALUES (?, ?, ?)", links)
        done = min(members, first + BATCH)
        print(f"\r{done:,} members, {time.perf_counter() - t0:.0f} s", end="", flush=True)
    conn.execute(ACTIVITY_SQL)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    print(f"\nclassifying (layer, class, stage), {time.perf_counter() - t0:.0f} s")
    store, _ = open_console_database(path)
    with store.transaction() as session:
        classification.recompute(session, now)
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.out.exists():
        parser.error(f"{args.out} exists; remove it first")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    generate(args.out, args.members, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
