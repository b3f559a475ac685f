"""The commitment taxonomy as data: types, their triggers and their CAMEO/PLOVER codes.

The default taxonomy is ``models/en_readout_rules/taxonomy.jsonl`` (the 18 types of FORMAT.md).
A user file in the same format extends it (``extend=True``: new types are added; an entry
whose id is already known adds its triggers to that type and overrides the fields it sets;
``{"id": ..., "remove": true}`` drops a type) or replaces it (``extend=False``). Every entry is
validated with pydantic; a bad one raises ``errors.TaxonomyError`` naming the file, the line and
the entry.

Triggers are compiled into one spaCy ``Matcher``. A phrase trigger matches each word on its
lower-case forms (the word, its plural and verb forms) or on its lemma; a word written with two
capitals or more ("UN", "SCO", "AI") is an acronym and matches case-sensitively. A pattern
trigger is a spaCy Matcher token pattern, for what a phrase cannot say ("power" only after
"solar"/"wind"/...).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import spacy
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..errors import TaxonomyError
from ..lexmatch import FastMatcher
from ..records import Modality
from ..resources import resource_path

DEFAULT_FILE = "taxonomy.jsonl"

#: The PLOVER event types (openeventdata/PLOVER README, "PLOVER event categories").
PLOVER_TYPES = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "COOPERATE",
        "AID",
        "CONCEDE",
        "RETREAT",
        "INVESTIGATE",
        "DEMAND",
        "DISAPPROVE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "MOBILIZE",
        "SANCTION",
        "COERCE",
        "ASSAULT",
        "FIGHT",
        "CRIME",
    }
)
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_CAMEO = re.compile(r"^\d{2,4}$")
#: Modality families that share event codes: pledges, intents and agreements are all CAMEO 03x
#: "express intent to cooperate" (PLOVER AGREE).
FAMILY = {
    Modality.PLEDGE: "commit",
    Modality.INTENT: "commit",
    Modality.AGREEMENT: "commit",
    Modality.PROPOSAL: "proposal",
    Modality.SUPPORT: "support",
    Modality.COMPLETED: "completed",
}


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Trigger(_Entry):
    """One way a type shows in text."""

    id: Annotated[str, Field(description="Traced in Commitment.rule as 'type:<id>'.")]
    phrase: Annotated[str | None, Field(description="Words, matched on forms or lemmas.")] = None
    pattern: Annotated[
        list[dict[str, Any]] | None, Field(description="A spaCy Matcher token pattern.")
    ] = None
    not_followed_by: Annotated[
        list[str], Field(description="Dropped when one of the next three words is one of these.")
    ] = []
    not_preceded_by: Annotated[
        list[str], Field(description="Dropped when one of the two words before is one of these.")
    ] = []
    modalities: Annotated[
        list[Modality] | None, Field(description="Counts only in clauses of these modalities.")
    ] = None
    weak: Annotated[bool, Field(description="Counts only when the clause names no other type.")] = (
        False
    )
    note: Annotated[str | None, Field(description="Why the trigger is written this way.")] = None
    overrides: Annotated[
        list[str],
        Field(
            description="Types dropped from a clause where this trigger fires ('dual-use goods "
            "to Russia' is the war, not trade)."
        ),
    ] = []
    about_participant: Annotated[
        bool,
        Field(
            description="Counts only when the country it is about is a participant ('Ukraine's "
            "sovereignty' in an EU-Armenia meeting is no support for a participant)."
        ),
    ] = False
    kind: Annotated[
        Literal["term", "name"],
        Field(
            description="'name': a proper name (a hotspot, a body) that counts only as a head or "
            "as a modifier of one of the type's name_heads."
        ),
    ] = "term"

    @field_validator("pattern")
    @classmethod
    def _pattern_shape(cls, v: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
        if v is not None and (not v or not all(isinstance(t, dict) for t in v)):
            raise ValueError("a pattern is a non-empty list of token objects")
        return v


class Codes(_Entry):
    """Event codes by modality family."""

    commit: str | None = None
    proposal: str | None = None
    support: str | None = None
    completed: str | None = None


class TypeSpec(_Entry):
    """One commitment type."""

    id: Annotated[str, Field(description="snake_case type id, the Commitment.type value.")]
    label: str
    definition: str
    boundaries: list[str] = []
    cameo: Codes = Codes()
    plover: Codes = Codes()
    plover_context: str | None = None
    modalities: Annotated[
        list[Modality] | None, Field(description="The only modalities the type can take.")
    ] = None
    yields_to: Annotated[
        list[str], Field(description="Types that win when both fire in one clause.")
    ] = []
    fallback_modalities: Annotated[
        list[Modality],
        Field(description="Clauses of these modalities naming no type get this one."),
    ] = []
    fallback_when: Annotated[
        Literal["any", "names_a_country"],
        Field(
            description="'names_a_country': the fallback applies only when the clause names "
            'nothing but a country ("support for a strong, independent Vietnam").'
        ),
    ] = "any"
    name_heads: Annotated[
        list[str], Field(description="Heads a 'name' trigger may modify and still count.")
    ] = []
    triggers: list[Trigger]

    @field_validator("id")
    @classmethod
    def _snake(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError(f"type id {v!r} must be snake_case (a-z, 0-9, _)")
        return v

    @field_validator("cameo")
    @classmethod
    def _cameo_codes(cls, v: Codes) -> Codes:
        for fam, code in v.model_dump().items():
            if code is not None and not _CAMEO.match(code):
                raise ValueError(f"cameo.{fam} {code!r} is not a CAMEO code (2-4 digits)")
        return v

    @field_validator("plover")
    @classmethod
    def _plover_codes(cls, v: Codes) -> Codes:
        for fam, code in v.model_dump().items():
            if code is not None and code not in PLOVER_TYPES:
                raise ValueError(f"plover.{fam} {code!r} is not a PLOVER event type")
        return v

    def allows(self, modality: Modality) -> bool:
        return self.modalities is None or modality in self.modalities

    def cameo_for(self, modality: Modality) -> str | None:
        return getattr(self.cameo, FAMILY[modality])

    def plover_for(self, modality: Modality) -> str | None:
        return getattr(self.plover, FAMILY[modality])


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger found in a Doc (token offsets)."""

    type: str
    trigger: Trigger
    start: int
    end: int


