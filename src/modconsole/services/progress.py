"""How long work reports progress: a callable taking (done, total).

The GUI passes one that raises `Cancelled` once the person clicks Cancel,
so cancelling rolls the whole transaction back. The CLI passes a printer.
"""

from collections.abc import Callable

Progress = Callable[[int, int], None]


def no_progress(_done: int, _total: int) -> None:
    return None
