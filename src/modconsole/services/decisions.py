"""Claiming and deciding cases on the penalty ladder, in bulk, and taking a decision back.

A decision is one transaction: the case, its sanction, the member's status,
a case event, an audit entry and (through the outbox listener) the sync
rows. Two moderators deciding the same case is caught by the case's version:
the second is told who decided and nothing is applied twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from modconsole.domain.enums import CaseKind, CaseStatus, SanctionKind, StaffRole
from modconsole.domain.ladder import Offence, Step, Suggestion, suggest
from modconsole.domain.messages import N_
from modconsole.domain.permissions import may_change
from modconsole.services import audit
from modconsole.services.appeals import check_answerable
from modconsole.services.cases import (
    QueueRow,
    attachments_of,
    case_row,
    case_with_rule,
    check_claim,
    live_case,
    reports_of,
    reprioritise,
    staff_name,
)
from modconsole.services.errors import UserError
from modconsole.services.identity import current_role, current_staff_id
from modconsole.services.rulebook import ladder_for
from modconsole.services.sanctions import settle_member
from modconsole.store import models as m
from modconsole.store.models import utcnow
from modconsole.store.row_writes import insert_row, outbox_batch, update_row

CLAIM_MINUTES = 30
ASSIGN_HOURS = 24  # an assignment is a claim in the colleague's name, held for a day
UNDO_MINUTES = 10
# What the number keys pick in the queue, in order.
CHOICES = tuple(Step.parse(c) for c in
                ("dismiss", "warn", "mute:1", "mute:7", "mute:15", "mute", "remove", "ban"))


@dataclass(frozen=True)
class PastOffence:
    at: datetime
    kind: str
    days: int | None
    rule_code: str
    case_id: str | None
    counts: bool
    status: str  # in force, ended, lifted, overturned
    rule_title_zh: str = ""
    rule_title_en: str = ""

    def rule_title(self, lang: str) -> str:
        """The rule's title in `lang` (the code when the rule has none)."""
        return (self.rule_title_zh if lang.startswith("zh") else self.rule_title_en) or \
            self.rule_code


@dataclass(frozen=True)
class Preview:
    """What the ladder says for this case's member now, and the history it read."""

    suggestion: Suggestion
    window_days: int
    history: tuple[PastOffence, ...]


def _check_open(session: Session, case: m.Case) -> None:
    if case.status != CaseStatus.OPEN:
        who = staff_name(session, case.decided_by)
        when = case.decided_at.astimezone().strftime("%Y-%m-%d %H:%M") if case.decided_at else ""
        raise UserError(N_("decisions", "{who} already decided this case ({decision}, "
                                        "{when}); nothing was applied again.").format(
                            who=who, decision=case.decision, when=when))


def claim(session: Session, case_id: str, now: datetime | None = None,
          minutes: int = CLAIM_MINUTES) -> datetime:
    """Put my name on a case for a while; returns when the claim runs out."""
    now = now or utcnow()
    me = current_staff_id(session)
    case = live_case(session, case_id)
    _check_open(session, case)
    check_claim(session, case, me, now)
    case.claimed_by, case.claimed_until = me, now + timedelta(minutes=minutes)
    session.add(m.CaseEvent(case_id=case.id, at=now, actor_id=me, kind="claimed",
                            payload_json=json.dumps({"until": case.claimed_until.isoformat()})))
    return case.claimed_until


def assign(session: Session, case_id: str, staff_id: str,
           now: datetime | None = None) -> datetime:
    """A lead puts a colleague's name on a case: it is in their "Mine" and held for them
    for ASSIGN_HOURS (the team server treats it as their claim). Returns until when."""
    now = now or utcnow()
    if current_role(session) not in (StaffRole.LEAD, StaffRole.ADMIN):
        raise UserError(N_("decisions", "Only leads and admins assign cases."))
    colleague = session.get(m.Staff, staff_id)
    if colleague is None or colleague.deleted_at is not None or \
            not may_change(colleague.role, "cases"):
        raise UserError(N_("decisions", "Cases go to moderators, leads and admins."))
    case = live_case(session, case_id)
    _check_open(session, case)
    check_claim(session, case, staff_id, now)
    case.claimed_by, case.claimed_until = staff_id, now + timedelta(hours=ASSIGN_HOURS)
    session.add(m.CaseEvent(case_id=case.id, at=now, actor_id=current_staff_id(session),
                            kind="assigned", payload_json=json.dumps(
                                {"to": staff_id, "until": case.claimed_until.isoformat()})))
    return case.claimed_until


def release(session: Session, case_id: str) -> None:
    me = current_staff_id(session)
    case = live_case(session, case_id)
    if case.claimed_by == me:
        case.claimed_by, case.claimed_until = None, None
        session.add(m.CaseEvent(case_id=case.id, actor_id=me, kind="released"))


def _offence_status(s: m.Sanction, now: datetime) -> str:
    if s.overturned:
        return "overturned"
    if s.lifted_at:
        return "lifted"
    if s.kind in (SanctionKind.MUTE, SanctionKind.BAN) and (s.ends_at is None or s.ends_at > now):
        return "in_force"
    return "ended"


