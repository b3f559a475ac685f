"""The command line: thin typer wrappers over importable functions.

    readout-nlp analyze FILE            one readout → JSON on stdout
    readout-nlp batch IN_DIR -o OUT     a folder of readouts → readouts.jsonl, CSV tables
    readout-nlp evaluate GOLD_DIR       score against hand-labelled gold (FORMAT.md)
    readout-nlp schema -o FILE          write the JSON Schema of the records
    readout-nlp render FILE -o out.html a readout as a standalone HTML page
    readout-nlp plot OUT_DIR -o fig.png commitments by type and party over time
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .about import __version__
from .errors import ReadoutError

app = typer.Typer(
    name="readout-nlp",
    help="Diplomatic readouts into attributed, typed data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"readout-nlp: error: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = None,
) -> None:
    """readout_nlp command line."""


@app.command()
def analyze(
    path: Annotated[Path, typer.Argument(help="A readout (.txt, .md or .html); - for stdin.")],
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name or path.")] = None,
    indent: Annotated[int, typer.Option(help="JSON indentation.")] = 2,
) -> None:
    """Analyse one readout and print its record as JSON."""
    from .batch import read_text
    from .pipeline import analyze as analyze_text
    from .pipeline import load

    try:
        if str(path) == "-":
            text, source = sys.stdin.read(), "<stdin>"
        elif not path.exists():
            _fail(f"{path}: no such file")
        elif path.is_dir():
            _fail(f"{path}: is a folder; use `readout-nlp batch {path}` for a folder of readouts")
        else:
            text, source = read_text(path), str(path)
        readout = analyze_text(text, source=source, nlp=load(model))
    except ReadoutError as exc:
        _fail(str(exc))
    typer.echo(json.dumps(readout.model_dump(mode="json"), indent=indent or None, ensure_ascii=False))


@app.command()
def batch(
    in_dir: Annotated[Path, typer.Argument(help="Folder of readouts (searched recursively).")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("out"),
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name or path.")] = None,
    n_process: Annotated[int, typer.Option("--n-process", help="Worker processes.")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Docs per batch.")] = 32,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue OUT: skip inputs already recorded.")
    ] = False,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Start OUT again, discarding earlier results.")
    ] = False,
    max_chars: Annotated[
        int, typer.Option("--max-chars", help="Refuse inputs longer than this (characters).")
    ] = 1_000_000,
    progress: Annotated[
        bool, typer.Option(help="Progress bar on stderr (only when it is a terminal).")
    ] = True,
) -> None:
    """Attribute every readout in a folder (.txt, .md, .html, recursively).

    Writes readouts.jsonl, errors.jsonl (inputs that failed, and duplicate notes) and the
    flat tables readouts/claims/commitments .csv (and .parquet with pyarrow) into OUT.
    Exits 1 if any input failed; an interrupted run is continued with --resume.
    """
    from .batch import run_batch

    try:
        summary = run_batch(
            in_dir,
            out,
            model=model,
            n_process=n_process,
            batch_size=batch_size,
            resume=resume,
            overwrite=overwrite,
            progress=progress,
            max_chars=max_chars,
        )
    except ReadoutError as exc:
        _fail(str(exc))
    except ValueError as exc:
        _fail(str(exc), code=2)
    except KeyboardInterrupt:
        typer.echo(
            f"readout-nlp: interrupted; the records written so far are kept in {out}. "
            "Run the same command with --resume to finish.",
            err=True,
        )
        raise typer.Exit(130) from None
    for line in summary.errors[:10]:
        typer.echo(f"  failed: {line}", err=True)
    if len(summary.errors) > 10:
        typer.echo(f"  ... and {len(summary.errors) - 10} more", err=True)
    if summary.out is not None and (summary.out / "readouts.jsonl").exists():
        from .batch.output import describe_readouts

        typer.echo(describe_readouts(summary.out))
    typer.echo(summary.describe())
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of NAME.txt + NAME.gold.json.")],
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name or path.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List the per-sentence errors.")] = False,
) -> None:
    """Score the library against hand-labelled gold readouts (FORMAT.md's scoring)."""
    from .evaluate import evaluate as run_evaluate
    from .evaluate import format_report

    try:
        report = run_evaluate(gold_dir, model=model)
    except ReadoutError as exc:
        _fail(str(exc))
    if as_json:
        typer.echo(json.dumps(report.to_dict(errors=errors), indent=2, ensure_ascii=False))
    else:
        typer.echo(format_report(report, errors=errors))


@app.command()
def schema(
    out: Annotated[
        Path | None, typer.Option("-o", "--out", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Print (or write) the JSON Schema of a Readout record."""
    from .schema import schema_json

    text = schema_json()
    if out is None:
        typer.echo(text)
    else:
        out.write_text(text + "\n", encoding="utf-8")
        typer.echo(f"wrote {out}")


@app.command()
def render(
    path: Annotated[
        Path,
        typer.Argument(help="A readout (.txt, .md or .html), or its JSON record (.json)."),
    ],
    out: Annotated[
        Path | None, typer.Option("-o", "--out", help="Write the page here instead of stdout.")
    ] = None,
    style: Annotated[
        str, typer.Option(help="readout (the library's view) or span (displaCy's span style).")
    ] = "readout",
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name or path.")] = None,
) -> None:
    """Render one readout as a standalone HTML page: claims in their speaker's colours,
    commitments with type and modality, a legend of participants."""
    from pydantic import ValidationError

    from .batch import read_text
    from .pipeline import analyze as analyze_text
    from .pipeline import load
    from .records import Readout
    from .render import render_page

    try:
        if path.suffix.lower() == ".json":
            readout = Readout.model_validate_json(read_text(path))
        else:
            readout = analyze_text(read_text(path), source=str(path), nlp=load(model))
        page = render_page(readout, style=style)
    except ReadoutError as exc:
        _fail(str(exc))
    except ValidationError as exc:
        _fail(f"{path}: not a Readout record: {exc.errors()[0]['msg']}")
    except ValueError as exc:
        _fail(str(exc))
    if out is None:
        typer.echo(page)
    else:
        out.write_text(page, encoding="utf-8")
        typer.echo(f"wrote {out}")


@app.command()
def plot(
    folder: Annotated[
        Path, typer.Argument(help="A batch output folder (or its readouts.jsonl).")
    ],
    out: Annotated[Path, typer.Option("-o", "--out", help="PNG file to write.")] = Path(
        "commitments.png"
    ),
    freq: Annotated[str, typer.Option(help="Period of a bar: auto, D, W, M, Q or Y.")] = "auto",
    top: Annotated[
        int, typer.Option(help="Types and parties shown before the rest count as 'other'.")
    ] = 10,
    dpi: Annotated[int, typer.Option(help="Resolution of the PNG.")] = 150,
) -> None:
    """Plot commitments by type and party over time for a batch output folder; save a PNG."""
    from .plot import plot_commitments

    try:
        fig = plot_commitments(folder, freq=freq, top=top)
        fig.savefig(out, dpi=dpi)
    except ReadoutError as exc:
        _fail(str(exc))
    except (ImportError, ValueError) as exc:
        _fail(str(exc))
    typer.echo(f"wrote {out}")


def main() -> None:
    """Run the CLI; an operating-system error (a folder that cannot be written, a disk that
    is full) or Ctrl-C ends it with one line and a non-zero exit, never a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("readout-nlp: interrupted (finished records are kept; batch --resume goes on)", err=True)
        raise SystemExit(130) from None
    except OSError as exc:
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        typer.echo(f"readout-nlp: error: {where}{exc.strerror or exc}", err=True)
        raise SystemExit(1) from None
