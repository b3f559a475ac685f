"""The committed JSON Schema (docs/readout.schema.json) matches the records in the code."""

from __future__ import annotations

import json
from pathlib import Path

from readout_nlp.records import SCHEMA_NAME, SCHEMA_VERSION, Readout
from readout_nlp.schema import schema, schema_json

COMMITTED = Path(__file__).resolve().parents[1] / "docs" / "readout.schema.json"


def test_committed_schema_is_current():
    # Exactly what `readout-nlp schema -o docs/readout.schema.json` writes.
    assert COMMITTED.read_text(encoding="utf-8") == schema_json() + "\n", (
        "docs/readout.schema.json is stale: run `make schema` and commit the result"
    )


def test_schema_names_itself_and_its_version():
    s = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert (s["title"], s["$id"]) == (SCHEMA_NAME, f"{SCHEMA_NAME}/{SCHEMA_VERSION}")
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_covers_every_field_of_a_record():
    s = schema()
    assert set(s["properties"]) == set(Readout.model_fields)
    for name in ("Claim", "Commitment", "Meta", "Participant"):
        assert name in s["$defs"]
