"""A cheap check that a text is English, so non-English input gets a warning, not nonsense.

The rules and the spaCy model are English-only: on French or Chinese text they would still
return speakers and commitments, confidently wrong. No language-identification package is
used: the two signals below separate English readouts from other languages well enough for a
warning, and cost microseconds (a library such as langdetect would add a dependency and a
model for one warning).
"""

from __future__ import annotations

import re

# The most frequent English function words; readouts are full of them.
_FUNCTION_WORDS = frozenset(
    "the of and to in a that on for with is was as by at be are will from this its their "
    "his her he she they it two sides both also said an which has have had".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.U)
_NON_LATIN = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]", re.U)


def english_warning(text: str, sample: int = 3_000) -> str | None:
    """A warning message when `text` does not look like English, else None."""
    head = text[:sample]
    # (the letters are counted off the words: every letter is in exactly one run of
    # letters, and one findall costs far less than a match object per letter)
    words = _WORD.findall(head)
    letters = sum(map(len, words))
    if letters < 40:
        return None  # too little text to judge
    if len(_NON_LATIN.findall(head)) / letters > 0.5:
        return (
            "the text is mostly in a non-Latin script and does not look like English; "
            "readout_nlp reads English readouts only, so its results here are unreliable"
        )
    if len(words) >= 30:
        share = sum(1 for w in words if w.lower() in _FUNCTION_WORDS) / len(words)
        if share < 0.08:
            return (
                f"the text does not look like English (only {share:.0%} common English words); "
                "readout_nlp reads English readouts only, so its results here are unreliable"
            )
    return None
