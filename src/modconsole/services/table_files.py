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
import os
import zipfile
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from modconsole.domain.messages import N_, Message
from modconsole.domain.text import CONTROL_CHARACTERS, quoted
from modconsole.services.errors import UserError
from modconsole.services.output_files import cannot_write, remove_partial, temporary_name

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
            yield [restore(cell) for cell in row] + [""] * (width - len(row))


# What charset-normalizer may call a file, and the codec that reads that family
# whole (GB18030 is a superset of GBK and GB2312; Big5-HKSCS of Big5).
ENCODING_FAMILIES = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030",
                     "big5": "big5hkscs", "big5hkscs": "big5hkscs", "cp950": "big5hkscs"}
SAMPLE_BYTES = 1 << 20
# A sheet's XML beyond this is refused before it is read (a 1M-row sheet is ~300 MB).
MAX_SHEET_BYTES = 1536 << 20


def detect_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 or Big5; else a UserError.

    A legacy encoding is told apart by charset-normalizer on the part of the
    file where non-ASCII text starts: GB18030 decodes almost any bytes, so
    trying it blindly stores Big5 or Shift-JIS text as mojibake.
    """
    with path.open("rb") as f:
        head = f.read(4)
        if head.startswith(BOM):
            return "utf-8-sig"
        if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            return "utf-16"
        f.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        offset = 0
        try:
            while chunk := f.read(1 << 20):
                decoder.decode(chunk)
                offset += len(chunk)
            decoder.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError as exc:
            bad = max(0, offset + exc.start - 4)
        f.seek(max(0, bad - 4096))
        sample = f.read(SAMPLE_BYTES)
    start = sample.find(b"\n") + 1 if bad > 4096 else 0
    end = sample.rfind(b"\n") if len(sample) == SAMPLE_BYTES else len(sample)
    from charset_normalizer import from_bytes

    best = from_bytes(sample[start:end if end > start else len(sample)]).best()
    guess = best.encoding if best is not None else None
    if guess in ENCODING_FAMILIES:
        return ENCODING_FAMILIES[guess]
    looks = (N_("table_files", "it looks like {guess} text").format(guess=guess) if guess else
             N_("table_files", "it is not text in any encoding it knows"))
    raise UserError(N_("table_files", "{name} is not UTF-8, GB18030 or Big5: {looks}. "
                                      "Save it as UTF-8 (Excel: Save As → CSV UTF-8), or "
                                      "name its encoding.").format(name=path.name, looks=looks))


def _locate_bad_byte(path: Path, encoding: str) -> Message:
    """Line and character of the first byte `encoding` cannot read, in words."""
    if encoding.startswith("utf-16"):
        return N_("table_files", "in the file")
    decoder = codecs.getincrementaldecoder(encoding)()
    with path.open("rb") as f:
        for number, line in enumerate(f, start=1):
            try:
                decoder.decode(line)
            except UnicodeDecodeError as exc:
                column = len(line[:exc.start].decode(encoding, errors="replace")) + 1
                return N_("table_files", "on line {number}, character {column} (byte "
                                         "0x{byte:02X})").format(number=number, column=column,
                                                                 byte=line[exc.start])
            decoder.reset()
    return N_("table_files", "at the end of the file")


def _delimiter(path: Path, encoding: str) -> str:
    """Tab for Excel's "Unicode text" and other tab-separated files, else comma."""
    with path.open("r", encoding=encoding, errors="replace", newline="") as f:
        first = f.readline(1 << 16)
    return "\t" if "\t" in first and "," not in first else ","


def _csv_rows(path: Path, encoding: str, done: list | None = None) -> Iterator[list[str]]:
    delimiter = _delimiter(path, encoding)
    with path.open("rb") as raw, io.TextIOWrapper(raw, encoding=encoding, newline="") as f:
        reader = csv.reader(f, delimiter=delimiter)
        try:
            for row in reader:
                if done is not None:
                    done[0] = raw.tell()
                yield row
        except UnicodeDecodeError:
            where = _locate_bad_byte(path, encoding)
            raise UserError(N_("table_files", "{name} is not valid {encoding} "
                                              "text {where}; save it as UTF-8 "
                                              "or choose its encoding.").format(
                                name=path.name, encoding=encoding, where=where)) from None
        except csv.Error as exc:
            if "field limit" in str(exc):
                raise UserError(N_("table_files", "{name}, line {line_num}: a "
                                                  "cell is longer than "
                                                  "{value:,} characters; no "
                                                  "field of the console is "
                                                  "that long. Check the file's "
                                                  "quotes.").format(
                                    name=path.name, line_num=reader.line_num,
                                    value=csv.field_size_limit())) from None
            raise UserError(N_("table_files", "{name}, line {line_num}: not "
                                              "readable as CSV ({exc}).").format(
                                name=path.name, line_num=reader.line_num, exc=exc)) from None


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


