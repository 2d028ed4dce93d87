import pytest

from modconsole.gui.app import open_main_window
from modconsole.gui.i18n import install_translators
from modconsole.gui.qsettings import gui_settings


@pytest.fixture(autouse=True)
def english(qapp):
    """The English catalogue the app installs at start (it carries the plural forms)."""
    translators = install_translators(qapp, "en")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def make_window(qtbot, db_path):
    """Open a main window on a database and wait until the database is open."""
    windows = []

    def make(path=None, wait_open=True):
        window = open_main_window(path or db_path)
        qtbot.addWidget(window)
        windows.append(window)
        if wait_open:
            qtbot.waitUntil(lambda: window.runner.store is not None and not window.runner.busy,
                            timeout=10_000)
        return window

    yield make
    for window in windows:
        window.runner.shutdown()


@pytest.fixture
def settings():
    return gui_settings()
