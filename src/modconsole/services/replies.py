"""The phrase book: templates, their edit history, review, usage and search.

A template is one language variant; variants of the same message share a
`family_id` and a short code. Personal templates are seen only by their
owner. When the team turns review on, a team template written or edited by
someone below lead is a draft until a lead or admin approves it, and drafts
are not offered for use.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from modconsole.domain.defaults import LANGS
from modconsole.domain.enums import TemplateScope, TemplateStatus
from modconsole.domain.ids import uuid7
from modconsole.domain.messages import N_, reason
from modconsole.domain.permissions import TEMPLATE_APPROVERS
from modconsole.domain.placeholders import Limit, TemplateError, parse
from modconsole.domain.sync_protocol import REVIEW_SETTING
from modconsole.domain.text import control_character, quoted
from modconsole.services import audit
from modconsole.services.errors import UserError
from modconsole.services.identity import current_role, current_staff_id
from modconsole.store import models as m
from modconsole.store.models.base import utcnow
from modconsole.store.outbox import record_changes
from modconsole.store.settings import get_setting, set_setting

CATEGORIES = ("welcome", "rules", "reminder", "warning", "mute", "removal", "appeal",
              "churn_care", "activity", "reward", "custom")
REVIEW_KEY = REVIEW_SETTING
LIMITS_KEY = "reply_limits"
DEFAULT_LIMITS = {"welcome": Limit(bytes=3000), "warning": Limit(chars=150),
                  "mute": Limit(chars=150), "reminder": Limit(chars=150)}
_CODE = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
MAX_TAGS = 20


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    family_id: str
    code: str
    title: str
    category: str
    lang: str
    body: str
    scope: str
    status: str
    tags: tuple[str, ...]
    usage_count: int
    last_used_at: datetime | None
    updated_at: datetime
    version: int

    @property
    def placeholders(self) -> tuple[str, ...]:
        try:
            return parse(self.body).names
        except TemplateError:
            return ()

    def as_json(self) -> dict:
        return {"id": self.id, "family_id": self.family_id, "code": self.code,
                "title": self.title, "category": self.category, "lang": self.lang,
                "scope": self.scope, "status": self.status, "tags": list(self.tags),
                "placeholders": list(self.placeholders), "usage_count": self.usage_count,
                "last_used_at": self.last_used_at.isoformat() if self.last_used_at else None}


@dataclass(frozen=True)
class TemplateDraft:
    """What an editor submits; `save_template` checks every field."""

    code: str
    title: str
    category: str
    lang: str
    body: str
    scope: str = TemplateScope.TEAM
    tags: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Revision:
    id: str
    title: str
    body: str
    edited_by: str
    edited_at: datetime


def info(row: m.ReplyTemplate) -> TemplateInfo:
    return TemplateInfo(row.id, row.family_id, row.code, row.title, row.category, row.lang,
                        row.body, row.scope, row.status, tuple(json.loads(row.tags_json or "[]")),
                        row.usage_count, row.last_used_at, row.updated_at, row.version)


def visible(session: Session):
    T = m.ReplyTemplate
    return (T.deleted_at.is_(None),
            or_(T.scope == TemplateScope.TEAM, T.owner_id == current_staff_id(session)))


def list_templates(session: Session, *, category: str | None = None,
                   lang: str | None = None, usable_only: bool = False) -> list[TemplateInfo]:
    """Templates this person may see, in category order. A phrase book is hundreds of rows,
    so pages load it whole and narrow it with `matches` as the person types."""
    T = m.ReplyTemplate
    stmt = select(T).where(*visible(session))
    if category:
        stmt = stmt.where(T.category == category)
    if lang:
        stmt = stmt.where(T.lang == lang)
    if usable_only:
        stmt = stmt.where(T.status == TemplateStatus.APPROVED)
    rows = session.scalars(stmt).all()
    order = {c: i for i, c in enumerate(CATEGORIES)}
    return sorted((info(r) for r in rows),
                  key=lambda t: (order.get(t.category, len(order)), t.code, t.lang))


def matches(template: TemplateInfo, text: str) -> bool:
    """The phrase book's search: `/abc` is a code prefix, other text a substring of the
    title, code, tags or body (case-insensitive)."""
    text = text.strip().lower()
    if text.startswith("/"):
        return template.code.startswith(text[1:])
    haystack = " ".join((template.title, template.code, " ".join(template.tags),
                         template.body)).lower()
    return text in haystack


def _row(session: Session, template_id: str) -> m.ReplyTemplate:
    row = session.get(m.ReplyTemplate, template_id)
    if row is None or row.deleted_at is not None:
        raise UserError(N_("replies", "That template no longer exists; it may have been deleted."))
    return row


def get_template(session: Session, template_id: str) -> TemplateInfo:
    return info(_row(session, template_id))


def find_template(session: Session, code_or_id: str, lang: str | None = None) -> TemplateInfo:
    """By id, or by code in `lang` (then in any language)."""
    row = session.get(m.ReplyTemplate, code_or_id)
    if row is not None and row.deleted_at is None:
        return info(row)
    T = m.ReplyTemplate
    rows = session.scalars(select(T).where(*visible(session),
                                           T.code == code_or_id.lstrip("/").lower())).all()
    if not rows:
        raise UserError(N_("replies", "No template has the id or code '{code_or_id}'. "
                                      "'modconsole templates list' shows them.").format(
                            code_or_id=code_or_id))
    rows.sort(key=lambda r: (r.lang != lang, r.lang))
    return info(rows[0])


def check_draft(draft: TemplateDraft) -> TemplateDraft:
    """The draft with its fields trimmed, or a UserError naming the field that is wrong."""
    code = draft.code.strip().lstrip("/").lower()
    if not _CODE.fullmatch(code):
        raise UserError(N_("replies", "The code must be 1–40 lower-case letters, digits, '-' or "
                                      "'_' (it is what you type after '/' to find the template)."))
    title = draft.title.strip()
    if not title or len(title) > 200:
        raise UserError(N_("replies", "The title must be 1–200 characters."))
    fields = ((N_("replies", "title"), title), (N_("replies", "body"), draft.body),
              *((N_("replies", "tag"), t) for t in draft.tags))
    for name, text in fields:
        problem = control_character(text)
        if problem:
            raise UserError(N_("replies", "The {name} {problem}.").format(
                                name=name, problem=problem))
    if draft.category not in CATEGORIES:
        raise UserError(N_("replies", "Unknown category '{category}'; use one of {value}.").format(
                            category=quoted(draft.category), value=', '.join(CATEGORIES)))
    if draft.lang not in LANGS:
        raise UserError(N_("replies", "Unknown language '{lang}'; use one of {value}.").format(
                            lang=quoted(draft.lang), value=', '.join(LANGS)))
    if draft.scope not in tuple(TemplateScope):
        raise UserError(N_("replies", "The scope must be 'personal' or 'team'."))
    if not draft.body.strip():
        raise UserError(N_("replies", "The body is empty."))
    try:
        parse(draft.body)
    except TemplateError as exc:
        raise UserError(reason(exc)) from None
    tags = tuple(dict.fromkeys(t.strip() for t in draft.tags if t.strip()))
    if len(tags) > MAX_TAGS or any(len(t) > 40 for t in tags):
        raise UserError(N_("replies", "Use at most {MAX_TAGS} tags of up to 40 "
                                      "characters each.").format(MAX_TAGS=MAX_TAGS))
    return TemplateDraft(code, title, draft.category, draft.lang, draft.body, draft.scope, tags)


def _clean(session: Session, draft: TemplateDraft, family_id: str | None = None,
           editing_id: str | None = None) -> TemplateDraft:
    """`check_draft`, and the code is this family's and the language variant is free."""
    draft = check_draft(draft)
    T = m.ReplyTemplate
    for other in session.scalars(select(T).where(T.deleted_at.is_(None), T.code == draft.code)):
        if other.family_id != family_id:
            raise UserError(N_("replies", "The code /{code} already belongs to "
                                          "'{title}'. Choose another code, or add a "
                                          "language variant of that one.").format(
                                code=draft.code, title=other.title))
        if other.lang == draft.lang and other.id != editing_id:
            raise UserError(N_("replies", "'{title}' already has a {lang} variant.").format(
                                title=other.title, lang=draft.lang))
    return draft


