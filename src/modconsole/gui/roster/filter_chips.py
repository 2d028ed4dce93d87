"""The roster's active conditions as removable chips above the table.

A ticked box deep in the filter pane is easy to forget; a chip per condition
says what narrows the list, and ✕ removes just that one.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from modconsole.domain.member_filter import MemberFilter


def _day(moment) -> str:
    return f"{moment.astimezone():%Y-%m-%d}" if moment else "…"


def conditions(f: MemberFilter, names: dict[str, str]) -> list[tuple[str, MemberFilter]]:
    """(what it says, the filter without it) for every condition of `f`, in panel order.

    `names` maps tag, tag group and group ids and stored values to what people see.
    """
    def name(key: str) -> str:
        return names.get(key, key)

    translate = QCoreApplication.translate
    out: list[tuple[str, MemberFilter]] = []
    if f.query:
        out.append((translate("FilterChips", "Search: {text}").format(text=f.query),
                    replace(f, query="")))
    for field, label in (
            ("all_tags", translate("FilterChips", "Tag: {name}")),
            ("any_tags", translate("FilterChips", "Any tag: {name}")),
            ("none_tags", translate("FilterChips", "Without: {name}")),
            ("tag_groups", translate("FilterChips", "Tag group: {name}")),
            ("groups", translate("FilterChips", "Group: {name}")),
            ("layers", "{name}"), ("classes", "{name}")):
        values = getattr(f, field)
        for value in values:
            out.append((label.format(name=name(value)),
                        replace(f, **{field: tuple(v for v in values if v != value)})))
    for field, prefix in (("stages", "stage."), ("statuses", "status.")):
        values = getattr(f, field)
        for value in values:
            out.append((name(prefix + value),
                        replace(f, **{field: tuple(v for v in values if v != value)})))
    if f.churn_min is not None:
        out.append((translate("FilterChips", "Churn warning ≥ {level}").format(level=f.churn_min),
                    replace(f, churn_min=None)))
    if f.region:
        out.append((translate("FilterChips", "Region: {name}").format(name=f.region),
                    replace(f, region=None)))
    for low, high, label in (
            ("joined_from", "joined_to", translate("FilterChips", "Joined {low} – {high}")),
            ("active_from", "active_to", translate("FilterChips", "Active {low} – {high}"))):
        if getattr(f, low) or getattr(f, high):
            out.append((label.format(low=_day(getattr(f, low)), high=_day(getattr(f, high))),
                        replace(f, **{low: None, high: None})))
    for low, high, label, scale in (
            ("points_min", "points_max", translate("FilterChips", "Points {low} – {high}"), 1),
            ("paid_min_cents", "paid_max_cents",
             translate("FilterChips", "Paid {low} – {high} yuan"), 100)):
        if getattr(f, low) is not None or getattr(f, high) is not None:
            shown = [("…" if getattr(f, k) is None else f"{getattr(f, k) // scale:,}")
                     for k in (low, high)]
            out.append((label.format(low=shown[0], high=shown[1]),
                        replace(f, **{low: None, high: None})))
    return out


class FilterChips(QWidget):
    """Signals: narrowed(MemberFilter) — the filter with one chip's condition removed;
    cleared() — "clear all"."""

    narrowed = Signal(object)
    cleared = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 2)
        self._layout.setSpacing(4)
        self.chips: list[QPushButton] = []
        self.hide()

    def show_filter(self, f: MemberFilter, names: dict[str, str]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.chips = []
        found = conditions(f, names)
        if not found:
            self.hide()
            return
        self._layout.addWidget(QLabel(self.tr("Filtered by:")))
        for text, without in found:
            chip = QPushButton(f"{text}  ✕")
            chip.setObjectName("filterChip")
            chip.setToolTip(self.tr("Remove this condition"))
            chip.clicked.connect(lambda _checked=False, rest=without: self.narrowed.emit(rest))
            self._layout.addWidget(chip)
            self.chips.append(chip)
        clear = QPushButton(self.tr("Clear all (Ctrl+Shift+L)"))
        clear.setObjectName("linkButton")
        clear.clicked.connect(self.cleared)
        self._layout.addWidget(clear)
        self._layout.addStretch(1)
        self.show()

    def summary(self) -> str:
        """The conditions in one line, for the empty result's message."""
        return "、".join(chip.text().removesuffix("  ✕") for chip in self.chips)
