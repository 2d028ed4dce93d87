"""Export the members a filter matches to CSV or XLSX, page by page in roster order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from modconsole.domain.member_filter import MemberFilter
from modconsole.services.errors import UserError
from modconsole.services.progress import Progress, no_progress
from modconsole.services.roster import MemberRow, count_members, list_members
from modconsole.services.table_files import TableWriter

PAGE = 2000


def _time(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # the import recognises these names, so an export re-imports as is
    value: Callable[[MemberRow], object]


COLUMNS = {c.key: c for c in (
    Column("platform_id", "platform_id", lambda r: r.platform_id),
    Column("name", "name", lambda r: r.name),
    Column("nickname", "nickname", lambda r: r.nickname),
    Column("phone", "phone", lambda r: r.phone or ""),
    Column("email", "email", lambda r: r.email or ""),
    Column("region", "region", lambda r: r.region),
    Column("gender", "gender", lambda r: r.gender),
    Column("joined_at", "joined_at", lambda r: _time(r.joined_at)),
    Column("groups", "groups", lambda r: ";".join(r.groups)),
    Column("tags", "tags", lambda r: ";".join(r.tags)),
    Column("layer", "layer", lambda r: r.layer or ""),
    Column("class", "class", lambda r: r.member_class or ""),
    Column("stage", "stage", lambda r: r.growth_stage or ""),
    Column("churn_level", "churn_level", lambda r: r.churn_level),
    Column("last_active_at", "last_active_at", lambda r: _time(r.last_active_at)),
    Column("points", "points", lambda r: r.points),
    Column("status", "status", lambda r: r.status),
)}
DEFAULT_COLUMNS = ("platform_id", "name", "nickname", "region", "groups", "tags", "layer",
                   "class", "stage", "last_active_at", "points", "status")


def check_columns(keys: list[str]) -> list[Column]:
    unknown = [k for k in keys if k not in COLUMNS]
    if unknown:
        raise UserError(f"Unknown column {', '.join(unknown)}; choose from "
                        f"{', '.join(COLUMNS)}.")
    if not keys:
        raise UserError("Choose at least one column to export.")
    return [COLUMNS[k] for k in keys]


def export_members(session: Session, f: MemberFilter, out: Path,
                   columns: list[str] = DEFAULT_COLUMNS, sort: str = "name",
                   progress: Progress = no_progress) -> int:
    """Write the matching members to `out`; returns how many. A failed export leaves no file."""
    chosen = check_columns(list(columns))
    total = count_members(session, f)
    written, after = 0, None
    with TableWriter(out, [c.header for c in chosen]) as writer:
        while True:
            page = list_members(session, f, sort=sort, after=after, limit=PAGE)
            for row in page.rows:
                writer.write([c.value(row) for c in chosen])
            written += len(page.rows)
            progress(written, total)
            if page.next_key is None:
                break
            after = page.next_key
    return written
