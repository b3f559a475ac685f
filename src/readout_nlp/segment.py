"""Text → layout: boilerplate, headline, datelines, paragraphs and sentences, as offsets.

Everything here is a pure function of the text: nothing is rewritten, so every span is an
offset into the string the user passed in. `segment_text` is the entry point; the spaCy
component in `pipeline.py` only copies its sentence boundaries onto the Doc's tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

# ---------------------------------------------------------------------------------------
# Records


class Removed(str, Enum):
    """Why a piece of text is not part of a body paragraph."""

    BOILERPLATE = "boilerplate"  # navigation, share/print links, tags, footers
    TITLE = "title"  # the headline
    DATE = "date"  # a line that is only a date / time stamp
    DATELINE = "dateline"  # "BEIJING, March 3 (Xinhua) --" at the head of a paragraph
    HEADING = "heading"  # a section heading
    CAPTION = "caption"  # a photo caption
    WRAPPER = "wrapper"  # "The below is attributable to ...:", "A spokesperson said:"
    MARKER = "marker"  # a list marker "2." / "(1)" / "-" / an opening quotation mark


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    kind: Removed


@dataclass(frozen=True)
class ParagraphSpan:
    start: int
    end: int
    heading: str | None = None


@dataclass(frozen=True)
class SentenceSpan:
    start: int
    end: int
    paragraph: int


@dataclass
class Layout:
    """Where things are in a readout's text."""

    text: str
    title: tuple[int, int] | None = None
    paragraphs: list[ParagraphSpan] = field(default_factory=list)
    sentences: list[SentenceSpan] = field(default_factory=list)
    removed: list[Piece] = field(default_factory=list)
    date_lines: list[tuple[int, int]] = field(default_factory=list)

    @property
    def title_text(self) -> str | None:
        return None if self.title is None else self.text[self.title[0] : self.title[1]]

    def sentence_texts(self) -> list[str]:
        return [self.text[s.start : s.end] for s in self.sentences]

    def paragraph_of(self, offset: int) -> int | None:
        for i, p in enumerate(self.paragraphs):
            if p.start <= offset < p.end:
                return i
        return None


# ---------------------------------------------------------------------------------------
# Lines

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


@dataclass(frozen=True)
class _Line:
    start: int  # first non-space character
    end: int  # one past the last non-space character
    text: str

    @property
    def blank(self) -> bool:
        return self.start == self.end


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        raw = m.group().rstrip("\r\n")
        lead = len(raw) - len(raw.lstrip())
        s = m.start() + lead
        e = m.start() + len(raw.rstrip())
        if e < s:
            e = s
        out.append(_Line(s, e, text[s:e]))
    return out


# ---------------------------------------------------------------------------------------
# Line classes. Each pattern is a genre habit seen on a government site; the comment says where.

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_ONLY = re.compile(
    rf"""^(?:
        (?:Published|Updated|Posted|Date|Publication\ date)?:?\s*
        (?:\w+day,?\s+)?
        (?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}
          |\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}}
          |\d{{4}}-\d{{2}}-\d{{2}}
          |\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})
        (?:\s*[,|-]?\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\.?)?)?
        (?:\s*\|.*)?
      |\d{{1,2}}:\d{{2}}
      |[A-Z][A-Za-z .'-]{{1,30}},\s*\d{{1,2}}/\d{{1,2}}/\d{{4}}(?:\s*-\s*\d{{1,2}}:\d{{2}})?
    )$""",
    re.X | re.I,
)

