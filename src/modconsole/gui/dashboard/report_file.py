"""The dashboard as a report to post or mail (周报/月报/季报): a PDF on A4 pages and one
tall PNG, each with the period's numbers and every KPI chart.

Qt's PDF writer embeds the fonts it draws with (a subset), so Chinese text survives on a
machine without CJK fonts. Charts are drawn by the dashboard's own KpiCharts, off screen.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QSize, Qt, QTimer
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

from modconsole.domain.messages import N_
from modconsole.gui.dashboard.kpi_charts import TABS, KpiCharts
from modconsole.gui.i18n import localized
from modconsole.services.errors import UserError
from modconsole.services.monitoring.trends import Numbers

CHART_WIDTH = 900  # pixels a chart is drawn at before it is scaled onto the page
DPI = 150


class Pieces:
    """The report's parts, top to bottom: ("title" | "text" | "heading", str) and
    ("image", QImage). Made a step at a time (a tab drawn, or one chart rendered) so the
    GUI can keep answering between steps; step() is False when all are made."""

    def __init__(self, title: str, lines: list[str], numbers: Numbers):
        self.view = KpiCharts(interactive=False)
        self.view.setPalette(_paper())
        self.view.resize(CHART_WIDTH, 800)
        self.view.show_numbers(numbers)
        self.parts: list[tuple[str, object]] = [("title", title),
                                                *(("text", line) for line in lines)]
        self._todo = [(self._draw, index) for index in range(len(TABS))]

    def step(self) -> bool:
        if self._todo:
            action, argument = self._todo.pop(0)
            action(argument)
        if not self._todo and self.view is not None:
            self.view.deleteLater()
            self.view = None
        return bool(self._todo)

    def _draw(self, index: int) -> None:
        view = self.view
        view.tabs.setCurrentIndex(index)  # draws the tab's charts
        self.parts.append(("heading", view.tab_titles()[index]))
        self.parts.append(("text", view.summaries[TABS[index]].text()))
        charts = [c for c in view.charts.values() if view.tabs.widget(index).isAncestorOf(c)]
        self._todo[:0] = [(self._render, chart) for chart in charts]

    def _render(self, chart) -> None:
        chart.setFixedSize(CHART_WIDTH, chart.minimumHeight())  # kept by layouts
        self.parts.append(("image", chart.grab().toImage()))

    def made(self) -> list[tuple[str, object]]:
        """Every part, made now if steps are left."""
        while self.step():
            pass
        return self.parts


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


def write_pdf(path: Path, pieces: Pieces) -> None:
    try:  # Qt would only warn on the console and write nothing
        path.open("wb").close()
    except OSError:
        raise _unwritable(path) from None
    parts = pieces.made()
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setTitle(parts[0][1])
    writer.setCreator("modconsole")
    painter = QPainter()
    if not painter.begin(writer):
        raise _unwritable(path)
    try:
        area = writer.pageLayout().paintRectPixels(DPI)
        _paint(painter, parts, area.width(), area.height(), writer.newPage)
    finally:
        painter.end()


def write_png(path: Path, pieces: Pieces) -> None:
    parts = pieces.made()
    width, margin = CHART_WIDTH, 40
    measure = QImage(QSize(width, 10), QImage.Format.Format_RGB32)
    painter = QPainter(measure)
    height = _paint(painter, parts, width, None, None)
    painter.end()
    image = QImage(QSize(width + 2 * margin, height + 2 * margin), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(margin, margin)
    _paint(painter, parts, width, None, None)
    painter.end()
    if not image.save(str(path), "PNG"):
        raise _unwritable(path)


def _unwritable(path: Path) -> UserError:
    return UserError(N_("report_file", "Cannot write {path}: check that its folder exists "
                                       "and that you may write there.").format(path=path))


def write_report(pdf: Path | None, png: Path | None, title: str, lines: list[str],
                 numbers: Numbers) -> None:
    """Write the report as PDF and/or PNG at once: the command line's way, where a Qt
    application is made off screen (no display needed)."""
    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from modconsole.gui.app import create_app

        create_app(["modconsole"])
    pieces = Pieces(title, lines, numbers)
    if pdf is not None:
        write_pdf(pdf, pieces)
    if png is not None:
        write_png(png, pieces)


def write_later(path: Path, pieces: Pieces, done, failed) -> None:
    """Make the pieces a step per turn of the event loop, then write `path` (PDF, or PNG
    for a .png name) and call `done()`, or `failed(message)` when the file cannot be
    written: the console keeps answering meanwhile."""
    if pieces.step():
        QTimer.singleShot(0, lambda: write_later(path, pieces, done, failed))
        return
    try:
        (write_png if path.suffix.lower() == ".png" else write_pdf)(path, pieces)
    except UserError as exc:
        failed(localized(exc))
        return
    done()
