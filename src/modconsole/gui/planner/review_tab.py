"""After the activity: participants (from check-ins) against the audience, and the outcome.

Saving the review marks the activity done, so the week's review counts it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from modconsole.gui.planner.file_tab import FileTab
from modconsole.services import reviews


class ReviewTab(FileTab):
    def __init__(self, runner, entry, parent=None):
        super().__init__(runner, entry, parent)
        layout = QVBoxLayout(self)
        self.turnout = QLabel()
        self.turnout.setObjectName("sectionTitle")
        self.turnout.setWordWrap(True)
        layout.addWidget(self.turnout)
        form = QFormLayout()
        self.spins = {}
        for key, label in (("new_members", self.tr("New members")),
                           ("conversions", self.tr("Conversions (paid, signed up)")),
                           ("content_published", self.tr("Content published"))):
            spin = QSpinBox()
            spin.setRange(0, 10_000_000)
            self.spins[key] = spin
            form.addRow(label, spin)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("What went well, what to change next time"))
        form.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(form, 1)
        self.save_button = self.add_save_row(layout, self.tr("Save the review (Ctrl+S)"))

    def load(self) -> None:
        aid = self.entry.activity_id
        self.run(lambda s: reviews.review_of(s, aid), self.tr("Loading the review"), self._show)

    def _show(self, r: reviews.Review) -> None:
        rate = self.tr("%1% of the audience").replace("%1", f"{r.rate * 100:.1f}") \
            if r.rate is not None else self.tr("no target audience (set groups or a segment)")
        self.turnout.setText(self.tr("%1 participants (checked in) of %2 members targeted: %3")
                             .replace("%1", str(r.participants)).replace("%2", str(r.audience))
                             .replace("%3", rate))
        for key, spin in self.spins.items():
            spin.setValue(getattr(r, key))
        self.notes.setPlainText(r.notes)

    def save(self) -> None:
        aid = self.entry.activity_id
        values = {key: spin.value() for key, spin in self.spins.items()}
        notes = self.notes.toPlainText().strip()

        def job(session):
            reviews.record_review(session, aid, notes=notes, **values)
            return reviews.review_of(session, aid)

        self.run(job, self.tr("Saving the review"),
                 lambda r: (self._show(r), self.say(self.tr(
                     "Review saved; the activity is marked done."))), ("activities",))
