"""Per-database settings (JSON values) such as the demo marker and the penalty ladder.

Settings are read with a plain statement built once, not through the ORM:
deciding a case reads the ladder every time. So every write is flushed at
once, and only `set_setting` writes them.
"""

from __future__ import annotations

import json

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from modconsole.store.models import Setting

_READ = select(Setting.__table__.c.value_json).where(Setting.__table__.c.key == bindparam("key"))


def get_setting(session: Session, key: str, default=None):
    value = session.connection().execute(_READ, {"key": key}).scalar()
    return json.loads(value) if value is not None else default


def set_setting(session: Session, key: str, value) -> None:
    session.merge(Setting(key=key, value_json=json.dumps(value, ensure_ascii=False)))
    session.flush()
