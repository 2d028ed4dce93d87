"""Sanctions in force, early lifts, and the member status they imply.

Expiry needs no job: a mute is in force while `ends_at` lies ahead, and the
roster reads a member whose mute has run out as active (see
`effective_status`). The stored member status is refreshed whenever a
sanction is added, lifted, undone or overturned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import and_, bindparam, case, literal, or_, select
from sqlalchemy.orm import Session

from modconsole.domain.enums import MemberStatus, SanctionKind
from modconsole.domain.messages import N_
from modconsole.services import audit
from modconsole.services.errors import UserError
from modconsole.services.identity import current_staff_id
from modconsole.store import models as m
from modconsole.store.models import utcnow
from modconsole.store.row_writes import update_row

LASTING = (SanctionKind.MUTE, SanctionKind.BAN)  # warn and remove happen once


def effective_status(now: datetime):
    """Members.status as of `now`: a mute whose end has passed reads as active."""
    M = m.Member
    return case((and_(M.status == MemberStatus.MUTED, M.muted_until.is_not(None),
                      M.muted_until <= now), literal(MemberStatus.ACTIVE.value)),
                else_=M.status)


def in_force(now: datetime):
    S = m.Sanction
    return and_(S.kind.in_(LASTING), S.deleted_at.is_(None), S.lifted_at.is_(None),
                S.overturned.is_(False), S.starts_at <= now,
                or_(S.ends_at.is_(None), S.ends_at > now))


@cache
def _settle_sql():
    """The member and the sanctions in force on them, built once (it runs per decision)."""
    M, S = m.Member, m.Sanction
    return (select(M.status, M.muted_until, M.version, S.kind, S.ends_at)
            .outerjoin(S, and_(S.member_id == M.id, in_force(bindparam("now"))))
            .where(M.id == bindparam("member_id")))


def settle_member(session: Session, member_id: str, now: datetime | None = None) -> str:
    """Set the member's status from the sanctions in force; returns the new status."""
    now = now or utcnow()
    session.flush()
    found = session.connection().execute(_settle_sql(), {"member_id": member_id,
                                                         "now": now}).all()
    status, muted_until, version = found[0][:3]
    rows = [(kind, ends) for *_, kind, ends in found if kind is not None]
    new = (status, muted_until)
    if any(kind == SanctionKind.BAN for kind, _ in rows):
        new = (MemberStatus.BANNED, None)
    elif rows:
        ends = [end for _, end in rows]
        new = (MemberStatus.MUTED, None if None in ends else max(ends))
    elif status in (MemberStatus.MUTED, MemberStatus.BANNED):
        new = (MemberStatus.ACTIVE, None)
    if new != (status, muted_until):
        update_row(session, m.Member, member_id, version, status=new[0], muted_until=new[1])
    return new[0]


@dataclass(frozen=True)
class SanctionRow:
    id: str
    member_id: str
    member_name: str
    kind: str
    starts_at: datetime
    ends_at: datetime | None
    case_id: str | None
    rule_code: str
    lifted_at: datetime | None
    overturned: bool
    rule_title_zh: str = ""
    rule_title_en: str = ""

    def rule_title(self, lang: str) -> str:
        """The rule's title in `lang` (the code when the rule has none)."""
        return (self.rule_title_zh if lang.startswith("zh") else self.rule_title_en) or \
            self.rule_code

    def remaining(self, now: datetime):
        """Time left, or None when permanent."""
        return None if self.ends_at is None else max(self.ends_at - now, timedelta(0))

    def as_json(self) -> dict:
        return {"id": self.id, "member_id": self.member_id, "member": self.member_name,
                "kind": self.kind, "starts_at": self.starts_at.isoformat(),
                "ends_at": self.ends_at.isoformat() if self.ends_at else None,
                "case_id": self.case_id, "rule": self.rule_code or None,
                "lifted_at": self.lifted_at.isoformat() if self.lifted_at else None,
                "overturned": self.overturned}


def list_sanctions(session: Session, *, active: bool = False, member_id: str | None = None,
                   now: datetime | None = None, limit: int = 1000) -> list[SanctionRow]:
    """Sanctions newest first; `active` keeps mutes and bans in force, soonest to end first."""
    now = now or utcnow()
    S = m.Sanction
    query = (select(S.id, S.member_id, m.Member.name, S.kind, S.starts_at, S.ends_at, S.case_id,
                    m.Rule.code, S.lifted_at, S.overturned, m.Rule.title_zh, m.Rule.title_en)
             .join(m.Member, m.Member.id == S.member_id)
             .outerjoin(m.Case, m.Case.id == S.case_id)
             .outerjoin(m.Rule, m.Rule.id == m.Case.rule_id)
             .where(S.deleted_at.is_(None)).limit(limit))
    if member_id:
        query = query.where(S.member_id == member_id)
    if active:
        query = query.where(in_force(now)).order_by(S.ends_at.is_(None), S.ends_at, S.id)
    else:
        query = query.order_by(S.starts_at.desc(), S.id.desc())
    return [SanctionRow(r.id, r.member_id, r.name, r.kind, r.starts_at, r.ends_at, r.case_id,
                        r.code or "", r.lifted_at, r.overturned, r.title_zh or "", r.title_en or "")
            for r in session.execute(query)]


def lift(session: Session, sanction_id: str, reason: str, now: datetime | None = None) -> None:
    """End a mute or ban early. The reason is required and goes on the record."""
    now = now or utcnow()
    reason = (reason or "").strip()
    if not reason:
        raise UserError(N_("sanctions", "Say why the sanction is lifted early; the reason goes "
                                        "into the audit log."))
    sanction = session.get(m.Sanction, sanction_id)
    if sanction is None or sanction.deleted_at is not None:
        raise UserError(N_("sanctions", "That sanction no longer exists."))
    if not session.scalar(select(literal(1)).where(m.Sanction.id == sanction_id, in_force(now))):
        raise UserError(N_("sanctions", "That sanction is not in force any more; there is "
                                        "nothing to lift."))
    sanction.lifted_at, sanction.lifted_by, sanction.lift_reason = (
        now, current_staff_id(session), reason)
    status = settle_member(session, sanction.member_id, now)
    audit.record(session, "sanction.lift", "sanctions", sanction.id,
                 before={"kind": sanction.kind, "ends_at": sanction.ends_at},
                 after={"lifted_at": now, "member_status": status}, reason=reason, at=now)
