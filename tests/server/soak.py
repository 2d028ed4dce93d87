"""Sizes of the sync tests. The suite runs them small; `bench/run.py sync_soak` sets these
variables and runs the same tests large (20 consoles × 10,000 operations, 1,000 deaths),
and names a file where a test notes how far it got (hours at full size)."""

import os
import time


def size(name: str, default: int) -> int:
    return int(os.environ.get(f"MODCONSOLE_SOAK_{name}", default))


def progress(what: str, done: int, total: int) -> None:
    """Note how far a soak got in MODCONSOLE_SOAK_PROGRESS's file, if one is named."""
    path = os.environ.get("MODCONSOLE_SOAK_PROGRESS")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(f"{time.strftime('%H:%M:%S')} {what} {done:,} of {total:,}\n")
