"""The gold scorer: FORMAT.md's "Scoring" on constructed predictions, gold validation, CLI.

Most tests need no model: predictions are built from the gold (``gold_to_prediction``) and
then broken in known ways, and the expected numbers are worked out by hand in the table.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

import readout_nlp.evaluate as ev
from conftest import GOLD_DIR, gold_names, load_gold
from readout_nlp.cli import app
from readout_nlp.errors import EmptyInputError, GoldFormatError
from readout_nlp.evaluate import (
    evaluate,
    format_report,
    gold_to_prediction,
    names_match,
    score_document,
    spans_match,
)
from readout_nlp.records import Claim, Commitment, Meta, Paragraph, Participant, Readout

# ---------------------------------------------------------------------------------------
# A small China MFA-style readout, labelled by FORMAT.md.
#
#   s0 (¶0) narration
#   s1 (¶1) Wang Yi, explicit "point out"           no commitment (a statement of fact)
#   s2 (¶1) Wang Yi, continuation                   high_level_exchanges CHN+KAZ proposal
#   s3 (¶1) Wang Yi, continuation                   trade CHN intent; agriculture CHN intent
#   s4 (¶2) Atamkulov, explicit "say"               political_support KAZ support
#   s5 (¶2) Atamkulov, continuation                 bri_cooperation KAZ pledge
#   s6 (¶3) both, explicit "agree"                  regional_issues + high_level_exchanges,
#                                                   CHN+KAZ agreement
# Totals: 6 sentences with speakers, 7 (sentence, speaker) pairs, 7 (sentence, type) pairs,
# 4 paragraphs, 2 participants.

TITLE = "Wang Yi Holds Talks with Foreign Minister Beibut Atamkulov of Kazakhstan"
S = [
    "On March 28, 2019, State Councilor and Foreign Minister Wang Yi held talks with Foreign "
    "Minister Beibut Atamkulov of Kazakhstan in Beijing.",
    "Wang Yi pointed out that China and Kazakhstan are permanent comprehensive strategic partners.",
    "The two sides should maintain close high-level exchanges.",
    "The Chinese side is willing to expand imports of Kazakh agricultural products.",
    "Beibut Atamkulov said that Kazakhstan firmly adheres to the one-China principle.",
    "The Kazakh side will actively participate in the second Belt and Road Forum for "
    "International Cooperation.",
    "Both sides agreed to keep in close communication on the Korean Peninsula issue.",
]
TEXT = (
    f"Home > News\n{TITLE}\n2019/03/28\n\n{S[0]}\n\n{S[1]} {S[2]} {S[3]}\n\n{S[4]} {S[5]}\n\n"
    f"{S[6]}\n\nSuggest To A Friend\n"
)
WANG, ATAM = "Wang Yi", "Beibut Atamkulov"
BOTH = ["CHN", "KAZ"]


def _s(i, par, speakers, attribution, cue, commitments=()):
    return {
        "text": S[i],
        "paragraph": par,
        "speakers": speakers,
        "attribution": attribution,
        "cue": cue,
        "commitments": [
            {"type": t, "parties": parties, "modality": m} for t, parties, m in commitments
        ],
    }


GOLD = {
    "id": "test-cn-kaz",
    "style": "china-mfa",
    "meta": {
        "title": TITLE,
        "date": "2019-03-28",
        "event_type": "talks",
        "location": "Beijing",
        "participants": [
            {"name": WANG, "country": "CHN", "titles": ["Foreign Minister"]},
            {"name": ATAM, "country": "KAZ", "titles": ["Foreign Minister"]},
        ],
    },
    "sentences": [
        _s(0, 0, [], "narration", None),
        _s(1, 1, [WANG], "explicit", "point out"),
        _s(2, 1, [WANG], "continuation", None, [("high_level_exchanges", BOTH, "proposal")]),
        _s(3, 1, [WANG], "continuation", None,
           [("trade", ["CHN"], "intent"), ("agriculture", ["CHN"], "intent")]),
        _s(4, 2, [ATAM], "explicit", "say", [("political_support", ["KAZ"], "support")]),
        _s(5, 2, [ATAM], "continuation", None, [("bri_cooperation", ["KAZ"], "pledge")]),
        _s(6, 3, [WANG, ATAM], "explicit", "agree",
           [("regional_issues", BOTH, "agreement"), ("high_level_exchanges", BOTH, "agreement")]),
    ],
}  # fmt: skip


def span(i: int) -> tuple[int, int]:
    start = TEXT.index(S[i])
    return start, start + len(S[i])


def perfect() -> dict:
    return gold_to_prediction(copy.deepcopy(GOLD), TEXT)


def claim_at(pred: dict, i: int) -> dict:
    return next(c for c in pred["claims"] if (c["start"], c["end"]) == span(i))


def commitment(pred: dict, i: int, type_: str) -> dict:
    return next(
        c for c in pred["commitments"] if (c["start"], c["end"]) == span(i) and c["type"] == type_
    )


# -- the known mistakes -------------------------------------------------------------------


def drop_speaker(p):
    claim_at(p, 6)["speakers"] = [WANG]


def narration_claim(p):
    a, b = span(0)
    p["claims"].append(
        {"start": a, "end": b, "speakers": [WANG], "attribution": "explicit", "cue": "hold"}
    )


def wrong_modality(p):
    commitment(p, 5, "bri_cooperation")["modality"] = "intent"


def wrong_party(p):
    commitment(p, 2, "high_level_exchanges")["parties"] = ["CHN"]


def shifted_paragraph(p):
    p["paragraphs"][2]["start"] += 5


def missing_commitment(p):
    p["commitments"].remove(commitment(p, 3, "agriculture"))


def clause_claim(p):
    clause = "China and Kazakhstan are permanent comprehensive strategic partners"
    c = claim_at(p, 1)
    c["start"] = TEXT.index(clause)
    c["end"] = c["start"] + len(clause)


def paragraph_commitment(p):
    # political_support over the whole of ¶2: right for s4, a false positive for s5.
    c = commitment(p, 4, "political_support")
    c["end"] = span(5)[1]


def paragraph_claim(p):
    # One claim over ¶1 instead of three sentence claims: the speakers are right everywhere.
    for i in (1, 2, 3):
        p["claims"].remove(claim_at(p, i))
    p["claims"].append(
        {"start": span(1)[0], "end": span(3)[1], "speakers": [WANG], "attribution": "explicit",
         "cue": "point out"}
    )  # fmt: skip


def straddling_claim(p):
    # Ten characters of s1 and ten of s2 (21 with the space): half of each or less, so it
    # matches neither sentence and is one false positive; s1 and s2 lose their speaker.
    for i in (1, 2):
        p["claims"].remove(claim_at(p, i))
    p["claims"].append(
        {"start": span(1)[1] - 10, "end": span(2)[0] + 10, "speakers": [WANG],
         "attribution": "explicit", "cue": "point out"}
    )  # fmt: skip


def duplicate_commitment(p):
    p["commitments"].append(dict(commitment(p, 3, "trade")))


def loose_names(p):
    claim_at(p, 4)["speakers"] = ["atamkulov"]
    claim_at(p, 6)["speakers"] = ["ATAMKULOV", "Wang  Yi"]


def two_clause_claims(p):
    # "Both sides agreed ..." predicted as two clause-level claims, one per speaker.
    a, b = span(6)
    p["claims"].remove(claim_at(p, 6))
    p["claims"] += [
        {"start": a, "end": a + 10, "speakers": [WANG], "attribution": "explicit", "cue": "agree"},
        {"start": a, "end": b - 5, "speakers": [ATAM], "attribution": "explicit", "cue": "agree"},
    ]


def all_mistakes(p):
    for f in (drop_speaker, narration_claim, wrong_modality, wrong_party, shifted_paragraph,
              missing_commitment, paragraph_commitment):  # fmt: skip
        f(p)


F = Fraction
MISTAKES: list[tuple[Callable[[dict], None], dict[str, Fraction]]] = [
    (drop_speaker, {"speaker_acc": F(5, 6), "attribution_p": 1, "attribution_r": F(6, 7),
                    "attribution_f": F(12, 13)}),
    (narration_claim, {"speaker_acc": 1, "attribution_p": F(7, 8), "attribution_r": 1,
                       "attribution_f": F(14, 15)}),
    (wrong_modality, {"commitment_f": 1, "party_acc": 1, "modality_acc": F(6, 7)}),
    (wrong_party, {"commitment_f": 1, "party_acc": F(6, 7), "modality_acc": 1}),
    (shifted_paragraph, {"paragraph_p": F(3, 4), "paragraph_r": F(3, 4), "paragraph_f": F(3, 4)}),
    (missing_commitment, {"commitment_p": 1, "commitment_r": F(6, 7), "commitment_f": F(12, 13),
                          "party_acc": 1, "modality_acc": 1}),
    (clause_claim, {"speaker_acc": 1, "attribution_f": 1}),
    (paragraph_commitment, {"commitment_p": F(7, 8), "commitment_r": 1,
                            "commitment_f": F(14, 15), "party_acc": 1}),
    (paragraph_claim, {"speaker_acc": 1, "attribution_f": 1}),
    (straddling_claim, {"speaker_acc": F(4, 6), "attribution_p": F(5, 6),
                        "attribution_r": F(5, 7)}),
    (duplicate_commitment, {"commitment_p": 1, "commitment_f": 1}),
    (loose_names, {"speaker_acc": 1, "attribution_f": 1}),
    (two_clause_claims, {"speaker_acc": 1, "attribution_f": 1}),
    (all_mistakes, {"speaker_acc": F(5, 6), "attribution_p": F(6, 7), "attribution_r": F(6, 7),
                    "commitment_p": F(6, 7), "commitment_r": F(6, 7), "party_acc": F(5, 6),
                    "modality_acc": F(5, 6), "paragraph_f": F(3, 4), "date_acc": 1,
                    "participants_f": 1}),
]  # fmt: skip


@pytest.mark.parametrize(("mistake", "expected"), MISTAKES, ids=[m.__name__ for m, _ in MISTAKES])
def test_known_mistakes_give_known_numbers(mistake, expected):
    pred = perfect()
    mistake(pred)
    scores = score_document(GOLD, TEXT, pred).scores()
    got = {k: scores[k] for k in expected}
    assert got == pytest.approx({k: float(v) for k, v in expected.items()})


def test_all_mistakes_are_listed_by_kind():
    pred = perfect()
    all_mistakes(pred)
    doc = score_document(GOLD, TEXT, pred)
    kinds = sorted(e.kind for e in doc.errors)
    assert kinds == [
        "commitment extra: political_support",
        "commitment missed: agriculture",
        "commitment modality: predicted intent, gold pledge",
        "commitment parties: predicted a subset of gold",
        "paragraph extra",
        "paragraph missed",
        "speaker: missing co-speaker, gold explicit",
        "speaker: predicted explicit, gold narration",
    ]
    per_type = doc.tally.per_type_scores()
    assert per_type["political_support"]["p"] == 0.5
    assert per_type["agriculture"]["r"] == 0.0 and per_type["agriculture"]["p"] is None
    assert per_type["bri_cooperation"]["modality_acc"] == 0.0


def test_paragraph_level_claim_is_explicit_on_every_sentence():
    """The diagnostics see what the speaker scores forgive: s2 and s3 are continuations."""
    pred = perfect()
    paragraph_claim(pred)
    diag = score_document(GOLD, TEXT, pred).tally.diagnostics()
    assert diag["attribution_label_acc"] == pytest.approx(5 / 7)
    assert diag["cue_acc"] == 1.0


# -- meta ---------------------------------------------------------------------------------


def _meta(**changes):
    def mutate(p):
        p["meta"].update(changes)

    return mutate


def _participants(names):
    return _meta(participants=[{"name": n, "country": None} for n in names])


def _gold_call(**meta):
    gold = copy.deepcopy(GOLD)
    gold["meta"].update(meta)
    return gold


META_CASES = [
    ("wrong date", GOLD, _meta(date="2019-03-27"), {"date_acc": 0, "event_type_acc": 1}),
    ("no date", GOLD, _meta(date=None), {"date_acc": 0}),
    ("wrong event type", GOLD, _meta(event_type="meeting"), {"event_type_acc": 0}),
    ("location like a name", GOLD, _meta(location="beijing "), {"location_acc": 1}),
    ("location missing", GOLD, _meta(location=None), {"location_acc": 0}),
    ("wrong location", GOLD, _meta(location="Astana"), {"location_acc": 0}),
    ("null location matches a missing one", _gold_call(location=None, event_type="phone_call"),
     _meta(location=None, event_type="phone_call"), {"location_acc": 1, "event_type_acc": 1}),
    ("null location, one predicted", _gold_call(location=None), _meta(location="Beijing"),
     {"location_acc": 0}),
    ("participants by surname", GOLD, _participants(["Wang", "Atamkulov"]),
     {"participants_f": 1}),
    ("one participant missed, one extra", GOLD, _participants([WANG, "Xi Jinping"]),
     {"participants_p": 0.5, "participants_r": 0.5, "participants_f": 0.5}),
    ("no participants", GOLD, _participants([]),
     {"participants_p": None, "participants_r": 0, "participants_f": 0}),
]  # fmt: skip


@pytest.mark.parametrize(("gold", "mutate", "expected"), [c[1:] for c in META_CASES],
                         ids=[c[0] for c in META_CASES])  # fmt: skip
def test_meta_scores(gold, mutate, expected):
    pred = gold_to_prediction(gold, TEXT)
    mutate(pred)
    scores = score_document(gold, TEXT, pred).scores()
    assert {k: scores[k] for k in expected} == expected


# -- comparisons --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Atamkulov", "Beibut Atamkulov", True),
        ("Wang  Yi", "wang yi", True),
        ("Andrew T. Callahan", "Callahan", True),
        ("O'Brien", "OBrien", True),
        ("Jean-Yves Le Drian", "Le Drian", True),
        ("Wang Yi", "Wang Wei", False),
        ("Xi Jinping", "Li Qiang", False),
        ("", "Wang Yi", False),
        (None, "Wang Yi", False),
    ],
)
def test_names_match(a, b, expected):
    assert names_match(a, b) is expected
    assert names_match(b, a) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 100), (0, 100), True),  # the same sentence
        ((10, 40), (0, 100), True),  # a clause inside a sentence
        ((0, 300), (100, 200), True),  # a paragraph over a sentence
        ((90, 110), (0, 100), False),  # 10 of 20 characters: exactly half is not enough
        ((89, 110), (0, 100), True),  # 11 of 21
        ((60, 160), (0, 100), False),  # 40 of 100: straddles, mostly the next sentence
        ((100, 200), (0, 100), False),  # adjacent
        ((50, 50), (0, 100), False),  # empty
    ],
)
def test_spans_match(a, b, expected):
    assert spans_match(a, b) is expected
    assert spans_match(b, a) is expected


# -- the dev set, perfectly predicted -----------------------------------------------------


def _all_perfect(scores):
    return all(v is None or v == 1.0 for v in scores.values())


@pytest.mark.parametrize("name", gold_names())
def test_gold_as_prediction_scores_one(name):
    text, gold = load_gold(name)
    doc = score_document(gold, text, gold_to_prediction(gold, text))
    assert _all_perfect(doc.scores()), doc.scores()
    assert _all_perfect(doc.tally.diagnostics())
    assert doc.errors == []


def perfect_predict(text, name):
    return gold_to_prediction(json.loads((GOLD_DIR / f"{name}.gold.json").read_text()), text)


def test_folder_of_perfect_predictions(capsys):
    report = evaluate(GOLD_DIR, predict=perfect_predict)
    assert len(report.documents) == len(gold_names())
    assert all(v == 1.0 for v in report.scores().values())
    data = json.loads(json.dumps(report.to_dict(errors=True)))
    assert data["errors"] == [] and data["most_frequent_errors"] == []
    assert set(data["per_style"]) >= {"china-mfa", "us-state", "uk-gov"}
    assert data["per_type"]["trade"]["f"] == 1.0
    assert capsys.readouterr().err == ""  # no progress bar when stderr is not a terminal


# -- failures and the report --------------------------------------------------------------


@pytest.fixture
def two_docs(tmp_path):
    for name in gold_names()[:2]:
        for suffix in (".txt", ".gold.json"):
            shutil.copy(GOLD_DIR / f"{name}{suffix}", tmp_path / f"{name}{suffix}")
    return tmp_path


def test_failed_document_counts_all_misses_and_run_goes_on(two_docs):
    first, second = gold_names()[:2]

    def predict(text, name):
        if name == first:
            raise EmptyInputError("the text is empty")
        return perfect_predict(text, name)

    report = evaluate(two_docs, predict=predict)
    failed, ok = report.documents
    assert failed.failed and "EmptyInputError" in failed.failed and ok.failed is None
    assert _all_perfect(ok.scores())
    _, gold = load_gold(first)
    n_pairs = sum(len(s["speakers"]) for s in gold["sentences"])
    t = failed.tally
    assert (t.attribution.tp, t.attribution.fn) == (0, n_pairs)
    assert t.commitment.fn == sum(len(s["commitments"]) for s in gold["sentences"])
    assert (t.date.correct, t.event_type.correct, t.location.correct) == (0, 0, 0)
    assert report.to_dict()["failed"][0]["document"] == first
    assert f"{first} (failed)" in format_report(report)


def test_format_report_lists_errors_by_sentence():
    pred = perfect()
    all_mistakes(pred)
    report = ev.Report([score_document(GOLD, TEXT, pred)])
    out = format_report(report, errors=True)
    for needle in ("Speaker accuracy", "Commitments by type", "By style", "Most frequent errors",
                   S[6], "commitment missed: agriculture: [CHN] intent",
                   "gold Wang Yi, Beibut Atamkulov (explicit, agree); predicted Wang Yi"):  # fmt: skip
        assert needle in out
    assert "Most frequent errors" not in format_report(report)


def test_score_document_accepts_a_readout():
    """A Readout, or its `model_dump()` with enums and dates, scores like its JSON."""
    pred = perfect()
    cut = lambda r: {"start": r["start"], "end": r["end"], "text": TEXT[r["start"] : r["end"]]}  # noqa: E731
    readout = Readout(
        text=TEXT,
        meta=Meta(**{**pred["meta"], "participants": [Participant(**p) for p in pred["meta"]["participants"]]}),
        paragraphs=[Paragraph(**cut(p)) for p in pred["paragraphs"]],
        claims=[Claim(**c, text=TEXT[c["start"] : c["end"]], paragraph=0, sentence=0, rule="t")
                for c in pred["claims"]],
        commitments=[Commitment(**c, text=TEXT[c["start"] : c["end"]], sentence=0, rule="t")
                     for c in pred["commitments"]],
    )  # fmt: skip
    for prediction in (readout, readout.model_dump()):
        doc = score_document(GOLD, TEXT, prediction)
        assert _all_perfect(doc.scores()) and doc.errors == []


# -- malformed gold -----------------------------------------------------------------------

BASE = "cn-mfa-kaz-2019-03-28"


def _first_with_commitments(gold):
    return next(i for i, s in enumerate(gold["sentences"]) if s["commitments"])


def _edit(f):
    def write(folder: Path):
        path = folder / f"{BASE}.gold.json"
        gold = json.loads(path.read_text(encoding="utf-8"))
        f(gold)
        path.write_text(json.dumps(gold), encoding="utf-8")

    return write


def _bad_json(folder):
    (folder / f"{BASE}.gold.json").write_text('{"id": "x", "meta": {', encoding="utf-8")


def _no_txt(folder):
    (folder / f"{BASE}.txt").unlink()


def _set_commitment(key, value):
    def f(gold):
        i = _first_with_commitments(gold)
        gold["sentences"][i]["commitments"][0][key] = value

    return f


MALFORMED = [
    ("bad JSON", _bad_json, "not valid JSON"),
    ("no txt", _no_txt, f"no {BASE}.txt beside it"),
    ("missing event type", _edit(lambda g: g["meta"].pop("event_type")),
     "meta.event_type: missing field"),
    ("unknown event type", _edit(lambda g: g["meta"].update(event_type="summit")),
     "meta.event_type: 'summit'"),
    ("bad date", _edit(lambda g: g["meta"].update(date="28/03/2019")), "meta.date"),
    ("unknown modality", _edit(_set_commitment("modality", "maybe")), ".commitments[0].modality"),
    ("unknown type", _edit(_set_commitment("type", "tourism")), ".commitments[0].type"),
    ("bad parties", _edit(_set_commitment("parties", [])), ".commitments[0].parties"),
    ("sentence not in text", _edit(lambda g: g["sentences"][0].update(text="No such sentence.")),
     "sentences[0].text: not found"),
    ("missing speakers", _edit(lambda g: g["sentences"][1].pop("speakers")),
     "sentences[1].speakers: missing field"),
    ("speaker not a participant", _edit(lambda g: g["sentences"][1].update(speakers=["Nobody"])),
     "sentences[1].speakers: 'Nobody' is not a participant"),
    ("explicit without cue", _edit(lambda g: g["sentences"][1].update(attribution="explicit", cue=None)),
     "sentences[1].cue"),
    ("no sentences", _edit(lambda g: g.update(sentences=[])), "sentences: must be a non-empty list"),
]  # fmt: skip


@pytest.mark.parametrize(("breaks", "expected"), [c[1:] for c in MALFORMED],
                         ids=[c[0] for c in MALFORMED])  # fmt: skip
def test_malformed_gold_names_file_and_field(tmp_path, breaks, expected):
    for suffix in (".txt", ".gold.json"):
        shutil.copy(GOLD_DIR / f"{BASE}{suffix}", tmp_path / f"{BASE}{suffix}")
    breaks(tmp_path)
    with pytest.raises(GoldFormatError) as info:
        evaluate(tmp_path, predict=lambda text, name: {})
    assert f"{BASE}.gold.json" in str(info.value)
    assert expected in str(info.value)


def test_empty_folder_is_an_error(tmp_path):
    with pytest.raises(GoldFormatError, match="no \\*.gold.json"):
        evaluate(tmp_path, predict=lambda text, name: {})


# -- the command line ---------------------------------------------------------------------


@pytest.fixture
def cli_without_model(monkeypatch):
    """`readout-nlp evaluate` with predictions taken from the gold (no model loaded)."""
    real = ev.evaluate
    monkeypatch.setattr(
        ev, "evaluate", lambda gold_dir, model=None: real(gold_dir, predict=perfect_predict)
    )
    return CliRunner()


def test_cli_prints_the_table(cli_without_model, two_docs):
    result = cli_without_model.invoke(app, ["evaluate", str(two_docs)])
    assert result.exit_code == 0, result.output
    assert "Speaker accuracy" in result.output and "100.0" in result.output


def test_cli_json_parses(cli_without_model, two_docs):
    result = cli_without_model.invoke(app, ["evaluate", str(two_docs), "--json", "--errors"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["scores"]["speaker_acc"] == 1.0 and data["errors"] == []


def test_cli_reports_a_bad_folder(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path / "missing")])
    assert result.exit_code == 1
    assert "no such folder" in result.output


# -- end to end with the real pipeline ----------------------------------------------------


def test_end_to_end_report_shape(nlp, two_docs):
    report = evaluate(two_docs, nlp=nlp)
    data = report.to_dict(errors=True)
    assert data["documents"] == 2 and set(data["per_document"]) == set(gold_names()[:2])
    assert set(data["scores"]) == set(ev.SCORE_LABELS)
    assert all(v is None or 0.0 <= v <= 1.0 for v in data["scores"].values())
    assert {"per_type", "per_style", "errors", "most_frequent_errors"} <= set(data)
    assert "Scores" in format_report(report, errors=True)