class Taxonomy:
    """The types in use, and a matcher for their triggers."""

    def __init__(self, types: Iterable[TypeSpec], sources: Iterable[str] = ()) -> None:
        self.types: dict[str, TypeSpec] = {t.id: t for t in types}
        self.sources = tuple(sources)
        self._triggers: dict[str, tuple[str, Trigger]] = {}
        for t in self.types.values():
            for trig in t.triggers:
                self._triggers[trig.id] = (t.id, trig)
        self._matchers: dict[int, _Matchers] = {}

    def trigger(self, trigger_id: str) -> Trigger | None:
        """The trigger with this id, if it is one of the taxonomy's."""
        hit = self._triggers.get(trigger_id)
        return hit[1] if hit else None

    def __contains__(self, type_id: object) -> bool:
        return type_id in self.types

    def __iter__(self) -> Iterator[TypeSpec]:
        return iter(self.types.values())

    def __len__(self) -> int:
        return len(self.types)

    def __getitem__(self, type_id: str) -> TypeSpec:
        return self.types[type_id]

    def __repr__(self) -> str:
        return f"Taxonomy({len(self.types)} types from {', '.join(self.sources) or 'code'})"

    def matchers(self, vocab: Vocab) -> _Matchers:
        """The compiled triggers for a vocab (built once per vocab).

        Phrases go to two ``PhraseMatcher``s (lower-case forms, lemmas): hash lookups, so
        hundreds of phrases cost little per token. Token patterns, and phrases with an
        acronym (matched case-sensitively), go to a ``Matcher``.
        """
        key = id(vocab)
        if key not in self._matchers:
            self._matchers[key] = _compile(self, vocab)
        return self._matchers[key]

    def find(self, doc, array=None) -> list[TriggerMatch]:
        """Every trigger match in the Doc, after the triggers' own context conditions.

        `array`: the Doc's attribute rows from ``lexmatch.shared_array`` over matchers that
        include ``self.matchers(doc.vocab).tokens`` (read once for several matchers)."""
        ms = self.matchers(doc.vocab)
        found: set[tuple[str, int, int]] = set()
        for matcher in (ms.lower, ms.lemma, ms.exact):
            for mid, start, end in matcher(doc):
                found.add((doc.vocab.strings[mid], start, end))
        for mid, start, end in ms.tokens(doc, array=array):
            found.add((doc.vocab.strings[mid], start, end))
        out = []
        for trig_id, start, end in sorted(found, key=lambda x: (x[1], x[2], x[0])):
            type_id, trig = self._triggers[trig_id]
            # (most triggers have no context condition: no call for them)
            if not (trig.not_followed_by or trig.not_preceded_by) or _context_ok(
                doc, trig, start, end
            ):
                out.append(TriggerMatch(type_id, trig, start, end))
        return out


