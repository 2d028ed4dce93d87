"""Daily rollups: the numbers the dashboard charts, one row per scope, metric and day.

Written by services.monitoring once a day and on demand, backfilled from
what the database knows; the dashboard reads these and never scans members
or member-days while a person waits. Local to each console: every console
computes them from the same synced rows (and its own chat imports).
"""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from modconsole.store.models.base import Base


class Rollup(Base):
    """`scope` is "all", "group:<group id>" or "layer:<layer>"; `day` counts days from
    1970-01-01 in the community's time zone, like member_days."""

    __tablename__ = "rollups"
    __table_args__ = ({"sqlite_with_rowid": False},)
    scope: Mapped[str] = mapped_column(String(60), primary_key=True)
    metric: Mapped[str] = mapped_column(String(30), primary_key=True)
    day: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(Integer)
