"""The last page of an import wizard: Check, Import and Cancel, a progress bar, the result.

Check runs the import without writing; Import writes it; both run on the
worker, report progress here, and Cancel rolls the whole job back. The page
is complete once an import was written.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from modconsole.gui.operations import Operation


class ImportRunPage(QWizardPage):
    """Subclasses lay out their options, call `add_run_controls`, and implement `start`."""

    def __init__(self):
        super().__init__()
        self._done = False
        self._op: Operation | None = None

    def add_run_controls(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Check"))
        self.import_button = QPushButton(self.tr("Import"))
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.setEnabled(False)
        self.check_button.clicked.connect(lambda: self.start(dry_run=True))
        self.import_button.clicked.connect(lambda: self.start(dry_run=False))
        self.cancel_button.clicked.connect(self.cancel)
        for button in (self.check_button, self.import_button, self.cancel_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.progress = QProgressBar()
        layout.addWidget(self.progress)
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout.addWidget(self.result)

    def start(self, dry_run: bool) -> None:
        raise NotImplementedError

    def isComplete(self) -> bool:
        return self._done

    def running(self, op: Operation, text: str) -> None:
        """`op` started: the buttons wait and the bar moves until it ends."""
        self._op = op
        for button in (self.check_button, self.import_button):
            button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.result.setText(text)
        self.progress.setRange(0, 0)

    def cancel(self) -> None:
        if self._op is not None:
            self._op.cancel()

    def on_progress(self, op: Operation, done: int, total: int) -> None:
        if op is self._op:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(min(done, total))

    def ended(self, written: bool) -> None:
        """The job ended; once something was written the page is done and Import is off."""
        if written and not self._done:
            self._done = True
            self.completeChanged.emit()
        self._op = None
        self.cancel_button.setEnabled(False)
        for button in (self.check_button, self.import_button):
            button.setEnabled(not self._done)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)

    def failed(self, message: str) -> None:
        self.ended(False)
        self.progress.setValue(0)
        self.result.setText(message)
