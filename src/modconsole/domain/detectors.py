"""Detectors: what a rule looks for in chat messages, and the scanner that looks.

A rule carries its detectors as JSON, one of each kind at most:

    {"keywords": ["赌博", "博彩"], "regex": ["代开.{0,4}发票"],
     "promotion": ["phones", "wechat_ids", "add_me", "qr"],
     "flood": {"messages": 8, "seconds": 10}, "repeat": {"times": 3, "seconds": 600},
     "mentions": 5}

Text is compared after NFKC and case folding, so full-width "ＶＸ" and "vx"
match alike. The scanner sees a chat's messages in order, once, and keeps
only what flood and repeat windows need.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import deque
from dataclasses import dataclass, field

from modconsole.domain.messages import N_

KINDS = ("keywords", "regex", "promotion", "flood", "repeat", "mentions")
KIND_NAMES = {"keywords": N_("detectors", "keywords"), "regex": N_("detectors", "patterns"),
              "promotion": N_("detectors", "promotion"), "flood": N_("detectors", "flooding"),
              "repeat": N_("detectors", "repeating"), "mentions": N_("detectors", "mentions")}
SIGNALS = ("links", "phones", "wechat_ids", "add_me", "qr")
MAX_WORDS = 2000
MAX_WORD = 100
MAX_PATTERN = 300
MAX_TEXT = 4000  # longer messages are scanned in their first 4,000 characters

PROMOTION = {
    "links": re.compile(r"https?://|www\.|\bt\.me/"),
    "phones": re.compile(r"(?<!\d)1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)"),
    "wechat_ids": re.compile(r"(?:微信|薇信|威信|vx|v信|wx|weixin|wechat)\s*号?\s*[:：]?\s*"
                             r"[a-z][-_a-z0-9]{5,19}|wxid_[a-z0-9]{4,}"),
    "add_me": re.compile(r"加\s*(?:v|vx|微|微信|薇|威|我微信|q|qq|扣扣)(?![a-z])"
                         r"|私聊领取|私信领取|扫码(?:进群|领取|加)"),
    "qr": re.compile(r"二维码|扫码|qr\s?code"),
}
MENTION = re.compile(r"(?<![\w.])@[^\s@]+")


class DetectorError(ValueError):
    """Detector settings that cannot be used; the message says which and why."""


def normalise(text: str) -> str:
    """Full-width to half-width, compatibility forms folded, case folded."""
    text = text[:MAX_TEXT]
    if text.isascii():  # NFKC leaves ASCII as it is
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True)
class Window:
    count: int
    seconds: int


@dataclass(frozen=True)
class Detectors:
    """One rule's detectors; empty fields are off."""

    keywords: tuple[str, ...] = ()
    regex: tuple[str, ...] = ()
    promotion: tuple[str, ...] = ()
    flood: Window | None = None
    repeat: Window | None = None
    mentions: int = 0

    def kinds(self) -> list[str]:
        return [k for k in KINDS if getattr(self, k)]

    def to_json(self) -> str | None:
        data: dict = {}
        if self.keywords:
            data["keywords"] = list(self.keywords)
        if self.regex:
            data["regex"] = list(self.regex)
        if self.promotion:
            data["promotion"] = list(self.promotion)
        if self.flood:
            data["flood"] = {"messages": self.flood.count, "seconds": self.flood.seconds}
        if self.repeat:
            data["repeat"] = {"times": self.repeat.count, "seconds": self.repeat.seconds}
        if self.mentions:
            data["mentions"] = self.mentions
        return json.dumps(data, ensure_ascii=False) if data else None


