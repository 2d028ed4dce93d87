"""The first page of an import wizard: a file, read on a reader thread when Next is pressed.

Telling a CSV's encoding or a chat export's format can mean reading much of
the file, so Next starts the read and the wizard goes on by itself once it
is done; a file that cannot be read says why on the page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from modconsole.gui.operations import Operation, OperationRunner


class FilePage(QWizardPage):
    """Subclasses set `dialog` (the file dialog's title and filter) and the path's
    placeholder, add their own options to `options`, and implement `choice`, `job` and
    `opened`."""

    def __init__(self, runner: OperationRunner):
        super().__init__()
        self._runner = runner
        self.dialog = ("", "")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.options = QVBoxLayout()  # what a subclass asks beside the file
        layout.addLayout(self.options)
        self.reading = QLabel()  # what is being read, in plain words, not as a warning
        self.reading.hide()
        layout.addWidget(self.reading)
        self.error = QLabel()
        self.error.setObjectName("warning")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._reading: Operation | None = None  # the read under way, if any
        self._read = None  # the choice whose result the wizard holds

    def choice(self) -> tuple:
        """What identifies the chosen file: its path, and any option that changes the read."""
        raise NotImplementedError

    def job(self, choice: tuple) -> Callable:
        """The read, as a runner job taking a session."""
        raise NotImplementedError

    def opened(self, choice: tuple, result) -> None:
        """Keep the read's result in the wizard."""
        raise NotImplementedError

    def _browse(self) -> None:
        title, wanted = self.dialog
        path, _ = QFileDialog.getOpenFileName(self, title, "", wanted)
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip()) and self._reading is None

    def validatePage(self) -> bool:
        chosen = self.choice()
        if self._read == chosen:
            return True
        if self._reading is None:
            self._read = None
            self.error.clear()
            self.reading.setText(self.tr("Reading {name}…").format(name=chosen[0].name))
            self.reading.show()
            self._reading = self._runner.run(
                self.job(chosen), label=self.tr("Reading the file"), background=True,
                on_done=lambda result: self._opened(chosen, result), on_error=self._failed)
            self.completeChanged.emit()
        return False

    def _opened(self, chosen: tuple, result) -> None:
        self._reading, self._read = None, chosen
        self.reading.hide()
        self.opened(chosen, result)
        self.completeChanged.emit()
        if self.wizard() is not None and self.wizard().currentPage() is self:
            self.wizard().next()

    def _failed(self, _exc, message: str) -> None:
        self._reading = None
        self.reading.hide()
        self.error.setText(message)
        self.completeChanged.emit()
