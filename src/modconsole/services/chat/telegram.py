"""Telegram Desktop's JSON chat export (`result.json` of one group or supergroup).

The file is one object: the chat's name, type and id, then a `messages`
array. It is read twice, never whole: the chat's fields from the head,
then the messages one by one with ijson's C parser. Times come from
`date_unixtime` (UTC) where the export has it, else from `date` in the
given zone (the exporting computer's clock). Service messages for joins
and leaves become join and leave events.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

import ijson

from modconsole.domain.messages import N_, Message, reason
from modconsole.services.chat.messages import (
    JOIN,
    LEAVE,
    MESSAGE,
    BadMessage,
    ChatExport,
    ChatFileError,
    ChatMessage,
    local_seconds,
    plausible,
)

GROUP_TYPES = ("private_group", "private_supergroup", "public_supergroup", "public_group")
JOINS = ("join_group_by_link", "join_group_by_request")
LINK_TYPES = ("link", "text_link")
MENTION_TYPES = ("mention", "mention_name")
MEDIA_FIELDS = frozenset(("photo", "file", "media_type", "sticker_emoji", "poll",
                          "location_information"))
HEAD_EVENTS = 10_000  # the chat's fields come first; past this many events they are missing


def sniff(head: bytes) -> bool:
    """Whether a file's first bytes look like a JSON object (Telegram's, if anything)."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def open_export(path: Path, zone: ZoneInfo) -> ChatExport:
    head = _head(path)
    if head.get("type") not in GROUP_TYPES:
        raise ChatFileError(N_("chat_import", "{name} is a Telegram export of a {kind}, not of "
                                              "a group; export the group's history "
                                              "instead.").format(
                                name=path.name, kind=head.get("type") or "?"))
    opened: list[BinaryIO] = []  # the stream's file, once reading starts
    export = ChatExport("telegram", str(head.get("id", "")) or head.get("name", ""),
                        str(head.get("name") or path.stem), iter(()), path.stat().st_size,
                        lambda: opened[0].tell() if opened and not opened[0].closed else 0)
    export.read = _messages(opened, path, zone, export)
    return export


def _head(path: Path) -> dict:
    """The chat's name, type and id, read up to the start of the messages array."""
    head: dict = {}
    try:
        with path.open("rb") as handle:
            for n, (prefix, event, value) in enumerate(ijson.parse(handle)):
                if prefix in ("name", "type", "id") and event in ("string", "number"):
                    head[prefix] = value
                elif prefix == "chats" and event == "start_map":
                    raise ChatFileError(N_("chat_import", "{name} is a whole-account "
                                                          "Telegram export; export one "
                                                          "group's history instead (the "
                                                          "group's ⋮ menu, Export chat "
                                                          "history, JSON).").format(
                                            name=path.name))
                elif prefix == "messages" and event == "start_array":
                    return head
                elif n > HEAD_EVENTS or (prefix == "" and event == "end_map"):
                    break
    except ijson.JSONError as exc:
        raise ChatFileError(N_("chat_import", "{name} is not readable JSON near its start "
                                              "({exc}).").format(
                                name=path.name, exc=_short(exc))) from None
    raise ChatFileError(N_("chat_import", "{name} has no \"messages\" list: it is not a "
                                          "Telegram chat export.").format(name=path.name))


def _messages(opened: list, path: Path, zone: ZoneInfo, export: ChatExport
              ) -> Iterator[ChatMessage]:
    """Opens the file when reading starts, so an export looked at and dropped holds none."""
    number, last_id, ids = 0, None, {}
    handle = path.open("rb")
    opened.append(handle)
    try:
        for number, raw in enumerate(ijson.items(handle, "messages.item", use_float=True),
                                     start=1):
            if not isinstance(raw, dict):
                export.errors.append(BadMessage(_where(number, None),
                                                N_("chat_import", "is not a message object")))
                continue
            last_id = raw.get("id")
            try:
                message = _message(raw, zone, ids)
            except (ValueError, TypeError, OverflowError) as exc:
                export.errors.append(BadMessage(_where(number, last_id), N_(
                    "chat_import", "cannot be read: {exc}").format(exc=_short(exc))))
                continue
            if message is not None:
                message.position = number
                yield message
    except ijson.JSONError as exc:
        raise ChatFileError(N_("chat_import", "{name} breaks off or is damaged after message "
                                              "{number} (id {id}), near byte {offset}: "
                                              "{exc}. Export the chat again.").format(
                                name=path.name, number=number, id=last_id,
                                offset=handle.tell(), exc=_short(exc))) from None
    finally:
        handle.close()


def _where(number: int, message_id):
    return N_("chat_import", "message {number} (id {id})").format(number=number, id=message_id)


def _short(exc: Exception) -> Message | str:
    """The exception's own message (translatable when it is ours), its first line only."""
    said = reason(exc)
    if isinstance(said, Message):
        return said
    return said.splitlines()[0][:120] if said else type(exc).__name__


def _time(raw: dict, zone: ZoneInfo) -> int:
    """`date_unixtime`; older exports have none, and their `date` is the exporting
    computer's clock."""
    stamp = raw.get("date_unixtime")
    if stamp is not None:
        return plausible(int(stamp))
    date = raw.get("date")
    if not isinstance(date, str):
        raise ValueError(N_("chat_import", "it has no date"))
    return local_seconds(datetime.fromisoformat(date), zone)


def _id(value) -> str:
    """`user123456` -> `123456`: members match by their numeric Telegram id."""
    if value is None:
        return ""
    value = str(value)
    return value[4:] if value.startswith("user") and value[4:].isdigit() else value


def _entities(text) -> tuple[str, int, int]:
    """Text with entities as plain text, and its links and mentions as Telegram marked them."""
    parts, links, mentions = [], 0, 0
    for part in text if isinstance(text, list) else ():
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict):
            parts.append(str(part.get("text", "")))
            kind = part.get("type")
            links += kind in LINK_TYPES
            mentions += kind in MENTION_TYPES
    return "".join(parts), links, mentions


def _message(raw: dict, zone: ZoneInfo, ids: dict) -> ChatMessage | None:
    """One message; `ids` keeps each sender's id as read, for the next of their messages."""
    kind, message_id = raw.get("type"), raw.get("id")
    key = message_id if type(message_id) is int else None
    if kind == "message":
        text = raw.get("text", "")
        if type(text) is str:
            links = mentions = -1
        else:
            text, links, mentions = _entities(text)
        sender = raw.get("from_id")
        sender_id = ids.get(sender)
        if sender_id is None:
            sender_id = ids[sender] = _id(sender)
        return ChatMessage(_time(raw, zone), sender_id, str(raw.get("from") or ""), text, key,
                           MESSAGE, 0 if MEDIA_FIELDS.isdisjoint(raw) else 1, links, mentions,
                           "reply_to_message_id" in raw)
    if kind != "service":
        return None
    action = raw.get("action")
    actor = (_id(raw.get("actor_id")), str(raw.get("actor") or ""))
    names = [str(n) for n in raw.get("members") or () if n]
    if action in JOINS:
        subjects = (actor,)
    elif action in ("invite_members", "remove_members"):
        # one name that is the actor's own: joined a public group, or left, by themselves
        subjects = (actor,) if names == [actor[1]] else tuple(("", n) for n in names)
    else:
        return None
    return ChatMessage(_time(raw, zone), actor[0], actor[1], "", key,
                       LEAVE if action == "remove_members" else JOIN, subjects=subjects)
