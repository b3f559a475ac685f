"""HTML views of a Readout: the text with each claim in its speaker's colour.

    >>> html = readout_nlp.render(readout)            # doctest: +SKIP
    >>> readout                                       # in Jupyter: shows the same view

Two styles:

- ``"readout"`` (the default, :func:`render_html`): the body paragraphs with their original
  whitespace; every claim highlighted in its speaker's colour (stripes when several speak);
  a chip naming the speaker and cue where the readout names them (explicit attribution), none
  where the speaker carries over (continuation); narration left plain; commitments underlined
  with a badge ``type · modality → parties``; a legend of participants, and a table of the
  commitments. Self-contained HTML with inline ``style`` attributes only, so it survives
  Jupyter, VS Code, a saved page or an e-mail, and every element carries ``data-*`` attributes
  (claim index, speakers, attribution) that tests and scripts can query.
- ``"span"`` (:func:`render_displacy`): spaCy's displaCy span visualiser fed with
  :func:`to_displacy`'s manual dicts, for users who know that look or want ``displacy.serve``.

Why the default is our own markup rather than displaCy's span style: displaCy draws spans as
bars under whitespace-joined tokens, which loses a readout's paragraph layout and has no way
to embolden a speaker or underline a cue inside a sentence-long span, nor to add tooltips with
the rule ids that make a decision traceable. Both styles take their colours from
:func:`speaker_colours`, so a speaker looks the same in either.
"""

from __future__ import annotations

import colorsys
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from .records import Attribution, Claim, Commitment, Modality, Readout

#: Light backgrounds that keep dark text readable and stay apart from one another (ColorBrewer
#: "Paired"/"Set3" light members). Speakers beyond these get generated hues.
PALETTE: tuple[str, ...] = (
    "#a6cee3",  # light blue
    "#fdbf6f",  # light orange
    "#b2df8a",  # light green
    "#fb9a99",  # pink
    "#cab2d6",  # lavender
    "#ffed6f",  # yellow
    "#8dd3c7",  # teal
    "#fccde5",  # rose
    "#d9d9d9",  # grey
    "#ccebc5",  # mint
)

#: Badge colours per modality (white text on them).
MODALITY_COLOURS: dict[Modality, str] = {
    Modality.PLEDGE: "#1b7837",
    Modality.INTENT: "#4d9221",
    Modality.PROPOSAL: "#2166ac",
    Modality.AGREEMENT: "#762a83",
    Modality.SUPPORT: "#b35806",
    Modality.COMPLETED: "#b2182b",
}

_FONT = (
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif, "
    "'Apple Color Emoji', 'Segoe UI Emoji'"
)
_ROOT_STYLE = (
    f"font-family: {_FONT}; font-size: 15px; line-height: 1.9; color: #222; "
    "background: #fff; max-width: 62em; padding: 0.5em 1em;"
)


