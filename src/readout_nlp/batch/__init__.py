"""A folder of readouts in, records out, nothing lost.

    >>> from readout_nlp.batch import analyze_folder, run_batch       # doctest: +SKIP
    >>> for item in analyze_folder("readouts/"):                      # doctest: +SKIP
    ...     print(item.source, len(item.claims) if isinstance(item, Readout) else item.reason)
    >>> summary = run_batch("readouts/", "out/", n_process=2)         # doctest: +SKIP

Reading (``read_text``)
  ``.txt``/``.md``/``.html`` files, recursively, in sorted path order. The encoding is
  detected, never assumed: a BOM first (UTF-8, UTF-16, UTF-32), BOM-less UTF-16 by its
  NUL-byte pattern, strict UTF-8, then charset-normalizer (cp1252, GB18030, Big5 ...).
  Binary files (NUL bytes, known magic numbers, control characters) and corrupted UTF-8 are
  errors, not mojibake. HTML is reduced to its main text with trafilatura (the ``html``
  extra) or, without it, a small standard-library extractor.

Writing (``run_batch``)
  ``readouts.jsonl``  one Readout per distinct input, plus ``content_sha256``
  ``errors.jsonl``    one BatchError per input that could not be analysed, and one note
                      (kind ``duplicate``) per input whose bytes equal an earlier input's
  ``readouts.csv``, ``claims.csv``, ``commitments.csv`` (and ``.parquet`` with pyarrow):
                      flat tables derived from readouts.jsonl at the end of the run.
  Every input ends as exactly one line in readouts.jsonl or errors.jsonl. Lines are
  appended whole (one ``os.write`` each, fsync per batch), a partial line left by a killed
  run is cut off on the next start, and ``resume=True`` skips inputs already recorded.

Duplicates are analysed once: the second file gets a ``duplicate`` note naming the first
rather than a second Readout, so claim and commitment counts are not doubled when the same
readout was saved twice (e.g. from the ministry's and the embassy's site).

Processes (``n_process``)
  With 1, batches go through ``nlp.pipe`` in this process. With more, each worker process
  loads the pipeline once and returns Readout JSON (Doc extensions do not pickle); batches
  are taken back in submission order, a few in flight at a time, so the output is the same
  bytes whatever the process count and memory does not grow with the corpus.

Modules: ``inputs`` (files → text), ``engine`` (text → Readout JSON, in-process or in
workers), ``output`` (JSONL appends, tables), ``run`` (``run_batch``, ``analyze_folder``),
``records`` (``BatchError``, ``ErrorKind``).
"""

from __future__ import annotations

from .engine import analyse_jobs
from .inputs import (
    HTML_SUFFIXES,
    MAX_CHARS,
    SUFFIXES,
    TEXT_SUFFIXES,
    decode_bytes,
    html_to_text,
    html_to_text_stdlib,
    list_inputs,
    read_text,
    sha256_bytes,
    text_from_bytes,
)
from .output import (
    ERRORS,
    READOUTS,
    TABLES,
    JsonlAppender,
    iter_errors,
    iter_jsonl,
    iter_readouts,
    repair_tail,
    table_rows,
    write_tables,
)
from .records import BatchError, BatchInputError, ErrorKind
from .run import OutputExistsError, Summary, analyze_folder, run_batch

__all__ = [
    "analyze_folder",
    "run_batch",
    "Summary",
    "read_text",
    "list_inputs",
    "decode_bytes",
    "text_from_bytes",
    "html_to_text",
    "html_to_text_stdlib",
    "sha256_bytes",
    "analyse_jobs",
    "iter_readouts",
    "iter_errors",
    "iter_jsonl",
    "write_tables",
    "table_rows",
    "JsonlAppender",
    "repair_tail",
    "BatchError",
    "BatchInputError",
    "ErrorKind",
    "OutputExistsError",
    "MAX_CHARS",
    "SUFFIXES",
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "READOUTS",
    "ERRORS",
    "TABLES",
]
