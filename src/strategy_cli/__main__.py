"""`python -m strategy_cli`."""

from strategy_cli.cli.app import run

run()
