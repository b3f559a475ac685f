"""Text → layout: boilerplate, headline, datelines, paragraphs and sentences, as offsets.

Everything here is a pure function of the text: nothing is rewritten, so every span is an
offset into the string the user passed in. `segment_text` is the entry point; the spaCy
component in `pipeline.py` only copies its sentence boundaries onto the Doc's tokens.

The steps, each a small function:

1. `_lines`: physical lines (any of ``\\n``, ``\\r\\n``, ``\\r``, U+2028/9), trimmed of white
   space including no-break and zero-width spaces.
2. `_line_rule`: lines recognisable on their own: date lines, navigation, page notes, footers,
   captions, wrappers (patterns in ``models/en_readout_rules/boilerplate.jsonl``).
3. `_conventions`: per document, whether paragraphs are separated by blank lines or by single
   line breaks, and whether the text is hard-wrapped (and at what width).
4. `_logical_lines`: physical lines joined into paragraph candidates (wrapped lines, a line
   broken mid-sentence, adjacent lines of a blank-line-separated block).
5. `_classify`, `_find_title`, `_short_line`: body paragraph or short line; the headline is
   the best short line before the body; short lines between body paragraphs are section
   headings, after the body footers.
6. `_strip_head`: list markers, datelines, run-in wrappers and a wrapper's opening quote are
   cut from the head of a paragraph; `split_sentences` splits the rest.

Every removed piece records the id of the rule that removed it (`Piece.rule`): data rules by
their JSONL id, code rules by the ids in `RULES`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import Any

from .resources import load_jsonl

BOILERPLATE_FILE = "boilerplate.jsonl"

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


# Code rules (the data rules are in boilerplate.jsonl): id → what it removes and why.
RULES: dict[str, str] = {
    "date.line": "a line that is only a date or time stamp ('Updated: March 14, 2025 21:37')",
    "title.best_short_line": "the headline: the best-scoring short line before the body",
    "title.repeat": "a repost printing the headline twice",
    "heading.before_body": "a short line between the headline and the first paragraph",
    "heading.short_line": "a short line between body paragraphs: a section heading",
    "heading.standfirst": "a verbless line with a full stop between paragraphs: a sub-headline",
    "nav.before_title": "a short line above the headline: site chrome ('Japan-China Relations')",
    "footer.after_body": "a short line after the last paragraph: signature, tags ('Tashkent')",
    "footer.in_block": "a line inside a footer block opened by a footer.* rule",
    "marker.list": "a list marker before a paragraph or sentence ('2.', '(1)', '-', '•')",
    "marker.wrapper_quote": "the opening quotation mark of a spokesperson's quoted readout",
    "marker.reported_quote": "the opening mark of a readout quoted whole: '«...,» the Ministry reported'",
    "dateline.dated": "'BEIJING, March 3 (Xinhua) --', 'Astana, 8 April 2025 –'",
    "dateline.agency": "'ANKARA (AA) -', 'MOSCOW, October 5. /TASS/.', 'ASTANA. KAZINFORM –'",
    "dateline.city": "'WASHINGTON —' (first paragraph only)",
    "dateline.date": "'14 May 2024 –' (first paragraph only)",
    "dateline.known_city": "'Rabat - ' a known city in title case run in with a dash (first paragraph only)",
    "dateline.source": "'Sharjah24 - WAM:' an outlet's run-in source credit (first paragraph only)",
    "dateline.place_line": "a place name on a line by a date line: 'Tashkent' above the date",
}


@dataclass(frozen=True)
class Piece:
    """A stretch of text outside the body paragraphs, with the rule that removed it."""

    start: int
    end: int
    kind: Removed
    rule: str = ""


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
    # How the document separates paragraphs: "blank_line" or "line_break".
    breaks: str = "blank_line"
    # The width the text is hard-wrapped at, None when lines are whole paragraphs.
    wrap_width: int | None = None

    @property
    def title_text(self) -> str | None:
        return None if self.title is None else self.text[self.title[0] : self.title[1]]

    def sentence_texts(self) -> list[str]:
        return [self.text[s.start : s.end] for s in self.sentences]

    def paragraph_texts(self) -> list[str]:
        return [self.text[p.start : p.end] for p in self.paragraphs]

    def paragraph_of(self, offset: int) -> int | None:
        """Index of the paragraph holding `offset` (binary search: paragraphs are ordered)."""
        i = bisect.bisect_right([p.start for p in self.paragraphs], offset) - 1
        if i >= 0 and self.paragraphs[i].start <= offset < self.paragraphs[i].end:
            return i
        return None


# ---------------------------------------------------------------------------------------
# White space. str.isspace() covers no-break spaces (U+00A0, U+202F) and tabs, but not the
# zero-width characters that pasted web text carries; they count as space here so trimming
# and sentence boundaries see through them.

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_WS = r"[\s\u200b\u200c\u200d\u2060\ufeff]"


def _is_ws(c: str) -> bool:
    return c.isspace() or c in _ZERO_WIDTH


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and _is_ws(text[a]):
        a += 1
    while b > a and _is_ws(text[b - 1]):
        b -= 1
    return a, b


# ---------------------------------------------------------------------------------------
# Lines

# Line breaks: \n, \r\n, a lone \r (old Mac exports), Unicode line/paragraph separators and
# vertical tab / form feed (Word exports). U+0085 is left alone: in mis-decoded cp1252 text it
# is an ellipsis.
_NEWLINE = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c]")


@dataclass(frozen=True)
class _Line:
    """A non-blank physical line."""

    start: int  # first non-space character
    end: int  # one past the last non-space character
    text: str
    indent: int = 0  # white space before `start` on the line
    gap: bool = False  # a blank line comes between this line and the previous one


def _lines(text: str) -> list[_Line]:
    """The non-blank lines; blank lines only set the next line's `gap` (no object each)."""
    out: list[_Line] = []
    pos = 0
    gap = False
    for m in [*_NEWLINE.finditer(text), None]:
        stop = m.start() if m is not None else len(text)
        s, e = _trim(text, pos, stop)
        if e > s:
            out.append(_Line(s, e, text[s:e], s - pos, gap and bool(out)))
            gap = False
        else:
            gap = True
        pos = m.end() if m is not None else stop
    return out


