"""Score readout_nlp (or any system's JSON) against hand-labelled gold readouts.

A gold folder holds ``NAME.txt`` + ``NAME.gold.json`` pairs (FORMAT.md). ``evaluate`` reads
and validates every pair, runs ``readout_nlp.analyze`` (or a ``predict`` callable) on each
text and scores the predictions as FORMAT.md's "Scoring" section says:

- speaker accuracy over gold sentences with speakers (predicted set == gold set);
- attribution P/R/F1 over (sentence, speaker) pairs;
- commitment P/R/F1 over (sentence, type) pairs, with party and modality accuracy over the
  matched pairs;
- paragraph F1 (exact spans after trimming white space);
- meta: date, event type and location accuracy, participants F1 by name.

Everything is micro-averaged over the folder (counts are summed, then divided), and also
reported per document, per gold ``style`` and per commitment type.

The prediction is read as plain JSON (``readout.model_dump(mode="json")``), using only
``meta.title/date/event_type/location/participants[].name/country``, ``paragraphs[].start/end``,
``claims[].start/end/speakers/attribution/cue`` and
``commitments[].start/end/type/parties/modality``; so ``score_document`` is a pure function
and any system that writes those fields can be scored.

How predictions meet gold sentences
-----------------------------------
A predicted claim or commitment *matches* a gold sentence when their spans overlap by more
than half the length of the shorter of the two (``spans_match``). Because every metric is
defined over gold sentences ((sentence, speaker) and (sentence, type) pairs), a prediction is
turned into pairs through the sentences it matches:

- **One prediction, several sentences** (a paragraph-level claim or commitment, or a system
  that failed to split two sentences): the prediction is copied onto *every* sentence it
  matches, so a paragraph-level ``trade`` commitment over three sentences predicts
  (s1, trade), (s2, trade), (s3, trade): true positives where the gold has ``trade``, false
  positives elsewhere. This is the fair reading: FORMAT.md says such spans "match the
  sentences they cover", and a coarse span must pay in precision for the recall it earns on
  each sentence; counting it once would let a system cover a paragraph and be charged for at
  most one error.
- **Several predictions, one sentence** (clause-level claims, two commitments in one
  sentence): the sentence's predicted speakers are the union of the matched claims' speakers
  (names that are the same under the name comparison are kept once), and its predicted
  commitments are merged per type as FORMAT.md tells annotators to ("one entry per type per
  sentence ... keep the strongest" modality; parties of the strongest entry, joined when
  two entries tie). Duplicates are thus not false positives: the gold cannot hold them
  either, so a system that finds the same commitment twice in one sentence has predicted one
  (sentence, type) pair.
- **A prediction matching no gold sentence** (a claim on the headline, a span straddling two
  sentences by half of each or less) is a false positive: one per speaker for a claim, one
  for a commitment.

Names (speakers, participants, locations) are compared ignoring case, punctuation and
spacing, and a name whose tokens are a subset of the other's matches ("Atamkulov" ~ "Beibut
Atamkulov"); when several names are compared as sets they are paired one-to-one (a maximum
bipartite matching), so one predicted "Kim" cannot count for two gold speakers.

A document whose analysis raises a ``ReadoutError`` is recorded as failed: every gold item
in it (sentences, pairs, paragraphs, participants and the meta fields) counts as a miss, and
the run goes on.

Metrics whose denominator is empty (precision with nothing predicted, any score of a
document with no commitments at all ...) are ``None`` ("-" in tables), not 0 or 1, so
per-document tables show what there was to score. A few diagnostics not in FORMAT.md
(attribution label and cue accuracy, title and participant country accuracy) are reported
apart from the scores, to help find where errors come from.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeVar

from rapidfuzz.utils import default_process
from wasabi import table

from .errors import GoldFormatError, InputFileError, ReadoutError
from .records import (
    MODALITY_STRENGTH,
    Attribution,
    CommitmentType,
    EventType,
    Modality,
)

__all__ = [
    "GoldDocument",
    "GoldSentence",
    "GoldCommitment",
    "PRF",
    "Ratio",
    "Tally",
    "ScoringError",
    "DocumentScore",
    "Report",
    "evaluate",
    "score_document",
    "read_gold",
    "read_gold_dir",
    "read_gold_file",
    "GoldParticipant",
    "gold_to_prediction",
    "format_report",
    "names_match",
    "spans_match",
]

GOLD_SUFFIX = ".gold.json"
EVENT_TYPES = frozenset(e.value for e in EventType)
ATTRIBUTIONS = frozenset(a.value for a in Attribution)
MODALITIES = frozenset(m.value for m in Modality)
COMMITMENT_TYPES = frozenset(t.value for t in CommitmentType)
_STRENGTH = {m.value: s for m, s in MODALITY_STRENGTH.items()}
# Country / organisation codes as FORMAT.md and validate.py accept them ("CHN", "EU", "ASEAN").
_PARTY = re.compile(r"^[A-Z]{2,6}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Span = tuple[int, int]

# ---------------------------------------------------------------------------------------
# Comparisons


def spans_match(a: Span, b: Span) -> bool:
    """True when the spans overlap by more than half the length of the shorter one.

    FORMAT.md's matching rule: a clause inside a sentence matches it (the clause is the
    shorter span and lies wholly inside), a paragraph-level span matches every sentence it
    covers, and a span straddling two sentences matches the one it mostly covers, or none.
    """
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    return overlap > 0 and 2 * overlap > min(a[1] - a[0], b[1] - b[0])


def _name_tokens(name: str | None) -> tuple[str, ...]:
    # rapidfuzz's default_process lower-cases and turns every non-alphanumeric character into
    # a space: exactly "ignoring case and punctuation" ("Andrew T. Callahan" -> andrew t callahan).
    return tuple(default_process(name or "").split())


def names_match(a: str | None, b: str | None) -> bool:
    """FORMAT.md's name comparison: equal ignoring case, punctuation and spacing, or one
    name's tokens a subset of the other's ("Atamkulov" ~ "Beibut Atamkulov")."""
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return False
    if "".join(ta) == "".join(tb):  # "O'Brien" ~ "OBrien", "Wang  Yi" ~ "wang yi"
        return True
    sa, sb = set(ta), set(tb)
    return sa <= sb or sb <= sa


def _pair_names(gold: Sequence[str], predicted: Sequence[str]) -> list[tuple[int, int]]:
    """A maximum one-to-one pairing of gold and predicted names (Kuhn's augmenting paths).

    Hand-written because the sets hold two or three names; a greedy pass would mis-pair
    "Kim" with the wrong one of two gold Kims and under-count.
    """
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(g: int, seen: set[int]) -> bool:
        for p, name in enumerate(predicted):
            if p in seen or not names_match(gold[g], name):
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(len(gold)):
        augment(g, set())
    return sorted((g, p) for p, g in owner.items())


def _unique_names(names: Iterable[str]) -> list[str]:
    """Names in order, each kept once (same tokens ignoring case, punctuation, spacing)."""
    out: list[str] = []
    keys: set[str] = set()
    for name in names:
        key = "".join(_name_tokens(name))
        if key and key not in keys:
            keys.add(key)
            out.append(name)
    return out


def _trim(text: str, start: int, end: int) -> Span:
    """The span without surrounding white space (paragraph spans are compared trimmed)."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# ---------------------------------------------------------------------------------------
# Counts and scores


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class PRF:
    """True/false positives and false negatives, summed over documents.

    Not spaCy's ``PRFScore``: that reports 0.0 when nothing was predicted or expected, and
    per-document tables need to tell "nothing to score" (None) from "all wrong" (0.0).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: PRF) -> PRF:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def counts(self) -> dict[str, int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Ratio:
    """Correct out of total (an accuracy)."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += bool(ok)
        self.total += 1

    def __iadd__(self, other: Ratio) -> Ratio:
        self.correct += other.correct
        self.total += other.total
        return self

    @property
    def value(self) -> float | None:
        return _ratio(self.correct, self.total)

    def counts(self) -> dict[str, int]:
        return {"correct": self.correct, "total": self.total}


@dataclass
class TypeTally:
    """One commitment type: its (sentence, type) pairs and, for matched pairs, parties and
    modality."""

    prf: PRF = field(default_factory=PRF)
    parties: Ratio = field(default_factory=Ratio)
    modality: Ratio = field(default_factory=Ratio)

    def __iadd__(self, other: TypeTally) -> TypeTally:
        self.prf += other.prf
        self.parties += other.parties
        self.modality += other.modality
        return self


#: Metric keys of `Tally.scores()`, in report order, with the labels the table prints.
SCORE_LABELS: dict[str, str] = {
    "speaker_acc": "Speaker accuracy",
    "attribution_p": "Attribution P",
    "attribution_r": "Attribution R",
    "attribution_f": "Attribution F1",
    "commitment_p": "Commitment P",
    "commitment_r": "Commitment R",
    "commitment_f": "Commitment F1",
    "party_acc": "Commitment party accuracy",
    "modality_acc": "Commitment modality accuracy",
    "paragraph_p": "Paragraph P",
    "paragraph_r": "Paragraph R",
    "paragraph_f": "Paragraph F1",
    "date_acc": "Date accuracy",
    "event_type_acc": "Event type accuracy",
    "location_acc": "Location accuracy",
    "participants_p": "Participants P",
    "participants_r": "Participants R",
    "participants_f": "Participants F1",
}
DIAGNOSTIC_LABELS: dict[str, str] = {
    "attribution_label_acc": "Attribution label accuracy (all sentences)",
    "cue_acc": "Cue accuracy (gold explicit sentences)",
    "title_acc": "Title accuracy",
    "participant_country_acc": "Participant country accuracy (matched names)",
}


@dataclass
class Tally:
    """Every count the scores are computed from; tallies add up over documents."""

    documents: int = 0
    sentences: int = 0
    speaker: Ratio = field(default_factory=Ratio)
    attribution: PRF = field(default_factory=PRF)
    commitment: PRF = field(default_factory=PRF)
    party: Ratio = field(default_factory=Ratio)
    modality: Ratio = field(default_factory=Ratio)
    paragraph: PRF = field(default_factory=PRF)
    date: Ratio = field(default_factory=Ratio)
    event_type: Ratio = field(default_factory=Ratio)
    location: Ratio = field(default_factory=Ratio)
    participants: PRF = field(default_factory=PRF)
    # Diagnostics (not FORMAT.md scores).
    attribution_label: Ratio = field(default_factory=Ratio)
    cue: Ratio = field(default_factory=Ratio)
    title: Ratio = field(default_factory=Ratio)
    participant_country: Ratio = field(default_factory=Ratio)
    per_type: dict[str, TypeTally] = field(default_factory=dict)

    def type_tally(self, type_: str) -> TypeTally:
        return self.per_type.setdefault(type_, TypeTally())

    def __iadd__(self, other: Tally) -> Tally:
        self.documents += other.documents
        self.sentences += other.sentences
        for f in fields(self):
            mine = getattr(self, f.name)
            if isinstance(mine, (PRF, Ratio)):
                mine += getattr(other, f.name)
        for type_, tt in other.per_type.items():
            self.type_tally(type_).__iadd__(tt)
        return self

    def scores(self) -> dict[str, float | None]:
        """FORMAT.md's scores, as fractions in [0, 1] (None where nothing was scored)."""
        return {
            "speaker_acc": self.speaker.value,
            "attribution_p": self.attribution.precision,
            "attribution_r": self.attribution.recall,
            "attribution_f": self.attribution.f1,
            "commitment_p": self.commitment.precision,
            "commitment_r": self.commitment.recall,
            "commitment_f": self.commitment.f1,
            "party_acc": self.party.value,
            "modality_acc": self.modality.value,
            "paragraph_p": self.paragraph.precision,
            "paragraph_r": self.paragraph.recall,
            "paragraph_f": self.paragraph.f1,
            "date_acc": self.date.value,
            "event_type_acc": self.event_type.value,
            "location_acc": self.location.value,
            "participants_p": self.participants.precision,
            "participants_r": self.participants.recall,
            "participants_f": self.participants.f1,
        }

    def diagnostics(self) -> dict[str, float | None]:
        """Scores that help find where errors come from; not part of FORMAT.md's scoring."""
        return {
            "attribution_label_acc": self.attribution_label.value,
            "cue_acc": self.cue.value,
            "title_acc": self.title.value,
            "participant_country_acc": self.participant_country.value,
        }

    def per_type_scores(self) -> dict[str, dict[str, float | int | None]]:
        """Per commitment type: P/R/F1, gold and predicted pair counts, party and modality
        accuracy over the matched pairs."""
        out: dict[str, dict[str, float | int | None]] = {}
        for type_ in sorted(self.per_type):
            tt = self.per_type[type_]
            out[type_] = {
                "p": tt.prf.precision,
                "r": tt.prf.recall,
                "f": tt.prf.f1,
                "gold": tt.prf.tp + tt.prf.fn,
                "predicted": tt.prf.tp + tt.prf.fp,
                "party_acc": tt.parties.value,
                "modality_acc": tt.modality.value,
            }
        return out

    def counts(self) -> dict[str, Any]:
        """The raw counts behind the scores and diagnostics."""
        out: dict[str, Any] = {"documents": self.documents, "sentences": self.sentences}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, (PRF, Ratio)):
                out[f.name] = value.counts()
        return out


