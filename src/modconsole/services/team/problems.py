"""What the team server did not take as pushed, and a person's answer to each.

A conflict: the server kept a colleague's newer value, which the pull after
the push brings here. Keeping theirs is then just marking it seen. Keeping
mine (or a merged value) writes that value here again, as a new local change
on top of the version now held, so it syncs like any edit and is no conflict
a second time; it is a change even if this console still holds its own value
(the pull has not come, or failed), so a person's choice is never lost. The
Team page offers it once a sync is over.

A refusal (the role may not, a claim lost): the change never reached the
team. Discarding it marks it seen; its text can be copied out first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from modconsole.domain.messages import N_
from modconsole.services.errors import UserError
from modconsole.services.team.apply import column_value
from modconsole.store.models import Base, SyncProblem
from modconsole.store.models.base import utcnow


@dataclass(frozen=True)
class Problem:
    id: int
    kind: str  # conflict | refused
    entity: str
    row_id: str
    at: datetime
    detail: dict  # the server's outcome: conflicts [{field, kept, pushed, kept_by, kept_at}]
                  # or reason and message
    name: str  # what a person calls the record (a member's name, a case's title), or ""

    @property
    def conflicts(self) -> list[dict]:
        return self.detail.get("conflicts") or []


def open_problems(session: Session) -> list[Problem]:
    """Problems nobody has answered yet, oldest first."""
    return [Problem(p.id, p.kind, p.entity, p.row_id, p.at, json.loads(p.detail_json),
                    _name(session, p.entity, p.row_id))
            for p in session.scalars(select(SyncProblem).where(SyncProblem.seen_at.is_(None))
                                     .order_by(SyncProblem.id))]


_NAMING = ("name", "title", "code", "platform_id")  # the first a record has names it


def _name(session: Session, entity: str, row_id: str) -> str:
    model = _model(entity)
    if model is None or len(model.__table__.primary_key.columns) != 1:
        return ""
    column = next((model.__table__.c[n] for n in _NAMING if n in model.__table__.c), None)
    if column is None:
        return ""
    return session.scalar(select(column).where(model.__table__.c.id == row_id)) or ""


def counts(session: Session) -> dict[str, int]:
    """Unanswered problems by kind."""
    return dict(session.execute(select(SyncProblem.kind, func.count())
                                .where(SyncProblem.seen_at.is_(None))
                                .group_by(SyncProblem.kind)).all())


def _open(session: Session, problem_id: int) -> SyncProblem:
    found = session.get(SyncProblem, problem_id)
    if found is None or found.seen_at is not None:
        raise UserError(N_("team", "This sync problem was answered already."))
    return found


def dismiss(session: Session, problem_id: int) -> None:
    """Keep theirs (a conflict) or discard (a refusal): the problem is seen, nothing else
    changes."""
    _open(session, problem_id).seen_at = utcnow()


def keep_mine(session: Session, problem_id: int, merged: dict | None = None) -> None:
    """Write this console's pushed values (or `merged`: field -> value) over what the team
    kept, as a new change that syncs."""
    problem = _open(session, problem_id)
    if problem.kind != "conflict":
        raise UserError(N_("team", "Only a conflict has a value of yours to keep."))
    values: dict = {}
    for conflict in json.loads(problem.detail_json).get("conflicts") or []:
        pushed = conflict["pushed"]
        values.update(pushed if conflict["field"] == "decision" else
                      {conflict["field"]: pushed})
    values.update(merged or {})
    model = _model(problem.entity)
    row = session.get(model, problem.row_id) if model is not None else None
    if row is None:
        raise UserError(N_("team", "The record this conflict is about is no longer here."))
    table = model.__table__
    for name, value in values.items():
        if name in table.c:
            setattr(row, name, column_value(table.c[name], value))
            flag_modified(row, name)  # a change even where this console's value is mine
            # still (the pull that brings the team's has not come yet, or failed)
    problem.seen_at = utcnow()


def _model(entity: str):
    for mapper in Base.registry.mappers:
        if mapper.local_table.name == entity:
            return mapper.class_
    return None