# ---------------------------------------------------------------------------------------
# Dates

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:{_MONTHS}\s+\d{{1,2}}{_ORD},?\s+\d{{4}}"  # March 14, 2025
    rf"|\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTHS},?\s+\d{{4}}"  # 14 March 2025
    r"|\d{4}[-./]\d{1,2}[-./]\d{1,2}"  # 2025-03-14, 2019/05/22
    r"|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}"  # 05.03.2024, 03/14/2025
    rf"|\d{{1,2}}-{_MONTHS}-\d{{4}}"  # 14-May-2024 (CGTN)
    r"|\d{4}年\d{1,2}月\d{1,2}日)"  # Chinese-language sites' date stamps
)
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:\(?[A-Z]{2,4}\)?|[+-]\d{2}:?\d{2}))?"
# A line that is only a date (and time): "Updated: March 14, 2025 21:37", "2024-01-10 08:42",
# "JUNE 12, 2024", "Brussels, 05/03/2024 - 18:21", "Publication date: October 7, 2022, 15:40",
# "Xinhua) 10:02, September 13, 2023", "Published 14 May 2024", "15:40",
# "14.05.2024 - Press release" (German Foreign Office), "Updated 21:06, 14-May-2024" (CGTN),
# "April 8, 2025 - Ottawa, Ontario - Global Affairs Canada" (the place and the publisher),
# "03 Jun. 2025 -" (NATO).
_DATE_ONLY = re.compile(
    rf"""^(?:
        (?:(?:last\s+)?(?:published|updated|modified|posted|released|issued|date|dated|
            publication\ date|release\ date|posted\ on|published\ on|updated\ on)\s*(?:on\s*)?:?\s*)?
        (?:\(?[A-Za-z .]{{2,20}}\)\s*)?  # a source in parentheses: "Xinhua)" "(Xinhua)"
        (?:[A-Z][\w .'’-]{{1,30}},\s*)?  # a place: "Brussels, 05/03/2024"
        # the publishing institution: "Ministry of Foreign Affairs and Trade, May 14, 2025 4:32 PM"
        (?:(?:the\s+)?(?:ministry|department|office|embassy|government|secretariat|presidency)
            \s+(?:of|for)\s+[\w .'’&-]{{1,60}},\s*)?
        (?:{_TIME}\s*[,|-]?\s*)?
        (?:\w+day,?\s+)?
        {_DATE}
        (?:\s*[,|–-]?\s*(?:at\s+)?{_TIME})?
        (?:\s*\(local\ time\))?
        (?:\s*,?\s*unique\ id\s*:\s*\S+)?  # EEAS: "Brussels, 14/05/2024 - 15:30, UNIQUE ID: ..."
        (?:\s+by\s+[\w .]{{1,40}})?  # "Posted On: 14 MAY 2024 5:25PM by PIB Delhi" (India PIB)
        (?:\s*[-–|]\s*(?:press\ release|article|statement|news|readout|speech|interview))?
        # Canada: "April 8, 2025 - Ottawa, Ontario - Global Affairs Canada"
        (?:\s+[-–—]\s+[A-ZÀ-Þ][\w.'’ -]{{1,40}}?(?:,\s*[A-Z][\w.'’ ]{{1,30}})?\s+[-–—]\s+[A-Z][\w.'’&, ]{{1,60}})?
        (?:\s*\|.*)?
        (?:\s+[-–—])?  # a date stamp with a dangling dash: "03 Jun. 2025 -" (NATO)
      |{_TIME}
      |\w+day,?\s+{_MONTHS}\s+\d{{1,2}}{_ORD}  # "Tuesday, May 14" (no year)
    )\.?$""",
    re.X | re.I,
)

# ---------------------------------------------------------------------------------------
# Data rules: boilerplate.jsonl


@dataclass(frozen=True)
class _Rule:
    id: str
    kind: str  # nav | note | footer | caption | wrapper
    pattern: re.Pattern[str]
    max_words: int | None = None
    unless: re.Pattern[str] | None = None


@cache
def _rules() -> tuple[_Rule, ...]:
    return tuple(_compile_rule(e) for e in load_jsonl(BOILERPLATE_FILE))


def _compile_rule(e: dict[str, Any]) -> _Rule:
    flags = 0 if e.get("case") else re.I
    unless = e.get("unless")
    return _Rule(
        id=str(e["id"]),
        kind=str(e["kind"]),
        pattern=re.compile(e["pattern"], flags),
        max_words=e.get("max_words"),
        unless=re.compile(unless, re.I) if unless else None,
    )


@cache
def _rules_of(kind: str) -> tuple[_Rule, ...]:
    return tuple(r for r in _rules() if r.kind == kind)


def _match_rule(line: str, kind: str, n_words: int) -> str | None:
    for r in _rules_of(kind):
        if r.max_words is not None and n_words > r.max_words:
            continue
        if r.pattern.search(line) and not (r.unless and r.unless.search(line)):
            return r.id
    return None


# ---------------------------------------------------------------------------------------
# Line shapes

_TERMINAL = re.compile(r"(?:[.!?…]|\.\.\.)[\"'”’»)\]]*$|[\"”’»]$")
# A line that stops mid-sentence: "... the Ministry of Foreign Affairs of Kazakhstan and"
_OPEN_END = re.compile(r"(?:[,;(]|\b(?:and|or|of|the|a|an|to|in|on|for|with|by|at|as|that))$")
_EVENT_WORDS = re.compile(
    r"\b(?:talks?|meets?|meeting|met|call|calls|phone|telephone|conversation|visits?|visited|"
    r"statement|readout|holds?|held|discuss(?:es)?|consultations?|dialogue|summit|"
    r"speaks?|spoke|receives?|received|video|virtual|conference|sign(?:s|ed)?|adopt|"
    r"agrees?|agreed|pledges?|vows?|ties|relations|cooperation|partnership|bilateral|"
    r"trilateral|hosts?|hosted|attends?|welcomes?|urges?|congratulat\w*|condolences?)\b",
    re.I,
)
# Who headlines name: "Xi, Tokayev pledge closer ties", "Chinese FM ... Indonesian counterpart".
# A line that is nothing but a post: capitalised words joined by "of", "for", "and", "the"
# (no possessive, no headline-case preposition: "Secretary Harland's Trip To Japan" is a headline).
_POST_LINE = re.compile(
    r"(?!.*['’]s\b)(?!.*\b(?:To|With|In|On|At|From|By|Over|Amid|After|Before)\b)(?:The\s+)?[A-Z][\w'’.-]*(?:,?\s+(?:(?:of|for|and|the|&)\s+)*[A-Z][\w'’.-]*)*"
)
_ROLE_WORDS = re.compile(
    r"\b(?:minister|president|premier|secretary|chancellor|leaders?|counterpart|FM|PM|"
    r"king|emir|prince|sultan|envoy|ambassador|HR/VP)\b",
    re.I,
)


# Lower-case words a Title Case headline keeps small: "Press Release Regarding the Telephone
# Conversation of Minister ... with the Minister of Foreign Affairs of the Republic of ...".
# fmt: off
_SMALL_WORDS = {
    "a", "an", "the", "and", "or", "nor", "of", "to", "in", "on", "at", "by", "for", "from",
    "with", "between", "into", "upon", "via", "over", "under", "during", "among", "amid",
    "as", "vs", "de", "da", "do", "dos", "das", "du", "des", "del", "la", "le", "van", "von",
    "der", "den", "bin", "al", "el",
}
# fmt: on


