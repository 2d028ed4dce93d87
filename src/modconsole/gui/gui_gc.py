"""Python's cycle collector, run on the GUI thread only while a worker thread lives.

Left automatic, a collection can start on the database worker thread and
finalise Qt objects (dialogs, tabs and the lambdas that hold them) there,
which crashes Qt. So while any worker runs, automatic collection is off and
a timer on the GUI thread collects each generation when it passes the usual
threshold; with the last worker gone, automatic collection comes back.

A full collection walks every object Python tracks: after start that is
the window, its widgets' wrappers and every module, ~300,000 objects, and a
full collection took ~200 ms on the GUI thread. Once start-up is over the
main window moves what exists into the permanent generation (gc.freeze), so
later collections walk only what was made since (~25 ms).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.workers = 0
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)

    def hold(self) -> None:
        """A worker thread starts."""
        self.workers += 1
        gc.disable()
        self.timer.start(INTERVAL_MS)

    def release(self) -> None:
        """A worker thread has stopped."""
        self.workers = max(self.workers - 1, 0)
        if not self.workers:
            self.timer.stop()
            gc.enable()

    def collect(self) -> None:
        counts = gc.get_count()
        generation = -1
        for level in range(3):
            if counts[level] <= self.thresholds[level]:
                break
            generation = level
        if generation >= 0:
            gc.collect(generation)


def gui_thread_collector() -> GuiThreadCollector:
    """The application's collector, made on first use."""
    app = QCoreApplication.instance()
    return app.findChild(GuiThreadCollector) or GuiThreadCollector(app)
