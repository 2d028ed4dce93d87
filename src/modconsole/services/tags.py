"""Tags and tag groups: manage them, and add or remove them on many members at once.

Bulk changes run in SQL over a temporary table of target members, so tagging
100,000 members is a handful of statements. Each returns a `TagChange` — the
exact pairs added and removed — which `undo` reverses as one step. Adding a
tag from an exclusive group (one spend band per member) removes the group's
other tags from those members, and the change records that too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import (
    delete,
    func,
    select,
    text,
)
from sqlalchemy.orm import Session

from modconsole.domain.enums import OutboxOp
from modconsole.domain.messages import N_, Message
from modconsole.services import audit
from modconsole.services.errors import UserError
from modconsole.services.member_targets import Targets, fill_targets
from modconsole.services.progress import Progress, no_progress
from modconsole.store import bulk_index
from modconsole.store import models as m
from modconsole.store.json_params import json_values
from modconsole.store.models.base import read_time, stored_text, stored_time, utcnow
from modconsole.store.outbox import record_changes

LINKS_PER_ROW = 5000


@dataclass(frozen=True)
class TagInfo:
    id: str
    name: str
    color: str
    group_id: str | None
    group_name: str
    exclusive: bool
    members: int


@dataclass(frozen=True)
class GroupInfo:
    id: str
    name: str
    color: str
    exclusive: bool
    tags: tuple[TagInfo, ...]


@dataclass
class TagChange:
    """Pairs actually added and removed: (tag_id, member_id); removed keep their added_at."""

    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str, datetime, str | None]] = field(default_factory=list)

    @property
    def members(self) -> int:
        return len({p[1] for p in self.added} | {p[1] for p in self.removed})

    def is_empty(self) -> bool:
        return not (self.added or self.removed)


# -- reading ----------------------------------------------------------------------------

def overview(session: Session, with_counts: bool = True) -> list[GroupInfo]:
    """Tag groups in order with their tags; ungrouped tags come last under an empty name."""
    counts: dict[str, int] = {}
    if with_counts:
        held = (select(m.MemberTag.tag, func.count().label("n")).group_by(m.MemberTag.tag)
                .subquery())
        counts = dict(session.execute(select(m.Tag.id, held.c.n)
                                      .join(held, held.c.tag == m.TAG_ROWID)).all())
    groups = session.scalars(select(m.TagGroup).where(m.TagGroup.deleted_at.is_(None))
                             .order_by(m.TagGroup.position, m.TagGroup.name)).all()
    tags = session.scalars(select(m.Tag).where(m.Tag.deleted_at.is_(None))
                           .order_by(m.Tag.name)).all()
    by_group: dict[str | None, list[TagInfo]] = {}
    known = {g.id: g for g in groups}
    for tag in tags:
        group = known.get(tag.group_id)
        by_group.setdefault(group.id if group else None, []).append(TagInfo(
            tag.id, tag.name, tag.color or (group.color if group else "#607d8b"),
            group.id if group else None, group.name if group else "",
            bool(group and group.exclusive), counts.get(tag.id, 0)))
    result = [GroupInfo(g.id, g.name, g.color, g.exclusive, tuple(by_group.get(g.id, ())))
              for g in groups]
    if by_group.get(None):
        result.append(GroupInfo("", "", "#607d8b", False, tuple(by_group[None])))
    return result


# -- managing tags ------------------------------------------------------------------------

TAG_GROUP, TAG = N_("tags", "tag group"), N_("tags", "tag")


def _clean_name(name: str, what: Message) -> str:
    name = (name or "").strip()
    if not name:
        raise UserError(N_("tags", "Give the {what} a name.").format(what=what))
    if len(name) > 100:
        raise UserError(N_("tags", "A {what} name can be at most 100 characters.").format(
                            what=what))
    if "/" in name:
        raise UserError(N_("tags", "A {what} name cannot contain '/', which separates "
                                   "group and tag.").format(what=what))
    return name


def _live_tag(session: Session, tag_id: str) -> m.Tag:
    tag = session.get(m.Tag, tag_id)
    if tag is None or tag.deleted_at is not None:
        raise UserError(N_("tags", "That tag no longer exists; refresh the list."))
    return tag


def _check_free(session: Session, group_id: str | None, name: str, but: str | None = None):
    clash = session.scalar(select(m.Tag.id).where(
        m.Tag.group_id.is_(None) if group_id is None else m.Tag.group_id == group_id,
        m.Tag.name == name, m.Tag.deleted_at.is_(None), m.Tag.id != (but or "")))
    if clash:
        raise UserError(N_("tags", "There is already a tag '{name}' in that group; merge "
                                   "into it instead.").format(name=name))


def create_group(session: Session, name: str, color: str = "#607d8b",
                 exclusive: bool = False) -> m.TagGroup:
    name = _clean_name(name, TAG_GROUP)
    if session.scalar(select(m.TagGroup.id).where(m.TagGroup.name == name,
                                                  m.TagGroup.deleted_at.is_(None))):
        raise UserError(N_("tags", "There is already a tag group '{name}'.").format(name=name))
    position = (session.scalar(select(func.max(m.TagGroup.position))) or 0) + 1
    group = m.TagGroup(name=name, color=color, exclusive=exclusive, position=position)
    session.add(group)
    session.flush()
    return group


def update_group(session: Session, group_id: str, *, name: str | None = None,
                 color: str | None = None, exclusive: bool | None = None) -> None:
    group = session.get(m.TagGroup, group_id)
    if group is None or group.deleted_at is not None:
        raise UserError(N_("tags", "That tag group no longer exists; refresh the list."))
    if name is not None:
        group.name = _clean_name(name, TAG_GROUP)
    if color is not None:
        group.color = color
    if exclusive and not group.exclusive:
        doubled = session.scalar(text(
            "SELECT count(*) FROM (SELECT mt.member FROM member_tags mt JOIN tags t "
            "ON t.rowid = mt.tag WHERE t.group_id = :g AND t.deleted_at IS NULL "
            "GROUP BY mt.member HAVING count(*) > 1)"), {"g": group_id})
        if doubled:
            raise UserError(N_("tags", "{doubled} members have more than one tag of "
                                       "'{name}'; give each one tag before making the "
                                       "group exclusive.").format(doubled=doubled, name=group.name))
    if exclusive is not None:
        group.exclusive = exclusive
    session.flush()


def create_tag(session: Session, name: str, group_id: str | None) -> m.Tag:
    name = _clean_name(name, TAG)
    _check_free(session, group_id, name)
    tag = m.Tag(name=name, group_id=group_id)
    session.add(tag)
    session.flush()
    return tag


def rename_tag(session: Session, tag_id: str, name: str) -> None:
    tag = _live_tag(session, tag_id)
    name = _clean_name(name, TAG)
    _check_free(session, tag.group_id, name, but=tag.id)
    tag.name = name
    session.flush()


def delete_tag(session: Session, tag_id: str, progress: Progress = no_progress) -> TagChange:
    """Tombstone the tag and take it off every member (the change can be undone)."""
    tag = _live_tag(session, tag_id)
    change = _remove(session, [tag_id], _all_holders(session, tag_id), progress)
    tag.deleted_at = utcnow()
    session.flush()
    return change


def merge_tags(session: Session, source_id: str, target_id: str,
               progress: Progress = no_progress) -> TagChange:
    """Give every holder of `source` the tag `target`, then delete `source`."""
    if source_id == target_id:
        raise UserError(N_("tags", "Choose two different tags to merge."))
    _live_tag(session, target_id)
    holders = _all_holders(session, source_id)
    added = apply_tags(session, holders, add=[target_id], progress=progress)
    removed = delete_tag(session, source_id)
    return TagChange(added.added, added.removed + removed.removed)


# -- tagging members ------------------------------------------------------------------------

def _all_holders(session: Session, tag_id: str) -> Targets:
    ids = session.scalars(select(m.Member.id)
                          .join(m.MemberTag, m.MemberTag.member == m.MEMBER_ROWID)
                          .where(m.MemberTag.tag == m.tag_rowid(tag_id)))
    return Targets(ids=tuple(ids))


def _tag_rowids(session: Session, tag_ids: Iterable[str]) -> dict[str, int]:
    tag_ids = {tag_id for tag_id in tag_ids if isinstance(tag_id, str)}
    return {i: r for r, i in session.execute(select(m.TAG_ROWID, m.Tag.id).where(
        m.Tag.id.in_(json_values("ids"))), {"ids": json.dumps(list(tag_ids))})} if tag_ids else {}


def _exclusive_siblings(session: Session, tag_ids: Sequence[str]) -> list[str]:
    """Other live tags in the exclusive groups of these tags."""
    groups = select(m.Tag.group_id).join(m.TagGroup, m.TagGroup.id == m.Tag.group_id).where(
        m.Tag.id.in_(tag_ids), m.TagGroup.exclusive.is_(True))
    return list(session.scalars(select(m.Tag.id).where(
        m.Tag.group_id.in_(groups), m.Tag.id.not_in(tag_ids), m.Tag.deleted_at.is_(None))))


def _by_stamp(links: Iterable[tuple[str, str, datetime, str | None]]) -> dict[tuple, list[str]]:
    """Member ids grouped by (tag id, added_at, added_by), as `_link_changes` takes them."""
    groups: dict[tuple, list[str]] = {}
    for tag_id, member_id, added_at, added_by in links:
        groups.setdefault((tag_id, added_at, added_by), []).append(member_id)
    return groups


def _link_changes(groups: dict[tuple, list[str]], op: OutboxOp) -> Iterable[dict]:
    """Outbox rows for many links: one per tag and up to LINKS_PER_ROW members.

    A bulk change of 100,000 links is 20 rows, not 100,000; the payload lists
    the members that share the tag and the same `added_at`/`added_by`.
    """
    for (tag_id, added_at, added_by), members in groups.items():
        for start in range(0, len(members), LINKS_PER_ROW):
            yield {"entity": "member_tags", "row_id": tag_id, "op": op,
                   "payload": {"tag_id": tag_id, "member_ids": members[start:start + LINKS_PER_ROW],
                               "added_at": added_at, "added_by": added_by}}


def link_changes(links: Iterable[tuple[str, str, datetime, str | None]],
                 op: OutboxOp) -> Iterable[dict]:
    """Outbox rows for links given as (tag id, member id, added_at, added_by)."""
    return _link_changes(_by_stamp(links), op)


def insert_links(session: Session, links: list[dict]) -> None:
    """Write tag links given by id (`tag_id`, `member_id`, `added_at` as a datetime or ISO
    text, `added_by`), keyed by rowid as `member_tags` stores them; links already there,
    or to a member or tag no longer there, are left out."""
    insert_link_rows(session, [(link["tag_id"], link["member_id"], link["added_at"],
                                link.get("added_by")) for link in links])


def insert_link_rows(session: Session, links: list[tuple]) -> None:
    """`insert_links` for (tag id, member id, added_at, added_by) tuples: one statement a
    batch (bulk_index), as an import or a snapshot writes millions of links."""
    rowids = _tag_rowids(session, (tag for tag, *_ in links))
    if rowids:
        bulk_index.insert_links(session.connection(), [
            (rowids[tag], member, _stored(at), by) for tag, member, at, by in links
            if _known(tag, rowids)])


def insert_member_links(session: Session, links: list[tuple]) -> None:
    """`insert_links` for (member id, added_at, added_by, [tag id, …]): each member's links
    together, as a pulled import brings them."""
    rowids = _tag_rowids(session, (tag for *_, tags in links for tag in tags))
    if rowids:
        bulk_index.insert_member_links(session.connection(), [
            (member, _stored(at), by, [rowids[tag] for tag in tags if _known(tag, rowids)])
            for member, at, by, tags in links])


def _known(tag_id, rowids: dict[str, int]) -> bool:
    """Whether a tag id from a pulled page is a tag here (a malformed one is not)."""
    return isinstance(tag_id, str) and tag_id in rowids


def _stored(at: datetime | str) -> str:
    return stored_text(at) if isinstance(at, str) else stored_time(at)


def delete_links(session: Session, tag_id: str, member_ids: list[str]) -> None:
    """Remove one tag's links to these members (given by id); absent ones are skipped."""
    tag = _tag_rowids(session, [tag_id]).get(tag_id)
    if tag is None or not member_ids:
        return
    session.execute(delete(m.MemberTag).where(
        m.MemberTag.tag == tag, m.MemberTag.member.in_(select(m.MEMBER_ROWID).where(
            m.Member.id.in_(json_values("ids"))))), {"ids": json.dumps(member_ids)})


