"""Shared fixtures: one loaded pipeline per session, gold documents, and pipe clean-up."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import readout_nlp

# Property tests: a bounded profile for every run (CI stays fast), a long one on demand:
#   HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/test_robustness.py
settings.register_profile(
    "ci", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

GOLD_DIR = Path(__file__).parent / "gold" / "dev"
SHARED_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"


@pytest.fixture(scope="session")
def nlp():
    return readout_nlp.load()


@pytest.fixture
def fresh_nlp(nlp):
    """The session pipeline, with any pipe a test adds removed afterwards."""
    before = list(nlp.pipe_names)
    yield nlp
    for name in list(nlp.pipe_names):
        if name not in before:
            nlp.remove_pipe(name)


def gold_names() -> list[str]:
    return sorted(p.name[: -len(".gold.json")] for p in GOLD_DIR.glob("*.gold.json"))


def load_gold(name: str) -> tuple[str, dict]:
    text = (GOLD_DIR / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((GOLD_DIR / f"{name}.gold.json").read_text(encoding="utf-8"))
    return text, gold


@pytest.fixture(scope="session")
def gold_readouts(nlp):
    """Every dev gold document analysed once: {name: (text, gold, readout)}."""
    out = {}
    for name in gold_names():
        text, gold = load_gold(name)
        out[name] = (text, gold, readout_nlp.analyze(text, source=name, nlp=nlp))
    return out
