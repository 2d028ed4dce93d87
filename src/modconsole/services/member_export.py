"""Export the members a filter matches to CSV or XLSX, page by page in roster order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from modconsole.domain.member_filter import MemberFilter
from modconsole.domain.messages import N_, Translate, english
from modconsole.services.errors import UserError
from modconsole.services.member_fields import VALUE_LABELS, field_label, value_label
from modconsole.services.member_records import member_records
from modconsole.services.progress import Progress, no_progress
from modconsole.services.roster import MemberRow, count_members, list_members
from modconsole.services.table_files import TableWriter

PAGE = 2000


def _time(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


@dataclass(frozen=True)
class Column:
    key: str
    value: Callable[[MemberRow], object] | None = None  # None: from the member's full record
    names_values: str | None = None  # a stored value is written by name: "" or its prefix


COLUMNS = {c.key: c for c in (
    Column("platform_id", lambda r: r.platform_id),
    Column("name", lambda r: r.name),
    Column("nickname", lambda r: r.nickname),
    Column("phone", lambda r: r.phone or ""),
    Column("email", lambda r: r.email or ""),
    Column("region", lambda r: r.region),
    Column("gender", lambda r: r.gender),
    Column("joined_at", lambda r: _time(r.joined_at)),
    Column("groups", lambda r: ";".join(r.groups)),
    Column("tags", lambda r: ";".join(r.tags)),
    Column("layer", lambda r: r.layer or "", ""),
    Column("class", lambda r: r.member_class or "", ""),
    Column("stage", lambda r: r.growth_stage or "", "stage."),
    Column("churn_level", lambda r: r.churn_level),
    Column("last_active_at", lambda r: _time(r.last_active_at)),
    Column("points", lambda r: r.points),
    Column("status", lambda r: r.status, "status."),
    # the rest of every member's record (member_records), read a page at a time when chosen
    *(Column(key) for key in (
        "left_at", "posts_count", "comments_count", "likes_count", "quality_posts_count",
        "paid_total", "level", "join_channel", "inviter", "age_band", "phone_verified",
        "email_verified", "streak_days", "chat_messages", "active_days", "first_message")),
)}
DEFAULT_COLUMNS = ("platform_id", "name", "nickname", "region", "groups", "tags", "layer",
                   "class", "stage", "last_active_at", "points", "status")


def check_columns(keys: list[str]) -> list[Column]:
    unknown = [k for k in keys if k not in COLUMNS]
    if unknown:
        raise UserError(N_("member_export", "Unknown column {value}; choose from "
                                            "{value2}.").format(
                            value=', '.join(unknown), value2=', '.join(COLUMNS)))
    if not keys:
        raise UserError(N_("member_export", "Choose at least one column to export."))
    return [COLUMNS[k] for k in keys]


def _from_record(value):
    """A record's value as the import reads it back: times without seconds, yes/no as 1/0."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, str) and len(value) > 16 and value[10:11] == "T":
        return value[:16].replace("T", " ")
    return "" if value is None else value


def _cell(column: Column, row: MemberRow, record: dict | None, names: dict[str, str]):
    """The cell as written; a named value by its name (looked up, not translated per row)."""
    if column.value is None:
        return _from_record(record.get(column.key))
    value = column.value(row)
    if column.names_values is None or not value:
        return value
    key = column.names_values + value
    return names.get(key, value)


def export_members(session: Session, f: MemberFilter, out: Path,
                   columns: list[str] = DEFAULT_COLUMNS, sort: str = "name",
                   progress: Progress = no_progress, translate: Translate = english) -> int:
    """Write the matching members to `out`; returns how many. A failed export leaves no file.

    Headers and named values (layer, class, stage, status) are in `translate`'s
    language; the member import reads the headers back in either language.
    """
    chosen = check_columns(list(columns))
    total = count_members(session, f)
    written, after = 0, None
    names = {key: value_label(key, translate) for key in VALUE_LABELS}
    full = any(c.value is None for c in chosen)
    with TableWriter(out, [field_label(c.key, translate) for c in chosen]) as writer:
        while True:
            page = list_members(session, f, sort=sort, after=after, limit=PAGE)
            records = member_records(session, [r.id for r in page.rows]) if full else {}
            for row in page.rows:
                writer.write([_cell(c, row, records.get(row.id), names) for c in chosen])
            written += len(page.rows)
            progress(written, total)
            if page.next_key is None:
                break
            after = page.next_key
    return written
