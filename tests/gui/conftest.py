import gc

import pytest

from modconsole.gui.app import open_main_window
from modconsole.gui.i18n import install_translators
from modconsole.gui.qsettings import gui_settings
from modconsole.services.demo import load_demo
from modconsole.services.startup import open_console_database
from tests.conftest import NOW, query  # noqa: F401 - the GUI tests import it from here


@pytest.fixture(autouse=True)
def english(qapp):
    """The English catalogue the app installs at start (it carries the plural forms)."""
    translators = install_translators(qapp, "en")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def make_window(qtbot, db_path):
    """Open a main window on a database; wait until its pages are built and the file open."""
    windows = []

    def make(path=None, wait_open=True):
        window = open_main_window(path or db_path)
        qtbot.addWidget(window)
        windows.append(window)
        if wait_open:
            qtbot.waitUntil(lambda: window.is_ready and not window.runner.busy, timeout=10_000)
        return window

    yield make
    for window in windows:
        window.runner.shutdown()
    gc.unfreeze()  # what the window froze at start may be collected again


@pytest.fixture
def settings():
    return gui_settings()


def fill_demo(db_path, members: int, seed: int):
    """A demo community of `members` in a fresh database file; returns the path."""
    store, _ = open_console_database(db_path)
    with store.transaction() as s:
        load_demo(s, members=members, seed=seed, now=NOW)
    store.close()
    return db_path


def settle(qtbot, window):
    """Wait until the window's database jobs are done."""
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)

