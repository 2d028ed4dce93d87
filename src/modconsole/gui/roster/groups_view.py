"""The Groups tab: every chat group's kind, cap and fill, and adding or moving members."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from modconsole.domain.enums import GroupKind
from modconsole.gui.operations import OperationRunner
from modconsole.services import groups


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
    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self._runner = runner
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        new = QPushButton(self.tr("New group…"))
        new.clicked.connect(self.new_group)
        bar.addWidget(self.summary, 1)
        bar.addWidget(new)
        layout.addLayout(bar)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Group"), self.tr("Kind"), self.tr("Cap"), self.tr("Members"), self.tr("Fill")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        layout.addWidget(self.table)

    def reload(self) -> None:
        self._runner.run(groups.list_groups, label=self.tr("Loading groups"), on_done=self._show)

    def _show(self, infos) -> None:
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
    member_ids: list[str],
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
                    count=len(member_ids)),
                names,
                editable=False,
            )
            if not ok:
                return
        target, ok = QInputDialog.getItem(
            parent,
            QCoreApplication.translate("GroupsView", "Add to group"),
            QCoreApplication.translate("GroupsView", "Put the {count} selected members in").format(
                count=len(member_ids)),
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
            lambda s: groups.add_to_group(s, member_ids, by_name[target], by_name.get(source)),
            label=QCoreApplication.translate("GroupsView", "Changing groups"),
            changes={"groups", "members"},
            on_done=done,
        )

    runner.run(
        groups.list_groups,
        label=QCoreApplication.translate("GroupsView", "Loading groups"),
        on_done=chosen,
    )
