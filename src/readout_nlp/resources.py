"""Find and read the rule bundle: lexicons and the taxonomy, kept as data.

The bundle is the top-level ``models/en_readout_rules/`` folder of the repository. The wheel
ships it as ``readout_nlp/models/en_readout_rules`` (see pyproject's force-include); an
editable install reads it from the repository. Each JSONL line is one entry with an ``id``,
so any decision can be traced to the entry that made it.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import srsly

from .errors import TaxonomyError

BUNDLE = "en_readout_rules"


@lru_cache(maxsize=1)
def bundle_dir() -> Path:
    """The folder holding the default rule bundle."""
    shipped = Path(str(importlib_resources.files("readout_nlp"))) / "models" / BUNDLE
    if shipped.is_dir():
        return shipped
    repo = Path(__file__).resolve().parents[2] / "models" / BUNDLE
    if repo.is_dir():
        return repo
    raise TaxonomyError(
        f"the rule bundle {BUNDLE!r} was found neither in the package ({shipped}) nor in the "
        f"repository ({repo}); reinstall readout-nlp"
    )


def resource_path(name: str) -> Path:
    return bundle_dir() / name


@cache
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """Entries of a bundled JSONL file (cached; treat as read-only)."""
    return tuple(read_jsonl(resource_path(name)))


@cache
def load_json(name: str) -> Any:
    """A bundled JSON file (cached; treat as read-only)."""
    path = resource_path(name)
    try:
        return srsly.read_json(path)
    except (OSError, ValueError) as exc:
        raise TaxonomyError(f"{path}: cannot read JSON: {exc}") from exc


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSONL file of rule entries; errors name the file and the line."""
    path = Path(path)
    entries: list[dict[str, Any]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise TaxonomyError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    for lineno, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TaxonomyError(f"{path}:{lineno}: not valid JSON: {exc.msg}") from exc
        if not isinstance(entry, dict):
            raise TaxonomyError(f"{path}:{lineno}: each line must be a JSON object")
        entries.append(entry)
    return entries


def bundle_version() -> str:
    return str(load_json("meta.json").get("version", "0"))
