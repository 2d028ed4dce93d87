"""Who is at the keyboard: the staff member this console acts as, for authorship.

Until sign-in exists (the team-server issue) it is the OS user, made a staff
row on first use and remembered in the database's settings.
"""

from __future__ import annotations

import getpass
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from modconsole.domain.enums import StaffRole
from modconsole.services.errors import UserError
from modconsole.store import models as m
from modconsole.store.settings import set_setting

KEY = "me"


def act_as(session: Session, staff_id: str) -> None:
    """Act as another staff member for this transaction only (the CLI's `--as`)."""
    session.info[KEY] = staff_id


@cache
def _me_sql():
    """One lookup, built once: every audited action asks who is at the keyboard."""
    staff, setting = m.Staff.__table__.c, m.Setting.__table__.c
    return select(staff.id).join_from(
        m.Staff.__table__, m.Setting.__table__,
        staff.id == func.json_extract(setting.value_json, "$")).where(setting.key == KEY)


def current_staff_id(session: Session) -> str:
    if KEY in session.info:
        return session.info[KEY]
    staff_id = session.connection().execute(_me_sql()).scalar()
    if staff_id:
        return staff_id
    if session.info.get("read_only_store"):  # browsing someone's file: nobody to record
        return ""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no user name in some containers
        name = "console"
    staff = m.Staff(name=name, role=StaffRole.OPS)
    session.add(staff)
    session.flush()
    set_setting(session, KEY, staff.id)
    return staff.id


def current_role(session: Session) -> str:
    staff = session.get(m.Staff, current_staff_id(session))
    return staff.role if staff is not None else StaffRole.VIEWER


def set_role(session: Session, role: str) -> None:
    """Say what this person is on the team. Local only: the team server checks roles itself."""
    if role not in tuple(StaffRole):
        raise UserError(f"Unknown role '{role}'; use one of {', '.join(StaffRole)}.")
    session.get(m.Staff, current_staff_id(session)).role = role
    session.flush()
