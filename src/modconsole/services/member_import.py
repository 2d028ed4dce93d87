"""Import members from CSV or XLSX: map columns, validate every row, upsert by platform id.

Two phases, so the write lock is held only while writing: `check_members`
reads and validates the whole file in a read transaction and stages the good
rows in a temporary file; `write_members` writes them in one transaction.
Every bad row is reported with its row number (as a spreadsheet numbers it:
the header is row 1), column and reason. By default any bad row rejects the
whole file; with `skip_bad_rows` the good rows are written and the bad ones
go to an error file. A dry run is the check alone. Cancelling rolls back.

Existing members (same platform id) get the non-empty cells of their row;
tags and groups are added, never removed. A tag from an exclusive group
replaces the member's other tag of that group. Unknown tags are created
(ungrouped, or in GROUP for `GROUP/TAG`), and so are unknown chat groups
(kind "other"), unless the import is told to refuse new groups. Each
member writes one outbox row carrying its tag and group links.
"""

from __future__ import annotations

import csv
import pickle
import re
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from modconsole.domain.enums import GroupKind, OutboxOp
from modconsole.domain.ids import uuid7
from modconsole.domain.messages import N_, Joined, Translate, english, localize, reason
from modconsole.domain.name_order import sort_key
from modconsole.domain.text import control_character, quoted
from modconsole.services import audit
from modconsole.services.errors import FieldError, RolledBack, UserError
from modconsole.services.file_hash import file_sha256
from modconsole.services.groups import create_group
from modconsole.services.member_fields import FIELD_LABELS
from modconsole.services.output_files import replacing
from modconsole.services.progress import Progress, no_progress
from modconsole.services.table_files import Table, open_table
from modconsole.services.tags import insert_links
from modconsole.store import bulk_index
from modconsole.store import models as m
from modconsole.store.models.base import new_ids, utcnow
from modconsole.store.outbox import record_changes

FIELDS = ("platform_id", "name", "nickname", "phone", "email", "region", "gender", "joined_at",
          "groups", "tags", "last_active_at", "posts_count", "comments_count", "likes_count",
          "quality_posts_count", "paid_total", "points", "level", "join_channel", "inviter",
          "age_band", "status", "left_at", "phone_verified", "email_verified")
REQUIRED = ("platform_id", "name")
SYNONYMS = {
    "platform_id": ("platform_id", "platform id", "platformid", "wechat id", "wechat", "qq",
                    "平台id", "平台账号", "微信号", "微信id", "qq号", "账号", "用户id"),
    "name": ("name", "display name", "姓名", "名字", "用户名", "微信昵称"),
    "nickname": ("nickname", "group nickname", "群昵称", "群名片", "昵称"),
    "phone": ("phone", "mobile", "phone number", "手机", "手机号", "手机号码", "电话"),
    "email": ("email", "e-mail", "mail", "邮箱", "电子邮箱", "电子邮件"),
    "region": ("region", "city", "地区", "城市", "归属地", "所在地"),
    "gender": ("gender", "sex", "性别"),
    "joined_at": ("joined_at", "joined", "join date", "joined at", "入群时间", "加入时间",
                  "入群日期"),
    "groups": ("groups", "group", "群", "所在群", "群组", "群名"),
    "tags": ("tags", "tag", "标签"),
    "last_active_at": ("last_active_at", "last active", "last active at", "last seen",
                       "最后活跃", "最后活跃时间", "最近活跃", "最近活跃时间", "最后发言时间"),
    "posts_count": ("posts_count", "posts", "messages", "message count", "发言数", "发言次数",
                    "消息数", "发帖数", "帖子数"),
    "comments_count": ("comments_count", "comments", "评论数", "评论次数", "回复数"),
    "likes_count": ("likes_count", "likes", "点赞数", "获赞数", "点赞次数"),
    "quality_posts_count": ("quality_posts_count", "quality posts", "优质内容数", "精华帖",
                            "精华数", "优质帖"),
    "paid_total": ("paid_total", "paid", "paid total", "spend", "total spend", "付费金额",
                   "消费金额", "累计付费", "累计消费", "付费总额"),
    "points": ("points", "积分", "积分余额", "当前积分"),
    "level": ("level", "等级", "会员等级"),
    "join_channel": ("join_channel", "join channel", "channel", "source", "入群渠道",
                     "来源渠道", "渠道", "来源"),
    "inviter": ("inviter", "invited by", "referrer", "inviter (platform id)", "邀请人", "推荐人",
                "邀请人id", "邀请人（平台id）"),
    "age_band": ("age_band", "age band", "age", "年龄段", "年龄"),
    "status": ("status", "状态", "成员状态"),
    "left_at": ("left_at", "left", "left at", "退群时间", "离开时间", "退出时间"),
    "phone_verified": ("phone_verified", "phone verified", "手机已验证", "手机验证"),
    "email_verified": ("email_verified", "email verified", "e-mail verified", "邮箱已验证",
                       "邮箱验证"),
}
# a field stored under another column; "inviter" (a platform id) stays as it is until the
# write resolves it to a member, who may be on a later row
COLUMNS = {"paid_total": "paid_total_cents"}
LIMITS = {"platform_id": 100, "name": 100, "nickname": 200, "phone": 40, "email": 200,
          "region": 100, "join_channel": 40, "age_band": 20, "inviter": 100}
