"""Which data file to use: `--data`, else $STRATEGY_DATA, else the bundled report.

Kept apart from reading the file so that a cached query imports neither YAML nor pydantic.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "STRATEGY_DATA"
BUNDLED_NAME = "co.yaml"


def bundled_path() -> Path:
    """The data shipped in the wheel; in a source checkout, the repository's `data/` file."""
    here = Path(__file__).resolve().parent
    packaged = here.parent / "data" / BUNDLED_NAME
    return packaged if packaged.is_file() else here.parents[2] / "data" / BUNDLED_NAME


def resolve(option: str | None) -> str:
    """`--data`, else $STRATEGY_DATA, else the bundled report (relative to the current folder
    when it is inside it, so that messages and CI annotations name it as the repository does)."""
    if option or os.environ.get(ENV_VAR):
        return option or os.environ[ENV_VAR]
    bundled = bundled_path()
    relative = os.path.relpath(bundled)
    return relative if not relative.startswith("..") else str(bundled)
