"""Reply-template placeholders: plain names substituted from a whitelist.

A body is text with `{name}` or `{name|fallback}` slots; `{{` and `}}` write
literal braces. Names come from PLACEHOLDERS and nothing else: there is no
attribute or index access, no conversion, no format spec, no code. Anything
else in braces is reported as a problem and left in the text as written, so
a hostile body renders as inert text. Values are inserted as they are and
never parsed again, so a nickname of "{rule}" stays "{rule}".

The scanner is linear: a slot must close within MAX_SLOT characters, and a
body longer than MAX_BODY_CHARS is refused before it is read.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from modconsole.domain.messages import N_, Joined, Message

PLACEHOLDERS = ("nickname", "name", "group", "rule", "rule_detail", "sanction", "until",
                "moderator", "activity", "activity_time", "location", "points", "today")
MAX_BODY_CHARS = 20_000
# A filled-in reply may be longer than its body (values replace slots), not without end.
MAX_RENDERED_CHARS = 2 * MAX_BODY_CHARS
MAX_SLOT = 200  # longest `{name|fallback}` including braces

_SLOT = re.compile(r"([a-z_]+)(?:\|([^{}|]*))?")
_BRACE = re.compile(r"[{}]")


class TemplateError(ValueError):
    """A body that cannot be rendered at all (too long, or strict rendering failed)."""


class ProblemKind(StrEnum):
    UNKNOWN = "unknown"  # {nickame}: a plain name, but not one we know
    MALFORMED = "malformed"  # {0}, {a.b}, {x!r}, {x:>9}: not a placeholder at all
    UNBALANCED = "unbalanced"  # a lone { or }


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    start: int
    end: int
    text: str
    suggestion: str | None = None

    def describe(self) -> Message:
        """A sentence for the CLI; the GUI words its own from the fields."""
        at = self.start + 1
        if self.kind is ProblemKind.UNKNOWN:
            if self.suggestion:
                return N_("placeholders", "unknown placeholder {text} at character {at} (did "
                                          "you mean {{{suggestion}}}?)").format(
                    text=self.text, at=at, suggestion=self.suggestion)
            return N_("placeholders", "unknown placeholder {text} at character {at}").format(
                text=self.text, at=at)
        if self.kind is ProblemKind.MALFORMED:
            return N_("placeholders", "{text} at character {at} is not a placeholder and is "
                                      "kept as written (placeholders are plain names like "
                                      "{{nickname}})").format(text=self.text, at=at)
        return N_("placeholders", "lone '{text}' at character {at} is kept as written (write "
                                  "{{{{ or }}}} for a literal brace)").format(text=self.text, at=at)


@dataclass(frozen=True)
class Slot:
    name: str
    fallback: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Parsed:
    parts: tuple[str | Slot, ...]
    problems: tuple[Problem, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Placeholders used, in first-use order."""
        return tuple(dict.fromkeys(p.name for p in self.parts if isinstance(p, Slot)))


@dataclass(frozen=True)
class Rendered:
    text: str
    missing: tuple[str, ...]  # used without a value or a fallback; left as {name}
    problems: tuple[Problem, ...] = field(default=())

    @property
    def chars(self) -> int:
        return len(self.text)

    @property
    def bytes(self) -> int:
        return len(self.text.encode("utf-8"))


def check_length(body: str) -> None:
    if len(body) > MAX_BODY_CHARS:
        raise TemplateError(N_("placeholders", "The body is {n_body:,} characters; the "
                                               "limit is {MAX_BODY_CHARS:,}. Shorten it "
                                               "or split it into two templates.").format(
                                n_body=len(body), MAX_BODY_CHARS=MAX_BODY_CHARS))


