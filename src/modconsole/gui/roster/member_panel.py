"""The member panel beside the roster: profile, tags, groups, class and why, points, notes."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from modconsole.gui.operations import OperationRunner
from modconsole.gui.role_gate import RoleGate
from modconsole.gui.roster.case_file_view import CaseFileView
from modconsole.gui.roster.chips import text_on
from modconsole.gui.roster.labels import reason_text, value_names
from modconsole.gui.roster.sparkline import Sparkline
from modconsole.services import member_detail
from modconsole.services.member_detail import EDITABLE, MORE_EDITABLE, MemberDetail
from modconsole.services.member_fields import field_label

NOTE_ROLE = Qt.ItemDataRole.UserRole
STATUSES_SHOWN = ("active", "left", "muted", "banned")
MORE_HINTS = {"left_at": "2026-03-01", "joined_at": "2026-03-01 20:00",
              "last_active_at": "2026-03-01 20:00", "paid_total": "299.00",
              "inviter": "wxid_…", "age_band": "25-34"}


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

        box.addWidget(self._heading(self.tr("Activity")))
        self.sparkline = Sparkline()
        box.addWidget(self.sparkline)
        self.activity = QLabel()
        self.activity.setObjectName("hint")
        self.activity.setWordWrap(True)
        box.addWidget(self.activity)

        self.more_button = QToolButton()
        self.more_button.setText(self.tr("More fields"))
        self.more_button.setCheckable(True)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_button.setAutoRaise(True)
        box.addWidget(self.more_button)
        self.more = QWidget()
        more_form = QFormLayout(self.more)
        more_form.setContentsMargins(0, 0, 0, 0)
        self.more_fields: dict[str, QLineEdit | QComboBox | QCheckBox] = {}
        for key in MORE_EDITABLE:
            widget = self._more_widget(key)
            self.more_fields[key] = widget
            if isinstance(widget, QCheckBox):
                more_form.addRow("", widget)
            else:
                more_form.addRow(field_label(key, QCoreApplication.translate), widget)
        self.more.hide()
        self.more_button.toggled.connect(self._toggle_more)
        box.addWidget(self.more)

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
        gate.guard("members", *self.fields.values(), *self.more_fields.values())
        gate.guard("member_notes", self.note_edit, self.note_button, self.delete_note_button)
        save = QShortcut(QKeySequence("Ctrl+Return"), self.note_edit)
        save.activated.connect(self._save_note)

        box.addWidget(self._heading(self.tr("Case file")))
        self.case_file = CaseFileView(runner)
        box.addWidget(self.case_file)
        self.content.hide()

    def _more_widget(self, key: str) -> QLineEdit | QComboBox | QCheckBox:
        """Status picks from a list and the verified flags are boxes; the rest are typed as
        an import file holds them."""
        if key == "status":
            combo = QComboBox()
            names = value_names()
            for status in STATUSES_SHOWN:
                combo.addItem(names.get(f"status.{status}", status), status)
            combo.activated.connect(lambda _i: self._save_field(key))
            return combo
        if key in ("phone_verified", "email_verified"):
            check = QCheckBox(field_label(key, QCoreApplication.translate))
            check.clicked.connect(lambda _on: self._save_field(key))
            return check
        edit = QLineEdit()
        edit.setPlaceholderText(MORE_HINTS.get(key, ""))
        edit.editingFinished.connect(lambda: self._save_field(key))
        return edit

    def _toggle_more(self, shown: bool) -> None:
        self.more.setVisible(shown)
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if shown else
                                      Qt.ArrowType.RightArrow)

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
        self._show_activity(detail)
        for key in (*self.fields, *self.more_fields):
            self._put(key)
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

    def _show_activity(self, detail: MemberDetail) -> None:
        activity, member = detail.activity, detail.member
        self.sparkline.set_values(activity.per_day, activity.today)
        self.sparkline.setVisible(activity.totals is not None)
        if activity.totals is None:
            self.activity.setText(self.tr("No chat activity yet: import a chat export "
                                          "(Roster → Import chat…) to see messages per day "
                                          "and streaks."))
            return
        totals = activity.totals
        last = member.get("last_active_at")
        self.activity.setText(self.tr(
            "Messages per day, last {days} days · {recent} in that time. Last active {last} · "
            "{streak} days in a row · {total} messages on {active} days since "
            "{first}.").format(
            days=len(activity.per_day), recent=sum(activity.per_day),
            last=last.astimezone().strftime("%Y-%m-%d") if last else "—",
            streak=member.get("active_streak_days") or 0, total=totals.messages,
            active=totals.active_days, first=totals.first_day.isoformat()))

    # -- edits -----------------------------------------------------------------------------
    def _editor(self, key: str) -> QLineEdit | QComboBox | QCheckBox:
        return self.fields.get(key) or self.more_fields[key]

    def _put(self, key: str) -> None:
        """Show the stored value of `key` in its editor."""
        widget, text = self._editor(key), member_detail.field_text(self._detail.member, key)
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(text)))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(text == "yes")
        else:
            widget.setText(text)

    def _typed(self, key: str) -> str:
        """What the editor of `key` says, as update_field reads it."""
        widget = self._editor(key)
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return "yes" if widget.isChecked() else "no"
        return widget.text().strip()

    def _save_field(self, key: str) -> None:
        if self._detail is None or self.member_id is None:
            return
        value = self._typed(key)
        if value == member_detail.field_text(self._detail.member, key):
            return
        member_id = self.member_id

        def failed(_exc, message):
            self._put(key)  # the stored value comes back
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
