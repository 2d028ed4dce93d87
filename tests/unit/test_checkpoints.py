"""WAL checkpoints happen on their own thread, not inside a commit."""

import sqlite3
import time

from modconsole.store.checkpoints import SAFETY_NET_PAGES, Checkpointer


class Owner:
    """Something a weak reference can point at, standing in for the store."""


def _wait_for(condition, seconds=5.0):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_a_big_commit_leaves_its_checkpoint_to_the_background_thread(store):
    store.checkpointer.stop()
    with store.engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == SAFETY_NET_PAGES
    before = store.path.stat().st_size
    with store.transaction() as session:
        sql = session.connection().exec_driver_sql
        sql("CREATE TABLE filler (x BLOB)")
        # About 1,500 pages: past SQLite's default threshold of 1,000, so a
        # default connection would have checkpointed inside this commit.
        sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)"
            " INSERT INTO filler SELECT randomblob(3000) FROM n")
    assert store.path.stat().st_size == before  # the pages are still only in the WAL

    owner = Owner()
    checkpointer = Checkpointer(store.path, owner, interval=0.05)
    _wait_for(lambda: store.path.stat().st_size > before + 4_000_000)
    checkpointer.stop()
    with store.transaction() as session:
        assert session.connection().exec_driver_sql("SELECT count(*) FROM filler").scalar() == 1500


def test_the_thread_ends_when_its_owner_is_gone(tmp_path):
    path = tmp_path / "x.db"
    sqlite3.connect(path).execute("PRAGMA journal_mode=WAL").close()
    owner = Owner()
    checkpointer = Checkpointer(path, owner, interval=0.05)
    del owner
    _wait_for(lambda: not checkpointer.running)
