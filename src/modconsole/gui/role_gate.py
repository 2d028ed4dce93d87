"""What this console's role may not do, said before a person tries.

The role is the staff row's the console acts as: signed in, the team account's
(the server's role, kept by sync, so it holds offline too). The team server
stays the authority and refuses what slips past; pages ask here to disable
what the role cannot do, with a tooltip saying who can.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from modconsole.domain.enums import StaffRole
from modconsole.domain.permissions import may_change
from modconsole.gui.operations import OperationRunner
from modconsole.gui.role_names import role_names


def _role(session) -> str:
    from modconsole.services.identity import profile  # loaded after the first frame

    me = profile(session)
    return me.role if me else ""


def refusal(role: str, entity: str) -> str:
    """Why `role` may not change `entity` rows, naming the roles that may; "" if it may."""
    if not role or may_change(role, entity):
        return ""
    names = role_names()
    separator = QCoreApplication.translate("RoleGate", ", ")  # a list's comma: 、 in Chinese
    able = separator.join(names[r] for r in StaffRole if may_change(r, entity))
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
        runner.opened.connect(lambda _report: self.reload())
        runner.changed.connect(lambda topics: topics & {"staff", "external"} and self.reload())

    def reload(self) -> None:
        self._runner.run(_role, label=QCoreApplication.translate("RoleGate", "Reading your role"),
                         on_done=self._set, on_error=lambda *_: None)

    def _set(self, role: str) -> None:
        if role != self.role:
            self.role = role
            self.changed.emit(role)

    def refusal(self, entity: str) -> str:
        return refusal(self.role, entity)

    def hold(self, entity: str, say: Callable[[str], None]) -> bool:
        """True when the role may not change `entity` rows (`say` is told why)."""
        words = self.refusal(entity)
        if words:
            say(words)
        return bool(words)
