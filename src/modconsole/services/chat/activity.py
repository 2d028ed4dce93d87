"""What chat imports say about members: totals, the first message, messages per recent day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from modconsole.domain import recurrence
from modconsole.services.activities import DEFAULT_ZONE
from modconsole.services.chat.messages import EPOCH_DAY
from modconsole.store import models as m

SPARK_DAYS = 90


@dataclass(frozen=True)
class Totals:
    messages: int
    links: int
    media: int
    mentions: int
    active_days: int
    first_day: date


@dataclass(frozen=True)
class MemberActivity:
    per_day: tuple[int, ...]  # messages on each of the last days, oldest first
    today: date  # the last of those days
    totals: Totals | None  # None: no chat import has seen this member write


def local_today(zone_name: str = DEFAULT_ZONE) -> date:
    return datetime.now(recurrence.zone(zone_name)).date()


def day_number(day: date) -> int:
    return day.toordinal() - EPOCH_DAY


def local_days(first: date, last: date, zone_name: str = DEFAULT_ZONE
               ) -> tuple[datetime, datetime]:
    """The local days [first, last] as moments: the first one's midnight, and the midnight
    after the last (excluded)."""
    tz = recurrence.zone(zone_name)
    return (datetime.combine(first, time(), tz),
            datetime.combine(last + timedelta(days=1), time(), tz))


def totals(session: Session, member_ids: list[str]) -> dict[str, Totals]:
    """member id -> their chat totals, for those with any."""
    D = m.MemberDay
    out = {}
    for start in range(0, len(member_ids), 500):
        for member_id, *values, first in session.execute(
                select(m.Member.id, func.sum(D.messages), func.sum(D.links), func.sum(D.media),
                       func.sum(D.mentions), func.count(), func.min(D.day))
                .join(D, D.member == m.MEMBER_ROWID)
                .where(m.Member.id.in_(member_ids[start:start + 500]))
                .group_by(m.Member.id)):
            out[member_id] = Totals(*values, date.fromordinal(first + EPOCH_DAY))
    return out


def member_activity(session: Session, member_id: str, today: date,
                    days: int = SPARK_DAYS) -> MemberActivity:
    D = m.MemberDay
    last, first = day_number(today), day_number(today - timedelta(days=days - 1))
    per_day = [0] * days
    for day, messages in session.execute(
            select(D.day, D.messages).where(D.member == m.member_rowid(member_id),
                                            D.day.between(first, last))):
        per_day[day - first] = messages
    return MemberActivity(tuple(per_day), today, totals(session, [member_id]).get(member_id))
