"""Saved segments under the sidebar, each with its member count; a click shows it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from modconsole.gui.operations import OperationRunner
from modconsole.gui.shortcuts import widget_shortcut
from modconsole.services import segments

WATCHED = frozenset({"segments", "members", "tags", "demo", "import", "classes", "groups"})
SEGMENT_ROLE = Qt.ItemDataRole.UserRole


class SegmentList(QWidget):
    """Signals: chosen(MemberFilter) — show this segment on the roster."""

    chosen = Signal(object)

    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self._runner = runner
        self.setObjectName("segmentPane")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFixedWidth(150)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(0)
        title = QLabel(self.tr("SEGMENTS"))
        title.setObjectName("segmentTitle")
        self.list = QListWidget()
        self.list.setObjectName("segments")
        self.list.setMaximumHeight(220)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)
        widget_shortcut(QKeySequence.StandardKey.Delete, self.list, self._delete)
        layout.addWidget(title)
        layout.addWidget(self.list)
        runner.opened.connect(lambda _r: self.reload())
        runner.changed.connect(lambda topics: self.reload() if topics & WATCHED else None)

    def reload(self) -> None:
        self._runner.run(lambda s: segments.list_segments(s, with_counts=True),
                         label=self.tr("Counting segments"), on_done=self._show)

    def _show(self, infos) -> None:
        self.list.clear()
        if not infos:
            item = QListWidgetItem(self.tr("Filter the roster, then\nCtrl+S saves a segment"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        for info in infos:
            item = QListWidgetItem(f"{info.name}  {info.count:,}")
            item.setData(SEGMENT_ROLE, info)
            item.setToolTip(self.tr("Show this segment on the roster; Delete removes it"))
            self.list.addItem(item)

    def _activate(self, item: QListWidgetItem) -> None:
        info = item.data(SEGMENT_ROLE)
        if info is not None:
            self.chosen.emit(info.filter)

    def _delete(self) -> None:
        item = self.list.currentItem()
        info = item.data(SEGMENT_ROLE) if item else None
        if info is None:
            return
        self._runner.run(lambda s: segments.delete_segment(s, info.id),
                         label=self.tr("Deleting a segment"), changes={"segments"},
                         on_done=lambda _r: self.window().statusBar().showMessage(
                             self.tr("Segment “{name}” deleted.").format(name=info.name),
                             8000))
