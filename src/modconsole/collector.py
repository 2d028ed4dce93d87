"""How often Python looks for reference cycles, set for bulk data.

By default the cycle collector walks every young object each time 700 more
have been made. A push, a pulled page, a snapshot page or an import makes
hundreds of thousands of objects that all live until it ends, and those
walks found nothing in them: a sixth of a 100,000-member upload's time on
the server, a fifteenth of a console's pull of it. Collected less often,
cycles still go, a little later.
"""

import gc

YOUNG = 20_000  # new objects between collections (Python's default: 700)


def collect_less(freeze: bool = False) -> None:
    """Collect less often; `freeze`: also set aside what is alive now (a server process
    after start-up, whose modules and app live as long as it does)."""
    if freeze:
        gc.freeze()
    gc.set_threshold(YOUNG, 20, 20)
