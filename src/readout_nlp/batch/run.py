"""``run_batch`` and ``analyze_folder``: the loops a user calls."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import OutputError, ReadoutError
from ..records import Readout
from .engine import Seen, results
from .inputs import MAX_CHARS, list_inputs
from .output import (
    ERRORS,
    READOUTS,
    JsonlAppender,
    iter_jsonl,
    repair_tail,
    with_sha,
    write_tables,
)
from .records import BatchError, ErrorKind

if TYPE_CHECKING:
    from spacy.language import Language


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
    for job, done in results(
        paths, nlp=nlp, model=model, n_process=n_process, batch_size=batch_size,
        max_chars=max_chars, seen=Seen(),
    ):  # fmt: skip
        if job.skipped:
            continue
        if job.error is not None:
            yield job.error
        elif done is not None and done.error is not None:
            yield done.error
        elif done is not None and done.json is not None:
            yield Readout.model_validate_json(done.json)


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


def _resume_state(out: Path) -> Seen:
    seen = Seen()
    for row in iter_jsonl(out / READOUTS):
        sha, source = row.get("content_sha256"), row.get("source")
        if sha and source:
            seen.recorded.add((source, sha))
            seen.first_source.setdefault(sha, source)
    for row in iter_jsonl(out / ERRORS):
        sha, source = row.get("content_sha256"), row.get("source")
        # Retried: errors without a hash (file missing, unreadable), and worker deaths,
        # which depend on the machine (memory) more than on the file.
        if sha and source and row.get("kind") != ErrorKind.WORKER_DIED.value:
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
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".readout-nlp-write-test"
        probe.touch()
        probe.unlink()
    except OSError as exc:
        raise OutputError(
            f"{out}: cannot write the output folder: {exc.strerror or exc}"
        ) from exc
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
    seen = _resume_state(out) if resume else Seen()
    readouts, errors = JsonlAppender(readouts_path), JsonlAppender(errors_path)
    bar = _progress_bar(len(paths), progress)
    since_sync = 0
    try:
        for job, done in results(
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
                readouts.append(with_sha(done.json, job.sha))
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