_BOILERPLATE = [
    re.compile(p, re.I)
    for p in (
        r"^home\s*(?:[>›/»|]|$)",  # breadcrumbs: "Home > China News", "Home › Office of ..."
        r"[>›»]\s*\S",  # any breadcrumb trail
        r"^<?\s*suggest to a friend\s*>?$",
        r"^(?:print|share|share this page:?|share:|email|e-mail|tweet|facebook|twitter|"
        r"print this page|copy link|page top|back to top|top|more news|related links|"
        r"related content|tags|read more|japanese|english|français|español|русский|中文|"
        r"is this page useful\?.*|yes|no|###|\*\*\*|-{3,}|readout|press release|press releases|"
        r"statements and releases|briefing room|events|news|press center|media center|"
        r"office of the spokesperson|organizations in this story|publication status)$",
        r"^source:\s",  # "Source: Xinhua | 2025-03-03 | Editor: huaxia", "Source: U.S. Department of State"
        r"\|\s*editor:",
        r"^editor:\s",
        r"^(?:from|published in sections|publication date|geography|topics|persons|"
        r"tags|filed under|categories|keywords|photo|photos|video):\s*",
        r"^\(photo\)",  # MOFA Japan photo captions
        r"^(?:the )?(?:ministry|department|office) of [\w ,&'’-]+$",  # masthead lines
        r"^(?:government of|president of|the white house|prime minister's office)\b[\w ,'’-]*$",
        r"press (?:team|office|service|section|and information team)\b",
        r"^information service of\b",
    )
]
# Notes about the page itself, however long: a repost's "The following press release was
# published by ... It is reproduced in full below."
_BOILERPLATE_ALWAYS = [
    re.compile(p, re.I)
    for p in (
        r"^the (?:following|below) (?:press release|statement|text|readout) (?:was|is) "
        r"(?:published|issued|reproduced)",
        r"reproduced in full below\.?$",
    )
]

_WRAPPER = re.compile(
    r"^(?:the (?:below|following) (?:is|are) attributable to [^:]{1,120}:"
    r"|(?:an? |the )?[\w .'’-]{0,60}spokes(?:person|man|woman)[\w .,'’-]{0,80}said:"
    r"|(?:a )?(?:downing street|white house|kremlin|state department|eeas|foreign office)"
    r"[\w .'’-]{0,40}said:)",
    re.I,
)

_CAPTION_CREDIT = re.compile(r"\((?:Xinhua|AP|AFP|Reuters|Photo|photo|Sputnik|TASS|Kyodo)[^)]*\)\s*$")
_DATELINE = re.compile(
    rf"""^(?:[A-Z][A-Za-z.'’ -]{{1,40}}|[A-Z][A-Z .'’-]{{1,40}}),\s+
        (?:{_MONTHS}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})
        \s*(?:\([A-Za-z .]+\)\s*)?
        (?:--|–|—|-|:)\s+""",
    re.X,
)
_MARKER = re.compile(r"^(?:\(?\d{1,2}[.)]|\(\w\)|[-•*–]|\d{1,2}\.\d{1,2}\.?)\s+")
_HEADING_MARKER = re.compile(r"^(?:\(?\d{1,2}[.)]|\(\w\)|[IVX]{1,4}\.)\s*")
_OPEN_QUOTE = re.compile(r"^[“\"‘']+\s*")

_EVENT_WORDS = re.compile(
    r"\b(?:talks?|meets?|meeting|met|call|calls|phone|telephone|conversation|visits?|visited|"
    r"statement|readout|holds?|held|discuss(?:es)?|consultations?|dialogue|summit|"
    r"speaks?|spoke|receives?|received|video|virtual|conference|sign(?:s|ed)?|adopt)\b",
    re.I,
)
_TERMINAL = re.compile(r"[.!?…][\"”’')\]]*$|[\"”’]$")


def _looks_like_prose(line: str) -> bool:
    """A body line: a sentence-like line (ends like a sentence and has a few words)."""
    words = line.split()
    return len(words) >= 6 and bool(_TERMINAL.search(line))


def _is_boilerplate(line: str) -> bool:
    s = line.strip()
    if not s:
        return False
    if _DATE_ONLY.match(s) or any(p.search(s) for p in _BOILERPLATE_ALWAYS):
        return True
    return any(p.search(s) for p in _BOILERPLATE) and not (
        _looks_like_prose(s) and len(s.split()) > 12
    )