def _words(value, kind: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise DetectorError(N_("detectors", "{kind} must be a list of texts").format(
            kind=KIND_NAMES[kind]))
    words = tuple(dict.fromkeys(w.strip() for w in value if w.strip()))
    if len(words) > MAX_WORDS:
        raise DetectorError(N_("detectors", "{kind} holds {n} entries; at most {most}").format(
            kind=KIND_NAMES[kind], n=len(words), most=MAX_WORDS))
    limit = MAX_WORD if kind == "keywords" else MAX_PATTERN
    for word in words:
        if len(word) > limit:
            raise DetectorError(N_("detectors", "{kind}: '{word}…' is longer than {n} "
                                         "characters").format(kind=KIND_NAMES[kind],
                                                              word=word[:20], n=limit))
        if kind == "regex":
            try:
                re.compile(word)
            except re.error as exc:
                raise DetectorError(N_("detectors", "'{word}' is not a regular expression: "
                                             "{exc}").format(word=word, exc=exc)) from None
    return words


def _window(value, kind: str, count_key: str) -> Window:
    if not isinstance(value, dict) or set(value) != {count_key, "seconds"}:
        raise DetectorError(N_("detectors", "{kind} must give {count} and seconds").format(
            kind=KIND_NAMES[kind], count=count_key))
    count, seconds = value[count_key], value["seconds"]
    if not (isinstance(count, int) and 2 <= count <= 1000 and isinstance(seconds, int)
            and 1 <= seconds <= 86_400):
        raise DetectorError(N_("detectors", "{kind}: {count} must be 2 to 1000 and seconds 1 to "
                                     "86400").format(kind=KIND_NAMES[kind], count=count_key))
    return Window(count, seconds)


def parse(text: str | None) -> Detectors:
    """A rule's detectors from its JSON; DetectorError names the part that is wrong."""
    if not text:
        return Detectors()
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise DetectorError(N_("detectors", "the detectors are not readable JSON: {exc}").format(
            exc=exc)) from None
    if not isinstance(data, dict):
        raise DetectorError(N_("detectors", "the detectors must be a JSON object"))
    unknown = set(data) - set(KINDS)
    if unknown:
        raise DetectorError(N_("detectors", "unknown detector {kinds}; use {known}").format(
            kinds=", ".join(sorted(unknown)), known=", ".join(KINDS)))
    promotion = data.get("promotion", [])
    if promotion is True:
        promotion = list(SIGNALS)
    if not isinstance(promotion, list) or set(promotion) - set(SIGNALS):
        raise DetectorError(N_("detectors", "promotion must list some of {signals}").format(
            signals=", ".join(SIGNALS)))
    mentions = data.get("mentions", 0)
    if not (isinstance(mentions, int) and (mentions == 0 or 2 <= mentions <= 500)):
        raise DetectorError(N_("detectors", "mentions must be a number of mentions from 2 to 500"))
    return Detectors(
        keywords=_words(data.get("keywords", []), "keywords"),
        regex=_words(data.get("regex", []), "regex"),
        promotion=tuple(s for s in SIGNALS if s in promotion),
        flood=_window(data["flood"], "flood", "messages") if "flood" in data else None,
        repeat=_window(data["repeat"], "repeat", "times") if "repeat" in data else None,
        mentions=mentions)


def _keyword(word: str) -> str:
    """A keyword as a pattern: Latin words match whole ("sb" is not in "usb"), Chinese ones
    anywhere (Chinese has no spaces between words)."""
    word = normalise(word)
    if word.isascii() and word.replace(" ", "").isalnum():
        return rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])"
    return re.escape(word)


@dataclass(frozen=True)
class Hit:
    rule: str  # the rule's code
    kind: str  # which of its detectors
    matched: str  # what it matched, for the moderator ("赌博", "8 messages in 10 s")


@dataclass
class _Sender:
    times: deque = field(default_factory=deque)  # flood: recent message times
    texts: dict = field(default_factory=dict)  # repeat: text -> recent times


