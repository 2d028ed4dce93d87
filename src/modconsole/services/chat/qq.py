"""QQ's exported chat record (消息记录, .txt), read line by line.

    消息对象:产品交流群
    ================================================================

    2024-01-01 12:00:00 【管理员】张三(123456789)
    大家好

    2024-01-01 12:01:05 李四<lisi@example.com>
    [图片]

A header line starts each message: local time, an optional title in 【】,
the group nickname, and the QQ number (or the e-mail of an old account).
The text runs until the next header. QQ's system account (10000) announces
joins and leaves in words, which are read as join and leave events.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from modconsole.domain.messages import N_
from modconsole.services.chat.messages import (
    JOIN,
    LEAVE,
    NOTICE,
    BadMessage,
    ChatExport,
    ChatFileError,
    ChatMessage,
    Repeats,
    hashed_key,
    local_seconds,
)
from modconsole.services.table_files import detect_encoding

HEADER = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2}) (?:【[^】]*】)?(.*?)"
                    r"(?:\((\d{4,12})\)|<([^<>\s]+)>)\s*$")
CHAT = re.compile(r"^消息对象[:：](.+)$")
MEDIA = re.compile(r"\[(?:图片|文件|表情|语音|视频|动画表情)\]")
SYSTEM_ID = "10000"
JOINED = re.compile(r"^(.+?)(?:\((\d{4,12})\))?\s*(?:加入了?本群|加入了?群聊|已加入群聊)")
LEFT = re.compile(r"^(.+?)(?:\((\d{4,12})\))?\s*"
                  r"(?:退出了?本群|退出了?群聊|已退出群聊|被.{0,10}移出)")
SNIFF_LINES = 60


def sniff(path: Path, head: bytes) -> bool:
    """A QQ record: its banner, or a message header within the first lines."""
    try:
        text = head.decode(detect_encoding(path), errors="replace")
    except (LookupError, ValueError):
        return False
    lines = text.splitlines()[:SNIFF_LINES]
    return any("消息记录" in line for line in lines[:3]) or any(HEADER.match(line)
                                                              for line in lines)


def open_export(path: Path, zone: ZoneInfo) -> ChatExport:
    encoding = detect_encoding(path)
    chat_name = _chat_name(path, encoding)
    opened: list = []  # the stream's file, once reading starts
    export = ChatExport("qq", chat_name, chat_name, iter(()), path.stat().st_size,
                        lambda: _offset(opened))
    export.read = _messages(opened, path, encoding, zone, export)
    return export


def _offset(opened: list) -> int:
    try:
        return opened[0].buffer.tell() if opened else 0
    except (OSError, ValueError):  # closed, or mid-character
        return 0


def _chat_name(path: Path, encoding: str) -> str:
    with path.open("r", encoding=encoding, errors="replace") as handle:
        for number, line in enumerate(handle):
            found = CHAT.match(line.strip())
            if found:
                return found.group(1).strip()
            if number > SNIFF_LINES:
                break
    return path.stem


def _messages(opened: list, path: Path, encoding: str, zone: ZoneInfo, export: ChatExport
              ) -> Iterator[ChatMessage]:
    repeats, current, body, number = Repeats(), None, [], 0
    handle = path.open("r", encoding=encoding, errors="strict", newline="")
    opened.append(handle)
    try:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\r\n")
            header = HEADER.match(line)
            if header is None:
                if current is not None:
                    body.append(line)
                continue
            done = _finish(current, body, repeats)
            if done is not None:
                yield done
            current, body = _start(header, number, zone, export), []
        done = _finish(current, body, repeats)
        if done is not None:
            yield done
    except UnicodeDecodeError as exc:
        raise ChatFileError(N_("chat_import", "{name}, line {line}: the bytes are not "
                                              "{encoding} text ({exc}).").format(
                                name=path.name, line=number + 1, encoding=handle.encoding,
                                exc=exc.reason)) from None
    finally:
        handle.close()


def _start(header: re.Match, number: int, zone: ZoneInfo, export: ChatExport
           ) -> ChatMessage | None:
    stamp, name, qq, email = header.groups()
    try:
        at = local_seconds(datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S"), zone)
    except ValueError as exc:
        export.errors.append(BadMessage(
            N_("chat_import", "line {line}").format(line=number),
            N_("chat_import", "the time '{value}' is not a date ({exc})").format(
                value=stamp, exc=exc)))
        return None
    return ChatMessage(at, qq or email or "", name.strip(), position=number)


def _finish(message: ChatMessage | None, body: list[str], repeats: Repeats
            ) -> ChatMessage | None:
    if message is None:
        return None
    while body and not body[-1].strip():
        body.pop()
    message.text = "\n".join(body)
    message.media = len(MEDIA.findall(message.text))
    sender = message.sender_id or message.sender_name
    message.key = hashed_key(message.at, sender, message.text,
                             repeats(message.at, sender, message.text))
    if message.sender_id == SYSTEM_ID:
        _as_event(message)
    return message


def _as_event(message: ChatMessage) -> None:
    """The system account's "张三(123)加入本群" and "张三退出了本群" as join and leave events."""
    text = message.text.strip()
    for pattern, kind in ((JOINED, JOIN), (LEFT, LEAVE)):
        found = pattern.match(text)
        if found:
            message.kind = kind
            message.subjects = ((found.group(2) or "", found.group(1).strip()),)
            return
    message.kind = NOTICE