# ---------------------------------------------------------------------------------------
# Gold documents: reading and validation (a port of shared/gold/validate.py)


@dataclass(frozen=True)
class GoldCommitment:
    type: str
    parties: frozenset[str]
    modality: str

    def describe(self) -> dict[str, Any]:
        return {"type": self.type, "parties": sorted(self.parties), "modality": self.modality}


@dataclass(frozen=True)
class GoldSentence:
    index: int
    text: str
    start: int
    end: int
    paragraph: int
    speakers: tuple[str, ...]
    attribution: str
    cue: str | None
    commitments: tuple[GoldCommitment, ...]


@dataclass(frozen=True)
class GoldParticipant:
    name: str
    country: str
    titles: tuple[str, ...]


@dataclass(frozen=True)
class GoldDocument:
    """A validated gold document, offsets recomputed from the sentence texts."""

    name: str
    id: str
    style: str
    text: str
    title: str | None
    date: str | None
    event_type: str
    location: str | None
    participants: tuple[GoldParticipant, ...]
    paragraphs: tuple[Span, ...]
    sentences: tuple[GoldSentence, ...]


class _Problems:
    """Collects a gold file's problems, each naming its field, and raises them together."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[str] = []
        self.context = ""  # which sentence the next problems are in, for the reader

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}{self.context}")

    def raise_if_any(self) -> None:
        if self.items:
            head = f"{self.source}: breaks FORMAT.md"
            if len(self.items) == 1:
                raise GoldFormatError(f"{self.source}: {self.items[0]}")
            raise GoldFormatError(head + "\n" + "\n".join(f"  {p}" for p in self.items))


def _required(obj: Mapping[str, Any], key: str, where: str, problems: _Problems) -> Any:
    if key not in obj:
        problems.add(where, "missing field")
        return None
    return obj[key]


def _check_meta(meta: Any, text: str, problems: _Problems) -> dict[str, Any]:
    out: dict[str, Any] = {"title": None, "date": None, "location": None, "participants": []}
    if not isinstance(meta, dict):
        problems.add("meta", "missing field" if meta is None else "must be an object")
        out["event_type"] = EventType.OTHER.value
        return out
    event_type = _required(meta, "event_type", "meta.event_type", problems)
    if "event_type" in meta and event_type not in EVENT_TYPES:
        problems.add("meta.event_type", f"{event_type!r} not in {sorted(EVENT_TYPES)}")
    out["event_type"] = event_type
    date = meta.get("date")
    if date is not None:
        try:
            if not _DATE.match(str(date)):
                raise ValueError
            dt.date.fromisoformat(str(date))
        except ValueError:
            problems.add("meta.date", f"{date!r} is not a YYYY-MM-DD date")
    out["date"] = date
    title = meta.get("title")
    if title is not None and (not isinstance(title, str) or title not in text):
        problems.add("meta.title", "is not found verbatim in the text")
    out["title"] = title
    location = meta.get("location")
    if location is not None and not isinstance(location, str):
        problems.add("meta.location", "must be a string or null")
    out["location"] = location
    participants = _required(meta, "participants", "meta.participants", problems)
    if not isinstance(participants, list) or not participants:
        if "participants" in meta:
            problems.add("meta.participants", "must be a non-empty list")
        participants = []
    for i, p in enumerate(participants):
        where = f"meta.participants[{i}]"
        if not isinstance(p, dict):
            problems.add(where, "must be an object")
            continue
        name, country = p.get("name"), p.get("country")
        if not isinstance(name, str) or not name or name not in text:
            problems.add(f"{where}.name", f"{name!r} is not found verbatim in the text")
        if not _PARTY.match(str(country)):
            problems.add(f"{where}.country", f"{country!r} is not a country/organisation code")
        titles = p.get("titles") or []
        if not isinstance(titles, list) or not all(isinstance(t, str) for t in titles):
            problems.add(f"{where}.titles", "must be a list of strings")
            titles = []
        out["participants"].append(GoldParticipant(str(name), str(country), tuple(titles)))
    return out


def _check_commitments(raw: Any, where: str, problems: _Problems) -> tuple[GoldCommitment, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.add(f"{where}.commitments", "must be a list")
        return ()
    out = []
    for j, c in enumerate(raw):
        cw = f"{where}.commitments[{j}]"
        if not isinstance(c, dict):
            problems.add(cw, "must be an object")
            continue
        type_, modality, parties = c.get("type"), c.get("modality"), c.get("parties")
        if type_ not in COMMITMENT_TYPES:
            problems.add(f"{cw}.type", f"{type_!r} is not in the taxonomy")
        if modality not in MODALITIES:
            problems.add(f"{cw}.modality", f"{modality!r} not in {sorted(MODALITIES)}")
        if (
            not isinstance(parties, list)
            or not parties
            or not all(_PARTY.match(str(x)) for x in parties)
        ):
            problems.add(f"{cw}.parties", f"{parties!r} must be a non-empty list of codes")
            parties = []
        out.append(GoldCommitment(str(type_), frozenset(parties), str(modality)))
    return tuple(out)


def read_gold(gold: Any, text: str, name: str | None = None) -> GoldDocument:
    """Validate a gold record against its text and return it with offsets recomputed.

    The checks are those of shared/gold/validate.py (FORMAT.md), except that stored
    ``start``/``end`` and ``paragraphs`` are not compared but recomputed from the sentence
    texts, as ``validate.py --fix-offsets`` would. Raises ``GoldFormatError`` naming the file
    (``name``) and each offending field.
    """
    source = name or (gold.get("id") if isinstance(gold, dict) else None) or "<gold>"
    problems = _Problems(str(source))
    if not isinstance(gold, dict):
        problems.add("(document)", "must be a JSON object")
        problems.raise_if_any()
    meta = _check_meta(gold.get("meta"), text, problems)
    names = [p.name for p in meta["participants"]]
    for key in ("id", "style"):
        if gold.get(key) is not None and not isinstance(gold[key], str):
            problems.add(key, "must be a string")

    raw_sentences = _required(gold, "sentences", "sentences", problems)
    if not isinstance(raw_sentences, list) or not raw_sentences:
        if "sentences" in gold:
            problems.add("sentences", "must be a non-empty list")
        raw_sentences = []
    sentences: list[GoldSentence] = []
    paragraphs: dict[int, list[int]] = {}
    cursor, last_par = 0, -1
    for i, s in enumerate(raw_sentences):
        where = f"sentences[{i}]"
        problems.context = ""
        if not isinstance(s, dict):
            problems.add(where, "must be an object")
            continue
        sent_text = _required(s, "text", f"{where}.text", problems)
        if not isinstance(sent_text, str) or not sent_text:
            if "text" in s:
                problems.add(f"{where}.text", "must be a non-empty string")
            continue
        problems.context = f" (sentence {sent_text[:50]!r})"
        start = text.find(sent_text, cursor)
        if start < 0:
            problems.add(f"{where}.text", f"not found in the text after offset {cursor}")
            continue
        par = _required(s, "paragraph", f"{where}.paragraph", problems)
        gap = text[cursor:start]
        if sentences and par == last_par and gap.strip():
            problems.add(f"{where}.text", f"skips text inside its paragraph: {gap.strip()[:60]!r}")
        end = start + len(sent_text)
        cursor = end
        if "paragraph" in s and (
            not isinstance(par, int) or isinstance(par, bool) or not last_par <= par <= last_par + 1
        ):
            problems.add(f"{where}.paragraph", f"{par!r} out of order (previous {last_par})")
            par = max(last_par, 0)
        elif "paragraph" in s:
            last_par = par
        paragraphs.setdefault(par, [start, end])[1] = end
        speakers = _required(s, "speakers", f"{where}.speakers", problems)
        if not isinstance(speakers, list) or not all(isinstance(x, str) for x in speakers):
            if "speakers" in s:
                problems.add(f"{where}.speakers", "must be a list of names")
            speakers = []
        att = _required(s, "attribution", f"{where}.attribution", problems)
        cue = s.get("cue")
        if "attribution" in s and att not in ATTRIBUTIONS:
            problems.add(f"{where}.attribution", f"{att!r} not in {sorted(ATTRIBUTIONS)}")
        if "attribution" in s and (att == "narration") != (speakers == []):
            problems.add(
                f"{where}.attribution",
                f"narration iff speakers == [] (attribution {att!r}, speakers {speakers})",
            )
        if att == "explicit" and not cue:
            problems.add(f"{where}.cue", "explicit attribution needs a cue")
        if att in ("continuation", "narration") and cue:
            problems.add(f"{where}.cue", f"{att} takes cue null, not {cue!r}")
        for speaker in speakers:
            if speaker not in names:
                problems.add(f"{where}.speakers", f"{speaker!r} is not a participant")
        sentences.append(
            GoldSentence(
                index=len(sentences),
                text=sent_text,
                start=start,
                end=end,
                paragraph=par if isinstance(par, int) else 0,
                speakers=tuple(speakers),
                attribution=str(att),
                cue=cue if isinstance(cue, str) else None,
                commitments=_check_commitments(s.get("commitments"), where, problems),
            )
        )
    problems.context = ""
    problems.raise_if_any()
    return GoldDocument(
        name=str(source),
        id=str(gold.get("id") or source),
        style=str(gold.get("style") or "unknown"),
        text=text,
        title=meta["title"],
        date=meta["date"],
        event_type=meta["event_type"],
        location=meta["location"],
        participants=tuple(meta["participants"]),
        paragraphs=tuple(_trim(text, a, b) for _, (a, b) in sorted(paragraphs.items())),
        sentences=tuple(sentences),
    )


def _read_file_text(path: Path) -> str:
    # Decoded as batch.read_text does for the CLI (UTF-8, BOM dropped) and without newline
    # translation, so offsets are those of the text a user would feed to `analyze`.
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise GoldFormatError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def read_gold_file(gold_path: str | Path) -> GoldDocument:
    """Read and validate ``NAME.gold.json`` with the ``NAME.txt`` beside it."""
    gold_path = Path(gold_path)
    name = (
        gold_path.name[: -len(GOLD_SUFFIX)]
        if gold_path.name.endswith(GOLD_SUFFIX)
        else gold_path.stem
    )
    txt_path = gold_path.with_name(name + ".txt")
    if not txt_path.is_file():
        raise GoldFormatError(f"{gold_path}: no {txt_path.name} beside it")
    raw = _read_file_text(gold_path)
    try:
        gold = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(
            f"{gold_path}: (whole file): not valid JSON: {exc.msg} at line {exc.lineno} "
            f"column {exc.colno}"
        ) from exc
    doc = read_gold(gold, _read_file_text(txt_path), name=str(gold_path))
    # Messages name the file by its path; reports name the document by NAME.
    return replace(doc, name=name, id=gold.get("id") or name)


def read_gold_dir(gold_dir: str | Path) -> list[GoldDocument]:
    """Every gold document of a folder, validated, in name order."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InputFileError(f"{gold_dir}: no such folder")
    paths = sorted(gold_dir.glob("*" + GOLD_SUFFIX))
    if not paths:
        raise GoldFormatError(f"{gold_dir}: no *{GOLD_SUFFIX} files in this folder")
    return [read_gold_file(p) for p in paths]


