"""The dashboard as a report to post or mail (周报/月报/季报): a PDF on A4 pages and one
tall PNG, each with the period's numbers and every KPI chart.

Qt's PDF writer embeds the fonts it draws with (a subset), so Chinese text survives on a
machine without CJK fonts. Charts are drawn by the dashboard's own KpiCharts, off screen.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
)
from PySide6.QtWidgets import QApplication

from modconsole.gui.dashboard.kpi_charts import TABS, KpiCharts
from modconsole.services.monitoring.trends import Numbers

CHART_WIDTH = 900  # pixels a chart is drawn at before it is scaled onto the page
DPI = 150


def _pieces(title: str, lines: list[str], numbers: Numbers) -> list[tuple[str, object]]:
    """("title" | "text" | "heading", str) and ("image", QImage), top to bottom."""
    view = KpiCharts(interactive=False)
    view.setPalette(_paper())
    view.resize(CHART_WIDTH, 800)
    view.show_numbers(numbers)
    view.draw_all()
    pieces: list[tuple[str, object]] = [("title", title), *(("text", line) for line in lines)]
    for index, key in enumerate(TABS):
        pieces.append(("heading", view.tab_titles()[index]))
        pieces.append(("text", view.summaries[key].text()))
        for chart in view.charts.values():
            if view.tabs.widget(index).isAncestorOf(chart):
                chart.setFixedSize(CHART_WIDTH, chart.minimumHeight())  # kept by layouts
                pieces.append(("image", chart.grab().toImage()))
    view.deleteLater()
    return pieces


def _paper() -> QPalette:
    """Dark text on white, whatever the console's theme: a report is printed or mailed."""
    palette = QPalette()
    for role, color in ((QPalette.ColorRole.Base, "#ffffff"),
                        (QPalette.ColorRole.Window, "#ffffff"),
                        (QPalette.ColorRole.Text, "#1a1a1a"),
                        (QPalette.ColorRole.WindowText, "#1a1a1a")):
        palette.setColor(role, QColor(color))
    return palette


def _font(kind: str) -> QFont:
    font = QFont()
    font.setFamilies(["Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC",
                      "Sans Serif"])
    font.setPointSizeF({"title": 16, "heading": 12}.get(kind, 9.5))
    font.setBold(kind in ("title", "heading"))
    return font


def _paint(painter: QPainter, pieces, width: int, page_height: int | None, new_page) -> int:
    """Lay the pieces out down the page, `width` device pixels wide; with a page height,
    start a new page (`new_page()`) where the next piece would not fit. The height used."""
    y, gap = 0, int(width * 0.012)
    for kind, value in pieces:
        if kind == "image":
            image = value.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            height = image.height()
        else:
            painter.setFont(_font(kind))
            box = painter.boundingRect(QRect(0, 0, width, 10_000),
                                       Qt.TextFlag.TextWordWrap, value)
            height = box.height()
        if page_height is not None and y + height > page_height and y > 0:
            new_page()
            y = 0
        if kind == "image":
            painter.drawImage(0, y, image)
        else:
            painter.setPen(QColor("#1a1a1a"))
            painter.drawText(QRect(0, y, width, height), Qt.TextFlag.TextWordWrap, value)
        y += height + (gap * 2 if kind == "heading" else gap)
    return y


def write_pdf(path: Path, title: str, lines: list[str], numbers: Numbers) -> None:
    pieces = _pieces(title, lines, numbers)
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("modconsole")
    painter = QPainter(writer)
    try:
        area = writer.pageLayout().paintRectPixels(DPI)
        _paint(painter, pieces, area.width(), area.height(), writer.newPage)
    finally:
        painter.end()


def write_png(path: Path, title: str, lines: list[str], numbers: Numbers) -> None:
    pieces = _pieces(title, lines, numbers)
    width, margin = CHART_WIDTH, 40
    measure = QImage(QSize(width, 10), QImage.Format.Format_RGB32)
    painter = QPainter(measure)
    height = _paint(painter, pieces, width, None, None)
    painter.end()
    image = QImage(QSize(width + 2 * margin, height + 2 * margin), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(margin, margin)
    _paint(painter, pieces, width, None, None)
    painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(QCoreApplication.translate("ReportFile", "Could not write {path}.")
                      .format(path=path))


def write_report(pdf: Path | None, png: Path | None, title: str, lines: list[str],
                 numbers: Numbers) -> None:
    """Write the report as PDF and/or PNG; from the command line too, where a Qt
    application is made off screen (no display needed)."""
    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from modconsole.gui.app import create_app

        create_app(["modconsole"])
    if pdf is not None:
        write_pdf(pdf, title, lines, numbers)
    if png is not None:
        write_png(png, title, lines, numbers)
