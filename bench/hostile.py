"""Hostile inputs and faults against a build of the console: exit code, seconds, what it said.

    python bench/hostile.py                      # this checkout
    python bench/hostile.py --src OLD/src        # another checkout (a git worktree), to compare

Each case runs `python -m modconsole` in a fresh folder with a time limit; a case
that hits the limit is reported as `timeout`. Root is needed for the full-disk
case (a small tmpfs is mounted); it is skipped otherwise.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

LIMIT_S = 60


class Case:
    def __init__(self, root: Path, python: str, src: str | None):
        self.root, self.python, self.src = root, python, src
        self.db = root / "console.db"

    def run(self, *args: str, limit: float = LIMIT_S, db: Path | None = None):
        env = {**os.environ, "MODCONSOLE_CONFIG_DIR": str(self.root / "cfg"),
               "MODCONSOLE_BACKUP_DIR": str(self.root / "data")}
        if self.src:
            env["PYTHONPATH"] = self.src
        start = time.perf_counter()
        try:
            done = subprocess.run([self.python, "-m", "modconsole", "--db", str(db or self.db),
                                   *args], capture_output=True, text=True, env=env,
                                  timeout=limit)
            code, err = str(done.returncode), done.stderr
        except subprocess.TimeoutExpired:
            code, err = "timeout", ""
        return code, time.perf_counter() - start, " ".join(err.split())[:90]


def _demo(case: Case, members: int = 300) -> None:
    case.run("demo", "--members", str(members))


def _ics(case: Case, *event: str) -> Path:
    path = case.root / "plan.ics"
    path.write_text("\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x", *event,
                                 "END:VCALENDAR"]), encoding="utf-8")
    return path


def _xlsx(case: Case, name: str, change, rows: int = 1) -> Path:
    from openpyxl import Workbook

    path = case.root / name
    book = Workbook()
    book.active.append(["平台ID", "姓名"])
    for n in range(rows):
        book.active.append([f"wx{n}", f"会员{n}"])
    book.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = change(parts["xl/worksheets/sheet1.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for n, data in parts.items():
            target.writestr(n, data)
    return path


def rule_then_list(rule: str):
    def case(c: Case):
        added = c.run("activities", "add", "--title", "x", "--start", "2026-11-23T20:00",
                      "--rrule", rule)
        if added[0] != "0":
            return added
        listed = c.run("activities", "list", "--week", "2026-11-25", limit=20)
        return listed[0], added[1] + listed[1], f"added, then list: {listed[2]}"
    return case


def year_one(c: Case):
    c.run("activities", "add", "--title", "x", "--start", "2026-11-23T20:00", "--rrule",
          "FREQ=DAILY")
    import sqlite3
    with sqlite3.connect(c.db) as conn:
        conn.execute("UPDATE activities SET start_at='0001-01-01 12:00:00.000000'")
    return c.run("activities", "list", "--week", "2026-11-25", limit=20)


def unknown_tzid(c: Case):
    return c.run("activities", "import", str(_ics(
        c, "BEGIN:VEVENT", "UID:1", "SUMMARY:t", "DTSTART;TZID=Mars/Base:20260310T200000",
        "DTEND;TZID=Mars/Base:20260310T210000", "END:VEVENT")))


def recurrence_id_alone(c: Case):
    return c.run("activities", "import", str(_ics(
        c, "BEGIN:VEVENT", "UID:1", "SUMMARY:t", "DTSTART:20260310T120000Z",
        "RRULE:FREQ=DAILY", "END:VEVENT", "BEGIN:VEVENT", "UID:1",
        "RECURRENCE-ID:20260311T120000Z", "END:VEVENT")))


def huge_title(c: Case):
    return c.run("activities", "import", str(_ics(
        c, "BEGIN:VEVENT", "UID:1", "SUMMARY:" + "x" * 5_000_000,
        "DTSTART:20260310T120000Z", "END:VEVENT")))


def decision_during_import(c: Case):
    _demo(c)
    big = c.root / "big.csv"
    with big.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["platform_id", "name"])
        out.writerows([f"wx_big_{i}", f"会员{i}"] for i in range(100_000))
    env = {**os.environ, "MODCONSOLE_CONFIG_DIR": str(c.root / "cfg")}
    if c.src:
        env["PYTHONPATH"] = c.src
    import json
    member = json.loads(subprocess.run(
        [c.python, "-m", "modconsole", "--db", str(c.db), "members", "list", "--limit", "1",
         "--json"], capture_output=True, text=True, env=env).stdout)[0]["platform_id"]
    case_id = subprocess.run([c.python, "-m", "modconsole", "--db", str(c.db), "reports",
                              "add", "--member", member, "--rule", "SPAM.REPEATED",
                              "--evidence", "x"], capture_output=True, text=True,
                             env=env).stdout.strip()
    importer = subprocess.Popen([c.python, "-m", "modconsole", "--db", str(c.db), "import",
                                 "members", str(big)], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
    time.sleep(8)  # into the import's writing
    result = c.run("reports", "decide", case_id, "--suggested", "--reason", "x", limit=600)
    importer.wait()
    return result


def damaged_import(c: Case):
    _demo(c, 2000)
    import random
    size = c.db.stat().st_size // 4096
    rng = random.Random(3)
    with c.db.open("r+b") as f:
        for page in rng.sample(range(size // 3, size), 100):
            f.seek(page * 4096)
            f.write(rng.randbytes(4096))
    (c.root / "five.csv").write_text("平台ID,姓名\n" + "".join(
        f"n{i},新{i}\n" for i in range(5)), encoding="utf-8")
    return c.run("import", "members", str(c.root / "five.csv"))


def immutable_db(c: Case):
    _demo(c)
    if subprocess.run(["chattr", "+i", str(c.db)], capture_output=True).returncode:
        return "skipped", 0.0, "chattr +i unavailable"
    try:
        return c.run("members", "list", "--limit", "3")
    finally:
        subprocess.run(["chattr", "-i", str(c.db)])


def full_disk(what: str):
    def case(c: Case):
        _demo(c, 2000)
        tiny = c.root / "tiny"
        tiny.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(tiny)],
                          capture_output=True).returncode:
            return "skipped", 0.0, "cannot mount a tmpfs"
        try:
            filler = tiny / "filler"  # the disk is full but for 8 KB
            with filler.open("wb", buffering=0) as f:
                try:
                    while True:
                        f.write(b"x" * 4096)
                except OSError:
                    pass
            filler.write_bytes(b"x" * (filler.stat().st_size - 8192))
            result = c.run(*what.format(dir=tiny).split())
            left = sorted(p.name for p in tiny.iterdir() if p != filler)
            return result[0], result[1], f"left {left}; {result[2]}"
        finally:
            subprocess.run(["umount", str(tiny)])
    return case


def xlsx_whole_grid(c: Case):
    path = _xlsx(c, "grid.xlsx", lambda x: re.sub(rb'<dimension ref="[^"]+"',
                                                  b'<dimension ref="A1:XFD1048576"', x), 2000)
    return c.run("import", "members", str(path), limit=90)


def xlsx_empty_rows(c: Case):
    rows = b"".join(b'<row r="%d"/>' % n for n in range(2, 1_000_002))
    path = _xlsx(c, "empty.xlsx", lambda x: x.replace(b"</sheetData>", rows + b"</sheetData>"),
                 rows=0)
    return c.run("import", "members", str(path), limit=120)


def big5(c: Case):
    (c.root / "tw.csv").write_bytes(("平台ID,姓名\n" + "".join(
        f"tw{i},張三{i}\n" for i in range(30))).encode("big5"))
    code, seconds, said = c.run("import", "members", str(c.root / "tw.csv"))
    found = c.run("members", "search", "張三7")
    return code, seconds, f"{said} / search 張三7 -> exit {found[0]}"


def nul_in_name(c: Case):
    (c.root / "nul.csv").write_text("平台ID,姓名\nwx1,张\x00三\n", encoding="utf-8")
    return c.run("import", "members", str(c.root / "nul.csv"))


def export_round_trip(c: Case):
    (c.root / "in.csv").write_text("平台ID,姓名,手机\nwx1,张三,+86 138 0000 0000\n",
                                   encoding="utf-8")
    c.run("import", "members", str(c.root / "in.csv"))
    c.run("export", "members", str(c.root / "out.csv"), "--columns", "platform_id,name,phone")
    return c.run("import", "members", str(c.root / "out.csv"))


def template_file(name: str, text: str, then: tuple[str, ...] = ()):
    def case(c: Case):
        path = c.root / name
        path.write_text(text, encoding="utf-8")
        result = c.run("templates", "import", str(path))
        if then and result[0] == "0":
            after = c.run(*then)
            return result[0], result[1], f"then {' '.join(then)} -> exit {after[0]}"
        return result
    return case


BOOK = ('{"format": "modconsole-phrasebook", "version": 1, "templates": [{"id": '
        '"0190a5c2-0000-7000-8000-000000000001", "code": " /WELX ", "title": "t", '
        '"category": "welcome", "lang": "zh_CN", "body": "hi"}]}')

CASES = {
    "rule INTERVAL=0, then list": rule_then_list("FREQ=DAILY;INTERVAL=0"),
    "rule 30 February, then list": rule_then_list("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"),
    "stored rule starting in year 1, list": year_one,
    ".ics with an unknown TZID": unknown_tzid,
    ".ics RECURRENCE-ID without DTSTART": recurrence_id_alone,
    ".ics with a 5 MB title": huge_title,
    "decision during a 100k import": decision_during_import,
    "import into a damaged database": damaged_import,
    "list an immutable database": immutable_db,
    "XLSX export to a full disk": full_disk("export members {dir}/m.xlsx"),
    "backup to a full disk": full_disk("backup {dir}/copy.db"),
    "XLSX declaring A1:XFD1048576": xlsx_whole_grid,
    "XLSX of 1M empty rows": xlsx_empty_rows,
    "Big5 CSV": big5,
    "NUL in a name": nul_in_name,
    "re-import the console's export": export_round_trip,
    "template code ' /WELX '": template_file("b.json", BOOK, ("templates", "render", "welx")),
    "template JSON nested 100k deep": template_file(
        "d.json", '{"format": "modconsole-phrasebook", "templates": ' + "[" * 100_000 +
        "]" * 100_000 + "}"),
    "template CSV field over the limit": template_file(
        "t.csv", "id,code,title,category,lang,body\nx,a,b,welcome,zh_CN," + "x" * 200_000),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", help="the src folder of another checkout to run instead")
    parser.add_argument("--only", help="run the cases whose name contains this")
    args = parser.parse_args()
    print(f"{'case':<40} {'exit':>7} {'seconds':>8}  said")
    for name, case in CASES.items():
        if args.only and args.only not in name:
            continue
        with tempfile.TemporaryDirectory() as folder:
            code, seconds, said = case(Case(Path(folder), sys.executable, args.src))
        print(f"{name:<40} {code:>7} {seconds:>8.1f}  {said}", flush=True)


if __name__ == "__main__":
    main()
