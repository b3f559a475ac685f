"""Typed records: what `readout_nlp.analyze` returns and what batch runs write.

Every span record carries `start`/`end` character offsets into the text the user passed in,
and `text == readout.text[start:end]` holds for each of them (checked by `Readout`'s
validator). Labels are `str` enums so they serialise as plain strings.

The JSON field names are a contract: the gold scorer (FORMAT.md) reads
`meta.title/date/event_type/location/participants[].name/country/titles`,
`paragraphs[].start/end`, `claims[].start/end/speakers/attribution/cue` and
`commitments[].start/end/type/parties/modality`.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .about import __version__

SCHEMA_NAME = "readout_nlp.Readout"
SCHEMA_VERSION = "1.0.0"


class EventType(str, Enum):
    """What kind of diplomatic event the readout reports."""

    TALKS = "talks"
    MEETING = "meeting"
    PHONE_CALL = "phone_call"
    VIDEO_CALL = "video_call"
    JOINT_STATEMENT = "joint_statement"
    VISIT = "visit"
    OTHER = "other"


class Attribution(str, Enum):
    """How a sentence got its speaker(s)."""

    EXPLICIT = "explicit"  # the sentence names its speaker with a reporting cue
    CONTINUATION = "continuation"  # no cue: the speaker carries over from context
    NARRATION = "narration"  # no speaker: the readout reports an event or setting


class Modality(str, Enum):
    """How firmly a commitment is made (FORMAT.md, "modality")."""

    PLEDGE = "pledge"
    INTENT = "intent"
    PROPOSAL = "proposal"
    AGREEMENT = "agreement"
    SUPPORT = "support"
    COMPLETED = "completed"


#: When one sentence gives one type two modalities, the strongest is kept (FORMAT.md).
MODALITY_STRENGTH: dict[Modality, int] = {
    Modality.COMPLETED: 6,
    Modality.AGREEMENT: 5,
    Modality.PLEDGE: 4,
    Modality.INTENT: 3,
    Modality.SUPPORT: 2,
    Modality.PROPOSAL: 1,
}


class CommitmentType(str, Enum):
    """The default taxonomy's types. A user taxonomy may add others, so records keep `str`."""

    BRI_COOPERATION = "bri_cooperation"
    TRADE = "trade"
    INVESTMENT_FINANCE = "investment_finance"
    CONNECTIVITY_INFRASTRUCTURE = "connectivity_infrastructure"
    INDUSTRY_CAPACITY = "industry_capacity"
    ENERGY = "energy"
    AGRICULTURE = "agriculture"
    SCIENCE_TECHNOLOGY = "science_technology"
    SECURITY = "security"
    HIGH_LEVEL_EXCHANGES = "high_level_exchanges"
    PEOPLE_TO_PEOPLE = "people_to_people"
    MULTILATERAL_COORDINATION = "multilateral_coordination"
    POLITICAL_SUPPORT = "political_support"
    STRATEGIC_PARTNERSHIP = "strategic_partnership"
    AGREEMENT_SIGNED = "agreement_signed"
    HEALTH = "health"
    CLIMATE_ENVIRONMENT = "climate_environment"
    REGIONAL_ISSUES = "regional_issues"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False, frozen=False)


class CharSpan(_Record):
    """A half-open character range `[start, end)` into the original text."""

    start: Annotated[int, Field(ge=0, description="Offset of the first character.")]
    end: Annotated[int, Field(ge=0, description="Offset one past the last character.")]

    @model_validator(mode="after")
    def _ordered(self) -> CharSpan:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class TextSpan(CharSpan):
    """A span that also carries its text (`text == readout.text[start:end]`)."""

    text: Annotated[str, Field(description="The span's text, copied from the original.")]


class Participant(_Record):
    """A principal participant of the event."""

    name: Annotated[str, Field(description="Fullest form of the name found in the document.")]
    country: Annotated[
        str | None,
        Field(description="ISO 3166-1 alpha-3 code, or an organisation code such as EU or UN."),
    ] = None
    titles: Annotated[list[str], Field(description="Titles as printed.")] = []
    aliases: Annotated[
        list[str],
        Field(description="Other ways the document refers to this person (surname, title forms)."),
    ] = []
    mentions: Annotated[
        list[CharSpan], Field(description="Where the name or an alias occurs in the text.")
    ] = []


class Meta(_Record):
    """What the readout is about: the event, when, where and who."""

    title: Annotated[str | None, Field(description="The headline as printed.")] = None
    date: Annotated[dt.date | None, Field(description="Date of the event (ISO).")] = None
    event_type: Annotated[EventType, Field(description="Kind of event.")] = EventType.OTHER
    location: Annotated[
        str | None, Field(description="City where it took place; null for calls.")
    ] = None
    participants: Annotated[list[Participant], Field(description="Principal participants.")] = []
    publisher: Annotated[
        str | None,
        Field(description="Code of the government that published the readout, when it can be told."),
    ] = None
    title_span: Annotated[CharSpan | None, Field(description="Where the headline is.")] = None
    rules: Annotated[
        dict[str, str], Field(description="Which rule decided each field (for tracing).")
    ] = {}


