"""A message table (CSV or XLSX): one row per message, columns mapped like the member import.

The shape WeChat/WeCom archive tools and DiscordChatExporter write: time,
sender id, sender name, group, text, and optionally the message's id and
its attachments. Headers are recognised in Chinese and English; `--map
COLUMN=field` settles the rest. A time with an offset keeps it; one
without is read in the given zone; Unix seconds or milliseconds work too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from modconsole.domain.messages import N_
from modconsole.services.chat.messages import (
    BadMessage,
    ChatExport,
    ChatFileError,
    ChatMessage,
    Repeats,
    hashed_key,
    local_seconds,
    plausible,
)
from modconsole.services.errors import UserError
from modconsole.services.member_import import (
    DATE_FORMATS,
    apply_overrides,
    check_mapping,
    guess_mapping,
)
from modconsole.services.table_files import Table, open_table

FIELDS = ("time", "sender_id", "sender_name", "group", "text", "message_id", "attachments")
SYNONYMS = {
    "time": ("time", "date", "datetime", "timestamp", "sent_at", "时间", "发送时间", "消息时间",
             "日期", "strtime", "createtime", "create_time", "msgtime"),
    "sender_id": ("sender_id", "author_id", "authorid", "user_id", "from_id", "wxid", "sender",
                  "发送者id", "发送人id", "用户id", "微信号", "qq号", "账号", "talker"),
    "sender_name": ("sender_name", "author", "from", "name", "nickname", "发送者", "发送人",
                    "昵称", "群昵称", "用户名"),
    "group": ("group", "chat", "channel", "room", "群", "群名", "群聊", "群名称", "会话",
              "聊天对象"),
    "text": ("text", "content", "message", "body", "strcontent", "内容", "消息内容", "消息",
             "文本"),
    "message_id": ("message_id", "msg_id", "msgid", "msgsvrid", "消息id"),
    "attachments": ("attachments", "attachment", "media", "附件", "文件"),
}
NUMBER = re.compile(r"^\d{9,13}(?:\.\d+)?$")


def open_export(path: Path, zone: ZoneInfo, overrides: list[str] = (),
                encoding: str | None = None) -> ChatExport:
    table = open_table(path, encoding)
    mapping = apply_overrides(table.header, guess_mapping(table.header, SYNONYMS),
                              list(overrides), FIELDS)
    check_mapping(table.header, mapping, ("time", "text"))
    if not {"sender_id", "sender_name"} & set(mapping.values()):
        raise UserError(N_("chat_import", "No column names the sender; the file's columns "
                                          "are {columns}. Map one with --map "
                                          "COLUMN=sender_id (or sender_name).").format(
                            columns=", ".join(table.header)))
    export = ChatExport("table", path.stem, path.stem, iter(()), table.size, table.position,
                        columns={f: table.header[i] for i, f in mapping.items()})
    export.read = _messages(table, mapping, zone, export)
    return export


def parse_time(value: str, zone: ZoneInfo) -> int:
    value = value.strip()
    if NUMBER.match(value):
        seconds = float(value)
        return plausible(int(seconds / 1000 if seconds > 10**11 else seconds))
    try:
        return local_seconds(datetime.fromisoformat(value.replace("Z", "+00:00")), zone)
    except ValueError:
        pass
    for fmt in DATE_FORMATS:
        try:
            return local_seconds(datetime.strptime(value, fmt), zone)
        except ValueError:
            continue
    raise ValueError(value)


def _messages(table: Table, mapping: dict[int, str], zone: ZoneInfo, export: ChatExport
              ) -> Iterator[ChatMessage]:
    column = {f: i for i, f in mapping.items()}
    repeats = Repeats()
    try:
        for number, row in enumerate(table.rows(), start=2):
            if not row:
                continue
            cells = {f: row[i].strip() for f, i in column.items()}
            try:
                at = parse_time(cells["time"], zone)
            except (ValueError, OverflowError, OSError):
                export.errors.append(BadMessage(
                    N_("chat_import", "row {row}, column {column}").format(
                        row=number, column=table.header[column["time"]]),
                    N_("chat_import", "'{value}' is not a time (use 2024-01-31 20:05:00, "
                                      "ISO 8601, or Unix seconds)").format(
                        value=cells["time"][:40])))
                continue
            sender_id, name = cells.get("sender_id", ""), cells.get("sender_name", "")
            if not sender_id and not name:
                export.errors.append(BadMessage(
                    N_("chat_import", "row {row}").format(row=number),
                    N_("chat_import", "names no sender")))
                continue
            text = cells["text"]
            own_id = cells.get("message_id", "")
            key = (int(own_id) if own_id.isdigit() and int(own_id) < 2**63 else
                   hashed_key(at, sender_id or name, text + own_id,
                              repeats(at, sender_id or name, text + own_id)))
            yield ChatMessage(at, sender_id, name, text, key,
                              media=1 if cells.get("attachments") else 0,
                              chat=cells.get("group", ""),
                              position=number)
    except UserError as exc:
        raise ChatFileError(exc.args[0]) from None
