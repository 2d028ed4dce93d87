"""Reports in: intake with merging, evidence files, and the prioritised queue.

Several reports of the same message are one case: a case is keyed by the
member and a hash of the evidence (whitespace-normalised text, link, file
hashes), and a repeat report raises its count and its place in the queue.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from sqlalchemy import and_, bindparam, func, or_, select, tuple_
from sqlalchemy.orm import Session

from modconsole.domain import priority as prio
from modconsole.domain.enums import CaseKind, CaseStatus, ReportSource
from modconsole.domain.messages import N_, reason
from modconsole.domain.sync_protocol import MAX_EVIDENCE_BYTES
from modconsole.domain.text import quoted
from modconsole.services.errors import FieldError, UserError
from modconsole.services.file_hash import file_sha256
from modconsole.services.identity import current_staff_id
from modconsole.services.rulebook import find_rule
from modconsole.store import models as m
from modconsole.store.models import utcnow

MAX_EVIDENCE_CHARS = 5000
MAX_FILE_BYTES = MAX_EVIDENCE_BYTES  # the team server takes no larger one
PAGE = 100
COUNTING_WINDOW = timedelta(days=90)  # prior offences that raise a new case's priority


class ReportError(FieldError):
    """A report field that cannot be filed; `field` names it for import error rows."""


@dataclass(frozen=True)
class ReportIn:
    """A report as a form, the CLI or an import row states it (strings, as typed)."""

    member: str  # platform id or member id
    evidence: str = ""
    rule: str | None = None  # rule code; optional at intake
    link: str | None = None
    reporter: str | None = None  # member platform id/id, or a staff name/id
    source: str = ReportSource.MEMBER
    at: datetime | None = None
    group: str | None = None  # group name or id
    files: tuple[Path, ...] = ()
    detector: str | None = None  # which of the rule's detectors found it (source detector)


@dataclass(frozen=True)
class Intake:
    case_id: str
    merged: bool
    report_count: int
    status: str


def evidence_dir(session: Session) -> Path:
    """Evidence files live beside the database, one folder per case."""
    database = session.get_bind().url.database
    if not database or database == ":memory:":
        raise UserError(N_("cases", "Evidence files need a database file, not an in-memory one."))
    path = Path(database)
    return path.with_name(path.stem + "-evidence")


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def evidence_hash(member_id: str, text: str, link: str | None, file_hashes=()) -> str:
    key = "\n".join([member_id, _normalised(text), (link or "").strip(), *sorted(file_hashes)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def staff_name(session: Session, staff_id: str | None) -> str:
    staff = session.get(m.Staff, staff_id) if staff_id else None
    return staff.name if staff else "someone"


GONE = "That case no longer exists; reload the queue."


def live_case(session: Session, case_id: str) -> m.Case:
    case = session.get(m.Case, case_id)
    if case is None or case.deleted_at is not None:
        raise UserError(GONE)
    return case


@cache
def _case_sql():
    case = m.Case.__table__
    return select(case).where(case.c.id == bindparam("id"), case.c.deleted_at.is_(None))


@cache
def _rule_sql():
    rule = m.Rule.__table__
    return select(rule).where(rule.c.id == bindparam("id"))


def case_with_rule(session: Session, case_id: str):
    """The case and its rule as read-only rows, for deciding, which reads both.

    Plain rows from statements built once, not ORM objects: a moderator decides
    every few seconds and building and loading objects cost more than the SQL.
    """
    connection = session.connection()
    case = connection.execute(_case_sql(), {"id": case_id}).first()
    if case is None:
        raise UserError(GONE)
    rule = connection.execute(_rule_sql(), {"id": case.rule_id}).first() if case.rule_id \
        else None
    return case, rule


def check_claim(session: Session, case: m.Case, me: str, now: datetime) -> None:
    if case.claimed_by and case.claimed_by != me and case.claimed_until and \
            case.claimed_until > now:
        until = case.claimed_until.astimezone().strftime("%H:%M")
        raise UserError(N_("cases", "{who} has claimed this case until {until}; leave "
                                    "it to them or wait for the claim to run out.").format(
                            who=staff_name(session, case.claimed_by), until=until))


def resolve_member(session: Session, key: str) -> m.Member:
    key = (key or "").strip()
    member = session.scalar(select(m.Member).where(
        or_(m.Member.platform_id == key, m.Member.id == key), m.Member.deleted_at.is_(None)))
    if member is None:
        raise ReportError("member", N_("cases", "No member has the platform id or id "
                                                "'{key}'.").format(key=quoted(key)))
    return member


def _resolve_group(session: Session, key: str | None) -> str | None:
    if not key:
        return None
    group_id = session.scalar(select(m.Group.id).where(
        or_(m.Group.id == key, m.Group.name == key.strip()), m.Group.deleted_at.is_(None)))
    if group_id is None:
        raise ReportError("group", N_("cases", "No group is called '{key}'.").format(
                                       key=quoted(key)))
    return group_id


def _resolve_rule(session: Session, code: str | None) -> m.Rule | None:
    if not code:
        return None
    try:
        return find_rule(session, code)
    except UserError as exc:
        raise ReportError("rule", reason(exc)) from None


def _reporter(session: Session, key: str | None, source: str) -> tuple[str | None, str | None]:
    """(member id, staff id) of whoever reported; staff discoveries default to me."""
    if key:
        staff = session.scalar(select(m.Staff.id).where(or_(m.Staff.id == key,
                                                            m.Staff.name == key)))
        if staff:
            return None, staff
        return resolve_member(session, key).id, None
    return (None, current_staff_id(session)) if source == ReportSource.STAFF else (None, None)


def prior_offences(session: Session, member_id: str, now: datetime) -> int:
    S = m.Sanction
    return session.scalar(select(func.count()).select_from(S).where(
        S.member_id == member_id, S.counts_to_ladder, S.overturned.is_(False),
        S.deleted_at.is_(None), S.starts_at > now - COUNTING_WINDOW)) or 0


def reprioritise(session: Session, case: m.Case, now: datetime | None = None) -> None:
    rule = session.get(m.Rule, case.rule_id) if case.rule_id else None
    case.priority = prio.queue_key(
        case.first_reported_at, rule.severity if rule else None, case.report_count,
        prior_offences(session, case.member_id, now or utcnow()),
        bool(rule and rule.aggravated), case.kind == CaseKind.APPEAL)


def _check(report: ReportIn) -> None:
    if report.source not in tuple(ReportSource):
        raise ReportError("source", N_("cases", "Source '{source}' is not one of {sources}.")
                          .format(source=quoted(report.source), sources=", ".join(ReportSource)))
    if not (_normalised(report.evidence) or (report.link or "").strip() or report.files):
        raise ReportError("evidence", N_("cases", "A report needs evidence: a text excerpt, a "
                                                  "link or a file."))
    if len(report.evidence) > MAX_EVIDENCE_CHARS:
        raise ReportError("evidence", N_("cases", "The evidence text is {n_evidence} "
                                                  "characters; keep it under "
                                                  "{MAX_EVIDENCE_CHARS} and attach the "
                                                  "rest as a file.").format(
                                          n_evidence=len(report.evidence),
                                          MAX_EVIDENCE_CHARS=MAX_EVIDENCE_CHARS))
    if report.link and not re.match(r"^https?://\S+$", report.link.strip()):
        raise ReportError("link", N_("cases", "'{link}' is not a web link (http:// or "
                                              "https://).").format(link=quoted(report.link)))
    for path in report.files:
        if not Path(path).is_file():
            raise ReportError("files", N_("cases", "Evidence file {path} does not exist.").format(
                                           path=path))
        if Path(path).stat().st_size > MAX_FILE_BYTES:
            raise ReportError("files", N_("cases", "Evidence file {name} is over 50 MB.").format(
                                           name=Path(path).name))


def _attach(session: Session, case: m.Case, files: list[tuple[Path, str]]) -> None:
    """Copy the files into the case's folder, so deleting the originals loses nothing."""
    have = set(session.scalars(select(m.CaseAttachment.sha256)
                               .where(m.CaseAttachment.case_id == case.id)))
    folder = evidence_dir(session) / case.id
    for path, sha in files:
        if sha in have:
            continue
        folder.mkdir(parents=True, exist_ok=True)
        name = Path(path).name[-120:]
        shutil.copyfile(path, folder / f"{sha[:12]}-{name}")
        session.add(m.CaseAttachment(case_id=case.id, filename=name, sha256=sha,
                                     size_bytes=Path(path).stat().st_size))
        have.add(sha)


