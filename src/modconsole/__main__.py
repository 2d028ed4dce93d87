"""`python -m modconsole` runs the same entry point as the `modconsole` script."""

import sys

from modconsole.cli import main

sys.exit(main())
