"""The content calendar: theme days and weeks ("Health week", holidays) behind the plan."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.domain.messages import N_
from modconsole.services.errors import FieldError, UserError
from modconsole.store import models as m

COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


class ThemeError(FieldError):
    """A theme form value that cannot be saved; `field` names it."""


@dataclass(frozen=True)
class ThemeInfo:
    id: str
    title: str
    first: date
    last: date
    color: str


def themes_between(session: Session, first: date, last: date) -> list[ThemeInfo]:
    """Themes that touch [first, last], earliest first."""
    T = m.Theme
    return [ThemeInfo(t.id, t.title, t.starts_on, t.ends_on, t.color) for t in session.scalars(
        select(T).where(T.deleted_at.is_(None), T.starts_on <= last, T.ends_on >= first)
        .order_by(T.starts_on, T.title))]


def save_theme(session: Session, theme_id: str | None, title: str, first: date, last: date,
               color: str) -> str:
    """Create (no id) or change a theme; returns its id."""
    title = (title or "").strip()
    if not title:
        raise ThemeError("title", N_("themes", "Give the theme a title."))
    if len(title) > 200:
        raise ThemeError("title", N_("themes", "A theme title can be at most 200 characters."))
    if last < first:
        raise ThemeError("last", N_("themes", "The last day cannot be before the first."))
    if (last - first).days > 366:
        raise ThemeError("last", N_("themes", "A theme can run for at most a year."))
    if not COLOR.match(color or ""):
        raise ThemeError("color", N_("themes", "'{color}' is not a colour like #ffe0b2.").format(
                                      color=color))
    theme = session.get(m.Theme, theme_id) if theme_id else m.Theme()
    if theme is None or theme.deleted_at is not None:
        raise UserError(N_("themes", "That theme was deleted meanwhile; reload."))
    theme.title, theme.starts_on, theme.ends_on, theme.color = title, first, last, color
    session.add(theme)
    session.flush()
    return theme.id


def delete_theme(session: Session, theme_id: str) -> None:
    theme = session.get(m.Theme, theme_id)
    if theme is not None and theme.deleted_at is None:
        theme.deleted_at = m.utcnow()
        session.flush()
