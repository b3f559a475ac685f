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
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import os
import re
import sys
import time
import unicodedata
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from enum import Enum
from html.parser import HTMLParser
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from .about import __version__
from .errors import InputFileError, ModelNotFoundError, ReadoutError, ReadoutWarning
from .records import Readout

if TYPE_CHECKING:
    from spacy.language import Language

#: File name endings read as readouts (compared case-insensitively).
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES

#: Longest text analysed. Real readouts, joint statements included, stay under ~100,000
#: characters; a multi-megabyte "readout" is a dump of many pages, which the parser would
#: take minutes and gigabytes over, so it is refused with a clear reason instead.
MAX_CHARS = 1_000_000
#: Files larger than this many bytes per allowed character are refused before being read
#: (HTML markup and UTF-16 take several bytes per character of text).
BYTES_PER_CHAR = 16

READOUTS = "readouts.jsonl"
ERRORS = "errors.jsonl"
TABLES = ("readouts", "claims", "commitments")


# ---------------------------------------------------------------------------------------
# Records


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


# ---------------------------------------------------------------------------------------
# Reading: bytes → text

_BOMS = (  # UTF-32 before UTF-16: FF FE 00 00 also starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Binary formats people drop into a folder of readouts (a PDF of the statement, a Word file,
# a screenshot): named so the error says what to do rather than "binary".
_MAGIC = (
    (b"%PDF-", "a PDF file; extract its text first (e.g. pdftotext)"),
    (b"PK\x03\x04", "a ZIP container (.docx, .odt, .xlsx ...); save it as plain text first"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc, .xls); save it as text first"),
    (b"{\\rtf", "an RTF document; save it as plain text first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive; decompress it first"),
)

# One valid UTF-8 multi-byte sequence (RFC 3629, no overlongs or surrogates).
_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)

# charset-normalizer often ranks a DOS code page (cp852, cp850) above cp1252 for English
# text with curly quotes, though both decode it without "chaos"; among equally clean
# candidates we prefer the encodings readouts are actually published in.
_PREFERRED = ("cp1252", "gb18030", "big5", "shift_jis", "euc_kr", "cp1251", "iso8859_15")
_MULTIBYTE = {"gb18030", "gb2312", "gbk", "big5", "big5hkscs", "shift_jis", "cp932",
              "euc_jp", "euc_kr", "cp949", "johab", "hz", "iso2022_jp", "iso2022_kr"}  # fmt: skip


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 LE/BE by its NUL pattern: English text has a NUL in every other byte."""
    n = len(head) - len(head) % 2
    if n < 8:
        return None
    even, odd = head[0:n:2].count(0), head[1:n:2].count(0)
    half = n // 2
    if odd >= 0.4 * half and even <= 0.05 * half:
        return "utf-16-le"
    if even >= 0.4 * half and odd <= 0.05 * half:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    sample = text[:100_000]
    if not sample:
        return 0.0
    bad = sum(
        1 for ch in sample if ch not in "\t\n\r\f\v" and unicodedata.category(ch) == "Cc"
    )
    return bad / len(sample)


def decode_bytes(data: bytes, name: str | Path = "<bytes>") -> tuple[str, str]:
    """(text, encoding) for a file's bytes, or a BatchInputError saying why not.

    Order: BOM, BOM-less UTF-16, binary check, strict UTF-8, then detection. Strict UTF-8
    comes before detection because detectors misread short UTF-8 files as cp1252/latin-1.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc
            except UnicodeDecodeError as exc:
                raise BatchInputError(
                    name, ErrorKind.ENCODING,
                    f"starts with a {enc.upper()} byte-order mark but is not valid {enc} "
                    f"({exc.reason} at byte {exc.start + len(bom)})",
                ) from exc  # fmt: skip
    head = data[:65536]
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BatchInputError(name, ErrorKind.BINARY, f"not a text file: {what}")
    if 0 in head:
        enc16 = _utf16_without_bom(head)
        if enc16 is not None:
            try:
                return data.decode(enc16), enc16
            except UnicodeDecodeError:
                pass
        raise BatchInputError(
            name, ErrorKind.BINARY,
            f"binary data, not text (a NUL byte at offset {head.index(0)})",
        )  # fmt: skip
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        text, enc = _decode_legacy(data, name, exc)
    if _control_share(text) > 0.01:
        raise BatchInputError(
            name, ErrorKind.BINARY,
            f"binary data, not text (over 1% control characters when read as {enc})",
        )  # fmt: skip
    return text, enc


