"""Which export a file is, told from its name and first bytes, and opening it."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from modconsole.domain.messages import N_
from modconsole.services.chat import qq, table, telegram
from modconsole.services.chat.messages import ChatExport, ChatFileError

SNIFF_BYTES = 64 << 10
TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xlsm")


def open_chat(path: Path, zone: ZoneInfo, overrides: list[str] = (),
              encoding: str | None = None) -> ChatExport:
    """The export in `path`, ready to stream; a file of no known kind says what is read."""
    export = _open(Path(path), zone, overrides, encoding)
    export.file_name = Path(path).name
    return export


def _open(path: Path, zone: ZoneInfo, overrides: list[str], encoding: str | None
          ) -> ChatExport:
    if not path.is_file():
        raise ChatFileError(N_("chat_import", "There is no file {path}.").format(path=path))
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if not head.strip():
        raise ChatFileError(N_("chat_import", "{name} is empty.").format(name=path.name))
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return table.open_export(path, zone, overrides, encoding)
    if telegram.sniff(head):
        return telegram.open_export(path, zone)
    if qq.sniff(path, head):
        return qq.open_export(path, zone)
    raise ChatFileError(N_("chat_import", "{name} is not a chat export this console "
                                          "reads: a Telegram result.json, a QQ message "
                                          "record (.txt), or a message table (.csv, "
                                          ".xlsx).").format(name=path.name))