# ---------------------------------------------------------------------------------------
# Predictions: read leniently from any system's JSON


def _value(x: Any) -> Any:
    """Enum members (from ``model_dump()`` without ``mode="json"``) as their values."""
    return getattr(x, "value", x)


def _span(rec: Mapping[str, Any]) -> Span | None:
    start, end = rec.get("start"), rec.get("end")
    if isinstance(start, int) and isinstance(end, int) and end >= start:
        return start, end
    return None


def _as_list(x: Any) -> list[Any]:
    return list(x) if isinstance(x, (list, tuple)) else []


def _as_prediction(predicted: Any) -> dict[str, Any]:
    if predicted is None:
        return {}
    if hasattr(predicted, "model_dump"):  # a Readout
        return predicted.model_dump(mode="json")
    if not isinstance(predicted, Mapping):
        raise TypeError(f"a prediction must be a dict or a Readout, not {type(predicted).__name__}")
    return dict(predicted)


@dataclass
class _PClaim:
    span: Span | None
    speakers: list[str]
    attribution: str
    cue: str | None

    def describe(self) -> dict[str, Any]:
        return {"speakers": self.speakers, "attribution": self.attribution, "cue": self.cue}


@dataclass
class _PCommitment:
    span: Span | None
    type: str
    parties: frozenset[str]
    modality: str

    def describe(self) -> dict[str, Any]:
        return {"type": self.type, "parties": sorted(self.parties), "modality": self.modality}


