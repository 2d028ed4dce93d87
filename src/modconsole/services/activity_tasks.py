"""An activity's checklist: tasks with an owner and a due time, ticked off when done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.domain.messages import N_
from modconsole.services.activities import ActivityError, live_activity
from modconsole.services.errors import UserError
from modconsole.store import models as m


@dataclass(frozen=True)
class Task:
    id: str
    title: str
    owner_id: str | None
    owner: str
    due: datetime | None
    done: datetime | None

    def overdue(self, now: datetime) -> bool:
        return self.done is None and self.due is not None and self.due < now


def tasks_of(session: Session, activity_id: str) -> list[Task]:
    """Open tasks first by due time (undated last), then the done ones."""
    T = m.ActivityTask
    rows = session.execute(select(T, m.Staff.name).outerjoin(m.Staff, m.Staff.id == T.owner_id)
                           .where(T.activity_id == activity_id, T.deleted_at.is_(None))).all()
    tasks = [Task(t.id, t.title, t.owner_id, name or "", t.due_at, t.done_at) for t, name in rows]
    return sorted(tasks, key=lambda t: (t.done is not None, t.due is None,
                                        t.due.timestamp() if t.due else 0, t.title))


def add_task(session: Session, activity_id: str, title: str, owner_id: str | None = None,
             due: datetime | None = None) -> str:
    live_activity(session, activity_id)
    title = (title or "").strip()
    if not title:
        raise ActivityError("task", N_("activity_tasks", "Say what has to be done."))
    if len(title) > 200:
        raise ActivityError("task", N_("activity_tasks", "A task can be at most 200 characters."))
    if owner_id and session.get(m.Staff, owner_id) is None:
        raise ActivityError("owner", N_("activity_tasks", "That staff member no longer exists."))
    task = m.ActivityTask(activity_id=activity_id, title=title, owner_id=owner_id or None,
                          due_at=due)
    session.add(task)
    session.flush()
    return task.id


def _task(session: Session, task_id: str) -> m.ActivityTask:
    task = session.get(m.ActivityTask, task_id)
    if task is None or task.deleted_at is not None:
        raise UserError(N_("activity_tasks", "That task was deleted meanwhile; reload."))
    return task


def set_done(session: Session, task_id: str, done: bool, now: datetime | None = None) -> None:
    task = _task(session, task_id)
    task.done_at = (task.done_at or now or m.utcnow()) if done else None
    session.flush()


def delete_task(session: Session, task_id: str) -> None:
    _task(session, task_id).deleted_at = m.utcnow()
    session.flush()
