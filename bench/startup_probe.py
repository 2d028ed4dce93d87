"""One cold start, run as its own process by bench/run.py; prints when painted.

    python bench/startup_probe.py bare|app|page|dashboard DB

app: the window's first frame; page: the page it opens on is built (its code is
loaded after the first frame); dashboard: the dashboard's counts are filled.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def report_and_quit(app, what: str) -> None:
    print(what, flush=True)
    app.quit()


def main() -> None:
    mode, db = sys.argv[1], Path(sys.argv[2])
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def __init__(self, app):
            super().__init__()
            self.app = app

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and mode in ("bare", "app"):
                QTimer.singleShot(0, lambda: report_and_quit(self.app, "painted"))
            return False

    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1200, 760)
    else:
        import modconsole.cli  # noqa: F401 - what the `modconsole` command loads first
        from modconsole.gui.app import create_app, open_main_window

        app = create_app(sys.argv[:1])
        window = open_main_window(db)
        done = {"page": lambda: window.current_page() in window.pages,
                "dashboard": lambda: "dashboard" in window.pages
                and window.dashboard.cards["members"].value.text() != "—"}.get(mode)
        if done is not None:
            poll = QTimer()
            poll.timeout.connect(lambda: done() and (poll.stop(), report_and_quit(app, mode)))
            poll.start(1)
    painter = FirstPaint(app)
    window.installEventFilter(painter)
    window.show()
    app.exec()
    if mode != "bare":
        window.runner.shutdown()


main()
