"""Texts → Readout JSON, in this process or in worker processes, always in input order."""

from __future__ import annotations

import gc
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ModelNotFoundError, ReadoutError, ReadoutWarning
from .inputs import BYTES_PER_CHAR, read_bytes, sha256_bytes, text_from_bytes
from .records import BatchError, BatchInputError, ErrorKind

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class Job:
    """One input on its way through the run (pickled to workers, so plain data)."""

    source: str
    sha: str | None = None
    text: str | None = None  # set when the input is to be analysed
    error: BatchError | None = None  # set when it failed before analysis
    skipped: bool = False  # already recorded by an earlier run (resume)


@dataclass(frozen=True)
class Done:
    """A worker's result for one job: a Readout's JSON, or an error."""

    json: str | None = None
    error: BatchError | None = None


def _fail(job: Job, kind: ErrorKind, reason: str) -> Done:
    return Done(error=BatchError(source=job.source, content_sha256=job.sha, kind=kind, reason=reason))


def _describe_exc(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    first = text[0] if text else ""
    msg = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
    return msg[:500]


def _to_json(nlp: Language, doc: Any, job: Job) -> Done:
    from ..errors import NoSentencesError
    from ..pipeline import to_readout

    try:
        return Done(json=to_readout(doc, source=job.source).model_dump_json())
    except NoSentencesError as exc:
        return _fail(job, ErrorKind.NO_SENTENCES, str(exc))
    except ReadoutError as exc:
        return _fail(job, ErrorKind.ANALYSIS, str(exc))
    except Exception as exc:  # a bug on one document must not stop the run
        return _fail(job, ErrorKind.ANALYSIS, f"the analysis failed: {_describe_exc(exc)}")


def analyse_jobs(nlp: Language, jobs: Sequence[Job]) -> list[Done | None]:
    """Results for a batch of jobs (None for jobs with nothing to analyse).

    The batch goes through ``nlp.pipe`` (batched tagging and parsing); if any document
    makes it raise, the batch is redone one document at a time so only that one fails.
    """
    todo = [(i, j) for i, j in enumerate(jobs) if j.text is not None]
    out: list[Done | None] = [None] * len(jobs)
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


#: Worker deaths on consecutive files after which the run stops (see _Pool._isolated).
MAX_DEATHS_IN_A_ROW = 3


def _init_worker(model: str | None) -> None:
    """Load the pipeline once per worker process."""
    global _WORKER_NLP, _WORKER_INIT_ERROR
    from ..pipeline import load

    try:
        _WORKER_NLP = load(model)
    except Exception as exc:  # reported once by the parent, not as one error per file
        _WORKER_INIT_ERROR = str(exc) if isinstance(exc, ReadoutError) else _describe_exc(exc)
    else:
        freeze_loaded()  # a worker lives as long as the run: frozen for good


def freeze_loaded() -> bool:
    """Exempt every object that exists now (above all the loaded pipeline's, about 125,000)
    from the garbage collector's full passes; False, doing nothing, when something else
    already froze objects in this process (undo with ``gc.unfreeze()``).

    The analysis allocates enough short-lived objects per document that Python runs a
    full collection every few hundred documents, and a full collection walks every object
    in the process: the model's weights and vocabulary dominate it (about 0.4-0.5 ms per
    document in a batch). The model lives as long as the run, so walking it finds nothing.
    """
    if gc.get_freeze_count():
        return False
    gc.freeze()
    return True


class _WorkerInitError(Exception):
    pass


def _work(jobs: list[Job]) -> list[Done | None]:
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
        self._deaths = 0

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

    def _result(self, fut: Any) -> list[Done | None]:
        try:
            return fut.result()
        except _WorkerInitError as exc:
            raise ModelNotFoundError(f"the worker processes could not load the pipeline: {exc}") from None

    def _isolated(self, batch: list[Job]) -> list[Done | None]:
        out: list[Done | None] = []
        for job in batch:
            if job.text is None:
                out.append(None)
                continue
            try:
                out.extend(self._result(self._ex.submit(_work, [job])))
                self._deaths = 0
            except BrokenProcessPool:
                self._deaths += 1
                if self._deaths >= MAX_DEATHS_IN_A_ROW:
                    # One bad file kills one worker; a worker that dies on every file means
                    # the environment is at fault, and marking the whole corpus failed would
                    # hide that.
                    raise ReadoutError(
                        f"the worker processes died on {self._deaths} files in a row: a new "
                        "process cannot import or run the pipeline (a broken install, code "
                        "that cannot be imported from a script run from stdin, or no memory "
                        "left). Run with n_process=1 to see the error."
                    ) from None
                out.append(_fail(job, ErrorKind.WORKER_DIED,
                                 "the worker process died while analysing this file (out of "
                                 "memory, or a crash in native code)"))  # fmt: skip
                self._restart()
        return out

    def map(self, batches: Iterable[list[Job]]) -> Iterator[tuple[list[Job], list[Done | None]]]:
        it = iter(batches)
        pending: deque[tuple[list[Job], Any]] = deque()

        def fill() -> None:
            while len(pending) < 2 * self._n:
                batch = next(it, None)
                if batch is None:
                    return
                if any(j.text is not None for j in batch):
                    pending.append((batch, self._ex.submit(_work, batch)))
                else:  # nothing to analyse (errors, resume skips): no round trip
                    ready: Future[list[Done | None]] = Future()
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


def _batched(items: Iterable[Job], size: int) -> Iterator[list[Job]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


@dataclass
class Seen:
    """What earlier runs (resume) and earlier inputs of this run recorded, by content hash."""

    recorded: set[tuple[str, str]] = field(default_factory=set)  # (source, sha) in the outputs
    first_source: dict[str, str] = field(default_factory=dict)  # sha → first input analysed
    failed_before: dict[tuple[str, str], bool] = field(default_factory=dict)


def _jobs(paths: Iterable[Path], seen: Seen, max_chars: int | None) -> Iterator[Job]:
    """One job per input path, in order."""
    max_bytes = None if max_chars is None else max_chars * BYTES_PER_CHAR
    for path in paths:
        source = str(path)
        try:
            data = read_bytes(path, max_bytes)
        except BatchInputError as exc:
            yield Job(source, error=BatchError(source=source, kind=exc.kind, reason=exc.reason))
            continue
        sha = sha256_bytes(data)
        if (source, sha) in seen.recorded:
            yield Job(source, sha, skipped=True)
            continue
        try:
            text = text_from_bytes(data, path, max_chars=max_chars)
        except BatchInputError as exc:
            err = BatchError(source=source, content_sha256=sha, kind=exc.kind, reason=exc.reason)
            yield Job(source, sha, error=err)
            continue
        first = seen.first_source.get(sha)
        if first is not None:
            yield Job(source, sha, error=BatchError(
                source=source, content_sha256=sha, kind=ErrorKind.DUPLICATE, duplicate_of=first,
                reason=f"same content as {first}, which is analysed once (its record or error "
                "stands for both)",
            ))  # fmt: skip
            continue
        seen.first_source[sha] = source
        yield Job(source, sha, text=text)


def _in_process(
    batches: Iterable[list[Job]], nlp: Language | None, model: str | Path | Language | None
) -> Iterator[tuple[list[Job], list[Done | None]]]:
    """Batches analysed in this process; the pipeline is loaded only once there is text
    to analyse, so a resumed run with nothing left to do starts instantly."""
    frozen: bool | None = None  # None: not tried yet (tried once, when the pipeline is there)
    try:
        for batch in batches:
            if nlp is None and any(j.text is not None for j in batch):
                from ..pipeline import load

                nlp = load(model)  # type: ignore[arg-type]
            if nlp is not None and frozen is None:
                # for this run only: the caller's process gets its collector back after it
                frozen = freeze_loaded()
            yield batch, (analyse_jobs(nlp, batch) if nlp is not None else [None] * len(batch))
    finally:
        if frozen:
            gc.unfreeze()


def results(
    paths: Sequence[Path],
    *,
    nlp: Language | None,
    model: str | Path | Language | None,
    n_process: int,
    batch_size: int,
    max_chars: int | None,
    seen: Seen,
) -> Iterator[tuple[Job, Done | None]]:
    """(job, result) per input, in input order; the result is None for jobs not analysed."""
    batches = _batched(_jobs(paths, seen, max_chars), max(1, batch_size))
    pool: _Pool | None = None
    if n_process > 1:
        pool = _Pool(_model_name(model), n_process)
        mapped: Iterator[tuple[list[Job], list[Done | None]]] = pool.map(batches)
    else:
        mapped = _in_process(batches, nlp, model)
    try:
        for batch, results in mapped:
            yield from zip(batch, results, strict=True)
    finally:
        if pool is not None:
            pool.close()
