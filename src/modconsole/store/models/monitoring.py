"""Daily rollups: the numbers the dashboard charts, one row per scope, metric and day.

Written by services.monitoring once a day and on demand, backfilled from
what the database knows; the dashboard reads these and never scans members
or member-days while a person waits. Local to each console: every console
computes them from the same synced rows (and its own chat imports).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from modconsole.store.models.base import Base, Synced


class Rollup(Base):
    """`scope` is "all", "group:<group id>" or "layer:<layer>"; `day` counts days from
    1970-01-01 in the community's time zone, like member_days."""

    __tablename__ = "rollups"
    __table_args__ = ({"sqlite_with_rowid": False},)
    scope: Mapped[str] = mapped_column(String(60), primary_key=True)
    metric: Mapped[str] = mapped_column(String(30), primary_key=True)
    day: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(Integer)


class Target(Synced, Base):
    """A KPI goal a lead set: `metric` in `scope` reaching `value` by `deadline`
    (e.g. the core layer's 7-day active share at 30 % by 2027-03-01). Shared by the team."""

    __tablename__ = "targets"
    metric: Mapped[str] = mapped_column(String(30))
    scope: Mapped[str] = mapped_column(String(60), default="all")
    value: Mapped[float] = mapped_column(Float)
    deadline: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
