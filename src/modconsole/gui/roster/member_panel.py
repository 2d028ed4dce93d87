"""The member panel beside the roster: profile, tags, groups, class and why, points, notes."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from modconsole.gui.operations import OperationRunner
from modconsole.gui.role_gate import RoleGate
from modconsole.gui.roster.case_file_view import CaseFileView
from modconsole.gui.roster.chips import text_on
from modconsole.gui.roster.labels import reason_text, value_names
from modconsole.services import member_detail
from modconsole.services.member_detail import EDITABLE, MemberDetail

NOTE_ROLE = Qt.ItemDataRole.UserRole


def chips_html(tags: list[tuple[str, str, str]]) -> str:
    from PySide6.QtGui import QColor

    spans = []
    for _id, name, color in tags:
        fg = text_on(QColor(color)).name()
        whole = "\u2060".join(html.escape(c) for c in name)  # word joiners: a chip never breaks
        spans.append(f'<span style="background:{color}; color:{fg};">&nbsp;{whole}'
                     "&nbsp;</span>")
    return " ".join(spans)


class MemberPanel(QScrollArea):
    """Shows one member; field edits save on Enter or leaving the field.

    Signals:
        member_changed(): a saved edit changed what the roster shows.
    """

    member_changed = Signal()

    def __init__(self, runner: OperationRunner, gate: RoleGate, parent=None):
        super().__init__(parent)
        self._runner = runner
        self.member_id: str | None = None
        self._detail: MemberDetail | None = None
        self._editing_note: str | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 8, 12, 8)

        self.empty = QLabel(self.tr("Select a member to see their profile, tags, groups, "
                                    "points and notes."))
        self.empty.setWordWrap(True)
        self.empty.setObjectName("hint")
        layout.addWidget(self.empty)
        self.content = QWidget()
        layout.addWidget(self.content)
        layout.addStretch(1)
        box = QVBoxLayout(self.content)
        box.setContentsMargins(0, 0, 0, 0)

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("hint")
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.title)
        box.addWidget(self.subtitle)

        form = QFormLayout()
        captions = {"name": self.tr("Name"), "nickname": self.tr("Group nickname"),
                    "phone": self.tr("Phone"), "email": self.tr("E-mail"),
                    "region": self.tr("Region"), "gender": self.tr("Gender")}
        self.fields: dict[str, QLineEdit] = {}
        for key in EDITABLE:
            edit = QLineEdit()
            edit.editingFinished.connect(lambda k=key: self._save_field(k))
            form.addRow(captions[key], edit)
            self.fields[key] = edit
        box.addLayout(form)

        self.tags = self._section(box, self.tr("Tags"))
        self.groups = self._section(box, self.tr("Groups"))
        self.why = self._section(box, self.tr("Class and why"))

        box.addWidget(self._heading(self.tr("Points")))
        self.ledger = QTableWidget(0, 3)
        self.ledger.setHorizontalHeaderLabels([self.tr("When"), self.tr("Points"),
                                               self.tr("Reason")])
        self.ledger.horizontalHeader().setStretchLastSection(True)
        self.ledger.verticalHeader().hide()
        self.ledger.setMaximumHeight(130)
        self.ledger.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        box.addWidget(self.ledger)

        box.addWidget(self._heading(self.tr("Staff notes")))
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.notes.setMaximumHeight(140)
        self.notes.itemDoubleClicked.connect(self._start_edit_note)
        box.addWidget(self.notes)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("Write a note for the team (Ctrl+Enter "
                                                  "saves)"))
        self.note_edit.setMaximumHeight(70)
        box.addWidget(self.note_edit)
        buttons = QHBoxLayout()
        self.note_button = QPushButton(self.tr("Add note"))
        self.note_button.clicked.connect(self._save_note)
        self.delete_note_button = QPushButton(self.tr("Delete note"))
        self.delete_note_button.clicked.connect(self._delete_note)
        buttons.addWidget(self.note_button)
        buttons.addWidget(self.delete_note_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        gate.guard("members", *self.fields.values())
        gate.guard("member_notes", self.note_edit, self.note_button, self.delete_note_button)
        save = QShortcut(QKeySequence("Ctrl+Return"), self.note_edit)
        save.activated.connect(self._save_note)

        box.addWidget(self._heading(self.tr("Case file")))
        self.case_file = CaseFileView(runner)
        box.addWidget(self.case_file)
        self.content.hide()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionTitle")
        return label

    def _section(self, box: QVBoxLayout, title: str) -> QLabel:
        box.addWidget(self._heading(title))
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        box.addWidget(label)
        return label

    # -- loading ---------------------------------------------------------------------------
    def show_member(self, member_id: str | None) -> None:
        self.member_id = member_id
        if member_id is None:
            self.content.hide()
            self.empty.show()
            return
        self.case_file.show_member(member_id)
        self._runner.run(lambda s: member_detail.load_detail(s, member_id),
                         label=self.tr("Loading the member"),
                         on_done=lambda detail: self._show(member_id, detail))

    def reload(self) -> None:
        if self.member_id:
            self.show_member(self.member_id)

    def _show(self, member_id: str, detail: MemberDetail) -> None:
        if member_id != self.member_id:
            return  # another member was selected meanwhile
        self._detail = detail
        names = value_names()
        member = detail.member
        self.title.setText(member["name"])
        status = names.get(f"status.{member['status']}", member["status"])
        self.subtitle.setText(f"{member['platform_id']} · {status}")
        for key, edit in self.fields.items():
            edit.setText(member.get(key) or "")
        self.tags.setText(chips_html(detail.tags) or self.tr("No tags yet."))
        self.groups.setText(html.escape(", ".join(n for _i, n in detail.groups))
                            or self.tr("In no group."))
        if detail.why is None:
            self.why.setText(self.tr("Not classified yet: run “Recompute classes” on the "
                                     "roster."))
        else:
            why = detail.why
            head = " · ".join([names.get(why.member_class, why.member_class),
                               names.get(why.layer, why.layer),
                               names.get(f"stage.{why.growth_stage}", why.growth_stage)])
            lines = "".join(f"<li>{html.escape(reason_text(r))}</li>" for r in why.reasons)
            self.why.setText(f"<b>{html.escape(head)}</b><ul>{lines}</ul>")
        self.ledger.setRowCount(len(detail.ledger))
        for row, line in enumerate(detail.ledger):
            for column, value in enumerate((line.at.astimezone().strftime("%Y-%m-%d"),
                                            f"{line.delta:+d}", line.reason)):
                self.ledger.setItem(row, column, QTableWidgetItem(value))
        self.notes.clear()
        for note in detail.notes:
            stamp = note.at.astimezone().strftime("%Y-%m-%d %H:%M")
            author = note.author or self.tr("someone")
            item = QListWidgetItem(f"{note.body}\n— {author}, {stamp}")
            item.setData(NOTE_ROLE, note.id)
            self.notes.addItem(item)
        self._reset_note_editor()
        self.empty.hide()
        self.content.show()

    # -- edits -----------------------------------------------------------------------------
    def _save_field(self, key: str) -> None:
        if self._detail is None or self.member_id is None:
            return
        value = self.fields[key].text()
        if value.strip() == (self._detail.member.get(key) or ""):
            return
        member_id = self.member_id

        def failed(_exc, message):
            self.fields[key].setText(self._detail.member.get(key) or "")
            self._runner.error.emit(message)

        self._runner.run(lambda s: member_detail.update_field(s, member_id, key, value),
                         label=self.tr("Saving the member"), changes={"members"},
                         on_done=lambda _r: (self.reload(), self.member_changed.emit()),
                         on_error=failed)

    def _start_edit_note(self, item: QListWidgetItem) -> None:
        self._editing_note = item.data(NOTE_ROLE)
        body = next(n.body for n in self._detail.notes if n.id == self._editing_note)
        self.note_edit.setPlainText(body)
        self.note_button.setText(self.tr("Save note"))
        self.note_edit.setFocus()

    def _reset_note_editor(self) -> None:
        self._editing_note = None
        self.note_edit.clear()
        self.note_button.setText(self.tr("Add note"))

    def _save_note(self) -> None:
        if self.member_id is None:
            return
        body, member_id, note_id = self.note_edit.toPlainText(), self.member_id, self._editing_note

        def job(session):
            if note_id:
                member_detail.edit_note(session, note_id, body)
            else:
                member_detail.add_note(session, member_id, body)

        self._runner.run(job, label=self.tr("Saving the note"), changes={"members"},
                         on_done=lambda _r: self.reload())

    def _delete_note(self) -> None:
        item = self.notes.currentItem()
        if item is None:
            self._runner.error.emit(self.tr("Select a note to delete."))
            return
        note_id = item.data(NOTE_ROLE)
        self._runner.run(lambda s: member_detail.delete_note(s, note_id),
                         label=self.tr("Deleting the note"), changes={"members"},
                         on_done=lambda _r: self.reload())