_P = TypeVar("_P", _PClaim, _PCommitment)
_C = TypeVar("_C", GoldCommitment, _PCommitment)


def _claims(pred: Mapping[str, Any]) -> list[_PClaim]:
    out = []
    for c in _as_list(pred.get("claims")):
        if not isinstance(c, Mapping):
            continue
        speakers = [str(x) for x in _as_list(c.get("speakers")) if x]
        att = _value(c.get("attribution")) or ("explicit" if c.get("cue") else "continuation")
        out.append(_PClaim(_span(c), speakers, str(att), c.get("cue") or None))
    return out


def _commitments(pred: Mapping[str, Any]) -> list[_PCommitment]:
    out = []
    for c in _as_list(pred.get("commitments")):
        if not isinstance(c, Mapping):
            continue
        parties = frozenset(str(x).strip().upper() for x in _as_list(c.get("parties")) if x)
        out.append(
            _PCommitment(
                _span(c), str(_value(c.get("type"))), parties, str(_value(c.get("modality")))
            )
        )
    return out


# ---------------------------------------------------------------------------------------
# Scoring one document


@dataclass
class ScoringError:
    """One disagreement with the gold, for the error listing.

    ``kind`` groups errors for the "most frequent errors" summary ("speaker: predicted
    narration, gold explicit", "commitment missed: trade"); ``gold`` and ``predicted`` hold
    the details (speakers/attribution/cue, or type/parties/modality).
    """

    document: str
    kind: str
    sentence: int | None = None
    text: str | None = None
    gold: dict[str, Any] = field(default_factory=dict)
    predicted: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "kind": self.kind,
            "sentence": self.sentence,
            "text": self.text,
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass
class DocumentScore:
    """The tally and the errors of one gold document."""

    name: str
    id: str
    style: str
    tally: Tally
    errors: list[ScoringError] = field(default_factory=list)
    failed: str | None = None  # the error message when the analysis raised
    warnings: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float | None]:
        return self.tally.scores()

    def to_dict(self, errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "style": self.style,
            "failed": self.failed,
            "sentences": self.tally.sentences,
            "scores": self.tally.scores(),
            "diagnostics": self.tally.diagnostics(),
            "counts": self.tally.counts(),
        }
        if self.warnings:
            out["warnings"] = list(self.warnings)
        if errors:
            out["errors"] = [e.to_dict() for e in self.errors]
        return out


