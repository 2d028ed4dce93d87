"""Scroll the roster offscreen and print each frame's GUI-thread time in ms, one per line.

    python bench/scroll_probe.py roster|bare DB

`roster` is the real page on DB; `bare` is a QTableView over a model of fixed
strings (the cost of painting alone), with the same Qt settings as the
console. The last line is "jobs N": database jobs the roster started while
scrolling (row blocks, never single rows).
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView

from modconsole.gui.app import serial_painting

FRAMES = 200
ROWS_WANTED = 100_000


class Fixed(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else ROWS_WANTED

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 11

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return f"{index.row()}:{index.column()}" if role == Qt.ItemDataRole.DisplayRole else None


def frames(app, table) -> list[float]:
    bar = table.verticalScrollBar()
    rng = random.Random(1)
    times = []
    for i in range(FRAMES):
        value = bar.value() + bar.pageStep() if i % 4 else rng.randint(0, bar.maximum())
        start = time.perf_counter()
        bar.setValue(min(value, bar.maximum()))
        table.viewport().repaint()
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    mode, db = sys.argv[1], Path(sys.argv[2])
    if mode == "bare":
        serial_painting()
        app = QApplication([])
        table = QTableView()
        table.setModel(Fixed())
        table.verticalHeader().setDefaultSectionSize(30)
        table.resize(1200, 800)
        table.show()
        app.processEvents()
        times, jobs = frames(app, table), 0
    else:
        from modconsole.gui.app import create_app, open_main_window

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
        times = frames(app, page.table)
        jobs = len(started)
        window.runner.shutdown()
    for t in times:
        print(f"{t:.3f}")
    print(f"jobs {jobs}")


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)  # skip PySide teardown at exit, which can crash offscreen
