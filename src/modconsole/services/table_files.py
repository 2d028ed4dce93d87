"""Reading and writing spreadsheets: CSV in any encoding Chinese teams meet, and XLSX.

Chinese Excel saves CSV as GBK (GB18030 is its superset) and UTF-8 tools may
add a BOM, so the encoding is found by trying UTF-8 over the whole file
without keeping it in memory. Rows stream, so a million-row file costs the
memory of one row. Written cells that a spreadsheet would run as a formula
are neutralised.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from modconsole.services.errors import UserError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = codecs.BOM_UTF8


@dataclass
class Table:
    """A file's header and a way to read its rows (each a list of cell texts).

    `size` and `position()` measure how far reading got (bytes for CSV, rows
    for XLSX), for progress bars.
    """

    path: Path
    kind: str  # "csv" or "xlsx"
    encoding: str | None
    header: list[str]
    size: int = 0
    _done: list = field(default_factory=lambda: [0])

    def position(self) -> int:
        return self._done[0]

    def rows(self) -> Iterator[list[str]]:
        """Data rows after the header, as text; short rows are padded."""
        width = len(self.header)
        source = (_csv_rows(self.path, self.encoding, self._done) if self.kind == "csv"
                  else _xlsx_rows(self.path, self._done))
        next(source, None)
        for row in source:
            if not any(cell.strip() for cell in row):
                yield []  # keeps row numbers true; callers skip blanks
                continue
            yield row + [""] * (width - len(row))


def detect_encoding(path: Path) -> str:
    with path.open("rb") as f:
        if f.read(3) == BOM:
            return "utf-8-sig"
        f.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := f.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            return "gb18030"


def _csv_rows(path: Path, encoding: str, done: list | None = None) -> Iterator[list[str]]:
    with path.open("rb") as raw, io.TextIOWrapper(raw, encoding=encoding, newline="") as f:
        try:
            for row in csv.reader(f):
                if done is not None:
                    done[0] = raw.tell()
                yield row
        except UnicodeDecodeError as exc:
            raise UserError(f"{path.name} is not valid {encoding} text ({exc.reason} at byte "
                            f"{exc.start}); save it as UTF-8 or choose its encoding.") from None
        except csv.Error as exc:
            raise UserError(f"{path.name} is not a readable CSV file: {exc}.") from None


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # phone numbers and QQ ids typed as numbers
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _xlsx_rows(path: Path, done: list | None = None) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise UserError(f"{path.name} is not a readable Excel file ({exc}).") from None
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if done is not None:
                done[0] = number
            yield [_cell_text(v) for v in row]
    finally:
        book.close()


def open_table(path: Path, encoding: str | None = None) -> Table:
    """Open a CSV or XLSX file and read its header; errors say what is wrong with the file."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"There is no file {path}.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        kind, encoding = "xlsx", None
        first = next(_xlsx_rows(path), None)
        size = _xlsx_row_count(path)
    elif suffix in (".csv", ".txt", ".tsv"):
        kind = "csv"
        if encoding:
            try:
                codecs.lookup(encoding)
            except LookupError:
                raise UserError(f"'{encoding}' is not an encoding this console knows.") from None
        encoding = encoding or detect_encoding(path)
        first = next(_csv_rows(path, encoding), None)
        size = path.stat().st_size
    else:
        raise UserError(f"{path.name}: choose a .csv or .xlsx file (an .xls from old Excel "
                        "can be saved as .xlsx first).")
    header = [cell.strip().lstrip("\ufeff") for cell in (first or [])]
    while header and not header[-1]:
        header.pop()
    if not header:
        raise UserError(f"{path.name} is empty; the first row must name the columns.")
    return Table(path, kind, encoding, header, size)


def _xlsx_row_count(path: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return book.worksheets[0].max_row or 0
    finally:
        book.close()


def neutralise(value: str) -> str:
    """Prefix text a spreadsheet would treat as a formula, so it stays text."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class TableWriter:
    """Write rows to .csv (UTF-8 with BOM, which Excel opens correctly) or .xlsx."""

    def __init__(self, path: Path, header: list[str]):
        self.path = Path(path)
        suffix = self.path.suffix.lower()
        if suffix not in (".csv", ".xlsx"):
            raise UserError(f"{self.path.name}: export to a .csv or .xlsx file.")
        self.kind = suffix[1:]
        try:
            if self.kind == "csv":
                self._file = self.path.open("w", newline="", encoding="utf-8-sig")
                self._csv = csv.writer(self._file)
                self._csv.writerow(header)
            else:
                from openpyxl import Workbook

                self._book = Workbook(write_only=True)
                self._sheet = self._book.create_sheet()
                self._sheet.append(header)
        except OSError as exc:
            raise UserError(f"Cannot write {self.path}: {exc.strerror}.") from None

    def write(self, row: list) -> None:
        cells = [neutralise(v) if isinstance(v, str) else v for v in row]
        if self.kind == "csv":
            self._csv.writerow(cells)
        else:
            self._sheet.append(cells)

    def close(self) -> None:
        try:
            if self.kind == "csv":
                self._file.close()
            else:
                self._book.save(self.path)
        except OSError as exc:
            raise UserError(f"Cannot write {self.path}: {exc.strerror}.") from None

    def discard(self) -> None:
        """Close and delete a half-written file (after an error or a cancel)."""
        if self.kind == "csv":
            self._file.close()
        self.path.unlink(missing_ok=True)