class _Errors(list[ScoringError]):
    """A document's errors, with a short way to add one."""

    def __init__(self, document: str) -> None:
        super().__init__()
        self.document = document

    def add(
        self,
        kind: str,
        sentence: GoldSentence | None = None,
        gold: dict[str, Any] | None = None,
        predicted: dict[str, Any] | None = None,
        text: str | None = None,
    ) -> None:
        self.append(
            ScoringError(
                self.document,
                kind,
                sentence.index if sentence else None,
                sentence.text if sentence else text,
                gold or {},
                predicted or {},
            )
        )


def _label(claims: Sequence[_PClaim]) -> str:
    """The attribution label the matched claims give a sentence (explicit wins)."""
    labels = {c.attribution for c in claims if c.speakers}
    for label in (Attribution.EXPLICIT.value, Attribution.CONTINUATION.value):
        if label in labels:
            return label
    return min(labels) if labels else Attribution.NARRATION.value


def _first_cue(claims: Sequence[_PClaim]) -> str | None:
    ordered = sorted(claims, key=lambda c: c.span or (0, 0))
    return next((c.cue for c in ordered if c.cue and c.speakers), None)


def _norm_cue(cue: str | None) -> str:
    """Cues are lemmatised lower-case phrases; case and spacing are not errors."""
    return " ".join((cue or "").lower().split())


def _merge_commitments(items: Iterable[_C]) -> dict[str, _C]:
    """One entry per type: the strongest modality, parties joined on a tie (FORMAT.md:
    "One entry per type per sentence ... keep the strongest")."""
    merged: dict[str, _C] = {}
    for c in items:
        have = merged.get(c.type)
        if have is None:
            merged[c.type] = c
            continue
        a, b = _STRENGTH.get(have.modality, 0), _STRENGTH.get(c.modality, 0)
        if b > a:
            merged[c.type] = c
        elif b == a:
            merged[c.type] = replace(have, parties=have.parties | c.parties)
    return merged


def _party_kind(gold: frozenset[str], predicted: frozenset[str]) -> str:
    if predicted < gold:
        return "commitment parties: predicted a subset of gold"
    if predicted > gold:
        return "commitment parties: predicted a superset of gold"
    return "commitment parties: different sides"


def _speaker_kind(gold: GoldSentence, p_label: str, pred: list[str], matched: int) -> str:
    g_label = gold.attribution
    if not gold.speakers:
        return f"speaker: predicted {p_label}, gold narration"
    if not pred:
        return f"speaker: predicted narration, gold {g_label}"
    if matched == len(pred):  # every predicted name is right: some are missing
        return f"speaker: missing co-speaker, gold {g_label}"
    if matched == len(gold.speakers):
        return f"speaker: extra speaker, gold {g_label}"
    return f"speaker: wrong speaker, gold {g_label}"


def _match_sentences(
    gold: GoldDocument, items: Sequence[_P], tally: Tally, errors: _Errors
) -> list[list[_P]]:
    """The predictions matched to each gold sentence; a prediction matching none is counted
    as a false positive here (one per speaker of a claim, one per commitment)."""
    slots: list[list[_P]] = [[] for _ in gold.sentences]
    for item in items:
        hits = [
            i
            for i, s in enumerate(gold.sentences)
            if item.span and spans_match(item.span, (s.start, s.end))
        ]
        for i in hits:
            slots[i].append(item)
        if hits:
            continue
        where = gold.text[item.span[0] : item.span[1]] if item.span else None
        if isinstance(item, _PClaim):
            tally.attribution.fp += len(_unique_names(item.speakers))
            if item.speakers:
                errors.add("claim outside gold sentences", text=where, predicted=item.describe())
        elif isinstance(item, _PCommitment):
            tally.commitment.fp += 1
            tally.type_tally(item.type).prf.fp += 1
            kind = f"commitment outside gold sentences: {item.type}"
            errors.add(kind, text=where, predicted=item.describe())
    return slots


