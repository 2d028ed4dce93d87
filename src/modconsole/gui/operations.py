"""Database work on worker threads, results back on the GUI thread.

After Anki's CollectionOp: every database call is a job run in order on a
single worker thread (so SQLite sees one writer; reads marked urgent go
ahead of the queue), its result or error is delivered to callbacks on the
GUI thread, and a successful write announces what it changed through one
app-wide signal so each view decides whether to refresh. Widgets are never
touched from the worker.

Long reads (counts, pages of a million ids) run on a small pool of reader
threads beside it, each on its own connection (WAL lets readers and the
writer work at once), so rows scrolling into sight never queue behind them,
and one nobody wants any more is stopped mid-statement.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from modconsole.domain.messages import N_
from modconsole.gui.gui_gc import gui_thread_collector
from modconsole.gui.i18n import localized
from modconsole.services.errors import Cancelled, RolledBack, UserError
from modconsole.store.damage import DatabaseDamaged
from modconsole.store.errors import DatabaseBusy, DatabaseError, DatabaseReadOnly, Interrupted
from modconsole.store.write_lock import WAIT_LIMIT_S, is_read_only

if TYPE_CHECKING:  # SQLAlchemy loads on the worker, after the window's first frame
    from modconsole.store.engine import Store

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.05
READERS = 2  # threads for long reads: a count and a page of ids at once


@dataclass
class Operation:
    """A submitted job. `cancel()` asks it to stop at its next progress report."""

    op_id: int
    label: str
    on_done: Callable | None
    on_error: Callable | None
    changes: frozenset[str]
    cancel_event: threading.Event = field(default_factory=threading.Event)
    wrote: bool = False  # it ran as a write: the outbox may have grown
    background: bool = False  # a long read on a reader thread

    def cancel(self) -> None:
        self.cancel_event.set()


class _Reporter:
    """The progress callable handed to services; throttled, raises Cancelled on request."""

    def __init__(self, op: Operation, emit: Callable[[int, int, int], None]):
        self._op = op
        self._emit = emit
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if self._op.cancel_event.is_set():
            raise Cancelled
        now = time.monotonic()
        if now - self._last >= PROGRESS_INTERVAL_S or done >= total:
            self._last = now
            self._emit(self._op.op_id, done, total)


class _Queue:
    """Jobs waiting for the worker: urgent ones first, each kind in submission order."""

    def __init__(self):
        self._lock = threading.Lock()
        self._urgent: deque[tuple[int, Callable]] = deque()
        self._normal: deque[tuple[int, Callable]] = deque()

    def put(self, op_id: int, job: Callable, urgent: bool) -> None:
        with self._lock:
            (self._urgent if urgent else self._normal).append((op_id, job))

    def take(self) -> tuple[int, Callable] | None:
        """The next job; None when another thread of the same pool took it first."""
        with self._lock:
            waiting = self._urgent or self._normal
            return waiting.popleft() if waiting else None


class _FileGate:
    """Lets reader threads use the database only while it is open.

    The file is opened, and closed for a restore, on the worker thread; a reader
    that arrives meanwhile waits, and closing waits for the readers inside.
    """

    def __init__(self):
        self._changed = threading.Condition()
        self._state = "closed"  # "open", "closed" (wait) or "absent" (nothing to wait for)
        self._inside = 0

    def set(self, state: str) -> None:
        with self._changed:
            self._state = state
            self._changed.notify_all()
            if state == "closed":
                self._changed.wait_for(lambda: self._inside == 0)

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._changed:
            self._changed.wait_for(lambda: self._state != "closed")
            self._inside += 1
        try:
            yield
        finally:
            with self._changed:
                self._inside -= 1
                self._changed.notify_all()


class _Worker(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int)

    def __init__(self, queue: _Queue):
        super().__init__()
        self._queue = queue

    @Slot()
    def execute_next(self) -> None:
        """Run one queued job; each submission wakes every thread of the pool once, so
        none is left (a thread that finds the queue empty goes back to sleep)."""
        taken = self._queue.take()
        if taken is None:
            return
        op_id, job = taken
        try:
            result = job()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self.failed.emit(op_id, exc)
        else:
            self.finished.emit(op_id, result)


def read_only_text() -> str:
    return QCoreApplication.translate(
        "Operations", "Read-only: this database's file, folder or disk cannot be written, so "
        "nothing can be changed. You can browse, search and export. To make changes, copy it "
        "to a folder you can write to and open the copy (Settings → Database).")


def damaged_text() -> str:
    return QCoreApplication.translate(
        "Operations", "The database file is damaged, so nothing more is written to it; what "
        "is undamaged can still be read and exported. Restore the newest automatic backup, or "
        "salvage what is readable into a new file.")


def describe_error(exc: BaseException, label: str) -> str:
    """The sentence a person sees; unexpected errors are logged with their traceback."""
    if isinstance(exc, DatabaseReadOnly):
        return read_only_text()
    if isinstance(exc, DatabaseDamaged):
        return damaged_text()
    if isinstance(exc, DatabaseBusy):
        return QCoreApplication.translate(
            "Operations", "{label}: another modconsole window or command kept the database "
            "busy for {minutes} minutes, so nothing was written. Let it finish (or close it) "
            "and try again.").format(label=label, minutes=WAIT_LIMIT_S // 60)
    if isinstance(exc, (UserError, DatabaseError)):
        return localized(exc)
    if isinstance(exc, (Cancelled, Interrupted)):
        return QCoreApplication.translate(
            "Operations", "{label}: cancelled; nothing was changed.").format(label=label)
    log.error("%s failed", label, exc_info=exc)
    return QCoreApplication.translate(
        "Operations", "{label} failed: {error}. Details are in the log file.").format(
        label=label, error=f"{exc.__class__.__name__}: {exc}")


class OperationRunner(QObject):
    """Runs jobs against the open database on one worker thread.

    Signals:
        opened(object): the database is open (an OpenReport).
        open_failed(str): the database could not be opened; the reason.
        changed(frozenset): topics a successful job changed ("members", "cases"…); every
            write adds "outbox", so whatever counts changes waiting to sync agrees.
        progressed(Operation, int, int): progress of a job that reports it.
        started(Operation) / ended(Operation): a job began / finished either way.
        error(str): a job without its own error callback failed; the message.
        waiting(Holder): a write waits for another process's write lock (write_lock.py).
        damaged(str): a job met a damaged database file; the words to show.
        closing(): shutdown() begins; whatever uses the file beside the runner lets go.
    """

    opened = Signal(object)
    open_failed = Signal(str)
    changed = Signal(frozenset)
    progressed = Signal(object, int, int)
    started = Signal(object)
    ended = Signal(object)
    error = Signal(str)
    waiting = Signal(object)
    damaged = Signal(str)
    closing = Signal()
    _wake = Signal()
    _wake_readers = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.store: Store | None = None
        self._path: Path | None = None
        self._opener: Callable | None = None
        self._held = False  # open(held=True): opened waits for announce_open()
        self._kept_report = None
        self._collector = gui_thread_collector()  # the worker must never collect cycles
        self._collector.hold()
        self._ids = itertools.count(1)
        self._pending: dict[int, Operation] = {}
        self._gate = _FileGate()
        self._queue, self._read_queue = _Queue(), _Queue()
        self._threads: list[QThread] = []
        self._workers = [self._worker_thread("modconsole-db", self._queue, self._wake)] + [
            self._worker_thread(f"modconsole-read-{n}", self._read_queue, self._wake_readers)
            for n in range(1, READERS + 1)]

    def _worker_thread(self, name: str, queue: _Queue, wake) -> _Worker:
        thread = QThread()
        thread.setObjectName(name)
        worker = _Worker(queue)
        worker.moveToThread(thread)
        wake.connect(worker.execute_next)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.progressed.connect(self._on_progress)
        thread.start()
        self._threads.append(thread)
        return worker

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def open(self, path: Path, opener: Callable, *, held: bool = False) -> None:
        """Open the database on the worker (it may migrate); emits opened or open_failed.

        `held` keeps opened back until announce_open(): the main window opens
        the file while its pages, which listen for opened, are still loading.
        """
        self._path, self._opener = path, opener
        self._held = held
        label = QCoreApplication.translate("Operations", "Opening the database")
        self._start(self._open_job, label, self._on_open_done,
                    lambda _exc, message: self.open_failed.emit(message), frozenset())

    def _on_open_done(self, report) -> None:
        if self._held:
            self._kept_report = report
        else:
            self.opened.emit(report)

    def announce_open(self) -> None:
        """Emit the opened that open(held=True) kept back, now or as soon as it comes."""
        self._held = False
        if self._kept_report is not None:
            report, self._kept_report = self._kept_report, None
            self.opened.emit(report)

    def _open_job(self):
        try:
            store, report = self._opener(self._path)
        except BaseException:
            self._gate.set("absent")
            raise
        store.waiting = self.waiting.emit  # queued to the GUI thread
        self.store = store
        self._gate.set("open")
        return report

    def replace_file(self, fn: Callable[[Path], object], *, label: str,
                     on_done: Callable | None = None,
                     on_error: Callable | None = None) -> Operation:
        """Close the database, run `fn(path)` on the file (a restore), open it again.

        Runs on the worker after the jobs queued before it, so nothing holds the
        file meanwhile. `on_done` gets fn's result; opened() follows as at start.
        """

        for op in self._pending.values():
            if op.background:
                op.cancel()

        def job():
            self._gate.set("closed")  # waits for the readers still inside
            if self.store is not None:
                self.store.close()
                self.store = None
            try:
                return fn(self._path)
            finally:
                report = self._open_job()
                self.opened.emit(report)

        return self._start(job, label, on_done, on_error, frozenset())

    def run(self, fn: Callable, *, label: str, on_done: Callable | None = None,
            on_error: Callable | None = None, changes=(), progress: bool = False,
            urgent: bool = False, write: bool = False, background: bool = False) -> Operation:
        """Run `fn(session)` (or `fn(session, progress)`) in one transaction on the worker.

        A job that names `changes` (or says `write`) holds the write lock from
        its start; any other job is a read and never waits for a writer in
        another process (one that writes after all is run again as a write).
        `urgent` is for reads a person is waiting to see, such as rows scrolling
        into sight: they run before queued jobs that are not urgent. Never mark
        a write urgent: writes keep their order.

        `background` is for long reads (a count, a page of ids): they run on
        the reader threads, so nothing on the worker waits for them, and
        `cancel()` stops their statement (the job then fails as cancelled).
        """
        if background and (changes or write):
            raise ValueError("a background job only reads")

        def job(op: Operation):
            reporter = _Reporter(op, self._workers[0].progressed.emit)  # any thread may emit
            if background:
                with self._gate.reading():
                    if self.store is None:
                        raise DatabaseError(N_("operations", "The database is not open."))
                    with self.store.background_read(op.cancel_event.is_set) as session:
                        return fn(session, reporter) if progress else fn(session)
            if self.store is None:
                raise DatabaseError(N_("operations", "The database is not open."))

            def attempt(transaction):
                try:
                    with transaction() as session:
                        return fn(session, reporter) if progress else fn(session)
                except RolledBack as outcome:
                    return outcome.result

            if changes or write:
                op.wrote = True
                with self.store.writing("work", label) if progress else nullcontext():
                    return attempt(self.store.transaction)
            try:  # a read never waits for another process's import
                return attempt(self.store.read)
            except Exception as exc:
                if not is_read_only(exc):
                    raise
                log.warning("%s wrote in a read; ran it again as a write", label)
                op.wrote = True
                return attempt(self.store.transaction)

        return self._start(job, label, on_done, on_error, frozenset(changes), with_op=True,
                           urgent=urgent, background=background)

    def _start(self, job, label, on_done, on_error, changes, with_op=False,
               urgent=False, background=False) -> Operation:
        op = Operation(next(self._ids), label, on_done, on_error, changes, background=background)
        self._pending[op.op_id] = op
        self.started.emit(op)
        queue, wake = (self._read_queue, self._wake_readers) if background \
            else (self._queue, self._wake)
        queue.put(op.op_id, (lambda: job(op)) if with_op else job, urgent)
        wake.emit()
        return op

    @Slot(int, object)
    def _on_finished(self, op_id: int, result) -> None:
        op = self._pending.pop(op_id)
        self.ended.emit(op)
        topics = op.changes | ({"outbox"} if op.wrote else set())
        if topics:
            self.changed.emit(frozenset(topics))
        if op.on_done:
            op.on_done(result)

    @Slot(int, object)
    def _on_failed(self, op_id: int, exc: BaseException) -> None:
        op = self._pending.pop(op_id)
        self.ended.emit(op)
        message = describe_error(exc, op.label)
        if isinstance(exc, DatabaseDamaged):
            self.damaged.emit(message)
        if op.on_error:
            op.on_error(exc, message)
        else:
            self.error.emit(message)

    @Slot(int, int, int)
    def _on_progress(self, op_id: int, done: int, total: int) -> None:
        op = self._pending.get(op_id)
        if op is not None:
            self.progressed.emit(op, done, total)

    def shutdown(self) -> None:
        """Cancel what can be cancelled, let the current job finish, close the database."""
        self.closing.emit()
        for op in self._pending.values():
            op.cancel()
        self._gate.set("absent")  # readers still queued fail at once instead of waiting
        for thread in self._threads:
            thread.quit()
        for thread in self._threads:
            thread.wait()
        if self._collector is not None:  # shutdown may be called twice
            self._collector.release()
            self._collector = None
        if self.store is not None:
            self.store.close()
            self.store = None
