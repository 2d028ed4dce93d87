"""UUIDv7 ids, made on the client so rows can be created offline and synced.

Python 3.11 has no uuid7 (3.14 does); the layout is RFC 9562 section 5.7.
Callers may pass the clock and the random bits, which makes the demo
community reproducible for a given seed.
"""

from __future__ import annotations

import os
import time
import uuid

from modconsole.domain.messages import N_

# 2026-01-01T00:00:00Z: the time part of every id of shipped default content (the starter
# rulebook and phrase book), which every console and the team server derive alike.
DEFAULTS_EPOCH_MS = 1_767_225_600_000


def _time_prefix(unix_ms: int) -> str:
    digits = f"{unix_ms:012x}"
    return f"{digits[:8]}-{digits[8:]}"


# Default content's ids as text sort between these two (for a range query in SQL).
DEFAULT_CONTENT_IDS = (_time_prefix(DEFAULTS_EPOCH_MS), _time_prefix(DEFAULTS_EPOCH_MS + 1))


def is_default_content(row_id: str) -> bool:
    """Whether a row is shipped default content, which every console has without a sync."""
    try:
        return uuid.UUID(row_id).int >> 80 == DEFAULTS_EPOCH_MS
    except ValueError:
        return False


def uuid7(unix_ms: int | None = None, rand: bytes | None = None) -> str:
    """Return a UUIDv7 as canonical text; time-ordered, so ids sort by creation."""
    if unix_ms is None:
        unix_ms = time.time_ns() // 1_000_000
    if rand is None:
        rand = os.urandom(10)
    if len(rand) != 10:
        raise ValueError(N_("ids", "uuid7 needs exactly 10 random bytes"))
    value = (unix_ms & 0xFFFF_FFFF_FFFF) << 80 | int.from_bytes(rand, "big")
    value = (value & ~(0xF << 76)) | (0x7 << 76)  # version 7
    value = (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 4122 variant
    return str(uuid.UUID(int=value))
