"""Parse the shipped rulebook and phrase book, naming the entry that is wrong."""

from __future__ import annotations

import json
from dataclasses import dataclass

from modconsole.domain import detectors
from modconsole.domain.enums import Severity
from modconsole.domain.messages import N_

LANGS = ("zh_CN", "en")


class ContentError(ValueError):
    """A default-content file does not have the expected shape."""


@dataclass(frozen=True)
class RuleSpec:
    code: str
    parent_code: str | None
    scope: str
    title: dict[str, str]
    description: dict[str, str]
    severity: Severity
    aggravated: bool
    counts_to_ladder: bool
    detectors: str | None = None  # domain.detectors JSON, checked


@dataclass(frozen=True)
class TemplateSpec:
    code: str
    category: str
    title: dict[str, str]
    body: dict[str, str]


def _texts(entry: dict, key: str, where: str, required: bool = True) -> dict[str, str]:
    value = entry.get(key, {} if not required else None)
    if not isinstance(value, dict):
        raise ContentError(N_("defaults", "{where}: '{key}' must be an object with "
                                          "{value}").format(
                               where=where, key=key, value=', '.join(LANGS)))
    missing = [lang for lang in LANGS if required and not isinstance(value.get(lang), str)]
    if missing:
        raise ContentError(N_("defaults", "{where}: '{key}' has no text for {value}").format(
                               where=where, key=key, value=', '.join(missing)))
    return {lang: value.get(lang, "") for lang in LANGS}


def _severity(value, where: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        allowed = ", ".join(s.value for s in Severity)
        raise ContentError(N_("defaults", "{where}: severity {value!r} is not "
                                          "one of {allowed}").format(
                               where=where, value=value, allowed=allowed)) from None


def parse_rulebook(data: dict) -> list[RuleSpec]:
    """Categories first, each followed by its items; items inherit severity and flags."""
    categories = data.get("categories") if isinstance(data, dict) else None
    if not isinstance(categories, list) or not categories:
        raise ContentError(N_("defaults", "rulebook: 'categories' must be a non-empty list"))
    specs: list[RuleSpec] = []
    seen: set[str] = set()
    for ci, cat in enumerate(categories):
        where = f"rulebook category {ci + 1} ({cat.get('code', '?')})"
        code = cat.get("code")
        if not code or code in seen:
            raise ContentError(N_("defaults", "{where}: missing or repeated code").format(
                                   where=where))
        seen.add(code)
        severity = _severity(cat.get("severity"), where)
        aggravated = bool(cat.get("aggravated", False))
        specs.append(RuleSpec(code, None, cat.get("scope", "platform"), _texts(cat, "title", where),
                              _texts(cat, "description", where, required=False), severity,
                              aggravated, bool(cat.get("counts_to_ladder", True))))
        for ii, it in enumerate(cat.get("items") or []):
            iwhere = f"{where}, item {ii + 1} ({it.get('code', '?')})"
            icode = it.get("code")
            if not icode or icode in seen:
                raise ContentError(N_("defaults", "{iwhere}: missing or repeated code").format(
                                       iwhere=iwhere))
            seen.add(icode)
            specs.append(RuleSpec(
                icode, code, cat.get("scope", "platform"), _texts(it, "title", iwhere),
                _texts(it, "description", iwhere, required=False),
                _severity(it.get("severity", severity.value), iwhere),
                bool(it.get("aggravated", aggravated)),
                bool(it.get("counts_to_ladder", cat.get("counts_to_ladder", True))),
                _detectors(it.get("detectors"), iwhere),
            ))
    return specs


def _detectors(value, where: str) -> str | None:
    if value is None:
        return None
    try:
        return detectors.parse(json.dumps(value, ensure_ascii=False)).to_json()
    except detectors.DetectorError as exc:
        raise ContentError(N_("defaults", "{where}: detectors: {exc}").format(
            where=where, exc=exc)) from None


def parse_phrasebook(data: dict) -> list[TemplateSpec]:
    templates = data.get("templates") if isinstance(data, dict) else None
    if not isinstance(templates, list) or not templates:
        raise ContentError(N_("defaults", "phrase book: 'templates' must be a non-empty list"))
    specs = []
    for i, t in enumerate(templates):
        where = f"phrase book template {i + 1} ({t.get('code', '?')})"
        if not t.get("code") or not t.get("category"):
            raise ContentError(N_("defaults", "{where}: 'code' and 'category' are "
                                              "required").format(where=where))
        specs.append(TemplateSpec(t["code"], t["category"], _texts(t, "title", where),
                                  _texts(t, "body", where)))
    return specs