def _decode_legacy(data: bytes, name: str | Path, exc: UnicodeDecodeError) -> tuple[str, str]:
    """Text in a legacy encoding (cp1252, GB18030 ...), or an error for corrupted UTF-8."""
    from charset_normalizer import from_bytes

    valid = len(_UTF8_SEQ.findall(data))
    invalid = sum(1 for b in _UTF8_SEQ.sub(b"", data) if b > 0x7F)
    # A UTF-8 file with a few damaged bytes (a truncated download, two files pasted
    # together): its curly quotes are valid UTF-8 sequences, which in GB18030/Big5/Shift-JIS
    # text make up well under half of the non-ASCII units. Decoding it as cp1252 would turn
    # every ’ into â€™, so it is refused instead.
    corrupted = (
        f"mostly UTF-8 but {invalid} byte(s) are not valid UTF-8 (first at byte {exc.start}): "
        "the file is damaged or mixes encodings; re-save it as UTF-8"
    )
    if valid and valid >= 2 * invalid:
        raise BatchInputError(name, ErrorKind.ENCODING, corrupted)
    matches = list(from_bytes(data))
    if not matches:
        raise BatchInputError(
            name, ErrorKind.ENCODING,
            f"not UTF-8 ({exc.reason} at byte {exc.start}) and no other encoding fits: "
            "damaged or binary data",
        )  # fmt: skip
    lowest = min(m.chaos for m in matches)
    clean = [m for m in matches if m.chaos <= lowest + 0.01]
    encoding = clean[0].encoding
    for preferred in _PREFERRED:
        if any(preferred in m.could_be_from_charset for m in clean):
            encoding = preferred
            break
    if valid and encoding not in _MULTIBYTE:
        raise BatchInputError(name, ErrorKind.ENCODING, corrupted)
    if lowest > 0.2:
        raise BatchInputError(
            name, ErrorKind.ENCODING,
            f"not UTF-8 and reads as garbage in every encoding tried (best: {encoding})",
        )  # fmt: skip
    return data.decode(encoding), encoding


# ---------------------------------------------------------------------------------------
# Reading: HTML → text


_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer",
              "aside", "form", "button", "select", "head", "iframe", "object"}  # fmt: skip
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
               "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "blockquote", "pre",
               "figure", "figcaption", "hr", "br", "title", "address", "center"}  # fmt: skip
_VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
              "source", "track", "wbr", "param"}  # fmt: skip


class _BlockText(HTMLParser):
    """Visible text of a page as blocks, skipping script/style/navigation chrome.

    A fallback for when trafilatura is not installed: it has no boilerplate scoring, but
    government pages wrap chrome in <nav>/<header>/<footer>, and when the page marks its
    content with <main> or <article> only that part is kept.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []  # (text, inside <main>/<article>)
        self._buf: list[str] = []
        self._skip = 0
        self._main = 0
        self._title: list[str] | None = None
        self.has_main = False
        self.has_h1 = False
        self.title = ""

    def _flush(self) -> None:
        text = " ".join("".join(self._buf).split())
        if text:
            self.blocks.append((text, self._main > 0))
        self._buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._title = []
            return
        self.has_h1 = self.has_h1 or tag == "h1"
        if tag in _SKIP_TAGS:
            if tag not in _VOID_TAGS:
                self._skip += 1
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in ("main", "article"):
            self._main += 1
            self.has_main = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title is not None:
            self.title = " ".join("".join(self._title).split())
            self._title = None
            return
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in ("main", "article"):
            self._main = max(0, self._main - 1)

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)
        elif not self._skip:
            self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_text_stdlib(html: str) -> str:
    """Main text of a page as blank-line-separated paragraphs, with the standard library."""
    parser = _BlockText()
    parser.feed(html)
    parser.close()
    blocks = [t for t, in_main in parser.blocks if in_main or not parser.has_main]
    if parser.title and not parser.has_h1:
        # No <h1>: the <title> is the only headline the page has (segment.py wants it first).
        blocks.insert(0, parser.title)
    return "\n\n".join(blocks)


def html_to_text(html: str) -> str:
    """Main text of a page: title, then one paragraph per block, separated by blank lines.

    trafilatura (the ``html`` extra) scores boilerplate properly; without it, or when it
    finds nothing (very short pages), the standard-library extractor is used.
    """
    try:
        import trafilatura
    except ImportError:  # the `html` extra is not installed (or broken: see pyproject)
        return html_to_text_stdlib(html)
    try:
        doc = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=True, with_metadata=True
        )
    except Exception:  # a page trafilatura chokes on still has text to give
        doc = None
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        return html_to_text_stdlib(html)
    lines = [" ".join(line.split()) for line in body.splitlines()]
    lines = [line for line in lines if line]
    title = " ".join((getattr(doc, "title", None) or "").split())
    # trafilatura keeps the <h1> when it sits inside the content; otherwise the page title
    # goes first, where segment.py looks for the headline.
    if title and not any(title in line for line in lines[:3]):
        lines.insert(0, title)
    return "\n\n".join(lines)


# ---------------------------------------------------------------------------------------
# Reading: files


def _read_bytes(path: Path, max_bytes: int | None) -> bytes:
    try:
        if max_bytes is not None:
            size = path.stat().st_size
            if size > max_bytes:
                raise BatchInputError(
                    path, ErrorKind.TOO_LARGE,
                    f"{size:,} bytes is too large to be one readout (limit {max_bytes:,} "
                    "bytes); split it into one file per readout",
                )  # fmt: skip
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise BatchInputError(
            path, ErrorKind.MISSING, "no such file (removed or renamed after the folder was listed?)"
        ) from exc
    except IsADirectoryError as exc:
        raise BatchInputError(path, ErrorKind.UNREADABLE, "is a folder, not a file") from exc
    except OSError as exc:
        raise BatchInputError(
            path, ErrorKind.UNREADABLE, f"cannot read: {exc.strerror or exc}"
        ) from exc


def text_from_bytes(data: bytes, name: str | Path, *, max_chars: int | None = MAX_CHARS) -> str:
    """The analysable text of a file's bytes (decoded; main text for HTML), or an error."""
    text, _encoding = decode_bytes(data, name)
    if str(name).lower().endswith(HTML_SUFFIXES):
        text = html_to_text(text)
    if not text.strip() or not any(ch.isalnum() for ch in text):
        raise BatchInputError(name, ErrorKind.EMPTY, "empty: no letters or digits to analyse")
    if max_chars is not None and len(text) > max_chars:
        raise BatchInputError(
            name, ErrorKind.TOO_LARGE,
            f"{len(text):,} characters is too long for one readout (limit {max_chars:,}); "
            "split it into one file per readout or raise max_chars (--max-chars)",
        )  # fmt: skip
    return text


