"""Batch runs over folders: encodings, HTML, bad files, resume, tables, process counts.

The fixture readouts in tests/data/batch are short genre texts (State Department, China MFA
in Markdown, UK No. 10, Kazakh MFA as HTML); encoded, binary and large variants are made in
tmp_path by the tests.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from readout_nlp import batch
from readout_nlp.batch import (
    BatchError,
    BatchInputError,
    ErrorKind,
    JsonlAppender,
    OutputExistsError,
    analyze_folder,
    decode_bytes,
    html_to_text,
    html_to_text_stdlib,
    iter_errors,
    iter_readouts,
    list_inputs,
    read_text,
    repair_tail,
    run_batch,
    table_rows,
    text_from_bytes,
    write_tables,
)
from readout_nlp.batch import run as batch_run
from readout_nlp.cli import app
from readout_nlp.records import Readout

DATA = Path(__file__).parent / "data" / "batch"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "readouts"
GOOD = sorted(p for p in DATA.rglob("*") if p.is_file())

# A sentence of each legacy-encoded kind of readout the issue names.
CP1252_TEXT = (
    "Minister Le Drian’s talks in Paris\n\n"
    "The Minister said that France’s “strategic dialogue” with Viet Nam – renewed in "
    "2023 – would continue, and welcomed the café-style format of the meeting.\n"
)
GB18030_TEXT = (
    "Wang Yi (王毅) Holds Talks with Foreign Minister of Laos\n\n"
    "Wang Yi said that China and Laos (中国和老挝) are “good neighbors” linked by "
    "mountains and rivers.\n"
)
UTF8_TEXT = (
    "Secretary Blinken’s Call with Foreign Minister Botchwey\n\n"
    "The Secretary thanked the Foreign Minister for Ghana’s leadership. He underscored "
    "the “enduring partnership” between the two countries.\n"
)


def _records(out: Path) -> tuple[list[dict], list[dict]]:
    def load(name: str) -> list[dict]:
        path = out / name
        return [json.loads(line) for line in path.read_text("utf-8").splitlines()] if path.exists() else []

    return load("readouts.jsonl"), load("errors.jsonl")


def _copy_good(dest: Path) -> Path:
    shutil.copytree(DATA, dest)
    return dest


# ---------------------------------------------------------------------------------------
# Decoding: detected, never assumed


@pytest.mark.parametrize(
    ("label", "text", "data", "encoding"),
    [
        ("utf-8", UTF8_TEXT, UTF8_TEXT.encode("utf-8"), "utf-8"),
        ("utf-8 with BOM", UTF8_TEXT, b"\xef\xbb\xbf" + UTF8_TEXT.encode("utf-8"), "utf-8"),
        ("utf-16 LE with BOM", UTF8_TEXT, UTF8_TEXT.encode("utf-16"), "utf-16-le"),
        ("utf-16 BE with BOM", UTF8_TEXT, b"\xfe\xff" + UTF8_TEXT.encode("utf-16-be"), "utf-16-be"),
        ("utf-16 LE, no BOM", UTF8_TEXT, UTF8_TEXT.encode("utf-16-le"), "utf-16-le"),
        ("cp1252 (Windows)", CP1252_TEXT, CP1252_TEXT.encode("cp1252"), "cp1252"),
        ("gb18030 (Chinese sites)", GB18030_TEXT * 3, (GB18030_TEXT * 3).encode("gb18030"), "gb18030"),
    ],
)
def test_decode_detects_the_encoding(label, text, data, encoding):
    assert decode_bytes(data, label) == (text, encoding)


def _corrupted_utf8() -> bytes:
    # A UTF-8 readout with a burst of bytes that are not UTF-8 (a damaged download).
    raw = UTF8_TEXT.encode("utf-8")
    return raw[:60] + b"\x81\x8d\xff\x9d\x90" + raw[60:]


@pytest.mark.parametrize(
    ("label", "data", "kind", "says"),
    [
        ("NUL bytes", b"READOUT\x00\x01\x02\x03binary\x00\x00" * 50, ErrorKind.BINARY, "binary"),
        ("a PDF", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", ErrorKind.BINARY, "PDF"),
        ("a .docx", b"PK\x03\x04\x14\x00\x06\x00" + bytes(100), ErrorKind.BINARY, "ZIP"),
        ("control characters", b"\x01\x02\x03\x04\x05\x06 text \x07\x08\x0e\x0f" * 30, ErrorKind.BINARY, "control"),
        ("corrupted UTF-8", _corrupted_utf8(), ErrorKind.ENCODING, "not valid UTF-8"),
        ("bad UTF-16 after BOM", b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8", ErrorKind.ENCODING, "byte-order mark"),
    ],
)  # fmt: skip
def test_decode_refuses_binary_and_damaged_bytes(label, data, kind, says):
    with pytest.raises(BatchInputError) as info:
        decode_bytes(data, label)
    assert (info.value.kind, says in info.value.reason) == (kind, True), info.value.reason


@pytest.mark.parametrize(
    ("label", "data", "kind"),
    [
        ("empty.txt", b"", ErrorKind.EMPTY),
        ("blank.txt", b"  \n\r\n\t  \n", ErrorKind.EMPTY),
        ("dashes.txt", b"---\n***\n", ErrorKind.EMPTY),
        ("no-text.html", b"<html><body><script>x=1</script><img src='photo.jpg'></body></html>", ErrorKind.EMPTY),
        ("big.txt", b"The two sides agreed. " * 240_000, ErrorKind.TOO_LARGE),  # 5.3 MB
    ],
)  # fmt: skip
def test_text_from_bytes_refuses_what_cannot_be_a_readout(label, data, kind):
    with pytest.raises(BatchInputError) as info:
        text_from_bytes(data, label)
    assert info.value.kind == kind


def test_a_5mb_file_is_refused_with_the_limit_and_what_to_do():
    data = b"The two sides agreed to deepen cooperation in trade and energy. " * 82_000
    assert len(data) > 5_000_000
    with pytest.raises(BatchInputError) as info:
        text_from_bytes(data, "dump.txt")
    assert "characters is too long for one readout (limit 1,000,000)" in info.value.reason
    assert "split it" in info.value.reason
    # Raised explicitly, the limit admits it (the decision is the caller's).
    assert len(text_from_bytes(data[:2_000_000], "part.txt", max_chars=3_000_000)) == 2_000_000


def test_read_text_names_the_file_and_the_reason(tmp_path):
    missing = tmp_path / "gone.txt"
    with pytest.raises(BatchInputError) as info:
        read_text(missing)
    assert str(info.value).startswith(str(missing)) and info.value.kind == ErrorKind.MISSING
    assert read_text(DATA / "uk-pm-call-chile.txt").startswith("PM call with President Boric")


# ---------------------------------------------------------------------------------------
# HTML: main text, blank-line paragraphs


KZ_HTML = (DATA / "mfa" / "kz-mfa-meeting.html").read_text("utf-8")
KZ_PARAGRAPHS = [
    "Kazakh Foreign Minister meets Ambassador of Japan",
    "Astana, 5 March 2024",
    "Minister of Foreign Affairs of Kazakhstan Murat Nurtleu met with Ambassador of Japan",
    "Murat Nurtleu noted that Japan is a key partner",
    "Ambassador Kawabata said that Japanese companies are interested in new projects in "
    "Kazakhstan & the region, and reaffirmed Japan’s readiness",
]


def _check_kz_page(text: str) -> None:
    paragraphs = text.split("\n\n")
    assert [p[: len(want)] for p, want in zip(paragraphs, KZ_PARAGRAPHS, strict=False)] == KZ_PARAGRAPHS
    for chrome in ("Press service", "dataLayer", "nothing", "Print version", "©"):
        assert chrome not in text


def test_html_fallback_extractor_keeps_paragraphs_and_drops_chrome(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails → fallback
    _check_kz_page(html_to_text(KZ_HTML))
    _check_kz_page(html_to_text_stdlib(KZ_HTML))


def test_html_with_trafilatura():
    pytest.importorskip("trafilatura")
    _check_kz_page(html_to_text(KZ_HTML))


@pytest.mark.parametrize(
    ("html", "paragraphs"),
    [
        # No <h1>: the page <title> is the headline.
        ("<html><head><title>PM call with President Lula</title></head><body>"
         "<p>The Prime Minister spoke to President Lula.</p><p>They agreed.</p></body></html>",
         ["PM call with President Lula", "The Prime Minister spoke to President Lula.", "They agreed."]),
        # <br> and list items are block breaks; entities are decoded.
        ("<body><h1>Joint Statement</h1><ul><li>Trade &amp; investment</li><li>Energy</li></ul>"
         "Line one<br>Line two</body>",
         ["Joint Statement", "Trade & investment", "Energy", "Line one", "Line two"]),
    ],
)  # fmt: skip
def test_html_fallback_blocks(html, paragraphs):
    assert html_to_text_stdlib(html).split("\n\n") == paragraphs


# ---------------------------------------------------------------------------------------
# Listing


def test_list_inputs_is_recursive_sorted_and_skips_other_files(tmp_path):
    for rel in ("b.txt", "a/z.md", "a/y.HTML", "c/.hidden.txt", ".git/x.txt", "notes.docx", "x.json"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text", "utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in list_inputs(tmp_path)] == [
        "a/y.HTML",
        "a/z.md",
        "b.txt",
    ]


# ---------------------------------------------------------------------------------------
# A folder mixing good and bad files


def _mixed_folder(root: Path) -> dict[str, ErrorKind | None]:
    """Good fixtures plus every kind of bad file; {relative path: expected error kind}."""
    _copy_good(root)
    expect: dict[str, ErrorKind | None] = {p.relative_to(DATA).as_posix(): None for p in GOOD}
    extra: dict[str, tuple[bytes, ErrorKind | None]] = {
        "enc/utf8-bom.txt": (b"\xef\xbb\xbf" + UTF8_TEXT.encode("utf-8"), None),
        "enc/utf16.txt": (UTF8_TEXT.replace("Blinken", "Rubio").encode("utf-16"), None),
        "enc/cp1252.txt": (CP1252_TEXT.encode("cp1252"), None),
        "enc/gb18030.txt": ((GB18030_TEXT * 3).encode("gb18030"), None),
        "bad/empty.txt": (b"", ErrorKind.EMPTY),
        "bad/binary.txt": (bytes(range(256)) * 40, ErrorKind.BINARY),
        "bad/undecodable.txt": (_corrupted_utf8(), ErrorKind.ENCODING),
        "bad/huge.txt": (b"Both sides agreed to strengthen cooperation. " * 120_000, ErrorKind.TOO_LARGE),
        # Same bytes as a good fixture, later in path order: noted, not analysed again.
        "zz-copy/us-call.txt": ((DATA / "state" / "us-secretary-call-ghana.txt").read_bytes(), ErrorKind.DUPLICATE),
        "bad/removed.txt": (UTF8_TEXT.replace("Botchwey", "Ablakwa").encode("utf-8"), ErrorKind.MISSING),
    }  # fmt: skip
    for rel, (data, kind) in extra.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expect[rel] = kind
    assert (root / "bad/huge.txt").stat().st_size > 5_000_000
    return expect


@pytest.fixture
def removes_one_file_after_listing(monkeypatch):
    """The folder is listed, then `bad/removed.txt` disappears before it is read."""
    real = batch_run.list_inputs

    def listing(in_dir, **kwargs):
        paths = real(in_dir, **kwargs)
        for p in paths:
            if p.name == "removed.txt":
                p.unlink()
        return paths

    monkeypatch.setattr(batch_run, "list_inputs", listing)


def test_mixed_folder_every_input_has_exactly_one_line(nlp, tmp_path, removes_one_file_after_listing):
    root = tmp_path / "in"
    expect = _mixed_folder(root)
    out = tmp_path / "out"
    summary = run_batch(root, out, nlp=nlp, batch_size=4, progress=False)

    readouts, errors = _records(out)
    got: dict[str, ErrorKind | None] = {}
    for r in readouts:
        got[Path(r["source"]).relative_to(root).as_posix()] = None
    for e in errors:
        got[Path(e["source"]).relative_to(root).as_posix()] = ErrorKind(e["kind"])
    assert got == expect
    assert len(readouts) + len(errors) == len(expect)  # no input twice
    # Output order is input (path) order.
    order = [p.relative_to(root).as_posix() for p in list_inputs(root)]
    assert [Path(r["source"]).relative_to(root).as_posix() for r in readouts] == [
        o for o in order if expect[o] is None
    ]
    failed = [k for k in expect.values() if k not in (None, ErrorKind.DUPLICATE)]
    assert (summary.done, summary.failed, summary.duplicates) == (
        sum(k is None for k in expect.values()),
        len(failed),
        1,
    )
    for e in errors:
        assert e["reason"] and e["source"]
        assert (e["content_sha256"] is None) == (e["kind"] == "missing")
    dup = next(e for e in errors if e["kind"] == "duplicate")
    assert dup["duplicate_of"].endswith("state/us-secretary-call-ghana.txt")
    # Each record is a valid Readout that carries its source and content hash.
    for r in iter_readouts(out):
        assert isinstance(r, Readout) and r.source
    assert all(len(r["content_sha256"]) == 64 for r in readouts)
    html = next(r for r in readouts if r["source"].endswith(".html"))
    assert html["text"].startswith("Kazakh Foreign Minister meets Ambassador of Japan\n\n")
    assert "<p>" not in html["text"]
    assert [type(e) for e in iter_errors(out)] == [BatchError] * len(errors)


@pytest.fixture
def session_pipeline(nlp, monkeypatch):
    """The CLI loads its pipeline by name; hand it the session's instead of a fresh load."""
    monkeypatch.setattr("readout_nlp.pipeline.load", lambda model=None, **kw: nlp)


