"""`python -m strategy_cli`."""

from strategy_cli.cli.entry import run

run()
