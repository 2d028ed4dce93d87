"""The background sync: the team server's network calls on threads of their own.

One thread runs the team jobs in order (signing in and out, each sync), so
the GUI thread and the database worker never wait on the network. A sync
starts soon after a local change, every PERIOD_S, and as soon as the
server's long poll says the log moved on (a second thread waits on it), so
a colleague's claim or decision shows here within a moment. Offline, syncs
fail quietly into the status ("working offline") and the outbox waits.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from modconsole.gui.i18n import localized
from modconsole.gui.operations import OperationRunner, describe_error
from modconsole.services.errors import Cancelled, UserError

log = logging.getLogger(__name__)

PERIOD_S = 30.0  # a sync at least this often while signed in
SOON_MS = 500  # after a local change: the edits of one moment go in one push
WAIT_S = 25.0  # one long poll
RETRY_S = (2.0, 5.0, 15.0, 60.0)  # waits between long polls that fail (offline)
# pulled kinds of rows named otherwise among the topics views listen for
# (operations.OperationRunner.changed); the rest go by their own name
TOPICS = {"member_tags": "tags", "group_members": "groups", "reply_templates": "templates"}


@dataclass(frozen=True)
class TeamState:
    """What the status bar and the Team page show of the team connection."""

    url: str | None = None  # None: not signed in
    account: str | None = None
    role: str | None = None
    online: bool | None = None  # None: not tried yet
    syncing: bool = False
    last_sync: datetime | None = None  # this session's last sync that went through
    waiting: int = 0  # local changes not pushed yet
    conflicts: int = 0
    refused: int = 0
    error: str = ""  # why the last sync failed, in the person's language
    pulled_rows: int = 0  # while taking the team's data: rows so far
    # a first sync waiting for a person's yes: "upload" or "take" (join.Join), or
    # "refused" (both sides have data; `error` says the choices)
    first_join: str | None = None
    online_now: tuple[str, ...] = ()  # colleagues whose consoles are online, by name


def _read_state(store) -> TeamState:
    from modconsole.services.info import pending_changes
    from modconsole.services.team import connection, problems

    with store.read() as session:
        joined = connection.team(session)
        found = problems.counts(session)
        state = TeamState(waiting=pending_changes(session), conflicts=found.get("conflict", 0),
                          refused=found.get("refused", 0))
        if joined:
            state = replace(state, url=joined["url"], account=joined["account"],
                            role=joined["role"])
    return state


class SyncEngine(QObject):
    """Team jobs on a thread of their own; results back on the GUI thread.

    Signals:
        state_changed(TeamState): after every job and sync.
        _done(callable, object): a job's callback and result, run on the GUI thread.
    """

    state_changed = Signal(object)
    _done = Signal(object, object)

    def __init__(self, runner: OperationRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._runner = runner
        self.state = TeamState()
        self._jobs: queue.Queue = queue.Queue()
        self._stopping = threading.Event()
        self._cancel = threading.Event()
        self._sync_queued = threading.Event()
        self._listener_wake = threading.Event()
        self._agreed: set[str] = set()  # servers a person said yes to joining
        self._store = None  # this engine's own connections to the runner's file
        self._store_of = None  # the runner's store it was opened beside
        self._store_lock = threading.Lock()
        self._done.connect(lambda callback, result: callback(result))
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SOON_MS)
        self._soon.timeout.connect(self.sync_now)
        self._period = QTimer(self)
        self._period.setInterval(int(PERIOD_S * 1000))
        self._period.timeout.connect(self.sync_now)
        self._threads = [threading.Thread(target=self._work, name="modconsole-team",
                                          daemon=True),
                         threading.Thread(target=self._listen, name="modconsole-team-wait",
                                          daemon=True)]
        runner.changed.connect(self._on_changed)
        runner.opened.connect(lambda _report: self.start())
        runner.closing.connect(self.stop)

    # -- the GUI thread's side ---------------------------------------------------
    def start(self) -> None:
        """Begin once the database is open: read the state, sync if signed in."""
        if self._stopping.is_set():
            return
        if not self._threads[0].is_alive():
            for thread in self._threads:
                thread.start()
            self._period.start()
        self.sync_now()

    def stop(self) -> None:
        """Stop syncing; waits for the job in progress (never the long poll)."""
        self._stopping.set()
        self._listener_wake.set()
        self._cancel.set()
        self._period.stop()
        self._soon.stop()
        self._jobs.put(None)
        if self._threads[0].is_alive():
            self._threads[0].join()
        with self._store_lock:
            if self._store is not None:
                self._store.close()
            self._store = self._store_of = None

    def sync_now(self) -> None:
        if not self._sync_queued.is_set():
            self._sync_queued.set()
            self._jobs.put(("sync", None, None, None))

    def agree_to_join(self, url: str) -> None:
        """The person said yes to the first sync's plan (upload, or take the team's)."""
        self._agreed.add(url)
        self.sync_now()

    def cancel_sync(self) -> None:
        """Stop taking the team's data after the page in progress (it resumes later)."""
        self._cancel.set()

    def submit(self, fn: Callable, on_done: Callable | None = None,
               on_error: Callable[[str], None] | None = None) -> None:
        """Run `fn(store)` on the team thread; `on_done(result)` or `on_error(message)` on
        the GUI thread."""
        self._jobs.put(("job", fn, on_done, on_error))

    def _on_changed(self, topics: frozenset) -> None:
        if "outbox" in topics and self.state.url:
            self._soon.start()

    # -- the team thread ---------------------------------------------------------
    def _emit_state(self, state: TeamState) -> None:
        if state.url and state.url != self.state.url:
            self._listener_wake.set()  # signed in: start listening now
        self.state = state
        self.state_changed.emit(state)

    def _work(self) -> None:
        while not self._stopping.is_set():
            item = self._jobs.get()
            if item is None or self._stopping.is_set():
                return
            kind, fn, on_done, on_error = item
            store = self._own_store()
            if store is None:
                self._sync_queued.clear()
                continue
            if kind == "sync":
                self._sync_queued.clear()
                self._sync(store)
                continue
            try:
                result = fn(store)
            except BaseException as exc:  # said in words on the GUI thread
                if on_error is not None:
                    self._done.emit(on_error, describe_error(exc, QCoreApplication.translate(
                        "SyncEngine", "Asking the team server")))
            else:
                if on_done is not None:
                    self._done.emit(on_done, result)
            self._refresh(store)

    def _own_store(self):
        """A Store of the engine's own on the runner's open file (reopened after a restore
        puts a new file in place). Its commits reach the views the way another process's
        do (external_changes.py), and the runner's connections never see its snapshots."""
        from modconsole.store.engine import Store

        with self._store_lock:
            shared = None if self._stopping.is_set() else self._runner.store
            if shared is not self._store_of:
                if self._store is not None:
                    self._store.close()
                self._store = None if shared is None else Store(shared.path,
                                                                shared.read_only)
                self._store_of = shared
            return self._store

    def _refresh(self, store) -> TeamState:
        try:
            state = _read_state(store)
            if state.url == self.state.url:  # what the last sync found still stands
                state = replace(state, online=self.state.online, error=self.state.error,
                                first_join=self.state.first_join,
                                online_now=self.state.online_now,
                                last_sync=self.state.last_sync)
        except Exception:  # the file is being replaced (a restore): next time
            log.warning("could not read the team state", exc_info=True)
            return self.state
        self._emit_state(state)
        return state

    def _sync(self, store) -> None:
        from modconsole.services.team import connection, sync

        state = self._refresh(store)
        if state.url is None:
            return
        self._cancel.clear()

        def progress(report) -> None:
            if self._cancel.is_set():
                raise Cancelled
            self._emit_state(replace(self.state, pulled_rows=report.pulled))
        try:
            with store.read() as session:
                server = connection.team_server(session)
            if server.url not in self._agreed and self._first_join(store, server):
                return
            self._emit_state(replace(self.state, syncing=True, first_join=None))
            report = sync.sync_once(store, server, progress)
            online_now = tuple(p["name"] for p in server.presence())
        except Cancelled:
            self._emit_state(replace(self.state, syncing=False, pulled_rows=0))
        except (UserError, OSError) as exc:
            words = localized(exc) if isinstance(exc, UserError) else str(exc)
            self._emit_state(replace(self.state, syncing=False, online=False, error=words,
                                     pulled_rows=0, online_now=()))
        except Exception as exc:  # a bug: logged, said, and the next sync tries again
            self._emit_state(replace(self.state, syncing=False, online=False,
                                     error=describe_error(exc, QCoreApplication.translate(
                                         "SyncEngine", "Syncing with the team")),
                                     pulled_rows=0))
        else:
            self._emit_state(replace(self.state, syncing=False, online=True, error="",
                                     pulled_rows=0, online_now=online_now,
                                     last_sync=datetime.now(UTC)))
            if report.entities:
                self._runner.changed.emit(frozenset(
                    {TOPICS.get(e, e) for e in report.entities} | {"external"}))
        self._refresh(store)

    def _first_join(self, store, server) -> bool:
        """Whether a first sync waits for a person (said in the state)."""
        from modconsole.services.team import join, sync

        has_data = sync.first_contact(store, server)  # unreachable: raises, said as offline
        if has_data is None:
            return False
        try:
            with store.read() as session:
                plan, words = str(join.plan(session, has_data)), ""
        except UserError as refused:
            plan, words = "refused", localized(refused)
        self._emit_state(replace(self.state, syncing=False, online=True, first_join=plan,
                                 error=words))
        return True

    def _listen(self) -> None:
        """Wait on the server's long poll; a sync as soon as the log passes our cursor."""
        from modconsole.services.team import connection, sync

        failures = 0
        while not self._stopping.is_set():
            try:
                store = self._own_store()
                if store is None or self.state.url is None:
                    raise LookupError
                with store.read() as session:
                    server = connection.team_server(session)
                    after = sync.cursor(session, server.url)
                if server.wait(after, WAIT_S) > after and not self._stopping.is_set():
                    self.sync_now()
                failures = 0
            except Exception:  # offline, not signed in, or the file is being replaced
                self._listener_wake.wait(RETRY_S[min(failures, len(RETRY_S) - 1)])
                self._listener_wake.clear()
                failures += 1
                if self.state.url and self.state.online is False:
                    self.sync_now()  # back online pushes what waited, not at the next period
