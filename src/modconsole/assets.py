"""Where shipped files live: inside the wheel, or at the top of a source checkout.

The wheel carries `resources/` and `ui/` as `modconsole/resources` and
`modconsole/ui` (see pyproject's force-include); an editable install runs
from `src/`, so the checkout's top-level folders are used instead.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _root(name: str) -> Path:
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parents[1] / name


def resource_path(*parts: str) -> Path:
    return _root("resources").joinpath(*parts)


def ui_path(name: str) -> Path:
    return _root("ui") / name
