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

The values are the library's own objects, so they travel with ``Doc.to_bytes`` / ``DocBin``
and between ``nlp.pipe(..., n_process=2)`` workers through msgpack hooks registered with
srsly (as spaCy does for numpy arrays): each value is pickled, and unpickling accepts only
readout_nlp's own classes and ``datetime.date``, so bytes from elsewhere cannot name
arbitrary code.
"""

from __future__ import annotations

import datetime
import io
import pickle
from typing import Any

import srsly
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


# ---------------------------------------------------------------------------------------
# msgpack hooks (srsly's registries; see srsly.msgpack.__init__)

_TAG = "__readout_nlp__"
_PACKAGE = __name__.rsplit(".", 1)[0] + "."  # "readout_nlp."
_ALLOWED = {("datetime", "date"): datetime.date}


class _OwnClassesUnpickler(pickle.Unpickler):
    """Unpickle only readout_nlp's own records (and dates)."""

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith(_PACKAGE):
            return super().find_class(module, name)
        if (module, name) in _ALLOWED:
            return _ALLOWED[(module, name)]
        raise pickle.UnpicklingError(f"readout_nlp: refusing to unpickle {module}.{name}")


def encode_value(obj: Any, chain: Any = None) -> Any:
    """msgpack encoder: one of the library's objects → {_TAG: pickle bytes}."""
    if type(obj).__module__.startswith(_PACKAGE):
        return {_TAG: pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)}
    return obj if chain is None else chain(obj)


def decode_value(obj: Any, chain: Any = None) -> Any:
    """msgpack decoder: the inverse of `encode_value`."""
    if isinstance(obj, dict) and _TAG in obj:
        return _OwnClassesUnpickler(io.BytesIO(obj[_TAG])).load()
    return obj if chain is None else chain(obj)


def register_msgpack() -> None:
    """Register the msgpack hooks (idempotent)."""
    if "readout_nlp" not in srsly.msgpack_encoders.get_all():
        srsly.msgpack_encoders.register("readout_nlp", func=encode_value)
        srsly.msgpack_decoders.register("readout_nlp", func=decode_value)


register()
register_msgpack()
