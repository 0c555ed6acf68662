"""The console script's entry point: imports nothing heavy before it can catch Ctrl-C, so that
an interrupt ends with one line and exit 130. (In the first few milliseconds, while Python itself
and the script installers' wrapper start, an interrupt is Python's to report.)"""

from __future__ import annotations

import sys


def run() -> None:
    try:
        from strategy_cli.cli.app import run as main
    except KeyboardInterrupt:
        sys.stderr.write("strategy: interrupted\n")
        sys.exit(130)
    main()
