"""Typed commitments (placeholder until the commitment tagger lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from . import extensions as ext


def find_commitments(doc: Doc) -> list:
    doc.spans[ext.COMMITMENTS] = []
    return []