def _unreadable_xlsx(path: Path, exc: BaseException) -> UserError:
    return UserError(N_("table_files", "{name} is not a readable Excel file ({__name__}: "
                                       "{exc}). Open it in Excel and save it again, or "
                                       "save it as CSV.").format(
                         name=path.name, __name__=exc.__class__.__name__, exc=quoted(str(exc))))


def _open_sheet(path: Path, data_only: bool = True):
    """The first worksheet of a workbook opened read-only, with its declared size ignored.

    A sheet may declare A1:XFD1048576 over four cells; openpyxl would pad every
    row to 16,384 columns. Forgetting the dimension makes rows as long as the
    file's own cells.
    """
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            sizes = {i.filename: i.file_size for i in archive.infolist()}
    except (zipfile.BadZipFile, OSError) as exc:
        raise _unreadable_xlsx(path, exc) from None
    biggest = max((v for k, v in sizes.items()
                   if k.startswith("xl/worksheets/") or k == "xl/sharedStrings.xml"), default=0)
    if biggest > MAX_SHEET_BYTES:
        raise UserError(N_("table_files", "{name}: its sheet unpacks to {size:.1f} GB; "
                                          "the limit is {limit:.1f} GB. Split it or "
                                          "save it as CSV.").format(
                            name=path.name, size=biggest / (1 << 30),
                            limit=MAX_SHEET_BYTES / (1 << 30)))
    try:
        book = load_workbook(path, read_only=True, data_only=data_only)
        if not book.worksheets:
            raise UserError(N_("table_files", "{name} has no worksheet.").format(name=path.name))
        sheet = book.worksheets[0]
        sheet.reset_dimensions()
    except UserError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise _unreadable_xlsx(path, exc) from None
    return book, sheet


def _has_formulas(path: Path) -> bool:
    """Whether a sheet's XML holds a formula element (a streamed byte scan)."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not name.startswith("xl/worksheets/"):
                continue
            with archive.open(name) as part:
                tail = b""
                while chunk := part.read(1 << 20):
                    if b"<f>" in tail + chunk or b"<f " in tail + chunk:
                        return True
                    tail = chunk[-3:]
    return False


def _xlsx_rows(path: Path, done: list | None = None) -> Iterator[list[str]]:
    book, sheet = _open_sheet(path)
    formulas = None
    try:
        if _has_formulas(path):
            formulas = _open_sheet(path, data_only=False)
        source = sheet.iter_rows(values_only=True)
        other = formulas[1].iter_rows(values_only=True) if formulas else None
        for number, row in enumerate(source, start=1):
            if done is not None:
                done[0] = number
            if other is not None:
                _check_cached(path, number, row, next(other, ()))
            yield [_cell_text(v) for v in row]
    except UserError:
        raise
    except Exception as exc:  # a truncated part or XML that does not parse, mid-sheet
        raise _unreadable_xlsx(path, exc) from None
    finally:
        book.close()
        if formulas:
            formulas[0].close()


def _check_cached(path: Path, number: int, values: tuple, formulas: tuple) -> None:
    from openpyxl.utils import get_column_letter

    for column, (value, formula) in enumerate(zip(values, formulas, strict=False), start=1):
        if value is None and isinstance(formula, str) and formula.startswith("="):
            raise UserError(
                N_("table_files", "{name}: cell {value}{number} (row {number}, column "
                                  "{column}) holds the formula {formula} with no saved "
                                  "result. Open the file in Excel and save it again, or "
                                  "paste the values in place of the formulas.").format(
                    name=path.name, value=get_column_letter(column), number=number, column=column,
                    formula=quoted(formula, 40)))


def open_table(path: Path, encoding: str | None = None) -> Table:
    """Open a CSV or XLSX file and read its header; errors say what is wrong with the file."""
    path = Path(path)
    if not path.is_file():
        raise UserError(N_("table_files", "There is no file {path}.").format(path=path))
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
                raise UserError(N_("table_files", "'{encoding}' is not an "
                                                  "encoding this console knows.").format(
                                    encoding=quoted(encoding))) from None
        encoding = encoding or detect_encoding(path)
        first = next(_csv_rows(path, encoding), None)
        size = path.stat().st_size
    else:
        raise UserError(N_("table_files", "{name}: choose a .csv or .xlsx file (an .xls "
                                          "from old Excel can be saved as .xlsx first).").format(
                            name=path.name))
    header = [cell.strip().lstrip("\ufeff") for cell in (first or [])]
    while header and not header[-1]:
        header.pop()
    if not header:
        raise UserError(N_("table_files", "{name} is empty; the first row must name the "
                                          "columns.").format(name=path.name))
    return Table(path, kind, encoding, header, size)


def _xlsx_row_count(path: Path) -> int:
    """The rows the sheet declares, for progress only (a lying dimension costs nothing)."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return book.worksheets[0].max_row or 0
    finally:
        book.close()


