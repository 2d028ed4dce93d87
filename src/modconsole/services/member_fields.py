"""The names people see for member fields and stored values, in one place.

The roster's headers, the import wizard's field list, the export dialog and
exported files' headers all read these, so a field has one name per language.
Chinese names are chosen so that an exported file imports again as it is
(member_import's SYNONYMS know them).
"""

from __future__ import annotations

from modconsole.domain.messages import N_, Message, Translate, localize

FIELD_LABELS: dict[str, Message] = {
    "platform_id": N_("member_fields", "Platform ID"),
    "name": N_("member_fields", "Name"),
    "nickname": N_("member_fields", "Group nickname"),
    "phone": N_("member_fields", "Phone"),
    "email": N_("member_fields", "E-mail"),
    "region": N_("member_fields", "Region"),
    "gender": N_("member_fields", "Gender"),
    "joined_at": N_("member_fields", "Joined"),
    "groups": N_("member_fields", "Groups"),
    "tags": N_("member_fields", "Tags"),
    "layer": N_("member_fields", "Layer"),
    "class": N_("member_fields", "Class"),
    "stage": N_("member_fields", "Stage"),
    "churn_level": N_("member_fields", "Churn warning level"),
    "last_active_at": N_("member_fields", "Last active"),
    "last_active": N_("member_fields", "Last active"),
    "points": N_("member_fields", "Points"),
    "status": N_("member_fields", "Status"),
    "posts_count": N_("member_fields", "Messages"),
    "comments_count": N_("member_fields", "Comments"),
    "likes_count": N_("member_fields", "Likes"),
    "quality_posts_count": N_("member_fields", "Quality posts"),
    "paid_total": N_("member_fields", "Paid total"),
    "level": N_("member_fields", "Level"),
    "join_channel": N_("member_fields", "Join channel"),
    "inviter": N_("member_fields", "Inviter (platform ID)"),
    "age_band": N_("member_fields", "Age band"),
    "left_at": N_("member_fields", "Left"),
    "phone_verified": N_("member_fields", "Phone verified"),
    "email_verified": N_("member_fields", "E-mail verified"),
    "streak_days": N_("member_fields", "Days active in a row"),
    "chat_messages": N_("member_fields", "Chat messages"),
    "active_days": N_("member_fields", "Days with messages"),
    "first_message": N_("member_fields", "First message"),
}

# stored value -> name; stages and statuses are prefixed because they reuse words
VALUE_LABELS: dict[str, Message] = {
    "core": N_("member_fields", "core"),
    "potential": N_("member_fields", "potential"),
    "base": N_("member_fields", "base"),
    "active": N_("member_fields", "active"),
    "silent": N_("member_fields", "silent"),
    "contributor": N_("member_fields", "contributor"),
    "paying": N_("member_fields", "paying"),
    "staff": N_("member_fields", "staff"),
    "stage.explorer": N_("member_fields", "explorer"),
    "stage.active": N_("member_fields", "active stage"),
    "stage.contributor": N_("member_fields", "contributor stage"),
    "stage.leader": N_("member_fields", "leader"),
    "status.active": N_("member_fields", "normal"),
    "status.muted": N_("member_fields", "muted"),
    "status.banned": N_("member_fields", "banned"),
    "status.left": N_("member_fields", "left"),
}


def field_label(key: str, translate: Translate) -> str:
    return str(localize(FIELD_LABELS.get(key, key), translate))


def value_label(key: str, translate: Translate) -> str:
    """A stored value's name; unknown values (a newer file's) are shown as stored."""
    label = VALUE_LABELS.get(key)
    return str(localize(label, translate)) if label is not None else key.split(".")[-1]
