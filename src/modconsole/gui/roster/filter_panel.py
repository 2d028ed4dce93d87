"""The roster's filter panel: every condition of a `MemberFilter`, composed with AND.

Tags: tick to require, tick "not" to exclude; the combo decides whether the
ticked tags are all required or any one is enough; ticking a tag group
means "has some tag of this group". Edits emit `changed` after a short pause
so the count and the table do not re-query on every click.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.member_filter import MemberFilter
from modconsole.domain.recurrence import zone
from modconsole.services.activities import DEFAULT_ZONE

DEBOUNCE_MS = 250
ID_ROLE = Qt.ItemDataRole.UserRole


class ChipToggles(QWidget):
    """A wrap of toggle buttons for a small vocabulary (layers, classes, statuses…)."""

    toggled = Signal()

    def __init__(self, values: list[tuple[str, str]], columns: int = 2, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        self.buttons: dict[str, QPushButton] = {}
        for i, (value, label) in enumerate(values):
            button = QPushButton(label)
            button.setCheckable(True)
            button.setObjectName("chipToggle")
            button.toggled.connect(self.toggled)
            grid.addWidget(button, i // columns, i % columns)
            self.buttons[value] = button

    def values(self) -> tuple[str, ...]:
        return tuple(v for v, b in self.buttons.items() if b.isChecked())

    def set_values(self, values) -> None:
        for value, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(value in values)
            button.blockSignals(False)


class DateRange(QWidget):
    """From/to dates, each off unless ticked; whole days in the community's time zone (the
    one the dashboard counts days in), as UTC bounds."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.ends = []
        for row, caption in enumerate((self.tr("from"), self.tr("to"))):
            tick = QCheckBox(caption)
            edit = QDateEdit(QDate.currentDate())
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            tick.toggled.connect(edit.setEnabled)
            tick.toggled.connect(self.changed)
            edit.dateChanged.connect(self.changed)
            layout.addWidget(tick, row, 0)
            layout.addWidget(edit, row, 1)
            self.ends.append((tick, edit))

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        result = []
        for i, (tick, edit) in enumerate(self.ends):
            if not tick.isChecked():
                result.append(None)
                continue
            day = edit.date().toPython()
            local = datetime.combine(day, time.max if i else time.min, zone(DEFAULT_ZONE))
            result.append(local.astimezone(UTC))
        return result[0], result[1]

    def set_bounds(self, low: datetime | None, high: datetime | None) -> None:
        for (tick, edit), value in zip(self.ends, (low, high), strict=True):
            tick.blockSignals(True)
            edit.blockSignals(True)
            tick.setChecked(value is not None)
            edit.setEnabled(value is not None)
            if value is not None:
                edit.setDate(QDate(value.astimezone(zone(DEFAULT_ZONE)).date()))
            tick.blockSignals(False)
            edit.blockSignals(False)


