"""The frozen app's entry point: the `modconsole` command's main(). With no command it
opens the console, as a double-click does."""

import sys

from modconsole.cli import main

if __name__ == "__main__":
    sys.exit(main())