def _guarded(value: str) -> bool:
    return value.lstrip("'").startswith(FORMULA_STARTS)


def neutralise(value: str) -> str:
    """Prefix text a spreadsheet would treat as a formula, so it stays text.

    A value that already starts with apostrophes before such a character gets
    one more, so `restore` can undo exactly what was added.
    """
    return "'" + value if _guarded(value) else value


def restore(value: str) -> str:
    """Undo `neutralise`: the console's own exports import back unchanged."""
    return value[1:] if value.startswith("'") and _guarded(value[1:]) else value


class TableWriter:
    """Write rows to .csv (UTF-8 with BOM, which Excel opens correctly) or .xlsx.

    Rows go to a temporary file that `close()` renames into place; `discard()`
    (or any failure) leaves no file behind. As a context manager it closes on
    success and discards on any exception.
    """

    def __init__(self, path: Path, header: list[str]):
        self.path = Path(path)
        suffix = self.path.suffix.lower()
        if suffix not in (".csv", ".xlsx"):
            raise UserError(N_("table_files", "{name}: export to a .csv or .xlsx file.").format(
                                name=self.path.name))
        self.kind = suffix[1:]
        self._temporary = temporary_name(self.path)
        try:
            if self.kind == "csv":
                self._file = self._temporary.open("w", newline="", encoding="utf-8-sig")
                self._csv = csv.writer(self._file)
                self._csv.writerow(header)
            else:
                from openpyxl import Workbook

                self._book = Workbook(write_only=True)
                self._sheet = self._book.create_sheet()
                self._sheet.append(header)
        except OSError as exc:
            raise cannot_write(self.path, exc) from None

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, kind, _exc, _tb) -> None:
        if kind is None:
            self.close()
        else:
            self.discard()

    def write(self, row: list) -> None:
        cells = [neutralise(v) if isinstance(v, str) else v for v in row]
        try:
            if self.kind == "csv":
                self._csv.writerow(cells)
            else:  # XLSX cannot hold control characters (rows from before they were refused)
                self._sheet.append([CONTROL_CHARACTERS.sub("\ufffd", v)
                                    if isinstance(v, str) else v for v in cells])
        except OSError as exc:
            self.discard()
            raise cannot_write(self.path, exc) from None

    def close(self) -> None:
        try:
            if self.kind == "csv":
                self._file.close()
            else:
                # Zipped in memory (the compressed size), then written: openpyxl leaves
                # its ZipFile open when the disk fills, and its finaliser fails again.
                packed = io.BytesIO()
                self._book.save(packed)
                self._temporary.write_bytes(packed.getbuffer())
            os.replace(self._temporary, self.path)
        except OSError as exc:
            self.discard()
            raise cannot_write(self.path, exc) from None
        finally:
            remove_partial(self._temporary)

    def discard(self) -> None:
        """Close and delete the half-written file (after an error or a cancel)."""
        with suppress(Exception):  # already closed, or failing as the disk did
            (self._file if self.kind == "csv" else self._sheet).close()
        remove_partial(self._temporary)
