"""Chat export files built the way each platform writes them, for the chat import tests.

Telegram Desktop: one JSON object (name, type, id, messages) whose messages
carry id, type, date, date_unixtime, from, from_id and text (a string, or a
list of plain strings and entity objects); service messages carry actor,
actor_id, action and members. QQ: the 消息记录 banner, 消息对象, then each
message as a `time nickname(QQ号)` line and its text. Tables: a header row.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

SHANGHAI = timezone(timedelta(hours=8))


@dataclass
class Msg:
    at: datetime  # aware
    sender_id: str
    name: str
    text: str | list = ""
    action: str = ""  # a Telegram service action, or "" for a message
    members: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)


def telegram(path: Path, messages: list[Msg], name: str = "产品交流群", chat_id: int = 4242,
             kind: str = "private_supergroup", first_id: int = 1) -> Path:
    out = []
    for n, msg in enumerate(messages, start=first_id):
        local = msg.at.astimezone(SHANGHAI).replace(tzinfo=None)
        row = {"id": n, "type": "service" if msg.action else "message",
               "date": local.isoformat(), "date_unixtime": str(int(msg.at.timestamp()))}
        if msg.action:
            row.update(actor=msg.name, actor_id=f"user{msg.sender_id}", action=msg.action,
                       members=msg.members, text="")
        else:
            row.update({"from": msg.name, "from_id": f"user{msg.sender_id}", "text": msg.text})
        row.update(msg.extra)
        out.append(row)
    path.write_text(json.dumps({"name": name, "type": kind, "id": chat_id, "messages": out},
                               ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def qq(path: Path, messages: list[Msg], chat: str = "QQ交流群", encoding: str = "utf-8-sig"
       ) -> Path:
    lines = ["消息记录（此消息记录为文本格式，不支持重新导入）", "",
             "=" * 64, "消息分组:我的QQ群", "=" * 64, f"消息对象:{chat}", "=" * 64, ""]
    for msg in messages:
        local = msg.at.astimezone(SHANGHAI)
        sender = f"({msg.sender_id})" if msg.sender_id.isdigit() else f"<{msg.sender_id}>"
        lines += [f"{local:%Y-%m-%d} {local.hour}:{local:%M:%S} {msg.name}{sender}",
                  str(msg.text), ""]
    path.write_text("\r\n".join(lines), encoding=encoding)
    return path


def table(path: Path, messages: list[Msg], header=("时间", "发送者ID", "发送者", "群", "内容"),
          group: str = "微信一群") -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for msg in messages:
            writer.writerow([msg.at.isoformat(), msg.sender_id, msg.name, group, msg.text])
    return path


def at(day: int, hour: int = 20, minute: int = 0, second: int = 0) -> datetime:
    """A Shanghai time on day `day` of March 2026."""
    return datetime(2026, 3, day, hour, minute, second, tzinfo=SHANGHAI)
