"""Text as it comes in from files and forms: how much of it an error may quote, and
which characters no field may hold."""

from __future__ import annotations

import re
import unicodedata

from modconsole.domain.messages import N_, Message

QUOTE_LIMIT = 80
DISPLAY_NAME_MAX = 40  # a staff name, as colleagues and members read it in notices
# C0 controls other than tab, line feed and carriage return, DEL, and the two
# non-characters: XLSX cannot hold them, and lookups never match them.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def quoted(text: str, limit: int = QUOTE_LIMIT) -> str:
    """A value as an error message may quote it: at most `limit` characters."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def control_character(value: str) -> Message | None:
    """Where the first forbidden control character is, in words; None if there is none."""
    found = CONTROL_CHARACTERS.search(value)
    if found is None:
        return None
    return N_("text", "holds the control character U+{code:04X} at character {position}; "
                      "remove it").format(code=ord(found.group()), position=found.start() + 1)


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width characters (Chinese) take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    """`text` padded with spaces to `width` terminal columns (left-aligned)."""
    return text + " " * max(0, width - display_width(text))


def spaced(name: str) -> str:
    """A name with its runs of white space made one space, and none at the ends."""
    return " ".join(name.split())


def display_name_problem(name: str) -> Message | None:
    """What is wrong with a staff name (already `spaced`), or None: the console's profile and
    the team server's accounts hold names to the same rule."""
    if not name:
        return N_("identity", "Give the name your team and members know you by.")
    if len(name) > DISPLAY_NAME_MAX:
        return N_("identity", "A display name is at most {MAX_NAME} characters.").format(
            MAX_NAME=DISPLAY_NAME_MAX)
    problem = control_character(name)
    return N_("identity", "The name {problem}.").format(problem=problem) if problem else None
