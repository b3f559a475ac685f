"""The library's exceptions and warnings: one base class, so callers can catch them all.

Every message says what is wrong and, where it can, what to do about it.
"""

from __future__ import annotations


class ReadoutError(Exception):
    """Base class for every error readout_nlp raises on purpose."""


class EmptyInputError(ReadoutError, ValueError):
    """The input has no text to analyse (empty, or only white space / control characters)."""


class NotTextError(ReadoutError, TypeError):
    """The input is not text (bytes, None, a number ...) or is binary data."""


class NoSentencesError(ReadoutError, ValueError):
    """The input has characters but no sentence could be found in it."""


class ModelNotFoundError(ReadoutError, OSError):
    """The spaCy pipeline asked for cannot be loaded."""


class InputFileError(ReadoutError, OSError):
    """A file could not be read or decoded; the message names the file and the reason."""


class GoldFormatError(ReadoutError, ValueError):
    """A gold file breaks FORMAT.md; the message names the file and the field."""


class TaxonomyError(ReadoutError, ValueError):
    """A taxonomy or lexicon file is malformed; the message names the file and the entry."""


class ReadoutWarning(UserWarning):
    """Something the user should know about a result (e.g. the text does not look English)."""


class TextTooLongError(ReadoutError, ValueError):
    """The text is longer than the pipeline's ``max_length`` characters."""


class AnalysisError(ReadoutError, RuntimeError):
    """An unexpected failure inside the analysis (a bug: please report it with the text).

    The original exception is chained as ``__cause__``.
    """


class OutputError(ReadoutError, OSError):
    """An output folder or file cannot be created or written; the message names it."""