def attachment_path(session: Session, attachment: m.CaseAttachment) -> Path:
    """Where this console keeps the file (a colleague's may not be here yet: team.evidence
    fetches it)."""
    return evidence_dir(session) / attachment.case_id / (
        f"{attachment.sha256[:12]}-{attachment.filename}")


def add_report(session: Session, report: ReportIn, now: datetime | None = None) -> Intake:
    """File a report; merges into the member's case with the same evidence if there is one."""
    _check(report)
    now = now or utcnow()
    at = report.at or now
    member = resolve_member(session, report.member)
    rule = _resolve_rule(session, report.rule)
    group_id = _resolve_group(session, report.group)
    reporter_member, reporter_staff = _reporter(session, report.reporter, report.source)
    files = [(Path(p), file_sha256(Path(p))) for p in report.files]
    key = evidence_hash(member.id, report.evidence, report.link, [sha for _, sha in files])
    case = session.scalar(select(m.Case).where(
        m.Case.member_id == member.id, m.Case.evidence_hash == key,
        m.Case.kind == CaseKind.REPORT, m.Case.deleted_at.is_(None))
        .order_by(m.Case.first_reported_at.desc()).limit(1))
    merged = case is not None
    if merged:
        case.report_count += 1
        case.rule_id = case.rule_id or (rule.id if rule else None)
        case.group_id = case.group_id or group_id
        if at < case.first_reported_at:
            case.first_reported_at = at
    else:
        case = m.Case(kind=CaseKind.REPORT, member_id=member.id, group_id=group_id,
                      rule_id=rule.id if rule else None, status=CaseStatus.OPEN,
                      source=report.source, evidence_text=report.evidence.strip(),
                      evidence_link=(report.link or "").strip() or None, evidence_hash=key,
                      report_count=1, first_reported_at=at)
        session.add(case)
    session.flush()
    reprioritise(session, case, now)
    session.add(m.Report(case_id=case.id, reporter_member_id=reporter_member,
                         reporter_staff_id=reporter_staff, source=report.source,
                         reported_at=at, excerpt=report.evidence.strip()[:500],
                         detector=report.detector))
    session.add(m.CaseEvent(case_id=case.id, at=now, actor_id=reporter_staff,
                            kind="reported", payload_json=json.dumps({"merged": merged})))
    _attach(session, case, files)
    session.flush()
    return Intake(case.id, merged, case.report_count, case.status)


