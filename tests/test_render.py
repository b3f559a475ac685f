"""Rendering: every claim in its speaker's colour, commitments badged, legend, escaping.

The readouts here are built by hand from genre sentences (records are plain pydantic models),
so the tests check the renderer, not the state of attribution or commitments.
"""

from __future__ import annotations

import html
import importlib.util
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import readout_nlp
from readout_nlp.records import (
    Attribution,
    CharSpan,
    Claim,
    Commitment,
    Meta,
    Modality,
    Paragraph,
    Participant,
    Readout,
    Sentence,
    TextSpan,
)
from readout_nlp.render import (
    PALETTE,
    render_displacy,
    render_html,
    render_page,
    speaker_colours,
    to_displacy,
)

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# A State Department call readout (people are fictional). One paragraph per line.
US_CALL = (
    "Secretary Ellison’s Call with Ghanaian Foreign Minister Asante\n\n"
    "The below is attributable to Spokesperson Maria Cole:\n\n"
    "Secretary Daniel Ellison spoke today with Ghanaian Foreign Minister Kofi Asante. "
    "The Secretary welcomed Ghana’s leadership on the Accra Initiative & its <regional> "
    "security work. He urged continued cooperation against terrorism in the Sahel.\n\n"
    "Foreign Minister Asante said Ghana “stands ready” to host the next dialogue. "
    "Both sides agreed to hold a high-level dialogue in Accra later this year.\n"
)
PEOPLE = [
    Participant(name="Daniel Ellison", country="USA", titles=["Secretary"]),
    Participant(name="Kofi Asante", country="GHA", titles=["Foreign Minister"]),
]
# (sentence start, speakers, attribution, cue, speaker words, cue words)
CLAIMS = [
    ("The Secretary welcomed", ["Daniel Ellison"], "explicit", "welcome", "The Secretary", "welcomed"),
    ("He urged", ["Daniel Ellison"], "explicit", "urge", "He", "urged"),
    ("Foreign Minister Asante said", ["Kofi Asante"], "explicit", "say", "Foreign Minister Asante", "said"),
    ("Both sides agreed", ["Daniel Ellison", "Kofi Asante"], "explicit", "agree", "Both sides", "agreed"),
]
# (sentence start, type, modality, parties, trigger)
COMMITMENTS = [
    ("The Secretary welcomed", "security", "support", ["USA"], "welcomed"),
    ("He urged", "security", "proposal", ["GHA"], "urged continued cooperation"),
    ("Both sides agreed", "high_level_exchanges", "agreement", ["USA", "GHA"], "high-level dialogue"),
]


def build(
    text: str = US_CALL,
    people: list[Participant] = PEOPLE,
    claims: list[tuple] = CLAIMS,
    commitments: list[tuple] = COMMITMENTS,
    continuation: tuple[str, ...] = (),
) -> Readout:
    """A Readout over `text`: paragraphs = blocks after the headline, sentences split at ". "."""
    blocks = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)][1:]
    blocks = [(a, b) for a, b in blocks if not text[a:b].startswith("The below")]
    paragraphs = [Paragraph(start=a, end=b, text=text[a:b]) for a, b in blocks]
    sentences = []
    for k, (a, b) in enumerate(blocks):
        for m in re.finditer(r".+?(?:\.(?=\s|$)|$)", text[a:b]):
            s, e = a + m.start(), a + m.end()
            s += len(text[s:e]) - len(text[s:e].lstrip())
            if s < e:
                sentences.append(Sentence(start=s, end=e, text=text[s:e], paragraph=k))

    def sentence_at(prefix: str) -> tuple[int, Sentence]:
        return next((i, s) for i, s in enumerate(sentences) if s.text.startswith(prefix))

    def span(s: Sentence, words: str) -> CharSpan:
        start = text.index(words, s.start)
        return CharSpan(start=start, end=start + len(words))

    claim_records = []
    for prefix, speakers, how, cue, who, cue_words in claims:
        i, s = sentence_at(prefix)
        claim_records.append(
            Claim(start=s.start, end=s.end, text=s.text, paragraph=s.paragraph, sentence=i,
                  speakers=speakers, attribution=Attribution(how), cue=cue,
                  speaker_span=span(s, who), cue_span=span(s, cue_words), rule=f"explicit.{how}")
        )
    for prefix in continuation:
        i, s = sentence_at(prefix)
        claim_records.append(
            Claim(start=s.start, end=s.end, text=s.text, paragraph=s.paragraph, sentence=i,
                  speakers=claim_records[-1].speakers, attribution=Attribution.CONTINUATION,
                  rule="continuation.turn")
        )
    claim_records.sort(key=lambda c: c.start)
    commitment_records = []
    for prefix, type_, modality, parties, trigger in commitments:
        i, s = sentence_at(prefix)
        t = span(s, trigger)
        commitment_records.append(
            Commitment(start=s.start, end=s.end, text=s.text, type=type_, parties=parties,
                       modality=Modality(modality), speakers=[], sentence=i,
                       trigger=TextSpan(start=t.start, end=t.end, text=text[t.start:t.end]),
                       cameo="036", plover="CONSULT", rule=f"type:{type_}.test")
        )
    return Readout(
        source="us-call.txt", text=text,
        meta=Meta(title=text.split("\n", 1)[0], participants=people, publisher="USA"),
        paragraphs=paragraphs, sentences=sentences, claims=claim_records,
        commitments=commitment_records,
    )


