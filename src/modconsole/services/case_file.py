"""One member's case file: everything on the record about them, newest first.

Gathered from the tables that already hold it (reports, case events,
sanctions, appeals, notes, attendance, and audit entries naming the member)
rather than copied into a timeline table that could drift from them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.store import models as m

KINDS = ("report", "decision", "sanction", "appeal", "note", "tags", "attendance")


@dataclass(frozen=True)
class Entry:
    at: datetime
    kind: str  # one of KINDS
    what: str  # a code the GUI words: decided, lifted, filed, attended…
    detail: str  # free text from the record (excerpt, reason, note)
    who: str
    case_id: str | None = None


def _reports(session, member_id):
    rows = session.execute(
        select(m.Report.reported_at, m.Report.excerpt, m.Rule.code, m.Case.id)
        .join(m.Case, m.Case.id == m.Report.case_id).outerjoin(m.Rule, m.Rule.id == m.Case.rule_id)
        .where(m.Case.member_id == member_id))
    return [Entry(at, "report", code or "", excerpt, "", case_id)
            for at, excerpt, code, case_id in rows]


def _case_events(session, member_id):
    rows = session.execute(
        select(m.CaseEvent.at, m.CaseEvent.kind, m.CaseEvent.payload_json, m.Staff.name,
               m.Case.id, m.Case.decision_reason, m.Case.kind.label("case_kind"))
        .join(m.Case, m.Case.id == m.CaseEvent.case_id)
        .outerjoin(m.Staff, m.Staff.id == m.CaseEvent.actor_id)
        .where(m.Case.member_id == member_id,
               m.CaseEvent.kind.in_(("decided", "undone", "appeal_decided"))))
    out = []
    for at, kind, payload, who, case_id, reason, case_kind in rows:
        data = json.loads(payload or "{}")
        if kind == "appeal_decided" and case_kind != "appeal":
            continue  # the same answer is on the appeal case
        what = data.get("decision") or data.get("outcome") or kind
        out.append(Entry(at, "appeal" if kind == "appeal_decided" else "decision",
                         f"{kind}:{what}", reason or "" if kind != "undone" else "",
                         who or "", case_id))
    return out


def _sanctions(session, member_id):
    rows = session.execute(
        select(m.Sanction.lifted_at, m.Sanction.lift_reason, m.Sanction.kind, m.Staff.name,
               m.Sanction.case_id)
        .outerjoin(m.Staff, m.Staff.id == m.Sanction.lifted_by)
        .where(m.Sanction.member_id == member_id, m.Sanction.lifted_at.is_not(None),
               m.Sanction.deleted_at.is_(None)))
    return [Entry(at, "sanction", f"lifted:{kind}", reason or "", who or "", case_id)
            for at, reason, kind, who, case_id in rows]


def _appeals(session, member_id):
    rows = session.execute(select(m.Appeal.filed_at, m.Appeal.statement, m.Appeal.original_case_id)
                           .where(m.Appeal.member_id == member_id))
    return [Entry(at, "appeal", "filed", text, "", case_id) for at, text, case_id in rows]


def _notes(session, member_id):
    rows = session.execute(
        select(m.MemberNote.created_at, m.MemberNote.body, m.Staff.name)
        .outerjoin(m.Staff, m.Staff.id == m.MemberNote.author_id)
        .where(m.MemberNote.member_id == member_id, m.MemberNote.deleted_at.is_(None)))
    return [Entry(at, "note", "note", body, who or "") for at, body, who in rows]


def _tags(session, member_id):
    rows = session.execute(
        select(m.AuditEntry.at, m.AuditEntry.action, m.AuditEntry.before_json,
               m.AuditEntry.after_json, m.Staff.name)
        .outerjoin(m.Staff, m.Staff.id == m.AuditEntry.actor_id)
        .where(m.AuditEntry.entity_id == member_id, m.AuditEntry.action.startswith("tags.")))
    out = []
    for at, action, before, after, who in rows:
        added = json.loads(after or "{}").get("tags", [])
        removed = json.loads(before or "{}").get("tags", [])
        detail = " ".join([*(f"+{t}" for t in added), *(f"−{t}" for t in removed)])
        out.append(Entry(at, "tags", action, detail, who or ""))
    return out


def _attendance(session, member_id):
    rows = session.execute(
        select(m.Attendance.registered_at, m.Attendance.checked_in_at, m.Attendance.status,
               m.Activity.title)
        .join(m.Activity, m.Activity.id == m.Attendance.activity_id)
        .where(m.Attendance.member_id == member_id, m.Attendance.deleted_at.is_(None)))
    return [Entry(checked or registered, "attendance", status, title, "")
            for registered, checked, status, title in rows]


SOURCES = {"report": _reports, "decision": _case_events, "sanction": _sanctions,
           "appeal": _appeals, "note": _notes, "tags": _tags, "attendance": _attendance}


def timeline(session: Session, member_id: str, kinds: tuple[str, ...] = KINDS,
             limit: int = 300) -> list[Entry]:
    """The member's record, newest first; `kinds` picks which parts (filterable in the panel)."""
    entries: list[Entry] = []
    for kind in dict.fromkeys(SOURCES[k] for k in kinds if k in SOURCES):
        entries += kind(session, member_id)
    entries = [e for e in entries if e.kind in kinds]
    return sorted(entries, key=lambda e: e.at, reverse=True)[:limit]
