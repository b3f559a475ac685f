"""Any input gives a valid Readout or a clear ReadoutError; offsets are always right (issue 7).

Property-based (hypothesis) with a bounded profile by default; run the long profile with
``HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/test_robustness.py``.
"""

from __future__ import annotations

import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

import readout_nlp
from conftest import gold_names, load_gold

GOLD = {name: load_gold(name)[0] for name in gold_names()}
SEED = GOLD["cn-mfa-kaz-2019-03-28"]


def check_invariants(text: str, r: readout_nlp.Readout) -> None:
    assert r.text == text
    n = len(text)
    for kind in ("paragraphs", "sentences", "claims", "commitments"):
        prev = -1
        for rec in getattr(r, kind):
            assert 0 <= rec.start < rec.end <= n, (kind, rec.start, rec.end)
            assert text[rec.start : rec.end] == rec.text
            if kind in ("paragraphs", "sentences"):
                assert rec.start >= prev, f"{kind} out of order"
                prev = rec.end
    names = {p.name for p in r.meta.participants}
    for c in r.claims:
        assert set(c.speakers) <= names
        assert 0 <= c.sentence < len(r.sentences)
    for s in r.sentences:
        p = r.paragraphs[s.paragraph]
        assert p.start <= s.start and s.end <= p.end


def analyze_or_clear_error(nlp, text: str) -> readout_nlp.Readout | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", readout_nlp.ReadoutWarning)
        try:
            r = readout_nlp.analyze(text, nlp=nlp)
        except readout_nlp.AnalysisError:
            raise  # an internal error is a bug, never acceptable
        except readout_nlp.ReadoutError as exc:
            assert str(exc), "a ReadoutError must say what is wrong"
            return None
    check_invariants(text, r)
    return r


@given(st.text(max_size=400))
def test_random_unicode(nlp, text):
    analyze_or_clear_error(nlp, text)


@given(
    name=st.sampled_from(sorted(GOLD)),
    edits=st.lists(
        st.tuples(
            st.floats(0, 1),
            st.integers(0, 40),
            st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
        ),
        max_size=6,
    ),
)
def test_random_edits_of_real_readouts(nlp, name, edits):
    text = GOLD[name]
    for where, cut, insert in edits:
        i = int(where * len(text))
        text = text[:i] + insert + text[i + cut :]
    analyze_or_clear_error(nlp, text)


NEWLINES = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "cr": lambda t: t.replace("\n", "\r"),
    "mixed": lambda t: "".join(
        ("\r\n" if i % 3 == 0 else "\r" if i % 3 == 1 else "\n") + part if i else part
        for i, part in enumerate(t.split("\n"))
    ),
    "nbsp": lambda t: t.replace(" ", "\u00a0", 40),
    "zero-width": lambda t: t.replace(". ", ".\u200b ", 10).replace("the ", "the\u200b ", 10),
    "controls": lambda t: t.replace("\n\n", "\n\x0b\x0c\n", 3).replace(" a", " \x07a", 5),
    "rtl-marks": lambda t: t.replace(" ", " \u200f", 15).replace("Wang", "\u202bWang\u202c", 2),
    "tabs": lambda t: t.replace("\n", "\n\t"),
    "bom": lambda t: "\ufeff" + t,
}


@pytest.mark.parametrize("variant", sorted(NEWLINES))
def test_text_variants_keep_the_attribution(nlp, variant):
    base = readout_nlp.analyze(SEED, nlp=nlp)
    text = NEWLINES[variant](SEED)
    r = analyze_or_clear_error(nlp, text)
    assert r is not None
    assert len(r.claims) >= len(base.claims) - 2, "most claims survive a change of white space"