@cache
def _history_sql():
    S, C, R = m.Sanction.__table__, m.Case.__table__, m.Rule.__table__
    return (select(S.c.kind, S.c.starts_at, S.c.ends_at, S.c.case_id, S.c.counts_to_ladder,
                   S.c.overturned, S.c.lifted_at, R.c.code, R.c.title_zh, R.c.title_en)
            .select_from(S.outerjoin(C, C.c.id == S.c.case_id)
                         .outerjoin(R, R.c.id == C.c.rule_id))
            .where(S.c.member_id == bindparam("member_id"), S.c.deleted_at.is_(None))
            .order_by(S.c.starts_at.desc()))


def history(session: Session, member_id: str, now: datetime | None = None) -> list[PastOffence]:
    """The member's sanctions, newest first, with what became of each."""
    now = now or utcnow()
    rows = session.connection().execute(_history_sql(), {"member_id": member_id})
    out = []
    for s in rows:
        days = round((s.ends_at - s.starts_at).total_seconds() / 86400) if (
            s.kind == SanctionKind.MUTE and s.ends_at) else None
        out.append(PastOffence(s.starts_at, s.kind, days, s.code or "", s.case_id,
                               s.counts_to_ladder and not s.overturned, _offence_status(s, now),
                               s.title_zh or "", s.title_en or ""))
    return out


def preview_for(session: Session, member_id: str, rule: m.Rule | None,
                now: datetime | None = None) -> Preview:
    """What would happen next for this member under this rule ("what if" on the ladder)."""
    now = now or utcnow()
    past = history(session, member_id, now)
    ladder = ladder_for(session, rule)
    suggestion = suggest([Offence(p.at, p.counts) for p in past], now, ladder,
                         bool(rule and rule.aggravated))
    return Preview(suggestion, ladder.window_days, tuple(past))


def preview(session: Session, case_id: str, now: datetime | None = None) -> Preview:
    case = live_case(session, case_id)
    rule = session.get(m.Rule, case.rule_id) if case.rule_id else None
    return preview_for(session, case.member_id, rule, now)


@dataclass(frozen=True)
class Decision:
    case_id: str
    member_id: str
    step: Step
    suggested: Step
    sanction_id: str | None
    deviated: bool


def _ends_at(step: Step, now: datetime) -> datetime | None:
    """When a sanction for this step stops being in force (None: never)."""
    if step.decision == "mute":
        return now + timedelta(days=step.days) if step.days else None
    return None if step.decision == "ban" else now


def check_decidable(session: Session, case_ids: list[str], now: datetime | None = None) -> None:
    """Refuse now what `decide` or `decide_appeal` would refuse after the reason is typed.

    The queue runs it before opening its dialog: a case decided meanwhile, one
    another moderator has claimed, or an appeal against this moderator's own
    decision is named with who and when.
    """
    now = now or utcnow()
    me = current_staff_id(session)
    for case_id in case_ids:
        case, _rule = case_with_rule(session, case_id)
        if case.kind == CaseKind.APPEAL:
            check_answerable(session, live_case(session, case_id), me, now)
            continue
        _check_open(session, case)
        check_claim(session, case, me, now)


def decide(session: Session, case_id: str, step: Step | None, reason: str, *,
           deviation_reason: str | None = None, expected_version: int | None = None,
           now: datetime | None = None) -> Decision:
    """Decide an open report case. `step=None` applies what the ladder suggests.

    `expected_version` is the version the moderator was looking at; if the case
    moved on since (someone else decided or re-ranked it) nothing is applied.
    """
    now = now or utcnow()
    me = current_staff_id(session)
    case, rule = case_with_rule(session, case_id)
    if case.kind == CaseKind.APPEAL:
        raise UserError(N_("decisions", "This is an appeal; answer it with upheld, reduced or "
                                        "overturned (--outcome on the command line)."))
    _check_open(session, case)
    check_claim(session, case, me, now)
    if expected_version is not None and case.version != expected_version:
        raise UserError(N_("decisions", "This case changed while you were looking at it; it has "
                                        "been reloaded. Check it and decide again."))
    reason = (reason or "").strip()
    if not reason:
        raise UserError(N_("decisions", "A decision needs a reason; it is shown in the member's "
                                        "case file."))
    suggested = preview_for(session, case.member_id, rule, now).suggestion.step
    step = step or suggested
    deviated = step.decision != "dismiss" and step != suggested
    deviation_reason = (deviation_reason or "").strip()
    if deviated and not deviation_reason:
        raise UserError(N_("decisions", "The ladder suggests {code}; say why you chose "
                                        "{code2}.").format(code=suggested.code, code2=step.code))
    if step.decision != "dismiss" and rule is None:
        raise UserError(N_("decisions", "Choose the rule that was broken before sanctioning; a "
                                        "case without a rule can only be dismissed."))
    # Written row by row rather than through the ORM: a moderator decides
    # every few seconds and the flush machinery cost more than the SQL.
    case_id, member_id, group_id = case.id, case.member_id, case.group_id
    with outbox_batch(session):
        sanction_id = None
        if step.decision != "dismiss":
            sanction_id = insert_row(session, m.Sanction, case_id=case_id, member_id=member_id,
                                     kind=SanctionKind(step.decision), starts_at=now,
                                     ends_at=_ends_at(step, now),
                                     counts_to_ladder=bool(rule and rule.counts_to_ladder))
        if step.decision == "remove" and group_id:
            link = session.get(m.GroupMembership, (group_id, member_id))
            if link is not None:
                session.delete(link)
        update_row(session, m.Case, case_id, case.version, status=CaseStatus.DECIDED,
                   decision=step.code, decision_reason=reason, deviated_from_ladder=deviated,
                   decided_by=me, decided_at=now, claimed_by=None, claimed_until=None)
        payload = {"decision": step.code, "suggested": suggested.code,
                   "deviation": deviation_reason or None}
        insert_row(session, m.CaseEvent, case_id=case_id, at=now, actor_id=me, kind="decided",
                   payload_json=json.dumps(payload, ensure_ascii=False))
        status = settle_member(session, member_id, now)
        audit.record(session, "case.decide", "cases", case_id, before={"status": "open"},
                     after=dict(payload, status="decided", member_status=status,
                                member_id=member_id),
                     reason=reason + (f" — {deviation_reason}" if deviated else ""), at=now,
                     actor_id=me)
    return Decision(case_id, member_id, step, suggested, sanction_id, deviated)