def status_after_edit(session: Session, scope: str) -> str:
    if (scope == TemplateScope.TEAM and review_required(session)
            and current_role(session) not in TEMPLATE_APPROVERS):
        return TemplateStatus.DRAFT
    return TemplateStatus.APPROVED


def create_template(session: Session, draft: TemplateDraft,
                    family_id: str | None = None) -> str:
    """A new template, or a new language variant of `family_id`'s message."""
    if family_id is not None and not session.scalar(select(m.ReplyTemplate.id).where(
            m.ReplyTemplate.family_id == family_id).limit(1)):
        raise UserError(N_("replies", "The template this was to be a variant of no longer exists."))
    draft = _clean(session, draft, family_id)
    row_id = uuid7()
    row = m.ReplyTemplate(id=row_id, family_id=family_id or row_id, code=draft.code,
                          title=draft.title, category=draft.category, lang=draft.lang,
                          body=draft.body, scope=draft.scope,
                          tags_json=json.dumps(list(draft.tags), ensure_ascii=False),
                          status=status_after_edit(session, draft.scope),
                          owner_id=current_staff_id(session))
    session.add(row)
    session.flush()
    return row_id


def update_template(session: Session, template_id: str, draft: TemplateDraft) -> None:
    """Save an edit; the previous title and body go to the history first."""
    row = _row(session, template_id)
    draft = _clean(session, draft, row.family_id, row.id)
    if (draft.title, draft.body) != (row.title, row.body):
        session.add(m.TemplateRevision(template_id=row.id, title=row.title, body=row.body,
                                       edited_by=current_staff_id(session)))
    changed = (draft.code, draft.title, draft.category, draft.lang, draft.body, draft.scope,
               list(draft.tags)) != (row.code, row.title, row.category, row.lang, row.body,
                                     row.scope, json.loads(row.tags_json or "[]"))
    if not changed:
        return
    row.code, row.title, row.category, row.lang = draft.code, draft.title, draft.category, \
        draft.lang
    row.body, row.scope = draft.body, draft.scope
    row.tags_json = json.dumps(list(draft.tags), ensure_ascii=False)
    row.status = status_after_edit(session, draft.scope)
    session.flush()


