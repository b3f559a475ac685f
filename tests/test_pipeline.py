"""Loading pipelines and the one-call API."""

from __future__ import annotations

from pathlib import Path

import pytest

import readout_nlp
from readout_nlp.errors import ModelNotFoundError
from readout_nlp.pipeline import COMPONENTS, DEFAULT_MODELS

TEXT = (
    "Wang Yi Holds Talks with Foreign Minister Beibut Atamkulov of Kazakhstan\n\n"
    "On March 28, 2019, Foreign Minister Wang Yi held talks with Foreign Minister Beibut "
    "Atamkulov of Kazakhstan in Beijing.\n\n"
    "Wang Yi pointed out that the two sides should maintain close high-level exchanges. The "
    "Chinese side welcomes more Kazakh students.\n"
)


def test_load_adds_the_components_in_order(nlp):
    names = nlp.pipe_names
    assert names[0] == "readout_segmenter"
    positions = [names.index(c) for c in COMPONENTS]
    assert positions == sorted(positions)
    assert names.index("parser") < names.index("readout_attribution")


def test_default_model_is_one_of_the_known_packages(nlp):
    assert f"{nlp.meta['lang']}_{nlp.meta['name']}" in DEFAULT_MODELS


def test_unknown_model_names_what_to_install():
    with pytest.raises(ModelNotFoundError, match="no_such_pipeline"):
        readout_nlp.load("no_such_pipeline")


def test_a_loaded_language_can_be_passed(nlp):
    assert readout_nlp.load(nlp) is nlp


def test_a_pipeline_without_parser_is_refused():
    import spacy

    with pytest.raises(ModelNotFoundError, match="parser"):
        readout_nlp.load(spacy.blank("en"))


def test_load_is_idempotent(nlp):
    before = list(nlp.pipe_names)
    readout_nlp.load(nlp)
    assert nlp.pipe_names == before


def test_analyze_offsets_point_into_the_original_text(nlp):
    r = readout_nlp.analyze(TEXT, nlp=nlp, source="x.txt")
    assert r.source == "x.txt"
    assert r.text == TEXT
    for rec in [*r.paragraphs, *r.sentences, *r.claims, *r.commitments]:
        assert TEXT[rec.start : rec.end] == rec.text


def test_participants_can_be_given(nlp):
    r = readout_nlp.analyze(
        TEXT,
        nlp=nlp,
        participants=[
            {"name": "Wang Yi", "country": "CHN", "titles": ["Foreign Minister"]},
            {"name": "Beibut Atamkulov", "country": "KAZ", "titles": ["Foreign Minister"]},
        ],
    )
    assert [p.name for p in r.meta.participants] == ["Wang Yi", "Beibut Atamkulov"]
    assert r.claims[0].speakers == ["Wang Yi"]


def test_readout_round_trips_through_json(nlp):
    r = readout_nlp.analyze(TEXT, nlp=nlp)
    again = readout_nlp.Readout.model_validate_json(r.model_dump_json())
    assert again == r


@pytest.mark.parametrize(
    "bad,error",
    [
        ("", readout_nlp.EmptyInputError),
        ("   \n\t ", readout_nlp.EmptyInputError),
        (b"bytes", readout_nlp.NotTextError),
        (None, readout_nlp.NotTextError),
        (42, readout_nlp.NotTextError),
    ],
)
def test_bad_input_raises_a_readout_error(nlp, bad, error):
    with pytest.raises(error):
        readout_nlp.analyze(bad, nlp=nlp)


def test_a_user_taxonomy_is_passed_through_load(tmp_path):
    """`load(taxonomy=...)` configures the commitments component (docs/taxonomy.md)."""
    from pathlib import Path

    custom = Path(__file__).parents[1] / "examples" / "taxonomy_custom.jsonl"
    nlp = readout_nlp.load(taxonomy=custom)
    pipe = nlp.get_pipe("readout_commitments")
    assert pipe.taxonomy is not None
    assert nlp.config["components"]["readout_commitments"]["taxonomy"] == str(custom)
    assert {t.id for t in pipe.taxonomy} != {t.id for t in readout_nlp.load_taxonomy()}


# -- the extension values travel between processes and through DocBin ----------------------

EXAMPLES = sorted((Path(__file__).parents[1] / "examples" / "readouts").glob("*.txt"))


def _records(docs):
    return [readout_nlp.to_readout(d).model_dump(mode="json") for d in docs]


def test_docbin_round_trip_keeps_the_readout(nlp):
    from spacy.tokens import DocBin

    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES[:2]]
    docs = list(nlp.pipe(texts))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert _records(back) == _records(docs)


def test_pipe_with_two_processes_gives_the_same_readouts(nlp):
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES[:3]]
    one = _records(nlp.pipe(texts))
    two = _records(nlp.pipe(texts, n_process=2, batch_size=1))
    assert two == one


def test_msgpack_refuses_foreign_pickles():
    import pickle

    import srsly

    from readout_nlp.extensions import _TAG

    evil = srsly.msgpack_dumps({"x": {_TAG: pickle.dumps(print)}})
    with pytest.raises(pickle.UnpicklingError, match="refusing"):
        srsly.msgpack_loads(evil)


def test_an_analysed_doc_is_freed_without_the_garbage_collector(nlp):
    """No reference cycle keeps a Doc alive: in a batch of thousands, each Doc (with its
    arrays, spans and records) is freed as soon as its Readout is written, as with bare
    spaCy, not whenever the cyclic garbage collector next runs."""
    import gc
    import weakref

    from conftest import gold_names, load_gold

    texts = [load_gold(name)[0] for name in gold_names()[:6]]
    gc.collect()
    gc.disable()
    try:
        for text in texts:
            doc = nlp(text)
            readout_nlp.to_readout(doc).model_dump_json()
            ref = weakref.ref(doc)
            del doc
            assert ref() is None, "a reference cycle keeps the analysed Doc alive"
    finally:
        gc.enable()