class Marks(HTMLParser):
    """Collects what the rendered HTML marks: text per claim, speakers, chips, badges, legend,
    and the body text with chips and badges left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.claim_text: dict[int, str] = {}
        self.claim_speakers: dict[int, str] = {}
        self.claim_styles: dict[int, set[str]] = {}
        self.chips: list[str] = []
        self.badges: list[str] = []
        self.legend: list[tuple[str, str]] = []
        self.paragraphs: dict[int, str] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("wbr", "br", "hr", "img", "meta", "link", "input"):
            return  # void elements have no end tag
        a = dict(attrs)
        self.stack.append(a)
        role = a.get("data-role")
        if role == "legend-speaker":
            self.legend.append((a["data-speaker"], a["data-colour"]))
        if role == "claim":
            i = int(a["data-claim"])
            self.claim_speakers[i] = a["data-speakers"]
            self.claim_styles.setdefault(i, set()).add(a["style"])
        if role == "paragraph":
            self.paragraphs[int(a["data-paragraph"])] = ""

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        roles = [a.get("data-role") for a in self.stack]
        if "speaker-chip" in roles:
            self.chips.append(data)
            return
        if "commitment" in roles:
            self.badges.append(data)
            return
        if "paragraph" in roles:
            k = int(next(a for a in self.stack if a.get("data-role") == "paragraph")["data-paragraph"])
            self.paragraphs[k] += data
        claim = next((a for a in reversed(self.stack) if a.get("data-role") == "claim"), None)
        if claim is not None:
            i = int(claim["data-claim"])
            self.claim_text[i] = self.claim_text.get(i, "") + data


def marks(markup: str) -> Marks:
    m = Marks()
    m.feed(markup)
    m.close()
    return m


@pytest.fixture(scope="module")
def readout() -> Readout:
    return build()


# ---------------------------------------------------------------------------------------
# The default view


@pytest.mark.parametrize("i", range(len(CLAIMS)))
def test_each_claim_is_one_highlight_with_its_text(readout, i):
    m = marks(render_html(readout))
    assert m.claim_text[i] == readout.claims[i].text


@pytest.mark.parametrize("i", range(len(CLAIMS)))
def test_each_claim_is_in_its_speakers_colours(readout, i):
    colours = speaker_colours(readout)
    m = marks(render_html(readout))
    claim = readout.claims[i]
    assert m.claim_speakers[i] == "|".join(claim.speakers)
    for style in m.claim_styles[i]:
        for name in claim.speakers:
            assert colours[name] in style
        if len(claim.speakers) > 1:  # "Both sides agreed": one stripe per speaker
            assert "repeating-linear-gradient" in style


def test_speakers_get_distinct_colours_participants_first(readout):
    colours = speaker_colours(readout)
    assert list(colours) == ["Daniel Ellison", "Kofi Asante"]
    assert colours["Daniel Ellison"] == PALETTE[0] and colours["Kofi Asante"] == PALETTE[1]


def test_many_speakers_still_get_distinct_colours():
    people = [Participant(name=f"Minister {i}", country="FRA") for i in range(25)]
    colours = speaker_colours(build(people=people, claims=[], commitments=[]))
    assert len(set(colours.values())) == 25
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours.values())


def test_legend_lists_participants_with_country_and_claim_count(readout):
    markup = render_html(readout)
    m = marks(markup)
    assert m.legend == list(speaker_colours(readout).items())
    assert "USA; Secretary; 3 claims" in html.unescape(markup)
    assert "GHA; Foreign Minister; 2 claims" in html.unescape(markup)


@pytest.mark.parametrize(
    "continued, chips",
    [
        ((), ["Daniel Ellison · welcome", "Daniel Ellison · urge", "Kofi Asante · say",
              "Daniel Ellison + Kofi Asante · agree"]),
        # "Both sides agreed ..." carried over from Asante's turn: no chip for it.
        (("Both sides",), ["Daniel Ellison · welcome", "Daniel Ellison · urge",
                           "Kofi Asante · say"]),
    ],
)
def test_chips_mark_explicit_claims_only(continued, chips):
    claims = [c for c in CLAIMS if not c[0].startswith(continued)] if continued else CLAIMS
    r = build(claims=claims, continuation=continued)
    assert marks(render_html(r)).chips == chips


@pytest.mark.parametrize(
    "j, badge",
    [
        (0, "security · support → USA"),
        (1, "security · proposal → GHA"),
        (2, "high_level_exchanges · agreement → USA, GHA"),
    ],
)
def test_commitments_are_badged_with_type_modality_parties(readout, j, badge):
    m = marks(render_html(readout))
    assert m.badges[j] == badge


def test_commitment_tooltip_traces_trigger_codes_and_rule(readout):
    markup = html.unescape(render_html(readout))
    assert "trigger: “high-level dialogue”" in markup
    assert "CAMEO 036" in markup and "PLOVER CONSULT" in markup
    assert "rule: type:high_level_exchanges.test" in markup


def test_text_is_escaped_and_offsets_untouched(readout):
    markup = render_html(readout)
    assert "<regional>" not in markup and "&lt;regional&gt;" in markup
    assert "Initiative &amp; its" in markup
    m = marks(markup)
    assert [m.paragraphs[k] for k in range(len(readout.paragraphs))] == [
        p.text for p in readout.paragraphs
    ]


def test_hostile_text_cannot_inject_markup():
    text = (
        "Readout\n\n"
        'Minister Asante said "<script>alert(1)</script>" was in the draft <img src=x onerror=y>.\n'
    )
    r = build(
        text=text,
        claims=[("Minister Asante said", ["Kofi Asante"], "explicit", "say", "Minister Asante", "said")],
        commitments=[],
    )
    markup = render_html(r)
    assert "<script" not in markup and "<img" not in markup
    assert marks(markup).claim_text[0] == r.claims[0].text


def test_narration_only_readout_renders_plainly():
    r = build(claims=[], commitments=[])
    m = marks(render_html(r))
    assert m.claim_text == {} and m.badges == []
    assert [m.paragraphs[k] for k in range(len(r.paragraphs))] == [p.text for p in r.paragraphs]


def test_page_is_standalone(readout):
    page = render_page(readout)
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert not re.search(r"""(src|href)=["']?https?:""", page)  # nothing fetched from the web
    assert render_html(readout) in page


