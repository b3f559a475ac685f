"""The records a batch run writes besides Readouts: why an input produced none."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ..about import __version__
from ..errors import InputFileError


class ErrorKind(str, Enum):
    """Why an input produced no Readout."""

    MISSING = "missing"  # listed, then gone when read (removed mid-run)
    UNREADABLE = "unreadable"  # permission denied, a folder, an I/O error
    TOO_LARGE = "too_large"  # over max_chars (or its byte bound)
    BINARY = "binary"  # NUL bytes, a known binary format, control characters
    ENCODING = "encoding"  # corrupted UTF-8, or no encoding fits
    EMPTY = "empty"  # no letters or digits (after HTML extraction)
    NO_SENTENCES = "no_sentences"  # only headings / navigation lines
    ANALYSIS = "analysis"  # the pipeline raised
    WORKER_DIED = "worker_died"  # the worker process died on this input (memory?)
    DUPLICATE = "duplicate"  # same bytes as an earlier input: a note, not a failure


class BatchError(BaseModel):
    """One line of errors.jsonl: an input that produced no Readout, and why."""

    model_config = ConfigDict(extra="ignore")

    source: Annotated[str, Field(description="The input's path.")]
    content_sha256: Annotated[
        str | None, Field(description="SHA-256 of the file's bytes; null if unread.")
    ] = None
    kind: Annotated[ErrorKind, Field(description="What went wrong (a category).")]
    reason: Annotated[str, Field(description="What went wrong, for a person.")]
    duplicate_of: Annotated[
        str | None, Field(description="For kind=duplicate: the input analysed instead.")
    ] = None
    library_version: Annotated[str, Field(description="readout_nlp version.")] = __version__

    @property
    def failed(self) -> bool:
        """A duplicate is a note (its text was analysed once); anything else is a failure."""
        return self.kind is not ErrorKind.DUPLICATE

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class BatchInputError(InputFileError):
    """A file could not be turned into text; ``kind`` says which way it failed."""

    def __init__(self, path: str | Path, kind: ErrorKind, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.kind = kind
        self.reason = reason