COUNTS = ("posts_count", "comments_count", "likes_count", "quality_posts_count")
DATES = ("joined_at", "last_active_at", "left_at")
GENDERS = {"男": "男", "女": "女", "m": "男", "f": "女", "male": "男", "female": "女",
           "男性": "男", "女性": "女", "未知": "", "": ""}
STATUSES = {"active": "active", "normal": "active", "正常": "active", "在群": "active",
            "muted": "muted", "禁言": "muted", "banned": "banned", "封禁": "banned",
            "拉黑": "banned", "left": "left", "已退群": "left", "退群": "left", "离开": "left",
            "已离开": "left"}
YES_NO = {"1": True, "true": True, "yes": True, "y": True, "是": True, "已验证": True, "✓": True,
          "0": False, "false": False, "no": False, "n": False, "否": False, "未验证": False}
MONEY = re.compile(r"^[¥￥$]?\s*([0-9][0-9,]*(?:\.[0-9]{1,2})?)\s*(?:元|rmb|cny)?$", re.I)
MAX_NUMBER = 1_000_000_000
SEPARATORS = re.compile(r"[;；,，]")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9][0-9 \-()]{4,}$")
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d %H:%M:%S",
                "%Y/%m/%d %H:%M", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日")
CHUNK = 5000


def _key(header: str) -> str:
    return re.sub(r"\s+", " ", header.strip().lower().replace("_", " ")).replace(" ", "_")


def guess_mapping(header: list[str], synonyms: dict = SYNONYMS) -> dict[int, str]:
    """Column index -> field, from English or Chinese header names."""
    lookup = {_key(name): f for f, names in synonyms.items() for name in names}
    mapping: dict[int, str] = {}
    for i, column in enumerate(header):
        target = lookup.get(_key(column))
        if target and target not in mapping.values():
            mapping[i] = target
    return mapping


def apply_overrides(header: list[str], mapping: dict[int, str], overrides: list[str],
                    fields: tuple[str, ...] = FIELDS) -> dict[int, str]:
    """`COLUMN=field` (or `COLUMN=` to ignore a column) beat the guesses."""
    mapping = dict(mapping)
    for item in overrides:
        column, sep, target = item.partition("=")
        if not sep:
            raise UserError(N_("member_import", "--map '{item}' must look like "
                                                "COLUMN=field.").format(item=quoted(item)))
        if column.strip() not in header:
            raise UserError(N_("member_import", "--map: the file has no column "
                                                "'{column}'; its columns are {columns}.").format(
                                column=quoted(column.strip()),
                                columns=quoted(", ".join(header), 300)))
        target = target.strip()
        if target and target not in fields:
            raise UserError(N_("member_import", "--map: '{target}' is not a field of "
                                                "this import; use one of {value}.").format(
                                target=quoted(target), value=', '.join(fields)))
        index = header.index(column.strip())
        mapping = {i: f for i, f in mapping.items() if f != target and i != index}
        if target:
            mapping[index] = target
    return mapping


