"""The first-start question across the top of the window: who are you, in which language.

Until a person gives a display name the console would sign notices with the
OS login ("@管理员 root"); a bar rather than a dialog, so nothing is blocked
while they decide. Settings → You edits both later.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton

from modconsole.domain.text import DISPLAY_NAME_MAX
from modconsole.gui.i18n import LANGUAGES
from modconsole.gui.qsettings import gui_settings


class IntroduceBar(QFrame):
    """Name and language; style.qss colours it like the other bars (#alertBar).

    Signals:
        chosen(str, str): the name typed and the language code ("system", "zh_CN", "en").
    """

    chosen = Signal(str, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("alertBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        self.text = QLabel(self.tr("Welcome! Tell your team who you are: this name signs "
                                   "your notices, claims and decisions."))
        self.text.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setMaxLength(DISPLAY_NAME_MAX)
        self.name.setPlaceholderText(self.tr("Display name, e.g. 王浩然"))
        self.name.setMinimumWidth(170)
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "system")
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        current = gui_settings().value("language", "system")
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.save = QPushButton(self.tr("Save"))
        self.later = QPushButton(self.tr("Later"))
        row.addWidget(self.text, 1)
        for widget in (self.name, self.language, self.save, self.later):
            row.addWidget(widget)
        self.save.clicked.connect(self._save)
        self.name.returnPressed.connect(self._save)
        self.later.clicked.connect(self.hide)
        self.hide()

    def _save(self) -> None:
        if not self.name.text().strip():
            self.text.setText(self.tr("Type the name your team and members know you by."))
            self.name.setFocus()
            return
        self.chosen.emit(self.name.text(), self.language.currentData())
