"""The JSON Schema of the data file, exported from the validator so the two cannot drift."""

from __future__ import annotations

import json

from strategy_cli.model.validation import adapter

SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema"


def schema_text() -> str:
    schema = {"$schema": SCHEMA_ID, **adapter().json_schema(mode="validation")}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
