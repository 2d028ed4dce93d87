"""The quick-reply popup: the templates that fit, filled in, on the clipboard with Enter.

Opened from a page with its context (selected members, a case, an activity).
The suggestions and the members' values are fetched once on the worker;
filtering and rendering then happen as the person types.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
)

from modconsole.domain.placeholders import TemplateError
from modconsole.gui.operations import OperationRunner
from modconsole.gui.replies.labels import lang_names
from modconsole.services import replies
from modconsole.services.replies import TemplateInfo, matches
from modconsole.services.reply_context import (
    EACH,
    MENTIONS,
    ReplyContext,
    context_values,
    render_messages,
    suggest,
)

TEMPLATE_ROLE = Qt.ItemDataRole.UserRole


class QuickInsertDialog(QDialog):
    """Type to filter, arrows to choose, Enter to copy (then the next member's message)."""

    def __init__(self, runner: OperationRunner, context: ReplyContext, lang: str, parent=None):
        super().__init__(parent)
        self._runner = runner
        self._context = context
        self._lang = lang
        self._templates: list[TemplateInfo] = []
        self._people: list[dict[str, str]] = [{}]
        self._messages: list[str] = []
        self._next = 0
        self.setWindowTitle(self.tr("Quick reply"))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        self.who = QLabel(self.tr("Loading…"))
        self.who.setObjectName("hint")
        layout.addWidget(self.who)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by title, tag or text; /code jumps; "
                                               "↑↓ choose, Enter copies"))
        self.search.installEventFilter(self)
        self.search.textChanged.connect(self._filter)
        layout.addWidget(self.search)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._rerender)
        self.list.itemActivated.connect(self.copy_next)
        layout.addWidget(self.list, 2)
        mode_row = QHBoxLayout()
        self.each = QRadioButton(self.tr("One message per member"))
        self.mentions = QRadioButton(self.tr("One message @-mentioning everyone"))
        self.each.setChecked(True)
        self.modes = QButtonGroup(self)
        for button in (self.each, self.mentions):
            self.modes.addButton(button)
            mode_row.addWidget(button)
            button.toggled.connect(self._rerender)
        mode_row.addStretch(1)
        layout.addLayout(mode_row)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setObjectName("preview")
        layout.addWidget(self.preview, 3)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Copy"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy_next)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for button in (self.each, self.mentions):
            button.setVisible(len(context.member_ids) > 1)
        self._load()

    # -- loading -------------------------------------------------------------------------
    def _load(self) -> None:
        context, lang = self._context, self._lang

        def fetch(session):
            return suggest(session, context, lang), context_values(session, context, lang)

        self._runner.run(fetch, label=self.tr("Finding replies"), on_done=self._loaded,
                         on_error=lambda _exc, message: self.who.setText(message))

    def _loaded(self, result) -> None:
        self._templates, self._people = result
        count = len(self._context.member_ids)
        if count > 1:
            self.who.setText(self.tr("For %n members", "", count))
        elif self._people[0].get("nickname"):
            self.who.setText(self.tr("For {nickname}").format(nickname=self._people[0]["nickname"]))
        else:
            self.who.setText(self.tr("No member chosen: select members on the roster first to "
                                     "fill in their names."))
        self._filter(self.search.text())
        self.search.setFocus()

    def _filter(self, text: str) -> None:
        self.list.clear()
        for template in self._templates:
            if matches(template, text):
                lang = lang_names().get(template.lang, template.lang)
                item = QListWidgetItem(f"{template.title}    /{template.code} · {lang}")
                item.setData(TEMPLATE_ROLE, template)
                self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.preview.setPlainText("")
            self.status.setText(self.tr("No approved template matches. Templates are written "
                                        "on the Replies page (Ctrl+3)."))

    # -- rendering and copying -----------------------------------------------------------
    def current(self) -> TemplateInfo | None:
        item = self.list.currentItem()
        return item.data(TEMPLATE_ROLE) if item else None

    def _rerender(self, *_args) -> None:
        template = self.current()
        self._next = 0
        if template is None:
            return
        mode = MENTIONS if self.mentions.isChecked() else EACH
        try:
            rendered = render_messages(template.body, self._people, template.lang, mode=mode)
        except TemplateError:
            self._messages = []
            self.preview.setPlainText("")
            self.status.setText(self.tr("The filled-in reply would be too long to send; "
                                        "choose fewer members or one message each."))
            return
        self._messages = [r.text for r in rendered]
        self.preview.setPlainText("\n\n— — —\n\n".join(self._messages))
        missing = sorted({n for r in rendered for n in r.missing})
        if missing:
            self.status.setText(self.tr("No value for {names}; they stay as written.").format(
                names=", ".join("{" + n + "}" for n in missing)))
        elif len(self._messages) > 1:
            self.status.setText(self.tr("Enter copies the first of %n messages; press it again "
                                        "for each next one.", "", len(self._messages)))
        else:
            self.status.setText(self.tr("Enter copies it to the clipboard."))

    def copy_next(self, *_args) -> None:
        template = self.current()
        if template is None or not self._messages:
            return
        QGuiApplication.clipboard().setText(self._messages[self._next])
        ids, case_id = self._context.member_ids, self._context.case_id
        for_whom = ids if len(self._messages) == 1 else ids[self._next:self._next + 1]
        self._next += 1
        template_id = template.id
        self._runner.run(lambda s: replies.record_use(s, template_id, member_ids=for_whom,
                                                      case_id=case_id),
                         label=self.tr("Counting a use"), changes=("templates",))
        if self._next >= len(self._messages):
            self.accept()
            return
        self.status.setText(self.tr("Copied {done} of {total}. Paste it, then press Enter for "
                                    "the next.").format(done=self._next,
                                                        total=len(self._messages)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the filter box move through the list."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = -1 if key == Qt.Key.Key_Up else 1
                row = min(max(self.list.currentRow() + step, 0), self.list.count() - 1)
                self.list.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.copy_next()
                return True
        return super().eventFilter(watched, event)
