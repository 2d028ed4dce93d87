"""Lucky draws: N winners from the attendees or a segment, with the seed on record.

The seed and the pool's fingerprint are shown and logged, so anyone can
re-run a draw later (Verify) and see that the same pool gives the same
winners.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
)

from modconsole.gui.planner.file_tab import FileTab
from modconsole.gui.shortcuts import widget_shortcut
from modconsole.gui.tables import read_only_table
from modconsole.services import attendance
from modconsole.services.segments import list_segments


class DrawTab(FileTab):
    def __init__(self, runner, entry, parent=None):
        super().__init__(runner, entry, parent)
        self.draws: list[attendance.DrawResult] = []
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.count = QSpinBox()
        self.count.setRange(1, 1000)
        self.count.setValue(3)
        self.pool = QComboBox()
        self.pool.addItem(self.tr("Attendees of this occurrence"), "attendees")
        self.segment = QComboBox()
        self.seed = QLineEdit()
        self.seed.setPlaceholderText(self.tr("empty: a new random seed"))
        form.addRow(self.tr("How many winners"), self.count)
        form.addRow(self.tr("Draw from"), self.pool)
        form.addRow(self.tr("Seed"), self.seed)
        layout.addLayout(form)
        hint = QLabel(self.tr("Staff and banned members never win. The seed and the pool's "
                              "fingerprint are logged so the draw can be re-checked."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QHBoxLayout()
        self.draw_button = QPushButton(self.tr("Draw (Ctrl+D)"))
        self.verify_button = QPushButton(self.tr("Verify selected draw"))
        self.copy_button = QPushButton(self.tr("Copy winners"))
        for w in (self.draw_button, self.verify_button, self.copy_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.table = read_only_table([self.tr("Drawn"), self.tr("Winners"), self.tr("Pool"),
                                      self.tr("Seed")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.table, 1)
        self.draw_button.clicked.connect(self.draw)
        self.verify_button.clicked.connect(self.verify)
        self.copy_button.clicked.connect(self.copy)
        widget_shortcut("Ctrl+D", self, self.draw, with_children=True)

    def load(self) -> None:
        aid = self.entry.activity_id
        self.run(lambda s: (attendance.draws_of(s, aid), [x.name for x in list_segments(s)]),
                 self.tr("Loading the draws"), self._show)

    def _show(self, loaded) -> None:
        self.draws, segments = loaded
        chosen = self.pool.currentIndex()
        while self.pool.count() > 1:
            self.pool.removeItem(1)
        for name in segments:
            self.pool.addItem(self.tr("Segment: %1").replace("%1", name), name)
        self.pool.setCurrentIndex(min(chosen, self.pool.count() - 1))
        self.table.setRowCount(len(self.draws))
        for row, d in enumerate(self.draws):
            cells = (d.drawn_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                     ", ".join(name or mid for mid, name in d.winners),
                     self.tr("%1 members · %2").replace("%1", str(d.pool_size)).replace(
                         "%2", d.pool_hash), d.seed)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.draws:
            self.table.selectRow(0)
        elif not self.message.text():
            self.say(self.tr("No draws yet. Check members in on the Attendance tab, then "
                             "press Ctrl+D."))

    def draw(self) -> None:
        e, count = self.entry, self.count.value()
        source = self.pool.currentData()
        pool, segment = ("attendees", None) if source == "attendees" else ("segment", source)
        seed = self.seed.text().strip() or None
        self.run(lambda s: attendance.make_draw(s, e.activity_id, e.key, count, pool, segment,
                                                seed),
                 self.tr("Drawing"), self._drawn, ("draws",))

    def _drawn(self, result: attendance.DrawResult) -> None:
        self.say(self.tr("Winners: %1 (seed %2, pool of %3)").replace(
            "%1", ", ".join(name or mid for mid, name in result.winners)).replace(
            "%2", result.seed).replace("%3", str(result.pool_size)))
        self.seed.clear()
        self.load()

    def _chosen(self) -> attendance.DrawResult | None:
        row = self.table.currentRow()
        return self.draws[row] if 0 <= row < len(self.draws) else None

    def verify(self) -> None:
        d = self._chosen()
        if d is None:
            self.say(self.tr("Choose a draw in the table first."), error=True)
            return
        self.run(lambda s: attendance.verify_draw(s, d.id), self.tr("Re-running the draw"),
                 self._verified)

    def _verified(self, v: attendance.Verification) -> None:
        if v.same_pool and v.same_winners:
            self.say(self.tr("Verified: the same pool and seed give the same winners."))
        elif v.same_winners:
            self.say(self.tr("The winners come out the same, but the pool has changed since "
                             "(check-ins or bans after the draw)."))
        else:
            self.say(self.tr("The pool has changed since the draw (check-ins, bans or "
                             "segment edits), so the seed now picks other winners."),
                     error=True)

    def copy(self) -> None:
        d = self._chosen()
        if d is not None:
            QGuiApplication.clipboard().setText("\n".join(name or mid for mid, name in d.winners))
            self.say(self.tr("Winners copied."))