def _score_speakers(s: GoldSentence, matched: list[_PClaim], tally: Tally, errors: _Errors) -> None:
    pred = _unique_names(n for c in matched for n in c.speakers)
    n_pairs = len(_pair_names(s.speakers, pred))
    tally.attribution.tp += n_pairs
    tally.attribution.fp += len(pred) - n_pairs
    tally.attribution.fn += len(s.speakers) - n_pairs
    same = n_pairs == len(s.speakers) == len(pred)
    if s.speakers:
        tally.speaker.add(same)
    p_label, p_cue = _label(matched), _first_cue(matched)
    cue_ok = _norm_cue(p_cue) == _norm_cue(s.cue)
    tally.attribution_label.add(p_label == s.attribution)
    if s.attribution == Attribution.EXPLICIT.value:
        tally.cue.add(cue_ok)
    gold_side = {"speakers": list(s.speakers), "attribution": s.attribution, "cue": s.cue}
    pred_side = {"speakers": pred, "attribution": p_label, "cue": p_cue}
    if not same:
        errors.add(_speaker_kind(s, p_label, pred, n_pairs), s, gold_side, pred_side)
    elif p_label != s.attribution:
        kind = f"attribution: predicted {p_label}, gold {s.attribution}"
        errors.add(kind, s, gold_side, pred_side)
    elif s.attribution == Attribution.EXPLICIT.value and not cue_ok:
        errors.add("cue: wrong cue", s, gold_side, pred_side)


def _score_commitments(
    s: GoldSentence, found: list[_PCommitment], tally: Tally, errors: _Errors
) -> None:
    gold_by_type = _merge_commitments(s.commitments)
    pred_by_type = _merge_commitments(found)
    for type_, g in gold_by_type.items():
        tt = tally.type_tally(type_)
        p = pred_by_type.get(type_)
        if p is None:
            tally.commitment.fn += 1
            tt.prf.fn += 1
            errors.add(f"commitment missed: {type_}", s, g.describe())
            continue
        tally.commitment.tp += 1
        tt.prf.tp += 1
        parties_ok, modality_ok = g.parties == p.parties, g.modality == p.modality
        tally.party.add(parties_ok)
        tt.parties.add(parties_ok)
        tally.modality.add(modality_ok)
        tt.modality.add(modality_ok)
        if not parties_ok:
            errors.add(_party_kind(g.parties, p.parties), s, g.describe(), p.describe())
        if not modality_ok:
            kind = f"commitment modality: predicted {p.modality}, gold {g.modality}"
            errors.add(kind, s, g.describe(), p.describe())
    for type_, p in pred_by_type.items():
        if type_ not in gold_by_type:
            tally.commitment.fp += 1
            tally.type_tally(type_).prf.fp += 1
            errors.add(f"commitment extra: {type_}", s, None, p.describe())


def _score_paragraphs(
    gold: GoldDocument, pred: Mapping[str, Any], tally: Tally, errors: _Errors
) -> None:
    predicted = set()
    for p in _as_list(pred.get("paragraphs")):
        span = _span(p) if isinstance(p, Mapping) else None
        if span is not None:
            predicted.add(_trim(gold.text, *span))
    expected = set(gold.paragraphs)
    tally.paragraph.tp += len(expected & predicted)
    tally.paragraph.fn += len(expected - predicted)
    tally.paragraph.fp += len(predicted - expected)
    for a, b in sorted(expected - predicted):
        errors.add("paragraph missed", gold={"start": a, "end": b}, text=gold.text[a:b])
    for a, b in sorted(predicted - expected):
        errors.add("paragraph extra", predicted={"start": a, "end": b}, text=gold.text[a:b])


def _same_text(a: Any, b: Any) -> bool:
    return " ".join(str(a or "").split()) == " ".join(str(b or "").split())


def _score_meta(gold: GoldDocument, pred: Mapping[str, Any], tally: Tally, errors: _Errors) -> None:
    meta = pred.get("meta") if isinstance(pred.get("meta"), Mapping) else {}
    date = meta.get("date")
    date = date.isoformat() if isinstance(date, dt.date) else date or None
    event_type = _value(meta.get("event_type"))
    location = meta.get("location") or None
    if gold.location and location:  # compared like names: "New Delhi" ~ "Delhi"
        location_ok = names_match(gold.location, location)
    else:  # "a missing location matches null"
        location_ok = not gold.location and not location
    for key, ratio, g, p, ok in (
        ("date", tally.date, gold.date, date, gold.date == date),
        (
            "event_type",
            tally.event_type,
            gold.event_type,
            event_type,
            gold.event_type == event_type,
        ),
        ("location", tally.location, gold.location, location, location_ok),
    ):
        ratio.add(ok)
        if not ok:
            errors.add(f"meta {key}", gold={key: g}, predicted={key: p})
    tally.title.add(_same_text(gold.title, meta.get("title")))

    participants = [p for p in _as_list(meta.get("participants")) if isinstance(p, Mapping)]
    names = [str(p.get("name") or "") for p in participants]
    pairs = _pair_names([p.name for p in gold.participants], names)
    tally.participants.tp += len(pairs)
    tally.participants.fn += len(gold.participants) - len(pairs)
    tally.participants.fp += len(names) - len(pairs)
    for g, p in pairs:
        country = str(participants[p].get("country") or "").strip().upper()
        tally.participant_country.add(country == gold.participants[g].country)
    paired_gold, paired_pred = {g for g, _ in pairs}, {p for _, p in pairs}
    for g, gp in enumerate(gold.participants):
        if g not in paired_gold:
            errors.add("participant missed", gold={"name": gp.name, "country": gp.country})
    for p, pp in enumerate(participants):
        if p not in paired_pred:
            side = {"name": pp.get("name"), "country": pp.get("country")}
            errors.add("participant extra", predicted=side)


def _as_gold(gold: GoldDocument | Mapping[str, Any], text: str) -> GoldDocument:
    if isinstance(gold, GoldDocument):
        return gold
    return read_gold(gold, text)


def score_document(
    gold: GoldDocument | Mapping[str, Any],
    text: str,
    predicted: Mapping[str, Any] | Any | None,
    *,
    failed: str | None = None,
) -> DocumentScore:
    """Score one prediction (a Readout's JSON, or a Readout) against one gold record.

    ``gold`` is the parsed ``.gold.json`` (validated here; ``GoldFormatError`` if it breaks
    FORMAT.md) or a ``GoldDocument``. Pass ``predicted=None, failed=<message>`` for a
    document whose analysis failed: everything in its gold then counts as missed.
    """
    doc = _as_gold(gold, text)
    pred = _as_prediction(predicted)
    tally = Tally(documents=1, sentences=len(doc.sentences))
    errors = _Errors(doc.name)
    claims_at = _match_sentences(doc, _claims(pred), tally, errors)
    commitments_at = _match_sentences(doc, _commitments(pred), tally, errors)
    for s, claims, commitments in zip(doc.sentences, claims_at, commitments_at, strict=True):
        _score_speakers(s, claims, tally, errors)
        _score_commitments(s, commitments, tally, errors)
    _score_paragraphs(doc, pred, tally, errors)
    _score_meta(doc, pred, tally, errors)
    if failed is not None:
        # FORMAT.md's "all its gold items count as misses": also the meta fields, which an
        # empty prediction could otherwise get right (a null location, a null date).
        for ratio in (tally.date, tally.event_type, tally.location, tally.title):
            ratio.correct = 0
        errors = _Errors(doc.name)
        errors.add("document failed", predicted={"error": failed})
    return DocumentScore(doc.name, doc.id, doc.style, tally, list(errors), failed)


