"""Chat groups: their fill against the cap, and moving or adding members between them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, insert, literal, select
from sqlalchemy.orm import Session

from modconsole.domain.enums import DEFAULT_GROUP_CAP, GroupKind, OutboxOp
from modconsole.domain.messages import N_
from modconsole.domain.text import quoted
from modconsole.services import audit
from modconsole.services.errors import UserError
from modconsole.services.member_targets import BULK_TARGETS, Targets, fill_targets
from modconsole.store import models as m
from modconsole.store.models.base import utcnow
from modconsole.store.outbox import record_changes

NEAR_CAP = 0.9  # warn from 90 % full


@dataclass(frozen=True)
class GroupInfo:
    id: str
    name: str
    kind: str
    cap: int
    members: int

    @property
    def fill(self) -> float:
        return self.members / self.cap if self.cap else 0.0

    @property
    def near_cap(self) -> bool:
        return self.fill >= NEAR_CAP


def list_groups(session: Session) -> list[GroupInfo]:
    counts = dict(session.execute(select(m.GroupMembership.group_id, func.count())
                                  .group_by(m.GroupMembership.group_id)).all())
    return [GroupInfo(g.id, g.name, g.kind, g.cap, counts.get(g.id, 0))
            for g in session.scalars(select(m.Group).where(m.Group.deleted_at.is_(None))
                                     .order_by(m.Group.name))]


def create_group(session: Session, name: str, kind: str, cap: int | None = None) -> m.Group:
    name = (name or "").strip()
    if not name:
        raise UserError(N_("groups", "Give the group a name."))
    if kind not in set(GroupKind):
        raise UserError(N_("groups", "'{kind}' is not a group kind; use one of {value}.").format(
                            kind=quoted(kind), value=', '.join(GroupKind)))
    if session.scalar(select(m.Group.id).where(m.Group.name == name,
                                               m.Group.deleted_at.is_(None))):
        raise UserError(N_("groups", "There is already a group '{name}'.").format(
                            name=quoted(name)))
    cap = cap if cap is not None else DEFAULT_GROUP_CAP[GroupKind(kind)]
    if cap < 1:
        raise UserError(N_("groups", "A group's cap must be at least 1."))
    group = m.Group(name=name, kind=kind, cap=cap)
    session.add(group)
    session.flush()
    audit.record(session, "group.create", "groups", group.id,
                 after={"name": name, "kind": kind, "cap": cap})
    return group


def find_group(session: Session, name_or_id: str) -> m.Group:
    group = session.scalar(select(m.Group).where(
        (m.Group.id == name_or_id) | (m.Group.name == name_or_id.strip()),
        m.Group.deleted_at.is_(None)))
    if group is None:
        raise UserError(N_("groups", "There is no group '{name_or_id}'.").format(
                            name_or_id=quoted(name_or_id)))
    return group


def update_group(session: Session, group_id: str, *, name: str | None = None,
                 cap: int | None = None) -> None:
    """Rename a group or change the size at which it should split; audited."""
    group = session.get(m.Group, group_id)
    if group is None or group.deleted_at is not None:
        raise UserError(N_("groups", "That group no longer exists; refresh the list."))
    before = {"name": group.name, "cap": group.cap}
    if name is not None:
        name = name.strip()
        if not name or len(name) > 100:
            raise UserError(N_("groups", "A group name must be 1–100 characters."))
        if session.scalar(select(m.Group.id).where(m.Group.name == name, m.Group.id != group_id,
                                                   m.Group.deleted_at.is_(None))):
            raise UserError(N_("groups", "There is already a group '{name}'.").format(
                                name=quoted(name)))
        group.name = name
    if cap is not None:
        if cap < 1:
            raise UserError(N_("groups", "A group's cap must be at least 1."))
        group.cap = cap
    session.flush()
    audit.record(session, "group.update", "groups", group.id, before=before,
                 after={"name": group.name, "cap": group.cap})


def archive_group(session: Session, group_id: str) -> None:
    """Take a group out of lists and pickers; memberships and history stay. Audited."""
    group = session.get(m.Group, group_id)
    if group is None or group.deleted_at is not None:
        raise UserError(N_("groups", "That group no longer exists; refresh the list."))
    group.deleted_at = utcnow()
    session.flush()
    audit.record(session, "group.archive", "groups", group.id, before={"name": group.name})


@dataclass(frozen=True)
class MoveResult:
    added: int
    removed: int
    over_cap_by: int  # members beyond the target's cap after the move (0 if none)


AUDITED_IDS = 100  # a move of 100k members names the first ones, not all


def _audit_move(session: Session, target: m.Group, source_id: str | None, added: list[str],
                removed: int) -> None:
    source = session.get(m.Group, source_id) if source_id else None
    audit.record(session, "group.move" if source else "group.add", "groups", target.id,
                 before={"group": source.name} if source else None,
                 after={"group": target.name, "added": len(added), "removed": removed,
                        "members": added[:AUDITED_IDS]})


def add_to_group(session: Session, targets: Targets, target_id: str,
                 source_id: str | None = None) -> MoveResult:
    """Add members (chosen ids, or everyone a filter matches) to a group; with
    `source_id`, move them out of that group too.

    A group over its cap is allowed (platforms enforce their own limits) but
    reported, so the page can warn.
    """
    target = session.get(m.Group, target_id)
    if target is None or target.deleted_at is not None:
        raise UserError(N_("groups", "That group no longer exists."))
    if source_id == target_id:
        raise UserError(N_("groups", "Choose a different group to move them to."))
    fill_targets(session, targets)
    chosen = select(BULK_TARGETS.c.member_id)
    new = list(session.scalars(chosen.where(~select(literal(1)).where(
        m.GroupMembership.group_id == target_id,
        m.GroupMembership.member_id == BULK_TARGETS.c.member_id).exists())))
    now = utcnow()
    links = [{"group_id": target_id, "member_id": mid, "role": "member", "joined_at": now}
             for mid in new]
    if links:
        session.execute(insert(m.GroupMembership), links)
    changes = [{"entity": "group_members", "row_id": f"{target_id}/{link['member_id']}",
                "op": OutboxOp.ADD, "payload": link} for link in links]
    removed = 0
    if source_id:
        gone = session.scalars(delete(m.GroupMembership).where(
            m.GroupMembership.group_id == source_id,
            m.GroupMembership.member_id.in_(chosen)).returning(
            m.GroupMembership.member_id)).all()
        removed = len(gone)
        changes += [{"entity": "group_members", "row_id": f"{source_id}/{mid}",
                     "op": OutboxOp.REMOVE, "payload": {"group_id": source_id,
                                                        "member_id": mid}} for mid in gone]
    record_changes(session.connection(), changes)
    _audit_move(session, target, source_id, new, removed)
    size = session.scalar(select(func.count()).select_from(m.GroupMembership).where(
        m.GroupMembership.group_id == target_id)) or 0
    return MoveResult(len(links), removed, max(0, size - target.cap))
