"""Every stored field of members, for scripts: `members list --json` and `members show`.

The roster's rows carry what its table shows; a script that reconciles the
console with a CRM needs all of it — counts, money, verification, who invited
whom — under the names the import takes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from modconsole.services.chat.activity import totals
from modconsole.store import models as m

# stored columns a script has no use for: sort keys, sync counters, ranking internals
HIDDEN = frozenset({"name_key", "version", "layer_rank", "inviter_id"})
RENAMED = {"member_class": "class", "growth_stage": "stage", "active_streak_days": "streak_days"}


def member_records(session: Session, member_ids: list[str]) -> dict[str, dict]:
    """member id -> every field, JSON-ready; the inviter by platform id, money in yuan, and
    what chat imports counted (messages, links, media, mentions, active days, first message)."""
    inviter = aliased(m.Member)
    found = {}
    for start in range(0, len(member_ids), 500):
        rows = session.execute(
            select(*m.Member.__table__.columns, inviter.platform_id.label("inviter"))
            .outerjoin(inviter, inviter.id == m.Member.inviter_id)
            .where(m.Member.id.in_(member_ids[start:start + 500]))).mappings()
        for row in rows:
            record = {}
            for key, value in row.items():
                if key == "paid_total_cents":
                    key, value = "paid_total", value / 100
                elif isinstance(value, datetime):
                    value = value.isoformat()
                if key not in HIDDEN:
                    record[RENAMED.get(key, key)] = value
            found[row["id"]] = record
        chat = totals(session, member_ids[start:start + 500])
        for member_id in member_ids[start:start + 500]:
            seen = chat.get(member_id)
            if member_id in found:
                found[member_id].update(
                    chat_messages=seen.messages if seen else 0,
                    chat_links=seen.links if seen else 0,
                    chat_media=seen.media if seen else 0,
                    chat_mentions=seen.mentions if seen else 0,
                    active_days=seen.active_days if seen else 0,
                    first_message=seen.first_day.isoformat() if seen else None)
    return found
