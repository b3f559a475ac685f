"""readout_nlp: diplomatic readouts into attributed, typed data.

    >>> import readout_nlp
    >>> readout = readout_nlp.analyze(text)          # doctest: +SKIP
    >>> readout.claims[0].speakers, readout.claims[0].cue

The spaCy components are registered on import, so ``nlp.add_pipe("readout_attribution")``
works on any English pipeline with a parser.
"""

from . import extensions as _extensions  # noqa: F401  (declares the Doc/Span extensions)
from .about import __version__
from .commitments import load_taxonomy, set_default_taxonomy
from .errors import (
    AnalysisError,
    EmptyInputError,
    GoldFormatError,
    InputFileError,
    ModelNotFoundError,
    NoSentencesError,
    NotTextError,
    OutputError,
    ReadoutError,
    ReadoutWarning,
    TaxonomyError,
    TextTooLongError,
)
from .frames import batch_frame, claims_frame, commitments_frame, read_readouts, readouts_frame
from .pipeline import analyze, load, pipe, to_readout
from .plot import plot_commitments
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
from .render import render, render_html, render_page

__all__ = [
    "__version__",
    "analyze",
    "load",
    "pipe",
    "to_readout",
    "load_taxonomy",
    "set_default_taxonomy",
    "render",
    "render_html",
    "render_page",
    "claims_frame",
    "commitments_frame",
    "readouts_frame",
    "batch_frame",
    "read_readouts",
    "plot_commitments",
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
    "OutputError",
    "NoSentencesError",
    "ModelNotFoundError",
    "InputFileError",
    "GoldFormatError",
    "TaxonomyError",
    "TextTooLongError",
    "AnalysisError",
    "ReadoutWarning",
]