class Sentence(TextSpan):
    """One sentence of a body paragraph."""

    paragraph: Annotated[int, Field(ge=0, description="Index into `Readout.paragraphs`.")]


class Paragraph(TextSpan):
    """A body paragraph (boilerplate, headline, datelines and list markers excluded)."""

    heading: Annotated[
        str | None, Field(description="The section heading the paragraph sits under, if any.")
    ] = None


class Claim(TextSpan):
    """A sentence presented as someone's words, with who said it and why we think so."""

    paragraph: Annotated[int, Field(ge=0, description="Index into `Readout.paragraphs`.")]
    sentence: Annotated[int, Field(ge=0, description="Index into `Readout.sentences`.")]
    speakers: Annotated[list[str], Field(description="Canonical participant names.")]
    attribution: Annotated[Attribution, Field(description="explicit or continuation.")]
    cue: Annotated[str | None, Field(description="Lemmatised reporting cue, if explicit.")] = None
    cue_span: Annotated[CharSpan | None, Field(description="Where the cue is.")] = None
    speaker_span: Annotated[
        CharSpan | None, Field(description="Where the speaker reference is, if explicit.")
    ] = None
    rule: Annotated[str, Field(description="Id of the rule that assigned the speaker.")]


class Commitment(TextSpan):
    """A typed commitment: who would act, on what, how firmly."""

    type: Annotated[str, Field(description="Taxonomy type id (see CommitmentType).")]
    parties: Annotated[
        list[str], Field(description="Codes of the sides that would act (ISO alpha-3 / org).")
    ]
    modality: Annotated[Modality, Field(description="How firmly it is made.")]
    speakers: Annotated[list[str], Field(description="Speaker(s) of the claim it sits in.")] = []
    sentence: Annotated[int, Field(ge=0, description="Index into `Readout.sentences`.")]
    trigger: Annotated[
        TextSpan | None, Field(description="The words that matched the type's pattern.")
    ] = None
    cameo: Annotated[str | None, Field(description="CAMEO event code.")] = None
    plover: Annotated[str | None, Field(description="PLOVER event type.")] = None
    plover_context: Annotated[
        str | None, Field(description="PLOVER context of the type (economic, diplomatic ...).")
    ] = None
    rule: Annotated[str, Field(description="Ids of the rules that fired (type|modality|parties).")]


class Readout(_Record):
    """Everything `readout_nlp` reads out of one document."""

    schema_name: Annotated[str, Field(description="Name of this record schema.")] = SCHEMA_NAME
    schema_version: Annotated[str, Field(description="Version of this record schema.")] = (
        SCHEMA_VERSION
    )
    library_version: Annotated[str, Field(description="readout_nlp version.")] = __version__
    source: Annotated[str | None, Field(description="Where the text came from (a path).")] = None
    text: Annotated[str, Field(description="The original text; all offsets point into it.")]
    meta: Meta = Meta()
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    claims: list[Claim] = []
    commitments: list[Commitment] = []
    warnings: Annotated[list[str], Field(description="Things the reader should know.")] = []

    @model_validator(mode="after")
    def _offsets_point_into_text(self) -> Readout:
        n = len(self.text)
        for kind in ("paragraphs", "sentences", "claims", "commitments"):
            for i, rec in enumerate(getattr(self, kind)):
                if rec.end > n:
                    raise ValueError(f"{kind}[{i}] ends at {rec.end}, past the text ({n})")
                if self.text[rec.start : rec.end] != rec.text:
                    raise ValueError(f"{kind}[{i}].text does not equal text[start:end]")
        names = {p.name for p in self.meta.participants}
        for kind in ("claims", "commitments"):
            for i, rec in enumerate(getattr(self, kind)):
                unknown = [s for s in rec.speakers if s not in names]
                if unknown:
                    raise ValueError(f"{kind}[{i}] speakers {unknown} are not participants")
        return self

    # -- conveniences for notebooks ---------------------------------------------------------
    def speaker_of(self, sentence_index: int) -> list[str]:
        """Speakers of a sentence, `[]` for narration."""
        for claim in self.claims:
            if claim.sentence == sentence_index:
                return list(claim.speakers)
        return []

    def to_json(self, **kwargs: Any) -> str:
        """The readout as a JSON string (`model_dump_json`)."""
        return self.model_dump_json(**kwargs)

    def _repr_html_(self) -> str:
        """Jupyter shows a readout as its highlighted text (`readout_nlp.render`)."""
        from .render import render_html

        return render_html(self)

    def claims_frame(self) -> Any:
        """The claims as a pandas DataFrame (needs the `frames` extra)."""
        from .frames import claims_frame

        return claims_frame(self)

    def commitments_frame(self) -> Any:
        """The commitments as a pandas DataFrame (needs the `frames` extra)."""
        from .frames import commitments_frame

        return commitments_frame(self)