def gold_to_prediction(gold: GoldDocument | Mapping[str, Any], text: str) -> dict[str, Any]:
    """The gold as a prediction in Readout JSON form (scores 1.0 everywhere).

    For checking the scorer, and as an example of the fields it reads.
    """
    doc = _as_gold(gold, text)
    claims = [
        {"start": s.start, "end": s.end, "speakers": list(s.speakers),
         "attribution": s.attribution, "cue": s.cue}
        for s in doc.sentences if s.speakers
    ]  # fmt: skip
    commitments = [
        {"start": s.start, "end": s.end, "type": c.type, "parties": sorted(c.parties),
         "modality": c.modality}
        for s in doc.sentences for c in s.commitments
    ]  # fmt: skip
    return {
        "meta": {
            "title": doc.title,
            "date": doc.date,
            "event_type": doc.event_type,
            "location": doc.location,
            "participants": [
                {"name": p.name, "country": p.country, "titles": list(p.titles)}
                for p in doc.participants
            ],
        },
        "paragraphs": [{"start": a, "end": b} for a, b in doc.paragraphs],
        "claims": claims,
        "commitments": commitments,
    }


# ---------------------------------------------------------------------------------------
# The folder


@dataclass
class Report:
    """Scores of a gold folder: totals, per document, per style, per commitment type."""

    documents: list[DocumentScore]
    gold_dir: str | None = None
    model: str | None = None

    @property
    def total(self) -> Tally:
        total = Tally()
        for d in self.documents:
            total += d.tally
        return total

    @property
    def failed(self) -> list[DocumentScore]:
        return [d for d in self.documents if d.failed is not None]

    def by_style(self) -> dict[str, Tally]:
        out: dict[str, Tally] = {}
        for d in self.documents:
            out.setdefault(d.style, Tally()).__iadd__(d.tally)
        return dict(sorted(out.items()))

    @property
    def errors(self) -> list[ScoringError]:
        return [e for d in self.documents for e in d.errors]

    def error_summary(self) -> list[tuple[str, int]]:
        """Error kinds, most frequent first."""
        counts = Counter(e.kind for e in self.errors)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def scores(self) -> dict[str, float | None]:
        return self.total.scores()

    def to_dict(self, errors: bool = False) -> dict[str, Any]:
        """The report as JSON-ready data; ``errors=True`` adds every error and the summary."""
        total = self.total
        out: dict[str, Any] = {
            "gold_dir": self.gold_dir,
            "model": self.model,
            "documents": len(self.documents),
            "sentences": total.sentences,
            "failed": [{"document": d.name, "error": d.failed} for d in self.failed],
            "scores": total.scores(),
            "diagnostics": total.diagnostics(),
            "counts": total.counts(),
            "per_type": total.per_type_scores(),
            "per_style": {
                style: {"documents": t.documents, "sentences": t.sentences, "scores": t.scores()}
                for style, t in self.by_style().items()
            },
            "per_document": {d.name: d.to_dict() for d in self.documents},
        }
        if errors:
            out["errors"] = [e.to_dict() for e in self.errors]
            out["most_frequent_errors"] = [
                {"kind": kind, "count": n} for kind, n in self.error_summary()
            ]
        return out


Predict = Callable[[str, str], Any]


def _progress(items: Sequence[GoldDocument], show: bool | None) -> Iterable[GoldDocument]:
    if show is None:
        show = sys.stderr.isatty()
    if not show:
        return items
    from tqdm import tqdm

    return tqdm(items, desc="evaluate", unit="doc", file=sys.stderr)


def evaluate(
    gold_dir: str | Path,
    model: Any = None,
    *,
    nlp: Any = None,
    predict: Predict | None = None,
    progress: bool | None = None,
) -> Report:
    """Score readout_nlp (or ``predict``) on every ``NAME.txt`` + ``NAME.gold.json`` pair.

    Every gold file is validated before anything runs, so a bad label fails fast with a
    ``GoldFormatError``. The predictions come from ``predict(text, name)`` (a dict in Readout
    JSON form, or a Readout) when given, else from ``readout_nlp.analyze`` with ``nlp`` or
    the pipeline ``load(model)`` builds. A document whose analysis raises a ``ReadoutError``
    is recorded as failed and the run goes on. ``progress`` shows a tqdm bar on stderr;
    by default only when stderr is a terminal.
    """
    docs = read_gold_dir(gold_dir)
    model_name: str | None = None
    if predict is None:
        from .pipeline import analyze, load

        pipeline = nlp if nlp is not None else load(model)
        meta = getattr(pipeline, "meta", None) or {}
        model_name = f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}"

        def run(text: str, name: str) -> Any:
            return analyze(text, source=name, nlp=pipeline)

        predict = run

    results = []
    for doc in _progress(docs, progress):
        # Warnings (e.g. "the text does not look English") are kept with the document's
        # score rather than printed once per document in the middle of the table.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                predicted, failed = predict(doc.text, doc.name), None
            except ReadoutError as exc:
                predicted, failed = None, f"{type(exc).__name__}: {exc}"
        score = score_document(doc, doc.text, predicted, failed=failed)
        score.warnings = [str(w.message) for w in caught]
        results.append(score)
    return Report(results, gold_dir=str(gold_dir), model=model_name)


