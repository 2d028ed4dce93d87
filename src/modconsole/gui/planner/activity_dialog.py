"""Create or edit an activity or recurring slot, all from the keyboard.

The dialog stays open while the page saves, so a refused field (named by
the service's ActivityError) is pointed at and nothing typed is lost.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.enums import ActivityStatus, ActivityType
from modconsole.domain.recurrence import RecurrenceError, zone
from modconsole.domain.rule_words import describe_rule
from modconsole.gui.dialog_keys import ok_cancel
from modconsole.gui.i18n import localized, ui_lang
from modconsole.gui.note_label import note_label, say
from modconsole.gui.planner.labels import status_names, type_names
from modconsole.services.activities import DEFAULT_ZONE, KEYWORD_MAX, ActivityIn

ZONES = ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo",
         "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles",
         "Australia/Sydney", "UTC")
PRESETS = ("", "FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "FREQ=WEEKLY", "FREQ=MONTHLY")
ID_ROLE = Qt.ItemDataRole.UserRole


class ActivityDialog(QDialog):
    """`submitted(ActivityIn)` when OK is pressed; the page closes it once saved."""

    submitted = Signal(object)

    def __init__(self, start: datetime, groups: list[tuple[str, str]],
                 staff: list[tuple[str, str]], current: ActivityIn | None = None,
                 parent=None, segments: list[str] = ()):
        super().__init__(parent)
        self.current = current
        self.setWindowTitle(self.tr("Edit activity") if current else self.tr("New activity"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        # the form scrolls, so the dialog fits a 700-pixel-high screen with OK in sight
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        fields = QWidget()
        form = QFormLayout(fields)
        form.setContentsMargins(0, 0, 8, 0)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. 每晚八点话题问答"))
        self.type = QComboBox()
        for key, name in type_names().items():
            self.type.addItem(name, key)
        self.status = QComboBox()
        for key, name in status_names().items():
            self.status.addItem(name, key)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd ddd")
        self.at = QTimeEdit()
        self.at.setDisplayFormat("HH:mm")
        self.minutes = QSpinBox()
        self.minutes.setRange(5, 31 * 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" min"))
        when = QHBoxLayout()
        for w in (self.day, self.at, self.minutes):
            when.addWidget(w)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(ZONES)
        self.repeat = QComboBox()
        for text in (self.tr("Does not repeat"), self.tr("Every day"),
                     self.tr("Every weekday (Mon–Fri)"), self.tr("Every week on this day"),
                     self.tr("Every month on this date"), self.tr("Custom RFC 5545 rule…")):
            self.repeat.addItem(text)
        self.rule = QLineEdit()
        self.rule.setPlaceholderText("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8")
        self.rule_words = note_label()  # the rule read as words, whichever way it was made
        self.ends = QComboBox()
        self.ends.addItems([self.tr("Never ends"), self.tr("After a number of times"),
                            self.tr("On a date")])
        self.count = QSpinBox()
        self.count.setRange(1, 999)
        self.count.setValue(10)
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        ends = QHBoxLayout()
        for w in (self.ends, self.count, self.until):
            ends.addWidget(w)
        self.groups = _checklist(groups)
        self.segment = QComboBox()
        self.segment.addItem(self.tr("(everyone in the groups)"), None)
        for name in segments:
            self.segment.addItem(name, name)
        self.host = QComboBox()
        self.host.addItem(self.tr("(no host)"), None)
        for sid, name in staff:
            self.host.addItem(name, sid)
        self.helpers = _checklist(staff)
        self.helpers.setMaximumHeight(60)
        self.badge = QLineEdit()
        self.badge.setPlaceholderText(self.tr("optional, e.g. 打卡达人"))
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("Address, or leave empty for online"))
        self.link = QLineEdit()
        self.link.setPlaceholderText("https://")
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 100_000)
        self.capacity.setSpecialValueText(self.tr("no limit"))
        self.waitlist = QCheckBox(self.tr("Waitlist when full"))
        self.waitlist.setChecked(True)
        self.points = QSpinBox()
        self.points.setRange(0, 100_000)
        self.keyword = QLineEdit()
        self.keyword.setMaxLength(KEYWORD_MAX)
        self.keyword.setPlaceholderText(self.tr("e.g. 打卡"))
        self.keyword.setToolTip(self.tr("A chat message holding this word, sent during a "
                                        "session, checks its sender in when the chat export "
                                        "is imported."))
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(70)
        rows = ((self.tr("Title"), self.title), (self.tr("Type"), self.type),
                (self.tr("Status"), self.status), (self.tr("When"), when),
                (self.tr("Time zone"), self.zone), (self.tr("Repeats"), self.repeat),
                (self.tr("Rule"), self.rule), ("", self.rule_words), (self.tr("Ends"), ends),
                (self.tr("Groups"), self.groups), (self.tr("Segment"), self.segment),
                (self.tr("Host"), self.host), (self.tr("Helpers"), self.helpers),
                (self.tr("Location"), self.location), (self.tr("Online link"), self.link),
                (self.tr("Capacity"), self.capacity), ("", self.waitlist),
                (self.tr("Reward points"), self.points), (self.tr("Reward badge"), self.badge),
                (self.tr("Check-in word"), self.keyword),
                (self.tr("Description"), self.description))
        for label, widget in rows:
            form.addRow(label, widget)
        scroll.setWidget(fields)
        scroll.setMinimumWidth(fields.sizeHint().width() + 24)
        layout.addWidget(scroll, 1)
        screen = self.screen().availableGeometry() if self.screen() else None
        tallest = screen.height() - 80 if screen else 640
        self.resize(self.width(), min(fields.sizeHint().height() + 90, tallest))
        self.error = note_label()
        layout.addWidget(self.error)
        buttons = ok_cancel(self, layout)
        buttons.accepted.disconnect()
        buttons.accepted.connect(self._submit)
        self.field_widgets = {"title": self.title, "type": self.type, "status": self.status,
                              "start": self.day, "end": self.minutes, "timezone": self.zone,
                              "rrule": self.rule, "groups": self.groups, "segment": self.segment,
                              "host": self.host, "helpers": self.helpers,
                              "capacity": self.capacity, "reward_points": self.points,
                              "checkin_keyword": self.keyword}
        self.repeat.currentIndexChanged.connect(self._sync)
        self.ends.currentIndexChanged.connect(self._sync)
        self.count.valueChanged.connect(self._sync)
        self.until.dateChanged.connect(self._sync)
        self.rule.textEdited.connect(self._show_words)
        self._fill(start, current)
        self._sync()
        self.title.setFocus()

    def _fill(self, start: datetime, a: ActivityIn | None) -> None:
        tz_name = a.timezone if a else DEFAULT_ZONE
        local = (a.start if a else start).astimezone(zone(tz_name))
        self.day.setDate(QDate(local.year, local.month, local.day))
        self.at.setTime(QTime(local.hour, local.minute))
        self.until.setDate(self.day.date().addMonths(1))
        self.zone.setCurrentText(tz_name)
        self.minutes.setValue(int((a.end - a.start).total_seconds() // 60) if a else 60)
        if a is None:
            self.type.setCurrentIndex(self.type.findData(ActivityType.TOPIC))
            self.status.setCurrentIndex(self.status.findData(ActivityStatus.PLANNED))
            return
        self.title.setText(a.title)
        self.type.setCurrentIndex(max(self.type.findData(a.type), 0))
        self.status.setCurrentIndex(max(self.status.findData(a.status), 0))
        self._fill_rule(a.rrule or "")
        _check(self.groups, a.groups)
        _check(self.helpers, a.helpers)
        self.segment.setCurrentIndex(max(self.segment.findData(a.segment), 0))
        self.host.setCurrentIndex(max(self.host.findData(a.host), 0))
        self.badge.setText(a.reward_badge or "")
        self.location.setText(a.location)
        self.link.setText(a.online_link or "")
        self.capacity.setValue(a.capacity or 0)
        self.waitlist.setChecked(a.waitlist)
        self.points.setValue(a.reward_points)
        self.keyword.setText(a.checkin_keyword)
        self.description.setPlainText(a.description)

    def _fill_rule(self, rule: str) -> None:
        parts = [p for p in rule.split(";") if p]
        ending = [p for p in parts if p.startswith(("COUNT=", "UNTIL="))]
        base = ";".join(p for p in parts if p not in ending)
        if base in PRESETS[1:]:
            self.repeat.setCurrentIndex(PRESETS.index(base))
            for p in ending:
                if p.startswith("COUNT="):
                    self.ends.setCurrentIndex(1)
                    self.count.setValue(int(p[6:]))
                else:
                    until = datetime.strptime(p[6:], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
                    local = until.astimezone(zone(self.zone.currentText())).date()
                    self.ends.setCurrentIndex(2)
                    self.until.setDate(QDate(local.year, local.month, local.day))
        elif rule:
            self.repeat.setCurrentIndex(len(PRESETS))
            self.rule.setText(rule)

    def _sync(self) -> None:
        custom = self.repeat.currentIndex() == len(PRESETS)
        repeats = self.repeat.currentIndex() > 0
        self.rule.setEnabled(custom)
        self.ends.setEnabled(repeats and not custom)
        self.count.setVisible(self.ends.currentIndex() == 1)
        self.until.setVisible(self.ends.currentIndex() == 2)
        if not custom:  # the field shows the preset's rule, so the two always agree
            self.rule.setText(self.rrule() or "")
        self._show_words()

    def _show_words(self) -> None:
        rule = self.rrule()
        words = describe_rule(rule, ui_lang())
        say(self.rule_words, words if words is not None else self.tr(
            "This rule has no words here; it is used as written."))

    def rrule(self) -> str | None:
        index = self.repeat.currentIndex()
        if index == len(PRESETS):
            return self.rule.text().strip() or None
        if index == 0:
            return None
        rule = PRESETS[index]
        if self.ends.currentIndex() == 1:
            rule += f";COUNT={self.count.value()}"
        elif self.ends.currentIndex() == 2:
            last = self.until.date().toPython()
            end_local = datetime.combine(last, time(23, 59, 59), zone(self.zone.currentText()))
            rule += f";UNTIL={end_local.astimezone(UTC):%Y%m%dT%H%M%SZ}"
        return rule

    def value(self) -> ActivityIn:
        tz_name = self.zone.currentText().strip()
        start = datetime.combine(self.day.date().toPython(), self.at.time().toPython(),
                                 zone(tz_name))
        return ActivityIn(
            title=self.title.text(), type=self.type.currentData(), start=start,
            end=start + timedelta(minutes=self.minutes.value()), timezone=tz_name,
            rrule=self.rrule(), description=self.description.toPlainText(),
            groups=_checked(self.groups), segment=self.segment.currentData(),
            location=self.location.text(), online_link=self.link.text().strip() or None,
            host=self.host.currentData(), helpers=_checked(self.helpers),
            capacity=self.capacity.value() or None, waitlist=self.waitlist.isChecked(),
            reward_points=self.points.value(), reward_badge=self.badge.text().strip() or None,
            goal=self.current.goal if self.current else "", status=self.status.currentData(),
            checkin_keyword=self.keyword.text())

    def _submit(self) -> None:
        try:
            value = self.value()
        except RecurrenceError as exc:
            self.show_error("timezone", localized(exc))
            return
        self.error.clear()
        self.submitted.emit(value)

    def show_error(self, field_name: str | None, message: str) -> None:
        say(self.error, message, error=True)
        widget = self.field_widgets.get(field_name or "")
        if widget is not None:
            widget.setFocus()



def _checklist(choices: list[tuple[str, str]]) -> QListWidget:
    """A list of (id, name) with a tick box each, none ticked."""
    widget = QListWidget()
    widget.setMaximumHeight(90)
    for key, name in choices:
        item = QListWidgetItem(name)
        item.setData(ID_ROLE, key)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    return widget


def _check(widget: QListWidget, keys) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in keys
                           else Qt.CheckState.Unchecked)


def _checked(widget: QListWidget) -> tuple[str, ...]:
    return tuple(widget.item(i).data(ID_ROLE) for i in range(widget.count())
                 if widget.item(i).checkState() == Qt.CheckState.Checked)