def test_jupyter_display_hooks(readout):
    assert readout._repr_html_() == render_html(readout)
    shown = readout_nlp.render(readout)
    assert isinstance(shown, str) and shown._repr_html_() == str(shown)


def test_unknown_style_is_refused(readout):
    with pytest.raises(ValueError, match="unknown style"):
        readout_nlp.render(readout, style="svg")


# ---------------------------------------------------------------------------------------
# displaCy's span style


def test_to_displacy_gives_a_span_per_speaker_and_commitment(readout):
    docs = to_displacy(readout)
    assert len(docs) == len(readout.paragraphs)
    labels = [s["label"] for d in docs for s in d["spans"]]
    assert labels.count("Daniel Ellison") == 3 and labels.count("Kofi Asante") == 2
    assert "high_level_exchanges · agreement" in labels
    for d in docs:
        assert " ".join(d["tokens"]) == " ".join(d["text"].split())


def test_displacy_render_uses_the_speaker_colours(readout):
    markup = render_displacy(readout)
    for colour in speaker_colours(readout).values():
        assert f"background: {colour}" in markup
    assert "&lt;regional&gt;" in markup and "<regional>" not in markup


# ---------------------------------------------------------------------------------------
# In a real browser


def _screenshot_module():
    spec = importlib.util.spec_from_file_location("screenshot", ROOT / "scripts" / "screenshot.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["screenshot"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium package")
def test_seed_readout_highlights_show_in_headless_chromium(nlp, tmp_path):
    shot = _screenshot_module()
    readout = shot.seed_readout(nlp)
    report = shot.check(readout, tmp_path, chromium=CHROMIUM)
    assert report.dom_claims == len(readout.claims) > 0
    assert report.dom_speakers == {name for c in readout.claims for name in c.speakers}
    for name, pixels in report.pixels.items():
        assert pixels > 1000, f"{name}'s colour hardly shows in the screenshot"
