"""Rule detectors over imported chat messages: hits with the messages around them, filed as
reports into the queue.

Each chat gets its own scanner (flood and repeat windows are per chat) and
keeps its last two messages, so a hit's evidence shows what came before;
a hit waits for the two messages after it. A hit files a report from the
"detector" source; hits of one member under one rule gather in that
member's open detector case for the rule, as reports merge into cases.
"""

from __future__ import annotations

import json
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.domain import detectors
from modconsole.domain.enums import CaseKind, CaseStatus, ReportSource
from modconsole.domain.messages import N_, Message
from modconsole.services.cases import MAX_EVIDENCE_CHARS, ReportIn, add_report, reprioritise
from modconsole.store import models as m

AROUND = 2  # messages shown before and after a flagged one
LINE_CHARS = 300
# hits kept with their evidence per member (or unknown sender) and rule in one import; the
# rest are counted. A detector that fires on every greeting must not hold a million
# messages in memory or file a million rows.
KEPT = 20


@dataclass
class Flag:
    """A message a rule's detector matched, and the member who sent it."""

    member_id: str | None  # None: the sender matches no member, so no case can be filed
    rule: str
    kind: str
    matched: str
    at: int
    chat: str
    group_id: str | None
    sender: str
    text: str
    before: list[tuple[int, str, str]] = field(default_factory=list)
    after: list[tuple[int, str, str]] = field(default_factory=list)

    def evidence(self, zone: ZoneInfo) -> str:
        def line(at: int, sender: str, text: str) -> str:
            moment = datetime.fromtimestamp(at, zone).strftime("%m-%d %H:%M")
            return f"{moment} {sender}: {' '.join(text.split())[:LINE_CHARS]}"
        when = datetime.fromtimestamp(self.at, zone).strftime("%Y-%m-%d %H:%M")
        head = f"{self.chat} · {when} · ⚑ {self.matched}"  # no words: it is read in any language
        lines = [head, *(f"  {line(*b)}" for b in self.before),
                 f"> {line(self.at, self.sender, self.text)}",
                 *(f"  {line(*a)}" for a in self.after)]
        return "\n".join(lines)[:MAX_EVIDENCE_CHARS]


class _Chat:
    def __init__(self, rules: dict[str, detectors.Detectors]):
        self.scanner = detectors.Scanner(rules)
        self.before: deque = deque(maxlen=AROUND)
        self.waiting: list[Flag] = []


class Flagger:
    """Scans the messages an import counts; `flags` holds every hit once seen through."""

    def __init__(self, session: Session):
        self.rules: dict[str, detectors.Detectors] = {}
        self.unreadable: list[Message] = []  # rules whose detectors cannot be read
        for code, text in session.execute(select(m.Rule.code, m.Rule.detectors_json).where(
                m.Rule.deleted_at.is_(None), m.Rule.detectors_json.is_not(None))):
            try:
                self.rules[code] = detectors.parse(text)
            except detectors.DetectorError as exc:
                self.unreadable.append(N_("chat_import", "rule {code}: {exc}").format(
                    code=code, exc=exc))
        self.rules = {code: d for code, d in self.rules.items() if d.kinds()}
        self._chats: dict[int, _Chat] = {}
        self.flags: list[Flag] = []  # the first KEPT hits of each member and rule
        self.hits: Counter = Counter()  # (member id, or ("?", sender), rule) -> every hit

    def __bool__(self) -> bool:
        return bool(self.rules)

    def context(self, chat: int, at: int, sender: str, text: str) -> None:
        """A message that is not scanned (counted before) still frames its neighbours."""
        state = self._chat(chat)
        self._after(state, (at, sender, text))
        state.before.append((at, sender, text))

    def scan(self, chat: int, chat_name: str, group_id: str | None, member_id: str | None,
             sender_key: str, sender: str, at: int, text: str, media: int,
             mentions: int) -> None:
        state = self._chats.get(chat) or self._chat(chat)
        line = (at, sender, text)
        if state.waiting:
            self._after(state, line)
        seen: set[str] = set()
        for hit in state.scanner.scan(sender_key, at, text, media, mentions):
            if hit.rule in seen:  # one report per message and rule
                continue
            seen.add(hit.rule)
            who = (member_id or ("?", sender_key), hit.rule)
            self.hits[who] += 1
            if self.hits[who] > KEPT:
                continue
            flag = Flag(member_id, hit.rule, hit.kind, hit.matched, at, chat_name, group_id,
                        sender, text, before=list(state.before))
            state.waiting.append(flag)
            self.flags.append(flag)
        state.before.append(line)

    def _chat(self, chat: int) -> _Chat:
        state = self._chats.get(chat)
        if state is None:
            state = self._chats[chat] = _Chat(self.rules)
        return state

    @staticmethod
    def _after(state: _Chat, line: tuple[int, str, str]) -> None:
        """The message after a waiting flag's: it goes into the flag's evidence."""
        if state.waiting:
            for flag in state.waiting:
                flag.after.append(line)
            state.waiting = [f for f in state.waiting if len(f.after) < AROUND]


    def flagged(self) -> tuple[int, int]:
        """Hits on members' messages, and on messages of senders who match no member."""
        known = sum(n for (who, _rule), n in self.hits.items() if not isinstance(who, tuple))
        return known, sum(self.hits.values()) - known


@dataclass
class Filed:
    reports: int = 0
    new_cases: int = 0
    merged_cases: int = 0


def file_flags(session: Session, flagger: Flagger, zone: ZoneInfo, now: datetime) -> Filed:
    """File each kept flag of a known member as a detector report, gathered per member and
    rule into their open detector case for the rule; hits past the kept ones count on the
    case (report_count) without rows of their own."""
    filed = Filed()
    flags = flagger.flags
    rule_ids = dict(session.execute(select(m.Rule.code, m.Rule.id)).all())
    known = sorted((f for f in flags if f.member_id), key=lambda f: (f.member_id, f.rule, f.at))
    for (member_id, rule), group in groupby(known, key=lambda f: (f.member_id, f.rule)):
        case = session.scalar(select(m.Case).where(
            m.Case.member_id == member_id, m.Case.rule_id == rule_ids.get(rule),
            m.Case.kind == CaseKind.REPORT, m.Case.source == ReportSource.DETECTOR,
            m.Case.status.in_((CaseStatus.OPEN, CaseStatus.CLAIMED)),
            m.Case.deleted_at.is_(None)).order_by(m.Case.first_reported_at).limit(1))
        filed.merged_cases += case is not None
        for flag in group:  # reported now, when found: the SLA starts when moderators learn of it
            evidence = flag.evidence(zone)
            filed.reports += 1
            if case is None:
                intake = add_report(session, ReportIn(
                    member=member_id, evidence=evidence, rule=rule, source=ReportSource.DETECTOR,
                    at=now, group=flag.group_id, detector=flag.kind), now)
                case = session.get(m.Case, intake.case_id)
                filed.new_cases += 1
                continue
            case.report_count += 1
            session.add(m.Report(case_id=case.id, source=ReportSource.DETECTOR,
                                 reported_at=now, excerpt=evidence[:500],
                                 detector=flag.kind))
            session.add(m.CaseEvent(case_id=case.id, at=now, kind="reported",
                                    payload_json=json.dumps({"merged": True})))
        more = flagger.hits[member_id, rule] - KEPT
        if more > 0:
            case.report_count += more
            session.add(m.CaseEvent(case_id=case.id, at=now, kind="reported", payload_json=(
                json.dumps({"merged": True, "detector_hits_not_kept": more}))))
        session.flush()
        reprioritise(session, case, now)
    session.flush()
    return filed