# ---------------------------------------------------------------------------------------
# Sentences

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "gen", "lt", "col", "sen", "rep", "gov",
    "h.e", "u.s", "u.k", "u.n", "e.u", "inc", "ltd", "co", "corp", "vs", "etc", "e.g", "i.e",
    "approx", "a.m", "p.m", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "art", "para", "fig", "vol", "ed", "hon", "rt", "amb", "adm", "capt",
    "maj", "sgt", "jr", "sr", "mt", "ft", "dept", "est", "op", "cf", "al", "p.r.c", "d.c",
}
# Abbreviations that may also close a sentence: "... with the U.S. The two sides ..."
_ABBREV_MAY_END = {"u.s", "u.k", "u.n", "e.u", "etc", "d.c", "p.r.c", "inc", "ltd", "co"}
_SENTENCE_STARTERS = {
    "The", "He", "She", "They", "It", "This", "These", "Those", "Both", "We", "In", "On", "At",
    "During", "After", "Following", "Later", "Earlier", "Since", "As", "His", "Her", "Their",
}

_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘(]?[A-Z0-9À-ÖØ-Þ])|[a-z]{2,}[.!?](?=[A-Z][a-z])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside `text[start:end]`, by rule (abbreviations and initials respected)."""
    out: list[tuple[int, int]] = []
    s = start
    chunk = text[start:end]
    for m in _BOUNDARY.finditer(chunk):
        stop = start + m.end()
        head = text[s:stop]
        # The no-space case "cooperation.The": the match includes the word; keep its end.
        token = _WORD_BEFORE.search(text[max(s, stop - 12) : stop].rstrip("\"”’')]"))
        if token and text[stop - 1] == "." or (token and text[stop - 1] in "\"”’')]"):
            word = token.group(1).lower()
            nxt = text[stop : stop + 30].lstrip()
            nxt_word = re.match(r"[\"“‘(]?([A-Za-z0-9]+)", nxt)
            if len(word) == 1 and word.isalpha():
                continue  # an initial: "F. Ismoilov", "Thomas E. Harland"
            if word in _ABBREV:
                if not (
                    word in _ABBREV_MAY_END
                    and nxt_word
                    and nxt_word.group(1) in _SENTENCE_STARTERS
                ):
                    continue
            if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word) and word not in _ABBREV_MAY_END:
                continue  # other dotted abbreviations: "a.k.a."
        if not head.strip():
            continue
        out.append((s, stop))
        s = stop
        while s < end and text[s].isspace():
            s += 1
    if s < end and text[s:end].strip():
        out.append((s, end))
    # trim white space
    trimmed = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            trimmed.append((a, b))
    return trimmed


# ---------------------------------------------------------------------------------------
# The layout


def _wrapper_quote(seg: str) -> bool:
    """An opening quotation mark that marks a spokesperson's wrapper, not a quotation.

    UK readouts quote a whole readout: every paragraph opens with “ and only the last one
    closes it. A quotation proper closes inside its paragraph ("“We are ready ...,” he said").
    """
    opener = seg[0]
    closer = {"“": "”", "‘": "’"}.get(opener, opener)
    body = seg[1:].rstrip()
    inner = body[:-1] if body.endswith(closer) else body
    return closer not in inner


def _strip_head(text: str, start: int, end: int, removed: list[Piece]) -> int:
    """Move `start` past list markers, datelines, run-in wrappers and opening quotes."""
    changed = True
    while changed and start < end:
        changed = False
        seg = text[start:end]
        for rx, kind in (
            (_MARKER, Removed.MARKER),
            (_DATELINE, Removed.DATELINE),
            (_WRAPPER, Removed.WRAPPER),
            (_OPEN_QUOTE, Removed.MARKER),
        ):
            m = rx.match(seg)
            if m and m.end() < len(seg):
                if rx is _OPEN_QUOTE and not _wrapper_quote(seg):
                    continue
                if kind is Removed.WRAPPER:
                    trail = m.end()
                    while trail < len(seg) and seg[trail].isspace():
                        trail += 1
                    removed.append(Piece(start, start + trail, kind))
                    start += trail
                else:
                    removed.append(Piece(start, start + m.end(), kind))
                    start += m.end()
                changed = True
                break
    return start


def _title_score(line: str) -> float:
    words = line.split()
    if len(words) < 3 or len(line) > 250:
        return -1
    score = 0.0
    if _EVENT_WORDS.search(line):
        score += 2
    if not _TERMINAL.search(line):
        score += 1
    caps = sum(1 for w in words if w[:1].isupper())
    score += caps / len(words)
    score += min(len(words), 16) / 16
    return score


def segment_text(text: str) -> Layout:
    """Find the headline, boilerplate, paragraphs and sentences of a readout."""
    layout = Layout(text=text)
    lines = _lines(text)
    removed = layout.removed

    # 1. classify lines
    kinds: list[str] = []
    for ln in lines:
        t = ln.text
        if ln.blank:
            kinds.append("blank")
        elif _is_boilerplate(t):
            kinds.append("date" if _DATE_ONLY.match(t) else "boilerplate")
        elif _WRAPPER.match(t) and _WRAPPER.match(t).end() >= len(t.rstrip()) - 1:
            kinds.append("wrapper")
        elif _CAPTION_CREDIT.search(t) or t.lower().startswith("(photo)"):
            kinds.append("caption")
        elif _looks_like_prose(t) or (len(t.split()) >= 4 and t.rstrip().endswith((".", "”", '"'))):
            kinds.append("body")
        else:
            kinds.append("short")

    # 2. the headline: the best short line before the first body line
    first_body = next((i for i, k in enumerate(kinds) if k == "body"), len(lines))
    best, best_score = None, 0.0
    for i in range(first_body):
        if kinds[i] != "short":
            continue
        sc = _title_score(lines[i].text)
        if sc > best_score:
            best, best_score = i, sc
    if best is not None:
        layout.title = (lines[best].start, lines[best].end)
        kinds[best] = "title"
        # A repost may print the headline twice; the copy is not a paragraph either.
        for i in range(first_body):
            if kinds[i] == "short" and lines[i].text == lines[best].text:
                kinds[i] = "title_copy"

    # 3. paragraphs: body lines; short lines after the first body line are headings
    heading: str | None = None
    para_lines: list[list[_Line]] = []
    prev_body = False
    for ln, kind in zip(lines, kinds, strict=True):
        if kind == "body":
            if (
                prev_body
                and para_lines
                and not _TERMINAL.search(para_lines[-1][-1].text)
                and ln.text[:1].islower()
            ):
                para_lines[-1].append(ln)  # a hard-wrapped line continues the paragraph
            else:
                para_lines.append([ln])
                para_lines[-1].insert(0, _Line(-1, -1, heading or ""))
            prev_body = True
            continue
        prev_body = kind == "blank" and prev_body and False
        if kind in ("boilerplate", "date", "title", "title_copy", "caption", "wrapper"):
            rk = {
                "date": Removed.DATE,
                "title": Removed.TITLE,
                "title_copy": Removed.TITLE,
                "caption": Removed.CAPTION,
                "wrapper": Removed.WRAPPER,
            }.get(kind, Removed.BOILERPLATE)
            removed.append(Piece(ln.start, ln.end, rk))
            if kind == "date":
                layout.date_lines.append((ln.start, ln.end))
        elif kind == "short":
            removed.append(Piece(ln.start, ln.end, Removed.HEADING))
            if any(k == "body" for k in kinds[: lines.index(ln)]):
                heading = _HEADING_MARKER.sub("", ln.text).strip() or None

    for group in para_lines:
        head, body = group[0], group[1:]
        start, end = body[0].start, body[-1].end
        start = _strip_head(text, start, end, removed)
        if start >= end:
            continue
        sents = split_sentences(text, start, end)
        if not sents:
            continue
        idx = len(layout.paragraphs)
        layout.paragraphs.append(ParagraphSpan(sents[0][0], sents[-1][1], head.text or None))
        layout.sentences.extend(SentenceSpan(a, b, idx) for a, b in sents)
    return layout
