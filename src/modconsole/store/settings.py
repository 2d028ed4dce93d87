"""Per-database settings (JSON values) such as the demo marker."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from modconsole.store.models import Setting


def get_setting(session: Session, key: str, default=None):
    row = session.get(Setting, key)
    return json.loads(row.value_json) if row else default


def set_setting(session: Session, key: str, value) -> None:
    session.merge(Setting(key=key, value_json=json.dumps(value, ensure_ascii=False)))
