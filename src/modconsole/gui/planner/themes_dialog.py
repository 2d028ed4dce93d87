"""The content calendar's theme days and weeks, and the weekdays each group must not
be left empty on (the plan check warns about those)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from modconsole.gui.dialog_keys import no_default_buttons
from modconsole.gui.note_label import note_label, say
from modconsole.gui.planner.labels import day_names
from modconsole.gui.shortcuts import widget_shortcut
from modconsole.gui.tables import read_only_table
from modconsole.services import activities as act
from modconsole.services import themes
from modconsole.services.themes import ThemeError, ThemeInfo

COLORS = ("#ffe0b2", "#c8e6c9", "#bbdefb", "#f8bbd0", "#e1bee7", "#fff9c4", "#d7ccc8")
SHOWN_BACK, SHOWN_AHEAD = 60, 400  # days of themes listed around today


def load_settings(session) -> tuple[list[ThemeInfo], dict[str, set[int]]]:
    today = date.today()
    return (themes.themes_between(session, today - timedelta(days=SHOWN_BACK),
                                  today + timedelta(days=SHOWN_AHEAD)),
            act.required_days(session))


class ThemesDialog(QDialog):
    def __init__(self, runner, groups: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.runner = runner
        self.themes: list[ThemeInfo] = []
        self.required: dict[str, set[int]] = {}
        self.editing: str | None = None
        self.setWindowTitle(self.tr("Themes and required days"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("Theme days and weeks"))
        inner = QVBoxLayout(box)
        self.table = read_only_table([self.tr("Theme"), self.tr("From"), self.tr("To")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        inner.addWidget(self.table, 1)
        form = QFormLayout()
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. 健康周, 国庆"))
        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
        self.color = QComboBox()
        for color in COLORS:
            swatch = QPixmap(14, 14)
            swatch.fill(QColor(color))
            self.color.addItem(swatch, color, color)
        days = QHBoxLayout()
        for w in (self.first, QLabel("–"), self.last, self.color):
            days.addWidget(w)
        days.addStretch(1)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Days"), days)
        inner.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save theme (Enter)"))
        self.new_button = QPushButton(self.tr("New theme"))
        self.delete_button = QPushButton(self.tr("Delete theme (Del)"))
        for w in (self.save_button, self.new_button, self.delete_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        inner.addLayout(buttons)
        layout.addWidget(box, 1)
        required = QGroupBox(self.tr("Days each group needs an activity"))
        rows = QVBoxLayout(required)
        pick = QHBoxLayout()
        self.group = QComboBox()
        for gid, name in groups:
            self.group.addItem(name, gid)
        pick.addWidget(self.group)
        self.days = [QCheckBox(name) for name in day_names()]
        for box_ in self.days:
            pick.addWidget(box_)
        self.save_days = QPushButton(self.tr("Save days"))
        pick.addWidget(self.save_days)
        rows.addLayout(pick)
        hint = QLabel(self.tr("The planner warns when one of these days has nothing planned "
                              "for the group."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        rows.addWidget(hint)
        layout.addWidget(required)
        self.message = note_label()
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.table.currentCellChanged.connect(lambda row, *_: self._edit(row))
        self.save_button.clicked.connect(self.save_theme)
        self.new_button.clicked.connect(self.new_theme)
        self.delete_button.clicked.connect(self.delete_theme)
        self.title.returnPressed.connect(self.save_theme)
        self.group.currentIndexChanged.connect(lambda _i: self._show_days())
        self.save_days.clicked.connect(self.save_required)
        widget_shortcut("Del", self.table, self.delete_theme)
        no_default_buttons(self)
        self.load()

    def load(self) -> None:
        self.runner.run(load_settings, label=self.tr("Loading themes"), on_done=self._show,
                        on_error=lambda _e, text: self._say(text, True))

    def _show(self, loaded) -> None:
        self.themes, self.required = loaded
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.themes))
        for row, t in enumerate(self.themes):
            title = QTableWidgetItem(t.title)
            title.setBackground(QColor(t.color))
            self.table.setItem(row, 0, title)
            self.table.setItem(row, 1, QTableWidgetItem(f"{t.first:%Y-%m-%d}"))
            self.table.setItem(row, 2, QTableWidgetItem(f"{t.last:%Y-%m-%d}"))
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        if not self.themes:
            self._say(self.tr("No themes yet: type a title, pick the days and press Enter."))
        self._show_days()

    def _edit(self, row: int) -> None:
        if not 0 <= row < len(self.themes):
            return
        t = self.themes[row]
        self.editing = t.id
        self.title.setText(t.title)
        self.first.setDate(QDate(t.first.year, t.first.month, t.first.day))
        self.last.setDate(QDate(t.last.year, t.last.month, t.last.day))
        self.color.setCurrentIndex(max(self.color.findData(t.color), 0))

    def new_theme(self) -> None:
        self.editing = None
        self.table.clearSelection()
        self.title.clear()
        self.title.setFocus()

    def save_theme(self) -> None:
        values = (self.editing, self.title.text(), self.first.date().toPython(),
                  self.last.date().toPython(), self.color.currentData())
        self.runner.run(lambda s: (themes.save_theme(s, *values), load_settings(s)),
                        label=self.tr("Saving the theme"), changes=("activities",),
                        on_done=lambda r: (self._show(r[1]), self._say(self.tr("Theme saved."))),
                        on_error=self._refused)

    def _refused(self, exc, text: str) -> None:
        self._say(text, True)
        field = {"title": self.title, "last": self.last, "color": self.color}.get(
            exc.field if isinstance(exc, ThemeError) else "")
        if field is not None:
            field.setFocus()

    def delete_theme(self) -> None:
        if self.editing is None:
            self._say(self.tr("Choose a theme in the table first."), True)
            return
        theme_id, self.editing = self.editing, None
        self.runner.run(lambda s: (themes.delete_theme(s, theme_id), load_settings(s)),
                        label=self.tr("Deleting the theme"), changes=("activities",),
                        on_done=lambda r: (self._show(r[1]), self._say(self.tr(
                            "Theme deleted."))))

    def _show_days(self) -> None:
        wanted = self.required.get(self.group.currentData(), set())
        for day, box in enumerate(self.days):
            box.setChecked(day in wanted)

    def save_required(self) -> None:
        gid = self.group.currentData()
        if gid is None:
            self._say(self.tr("There are no groups yet; add one on the Roster page."), True)
            return
        days = {d for d, box in enumerate(self.days) if box.isChecked()}
        self.runner.run(lambda s: (act.set_required_days(s, gid, days), load_settings(s)),
                        label=self.tr("Saving required days"), changes=("activities",),
                        on_done=lambda r: (self._show(r[1]), self._say(self.tr(
                            "Required days saved."))))

    def _say(self, text: str, error: bool = False) -> None:
        say(self.message, text, error)
