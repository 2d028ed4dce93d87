"""The team's people on the Team page: everyone sees who is on the team and their role;
an admin, signed in, also adds accounts, changes roles, disables and resets passwords.

The server is the authority: an admin's actions are requests to it (on the sync
engine's thread), and the staff rows they change come back by sync.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.enums import StaffRole
from modconsole.gui.note_label import note_label
from modconsole.gui.operations import OperationRunner
from modconsole.gui.role_names import role_names
from modconsole.gui.tables import fit_to_rows, read_only_table
from modconsole.gui.team.sync_engine import SyncEngine, TeamState
from modconsole.services import identity
from modconsole.services.team import connection


def _server(store):
    with store.read() as session:
        return connection.team_server(session)


class PeopleBox(QGroupBox):
    def __init__(self, runner: OperationRunner, engine: SyncEngine, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("People"))
        self.runner, self.engine = runner, engine
        self._rows: list[dict] = []
        self._admin: bool | None = None  # the list shown is the server's accounts (admin)
        column = QVBoxLayout(self)
        self.table = read_only_table([self.tr("Name"), self.tr("Role"), self.tr("Account")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.note = note_label()
        self.admin_buttons = QWidget()
        buttons = QHBoxLayout(self.admin_buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("Add a colleague…"))
        self.role_button = QPushButton(self.tr("Change role…"))
        self.disable_button = QPushButton(self.tr("Disable"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.add_button.clicked.connect(self.add_colleague)
        self.role_button.clicked.connect(self.change_role)
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.reset_button.clicked.connect(self.reset_password)
        for button in (self.add_button, self.role_button, self.disable_button,
                       self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addWidget(self.table)
        column.addWidget(self.note)
        column.addWidget(self.admin_buttons)
        self.admin_buttons.hide()
        self._selection_changed()

    # -- what is shown -------------------------------------------------------------
    def show_state(self, state: TeamState) -> None:
        admin = state.url is not None and state.role == StaffRole.ADMIN
        if admin != self._admin:  # once per change of mode, not at every state
            self._admin = admin
            self.reload()
        self.admin_buttons.setVisible(admin)

    def reload(self) -> None:
        if self._admin:
            self.engine.submit(lambda store: _server(store).accounts(), self._show,
                               self._read_colleagues)
        else:
            self._read_colleagues()

    def _read_colleagues(self, why: str | None = None) -> None:
        """The colleagues this console knows (everyone's view, and an admin's offline,
        saying `why` the server's list is not shown)."""
        self.runner.run(identity.colleagues, label=self.tr("Reading the team"),
                        on_done=lambda found: self._show(
                            [{"name": c.name, "role": c.role} for c in found], why))

    def _show(self, rows: list[dict], why: str | None = None) -> None:
        names = role_names()
        self._rows = rows
        self.table.setRowCount(len(rows))
        for row, person in enumerate(rows):
            state = "" if "disabled" not in person else (
                self.tr("disabled") if person["disabled"] else self.tr("active"))
            for column, text in enumerate((person["name"],
                                           names.get(person["role"], person["role"]), state)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        fit_to_rows(self.table, 6)
        self._say(why or ("" if self._admin else
                          self.tr("Accounts are managed by the team's admins.")))
        self._selection_changed()

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _chosen(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows and rows[0].row() < len(self._rows) else None

    def _selection_changed(self) -> None:
        person = self._chosen()
        for button in (self.role_button, self.disable_button, self.reset_button):
            button.setEnabled(person is not None and "disabled" in person)
        self.disable_button.setText(self.tr("Enable") if person and person.get("disabled")
                                    else self.tr("Disable"))

    # -- an admin's requests ---------------------------------------------------------
    def _ask(self, job, on_done) -> None:
        def done(result) -> None:
            on_done(result)
            self.reload()
            self.engine.sync_now()  # the staff rows the server changed come back
        self.engine.submit(lambda store: job(_server(store)), done, self._refused)

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("People"), message)

    def _choose_role(self, current: str = StaffRole.MODERATOR) -> str | None:
        names = role_names()
        labels = [names[role] for role in StaffRole]
        label, ok = QInputDialog.getItem(self, self.tr("Role"), self.tr("Role"), labels,
                                         labels.index(names[current]), False)
        return list(StaffRole)[labels.index(label)].value if ok else None

    def add_colleague(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add a colleague"),
                                        self.tr("Their name, as the team knows them"))
        if not ok or not name.strip():
            return
        role = self._choose_role()
        if role is not None:
            self._ask(lambda server: server.add_account(name.strip(), role),
                      lambda password: self._hand_over(name.strip(), password))

    def change_role(self) -> None:
        person = self._chosen()
        role = self._choose_role(person["role"]) if person else None
        if role is not None and role != person["role"]:
            self._ask(lambda server: server.change_account(person["name"], role=role),
                      lambda _account: None)

    def toggle_disabled(self) -> None:
        person = self._chosen()
        if person is None:
            return
        disabled = not person.get("disabled")
        if disabled and QMessageBox.question(self, self.tr("Disable"), self.tr(
                "Disable {name}? Their consoles are signed out at once; what they did "
                "stays, and you can enable the account again.").format(
                name=person["name"])) != QMessageBox.StandardButton.Yes:
            return
        self._ask(lambda server: server.change_account(person["name"], disabled=disabled),
                  lambda _account: None)

    def reset_password(self) -> None:
        person = self._chosen()
        if person is None or QMessageBox.question(self, self.tr("Reset password"), self.tr(
                "Give {name} a new password? Their consoles are signed out until they sign "
                "in with it.").format(name=person["name"])) != QMessageBox.StandardButton.Yes:
            return
        self._ask(lambda server: server.reset_password(person["name"]),
                  lambda password: self._hand_over(person["name"], password))

    def _hand_over(self, name: str, password: str) -> None:
        """Show a new password once; it is kept nowhere on this computer."""
        box = QInputDialog(self)
        box.setWindowTitle(self.tr("Password for {name}").format(name=name))
        box.setLabelText(self.tr("Give {name} this password, once and privately. It is not "
                                 "kept on this computer; they sign in with it on the Team "
                                 "page.").format(name=name))
        box.setTextValue(password)
        box.setTextEchoMode(QLineEdit.EchoMode.Normal)
        box.setOption(QInputDialog.InputDialogOption.NoButtons, False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.handed_over = box
        box.open()
