"""The CLI speaks the interface language: the one chosen in Settings, or the system's.

It reads the GUI's compiled catalogue (gui.i18n.catalogue, no display needed),
so a sentence is translated once, for both. The language is read once per
command, not once per sentence: an export names every row's values with it.
"""

from __future__ import annotations

from modconsole.domain.messages import Translate, english, localize
from modconsole.gui.i18n import catalogue, configured_language

_chosen: list[Translate] = [english]  # English until a command chooses


def choose_language() -> None:
    """Speak the language chosen in Settings (or the system's) from now on."""
    _chosen[0] = catalogue(configured_language())


def translate(context: str, source: str) -> str:
    """The CLI's Translate: `source` in the chosen language (as is when not translated)."""
    return _chosen[0](context, source)


def say(value) -> str:
    """A message, an exception carrying one, or plain text, in the CLI's language."""
    return str(localize(value, translate))
