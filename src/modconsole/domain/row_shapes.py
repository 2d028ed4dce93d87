"""What each synced field holds as it travels, so the team server can refuse a change
no console could keep.

A pushed value the server stores is pulled by every console. One a console cannot read
(a time that is not a time, null where its column needs a value, a number too large for
SQLite), or a new row without a field its table requires, would fail that console's
pull at every sync, for good. The console never sends one; a hand-made client could. So
the server checks each change against this map and refuses it (`bad_value`, naming the
field), keeping the rest of the push. Fields the map does not name pass: a newer
console's, which an older one ignores.

Kinds: text, int (64-bit, as SQLite keeps it), float, flag (true/false), time (ISO 8601,
read with `datetime.fromisoformat` as the console reads it), date, ids (a list of row
ids). A trailing "?" allows null; "!" is a field a change making a row (insert, add) or
unlinking one (remove) must carry: NOT NULL without a default. A link's key travels in
its row id. The map matches the console's columns (tested); a tag link travels by tag
and member id, where the console keeps row numbers, and the console reads its tag id
from the payload.
"""

from __future__ import annotations

import math
from datetime import date, datetime

# the columns every row with a history has (store/models/base.py)
COMMON = {"id": "text", "created_at": "time", "updated_at": "time", "deleted_at": "time?",
          "version": "int"}

SHAPES: dict[str, dict[str, str]] = {
    "activities": {**COMMON, "type": "text!", "title": "text!", "description": "text",
                   "start_at": "time!", "end_at": "time!", "timezone": "text", "rrule": "text?",
                   "exceptions_json": "text", "location": "text", "online_link": "text?",
                   "host_id": "text?", "helpers_json": "text", "segment_id": "text?",
                   "capacity": "int?", "waitlist": "flag", "reward_points": "int",
                   "reward_badge": "text?", "checkin_keyword": "text", "goal": "text",
                   "status": "text", "review_json": "text?"},
    "activity_groups": {"activity_id": "text", "group_id": "text"},
    "activity_tasks": {**COMMON, "activity_id": "text!", "title": "text!", "owner_id": "text?",
                       "due_at": "time?", "done_at": "time?"},
    "appeals": {**COMMON, "original_case_id": "text!", "appeal_case_id": "text?",
                "member_id": "text!", "filed_at": "time", "statement": "text", "outcome": "text?",
                "decided_by": "text?", "decided_at": "time?"},
    "attendance": {**COMMON, "activity_id": "text!", "occurrence_at": "time!", "member_id": "text!",
                   "status": "text", "registered_at": "time", "checked_in_at": "time?"},
    "audit_log": {**COMMON, "at": "time", "actor_id": "text?", "action": "text!", "entity": "text!",
                  "entity_id": "text?", "before_json": "text?", "after_json": "text?",
                  "reason": "text?"},
    "budget_lines": {**COMMON, "activity_id": "text!", "category": "text!", "planned_cents": "int",
                     "actual_cents": "int?", "note": "text"},
    "case_attachments": {**COMMON, "case_id": "text!", "filename": "text!", "sha256": "text!",
                         "size_bytes": "int!"},
    "case_events": {**COMMON, "case_id": "text!", "at": "time", "actor_id": "text?",
                    "kind": "text!", "payload_json": "text"},
    "cases": {**COMMON, "kind": "text", "member_id": "text!", "group_id": "text?",
              "rule_id": "text?", "status": "text", "source": "text!", "evidence_text": "text",
              "evidence_link": "text?", "evidence_hash": "text!", "report_count": "int",
              "priority": "int", "first_reported_at": "time", "claimed_by": "text?",
              "claimed_until": "time?", "decision": "text?", "decision_reason": "text?",
              "deviated_from_ladder": "flag", "decided_by": "text?", "decided_at": "time?",
              "appeal_of_id": "text?"},
    "draws": {**COMMON, "activity_id": "text!", "occurrence_at": "time?", "pool": "text!",
              "segment_id": "text?", "seed": "text!", "pool_size": "int!", "pool_hash": "text!",
              "winners_json": "text!", "drawn_by": "text?", "drawn_at": "time"},
    "group_members": {"group_id": "text", "member_id": "text", "role": "text", "joined_at": "time"},
    "groups": {**COMMON, "name": "text!", "kind": "text!", "cap": "int!", "platform": "text",
               "description": "text"},
    "member_notes": {**COMMON, "member_id": "text!", "author_id": "text?", "body": "text!"},
    "member_tags": {"tag_id": "text!", "member_id": "text", "member_ids": "ids?",
                    "added_at": "time", "added_by": "text?"},
    "members": {**COMMON, "platform_id": "text!", "name": "text!", "name_key": "text",
                "nickname": "text", "phone": "text?", "phone_verified": "flag", "email": "text?",
                "email_verified": "flag", "region": "text", "gender": "text", "age_band": "text",
                "joined_at": "time?", "join_channel": "text", "inviter_id": "text?",
                "last_active_at": "time?", "posts_count": "int", "comments_count": "int",
                "likes_count": "int", "quality_posts_count": "int", "active_streak_days": "int",
                "conversions_count": "int", "points": "int", "level": "int",
                "paid_total_cents": "int", "status": "text", "left_at": "time?",
                "muted_until": "time?", "is_staff": "flag", "layer": "text?",
                "member_class": "text?", "growth_stage": "text?", "churn_level": "int",
                "layer_rank": "float?", "classified_at": "time?", "tags": "ids?", "groups": "ids?"},
    "points_ledger": {**COMMON, "member_id": "text!", "delta": "int!", "reason": "text",
                      "source_kind": "text!", "source_id": "text!", "at": "time"},
    "reply_templates": {**COMMON, "family_id": "text!", "code": "text!", "title": "text!",
                        "category": "text!", "lang": "text!", "body": "text!", "scope": "text",
                        "status": "text", "tags_json": "text", "usage_count": "int",
                        "last_used_at": "time?", "owner_id": "text?"},
    "reports": {**COMMON, "case_id": "text!", "reporter_member_id": "text?",
                "reporter_staff_id": "text?", "source": "text!", "reported_at": "time",
                "excerpt": "text", "detector": "text?"},
    "rules": {**COMMON, "code": "text!", "parent_id": "text?", "scope": "text", "title_zh": "text!",
              "title_en": "text!", "description_zh": "text", "description_en": "text",
              "severity": "text!", "counts_to_ladder": "flag", "aggravated": "flag",
              "ladder_json": "text?", "position": "int", "detectors_json": "text?"},
    "sanctions": {**COMMON, "case_id": "text?", "member_id": "text!", "kind": "text!",
                  "starts_at": "time", "ends_at": "time?", "counts_to_ladder": "flag",
                  "overturned": "flag", "lifted_at": "time?", "lifted_by": "text?",
                  "lift_reason": "text?"},
    "segments": {**COMMON, "name": "text!", "filter_json": "text", "owner_id": "text?"},
    "staff": {**COMMON, "name": "text!", "role": "text!", "member_id": "text?", "email": "text?"},
    "tag_groups": {**COMMON, "name": "text!", "color": "text", "exclusive": "flag",
                   "position": "int"},
    "tags": {**COMMON, "group_id": "text?", "name": "text!", "color": "text?"},
    "targets": {**COMMON, "metric": "text!", "scope": "text", "value": "float!",
                "deadline": "date!", "note": "text"},
    "template_revisions": {**COMMON, "template_id": "text!", "body": "text!", "title": "text!",
                           "edited_by": "text?", "edited_at": "time"},
    "themes": {**COMMON, "title": "text!", "starts_on": "date!", "ends_on": "date!",
               "color": "text"},
}