def read_text(path: str | Path, *, max_chars: int | None = MAX_CHARS) -> str:
    """The text of one readout file: encoding detected, HTML reduced to its main text.

    Raises ``BatchInputError`` (an ``InputFileError``) naming the file and the reason.
    """
    path = Path(path)
    max_bytes = None if max_chars is None else max_chars * BYTES_PER_CHAR
    return text_from_bytes(_read_bytes(path, max_bytes), path, max_chars=max_chars)


def list_inputs(in_dir: str | Path, *, exclude: Sequence[str | Path] = ()) -> list[Path]:
    """Readout files under ``in_dir`` (recursive), sorted by path; hidden entries skipped.

    Sorted so the output order is the same on every machine and process count.
    """
    root = Path(in_dir)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise InputFileError(f"{root}: no such folder")
    skip = {Path(p).resolve() for p in exclude}
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and (here / d).resolve() not in skip
        )
        for name in filenames:
            if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                found.append(here / name)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


# ---------------------------------------------------------------------------------------
# Analysis: the same code in process and in worker processes


@dataclass(frozen=True)
class _Job:
    """One input on its way through the run (pickled to workers, so plain data)."""

    source: str
    sha: str | None = None
    text: str | None = None  # set when the input is to be analysed
    error: BatchError | None = None  # set when it failed before analysis
    skipped: bool = False  # already recorded by an earlier run (resume)


@dataclass(frozen=True)
class _Done:
    """A worker's result for one job: a Readout's JSON, or an error."""

    json: str | None = None
    error: BatchError | None = None


def _fail(job: _Job, kind: ErrorKind, reason: str) -> _Done:
    return _Done(error=BatchError(source=job.source, content_sha256=job.sha, kind=kind, reason=reason))


