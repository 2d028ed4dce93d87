"""A chat export into the database: member-day counts, member fields, groups, check-ins.

One pass over the stream, in the caller's write transaction, a batch at a
time: messages already counted by an earlier import (the same chat, time
and identity in `chat_seen`) are skipped; senders are matched to members by
platform id, then by exact group nickname, then name (or created, if asked);
each batch adds its counts to `member_days` and marks its messages seen.
A message of a sender who matched nobody is not marked, so importing again
with --create-members counts it then. At the end the touched members get
their last active time, counts, streak, joins and leaves, and messages
holding an activity's check-in word inside its session check their sender
in. A dry run or a refused file rolls everything back (`RolledBack`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from modconsole.domain import recurrence
from modconsole.domain.enums import GroupKind, MemberStatus, OutboxOp
from modconsole.domain.messages import N_
from modconsole.domain.name_order import sort_key
from modconsole.services import attendance, audit
from modconsole.services.activities import DEFAULT_ZONE, entries
from modconsole.services.chat.flagging import Flag, Flagger, file_flags
from modconsole.services.chat.messages import (
    JOIN,
    LEAVE,
    MESSAGE,
    BadMessage,
    ChatExport,
    ChatFileError,
    ChatMessage,
    LocalDays,
    hashed_key,
    pack,
    unpack,
)
from modconsole.services.errors import RolledBack
from modconsole.services.groups import create_group
from modconsole.services.monitoring.rollups import invalidate_from
from modconsole.services.progress import Progress, no_progress
from modconsole.store import models as m
from modconsole.store.models.base import utcnow
from modconsole.store.outbox import record_changes
from modconsole.store.row_writes import insert_row

BATCH = 20_000
LISTED_SENDERS = 200  # unmatched senders the report names; the rest are counted
LISTED_ERRORS = 1000
LISTED_FLAGS = 500
CHUNK = 500
UPSERT_DAYS = (
    "INSERT INTO member_days (member, day, messages, links, media, mentions) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (member, day) DO UPDATE SET "
    "messages = messages + excluded.messages, links = links + excluded.links, "
    "media = media + excluded.media, mentions = mentions + excluded.mentions")
PLATFORM_GROUPS = {"telegram": "telegram", "qq": "qq"}


@dataclass(frozen=True)
class ChatOptions:
    group: str = ""  # the group every chat of the file stands for; "" -> one per chat name
    zone: str = DEFAULT_ZONE  # for export times without an offset, and for local days
    dry_run: bool = False
    create_members: bool = False  # unmatched senders with an id become members
    skip_bad: bool = False  # import the readable messages when some are not
    flag: bool = True  # rules' detectors file reports on the messages they match
    by: str | None = None


@dataclass
class Sender:
    """One sender as the report lists them, and the member they matched."""

    sender_id: str
    name: str
    messages: int = 0
    member_id: str | None = None
    how: str = ""  # id, nickname, name, created; "" matched nobody
    rowid: int | None = None


@dataclass
class ChatReport:
    file: str
    platform: str = ""
    chats: list[str] = field(default_factory=list)
    groups_created: list[str] = field(default_factory=list)
    messages: int = 0  # messages read (joins and leaves are counted apart)
    counted: int = 0  # new, from matched senders
    repeated: int = 0  # counted by an earlier import already
    unmatched_messages: int = 0
    joins: int = 0
    leaves: int = 0
    active_members: int = 0
    members_created: int = 0
    members_updated: int = 0
    check_ins: int = 0
    points_awarded: int = 0
    first_at: datetime | None = None
    last_at: datetime | None = None
    unmatched: list[Sender] = field(default_factory=list)  # the most active first
    unmatched_senders: int = 0
    flags: list[Flag] = field(default_factory=list)  # the first LISTED_FLAGS hits
    flagged: int = 0  # hits on members' messages: each files a report
    flagged_unknown: int = 0  # hits on messages of senders who match no member
    cases_opened: int = 0
    detector_problems: list = field(default_factory=list)  # rules whose detectors are broken
    errors: list[BadMessage] = field(default_factory=list)
    bad_messages: int = 0
    written: bool = False


@dataclass
class _Source:
    rowid: int
    group_id: str | None
    name: str
    new: int = 0
    first: int | None = None
    last: int | None = None


@dataclass
class _Touch:
    """What this import adds to one member; `last` is 0 when only a join or leave was seen."""

    member_id: str
    last: int
    posts: int = 0
    comments: int = 0


class _Ingest:
    def __init__(self, session: Session, export: ChatExport, options: ChatOptions,
                 report: ChatReport):
        self.s, self.export, self.options, self.report = session, export, options, report
        self.days = LocalDays(recurrence.zone(options.zone))
        self.sources: dict[str, _Source] = {}
        self.senders: dict[str | tuple[str, str], Sender] = {}  # by id, else ("", name)
        self.touched: dict[int, _Touch] = {}
        self.events: list[tuple[int, int, str, str | None]] = []  # rowid, at, kind, group
        self.in_group: dict[str, dict[str, int]] = defaultdict(dict)  # group -> member -> at
        self.keywords = set(session.scalars(select(m.Activity.checkin_keyword).where(
            m.Activity.deleted_at.is_(None), m.Activity.checkin_keyword != "")))
        self.candidates: list[tuple[str, int, str | None, str]] = []  # member, at, group, text
        self.span: tuple[int, int] | None = None  # the messages' first and last time
        self.flagger = Flagger(session) if options.flag else None
        if self.flagger is not None:
            report.detector_problems = self.flagger.unreadable
            self.flagger = self.flagger or None  # no rule has detectors: nothing to scan

    # -- the stream ------------------------------------------------------------------------

    def take(self, batch: list[ChatMessage]) -> None:
        by_chat: dict[str, list[ChatMessage]] = defaultdict(list)
        for message in batch:
            by_chat[message.chat or self.export.chat_key].append(message)
        for chat, messages in by_chat.items():
            self._take_chat(self._source(chat), messages)

    def _take_chat(self, source: _Source, messages: list[ChatMessage]) -> None:
        """Count one chat's share of a batch. The loop runs once per message of exports of
        millions, so it keeps its lookups in locals."""
        connection = self.s.connection()
        times = [msg.at for msg in messages]
        low, high = min(times), max(times)
        self.span = (low, high) if self.span is None else (min(self.span[0], low),
                                                           max(self.span[1], high))
        seen = set()
        for (packed,) in connection.exec_driver_sql(
                "SELECT packed FROM chat_seen WHERE source = ? AND high_at >= ? AND low_at <= ?",
                (source.rowid, low, high)):
            seen.update(unpack(packed))
        days: dict[tuple[int, int], list[int]] = {}
        marks: list[tuple[int, int]] = []
        report, senders, touched, day_of = self.report, self.senders, self.touched, self.days
        known_days = day_of.known  # quarter hour -> day, filled by day_of
        in_group = self.in_group[source.group_id] if source.group_id else {}
        keywords = tuple(self.keywords)
        flagger = self.flagger
        for msg in messages:
            at, key, kind = msg.at, msg.key, msg.kind
            if key is None:
                key = msg.key = hashed_key(at, msg.sender_id or msg.sender_name, msg.text, 0)
            ident = (at, key)
            if kind != MESSAGE:
                if kind in (JOIN, LEAVE) and ident not in seen and self._event(source, msg):
                    seen.add(ident)
                    marks.append(ident)
                continue
            report.messages += 1
            if ident in seen:
                report.repeated += 1
                if flagger:
                    flagger.context(source.rowid, at, msg.sender_name, msg.text)
                continue
            sender = senders.get(msg.sender_id or ("", msg.sender_name))
            if sender is None:
                sender = self.sender(msg.sender_id, msg.sender_name)
            rowid = sender.rowid
            if flagger:
                flagger.scan(source.rowid, source.name, source.group_id, sender.member_id,
                             msg.sender_id or msg.sender_name, msg.sender_name, at, msg.text,
                             msg.media, msg.mentions)
            if rowid is None:  # not marked seen: a later import that knows them counts it
                sender.messages += 1
                report.unmatched_messages += 1
                continue
            seen.add(ident)
            marks.append(ident)
            links, media, mentions = msg.counts()
            day = known_days.get(at // 900)
            if day is None:
                day = day_of(at)
            cell = days.get((rowid, day))
            if cell is None:
                days[rowid, day] = [1, links, media, mentions]
            else:
                cell[0] += 1
                cell[1] += links
                cell[2] += media
                cell[3] += mentions
            touch = touched.get(rowid)
            if touch is None:
                touch = touched[rowid] = _Touch(sender.member_id, at)
            elif at > touch.last:
                touch.last = at
            if msg.reply:
                touch.comments += 1
            else:
                touch.posts += 1
            in_group.setdefault(sender.member_id, at)
            if keywords and any(k in msg.text for k in keywords):
                self.candidates.append((sender.member_id, at, source.group_id, msg.text))
        counted = sum(cell[0] for cell in days.values())
        report.counted += counted
        source.new += counted
        if marks:
            first, last = min(at for at, _ in marks), max(at for at, _ in marks)
            source.first = first if source.first is None else min(source.first, first)
            source.last = last if source.last is None else max(source.last, last)
            connection.exec_driver_sql(
                "INSERT INTO chat_seen (source, low_at, high_at, packed) VALUES (?, ?, ?, ?)",
                (source.rowid, first, last, pack(marks)))
        if days:
            connection.exec_driver_sql(UPSERT_DAYS, [(r, d, *c) for (r, d), c in days.items()])

    def _event(self, source: _Source, msg: ChatMessage) -> bool:
        """A join or leave; True when every member it names was found."""
        subjects = [self.sender(sender_id, name) for sender_id, name in msg.subjects]
        for subject in subjects:
            if subject.rowid is None:
                continue
            self.events.append((subject.rowid, msg.at, msg.kind, source.group_id))
            self.touched.setdefault(subject.rowid, _Touch(subject.member_id, 0))
            if msg.kind == JOIN:
                self.report.joins += 1
            else:
                self.report.leaves += 1
        return bool(subjects) and all(s.rowid is not None for s in subjects)

    def _source(self, chat: str) -> _Source:
        found = self.sources.get(chat)
        if found is not None:
            return found
        platform = self.export.platform
        name = self.export.chat_name if chat == self.export.chat_key else chat
        group = self._group(self.options.group or name)
        row = self.s.scalar(select(m.ChatSource).where(m.ChatSource.platform == platform,
                                                       m.ChatSource.chat_key == chat[:200]))
        if row is None:
            row = m.ChatSource(platform=platform, chat_key=chat[:200], name=name[:200],
                               messages=0)
            self.s.add(row)
        row.group_id, row.name, row.imported_at = group.id, name[:200], utcnow()
        self.s.flush()
        self.report.chats.append(name)
        found = self.sources[chat] = _Source(row.id, group.id, name)
        return found

    def _group(self, name: str) -> m.Group:
        name = name.strip()[:100] or self.export.chat_name[:100]
        group = self.s.scalar(select(m.Group).where(m.Group.name == name,
                                                    m.Group.deleted_at.is_(None)))
        if group is None:
            group = create_group(self.s, name, GroupKind.OTHER)
            group.platform = PLATFORM_GROUPS.get(self.export.platform, group.platform)
            self.s.flush()
            self.report.groups_created.append(name)
        return group

    # -- senders ---------------------------------------------------------------------------

    def sender(self, sender_id: str, name: str) -> Sender:
        key = sender_id or ("", name)
        found = self.senders.get(key)
        if found is None:
            found = self.senders[key] = self._match(Sender(sender_id, name))
        return found

    def _match(self, sender: Sender) -> Sender:
        M = m.Member
        live = M.deleted_at.is_(None)
        wanted = select(m.MEMBER_ROWID, M.id)
        tries = []
        if sender.sender_id:
            tries.append(("id", M.platform_id == sender.sender_id[:100]))
        if sender.name:
            tries += [("nickname", M.nickname == sender.name), ("name", M.name == sender.name)]
        for how, where in tries:
            rows = self.s.execute(wanted.where(live, where).limit(2)).all()
            if len(rows) == 1:
                sender.rowid, sender.member_id = rows[0]
                sender.how = how
                return sender
        if self.options.create_members and sender.sender_id:
            name = (sender.name or sender.sender_id)[:100]
            sender.member_id = insert_row(self.s, M, platform_id=sender.sender_id[:100],
                                          name=name, name_key=sort_key(name),
                                          nickname=sender.name[:200])
            sender.rowid = self.s.scalar(select(m.MEMBER_ROWID).where(M.id == sender.member_id))
            sender.how = "created"
            self.report.members_created += 1
        return sender

    # -- the end ---------------------------------------------------------------------------

    def finish(self) -> None:
        self.events.sort(key=lambda e: e[1])  # joins and leaves in the order they happened
        self._flags()
        self._check_ins()
        self.s.flush()
        self._memberships()
        self._members()
        self._sources_seen()
        self.s.flush()
        self.s.expire_all()  # the Core updates above left the session's copies stale
        unmatched = [s for s in self.senders.values() if s.rowid is None and s.messages]
        unmatched.sort(key=lambda s: -s.messages)
        self.report.unmatched_senders = len(unmatched)
        self.report.unmatched = unmatched[:LISTED_SENDERS]
        self.report.active_members = sum(1 for t in self.touched.values() if t.last)
        if self.span is not None:
            self.report.first_at, self.report.last_at = (datetime.fromtimestamp(t, UTC)
                                                         for t in self.span)

    def _flags(self) -> None:
        if not self.flagger:
            return
        self.report.flags = self.flagger.flags[:LISTED_FLAGS]
        self.report.flagged, self.report.flagged_unknown = self.flagger.flagged()
        filed = file_flags(self.s, self.flagger, self.days.zone, utcnow())
        self.report.cases_opened = filed.new_cases

    def _check_ins(self) -> None:
        """Messages holding an activity's check-in word, sent inside one of its sessions that
        is for the chat's group (or for every group), check their senders in."""
        if not self.candidates:
            return
        keyword_of = dict(self.s.execute(select(m.Activity.id, m.Activity.checkin_keyword).where(
            m.Activity.checkin_keyword != "")).all())
        first = min(at for _, at, _, _ in self.candidates)
        last = max(at for _, at, _, _ in self.candidates)
        sessions = [e for e in entries(self.s, datetime.fromtimestamp(first, UTC)
                                       - timedelta(days=1),
                                       datetime.fromtimestamp(last, UTC) + timedelta(days=1))
                    if e.activity_id in keyword_of and e.status != "cancelled"]
        found: dict[tuple[str, datetime], dict[str, int]] = defaultdict(dict)
        for member_id, at, group, text in self.candidates:
            moment = datetime.fromtimestamp(at, UTC)
            for e in sessions:
                if (e.start <= moment <= e.end and keyword_of[e.activity_id] in text
                        and (not e.groups or any(gid == group for gid, _ in e.groups))):
                    found[e.activity_id, e.key].setdefault(member_id, at)
        for (activity_id, key), members in found.items():
            done = attendance.check_in(self.s, activity_id, key, list(members),
                                       now=datetime.fromtimestamp(min(members.values()), UTC))
            self.report.check_ins += len(done.checked_in)
            self.report.points_awarded += done.points_awarded

    def _memberships(self) -> None:
        """Who wrote in a chat, or joined it, is in its group; who left it last is not."""
        last_event: dict[tuple[str, int], tuple[int, str]] = {}
        for rowid, at, kind, group_id in self.events:
            if group_id:
                last_event[group_id, rowid] = (at, kind)
                if kind == JOIN:
                    self.in_group[group_id].setdefault(self.touched[rowid].member_id, at)
        now = utcnow()
        changes = []
        for group_id, members in self.in_group.items():
            have = set()
            ids = list(members)
            for start in range(0, len(ids), CHUNK):
                have.update(self.s.scalars(select(m.GroupMembership.member_id).where(
                    m.GroupMembership.group_id == group_id,
                    m.GroupMembership.member_id.in_(ids[start:start + CHUNK]))))
            links = [{"group_id": group_id, "member_id": mid, "role": "member",
                      "joined_at": datetime.fromtimestamp(at, UTC)}
                     for mid, at in members.items() if mid not in have]
            if links:
                self.s.execute(insert(m.GroupMembership), links)
            changes += [{"entity": "group_members", "row_id": f"{group_id}/{link['member_id']}",
                         "op": OutboxOp.ADD, "payload": {**link, "created_at": now}}
                        for link in links]
        for (group_id, rowid), (_at, kind) in last_event.items():
            if kind == JOIN:
                continue
            member_id = self.touched[rowid].member_id
            gone = self.s.execute(m.GroupMembership.__table__.delete().where(
                m.GroupMembership.group_id == group_id,
                m.GroupMembership.member_id == member_id)).rowcount
            if gone:
                changes.append({"entity": "group_members", "row_id": f"{group_id}/{member_id}",
                                "op": OutboxOp.REMOVE, "payload": {"group_id": group_id,
                                                                   "member_id": member_id}})
        record_changes(self.s.connection(), changes)

    def _members(self) -> None:
        """Last active, counts, streak, joined and left, for every member this import touched."""
        events: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for rowid, at, kind, _group in self.events:
            events[rowid].append((at, kind))
        rowids = list(self.touched)
        members = m.Member.__table__
        columns = ("last_active_at", "posts_count", "comments_count", "active_streak_days",
                   "joined_at", "status", "left_at")
        statement = update(members).where(members.c.id == bindparam("row_id")).values(
            {**{c: bindparam(c) for c in (*columns, "updated_at")},
             "version": members.c.version + 1})
        now = utcnow()
        for start in range(0, len(rowids), CHUNK):
            chunk = rowids[start:start + CHUNK]
            streaks = _streaks(self.s, chunk)
            grouped = _in_some_group(self.s, [self.touched[r].member_id for r in chunk])
            rows, changes = [], []
            for rowid, *current in self.s.execute(
                    select(m.MEMBER_ROWID, m.Member.id, m.Member.version,
                           *(getattr(m.Member, c) for c in columns))
                    .where(m.MEMBER_ROWID.in_(chunk))):
                member_id, version, *values = current
                before = dict(zip(columns, values, strict=True))
                after = _after(before, self.touched[rowid], streaks.get(rowid),
                               events.get(rowid, ()), member_id in grouped)
                changed = {c: after[c] for c in columns if after[c] != before[c]}
                if not changed:
                    continue
                rows.append({"row_id": member_id, **after, "updated_at": now})
                changes.append({"entity": "members", "row_id": member_id,
                                "op": OutboxOp.UPDATE, "base_version": version,
                                "payload": {**changed, "updated_at": now}})
            if rows:
                self.s.execute(statement, rows)
                record_changes(self.s.connection(), changes)
                self.report.members_updated += len(rows)

    def _sources_seen(self) -> None:
        for source in self.sources.values():
            row = self.s.get(m.ChatSource, source.rowid)
            row.messages += source.new
            if source.first is not None:
                first = datetime.fromtimestamp(source.first, UTC)
                last = datetime.fromtimestamp(source.last, UTC)
                row.first_at = first if row.first_at is None else min(row.first_at, first)
                row.last_at = last if row.last_at is None else max(row.last_at, last)


