"""Audit entries as sentences: "王浩然 muted 李凯 for 7 days (rule: 广告刷屏)".

The log stores action codes and before/after JSON so nothing is lost; people
read this instead. Names are looked up once per page of entries.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from modconsole.domain.messages import N_, Either, Message
from modconsole.services.member_fields import FIELD_LABELS
from modconsole.store import models as m

SANCTION_KINDS = {"mute": N_("audit_words", "mute"), "ban": N_("audit_words", "ban"),
                  "warn": N_("audit_words", "warning"),
                  "remove": N_("audit_words", "removal")}


@dataclass(frozen=True)
class Subject:
    """Who or what an entry is about, and the rule of a case."""

    name: str = ""
    rule: Either | None = None


def subjects(session: Session, entries: Iterable[tuple[str, str | None]]) -> dict:
    """(entity, entity_id) -> Subject, with one query per kind of entity on the page."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for entity, entity_id in entries:
        if entity_id:
            wanted[entity].add(entity_id)
    found: dict[tuple[str, str], Subject] = {}
    if wanted["members"]:
        for mid, name in session.execute(select(m.Member.id, m.Member.name).where(
                m.Member.id.in_(wanted["members"]))):
            found["members", mid] = Subject(name)
    if wanted["cases"]:
        for cid, name, zh, en in session.execute(
                select(m.Case.id, m.Member.name, m.Rule.title_zh, m.Rule.title_en)
                .join(m.Member, m.Member.id == m.Case.member_id)
                .outerjoin(m.Rule, m.Rule.id == m.Case.rule_id)
                .where(m.Case.id.in_(wanted["cases"]))):
            found["cases", cid] = Subject(name, Either(zh or "", en or "") if zh or en else None)
    if wanted["sanctions"]:
        for sid, name in session.execute(
                select(m.Sanction.id, m.Member.name)
                .join(m.Member, m.Member.id == m.Sanction.member_id)
                .where(m.Sanction.id.in_(wanted["sanctions"]))):
            found["sanctions", sid] = Subject(name)
    for entity, model, columns in (("rules", m.Rule, (m.Rule.title_zh, m.Rule.title_en)),
                                   ("activities", m.Activity, (m.Activity.title,)),
                                   ("groups", m.Group, (m.Group.name,)),
                                   ("segments", m.Segment, (m.Segment.name,))):
        if wanted[entity]:
            for row in session.execute(select(model.id, *columns).where(
                    model.id.in_(wanted[entity]))):
                name = Either(row[1], row[2]) if entity == "rules" else row[1]
                found[entity, row[0]] = Subject(name)
    return found


def _load(text: str) -> dict:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def step_words(code: str | None):
    """A ladder step's code (mute:7) as a noun phrase; an unknown code as it is."""
    decision, _, days = (code or "").partition(":")
    if decision == "mute" and days:
        return N_("audit_words", "{days}-day mute").format(days=days)
    if decision == "mute":
        return N_("audit_words", "permanent mute")
    if decision == "dismiss":
        return N_("audit_words", "no sanction")
    return SANCTION_KINDS.get(decision, code or "—")


def _decision(actor: str, member: str, code: str, rule) -> Message:
    decision, _, days = (code or "").partition(":")
    rule = rule or N_("audit_words", "no rule")
    if decision == "dismiss":
        return N_("audit_words", "{actor} dismissed the report on {member}").format(
            actor=actor, member=member)
    if decision == "mute" and days:
        return N_("audit_words", "{actor} muted {member} for {days} days (rule: {rule})").format(
            actor=actor, member=member, days=days, rule=rule)
    return {
        "warn": N_("audit_words", "{actor} warned {member} (rule: {rule})"),
        "mute": N_("audit_words", "{actor} muted {member} permanently (rule: {rule})"),
        "remove": N_("audit_words", "{actor} removed {member} from the group (rule: {rule})"),
        "ban": N_("audit_words", "{actor} banned {member} (rule: {rule})"),
    }.get(decision, N_("audit_words", "{actor} decided {member}'s case: {step} (rule: "
                                      "{rule})")).format(actor=actor, member=member, rule=rule,
                                                         step=step_words(code))


