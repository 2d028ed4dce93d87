"""Sentences for people, kept untranslated until someone shows them.

Services and domain code run without Qt (and in the CLI), so they cannot
translate. They mark a sentence with `N_(context, source)` — lupdate is told
to collect N_ like QT_TRANSLATE_NOOP — and fill its `{name}` fields with
`.format(...)`. The GUI and the CLI turn the result into their language with
`message.translated(translate)`; `str()` gives the English, for logs and tests.
"""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str, str], str]


def english(context: str, source: str) -> str:
    """The Translate that keeps the English source."""
    return source


class Message:
    """An English source sentence, its translation context and its field values."""

    __slots__ = ("args", "context", "kwargs", "source")

    def __init__(self, context: str, source: str, args: tuple = (), kwargs: dict | None = None):
        self.context = context
        self.source = source
        self.args = args
        self.kwargs = kwargs or {}

    def format(self, *args, **kwargs) -> Message:
        return Message(self.context, self.source, args, kwargs)

    def translated(self, translate: Translate) -> str:
        """The sentence in `translate`'s language; values that are messages are translated too.

        A translation whose fields do not match the source (a translator's
        slip) falls back to the English sentence rather than failing.
        """
        args = [localize(a, translate) for a in self.args]
        kwargs = {k: localize(v, translate) for k, v in self.kwargs.items()}
        text = translate(self.context, self.source) or self.source
        try:
            return text.format(*args, **kwargs)
        except (IndexError, KeyError, ValueError):
            return self.source.format(*args, **kwargs)

    def __str__(self) -> str:
        return self.translated(english)

    def __repr__(self) -> str:
        return f"Message({str(self)!r})"

    def __eq__(self, other) -> bool:
        if isinstance(other, Message):
            return (self.context, self.source, self.args, self.kwargs) == (
                other.context, other.source, other.args, other.kwargs)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.context, self.source))


def N_(context: str, source: str) -> Message:
    """Mark `source` for translation under `context`; `.format()` it, translate it when shown."""
    return Message(context, source)


class Joined:
    """Several messages (or texts) shown as one sentence, `separator` between them."""

    __slots__ = ("parts", "separator")

    def __init__(self, parts, separator: str = "; "):
        self.parts = tuple(parts)
        self.separator = separator

    def translated(self, translate: Translate) -> str:
        return self.separator.join(str(localize(p, translate)) for p in self.parts)

    def __str__(self) -> str:
        return self.translated(english)


class Either:
    """A value people stored in both languages (a rule's title): the one the reader reads."""

    __slots__ = ("en", "zh")

    def __init__(self, zh: str, en: str):
        self.zh, self.en = zh, en

    def translated(self, translate: Translate) -> str:
        chinese = translate("messages", LANGUAGE.source).startswith("zh")
        return (self.zh if chinese else self.en) or self.en or self.zh

    def __str__(self) -> str:
        return self.translated(english)


# the catalogue's own language; the zh_CN catalogue translates it as "zh_CN"
LANGUAGE = N_("messages", "en")


def localize(value, translate: Translate):
    """`value` for display: messages (also inside an exception) translated, the rest as is."""
    if isinstance(value, (Message, Joined, Either)):
        return value.translated(translate)
    if isinstance(value, BaseException) and value.args and isinstance(value.args[0], Message):
        return value.args[0].translated(translate)
    return value


def in_english(value) -> str:
    """The English text of a message, an exception or anything else."""
    return str(localize(value, english))


def reason(exc: BaseException) -> Message | str:
    """What an exception says, kept translatable when it carries a message."""
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, Message) else str(exc)