def _after(before: dict, touch: _Touch, streak: int | None, events, grouped: bool) -> dict:
    after = dict(before)
    if touch.last:
        last = datetime.fromtimestamp(touch.last, UTC)
        after["last_active_at"] = max(filter(None, (before["last_active_at"], last)))
    after["posts_count"] = (before["posts_count"] or 0) + touch.posts
    after["comments_count"] = (before["comments_count"] or 0) + touch.comments
    if streak is not None:  # members with no chat activity keep the streak they were given
        after["active_streak_days"] = streak
    joins = [at for at, kind in events if kind == JOIN]
    if joins:
        first = datetime.fromtimestamp(joins[0], UTC)
        after["joined_at"] = min(filter(None, (before["joined_at"], first)))
    if events and before["status"] != MemberStatus.BANNED:
        at, kind = events[-1]
        moment = datetime.fromtimestamp(at, UTC)
        left_later = before["left_at"] is not None and before["left_at"] > moment
        if kind == JOIN and before["status"] == MemberStatus.LEFT and not left_later:
            after["status"], after["left_at"] = MemberStatus.ACTIVE.value, None
        elif kind != JOIN and not grouped and not left_later:
            after["status"], after["left_at"] = MemberStatus.LEFT.value, moment
    return after


def _streaks(session: Session, rowids: list[int]) -> dict[int, int]:
    """Days in a row up to each member's latest active day (members with chat days only)."""
    out: dict[int, int] = {}
    last: dict[int, int | None] = {}  # the run's earliest day so far; None once it broke
    for rowid, day in session.execute(
            select(m.MemberDay.member, m.MemberDay.day).where(m.MemberDay.member.in_(rowids))
            .order_by(m.MemberDay.member, m.MemberDay.day.desc())):
        if rowid not in out:
            out[rowid], last[rowid] = 1, day
        elif last[rowid] is not None and last[rowid] == day + 1:
            out[rowid], last[rowid] = out[rowid] + 1, day
        else:
            last[rowid] = None
    return out


