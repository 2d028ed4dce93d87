"""The Groups tab: every chat group's kind, cap and fill, and adding or moving members."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.enums import GroupKind
from modconsole.gui.operations import OperationRunner
from modconsole.gui.role_gate import RoleGate
from modconsole.gui.shortcuts import widget_shortcut
from modconsole.services import groups
from modconsole.services.member_targets import Targets


def kind_names(widget: QWidget) -> dict[str, str]:
    return {
        GroupKind.FUNNEL: QCoreApplication.translate("GroupKinds", "funnel"),
        GroupKind.NEWCOMER: QCoreApplication.translate("GroupKinds", "newcomers"),
        GroupKind.TRAINING: QCoreApplication.translate("GroupKinds", "training camp"),
        GroupKind.CORE: QCoreApplication.translate("GroupKinds", "core/VIP"),
        GroupKind.REGIONAL: QCoreApplication.translate("GroupKinds", "regional"),
        GroupKind.SPEND_TIER: QCoreApplication.translate("GroupKinds", "spend tier"),
        GroupKind.OTHER: QCoreApplication.translate("GroupKinds", "other"),
    }


class GroupsView(QWidget):
    """Every group with its fill; create, rename (F2), set the cap and archive (Delete)."""

    def __init__(self, runner: OperationRunner, gate: RoleGate, parent=None):
        super().__init__(parent)
        self._runner, self._gate = runner, gate
        self.infos = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        bar.addWidget(self.summary, 1)
        self.buttons = {}
        for key, text, slot in (("new", self.tr("New group…"), self.new_group),
                                ("rename", self.tr("Rename… (F2)"), self.rename),
                                ("cap", self.tr("Cap…"), self.set_cap),
                                ("archive", self.tr("Archive… (Del)"), self.archive)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        gate.guard("groups", *self.buttons.values())
        layout.addLayout(bar)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Group"), self.tr("Kind"), self.tr("Cap"), self.tr("Members"), self.tr("Fill")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        widget_shortcut("F2", self.table, self.rename)
        widget_shortcut(QKeySequence.StandardKey.Delete, self.table, self.archive)
        layout.addWidget(self.table)
        self._update_buttons()

    def current(self):
        row = self.table.currentRow()
        return self.infos[row] if 0 <= row < len(self.infos) and \
            self.table.selectionModel().hasSelection() else None

    def _update_buttons(self) -> None:
        for key in ("rename", "cap", "archive"):
            self._gate.set_enabled(self.buttons[key], self.current() is not None)

    def _editable(self):
        """The chosen group, unless the role may not change groups (F2 and Del pass no
        button, so the status bar says who can)."""
        if self._gate.hold("groups", lambda words: self.window().statusBar().showMessage(
                words, 10000)):
            return None
        return self.current()

    def _change(self, job, label: str) -> None:
        self._runner.run(job, label=label, changes={"groups"})

    def rename(self) -> None:
        group = self._editable()
        if group is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename group"), self.tr("New name"),
                                        text=group.name)
        if ok and name.strip() and name.strip() != group.name:
            self._change(lambda s: groups.update_group(s, group.id, name=name),
                         self.tr("Renaming a group"))

    def set_cap(self) -> None:
        group = self._editable()
        if group is None:
            return
        cap, ok = QInputDialog.getInt(
            self, self.tr("Group cap"),
            self.tr("Members at which {name} should split (now {members}):").format(
                name=group.name, members=f"{group.members:,}"), group.cap, 1, 1_000_000)
        if ok and cap != group.cap:
            self._change(lambda s: groups.update_group(s, group.id, cap=cap),
                         self.tr("Changing a group's cap"))

    def archive(self) -> None:
        group = self._editable()
        if group is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Archive group"),
            self.tr("Archive {name} ({members} members)? It leaves the lists and pickers; "
                    "members keep their other groups, and the audit log keeps its "
                    "history.").format(name=group.name, members=f"{group.members:,}"))
        if answer == QMessageBox.StandardButton.Yes:
            self._change(lambda s: groups.archive_group(s, group.id),
                         self.tr("Archiving a group"))

    def reload(self) -> None:
        self._runner.run(groups.list_groups, label=self.tr("Loading groups"), on_done=self._show)

    def _show(self, infos) -> None:
        self.infos = infos
        kinds = kind_names(self)
        self.table.setRowCount(len(infos))
        for row, g in enumerate(infos):
            for column, value in enumerate(
                (g.name, kinds.get(g.kind, g.kind), f"{g.cap:,}", f"{g.members:,}")
            ):
                item = QTableWidgetItem(value)
                if column in (2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
            bar = QProgressBar()
            bar.setRange(0, max(g.cap, 1))
            bar.setValue(min(g.members, g.cap))
            bar.setFormat(f"{g.fill:.0%}")
            bar.setProperty("nearCap", g.near_cap)
            if g.near_cap:
                bar.setToolTip(self.tr("Near its cap: split the group or open a new one."))
            self.table.setCellWidget(row, 4, bar)
        self._update_buttons()
        near = sum(g.near_cap for g in infos)
        self.summary.setText(
            self.tr("%n groups", "", len(infos))
            + (" · " + self.tr("%n near their cap", "", near) if near else "")
            if infos
            else self.tr("No groups yet: create one with New group…")
        )

    def new_group(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New group"), self.tr("Name"))
        if not ok:
            return
        kinds = kind_names(self)
        kind, ok = QInputDialog.getItem(
            self, self.tr("New group"), self.tr("Kind"), list(kinds.values()), editable=False
        )
        if ok:
            key = next(k for k, v in kinds.items() if v == kind)
            self._runner.run(
                lambda s: groups.create_group(s, name, key) and None,
                label=self.tr("Creating a group"),
                changes={"groups"},
            )


def choose_group(
    parent: QWidget,
    runner: OperationRunner,
    targets: Targets,
    count: int,
    move: bool,
    on_done: Callable[[], None],
) -> None:
    """Ask for the target (and, to move, the source) group, then add or move the members."""

    def chosen(infos):
        names = [g.name for g in infos]
        if not names:
            runner.error.emit(
                QCoreApplication.translate(
                    "GroupsView", "There are no groups yet; create one on the Groups tab."
                )
            )
            return
        by_name = {g.name: g.id for g in infos}
        source = None
        if move:
            source, ok = QInputDialog.getItem(
                parent,
                QCoreApplication.translate("GroupsView", "Move to group"),
                QCoreApplication.translate(
                    "GroupsView", "Take the {count} selected members out of").format(
                    count=count),
                names,
                editable=False,
            )
            if not ok:
                return
        target, ok = QInputDialog.getItem(
            parent,
            QCoreApplication.translate("GroupsView", "Add to group"),
            QCoreApplication.translate("GroupsView", "Put the {count} selected members in").format(
                count=count),
            names,
            editable=False,
        )
        if not ok:
            return

        def done(result):
            message = QCoreApplication.translate(
                "GroupsView", "{added} added, {removed} moved out."
            ).format(added=result.added, removed=result.removed)
            if result.over_cap_by:
                message += " " + QCoreApplication.translate(
                    "GroupsView", "The group is now {count} over its cap."
                ).format(count=result.over_cap_by)
            parent.window().statusBar().showMessage(message, 10000)
            on_done()

        runner.run(
            lambda s: groups.add_to_group(s, targets, by_name[target], by_name.get(source)),
            label=QCoreApplication.translate("GroupsView", "Changing groups"),
            changes={"groups", "members"},
            on_done=done,
        )

    runner.run(
        groups.list_groups,
        label=QCoreApplication.translate("GroupsView", "Loading groups"),
        on_done=chosen,
    )