# -- the queue ------------------------------------------------------------------

STATUS_FILTERS = ("todo", "open", "claimed", "decided", "appealed", "closed", "all")


@dataclass(frozen=True)
class QueueFilter:
    status: str = "todo"  # open cases, claimed or not
    category: str | None = None  # a rule category code; its items match too
    rule_id: str | None = None
    group_id: str | None = None
    assignee: str | None = None  # a staff id, or "none" for unclaimed cases
    source: str | None = None
    kind: str | None = None
    member_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    reported_from: datetime | None = None  # cases with a report in [from, to): the
    reported_to: datetime | None = None  # dashboard's "reports in" of some days
    overdue: bool = False


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ costs 3x, 100 rows a page
class QueueRow:
    id: str
    kind: str
    version: int
    member_id: str
    member_name: str
    platform_id: str
    rule_code: str
    rule_title_zh: str
    rule_title_en: str
    severity: str | None
    aggravated: bool
    status: str
    report_count: int
    source: str
    first_reported_at: datetime
    due_at: datetime
    claimed_by: str | None
    claimed_by_name: str
    claimed_until: datetime | None
    decision: str | None
    decided_by_name: str
    evidence: str
    group_name: str
    priority: int
    appeal_of_id: str | None = None

    @property
    def key(self) -> tuple:
        return (self.priority, self.id)

    def overdue(self, now: datetime) -> bool:
        return self.status in (CaseStatus.OPEN, CaseStatus.CLAIMED) and now > self.due_at

    def as_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "member_id": self.member_id,
                "member": self.member_name, "platform_id": self.platform_id,
                "rule": self.rule_code or None, "severity": self.severity, "status": self.status,
                "decision": self.decision, "report_count": self.report_count,
                "source": self.source, "first_reported_at": self.first_reported_at.isoformat(),
                "due_at": self.due_at.isoformat(), "claimed_by": self.claimed_by_name or None,
                "appeal_of": self.appeal_of_id, "evidence": self.evidence}


