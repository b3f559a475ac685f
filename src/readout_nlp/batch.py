"""Batch attribution over a folder (minimal version; the full one is issue 5)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputFileError, ReadoutError


def read_text(path: str | Path) -> str:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


@dataclass
class Summary:
    done: int = 0
    failed: int = 0
    out: Path | None = None
    errors: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return f"{self.done} readouts analysed, {self.failed} failed; output in {self.out}"


def run_batch(in_dir, out, *, model=None, n_process=1, batch_size=32, resume=False, progress=True):
    from .pipeline import analyze, load

    in_dir, out = Path(in_dir), Path(out)
    if not in_dir.is_dir():
        raise InputFileError(f"{in_dir}: no such folder")
    out.mkdir(parents=True, exist_ok=True)
    nlp = load(model)
    summary = Summary(out=out)
    with open(out / "readouts.jsonl", "w", encoding="utf-8") as f:
        for path in sorted(p for p in in_dir.rglob("*") if p.suffix in (".txt", ".md")):
            try:
                r = analyze(read_text(path), source=str(path), nlp=nlp)
            except ReadoutError as exc:
                summary.failed += 1
                summary.errors.append(str(exc))
                continue
            f.write(json.dumps(r.model_dump(mode="json"), ensure_ascii=False) + "\n")
            summary.done += 1
    return summary