class HTML(str):
    """A ``str`` of HTML that Jupyter displays as HTML (and files receive as plain text)."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


# ---------------------------------------------------------------------------------------
# Colours


def _generated_colour(i: int) -> str:
    # Golden-ratio hue steps give well-separated hues for however many extra speakers there
    # are; light and desaturated so the text stays readable.
    hue = (0.13 + i * 0.618033988749895) % 1.0
    r, g, b = colorsys.hls_to_rgb(hue, 0.82, 0.55)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def speaker_colours(readout: Readout) -> dict[str, str]:
    """A colour per speaker: participants in their listed order, then other speakers of claims.

    Deterministic, so the same readout always gets the same colours and a participant keeps
    its colour whether or not it has claims.
    """
    names: list[str] = []
    for p in readout.meta.participants:
        if p.name not in names:
            names.append(p.name)
    for c in readout.claims:
        for name in c.speakers:
            if name not in names:
                names.append(name)
    return {
        name: PALETTE[i] if i < len(PALETTE) else _generated_colour(i - len(PALETTE))
        for i, name in enumerate(names)
    }


def _claim_background(speakers: list[str], colours: dict[str, str]) -> str:
    cols = [colours.get(s, PALETTE[-2]) for s in speakers] or [PALETTE[-2]]
    if len(cols) == 1:
        return f"background: {cols[0]};"
    # A claim of several speakers ("Both sides agreed ...") shows each speaker's colour as a
    # stripe, so no speaker disappears behind another.
    stops = ", ".join(f"{c} {i * 7}px {(i + 1) * 7}px" for i, c in enumerate(cols))
    return f"background: repeating-linear-gradient(135deg, {stops});"


# ---------------------------------------------------------------------------------------
# The default view


def _modality(c: Commitment) -> Modality:
    return c.modality if isinstance(c.modality, Modality) else Modality(c.modality)


def _commitment_label(c: Commitment) -> str:
    label = f"{c.type} · {_modality(c).value}"
    if c.parties:
        label += " → " + ", ".join(c.parties)
    return label


def _commitment_tooltip(c: Commitment) -> str:
    parts = [
        f"type: {c.type}",
        f"modality: {_modality(c).value}",
        f"parties: {', '.join(c.parties) or '—'}",
    ]
    if c.speakers:
        parts.append(f"speakers: {', '.join(c.speakers)}")
    if c.trigger is not None:
        parts.append(f"trigger: “{c.trigger.text}”")
    if c.cameo:
        parts.append(f"CAMEO {c.cameo}")
    if c.plover:
        parts.append(f"PLOVER {c.plover}")
    parts.append(f"rule: {c.rule}")
    return "\n".join(parts)


def _claim_tooltip(c: Claim) -> str:
    how = c.attribution.value if isinstance(c.attribution, Attribution) else str(c.attribution)
    text = f"{' + '.join(c.speakers)} — {how}"
    if c.cue:
        text += f", cue “{c.cue}”"
    return f"{text}\nrule: {c.rule}"


def _claim_chip(c: Claim, colours: dict[str, str]) -> str:
    label = " + ".join(c.speakers)
    if c.cue:
        label += f" · {c.cue}"
    return (
        f'<span data-role="speaker-chip" style="{_claim_background(c.speakers, colours)} '
        "border: 1px solid #555; border-radius: 3px; font-size: 0.68em; font-weight: 600; "
        'padding: 0 4px; margin-right: 3px; vertical-align: 0.25em; white-space: nowrap;">'
        f"{_esc(label)}</span>"
    )


def _badge(c: Commitment, j: int) -> str:
    colour = MODALITY_COLOURS.get(_modality(c), "#555")
    return (
        f'<span data-role="commitment" data-commitment="{j}" data-type="{_esc(c.type)}" '
        f'data-modality="{_esc(_modality(c).value)}" title="{_esc(_commitment_tooltip(c))}" '
        f'style="background: {colour}; color: #fff; border-radius: 3px; font-size: 0.68em; '
        "font-weight: 600; padding: 0 4px; margin: 0 2px; vertical-align: 0.25em; "
        f'white-space: nowrap;">{_esc(_commitment_label(c))}</span><wbr>'
    )  # <wbr>: a row of badges may wrap between badges, never inside one


@dataclass
class _Layers:
    """What covers one character range of a paragraph."""

    claim: int | None = None
    speaker: bool = False
    cue: bool = False
    commitments: list[int] = field(default_factory=list)


def _piece_style(layers: _Layers, readout: Readout, colours: dict[str, str]) -> str:
    style = ""
    if layers.claim is not None:
        style += _claim_background(readout.claims[layers.claim].speakers, colours)
        style += " box-decoration-break: clone; -webkit-box-decoration-break: clone;"
    if layers.speaker:
        style += " font-weight: 700;"
    if layers.cue:
        style += " text-decoration: underline; text-decoration-thickness: 2px;"
    if layers.commitments:
        c = readout.commitments[layers.commitments[0]]
        style += f" border-bottom: 2px solid {MODALITY_COLOURS.get(_modality(c), '#555')};"
    return style.strip()


def _paragraph_html(readout: Readout, start: int, end: int, colours: dict[str, str]) -> str:
    """One paragraph as flat ``<span>`` pieces, cut wherever a claim, speaker, cue or
    commitment starts or ends; badges go after the piece where their commitment ends."""
    text = readout.text

    def clip(a: int, b: int) -> tuple[int, int] | None:
        a, b = max(a, start), min(b, end)
        return (a, b) if a < b else None

    claims = [(i, clip(c.start, c.end)) for i, c in enumerate(readout.claims)]
    claims = [(i, span) for i, span in claims if span]
    speaker_spans = []
    cue_spans = []
    for i, _span in claims:
        c = readout.claims[i]
        if c.speaker_span is not None and (s := clip(c.speaker_span.start, c.speaker_span.end)):
            speaker_spans.append(s)
        if c.cue_span is not None and (s := clip(c.cue_span.start, c.cue_span.end)):
            cue_spans.append(s)
    commitments = [(j, clip(c.start, c.end)) for j, c in enumerate(readout.commitments)]
    commitments = [(j, span) for j, span in commitments if span]

    cuts = {start, end}
    for _, (a, b) in [*claims, *commitments]:
        cuts.update((a, b))
    for a, b in [*speaker_spans, *cue_spans]:
        cuts.update((a, b))
    bounds = sorted(cuts)

    claim_starts = {i: span[0] for i, span in claims}
    out: list[str] = []
    for a, b in pairwise(bounds):
        layers = _Layers(
            claim=next((i for i, (s, e) in claims if s <= a and b <= e), None),
            speaker=any(s <= a and b <= e for s, e in speaker_spans),
            cue=any(s <= a and b <= e for s, e in cue_spans),
            commitments=[j for j, (s, e) in commitments if s <= a and b <= e],
        )
        piece = _esc(text[a:b])
        style = _piece_style(layers, readout, colours)
        if layers.claim is not None:
            claim = readout.claims[layers.claim]
            if a == claim_starts[layers.claim] and claim.attribution == Attribution.EXPLICIT:
                out.append(_claim_chip(claim, colours))
            how = claim.attribution.value
            out.append(
                f'<span data-role="claim" data-claim="{layers.claim}" '
                f'data-speakers="{_esc("|".join(claim.speakers))}" data-attribution="{how}" '
                f'title="{_esc(_claim_tooltip(claim))}" style="{style}">{piece}</span>'
            )
        elif style:
            out.append(f'<span style="{style}">{piece}</span>')
        else:
            out.append(piece)
        for j, (_s, e) in commitments:
            if e == b:
                out.append(_badge(readout.commitments[j], j))
    return "".join(out)


def _header_html(readout: Readout) -> str:
    meta = readout.meta
    title = meta.title or (readout.source and readout.source.rsplit("/", 1)[-1]) or "Readout"
    facts = []
    if meta.date:
        facts.append(meta.date.isoformat())
    if meta.event_type and meta.event_type.value != "other":
        facts.append(meta.event_type.value.replace("_", " "))
    if meta.location:
        facts.append(meta.location)
    if meta.publisher:
        facts.append(f"published by {meta.publisher}")
    if readout.source:
        facts.append(f"source: {readout.source}")
    return (
        f'<div data-role="title" style="font-size: 1.25em; font-weight: 700; line-height: 1.3; '
        f'margin: 0.3em 0;">{_esc(title)}</div>'
        f'<div style="color: #666; font-size: 0.85em; line-height: 1.4;">'
        f"{_esc(' · '.join(facts))}</div>"
    )


def _swatch(background: str) -> str:
    return (
        f'<span style="{background} display: inline-block; width: 1.6em; height: 0.95em; '
        "border: 1px solid #555; border-radius: 2px; vertical-align: -0.1em; "
        'margin-right: 0.35em;"></span>'
    )


def _legend_html(readout: Readout, colours: dict[str, str], key: bool = True) -> str:
    """Participants (and other speakers) with their colours; ``key`` adds how to read the
    marks of the default view."""
    counts: dict[str, int] = {}
    for c in readout.claims:
        for name in c.speakers:
            counts[name] = counts.get(name, 0) + 1
    by_name = {p.name: p for p in readout.meta.participants}
    items = []
    for name, colour in colours.items():
        p = by_name.get(name)
        details = []
        if p is not None and p.country:
            details.append(p.country)
        if p is not None and p.titles:
            details.append(", ".join(p.titles))
        n = counts.get(name, 0)
        details.append(f"{n} claim{'s' if n != 1 else ''}")
        items.append(
            f'<span data-role="legend-speaker" data-speaker="{_esc(name)}" '
            f'data-colour="{colour}" style="margin-right: 1.4em; white-space: nowrap;">'
            f"{_swatch(f'background: {colour};')}<b>{_esc(name)}</b> "
            f'<span style="color: #666;">({_esc("; ".join(details))})</span></span>'
        )
    if not items:
        items.append('<span style="color: #666;">no participants found</span>')
    modalities = sorted({_modality(c) for c in readout.commitments}, key=list(Modality).index)
    box = (
        '<div data-role="legend" style="border: 1px solid #ddd; border-radius: 4px; '
        'padding: 0.3em 0.7em; margin: 0.6em 0; line-height: 1.8; font-size: 0.9em;">'
    )
    if not key:
        return f"{box}{''.join(items)}</div>"
    how = (
        "<b>chip</b> = speaker named with a reporting cue (explicit); highlight without chip = "
        "continuation; plain text = narration"
    )
    if modalities:
        how += "; badge = commitment (type · modality → parties): " + " ".join(
            f'<span style="background: {MODALITY_COLOURS[m]}; color: #fff; border-radius: 3px; '
            f'padding: 0 4px; font-size: 0.85em;">{m.value}</span>'
            for m in modalities
        )
    return (
        f"{box}{''.join(items)}"
        f'<div style="color: #555; font-size: 0.9em; line-height: 1.5;">{how}</div></div>'
    )


def _commitments_table(readout: Readout) -> str:
    if not readout.commitments:
        return ""
    cell = 'style="border-bottom: 1px solid #eee; padding: 2px 8px; vertical-align: top;"'
    head = "".join(
        f'<th style="text-align: left; padding: 2px 8px; border-bottom: 1px solid #999;">{h}</th>'
        for h in ("type", "modality", "parties", "speakers", "trigger", "CAMEO", "PLOVER")
    )
    rows = []
    for c in readout.commitments:
        values = (
            c.type,
            _modality(c).value,
            ", ".join(c.parties),
            ", ".join(c.speakers),
            c.trigger.text if c.trigger is not None else "",
            c.cameo or "",
            c.plover or "",
        )
        rows.append("<tr>" + "".join(f"<td {cell}>{_esc(v)}</td>" for v in values) + "</tr>")
    return (
        f'<details style="margin-top: 0.8em;"><summary style="cursor: pointer;">'
        f"{len(readout.commitments)} commitment{'s' if len(readout.commitments) != 1 else ''}"
        '</summary><table style="border-collapse: collapse; font-size: 0.85em; '
        f'line-height: 1.4;"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
        "</table></details>"
    )


def render_html(readout: Readout) -> HTML:
    """The readout as an HTML fragment (inline styles only): header, legend, text, table."""
    colours = speaker_colours(readout)
    body = []
    heading = None
    for k, p in enumerate(readout.paragraphs):
        if p.heading and p.heading != heading:
            body.append(
                f'<div style="font-weight: 700; margin-top: 0.8em;">{_esc(p.heading)}</div>'
            )
        heading = p.heading
        body.append(
            f'<p data-role="paragraph" data-paragraph="{k}" style="white-space: pre-wrap; '
            f'margin: 0.5em 0;">{_paragraph_html(readout, p.start, p.end, colours)}</p>'
        )
    warnings = ""
    if readout.warnings:
        warnings = (
            '<ul style="color: #8a6d3b; font-size: 0.85em; line-height: 1.4;">'
            + "".join(f"<li>{_esc(w)}</li>" for w in readout.warnings)
            + "</ul>"
        )
    return HTML(
        f'<div class="readout-nlp" style="{_ROOT_STYLE}">'
        f"{_header_html(readout)}{_legend_html(readout, colours)}"
        f"{''.join(body)}{_commitments_table(readout)}{warnings}</div>"
    )


def render_page(readout: Readout | Iterable[Readout], *, style: str = "readout") -> HTML:
    """A standalone HTML page (UTF-8, no external resources) of one or more readouts."""
    readouts = [readout] if isinstance(readout, Readout) else list(readout)
    parts = [render(r, style=style) for r in readouts]
    first = readouts[0] if readouts else None
    title = (first.meta.title or first.source or "Readout") if first else "Readouts"
    sep = '<hr style="border: none; border-top: 1px solid #ccc; margin: 2em 0;">'
    return HTML(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)} — readout_nlp</title>\n</head>\n"
        f'<body style="margin: 1.5em;">\n{sep.join(parts)}\n</body>\n</html>\n'
    )


# ---------------------------------------------------------------------------------------
# displaCy's span style

_TOKEN = re.compile(r"\S+")


def to_displacy(readout: Readout) -> list[dict]:
    """The readout in displaCy's manual span format, one dict per body paragraph.

    Tokens are the paragraph's whitespace-separated words (displaCy re-joins tokens with
    spaces, so a finer tokenisation would only add spaces before punctuation). Each claim
    gives one span per speaker, labelled with the speaker's name; each commitment one span
    labelled ``type · modality``. Labels are HTML-escaped here because displaCy inserts them
    as they are.
    """
    docs = []
    for k, p in enumerate(readout.paragraphs):
        words = [(m.start() + p.start, m.end() + p.start) for m in _TOKEN.finditer(p.text)]

        def token_range(a: int, b: int, words=words) -> tuple[int, int] | None:
            idx = [i for i, (s, e) in enumerate(words) if s < b and a < e]
            return (idx[0], idx[-1] + 1) if idx else None

        spans = []
        for c in readout.claims:
            rng = token_range(c.start, c.end)
            if rng is None:
                continue
            for name in c.speakers:
                spans.append({"start_token": rng[0], "end_token": rng[1], "label": _esc(name)})
        for c in readout.commitments:
            rng = token_range(c.start, c.end)
            if rng is None:
                continue
            label = _esc(f"{c.type} · {_modality(c).value}")
            spans.append({"start_token": rng[0], "end_token": rng[1], "label": label})
        docs.append(
            {
                "text": p.text,
                "tokens": [readout.text[s:e] for s, e in words],
                "spans": spans,
                "title": _esc(readout.meta.title) if k == 0 and readout.meta.title else None,
            }
        )
    return docs


def displacy_colours(readout: Readout) -> dict[str, str]:
    """displaCy ``colors`` option: speaker colours, and a light grey for commitment spans."""
    colours = {_esc(name): c for name, c in speaker_colours(readout).items()}
    for c in readout.commitments:
        colours.setdefault(_esc(f"{c.type} · {_modality(c).value}"), "#e0e0e0")
    return colours


def render_displacy(readout: Readout) -> HTML:
    """The readout through ``spacy.displacy.render(style="span", manual=True)``."""
    from spacy import displacy

    markup = displacy.render(
        to_displacy(readout),
        style="span",
        manual=True,
        jupyter=False,  # we return the markup; HTML's _repr_html_ displays it in Jupyter
        options={"colors": displacy_colours(readout)},
    )
    colours = speaker_colours(readout)
    return HTML(
        f'<div class="readout-nlp" style="{_ROOT_STYLE}">{_legend_html(readout, colours, False)}'
        f"{markup}</div>"
    )


# ---------------------------------------------------------------------------------------
# Entry point

STYLES = ("readout", "span")


def render(readout: Readout, *, style: str = "readout", page: bool = False) -> HTML:
    """Render a readout as HTML: a fragment (shown as HTML in Jupyter) or, with
    ``page=True``, a standalone page to write to a file.

    ``style="readout"`` is the library's own view; ``style="span"`` is displaCy's span style.
    """
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    if page:
        return render_page(readout, style=style)
    return render_html(readout) if style == "readout" else render_displacy(readout)
