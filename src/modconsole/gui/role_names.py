"""Staff roles in the interface's language (literal translate calls, which lupdate needs)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from modconsole.domain.enums import StaffRole


def role_names() -> dict[str, str]:
    return {StaffRole.ADMIN: QCoreApplication.translate("Roles", "admin"),
            StaffRole.LEAD: QCoreApplication.translate("Roles", "lead"),
            StaffRole.MODERATOR: QCoreApplication.translate("Roles", "moderator"),
            StaffRole.OPS: QCoreApplication.translate("Roles", "ops"),
            StaffRole.VIEWER: QCoreApplication.translate("Roles", "viewer")}
