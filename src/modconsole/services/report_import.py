"""Import reports (举报) from CSV or XLSX, with the roster import's rules.

Each row is filed like `reports add`: same validation, same merging. Any bad
row rejects the file and nothing is written, unless bad rows are skipped
into an error file. Rows are filed inside savepoints, so a bad row undoes
only itself when skipping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path

from sqlalchemy.orm import Session

from modconsole.domain.enums import ReportSource
from modconsole.domain.messages import N_, reason
from modconsole.domain.text import control_character, quoted
from modconsole.services.cases import ReportError, ReportIn, add_report
from modconsole.services.errors import RolledBack, UserError
from modconsole.services.member_import import (
    RowError,
    apply_overrides,
    check_mapping,
    guess_mapping,
    parse_time,
    write_errors,
)
from modconsole.services.progress import Progress, no_progress
from modconsole.services.table_files import Table, open_table
from modconsole.store.models import utcnow

FIELDS = ("member", "rule", "evidence", "link", "reporter", "source", "at", "group")
REQUIRED = ("member", "evidence")
SYNONYMS = {
    "member": ("member", "reported", "platform_id", "member id", "被举报人", "被举报人id",
               "平台id", "微信号", "违规成员", "成员"),
    "rule": ("rule", "rule code", "规则", "违规类型", "规则编号"),
    "evidence": ("evidence", "excerpt", "message", "证据", "内容", "消息", "举报内容"),
    "link": ("link", "url", "链接"),
    "reporter": ("reporter", "reported by", "举报人", "举报人id"),
    "source": ("source", "来源"),
    "at": ("at", "time", "reported at", "reported_at", "时间", "举报时间"),
    "group": ("group", "群", "群名", "所在群"),
}


@dataclass
class ReportImport:
    rows: int = 0
    filed: int = 0
    merged: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    written: bool = False
    errors_file: Path | None = None


def prepare(path: Path, overrides: list[str] = (), encoding: str | None = None
            ) -> tuple[Table, dict[int, str]]:
    table = open_table(path, encoding)
    mapping = apply_overrides(table.header, guess_mapping(table.header, SYNONYMS),
                              list(overrides), FIELDS)
    check_mapping(table.header, mapping, REQUIRED)
    return table, mapping


def _report(cells: dict[str, str]) -> ReportIn:
    for name, value in cells.items():
        problem = control_character(value)
        if problem:
            raise ReportError(name, N_("report_import", "{name} {problem}").format(
                                        name=name, problem=problem))
    at = cells.get("at", "").strip()
    try:
        when = parse_time(at).astimezone(UTC) if at else None  # written in local time
    except ValueError:
        raise ReportError("at", N_("report_import", "'{at}' is not a time like "
                                                    "2026-03-01 14:30").format(
                                    at=quoted(at))) from None
    return ReportIn(member=cells.get("member", ""), evidence=cells.get("evidence", ""),
                    rule=cells.get("rule", "").strip() or None,
                    link=cells.get("link", "").strip() or None,
                    reporter=cells.get("reporter", "").strip() or None,
                    source=cells.get("source", "").strip() or ReportSource.IMPORT,
                    at=when, group=cells.get("group", "").strip() or None)


def import_reports(session: Session, table: Table, mapping: dict[int, str], *,
                   skip_bad_rows: bool = False, errors_path: Path | None = None,
                   progress: Progress = no_progress) -> ReportImport:
    """File every row; raises RolledBack(report) when nothing may be written."""
    if skip_bad_rows and errors_path is None:
        raise UserError(N_("report_import", "Skipping bad rows needs an error file (--errors "
                                            "OUT.csv) to put them in."))
    result = ReportImport()
    header = {f: table.header[i] for i, f in mapping.items()}
    bad: list[tuple[int, list[str], list[str]]] = []
    now = utcnow()
    for number, cells in enumerate(table.rows(), start=2):
        if not any(c.strip() for c in cells):
            continue
        result.rows += 1
        mapped = {f: cells[i] for i, f in mapping.items() if i < len(cells)}
        try:
            with session.begin_nested():
                intake = add_report(session, _report(mapped), now=now)
        except UserError as exc:
            column = header.get(getattr(exc, "field", ""), "row")
            result.errors.append(RowError(number, column, reason(exc)))
            bad.append((number, [reason(exc)], cells))
            continue
        result.filed += 1
        result.merged += intake.merged
        if result.rows % 200 == 0:
            progress(table.position(), table.size)
    progress(table.size, table.size)
    if not result.rows:
        raise UserError(N_("report_import", "{name} has no data rows under its header; "
                                            "nothing to import.").format(name=table.path.name))
    result.skipped = len(bad)
    if bad and errors_path is not None:
        write_errors(errors_path, table, bad)
        result.errors_file = errors_path
    result.written = not bad or skip_bad_rows
    if not result.written:
        result.filed = result.merged = 0
        raise RolledBack(result)
    return result
