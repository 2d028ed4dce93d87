"""The CLI speaks the interface language: the one chosen in Settings, or the system's.

It reads the GUI's compiled catalogue through QtCore's QTranslator (no
display needed), so a sentence is translated once, for both.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QTranslator

from modconsole.assets import resource_path
from modconsole.domain.messages import localize
from modconsole.gui.i18n import configured_language


@cache
def _translator(language: str) -> QTranslator:
    translator = QTranslator()
    translator.load(str(resource_path("translations", f"modconsole_{language}.qm")))
    return translator


def translate(context: str, source: str) -> str:
    """The CLI's Translate: `source` in the chosen language (as is when not translated)."""
    return _translator(configured_language()).translate(context, source) or source


def say(value) -> str:
    """A message, an exception carrying one, or plain text, in the CLI's language."""
    return str(localize(value, translate))
