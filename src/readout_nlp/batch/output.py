"""Whole-line JSONL appends, reading results back, and the flat CSV/Parquet tables."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from ..records import Readout
from .records import BatchError

READOUTS = "readouts.jsonl"
ERRORS = "errors.jsonl"
TABLES = ("readouts", "claims", "commitments")


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


def with_sha(readout_json: str, sha: str | None) -> str:
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
        if len(self._rows) >= 2_000:
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


def describe_readouts(out_dir: str | Path, limit: int = 20) -> str:
    """A short human-readable digest of a batch output folder: one line per readout (up to
    `limit`), then the totals, so a run ends with what was found, not only how many files."""
    from collections import Counter

    lines: list[str] = []
    n = claims = commitments = 0
    kinds: Counter[str] = Counter()
    for row in iter_jsonl(Path(out_dir) / "readouts.jsonl"):
        n += 1
        meta = row.get("meta") or {}
        people = ", ".join(
            f"{p.get('name')} ({p.get('country') or '?'})" for p in meta.get("participants") or []
        )
        c, k = row.get("claims") or [], row.get("commitments") or []
        claims += len(c)
        commitments += len(k)
        kinds.update(x.get("type") for x in k)
        if n <= limit:
            name = Path(str(row.get("source") or "?")).name
            lines.append(
                f"  {name}: {meta.get('date') or 'no date'}, {meta.get('event_type')}, "
                f"{meta.get('location') or '-'}; {people or 'no participants'}; "
                f"{len(c)} claims, {len(k)} commitments"
            )
    if n > limit:
        lines.append(f"  ... and {n - limit} more")
    top = ", ".join(f"{t} {c}" for t, c in kinds.most_common(5))
    lines.append(
        f"  total: {n} readouts, {claims} attributed claims, {commitments} commitments"
        + (f" (most frequent: {top})" if top else "")
    )
    return "\n".join(lines)
