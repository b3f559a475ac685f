"""Every custom attribute readout_nlp puts on spaCy objects, declared in one place.

Doc
  ``doc._.readout_layout``   segment.Layout: headline, boilerplate, paragraphs, sentences
  ``doc._.readout_meta``     records.Meta: date, event type, place, participants
  ``doc._.readout_roster``   speakers.Roster built from the participants
  ``doc.spans[PARAGRAPHS]``  body paragraphs
  ``doc.spans[CLAIMS]``      one span per attributed sentence (see the Span attributes)
  ``doc.spans[COMMITMENTS]`` one span per commitment (``span._.commitment``)

Span (claims)
  ``span._.speakers``      list of canonical participant names
  ``span._.attribution``   "explicit" | "continuation"
  ``span._.cue``           lemmatised reporting cue or None
  ``span._.rule``          id of the rule that assigned the speaker
Span (commitments)
  ``span._.commitment``    records.Commitment
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

PARAGRAPHS = "readout_paragraphs"
SENTENCES = "readout_sentences"
CLAIMS = "readout_claims"
COMMITMENTS = "readout_commitments"

_DOC = ("readout_layout", "readout_meta", "readout_roster", "readout_decisions")
_SPAN = ("speakers", "attribution", "cue", "rule", "commitment")


def register() -> None:
    """Declare the extensions (idempotent)."""
    for name in _DOC:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in _SPAN:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register()
