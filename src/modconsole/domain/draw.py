"""Lucky draws anyone can re-verify: the pool in a fixed order, a recorded seed, Python's PRNG.

Given the same pool and seed, `draw` always picks the same winners, so a
draw logged with its seed and pool fingerprint can be checked later.
"""

from __future__ import annotations

import hashlib
import random
import secrets

from modconsole.domain.messages import N_


class DrawError(ValueError):
    """A draw that cannot be made; the message says why."""


def new_seed() -> str:
    return secrets.token_hex(8)


def fingerprint(pool: list[str]) -> str:
    """A short hash of the pool, so a re-check can tell the pool changed."""
    return hashlib.sha256("\n".join(sorted(pool)).encode()).hexdigest()[:16]


def draw(pool: list[str], count: int, seed: str) -> list[str]:
    if count < 1:
        raise DrawError(N_("draw", "draw at least one winner"))
    ordered = sorted(set(pool))
    if count > len(ordered):
        raise DrawError(N_("draw", "only {n_ordered} eligible members; cannot draw "
                                   "{count}").format(n_ordered=len(ordered), count=count))
    return random.Random(seed).sample(ordered, count)
