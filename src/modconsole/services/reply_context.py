"""Placeholder values for a member, case or activity, and the templates that fit them.

The quick-insert popup and `modconsole templates render` both come here: the
context says who and what the message is about; values are looked up once
and the renderer substitutes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.domain.enums import SanctionKind
from modconsole.domain.messages import N_
from modconsole.domain.placeholders import PLACEHOLDERS, Rendered, TemplateError, render
from modconsole.services.errors import UserError
from modconsole.services.identity import current_staff_id
from modconsole.services.replies import TemplateInfo, list_templates, record_use
from modconsole.store import models as m

EACH, MENTIONS = "each", "mentions"
NEW_MEMBER_DAYS = 7


@dataclass(frozen=True)
class ReplyContext:
    """Who and what a message is about; any part may be absent."""

    member_ids: tuple[str, ...] = ()
    case_id: str | None = None
    activity_id: str | None = None


def _local(dt: datetime | None, zone: str | None = None) -> str:
    if dt is None:
        return ""
    return (dt.astimezone(ZoneInfo(zone)) if zone else dt.astimezone()).strftime("%Y-%m-%d %H:%M")


def sanction_text(kind: str, starts: datetime, ends: datetime | None, lang: str) -> str:
    """How a message names a sanction: 禁言7天 / muted for 7 days."""
    zh = lang == "zh_CN"
    if kind == SanctionKind.MUTE:
        if ends is None:
            return "永久" if zh else "permanently"
        days = max(1, round((ends - starts).total_seconds() / 86400))
        return f"{days}天" if zh else (f"{days} days" if days != 1 else "1 day")
    names = {SanctionKind.WARN: ("警告", "a warning"), SanctionKind.REMOVE: ("移出群聊", "removal"),
             SanctionKind.BAN: ("封禁", "a ban")}
    pair = names.get(kind)
    return (pair[0] if zh else pair[1]) if pair else kind


def _member_values(session: Session, member_id: str) -> dict[str, str]:
    member = session.get(m.Member, member_id)
    if member is None or member.deleted_at is not None:
        raise UserError(N_("reply_context", "No member has the id {member_id}.").format(
                            member_id=member_id))
    group = session.scalar(
        select(m.Group.name).join(m.GroupMembership, m.GroupMembership.group_id == m.Group.id)
        .where(m.GroupMembership.member_id == member_id).order_by(m.Group.name).limit(1))
    return {"nickname": member.nickname or member.name, "name": member.name,
            "group": group or "", "points": str(member.points)}


def _case_values(session: Session, case_id: str, lang: str) -> tuple[str, dict[str, str]]:
    case = session.get(m.Case, case_id)
    if case is None or case.deleted_at is not None:
        raise UserError(N_("reply_context", "No case has the id {case_id}.").format(
                            case_id=case_id))
    values: dict[str, str] = {}
    if case.rule_id:
        rule = session.get(m.Rule, case.rule_id)
        zh = lang == "zh_CN"
        values["rule"] = rule.title_zh if zh else rule.title_en
        values["rule_detail"] = rule.description_zh if zh else rule.description_en
    sanction = session.scalar(select(m.Sanction).where(
        m.Sanction.case_id == case_id, m.Sanction.deleted_at.is_(None))
        .order_by(m.Sanction.starts_at.desc()).limit(1))
    if sanction is not None:
        values["sanction"] = sanction_text(sanction.kind, sanction.starts_at, sanction.ends_at,
                                           lang)
        values["until"] = _local(sanction.ends_at)
    if case.group_id:
        values["group"] = session.get(m.Group, case.group_id).name
    return case.member_id, values


def _activity_values(session: Session, activity_id: str) -> dict[str, str]:
    activity = session.get(m.Activity, activity_id)
    if activity is None or activity.deleted_at is not None:
        raise UserError(N_("reply_context", "No activity has the id {activity_id}.").format(
                            activity_id=activity_id))
    return {"activity": activity.title,
            "activity_time": _local(activity.start_at, activity.timezone),
            "location": activity.location or activity.online_link or "",
            "points": str(activity.reward_points) if activity.reward_points else ""}


def context_values(session: Session, context: ReplyContext, lang: str,
                   extra: Mapping[str, str] | None = None) -> list[dict[str, str]]:
    """One dict of placeholder values per member (one dict when no member is named)."""
    unknown = sorted(set(extra or ()) - set(PLACEHOLDERS))
    if unknown:
        raise UserError(N_("reply_context", "Unknown placeholder {value!r} in --var; the "
                                            "known ones are {value2}.").format(
                            value=unknown[0], value2=', '.join(PLACEHOLDERS)))
    me = session.get(m.Staff, current_staff_id(session))
    shared = {"moderator": me.name if me else "", "today": date.today().isoformat()}
    member_ids = list(context.member_ids)
    if context.case_id:
        case_member, case_values = _case_values(session, context.case_id, lang)
        shared.update(case_values)
        member_ids = member_ids or [case_member]
    if context.activity_id:
        shared.update(_activity_values(session, context.activity_id))
    people = [_member_values(session, i) for i in member_ids] or [{}]
    return [{**person, **{k: v for k, v in shared.items() if v or k not in person},
             **(extra or {})} for person in people]


def render_messages(body: str, people: list[dict[str, str]], lang: str, *,
                    mode: str = EACH) -> list[Rendered]:
    """One message per member, or (MENTIONS) one message @-mentioning them all.

    `people` is what `context_values` returned; rendering needs no database,
    so the GUI re-renders on every keystroke without a round trip.
    """
    if mode == MENTIONS and len(people) > 1:
        together = dict(people[0])
        # "@{nickname}" in the body already writes the first @.
        first = "" if "@{nickname" in body else "@"
        together["nickname"] = first + " @".join(p["nickname"] for p in people)
        together["name"] = "、".join(p["name"] for p in people) if lang == "zh_CN" else \
            ", ".join(p["name"] for p in people)
        together["points"] = ""
        return [render(body, together)]
    return [render(body, values) for values in people]


def _fit(template: TemplateInfo, wanted: list[str], rule_code: str | None, lang: str) -> tuple:
    """Sort key: wanted category, tagged with the rule, in the language, most used."""
    category = wanted.index(template.category) if template.category in wanted else len(wanted)
    return (category, rule_code not in template.tags, template.lang != lang,
            -template.usage_count, template.code)


def suggest(session: Session, context: ReplyContext, lang: str) -> list[TemplateInfo]:
    """Approved templates, the ones that fit the context first, in `lang` first.

    After a mute the mute notice comes first (one tagged with the case's rule
    code before the generic one); for an activity, the announcement; for a
    member who went quiet, churn care; for a newcomer, the welcome.
    """
    wanted: list[str] = []
    rule_code = None
    if context.case_id:
        case = session.get(m.Case, context.case_id)
        if case is not None:
            rule = session.get(m.Rule, case.rule_id) if case.rule_id else None
            rule_code = rule.code if rule else None
            kind = session.scalar(select(m.Sanction.kind).where(m.Sanction.case_id == case.id)
                                  .order_by(m.Sanction.starts_at.desc()).limit(1))
            wanted += ["appeal"] if case.appeal_of_id else []
            wanted += {SanctionKind.MUTE: ["mute"], SanctionKind.WARN: ["warning"],
                       SanctionKind.REMOVE: ["removal"], SanctionKind.BAN: ["removal"]}.get(
                kind, ["warning"])
            wanted += ["warning", "rules"]
    if context.activity_id:
        wanted += ["activity", "reward", "reminder"]
    if context.member_ids and not context.case_id:
        member = session.get(m.Member, context.member_ids[0])
        if member is not None and member.churn_level:
            wanted.append("churn_care")
        if member is not None and member.joined_at is not None and \
                (datetime.now(member.joined_at.tzinfo) - member.joined_at).days < NEW_MEMBER_DAYS:
            wanted.append("welcome")
        wanted += ["welcome", "reminder", "churn_care", "reward"]
    wanted = list(dict.fromkeys(wanted))
    templates = list_templates(session, usable_only=True)
    return sorted(templates, key=lambda t: _fit(t, wanted, rule_code, lang))


@dataclass(frozen=True)
class PreviewChoice:
    """A case or activity the editor can preview a template against."""

    context: ReplyContext
    kind: str  # "case" or "activity"
    label: str


def preview_choices(session: Session, lang: str, limit: int = 15) -> list[PreviewChoice]:
    """The latest cases (member and rule) and the next activities (or the latest ones)."""
    zh = lang == "zh_CN"
    choices = []
    cases = session.execute(
        select(m.Case.id, m.Member.name, m.Rule.title_zh, m.Rule.title_en)
        .join(m.Member, m.Member.id == m.Case.member_id)
        .outerjoin(m.Rule, m.Rule.id == m.Case.rule_id)
        .where(m.Case.deleted_at.is_(None))
        .order_by(m.Case.first_reported_at.desc()).limit(limit)).all()
    for case_id, name, title_zh, title_en in cases:
        rule = (title_zh if zh else title_en) or ""
        choices.append(PreviewChoice(ReplyContext(case_id=case_id), "case",
                                     f"{name} — {rule}" if rule else name))
    now = datetime.now().astimezone()
    A = m.Activity
    upcoming = session.scalars(select(A).where(A.deleted_at.is_(None), A.start_at >= now)
                               .order_by(A.start_at).limit(limit)).all()
    if not upcoming:
        upcoming = session.scalars(select(A).where(A.deleted_at.is_(None))
                                   .order_by(A.start_at.desc()).limit(limit)).all()
    for activity in upcoming:
        when = _local(activity.start_at, activity.timezone)
        choices.append(PreviewChoice(ReplyContext(activity_id=activity.id), "activity",
                                     f"{activity.title} — {when}"))
    return choices


@dataclass(frozen=True)
class Notice:
    template_title: str
    text: str


def notice_for_case(session: Session, case_id: str, lang: str) -> Notice | None:
    """The phrase book's best notice for a decided case, filled in and counted as used.

    None for a dismissed report (nothing to tell the member) or when the book
    has no usable template.
    """
    case = session.get(m.Case, case_id)
    if case is None or case.decision == "dismiss":
        return None
    context = ReplyContext(case_id=case_id)
    choices = suggest(session, context, lang)
    if not choices:
        return None
    template = choices[0]
    try:
        [message] = render_messages(template.body, context_values(session, context, lang),
                                    lang)
    except TemplateError:  # filled in, it would be too long to send: no notice then
        return None
    record_use(session, template.id, case_id=case_id)
    return Notice(template.title, message.text)
