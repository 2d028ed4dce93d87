"""Damaging a database file the way a failing disk does, for the damage tests."""

import os
import random


def overwrite_pages(path, pages=100, seed=3):
    """Overwrite pages in the later two thirds of the file with random bytes."""
    size = os.path.getsize(path) // 4096
    rng = random.Random(seed)
    with open(path, "r+b") as f:
        for page in rng.sample(range(size // 3, size), pages):
            f.seek(page * 4096)
            f.write(rng.randbytes(4096))