def check_mapping(header: list[str], mapping: dict[int, str],
                  required: tuple[str, ...] = REQUIRED) -> None:
    missing = [f for f in required if f not in mapping.values()]
    if missing:
        raise UserError(N_("member_import", "No column is mapped to {fields}; the file's "
                                            "columns are {columns}. Rename a column or "
                                            "map it with --map COLUMN={first}.").format(
                            fields=" and ".join(missing), columns=quoted(", ".join(header), 300),
                            first=missing[0]))


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    reason: str


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    tags_created: list[str] = field(default_factory=list)
    groups_created: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    unused_columns: list[str] = field(default_factory=list)  # in the file, not imported
    written: bool = False
    errors_file: Path | None = None

    def error_lines(self, limit: int = 20) -> list[str]:
        lines = [N_("member_import", "row {row}, {column}: {reason}").format(
            row=e.row, column=e.column, reason=e.reason) for e in self.errors[:limit]]
        if len(self.errors) > limit:
            lines.append(N_("member_import", "… and {more} more").format(
                more=len(self.errors) - limit))
        return lines


@dataclass(frozen=True)
class ImportOptions:
    mapping: dict[int, str]
    dry_run: bool = False
    skip_bad_rows: bool = False
    errors_path: Path | None = None
    by: str | None = None
    new_groups: bool = True  # create groups the file names that do not exist yet
    translate: Translate = english  # the language of the error file


def parse_time(value: str) -> datetime:
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        for fmt in DATE_FORMATS:
            try:
                parsed = datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
        else:
            raise ValueError(value) from None
    return parsed.replace(tzinfo=None)


def split_list(value: str) -> list[str]:
    return [part.strip() for part in SEPARATORS.split(value) if part.strip()]


class _Catalog:
    """Tags and groups by name, loaded once; unknown tags are created on first use.

    While checking (`create=False`) an unknown tag is only planned: it gets a
    placeholder id, so exclusive-group checks work, and nothing is written.
    """

    def __init__(self, session: Session, report: ImportReport, create: bool = True,
                 new_groups: bool = True):
        self.s, self.report, self.create, self.new_groups = session, report, create, new_groups
        rows = session.execute(select(m.Tag.id, m.Tag.name, m.TagGroup.name, m.TagGroup.id,
                                      m.TagGroup.exclusive)
                               .outerjoin(m.TagGroup, m.TagGroup.id == m.Tag.group_id)
                               .where(m.Tag.deleted_at.is_(None))).all()
        self.tags: dict[str, list[tuple[str, str]]] = {}
        self.exclusive_group_of: dict[str, str] = {}
        for tag_id, name, group_name, group_id, exclusive in rows:
            self.tags.setdefault(name, []).append((tag_id, group_name or ""))
            if exclusive:
                self.exclusive_group_of[tag_id] = group_id
        self.tag_groups = {name: (gid, excl) for gid, name, excl in session.execute(
            select(m.TagGroup.id, m.TagGroup.name, m.TagGroup.exclusive)
            .where(m.TagGroup.deleted_at.is_(None)))}
        self.groups = {name: gid for gid, name in session.execute(
            select(m.Group.id, m.Group.name).where(m.Group.deleted_at.is_(None)))}

    def tag(self, token: str) -> str:
        group, _, name = token.rpartition("/")
        group, name = group.strip(), name.strip()
        found = [(tid, g) for tid, g in self.tags.get(name, []) if not group or g == group]
        if len(found) > 1:
            raise ValueError(N_("member_import", "tag '{name}' is in several groups; write "
                                                 "{choices}").format(
                name=quoted(name), choices=" / ".join(f"{g}/{quoted(name)}" for _, g in found)))
        if found:
            return found[0][0]
        if group and group not in self.tag_groups:
            raise ValueError(N_("member_import", "there is no tag group '{group}'").format(
                                 group=quoted(group)))
        if len(name) > 100:
            raise ValueError(N_("member_import", "a tag name can be at most 100 characters"))
        group_id, exclusive = self.tag_groups.get(group, (None, False))
        if self.create:
            tag = m.Tag(name=name, group_id=group_id)
            self.s.add(tag)
            self.s.flush()
            tag_id = tag.id
        else:
            tag_id = f"planned:{group}/{name}"
        self.tags.setdefault(name, []).append((tag_id, group))
        if exclusive:
            self.exclusive_group_of[tag_id] = group_id
        self.report.tags_created.append(token.strip())
        return tag_id

    def group(self, name: str) -> str:
        """A group by name; a missing one is created (planned while checking) unless the
        import was told to refuse new groups."""
        if name in self.groups:
            return self.groups[name]
        if not self.new_groups:
            raise ValueError(N_("member_import", "there is no group '{name}'; create it "
                                                 "on the Groups page first, or allow the "
                                                 "import to create groups").format(
                                 name=quoted(name)))
        if len(name) > 100:
            raise ValueError(N_("member_import", "a group name can be at most 100 characters"))
        self.groups[name] = create_group(self.s, name, GroupKind.OTHER).id if self.create \
            else f"planned:{name}"
        self.report.groups_created.append(name)
        return self.groups[name]


