"""Sizes of the sync tests. The suite runs them small; `bench/run.py sync_soak` sets these
variables and runs the same tests large (20 consoles × 10,000 operations, 1,000 deaths)."""

import os


def size(name: str, default: int) -> int:
    return int(os.environ.get(f"MODCONSOLE_SOAK_{name}", default))
