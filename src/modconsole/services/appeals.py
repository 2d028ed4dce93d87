"""Appeals (申诉): filed against a decision, decided in their own case by someone else.

An appeal case joins the queue like a report. Whoever made the original
decision may not answer it. Upheld leaves the sanction; reduced replaces it
with a lighter one that keeps its place on the ladder; overturned lifts it
and takes it off the ladder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.domain.enums import AppealOutcome, CaseKind, CaseStatus, ReportSource
from modconsole.domain.ladder import Step
from modconsole.domain.messages import N_
from modconsole.services import audit
from modconsole.services.cases import check_claim, live_case, reprioritise
from modconsole.services.errors import UserError
from modconsole.services.identity import current_staff_id
from modconsole.services.sanctions import settle_member
from modconsole.store import models as m
from modconsole.store.models import utcnow


def file_appeal(session: Session, case_id: str, statement: str,
                now: datetime | None = None) -> str:
    """Record the member's appeal; returns the id of the appeal case in the queue."""
    now = now or utcnow()
    original = live_case(session, case_id)
    if original.kind != CaseKind.REPORT or original.status != CaseStatus.DECIDED:
        raise UserError({
            CaseStatus.APPEALED: N_("appeals", "This case is already under appeal."),
            CaseStatus.CLOSED: N_("appeals", "This case was already decided on appeal."),
        }.get(original.status, N_("appeals", "This case has no decision to appeal yet.")))
    if original.decision == "dismiss":
        raise UserError(N_("appeals", "The report was dismissed; there is no sanction to appeal."))
    statement = (statement or "").strip()
    if not statement:
        raise UserError(N_("appeals", "Write down what the member says in their appeal."))
    appeal_case = m.Case(kind=CaseKind.APPEAL, member_id=original.member_id,
                         group_id=original.group_id, rule_id=original.rule_id,
                         status=CaseStatus.OPEN, source=ReportSource.MEMBER,
                         evidence_text=statement, evidence_link=None,
                         evidence_hash=f"appeal:{original.id}", report_count=1,
                         first_reported_at=now, appeal_of_id=original.id)
    session.add(appeal_case)
    session.flush()
    reprioritise(session, appeal_case, now)
    session.add(m.Appeal(original_case_id=original.id, appeal_case_id=appeal_case.id,
                         member_id=original.member_id, filed_at=now, statement=statement))
    original.status = CaseStatus.APPEALED
    session.add(m.CaseEvent(case_id=original.id, at=now, actor_id=current_staff_id(session),
                            kind="appealed", payload_json=json.dumps(
                                {"appeal_case": appeal_case.id})))
    audit.record(session, "case.appeal", "cases", original.id, before={"status": "decided"},
                 after={"status": "appealed", "appeal_case": appeal_case.id},
                 reason=statement, at=now)
    return appeal_case.id


@dataclass(frozen=True)
class AppealResult:
    appeal_case_id: str
    original_case_id: str
    member_id: str
    outcome: str
    step: Step | None  # the sanction now standing; None when overturned


def check_answerable(session: Session, case: m.Case, me: str, now: datetime) -> m.Case:
    """The appeal's original case, when `me` may answer the appeal now; else why not."""
    if case.kind != CaseKind.APPEAL:
        raise UserError(N_("appeals", "This is not an appeal case."))
    if case.status != CaseStatus.OPEN:
        raise UserError(N_("appeals", "This appeal was already answered; nothing was applied "
                                      "again."))
    check_claim(session, case, me, now)
    original = live_case(session, case.appeal_of_id)
    if original.decided_by == me:
        raise UserError(N_("appeals", "You made the original decision; a different moderator "
                                      "must decide the appeal."))
    return original


def decide_appeal(session: Session, appeal_case_id: str, outcome: str, reason: str, *,
                  reduce_to: Step | None = None, now: datetime | None = None) -> AppealResult:
    now = now or utcnow()
    me = current_staff_id(session)
    case = live_case(session, appeal_case_id)
    original = check_answerable(session, case, me, now)
    if outcome not in tuple(AppealOutcome):
        raise UserError(N_("appeals", "An appeal is {value}; not '{outcome}'.").format(
                            value=', '.join(AppealOutcome), outcome=outcome))
    reason = (reason or "").strip()
    if not reason:
        raise UserError(N_("appeals", "Give the reason for the appeal's outcome; the member is "
                                      "told it."))
    old = Step.parse(original.decision)
    sanctions = list(session.scalars(select(m.Sanction).where(
        m.Sanction.case_id == original.id, m.Sanction.deleted_at.is_(None))))
    standing: Step | None = old
    if outcome == AppealOutcome.REDUCED:
        if reduce_to is None or reduce_to.severity() >= old.severity() or \
                reduce_to.decision == "dismiss":
            raise UserError(N_("appeals", "A reduced sanction must be lighter than "
                                          "{code}.").format(code=old.code))
        standing = reduce_to
    elif outcome == AppealOutcome.OVERTURNED:
        standing = None
    for sanction in sanctions:
        if outcome == AppealOutcome.UPHELD:
            continue
        if sanction.lifted_at is None:
            sanction.lifted_at, sanction.lifted_by = now, me
            sanction.lift_reason = f"appeal {outcome}: {reason}"
        if outcome == AppealOutcome.OVERTURNED:
            sanction.overturned = True
        else:  # the lighter sanction takes the offence's place on the ladder
            counts = sanction.counts_to_ladder
            sanction.counts_to_ladder = False
            ends = None
            if standing.decision == "mute" and standing.days:
                ends = sanction.starts_at + timedelta(days=standing.days)
            elif standing.decision in ("warn", "remove"):
                ends = sanction.starts_at
            session.add(m.Sanction(case_id=original.id, member_id=original.member_id,
                                   kind=standing.decision, starts_at=sanction.starts_at,
                                   ends_at=ends, counts_to_ladder=counts))
    original.status = CaseStatus.CLOSED
    case.status = CaseStatus.CLOSED
    case.decision, case.decision_reason = str(outcome), reason
    case.decided_by, case.decided_at = me, now
    case.claimed_by = case.claimed_until = None
    appeal = session.scalar(select(m.Appeal).where(m.Appeal.appeal_case_id == case.id))
    appeal.outcome, appeal.decided_by, appeal.decided_at = str(outcome), me, now
    payload = {"outcome": str(outcome), "standing": standing.code if standing else None}
    for target in (case, original):
        session.add(m.CaseEvent(case_id=target.id, at=now, actor_id=me, kind="appeal_decided",
                                payload_json=json.dumps(payload)))
    session.flush()
    status = settle_member(session, original.member_id, now)
    audit.record(session, "appeal.decide", "cases", original.id,
                 before={"decision": old.code}, after=dict(payload, member_status=status),
                 reason=reason, at=now, actor_id=me)
    return AppealResult(case.id, original.id, original.member_id, str(outcome), standing)