def _title_case(line: str) -> bool:
    """Every lower-case word is a small word: a headline or a name, never a sentence.

    A sentence has a lower-case verb or noun ("met", "held talks"); "Vice Minister of Commerce
    Sun Haoran and Kyrgyz Minister ... Co-chair the 12th Meeting of the ... Subcommittee" and
    the Kremlin's sub-headline "With President of Kazakhstan Askar Bekov." have none. A line
    without any lower-case letter (a text in capitals) gives no such evidence.
    """
    if not re.search(r"[a-z]", line):
        return False
    words = [w.strip("\"'“”‘’()[],.:;!?") for w in line.split()[:64]]
    return not any(w[:1].islower() and w.lower() not in _SMALL_WORDS for w in words if w)


def _n_words(line: str, cap: int = 64) -> int:
    """Word count (runs of non-space), stopping at `cap`: at most `cap` splits are made, so a
    1 MB line is not split into all its words. (`str.split` and the regex `\\S+` agree on
    what is white space.)"""
    return min(len(line.split(None, cap)), cap)


def _terminal(line: str) -> bool:
    return bool(_TERMINAL.search(line[-8:]))


def _looks_like_prose(line: str) -> bool:
    """A sentence-like line: a few words, ending like a sentence."""
    return _n_words(line, 8) >= 6 and _terminal(line)


def _line_rule(line: str) -> tuple[Removed, str, bool] | None:
    """Kind and rule id of a line recognisable on its own; the flag opens a footer block."""
    n = _n_words(line, 40)
    if n <= 14 and _DATE_ONLY.match(line):
        return Removed.DATE, "date.line", False
    rule = _match_rule(line, "note", n)
    if rule:
        return Removed.BOILERPLATE, rule, False
    rule = _match_rule(line, "footer", n)
    if rule:
        return Removed.BOILERPLATE, rule, True
    rule = _match_rule(line, "caption", n)
    if rule:
        return Removed.CAPTION, rule, False
    m = _wrapper_match(line, 0, len(line))
    if m is not None and m[0] >= len(line) - 1:
        return Removed.WRAPPER, m[1], False
    # Navigation never fires on a long sentence nor on a line that goes on on the next line.
    if not (_looks_like_prose(line) and n > 12) and not _OPEN_END.search(line[-6:]):
        rule = _match_rule(line, "nav", n)
        if rule:
            return Removed.BOILERPLATE, rule, False
    return None


def classify_line(line: str) -> tuple[Removed, str] | None:
    """How a line on its own would be removed, and by which rule; None for a body line.

    Only the rules that need no context: dates, navigation, notes, footers, captions,
    wrappers. Headlines, headings and footers after the body depend on the lines around.
    """
    got = _line_rule(line.strip(" \t\u00a0\u202f" + _ZERO_WIDTH))
    return None if got is None else (got[0], got[1])


def _wrapper_match(text: str, start: int, end: int) -> tuple[int, str] | None:
    """End offset (relative to `start`) and rule id of a wrapper at `text[start:end]`'s head."""
    head = text[start : min(end, start + 300)]
    for r in _rules_of("wrapper"):
        m = r.pattern.match(head)
        if m:
            return m.end(), r.id
    return None


# ---------------------------------------------------------------------------------------
# Heads of paragraphs: list markers, datelines, wrappers, a wrapper's opening quote.
# These patterns are used with pattern.match(text, pos, endpos), so they carry no "^".

_MARKER = re.compile(
    r"(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]"  # "2." "(1)" "1)" "1.1."
    r"|\([a-zA-Z]\)|[a-z]\)"  # "(a)" "a)"
    r"|\([ivxIVX]{1,4}\)|[ivx]{1,4}\)"  # "(ii)" "iv)"
    r"|[-•*–—▪●◦‣⁃·■□➢►✓°○])"  # bullets ("°" and "○" in Korean MOFA readouts)
    r"[\s\u200b]+"
)
# Numbers in front of a heading's text: "1. Bilateral relations", "(3) Regional situation",
# "II. Economic cooperation", "1 Overview" (MOFA Japan).
_HEADING_MARKER = re.compile(
    r"^(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]|\(\w\)|[IVX]{1,4}\.|[A-Z]\.|\d{1,2}(?=\s+[A-Z]))\s*"
)
_OPEN_QUOTE = re.compile(r"[“\"‘'«„]" + _WS + "*")
_CLOSER_OF = {"“": "”", "‘": "’", "«": "»", "„": "“"}

