"""The SQLite engine: PRAGMAs on every connection, one session factory per database.

`synchronous=FULL` in WAL mode makes an acknowledged commit survive power
loss, which a moderator's decision needs. SQLite is used from the GUI's
worker thread and the CLI's main thread, so connections are not pinned to
the thread that opened them.

Write transactions begin IMMEDIATE (write_lock.py says why); reads begin
deferred, never wait for a writer in another process, and run with
`query_only` so a write slipped into a read fails loudly instead of racing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from modconsole.domain.text import quoted
from modconsole.store.checkpoints import SAFETY_NET_PAGES, Checkpointer
from modconsole.store.damage import DatabaseDamaged, damaged_message, is_damage
from modconsole.store.errors import READ_ONLY_MESSAGE, DatabaseReadOnly, Interrupted
from modconsole.store.outbox import install_outbox_listener
from modconsole.store.write_lock import WAIT_LIMIT_S, Waiting, begin_immediate, writer_note

BUSY_TIMEOUT_MS = 5000
STOP_CHECK_STEPS = 10_000  # virtual machine steps between asking a read whether to stop

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=FULL",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    # 64 MB of page cache a connection (SQLite's default is 2 MB): bulk tagging
    # 100k of 1M members walks four indexes and ran 12-20% faster with it.
    "PRAGMA cache_size=-64000",
    # Checkpoints run on their own thread (checkpoints.py), not inside a commit.
    f"PRAGMA wal_autocheckpoint={SAFETY_NET_PAGES}",
)


def apply_pragmas(conn: sqlite3.Connection) -> None:
    cur = conn.cursor()
    for pragma in PRAGMAS:
        cur.execute(pragma)
    cur.close()


READ = {"modconsole_read": True}


def make_engine(path: Path, waiting: Callable[[], Waiting | None] = lambda: None,
                wait_limit: Callable[[], float] = lambda: WAIT_LIMIT_S,
                read_only: str = "", damage: DamageNote | None = None) -> Engine:
    """The engine; `read_only` is "" (read-write), "ro" or "immutable" (see open_database).

    `damage` holds what is known to be wrong with the file: any statement that
    meets SQLITE_CORRUPT records it, and write transactions are then refused.
    """
    damage = damage if damage is not None else DamageNote()
    url = f"sqlite:///{path}"
    if read_only:
        flag = "immutable=1" if read_only == "immutable" else "mode=ro"
        url = f"sqlite:///file:{path.as_posix()}?{flag}&uri=true"
    engine = create_engine(url, connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # pysqlite's own transaction handling begins lazily, before the first
        # write only: PRAGMAs would land in a transaction (so WAL never takes
        # effect) and a SAVEPOINT before any write would open, and its RELEASE
        # commit, a transaction of its own. So the driver stays in autocommit
        # and SQLAlchemy says BEGIN itself (SQLAlchemy's pysqlite docs).
        dbapi_conn.isolation_level = None
        if read_only:  # nothing that would write: no WAL switch, no checkpoints
            dbapi_conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            dbapi_conn.execute("PRAGMA cache_size=-64000")
            return
        apply_pragmas(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        dbapi_conn = conn.connection.driver_connection
        writing = not conn.get_execution_options().get("modconsole_read")
        if read_only and writing:
            raise DatabaseReadOnly(READ_ONLY_MESSAGE.format(path=path))
        if damage.detail and writing:
            raise DatabaseDamaged(damaged_message(path, damage.detail))
        if conn.get_execution_options().get("modconsole_read"):
            dbapi_conn.execute("PRAGMA query_only=1")
            dbapi_conn.execute("BEGIN")
            return
        dbapi_conn.execute("PRAGMA query_only=0")
        begin_immediate(dbapi_conn, Path(path), waiting(), wait_limit(), BUSY_TIMEOUT_MS)

    @event.listens_for(engine, "handle_error")
    def _on_error(context):
        if is_damage(context.original_exception):
            damage.detail = quoted(str(context.original_exception))
            raise DatabaseDamaged(damaged_message(path, damage.detail)) \
                from context.original_exception

    return engine


@dataclass
class DamageNote:
    """What is known to be wrong with the file ("" while nothing is)."""

    detail: str = ""


class Store:
    """An open database: its path, engine and transactional sessions.

    Attributes:
        path: the SQLite file.
        read_only: "" when writable; else how it was opened ("ro", "immutable"), and
            every write transaction raises DatabaseReadOnly.
        damage: what is known to be wrong with the file; while it says anything,
            every write transaction raises DatabaseDamaged.
        engine: the SQLAlchemy engine over it.
        checkpointer: the thread that checkpoints the WAL while the store is open.
    """

    def __init__(self, path: Path, read_only: str = ""):
        self.path = Path(path)
        self.read_only = read_only
        self.damage = DamageNote()
        self.waiting: Waiting | None = None
        self.wait_limit = WAIT_LIMIT_S
        self.engine = make_engine(self.path, lambda: self.waiting, lambda: self.wait_limit,
                                  read_only, self.damage)
        info = {"read_only_store": bool(read_only)}
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, info=info)
        self._reads = sessionmaker(self.engine.execution_options(**READ),
                                   expire_on_commit=False, info=info)
        # Long reads beside the worker get connections of their own, so the worker's
        # connection sees only other processes' commits in its data_version
        # (gui/external_changes.py), never a reader's snapshot going stale.
        self.background_engine = make_engine(self.path, read_only=read_only,
                                             damage=self.damage)
        self._background_reads = sessionmaker(
            self.background_engine.execution_options(**READ), expire_on_commit=False,
            info=info)
        install_outbox_listener(self._sessions)
        self.checkpointer = None if read_only else Checkpointer(self.path, self)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write: holds the write lock from the start, commits on success, else rolls back.

        While another process writes, it waits (telling `waiting` once) up to
        `wait_limit` seconds, then raises DatabaseBusy.
        """
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only snapshot; it never waits for a writer. Writing in it raises."""
        with self._reads.begin() as session:
            yield session

    @contextmanager
    def background_read(self, stop: Callable[[], bool]) -> Iterator[Session]:
        """A read on a connection of its own, for long reads on other threads.

        SQLite asks `stop` every few thousand steps of a statement and abandons
        the statement once it says True (raising Interrupted), so a count
        nobody waits for any more ends within a millisecond or so.
        """
        with self._background_reads.begin() as session:
            driver = session.connection().connection.driver_connection
            driver.set_progress_handler(lambda: bool(stop()), STOP_CHECK_STEPS)
            try:
                yield session
            except OperationalError as exc:
                if stop() and "interrupted" in str(exc):
                    raise Interrupted from exc
                raise
            finally:
                driver.set_progress_handler(None, 0)

    @contextmanager
    def writing(self, kind: str, detail: str = "") -> Iterator[None]:
        """Name a long write for anyone waiting on the lock meanwhile (write_lock.Holder)."""
        with writer_note(self.path, kind, detail):
            yield

    def close(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.stop()
        self.engine.dispose()
        self.background_engine.dispose()