def decide_many(session: Session, case_ids: list[str], step: Step | None, reason: str, *,
                deviation_reason: str | None = None, now: datetime | None = None
                ) -> list[Decision]:
    """One decision for a wave of similar cases, all or nothing.

    Cases are decided oldest first, so a member reported several times climbs
    the ladder as if the cases had been decided one by one.
    """
    now = now or utcnow()
    cases = sorted((live_case(session, i) for i in dict.fromkeys(case_ids)),
                   key=lambda c: c.first_reported_at)
    return [decide(session, c.id, step, reason, deviation_reason=deviation_reason, now=now)
            for c in cases]


def undo(session: Session, case_id: str, now: datetime | None = None,
         minutes: int = UNDO_MINUTES) -> None:
    """Take my decision back within a few minutes: the case reopens, its sanction is voided."""
    now = now or utcnow()
    me = current_staff_id(session)
    case = live_case(session, case_id)
    if case.status != CaseStatus.DECIDED or case.decided_by != me:
        raise UserError(N_("decisions", "Only your own decision on a case not appealed since can "
                                        "be undone."))
    if case.decided_at < now - timedelta(minutes=minutes):
        raise UserError(N_("decisions", "Decisions can be undone for {minutes} minutes; "
                                        "this one is older. Ask the member to appeal, or "
                                        "lift the sanction with a reason.").format(minutes=minutes))
    before = {"status": "decided", "decision": case.decision}
    for sanction in session.scalars(select(m.Sanction).where(
            m.Sanction.case_id == case.id, m.Sanction.deleted_at.is_(None))):
        sanction.deleted_at = now
        if sanction.kind == SanctionKind.REMOVE and case.group_id and session.get(
                m.GroupMembership, (case.group_id, case.member_id)) is None:
            session.add(m.GroupMembership(group_id=case.group_id, member_id=case.member_id,
                                          role="member", joined_at=now))
    case.status = CaseStatus.OPEN
    case.decision = case.decision_reason = None
    case.decided_by = case.decided_at = None
    case.deviated_from_ladder = False
    session.add(m.CaseEvent(case_id=case.id, at=now, actor_id=me, kind="undone",
                            payload_json=json.dumps(before)))
    session.flush()
    status = settle_member(session, case.member_id, now)
    reprioritise(session, case, now)
    audit.record(session, "case.undo", "cases", case.id, before=before,
                 after={"status": "open", "member_status": status}, at=now, actor_id=me)


@dataclass(frozen=True)
class CaseDetail:
    """Everything the case panel shows, loaded in one worker call."""

    row: QueueRow
    reports: tuple
    attachments: tuple
    preview: Preview
    rule_text_zh: str
    rule_text_en: str
    decision_reason: str
    original: QueueRow | None  # for an appeal: the case appealed against
    original_reason: str
    statement: str


def detail(session: Session, case_id: str, now: datetime | None = None) -> CaseDetail:
    now = now or utcnow()
    case = live_case(session, case_id)
    rule = session.get(m.Rule, case.rule_id) if case.rule_id else None
    original = session.get(m.Case, case.appeal_of_id) if case.appeal_of_id else None
    return CaseDetail(
        case_row(session, case_id, now), tuple(reports_of(session, case_id)),
        tuple(attachments_of(session, case_id)), preview_for(session, case.member_id, rule, now),
        rule.description_zh if rule else "", rule.description_en if rule else "",
        case.decision_reason or "", case_row(session, original.id, now) if original else None,
        original.decision_reason or "" if original else "",
        case.evidence_text if case.kind == CaseKind.APPEAL else "")
