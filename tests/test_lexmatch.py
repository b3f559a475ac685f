"""The anchored matcher gives exactly spaCy's Matcher results, faster."""

from __future__ import annotations

import json

import pytest
from spacy.matcher import Matcher

from conftest import gold_names, load_gold
from readout_nlp.lexmatch import FastMatcher
from readout_nlp.resources import bundle_dir


def _bundle_patterns():
    pats = []

    def walk(obj, key):
        if isinstance(obj, dict):
            pat = obj.get("pattern")
            if isinstance(pat, list) and pat and isinstance(pat[0], dict):
                pats.append((obj.get("id", key), pat))
            for v in obj.values():
                walk(v, obj.get("id", key))
        elif isinstance(obj, list):
            for v in obj:
                walk(v, key)

    for path in sorted(bundle_dir().glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("{"):
                walk(json.loads(line), path.name)
    return pats


EXTRA = [
    [{"LOWER": "the"}, {"OP": "{0,3}"}, {"LEMMA": "side"}],
    [{"POS": "PROPN", "OP": "+"}, {"LEMMA": "say"}],
    [{"LEMMA": {"IN": ["agree", "decide"]}}, {"LOWER": "to", "OP": "?"}, {"POS": "VERB"}],
    [{"TEXT": {"REGEX": "^[A-Z]{2,5}$"}}],
    [{"LOWER": {"NOT_IN": ["the", "a"]}, "IS_ALPHA": True}, {"LOWER": "minister"}],
    [{"ENT_TYPE": "GPE"}, {"LOWER": "side"}],  # outside the fast subset: spaCy's Matcher runs it
]


@pytest.mark.parametrize("greedy", [None, "LONGEST"])
def test_same_matches_as_spacy(nlp, greedy):
    patterns = _bundle_patterns() + [(f"extra{i}", p) for i, p in enumerate(EXTRA)]
    fast, ref = FastMatcher(nlp.vocab), Matcher(nlp.vocab)
    for i, (key, pattern) in enumerate(patterns):
        fast.add(f"{key}#{i}", [pattern], greedy=greedy)
        ref.add(f"{key}#{i}", [pattern], greedy=greedy)
    for name in gold_names()[:12]:
        doc = nlp(load_gold(name)[0])
        assert sorted(fast(doc)) == sorted(ref(doc)), name
        span = doc[5:60]
        assert sorted(fast(span)) == sorted(ref(span)), name


def test_invalid_patterns_raise_like_spacy(nlp):
    with pytest.raises(ValueError):
        FastMatcher(nlp.vocab).add("bad", [[{"LEMMA": {"FOO": ["x"]}}]])


# Patterns for the paths added for speed: rows read lazily, a frontier of reached positions
# instead of a recursion per way (several optional tokens in a row), and patterns without a
# first word skipped when a required word is missing from the Doc (or kept when present).
LAZY_PATHS = [
    [{"POS": "PROPN", "OP": "*"}, {"LEMMA": {"IN": ["side", "minister"]}}],
    [{"POS": "ADJ", "OP": "*"}, {"LOWER": "zzzabsentword"}],
    [{"POS": "DET", "OP": "?"}, {"IS_ALPHA": True, "OP": "{0,3}"}, {"POS": "NOUN", "OP": "?"},
     {"LOWER": {"IN": ["cooperation", "talks"]}}],
    [{"LOWER": "the"}, {"OP": "*"}, {"LOWER": "of"}],
    [{"IS_TITLE": True, "OP": "+"}, {"IS_PUNCT": True, "OP": "?"}, {"LEMMA": "say"}],
    # optional words, then a word: tried only back from where the word occurs
    [{"POS": "PROPN", "OP": "{0,2}"}, {"LOWER": {"IN": ["side", "minister", "president"]}}],
    [{"IS_TITLE": True, "OP": "*"}, {"LEMMA": "minister", "OP": "+"}, {"LOWER": "of"}],
    [{"OP": "*"}, {"LOWER": "cooperation"}],
    [{"TEXT": {"REGEX": "^[A-Z]"}, "OP": "?"}, {"LEMMA": "side"}],
]


@pytest.mark.parametrize("greedy", [None, "LONGEST"])
def test_lazy_paths_same_as_spacy(nlp, greedy):
    fast, ref = FastMatcher(nlp.vocab), Matcher(nlp.vocab)
    for i, pattern in enumerate(LAZY_PATHS):
        fast.add(f"lazy{i}", [pattern], greedy=greedy)
        ref.add(f"lazy{i}", [pattern], greedy=greedy)
    for name in gold_names()[:8]:
        doc = nlp(load_gold(name)[0])
        assert sorted(fast(doc)) == sorted(ref(doc)), name
        for a, b in ((0, 40), (len(doc) // 2, len(doc))):
            assert sorted(fast(doc[a:b])) == sorted(ref(doc[a:b])), name
