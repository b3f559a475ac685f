"""Event metadata: date, event type, place and participants (headline + opening sentences).

Placeholder until the meta reader lands: title only, participants as given.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .records import Meta, Participant
from .segment import Layout


def read_meta(doc: Doc, layout: Layout, participants: Sequence[Participant] | None = None) -> Meta:
    """Read the event's metadata from a segmented Doc."""
    return Meta(title=layout.title_text, participants=list(participants or []))