def check_field(name: str, value: str):
    """A non-empty, stripped cell as stored; ValueError(reason) when it cannot be.

    The import and the member panel both validate with this.
    """
    if name in LIMITS and len(value) > LIMITS[name]:
        raise ValueError(N_("member_import", "is longer than {value} characters").format(
                             value=LIMITS[name]))
    problem = control_character(value)
    if problem:
        raise ValueError(problem)
    if name == "email" and not EMAIL.match(value):
        raise ValueError(N_("member_import", "'{value}' is not an e-mail address").format(
                             value=quoted(value)))
    if name == "phone" and not PHONE.match(value):
        raise ValueError(N_("member_import", "'{value}' is not a phone number").format(
                             value=quoted(value)))
    if name == "gender":
        if value.lower() not in GENDERS:
            raise ValueError(N_("member_import", "'{value}' is not 男/女 or male/female").format(
                                 value=quoted(value)))
        return GENDERS[value.lower()]
    if name in DATES:
        try:
            return parse_time(value)
        except ValueError:
            raise ValueError(N_("member_import", "'{value}' is not a date like "
                                                 "2026-03-01").format(
                                 value=quoted(value))) from None
    if name in (*COUNTS, "points", "level"):
        return _whole_number(name, value)
    if name == "paid_total":
        found = MONEY.match(value)
        if not found:
            raise ValueError(N_("member_import", "'{value}' is not an amount like 299 or "
                                                 "¥1,299.50").format(value=quoted(value)))
        cents = round(float(found.group(1).replace(",", "")) * 100)
        if cents > MAX_NUMBER:
            raise ValueError(N_("member_import", "'{value}' is too large").format(
                                 value=quoted(value)))
        return cents
    if name == "status":
        if value.lower() not in STATUSES:
            raise ValueError(N_("member_import", "'{value}' is not a status: use active, "
                                                 "muted, banned or left (正常/禁言/封禁/"
                                                 "已退群)").format(value=quoted(value)))
        return STATUSES[value.lower()]
    if name in ("phone_verified", "email_verified"):
        if value.lower() not in YES_NO:
            raise ValueError(N_("member_import", "'{value}' is not yes or no (是/否, "
                                                 "1/0)").format(value=quoted(value)))
        return YES_NO[value.lower()]
    return value


def _whole_number(name: str, value: str) -> int:
    try:
        number = int(value.replace(",", ""))
    except ValueError:
        raise ValueError(N_("member_import", "'{value}' is not a whole number").format(
                             value=quoted(value))) from None
    lowest = 1 if name == "level" else -MAX_NUMBER if name == "points" else 0
    if not lowest <= number <= MAX_NUMBER:
        raise ValueError(N_("member_import", "{value} is out of range (from {lowest})").format(
                             value=number, lowest=lowest))
    return number


def _validate(cells: dict[str, str], catalog: _Catalog) -> tuple[dict, list[str], list[str],
                                                                  list[tuple[str, str]]]:
    """Values for the member row, tag tokens, group names; errors as (field, reason)."""
    values: dict = {}
    errors: list[tuple[str, str]] = []
    for name, value in cells.items():
        value = value.strip()
        if name in REQUIRED and not value:
            errors.append((name, N_("member_import", "is empty; it is required")))
            continue
        if name in ("tags", "groups"):
            problem = control_character(value)
            if problem:
                errors.append((name, problem))
            continue
        if not value:
            continue
        try:
            values[COLUMNS.get(name, name)] = check_field(name, value)
        except ValueError as exc:
            errors.append((name, reason(exc)))
    # a date left makes the status left (and contradicts any other)
    if "left_at" in values and values.setdefault("status", "left") != "left":
        errors.append(("left_at", N_("member_import", "a member with a date left has the "
                                                      "status left, not {status}").format(
                           status=values["status"])))
    if values.get("inviter") and values["inviter"] == values.get("platform_id"):
        errors.append(("inviter", N_("member_import", "a member cannot invite themselves")))
    tag_tokens, group_names = [], []
    exclusive_seen: dict[str, str] = {}
    for token in dict.fromkeys(split_list(cells.get("tags", ""))):
        try:
            tag_id = catalog.tag(token)
        except ValueError as exc:
            errors.append(("tags", reason(exc)))
            continue
        group = catalog.exclusive_group_of.get(tag_id)
        if group and exclusive_seen.setdefault(group, tag_id) != tag_id:
            errors.append(("tags", N_("member_import", "'{tag}' is a second tag of an exclusive "
                                                       "group").format(tag=quoted(token))))
        tag_tokens.append(token)
    for token in dict.fromkeys(split_list(cells.get("groups", ""))):
        try:
            catalog.group(token)
        except ValueError as exc:
            errors.append(("groups", reason(exc)))
            continue
        group_names.append(token)
    return values, tag_tokens, group_names, errors


