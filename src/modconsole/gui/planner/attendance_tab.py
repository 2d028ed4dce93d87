"""Who signs up, who waits and who came, for one occurrence.

Names or platform ids are pasted (or found, or read from a sign-up sheet)
into the list box first, so the person sees who was recognised before
anything is written; Sign up and Check in then act on that list, and the
table's selection can be checked in or cancelled.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from modconsole.domain.enums import AttendanceStatus
from modconsole.gui.planner.file_tab import FileTab
from modconsole.gui.planner.labels import seat_names
from modconsole.gui.shortcuts import widget_shortcut
from modconsole.gui.tables import read_only_table
from modconsole.services import attendance
from modconsole.services.roster import search_members
from modconsole.store.models import utcnow

CHANGES = ("attendance", "members")
ID_ROLE = Qt.ItemDataRole.UserRole


class AttendanceTab(FileTab):
    def __init__(self, runner, entry, parent=None):
        super().__init__(runner, entry, parent)
        self.seats: list[attendance.Seat] = []
        layout = QVBoxLayout(self)
        self.counts = QLabel()
        self.counts.setObjectName("sectionTitle")
        layout.addWidget(self.counts)
        self.table = read_only_table([self.tr("Name"), self.tr("Platform id"),
                                      self.tr("Status"), self.tr("Checked in")])
        layout.addWidget(self.table, 1)
        chosen = QHBoxLayout()
        self.check_selected = QPushButton(self.tr("Check in selected (Ctrl+I)"))
        self.cancel_selected = QPushButton(self.tr("Cancel sign-up (Del)"))
        chosen.addWidget(self.check_selected)
        chosen.addWidget(self.cancel_selected)
        chosen.addStretch(1)
        layout.addLayout(chosen)
        self.find = QLineEdit()
        self.find.setPlaceholderText(self.tr("Find a member by name, nickname or id; Enter"))
        self.found = QListWidget()
        self.found.setMaximumHeight(90)
        self.found.hide()
        self.pasted = QPlainTextEdit()
        self.pasted.setPlaceholderText(self.tr(
            "Paste names or platform ids here, separated by spaces, commas or lines."))
        self.pasted.setMaximumHeight(80)
        layout.addWidget(self.find)
        layout.addWidget(self.found)
        layout.addWidget(self.pasted)
        actions = QHBoxLayout()
        self.sign_up = QPushButton(self.tr("Sign up the list (Ctrl+Enter)"))
        self.check_list = QPushButton(self.tr("Check in the list"))
        self.from_file = QPushButton(self.tr("Read a sign-up sheet…"))
        for w in (self.sign_up, self.check_list, self.from_file):
            actions.addWidget(w)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self.check_selected.clicked.connect(self.check_in_selected)
        self.cancel_selected.clicked.connect(self.cancel_selected_seats)
        self.sign_up.clicked.connect(lambda: self.apply_list(check_in=False))
        self.check_list.clicked.connect(lambda: self.apply_list(check_in=True))
        self.from_file.clicked.connect(self.read_file)
        self.find.returnPressed.connect(self.search)
        self.found.itemActivated.connect(self.pick)
        widget_shortcut("Ctrl+I", self.table, self.check_in_selected)
        widget_shortcut("Del", self.table, self.cancel_selected_seats)
        widget_shortcut("Ctrl+Return", self.pasted, lambda: self.apply_list(check_in=False))

    def load(self) -> None:
        e = self.entry
        self.run(lambda s: attendance.seat_list(s, e.activity_id, e.key),
                 self.tr("Loading the attendance"), self._show)

    def _show(self, seats: list[attendance.Seat]) -> None:
        self.seats = seats
        names = seat_names()
        self.table.setRowCount(len(seats))
        for row, seat in enumerate(seats):
            checked = seat.checked_in_at.astimezone().strftime("%m-%d %H:%M") \
                if seat.checked_in_at else ""
            for column, text in enumerate((seat.name, seat.platform_id,
                                           names.get(seat.status, seat.status), checked)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        count = {s: sum(seat.status == s for seat in seats) for s in AttendanceStatus}
        capacity = self.entry.capacity
        self.counts.setText(
            self.tr("%1 signed up, %2 waiting, %3 attended").replace(
                "%1", str(count["registered"] + count["attended"])).replace(
                "%2", str(count["waitlist"])).replace("%3", str(count["attended"]))
            + (self.tr(" · capacity %1").replace("%1", str(capacity)) if capacity else ""))
        if not seats and not self.message.text():
            self.say(self.tr("Nobody is on the list yet. Paste names or ids below, find a "
                             "member, or read a sign-up sheet (CSV or XLSX)."))

    def _selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.seats[r].member_id for r in rows if r < len(self.seats)]

    def check_in_selected(self) -> None:
        ids = self._selected_ids()
        if ids and self._early_check_in_confirmed():
            self._check_in(ids)

    def _early_check_in_confirmed(self) -> bool:
        """Checking in before the session starts is usually a slip: ask first."""
        start = self.entry.start
        if start <= utcnow():
            return True
        answer = QMessageBox.question(
            self, self.tr("Check in early?"),
            self.tr("This session has not begun: it starts {when}. Check in anyway?").format(
                when=f"{start.astimezone():%Y-%m-%d %H:%M}"))
        return answer == QMessageBox.StandardButton.Yes

    def _check_in(self, ids: list[str]) -> None:
        e = self.entry
        self.run(lambda s: attendance.check_in(s, e.activity_id, e.key, ids),
                 self.tr("Checking in"), lambda r: (self.say(self.tr(
                     "%1 checked in; %2 earned points now.").replace(
                     "%1", str(len(r.checked_in))).replace("%2", str(r.points_awarded))),
                     self.load()), CHANGES)

    def cancel_selected_seats(self) -> None:
        e = self.entry
        for member_id in self._selected_ids():
            self.run(lambda s, i=member_id: attendance.cancel(s, e.activity_id, e.key, i),
                     self.tr("Cancelling the sign-up"), self._cancelled, CHANGES)

    def _cancelled(self, promoted: str | None) -> None:
        name = next((s.name for s in self.seats if s.member_id == promoted), promoted)
        self.say(self.tr("Cancelled; %1 moves up from the waiting list.").replace("%1", name)
                 if promoted else self.tr("Cancelled."))
        self.load()

    def apply_list(self, check_in: bool) -> None:
        text = self.pasted.toPlainText()
        if not text.strip():
            self.say(self.tr("The list is empty: paste names or platform ids first."),
                     error=True)
            return
        if check_in and not self._early_check_in_confirmed():
            return
        e = self.entry

        def job(session):
            found = attendance.resolve_list(session, text)
            if not found.member_ids:
                return found, None
            if check_in:
                return found, attendance.check_in(session, e.activity_id, e.key,
                                                  found.member_ids)
            return found, attendance.register(session, e.activity_id, e.key, found.member_ids)

        self.run(job, self.tr("Checking in") if check_in else self.tr("Signing up"),
                 lambda outcome: self._applied(outcome, check_in), CHANGES)

    def _choose_shared(self, shared: dict) -> list[str]:
        """For each name several members share, the one the person picks (or none)."""
        chosen = []
        for name, candidates in shared.items():
            labels = [" · ".join((c.name, c.platform_id, *c.groups)) for c in candidates]
            skip = self.tr("(none of them)")
            label, ok = QInputDialog.getItem(
                self, self.tr("Which {name}?").format(name=name),
                self.tr("{count} members are called {name}. Choose the one on the list:").format(
                    count=len(candidates), name=name), [*labels, skip], 0, False)
            if ok and label != skip:
                chosen.append(candidates[labels.index(label)].member_id)
        return chosen

    def _applied(self, outcome, check_in: bool) -> None:
        found, result = outcome
        if found.shared:
            chosen = self._choose_shared(found.shared)
            if chosen:
                e = self.entry
                self.run(lambda s: attendance.check_in(s, e.activity_id, e.key, chosen)
                         if check_in else attendance.register(s, e.activity_id, e.key, chosen),
                         self.tr("Checking in") if check_in else self.tr("Signing up"),
                         lambda _r: self.load(), CHANGES)
        parts = []
        if isinstance(result, attendance.CheckIn):
            parts.append(self.tr("%1 checked in; %2 earned points now.").replace(
                "%1", str(len(result.checked_in))).replace("%2", str(result.points_awarded)))
        elif result is not None:
            parts.append(self.tr("%1 signed up, %2 waiting, %3 already on the list, "
                                 "%4 refused (full)").replace(
                "%1", str(len(result.registered))).replace(
                "%2", str(len(result.waitlisted))).replace(
                "%3", str(len(result.already))).replace("%4", str(len(result.refused))))
        if found.unknown:
            parts.append(self.tr("Not recognised: %1").replace(
                "%1", ", ".join(found.unknown[:20])))
            self.pasted.setPlainText("\n".join(found.unknown))
        else:
            self.pasted.clear()
        self.say("\n".join(parts), error=bool(found.unknown))
        self.load()

    def read_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Read a sign-up sheet"), "",
            self.tr("Tables (*.csv *.xlsx);;All files (*)"))
        if path:
            self.read_sheet(Path(path))

    def read_sheet(self, path: Path) -> None:
        """Put the sheet's recognised members in the list box; nothing is written yet."""
        def job(session):
            found = attendance.members_from_file(session, path)
            return (attendance.platform_ids(session, found.member_ids), found.unknown,
                    list(found.shared))

        self.run(job, self.tr("Reading the sheet"), self._sheet_read)

    def _sheet_read(self, outcome) -> None:
        ids, unknown, shared = outcome
        self.pasted.setPlainText("\n".join([*ids, *shared]))  # shared names: chosen on apply
        text = self.tr("%1 members read from the sheet; press Sign up or Check in.").replace(
            "%1", str(len(ids)))
        if unknown:
            text += "\n" + self.tr("Not recognised: %1").replace(
                "%1", ", ".join(unknown[:20]))
        self.say(text, error=bool(unknown))

    def search(self) -> None:
        text = self.find.text().strip()
        if text:
            self.run(lambda s: search_members(s, text, limit=20),
                     self.tr("Finding members"), self._found)

    def _found(self, rows) -> None:
        self.found.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.name}  ·  {row.nickname}  ·  {row.platform_id}")
            item.setData(ID_ROLE, row.platform_id)
            self.found.addItem(item)
        if not rows:
            self.found.addItem(self.tr("No member matches; try part of a name or id."))
        self.found.show()
        self.found.setCurrentRow(0)
        self.found.setFocus()

    def pick(self, item: QListWidgetItem) -> None:
        """Enter or double-click on a found member adds them to the list box."""
        platform_id = item.data(ID_ROLE)
        if platform_id:
            current = self.pasted.toPlainText().strip()
            self.pasted.setPlainText(f"{current}\n{platform_id}".strip())
            self.find.clear()
            self.found.hide()
            self.find.setFocus()
