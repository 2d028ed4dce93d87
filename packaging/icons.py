"""Render the app icon from resources/icons/modconsole.svg: the PNG sizes Linux desktops
look for (hicolor), a Windows .ico and a macOS .icns. Run after editing the SVG:

    python packaging/icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(size: int):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(ICONS / "modconsole.svg")).render(painter)
    painter.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    QGuiApplication(sys.argv[:1])
    for size in SIZES:
        out = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "modconsole.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        render(size).save(str(out), "PNG")
    render(256).save(str(ICONS / "modconsole.ico"), "ICO")
    render(512).save(str(ICONS / "modconsole.icns"), "ICNS")
    print(f"icons written under {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