# Letters of any script after a capital: "Brasília", "Bogotá", "Reykjavík".
_CITY = r"[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’.-])+(?:[ -][A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’.-])+){0,3}"
# A Hijri date before the Gregorian one (Saudi Press Agency, other Gulf agencies):
# "Jeddah, Dhu al-Hijjah 12, 1446, June 08, 2025, SPA -- ".
_HIJRI = (
    r"(?:Muharram|Safar|Rabi['’]?\s*(?:al|ul)?[- ]?(?:Awwal|Auwal|Akhir|Akhar|Thani)|"
    r"Jumad[ao]\s*(?:al|ul)?[- ]?(?:Ula|Oula|Awwal|Akhirah|Akhira|Thani|Thaniyah)|Rajab|"
    r"Sha['’]?ban|Rama[dz]h?an|Shawwal|"
    r"Dhu['’]?l?(?:\s+|-)?(?:al[- ]?)?(?:Qa['’]?dah|Qi['’]?dah|Hijjah|Hijja))"
    r"\s+\d{1,2},?\s+\d{4}(?:\s*A?H)?,\s+"
)
_AGENCY = r"\([A-Z][\w .&/-]{0,30}\)"
_DATELINES = (
    # "BEIJING, March 3 (Xinhua) -- ", "ASHGABAT, Sept. 12 (Xinhua) -- ",
    # "Astana, 8 April 2025 – ", "Tashkent, 3 September 2024: ", "MOSCOW, October 5. /TASS/. ",
    # "ABU DHABI, 14th May, 2024 (WAM) -- ", "Riyadh, May 14, 2024, SPA -- ",
    # "Islamabad, August 24, 2021 (PPI-OT):Foreign Minister ..." (no space after the colon)
    (
        "dateline.dated",
        re.compile(
            rf"{_CITY}(?:,\s*{_CITY})?,\s+(?:{_HIJRI})?"
            rf"(?:{_MONTHS}\s+\d{{1,2}}{_ORD}(?:,?\s*\d{{4}})?"
            rf"|\d{{1,2}}{_ORD}\s+{_MONTHS},?(?:\s*\d{{4}})?"
            r"|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
            # an agency after the date: "(Xinhua)", "(WAM)", ", SPA"
            rf"\s*(?:{_AGENCY}\s*|,\s*[A-Z]{{2,10}}\s*)?"
            r"(?:--|[-–—:]|\.?\s*/TASS/\.?)(?:\s+|(?<=\):)(?=[A-Z“\"]))"
        ),
    ),
    # "ANKARA (AA) - ", "Beijing (Xinhua) -- ", "ASTANA. KAZINFORM – ", "Tehran, IRNA -- ",
    # "Islamabad (PPI-OT):"
    (
        "dateline.agency",
        re.compile(
            rf"(?:{_CITY}\s*{_AGENCY}\s*(?:--|[-–—])"
            rf"|{_CITY},\s*[A-Z]{{2,10}}\s*(?:--|[–—])"
            r"|[A-Z]{3,}(?: [A-Z]{2,})?\.\s+(?:KAZINFORM|KABAR|AKIPRESS|TREND|UZA|TASS|"
            r"XINHUA|INTERFAX|BELTA|APA)\s*(?:--|[-–—])"
            r"|/TASS/\.?\s*(?:--|[-–—])?)\s+"
            rf"|{_CITY}\s*{_AGENCY}\s*:\s*(?=[A-Z“\"])"
        ),
    ),
)
# A run-in source credit, an outlet and the agency it took the story from (Gulf portals
# reposting WAM, SPA, KUNA): "Sharjah24 - WAM: Sheikh Abdullah ...". First paragraph only,
# and never an organisation's acronym ("ASEAN - EU: ...").
_SOURCE_DATELINE = re.compile(
    r"[A-Z][\w.’'&]*(?: [A-Z0-9][\w.’'&]*){0,3}\s+[-–—]\s+([A-Z]{2,8})\s*:\s+(?=[A-Z“\"])"
)
# "14 May 2024 – Foreign Affairs Secretary ..." (Philippine DFA): first paragraph only.
_DATE_DATELINE = re.compile(rf"{_DATE}\s*(?:--|[–—])\s+", re.I)
# "WASHINGTON — ", "NEW DELHI — ", "WASHINGTON, D.C. — ": only at the head of the first
# paragraph, and never an organisation written in capitals ("ASEAN – China relations ...").
_CITY_DATELINE = re.compile(
    r"([A-Z][A-Z'’.-]{2,}(?:[ -][A-Z][A-Z'’.-]+){0,3})(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    r"\s*(?:--|[–—]|-(?=\s))\s+"
)
# "Rabat - Minister of Foreign Affairs ... held talks ...", "Tokyo – The Foreign Minister ...":
# a city printed in title case, run in with a dash. Title case is also how a relation opens
# ("Morocco - Paraguay relations"), so the place must be a city of cities.jsonl, and the word
# after the dash must not be another city ("Beijing – Moscow talks"). First paragraph only.
_TITLE_CITY_DATELINE = re.compile(rf"({_CITY})\s+(?:--|[–—]|-)\s+(?=[A-Z“\"])")


@cache
def _known_cities() -> frozenset[str]:
    return frozenset(e["city"] for e in load_jsonl("cities.jsonl") if "city" in e)


def _title_city_dateline(text: str, start: int, end: int) -> re.Match[str] | None:
    m = _TITLE_CITY_DATELINE.match(text, start, end)
    if m is None or m.group(1) not in _known_cities():
        return None
    nxt = re.match(rf"[“\"]?({_CITY})", text[m.end() : min(end, m.end() + 60)])
    if nxt and (nxt.group(1) in _known_cities() or nxt.group(1).split()[0] in _known_cities()):
        return None
    return m


# fmt: off
_NOT_CITIES = {
    "ASEAN", "NATO", "BRICS", "OPEC", "CICA", "APEC", "OSCE", "SCO", "CIS", "CSTO", "EAEU", "G20",
    "UN", "EU", "USA", "UK", "PRC", "DPRK", "ROK", "USSR", "WTO", "IAEA", "AUKUS", "QUAD", "GCC",
}
# fmt: on


def _wrapper_quote(text: str, start: int, end: int) -> bool:
    """An opening quotation mark of a spokesperson's quoted readout, not a quotation proper.

    GOV.UK readouts quote a whole readout after "A Downing Street spokesperson said:": every
    paragraph opens with “ and only the last one closes it. A quotation proper closes inside its
    paragraph (“We are ready ...,” he said).
    """
    opener = text[start]
    closer = _CLOSER_OF.get(opener, opener)
    _, e = _trim(text, start + 1, end)
    if e > start + 1 and text[e - 1] == closer:
        e -= 1
    return text.find(closer, start + 1, e) < 0


# The relaying institution after a quoted readout: "«In addition, the minister thanked ...
# in the near future,» the Foreign Ministry reported." (Central Asian portals quoting a
# ministry's press service). A participant's own words ("“...,” said Minister X") are a
# quotation proper and keep their mark.
_REPORTED_BY = re.compile(
    r"[,.]?\s*(?:(?:the|a|an|its)\s+)?(?:[\w'’-]+\s+){0,3}?(?:ministry|press\s+service|"
    r"press\s+(?:office|department)|information\s+department|embassy|MFA|foreign\s+office|"
    r"statement|press\s+release|communiqu[eé])(?:\s+(?:of|for)\s+[^.;“”«»\"]{1,60}?)?"
    r"\s+(?:reported|reports|said|says|stated|states|informed|informs|noted|added)\.?\s*",
    re.I,
)


def _reported_quote(text: str, start: int, end: int) -> bool:
    """A paragraph that is a readout quoted whole, its source named after the closing mark."""
    opener = text[start]
    closer = _CLOSER_OF.get(opener, opener)
    _, e = _trim(text, start + 1, end)
    c = text.rfind(closer, start + 1, e)
    return c > start + 1 and _REPORTED_BY.fullmatch(text, c + 1, e) is not None


def _strip_head(
    text: str, start: int, end: int, removed: list[Piece], *, first: bool, wrapped: bool
) -> tuple[int, bool]:
    """Move `start` past list markers, datelines, run-in wrappers and a wrapper's quote.

    Returns the new start and whether a wrapper was cut (its quote marks then follow).
    """
    saw_wrapper = False
    for _ in range(8):  # a head holds at most a few pieces: "1. BEIJING, ... -- “..."
        hit: tuple[int, Removed, str] | None = None
        m = _MARKER.match(text, start, end)
        if m:
            hit = (m.end(), Removed.MARKER, "marker.list")
        if hit is None:
            for rule, rx in _DATELINES:
                m = rx.match(text, start, end)
                if m:
                    hit = (m.end(), Removed.DATELINE, rule)
                    break
        if hit is None and first:
            m = _CITY_DATELINE.match(text, start, end)
            source = _SOURCE_DATELINE.match(text, start, end)
            if m and m.group(1) not in _NOT_CITIES:
                hit = (m.end(), Removed.DATELINE, "dateline.city")
            elif source and source.group(1) not in _NOT_CITIES:
                hit = (source.end(), Removed.DATELINE, "dateline.source")
            elif (m := _title_city_dateline(text, start, end)) is not None:
                hit = (m.end(), Removed.DATELINE, "dateline.known_city")
            else:
                m = _DATE_DATELINE.match(text, start, end)
                if m:
                    hit = (m.end(), Removed.DATELINE, "dateline.date")
        if hit is None:
            w = _wrapper_match(text, start, end)
            if w is not None:
                stop = start + w[0]
                while stop < end and _is_ws(text[stop]):
                    stop += 1
                hit = (stop, Removed.WRAPPER, w[1])
                saw_wrapper = True
        if hit is None and (wrapped or saw_wrapper):
            m = _OPEN_QUOTE.match(text, start, end)
            if m and _wrapper_quote(text, start, end):
                hit = (m.end(), Removed.MARKER, "marker.wrapper_quote")
        if hit is None:
            m = _OPEN_QUOTE.match(text, start, end)
            if m and _reported_quote(text, start, end):
                hit = (m.end(), Removed.MARKER, "marker.reported_quote")
        if hit is None or hit[0] >= end:
            break
        removed.append(Piece(start, hit[0], hit[1], hit[2]))
        start = hit[0]
    return start, saw_wrapper


