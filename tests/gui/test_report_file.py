"""The dashboard as a report: a PDF with its fonts embedded and a PNG, from the command line
and from the dashboard's Save report…"""

import re

from PySide6.QtGui import QImage

from modconsole.cli import main
from modconsole.services.monitoring.rollups import roll_up
from tests.gui.conftest import fill_demo, query, settle


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_the_command_line_writes_a_pdf_and_a_png(qtbot, db_path, tmp_path, capsys):
    fill_demo(db_path, members=150, seed=6)
    query(db_path, roll_up)
    pdf, png = tmp_path / "m.pdf", tmp_path / "m.png"
    code = main(["--db", str(db_path), "report", "--period", "2026-11", "--pdf", str(pdf),
                 "--png", str(png)])
    out = capsys.readouterr().out
    assert code == 0 and f"The report is in {pdf}." in out
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and _pages(data) >= 2
    assert b"/FontFile2" in data  # the fonts travel inside the file
    image = QImage(str(png))
    assert image.width() > 900 and image.height() > 3 * image.width()
    code = main(["--db", str(db_path), "report", "--period", "2026-11", "--pdf", str(pdf)])
    assert code == 1 and "already exists" in capsys.readouterr().err
    for option, name in (("--pdf", "r.pdf"), ("--png", "r.png")):
        missing = tmp_path / "no such folder" / name
        code = main(["--db", str(db_path), "report", "--period", "2026-11", option,
                     str(missing)])
        err = capsys.readouterr().err
        assert code == 1 and f"Cannot write {missing}" in err and not missing.exists()


def test_save_report_writes_what_the_dashboard_shows(qtbot, make_window, db_path, tmp_path):
    fill_demo(db_path, members=150, seed=6)
    query(db_path, roll_up)
    window = make_window(db_path)
    window.show_page("dashboard")
    settle(qtbot, window)
    trends = window.dashboard.trends
    qtbot.waitUntil(lambda: bool(trends.view.charts), timeout=10_000)
    for name in ("r.pdf", "r.xlsx"):
        trends.save_report_to(tmp_path / name)
        qtbot.waitUntil(lambda n=name: (tmp_path / n).exists(), timeout=20_000)
    settle(qtbot, window)
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "r.xlsx").active
    assert sheet.max_row == 91  # a header and the 90 days on screen
    errors = []
    window.runner.error.connect(errors.append)
    trends.save_report_to(tmp_path / "no such folder" / "r.png")
    qtbot.waitUntil(lambda: bool(errors), timeout=20_000)
    assert "Cannot write" in errors[0] and trends.save_button.isEnabled()