def _describe_exc(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    first = text[0] if text else ""
    msg = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
    return msg[:500]


def _to_json(nlp: Language, doc: Any, job: _Job) -> _Done:
    from .errors import NoSentencesError
    from .pipeline import to_readout

    try:
        return _Done(json=to_readout(doc, source=job.source).model_dump_json())
    except NoSentencesError as exc:
        return _fail(job, ErrorKind.NO_SENTENCES, str(exc))
    except ReadoutError as exc:
        return _fail(job, ErrorKind.ANALYSIS, str(exc))
    except Exception as exc:  # a bug on one document must not stop the run
        return _fail(job, ErrorKind.ANALYSIS, f"the analysis failed: {_describe_exc(exc)}")


def analyse_jobs(nlp: Language, jobs: Sequence[_Job]) -> list[_Done | None]:
    """Results for a batch of jobs (None for jobs with nothing to analyse).

    The batch goes through ``nlp.pipe`` (batched tagging and parsing); if any document
    makes it raise, the batch is redone one document at a time so only that one fails.
    """
    todo = [(i, j) for i, j in enumerate(jobs) if j.text is not None]
    out: list[_Done | None] = [None] * len(jobs)
    if not todo:
        return out
    with warnings.catch_warnings():
        # A readout's warnings are kept in Readout.warnings; printing them per file in a
        # batch of thousands would bury the progress bar.
        warnings.simplefilter("ignore", ReadoutWarning)
        try:
            docs = list(nlp.pipe([j.text for _, j in todo], batch_size=max(1, len(todo))))
        except Exception:
            docs = None
        for k, (i, job) in enumerate(todo):
            if docs is not None:
                out[i] = _to_json(nlp, docs[k], job)
                continue
            try:
                doc = nlp(job.text)
            except Exception as exc:
                out[i] = _fail(job, ErrorKind.ANALYSIS, f"the analysis failed: {_describe_exc(exc)}")
                continue
            out[i] = _to_json(nlp, doc, job)
    return out


# -- worker processes -----------------------------------------------------------------------

_WORKER_NLP: Language | None = None
_WORKER_INIT_ERROR: str | None = None


def _init_worker(model: str | None) -> None:
    """Load the pipeline once per worker process."""
    global _WORKER_NLP, _WORKER_INIT_ERROR
    from .pipeline import load

    try:
        _WORKER_NLP = load(model)
    except Exception as exc:  # reported once by the parent, not as one error per file
        _WORKER_INIT_ERROR = str(exc) if isinstance(exc, ReadoutError) else _describe_exc(exc)


class _WorkerInitError(Exception):
    pass


def _work(jobs: list[_Job]) -> list[_Done | None]:
    if _WORKER_NLP is None:
        raise _WorkerInitError(_WORKER_INIT_ERROR or "the worker has no pipeline")
    return analyse_jobs(_WORKER_NLP, jobs)


class _Pool:
    """Ordered, bounded fan-out of job batches to worker processes.

    spaCy's ``nlp.pipe(n_process=...)`` cannot send our Doc extensions (Layout, Roster,
    decisions) back to the parent, so each worker runs the whole analysis and returns JSON.
    At most ``2 * n`` batches are in flight, so memory does not grow with the corpus, and
    results are taken in submission order, so output order never depends on timing.
    ``ProcessPoolExecutor`` (not ``multiprocessing.Pool``) because it notices a worker that
    died (killed for memory, a crash in C code) instead of waiting for it forever; the
    batch that was running is then retried one file at a time to find the culprit.
    """

    def __init__(self, model: str | None, n_process: int) -> None:
        import multiprocessing

        self._model = model
        self._n = n_process
        # spawn: fork after a tqdm thread or a loaded model is unsafe, and spawn is what
        # macOS and Windows use anyway.
        self._ctx = multiprocessing.get_context("spawn")
        self._ex = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self._n,
            mp_context=self._ctx,
            initializer=_init_worker,
            initargs=(self._model,),
        )

    def _restart(self) -> None:
        self._ex.shutdown(wait=False, cancel_futures=True)
        self._ex = self._start()

    def close(self) -> None:
        self._ex.shutdown(wait=True, cancel_futures=True)

    def _result(self, fut: Any) -> list[_Done | None]:
        try:
            return fut.result()
        except _WorkerInitError as exc:
            raise ModelNotFoundError(f"the worker processes could not load the pipeline: {exc}") from None

    def _isolated(self, batch: list[_Job]) -> list[_Done | None]:
        out: list[_Done | None] = []
        for job in batch:
            if job.text is None:
                out.append(None)
                continue
            try:
                out.extend(self._result(self._ex.submit(_work, [job])))
            except BrokenProcessPool:
                out.append(_fail(job, ErrorKind.WORKER_DIED,
                                 "the worker process died while analysing this file (out of "
                                 "memory, or a crash in native code)"))  # fmt: skip
                self._restart()
        return out

    def map(self, batches: Iterable[list[_Job]]) -> Iterator[tuple[list[_Job], list[_Done | None]]]:
        it = iter(batches)
        pending: deque[tuple[list[_Job], Any]] = deque()

        def fill() -> None:
            while len(pending) < 2 * self._n:
                batch = next(it, None)
                if batch is None:
                    return
                if any(j.text is not None for j in batch):
                    pending.append((batch, self._ex.submit(_work, batch)))
                else:  # nothing to analyse (errors, resume skips): no round trip
                    ready: Future[list[_Done | None]] = Future()
                    ready.set_result([None] * len(batch))
                    pending.append((batch, ready))

        fill()
        while pending:
            batch, fut = pending.popleft()
            try:
                results = self._result(fut)
            except BrokenProcessPool:
                # Every batch in flight is lost with the pool: redo them, one file at a time.
                retry = [batch] + [b for b, _ in pending]
                pending.clear()
                self._restart()
                for b in retry:
                    yield b, self._isolated(b)
                fill()
                continue
            yield batch, results
            fill()


