"""Long work with a progress dialog and a Cancel button (cancelling rolls it back)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from modconsole.gui.operations import Operation, OperationRunner

SHOW_AFTER_MS = 300  # quick jobs finish before the dialog would flash up


def run_with_progress(
    parent: QWidget,
    runner: OperationRunner,
    fn: Callable,
    *,
    label: str,
    on_done: Callable | None = None,
    on_error: Callable | None = None,
    changes=(),
) -> tuple[Operation, QProgressDialog]:
    """Run `fn(session, progress)` on the worker with a window-modal progress dialog."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Progress", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(label)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def finish(callback, *args):
        runner.progressed.disconnect(on_progress)
        dialog.close()
        dialog.deleteLater()
        if callback:
            callback(*args)

    def failed(exc, message):
        if on_error:
            finish(on_error, exc, message)
        else:
            finish(runner.error.emit, message)

    op = runner.run(
        fn,
        label=label,
        progress=True,
        changes=changes,
        on_done=lambda result: finish(on_done, result),
        on_error=failed,
    )

    def on_progress(operation, done, total):
        if operation is op:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))

    runner.progressed.connect(on_progress)
    dialog.canceled.connect(op.cancel)
    return op, dialog