class NumberRange(QWidget):
    """Minimum and maximum, each "any" at its lowest value."""

    changed = Signal()

    def __init__(self, maximum: int, scale: int = 1, parent=None):
        super().__init__(parent)
        self.scale = scale  # stored value = shown value * scale (yuan -> cents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.spins = []
        for _ in range(2):
            spin = QSpinBox()
            spin.setRange(-1, maximum)
            spin.setSpecialValueText(self.tr("any"))
            spin.setValue(-1)
            spin.setMinimumWidth(70)  # not as wide as the largest number: the pane is narrow
            spin.valueChanged.connect(self.changed)
            layout.addWidget(spin, 1)
            self.spins.append(spin)
        layout.insertWidget(1, QLabel("–"))

    def bounds(self) -> tuple[int | None, int | None]:
        return tuple(None if s.value() < 0 else s.value() * self.scale for s in self.spins)

    def set_bounds(self, low: int | None, high: int | None) -> None:
        for spin, value in zip(self.spins, (low, high), strict=True):
            spin.blockSignals(True)
            spin.setValue(-1 if value is None else value // self.scale)
            spin.blockSignals(False)


class FilterPanel(QScrollArea):
    """Signals: changed(MemberFilter) — after the person pauses."""

    changed = Signal(object)

    def __init__(self, names: dict[str, str], parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._query = ""
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: self.changed.emit(self.current_filter()))
        body = QWidget()
        self.setWidget(body)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(8, 8, 8, 8)

        head = QHBoxLayout()
        title = QLabel(self.tr("Filters"))
        title.setObjectName("sectionTitle")
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove every condition (Ctrl+Shift+L)"))
        self.clear_button.clicked.connect(self.clear)
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.clear_button)
        outer.addLayout(head)

        self.tag_mode = QComboBox()
        self.tag_mode.addItem(self.tr("has all ticked tags"), "all")
        self.tag_mode.addItem(self.tr("has any ticked tag"), "any")
        self.tag_mode.currentIndexChanged.connect(self._later)
        self.tag_tree = QTreeWidget()
        self.tag_tree.setHeaderLabels([self.tr("Tag"), self.tr("not")])
        header = self.tag_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tag_tree.setMinimumHeight(220)
        self.tag_tree.itemChanged.connect(self._later)
        outer.addWidget(QLabel(self.tr("Tags")))
        outer.addWidget(self.tag_mode)
        outer.addWidget(self.tag_tree)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # fits a narrow pane
        self.group_list = QListWidget()
        self.group_list.setMaximumHeight(110)
        self.group_list.itemChanged.connect(self._later)
        form.addRow(self.tr("Groups"), self.group_list)
        self.layers = ChipToggles([(k, names[k]) for k in ("core", "potential", "base")])
        self.classes = ChipToggles([(k, names[k]) for k in
                                    ("active", "silent", "contributor", "paying", "staff")])
        self.stages = ChipToggles([(f"stage.{k}", names[f"stage.{k}"]) for k in
                                   ("explorer", "active", "contributor", "leader")])
        self.statuses = ChipToggles([(f"status.{k}", names[f"status.{k}"]) for k in
                                     ("active", "muted", "banned", "left")])
        for caption, chips in ((self.tr("Layer"), self.layers), (self.tr("Class"), self.classes),
                               (self.tr("Stage"), self.stages),
                               (self.tr("Status"), self.statuses)):
            chips.toggled.connect(self._later)
            form.addRow(caption, chips)
        self.churn = QComboBox()
        self.churn.addItem(self.tr("any"), None)
        for level in range(1, 5):
            self.churn.addItem(self.tr("level %n or higher", "", level), level)
        self.churn.currentIndexChanged.connect(self._later)
        form.addRow(self.tr("Churn warning"), self.churn)
        self.region = QComboBox()
        self.region.setEditable(True)
        self.region.lineEdit().setPlaceholderText(self.tr("any region"))
        self.region.currentTextChanged.connect(self._later)
        form.addRow(self.tr("Region"), self.region)
        self.joined = DateRange()
        self.active = DateRange()
        self.points = NumberRange(10_000_000)
        self.paid = NumberRange(10_000_000, scale=100)
        for caption, widget in ((self.tr("Joined"), self.joined),
                                (self.tr("Last active"), self.active),
                                (self.tr("Points"), self.points),
                                (self.tr("Paid (yuan)"), self.paid)):
            widget.changed.connect(self._later)
            form.addRow(caption, widget)
        outer.addLayout(form)
        outer.addStretch(1)

    # -- the catalogue of tags, groups and regions ---------------------------------------
    def set_catalog(self, tag_groups, groups, regions: list[str]) -> None:
        """Fill the pickers, keeping whatever is ticked."""
        current = self.current_filter()
        opened = {self.tag_tree.topLevelItem(i).text(0)
                  for i in range(self.tag_tree.topLevelItemCount())
                  if self.tag_tree.topLevelItem(i).isExpanded()}
        self.tag_tree.blockSignals(True)
        self.tag_tree.clear()
        for group in tag_groups:
            parent = QTreeWidgetItem([group.name or self.tr("(no group)")])
            if group.id:
                parent.setData(0, ID_ROLE, ("group", group.id))
                parent.setCheckState(0, Qt.CheckState.Unchecked)
                parent.setToolTip(0, self.tr("Has some tag of this group"))
            self.tag_tree.addTopLevelItem(parent)
            parent.setExpanded(parent.text(0) in opened)
            for tag in group.tags:
                item = QTreeWidgetItem(parent, [tag.name])
                item.setData(0, ID_ROLE, ("tag", tag.id))
                item.setCheckState(0, Qt.CheckState.Unchecked)
                item.setCheckState(1, Qt.CheckState.Unchecked)
        self.tag_tree.blockSignals(False)
        self.group_list.blockSignals(True)
        self.group_list.clear()
        for group in groups:
            item = QListWidgetItem(group.name)
            item.setData(ID_ROLE, group.id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.group_list.addItem(item)
        self.group_list.blockSignals(False)
        self.region.blockSignals(True)
        text = self.region.currentText()
        self.region.clear()
        self.region.addItems(["", *regions])
        self.region.setCurrentText(text)
        self.region.blockSignals(False)
        self.set_filter(current, emit=False)

    # -- reading and writing the conditions ------------------------------------------------
    def _tag_items(self):
        for i in range(self.tag_tree.topLevelItemCount()):
            parent = self.tag_tree.topLevelItem(i)
            yield parent
            for j in range(parent.childCount()):
                yield parent.child(j)

    def current_filter(self) -> MemberFilter:
        ticked, excluded, tag_groups = [], [], []
        for item in self._tag_items():
            kind, ident = item.data(0, ID_ROLE) or (None, None)
            if kind == "group" and item.checkState(0) == Qt.CheckState.Checked:
                tag_groups.append(ident)
            elif kind == "tag":
                if item.checkState(0) == Qt.CheckState.Checked:
                    ticked.append(ident)
                if item.checkState(1) == Qt.CheckState.Checked:
                    excluded.append(ident)
        groups = [self.group_list.item(i).data(ID_ROLE) for i in range(self.group_list.count())
                  if self.group_list.item(i).checkState() == Qt.CheckState.Checked]
        joined_from, joined_to = self.joined.bounds()
        active_from, active_to = self.active.bounds()
        points_min, points_max = self.points.bounds()
        paid_min, paid_max = self.paid.bounds()
        any_mode = self.tag_mode.currentData() == "any"
        return MemberFilter(
            all_tags=() if any_mode else tuple(ticked), any_tags=tuple(ticked) if any_mode else (),
            none_tags=tuple(excluded), tag_groups=tuple(tag_groups), groups=tuple(groups),
            layers=self.layers.values(), classes=self.classes.values(),
            stages=tuple(v.removeprefix("stage.") for v in self.stages.values()),
            statuses=tuple(v.removeprefix("status.") for v in self.statuses.values()),
            churn_min=self.churn.currentData(), region=self.region.currentText().strip() or None,
            joined_from=joined_from, joined_to=joined_to, active_from=active_from,
            active_to=active_to, points_min=points_min, points_max=points_max,
            paid_min_cents=paid_min, paid_max_cents=paid_max, query=self._query)

    def set_query(self, query: str) -> None:
        self._query = query
        self.changed.emit(self.current_filter())

    def set_filter(self, f: MemberFilter, emit: bool = True) -> None:
        """Show a filter (a saved segment) in the widgets."""
        widgets = (self.tag_tree, self.group_list, self.tag_mode, self.churn, self.region)
        for widget in widgets:
            widget.blockSignals(True)
        self.tag_mode.setCurrentIndex(1 if f.any_tags else 0)
        ticked = set(f.any_tags or f.all_tags)
        for item in self._tag_items():
            kind, ident = item.data(0, ID_ROLE) or (None, None)
            if kind == "group":
                item.setCheckState(0, Qt.CheckState.Checked if ident in f.tag_groups
                                   else Qt.CheckState.Unchecked)
            elif kind == "tag":
                item.setCheckState(0, Qt.CheckState.Checked if ident in ticked
                                   else Qt.CheckState.Unchecked)
                item.setCheckState(1, Qt.CheckState.Checked if ident in f.none_tags
                                   else Qt.CheckState.Unchecked)
                if ident in ticked or ident in f.none_tags:
                    item.parent().setExpanded(True)  # a ticked tag is never hidden
        for i in range(self.group_list.count()):
            item = self.group_list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in f.groups
                               else Qt.CheckState.Unchecked)
        self.layers.set_values(f.layers)
        self.classes.set_values(f.classes)
        self.stages.set_values({f"stage.{s}" for s in f.stages})
        self.statuses.set_values({f"status.{s}" for s in f.statuses})
        self.churn.setCurrentIndex(max(0, self.churn.findData(f.churn_min)))
        self.region.setCurrentText(f.region or "")
        for widget in widgets:
            widget.blockSignals(False)
        self.joined.set_bounds(f.joined_from, f.joined_to)
        self.active.set_bounds(f.active_from, f.active_to)
        self.points.set_bounds(f.points_min, f.points_max)
        self.paid.set_bounds(f.paid_min_cents, f.paid_max_cents)
        self._query = f.query
        if emit:
            self._timer.stop()
            self.changed.emit(self.current_filter())

    def clear(self) -> None:
        self.set_filter(replace(MemberFilter(), query=self._query))

    def _later(self, *_args) -> None:
        self._timer.start()
