"""readout_nlp: diplomatic readouts into attributed, typed data.

    >>> import readout_nlp
    >>> readout = readout_nlp.analyze(text)          # doctest: +SKIP
    >>> readout.claims[0].speakers, readout.claims[0].cue

The spaCy components are registered on import, so ``nlp.add_pipe("readout_attribution")``
works on any English pipeline with a parser.
"""

from . import extensions as _extensions  # noqa: F401  (declares the Doc/Span extensions)
from .about import __version__
from .errors import (
    EmptyInputError,
    GoldFormatError,
    InputFileError,
    ModelNotFoundError,
    NoSentencesError,
    NotTextError,
    ReadoutError,
    ReadoutWarning,
    TaxonomyError,
)
from .pipeline import analyze, load, pipe, to_readout
from .records import (
    Attribution,
    Claim,
    Commitment,
    CommitmentType,
    EventType,
    Meta,
    Modality,
    Paragraph,
    Participant,
    Readout,
    Sentence,
)

__all__ = [
    "__version__",
    "analyze",
    "load",
    "pipe",
    "to_readout",
    "Readout",
    "Meta",
    "Participant",
    "Paragraph",
    "Sentence",
    "Claim",
    "Commitment",
    "Attribution",
    "CommitmentType",
    "EventType",
    "Modality",
    "ReadoutError",
    "EmptyInputError",
    "NotTextError",
    "NoSentencesError",
    "ModelNotFoundError",
    "InputFileError",
    "GoldFormatError",
    "TaxonomyError",
    "ReadoutWarning",
]
