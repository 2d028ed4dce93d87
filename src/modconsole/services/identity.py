"""Who is at the keyboard: the staff member this console acts as, for authorship.

Signed in to a team server, it is the account's staff row (the server made
it). Before that it is a staff row made on first use and remembered in the
database's settings. It starts with the OS login
name, which members must never read in a notice ("@管理员 root"), so the
console asks for a display name until the person has given one.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from functools import cache

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from modconsole.domain.enums import StaffRole
from modconsole.domain.messages import N_
from modconsole.domain.permissions import may_change
from modconsole.domain.text import display_name_problem, spaced
from modconsole.services.errors import FieldError, UserError
from modconsole.store import models as m
from modconsole.store.settings import get_setting, set_setting

KEY = "me"
NAMED_KEY = "me.named"  # the person chose their display name (not the OS login)


@dataclass(frozen=True)
class Profile:
    name: str
    role: str
    named: bool  # False while the name is still the OS login's


def profile(session: Session) -> Profile | None:
    """This console's person, as Settings shows it; None on a database nobody works in."""
    staff_id = current_staff_id(session)
    staff = session.get(m.Staff, staff_id) if staff_id else None
    if staff is None:
        return None
    return Profile(staff.name, staff.role, bool(get_setting(session, NAMED_KEY)))


def set_display_name(session: Session, name: str) -> None:
    """The name colleagues and members see in notices, claims and the audit log."""
    name = spaced(name)
    problem = display_name_problem(name)
    if problem:
        raise FieldError("name", problem)
    session.get(m.Staff, current_staff_id(session)).name = name
    set_setting(session, NAMED_KEY, True)
    session.flush()


def act_as_staff(session: Session, staff_id: str) -> None:
    """This console acts as `staff_id` from now on: its team account's staff row."""
    set_setting(session, KEY, staff_id)
    set_setting(session, NAMED_KEY, True)  # the account's name, which an admin chose


def act_as(session: Session, staff_id: str) -> None:
    """Act as another staff member for this transaction only (the CLI's `--as`)."""
    session.info[KEY] = staff_id


def act_as_named(session: Session, who: str) -> None:
    """`act_as` the staff member with this id or name."""
    staff = session.scalar(select(m.Staff.id).where(or_(m.Staff.id == who, m.Staff.name == who)))
    if staff is None:
        raise UserError(N_("identity", "No staff member is called '{who}'.").format(who=who))
    act_as(session, staff)


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
        raise UserError(N_("identity", "Unknown role '{role}'; use one of {value}.").format(
                            role=role, value=', '.join(StaffRole)))
    session.get(m.Staff, current_staff_id(session)).role = role
    session.flush()


@dataclass(frozen=True)
class Colleague:
    name: str
    role: str
    staff_id: str


def colleagues(session: Session) -> list[Colleague]:
    """Everyone on the team this console knows (staff rows, the team's accounts once
    synced), by name."""
    return [Colleague(name, role, staff_id) for name, role, staff_id in session.execute(
        select(m.Staff.name, m.Staff.role, m.Staff.id).where(m.Staff.deleted_at.is_(None))
        .order_by(m.Staff.name))]


def colleagues_who_moderate(session: Session) -> list[Colleague]:
    """The colleagues a case can be given to."""
    return [c for c in colleagues(session) if may_change(c.role, "cases")]