def delete_template(session: Session, template_id: str) -> None:
    _row(session, template_id).deleted_at = utcnow()
    session.flush()


def undelete_template(session: Session, template_id: str) -> None:
    """Undo a delete (the row was only marked)."""
    row = session.get(m.ReplyTemplate, template_id)
    if row is not None and row.deleted_at is not None:
        row.deleted_at = None
        session.flush()


def history(session: Session, template_id: str) -> list[Revision]:
    """Earlier titles and bodies, newest first, with who replaced them and when."""
    R = m.TemplateRevision
    rows = session.execute(
        select(R, m.Staff.name).outerjoin(m.Staff, m.Staff.id == R.edited_by)
        .where(R.template_id == template_id).order_by(R.edited_at.desc(), R.id.desc())).all()
    return [Revision(r.id, r.title, r.body, name or "", r.edited_at) for r, name in rows]


def restore_revision(session: Session, template_id: str, revision_id: str) -> None:
    """Bring back an earlier title and body; the current ones join the history."""
    revision = session.get(m.TemplateRevision, revision_id)
    if revision is None or revision.template_id != template_id:
        raise UserError(N_("replies", "That version is not in this template's history."))
    current = info(_row(session, template_id))
    update_template(session, template_id, TemplateDraft(
        current.code, revision.title, current.category, current.lang, revision.body,
        current.scope, current.tags))


def approve(session: Session, template_id: str) -> None:
    row = _row(session, template_id)
    if current_role(session) not in TEMPLATE_APPROVERS:
        raise UserError(N_("replies", "Only a lead or an admin can approve templates. Ask one to "
                                      "approve it, or change your role in Settings → You if you "
                                      "are one."))
    if row.status != TemplateStatus.APPROVED:
        row.status = TemplateStatus.APPROVED
        session.flush()


def record_use(session: Session, template_id: str, times: int = 1,
               member_ids: Sequence[str] = (), case_id: str | None = None) -> None:
    """Count a use (copied to the clipboard or printed by the CLI). A reply for members
    (named, or the case's) is in the audit log once per member: the dashboard counts care
    messages (churn_care) and who came back after one."""
    row = _row(session, template_id)
    if row.status != TemplateStatus.APPROVED:
        raise UserError(N_("replies", "'{title}' is a draft waiting for a lead's "
                                      "approval; it cannot be used yet.").format(title=row.title))
    row.usage_count += times
    row.last_used_at = utcnow()
    if not member_ids and case_id:
        member_ids = [session.scalar(select(m.Case.member_id).where(m.Case.id == case_id))]
    for member_id in member_ids:
        if member_id:
            audit.record(session, "reply.sent", "member", member_id,
                         after={"template": row.code, "category": row.category})
    session.flush()


def review_required(session: Session) -> bool:
    return bool(get_setting(session, REVIEW_KEY, False))


def set_review_required(session: Session, required: bool) -> None:
    """A team setting: the team server holds every template to it once synced."""
    set_setting(session, REVIEW_KEY, bool(required))
    record_changes(session.connection(), [{"entity": "team_settings", "row_id": REVIEW_KEY,
                                           "op": "add", "payload": {"value": bool(required)}}])


def limits(session: Session) -> dict[str, Limit]:
    """Length limits per category, as the team set them (defaults until then)."""
    stored = get_setting(session, LIMITS_KEY)
    if stored is None:
        return dict(DEFAULT_LIMITS)
    return {c: Limit(v.get("chars"), v.get("bytes")) for c, v in stored.items()
            if c in CATEGORIES}


def set_limits(session: Session, new: dict[str, Limit]) -> None:
    for category, limit in new.items():
        if category not in CATEGORIES:
            raise UserError(N_("replies", "Unknown category '{category}'.").format(
                                category=category))
        for bound in (limit.chars, limit.bytes):
            if bound is not None and not 1 <= bound <= 100_000:
                raise UserError(N_("replies", "A limit must be between 1 and 100,000."))
    set_setting(session, LIMITS_KEY, {c: {"chars": v.chars, "bytes": v.bytes}
                                      for c, v in new.items()
                                      if v.chars is not None or v.bytes is not None})
