"""WAL checkpoints on a thread of their own, off the path of every commit.

SQLite's automatic checkpoint runs inside whichever commit takes the WAL past
its threshold: that commit copies the WAL into the database file and syncs it,
and a moderator's decision that normally commits in 3 ms takes 10–20 ms. A
decision writes about 20 WAL pages, so one decision in fifty paid for it.
SQLite's documented remedy is to checkpoint from another thread; the
connections keep a much higher automatic threshold only as a safety net for
when this thread cannot keep up (a bulk import).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import weakref
from pathlib import Path

INTERVAL_SECONDS = 1.0
# Pages in the WAL before a commit checkpoints by itself (SQLite's default is 1,000).
SAFETY_NET_PAGES = 20_000

log = logging.getLogger(__name__)


class Checkpointer:
    """Runs `PRAGMA wal_checkpoint(PASSIVE)` every second on its own connection.

    A passive checkpoint never waits for readers or the writer; it copies what
    it can. Stopped by `stop()` or when `owner` is garbage-collected.
    """

    def __init__(self, path: Path, owner: object, interval: float = INTERVAL_SECONDS):
        self._stop = threading.Event()
        self._thread = threading.Thread(target=_run, args=(Path(path), interval, self._stop),
                                        name="wal-checkpoint", daemon=True)
        self._thread.start()
        weakref.finalize(owner, self._stop.set)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _run(path: Path, interval: float, stop: threading.Event) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        while not stop.wait(interval):
            try:
                connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
            except sqlite3.Error as exc:  # the commits' own safety net still bounds the WAL
                log.warning("Background checkpoint of %s failed: %s", path, exc)
    finally:
        connection.close()