# ---------------------------------------------------------------------------------------
# Sentences
#
# Rules rather than a library: spaCy's sentencizer splits after every "Mr." and the parser's
# boundaries are statistical (and run after this step, which fixes them). pySBD segments a
# rewritten copy of the text and recovers offsets by searching it back (pySBD issues #49, #83
# on wrong spans and edited white space); syntok would be a new dependency for the same few
# rules. The genre's hazards are few and known, so they are listed here, each with the
# sentence that needed it, and the scan stays linear in the length of the text.

# Never end a sentence, whatever follows (compared lower-case): "e.g. the SCO", "approx. 50".
_NEVER_END = {"e.g", "i.e", "cf", "viz", "approx", "vs", "incl", "esp", "a.k.a", "w.r.t", "ca"}
# Titles before a name (case-sensitive): "Mr. KAMIYA Hiroshi", "H.E. Mr. Farhod Ismoilov",
# "St. Petersburg", "Smt. Meenakshi Lekhi" (India MEA), "Lt. Gen.".
# fmt: off
_TITLES = {
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "St", "Ste", "Gen", "Lt", "Col", "Capt", "Maj", "Adm",
    "Sgt", "Cpl", "Cdr", "Cmdr", "Brig", "Sen", "Rep", "Gov", "Amb", "Hon", "Rt", "Rev", "Fr",
    "Pres", "Supt", "Messrs", "Mme", "Mlle", "Mgr", "Sh", "Smt", "Dy", "Jt", "Addl", "Secy",
    "Sec", "Insp", "Eng", "Engr",  # "Minister of Investment Eng. Majed ..." (Gulf styles)
    "H.E", "H.H", "H.M", "H.R.H", "Excy", "Mt", "Ft", "Dept", "Govt", "Min", "Spl", "Asst",
}
# fmt: on
# Abbreviations that only stand before a number: "No. 5", "Sept. 12", "Art. 3", "Rs. 500 crore".
# fmt: off
_BEFORE_NUMBER = {
    "no", "nos", "art", "arts", "para", "paras", "sec", "fig", "vol", "ch", "p", "pp", "op",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tel",
    "rs", "tk", "ksh",
}
# fmt: on
# May close a sentence: "... with the U.S. The two sides ...", "at 3 p.m. The talks ...".
# A boundary only when the next word usually opens a sentence (_STARTERS); "U.S. Secretary",
# "10 a.m. Beijing time", "Thomas E. Harland" stay whole.
# fmt: off
_MAY_END = {"u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "p.r.c", "a.m", "p.m", "inc", "ltd", "co",
            "corp", "jr", "sr", "al", "esq", "bros", "plc", "llc"}
# fmt: on
# fmt: off
_STARTERS = {
    "The", "A", "An", "He", "She", "They", "It", "Its", "This", "That", "These", "Those", "Both",
    "We", "Our", "I", "In", "On", "At", "During", "After", "Following", "Before", "Later",
    "Earlier", "Since", "As", "His", "Her", "Their", "There", "Such", "Also", "Additionally",
    "Moreover", "Furthermore", "However", "Meanwhile", "Separately", "Today", "Yesterday",
    "While", "When", "With", "For", "To", "Under", "According", "Noting", "Recalling",
    "Welcoming", "Stressing", "Finally", "Lastly", "Further", "Each", "Another", "All",
    "Regarding", "Over", "Through", "Between", "Among", "Despite", "Given", "Ahead", "Prior",
    "Other", "Many", "Some", "Several", "If", "Although", "Though", "Because", "Thus",
    "Therefore", "Accordingly", "Then", "Next", "First", "Second", "Third", "Last",
}
# fmt: on

_PUNCT_RUN = re.compile(r"[.!?…]+[\"'”’»)\]]*")
_OPENERS = "\"'“‘«(["
_SENT_MARKER = re.compile(r"\(?\d{1,2}(?:\.\d{1,2})*[.)]|\([a-zA-Z]\)|\([ivxIVX]{1,4}\)")


def _word_before(text: str, i: int, lo: int) -> str:
    """The token ending at `i` (dots kept: "U.S", "p.m", "H.E"), at most 24 characters back."""
    j = i
    stop = max(lo, i - 24)
    while j > stop and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    return text[j:i].lstrip(".")


def _word_after(text: str, i: int, hi: int) -> str:
    j = i
    stop = min(hi, i + 24)
    while j < stop and text[j].isalpha():
        j += 1
    return text[i:j]


def _ends_sentence(word: str, nxt: str, nxt_is_digit: bool) -> bool:
    """Whether "<word>." followed by a capital or digit (`nxt`) closes a sentence."""
    if not word:
        return True  # "... (local time). The", "... 2024. The"
    lw = word.lower()
    if lw in _NEVER_END or word in _TITLES:
        return False
    if lw in _BEFORE_NUMBER and nxt_is_digit:
        return False
    dotted = "." in word and bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))
    if lw in _MAY_END or dotted or (len(word) == 1 and word.isalpha()):
        # Initials ("F. Ismoilov", "Thomas E. Harland") and dotted abbreviations.
        return nxt in _STARTERS
    return True


def _glued(text: str, dot: int, start: int, end: int) -> bool:
    """A full stop with no space after it: "cooperation.The two sides" (pasted web text).

    Needs two lower-case letters before and a capitalised word after; web addresses
    ("www.gov.uk", "mfa.gov.kz/About") are not sentence ends.
    """
    if dot - 2 < start or dot + 2 >= end:
        return False
    if not (text[dot - 1].islower() and text[dot - 2].islower()):
        return False
    if not (text[dot + 1].isupper() and text[dot + 2].islower()):
        return False
    j = dot
    while j > max(start, dot - 40) and not _is_ws(text[j - 1]):
        j -= 1
    token = text[j:dot].lower()
    return not ("/" in token or "@" in token or token.startswith("www") or "." in token)


