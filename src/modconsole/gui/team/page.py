"""The Team page: sign in to the team server, the first sync's choice, sync problems.

Everything that talks to the server goes through the SyncEngine's thread;
reading and answering sync problems goes through the database worker.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.messages import N_
from modconsole.gui.commands import command
from modconsole.gui.note_label import heading, note_label, say
from modconsole.gui.operations import OperationRunner
from modconsole.gui.role_names import role_names
from modconsole.gui.tables import read_only_table
from modconsole.gui.team.labels import entity_name, field_name, reason_text, value_text
from modconsole.gui.team.people import PeopleBox
from modconsole.gui.team.sync_engine import SyncEngine, TeamState
from modconsole.services.team import connection, join, problems


class TeamPage(QWidget):
    """Signals:
        message(str): something to show in the status bar.
        fresh_file(Path): a new database file signed in to the team was made; open it.
    """

    message = Signal(str)
    fresh_file = Signal(Path)

    def __init__(self, runner: OperationRunner, engine: SyncEngine, parent=None):
        super().__init__(parent)
        self.runner, self.engine = runner, engine
        self._problems: list[problems.Problem] = []
        self._plan_shown: str | None = None
        self._syncing = False
        layout = QVBoxLayout(self)
        layout.addLayout(heading(self.tr("Team"), self.tr(
            "One roster, queue, phrase book and plan for the whole team. Everything keeps "
            "working offline and syncs when it can.")))
        layout.addWidget(self._server_box())
        layout.addWidget(self._join_banner())
        self.people = PeopleBox(runner, engine)
        layout.addWidget(self.people)
        self.problems_box = self._problems_box()
        layout.addWidget(self.problems_box)
        layout.addStretch(1)  # given to the problems' table while it has rows
        self._layout = layout
        self.commands = {
            "sync": command(self, N_("TeamPage", "Sync with the team now"),
                            self.engine.sync_now, "F5"),
        }
        engine.state_changed.connect(self.show_state)
        engine.state_changed.connect(self.people.show_state)
        runner.changed.connect(self._on_changed)
        runner.opened.connect(lambda _report: self.reload_problems())
        self.show_state(engine.state)

    # -- building ----------------------------------------------------------------
    def _server_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Team server"))
        signed_out = self.signed_out_form = QWidget()
        signed_out.setMaximumWidth(620)
        form = QFormLayout(signed_out)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://team.example.org")
        self.account_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Server address"), self.url_edit)
        form.addRow(self.tr("Account"), self.account_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.sign_in)
        for edit in (self.url_edit, self.account_edit, self.password_edit):
            edit.returnPressed.connect(self.sign_in)
        self.sign_in_note = note_label()
        self.sign_in_note.setText(self.sign_in_note_text())
        button_row = QHBoxLayout()
        button_row.addWidget(self.sign_in_button)
        button_row.addStretch(1)
        form.addRow("", button_row)
        form.addRow("", self.sign_in_note)
        signed_in = self.signed_in_view = QWidget()
        column = QVBoxLayout(signed_in)
        self.who_label = QLabel()
        self.who_label.setWordWrap(True)
        self.who_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sync_line = QLabel()
        self.sync_line.setObjectName("hint")
        self.sync_line.setWordWrap(True)
        buttons = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setToolTip("F5")
        self.sync_button.clicked.connect(self.engine.sync_now)
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.clicked.connect(self.sign_out)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        self.presence_line = note_label()
        column.addWidget(self.who_label)
        column.addWidget(self.sync_line)
        column.addWidget(self.presence_line)
        column.addLayout(buttons)
        inner = QVBoxLayout(box)
        inner.addWidget(signed_out)
        inner.addWidget(signed_in)
        return box

    def _join_banner(self) -> QFrame:
        self.join_banner = QFrame()
        self.join_banner.setObjectName("banner")
        row = QVBoxLayout(self.join_banner)
        self.join_text = QLabel()
        self.join_text.setWordWrap(True)
        self.join_button = QPushButton()
        self.join_button.clicked.connect(self._join_chosen)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.cancel_button = QPushButton(self.tr("Stop for now"))
        self.cancel_button.setToolTip(self.tr("What came in so far is kept; the next sync "
                                              "carries on from there."))
        self.cancel_button.clicked.connect(self.engine.cancel_sync)
        actions = QHBoxLayout()
        for widget in (self.join_button, self.progress, self.cancel_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        row.addWidget(self.join_text)
        row.addLayout(actions)
        self.join_banner.hide()
        return self.join_banner

    def _problems_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Conflicts and refused changes"))
        column = QVBoxLayout(box)
        self.table = read_only_table([
            self.tr("What"), self.tr("Record"), self.tr("Field"), self.tr("Yours"),
            self.tr("Kept by the team"), self.tr("Why / who")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = QLabel(self.tr("Nothing to look at. When a colleague's change and "
                                    "yours meet on the same field, or the team server "
                                    "refuses a change, it waits here for you to choose."))
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        buttons = QHBoxLayout()
        self.mine_button = QPushButton(self.tr("Keep mine"))
        self.mine_button.setToolTip(self.tr("Your value goes to the team as a new change"))
        self.theirs_button = QPushButton(self.tr("Keep the team's"))
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.discard_button = QPushButton(self.tr("Discard"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the change as text, to keep or send"))
        self.merge_button.setToolTip(self.tr("Type the value the team should keep"))
        self.discard_button.setToolTip(self.tr("Drop a refused change of yours"))
        self.mine_button.clicked.connect(lambda: self._answer("mine"))
        self.theirs_button.clicked.connect(lambda: self._answer("theirs"))
        self.merge_button.clicked.connect(self._merge)
        self.discard_button.clicked.connect(lambda: self._answer("theirs"))
        self.copy_button.clicked.connect(self._copy)
        self.answer_buttons = QWidget()
        buttons.setContentsMargins(0, 0, 0, 0)
        self.answer_buttons.setLayout(buttons)
        for button in (self.mine_button, self.theirs_button, self.merge_button,
                       self.discard_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addWidget(self.empty)
        column.addWidget(self.table, 1)
        column.addWidget(self.answer_buttons)
        self.table.hide()
        self.answer_buttons.hide()
        self._selection_changed()
        return box

    # -- the connection ----------------------------------------------------------
    def show_state(self, state: TeamState) -> None:
        signed_in = state.url is not None
        self.signed_out_form.setVisible(not signed_in)  # shown and hidden, not stacked: the
        self.signed_in_view.setVisible(signed_in)  # box is as tall as what it shows
        if signed_in:
            role = role_names().get(state.role or "", state.role or "")
            self.who_label.setText(self.tr("Signed in to {url} as {account} ({role}).").format(
                url=state.url, account=state.account, role=role))
            self.sync_line.setText(self.sync_words(state))
            self.presence_line.setText(self.tr("Online now: {names}").format(
                names=self.tr(", ").join(state.online_now)) if state.online_now else "")
            self.presence_line.setVisible(bool(state.online_now))
        self.sync_button.setEnabled(signed_in and not state.syncing)
        if state.syncing != self._syncing:
            self._syncing = state.syncing
            self._selection_changed()
        self._show_join(state)

    def _show_join(self, state: TeamState) -> None:
        taking = state.syncing and state.pulled_rows > 0
        plan = state.first_join
        shown, self._plan_shown = self._plan_shown, plan
        self.join_banner.setVisible(bool(plan) or taking)
        self.progress.setVisible(taking)
        self.cancel_button.setVisible(taking)
        self.join_button.setVisible(bool(plan) and not taking)
        if taking:
            self.join_text.setText(self.tr("Bringing in the team's data: {rows} rows so far. "
                                           "The console stays usable meanwhile.").format(
                rows=f"{state.pulled_rows:,}"))
        elif plan == "upload":
            self.join_button.setText(self.tr("Upload and start syncing"))
            if plan != shown:  # counted once, not at every state the engine sends
                self.runner.run(join.local_sizes,
                                label=self.tr("Counting what would be uploaded"),
                                on_done=self._show_upload_sizes)
        elif plan == "take":
            self.join_text.setText(self.tr(
                "The team has its data, and this file is fresh: it takes the team's data. "
                "A large team can take some minutes; you can stop and carry on later."))
            self.join_button.setText(self.tr("Take the team's data"))
        elif plan == "refused":
            self.join_text.setText(self.tr(
                "The team has its data, and so does this file; two communities are never "
                "merged. Start a fresh file from the team: this file stays as it is, and you "
                "can come back to it in Settings → Database. (To keep a copy elsewhere too, "
                "make a backup first in Settings → Backups.)"))
            self.join_button.setText(self.tr("Start a fresh file from the team…"))

    def _show_upload_sizes(self, sizes: dict[str, int]) -> None:
        self.join_text.setText(self.tr(
            "The team has no data yet. This console's data becomes the team's first data: "
            "{members} members, {cases} cases, {activities} activities and {templates} reply "
            "templates. Colleagues who join later take it from the team.").format(
            members=f"{sizes['members']:,}", cases=f"{sizes['cases']:,}",
            activities=f"{sizes['activities']:,}", templates=f"{sizes['reply_templates']:,}"))

    def _join_chosen(self) -> None:
        state = self.engine.state
        if state.first_join == "refused":
            self.start_fresh_file()
        elif state.url:
            self.join_banner.hide()
            self.engine.agree_to_join(state.url)

    def sign_in(self) -> None:
        url, account = self.url_edit.text().strip(), self.account_edit.text().strip()
        password = self.password_edit.text()
        if not (url and account and password):
            say(self.sign_in_note, self.tr("Fill in the server address, your account and your "
                                      "password."), error=True)
            return
        self.sign_in_button.setEnabled(False)
        say(self.sign_in_note, self.tr("Signing in…"))

        def done(signed: connection.SignedIn) -> None:
            self.password_edit.clear()
            self.sign_in_button.setEnabled(True)
            say(self.sign_in_note, self.sign_in_note_text())
            if not signed.kept:
                self.message.emit(self.tr(
                    "This computer has no keyring, so the sign-in lasts until the console "
                    "closes; sign in again next time."))
            self.engine.sync_now()

        def failed(message: str) -> None:
            self.sign_in_button.setEnabled(True)
            say(self.sign_in_note, message, error=True)
        self.engine.submit(lambda store: connection.sign_in(store, url, account, password),
                           done, failed)

    def sign_in_note_text(self) -> str:
        return self.tr("Your admin gives you the address and an account. The password is "
                       "sent once; the console keeps only a sign-in token, in this "
                       "computer's keyring.")

    def sign_out(self) -> None:
        state = self.engine.state
        answer = QMessageBox.question(self, self.tr("Sign out"), self.tr(
            "Sign out of {url}? Nothing here is lost: {waiting} changes waiting stay on this "
            "computer and go to the team when you sign in again.").format(
            url=state.url, waiting=state.waiting))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.engine.submit(connection.sign_out, lambda _joined: self.message.emit(
            self.tr("Signed out; this console works on its own until you sign in again.")),
            self.message.emit)

    def start_fresh_file(self) -> None:
        state = self.engine.state
        name, _ = QFileDialog.getSaveFileName(self, self.tr("A fresh file for the team"),
                                              "team.db", self.tr("modconsole database (*.db)"))
        if not name:
            return
        password, ok = QInputDialog.getText(
            self, self.tr("Sign in"), self.tr("Password for {account} on {url}").format(
                account=state.account, url=state.url), QLineEdit.EchoMode.Password)
        if not ok or not password:
            return
        path, url, account = Path(name), state.url, state.account
        self.engine.submit(lambda _store: join.start_fresh_file(path, url, account, password),
                           lambda _none: self.fresh_file.emit(path), self.message.emit)

    # -- sync problems -------------------------------------------------------------
    def _on_changed(self, topics: frozenset) -> None:
        if topics & {"external", "sync"}:
            self.reload_problems()
        if topics & {"external", "staff"}:
            self.people.reload()

    def reload_problems(self) -> None:
        self.runner.run(problems.open_problems, label=self.tr("Reading sync problems"),
                        on_done=self._show_problems)

    def _show_problems(self, found: list[problems.Problem]) -> None:
        chosen = self._chosen()
        self._problems = found
        self.table.setRowCount(len(found))
        for row, problem in enumerate(found):
            for column, text in enumerate(self.problem_cells(problem)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(found))
        self.answer_buttons.setVisible(bool(found))
        self.empty.setVisible(not found)
        self._layout.setStretchFactor(self.problems_box, 1 if found else 0)
        self._layout.setStretch(self._layout.count() - 1, 0 if found else 1)
        if chosen is not None:
            for row, problem in enumerate(found):
                if problem.id == chosen.id:
                    self.table.selectRow(row)
        self._selection_changed()

    def _chosen(self) -> problems.Problem | None:
        rows = self.table.selectionModel().selectedRows()
        return self._problems[rows[0].row()] if rows and rows[0].row() < len(
            self._problems) else None

    def problem_cells(self, problem: problems.Problem) -> list[str]:
        """The table's six cells for a problem."""
        record = entity_name(problem.entity) + (f" {problem.name}" if problem.name else "")
        if problem.kind != "conflict":
            named = problem.detail.get("field")
            return [self.tr("Refused"), record, field_name(named) if named else "", "", "",
                    reason_text(problem.detail.get("reason"))]
        conflicts = problem.conflicts
        first = conflicts[0] if conflicts else {}
        when = first.get("kept_at")
        when = f"{datetime.fromisoformat(when).astimezone():%Y-%m-%d %H:%M}" if when else ""
        who = first.get("kept_by") or self.tr("a colleague")
        return [self.tr("Conflict"), record, ", ".join(field_name(c["field"]) for c in conflicts),
                value_text(first.get("pushed")), value_text(first.get("kept")),
                f"{who} {when}".strip()]

    def sync_words(self, state: TeamState) -> str:
        """One line on how syncing stands: last sync, waiting changes, problems, or why not."""
        if state.syncing:
            parts = [self.tr("Syncing…")]
        elif state.online is False:
            parts = [self.tr("Working offline: {reason}").format(reason=state.error)]
        elif state.last_sync is not None:
            parts = [self.tr("Last synced at {time}").format(
                time=f"{state.last_sync.astimezone():%H:%M:%S}")]
        else:
            parts = [self.tr("Not synced yet")]
        parts.append(self.tr("%n change(s) waiting", "", state.waiting))
        if state.conflicts:
            parts.append(self.tr("%n conflict(s)", "", state.conflicts))
        if state.refused:
            parts.append(self.tr("%n refused", "", state.refused))
        return " · ".join(parts)

    def _selection_changed(self) -> None:
        """Keeping mine waits out a sync: the team's value, which it writes over, comes
        with the pull that follows the push which found the conflict."""
        problem = self._chosen()
        conflict = problem is not None and problem.kind == "conflict"
        self.mine_button.setEnabled(conflict and not self._syncing)
        self.theirs_button.setEnabled(conflict)
        self.merge_button.setEnabled(conflict and not self._syncing
                                     and len(problem.conflicts) == 1
                                     and problem.conflicts[0]["field"] != "decision")
        self.discard_button.setEnabled(problem is not None and not conflict)
        self.copy_button.setEnabled(problem is not None)

    def _answer(self, choice: str, merged: dict | None = None) -> None:
        problem = self._chosen()
        if problem is None:
            return
        if choice == "mine":
            def job(session):
                problems.keep_mine(session, problem.id, merged)
        else:
            def job(session):
                problems.dismiss(session, problem.id)
        self.runner.run(job, label=self.tr("Answering a sync problem"),
                        changes={"sync", problem.entity})  # "sync" reloads the list

    def _merge(self) -> None:
        problem = self._chosen()
        if problem is None:
            return
        (conflict,) = problem.conflicts
        value, ok = QInputDialog.getText(
            self, self.tr("A merged value"), self.tr("{field}: what should it be?").format(
                field=field_name(conflict["field"])), QLineEdit.EchoMode.Normal,
            conflict["pushed"] if isinstance(conflict["pushed"], str) else "")
        if ok:
            self._answer("mine", {conflict["field"]: value})

    def _copy(self) -> None:
        problem = self._chosen()
        if problem is not None:
            QGuiApplication.clipboard().setText(json.dumps(
                {"entity": problem.entity, "row_id": problem.row_id, "kind": problem.kind,
                 **problem.detail}, ensure_ascii=False, indent=2))
            self.message.emit(self.tr("Copied."))
