"""The console script's entry point: imports nothing heavy before it can catch Ctrl-C, so that
an interrupt at any moment ends with one line and exit 130, never a traceback."""

from __future__ import annotations

import sys


def run() -> None:
    try:
        from strategy_cli.cli.app import run as main
    except KeyboardInterrupt:
        sys.stderr.write("strategy: interrupted\n")
        sys.exit(130)
    main()