def _is_inline_marker(text: str, dot: int, lo: int) -> bool:
    """A number and full stop that number a list item: "following: 1. To", "trade. 2. The"."""
    j = dot
    while j > lo and j > dot - 3 and text[j - 1].isdigit():
        j -= 1
    if j == dot or (j > lo and text[j - 1].isdigit()):
        return False
    k = j
    while k > lo and _is_ws(text[k - 1]):
        k -= 1
    return k == lo or (k < j and text[k - 1] in ":;.!?")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside `text[start:end]`, by rule (abbreviations and initials respected).

    Linear in the length of the span: each candidate full stop looks at most a few dozen
    characters either side.
    """
    bounds: list[int] = []
    for m in _PUNCT_RUN.finditer(text, start, end):
        p = m.end()
        q = p
        while q < end and _is_ws(text[q]):
            q += 1
        if q == p:
            # No space after: only "cooperation.The two sides" is a boundary.
            if m.group() == "." and _glued(text, m.start(), start, end):
                bounds.append(p)
            continue
        if q >= end:
            continue
        r = q
        while r < end and r < q + 3 and text[r] in _OPENERS:
            r += 1
        if r >= end:
            continue
        c = text[r]
        if not (c.isupper() or c.isdigit() or c.istitle()):
            continue  # ".” he said", "p.m. (local time)", "e.g. the SCO"
        punct = m.group().rstrip("\"'”’»)]")
        if punct == "." and _is_inline_marker(text, m.start(), start):
            continue  # "agreed on the following: 1. To expand trade. 2. To ..."
        if punct == ".":
            if not _ends_sentence(
                _word_before(text, m.start(), start), _word_after(text, r, end), c.isdigit()
            ):
                continue
        bounds.append(p)

    out: list[tuple[int, int]] = []
    s = start
    for b in [*bounds, end]:
        a, e = _trim(text, s, b)
        s = b
        # An inline list marker opens the next item: "... cooperation. 2. The two sides ...".
        mk = _SENT_MARKER.match(text, a, e)
        if mk and (mk.end() == e or _is_ws(text[mk.end()])):
            a, e = _trim(text, mk.end(), e)
        if e > a:
            out.append((a, e))
    return out


# ---------------------------------------------------------------------------------------
# Document conventions


@dataclass(frozen=True)
class _Conventions:
    blank_breaks: bool  # paragraphs are separated by blank lines
    wrap_width: int | None  # hard-wrapped at this width


def _conventions(lines: list[_Line], strong: list[Any]) -> _Conventions:
    """Decide per document how paragraphs are separated and whether lines are hard-wrapped.

    Blank-line documents: a sentence-final line is followed by a blank line at least as often
    as by another line of text (and at least once). Hard-wrapped documents (plain-text exports wrapped at ~72 columns): several lines run
    on into the next line mid-sentence, and lines are no longer than about 130 characters.
    """
    with_blank = adjacent = 0
    mid_lengths: list[int] = []
    prose_lengths: list[int] = []
    prev: int | None = None
    for i, ln in enumerate(lines):
        gap = ln.gap
        if strong[i] is not None:
            prev = None
            continue
        n = _n_words(ln.text, 8)
        if n >= 6:
            prose_lengths.append(len(ln.text))
        if prev is not None:
            p = lines[prev]
            if not gap and len(p.text) >= 30 and re.search(r"[a-z,;-]$", p.text):
                mid_lengths.append(len(p.text))
            if _n_words(p.text, 8) >= 3 and n >= 3 and _terminal(p.text):
                if gap:
                    with_blank += 1
                else:
                    adjacent += 1
        prev = i
    width: int | None = None
    if len(mid_lengths) >= 2:
        w = max(mid_lengths)
        longer = sum(1 for n in prose_lengths if n > w + 8)
        mid_lengths.sort()
        median = mid_lengths[len(mid_lengths) // 2]
        if w <= 130 and median >= 0.6 * w and longer <= 0.1 * len(prose_lengths):
            width = w
    return _Conventions(blank_breaks=with_blank >= adjacent and with_blank > 0, wrap_width=width)


def _first_word(line: str) -> str:
    m = re.match(r"\S+", line)
    return m.group() if m else ""


def _joins(prev: _Line, nxt: _Line, conv: _Conventions) -> bool:
    """Whether `nxt` continues the paragraph that `prev` is in."""
    if _MARKER.match(nxt.text):
        return False  # a list item starts its own paragraph: "1. ...\n2. ..."
    if not _terminal(prev.text) and nxt.text[:1].islower():
        return True  # broken mid-sentence: "... agreed to\nstrengthen cooperation ..."
    if _OPEN_END.search(prev.text[-6:]) and _n_words(prev.text, 4) >= 4:
        return True  # a PDF copy: "... held talks with\nForeign Minister Saidov ..."
    if conv.wrap_width is not None:
        if nxt.indent > prev.indent and _terminal(prev.text):
            return False  # an indented first line opens a new paragraph
        if len(prev.text) + 1 + len(_first_word(nxt.text)) > conv.wrap_width - 2:
            return True  # the next word did not fit: a wrapped line
        if not _terminal(prev.text) and re.search(r"[a-z,;-]$", prev.text):
            return True  # ragged wrapping that stopped mid-sentence
    if conv.blank_breaks and _terminal(prev.text) and _is_body(prev.text):
        return _is_body(nxt.text)  # one blank-line-separated block, one paragraph
    return False


# ---------------------------------------------------------------------------------------
# The layout


@dataclass
class _Logical:
    """A paragraph candidate: one or more physical lines."""

    start: int
    end: int
    text: str
    kind: str = "short"  # body | short


@dataclass(frozen=True)
class _Strong:
    """A line recognised on its own (date, navigation, caption ...)."""

    start: int
    end: int
    kind: Removed
    rule: str
    opens_footer: bool = False


_Item = _Logical | _Strong


def _is_body(text: str) -> bool:
    n = _n_words(text, 26)
    if n >= 25:
        return True  # a long paragraph, even one that lost its full stop
    if _is_speaker_label(text):
        return False  # "President of Laos Khamphanh Sisavath (retranslated):" over a turn
    if n <= 16 and _title_case(text) and not _MARKER.match(text):
        # A verbless line in title case is a sub-headline or a label, even with a full stop:
        # "With President of Kazakhstan Askar Bekov." under a Kremlin headline.
        return False
    if n >= 3 and _MARKER.match(text):
        if re.match(r"[-•*–—▪●◦‣⁃·■□➢►✓°○]|\(?[a-z]\)", text) or text[-1] in ";,.:":
            # List items: "• to expand trade in agricultural products;", "b) to operationalise
            # the INSTC;". A numbered line without punctuation is a heading ("1. Bilateral
            # relations").
            return True
    if _looks_like_prose(text):
        return True
    if n >= 4 and text.rstrip().endswith((".", "”", '"')):
        return True
    # A sentence introducing a list: "The two sides agreed on the following:"
    return n >= 6 and text.rstrip()[-1:] in ":;" and text[:1].isupper()


# A transcript's speaker label on a line of its own: a name or post, perhaps a note in
# brackets, and a colon (Kremlin: "President of Russia Alexei Voronin:").
_SPEAKER_LABEL = re.compile(r"^(?P<np>[^:()]{2,90}?)\s*(?:\([^()]{1,30}\))?\s*:\s*$")


def _is_speaker_label(text: str) -> bool:
    return speaker_label(text) is not None


def speaker_label(heading: str | None) -> str | None:
    """The name or post of a transcript's speaker label, or None."""
    m = _SPEAKER_LABEL.match(heading.strip()) if heading else None
    if m is None or _n_words(m.group("np"), 14) > 12 or not _title_case(m.group("np")):
        return None
    return m.group("np").strip()


