"""The Qt binding itself: a release that miscounts references crashes the app hours in."""

import sys

from PySide6.QtCore import QObject


def test_calls_returning_nothing_keep_none_alive():
    """PySide6 6.12.0 released None once per such call; on 3.11 None then gets freed."""
    target = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        target.setObjectName("x")
    assert sys.getrefcount(None) >= before - 10