class Scanner:
    """Every rule's detectors over one chat's messages, in time order.

    It runs once per imported message, so the common case is kept cheap: the
    rules are sorted by kind once, one search over every rule's keywords and
    one over every promotion signal tell most messages apart, and thresholds
    are compared with the lowest of any rule before a rule is looked at.
    """

    def __init__(self, rules: dict[str, Detectors]):
        live = {code: d for code, d in rules.items() if d.kinds()}
        self._rules = live
        self._keywords = [(code, re.compile("|".join(_keyword(w) for w in sorted(
            d.keywords, key=len, reverse=True)))) for code, d in live.items() if d.keywords]
        self._any_keyword = _either([p for _, p in self._keywords])
        self._patterns = [(code, [re.compile(p, re.IGNORECASE) for p in d.regex])
                          for code, d in live.items() if d.regex]
        self._promotion = [(code, d.promotion) for code, d in live.items() if d.promotion]
        self._any_signal = _either([PROMOTION[s] for s in SIGNALS
                                    if any(s in signals for _, signals in self._promotion)])
        self._mentions = [(code, d.mentions) for code, d in live.items() if d.mentions]
        self._flood = [(code, d.flood) for code, d in live.items() if d.flood]
        self._repeat = [(code, d.repeat) for code, d in live.items() if d.repeat]
        self._least = {  # no rule fires below these
            "mentions": min([n for _, n in self._mentions], default=0),
            "flood": min([w.count for _, w in self._flood], default=0),
            "repeat": min([w.count for _, w in self._repeat], default=0)}
        self._flood_span = max([w.seconds for _, w in self._flood], default=0)
        self._repeat_span = max([w.seconds for _, w in self._repeat], default=0)
        self._senders: dict[str, _Sender] = {}

    def __bool__(self) -> bool:
        return bool(self._rules)

    def scan(self, sender: str, at: int, text: str, media: int = 0,
             mentions: int = -1) -> list[Hit]:
        """The hits of one message by `sender` at `at` (Unix seconds), in KINDS order."""
        hits: list[Hit] = []
        plain = normalise(text) if text else ""
        state = self._senders.get(sender)
        if state is None:
            state = self._senders[sender] = _Sender()
        if self._any_keyword is not None and self._any_keyword.search(plain):
            for code, pattern in self._keywords:
                found = pattern.search(plain)
                if found:
                    hits.append(Hit(code, "keywords", found.group()))
        for code, patterns in self._patterns:
            found = next(filter(None, (p.search(plain) for p in patterns)), None)
            if found:
                hits.append(Hit(code, "regex", found.group()[:80]))
        if self._any_signal is not None and self._any_signal.search(plain):
            for code, signals in self._promotion:
                for name in signals:
                    found = None if name == "qr" and not media else PROMOTION[name].search(plain)
                    if found:
                        hits.append(Hit(code, "promotion", found.group()[:80]))
                        break
        if self._mentions:
            if mentions < 0:
                mentions = len(MENTION.findall(text)) if "@" in text else 0
            if mentions >= self._least["mentions"]:
                hits += [Hit(code, "mentions", str(mentions)) for code, n in self._mentions
                         if mentions >= n]
        if self._flood:
            hits += self._flooding(state.times, at)
        if self._repeat and plain and not plain.isspace():
            hits += self._repeating(state, plain, at)
        return hits

    def _flooding(self, times: deque, at: int) -> list[Hit]:
        times.append(at)
        while times[0] < at - self._flood_span:
            times.popleft()
        if len(times) < self._least["flood"]:
            return []
        hits = []
        for code, window in self._flood:
            recent = sum(1 for t in times if t >= at - window.seconds)
            if recent >= window.count:
                hits.append(Hit(code, "flood", f"{recent}/{window.seconds}s"))
        if hits:
            times.clear()  # one hit per burst
        return hits

    def _repeating(self, state: _Sender, plain: str, at: int) -> list[Hit]:
        seen = state.texts.get(plain)
        if seen is None:
            seen = state.texts[plain] = deque()
            if len(state.texts) > 200:  # old texts fall out of every window
                state.texts = {t: q for t, q in state.texts.items()
                               if q and q[-1] >= at - self._repeat_span}
                state.texts[plain] = seen
        seen.append(at)
        while seen[0] < at - self._repeat_span:
            seen.popleft()
        if len(seen) < self._least["repeat"]:
            return []
        hits = []
        for code, window in self._repeat:
            recent = sum(1 for t in seen if t >= at - window.seconds)
            if recent >= window.count:
                hits.append(Hit(code, "repeat", f"{recent}×"))
        if hits:
            seen.clear()
        return hits


def _either(patterns: list[re.Pattern]) -> re.Pattern | None:
    """One pattern that matches where any of these does: a quick first test."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns)) if patterns else None
