"""Tables and the plot: readouts → pandas frames, a batch folder → one frame, → a figure.

Readouts are built by hand from genre sentences so the tests do not depend on the state of
commitment extraction.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import readout_nlp
from readout_nlp.cli import app
from readout_nlp.errors import InputFileError
from readout_nlp.frames import CLAIM_COLUMNS, COMMITMENT_COLUMNS, READOUT_COLUMNS
from readout_nlp.records import (
    Attribution,
    Claim,
    Commitment,
    EventType,
    Meta,
    Modality,
    Paragraph,
    Participant,
    Readout,
    Sentence,
)

pd = pytest.importorskip("pandas")

# (source, date, publisher, participants, [(sentence, speakers, attribution, cue,
#   [(type, modality, parties)])])
DOCS = [
    (
        "cn-kaz.txt", dt.date(2024, 1, 15), "CHN",
        [("Wang Yi", "CHN"), ("Murat Nurtleu", "KAZ")],
        [
            ("Wang Yi said that the two sides should deepen trade and investment.",
             ["Wang Yi"], "explicit", "say",
             [("trade", "proposal", ["CHN", "KAZ"]), ("investment_finance", "proposal", ["CHN", "KAZ"])]),
            ("The Chinese side welcomes more Kazakh students to study in China.",
             ["Wang Yi"], "explicit", "welcome", [("people_to_people", "intent", ["CHN"])]),
            ("Murat Nurtleu said the Kazakh side will expand energy cooperation.",
             ["Murat Nurtleu"], "explicit", "say", [("energy", "pledge", ["KAZ"])]),
        ],
    ),
    (
        "uk-chl.txt", dt.date(2024, 3, 2), "GBR",
        [("the Prime Minister", "GBR"), ("Tomás Rojas", "CHL")],
        [
            ("The leaders agreed to work together to boost investment in clean energy.",
             ["the Prime Minister", "Tomás Rojas"], "explicit", "agree",
             [("energy", "agreement", ["GBR", "CHL"])]),
            ("They also discussed the war in Ukraine.",
             ["the Prime Minister", "Tomás Rojas"], "explicit", "discuss", []),
        ],
    ),
    (
        "undated.txt", None, None,
        [("Kenji Morita", "JPN"), ("Elena Santos", "PHL")],
        [
            ("Minister Morita expressed his intention to strengthen security cooperation.",
             ["Kenji Morita"], "explicit", "express", [("security", "intent", ["JPN"])]),
            ("Japan will continue to support the Philippines.",
             ["Kenji Morita"], "continuation", None, [("political_support", "pledge", ["JPN"])]),
        ],
    ),
]


def build(source, date, publisher, people, sentences) -> Readout:
    text = "Readout\n\n" + " ".join(s[0] for s in sentences) + "\n"
    start = len("Readout\n\n")
    body = text[start:-1]
    sent_records, claims, commitments = [], [], []
    pos = start
    for i, (sentence, speakers, how, cue, found) in enumerate(sentences):
        s, e = pos, pos + len(sentence)
        pos = e + 1
        sent_records.append(Sentence(start=s, end=e, text=sentence, paragraph=0))
        claims.append(Claim(start=s, end=e, text=sentence, paragraph=0, sentence=i,
                            speakers=speakers, attribution=Attribution(how), cue=cue, rule="t"))
        for type_, modality, parties in found:
            commitments.append(Commitment(start=s, end=e, text=sentence, type=type_,
                                          parties=parties, modality=Modality(modality),
                                          speakers=speakers, sentence=i, rule="t"))
    return Readout(
        source=source, text=text,
        meta=Meta(title="Readout", date=date, publisher=publisher, event_type=EventType.TALKS,
                  participants=[Participant(name=n, country=c) for n, c in people]),
        paragraphs=[Paragraph(start=start, end=start + len(body), text=body)],
        sentences=sent_records, claims=claims, commitments=commitments,
    )


@pytest.fixture(scope="module")
def readouts() -> list[Readout]:
    return [build(*doc) for doc in DOCS]


@pytest.fixture
def folder(tmp_path, readouts) -> Path:
    """A batch output folder as `readout-nlp batch` writes it (with a per-line content hash)."""
    lines = [
        json.dumps({**r.model_dump(mode="json"), "content_sha256": f"{i:064x}"}) + "\n"
        for i, r in enumerate(readouts)
    ]
    (tmp_path / "readouts.jsonl").write_text("".join(lines), encoding="utf-8")
    return tmp_path


# ---------------------------------------------------------------------------------------
# Frames


def test_claims_frame_has_a_row_per_claim(readouts):
    df = readout_nlp.claims_frame(readouts)
    assert list(df.columns) == CLAIM_COLUMNS
    assert len(df) == 7
    assert str(df["date"].dtype).startswith("datetime64")


@pytest.mark.parametrize(
    "text, speaker, speaker_country",
    [
        ("Wang Yi said that", "Wang Yi", "CHN"),
        ("Murat Nurtleu said", "Murat Nurtleu", "KAZ"),
        ("The leaders agreed", "the Prime Minister; Tomás Rojas", "GBR; CHL"),
        ("Japan will continue", "Kenji Morita", "JPN"),
    ],
)
def test_claim_rows_name_speaker_and_country(readouts, text, speaker, speaker_country):
    df = readout_nlp.claims_frame(readouts)
    row = df[df["text"].str.startswith(text)].iloc[0]
    assert (row["speaker"], row["speaker_country"]) == (speaker, speaker_country)


def test_claims_explode_by_speaker(readouts):
    df = readout_nlp.claims_frame(readouts, explode="speakers")
    assert len(df) == 9  # two claims by both leaders count once per leader
    leaders = df[df["text"].str.startswith("The leaders agreed")]
    assert list(zip(leaders["speaker"], leaders["speaker_country"], strict=True)) == [
        ("the Prime Minister", "GBR"),
        ("Tomás Rojas", "CHL"),
    ]


@pytest.mark.parametrize(
    "column, value",
    [
        ("source", "cn-kaz.txt"),
        ("publisher_country", "CHN"),
        ("speaker", "Wang Yi"),
        ("speaker_country", "CHN"),
        ("type", "trade"),
        ("modality", "proposal"),
        ("parties", "CHN; KAZ"),
        ("event_type", "talks"),
    ],
)
def test_commitment_row_columns(readouts, column, value):
    df = readout_nlp.commitments_frame(readouts)
    assert df.iloc[0][column] == value


def test_commitments_explode_by_party(readouts):
    df = readout_nlp.commitments_frame(readouts, explode="parties")
    assert list(df.columns) == [*COMMITMENT_COLUMNS, "party"]
    assert df.groupby("party").size().to_dict() == {
        "CHL": 1, "CHN": 3, "GBR": 1, "JPN": 2, "KAZ": 3,
    }


def test_readout_methods_delegate(readouts):
    r = readouts[0]
    assert r.claims_frame().equals(readout_nlp.claims_frame(r))
    assert r.commitments_frame().equals(readout_nlp.commitments_frame(r))


def test_empty_input_gives_empty_frames_with_columns():
    assert list(readout_nlp.claims_frame([]).columns) == CLAIM_COLUMNS
    assert list(readout_nlp.commitments_frame([]).columns) == COMMITMENT_COLUMNS
    assert len(readout_nlp.readouts_frame([])) == 0


def test_unknown_explode_is_refused(readouts):
    with pytest.raises(ValueError, match="explode"):
        readout_nlp.claims_frame(readouts, explode="parties")


# ---------------------------------------------------------------------------------------
# A batch folder → one frame


@pytest.mark.parametrize(
    "table, rows, columns",
    [
        ("commitments", 7, COMMITMENT_COLUMNS),
        ("claims", 7, CLAIM_COLUMNS),
        ("readouts", 3, READOUT_COLUMNS),
    ],
)
def test_batch_frame(folder, table, rows, columns):
    df = readout_nlp.batch_frame(folder, table)
    assert (len(df), list(df.columns)) == (rows, columns)
    assert df["source"].unique().tolist() == [d[0] for d in DOCS]


def test_batch_frame_skips_the_partial_line_of_an_interrupted_run(folder):
    with (folder / "readouts.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"schema_name": "readout_nlp.Readout", "text": "Wang Yi sa')
    assert len(readout_nlp.batch_frame(folder, "readouts")) == 3


def test_batch_frame_reads_the_jsonl_file_itself(folder):
    assert len(readout_nlp.batch_frame(folder / "readouts.jsonl", "readouts")) == 3


def test_batch_frame_names_a_missing_folder(tmp_path):
    with pytest.raises(InputFileError, match="readouts.jsonl"):
        readout_nlp.batch_frame(tmp_path / "nowhere")


# ---------------------------------------------------------------------------------------
# The plot

needs_matplotlib = pytest.mark.skipif(
    importlib.util.find_spec("matplotlib") is None, reason="the plot extra is not installed"
)


def _bars(ax) -> dict[str, float]:
    """Total bar height per legend entry."""
    out = {}
    for container in ax.containers:
        out[container.get_label()] = sum(p.get_height() for p in container.patches)
    return out


@needs_matplotlib
def test_plot_counts_commitments_by_type_and_party(readouts):
    fig = readout_nlp.plot_commitments(readouts)
    ax_type, ax_party = fig.axes[:2]
    assert _bars(ax_type) == {
        "energy": 2, "trade": 1, "investment_finance": 1, "people_to_people": 1,
        "security": 1, "political_support": 1,
    }
    assert _bars(ax_party) == {"CHN": 3, "KAZ": 3, "JPN": 2, "GBR": 1, "CHL": 1}


@needs_matplotlib
def test_plot_time_axis_has_every_period_and_an_undated_bar(readouts):
    fig = readout_nlp.plot_commitments(readouts, freq="M")
    labels = [t.get_text() for t in fig.axes[1].get_xticklabels()]
    assert labels == ["2024-01", "2024-02", "2024-03", "undated"]


@needs_matplotlib
@pytest.mark.parametrize(
    "days, freq",
    [(0, "D"), (30, "D"), (120, "W"), (400, "M"), (3 * 365, "M"), (6 * 365, "Q"), (20 * 365, "Y")],
)
def test_auto_period_fits_the_span_of_dates(days, freq):
    from readout_nlp.plot import choose_freq

    start = pd.Timestamp("2020-01-01")
    assert choose_freq(pd.Series([start, start + pd.Timedelta(days=days)])) == freq


@needs_matplotlib
def test_plot_accepts_a_frame_and_a_folder(readouts, folder):
    frame = readout_nlp.commitments_frame(readouts)
    for data in (frame, folder):
        assert _bars(readout_nlp.plot_commitments(data).axes[1])["CHN"] == 3


@needs_matplotlib
def test_plot_with_no_commitments_says_so():
    fig = readout_nlp.plot_commitments([])
    assert "no commitments found" in [t.get_text() for t in fig.axes[0].texts]


# ---------------------------------------------------------------------------------------
# The commands

runner = CliRunner()


@needs_matplotlib
def test_cli_plot_writes_a_png(folder, tmp_path):
    out = tmp_path / "figure.png"
    result = runner.invoke(app, ["plot", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_plot_names_a_missing_folder(tmp_path):
    result = runner.invoke(app, ["plot", str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "readouts.jsonl" in result.output


def test_cli_render_a_json_record(readouts, tmp_path):
    record = tmp_path / "r.json"
    record.write_text(readouts[1].model_dump_json(), encoding="utf-8")
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["render", str(record), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'data-speakers="the Prime Minister|Tomás Rojas"' in page


def test_cli_render_a_text(nlp, monkeypatch, tmp_path):
    monkeypatch.setattr("readout_nlp.pipeline.load", lambda model=None: nlp)
    path = tmp_path / "call.txt"
    path.write_text(
        "Wang Yi Holds Talks with Foreign Minister Beibut Atamkulov of Kazakhstan\n\n"
        "Wang Yi pointed out that the two sides should maintain close high-level exchanges.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["render", str(path)])
    assert result.exit_code == 0, result.output
    text = re.sub(r"<[^>]+>", "", result.output)  # the words, whatever highlights cut them
    assert result.output.startswith("<!DOCTYPE html>") and "Wang Yi pointed out" in text