# ---------------------------------------------------------------------------------------
# The run: inputs → jobs → results, in input order


def _model_name(model: str | Path | Language | None) -> str | None:
    if model is None or isinstance(model, str):
        return model
    if isinstance(model, Path):
        return str(model)
    raise ValueError(
        "with n_process > 1 each worker loads its own pipeline: pass model as a name or path "
        "(or None for the default), not a loaded Language"
    )


def _batched(items: Iterable[_Job], size: int) -> Iterator[list[_Job]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


@dataclass
class _Seen:
    """What earlier runs (resume) and earlier inputs of this run recorded, by content hash."""

    recorded: set[tuple[str, str]] = field(default_factory=set)  # (source, sha) in the outputs
    first_source: dict[str, str] = field(default_factory=dict)  # sha → first input analysed
    failed_before: dict[tuple[str, str], bool] = field(default_factory=dict)


def _jobs(paths: Iterable[Path], seen: _Seen, max_chars: int | None) -> Iterator[_Job]:
    """One job per input path, in order."""
    max_bytes = None if max_chars is None else max_chars * BYTES_PER_CHAR
    for path in paths:
        source = str(path)
        try:
            data = _read_bytes(path, max_bytes)
        except BatchInputError as exc:
            yield _Job(source, error=BatchError(source=source, kind=exc.kind, reason=exc.reason))
            continue
        sha = sha256_bytes(data)
        if (source, sha) in seen.recorded:
            yield _Job(source, sha, skipped=True)
            continue
        try:
            text = text_from_bytes(data, path, max_chars=max_chars)
        except BatchInputError as exc:
            err = BatchError(source=source, content_sha256=sha, kind=exc.kind, reason=exc.reason)
            yield _Job(source, sha, error=err)
            continue
        first = seen.first_source.get(sha)
        if first is not None:
            yield _Job(source, sha, error=BatchError(
                source=source, content_sha256=sha, kind=ErrorKind.DUPLICATE, duplicate_of=first,
                reason=f"same content as {first}, which is analysed once (its record or error "
                "stands for both)",
            ))  # fmt: skip
            continue
        seen.first_source[sha] = source
        yield _Job(source, sha, text=text)


def _in_process(
    batches: Iterable[list[_Job]], nlp: Language | None, model: str | Path | Language | None
) -> Iterator[tuple[list[_Job], list[_Done | None]]]:
    """Batches analysed in this process; the pipeline is loaded only once there is text
    to analyse, so a resumed run with nothing left to do starts instantly."""
    for batch in batches:
        if nlp is None and any(j.text is not None for j in batch):
            from .pipeline import load

            nlp = load(model)  # type: ignore[arg-type]
        yield batch, (analyse_jobs(nlp, batch) if nlp is not None else [None] * len(batch))


def _results(
    paths: Sequence[Path],
    *,
    nlp: Language | None,
    model: str | Path | Language | None,
    n_process: int,
    batch_size: int,
    max_chars: int | None,
    seen: _Seen,
) -> Iterator[tuple[_Job, _Done | None]]:
    """(job, result) per input, in input order; the result is None for jobs not analysed."""
    batches = _batched(_jobs(paths, seen, max_chars), max(1, batch_size))
    pool: _Pool | None = None
    if n_process > 1:
        pool = _Pool(_model_name(model), n_process)
        mapped: Iterator[tuple[list[_Job], list[_Done | None]]] = pool.map(batches)
    else:
        mapped = _in_process(batches, nlp, model)
    try:
        for batch, results in mapped:
            yield from zip(batch, results, strict=True)
    finally:
        if pool is not None:
            pool.close()


def analyze_folder(
    in_dir: str | Path,
    *,
    nlp: Language | None = None,
    model: str | Path | Language | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    max_chars: int | None = MAX_CHARS,
) -> Iterator[Readout | BatchError]:
    """A Readout or a BatchError for every readout file under ``in_dir``, in path order.

    Nothing is written; ``run_batch`` is the same loop with files, resume and tables.
    Inputs are read lazily and at most a few batches are in flight, so memory stays flat.
    """
    paths = list_inputs(in_dir)
    for job, done in _results(
        paths, nlp=nlp, model=model, n_process=n_process, batch_size=batch_size,
        max_chars=max_chars, seen=_Seen(),
    ):  # fmt: skip
        if job.skipped:
            continue
        if job.error is not None:
            yield job.error
        elif done is not None and done.error is not None:
            yield done.error
        elif done is not None and done.json is not None:
            yield Readout.model_validate_json(done.json)


# ---------------------------------------------------------------------------------------
# Writing


class JsonlAppender:
    """Appends whole lines to a JSONL file, so a killed run leaves no partial line.

    Each line goes out in a single unbuffered ``os.write`` (a buffered writer may split a
    long line across two flushes); ``sync()`` fsyncs, once per batch.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def append(self, line: str) -> None:
        data = (line.rstrip("\n") + "\n").encode("utf-8")
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]

    def sync(self) -> None:
        os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = -1


def repair_tail(path: Path) -> int:
    """Cut a trailing partial line (a run killed mid-write); return the bytes removed."""
    if not path.exists():
        return 0
    size = path.stat().st_size
    if size == 0:
        return 0
    with open(path, "rb+") as f:
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return 0
        pos, keep = size, 0
        while pos > 0:
            step = min(65536, pos)
            pos -= step
            f.seek(pos)
            chunk = f.read(step)
            nl = chunk.rfind(b"\n")
            if nl >= 0:
                keep = pos + nl + 1
                break
        f.truncate(keep)
        return size - keep


def iter_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """The complete JSON lines of a JSONL file (blank and unparsable lines skipped)."""
    path = Path(path)
    if not path.exists():
        return
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.endswith("\n") or not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue


def iter_readouts(out_dir: str | Path) -> Iterator[Readout]:
    """The Readouts of a batch output folder (or a readouts.jsonl path)."""
    path = Path(out_dir)
    if path.is_dir():
        path = path / READOUTS
    batch_keys = [k for k in ("content_sha256",) if k not in Readout.model_fields]
    for row in iter_jsonl(path):
        for key in batch_keys:
            row.pop(key, None)
        yield Readout.model_validate(row)


def iter_errors(out_dir: str | Path) -> Iterator[BatchError]:
    """The BatchErrors (and duplicate notes) of a batch output folder."""
    for row in iter_jsonl(Path(out_dir) / ERRORS):
        yield BatchError.model_validate(row)


def _with_sha(readout_json: str, sha: str | None) -> str:
    # The hash goes into the Readout's JSON object as one more key (string surgery rather
    # than parse + dump: the line is already compact JSON ending in "}").
    if sha is None:
        return readout_json
    return readout_json[:-1] + f',"content_sha256":"{sha}"}}'


# -- tables -------------------------------------------------------------------------------

READOUT_COLUMNS = ("source", "content_sha256", "title", "date", "event_type", "location",
                   "publisher", "participants", "n_paragraphs", "n_sentences", "n_claims",
                   "n_commitments", "warnings")  # fmt: skip
CLAIM_COLUMNS = ("source", "date", "event_type", "sentence", "paragraph", "speaker", "country",
                 "attribution", "cue", "rule", "start", "end", "text")  # fmt: skip
COMMITMENT_COLUMNS = ("source", "date", "event_type", "sentence", "speaker", "country", "type",
                      "modality", "parties", "cameo", "plover", "rule", "start", "end", "text")  # fmt: skip
_INT_COLUMNS = {"n_paragraphs", "n_sentences", "n_claims", "n_commitments", "sentence",
                "paragraph", "start", "end"}  # fmt: skip
JOIN = "; "


def table_rows(row: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Flat rows of one readouts.jsonl record: one per readout, claim and commitment."""
    meta = row.get("meta") or {}
    participants = meta.get("participants") or []
    country_of = {p.get("name"): p.get("country") for p in participants}

    def countries(names: list[str]) -> str:
        codes: list[str] = []
        for name in names:
            code = country_of.get(name)
            if code and code not in codes:
                codes.append(code)
        return JOIN.join(codes)

    common = {"source": row.get("source"), "date": meta.get("date"),
              "event_type": meta.get("event_type")}  # fmt: skip
    readout = {
        "source": row.get("source"),
        "content_sha256": row.get("content_sha256"),
        "title": meta.get("title"),
        "date": meta.get("date"),
        "event_type": meta.get("event_type"),
        "location": meta.get("location"),
        "publisher": meta.get("publisher"),
        "participants": JOIN.join(
            f"{p.get('name')} ({p.get('country')})" if p.get("country") else str(p.get("name"))
            for p in participants
        ),
        "n_paragraphs": len(row.get("paragraphs") or []),
        "n_sentences": len(row.get("sentences") or []),
        "n_claims": len(row.get("claims") or []),
        "n_commitments": len(row.get("commitments") or []),
        "warnings": JOIN.join(row.get("warnings") or []),
    }
    claims = []
    for c in row.get("claims") or []:
        speakers = c.get("speakers") or []
        claims.append({**common, "sentence": c.get("sentence"), "paragraph": c.get("paragraph"),
                       "speaker": JOIN.join(speakers), "country": countries(speakers),
                       "attribution": c.get("attribution"), "cue": c.get("cue"),
                       "rule": c.get("rule"), "start": c.get("start"), "end": c.get("end"),
                       "text": c.get("text")})  # fmt: skip
    commitments = []
    for m in row.get("commitments") or []:
        speakers = m.get("speakers") or []
        commitments.append({**common, "sentence": m.get("sentence"),
                            "speaker": JOIN.join(speakers), "country": countries(speakers),
                            "type": m.get("type"), "modality": m.get("modality"),
                            "parties": JOIN.join(m.get("parties") or []),
                            "cameo": m.get("cameo"), "plover": m.get("plover"),
                            "rule": m.get("rule"), "start": m.get("start"), "end": m.get("end"),
                            "text": m.get("text")})  # fmt: skip
    return {"readouts": [readout], "claims": claims, "commitments": commitments}


class _ParquetTable:
    """Rows streamed into a Parquet file in row groups, so memory stays flat."""

    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        self._schema = pa.schema(
            [(c, pa.int64() if c in _INT_COLUMNS else pa.string()) for c in columns]
        )
        self._writer = pq.ParquetWriter(str(path), self._schema)
        self._rows: list[dict[str, Any]] = []

    def add(self, row: dict[str, Any]) -> None:
        self._rows.append(row)
        if len(self._rows) >= 10_000:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


def _has_pyarrow() -> bool:
    import importlib.util

    return importlib.util.find_spec("pyarrow") is not None


def write_tables(out_dir: str | Path, *, parquet: bool | None = None) -> dict[str, Path]:
    """Derive the flat tables from ``out_dir/readouts.jsonl``; return {name: path}.

    Derived at the end (not written as results arrive) so that after a resumed or repeated
    run they are complete and agree with readouts.jsonl. CSVs are UTF-8 with a BOM so that
    spreadsheet programs show non-ASCII names correctly; lists are joined with "; ".
    Parquet files are written too when pyarrow is installed (``parquet=None``).
    """
    out_dir = Path(out_dir)
    columns = {"readouts": READOUT_COLUMNS, "claims": CLAIM_COLUMNS,
               "commitments": COMMITMENT_COLUMNS}  # fmt: skip
    want_parquet = _has_pyarrow() if parquet is None else parquet
    files: list[IO[str]] = []
    writers: dict[str, Any] = {}
    parquets: dict[str, _ParquetTable] = {}
    written: dict[str, Path] = {}
    try:
        for name in TABLES:
            path = out_dir / f"{name}.csv"
            f = open(path, "w", encoding="utf-8-sig", newline="")
            files.append(f)
            writers[name] = csv.DictWriter(f, fieldnames=columns[name], extrasaction="ignore")
            writers[name].writeheader()
            written[name] = path
            if want_parquet:
                ppath = out_dir / f"{name}.parquet"
                parquets[name] = _ParquetTable(ppath, columns[name])
                written[f"{name}.parquet"] = ppath
        for row in iter_jsonl(out_dir / READOUTS):
            for name, rows in table_rows(row).items():
                for r in rows:
                    writers[name].writerow(r)
                    if name in parquets:
                        parquets[name].add(r)
    finally:
        for f in files:
            f.close()
        for table in parquets.values():
            table.close()
    return written


# -- run_batch -------------------------------------------------------------------------------


class OutputExistsError(ReadoutError, FileExistsError):
    """The output folder holds an earlier run's results and neither resume nor overwrite
    was asked for."""


@dataclass
class Summary:
    """What a batch run did; ``failed`` > 0 means some input has no Readout."""

    inputs: int = 0
    done: int = 0  # Readouts written by this run
    failed: int = 0  # inputs whose outcome (now or in an earlier run) is an error
    duplicates: int = 0
    skipped: int = 0  # already recorded by an earlier run (resume)
    repaired_bytes: int = 0  # partial line cut off from an interrupted run
    seconds: float = 0.0
    out: Path | None = None
    errors: list[str] = field(default_factory=list)  # this run's failures, for display
    tables: dict[str, Path] = field(default_factory=dict)

    @property
    def docs_per_second(self) -> float:
        analysed = self.done + self.failed
        return analysed / self.seconds if self.seconds > 0 else 0.0

    def describe(self) -> str:
        parts = [f"{self.inputs} input file(s): {self.done} analysed"]
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate(s) noted")
        if self.skipped:
            parts.append(f"{self.skipped} already done (resume)")
        parts.append(f"{self.failed} failed")
        text = ", ".join(parts) + f" in {self.seconds:.1f}s ({self.docs_per_second:.1f} docs/s)"
        if self.repaired_bytes:
            text += f"; cut {self.repaired_bytes} bytes of a partial line left by an interrupted run"
        text += f"; output in {self.out}"
        if self.failed:
            text += f" (reasons in {self.out / ERRORS if self.out else ERRORS})"
        return text


def _resume_state(out: Path) -> _Seen:
    seen = _Seen()
    for row in iter_jsonl(out / READOUTS):
        sha, source = row.get("content_sha256"), row.get("source")
        if sha and source:
            seen.recorded.add((source, sha))
            seen.first_source.setdefault(sha, source)
    for row in iter_jsonl(out / ERRORS):
        sha, source = row.get("content_sha256"), row.get("source")
        if sha and source:  # errors without a hash (file missing, unreadable) are retried
            seen.recorded.add((source, sha))
            failed = row.get("kind") != ErrorKind.DUPLICATE.value
            seen.failed_before[(source, sha)] = failed
            if failed:
                seen.first_source.setdefault(sha, source)
    return seen


def _progress_bar(total: int, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit="doc",
        desc="readouts",
        file=sys.stderr,
        disable=not (enabled and sys.stderr.isatty()),
        smoothing=0.05,
        dynamic_ncols=True,
    )


def run_batch(
    in_dir: str | Path,
    out: str | Path,
    *,
    model: str | Path | Language | None = None,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    resume: bool = False,
    overwrite: bool = False,
    progress: bool = True,
    max_chars: int | None = MAX_CHARS,
    tables: bool = True,
    on_result: Callable[[str, BatchError | None], None] | None = None,
) -> Summary:
    """Analyse every readout file under ``in_dir`` into ``out`` (see the module docstring).

    An existing output folder with results is refused unless ``resume`` (continue it:
    inputs already recorded, by path and content hash, are skipped) or ``overwrite``
    (start again): silently appending would duplicate records, silently truncating would
    lose a long run's work. ``on_result(source, error_or_None)`` is called after each
    input's line is written (a hook for notebooks' own progress displays).
    """
    start = time.perf_counter()
    in_dir, out = Path(in_dir), Path(out)
    if n_process < 1:
        raise ValueError("n_process must be at least 1")
    paths = list_inputs(in_dir, exclude=[out])
    out.mkdir(parents=True, exist_ok=True)
    readouts_path, errors_path = out / READOUTS, out / ERRORS
    existing = [p for p in (readouts_path, errors_path) if p.exists() and p.stat().st_size]
    if existing and not resume and not overwrite:
        raise OutputExistsError(
            f"{out} already holds the results of an earlier run ({', '.join(p.name for p in existing)}); "
            "pass --resume to continue it or --overwrite to start again"
        )
    if overwrite and not resume:
        for p in (readouts_path, errors_path):
            p.unlink(missing_ok=True)
    summary = Summary(inputs=len(paths), out=out)
    summary.repaired_bytes = repair_tail(readouts_path) + repair_tail(errors_path)
    seen = _resume_state(out) if resume else _Seen()
    readouts, errors = JsonlAppender(readouts_path), JsonlAppender(errors_path)
    bar = _progress_bar(len(paths), progress)
    since_sync = 0
    try:
        for job, done in _results(
            paths, nlp=nlp, model=model, n_process=n_process, batch_size=batch_size,
            max_chars=max_chars, seen=seen,
        ):  # fmt: skip
            bar.update(1)
            if job.skipped:
                summary.skipped += 1
                # An input that failed in an earlier run still leaves the output incomplete.
                if job.sha is not None and seen.failed_before.get((job.source, job.sha)):
                    summary.failed += 1
                continue
            error = job.error or (done.error if done is not None else None)
            if error is not None:
                errors.append(error.model_dump_json())
                if error.failed:
                    summary.failed += 1
                    summary.errors.append(str(error))
                    bar.set_postfix(failed=summary.failed, refresh=False)
                else:
                    summary.duplicates += 1
            elif done is not None and done.json is not None:
                readouts.append(_with_sha(done.json, job.sha))
                summary.done += 1
            if on_result is not None:
                on_result(job.source, error)
            since_sync += 1
            if since_sync >= batch_size:
                readouts.sync()
                errors.sync()
                since_sync = 0
    finally:
        readouts.close()
        errors.close()
        bar.close()
    if tables:
        summary.tables = write_tables(out)
    summary.seconds = time.perf_counter() - start
    return summary
