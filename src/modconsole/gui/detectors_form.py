"""A rule's detectors as a form: keyword and pattern lists, promotion signals, flood, repeat
and mention thresholds, and how moderators judged what each one flagged."""

from __future__ import annotations

import json
import re

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from modconsole.domain import detectors
from modconsole.services.detector_stats import DetectorStat

WORD_SEPARATORS = re.compile(r"[\n,，;；]")


class DetectorsForm(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.keywords = QPlainTextEdit()
        self.keywords.setPlaceholderText(self.tr("One per line or separated by commas, e.g. "
                                                 "赌博，博彩"))
        self.keywords.setToolTip(self.tr("Matched whatever the case or width (ＶＸ = vx); "
                                         "Latin words match whole words only."))
        self.patterns = QPlainTextEdit()
        self.patterns.setPlaceholderText(self.tr("Regular expressions, one per line"))
        for edit in (self.keywords, self.patterns):
            edit.setMaximumHeight(64)
        names = {"links": self.tr("links"), "phones": self.tr("phone numbers"),
                 "wechat_ids": self.tr("WeChat IDs"), "add_me": self.tr("“加V/加微信”"),
                 "qr": self.tr("QR codes")}
        self.signals: dict[str, QCheckBox] = {}
        signals = QWidget()
        row = QHBoxLayout(signals)
        row.setContentsMargins(0, 0, 0, 0)
        for key in detectors.SIGNALS:
            self.signals[key] = box = QCheckBox(names[key])
            row.addWidget(box)
        row.addStretch(1)
        self.flood_count, self.flood_seconds, flood = self._window(
            self.tr("messages within"), self.tr("seconds"))
        self.repeat_count, self.repeat_seconds, repeat = self._window(
            self.tr("times the same text within"), self.tr("seconds"))
        self.mentions = QSpinBox()
        self.mentions.setRange(0, 500)
        self.mentions.setSpecialValueText(self.tr("off"))
        self.mentions.setSuffix(self.tr(" mentions in one message"))
        self.stats = QLabel()
        self.stats.setObjectName("hint")
        self.stats.setWordWrap(True)
        for label, widget in ((self.tr("Keywords"), self.keywords),
                              (self.tr("Patterns"), self.patterns),
                              (self.tr("Promotion"), signals), (self.tr("Flooding"), flood),
                              (self.tr("Repeating"), repeat), (self.tr("Mentions"), self.mentions),
                              ("", self.stats)):
            form.addRow(label, widget)

    def _window(self, middle: str, unit: str) -> tuple[QSpinBox, QSpinBox, QWidget]:
        count, seconds = QSpinBox(), QSpinBox()
        count.setRange(0, 1000)
        count.setSpecialValueText(self.tr("off"))
        seconds.setRange(1, 86_400)
        seconds.setValue(60)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (count, QLabel(middle), seconds, QLabel(unit)):
            row.addWidget(widget)
        row.addStretch(1)
        return count, seconds, box

    def set_value(self, text: str | None) -> None:
        """Show a rule's detectors (unreadable ones show as none; saving replaces them)."""
        try:
            d = detectors.parse(text)
        except detectors.DetectorError:
            d = detectors.Detectors()
        self.keywords.setPlainText("\n".join(d.keywords))
        self.patterns.setPlainText("\n".join(d.regex))
        for key, box in self.signals.items():
            box.setChecked(key in d.promotion)
        for window, count, seconds in ((d.flood, self.flood_count, self.flood_seconds),
                                       (d.repeat, self.repeat_count, self.repeat_seconds)):
            count.setValue(window.count if window else 0)
            seconds.setValue(window.seconds if window else 60)
        self.mentions.setValue(d.mentions)

    def value(self) -> str | None:
        """The form as detector JSON (None: no detectors); the service checks it."""
        data: dict = {
            "keywords": [w.strip() for w in WORD_SEPARATORS.split(self.keywords.toPlainText())
                         if w.strip()],
            "regex": [p.strip() for p in self.patterns.toPlainText().splitlines() if p.strip()],
            "promotion": [k for k, box in self.signals.items() if box.isChecked()],
            "mentions": self.mentions.value()}
        if self.flood_count.value():
            data["flood"] = {"messages": self.flood_count.value(),
                             "seconds": self.flood_seconds.value()}
        if self.repeat_count.value():
            data["repeat"] = {"times": self.repeat_count.value(),
                              "seconds": self.repeat_seconds.value()}
        data = {k: v for k, v in data.items() if v}
        return json.dumps(data, ensure_ascii=False) if data else None

    def set_stats(self, stats: list[DetectorStat]) -> None:
        names = {"keywords": self.tr("Keywords"), "regex": self.tr("Patterns"),
                 "promotion": self.tr("Promotion"), "flood": self.tr("Flooding"),
                 "repeat": self.tr("Repeating"), "mentions": self.tr("Mentions")}
        lines = []
        for s in stats:
            if not s.reports:
                continue
            rate = (self.tr("{rate}% dismissed").format(rate=round(100 * s.dismiss_rate))
                    if s.dismiss_rate is not None else self.tr("none decided yet"))
            lines.append(self.tr("{kind}: {reports} reports, {dismissed} of {decided} decided "
                                 "were dismissed ({rate})").format(
                kind=names.get(s.kind, s.kind), reports=s.reports, dismissed=s.dismissed,
                decided=s.decided, rate=rate))
        self.stats.setText("\n".join(lines) if lines else self.tr(
            "Detectors flag matching messages when a chat export is imported (Roster → Import "
            "chat…); their reports wait in the queue."))