_TYPES = {"text": str, "int": int, "float": float, "flag": bool, "time": str, "date": str,
          "ids": list}
_LOW, _HIGH = -(2**63), 2**63  # SQLite's INTEGER
# entity -> field -> (the JSON value's Python type, kind, may be null); one lookup per
# value, no call for text and flags: a push of 100,000 members checks 1.4 M values
_RULES = {entity: {name: (_TYPES[kind.rstrip("?!")], kind.rstrip("?!"), kind.endswith("?"))
                   for name, kind in shape.items()} for entity, shape in SHAPES.items()}
_REQUIRED = {entity: tuple(name for name, kind in shape.items() if kind.endswith("!"))
             for entity, shape in SHAPES.items()}
WHOLE_OPS = frozenset({"insert", "add", "remove"})  # the console reads the whole payload
_SAID = {"text": "is not text", "int": "is not a whole number", "float": "is not a finite number",
         "flag": "is not true or false", "time": "is not an ISO 8601 time",
         "date": "is not an ISO 8601 date", "ids": "is not a list of ids"}


def _is_time(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def wrong_field(entity: str, op: str, payload: dict) -> tuple[str, str] | None:
    """The first field of a change no console could keep, and what is wrong with it."""
    rules = _RULES.get(entity)
    if rules is None:
        return None
    if op in WHOLE_OPS:
        for name in _REQUIRED[entity]:
            if name not in payload:
                return name, "is missing, and a new row needs it"
    for name, value in payload.items():
        rule = rules.get(name)
        if rule is None:
            continue
        python_type, kind, nullable = rule
        if type(value) is not python_type:
            if value is None:
                if nullable:
                    continue
                return name, "is null, and may not be"
            if not (kind == "float" and type(value) is int):
                return name, _SAID[kind]
        if kind not in ("text", "flag") and (problem := _content_problem(kind, value)):
            return name, problem
    return None


def _content_problem(kind: str, value) -> str | None:
    """What is wrong inside a value of the right JSON type."""
    if type(value) is int:  # an int, or a float given as a whole number
        return None if _LOW <= value < _HIGH else "is out of range (64 bits)"
    if kind == "float":
        ok = math.isfinite(value)
    elif kind == "time":
        ok = _is_time(value)
    elif kind == "date":
        ok = _is_date(value)
    else:
        ok = all(type(v) is str for v in value)
    return None if ok else _SAID[kind]
