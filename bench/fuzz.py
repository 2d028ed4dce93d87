"""A long fuzz run of every importer: `python bench/fuzz.py --examples 5000`.

The same property tests as the default suite (tests/unit/test_fuzz_importers.py),
with many more inputs and fresh random ones each run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000, help="inputs per importer")
    args = parser.parse_args()
    env = {**os.environ, "MODCONSOLE_FUZZ_EXAMPLES": str(args.examples)}
    return subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            str(ROOT / "tests" / "unit" / "test_fuzz_importers.py")], env=env,
                           cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())