def _remove(session: Session, tag_ids: Sequence[str], targets: Targets | None,
            progress: Progress, strict: bool = True) -> TagChange:
    if targets is not None:
        fill_targets(session, targets, strict)
    change = TagChange()
    rowid_of = _tag_rowids(session, tag_ids)
    for i, tag_id in enumerate(tag_ids):
        held = {"t": rowid_of[tag_id]}
        rows = session.execute(text(
            "SELECT b.member_id, x.added_at, x.added_by FROM bulk_targets b "
            "JOIN member_tags x ON x.tag = :t AND x.member = b.member"), held).all()
        if rows:
            session.execute(text("DELETE FROM member_tags WHERE tag = :t AND member IN "
                                 "(SELECT member FROM bulk_targets)"), held)
        change.removed += [(tag_id, r[0], read_time(r[1]), r[2]) for r in rows]
        progress(i + 1, len(tag_ids))
    record_changes(session.connection(), link_changes(change.removed,
                                                       OutboxOp.REMOVE))
    return change


def apply_tags(session: Session, targets: Targets, *, add: Sequence[str] = (),
               remove: Sequence[str] = (), by: str | None = None,
               progress: Progress = no_progress) -> TagChange:
    """Add and remove tags on every target member, in the caller's transaction."""
    if not add and not remove:
        raise UserError(N_("tags", "Choose at least one tag to add or remove."))
    if set(add) & set(remove):
        raise UserError(N_("tags", "A tag cannot be added and removed in the same step."))
    for tag_id in (*add, *remove):
        _live_tag(session, tag_id)
    exclusive_groups = session.execute(
        select(m.Tag.group_id, func.count()).join(m.TagGroup, m.TagGroup.id == m.Tag.group_id)
        .where(m.Tag.id.in_(add), m.TagGroup.exclusive.is_(True)).group_by(m.Tag.group_id)
        .having(func.count() > 1)).all()
    if exclusive_groups:
        raise UserError(N_("tags", "Only one tag of an exclusive group can be added at a time."))
    if not fill_targets(session, targets):
        raise UserError(N_("tags", "No members match; nothing to tag."))
    steps = 2
    progress(0, steps)
    change = _remove(session, [*remove, *_exclusive_siblings(session, add)], None, no_progress)
    progress(1, steps)
    now = utcnow()
    rowid_of = _tag_rowids(session, add)
    added: dict[tuple, list[str]] = {}
    for tag_id in add:
        params = {"t": rowid_of[tag_id], "now": stored_time(now), "by": by}
        new = session.scalars(text(
            "SELECT member_id FROM bulk_targets b WHERE NOT EXISTS "
            "(SELECT 1 FROM member_tags x WHERE x.tag = :t AND x.member = b.member)"),
            params).all()
        if new:  # the targets who lack the tag, found first: they are what the change lists
            session.execute(text(
                "INSERT OR IGNORE INTO member_tags (tag, member, added_at, added_by) "
                "SELECT :t, member, :now, :by FROM bulk_targets"), params)
            added[(tag_id, now, by)] = new
            change.added += [(tag_id, i) for i in new]
    record_changes(session.connection(), _link_changes(added, OutboxOp.ADD))
    _audit(session, "tags.apply", change)
    progress(steps, steps)
    return change


