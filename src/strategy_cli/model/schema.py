"""The JSON Schema of the data file, exported from the validator so the two cannot drift."""

from __future__ import annotations

import json
from typing import Any

from strategy_cli.model.validation import adapter

SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema"


def schema_text(cls: Any = None) -> str:
    """The report's schema, or another model's (`Verdicts`)."""
    chosen = adapter() if cls is None else adapter(cls)
    schema = {"$schema": SCHEMA_ID, **chosen.json_schema(mode="validation")}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
