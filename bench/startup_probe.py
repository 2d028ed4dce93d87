"""One cold start, run as its own process by bench/run.py; prints when painted.

    python bench/startup_probe.py bare|app|dashboard DB
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
            if event.type() == QEvent.Type.Paint and mode != "dashboard":
                QTimer.singleShot(0, lambda: report_and_quit(self.app, "painted"))
            return False

    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1200, 760)
    else:
        from modconsole.gui.app import create_app, open_main_window

        app = create_app(sys.argv[:1])
        window = open_main_window(db)
        if mode == "dashboard":
            dash = window.dashboard
            poll = QTimer()
            poll.timeout.connect(lambda: dash.cards["members"].value.text() != "—"
                                 and report_and_quit(app, "dashboard"))
            poll.start(1)
    painter = FirstPaint(app)
    window.installEventFilter(painter)
    window.show()
    app.exec()
    if mode != "bare":
        window.runner.shutdown()


main()