def test_cli_batch_exits_nonzero_and_lists_failures(tmp_path, session_pipeline):
    root = tmp_path / "in"
    root.mkdir()
    (root / "uk.txt").write_bytes((DATA / "uk-pm-call-chile.txt").read_bytes())
    (root / "scan.txt").write_bytes(b"%PDF-1.4\n" + bytes(200))
    result = CliRunner().invoke(app, ["batch", str(root), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "1 analysed" in result.stdout and "1 failed" in result.stdout
    assert "scan.txt: not a text file: a PDF file" in result.stderr


def test_cli_batch_on_examples(tmp_path, session_pipeline):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["batch", str(EXAMPLES), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    n = len(list(EXAMPLES.glob("*.txt")))
    assert f"{n} analysed" in result.stdout
    assert len(_records(out)[0]) == n
    for name in ("readouts.csv", "claims.csv", "commitments.csv"):
        assert (out / name).read_bytes().startswith(b"\xef\xbb\xbfsource,")


def test_analyze_folder_yields_readouts_and_errors_in_order(nlp, tmp_path):
    root = _copy_good(tmp_path / "in")
    (root / "0-empty.txt").write_bytes(b"")
    items = list(analyze_folder(root, nlp=nlp))
    assert [Path(i.source).name for i in items] == [p.name for p in list_inputs(root)]
    assert [type(i).__name__ for i in items] == ["BatchError"] + ["Readout"] * len(GOOD)


def test_an_in_process_run_freezes_the_heap_only_while_it_runs(nlp, tmp_path):
    """The pipeline's objects are kept out of full garbage collections during a run, and the
    caller's process gets its collector back, whole, when the run ends or is abandoned."""
    import gc

    from readout_nlp.batch.engine import freeze_loaded

    root = _copy_good(tmp_path / "in")
    assert gc.get_freeze_count() == 0
    items = analyze_folder(root, nlp=nlp)
    next(items)
    assert gc.get_freeze_count() > 0  # frozen while the run is going on
    items.close()  # abandoned half-way
    assert gc.get_freeze_count() == 0
    assert len(list(analyze_folder(root, nlp=nlp))) == len(GOOD)
    assert gc.get_freeze_count() == 0
    # someone else's freeze is left alone
    gc.freeze()
    try:
        count = gc.get_freeze_count()
        assert freeze_loaded() is False
        assert len(list(analyze_folder(root, nlp=nlp))) == len(GOOD)
        assert gc.get_freeze_count() == count
    finally:
        gc.unfreeze()


# ---------------------------------------------------------------------------------------
# Nothing lost: appends, interruption, resume


def test_appender_writes_whole_lines_and_repair_cuts_a_partial_one(tmp_path):
    path = tmp_path / "r.jsonl"
    w = JsonlAppender(path)
    w.append('{"a": 1}')
    w.append('{"b": "two"}\n')
    w.close()
    assert path.read_text() == '{"a": 1}\n{"b": "two"}\n'
    assert repair_tail(path) == 0
    with open(path, "ab") as f:
        f.write(b'{"c": "cut off by a k')
    assert repair_tail(path) == len('{"c": "cut off by a k')
    assert path.read_text() == '{"a": 1}\n{"b": "two"}\n'


def test_interrupted_run_keeps_every_line_and_resume_finishes(nlp, tmp_path):
    root = _copy_good(tmp_path / "in")
    (root / "bad.txt").write_bytes(b"\x00\x01" * 100)
    out = tmp_path / "out"
    calls = []

    def interrupt_after_two(source, error):
        calls.append(source)
        if len(calls) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(root, out, nlp=nlp, batch_size=2, progress=False, on_result=interrupt_after_two)
    head_r, head_e = (out / "readouts.jsonl").read_bytes(), (out / "errors.jsonl").read_bytes()
    readouts, errors = _records(out)
    assert len(readouts) + len(errors) == 2  # both lines complete and parseable
    # A kill in the middle of a write would leave a partial line: simulate one.
    with open(out / "readouts.jsonl", "ab") as f:
        f.write(b'{"schema_name":"readout_nlp.Readout","text":"On Ma')

    with pytest.raises(OutputExistsError):
        run_batch(root, out, nlp=nlp, progress=False)
    summary = run_batch(root, out, nlp=nlp, resume=True, progress=False)

    new_r, new_e = (out / "readouts.jsonl").read_bytes(), (out / "errors.jsonl").read_bytes()
    assert new_r.startswith(head_r) and new_e.startswith(head_e)  # nothing written earlier lost
    readouts, errors = _records(out)
    sources = sorted(r["source"] for r in readouts) + sorted(e["source"] for e in errors)
    assert sorted(sources) == sorted(str(p) for p in list_inputs(root))  # each input once
    assert summary.repaired_bytes > 0 and summary.skipped == 2
    assert summary.failed == 1  # bad.txt, whichever run recorded it


def test_resume_skips_what_is_done_and_analyses_what_is_new(nlp, tmp_path):
    root = _copy_good(tmp_path / "in")
    out = tmp_path / "out"
    first = run_batch(root, out, nlp=nlp, progress=False)
    assert (first.done, first.failed) == (len(GOOD), 0)
    lines = (out / "readouts.jsonl").read_text("utf-8")

    (root / "new.txt").write_text(UTF8_TEXT, "utf-8")
    (root / "copy-of-uk.txt").write_bytes((root / "uk-pm-call-chile.txt").read_bytes())
    second = run_batch(root, out, nlp=nlp, resume=True, progress=False)
    assert (second.done, second.skipped, second.duplicates, second.failed) == (1, len(GOOD), 1, 0)
    assert (out / "readouts.jsonl").read_text("utf-8").startswith(lines)

    third = run_batch(root, out, nlp=nlp, overwrite=True, progress=False)
    assert (third.done, third.skipped, third.duplicates) == (len(GOOD) + 1, 0, 1)
    assert len(_records(out)[0]) == len(GOOD) + 1


# ---------------------------------------------------------------------------------------
# Tables


def _readout_with_claims() -> Readout:
    text = (
        "Wang Yi Holds Talks with Saleumxay Kommasith\n\n"
        "Wang Yi said that China is ready to expand cooperation in agriculture with Laos. "
        "Both sides agreed to strengthen exchanges.\n"
    )
    s1 = text.index("Wang Yi said")
    e1 = text.index(" Both")
    s2, e2 = e1 + 1, len(text) - 1
    return Readout.model_validate(
        {
            "source": "in/cn.txt",
            "text": text,
            "meta": {
                "date": "2024-04-23",
                "event_type": "talks",
                "participants": [
                    {"name": "Wang Yi", "country": "CHN"},
                    {"name": "Saleumxay Kommasith", "country": "LAO"},
                ],
            },
            "claims": [
                {"start": s1, "end": e1, "text": text[s1:e1], "paragraph": 0, "sentence": 0,
                 "speakers": ["Wang Yi"], "attribution": "explicit", "cue": "say", "rule": "cue.say"},
                {"start": s2, "end": e2, "text": text[s2:e2], "paragraph": 0, "sentence": 1,
                 "speakers": ["Wang Yi", "Saleumxay Kommasith"], "attribution": "explicit",
                 "cue": "agree", "rule": "side.both"},
            ],
            "commitments": [
                {"start": s1, "end": e1, "text": text[s1:e1], "sentence": 0, "type": "agriculture",
                 "parties": ["CHN", "LAO"], "modality": "intent", "speakers": ["Wang Yi"],
                 "rule": "t|m|p"},
            ],
        }
    )  # fmt: skip


def test_table_rows_flatten_claims_and_commitments():
    row = json.loads(_readout_with_claims().model_dump_json())
    tables = table_rows(row)
    claims = [(c["speaker"], c["country"], c["attribution"], c["cue"]) for c in tables["claims"]]
    assert claims == [
        ("Wang Yi", "CHN", "explicit", "say"),
        ("Wang Yi; Saleumxay Kommasith", "CHN; LAO", "explicit", "agree"),
    ]
    [c] = tables["commitments"]
    assert (c["source"], c["date"], c["type"], c["modality"], c["parties"]) == (
        "in/cn.txt", "2024-04-23", "agriculture", "intent", "CHN; LAO",
    )  # fmt: skip
    assert tables["readouts"][0]["participants"] == "Wang Yi (CHN); Saleumxay Kommasith (LAO)"


def test_write_tables_csv_and_parquet(tmp_path):
    line = _readout_with_claims().model_dump_json()[:-1] + ',"content_sha256":"ab"}\n'
    (tmp_path / "readouts.jsonl").write_text(line + "\n" + line, "utf-8")
    written = write_tables(tmp_path, parquet=False)
    import csv

    with open(written["claims"], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["speaker"] for r in rows] == ["Wang Yi", "Wang Yi; Saleumxay Kommasith"] * 2
    assert rows[0]["text"].startswith("Wang Yi said that China")
    pq = pytest.importorskip("pyarrow.parquet")
    written = write_tables(tmp_path)
    table = pq.read_table(written["commitments.parquet"])
    assert table.column("parties").to_pylist() == ["CHN; LAO", "CHN; LAO"]
    assert table.column("sentence").to_pylist() == [0, 0]


# ---------------------------------------------------------------------------------------
# Worker processes


@pytest.mark.slow
def test_two_processes_write_the_same_bytes_as_one(nlp, tmp_path):
    root = _copy_good(tmp_path / "in")
    (root / "bad.txt").write_bytes(b"")
    run_batch(root, tmp_path / "one", nlp=nlp, batch_size=2, progress=False, tables=False)
    two = run_batch(root, tmp_path / "two", n_process=2, batch_size=1, progress=False, tables=False)
    assert two.done == len(GOOD) and two.failed == 1
    for name in ("readouts.jsonl", "errors.jsonl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_a_loaded_pipeline_cannot_go_to_worker_processes(nlp, tmp_path):
    with pytest.raises(ValueError, match="pass model as a name or path"):
        list(analyze_folder(DATA, model=nlp, n_process=2))


@pytest.mark.slow
def test_a_model_the_workers_cannot_load_stops_the_run_once(tmp_path):
    from readout_nlp.errors import ModelNotFoundError

    with pytest.raises(ModelNotFoundError, match="no_such_pipeline"):
        run_batch(DATA, tmp_path / "out", model="no_such_pipeline", n_process=2, progress=False)


def test_resume_retries_files_whose_worker_died(nlp, tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    path = root / "uk.txt"
    path.write_bytes((DATA / "uk-pm-call-chile.txt").read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    died = BatchError(
        source=str(path),
        content_sha256=batch.sha256_bytes(path.read_bytes()),
        kind=ErrorKind.WORKER_DIED,
        reason="the worker process died while analysing this file",
    )
    (out / "errors.jsonl").write_text(died.model_dump_json() + "\n", "utf-8")
    summary = run_batch(root, out, nlp=nlp, resume=True, progress=False)
    assert (summary.done, summary.skipped, summary.failed) == (1, 0, 0)
