"""Two processes on one database: writers wait for each other instead of failing."""

import csv
import json
import os
import subprocess
import sys
import time

import pytest

from modconsole.services.startup import open_console_database
from modconsole.store.errors import DatabaseBusy
from modconsole.store.write_lock import note_path, writer_note

pytestmark = pytest.mark.slow


def _cli(db_path, *args, **kw):
    return subprocess.run([sys.executable, "-m", "modconsole", "--db", str(db_path), *args],
                          capture_output=True, text=True, env=os.environ.copy(), **kw)


def _wait_for(predicate, what, process):
    # A bounded poll for an event in another process, not a timing assertion.
    for _ in range(6000):
        if predicate():
            return
        assert process.poll() is None, f"the import ended before {what}"
        time.sleep(0.01)
    raise AssertionError(f"never saw {what}")


def test_decisions_land_while_another_process_imports_30k_rows(db_path, tmp_path):
    assert _cli(db_path, "demo", "--members", "200").returncode == 0
    listed = _cli(db_path, "members", "list", "--status", "active", "--json", "--limit", "5")
    cases = [_cli(db_path, "reports", "add", "--member", m["platform_id"], "--rule",
                  "SPAM.REPEATED", "--evidence", f"加V领福利 {n}").stdout.strip()
             for n, m in enumerate(json.loads(listed.stdout))]
    assert len(set(cases)) == 5
    big = tmp_path / "big.csv"
    with big.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["platform_id", "name", "region"])
        # long enough to be writing while five decisions start (its write phase takes
        # seconds), short enough for the suite: 100k rows took 80 s with the search lists
        out.writerows([f"wx_big_{i}", f"会员{i}", "上海"] for i in range(30_000))
    env = os.environ.copy()
    importer = subprocess.Popen([sys.executable, "-m", "modconsole", "--db", str(db_path),
                                 "import", "members", str(big)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # the write phase has begun when the import names itself beside the database
    _wait_for(note_path(db_path).exists, "the import's write phase", importer)
    results = [_cli(db_path, "reports", "decide", case, "--suggested", "--reason", "刷屏")
               for case in cases]
    out, err = importer.communicate(timeout=600)
    assert importer.returncode == 0, err
    assert "Imported 30000 of 30000 rows" in out
    assert [r.returncode for r in results] == [0] * 5, [r.stderr for r in results]
    assert "waiting for an import (big.csv)" in results[0].stderr
    decided = json.loads(_cli(db_path, "reports", "list", "--status", "decided",
                              "--json").stdout)
    assert set(cases) <= {c["id"] for c in decided}


def test_a_writer_that_waits_too_long_fails_with_words_and_writes_nothing(db_path):
    store, _ = open_console_database(db_path)
    other, _ = open_console_database(db_path)
    told = []
    other.waiting = told.append
    other.wait_limit = 0.6
    try:
        with store.writing("import", "members.csv"), store.transaction() as s:
            s.connection().exec_driver_sql("INSERT INTO settings (key, value_json) "
                                           "VALUES ('held', '1')")
            busy = r"an import \(members.csv\) in process .*Nothing was written"
            with pytest.raises(DatabaseBusy, match=busy), other.transaction() as s2:
                s2.connection().exec_driver_sql("INSERT INTO settings (key, value_json) "
                                                "VALUES ('lost', '1')")
        assert [h.kind for h in told] == ["import"]
        with other.read() as s:
            keys = {k for (k,) in s.connection().exec_driver_sql("SELECT key FROM settings")}
        assert "held" in keys and "lost" not in keys
    finally:
        other.close()
        store.close()


def test_reads_never_wait_for_a_writer_and_refuse_to_write(db_path):
    store, _ = open_console_database(db_path)
    try:
        with store.transaction() as s, writer_note(db_path, "tagging"):
            s.connection().exec_driver_sql("INSERT INTO settings (key, value_json) "
                                           "VALUES ('a', '1')")
            with store.read() as r:  # the writer holds the lock; a read goes ahead
                count = r.connection().exec_driver_sql("SELECT count(*) FROM settings")
                assert count.scalar() >= 0
                with pytest.raises(Exception, match="readonly"):
                    r.connection().exec_driver_sql("INSERT INTO settings (key, value_json) "
                                                   "VALUES ('b', '1')")
    finally:
        store.close()


def test_piping_into_head_prints_no_failure(db_path):
    assert _cli(db_path, "demo", "--members", "2000").returncode == 0
    done = subprocess.run(f"{sys.executable} -m modconsole --db {db_path} members list "
                          "--limit 2000 | head -1", shell=True, capture_output=True, text=True,
                          env=os.environ.copy())
    assert done.stdout.count("\n") == 1
    assert done.stderr == ""
