"""Colours placeholders in a template body as it is typed: known green, problems red."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

from modconsole.domain.placeholders import TemplateError, parse


def _format(color: str, *, bold: bool = False, wavy: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.DemiBold)
    if wavy:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(color))
    return fmt


def utf16(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units; an emoji before a slot is two of them."""
    return len(text[:index].encode("utf-16-le")) // 2


class PlaceholderHighlighter(QSyntaxHighlighter):
    """Parses each line on its own; placeholders never span lines in practice."""

    SLOT = _format("#1b7f3b", bold=True)
    PROBLEM = _format("#c62828", wavy=True)

    def highlightBlock(self, text: str) -> None:
        try:
            parsed = parse(text)
        except TemplateError:
            return
        spans = [(p.start, p.end, self.SLOT) for p in parsed.parts if not isinstance(p, str)]
        spans += [(p.start, p.end, self.PROBLEM) for p in parsed.problems]
        for start, end, fmt in spans:
            first = utf16(text, start)
            self.setFormat(first, utf16(text, end) - first, fmt)
