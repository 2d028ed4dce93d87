"""The numbers on the dashboard: size, open work, this week's plan, groups near their cap."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from modconsole.domain.enums import SanctionKind
from modconsole.services.cases import QueueFilter, count_cases
from modconsole.services.groups import GroupInfo, list_groups
from modconsole.services.info import live_count, pending_changes
from modconsole.store import models as m
from modconsole.store.settings import get_setting


@dataclass(frozen=True)
class Summary:
    members: int
    groups: list[GroupInfo]  # fullest first
    open_cases: int
    active_sanctions: int
    activities_this_week: int
    pending_changes: int
    is_demo: bool


def summary(session: Session, now: datetime, week_start: datetime, week_end: datetime) -> Summary:
    # The queue's own "to do" (open cases, claimed or not; an appeal is its own open
    # case), so the card and the queue always show the same number.
    open_cases = count_cases(session, QueueFilter(status="todo"), now)
    active_sanctions = session.scalar(
        select(func.count()).select_from(m.Sanction).where(
            m.Sanction.deleted_at.is_(None), m.Sanction.lifted_at.is_(None),
            m.Sanction.overturned.is_(False),
            m.Sanction.kind.in_([SanctionKind.MUTE, SanctionKind.BAN]),
            or_(m.Sanction.ends_at.is_(None), m.Sanction.ends_at > now))
    )
    # One-off activities that start this week, plus recurring slots running during it.
    this_week = session.scalar(
        select(func.count()).select_from(m.Activity).where(
            m.Activity.deleted_at.is_(None),
            or_(and_(m.Activity.rrule.is_(None), m.Activity.start_at >= week_start,
                     m.Activity.start_at < week_end),
                and_(m.Activity.rrule.is_not(None), m.Activity.start_at < week_end)))
    )
    return Summary(
        members=live_count(session, m.Member),
        groups=sorted(list_groups(session), key=lambda g: -g.fill),
        open_cases=open_cases or 0,
        active_sanctions=active_sanctions or 0,
        activities_this_week=this_week or 0,
        pending_changes=pending_changes(session),
        is_demo=get_setting(session, "demo") is not None,
    )