def _in_some_group(session: Session, member_ids: list[str]) -> set[str]:
    return set(session.scalars(select(m.GroupMembership.member_id).where(
        m.GroupMembership.member_id.in_(member_ids)).distinct()))


def import_chat(session: Session, export: ChatExport, options: ChatOptions,
                progress: Progress = no_progress) -> ChatReport:
    """Stream `export` into the database in the caller's write transaction.

    Raises `RolledBack(report)` for a dry run, and when messages could not be
    read and `skip_bad` is off: nothing is written then.
    """
    report = ChatReport(file=export.file_name, platform=export.platform)
    ingest = _Ingest(session, export, options, report)
    batch: list[ChatMessage] = []
    for message in export.messages():
        batch.append(message)
        if len(batch) >= BATCH:
            ingest.take(batch)
            batch.clear()
            progress(export.position(), export.size)
    if batch:
        ingest.take(batch)
    if ingest.span is None and not export.errors:
        raise ChatFileError(N_("chat_import", "{name} holds no messages: export the chat "
                                              "again with its history included.").format(
                                name=export.file_name))
    ingest.finish()
    report.bad_messages = len(export.errors)
    report.errors = export.errors[:LISTED_ERRORS]
    progress(export.size, export.size)
    if options.dry_run or (export.errors and not options.skip_bad):
        raise RolledBack(report)
    if ingest.span is not None:  # its days roll up again
        invalidate_from(session, ingest.days(ingest.span[0]))
    audit.record(session, "chat.import", "chat_sources", None, actor_id=options.by, after={
        "platform": report.platform, "chats": report.chats, "messages": report.messages,
        "counted": report.counted, "repeated": report.repeated, "joins": report.joins,
        "leaves": report.leaves, "created": report.members_created,
        "check_ins": report.check_ins, "flagged": report.flagged})
    report.written = True
    return report