def parse(body: str) -> Parsed:
    check_length(body)
    parts: list[str | Slot] = []
    problems: list[Problem] = []
    text: list[str] = []
    i, n = 0, len(body)
    while i < n:
        brace = _BRACE.search(body, i)
        if brace is None:
            text.append(body[i:])
            break
        text.append(body[i:brace.start()])
        i = brace.start()
        if body.startswith("{{", i) or body.startswith("}}", i):
            text.append(body[i])
            i += 2
            continue
        if body[i] == "}":
            problems.append(Problem(ProblemKind.UNBALANCED, i, i + 1, "}"))
            text.append("}")
            i += 1
            continue
        close = _BRACE.search(body, i + 1, min(n, i + MAX_SLOT))
        if close is None or close.group() == "{":
            problems.append(Problem(ProblemKind.UNBALANCED, i, i + 1, "{"))
            text.append("{")
            i += 1
            continue
        end = close.end()
        raw = body[i:end]
        slot = _SLOT.fullmatch(body, i + 1, end - 1)
        if slot is None:
            problems.append(Problem(ProblemKind.MALFORMED, i, end, raw))
            text.append(raw)
        elif slot[1] not in PLACEHOLDERS:
            close_names = difflib.get_close_matches(slot[1], PLACEHOLDERS, n=1)
            problems.append(Problem(ProblemKind.UNKNOWN, i, end, raw,
                                    close_names[0] if close_names else None))
            text.append(raw)
        else:
            parts.append("".join(text))
            text = []
            parts.append(Slot(slot[1], slot[2], i, end))
        i = end
    parts.append("".join(text))
    return Parsed(tuple(p for p in parts if p != ""), tuple(problems))


def render(body: str, values: Mapping[str, str]) -> Rendered:
    """Substitute values; an empty or absent value takes the fallback, else stays `{name}`."""
    parsed = parse(body)
    out: list[str] = []
    missing: list[str] = []
    size = 0
    for part in parsed.parts:
        if isinstance(part, str):
            text = part
        elif value := values.get(part.name) or "":
            text = str(value)
        elif part.fallback is not None:
            text = part.fallback
        else:
            text = "{" + part.name + "}"
            missing.append(part.name)
        size += len(text)
        if size > MAX_RENDERED_CHARS:
            raise TemplateError(N_("placeholders", "The filled-in reply would be over "
                                                   "{MAX_RENDERED_CHARS:,} characters; "
                                                   "shorten the template or the values "
                                                   "put in it.").format(
                                    MAX_RENDERED_CHARS=MAX_RENDERED_CHARS))
        out.append(text)
    return Rendered("".join(out), tuple(dict.fromkeys(missing)), parsed.problems)


def render_strict(body: str, values: Mapping[str, str]) -> str:
    """For scripts: any unknown placeholder or value without a fallback is an error."""
    rendered = render(body, values)
    unknown = [p for p in rendered.problems if p.kind is ProblemKind.UNKNOWN]
    if unknown:
        raise TemplateError(N_("placeholders", "The template has {problems}.").format(
            problems=Joined([p.describe() for p in unknown])))
    if rendered.missing:
        names = ", ".join("{" + n + "}" for n in rendered.missing)
        raise TemplateError(N_("placeholders", "No value for {names}. Give one (for "
                                               "example --var {value}=…) or add a "
                                               "fallback like {{{value}|…}} to the "
                                               "template.").format(
                                names=names, value=rendered.missing[0]))
    return rendered.text


@dataclass(frozen=True)
class Limit:
    """How long a message to one destination may be; either bound may be absent."""

    chars: int | None = None
    bytes: int | None = None

    def exceeded_by(self, rendered: Rendered) -> list[tuple[str, int, int]]:
        """(unit, size, limit) for each bound the text is over; unit is "chars" or "bytes"."""
        over = []
        if self.chars is not None and rendered.chars > self.chars:
            over.append(("chars", rendered.chars, self.chars))
        if self.bytes is not None and rendered.bytes > self.bytes:
            over.append(("bytes", rendered.bytes, self.bytes))
        return over