@dataclass(frozen=True)
class StagedRow:
    number: int
    values: dict
    tags: list[str]  # tokens as written, resolved again when written
    groups: list[str]


class _Stage:
    """Checked rows parked in a temporary file, a chunk per pickle, until the write."""

    def __init__(self):
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self._chunk: list[StagedRow] = []
        self.count = 0

    def add(self, row: StagedRow) -> None:
        self._chunk.append(row)
        self.count += 1
        if len(self._chunk) >= CHUNK:
            self._dump()

    def _dump(self) -> None:
        if self._chunk:
            pickle.dump(self._chunk, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._chunk = []

    def rows(self) -> Iterator[StagedRow]:
        self._dump()
        self._file.seek(0)
        while True:
            try:
                chunk = pickle.load(self._file)
            except EOFError:
                return
            yield from chunk

    def close(self) -> None:
        self._file.close()


class _Writer:
    """Buffers valid rows and writes them a chunk at a time."""

    def __init__(self, session: Session, catalog: _Catalog, report: ImportReport,
                 by: str | None, source: str = "", source_id: str | None = None):
        self.s, self.catalog, self.report, self.by = session, catalog, report, by
        self.pending: list[tuple[dict, list[str], list[str]]] = []
        # the points ledger's source: one opening entry per member (file_source)
        self.import_id = source_id or uuid7()
        self.reason = source[:200]  # the file the balance came from
        # (member id, inviter's platform id, the member's version once written)
        self.invited: list[tuple[str, str, int]] = []

    def add(self, row: StagedRow) -> None:
        """Resolve a checked row's tags and groups as the database is now, and buffer it."""
        try:
            tag_ids = list(dict.fromkeys(self.catalog.tag(t) for t in row.tags))
            group_ids = [self.catalog.group(g) for g in row.groups]
        except ValueError as exc:
            raise UserError(N_("member_import", "Row {number} no longer fits "
                                                "the database ({exc}): it "
                                                "changed while the file was "
                                                "being checked. Nothing was "
                                                "imported; run the import "
                                                "again.").format(
                                number=row.number, exc=exc)) from None
        self.pending.append((row.values, tag_ids, group_ids))
        if len(self.pending) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        now = utcnow()
        existing = {pid: (mid, version, points) for pid, mid, version, points in self.s.execute(
            select(m.Member.platform_id, m.Member.id, m.Member.version, m.Member.points).where(
                m.Member.platform_id.in_([v["platform_id"] for v, _, _ in self.pending])))}
        exclusive = self.catalog.exclusive_group_of
        new_rows, updates, tag_links, group_links, outbox, replaced = [], [], [], [], [], []
        ledger = []
        ids = iter(new_ids(self.s.connection(), m.Member.__table__, [
            values for values, _, _ in self.pending if values["platform_id"] not in existing]))
        for values, tag_ids, group_ids in self.pending:
            values = dict(values)
            inviter = values.pop("inviter", None)
            member_id, version, points = existing.get(values["platform_id"], (None, None, 0))
            if member_id is None:
                member_id = next(ids)
                row = {"id": member_id, "created_at": now, "updated_at": now, "version": 1,
                       "nickname": "", "region": "", "gender": "", **values}
                new_rows.append(row)
                op, base = OutboxOp.INSERT, None
            else:
                updates.append({"member_id": member_id, **values})
                op, base = OutboxOp.UPDATE, version
                replaced += [(member_id, t) for t in tag_ids if t in exclusive]
            tag_links += [{"tag_id": t, "member_id": member_id, "added_at": now,
                           "added_by": self.by} for t in tag_ids]
            group_links += [{"group_id": g, "member_id": member_id, "role": "member",
                             "joined_at": values.get("joined_at") or now} for g in group_ids]
            stamps = {"updated_at": now} if base else {"created_at": now, "updated_at": now}
            outbox.append({"entity": "members", "row_id": member_id, "op": op,
                           "base_version": base, "payload": {
                               **values, **stamps, "tags": tag_ids, "groups": group_ids}})
            if inviter:
                self.invited.append((member_id, inviter, 1 if base is None else base + 1))
            if values.get("points", points) != points:  # the ledger explains the balance
                ledger.append({"created_at": now, "updated_at": now,
                               "version": 1, "member_id": member_id,
                               "delta": values["points"] - points, "reason": self.reason,
                               "source_kind": "import", "source_id": self.import_id,
                               "at": now})
        if new_rows:
            with bulk_index.new_members(self.s.connection(), len(new_rows)):
                self.s.execute(insert(m.Member), new_rows)
        for row in updates:  # few in practice; each keeps its own set of columns
            member_id = row.pop("member_id")
            if "name" in row:  # the name order's key follows the name
                row["name_key"] = sort_key(row["name"])
            self.s.execute(update(m.Member).where(m.Member.id == member_id).values(
                **row, updated_at=now, version=m.Member.version + 1))
        if replaced:
            self.s.execute(text(
                "DELETE FROM member_tags WHERE member = (SELECT rowid FROM members "
                "WHERE id = :member) AND tag IN (SELECT rowid FROM tags WHERE id != :tag "
                "AND group_id = (SELECT group_id FROM tags WHERE id = :tag))"),
                [{"member": mid, "tag": t} for mid, t in replaced])
        if tag_links:
            insert_links(self.s, tag_links)
        if group_links:
            self.s.execute(insert(m.GroupMembership).prefix_with("OR IGNORE"), group_links)
        if ledger:
            for row, row_id in zip(ledger, new_ids(self.s.connection(), m.PointsEntry.__table__,
                                                   ledger), strict=True):
                row["id"] = row_id
            self.s.execute(insert(m.PointsEntry), ledger)
            outbox += [{"entity": "points_ledger", "row_id": row["id"], "op": OutboxOp.INSERT,
                        "base_version": None, "payload": row} for row in ledger]
        record_changes(self.s.connection(), outbox)
        self.report.created += len(new_rows)
        self.report.updated += len(updates)
        self.pending.clear()

    def finish(self) -> None:
        """The last chunk, then inviters: by now every member of the file exists."""
        self.flush()
        now = utcnow()
        members = m.Member.__table__
        for start in range(0, len(self.invited), CHUNK):
            chunk = self.invited[start:start + CHUNK]
            found = dict(self.s.execute(select(m.Member.platform_id, m.Member.id).where(
                m.Member.platform_id.in_({pid for _, pid, _ in chunk}))).all())
            links = [(mid, found[pid], version) for mid, pid, version in chunk if pid in found]
            if not links:
                continue
            self.s.execute(update(members).where(members.c.id == bindparam("member")).values(
                inviter_id=bindparam("inviter"), updated_at=now,
                version=members.c.version + 1), [{"member": mid, "inviter": inviter}
                                                 for mid, inviter, _ in links])
            record_changes(self.s.connection(), [
                {"entity": "members", "row_id": mid, "op": OutboxOp.UPDATE,
                 "base_version": version, "payload": {"inviter_id": inviter,
                                                      "updated_at": now}}
                for mid, inviter, version in links])


def write_errors(path: Path, table: Table, bad_rows: list[tuple[int, list, list[str]]],
                 translate: Translate = english):
    """The bad rows as they were, after their row number and reasons in `translate`'s words."""
    with replacing(path) as temporary, temporary.open("w", newline="",
                                                      encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow([localize(N_("member_import", "row"), translate),
                         localize(N_("member_import", "errors"), translate), *table.header])
        for number, reasons, cells in bad_rows:
            writer.writerow([number, localize(Joined(reasons), translate), *cells])


@dataclass
class Checked:
    """A file read and validated: the report so far and the good rows, staged.

    `report.created`/`updated`/`tags_created` are what writing would do as the
    database stood during the check; a dry run shows them as they are.
    """

    report: ImportReport
    stage: _Stage
    file_name: str
    source_id: str  # file_source
    excluded: set[int] = field(default_factory=set)  # staged, then found bad (an inviter)

    def close(self) -> None:
        self.stage.close()


def file_source(path: Path) -> str:
    """An import's id as the points ledger's source, made from the file's bytes: the same
    file imported on two consoles apart then explains each balance with one entry, not
    two that add up (natural_keys)."""
    return str(uuid.UUID(bytes=bytes.fromhex(file_sha256(path))[:16], version=5))


def _unused_source(session: Session, source_id: str) -> str | None:
    """`source_id`, unless this database has imported the same file already: its second
    import sets the balances again with entries of their own (None: a fresh id)."""
    used = session.scalar(select(m.PointsEntry.id).where(
        m.PointsEntry.source_kind == "import", m.PointsEntry.source_id == source_id).limit(1))
    return None if used else source_id


def check_members(session: Session, table: Table, options: ImportOptions,
                  progress: Progress = no_progress) -> Checked:
    """Read, validate and stage every row; writes nothing, so a read transaction will do.

    The error file, when asked for, is written here.
    """
    check_mapping(table.header, options.mapping)
    if options.skip_bad_rows and options.errors_path is None:
        raise UserError(N_("member_import", "Skipping bad rows needs an error file (--errors "
                                            "OUT.csv) to put them in."))
    report = ImportReport()
    catalog = _Catalog(session, report, create=False, new_groups=options.new_groups)
    stage = _Stage()
    seen: set[str] = set()
    bad_rows: list[tuple[int, list[str], list[str]]] = []
    inviters, excluded = _Inviters(session), set()
    columns = sorted(options.mapping.items())
    header = {f: table.header[i] for i, f in columns}
    try:
        for number, cells in enumerate(table.rows(), start=2):
            if not cells:
                continue
            report.rows += 1
            mapped = {f: cells[i] for i, f in columns if i < len(cells)}
            values, tag_tokens, group_names, errors = _validate(mapped, catalog)
            platform_id = values.get("platform_id")
            if platform_id in seen:
                errors.append(("platform_id", N_("member_import", "'{platform_id}' is already "
                                                                  "on an earlier row").format(
                    platform_id=quoted(platform_id))))
            elif platform_id:
                seen.add(platform_id)
            if errors:
                _row_errors(report, bad_rows, header, number, errors, cells)
            else:
                if values.get("inviter") and values["inviter"] not in seen:
                    inviters.wait(values["inviter"], number, cells)
                if not report.errors or options.skip_bad_rows:
                    stage.add(StagedRow(number, values, tag_tokens, group_names))
            if report.rows % 1000 == 0:
                progress(table.position(), table.size)
        if not report.rows:
            raise UserError(N_("member_import", "{name} has no data rows under its "
                                                "header; nothing to import.").format(
                                name=table.path.name))
        for number, platform_id, cells in inviters.unknown(seen):
            _row_errors(report, bad_rows, header, number, [("inviter", N_(
                "member_import", "no member has the platform id '{platform_id}', in the "
                                 "database or in this file").format(
                platform_id=quoted(platform_id)))], cells)
            excluded.add(number)
        report.created, report.updated = _planned(session, stage, excluded)
    except BaseException:
        stage.close()
        raise
    progress(table.size, table.size)
    bad_rows.sort(key=lambda bad: bad[0])
    report.skipped = len(bad_rows)
    report.unused_columns = [name for i, name in enumerate(table.header)
                             if i not in options.mapping and name.strip()]
    if bad_rows and options.errors_path is not None:
        write_errors(options.errors_path, table, bad_rows, options.translate)
        report.errors_file = options.errors_path
    if report.errors and not options.skip_bad_rows:
        report.created = report.updated = 0
        report.tags_created.clear()
        report.groups_created.clear()
    return Checked(report, stage, table.path.name, file_source(table.path), excluded)


def _row_errors(report: ImportReport, bad_rows: list, header: dict[str, str], number: int,
                errors: list[tuple[str, str]], cells: list[str]) -> None:
    report.errors += [RowError(number, header.get(f, f), r) for f, r in errors]
    bad_rows.append((number, [N_("member_import", "{column}: {reason}").format(
        column=header.get(f, f), reason=r) for f, r in errors], cells))


class _Inviters:
    """Inviters named by platform id that were not on an earlier row: looked up in the
    database a batch at a time; what is left at the end must be on a later row. Only
    those rows' cells are kept (for the error file)."""

    BATCH = 1000

    def __init__(self, session: Session):
        self.s = session
        self.waiting: dict[str, list[tuple[int, list[str]]]] = {}

    def wait(self, platform_id: str, number: int, cells: list[str]) -> None:
        self.waiting.setdefault(platform_id, []).append((number, cells))
        if len(self.waiting) >= self.BATCH:
            self._drop_known()

    def _drop_known(self) -> None:
        for platform_id in self.s.scalars(select(m.Member.platform_id).where(
                m.Member.platform_id.in_(list(self.waiting)))):
            del self.waiting[platform_id]

    def unknown(self, in_file: set[str]) -> Iterator[tuple[int, str, list[str]]]:
        self._drop_known()
        for platform_id, rows in self.waiting.items():
            if platform_id not in in_file:
                for number, cells in rows:
                    yield number, platform_id, cells


def _planned(session: Session, stage: _Stage, excluded: set[int]) -> tuple[int, int]:
    """(new, existing) among the staged rows, by platform id."""
    existing = staged = 0
    batch: list[str] = []
    for row in stage.rows():
        if row.number in excluded:
            continue
        staged += 1
        batch.append(row.values["platform_id"])
        if len(batch) >= 500:
            existing += _count_existing(session, batch)
            batch = []
    existing += _count_existing(session, batch)
    return staged - existing, existing


def _count_existing(session: Session, platform_ids: list[str]) -> int:
    if not platform_ids:
        return 0
    return session.scalar(select(func.count()).select_from(m.Member).where(
        m.Member.platform_id.in_(platform_ids))) or 0


def write_members(session: Session, checked: Checked, options: ImportOptions,
                  progress: Progress = no_progress) -> ImportReport:
    """Write what `check_members` staged, in the caller's (write) transaction.

    Raises `RolledBack(report)` when nothing may be written (a dry run, or a
    rejected file), so the caller's transaction rolls back.
    """
    report = checked.report
    report.written = not options.dry_run and (not report.errors or options.skip_bad_rows)
    if not report.written:
        raise RolledBack(report)
    report.created = report.updated = 0
    report.tags_created, report.groups_created = [], []
    writer = _Writer(session, _Catalog(session, report, new_groups=options.new_groups), report,
                     options.by, source=checked.file_name,
                     source_id=_unused_source(session, checked.source_id))
    for done, row in enumerate(checked.stage.rows(), start=1):
        if row.number not in checked.excluded:
            writer.add(row)
        if done % 1000 == 0:
            progress(done, checked.stage.count)
    writer.finish()
    progress(checked.stage.count, checked.stage.count)
    audit.record(session, "member.import", "members", None, actor_id=options.by, after={
        "file": checked.file_name, "rows": report.rows, "created": report.created,
        "updated": report.updated, "skipped": report.skipped,
        "tags_created": report.tags_created, "groups_created": report.groups_created})
    return report


def import_members(session: Session, table: Table, options: ImportOptions,
                   progress: Progress = no_progress) -> ImportReport:
    """Check and write in the caller's transaction (scripts and tests that hold one)."""
    checked = check_members(session, table, options, progress)
    try:
        return write_members(session, checked, options)
    finally:
        checked.close()


def add_member(session: Session, cells: dict[str, str], by: str | None = None) -> str:
    """One member typed by hand (`members add`): the import's checks and write; the id."""
    report = ImportReport()
    catalog = _Catalog(session, report)
    values, tag_tokens, group_names, errors = _validate(cells, catalog)
    if errors:
        name, reason = errors[0]
        raise FieldError(name, N_("member_import", "{name}: {reason}.").format(
                                   name=FIELD_LABELS.get(name, name), reason=reason))
    platform_id = values["platform_id"]
    if session.scalar(select(m.Member.id).where(m.Member.platform_id == platform_id)):
        raise FieldError("platform_id", N_("member_import", "There is already a member "
                                                            "'{platform_id}'; edit them "
                                                            "instead.").format(
                                            platform_id=quoted(platform_id)))
    writer = _Writer(session, catalog, report, by)
    writer.add(StagedRow(0, values, tag_tokens, group_names))
    writer.finish()
    member_id = session.scalar(select(m.Member.id).where(m.Member.platform_id == platform_id))
    audit.record(session, "member.create", "members", member_id, actor_id=by,
                 after={k: str(v) for k, v in values.items()})
    return member_id


def prepare(path: Path, overrides: list[str] = (), encoding: str | None = None
            ) -> tuple[Table, dict[int, str]]:
    """Open the file and settle the column mapping (guesses plus overrides)."""
    table = open_table(path, encoding)
    mapping = apply_overrides(table.header, guess_mapping(table.header), list(overrides))
    check_mapping(table.header, mapping)
    return table, mapping
