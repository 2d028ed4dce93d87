"""One chat message as every export format hands it on, and what the formats share.

A parser yields `ChatMessage`s in file order and never holds the file: a
year of a busy group is millions of messages. Problems with one message go
to the export's `errors` (the import refuses or skips them as asked); a
file that cannot be read on raises `ChatFileError` naming the place.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from zoneinfo import ZoneInfo

from modconsole.domain.messages import N_, Message
from modconsole.services.errors import UserError

MESSAGE, JOIN, LEAVE = "message", "join", "leave"
NOTICE = "notice"  # a platform's announcement that is no one's activity
LINK = re.compile(r"https?://|www\.|\bt\.me/", re.I)
MENTION = re.compile(r"(?<![\w.])@[^\s@]+")
EPOCH_DAY = 719163  # date(1970, 1, 1).toordinal()
EARLIEST, LATEST = 631_152_000, 4_102_444_800  # 1990-01-01 and 2100-01-01, UTC


class ChatFileError(UserError):
    """The file is not an export this console reads, or breaks off; nothing was imported."""


@dataclass(frozen=True)
class BadMessage:
    where: Message  # "message 12 (id 345)", "line 1,234", "row 7, column 时间"
    reason: Message


@dataclass(slots=True)
class ChatMessage:
    at: int  # Unix seconds (UTC)
    sender_id: str  # the platform's id; "" when the export names the sender only
    sender_name: str
    text: str = ""
    key: int | None = None  # the export's message id; None: a hash of time, sender and text
    kind: str = MESSAGE  # message, join, leave or notice
    media: int = 0  # images, files, stickers, voice
    links: int = -1  # -1: count them in the text
    mentions: int = -1
    reply: bool = False  # answers another message (counted as a comment)
    subjects: tuple[tuple[str, str], ...] = ()  # who joined or left: (id, name) pairs
    chat: str = ""  # a table's group column; "" is the export's own chat
    position: int = 0  # its message number, line or row in the file

    def counts(self) -> tuple[int, int, int]:
        """Links, media and mentions."""
        text = self.text
        links, mentions = self.links, self.mentions
        if links < 0:  # the substring tests spare most messages the regular expression
            links = len(LINK.findall(text)) if ("http" in text or "www." in text
                                                or "t.me" in text) else 0
        if mentions < 0:
            mentions = len(MENTION.findall(text)) if "@" in text else 0
        return links, self.media, mentions


@dataclass
class ChatExport:
    """An opened export: its format and chat, its messages, and how far reading got."""

    platform: str  # telegram, qq, table
    chat_key: str  # the chat's id in the export, else its name
    chat_name: str
    read: Iterator[ChatMessage]
    size: int  # bytes (or rows), for progress
    position: Callable[[], int]  # how far reading got, in the same unit
    errors: list[BadMessage] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # a table's mapping: field -> column
    file_name: str = ""

    def messages(self) -> Iterator[ChatMessage]:
        return self.read


def hashed_key(at: int, sender: str, text: str, repeat: int) -> int:
    """A message's identity where the export gives none: its time, sender, text and how many
    identical ones came before it in the same second, as a signed 64-bit number."""
    digest = hashlib.blake2b(f"{at}\x1f{sender}\x1f{text}\x1f{repeat}".encode(),
                             digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class Repeats:
    """How many identical messages came just before in the same second (for `hashed_key`)."""

    def __init__(self):
        self._second, self._seen = None, {}

    def __call__(self, at: int, sender: str, text: str) -> int:
        if at != self._second:
            self._second, self._seen = at, {}
        n = self._seen.get((sender, text), 0)
        self._seen[sender, text] = n + 1
        return n


def pack(idents: list[tuple[int, int]]) -> bytes:
    """(time, identity) pairs as chat_seen keeps them: all times, then all identities."""
    return (array("q", [at for at, _ in idents]).tobytes()
            + array("q", [key for _, key in idents]).tobytes())


def unpack(packed: bytes) -> Iterator[tuple[int, int]]:
    numbers = array("q")
    numbers.frombytes(packed)
    half = len(numbers) // 2
    return zip(numbers[:half], numbers[half:], strict=True)


class LocalDays:
    """Unix seconds -> the local day number in one time zone. Zone offsets are whole quarter
    hours, so one conversion per quarter hour serves every message inside it."""

    def __init__(self, zone: ZoneInfo):
        self.zone = zone
        self.known: dict[int, int] = {}  # quarter hour -> day; a hot loop may read it directly

    def __call__(self, at: int) -> int:
        block = at // 900
        day = self.known.get(block)
        if day is None:
            day = self.known[block] = (datetime.fromtimestamp(block * 900, self.zone).date()
                                       .toordinal() - EPOCH_DAY)
        return day

    def offset(self, at: int) -> int:
        return int(datetime.fromtimestamp(at, self.zone).utcoffset().total_seconds())

    def sql(self, seconds: str, low: int, high: int) -> str:
        """SQL giving the local day of the Unix seconds `seconds` (an expression), exact for
        times in [low, high]: the zone's offset changes there become one CASE branch each."""
        changes, at, offset = [], low, self.offset(low)
        while at < high:
            step = min(at + 86_400, high)
            if self.offset(step) != offset:  # a change within the day: find its quarter hour
                lo, hi = at // 900, step // 900 + 1
                while hi - lo > 1:
                    mid = (lo + hi) // 2
                    lo, hi = (mid, hi) if self.offset(mid * 900) == offset else (lo, mid)
                offset = self.offset(hi * 900)
                changes.append((hi * 900, offset))
                step = hi * 900
            at = step
        first = self.offset(low)
        if not changes:
            return f"(({seconds}) + {first}) / 86400"
        branches = [f"WHEN ({seconds}) < {changes[0][0]} THEN {first}"] + [
            f"WHEN ({seconds}) < {until} THEN {offset}" for (_, offset), (until, _) in
            pairwise(changes)]
        return f"(({seconds}) + CASE {' '.join(branches)} ELSE {changes[-1][1]} END) / 86400"


def local_seconds(moment: datetime, zone: ZoneInfo) -> int:
    """A time from an export as Unix seconds: its own offset if it has one, else `zone`'s."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return plausible(int(moment.timestamp()))


def plausible(at: int) -> int:
    """Unix seconds between 1990 and 2100, or a ValueError: no chat is older, and a damaged
    number must not reach the calendar arithmetic."""
    if not EARLIEST <= at < LATEST:
        raise ValueError(N_("chat_import", "the time {at} is not between 1990 and 2100").format(
            at=at))
    return at
