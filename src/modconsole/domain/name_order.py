"""The order people expect names in: Chinese by pinyin (丁 ding, 丰 feng, 万 wan, 严 yan),
mixed with Latin names alphabetically, instead of by code point (丁, 万, 严, 丰).

`sort_key` is stored beside each member's name and indexed, so sorting a
million members stays one index walk in SQL. Each character is read alone
(pypinyin's most common reading, cached), which costs about a microsecond
per name; a surname with a rare reading (曾 zeng) sorts by the common one.
Names with the same pinyin keep a fixed order by their characters.
"""

from __future__ import annotations

from functools import cache

SEPARATOR = "\x1f"  # below every letter: "li" sorts before "liang"; then the name itself


@cache
def _reading(char: str) -> str | None:
    """The toneless pinyin of one Han character; None for anything else."""
    if not ("\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"
            or "\U00020000" <= char <= "\U0003134f"):
        return None
    # imported on the first Han character, not at start: loading pypinyin's dictionaries
    # takes ~0.4 s, which the window's first paint would otherwise wait for
    from pypinyin import Style, lazy_pinyin

    reading = lazy_pinyin(char, style=Style.NORMAL, errors="ignore")
    return reading[0] if reading else None


def sort_key(name: str) -> str:
    """"王浩然" -> "wang hao ran\\x1f王浩然"; Latin letters lower-cased as they are."""
    parts: list[str] = []
    latin = ""
    for char in name.strip():
        reading = _reading(char)
        if reading is None:
            latin += char.casefold()
            continue
        if latin:
            parts.append(latin)
            latin = ""
        parts.append(reading)
    if latin:
        parts.append(latin)
    return " ".join(parts) + SEPARATOR + name