def _claimed(now: datetime):
    return and_(m.Case.claimed_by.is_not(None), m.Case.claimed_until > now)


def _where(f: QueueFilter, now: datetime) -> list:
    C = m.Case
    where = [C.deleted_at.is_(None)]
    if f.status not in STATUS_FILTERS:
        raise UserError(N_("cases", "Status '{status}' is not one of {value}.").format(
                            status=quoted(f.status), value=', '.join(STATUS_FILTERS)))
    if f.status in ("todo", "open", "claimed"):
        where.append(C.status == CaseStatus.OPEN)
        if f.status == "open":
            where.append(~_claimed(now))
        elif f.status == "claimed":
            where.append(_claimed(now))
    elif f.status != "all":
        where.append(C.status == f.status)
    if f.category:
        where.append(C.rule_id.in_(select(m.Rule.id).where(or_(
            m.Rule.code == f.category, m.Rule.code.startswith(f.category + ".")))))
    for column, value in ((C.rule_id, f.rule_id), (C.group_id, f.group_id),
                          (C.source, f.source), (C.kind, f.kind), (C.member_id, f.member_id)):
        if value:
            where.append(column == value)
    if f.assignee == "none":
        where.append(~_claimed(now))
    elif f.assignee:
        where += [C.claimed_by == f.assignee, C.claimed_until > now]
    if f.since:
        where.append(C.first_reported_at >= f.since)
    if f.until:
        where.append(C.first_reported_at < f.until)
    if f.reported_from and f.reported_to:
        R = m.Report
        where.append(select(R.id).where(R.case_id == C.id, R.deleted_at.is_(None),
                                        R.reported_at >= f.reported_from,
                                        R.reported_at < f.reported_to).exists())
    if f.overdue:
        where += [C.status == CaseStatus.OPEN, _overdue(now)]
    return where


def _overdue(now: datetime):
    """Past the SLA: first report older than the SLA of the case's severity."""
    C = m.Case
    parts = [and_(C.kind == CaseKind.APPEAL, C.first_reported_at < now - prio.sla(None, True))]
    for severity in prio.SLA_HOURS:
        of_severity = C.rule_id.in_(select(m.Rule.id).where(m.Rule.severity == severity))
        if severity == prio.DEFAULT_SEVERITY:
            of_severity = or_(of_severity, C.rule_id.is_(None))
        parts.append(and_(C.kind == CaseKind.REPORT, of_severity,
                          C.first_reported_at < now - prio.sla(severity)))
    return or_(*parts)