def describe(action: str, actor: str, subject: Subject, before: str, after: str) -> Message:
    """The entry as one sentence in the reader's language."""
    old, new = _load(before), _load(after)
    who, name = actor or N_("audit_words", "someone"), subject.name or "—"
    if action == "case.decide":
        return _decision(who, name, new.get("decision", ""), subject.rule)
    if action == "appeal.decide":
        outcome = new.get("outcome")
        if outcome == "reduced":
            return N_("audit_words", "{actor} reduced {member}'s sanction on appeal, from {old} "
                                     "to {new}").format(actor=who, member=name,
                                                         old=step_words(old.get("decision")),
                                                         new=step_words(new.get("standing")))
        return (N_("audit_words", "{actor} overturned {member}'s sanction on appeal")
                if outcome == "overturned" else
                N_("audit_words", "{actor} upheld {member}'s sanction on appeal")).format(
            actor=who, member=name)
    if action == "sanction.lift":
        return N_("audit_words", "{actor} lifted {member}'s {kind} early").format(
            actor=who, member=name, kind=SANCTION_KINDS.get(old.get("kind"), old.get("kind")))
    if action == "member.edit" and old:
        field = next(iter(old))
        return N_("audit_words", "{actor} changed {member}'s {field}: {old} → {new}").format(
            actor=who, member=name, field=FIELD_LABELS.get(field, field),
            old=old.get(field) or "—", new=new.get(field) or "—")
    if action == "member.import":
        return N_("audit_words", "{actor} imported {file}: {created} new, {updated} updated, "
                                 "{skipped} rows skipped").format(
            actor=who, file=new.get("file", "—"), created=new.get("created", 0),
            updated=new.get("updated", 0), skipped=new.get("skipped", 0))
    if action in ("tags.apply", "tags.undo"):
        template = (N_("audit_words", "{actor} tagged {count} members: added {added}; "
                                      "removed {removed}") if action == "tags.apply" else
                    N_("audit_words", "{actor} undid tagging on {count} members: added "
                                      "{added}; removed {removed}"))
        return template.format(actor=who, count=new.get("members", 0),
                               added="、".join(new.get("tags", [])) or "—",
                               removed="、".join(old.get("tags", [])) or "—")
    if action == "group.update" and old.get("name") != new.get("name"):
        return N_("audit_words", "{actor} renamed the group {old} to {new}").format(
            actor=who, old=old.get("name", "—"), new=new.get("name", "—"))
    if action in ("group.add", "group.move"):
        template = (N_("audit_words", "{actor} moved {count} members from {source} to {group}")
                    if action == "group.move" else
                    N_("audit_words", "{actor} added {count} members to {group}"))
        return template.format(actor=who, count=new.get("added", 0),
                               source=old.get("group", "—"), group=new.get("group", name))
    if action == "segment.rename":
        return N_("audit_words", "{actor} renamed the segment {old} to {new}").format(
            actor=who, old=old.get("name", "—"), new=new.get("name", "—"))
    if action == "reply.sent":
        return N_("audit_words", "{actor} copied the reply /{template} for {member}").format(
            actor=who, template=new.get("template", "—"), member=name)
    if action == "activity.draw":
        return N_("audit_words", "{actor} drew {count} winners for {activity}").format(
            actor=who, count=len(new.get("winners", [])), activity=name)
    sentence = SIMPLE.get(action)
    if sentence is None:
        return N_("audit_words", "{actor}: {action}").format(actor=who, action=action)
    return sentence.format(actor=who, member=name, name=new.get("name") or old.get(
        "name") or name, group=new.get("name", name), cap=new.get("cap", "—"), rule=name)


SIMPLE = {
    "case.undo": N_("audit_words", "{actor} undid the decision on {member}'s case"),
    "case.appeal": N_("audit_words", "{actor} recorded {member}'s appeal"),
    "member.note": N_("audit_words", "{actor} added a note on {member}"),
    "member.note_edit": N_("audit_words", "{actor} edited a note on {member}"),
    "member.note_delete": N_("audit_words", "{actor} deleted a note on {member}"),
    "member.create": N_("audit_words", "{actor} added the member {member}"),
    "member.edit": N_("audit_words", "{actor} edited {member}"),
    "group.create": N_("audit_words", "{actor} created the group {group} (cap {cap})"),
    "group.update": N_("audit_words", "{actor} set the cap of the group {group} to {cap}"),
    "group.archive": N_("audit_words", "{actor} archived the group {name}"),
    "rule.update": N_("audit_words", "{actor} edited the rule {rule}"),
    "rulebook.ladder": N_("audit_words", "{actor} changed the penalty ladder"),
    "segment.save": N_("audit_words", "{actor} saved the segment {name}"),
    "segment.delete": N_("audit_words", "{actor} deleted the segment {name}"),
}