def test_one_megabyte_paragraph(nlp):
    sentence = "Wang Yi said that the two sides should deepen cooperation in trade and energy. "
    text = "Talks\n\n" + sentence * (1_000_000 // len(sentence)) + "\n"
    r = analyze_or_clear_error(nlp, text)
    assert r is not None and len(r.sentences) > 10_000


def test_text_longer_than_max_length_is_a_clear_error(nlp):
    with pytest.raises(readout_nlp.TextTooLongError, match="max_length"):
        readout_nlp.analyze("a " * (nlp.max_length // 2 + 10), nlp=nlp)


def test_ten_participants(nlp):
    people = [f"Minister{chr(65 + i)} Ivanov{chr(65 + i)}" for i in range(10)]
    lead = "On May 5, " + ", ".join(people[:-1]) + f" and {people[-1]} held talks in Astana."
    body = " ".join(f"{p.split()[1]} said that cooperation must grow." for p in people)
    r = analyze_or_clear_error(nlp, f"Ministerial meeting\n\n{lead}\n\n{body}\n")
    assert r is not None


@pytest.mark.parametrize(
    "text",
    [
        "Wang Yi said that the two sides should deepen cooperation in trade.\n",  # no headline
        "The two sides agreed to deepen cooperation in trade and energy.\n",  # no participants
        "Talks\n\nIt rained. The weather was fine. Everyone went home.\n",
    ],
)
def test_degenerate_documents(nlp, text):
    r = analyze_or_clear_error(nlp, text)
    assert r is not None


@pytest.mark.parametrize(
    "text,error",
    [
        ("", readout_nlp.EmptyInputError),
        ("\n\n\t  \u200b", readout_nlp.EmptyInputError),
        ("...!!!", readout_nlp.EmptyInputError),
        ("Home > News\nPrint\nShare\n", readout_nlp.NoSentencesError),
        ("abc\x00def ghi", readout_nlp.NotTextError),
        (b"bytes", readout_nlp.NotTextError),
        (None, readout_nlp.NotTextError),
    ],
)
def test_clear_errors(nlp, text, error):
    with pytest.raises(error) as info:
        readout_nlp.analyze(text, nlp=nlp)
    assert len(str(info.value)) > 15


@pytest.mark.parametrize(
    "text",
    [
        "王毅同哈萨克斯坦外长举行会谈。王毅表示，中哈是友好邻邦和全面战略伙伴。双方应保持密切高层交往。" * 3,
        "Le ministre des Affaires étrangères a rencontré son homologue kazakh à Paris. Les deux "
        "ministres ont souligné l'importance de renforcer la coopération dans les domaines de "
        "l'énergie et des transports. Ils sont convenus de se rencontrer de nouveau à Astana.",
    ],
)
def test_non_english_input_gets_a_warning(nlp, text):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            r = readout_nlp.analyze(text, nlp=nlp)
        except readout_nlp.NoSentencesError as exc:
            assert "English" in str(exc)  # no sentence found: the error says why it may be
            return
    assert any("English" in w for w in r.warnings)
    assert any(
        issubclass(w.category, readout_nlp.ReadoutWarning) and "English" in str(w.message)
        for w in caught
    )


def test_english_readouts_get_no_language_warning(nlp):
    with warnings.catch_warnings():
        warnings.simplefilter("error", readout_nlp.ReadoutWarning)
        for text in list(GOLD.values())[:10]:
            readout_nlp.analyze(text, nlp=nlp)


def _cli(*args):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "readout_nlp", *args], capture_output=True, text=True, timeout=600
    )


@pytest.mark.parametrize(
    "args,message",
    [
        (["analyze", "no/such/file.txt"], "no such file"),
        (["batch", "no/such/folder", "-o", "{tmp}/out"], "no such folder"),
        (["batch", "examples/readouts", "-o", "{tmp}/a-file/out"], "cannot write"),
        (["evaluate", "no/such/folder"], "no such folder"),
    ],
)
def test_cli_errors_are_one_line_and_non_zero(tmp_path, args, message):
    from pathlib import Path

    (tmp_path / "a-file").write_text("x")
    root = Path(__file__).parents[1]
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    args = [str(root / a) if a.startswith("examples") else a for a in args]
    result = _cli(*args)
    assert result.returncode != 0
    lines = [x for x in result.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and message in lines[0], result.stderr