def _audit(session: Session, action: str, change: TagChange) -> None:
    """One entry per change; it names the member when only one was touched (the case file)."""
    links = (*change.added, *change.removed)
    members = {r[1] for r in links}
    names = dict(session.execute(select(m.Tag.id, m.Tag.name).where(
        m.Tag.id.in_({r[0] for r in links}))).all())
    audit.record(session, action, "members", next(iter(members)) if len(members) == 1 else None,
                 before={"tags": sorted({names.get(r[0], r[0]) for r in change.removed})},
                 after={"tags": sorted({names.get(r[0], r[0]) for r in change.added}),
                        "members": len(members)})


def undo(session: Session, change: TagChange, progress: Progress = no_progress) -> TagChange:
    """Reverse a change exactly; returns the reversing change (so it can be redone)."""
    for tag_id in {t for t, *_rest in change.removed}:
        tag = session.get(m.Tag, tag_id)
        if tag is not None and tag.deleted_at is not None:
            tag.deleted_at = None  # a deleted or merged tag comes back with its members
    session.flush()
    by_tag: dict[str, list[str]] = {}
    for tag_id, member_id in change.added:
        by_tag.setdefault(tag_id, []).append(member_id)
    inverse = TagChange()
    steps = len(by_tag) + 1
    for i, (tag_id, members) in enumerate(by_tag.items()):
        inverse.removed += _remove(session, [tag_id], Targets(ids=tuple(members)), no_progress,
                                   strict=False).removed
        progress(i + 1, steps)
    insert_links(session, [{"tag_id": t, "member_id": mid, "added_at": at, "added_by": by}
                           for t, mid, at, by in change.removed])
    inverse.added = [(t, mid) for t, mid, _at, _by in change.removed]
    record_changes(session.connection(), link_changes(change.removed, OutboxOp.ADD))
    _audit(session, "tags.undo", inverse)
    progress(steps, steps)
    return inverse
