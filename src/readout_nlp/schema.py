"""The JSON Schema of the records, as committed in docs/readout.schema.json."""

from __future__ import annotations

import json

from .records import SCHEMA_NAME, SCHEMA_VERSION, Readout


def schema() -> dict:
    s = Readout.model_json_schema()
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["$id"] = f"{SCHEMA_NAME}/{SCHEMA_VERSION}"
    s["title"] = SCHEMA_NAME
    return s


def schema_json() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False, sort_keys=False)
