"""A filter over members, as plain data: what the roster, segments and exports share.

It serialises to JSON so a saved segment is just a named filter.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from datetime import datetime

from modconsole.domain.messages import N_

SORTABLE = ("name", "nickname", "platform_id", "last_active_at", "joined_at", "points",
            "paid_total_cents", "layer", "member_class", "growth_stage", "status", "region")


class FilterError(ValueError):
    """A filter (or a saved segment) names something impossible; the message says what."""


@dataclass(frozen=True)
class MemberFilter:
    """Conditions that all hold at once. Tag lists hold tag ids; empty means "any"."""

    all_tags: tuple[str, ...] = ()
    any_tags: tuple[str, ...] = ()
    none_tags: tuple[str, ...] = ()
    tag_groups: tuple[str, ...] = ()  # has a tag from any of these tag groups
    groups: tuple[str, ...] = ()
    layers: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    churn_min: int | None = None
    region: str | None = None
    joined_from: datetime | None = None
    joined_to: datetime | None = None
    active_from: datetime | None = None
    active_to: datetime | None = None
    points_min: int | None = None
    points_max: int | None = None
    paid_min_cents: int | None = None
    paid_max_cents: int | None = None
    query: str = ""

    def is_empty(self) -> bool:
        return self == MemberFilter()

    def to_json(self) -> str:
        data = {k: v for k, v in asdict(self).items() if v not in ((), None, "")}
        for key, value in data.items():
            if isinstance(value, datetime):
                data[key] = value.isoformat()
            elif isinstance(value, tuple):
                data[key] = list(value)
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> MemberFilter:
        try:
            data = json.loads(text or "{}")
        except ValueError as exc:
            raise FilterError(N_("member_filter", "the saved filter is not "
                                                  "valid JSON: {exc}").format(exc=exc)) from None
        if not isinstance(data, dict):
            raise FilterError(N_("member_filter", "the saved filter must be a JSON object"))
        known = {f.name: f for f in fields(cls)}
        values = {}
        for key, value in data.items():
            if key not in known:
                raise FilterError(N_("member_filter", "the saved filter has an unknown "
                                                      "condition '{key}'").format(key=key))
            kind = str(known[key].type)
            if kind.startswith("tuple"):
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise FilterError(N_("member_filter", "'{key}' must be a list of "
                                                          "strings").format(key=key))
                value = tuple(value)
            elif "datetime" in kind:
                try:
                    value = datetime.fromisoformat(value)
                except (TypeError, ValueError):
                    raise FilterError(N_("member_filter", "'{key}' must be an "
                                                          "ISO date-time, not "
                                                          "{value!r}").format(
                                          key=key, value=value)) from None
            elif kind.startswith("int"):
                if not isinstance(value, int) or isinstance(value, bool):
                    raise FilterError(N_("member_filter", "'{key}' must be a whole "
                                                          "number, not {value!r}").format(
                                          key=key, value=value))
            elif not isinstance(value, str):
                raise FilterError(N_("member_filter", "'{key}' must be text, not "
                                                      "{value!r}").format(key=key, value=value))
            values[key] = value
        return cls(**values)
