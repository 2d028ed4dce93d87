"""How moderators judged what each rule's detectors flagged: the false-positive rate a lead
tunes a keyword list by."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from modconsole.domain import detectors
from modconsole.domain.enums import CaseStatus, ReportSource
from modconsole.store import models as m

DISMISS = "dismiss"


@dataclass(frozen=True)
class DetectorStat:
    rule: str  # code
    title_zh: str
    title_en: str
    kind: str
    settings: str  # what it looks for, as JSON
    reports: int
    decided: int  # reports whose case a moderator decided
    dismissed: int  # of those, dismissed: false positives

    @property
    def dismiss_rate(self) -> float | None:
        return self.dismissed / self.decided if self.decided else None

    def as_json(self) -> dict:
        return {"rule": self.rule, "kind": self.kind, "settings": self.settings,
                "reports": self.reports, "decided": self.decided, "dismissed": self.dismissed,
                "dismiss_rate": self.dismiss_rate}


def detector_stats(session: Session) -> list[DetectorStat]:
    """Every detector of every rule, with the reports it filed and how they were decided."""
    R, C = m.Report, m.Case
    decided = C.status.in_((CaseStatus.DECIDED, CaseStatus.APPEALED, CaseStatus.CLOSED))
    counts = {(rule, kind): (n, d or 0, x or 0) for rule, kind, n, d, x in session.execute(
        select(C.rule_id, R.detector, func.count(),
               func.sum(case((decided, 1), else_=0)),
               func.sum(case((decided & (C.decision == DISMISS), 1), else_=0)))
        .join(C, C.id == R.case_id)
        .where(R.source == ReportSource.DETECTOR, R.deleted_at.is_(None))
        .group_by(C.rule_id, R.detector))}
    out = []
    for rule in session.scalars(select(m.Rule).where(
            m.Rule.deleted_at.is_(None), m.Rule.detectors_json.is_not(None))
            .order_by(m.Rule.position)):
        try:
            found = detectors.parse(rule.detectors_json)
        except detectors.DetectorError:
            continue  # a broken rule is named where it is used: the import lists it
        settings = json.loads(found.to_json() or "{}")
        for kind in found.kinds():
            n, d, x = counts.get((rule.id, kind), (0, 0, 0))
            out.append(DetectorStat(rule.code, rule.title_zh, rule.title_en, kind,
                                    json.dumps(settings[kind], ensure_ascii=False), n, d, x))
    return out
