"""`python -m strategy_cli`."""

from strategy_cli.cli import run

run()
