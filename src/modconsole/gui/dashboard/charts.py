"""pyqtgraph plots as the dashboard draws them: a title, the palette's colours, a day axis
written as numbers, no mouse panning, and bars or lines in one call.

pyqtgraph is imported by the functions that need it, so the console starts without it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from modconsole.domain.recurrence import zone
from modconsole.services.activities import DEFAULT_ZONE

STEPS = (1, 2, 7, 14, 30, 61, 91, 182, 365)  # days between the day axis' labels
HEIGHT = 190
DAY = 86_400


def stamp(day: date) -> float:
    """Where a day sits on a day axis: its local noon, as Unix seconds."""
    return datetime.combine(day, time(12), zone(DEFAULT_ZONE)).timestamp()


def day_at(seconds: float) -> date:
    return datetime.fromtimestamp(seconds, zone(DEFAULT_ZONE)).date()


def plot(title: str, palette: QPalette, days: bool = True, height: int = HEIGHT,
         legend: bool = True):
    """A plot with `title`, in the palette's colours; `days`: the x axis counts days."""
    import pyqtgraph as pg

    foreground = palette.color(QPalette.ColorRole.Text)
    axes = {"bottom": day_axis(pg)} if days else {}
    widget = pg.PlotWidget(axisItems=axes, background=palette.color(QPalette.ColorRole.Base))
    widget.setMinimumHeight(height)
    widget.setMaximumHeight(height + 60)
    widget.setTitle(title, color=foreground.name(), size="10pt")
    widget.showGrid(y=True, alpha=0.2)
    widget.setMouseEnabled(x=False, y=False)
    widget.hideButtons()
    if legend:
        widget.addLegend(offset=(10, 5), labelTextColor=foreground.name())
    for axis in ("left", "bottom"):
        widget.getAxis(axis).setTextPen(foreground)
    return widget


def bars(chart, x: list[float], heights: list[float], color: str, name: str | None,
         width: float | list[float] = DAY * 0.7, shift: float = 0.0) -> None:
    import pyqtgraph as pg

    chart.addItem(pg.BarGraphItem(x=[v + shift for v in x], height=heights, width=width,
                                  brush=color, pen=pg.mkPen(None), name=name))


def line(chart, x: list[float], y: list[float | None], color: str, name: str | None,
         dots: bool = False, dashed: bool = False) -> None:
    import pyqtgraph as pg

    pen = pg.mkPen(color, width=2, style=Qt.PenStyle.DashLine if dashed else
                   Qt.PenStyle.SolidLine)
    if all(v is None for v in y):
        return  # nothing to draw (pyqtgraph would warn of an all-NaN slice)
    values = [float("nan") if v is None else v for v in y]
    extra = {"symbol": "o", "symbolSize": 5, "symbolBrush": color} if dots else {}
    chart.plot(x, values, pen=pen, name=name, connect="finite", **extra)


def level(chart, value: float, color: str, label: str) -> None:
    """A dashed horizontal line at `value` (a target, a limit), labelled."""
    import pyqtgraph as pg

    chart.addItem(pg.InfiniteLine(pos=value, angle=0, pen=pg.mkPen(
        color, style=Qt.PenStyle.DashLine), label=label,
        labelOpts={"position": 0.5, "color": color}))


def names_axis(chart, names: list[str], bottom: bool = True) -> None:
    """Write `names` at 0, 1, 2… on the bottom (or left) axis."""
    axis = chart.getAxis("bottom" if bottom else "left")
    axis.setTicks([list(enumerate(names))])


def heatmap(chart, rows: list[list[float | None]], row_names: list[str],
            column_names: list[str], palette: QPalette) -> None:
    """Cells shaded by their per cent (0 to 100), each with its number; rows top to bottom.
    An empty cell (None) is left blank."""
    import pyqtgraph as pg

    base = palette.color(QPalette.ColorRole.Base)
    full = QColor("#1976d2")
    text_color = palette.color(QPalette.ColorRole.Text)
    for r, values in enumerate(rows):
        y = len(rows) - 1 - r
        for c, share in enumerate(values):
            if share is None:
                continue
            mix = min(1.0, share / 60)  # 60 % and more: the full colour
            shade = QColor(*(round(b + (f - b) * mix) for b, f in (
                (base.red(), full.red()), (base.green(), full.green()),
                (base.blue(), full.blue()))))
            cell = pg.QtWidgets.QGraphicsRectItem(c - 0.5, y - 0.5, 1, 1)
            cell.setBrush(shade)
            cell.setPen(pg.mkPen(base))
            chart.addItem(cell)
            label = pg.TextItem(f"{share:.0f}", anchor=(0.5, 0.5),
                                color="#ffffff" if mix > 0.55 else text_color)
            label.setPos(c, y)
            chart.addItem(label)
    chart.getAxis("left").setTicks([[(len(rows) - 1 - r, name)
                                     for r, name in enumerate(row_names)]])
    chart.getAxis("bottom").setTicks([list(enumerate(column_names))])
    chart.setXRange(-0.5, len(column_names) - 0.5, padding=0)
    chart.setYRange(-0.5, max(len(rows), 1) - 0.5, padding=0)
    chart.showGrid(y=False)


def day_axis(pg):
    """An axis of days: one row of ticks a readable distance apart, written as numbers
    (11-30, or 2026-11 over a long span). pyqtgraph's date axis mixes month and day rows
    that overlap on a wide chart, and writes "Nov", which the Chinese interface must not
    show."""

    class DayAxis(pg.AxisItem):
        def tickValues(self, low, high, size):
            if high <= low:
                return []
            span = (high - low) / DAY
            fits = max(1.0, size / 80)  # pixels per label
            step = next((s for s in STEPS if span / s <= fits), STEPS[-1])
            ticks, day = [], day_at(low)
            while (at := stamp(day)) <= high:
                if at >= low:
                    ticks.append(at)
                day += timedelta(days=step)
            return [(step * float(DAY), ticks)]

        def tickStrings(self, values, scale, spacing):
            form = "%Y-%m" if spacing >= 28 * DAY else "%m-%d"
            return [day_at(value).strftime(form) for value in values]

    return DayAxis(orientation="bottom")