def _lowercase_ratio(line: str) -> float:
    words = [w for w in line.split()[:40] if w[:1].isalpha()]
    return sum(1 for w in words if w[:1].islower()) / len(words) if words else 0.0


def _sentence_like_short_lines(items: list[_Item]) -> None:
    """Short lines that are sentences which lost their full stop become body paragraphs.

    "The two sides also exchanged views on regional issues" between or after paragraphs is a
    paragraph, not a heading: headings are short or Title Case. Lines above the first
    paragraph stay headline candidates (Xinhua headlines are long and in sentence case), and
    lines inside a footer block ("Related content") stay footer. A text with no paragraph at
    all reads its sentence-like lines as paragraphs ("The ministers met in Astana today").
    """
    logical = [(k, it) for k, it in enumerate(items) if isinstance(it, _Logical)]
    first_body = next((k for k, it in logical if it.kind == "body"), None)
    footer_from = len(items)
    if first_body is not None:
        footer_from = next(
            (
                k
                for k, it in enumerate(items)
                if k > first_body and isinstance(it, _Strong) and it.opens_footer
            ),
            len(items),
        )
    for k, it in logical:
        if it.kind != "short" or k >= footer_from:
            continue
        if first_body is not None and k < first_body:
            continue
        n = _n_words(it.text, 12)
        if n >= (10 if first_body is not None else 8) and _lowercase_ratio(it.text) >= 0.5:
            it.kind = "body"


_PLACE_WORD = re.compile(r"(?:[A-Z][\w'’.-]*|of|the|de|la|al|el|upon|on|am|an|der)[,;]?")


def _is_place_line(line: str) -> bool:
    """A place name on its own: "Tashkent", "The Kremlin, Moscow", "New Delhi"."""
    words = line.split()
    return (
        1 <= len(words) <= 4
        and line[:1].isupper()
        and not any(c.isdigit() for c in line)
        and not _EVENT_WORDS.search(line)
        and not _ROLE_WORDS.search(line)
        and all(_PLACE_WORD.fullmatch(w) for w in words)
    )


def _next_to_date(items: list[_Item], k: int) -> bool:
    """Whether the item before or after `items[k]` is a date line.

    Signatures and place lines sit by the date: "Tashkent" above "November 07, 2023" (India
    MEA), "The Kremlin, Moscow" below "October 5, 2023" and "14:30" (Kremlin).
    """
    for j in (k - 1, k + 1):
        it = items[j] if 0 <= j < len(items) else None
        if isinstance(it, _Strong) and it.kind is Removed.DATE:
            return True
    return False


def _title_score(line: str) -> float:
    n = _n_words(line, 40)
    if len(line) > 250 or n < 2 or (n < 3 and not _EVENT_WORDS.search(line)):
        return -1
    if _MARKER.match(line) or re.match(r"[IVX]{1,4}\.\s", line):
        return -1  # a numbered line is a section heading: "I. Political Relations"
    if (
        _POST_LINE.fullmatch(line.strip())
        and _ROLE_WORDS.search(line)
        and not _EVENT_WORDS.search(line)
    ):
        return -1  # a post alone is a page's byline: "Minister of Foreign Affairs and Trade"
    score = 0.0
    if _EVENT_WORDS.search(line):
        score += 2
    if _ROLE_WORDS.search(line):
        score += 1
    if not _terminal(line) or _quote_headline(line):
        score += 1
    words = line.split()
    score += sum(1 for w in words if w[:1].isupper()) / len(words)
    score += min(len(words), 16) / 16
    return score


def _logical_lines(
    text: str,
    lines: list[_Line],
    strong: list[tuple[Removed, str, bool] | None],
    conv: _Conventions,
) -> list[_Item]:
    """Lines recognised on their own stay pieces; the others join into paragraph candidates."""
    items: list[_Item] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        got = strong[i]
        if got is not None:
            items.append(_Strong(ln.start, ln.end, *got))
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and not lines[j + 1].gap and strong[j + 1] is None:
            if not _joins(lines[j], lines[j + 1], conv):
                break
            j += 1
        s, e = ln.start, lines[j].end
        items.append(_Logical(s, e, text[s:e] if j > i else ln.text))
        i = j + 1
    return items


def _classify(items: list[_Item]) -> None:
    """Mark each paragraph candidate body or short."""
    logical = [it for it in items if isinstance(it, _Logical)]
    for lg in logical:
        lg.kind = "body" if _is_body(lg.text) else "short"
    # A short line introducing a list is body: "The two sides agreed:" above "- to expand ...".
    for lg, nxt in zip(logical, logical[1:], strict=False):
        if (
            lg.kind == "short"
            and lg.text.endswith(":")
            and _n_words(lg.text, 4) >= 3
            and nxt.kind == "body"
            and _MARKER.match(nxt.text)
        ):
            lg.kind = "body"
    _long_headlines(logical)
    _sentence_like_short_lines(items)


# A headline that ends with a quotation after a colon: 'Minister Rossi meets Egyptian Foreign
# Minister: "Egypt, a key partner for stability in the Mediterranean"', 'Secretary General in
# Vilnius: “Lithuania is a model Ally”'. Its closing mark makes it look like a sentence. The
# quote has no full stop of its own and what stands before the colon is no cue of saying
# ('The Minister said: "...".' is a paragraph).
_QUOTE_HEADLINE = re.compile(
    r"(?P<lead>[^:“”\"«»\n]{3,160}?)\s*:\s*(?P<open>[“\"‘'«])(?P<quote>[^\n]{3,200}?)(?<![.!?…])"
    r"(?P<close>[”\"’'»])"
)
_SAYING_BEFORE_COLON = re.compile(
    r"\b(?:said|says|say|stated|states|added|adds|noted|notes|stressed|stresses|declared|"
    r"declares|underlined|emphasi[sz]ed|remarked|told|tweeted|wrote|writes|following)\s*$",
    re.I,
)
# A headline's verb is in the present tense, a lead's in the past: "Deputy Prime Minister ...
# holds talks with Lao Foreign Minister, agreeing to speed up ..." (Thailand MFA, Xinhua:
# "Xi holds talks with ..., pledging ...").
_HEADLINE_VERB = re.compile(
    r"\b(?:holds|meets|receives|visits|hosts|pays|calls\s+on|speaks|signs|discusses|"
    r"co-chairs|chairs|attends|agree|agrees)\b"
)