def _row(r, now: datetime) -> QueueRow:
    claimed = r.claimed_by if (r.claimed_by and r.claimed_until and r.claimed_until > now) else None
    status = CaseStatus.CLAIMED if (claimed and r.status == CaseStatus.OPEN) else r.status
    appeal = r.kind == CaseKind.APPEAL
    return QueueRow(r.id, r.kind, r.version, r.member_id, r.member_name, r.platform_id,
                    r.code or "", r.title_zh or "", r.title_en or "", r.severity,
                    bool(r.aggravated), status, r.report_count, r.source, r.first_reported_at,
                    prio.due_at(r.first_reported_at, r.severity, appeal), claimed,
                    (r.claimer or "") if claimed else "", r.claimed_until if claimed else None,
                    r.decision, r.decider or "", (r.evidence_text or "")[:300],
                    r.group_name or "", r.priority, r.appeal_of_id)


_CLAIMER = m.Staff.__table__.alias("claimer")
_DECIDER = m.Staff.__table__.alias("decider")


def _select():
    C, R = m.Case, m.Rule
    claimer, decider = _CLAIMER, _DECIDER
    return (select(C.id, C.kind, C.version, C.member_id, m.Member.name.label("member_name"),
                   m.Member.platform_id, R.code, R.title_zh, R.title_en, R.severity,
                   R.aggravated, C.status, C.report_count, C.source, C.first_reported_at,
                   C.claimed_by, claimer.c.name.label("claimer"), C.claimed_until, C.decision,
                   decider.c.name.label("decider"), C.evidence_text,
                   m.Group.name.label("group_name"), C.priority, C.appeal_of_id)
            .join(m.Member, m.Member.id == C.member_id)
            .outerjoin(R, R.id == C.rule_id)
            .outerjoin(m.Group, m.Group.id == C.group_id)
            .outerjoin(claimer, claimer.c.id == C.claimed_by)
            .outerjoin(decider, decider.c.id == C.decided_by))


def queue_page(session: Session, f: QueueFilter = QueueFilter(), after: tuple | None = None,
               limit: int = PAGE, now: datetime | None = None) -> list[QueueRow]:
    """Cases in queue order (look-at moment, then id); pass the last row's key for more."""
    now = now or utcnow()
    C = m.Case
    query = _select().where(*_where(f, now)).order_by(C.priority, C.id).limit(limit)
    if after is not None:
        query = query.where(tuple_(C.priority, C.id) > tuple_(*after))
    return [_row(r, now) for r in session.execute(query)]


def case_row(session: Session, case_id: str, now: datetime | None = None) -> QueueRow:
    r = session.execute(_select().where(m.Case.id == case_id)).one_or_none()
    if r is None:
        raise UserError(N_("cases", "That case no longer exists."))
    return _row(r, now or utcnow())


def count_cases(session: Session, f: QueueFilter = QueueFilter(),
                now: datetime | None = None) -> int:
    return session.scalar(select(func.count()).select_from(m.Case)
                          .where(*_where(f, now or utcnow()))) or 0


@dataclass(frozen=True)
class CaseReport:
    at: datetime
    reporter: str
    source: str
    excerpt: str
    detector: str | None = None  # which of the rule's detectors, for detector reports


def reports_of(session: Session, case_id: str) -> list[CaseReport]:
    R = m.Report
    rows = session.execute(
        select(R.reported_at, R.source, R.excerpt, R.detector, m.Member.name,
               m.Staff.name.label("staff"))
        .outerjoin(m.Member, m.Member.id == R.reporter_member_id)
        .outerjoin(m.Staff, m.Staff.id == R.reporter_staff_id)
        .where(R.case_id == case_id).order_by(R.reported_at))
    return [CaseReport(r.reported_at, r.name or r.staff or "", r.source, r.excerpt, r.detector)
            for r in rows]


def attachments_of(session: Session, case_id: str) -> list[tuple[str, Path]]:
    rows = session.scalars(select(m.CaseAttachment).where(m.CaseAttachment.case_id == case_id))
    return [(a.filename, attachment_path(session, a)) for a in rows]
