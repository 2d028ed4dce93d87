"""After the activity: budget lines, outcome metrics, and the week and month sums.

The weekly review (周复盘) and monthly summary (月总结) add up what the
activities in the period recorded: participants come from check-ins, the
rest from each activity's review.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from modconsole.domain.enums import ActivityStatus, AttendanceStatus
from modconsole.domain.member_filter import MemberFilter
from modconsole.domain.messages import N_
from modconsole.services.activities import BUDGET_CATEGORIES, Entry, entries, live_activity
from modconsole.services.errors import UserError
from modconsole.services.roster import count_members
from modconsole.services.segments import segment_filter
from modconsole.store import models as m
from modconsole.store.models.base import utcnow

METRICS = ("new_members", "conversions", "content_published")


def set_budget(session: Session, activity_id: str, category: str, planned_cents: int,
               actual_cents: int | None = None, note: str = "") -> None:
    """One line per category; setting it again replaces the amounts."""
    live_activity(session, activity_id)
    if category not in BUDGET_CATEGORIES:
        raise UserError(N_("reviews", "'{category}' is not a budget line; use one of "
                                      "{value}.").format(
                            category=category, value=', '.join(BUDGET_CATEGORIES)))
    if planned_cents < 0 or (actual_cents or 0) < 0:
        raise UserError(N_("reviews", "Budget amounts cannot be negative."))
    line = session.scalar(select(m.BudgetLine).where(
        m.BudgetLine.activity_id == activity_id, m.BudgetLine.category == category,
        m.BudgetLine.deleted_at.is_(None)))
    if line is None:
        line = m.BudgetLine(activity_id=activity_id, category=category)
        session.add(line)
    line.planned_cents, line.actual_cents, line.note = planned_cents, actual_cents, note
    session.flush()


@dataclass(frozen=True)
class BudgetRow:
    category: str
    planned_cents: int
    actual_cents: int | None
    note: str


def budget_of(session: Session, activity_id: str) -> list[BudgetRow]:
    """Every category in the fixed order, zero where nothing was set."""
    lines = {b.category: b for b in session.scalars(select(m.BudgetLine).where(
        m.BudgetLine.activity_id == activity_id, m.BudgetLine.deleted_at.is_(None)))}
    return [BudgetRow(c, lines[c].planned_cents, lines[c].actual_cents, lines[c].note)
            if c in lines else BudgetRow(c, 0, None, "") for c in BUDGET_CATEGORIES]


def audience(session: Session, activity_id: str) -> int:
    """Members the activity is for: its segment (within its groups, if both) or its groups."""
    a = live_activity(session, activity_id)
    groups = tuple(session.scalars(select(m.ActivityGroup.group_id).where(
        m.ActivityGroup.activity_id == activity_id)))
    if a.segment_id:
        segment = session.get(m.Segment, a.segment_id)
        f = segment_filter(session, segment.name)
        return count_members(session, replace(f, groups=groups) if groups else f)
    return count_members(session, MemberFilter(groups=groups)) if groups else 0


@dataclass(frozen=True)
class Review:
    participants: int
    audience: int
    new_members: int
    conversions: int
    content_published: int
    notes: str

    @property
    def rate(self) -> float | None:
        return self.participants / self.audience if self.audience else None


def record_review(session: Session, activity_id: str, *, new_members: int = 0,
                  conversions: int = 0, content_published: int = 0, notes: str = "") -> None:
    a = live_activity(session, activity_id)
    values = {"new_members": new_members, "conversions": conversions,
              "content_published": content_published}
    if any(v < 0 for v in values.values()):
        raise UserError(N_("reviews", "Review numbers cannot be negative."))
    a.review_json = json.dumps({**values, "notes": notes}, ensure_ascii=False)
    if a.status not in (ActivityStatus.CANCELLED, ActivityStatus.DONE):
        a.status = ActivityStatus.DONE
    session.flush()


def review_of(session: Session, activity_id: str) -> Review:
    a = live_activity(session, activity_id)
    data = json.loads(a.review_json or "{}")
    participants = session.scalar(select(func.count()).where(
        m.Attendance.activity_id == activity_id, m.Attendance.deleted_at.is_(None),
        m.Attendance.status == AttendanceStatus.ATTENDED)) or 0
    return Review(participants, audience(session, activity_id),
                  *(int(data.get(k) or 0) for k in METRICS), data.get("notes") or "")


@dataclass(frozen=True)
class ReviewLine:
    """One occurrence in the period, with its check-ins."""

    activity_id: str
    title: str
    type: str
    status: str
    start: datetime
    attended: int


@dataclass(frozen=True)
class PeriodSummary:
    """The 周复盘 / 月总结 numbers for [start, end)."""

    activities: int
    occurrences: int
    done: int
    cancelled: int
    participants: int
    new_members: int
    conversions: int
    content_published: int
    planned_cents: int
    actual_cents: int
    by_type: dict[str, int]
    lines: tuple[ReviewLine, ...] = ()


def summary(session: Session, start: datetime, end: datetime,
            occurring: list[Entry] | None = None) -> PeriodSummary:
    """Sums over the activities that run in the period; participants are its check-ins.

    A recurring slot has one budget and one review, so they count in every
    period the slot runs in; its check-ins count per occurrence. `occurring` is
    every entry of the period, when the caller has read it.
    """
    if occurring is None:
        occurring = entries(session, start, end)
    A = m.Attendance
    attended = {(aid, at): n for aid, at, n in session.execute(
        select(A.activity_id, A.occurrence_at, func.count()).where(
            A.status == AttendanceStatus.ATTENDED, A.deleted_at.is_(None),
            A.occurrence_at >= start, A.occurrence_at < end)
        .group_by(A.activity_id, A.occurrence_at))}
    now = utcnow()
    lines = tuple(ReviewLine(e.activity_id, e.title, e.type, e.status_at(now), e.start,
                             attended.get((e.activity_id, e.key), 0)) for e in occurring)
    ids = list(dict.fromkeys(e.activity_id for e in occurring))
    acts = session.execute(select(m.Activity.type, m.Activity.status, m.Activity.review_json)
                           .where(m.Activity.id.in_(ids))).all()
    totals = dict.fromkeys(METRICS, 0)
    by_type: dict[str, int] = {}
    for kind, _, review in acts:
        data = json.loads(review or "{}")
        for key in METRICS:
            totals[key] += int(data.get(key) or 0)
        by_type[kind] = by_type.get(kind, 0) + 1
    planned, actual = session.execute(
        select(func.coalesce(func.sum(m.BudgetLine.planned_cents), 0),
               func.coalesce(func.sum(m.BudgetLine.actual_cents), 0))
        .where(m.BudgetLine.activity_id.in_(ids), m.BudgetLine.deleted_at.is_(None))).one()
    return PeriodSummary(
        len(acts), len(lines), sum(a.status == ActivityStatus.DONE for a in acts),
        sum(a.status == ActivityStatus.CANCELLED for a in acts),
        sum(line.attended for line in lines), totals["new_members"], totals["conversions"],
        totals["content_published"], planned, actual, by_type, lines)
