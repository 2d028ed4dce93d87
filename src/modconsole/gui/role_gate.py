"""What this console's role may not do, said before a person tries.

The role is the team account's the console acts as (the server's role, kept by
sync, so it holds offline too); a console on no team has no limits. The team server
stays the authority and refuses what slips past; pages ask here to disable
what the role cannot do, with a tooltip saying who can.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from modconsole.domain.enums import StaffRole
from modconsole.domain.permissions import may
from modconsole.gui.operations import OperationRunner
from modconsole.gui.role_names import role_names


def _role(session) -> str:
    """The team account's role while this console is on a team (offline too); "" on a
    console of its own, where the role is a label its one user picks, not a limit."""
    from modconsole.services.identity import profile  # loaded after the first frame
    from modconsole.services.team.connection import team

    me = profile(session) if team(session) else None
    return me.role if me else ""


def refusal(role: str, entity: str) -> str:
    """Why `role` may not change `entity` rows (or approve, APPROVAL), naming the roles
    that may; "" if it may."""
    if not role or may(role, entity):
        return ""
    names = role_names()
    separator = QCoreApplication.translate("RoleGate", ", ")  # a list's comma: 、 in Chinese
    able = separator.join(names[r] for r in StaffRole if may(r, entity))
    return QCoreApplication.translate(
        "RoleGate", "Your role ({role}) cannot do this; {able} can.").format(
        role=names.get(role, role), able=able)


class RoleGate(QObject):
    """The console's role, read when the database opens and whenever staff rows change.

    Signals:
        changed(str): the role now.
    """

    changed = Signal(str)

    def __init__(self, runner: OperationRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.role = ""
        self._runner = runner
        self._guarded: list[QAction | QWidget] = []
        self._team: tuple[str | None, str | None] = (None, None)
        runner.opened.connect(lambda _report: self.reload())
        runner.changed.connect(lambda topics: topics & {"staff", "external"} and self.reload())

    def reload(self) -> None:
        self._runner.run(_role, label=QCoreApplication.translate("RoleGate", "Reading your role"),
                         on_done=self._set, on_error=lambda *_: None)

    def team_changed(self, url: str | None, role: str | None) -> None:
        """Signed in or out, or the server gave another role: read the role again."""
        if (url, role) != self._team:
            self._team = (url, role)
            self.reload()

    def _set(self, role: str) -> None:
        if role != self.role:
            self.role = role
            for target in self._guarded:
                self._apply(target)
            self.changed.emit(role)

    def guard(self, entity: str, *targets: QAction | QWidget) -> None:
        """Keep `targets` disabled, with a tooltip saying who can, while the role may not
        change `entity` rows; their own tooltip comes back when it may."""
        for target in targets:
            target.setProperty("gateEntity", entity)
            target.setProperty("gateTip", target.toolTip())
            self._guarded.append(target)
            target.destroyed.connect(lambda _=None, t=target: self._guarded.remove(t))
            self._apply(target)

    def set_enabled(self, target: QAction | QWidget, on: bool) -> None:
        """What the page wants (a selection, say), granted only where the role allows."""
        target.setProperty("gateWants", on)
        self._apply(target)

    def _apply(self, target: QAction | QWidget) -> None:
        entity = target.property("gateEntity")  # None: the page's own condition only
        words = self.refusal(entity) if entity else ""
        target.setEnabled(not words and target.property("gateWants") is not False)
        target.setToolTip(words or target.property("gateTip"))

    def refusal(self, entity: str) -> str:
        return refusal(self.role, entity)

    def hold(self, entity: str, say: Callable[[str], None]) -> bool:
        """True when the role may not change `entity` rows (`say` is told why)."""
        words = self.refusal(entity)
        if words:
            say(words)
        return bool(words)
