"""Typed commitments: what each side undertakes, proposes, agrees, supports or signs."""

from __future__ import annotations

from .lexicon import Lexicon, Marker, lexicon
from .tagger import find_commitments
from .taxonomy import (
    Taxonomy,
    Trigger,
    TypeSpec,
    default_taxonomy,
    load_taxonomy,
    set_default_taxonomy,
)

__all__ = [
    "Lexicon",
    "Marker",
    "Taxonomy",
    "Trigger",
    "TypeSpec",
    "default_taxonomy",
    "find_commitments",
    "lexicon",
    "load_taxonomy",
    "set_default_taxonomy",
]
