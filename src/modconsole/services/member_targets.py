"""Whom a bulk change is for (chosen members, or everyone a filter matches) and the
temporary table the bulk statements join, so 100,000 members cost one statement, not
100,000 parameters."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Column, Integer, MetaData, Select, String, Table, func, select
from sqlalchemy.orm import Session

from modconsole.domain.member_filter import MemberFilter
from modconsole.domain.messages import N_
from modconsole.services.errors import UserError
from modconsole.services.roster import every_match
from modconsole.store import models as m
from modconsole.store.json_params import json_values

CHUNK = 20_000  # ids bound as one JSON parameter per statement


@dataclass(frozen=True)
class Targets:
    """Whom a bulk change is for: members by id or by rowid (what the roster's rows
    hold, loaded or not), or everyone a filter matches."""

    ids: tuple[str, ...] = ()
    filter: MemberFilter | None = None
    rowids: tuple[int, ...] = ()


def _chosen(targets: Targets) -> list[tuple[Select, str]]:
    """(members query, its JSON parameter) for each chunk of the chosen ids and rowids."""
    found = []
    for values, column, name in ((list(dict.fromkeys(targets.ids)), m.Member.id, "ids"),
                                 (list(dict.fromkeys(targets.rowids)), m.MEMBER_ROWID,
                                  "rowids")):
        for start in range(0, len(values), CHUNK):
            found.append((select(m.MEMBER_ROWID, m.Member.id).where(
                column.in_(json_values(name))), {name: json.dumps(values[start:start + CHUNK])}))
    return found


# The target members by rowid (what tag links hold) and id (what changes report).
BULK_TARGETS = Table("bulk_targets", MetaData(), Column("member", Integer, primary_key=True),
                     Column("member_id", String, nullable=False), prefixes=["TEMPORARY"])


def fill_targets(session: Session, targets: Targets, strict: bool = True) -> int:
    """Put the target members in a temporary table the bulk statements join.

    Strict, a chosen member who is gone (deleted, or merged away) stops the
    change: the person chose from a list that is out of date.
    """
    BULK_TARGETS.create(session.connection(), checkfirst=True)
    session.execute(BULK_TARGETS.delete())
    into = BULK_TARGETS.insert().prefix_with("OR IGNORE")
    if targets.filter is not None:
        query = select(m.MEMBER_ROWID, m.Member.id).where(
            *every_match(session, targets.filter))
        session.execute(into.from_select(["member", "member_id"], query))
    for query, params in _chosen(targets):
        session.execute(into.from_select(["member", "member_id"], query), params)
    chosen = len(set(targets.ids)) + len(set(targets.rowids))
    if strict and chosen:
        live = session.scalar(select(func.count()).select_from(BULK_TARGETS).join(
            m.Member, BULK_TARGETS.c.member == m.MEMBER_ROWID).where(
            m.Member.deleted_at.is_(None)))
        if live < chosen:
            raise UserError(N_("member_targets", "Some of the chosen members no longer exist; "
                                                 "refresh the list."))
    return session.scalar(select(func.count()).select_from(BULK_TARGETS)) or 0


def platform_ids(session: Session, targets: Targets) -> list[str]:
    """The targets' platform ids in roster (rowid) order; a read, no temporary table."""
    if targets.filter is not None:
        return list(session.scalars(select(m.Member.platform_id).where(
            *every_match(session, targets.filter)).order_by(m.MEMBER_ROWID)))
    found: dict[int, str] = {}
    for query, params in _chosen(targets):
        found.update(session.execute(query.with_only_columns(
            m.MEMBER_ROWID, m.Member.platform_id).where(m.Member.deleted_at.is_(None)),
            params).all())
    return [found[rowid] for rowid in sorted(found)]
