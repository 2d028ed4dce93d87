"""A believable demo community, the same for the same seed and the same "now".

Rows go in with bulk inserts and no outbox entries: the database is marked
as demo data (setting `demo`) so it is never pushed to a team server.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import string
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from faker import Faker
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from modconsole.domain.enums import (
    ActivityStatus,
    AttendanceStatus,
    CaseStatus,
    Layer,
    MemberStatus,
    ReportSource,
    SanctionKind,
)
from modconsole.domain.ids import uuid7
from modconsole.domain.ladder import Step
from modconsole.domain.messages import N_
from modconsole.domain.priority import queue_key
from modconsole.domain.recurrence import zone
from modconsole.services import demo_content as dc
from modconsole.services.activities import DEFAULT_ZONE
from modconsole.services.chat.messages import EPOCH_DAY, LocalDays
from modconsole.services.classification import recompute
from modconsole.services.errors import UserError
from modconsole.services.progress import Progress, no_progress
from modconsole.services.tags import insert_links
from modconsole.store import models as m
from modconsole.store.settings import set_setting

TZ = ZoneInfo("Asia/Shanghai")
CHUNK = 500


class _Ids:
    """Deterministic UUIDv7s: the clock is `now`, the random bits come from the seed."""

    def __init__(self, rng: random.Random, now: datetime):
        self.rng = rng
        self.ms = int(now.timestamp() * 1000)

    def __call__(self, at: datetime | None = None) -> str:
        ms = int(at.timestamp() * 1000) if at else self.ms
        return uuid7(ms, self.rng.randbytes(10))


def _row(ids: _Ids, created: datetime, /, **values) -> dict:
    return {"id": ids(created), "created_at": created, "updated_at": created, "version": 1,
            **values}


class DemoBuilder:
    def __init__(self, session: Session, members: int, seed: int, now: datetime,
                 progress: Progress):
        self.s = session
        self.n = members
        self.seed = seed
        self.rng = random.Random(seed)
        self.fake = Faker("zh_CN")
        self.fake.seed_instance(seed)
        self.now = now.astimezone(UTC)
        self.ids = _Ids(self.rng, self.now)
        self.progress = progress
        self.steps = (members + CHUNK - 1) // CHUNK + 6
        self.done = 0

    def _step(self) -> None:
        self.done += 1
        self.progress(self.done, self.steps)

    def _insert(self, model, rows: list[dict]) -> None:
        if rows:
            self.s.execute(insert(model), rows)

    def build(self) -> dict[str, int]:
        self.progress(0, self.steps)
        self.staff = self._staff()
        self.tags = self._tags()
        self._members()
        self._chat_days()
        self._groups()
        self._step()
        cases = self._cases()
        self._step()
        activities = self._activities()
        self._step()
        self._themes_and_notes()
        self._care_messages()
        recompute(self.s, self.now)
        set_setting(self.s, "demo", {"seed": self.seed, "now": self.now.isoformat(),
                                     "members": self.n})
        self._step()
        return {"members": self.n, "groups": len(self.groups), "cases": cases,
                "activities": activities}

    # -- people ---------------------------------------------------------------
    def _staff(self) -> list[str]:
        rows = [_row(self.ids, self.now, name=name, role=role, email=None)
                for name, role in dc.STAFF]
        self._insert(m.Staff, rows)
        return [r["id"] for r in rows]

    def _tags(self) -> dict[str, str]:
        tags: dict[str, str] = {}
        groups, rows = [], []
        for pos, (name, color, exclusive, names) in enumerate(dc.TAG_GROUPS):
            group = _row(self.ids, self.now, name=name, color=color, exclusive=exclusive,
                         position=pos)
            groups.append(group)
            for tag in names:
                row = _row(self.ids, self.now, group_id=group["id"], name=tag, color=None)
                rows.append(row)
                tags[tag] = row["id"]
        self._insert(m.TagGroup, groups)
        self._insert(m.Tag, rows)
        return tags

    def _member(self, i: int) -> tuple[dict, list[str]]:
        rng, fake, now = self.rng, self.fake, self.now
        layer = rng.choices([Layer.CORE, Layer.POTENTIAL, Layer.BASE], [15, 35, 50])[0]
        female = rng.random() < 0.58
        name = fake.name_female() if female else fake.name_male()
        region = rng.choice(dc.REGIONS)
        job = rng.choice(dc.JOBS)
        joined = now - timedelta(days=rng.randint(0, 540), minutes=rng.randint(0, 1439))
        idle = {Layer.CORE: 2, Layer.POTENTIAL: 12, Layer.BASE: 90}[layer]
        last_active = max(joined, now - timedelta(days=rng.randint(0, idle),
                                                  minutes=rng.randint(0, 1439)))
        scale = {Layer.CORE: 40, Layer.POTENTIAL: 12, Layer.BASE: 2}[layer]
        spend = {Layer.CORE: rng.choice(["800档", "3000档", "3000档"]),
                 Layer.POTENTIAL: rng.choice(["未付费", "299档", "299档", "800档"]),
                 Layer.BASE: rng.choice(["未付费"] * 6 + ["299档"])}[layer]
        paid = {"未付费": 0, "299档": 29_900, "800档": 80_000, "3000档": 300_000}[spend]
        source = rng.choices(dc.SOURCES, [30, 15, 25, 20, 10])[0]
        status = rng.choices(list(MemberStatus), [94, 2, 1, 3])[0]
        days_idle = (now - last_active).days
        lifecycle = ("新人" if (now - joined).days < 14 else "活跃" if days_idle < 3
                     else "沉默" if days_idle < 30 else "流失预警")
        row = _row(
            self.ids, joined,
            platform_id="wxid_" + "".join(rng.choices(string.ascii_lowercase + string.digits,
                                                      k=12)),
            name=name, nickname=f"{name}-{region}-{job}",
            phone=fake.phone_number() if rng.random() < 0.6 else None,
            phone_verified=rng.random() < 0.4,
            email=fake.free_email() if rng.random() < 0.3 else None,
            email_verified=False, region=region, gender="女" if female else "男",
            age_band=rng.choice(["18-24", "25-34", "25-34", "35-44", "45+"]),
            joined_at=joined, join_channel=source, inviter_id=None,
            last_active_at=last_active,
            posts_count=int(rng.expovariate(1 / scale)),
            comments_count=int(rng.expovariate(1 / (scale * 2))),
            likes_count=int(rng.expovariate(1 / (scale * 3))),
            quality_posts_count=int(rng.expovariate(1 / max(scale / 8, 0.3))),
            active_streak_days=rng.randint(0, 30) if layer == Layer.CORE else rng.randint(0, 5),
            conversions_count=rng.randint(0, 3) if layer == Layer.CORE else 0,
            points=int(rng.expovariate(1 / (scale * 25))), level=1 + min(9, scale // 5),
            paid_total_cents=paid, status=status,
            muted_until=now + timedelta(days=rng.choice([1, 7, 15]))
            if status == MemberStatus.MUTED else None,
            is_staff=False, churn_level=0,
        )
        tags = [region, spend, source, lifecycle, *rng.sample(dc.INTERESTS, rng.randint(1, 3))]
        return row, tags

    def _members(self) -> None:
        self.members: list[dict] = []
        self.member_tags: dict[str, list[str]] = {}
        for start in range(0, self.n, CHUNK):
            rows, links = [], []
            for i in range(start, min(self.n, start + CHUNK)):
                row, tags = self._member(i)
                if row["join_channel"] == "老带新" and self.members:
                    row["inviter_id"] = self.rng.choice(self.members)["id"]
                rows.append(row)
                self.members.append(row)
                self.member_tags[row["id"]] = tags
                links += [{"tag_id": self.tags[t], "member_id": row["id"],
                           "added_at": row["joined_at"], "added_by": None} for t in tags]
            self._insert(m.Member, rows)
            insert_links(self.s, links)
            self._step()

    def _chat_days(self) -> None:
        """The last 90 days of chat activity, as a chat import leaves it: each member's
        streak of days in a row up to their last active day, and days here and there before
        it, more of them the more the member writes. An RNG of its own keeps the rest of
        the demo as it was."""
        rng = random.Random(self.seed * 7919 + 1)
        days = LocalDays(zone(DEFAULT_ZONE))
        today = days(int(self.now.timestamp()))
        rowids = dict(self.s.execute(select(m.Member.id, m.MEMBER_ROWID)).all())
        rows = []
        self.chat_days: dict[str, list[int]] = {}
        for r in self.members:
            last = days(int(r["last_active_at"].timestamp()))
            start = max(today - 89, days(int(r["joined_at"].timestamp())))
            streak = max(1, r["active_streak_days"])
            chance = min(0.7, 0.02 + r["posts_count"] / 300)
            active = {d for d in range(start, last - streak) if rng.random() < chance}
            active |= set(range(max(start, last - streak + 1), last + 1))
            self.chat_days[r["id"]] = sorted(active)
            rows += [(rowids[r["id"]], d, rng.randint(1, 12), int(rng.random() < 0.15),
                      int(rng.random() < 0.2), int(rng.random() < 0.1)) for d in sorted(active)]
        self.s.connection().exec_driver_sql(
            "INSERT INTO member_days (member, day, messages, links, media, mentions) "
            "VALUES (?, ?, ?, ?, ?, ?)", rows)

    def _care_messages(self) -> None:
        """Ops staff copy the churn-care reply for a quarter of the members, a week into
        their latest silence of more than a week; some of them wrote again afterwards."""
        rng = random.Random(self.seed * 7919 + 2)
        days = LocalDays(zone(DEFAULT_ZONE))
        today = days(int(self.now.timestamp()))
        senders = [sid for sid, (_, role) in zip(self.staff, dc.STAFF, strict=True)
                   if role in ("ops", "lead")]
        rows = []
        for member_id, active in self.chat_days.items():
            silences = [a for a, b in itertools.pairwise([*active, today + 1]) if b - a > 7]
            for before in silences[-1:]:
                sent = before + 7
                if sent < today and rng.random() < 0.25:
                    at = datetime.combine(date.fromordinal(sent + EPOCH_DAY),
                                          time(rng.randint(9, 20)), zone(DEFAULT_ZONE))
                    rows.append(_row(self.ids, at, at=at, actor_id=rng.choice(senders),
                                     action="reply.sent", entity="member",
                                     entity_id=member_id, before_json=None,
                                     after_json=json.dumps({"template": "care",
                                                            "category": "churn_care"}),
                                     reason=None))
        self._insert(m.AuditEntry, rows)

    def _eligible(self, rule: str | None) -> list[dict]:
        if rule is None:
            return self.members
        if rule == "newcomer":
            return [r for r in self.members if (self.now - r["joined_at"]).days < 60]
        if rule == "core":
            return [r for r in self.members if r["paid_total_cents"] >= 300_000]
        wanted = set(rule.split("|"))
        return [r for r in self.members if wanted & set(self.member_tags[r["id"]])]

    def _groups(self) -> None:
        self.groups, links = [], []
        for name, kind, cap, rule in dc.GROUPS:
            group = _row(self.ids, self.now, name=name, kind=kind.value, cap=cap,
                         platform="wechat", description="")
            self.groups.append(group)
            pool = [r for r in self._eligible(rule) if r["status"] != MemberStatus.LEFT]
            size = min(len(pool), int(cap * self.rng.uniform(0.86, 0.99)))
            for r in self.rng.sample(pool, size):
                links.append({"group_id": group["id"], "member_id": r["id"],
                              "role": "member", "joined_at": max(r["joined_at"], self.now
                                                                 - timedelta(days=200))})
        self._insert(m.Group, self.groups)
        self._insert(m.GroupMembership, links)
        self.group_of = {}
        for link in links:
            self.group_of.setdefault(link["member_id"], link["group_id"])

    # -- moderation -----------------------------------------------------------
    def _cases(self) -> int:
        rng, now = self.rng, self.now
        rules = {code: (rid, sev, agg) for code, rid, sev, agg in self.s.execute(
            select(m.Rule.code, m.Rule.id, m.Rule.severity, m.Rule.aggravated)
            .where(m.Rule.parent_id.is_not(None)))}
        if not rules:
            return 0
        by_cat: dict[str, list[str]] = {}
        for code in rules:
            if code in dc.EVIDENCE:  # only rules the demo has fitting evidence for
                by_cat.setdefault(code.split(".")[0], []).append(code)
        cats = [c for c in dc.CATEGORY_WEIGHTS if c in by_cat]
        weights = [dc.CATEGORY_WEIGHTS[c] for c in cats]
        moderators = [sid for sid, (_, role) in zip(self.staff, dc.STAFF, strict=True)
                      if role in ("moderator", "admin")]
        cases, reports, events, sanctions, appeals, audit = [], [], [], [], [], []
        offenders = [r for r in self.members if r["paid_total_cents"] < 300_000]
        # Members shown as muted or banned get the decided case that put them there.
        sanctioned = [r for r in self.members
                      if r["status"] in (MemberStatus.MUTED, MemberStatus.BANNED)]
        plan = [(r, r["status"]) for r in sanctioned]
        plan += [(rng.choice(offenders), None) for _ in range(max(20, self.n // 25))]
        for member, forced in plan:
            cat = rng.choices(cats, weights)[0]
            code = rng.choice(by_cat[cat])
            rule_id, severity, aggravated = rules[code]
            text = rng.choice(dc.EVIDENCE[code])
            recent = forced is None and rng.random() < 0.3
            at = now - timedelta(hours=rng.randint(1, 72) if recent else rng.randint(72, 24 * 60))
            if forced == MemberStatus.MUTED:
                at = member["muted_until"] - timedelta(days=16)
            count = rng.choices([1, 2, 3, 5], [60, 25, 10, 5])[0]
            case = _row(self.ids, at, kind="report", member_id=member["id"],
                        group_id=self.group_of.get(member["id"]), rule_id=rule_id,
                        status=CaseStatus.OPEN.value,
                        source=rng.choice([ReportSource.MEMBER, ReportSource.STAFF]).value,
                        evidence_text=text, evidence_link=None,
                        evidence_hash=hashlib.sha256(f"{member['id']}\n{text}".encode())
                        .hexdigest(), report_count=count,
                        priority=queue_key(at, severity, count, aggravated=aggravated),
                        first_reported_at=at, claimed_by=None, claimed_until=None,
                        decision=None, decision_reason=None, deviated_from_ladder=False,
                        decided_by=None, decided_at=None, appeal_of_id=None)
            for k in range(count):
                reporter = rng.choice(self.members)
                when = at + timedelta(minutes=7 * k)
                reports.append(_row(self.ids, when, case_id=case["id"],
                                    reporter_member_id=reporter["id"], reporter_staff_id=None,
                                    source=case["source"], reported_at=when, excerpt=text))
            events.append(_row(self.ids, at, case_id=case["id"], at=at, actor_id=None,
                               kind="reported", payload_json=json.dumps({"reports": count})))
            if not recent:
                self._decide(case, rng.choice(moderators), events, sanctions, audit, forced,
                             member.get("muted_until"))
                if case["decision"].startswith(("mute", "remove")) and rng.random() < 0.15:
                    self._appeal(case, member, events, appeals, cases,
                                 rng.choice(dc.APPEALS.get(cat, dc.APPEAL_DEFAULT)))
            elif rng.random() < 0.3:
                case["claimed_by"] = rng.choice(moderators)
                case["claimed_until"] = now + timedelta(minutes=30)
            cases.append(case)
        self._insert(m.Case, [c for c in cases if not c["appeal_of_id"]])
        self._insert(m.Case, [c for c in cases if c["appeal_of_id"]])
        for model, rows in ((m.Report, reports), (m.CaseEvent, events), (m.Sanction, sanctions),
                            (m.Appeal, appeals), (m.AuditEntry, audit)):
            self._insert(model, rows)
        return len(cases)

    def _decide(self, case, moderator, events, sanctions, audit, forced=None,
                muted_until=None) -> None:
        rng = self.rng
        at = case["first_reported_at"] + timedelta(hours=rng.randint(1, 40))
        decision, days = rng.choices(
            [("dismiss", None), ("warn", None), ("mute", 1), ("mute", 7), ("mute", 15),
             ("remove", None)], [15, 35, 25, 12, 5, 8])[0]
        if forced == MemberStatus.BANNED:
            decision, days = "ban", None
        elif forced == MemberStatus.MUTED:
            at = muted_until - timedelta(days=15)
            decision, days = "mute", 15
        reason = {"dismiss": "核实后不构成违规", "warn": "初犯，予以警告",
                  "mute": f"违反群规，禁言 {days} 天", "remove": "屡次违规，移出群聊",
                  "ban": "多次严重违规，封禁账号"}[decision]
        code = Step(decision, days).code  # as the decisions service records it: mute:7
        case.update(status=CaseStatus.DECIDED.value, decision=code, decided_by=moderator,
                    decided_at=at, decision_reason=reason)
        events.append(_row(self.ids, at, case_id=case["id"], at=at, actor_id=moderator,
                           kind="decided", payload_json=json.dumps({"decision": code})))
        if decision != "dismiss":
            kind = {"warn": SanctionKind.WARN, "mute": SanctionKind.MUTE,
                    "remove": SanctionKind.REMOVE, "ban": SanctionKind.BAN}[decision]
            sanctions.append(_row(self.ids, at, case_id=case["id"], member_id=case["member_id"],
                                  kind=kind.value, starts_at=at,
                                  ends_at=at + timedelta(days=days) if days else (
                                      at if decision in ("warn", "remove") else None),
                                  counts_to_ladder=True, overturned=False, lifted_at=None,
                                  lifted_by=None, lift_reason=None))
        audit.append(_row(self.ids, at, at=at, actor_id=moderator, action="case.decide",
                          entity="cases", entity_id=case["id"],
                          before_json=json.dumps({"status": "open"}),
                          after_json=json.dumps({"status": "decided", "decision": code},
                                                ensure_ascii=False), reason=reason))

    def _appeal(self, case, member, events, appeals, cases, statement: str) -> None:
        """The member's appeal: its case shows what they say, not the original evidence."""
        at = case["decided_at"] + timedelta(hours=6)
        own = ("id", "created_at", "updated_at", "version")  # the new row's, not the original's
        appeal_case = _row(self.ids, at, **{k: v for k, v in case.items() if k not in own})
        appeal_case.update(kind="appeal", status=CaseStatus.OPEN.value, decision=None,
                           priority=queue_key(at, None, appeal=True),
                           decided_by=None, decided_at=None, decision_reason=None,
                           report_count=1, first_reported_at=at, appeal_of_id=case["id"],
                           claimed_by=None, claimed_until=None, evidence_text=statement,
                           evidence_hash=f"appeal:{case['id']}")
        cases.append(appeal_case)
        case["status"] = CaseStatus.APPEALED.value
        appeals.append(_row(self.ids, at, original_case_id=case["id"],
                            appeal_case_id=appeal_case["id"], member_id=member["id"], filed_at=at,
                            statement=statement, outcome=None,
                            decided_by=None, decided_at=None))
        events.append(_row(self.ids, at, case_id=case["id"], at=at, actor_id=None,
                           kind="appealed", payload_json="{}"))

    # -- planner --------------------------------------------------------------
    def _monday(self) -> datetime:
        local = self.now.astimezone(TZ)
        return (local - timedelta(days=local.weekday())).replace(hour=0, minute=0, second=0,
                                                                 microsecond=0)

    def _activities(self) -> int:
        rng, monday = self.rng, self._monday()
        hosts = self.staff[1:]
        acts, links, attendance, ledger = [], [], [], []
        for rule, hour, minute, hours, kind, title in dc.RECURRING:
            start = (monday - timedelta(weeks=4)).replace(hour=hour, minute=minute)
            acts.append(self._activity(start, hours, kind, title, "", rng.choice(hosts),
                                       ActivityStatus.RUNNING, rrule=rule))
        for week in range(-4, 2):
            for weekday, hour, minute, hours, kind, title, location in dc.WEEKLY_PLAN:
                start = (monday + timedelta(weeks=week, days=weekday)).replace(hour=hour,
                                                                              minute=minute)
                past = start < self.now
                status = (ActivityStatus.DONE if past else ActivityStatus.ANNOUNCED if week == 0
                          else ActivityStatus.PLANNED)
                act = self._activity(start, hours, kind, title, location, rng.choice(hosts),
                                     status)
                acts.append(act)
                if past:
                    self._attend(act, attendance, ledger)
        for act in acts:
            for group in rng.sample(self.groups, rng.randint(1, 3)):
                links.append({"activity_id": act["id"], "group_id": group["id"]})
        self._insert(m.Activity, acts)
        self._insert(m.ActivityGroup, links)
        self._insert(m.Attendance, attendance)
        self._insert(m.PointsEntry, ledger)
        return len(acts)

    def _activity(self, start_local, hours, kind, title, location, host, status, rrule=None):
        start = start_local.astimezone(UTC)
        return _row(self.ids, start - timedelta(days=7), type=kind.value, title=title,
                    description="", start_at=start, end_at=start + timedelta(hours=hours),
                    timezone="Asia/Shanghai", rrule=rrule, exceptions_json="{}",
                    location=location, online_link=None if location else "https://meeting.example/",
                    host_id=host, helpers_json="[]", segment_id=None,
                    capacity=30 if location else None, waitlist=True,
                    reward_points=self.rng.choice([5, 10, 20]),
                    reward_badge=None, goal="", status=status.value, review_json=None)

    def _attend(self, act, attendance, ledger) -> None:
        people = self.rng.sample(self.members, min(len(self.members), self.rng.randint(8, 40)))
        for r in people:
            seat = _row(self.ids, act["start_at"], activity_id=act["id"],
                        occurrence_at=act["start_at"], member_id=r["id"],
                        status=AttendanceStatus.ATTENDED.value,
                        registered_at=act["start_at"] - timedelta(days=2),
                        checked_in_at=act["start_at"])
            attendance.append(seat)
            ledger.append(_row(self.ids, act["start_at"], member_id=r["id"],
                               delta=act["reward_points"], reason=act["title"],
                               source_kind="attendance", source_id=seat["id"],
                               at=act["start_at"]))
        act["review_json"] = json.dumps({"participants": len(people),
                                         "new_members": self.rng.randint(0, 5),
                                         "conversions": self.rng.randint(0, 2)})

    def _themes_and_notes(self) -> None:
        monday = self._monday().date()
        self._insert(m.Theme, [
            _row(self.ids, self.now, title=title, starts_on=monday + timedelta(days=a),
                 ends_on=monday + timedelta(days=b), color=color)
            for title, a, b, color in dc.THEMES])
        notes = [_row(self.ids, self.now, member_id=self.rng.choice(self.members)["id"],
                      author_id=self.rng.choice(self.staff), body=self.rng.choice(dc.NOTES))
                 for _ in range(max(5, self.n // 50))]
        self._insert(m.MemberNote, notes)


def load_demo(session: Session, *, members: int = 2000, seed: int = 1,
              now: datetime | None = None, progress: Progress = no_progress) -> dict[str, int]:
    """Fill an empty database with a demo community; refuses one that has members."""
    if members < 1 or members > 200_000:
        raise UserError(N_("demo", "The demo community takes between 1 and 200000 members."))
    existing = session.scalar(select(func.count()).select_from(m.Member))
    if existing:
        raise UserError(
            N_("demo", "This database already has {existing} members; demo data only goes "
                       "into an empty database. To try the demo, open a new database file "
                       "(Settings → Database, or --db NEW_FILE).").format(
                existing=existing)
        )
    return DemoBuilder(session, members, seed, now or datetime.now(UTC), progress).build()