@dataclass
class _Matchers:
    lower: PhraseMatcher
    lemma: PhraseMatcher
    exact: PhraseMatcher
    tokens: FastMatcher


def _compile(tax: Taxonomy, vocab: Vocab) -> _Matchers:
    ms = _Matchers(
        PhraseMatcher(vocab, attr="LOWER"),
        PhraseMatcher(vocab, attr="LEMMA"),
        PhraseMatcher(vocab, attr="ORTH"),
        FastMatcher(vocab),
    )
    src = ", ".join(tax.sources) or "taxonomy"
    for type_id, trig in tax._triggers.values():
        try:
            if trig.pattern is not None:
                ms.tokens.add(trig.id, [list(trig.pattern)], greedy="LONGEST")
                continue
            words = _words(trig)
            if any(_is_acronym(w) for w in words):
                # "UN", "SCO", "AI": case-sensitive; the other words as written or lower-case
                lowered = [w if _is_acronym(w) else w.lower() for w in words]
                ms.exact.add(
                    trig.id, [Doc(vocab, words=list(v)) for v in {tuple(words), tuple(lowered)}]
                )
                continue
            lowered = [w.lower() for w in words]
            variants = [[*lowered[:-1], form] for form in _forms(lowered[-1])]
            ms.lower.add(trig.id, [Doc(vocab, words=v) for v in variants])
            lemma_docs = [Doc(vocab, words=words, lemmas=lowered)]
            if lowered != words:
                lemma_docs.append(Doc(vocab, words=words, lemmas=list(words)))
            ms.lemma.add(trig.id, lemma_docs)
        except (ValueError, KeyError, TypeError) as exc:  # spaCy's pattern errors
            raise TaxonomyError(
                f"{src}: type {type_id!r}, trigger {trig.id!r}: invalid pattern: {exc}"
            ) from exc
    return ms


def _context_ok(doc, trig: Trigger, start: int, end: int) -> bool:
    if trig.not_followed_by:
        stop = {w.lower() for w in trig.not_followed_by}
        for t in doc[end : min(end + 3, len(doc))]:
            if t.is_punct and t.text not in {"-"}:
                break
            if t.lower_ in stop or t.lemma_.lower() in stop:
                return False
        # a verb's object counts however far it stands: "meet the highest environmental standards"
        last = doc[end - 1]
        if last.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("dobj", "obj") and (c.lower_ in stop or c.lemma_.lower() in stop)
            for c in last.children
        ):
            return False
    if trig.not_preceded_by:
        stop = {w.lower() for w in trig.not_preceded_by}
        for t in doc[max(0, start - 2) : start]:
            if t.lower_ in stop or t.lemma_.lower() in stop:
                return False
    return True