def _quote_headline(line: str) -> bool:
    """A headline ending with a quotation after a colon (see `_QUOTE_HEADLINE`)."""
    m = _QUOTE_HEADLINE.fullmatch(line)
    if not m or _terminal(m.group("lead")) or _SAYING_BEFORE_COLON.search(m.group("lead")):
        return False
    opener, closer = m.group("open"), m.group("close")
    return _CLOSER_OF.get(opener, opener) == closer or (opener, closer) == ("'", "’")


def _sentence_case_headline(line: str) -> bool:
    """A long headline in sentence case: one line, no full stop, a headline's present tense."""
    return (
        "\n" not in line
        and not _terminal(line)
        and _n_words(line, 48) < 48
        and _HEADLINE_VERB.search(line) is not None
    )


def _long_headlines(logical: list[_Logical]) -> None:
    """Long Title Case lines above the first paragraph are headlines, not paragraphs.

    Some ministries print headlines of 25 words and more, which the length rule would take
    for a paragraph that lost its full stop: "No: 214, 3 October 2024, Press Release Regarding
    the Telephone Conversation of ... with the Minister of Foreign Affairs of the Republic of
    Azerbaijan" (Türkiye MFA), "MFA Press Release: Telephone Call between Minister for Foreign
    Affairs ... and ..., 4 March 2025" (Singapore MFA), a Chinese embassy's "Vice Minister ...
    and Kyrgyz Minister ... Co-chair the 12th Meeting of the ... Subcommittee". Headlines that
    end with a quotation after a colon and long sentence-case headlines with a present-tense
    verb are headlines too. Only lines before the first paragraph that reads as prose, and
    only when one follows.
    """
    for k, lg in enumerate(logical):
        if lg.kind != "body":
            continue
        if (
            len(lg.text) <= 250
            and not _MARKER.match(lg.text)
            and (
                (not _terminal(lg.text) and _title_case(lg.text))
                or _quote_headline(lg.text)
                or _sentence_case_headline(lg.text)
            )
            and any(x.kind == "body" for x in logical[k + 1 :])
        ):
            lg.kind = "short"
            continue
        break


def _find_title(items: list[_Item], first_body: int) -> int | None:
    """Index of the headline: the best-scoring short line before the first paragraph."""
    title_k: int | None = None
    best = 0.0
    for k in range(first_body):
        it = items[k]
        if isinstance(it, _Logical):
            sc = _title_score(it.text)
            if sc > best:
                title_k, best = k, sc
    return title_k


@dataclass
class _Walk:
    """What the walk over the items knows so far."""

    first_body: int
    last_body: int
    title_k: int | None
    title_text: str | None
    heading: str | None = None
    in_footer: bool = False
    wrapped: bool = False  # a spokesperson's wrapper was seen: its opening quotes are markers
    first_para: bool = True


def _short_line(items: list[_Item], k: int, w: _Walk) -> tuple[Removed, str]:
    """What a short line at `items[k]` is, by its place; sets the current section heading."""
    it = items[k]
    assert isinstance(it, _Logical)
    if k == w.title_k:
        return Removed.TITLE, "title.best_short_line"
    if k < w.first_body and it.text == w.title_text:
        return Removed.TITLE, "title.repeat"
    if _is_place_line(it.text) and _next_to_date(items, k):
        return Removed.DATELINE, "dateline.place_line"
    if k < w.first_body:
        if w.title_k is None or k < w.title_k:
            return Removed.BOILERPLATE, "nav.before_title"
        if _HEADING_MARKER.match(it.text):
            # A numbered section heading above the first paragraph: "I. Political
            # Relations" under a joint statement's headline.
            w.heading = _HEADING_MARKER.sub("", it.text).strip() or None
        return Removed.HEADING, "heading.before_body"
    if w.in_footer:
        return Removed.BOILERPLATE, "footer.in_block"
    if k > w.last_body:
        return Removed.BOILERPLATE, "footer.after_body"
    if _terminal(it.text):
        # A section heading has no full stop; a sub-headline that has one is a standfirst
        # and names no section: "With President of Kazakhstan Askar Bekov." (Kremlin).
        return Removed.HEADING, "heading.standfirst"
    w.heading = _HEADING_MARKER.sub("", it.text).strip() or None
    return Removed.HEADING, "heading.short_line"


def segment_text(text: str) -> Layout:
    """Find the headline, boilerplate, paragraphs and sentences of a readout."""
    layout = Layout(text=text)
    lines = _lines(text)
    strong = [_line_rule(ln.text) for ln in lines]
    conv = _conventions(lines, strong)
    layout.breaks = "blank_line" if conv.blank_breaks else "line_break"
    layout.wrap_width = conv.wrap_width

    items = _logical_lines(text, lines, strong, conv)
    _classify(items)
    body = [k for k, it in enumerate(items) if isinstance(it, _Logical) and it.kind == "body"]
    first_body = body[0] if body else len(items)
    title_k = _find_title(items, first_body)
    title_text = None
    if title_k is not None:
        t = items[title_k]
        layout.title = (t.start, t.end)
        title_text = text[t.start : t.end]
    w = _Walk(first_body, body[-1] if body else -1, title_k, title_text)

    removed = layout.removed
    for k, it in enumerate(items):
        if isinstance(it, _Strong):
            removed.append(Piece(it.start, it.end, it.kind, it.rule))
            if it.kind is Removed.DATE:
                layout.date_lines.append((it.start, it.end))
            elif it.kind is Removed.WRAPPER:
                w.wrapped = True
            if it.opens_footer and k > first_body:
                w.in_footer = True
            continue
        if it.kind == "short":
            removed.append(Piece(it.start, it.end, *_short_line(items, k, w)))
            continue
        w.in_footer = False
        start, saw = _strip_head(
            text, it.start, it.end, removed, first=w.first_para, wrapped=w.wrapped
        )
        w.wrapped = w.wrapped or saw
        w.first_para = False
        sents = split_sentences(text, start, it.end)
        if not sents:
            continue
        p = len(layout.paragraphs)
        layout.paragraphs.append(ParagraphSpan(sents[0][0], sents[-1][1], w.heading))
        layout.sentences.extend(SentenceSpan(a, b, p) for a, b in sents)
    removed.sort(key=lambda pc: (pc.start, pc.end))
    return layout
