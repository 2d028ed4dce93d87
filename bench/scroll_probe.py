"""Scroll the roster offscreen and print GUI-thread times in ms, one per line.

    python bench/scroll_probe.py roster DB
    python bench/scroll_probe.py bare DB WIDTHxHEIGHT

`roster` is the real page on DB; `bare` is a QTableView over a model of fixed
strings (the cost of painting alone) with a viewport of the size given (the
roster's, which it prints as "viewport WxH"), with the same Qt settings as
the console. Each step moves a page down, every fourth jumps to a random row,
and steps come one per 60 Hz frame, as fast as a user can scroll: the time
left in a frame goes to events, so rows that arrive are painted as they would be.

Lines "frame X" time each paint of the table's viewport: one picture on
screen; "rows X" repeats those that painted member rows rather than "…"
placeholders (rows still on their way). Lines "step X" time a step's own
work (scroll, paint, then the events pending at once). "jobs N" counts
database jobs the roster started while scrolling (row blocks, never single
rows). Lines "event X" time every event the GUI thread handled during the
sweep (outermost only: an event handled inside another counts once), and
"gc X" each garbage collection on the GUI thread.
"""

from __future__ import annotations

import gc
import os
import random
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication, QTableView

from modconsole.gui.app import serial_painting

STEPS = 200
ROWS_WANTED = 100_000
FRAME = 1 / 60


class Fixed(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else ROWS_WANTED

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 11

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return f"{index.row()}:{index.column()}" if role == Qt.ItemDataRole.DisplayRole else None


class TimedApp(QApplication):
    """Times each outermost event the GUI thread handles while `timing` is on (worker
    threads' events pass through notify() too, and are left out)."""

    def __init__(self, argv):
        super().__init__(argv)
        self.timing, self.events, self._depth = False, [], 0
        self._gui_thread = threading.get_ident()

    def notify(self, receiver, event) -> bool:
        if not self.timing or threading.get_ident() != self._gui_thread:
            return super().notify(receiver, event)
        self._depth += 1
        start = time.perf_counter()
        try:
            return super().notify(receiver, event)
        finally:
            self._depth -= 1
            if not self._depth:
                self.events.append((time.perf_counter() - start) * 1000)


class GcClock:
    """Times each collection (gc.callbacks run on the thread that collects)."""

    def __init__(self):
        self.times: list[float] = []
        self._start = 0.0
        gc.callbacks.append(self._note)

    def _note(self, phase, _info) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.times.append((time.perf_counter() - self._start) * 1000)


class PaintClock(QObject):
    """Times each paint of a table's viewport by painting it from an event filter.

    `shown(row)` tells whether a row's contents are there to paint.
    """

    def __init__(self, table, shown):
        super().__init__()
        self.table, self.shown, self.times, self._painting = table, shown, [], False
        self.with_rows: list[float] = []
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.Paint or self._painting:
            return False
        self._painting = True
        start = time.perf_counter()
        self.table.viewportEvent(event)  # what the scroll area's own filter would do
        self.times.append((time.perf_counter() - start) * 1000)
        if self.shown(self.table.rowAt(0)):
            self.with_rows.append(self.times[-1])
        self._painting = False
        return True


def scroll(app, table, shown) -> tuple[list[float], list[float], list[float]]:
    """(frame times, step times, times of the frames that painted rows) over STEPS steps."""
    clock = PaintClock(table, shown)
    app.timing = True
    bar = table.verticalScrollBar()
    rng = random.Random(1)
    steps = []
    for i in range(STEPS):
        value = bar.value() + bar.pageStep() if i % 4 else rng.randint(0, bar.maximum())
        start = time.perf_counter()
        bar.setValue(min(value, bar.maximum()))
        table.viewport().repaint()
        app.processEvents()
        steps.append((time.perf_counter() - start) * 1000)
        while time.perf_counter() - start < FRAME:  # the rest of the frame: rows arrive
            app.processEvents()
            time.sleep(0.001)
    app.timing = False
    return clock.times, steps, clock.with_rows


def main() -> None:
    mode, db = sys.argv[1], Path(sys.argv[2])
    collections = GcClock()
    if mode == "bare":
        serial_painting()
        app = TimedApp([])
        table = QTableView()
        table.setModel(Fixed())
        table.verticalHeader().setDefaultSectionSize(30)
        table.show()
        app.processEvents()
        width, height = (int(v) for v in sys.argv[3].split("x"))
        table.resize(width + table.width() - table.viewport().width(),
                     height + table.height() - table.viewport().height())
        app.processEvents()
        (frames, steps, rows), jobs = scroll(app, table, lambda _row: True), 0
    else:
        from modconsole.gui.app import create_app, open_main_window

        TimedApp(sys.argv[:1])  # create_app uses the instance that exists
        app = create_app()
        window = open_main_window(db)
        window.resize(1500, 900)
        window.show_page("roster")
        page = window.roster
        deadline = time.monotonic() + 120
        while page.model.rowCount() < ROWS_WANTED and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.005)
        started = []
        window.runner.started.connect(started.append)
        table = page.table
        frames, steps, rows = scroll(app, table, lambda row: page.model.row_at(row) is not None)
        jobs = len(started)
        window.runner.shutdown()
    size = table.viewport().size()
    print(f"viewport {size.width()}x{size.height()}")
    for kind, times in (("frame", frames), ("rows", rows), ("step", steps),
                        ("event", app.events), ("gc", collections.times)):
        for t in times:
            print(f"{kind} {t:.3f}")
    print(f"jobs {jobs}")


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)  # skip PySide teardown at exit, which can crash offscreen