# ---------------------------------------------------------------------------------------
# Compiling phrases to patterns


@lru_cache(maxsize=1)
def _tokenizer():
    # The same tokenizer rules as the pipeline's English model (hyphens split,
    # "e-commerce" → e, -, commerce), without loading a model.
    return spacy.blank("en").tokenizer


def _forms(word: str) -> list[str]:
    """Lower-case forms of a word: itself, plural / third person, past and -ing forms.

    Over-generation is harmless (a form that is no English word never occurs); the lemma
    pattern catches irregular forms ("met" → meet). Hand-written rather than a dependency:
    the lexicon is small and the forms only need to be a superset.
    """
    w = word.lower()
    if not w.isalpha() or len(w) < 3:
        return [w]
    forms = {w, w + "s"}
    if w.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {w + "es"}
    if w.endswith("y") and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if w.endswith("e"):
        forms |= {w + "d", w[:-1] + "ing"}
    else:
        forms |= {w + "ed", w + "ing"}
    return sorted(forms)


def _is_acronym(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2


def _words(trig: Trigger) -> list[str]:
    if not trig.phrase or not trig.phrase.strip():
        raise TaxonomyError(f"trigger {trig.id!r} has neither a phrase nor a pattern")
    return [t.text for t in _tokenizer()(trig.phrase.strip())]


# ---------------------------------------------------------------------------------------
# Loading


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


def _normalise(raw: dict[str, Any]) -> dict[str, Any]:
    """String triggers → {id: '<type>.<slug>', phrase}."""
    out = dict(raw)
    if "triggers" in out and isinstance(out["triggers"], list):
        trigs = []
        taken = {t.get("id") for t in out["triggers"] if isinstance(t, dict)}
        for t in out["triggers"]:
            if isinstance(t, str):
                # "one-China" and "one China" share a slug: number the later ones.
                base = tid = f"{out.get('id', 'type')}.{_slug(t)}"
                n = 2
                while tid in taken:
                    tid, n = f"{base}_{n}", n + 1
                taken.add(tid)
                trigs.append({"id": tid, "phrase": t})
            else:
                trigs.append(t)
        out["triggers"] = trigs
    return out


def _entries(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise TaxonomyError(f"{path}: cannot read the taxonomy: {exc.strerror or exc}") from exc
    for lineno, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TaxonomyError(f"{path}:{lineno}: not valid JSON: {exc.msg}") from exc
        if not isinstance(entry, dict):
            raise TaxonomyError(f"{path}:{lineno}: each line must be a JSON object")
        yield lineno, entry


def _problem(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"])
        parts.append(f"{loc}: {err['msg']}" if loc else err["msg"])
    return "; ".join(parts)


def read_types(path: str | Path) -> list[tuple[int, dict[str, Any]]]:
    """The raw entries of a taxonomy file with their line numbers (triggers normalised)."""
    path = Path(path)
    out = []
    for lineno, raw in _entries(path):
        if not isinstance(raw.get("id"), str) or not raw["id"]:
            raise TaxonomyError(f"{path}:{lineno}: an entry needs an 'id' (the type id)")
        out.append((lineno, _normalise(raw)))
    return out


def _validate(path: Path, lineno: int, raw: dict[str, Any]) -> TypeSpec:
    try:
        spec = TypeSpec.model_validate(raw)
    except ValidationError as exc:
        raise TaxonomyError(f"{path}:{lineno}: type {raw.get('id')!r}: {_problem(exc)}") from exc
    if not spec.triggers:
        raise TaxonomyError(f"{path}:{lineno}: type {spec.id!r}: needs at least one trigger")
    seen = set()
    for trig in spec.triggers:
        if (trig.phrase is None) == (trig.pattern is None):
            raise TaxonomyError(
                f"{path}:{lineno}: type {spec.id!r}, trigger {trig.id!r}: give exactly one of "
                "'phrase' and 'pattern'"
            )
        if trig.id in seen:
            raise TaxonomyError(
                f"{path}:{lineno}: type {spec.id!r}: duplicate trigger id {trig.id!r}"
            )
        seen.add(trig.id)
    return spec


def _merge(base: TypeSpec, raw: dict[str, Any], path: Path, lineno: int) -> TypeSpec:
    """A default type extended by a user entry: triggers added, other given fields replaced."""
    data = base.model_dump(mode="json", exclude_none=False)
    for key, value in raw.items():
        if key == "triggers":
            known = {t["id"] for t in data["triggers"]}
            data["triggers"] += [
                t for t in value if not (isinstance(t, dict) and t.get("id") in known)
            ]
        elif key != "remove":
            data[key] = value
    return _validate(path, lineno, data)


def load_taxonomy(path: str | Path | None = None, extend: bool = True) -> Taxonomy:
    """The default taxonomy, a user taxonomy, or the default extended by a user file.

    ``path=None`` gives the bundled default. With ``extend=True`` (the default) the user file
    adds types and triggers to the default; with ``extend=False`` it is the whole taxonomy.
    Errors raise ``TaxonomyError`` naming the file, line and entry.
    """
    default_path = resource_path(DEFAULT_FILE)
    if path is None:
        return _default_taxonomy()
    path = Path(path)
    types: dict[str, TypeSpec] = {}
    sources = [str(path)]
    if extend:
        types = dict(_default_taxonomy().types)
        sources.insert(0, str(default_path))
    lines: dict[str, int] = {}
    for lineno, raw in read_types(path):
        tid = raw["id"]
        lines[tid] = lineno
        if raw.get("remove"):
            if tid not in types:
                raise TaxonomyError(f"{path}:{lineno}: cannot remove unknown type {tid!r}")
            del types[tid]
            continue
        types[tid] = (
            _merge(types[tid], raw, path, lineno) if tid in types else _validate(path, lineno, raw)
        )
    _check_references(types, path, lines)
    return Taxonomy(types.values(), sources)


def _check_references(
    types: dict[str, TypeSpec], path: Path, lines: dict[str, int] | None = None
) -> None:
    for t in types.values():
        for other in t.yields_to:
            if other not in types:
                where = f"{path}:{lines[t.id]}" if lines and t.id in lines else str(path)
                raise TaxonomyError(
                    f"{where}: type {t.id!r}: yields_to names unknown type {other!r}"
                )
    if not types:
        raise TaxonomyError(f"{path}: the taxonomy has no types")


@lru_cache(maxsize=1)
def _default_taxonomy() -> Taxonomy:
    path = resource_path(DEFAULT_FILE)
    types = {}
    lines: dict[str, int] = {}
    for lineno, raw in read_types(path):
        spec = _validate(path, lineno, raw)
        if spec.id in types:
            raise TaxonomyError(f"{path}:{lineno}: duplicate type id {spec.id!r}")
        types[spec.id] = spec
        lines[spec.id] = lineno
    _check_references(types, path, lines)
    return Taxonomy(types.values(), [str(path)])


_CONFIGURED: Taxonomy | None = None


def set_default_taxonomy(path: str | Path | None, extend: bool = True) -> Taxonomy:
    """Make a user taxonomy the one ``find_commitments`` uses when given none.

    ``set_default_taxonomy(None)`` restores the bundled default. Returns the taxonomy in use.
    """
    global _CONFIGURED
    _CONFIGURED = None if path is None else load_taxonomy(path, extend=extend)
    return default_taxonomy()


def default_taxonomy() -> Taxonomy:
    """The taxonomy in use when none is passed (the bundled one unless configured)."""
    return _CONFIGURED if _CONFIGURED is not None else _default_taxonomy()
