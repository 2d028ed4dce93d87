import gc
import threading
import weakref

import pytest

from modconsole.gui.operations import OperationRunner
from modconsole.services.errors import UserError
from modconsole.services.startup import open_console_database
from modconsole.store.errors import Interrupted


def test_results_come_back_and_changes_are_announced(qtbot, db_path):
    runner = OperationRunner()
    with qtbot.waitSignal(runner.opened, timeout=10_000):
        runner.open(db_path, open_console_database)
    results = []
    with qtbot.waitSignal(runner.changed) as changed:
        runner.run(lambda s: s.connection().exec_driver_sql("SELECT 41 + 1").scalar(),
                   label="Sum", on_done=results.append, changes={"members"})
    assert results == [42]
    assert changed.args == [frozenset({"members", "outbox"})]
    runner.shutdown()


def test_errors_become_sentences_not_tracebacks(qtbot, db_path):
    runner = OperationRunner()
    runner.open(db_path, open_console_database)

    def rejected(_session):
        raise UserError("Row 3: the platform id is empty.")

    def broken(_session):
        raise KeyError("oops")

    with qtbot.waitSignal(runner.error) as first:
        runner.run(rejected, label="Import")
    assert first.args == ["Row 3: the platform id is empty."]
    with qtbot.waitSignal(runner.error) as second:
        runner.run(broken, label="Import")
    assert second.args[0].startswith("Import failed: KeyError")
    assert "Traceback" not in second.args[0]
    runner.shutdown()


def test_cycles_are_collected_on_the_gui_thread_while_a_worker_lives(qtbot):
    class Cycle:
        def __init__(self):
            self.me = self

    collected = []
    first, second = OperationRunner(), OperationRunner()
    assert not gc.isenabled()  # the worker thread must never start a collection
    finalised = weakref.ref(Cycle())
    for _ in range(gc.get_threshold()[0] + 10):
        Cycle()
    thread = threading.get_ident()
    gc.callbacks.append(lambda phase, _info: phase == "start" and collected.append(
        threading.get_ident()))
    try:
        qtbot.waitUntil(lambda: finalised() is None, timeout=5_000)
    finally:
        gc.callbacks.pop()
    assert collected and set(collected) == {thread}
    first.shutdown()
    first.shutdown()  # twice is harmless: the other runner's worker still counts
    assert not gc.isenabled()
    second.shutdown()
    assert gc.isenabled()


def test_urgent_reads_go_ahead_of_queued_jobs_and_the_rest_keep_their_order(qtbot, db_path):
    runner = OperationRunner()
    runner.open(db_path, open_console_database)
    qtbot.waitUntil(lambda: runner.store is not None and not runner.busy, timeout=10_000)
    started, gate, ran = threading.Event(), threading.Event(), []

    def holding(_session):  # keeps the worker busy while the others queue up
        started.set()
        gate.wait(5)
        ran.append("running")

    runner.run(holding, label="first")
    assert started.wait(5)
    for name, urgent in (("page 1", False), ("page 2", False), ("rows", True),
                         ("page 3", False), ("more rows", True)):
        runner.run(lambda _s, name=name: ran.append(name), label=name, urgent=urgent)
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    assert ran == ["running", "rows", "more rows", "page 1", "page 2", "page 3"]
    runner.shutdown()


def test_long_reads_run_beside_the_worker_and_stop_when_cancelled(qtbot, db_path):
    runner = OperationRunner()
    runner.open(db_path, open_console_database)
    qtbot.waitUntil(lambda: runner.store is not None and not runner.busy, timeout=10_000)
    started, gate, answers, failures = threading.Event(), threading.Event(), [], []

    def holding(_session):  # the worker is busy until the reads are done
        started.set()
        gate.wait(10)

    runner.run(holding, label="a long write", write=True)
    assert started.wait(5)
    runner.run(lambda s: s.connection().exec_driver_sql("SELECT 6 * 7").scalar(),
               label="count", on_done=answers.append, background=True)
    endless = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
               "SELECT count(*) FROM n")  # never ends unless stopped
    stale = runner.run(lambda s: s.connection().exec_driver_sql(endless).scalar(),
                       label="stale count", on_done=answers.append, background=True,
                       on_error=lambda exc, message: failures.append((exc, message)))
    qtbot.waitUntil(lambda: answers == [42], timeout=5_000)
    assert not gate.is_set()  # answered while the worker still held its job
    stale.cancel()
    qtbot.waitUntil(lambda: bool(failures), timeout=5_000)
    assert isinstance(failures[0][0], Interrupted) and "cancelled" in failures[0][1]
    assert answers == [42]
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    runner.shutdown()


def test_a_background_job_cannot_write(qtbot, db_path):
    runner = OperationRunner()
    with pytest.raises(ValueError, match="only reads"):
        runner.run(lambda _s: None, label="x", changes={"members"}, background=True)
    runner.shutdown()
