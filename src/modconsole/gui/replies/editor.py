"""The template editor: fields, a highlighted body, problems, and a live preview.

The preview renders in the GUI thread with the pure renderer; only looking up
a member's values goes to the worker (the page does that and hands them in).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.defaults import LANGS
from modconsole.domain.placeholders import PLACEHOLDERS, Limit, TemplateError, render
from modconsole.gui.i18n import localized
from modconsole.gui.menu_button import give_menu
from modconsole.gui.replies.highlighter import PlaceholderHighlighter
from modconsole.gui.replies.labels import (
    category_names,
    lang_names,
    placeholder_hints,
    problem_text,
    sample_values,
    scope_names,
)
from modconsole.services.replies import CATEGORIES, TemplateDraft, TemplateInfo
from modconsole.services.reply_context import PreviewChoice


def _combo(names: dict[str, str], keys) -> QComboBox:
    combo = QComboBox()
    for key in keys:
        combo.addItem(names[key], key)
    return combo


def _choose(combo: QComboBox, key: str) -> None:
    index = combo.findData(key)
    combo.setCurrentIndex(max(index, 0))


def limit_text(over: list[tuple[str, int, int]]) -> str:
    parts = []
    for unit, size, limit in over:
        if unit == "chars":
            text = QCoreApplication.translate("TemplateEditor",
                                              "{size} characters, over the limit of {limit}")
        else:
            text = QCoreApplication.translate("TemplateEditor",
                                              "{size} bytes, over the limit of {limit}")
        parts.append(text.format(size=size, limit=limit))
    return "; ".join(parts)


class TemplateEditor(QWidget):
    """Edits one template; emits `edited` on any change and `member_wanted` for a preview.

    Signals:
        edited(): a field or the body changed.
        member_wanted(str): the person typed who to preview for and pressed Enter.
        context_wanted(ReplyContext): the person chose a case or activity to preview with.
    """

    edited = Signal()
    member_wanted = Signal(str)
    context_wanted = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._limits: dict[str, Limit] = {}
        self._people: list[dict[str, str]] | None = None
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        form = QFormLayout()
        self.title = QLineEdit()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. welcome — type /welcome to find it"))
        self.category = _combo(category_names(), CATEGORIES)
        self.lang = _combo(lang_names(), LANGS)
        self.scope = _combo(scope_names(), ("team", "personal"))
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("comma-separated; a rule code makes it the first "
                                             "suggestion for that rule"))
        row = QHBoxLayout()
        for widget in (self.category, self.lang, self.scope):
            row.addWidget(widget)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Kind"), row)
        form.addRow(self.tr("Tags"), self.tags)
        layout.addLayout(form)

        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Message")))
        head.addStretch(1)
        self.insert_button = QToolButton()
        self.insert_button.setText(self.tr("Insert placeholder"))
        self.insert_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.insert_button)
        hints = placeholder_hints()
        for name in PLACEHOLDERS:
            menu.addAction(f"{{{name}}}  —  {hints[name]}",
                           lambda n=name: self.body.insertPlainText("{" + n + "}"))
        give_menu(self.insert_button, menu)
        head.addWidget(self.insert_button)
        layout.addLayout(head)
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("Write the message. {nickname} puts in the "
                                             "member's group nickname; {group|our group} "
                                             "uses \"our group\" when there is none."))
        self.highlighter = PlaceholderHighlighter(self.body.document())
        layout.addWidget(self.body, 3)
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems)

        preview_head = QHBoxLayout()
        preview_head.addWidget(QLabel(self.tr("Preview for")))
        self.source = QComboBox()
        self.source.addItem(self.tr("Sample values"), None)
        # Long case labels must not squeeze the member field beside it.
        self.source.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source.setMinimumContentsLength(18)
        self.source.activated.connect(self._source_chosen)
        preview_head.addWidget(self.source, 1)
        self.member = QLineEdit()
        self.member.setPlaceholderText(self.tr("or a member: name, nickname or platform id, "
                                               "then Enter"))
        self.member.returnPressed.connect(self._member_entered)
        preview_head.addWidget(self.member, 1)
        layout.addLayout(preview_head)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setObjectName("preview")
        layout.addWidget(self.preview, 2)
        self.counts = QLabel()
        self.counts.setObjectName("hint")
        layout.addWidget(self.counts)

        for signal in (self.title.textChanged, self.code.textChanged, self.tags.textChanged,
                       self.body.textChanged, self.category.currentIndexChanged,
                       self.lang.currentIndexChanged, self.scope.currentIndexChanged):
            signal.connect(self._changed)

    # -- contents ------------------------------------------------------------------------
    def load(self, template: TemplateInfo | None, *, category: str = "custom",
             lang: str = "zh_CN") -> None:
        """Show a template, or empty fields for a new one."""
        self._loading = True
        self.title.setText(template.title if template else "")
        self.code.setText(template.code if template else "")
        _choose(self.category, template.category if template else category)
        _choose(self.lang, template.lang if template else lang)
        _choose(self.scope, template.scope if template else "team")
        self.tags.setText(", ".join(template.tags) if template else "")
        self.body.setPlainText(template.body if template else "")
        self._loading = False
        self.refresh_preview()

    def draft(self) -> TemplateDraft:
        tags = tuple(t for t in self.tags.text().replace("，", ",").split(","))
        return TemplateDraft(self.code.text(), self.title.text(), self.category.currentData(),
                             self.lang.currentData(), self.body.toPlainText(),
                             self.scope.currentData(), tags)

    def set_limits(self, limits: dict[str, Limit]) -> None:
        self._limits = limits
        self.refresh_preview()

    def set_choices(self, choices: list[PreviewChoice]) -> None:
        """Cases and activities offered in the preview's "for" list."""
        while self.source.count() > 1:
            self.source.removeItem(1)
        for choice in choices:
            if choice.kind == "case":
                text = self.tr("Case: {label}").format(label=choice.label)
            else:
                text = self.tr("Activity: {label}").format(label=choice.label)
            self.source.addItem(text, choice.context)

    def _source_chosen(self, index: int) -> None:
        self.member.clear()
        context = self.source.itemData(index)
        if context is None:
            self.set_people(None)
        else:
            self.context_wanted.emit(context)

    @property
    def people(self) -> list[dict[str, str]] | None:
        """The chosen member's values, or None while the preview uses sample values."""
        return self._people

    def set_people(self, people: list[dict[str, str]] | None, who: str = "") -> None:
        """Values to preview with (None: sample values)."""
        self._people = people
        if who:
            self.member.setText(who)
        self.refresh_preview()

    def _member_entered(self) -> None:
        self.source.setCurrentIndex(0)
        self.member_wanted.emit(self.member.text())

    # -- preview -------------------------------------------------------------------------
    def _changed(self) -> None:
        if not self._loading:
            self.refresh_preview()
            self.edited.emit()

    def refresh_preview(self) -> None:
        lang = self.lang.currentData()
        values = self._people[0] if self._people else sample_values(lang)
        try:
            rendered = render(self.body.toPlainText(), values)
        except TemplateError as exc:
            self.preview.setPlainText("")
            self.problems.setText(self.tr("This body cannot be saved: {reason}").format(
                reason=localized(exc)))
            self.counts.setText("")
            return
        self.preview.setPlainText(rendered.text)
        notes = [problem_text(p) for p in rendered.problems[:5]]
        if rendered.missing:
            notes.append(self.tr("No value for {names} here and no fallback; write "
                                 "{{name|fallback}} to give one.").format(
                names=", ".join("{" + n + "}" for n in rendered.missing)))
        self.problems.setText("\n".join(notes))
        counts = self.tr("{chars} characters · {bytes} bytes").format(
            chars=rendered.chars, bytes=rendered.bytes)
        limit = self._limits.get(self.category.currentData())
        over = limit.exceeded_by(rendered) if limit else []
        if over:
            counts += " — " + limit_text(over)
        self.counts.setText(counts)
        self.counts.setProperty("over", bool(over))
        self.counts.style().unpolish(self.counts)
        self.counts.style().polish(self.counts)
