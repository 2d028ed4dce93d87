"""Listing, counting and searching members: filters, sort and keyset pages all in SQL."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from math import isqrt
from typing import NamedTuple

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    func,
    literal,
    select,
    text,
    tuple_,
)
from sqlalchemy.orm import Session, aliased

from modconsole.domain.member_filter import SORTABLE, MemberFilter
from modconsole.domain.messages import N_
from modconsole.services.errors import UserError
from modconsole.services.sanctions import effective_status
from modconsole.store import models as m
from modconsole.store.derived_tables import TAGS_BY_NAME
from modconsole.store.json_params import json_values
from modconsole.store.list_lengths import ListLengths
from modconsole.store.member_search import (
    TrigramCensus,
    gram,
    gram_probe,
    search_condition,
)
from modconsole.store.models import utcnow

PAGE = 200


class MemberRow(NamedTuple):
    """One roster line: what the table and `members list --json` show.

    A named tuple, not a frozen dataclass: a page builds hundreds and the
    tuple is built ~5x faster.
    """

    id: str
    platform_id: str
    name: str
    nickname: str
    tags: tuple[str, ...]
    groups: tuple[str, ...]
    layer: str | None
    member_class: str | None
    growth_stage: str | None
    churn_level: int
    last_active_at: datetime | None
    points: int
    status: str
    region: str
    phone: str | None = None
    email: str | None = None
    gender: str = ""
    joined_at: datetime | None = None

    def as_json(self) -> dict:
        return {"id": self.id, "platform_id": self.platform_id, "name": self.name,
                "nickname": self.nickname, "tags": list(self.tags), "groups": list(self.groups),
                "layer": self.layer, "class": self.member_class, "stage": self.growth_stage,
                "churn_level": self.churn_level, "status": self.status, "region": self.region,
                "points": self.points,
                "last_active_at": self.last_active_at.isoformat() if self.last_active_at else None}


@dataclass(frozen=True)
class Page:
    rows: list[MemberRow]
    next_key: tuple | None  # pass as `after` for the next page; None at the end


def _probe(*where) -> ColumnElement:
    """EXISTS (SELECT 1 …): unlike SELECT *, SQLite answers it from a covering index."""
    return select(literal(1)).where(*where).exists()


def _tagged(tag_rowids: Select) -> ColumnElement:
    return _probe(m.MemberTag.member == m.MEMBER_ROWID, m.MemberTag.tag.in_(tag_rowids))


def _tag_probes(member, f: MemberFilter, skip: int = 0) -> list[ColumnElement]:
    """The filter's tag conditions on a member rowid column, as probes of the tag lists;
    `skip` leaves out that many of the "all" tags (the list being walked)."""
    probe = aliased(m.MemberTag)

    def held(tags) -> ColumnElement:
        return _probe(probe.member == member, probe.tag.in_(m.tag_rowids(tags))) \
            if len(tags) > 1 else _probe(probe.member == member, probe.tag == m.tag_rowid(tags[0]))

    return ([held([tag]) for tag in f.all_tags[skip:]]
            + ([held(f.any_tags)] if f.any_tags else [])
            + ([~held(f.none_tags)] if f.none_tags else []))


RAREST_CAP = 20_000  # lists longer than this are all "common": their order matters little
CLUSTER_SHARE = 20  # a page never reads a list of over 1/20 of the members (see _walk_budget)
OTHERS_KEEP = 10  # conditions beside the lists are taken to keep 1 member in 10 (_crossover)


def _rarest_first(session: Session, tag_ids, cap: int = RAREST_CAP) -> list[tuple[int, str]]:
    """(members holding it, tag) for each tag, fewest first.

    Each list is counted only up to the shortest found so far (and never past
    `cap`), so picking costs about two reads of the shortest list even when
    the tag named first is held by half the community; lengths are kept a while
    (store/list_lengths.py).
    """
    connection = session.connection()
    lengths = ListLengths.of(connection)
    sizes: list[tuple[int, str]] = []
    for tag in tag_ids:
        most = min(min(sizes)[0] + 1, cap) if sizes else cap
        sizes.append((lengths.length(connection, "tag", tag, most), tag))
    return sorted(sizes)


def _having_all(order: list[str]) -> ColumnElement:
    """Members with every tag: the rarest tag's posting list, probing it for the others.

    Two tags that 5% and 20% of 1M members hold: ~100 ms, where an INTERSECT
    of the two lists took ~215 ms and a walk over all members far longer.
    """
    walk = aliased(m.MemberTag)
    held = select(walk.member).where(walk.tag == m.tag_rowid(order[0]), *_tag_probes(
        walk.member, MemberFilter(all_tags=tuple(order)), skip=1))
    return m.MEMBER_ROWID.in_(held)


def conditions(session: Session, f: MemberFilter, *, tag_order: list[str] | None = None,
               probe_search: bool = False) -> list[ColumnElement]:
    """The WHERE clauses of a filter, over the members table.

    With `tag_order` (the filter's "all of these tags", rarest first) the rows
    come from the rarest tag's posting list, probed for the others: what a
    count or a page over a rare tag wants. Without it each tag is a probe, so
    a sorted page walks the sort index and stops when the page is full.
    `probe_search` does the same for a short search's character list.
    """
    M = m.Member
    where: list[ColumnElement] = [M.deleted_at.is_(None)]
    if tag_order:
        where.append(_having_all(tag_order))
    where += _tag_probes(m.MEMBER_ROWID, replace(f, all_tags=()) if tag_order else f)
    if f.tag_groups:
        where.append(_tagged(select(m.TAG_ROWID).where(m.Tag.group_id.in_(f.tag_groups))))
    if f.groups:
        where.append(_probe(m.GroupMembership.member_id == M.id,
                            m.GroupMembership.group_id.in_(f.groups)))
    for column, values in ((M.layer, f.layers), (M.member_class, f.classes),
                           (M.growth_stage, f.stages)):
        if values:
            where.append(column.in_(values))
    if f.statuses:
        where.append(effective_status(utcnow()).in_(f.statuses))
    bounds = ((M.churn_level, f.churn_min, None), (M.joined_at, f.joined_from, f.joined_to),
              (M.last_active_at, f.active_from, f.active_to), (M.points, f.points_min,
              f.points_max), (M.paid_total_cents, f.paid_min_cents, f.paid_max_cents))
    for column, low, high in bounds:
        if low is not None:
            where.append(column >= low)
        if high is not None:
            where.append(column <= high)
    if f.region:
        where.append(M.region == f.region)
    if f.query:
        connection = session.connection()
        phrase = TrigramCensus.of(connection).selective_part(connection, f.query)
        sql, params = search_condition(f.query, phrase, probe=probe_search)
        where.append(text(sql).bindparams(**params))
    return where


def every_match(session: Session, f: MemberFilter) -> list[ColumnElement]:
    """The WHERE clauses for all of a filter's members at once (a count, a bulk action):
    the rarest tag's list drives, whatever its length."""
    tag_order = [tag for _, tag in _rarest_first(session, f.all_tags)] if f.all_tags else None
    return conditions(session, f, tag_order=tag_order)


def _sort_column(sort: str):
    if sort not in SORTABLE:
        raise UserError(N_("roster", "Cannot sort by '{sort}'; choose one of {value}.").format(
                            sort=sort, value=', '.join(SORTABLE)))
    return m.Member.name_key if sort == "name" else getattr(m.Member, sort)  # pinyin order


def _member_bound(session: Session) -> int:
    """max(rowid): one seek, and an upper bound of how many members there are."""
    return session.scalar(select(func.max(m.MEMBER_ROWID)).select_from(m.Member)) or 0


def _probes_only(f: MemberFilter) -> bool:
    """Whether every condition is a list probed by rowid (tags, a short search)."""
    return replace(f, all_tags=(), any_tags=(), none_tags=(), query="").is_empty() and (
        not f.query or gram(f.query) is not None)


def _crossover(members: int, limit: int, f: MemberFilter) -> int:
    """The list length past which a sorted page should probe a list rather than read it.

    Filling a page by walking the sort index probes about limit × members ÷
    list length entries, reading the list costs its length: the list wins
    while it is shorter than √(limit × members). At 1M members and a page of
    100 that is 10,000; a tag 0.2% hold reads 2,000 entries instead of
    probing 50,000. Past it the walk is tried first, within a budget
    (see _bounded_walk). Other conditions (region, dates) thin the walk's
    matches further, by a share not known without counting: taken as one
    member in OTHERS_KEEP, the walk probes OTHERS_KEEP times as many entries,
    and the list wins while shorter than √(OTHERS_KEEP × limit × members).
    """
    return isqrt(limit * members * (1 if _probes_only(f) else OTHERS_KEEP))


def _rare_tags_first(session: Session, f: MemberFilter, limit: int,
                     members: int) -> list[str] | None:
    """The filter's tags rarest first when reading the rarest one's members whole (and
    sorting them) beats walking the sort index; None when the walk wins."""
    if not f.all_tags:
        return None
    crossover = _crossover(members, limit, f)
    order = _rarest_first(session, f.all_tags, cap=crossover + 1)
    return [tag for _, tag in order] if order[0][0] <= crossover else None


def _long_search_list(session: Session, f: MemberFilter, limit: int, members: int) -> bool:
    """Whether a short search's character list is too long to read whole for a page."""
    exact = gram(f.query) if f.query else None
    if exact is None:
        return False
    cap = _crossover(members, limit, f) + 1
    connection = session.connection()
    return ListLengths.of(connection).length(connection, "gram", exact, cap) >= cap


@cache
def _tag_walk(probes: int) -> tuple[ColumnElement, ColumnElement, Select]:
    """Name order over one tag's members, probing `probes` other tags by exact key.

    `member_tags_by_name` holds each tag's members in (name key, rowid) order, so
    a page reads one short range instead of walking every member by name.
    Built once per number of tags (aliasing tables costs more than the
    query); the tag ids are the parameters `walk` and `probe0`…
    """
    walk = TAGS_BY_NAME.alias("walk")
    where = [walk.c.tag == m.tag_rowid(bindparam("walk"))]
    for i in range(probes):
        probe = TAGS_BY_NAME.alias(f"probe{i}")
        where.append(_probe(probe.c.tag == m.tag_rowid(bindparam(f"probe{i}")),
                            probe.c.name_key == walk.c.name_key,
                            probe.c.member == walk.c.member))
    query = (select(walk.c.name_key, walk.c.member)
             .join_from(walk, m.Member, walk.c.member == m.MEMBER_ROWID).where(*where))
    return walk.c.name_key, walk.c.member, query


def _ranges(query: Select, key, tiebreak, descending: bool, after: tuple | None,
            limit: int) -> list[Select]:
    """The `limit` rows after `after` in (key, rowid) order: one or two index ranges, to
    read in turn until the page is full.

    SQLite puts NULL keys first ascending and last descending. A row-value
    bound cannot reach across them (NULL compares as unknown), so a page that
    starts among the NULLs, or may run into them, reads a second range; the
    plain `key >= value` beside the row value is what lets SQLite seek.
    """
    order = (key.desc(), tiebreak.desc()) if descending else (key, tiebreak)
    if after is None:
        parts = [query]
    else:
        value, last = after
        pair, bound = tuple_(key, tiebreak), tuple_(value, last)
        if value is None:
            parts = [query.where(key.is_(None),
                                 tiebreak < last if descending else tiebreak > last)]
            if not descending:
                parts.append(query.where(key.is_not(None)))
        elif descending:
            parts = [query.where(key <= value, pair < bound)]
            if key.nullable:
                parts.append(query.where(key.is_(None)))
        else:
            parts = [query.where(key >= value, pair > bound)]
    return [part.order_by(*order).limit(limit) for part in parts]


def page_queries(session: Session, f: MemberFilter, sort: str = "name",
                 descending: bool = False, after: tuple | None = None,
                 limit: int = PAGE, read_lists: bool = False,
                 members: int | None = None) -> tuple[list[Select], dict]:
    """The queries for the keys (sort value, rowid) of one page, to run in turn until
    `limit` keys are read, and their parameters.

    The rowid breaks ties: it is in every index entry, so an index on the
    sort column alone gives the whole order. `read_lists` reads the rarest
    tag's or the search's list whole, however long (after a bounded walk). `members`
    is _member_bound's answer, when the caller has it already.
    """
    params: dict = {}
    members = _member_bound(session) if members is None else members
    probe_search = not read_lists and _long_search_list(session, f, limit, members)
    if sort == "name" and f.all_tags:
        # walk the rarest tag's members in name order, probing the others
        first, *others = [tag for _, tag in _rarest_first(session, f.all_tags)] \
            if len(f.all_tags) > 1 else f.all_tags
        key, tiebreak, query = _tag_walk(len(others))
        query = query.where(*conditions(session, replace(f, all_tags=()),
                                        probe_search=probe_search))
        params = {"walk": first, **{f"probe{i}": tag for i, tag in enumerate(others)}}
    else:
        key, tiebreak = _sort_column(sort), m.MEMBER_ROWID
        tag_order = [tag for _, tag in _rarest_first(session, f.all_tags)] \
            if read_lists and f.all_tags else _rare_tags_first(session, f, limit, members)
        query = select(key, tiebreak).where(*conditions(
            session, f, tag_order=tag_order, probe_search=probe_search))
    return _ranges(query, key, tiebreak, descending, after, limit), params


@cache
def _row_queries() -> tuple[Select, Select, Select]:
    """Rowid and member columns (in MemberRow's order, tags and groups left out), tag and
    group names by rowid.

    Built once; the rowids travel as one JSON parameter, so a page of 200
    binds one value instead of 200 and the compiled statement is reused.
    """
    M = m.Member
    rowids = json_values("rowids")
    columns = select(m.MEMBER_ROWID, M.id, M.platform_id, M.name, M.nickname, M.layer,
                     M.member_class, M.growth_stage, M.churn_level, M.last_active_at, M.points,
                     effective_status(bindparam("now", type_=M.muted_until.type)),
                     M.region, M.phone, M.email, M.gender, M.joined_at).where(
        m.MEMBER_ROWID.in_(rowids))
    tags = (select(m.MemberTag.member, m.Tag.name).join(m.Tag, m.MemberTag.tag == m.TAG_ROWID)
            .where(m.MemberTag.member.in_(rowids)).order_by(m.Tag.group_id, m.Tag.name))
    groups = (select(m.MEMBER_ROWID, m.Group.name).select_from(M)
              .join(m.GroupMembership, m.GroupMembership.member_id == M.id)
              .join(m.Group, m.Group.id == m.GroupMembership.group_id)
              .where(m.MEMBER_ROWID.in_(rowids)).order_by(m.Group.name))
    return columns, tags, groups


def load_rows_at(session: Session, rowids: list[int]) -> list[MemberRow | None]:
    """Rows for these rowids in this order, with tag and group names (three batch queries);
    None where a member is gone since."""
    if not rowids:
        return []
    connection = session.connection()
    columns, tags, groups = _row_queries()
    params = {"rowids": json.dumps(rowids), "now": utcnow()}
    members = {r[0]: r[1:] for r in connection.execute(columns, params).all()}
    names: list[dict[int, list[str]]] = [{}, {}]
    for found, query in zip(names, (tags, groups), strict=True):
        for rowid, name in connection.execute(query, params).all():
            found.setdefault(rowid, []).append(name)
    tag_names, group_names = names
    return [MemberRow(*r[:4], tuple(tag_names.get(i, ())), tuple(group_names.get(i, ())),
                      *r[4:]) if (r := members.get(i)) else None for i in rowids]


def load_rows(session: Session, ids: list[str]) -> list[MemberRow]:
    """Rows for these member ids in this order (unknown ids left out)."""
    rowid_of = dict(session.execute(select(m.Member.id, m.MEMBER_ROWID).where(
        m.Member.id.in_(ids))).all())
    return [r for r in load_rows_at(session, [rowid_of[i] for i in ids if i in rowid_of]) if r]


def member_rowids(session: Session, f: MemberFilter, *, sort: str = "name",
                  descending: bool = False, after: tuple | None = None,
                  limit: int = PAGE) -> tuple[list[int], tuple | None]:
    """One page's rowids in order, and the `after` of the next page (None at the end)."""
    keys: list = []
    read_lists = False
    members = _member_bound(session)
    budget = _walk_budget(session, f, sort, limit, members)
    if budget:
        keys, reached = _bounded_walk(session, f, sort, descending, after, limit, budget)
        if len(keys) == limit or reached is None:
            return [k[1] for k in keys], (tuple(keys[-1]) if len(keys) == limit else None)
        after, read_lists = reached, True  # the rest from the lists, past what was walked
    queries, params = page_queries(session, f, sort, descending, after, limit - len(keys),
                                   read_lists=read_lists, members=members)
    for query in queries:
        keys += session.connection().execute(query.limit(limit - len(keys)), params).all()
        if len(keys) == limit:
            break
    return [k[1] for k in keys], (tuple(keys[-1]) if len(keys) == limit else None)


WALK_SLACK = 4  # a bounded walk may read 4x the entries that spread-out matches would need


def _walk_budget(session: Session, f: MemberFilter, sort: str, limit: int,
                 members: int) -> int:
    """How many sort-index entries to walk before reading the shortest list instead; 0 when
    there is no choice to hedge (no list, a list short enough to read, or one so long that
    reading it would cost more than any walk).

    The walk is cheapest while the matches spread along the sort order, and
    worst when they cluster (the surname 王 in name order sits at "wang": the
    walk reads everything before). Walking a few times the expected entries
    and then reading the list from where the walk stopped bounds both.
    Only for filters of tags and a short search, whose conditions are all
    probes of lists by rowid.
    """
    if not _probes_only(f) or (sort == "name" and f.all_tags):
        return 0
    exact = gram(f.query) if f.query else None
    most = members // CLUSTER_SHARE + 1
    lengths = [size for size, _ in _rarest_first(session, f.all_tags, cap=most)[:1]]
    if exact is not None:
        connection = session.connection()
        lengths.append(ListLengths.of(connection).length(connection, "gram", exact, most))
    shortest = min(lengths, default=0)
    if not shortest or shortest <= isqrt(limit * members) or shortest >= most:
        return 0
    return max(1, int(WALK_SLACK * limit * members // shortest))


def _bounded_walk(session: Session, f: MemberFilter, sort: str, descending: bool,
                  after: tuple | None, limit: int,
                  budget: int) -> tuple[list, tuple | None]:
    """(the first `limit` matches among the next `budget` entries of the sort order, the
    last entry walked); that entry is None when the order ended within the budget.

    Each index range is read by SQLite alone: the walked entries are probed
    as they come, and only the matches come back.
    """
    key = _sort_column(sort)
    walk = select(key.label("k"), m.MEMBER_ROWID.label("r")).where(
        m.Member.deleted_at.is_(None))
    found: list = []
    left = budget
    params = {"gram": gram(f.query)} if f.query else {}
    for part in _ranges(walk, key, m.MEMBER_ROWID, descending, after, budget):
        walked = part.limit(left).subquery("walked")
        probes = _tag_probes(walked.c.r, f)
        if f.query:
            probes.append(text(gram_probe("walked.r")))
        order = (walked.c.k.desc(), walked.c.r.desc()) if descending \
            else (walked.c.k, walked.c.r)
        found += session.execute(select(walked.c.k, walked.c.r).where(*probes).order_by(
            *order).limit(limit - len(found)), params).all()
        if len(found) == limit:
            return found, None
        read = session.scalar(select(func.count()).select_from(walked))
        if read == left:
            return found, tuple(session.execute(part.limit(1).offset(left - 1)).one())
        left -= read
    return found, None


def list_members(session: Session, f: MemberFilter, *, sort: str = "name",
                 descending: bool = False, after: tuple | None = None,
                 limit: int = PAGE) -> Page:
    rowids, next_key = member_rowids(session, f, sort=sort, descending=descending, after=after,
                                     limit=limit)
    return Page([r for r in load_rows_at(session, rowids) if r], next_key)


# Counting every live member reads the smallest live-only index (ids and regions) instead
# of the wide table: 27 ms against 203 ms at 300k members. SQLite's planner does not pick
# a partial index for a bare count on its own.
LIVE_COUNT = text("SELECT count(*) FROM members INDEXED BY ix_members_live_region "
                  "WHERE deleted_at IS NULL")


def _count_by_tags(session: Session, f: MemberFilter) -> int:
    """Live members a filter of tags alone matches, read from the tag lists only.

    Counting through the members table costs a row lookup per match (~230 ms
    for 50,000 at a million members). The lists say who holds what, deleted
    members included, so: count the matches in the lists, then take off the
    deleted members who match, found through their own small index.
    """
    walk = aliased(m.MemberTag)
    deleted = select(func.count()).select_from(m.Member).where(m.Member.deleted_at.is_not(None))
    if f.all_tags:
        ordered = [tag for _, tag in _rarest_first(session, f.all_tags)]
        f = replace(f, all_tags=tuple(ordered))
        everyone = session.scalar(select(func.count()).select_from(walk).where(
            walk.tag == m.tag_rowid(ordered[0]), *_tag_probes(walk.member, f, skip=1)))
    elif f.any_tags:
        holders = select(walk.member).distinct().where(
            walk.tag.in_(m.tag_rowids(f.any_tags)),
            *_tag_probes(walk.member, replace(f, any_tags=())))
        everyone = session.scalar(select(func.count()).select_from(holders.subquery()))
    else:  # none of some tags: every member but those holding one of them
        holders = select(func.count()).select_from(walk).where(  # one tag: no doubles to drop
            walk.tag == m.tag_rowid(f.none_tags[0])) if len(f.none_tags) == 1 else \
            select(func.count()).select_from(select(walk.member).distinct().where(
                walk.tag.in_(m.tag_rowids(f.none_tags))).subquery())
        everyone = (session.scalar(LIVE_COUNT) + session.scalar(deleted)
                    - session.scalar(holders))
    return everyone - session.scalar(deleted.where(*_tag_probes(m.MEMBER_ROWID, f)))


def _count_gram(session: Session, exact: str) -> int:
    """Live members a short search matches: its character list's length, less the
    deleted members on it (as _count_by_tags)."""
    listed = session.scalar(text("SELECT count(*) FROM member_chars WHERE ch = :gram"),
                            {"gram": exact})
    deleted = session.scalar(text("SELECT count(*) FROM members WHERE deleted_at IS NOT NULL "
                                  f"AND {gram_probe('members.rowid')}"), {"gram": exact})
    return listed - deleted


def count_members(session: Session, f: MemberFilter) -> int:
    if f.is_empty():
        return session.scalar(LIVE_COUNT) or 0
    if f.query and replace(f, query="").is_empty() and (exact := gram(f.query)) is not None:
        return _count_gram(session, exact)
    if replace(f, all_tags=(), any_tags=(), none_tags=()).is_empty():
        return _count_by_tags(session, f)
    query = select(func.count()).select_from(m.Member).where(*every_match(session, f))
    return session.scalar(query) or 0


def search_members(session: Session, query: str, limit: int = 50) -> list[MemberRow]:
    if not query.strip():
        raise UserError(N_("roster", "Type something to search for."))
    return list_members(session, MemberFilter(query=query), limit=limit).rows


def resolve_tags(session: Session, names: list[str]) -> tuple[str, ...]:
    """Tag ids for names; `GROUP/TAG` picks a tag when a name is in several groups."""
    ids = []
    for name in names:
        group, _, tag = name.rpartition("/")
        query = select(m.Tag.id, m.TagGroup.name).outerjoin(
            m.TagGroup, m.TagGroup.id == m.Tag.group_id).where(
            m.Tag.name == tag, m.Tag.deleted_at.is_(None))
        if group:
            query = query.where(m.TagGroup.name == group)
        found = session.execute(query).all()
        if not found:
            raise UserError(N_("roster", "There is no tag '{name}'.").format(name=name))
        if len(found) > 1:
            choices = ", ".join(f"{g}/{tag}" for _, g in found)
            raise UserError(N_("roster", "The tag '{name}' is in several groups; write "
                                         "one of: {choices}.").format(name=name, choices=choices))
        ids.append(found[0][0])
    return tuple(ids)


def regions_query(limit: int = 500) -> Select:
    """Distinct regions in order, for the region picker.

    A recursive skip-scan: each step seeks the live-region index for the next
    region up, so a few dozen regions cost a few dozen seeks; SELECT DISTINCT
    read all million rows (3.7 s).
    """
    live = m.Member.deleted_at.is_(None)
    regions = select(func.min(m.Member.region).label("region")).where(live).cte(
        "regions", recursive=True)
    following = select(func.min(m.Member.region)).where(
        live, m.Member.region > regions.c.region).scalar_subquery()
    regions = regions.union_all(select(following).where(regions.c.region.is_not(None)))
    return select(regions.c.region).where(regions.c.region.is_not(None)).limit(limit)


def resolve_member_ids(session: Session, keys: list[str]) -> tuple[str, ...]:
    """Member ids for ids or platform ids, in order; names the first unknown one."""
    ids = []
    for key in keys:
        found = session.scalar(select(m.Member.id).where(
            (m.Member.id == key) | (m.Member.platform_id == key), m.Member.deleted_at.is_(None)))
        if found is None:
            raise UserError(N_("roster", "There is no member with id or platform id "
                                         "'{key}'.").format(key=key))
        ids.append(found)
    return tuple(ids)


def resolve_groups(session: Session, names: list[str]) -> tuple[str, ...]:
    ids = []
    for name in names:
        found = session.scalars(select(m.Group.id).where(
            m.Group.name == name, m.Group.deleted_at.is_(None))).all()
        if not found:
            raise UserError(N_("roster", "There is no group '{name}'.").format(name=name))
        ids += found
    return tuple(ids)
