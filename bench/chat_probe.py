"""Import a Telegram result.json into a copy of a database; print seconds and peak memory (MB).

    python bench/chat_probe.py console|quiet|raw result.json TEMPLATE.db OUT.db

`console` is `import chat` (streamed, deduplicated, matched, the rules'
detectors scanning every message, one transaction); `quiet` is the same
with `--no-flag`.
`raw` is the baseline: the same file through ijson's C parser, each message
counted per sender and Shanghai day in a dict, and the same daily rows put
into member_days with one executemany — no identity, matching or checks.
Modules are imported before the clock starts, for both.
"""

from __future__ import annotations

import resource
import shutil
import sqlite3
import sys
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import ijson

from modconsole.domain.recurrence import zone
from modconsole.services.chat.formats import open_chat
from modconsole.services.chat.ingest import ChatOptions, import_chat
from modconsole.services.startup import open_console_database


def console(source: Path, db: Path, flag: bool = True) -> None:
    store, _ = open_console_database(db)
    with store.transaction() as session:
        report = import_chat(session, open_chat(source, zone("Asia/Shanghai")),
                             ChatOptions(flag=flag))
    assert report.counted and not report.unmatched_messages, report
    store.close()


def raw(source: Path, db: Path) -> None:
    shanghai = ZoneInfo("Asia/Shanghai")
    conn = sqlite3.connect(db, isolation_level=None)
    rowid = dict(conn.execute("SELECT platform_id, rowid FROM members"))
    counts: dict[tuple[int, int], int] = defaultdict(int)
    epoch = datetime(1970, 1, 1).toordinal()
    with source.open("rb") as handle:
        for message in ijson.items(handle, "messages.item", use_float=True):
            if message.get("type") != "message":
                continue
            at = int(message["date_unixtime"])
            day = datetime.fromtimestamp(at, shanghai).toordinal() - epoch
            counts[rowid[message["from_id"][4:]], day] += 1
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO member_days (member, day, messages, links, media, mentions) "
                     "VALUES (?, ?, ?, 0, 0, 0)", [(*k, n) for k, n in counts.items()])
    conn.execute("COMMIT")
    conn.close()


if __name__ == "__main__":
    mode, source, template, db = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), \
        Path(sys.argv[4])
    shutil.copy(template, db)
    start = time.perf_counter()
    {"console": console, "quiet": lambda s, d: console(s, d, flag=False), "raw": raw}[mode](
        source, db)
    elapsed = time.perf_counter() - start
    print(f"{elapsed:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
