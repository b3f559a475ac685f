"""The modality lexicon: markers of pledge, intent, proposal, agreement, support and completion.

``modality.jsonl`` lists the words that open a commitment clause ("will", "is ready to",
"urged ... to", "agreed to", "supports", "signed") with the *frame* that says how the clause,
its content and its party are read off the parse (see ``clauses.py``), and the blockers under
which nothing is a commitment ("thanked China for its support"). ``commitment_lexicon.jsonl``
holds the word lists the frames refer to by id. Both are validated with pydantic and errors
name the file, line and entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..errors import TaxonomyError
from ..lexmatch import FastMatcher
from ..records import Modality
from ..resources import read_jsonl, resource_path
from .taxonomy import _entries, _problem

MODALITY_FILE = "modality.jsonl"
LEXICON_FILE = "commitment_lexicon.jsonl"

Frame = Literal[
    "modal",
    "predicate",
    "control",
    "complement",
    "addressee",
    "object",
    "noun",
    "importance",
    "ways",
    "block",
]
Party = Literal[
    "subject",
    "addressee",
    "complement_subject",
    "agreed_subject",
    "group",
    "open",
    "open_joint",
    "for_object",
    "invitee",
]


class Marker(BaseModel):
    """One modality marker (a line of modality.jsonl)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    modality: Modality | None
    frame: Frame
    words: list[str] | None = None
    pattern: list[dict[str, Any]] | None = None
    note: str = ""
    complement: (
        list[Literal["to", "infinitive", "that", "on", "upon", "for", "in", "gerund"]] | None
    ) = None
    objects: Annotated[str | None, Field(description="Word list the object head must be in.")] = (
        None
    )
    objects_not: str | None = None
    not_heads: Annotated[
        str | None, Field(description="Word list the clause's verb must not be in.")
    ] = None
    governors: str | None = None
    finite: bool = False
    event: bool = False
    party: Party = "subject"
    joint: Modality | None = None
    single: Literal["keep", "pledge", "drop", "transparent"] = "keep"
    negation: Literal["keep", "drop"] = "drop"
    implies: list[str] = []
    implies_for_persons: list[str] = []
    requires_type: list[str] = []
    requires_modal: bool = False
    infinitive_optional: bool = False
    joint_if_confirmed: bool = False
    nouns: bool = False
    blocks_otherwise: bool = False
    requires_negation: Annotated[
        bool, Field(description="Opens only on a negated verb ('does not support ...').")
    ] = False
    forward_complement: Annotated[
        bool,
        Field(description="The that-clause must look ahead (a modal or a bare subjunctive)."),
    ] = False
    relay: Annotated[
        str | None,
        Field(
            description="Word list of infinitives that only pass a message on ('asked the "
            "guest to convey his invitation'): the clause is read through to what it relays."
        ),
    ] = None
    destinations: Annotated[
        str | None,
        Field(
            description="Word list of places an addressee may be welcomed to without an "
            "infinitive ('welcomes more Uzbek agricultural products to the Chinese market')."
        ),
    ] = None
    unless_modal: Annotated[
        bool,
        Field(
            description="A blocker that does not block a that-clause with will/would/shall "
            "('recalled that France would continue to provide ...')."
        ),
    ] = False

    def patterns(self) -> list[list[dict[str, Any]]]:
        if self.pattern is not None:
            return [list(self.pattern)]
        return [[{"LOWER": {"IN": sorted({w.lower() for w in self.words or ()})}}]]


@dataclass(frozen=True)
class Lexicon:
    markers: dict[str, Marker]
    lists: dict[str, frozenset[str]]
    maps: dict[str, dict[str, str]]

    def words(self, list_id: str) -> frozenset[str]:
        try:
            return self.lists[list_id]
        except KeyError:
            raise TaxonomyError(
                f"{resource_path(LEXICON_FILE)}: no word list {list_id!r} (used by modality.jsonl)"
            ) from None

    def find(self, doc, array=None) -> list[tuple[str, int, int]]:
        """(marker id, start, end) of every marker in the Doc.

        `array`: the Doc's attribute rows from ``lexmatch.shared_array`` over matchers that
        include ``self.pattern_matcher(doc.vocab)``."""
        words, patterns = _matchers(self, doc.vocab)
        found = {(doc.vocab.strings[mid], s, e) for mid, s, e in words(doc)}
        found.update((doc.vocab.strings[mid], s, e) for mid, s, e in patterns(doc, array=array))
        return sorted(found, key=lambda x: (x[1], x[2], x[0]))

    def pattern_matcher(self, vocab: Vocab) -> FastMatcher:
        """The matcher of the pattern markers (for ``lexmatch.shared_array``)."""
        return _matchers(self, vocab)[1]


_MATCHERS: dict[tuple[int, int], tuple[PhraseMatcher, FastMatcher]] = {}


def _matchers(lex: Lexicon, vocab: Vocab) -> tuple[PhraseMatcher, FastMatcher]:
    """Word markers in a PhraseMatcher (a hash lookup per token), patterns in a Matcher."""
    key = (id(lex), id(vocab))
    if key not in _MATCHERS:
        words, patterns = PhraseMatcher(vocab, attr="LOWER"), FastMatcher(vocab)
        for marker in lex.markers.values():
            try:
                if marker.words is not None:
                    words.add(marker.id, [Doc(vocab, words=[w.lower()]) for w in set(marker.words)])
                else:
                    patterns.add(marker.id, marker.patterns(), greedy="LONGEST")
            except (ValueError, KeyError, TypeError) as exc:
                raise TaxonomyError(
                    f"{resource_path(MODALITY_FILE)}: marker {marker.id!r}: invalid pattern: {exc}"
                ) from exc
        _MATCHERS[key] = (words, patterns)
    return _MATCHERS[key]


def read_markers(path: str | Path) -> dict[str, Marker]:
    path = Path(path)
    out: dict[str, Marker] = {}
    for lineno, raw in _entries(path):
        try:
            marker = Marker.model_validate(raw)
        except ValidationError as exc:
            raise TaxonomyError(
                f"{path}:{lineno}: marker {raw.get('id')!r}: {_problem(exc)}"
            ) from exc
        if (marker.words is None) == (marker.pattern is None):
            raise TaxonomyError(
                f"{path}:{lineno}: marker {marker.id!r}: give exactly one of 'words' and 'pattern'"
            )
        if marker.id in out:
            raise TaxonomyError(f"{path}:{lineno}: duplicate marker id {marker.id!r}")
        if marker.frame != "block" and marker.modality is None:
            raise TaxonomyError(
                f"{path}:{lineno}: marker {marker.id!r}: a {marker.frame} marker needs a modality"
            )
        out[marker.id] = marker
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The bundled modality markers and word lists."""
    markers = read_markers(resource_path(MODALITY_FILE))
    lists: dict[str, frozenset[str]] = {}
    maps: dict[str, dict[str, str]] = {}
    for entry in read_jsonl(resource_path(LEXICON_FILE)):
        if "words" in entry:
            lists[entry["id"]] = frozenset(w.lower() for w in entry["words"])
        elif "map" in entry:
            maps[entry["id"]] = dict(entry["map"])
        else:
            raise TaxonomyError(
                f"{resource_path(LEXICON_FILE)}: entry {entry.get('id')!r} needs 'words' or 'map'"
            )
    lex = Lexicon(markers, lists, maps)
    for m in markers.values():
        for ref in (m.objects, m.objects_not, m.governors, m.not_heads):
            if ref is not None:
                lex.words(ref)
    return lex