# ---------------------------------------------------------------------------------------
# Printing


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def _divider(title: str, width: int = 80) -> str:
    bar = "=" * max(2, (width - len(title) - 2) // 2)
    return f"\n{bar} {title} {bar}"


_SCORE_DETAIL: dict[str, Callable[[Tally], str]] = {
    "speaker_acc": lambda t: f"{t.speaker.correct}/{t.speaker.total} sentences with speakers",
    "attribution_f": lambda t: "tp {tp}  fp {fp}  fn {fn}".format(**t.attribution.counts()),
    "commitment_f": lambda t: "tp {tp}  fp {fp}  fn {fn}".format(**t.commitment.counts()),
    "party_acc": lambda t: f"{t.party.correct}/{t.party.total} matched pairs",
    "modality_acc": lambda t: f"{t.modality.correct}/{t.modality.total} matched pairs",
    "paragraph_f": lambda t: "tp {tp}  fp {fp}  fn {fn}".format(**t.paragraph.counts()),
    "date_acc": lambda t: f"{t.date.correct}/{t.date.total} documents",
    "event_type_acc": lambda t: f"{t.event_type.correct}/{t.event_type.total} documents",
    "location_acc": lambda t: f"{t.location.correct}/{t.location.total} documents",
    "participants_f": lambda t: "tp {tp}  fp {fp}  fn {fn}".format(**t.participants.counts()),
}

# Short column heads for the per-style and per-document tables.
_COLUMNS = (
    ("speaker_acc", "SPK"), ("attribution_f", "ATT F"), ("commitment_f", "COM F"),
    ("party_acc", "PARTY"), ("modality_acc", "MOD"), ("paragraph_f", "PAR F"),
    ("date_acc", "DATE"), ("event_type_acc", "EVENT"), ("location_acc", "LOC"),
    ("participants_f", "PART F"),
)  # fmt: skip


def _short_table(rows: list[tuple[str, Tally]], first: str, with_docs: bool) -> str:
    counts = ("DOCS", "SENT") if with_docs else ("SENT",)
    header = (first, *counts, *(h for _, h in _COLUMNS))
    data = []
    for label, tally in rows:
        s = tally.scores()
        n = (tally.documents, tally.sentences) if with_docs else (tally.sentences,)
        data.append((label, *n, *(_pct(s[k]) for k, _ in _COLUMNS)))
    aligns = ("l",) + ("r",) * (len(header) - 1)
    return table(data, header=header, divider=True, aligns=aligns, max_col=60)


def _join(names: Sequence[str]) -> str:
    return ", ".join(names) if names else "-"


def _describe(side: Mapping[str, Any], kind: str = "") -> str:
    """One side of an error in a few words ("trade [CHN, KAZ] proposal", "Wang Yi (explicit,
    point out)"); the type is left out when the error's kind already names it."""
    if not side:
        return "-"
    if "type" in side:
        head = "" if kind.endswith(": " + side["type"]) else side["type"] + " "
        return f"{head}[{_join(side.get('parties') or [])}] {side.get('modality')}"
    if "speakers" in side:
        cue = f", {side['cue']}" if side.get("cue") else ""
        return f"{_join(side['speakers'])} ({side.get('attribution')}{cue})"
    if "name" in side:
        return f"{side['name']} ({side.get('country') or '?'})"
    if "start" in side:
        return f"chars {side['start']}..{side['end']}"
    if "error" in side:
        return str(side["error"])
    return ", ".join(repr(v) for v in side.values())


def _error_line(e: ScoringError) -> str:
    if e.gold and e.predicted:
        return f"{e.kind}: gold {_describe(e.gold)}; predicted {_describe(e.predicted)}"
    return f"{e.kind}: {_describe(e.gold or e.predicted, e.kind)}"


def _clip(text: str | None, n: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 3] + "..."


def _format_errors(report: Report) -> list[str]:
    lines = [_divider("Errors")]
    for d in report.documents:
        if not d.errors:
            continue
        lines.append(f"\n{d.name} ({d.style})")
        by_sentence: dict[int | None, list[ScoringError]] = {}
        for e in d.errors:
            by_sentence.setdefault(e.sentence, []).append(e)
        for index, errs in sorted(
            by_sentence.items(), key=lambda kv: (kv[0] is not None, kv[0] or 0)
        ):
            if index is None:
                for e in errs:
                    where = f' "{_clip(e.text, 100)}"' if e.text else ""
                    lines.append(f"  {_error_line(e)}{where}")
                continue
            lines.append(f'  [{index}] "{_clip(errs[0].text)}"')
            for e in errs:
                lines.append(f"      {_error_line(e)}")
    lines.append(_divider("Most frequent errors"))
    summary = report.error_summary()
    if summary:
        lines.append(
            table(summary, header=("KIND", "COUNT"), divider=True, aligns=("l", "r"), max_col=70)
        )
    else:
        lines.append("no errors")
    return lines


def format_report(report: Report, errors: bool = False) -> str:
    """The report as readable tables (percentages); ``errors=True`` adds every error,
    grouped by document and sentence, and the most frequent kinds of error."""
    total = report.total
    scores = total.scores()
    lines = [_divider("Scores")]
    failed = report.failed
    lines.append(
        f"{len(report.documents)} documents ({len(failed)} failed), {total.sentences} gold "
        f"sentences" + (f", {report.gold_dir}" if report.gold_dir else "")
        + (f", model {report.model}" if report.model else "")
    )  # fmt: skip
    rows = [
        (SCORE_LABELS[k], _pct(v), _SCORE_DETAIL.get(k, lambda t: "")(total))
        for k, v in scores.items()
    ]
    lines.append(
        table(
            rows,
            header=("METRIC", "SCORE", "COUNTS"),
            divider=True,
            aligns=("l", "r", "l"),
            max_col=60,
        )
    )
    for d in failed:
        lines.append(f"failed: {d.name}: {d.failed}")

    lines.append(_divider("Diagnostics (not FORMAT.md scores)"))
    diag = total.diagnostics()
    lines.append(
        table(
            [(DIAGNOSTIC_LABELS[k], _pct(v)) for k, v in diag.items()],
            aligns=("l", "r"),
            max_col=60,
        )
    )

    lines.append(_divider("Commitments by type"))
    per_type = total.per_type_scores()
    type_rows = [
        (t, _pct(s["p"]), _pct(s["r"]), _pct(s["f"]), s["gold"], s["predicted"],
         _pct(s["party_acc"]), _pct(s["modality_acc"]))
        for t, s in per_type.items()
    ]  # fmt: skip
    lines.append(
        table(type_rows, header=("TYPE", "P", "R", "F", "GOLD", "PRED", "PARTY", "MOD"),
              divider=True, aligns=("l",) + ("r",) * 7, max_col=40)
        if type_rows else "no commitments"
    )  # fmt: skip

    lines.append(_divider("By style"))
    lines.append(_short_table(list(report.by_style().items()), "STYLE", with_docs=True))
    lines.append(_divider("By document"))
    lines.append(
        _short_table(
            [(d.name + (" (failed)" if d.failed else ""), d.tally) for d in report.documents],
            "DOCUMENT",
            with_docs=False,
        )
    )
    if errors:
        lines.extend(_format_errors(report))
    return "\n".join(lines)
