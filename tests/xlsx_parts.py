"""Workbooks built part by part, as Excel writes them (openpyxl itself writes no shared
strings), and a way to damage one part."""

import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PKG = "http://schemas.openxmlformats.org/package/2006"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
HEAD = '<?xml version="1.0" encoding="UTF-8"?>'


def _relationships(*targets: tuple[str, str]) -> str:
    items = "".join(f'<Relationship Id="rId{n}" Type="{REL}/{kind}" Target="{target}"/>'
                    for n, (kind, target) in enumerate(targets, start=1))
    return f'{HEAD}<Relationships xmlns="{PKG}/relationships">{items}</Relationships>'


def shared_strings_xlsx(path, rows) -> None:
    """A minimal workbook whose cells are all shared strings."""
    strings: dict[str, int] = {}
    cells = "".join(
        f'<row r="{r}">' + "".join(
            f'<c r="{chr(65 + c)}{r}" t="s"><v>{strings.setdefault(v, len(strings))}</v></c>'
            for c, v in enumerate(row)) + "</row>"
        for r, row in enumerate(rows, start=1))
    types = (f'<Types xmlns="{PKG}/content-types">'
             '<Default Extension="rels" '
             'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/xl/workbook.xml" ContentType="{OFFICE}.sheet.main+xml"/>'
             '<Override PartName="/xl/worksheets/sheet1.xml" '
             f'ContentType="{OFFICE}.worksheet+xml"/>'
             '<Override PartName="/xl/sharedStrings.xml" '
             f'ContentType="{OFFICE}.sharedStrings+xml"/></Types>')
    parts = {
        "[Content_Types].xml": HEAD + types,
        "_rels/.rels": _relationships(("officeDocument", "xl/workbook.xml")),
        "xl/workbook.xml": (f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
                            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": _relationships(("worksheet", "worksheets/sheet1.xml"),
                                                     ("sharedStrings", "sharedStrings.xml")),
        "xl/worksheets/sheet1.xml": (f'{HEAD}<worksheet xmlns="{MAIN}"><sheetData>{cells}'
                                     "</sheetData></worksheet>"),
        "xl/sharedStrings.xml": (f'{HEAD}<sst xmlns="{MAIN}" count="{len(strings)}">' +
                                 "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>"),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def rewrite(path, part, change) -> None:
    """Rewrite one part of an XLSX (a zip) through `change(bytes) -> bytes | None`."""
    with zipfile.ZipFile(path) as source:
        parts = {i.filename: source.read(i.filename) for i in source.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            if name == part:
                data = change(data)
            if data is not None:
                target.writestr(name, data)
