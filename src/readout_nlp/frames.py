"""Readouts as pandas DataFrames: one row per claim, per commitment, or per readout.

    >>> readout.claims_frame()                                   # doctest: +SKIP
    >>> readout_nlp.commitments_frame(readouts, explode="parties")  # doctest: +SKIP
    >>> readout_nlp.batch_frame("out/")                          # a batch folder → one frame

pandas is an optional extra (``pip install "readout-nlp[frames]"``); it is imported only when a
frame is asked for. Multi-valued fields (speakers, their countries, parties) are strings
joined with ``"; "`` so a frame can be grouped, counted and written to CSV as it is;
``explode=`` gives one row per speaker or party instead, with a singular column
(``speaker``/``speaker_country`` or ``party``) holding one value.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputFileError
from .records import Readout

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

JOIN = "; "

#: Columns every frame starts with: where the readout came from and what event it reports.
CONTEXT_COLUMNS = ["source", "date", "publisher_country", "title", "event_type", "location"]
CLAIM_COLUMNS = [
    *CONTEXT_COLUMNS,
    "paragraph",
    "sentence",
    "start",
    "end",
    "speaker",
    "speaker_country",
    "attribution",
    "cue",
    "rule",
    "text",
]
COMMITMENT_COLUMNS = [
    *CONTEXT_COLUMNS,
    "sentence",
    "start",
    "end",
    "speaker",
    "speaker_country",
    "type",
    "modality",
    "parties",
    "trigger",
    "cameo",
    "plover",
    "rule",
    "text",
]
READOUT_COLUMNS = [
    *CONTEXT_COLUMNS,
    "participants",
    "participant_countries",
    "n_sentences",
    "n_claims",
    "n_commitments",
    "warnings",
]
TABLES = ("commitments", "claims", "readouts")


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise ImportError(
            'readout_nlp tables need pandas: pip install "readout-nlp[frames]"'
        ) from exc
    return pd


def _readouts(data: Readout | Iterable[Readout]) -> Iterator[Readout]:
    if isinstance(data, Readout):
        yield data
    else:
        yield from data


def _value(x: Any) -> Any:
    return x.value if hasattr(x, "value") else x


def _countries(readout: Readout) -> dict[str, str | None]:
    return {p.name: p.country for p in readout.meta.participants}


def _join_unique(values: Iterable[str | None]) -> str | None:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return JOIN.join(out) if out else None


def _context(r: Readout) -> dict[str, Any]:
    m = r.meta
    return {
        "source": r.source,
        "date": m.date,
        "publisher_country": m.publisher,
        "title": m.title,
        "event_type": _value(m.event_type),
        "location": m.location,
    }


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    pd = _pandas()
    df = pd.DataFrame(rows, columns=columns)
    # Real datetimes, so a frame resamples and plots over time; unknown dates become NaT.
    df["date"] = pd.to_datetime(df["date"], errors="coerce")
    return df


def claim_rows(data: Readout | Iterable[Readout], explode: str | None = None) -> list[dict]:
    """The rows of :func:`claims_frame` as plain dicts (no pandas needed)."""
    if explode not in (None, "speakers"):
        raise ValueError(f"claims explode by 'speakers' only, not {explode!r}")
    rows = []
    for r in _readouts(data):
        ctx, countries = _context(r), _countries(r)
        for c in r.claims:
            groups = [[s] for s in c.speakers] if explode else [list(c.speakers)]
            for speakers in groups:
                rows.append(
                    {
                        **ctx,
                        "paragraph": c.paragraph,
                        "sentence": c.sentence,
                        "start": c.start,
                        "end": c.end,
                        "speaker": JOIN.join(speakers) or None,
                        "speaker_country": _join_unique(countries.get(s) for s in speakers),
                        "attribution": _value(c.attribution),
                        "cue": c.cue,
                        "rule": c.rule,
                        "text": c.text,
                    }
                )
    return rows


def commitment_rows(data: Readout | Iterable[Readout], explode: str | None = None) -> list[dict]:
    """The rows of :func:`commitments_frame` as plain dicts (no pandas needed)."""
    if explode not in (None, "parties", "speakers"):
        raise ValueError(f"commitments explode by 'parties' or 'speakers', not {explode!r}")
    rows = []
    for r in _readouts(data):
        ctx, countries = _context(r), _countries(r)
        for c in r.commitments:
            row = {
                **ctx,
                "sentence": c.sentence,
                "start": c.start,
                "end": c.end,
                "speaker": JOIN.join(c.speakers) or None,
                "speaker_country": _join_unique(countries.get(s) for s in c.speakers),
                "type": c.type,
                "modality": _value(c.modality),
                "parties": JOIN.join(c.parties) or None,
                "trigger": c.trigger.text if c.trigger is not None else None,
                "cameo": c.cameo,
                "plover": c.plover,
                "rule": c.rule,
                "text": c.text,
            }
            if explode == "parties":
                # A commitment with no party found still counts once, under party None.
                rows.extend({**row, "party": p} for p in (c.parties or [None]))
            elif explode == "speakers":
                for s in c.speakers or [None]:
                    rows.append(
                        {**row, "speaker": s, "speaker_country": countries.get(s) if s else None}
                    )
            else:
                rows.append(row)
    return rows


def claims_frame(data: Readout | Iterable[Readout], explode: str | None = None) -> pd.DataFrame:
    """One row per claim (or per claim and speaker with ``explode="speakers"``).

    Columns: source, date, publisher_country, title, event_type, location, paragraph,
    sentence, start, end, speaker, speaker_country, attribution, cue, rule, text.
    """
    return _frame(claim_rows(data, explode), CLAIM_COLUMNS)


def commitments_frame(
    data: Readout | Iterable[Readout], explode: str | None = None
) -> pd.DataFrame:
    """One row per commitment; ``explode="parties"`` adds a ``party`` column with one row per
    party (the shape for "commitments by party"), ``explode="speakers"`` one row per speaker.

    Columns: source, date, publisher_country, title, event_type, location, sentence, start,
    end, speaker, speaker_country, type, modality, parties, trigger, cameo, plover, rule, text.
    """
    columns = COMMITMENT_COLUMNS + (["party"] if explode == "parties" else [])
    return _frame(commitment_rows(data, explode), columns)


def readouts_frame(data: Readout | Iterable[Readout]) -> pd.DataFrame:
    """One row per readout: the event, its participants and how much was found in it."""
    rows = []
    for r in _readouts(data):
        rows.append(
            {
                **_context(r),
                "participants": JOIN.join(p.name for p in r.meta.participants) or None,
                "participant_countries": _join_unique(p.country for p in r.meta.participants),
                "n_sentences": len(r.sentences),
                "n_claims": len(r.claims),
                "n_commitments": len(r.commitments),
                "warnings": len(r.warnings),
            }
        )
    return _frame(rows, READOUT_COLUMNS)


# ---------------------------------------------------------------------------------------
# Batch output folders


def _readouts_path(folder: str | Path) -> Path:
    path = Path(folder)
    if path.is_dir():
        path = path / "readouts.jsonl"
    if not path.is_file():
        raise InputFileError(
            f"{path}: no such file; expected a batch output folder holding readouts.jsonl "
            "(written by `readout-nlp batch IN_DIR -o OUT_DIR`) or the path of that file"
        )
    return path


def read_readouts(folder: str | Path) -> Iterator[Readout]:
    """The Readout records of a batch output folder (or of a ``readouts.jsonl`` file), in order.

    Streams the file, so a large folder never sits in memory whole. Keys a batch run adds
    beside the record (a content hash, say) are dropped, since a Readout forbids unknown
    fields; a blank line or a partial last line left by an interrupted run is skipped.
    """
    path = _readouts_path(folder)
    fields = set(Readout.model_fields)
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                if not line.endswith("\n"):  # the partial last line of an interrupted run
                    return
                raise InputFileError(f"{path}:{lineno}: not a JSON line ({exc.msg})") from exc
            if isinstance(data, dict) and isinstance(data.get("readout"), dict):
                data = data["readout"]  # tolerate {"readout": {...}, "content_sha256": ...}
            yield Readout.model_validate({k: v for k, v in data.items() if k in fields})


def batch_frame(
    folder: str | Path, table: str = "commitments", explode: str | None = None
) -> pd.DataFrame:
    """One frame for a whole batch output folder (its ``readouts.jsonl``).

    ``table`` is ``"commitments"`` (default), ``"claims"`` or ``"readouts"``; ``explode`` as in
    :func:`commitments_frame` / :func:`claims_frame`. Rows come in file order.
    """
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    readouts = read_readouts(folder)
    if table == "claims":
        return claims_frame(readouts, explode)
    if table == "readouts":
        return readouts_frame(readouts)
    return commitments_frame(readouts, explode)
