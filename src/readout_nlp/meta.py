"""Event metadata: date, event type, place, participants and publisher of a readout.

Readouts state their metadata in a few fixed places, and this module reads those places in
order of trust rather than the whole text:

- the **lead sentence** (the first body sentence that reports the event: "On March 28, 2019,
  State Councilor and Foreign Minister Wang Yi held talks with Foreign Minister Beibut
  Atamkulov of Kazakhstan at the Diaoyutai State Guest House in Beijing."),
- the **headline** ("Secretary Harland's Call with Kazakhstani Foreign Minister Zhakenov"),
- the **dateline** ("BEIJING, March 3 (Xinhua) --", "Astana, 8 April 2025 –"),
- the **pieces the segmenter set aside**: masthead, byline, date stamps ("President of Russia",
  "From: Prime Minister's Office, 10 Downing Street and The Rt Hon Oliver Pemberton MP",
  "Updated: March 14, 2025 21:37").

People are read with a small grammar of the genre's name phrases rather than with the NER
alone: en_core_web_sm misses names after long title chains ("Viktor Sedov had a telephone
conversation ...") and labels others GPE or ORG ("Aidos Serikbayev"), while the phrase is
regular: ``[country] TITLE-CHAIN [honorifics] NAME [(ALIAS)] [of COUNTRY] [, APPOSITIVE,]``.
The vocabulary of that grammar is data (``titles.jsonl``); the NER is one piece of evidence
that a capitalised run is a person. Dates are read with small regexes: ``dateparser`` would
add a heavy dependency (regex, tzlocal, its language data) for the handful of formats
readouts print, and it cannot resolve "on Monday" against a dateline anyway.

`read_meta` is the entry point; each field's deciding rule is recorded in ``Meta.rules``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

try:  # the regex parser, to read an event cue's mandatory words (`_literal_needs`)
    import re._constants as _sre
    import re._parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

from .countries import CountryHit, finditer_after_boundary, gazetteer, trie_pattern
from .records import CharSpan, EventType, Meta, Participant
from .resources import load_jsonl
from .segment import Layout, Removed

# =======================================================================================
# Lexicons (models/en_readout_rules/*.jsonl)


@dataclass(frozen=True)
class TitleLexicon:
    heads: frozenset[str]
    plural_heads: frozenset[str]
    relational: frozenset[str]
    words: frozenset[str]
    honorifics: frozenset[str]
    honorific_phrases: tuple[str, ...]
    particles: frozenset[str]
    abbreviations: dict[str, tuple[str, ...]]  # title (lower) → abbreviations ("EAM")
    abbreviation_words: frozenset[str]
    implies: dict[str, tuple[str, str]]  # title (lower) → (country code, rule id)


def _lower_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower().replace("’", "'") for w in words)


@lru_cache(maxsize=1)
def title_lexicon() -> TitleLexicon:
    """The title vocabulary of ``titles.jsonl``."""
    groups: dict[str, list[str]] = {}
    phrases: list[str] = []
    abbreviations: dict[str, tuple[str, ...]] = {}
    implies: dict[str, tuple[str, str]] = {}
    for e in load_jsonl("titles.jsonl"):
        kind = e.get("kind")
        if kind == "abbreviation":
            abbreviations[e["title"].lower()] = tuple(e["abbreviations"])
        elif kind == "implies_country":
            implies[e["title"].lower().replace("’", "'")] = (e["country"], e["id"])
        else:
            groups.setdefault(kind, []).extend(e.get("words", ()))
            phrases.extend(e.get("phrases", ()))
    abbr_words = frozenset(a for abs_ in abbreviations.values() for a in abs_)
    return TitleLexicon(
        heads=_lower_set(groups.get("head", ())),
        plural_heads=_lower_set(groups.get("plural_head", ())),
        relational=_lower_set(groups.get("relational", ())),
        words=_lower_set(groups.get("word", ())),
        honorifics=frozenset(groups.get("honorific", ())),
        honorific_phrases=tuple(sorted(phrases, key=len, reverse=True)),
        particles=frozenset(groups.get("particle", ())),
        abbreviations=abbreviations,
        abbreviation_words=abbr_words,
        implies=implies,
    )


@dataclass(frozen=True)
class EventCue:
    id: str
    type: EventType
    rank: int
    scope: str
    pattern: re.Pattern[str]
    # literal words one of which every match contains (lower case for a case-insensitive
    # pattern), or None: a text holding none of them cannot match (see `_literal_needs`)
    needs: tuple[str, ...] | None = None
    ignore_case: bool = True  # `pattern.flags & re.I`, read once (the flag enum is slow to test)


def _literal_needs(items: list) -> tuple[str, ...] | None:
    """Literal strings one of which every match of the parsed pattern `items` contains.

    Python's `re` scans a ``\\b``-initial case-insensitive pattern position by position; a
    substring test for its mandatory words is far cheaper, and most sentences hold no cue.
    Only ASCII literals are used: `_fold_for_needs` makes a substring test exact for them.
    Of the candidates (a run of literals, or one per branch of an alternation that every match
    passes through) the one with the longest shortest word is kept.
    """
    candidates: list[tuple[str, ...]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(("".join(run),))
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL and av < 128:
            run.append(chr(av))
            continue
        flush()
        sub: tuple[str, ...] | None = None
        if op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group without flags
            sub = _literal_needs(av[3].data)
        elif op is _sre.BRANCH:
            alts = [_literal_needs(alt.data) for alt in av[1]]
            if all(alts):
                sub = tuple(w for alt in alts for w in alt)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            sub = _literal_needs(av[2].data)
        if sub:
            candidates.append(sub)
    flush()
    if not candidates:
        return None
    return max(candidates, key=lambda c: min(len(w) for w in c))


# The only characters outside ASCII that a case-insensitive ASCII letter matches whose
# `str.lower()` is not that letter (checked over all of Unicode).
_NEEDS_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def _fold_for_needs(text: str) -> str:
    """`text` lower-cased so that an ASCII word a case-insensitive pattern matches in it is a
    substring of the result."""
    if not text.isascii() and any(c in text for c in "\u0130\u0131\u017f"):
        text = text.translate(_NEEDS_FOLD)
    return text.lower()


def _pattern_needs(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    # `rx.flags` includes the pattern's own global flags ("(?i)...")
    needs = _literal_needs(_sre_parse.parse(rx.pattern, rx.flags).data)
    if needs is None:
        return None
    return tuple(dict.fromkeys([w.lower() for w in needs] if rx.flags & re.I else needs))


@dataclass(frozen=True)
class _Gate:
    """A regex's mandatory words (`_pattern_needs`): a text that holds none cannot match."""

    needs: tuple[str, ...] | None
    ignore_case: bool

    @classmethod
    def of(cls, rx: re.Pattern[str]) -> _Gate:
        return cls(_pattern_needs(rx), bool(rx.flags & re.I))

    def open(self, text: str, folded: str | None = None) -> bool:
        """Whether `text` may match (`folded`: `_fold_for_needs(text)`, if the caller has it)."""
        if self.needs is None:
            return True
        if self.ignore_case:
            where = folded if folded is not None else _fold_for_needs(text)
        else:
            where = text
        return any(w in where for w in self.needs)


@lru_cache(maxsize=1)
def _event_lexicon() -> tuple[tuple[EventCue, ...], re.Pattern[str]]:
    cues: list[EventCue] = []
    subordinate = re.compile(r"(?!)")
    for e in load_jsonl("event_types.jsonl"):
        if e.get("kind") == "subordinate":
            subordinate = re.compile(e["pattern"], re.I)
            continue
        # "case": true keeps capitals meaningful ("welcomed <Names> to <Place>")
        rx = re.compile(e["pattern"], 0 if e.get("case") else re.I)
        cues.append(
            EventCue(
                e["id"],
                EventType(e["type"]),
                int(e.get("rank", 0)),
                e.get("scope", "both"),
                rx,
                _pattern_needs(rx),
                bool(rx.flags & re.I),
            )
        )
    return tuple(cues), subordinate


@dataclass(frozen=True)
class Places:
    by_form: dict[str, str]  # printed form (and its capitals) → canonical city
    venues: dict[str, str]  # venue → city
    city_rx: re.Pattern[str]
    venue_rx: re.Pattern[str]
    country_of: dict[str, str] = field(default_factory=dict)  # canonical city → country code
    # `city_rx` without its look-behind, for `_city_matches` (which checks it, faster)
    city_trie: re.Pattern[str] | None = None


def _alternation(forms: Iterable[str]) -> str:
    return trie_pattern(forms)


@lru_cache(maxsize=1)
def places() -> Places:
    """Known cities and venues of ``cities.jsonl``."""
    by_form: dict[str, str] = {}
    venues: dict[str, str] = {}
    country_of: dict[str, str] = {}
    for e in load_jsonl("cities.jsonl"):
        if "venue" in e:
            venues[e["venue"]] = e["city"]
        else:
            by_form[e["city"]] = e["city"]
            by_form[e["city"].upper()] = e["city"]
            if e.get("country"):
                country_of.setdefault(e["city"], e["country"])
    city_trie = re.compile(r"(?:" + _alternation(f for f in by_form if f) + r")(?![\w-])")
    city_rx = re.compile(r"(?<![\w-])" + city_trie.pattern)
    venue_rx = re.compile(r"(?<![\w-])(?:" + _alternation(venues) + r")(?![\w-])")
    return Places(by_form, venues, city_rx, venue_rx, country_of, city_trie=city_trie)


def _city_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``places().city_rx.finditer(text)`` finds."""
    return finditer_after_boundary(places().city_trie, text, "-")


@dataclass(frozen=True)
class PublisherRule:
    id: str
    pattern: re.Pattern[str]
    code: str | None
    principal_title: str | None
    # "pieces" (masthead, byline ...), "masthead" (pieces above the first paragraph only) or
    # "title" (a house headline style)
    scope: str = "pieces"
    gate: _Gate | None = None  # most pieces hold none of a rule's words: no search then


def _publisher_rule(e: dict) -> PublisherRule:
    rx = re.compile(e["pattern"])
    return PublisherRule(
        e["id"], rx, e.get("code"), e.get("principal_title"), e.get("scope", "pieces"), _Gate.of(rx)
    )


@lru_cache(maxsize=1)
def _publisher_rules() -> tuple[PublisherRule, ...]:
    return tuple(_publisher_rule(e) for e in load_jsonl("publishers.jsonl"))


# =======================================================================================
# Dates

_MONTH_NUM = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MON = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
_RANGE = rf"(?:\s*(?:-|–|—|to|and)\s*\d{{1,2}}{_ORD})?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Full dates: "March 28, 2019", "Sept. 12, 2023", "November 06-07, 2023", "14 March 2025",
# "6-7 November 2023", "2025-03-03", "2019/05/22", "05.03.2024", "05/03/2024".
_FULL_DATES = [
    ("mdy", re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}}){_ORD}{_RANGE}(?:,\s*|\s+){_YEAR}\b", re.I)),
    (
        "dmy",
        re.compile(rf"\b(?P<day>\d{{1,2}}){_ORD}{_RANGE}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b", re.I),
    ),
    ("iso", re.compile(rf"\b{_YEAR}[-/.](?P<m>\d{{1,2}})[-/.](?P<day>\d{{1,2}})\b")),
    (
        "num",
        re.compile(rf"(?<![\d.:/-])(?P<a>\d{{1,2}})(?P<sep>[./])(?P<b>\d{{1,2}})(?P=sep){_YEAR}\b"),
    ),
]
# Dates without a year: "On July 26", "BEIJING, March 3", "on 6 November".
_PARTIAL_DATES = [
    ("md", re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}}){_ORD}\b(?!\s*(?::|[.,]?\s*\d{{4}}))", re.I)),
    (
        "dm",
        re.compile(
            rf"\b(?P<day>\d{{1,2}}){_ORD}{_RANGE}\s+(?:of\s+)?{_MON}(?![\w.]*,?\s+\d{{4}})", re.I
        ),
    ),
]
_WEEKDAY = re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)
_RELATIVE = re.compile(
    r"\b(?P<rel>today|this\s+(?:morning|afternoon|evening)|tonight|yesterday)\b", re.I
)


_DATE_GATES = {
    kind: _Gate.of(rx)
    for kind, rx in [*_FULL_DATES, *_PARTIAL_DATES, ("weekday", _WEEKDAY), ("relative", _RELATIVE)]
}


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text: a full date, a day and month, a weekday or "today"."""

    start: int
    end: int
    kind: str  # "full" | "partial" | "weekday" | "relative"
    date: dt.date | None = None
    month: int = 0
    day: int = 0
    weekday: int = -1
    offset: int = 0  # relative: days before the reference ("yesterday" = 1)

    def resolve(self, ref: dt.date | None) -> dt.date | None:
        """The calendar date, using `ref` (the dateline or publication date) where needed."""
        if self.kind == "full":
            return self.date
        if ref is None:
            return None
        if self.kind == "partial":
            for year in (ref.year, ref.year - 1):
                try:
                    d = dt.date(year, self.month, self.day)
                except ValueError:
                    return None
                # A readout reports what happened: a day-month far after the reference date
                # belongs to the year before ("On December 30" published on 2 January).
                if d <= ref + dt.timedelta(days=31):
                    return d
            return None
        if self.kind == "weekday":
            back = (ref.weekday() - self.weekday) % 7
            return ref - dt.timedelta(days=back)
        if self.kind == "relative":
            return ref - dt.timedelta(days=self.offset)
        return None


def _month(name: str) -> int:
    return _MONTH_NUM[name[:3].lower()]


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, *, month_first: bool = False) -> list[DateMention]:
    """Every date expression in `text`, in order (offsets into `text`).

    Numeric dates are day-first ("05/03/2024" is 5 March, the European habit of the EEAS and
    Central Asian ministries) unless `month_first` (a US publisher) or the first number
    cannot be a month.
    """
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    folded = _fold_for_needs(text)  # for the gates: most texts name no month, weekday or year

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for kind, rx in _FULL_DATES:
        if not _DATE_GATES[kind].open(text, folded):
            continue
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            g = m.groupdict()
            y = int(g["year"])
            if kind in ("mdy", "dmy"):
                d = _safe_date(y, _month(g["mon"]), int(g["day"]))
            elif kind == "iso":
                d = _safe_date(y, int(g["m"]), int(g["day"]))
            else:
                a, b = int(g["a"]), int(g["b"])
                if g["sep"] == "/" and month_first and a <= 12:
                    a, b = b, a
                elif a <= 12 < b:
                    a, b = b, a  # "12/25/2024" can only be month-first
                d = _safe_date(y, b, a)
            if d is not None:
                out.append(DateMention(m.start(), m.end(), "full", date=d))
                taken.append((m.start(), m.end()))
    for kind, rx in _PARTIAL_DATES:
        if not _DATE_GATES[kind].open(text, folded):
            continue
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            day = int(m.group("day"))
            if not 1 <= day <= 31:
                continue
            out.append(
                DateMention(m.start(), m.end(), "partial", month=_month(m.group("mon")), day=day)
            )
            taken.append((m.start(), m.end()))
    for m in _WEEKDAY.finditer(text) if _DATE_GATES["weekday"].open(text, folded) else ():
        # "Monday, 3 March 2025" / "on Tuesday, Sept. 12": the weekday only names the date after it.
        if any(0 <= s - m.end() <= 4 for s, _e in taken):
            continue
        out.append(
            DateMention(
                m.start(), m.end(), "weekday", weekday=_WEEKDAYS.index(m.group("wd").lower())
            )
        )
    for m in _RELATIVE.finditer(text) if _DATE_GATES["relative"].open(text, folded) else ():
        out.append(
            DateMention(
                m.start(),
                m.end(),
                "relative",
                offset=1 if m.group("rel").lower() == "yesterday" else 0,
            )
        )
    return sorted(out, key=lambda d: d.start)


def first_full_date(text: str, *, month_first: bool = False) -> dt.date | None:
    for d in find_dates(text, month_first=month_first):
        if d.kind == "full":
            return d.date
    return None


# =======================================================================================
# Tokens and name phrases

# The dotted forms all start with a capital: the lookahead spares every other position (most of
# a text) the five attempts.
_TOKEN = re.compile(
    r"""
      (?=[A-Z])(?:
          (?:[A-Z]\.){2,}(?![A-Za-z])                     # H.E., U.S., P.R.C.
        | [A-Z]\.[A-Z](?![\w.])                           # U.S, U.K (the last dot dropped)
        | (?:Mr|Mrs|Ms|Dr|Prof|Hon|Rt|Amb|Sen|Gen|St|Jr|Sr|Smt|Sh|Messrs)\.(?!\w)
        | (?:[A-Z]|Ts|Kh|Ch|Sh|Zh|Ya|Yu|Ye|Yo)\.[A-Z][a-z]+ # Mongolian: "Ts.Oyunbileg"
        | [A-Z]\.(?=\s)                                   # an initial: "Thomas E. Harland"
      )
    | \w+(?:[-‐/]\w+|['’]\w+)*                          # Abdel-Rahman, HR/VP, People's, O'Brien
    | [^\w\s]
    """,
    re.X,
)

# Capitalised words that are never part of a name (headline title case, venues, documents).
_NOT_NAME = {
    w.lower()
    for w in """
    The A An And Of On In At For To By From With Without As Is Are Was Were Be Been This That These
    Those He She They It We Our His Her Their Its Both Two Three Four All Also However Meanwhile I
    During After Before Following Noting Under Over Since Upon Against Between Among Toward Towards
    Regarding Including Despite Through Within Via Per Prior Ahead Today Yesterday Tomorrow
    Holds Held Hold Talks Talk Meets Meet Met Meeting Meetings Has Had Have Phone Telephone Call Calls
    Called Conversation Conversations Speaks Spoke Speak Visit Visits Visited Visiting Receives
    Received Receive Joint Statement Statements Declaration Communique Communiqué Readout Trilateral
    Bilateral Working Dinner Lunch Luncheon Breakfast Banquet Summit Forum Dialogue Consultations
    Consultation Session Video Virtual Sign Signs Signed Adopt Adopts Adopted Discuss Discusses
    Discussed Request Press Release Releases News Print Share Photo Source Editor Updated Published
    Publication Date Overview Outset Relationship Partnership Comprehensive Agreement Agreements
    Treaty Initiative Belt Road Railway Corridor Route Hall Palace Guest Guesthouse Building Hotel
    Centre Center Square Street Avenue Airport Islands Island Sea Ocean Strait Peninsula River
    Mountain Lake Gulf Canal Valley University Institute Academy School Museum Stadium Park Zone
    Expo Fair Games Olympics Cup Day Week Year Anniversary Festival Company Corporation Inc Ltd
    Airlines Plan Program Programme Project Vision Action Charter Convention Protocol Memorandum
    Understanding Law Act Welcomes Welcomed Urges Urged Calls Discusses Agree Agreed Agrees
    Congratulates Thanks Chairs Chaired Attends Attended Hosts Hosted Witness Witnesses Witnessed
    Exchange Exchanges Exchanged Remarks Message Letter Greetings Condolences Situation Issues Issue
    Local Time Morning Afternoon Evening Night Middle Relations Cooperation Strategic Mr Mrs Ms
    Read Tags Related Links Page Top Home Events Transcripts Topics Persons Geography Japanese English
    Chinese Russian Kazakh Secretary's Minister's President's Ministers Leaders Sides Side Parties
    Party Government Delegation Delegations Embassy Mission Group Bank Fund Organization
    Organisation Union Council Commission Assembly Congress Committee Office Ministry Department
    Republic Kingdom Federation State States Nations Affairs Official Courtesy Introductory
    Farewell Inaugural Ministerial Annual Round Consultative Plenary
    """.split()
}
# A romanised Korean (or Chinese) given name: "Min-seok", "Jae-won", "Dong-hyun".
_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")
_MONTH_WORDS = set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# "–" joins two posts in Kazakh and Uzbek MFA style: "Deputy Prime Minister – Minister of
# Foreign Affairs of the Republic of Kazakhstan Murat Nurtleu".
_CONN = {"of", "the", "and", "for", "to", "&", ",", "–", "—"}  # "to": "Ambassador of Japan to ..."
_ROYAL_STYLES = {"prince", "princess", "sheikh", "sheikha", "king", "queen", "emir"}
_SPLIT = {"and", ",", "&", "–", "—"}
# Verbs after a headline's or a lead's bare subject ("Huang meets ...", "Viktor Sedov had a
# telephone conversation ..."): they make a capitalised run at the start a person.
_SUBJECT_VERB = re.compile(
    r"^\s*(?:(?:also|on\s+\w+day|today|this\s+\w+|yesterday)\s+)?(?:,\s*)?"
    r"(?:holds?|held|meets?|met|has|had|have|speaks?|spoke|talks?|talked|receives?|received|"
    r"visits?|visited|pays?|paid|calls?|called|signs?|signed|conducts?|conducted|hosts?|hosted|"
    r"telephoned|phoned|co-chaired|chaired|welcomes?|welcomed|undert(?:ook|akes?)|makes?|made|"
    r"arrived?|arrives|leads?|led|begins?|began|concluded?|concludes|and\s+[A-Z])\b",
    re.I,
)
_EXCLUDE_BEFORE = re.compile(
    r"(?:invitation\s+of|on\s+behalf\s+of|accompanied\s+by|greetings\s+(?:of|from)|message\s+"
    r"from|letter\s+from|envoy\s+of|presence\s+of|witnessed\s+by|attended\s+by|according\s+to|"
    r"successor\s+to|predecessor)\s+(?:the\s+)?$",
    re.I,
)
_INVITATION = re.compile(r"invitation\s+of\s+(?:the\s+)?$", re.I)
_EXCLUDE_AFTER = re.compile(
    r"^\s*(?:,[^,]{0,120},\s*)?(?:also\s+)?(?:attended|was\s+present|were\s+present|accompanied|"
    r"put\s+forward|proposed\s+the)\b",
    re.I,
)


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    cls: str = "OTHER"
    country: CountryHit | None = None

    @property
    def possessive(self) -> bool:
        return len(self.text) > 2 and self.text[-2:] in ("'s", "’s")

    @property
    def base(self) -> str:
        return self.text[:-2] if self.possessive else self.text


def _tokenize(text: str, a: int, b: int) -> list[Tok]:
    """The `_TOKEN` tokens of text[a:b] (offsets into `text`).

    `findall` makes no match objects: a token's offset is found again with `str.find`, which
    is exact because every character that is not white space starts a token (`\\w+` or
    `[^\\w\\s]`), so only white space lies between two tokens. `findall(text, a, b)` reads
    text[a:b] as a string of its own (`_TOKEN` has no look-behind, its lookaheads stop at `b`).
    """
    toks: list[Tok] = []
    find = text.find
    pos = a
    for word in _TOKEN.findall(text, a, b):
        start = find(word, pos)
        pos = start + len(word)
        toks.append(Tok(word, start, pos))
    return toks


@dataclass
class Mention:
    """A person (or a post, when `name` is empty) as one phrase of the text."""

    start: int
    end: int
    name: str = ""
    name_start: int = -1
    name_end: int = -1
    titles: list[str] = field(default_factory=list)
    country: str | None = None
    country_rule: str = ""
    aliases: list[str] = field(default_factory=list)
    evidence: str = ""
    possessive: bool = False

    @property
    def title_only(self) -> bool:
        return not self.name


def _copy_mention(m: Mention) -> Mention:
    """A copy whose lists the caller may change (`dataclasses.replace`, field by field
    through `__init__`, cost more than reading the mentions it saved)."""
    out = object.__new__(Mention)
    out.__dict__.update(m.__dict__)
    out.titles = list(m.titles)
    out.aliases = list(m.aliases)
    return out


_SPACES = re.compile(r"\s+")


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


_WORD_CLASS: dict[str, str] = {}  # token text -> class, where the class is the word's alone


@lru_cache(maxsize=4)
def _honorific_index(phrases: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Multi-token honorifics by their first token, so a sentence is scanned once (built once
    per lexicon, not per document)."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(m.group() for m in _TOKEN.finditer(phrase))
        if words:
            index.setdefault(words[0], []).append(words)
    return {first: tuple(phrases) for first, phrases in index.items()}


_GLUED_PARTICLE = re.compile(
    r"^(?:al|el|ad|ash|as|at|az|ar|an|ad-|bin|ibn|abu|ben|de|da|di|van|von|d)['’-][A-Z]"
)


class _Reader:
    """Finds name phrases in spans of one document (shares the per-document caches)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        layout = doc._.readout_layout
        self.text = layout.text if layout is not None else doc.text
        self.lex = title_lexicon()
        self.gaz = gazetteer()
        self.places = places()
        # Countries and cities are found once over the whole text; spans then take their share.
        self.country_hits = [h for h in self.gaz.find(self.text) if h.code or h.codes]
        self.city_spans = [(m.start(), m.end()) for m in _city_matches(self.text)]
        # GPE entities once: `doc.ents` rebuilds its tuple on every access, and a span's share
        # of each list is found by bisection, so reading 12,000 sentences of one paragraph
        # stays linear.
        # One pass over the entities for both lists (a Span's attributes are not cheap).
        n = len(self.text)
        self.gpe: list[tuple[int, int, str]] = []
        self.ent = [""] * n  # NER label per character ("" outside entities)
        for e in doc.ents:
            a, end, label = e.start_char, e.end_char, e.label_
            if label == "GPE":
                self.gpe.append((a, end, e.text))
            b = min(end, n)
            if a < b:
                self.ent[a:b] = [label] * (b - a)
        self._hit_starts = [h.start for h in self.country_hits]
        self._city_starts = [c[0] for c in self.city_spans]
        self._gpe_starts = [g[0] for g in self.gpe]
        self._mention_cache: dict[tuple[int, int, bool], list[Mention]] = {}
        self._honorific_phrases = _honorific_index(self.lex.honorific_phrases)

    @staticmethod
    def _share(items: list, starts: list[int], a: int, b: int) -> list:
        """The items (sorted by start) that start inside [a, b)."""
        return items[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]

    def gpe_in(self, a: int, b: int) -> list[tuple[int, int, str]]:
        """GPE entities inside text[a:b], as (start, end, text)."""
        return [g for g in self._share(self.gpe, self._gpe_starts, a, b) if g[1] <= b]

    # -- tokens --------------------------------------------------------------------------
    def tokens(self, a: int, b: int) -> list[Tok]:
        toks = _tokenize(self.text, a, b)
        hits = [h for h in self._share(self.country_hits, self._hit_starts, a, b) if h.end <= b]
        cities = [c for c in self._share(self.city_spans, self._city_starts, a, b) if c[1] <= b]
        if hits or cities:
            for t in toks:
                t.cls = self._classify(t, hits, cities)
        else:  # no country or city in the span: each class is the word's alone (memoised)
            for t in toks:
                cls = _WORD_CLASS.get(t.text)
                t.cls = cls if cls is not None else self._word_class(t)
        # "His Highness Sheikh ...", "His Royal Highness Prince ...", "Her Excellency ...":
        # styles of several words
        for i, t in enumerate(toks):
            for phrase in self._honorific_phrases.get(t.text, ()):
                n = len(phrase)
                if i + n <= len(toks) and all(toks[i + k].text == w for k, w in enumerate(phrase)):
                    for k in range(n):
                        toks[i + k].cls = "HON"
        # "Senator the Hon Penny Wong", "The Rt Hon": an article inside an honorific phrase.
        for i, t in enumerate(toks[:-1]):
            if toks[i + 1].cls == "HON" and t.text.lower() == "the":
                t.cls = "HON"
        # A family name that is also a venue word, between a post and a given name: "Minister
        # of Foreign Affairs Park Min-seok", "First Vice Minister ... Park Jae-won" (Korea).
        for i in range(1, len(toks) - 1):
            t = toks[i]
            if (
                t.cls == "OTHER"
                and t.text.istitle()
                and t.text.lower() in _NOT_NAME
                and toks[i - 1].cls in ("HEAD", "TW", "HON")
                and toks[i + 1].cls == "NAME"
                and (
                    _GIVEN_NAME.fullmatch(toks[i + 1].text)
                    or self._ner(t) == self._ner(toks[i + 1]) == "PERSON"
                )
            ):
                t.cls = "NAME"
        return toks

    def _classify(self, t: Tok, hits: list[CountryHit], cities: list[tuple[int, int]]) -> str:
        for h in hits:
            if h.start <= t.start and t.end <= h.end + 2:
                # a possessive country ("India's") is still the country
                if t.start < h.end:
                    t.country = h
                    return "CTRY"
        for s, e in cities:
            if s <= t.start < e:
                return "CITY"
        return self._word_class(t)

    def _word_class(self, t: Tok) -> str:
        # The rest depends on the word alone (`t.base` is a function of `t.text`): cached (a
        # readout repeats its words).
        cls = _WORD_CLASS.get(t.text)
        if cls is None:
            cls = self._classify_word(t)
            if len(_WORD_CLASS) < 200_000:
                _WORD_CLASS[t.text] = cls
        return cls

    def _classify_word(self, t: Tok) -> str:
        base = t.base
        low = base.lower().replace("’", "'")
        if base in self.lex.honorifics:
            return "HON"
        if base in self.lex.abbreviation_words and base.isupper():
            return "HEAD"
        if _is_cap(base):
            parts = low.split("/")
            if low in self.lex.heads or any(p in self.lex.heads for p in parts if p):
                return "HEAD"
            if low in self.lex.plural_heads:
                return "PHEAD"
            if low in self.lex.words:
                return "TW"
            # a people inside a portfolio: "Minister of Foreign Affairs, Emigration and
            # Egyptians Abroad"
            if low.endswith("s") and self.gaz.code_for_adjective(base[:-1]):
                return "TW"
        elif low in self.lex.relational:
            return "REL"
        if t.text.lower() in _CONN and (t.text.islower() or t.text in ",&–—"):
            return "CONN"
        if t.text in self.lex.particles:
            return "PART"
        # "Abdel Fattah el-Sisi", "Mohammed Shia al-Sudani": a particle glued to a surname
        if _GLUED_PARTICLE.match(t.text):
            return "NAME"
        if base[:1].isdigit():
            return "NUM"
        if not base[:1].isalpha():
            return "PUNCT"
        if (
            _is_cap(base)
            and low not in _NOT_NAME
            and low not in _MONTH_WORDS
            and low not in _WEEKDAYS
        ):
            return "NAME"
        return "OTHER"

    # -- mentions ------------------------------------------------------------------------
    def mentions(self, a: int, b: int, *, bare_subject: bool = True) -> list[Mention]:
        """Name phrases in text[a:b]: people (with titles) and title-only posts."""
        key = (a, b, bare_subject)
        if key not in self._mention_cache:
            self._mention_cache[key] = self._mentions(a, b, bare_subject)
        return [_copy_mention(m) for m in self._mention_cache[key]]

    def _mentions(self, a: int, b: int, bare_subject: bool) -> list[Mention]:
        toks = self.tokens(a, b)
        out: list[Mention] = []
        used_chain: set[int] = set()
        # a title chain never reaches back into the previous person's phrase: "Amb. X, the
        # Cabinet Secretary for Foreign Affairs and Amb. Y, ..." gives Y none of X's post
        floor = 0
        i = 0
        while i < len(toks):
            if toks[i].cls != "NAME":
                i += 1
                continue
            j = i
            while j + 1 < len(toks) and j - i < 6:
                nxt = toks[j + 1]
                if toks[j].possessive:
                    break
                if nxt.cls == "NAME":
                    j += 1
                    continue
                # particles between name words: "Lula da Silva", "Ursula von der Leyen"
                q = j + 1
                while q < len(toks) and toks[q].cls == "PART" and q - j <= 3:
                    q += 1
                if q > j + 1 and q < len(toks) and toks[q].cls == "NAME":
                    j = q
                    continue
                # "Samantha Power": a title word the NER reads as part of the person
                if (
                    nxt.cls == "TW"
                    and self._ner(nxt) == "PERSON"
                    and self._ner(toks[j]) == "PERSON"
                ):
                    j += 1
                    continue
                break
            m = self._person(toks, i, j, a, bare_subject, floor)
            if m is not None:
                out.append(m)
                used_chain.update(range(self._chain_start_index(toks, i, floor), j + 1))
                # the appositive is this person's ("..., Minister of Foreign Affairs and National
                # Community Abroad of ...,"): its capitalised words are no other name
                while j + 1 < len(toks) and toks[j + 1].start < m.end:
                    j += 1
                    used_chain.add(j)
                floor = j + 1
            i = j + 1
        out.extend(self._title_only(toks, used_chain))
        return sorted(out, key=lambda m: m.start)

    def _ner(self, t: Tok) -> str:
        return self.ent[t.start] if t.start < len(self.ent) else ""

    def _chain_start_index(self, toks: list[Tok], i: int, floor: int = 0) -> int:
        k = i - 1
        while k >= floor and toks[k].cls == "HON":
            k -= 1
        start = k + 1
        while k >= floor:
            c = toks[k].cls
            # PHEAD: "Deputy Chairman of the Cabinet of Ministers and Foreign Minister"
            if c in ("HEAD", "TW", "CONN", "CTRY", "HON", "REL", "PHEAD"):
                k -= 1
                continue
            if toks[k].text == ")":
                o = k - 1
                while o >= 0 and o >= k - 4 and toks[o].text != "(":
                    o -= 1
                if o >= 0 and toks[o].text == "(":
                    k = o - 1
                    continue
            break
        start = k + 1
        while start < i and toks[start].cls == "CONN":
            start += 1
        return start

    def _person(
        self, toks: list[Tok], i: int, j: int, seg_start: int, bare_subject: bool, floor: int = 0
    ) -> Mention | None:
        run = toks[i : j + 1]
        # honorifics directly before the name
        k = i - 1
        honorific = False
        while k >= floor and toks[k].cls == "HON":
            honorific = True
            k -= 1
        c0 = self._chain_start_index(toks, i, floor)
        chain = toks[c0 : k + 1]
        titles, country, crule, aliases, has_head, plural = self._parse_chain(
            chain, case_sensitive=True
        )
        # right side: "(EAM)", "of Kazakhstan", ", Minister for Foreign Affairs of Japan,"
        r = j + 1
        while r < len(toks) and toks[r].cls == "HON" and toks[r].base in ("MP", "M.P."):
            r += 1
        if r + 2 < len(toks) and toks[r].text == "(" and toks[r + 2].text == ")":
            inner = toks[r + 1]
            if inner.cls != "CTRY" and inner.text.isupper():
                aliases.append(inner.text)
            r += 3
        if r + 1 < len(toks) and toks[r].text == "of":
            q = r + 1
            if q < len(toks) and toks[q].text.lower() == "the":
                q += 1
            if q < len(toks) and toks[q].cls == "CTRY" and toks[q].country and toks[q].country.code:
                if country is None:
                    country, crule = toks[q].country.code, "country.of_after_name"
                r = q + 1
                while (
                    r < len(toks) and toks[r].cls == "CTRY" and toks[r].country is toks[q].country
                ):
                    r += 1
        appositive = False
        if r < len(toks) and toks[r].text == ",":
            q = r + 1
            seg: list[Tok] = []
            while q < len(toks) and toks[q].text not in (",", ".", ";", "(", "who", "which"):
                # "..., the Cabinet Secretary for Foreign Affairs and Amb. Tibor Nagy, ...": a
                # second person starts after "and"
                if toks[q].text == "and" and q + 1 < len(toks) and toks[q + 1].cls == "HON":
                    break
                seg.append(toks[q])
                q += 1
            # "Myrat Annaberdiyev, deputy chairman of the Cabinet of Ministers of Turkmenistan,"
            # "Zhou, also a member of the Political Bureau ...,"
            lead_words = 0
            while lead_words < len(seg) and seg[lead_words].text.lower() in (
                "also",
                "a",
                "an",
                "the",
                "then",
                "now",
            ):
                lead_words += 1
            body = seg[lead_words:]
            if body and not self._appositive_ok(body):
                # no closing comma before the verb: "Amb. Tibor Nagy, U.S Assistant Secretary
                # for African Affairs held a virtual meeting ..."
                for n in range(1, min(len(body), 16)):  # a post is a few words
                    if body[n - 1].cls == "NAME":
                        break  # "..., President Tomás Rojas of Chile paid ...": the next person
                    if (
                        body[n].text.lower() != "and"
                        and _SUBJECT_VERB.match(self.text[body[n - 1].end : body[n].end + 40])
                        and self._appositive_ok(body[:n])
                    ):
                        q = r + 1 + lead_words + n
                        body = body[:n]
                        break
            # "with the Minister of Foreign Affairs of Kazakhstan, Daniyar Serikbolov, the Minister
            # of Foreign Affairs of the Kyrgyz Republic, Talant Jumabaev, and ...": after a
            # titled name, a post followed by a name is the next person's
            nxt = q + 1
            while nxt < len(toks) and toks[nxt].cls == "HON":
                nxt += 1
            if (
                titles
                and q < len(toks)
                and toks[q].text == ","
                and nxt < len(toks)
                and toks[nxt].cls == "NAME"
            ):
                body = []
            if body and self._appositive_ok(body):
                t2, c2, cr2, al2, hh2, _pl = self._parse_chain(body, case_sensitive=False)
                if hh2 and t2:
                    titles.extend(t for t in t2 if t not in titles)
                    if country is None and c2:
                        country, crule = c2, "country.appositive"
                    aliases.extend(al2)
                    appositive = True
                    r = q
        # evidence that the run is a person
        first = run[0]
        ner = [self._ner(t) for t in run]
        is_place = (
            all(t.cls == "CITY" for t in run)
            or any(lab in ("GPE", "LOC", "FAC", "NORP") for lab in ner)
            and not has_head
        )
        evidence = ""
        if has_head and not plural:
            evidence = "title"
        elif honorific:
            evidence = "honorific"
        elif appositive:
            evidence = "appositive"
        elif "PERSON" in ner and not is_place and len(run) >= 2:
            evidence = "ner"
        elif k >= floor and toks[k].cls == "REL" and not is_place:
            # "his Azerbaijani counterpart Elnur Mammadzada", "her host Ana Ruiz": a relational
            # word names a person whom the NER may not know
            evidence = "relational"
        elif bare_subject and not is_place:
            before = self.text[seg_start : first.start]
            if _bare_start(before) and _SUBJECT_VERB.match(
                self.text[run[-1].end : run[-1].end + 40]
            ):
                evidence = "subject"
        if not evidence:
            return None
        if any(t.cls != "NAME" and t.text.lower() in _NOT_NAME for t in run):
            return None
        last = run[-1]
        name_end = last.start + len(last.base)
        name = self.text[first.start : name_end]
        name = _SPACES.sub(" ", name)
        start = chain[0].start if chain else (toks[k + 1].start if k + 1 <= i else first.start)
        return Mention(
            start=start,
            end=toks[r - 1].end if r - 1 > j else name_end,
            name=name,
            name_start=first.start,
            name_end=name_end,
            titles=titles,
            country=country,
            country_rule=crule,
            aliases=aliases,
            evidence=evidence,
            possessive=last.possessive,
        )

    def _appositive_ok(self, body: list[Tok]) -> bool:
        lex = self.lex
        has_head = False
        # A capitalised post may name a portfolio our vocabulary lacks ("Minister of Foreign
        # Affairs and National Community Abroad"): after a capitalised head, capitalised words pass.
        capital_post = body[0].cls in ("HEAD", "TW") and body[0].text[:1].isupper()
        for t in body:
            if capital_post and has_head and t.cls == "NAME":
                continue
            low = t.base.lower().replace("’", "'")
            if low in lex.heads or low in lex.abbreviation_words:
                has_head = True
                continue
            if (
                t.cls in ("HEAD", "TW", "CONN", "CTRY", "PHEAD")
                or low in lex.words
                or low in lex.plural_heads
            ):
                continue
            if t.text.lower() in ("of", "the", "and", "for", "&"):
                continue
            return False
        first = body[0].base.lower()
        return has_head and (
            first in lex.heads or first in lex.words or body[0].cls in ("HEAD", "TW", "CTRY")
        )

    def _parse_chain(
        self, chain: list[Tok], *, case_sensitive: bool
    ) -> tuple[list[str], str | None, str, list[str], bool, bool]:
        """A title chain → (titles, country, country rule, aliases, has a head, plural head)."""
        lex = self.lex
        aliases: list[str] = []
        country: str | None = None
        crule = ""
        toks: list[Tok] = []
        i = 0
        while i < len(chain):
            t = chain[i]
            if t.text == "(":
                close = next(
                    (q for q in range(i + 1, min(i + 5, len(chain))) if chain[q].text == ")"), None
                )
                if close is not None:
                    inner = chain[i + 1 : close]
                    if (
                        inner
                        and all(x.cls != "CTRY" for x in inner)
                        and len(inner) == 1
                        and inner[0].text.isupper()
                    ):
                        aliases.append(inner[0].text)
                    i = close + 1
                    continue
            if t.cls == "HON":
                i += 1
                continue
            toks.append(t)
            i += 1

        def is_head(t: Tok) -> bool:
            low = t.base.lower().replace("’", "'")
            if t.cls == "HEAD":
                return True
            if not case_sensitive and (
                low in lex.heads or any(p in lex.heads for p in low.split("/"))
            ):
                return True
            return False

        plural = any(t.cls == "PHEAD" for t in toks) and not any(is_head(t) for t in toks)
        # leading article / connectors, then a leading country ("Hungarian Minister ...")
        while toks and toks[0].cls == "CONN":
            toks.pop(0)
        if toks and toks[0].cls == "CTRY" and toks[0].country is not None:
            hit = toks[0].country
            while toks and toks[0].cls == "CTRY" and toks[0].country is hit:
                toks.pop(0)
            # "Regarding Ukraine, Mr Imhof ...": a country set off by a comma is no adjective
            if hit.code and not (toks and toks[0].text == ","):
                country, crule = hit.code, "country.adjective_before_title"
        while toks and toks[0].cls == "CONN":
            toks.pop(0)
        if any(t.cls == "REL" for t in toks):
            toks = [t for t in toks if t.cls != "REL"]
        # units split on "and" / "," / "&" where the next part has a head of its own
        segments: list[list[Tok]] = [[]]
        for t in toks:
            if t.text.lower() in _SPLIT and t.cls == "CONN":
                segments.append([])
                segments[-1].append(t)  # keep the separator to re-join merged parts
            else:
                segments[-1].append(t)
        units: list[list[Tok]] = []
        for s in segments:
            content = [t for t in s if not (t.cls == "CONN" and t.text.lower() in _SPLIT)]
            if units and not any(is_head(t) for t in content):
                units[-1].extend(s)
            else:
                units.append(content if units else s)
        titles: list[str] = []
        has_head = False
        for u in units:
            while u and (u[0].cls == "CONN"):
                u.pop(0)
            if u and u[0].cls == "CTRY" and u[0].country is not None and len(u) > 1:
                hit = u[0].country
                while u and u[0].cls == "CTRY" and u[0].country is hit:
                    u.pop(0)
                if country is None and hit.code:
                    country, crule = hit.code, "country.adjective_before_title"
            while u and u[-1].cls == "CONN":
                u.pop()
            # "Saudi Foreign Minister Prince Faisal bin Farhan": the style "Prince" after a post
            # belongs to the name's honorifics, not to the post
            # ("Minister of Foreign Affairs Prince Faisal ...": the post may end in any word)
            if (
                len(u) >= 2
                and u[-1].base.lower() in _ROYAL_STYLES
                and any(is_head(t) for t in u[:-1])
            ):
                u = u[:-1]
            # trailing "of (the) COUNTRY"; "Ambassador of Japan to Uzbekistan": the country
            # after "to" is the host, the one after "of" the envoy's own
            for _ in range(2):
                if not (u and u[-1].cls == "CTRY" and u[-1].country is not None):
                    break
                hit = u[-1].country
                q = len(u) - 1
                while q > 0 and u[q - 1].cls == "CTRY" and u[q - 1].country is hit:
                    q -= 1
                p = q - 1
                if p >= 0 and u[p].text.lower() == "the":
                    p -= 1
                if p < 0 or u[p].text.lower() not in ("of", "for", "to"):
                    break
                if u[p].text.lower() != "to" and hit.code and country is None:
                    country, crule = hit.code, "country.of_in_title"
                u = u[:p]
            # "Special Representative of the European Union for Central Asia": a country or
            # organisation inside the post, when nothing else names one
            if country is None:
                for q in range(1, len(u)):
                    t = u[q]
                    prev = u[q - 1].text.lower()
                    if t.cls == "CTRY" and t.country and t.country.code and prev in ("of", "the"):
                        if prev == "the" and not (q >= 2 and u[q - 2].text.lower() == "of"):
                            continue
                        country, crule = t.country.code, "country.inside_title"
                        break
            while u and u[-1].cls in ("CONN",):
                u.pop()
            if not u or not any(is_head(t) for t in u):
                continue
            has_head = True
            title = self.text[u[0].start : u[-1].end]
            title = _SPACES.sub(" ", title).strip(" ,")
            if title and title not in titles:
                titles.append(title)
        for tl in titles:
            for ab in lex.abbreviations.get(tl.lower(), ()):
                if ab not in aliases and next(_occurrences(self.text, ab), None) is not None:
                    aliases.append(ab)
        if country is None:
            for tl in titles:
                imp = lex.implies.get(tl.lower().replace("’", "'"))
                if imp:
                    country, crule = imp[0], imp[1]
                    break
        return titles, country, crule, aliases, has_head, plural

    def _title_only(self, toks: list[Tok], used: set[int]) -> list[Mention]:
        """Posts named without a person: "The Prime Minister spoke to ...", "EAM held ..."."""
        out: list[Mention] = []
        i = 0
        while i < len(toks):
            if i in used or toks[i].cls not in ("HEAD", "TW", "CTRY"):
                i += 1
                continue
            j = i
            while (
                j + 1 < len(toks)
                and (j + 1) not in used
                and toks[j + 1].cls in ("HEAD", "TW", "CONN", "CTRY")
            ):
                j += 1
            while j > i and toks[j].cls == "CONN":
                j -= 1
            chain = toks[i : j + 1]
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if any(t.cls == "HEAD" for t in chain) and not (
                nxt is not None and nxt.cls in ("NAME", "HON")
            ):
                titles, country, crule, aliases, has_head, plural = self._parse_chain(
                    chain, case_sensitive=True
                )
                if has_head and titles and not plural:
                    out.append(
                        Mention(
                            start=chain[0].start,
                            end=chain[-1].end,
                            titles=titles,
                            country=country,
                            country_rule=crule,
                            aliases=aliases,
                            evidence="title_only",
                            possessive=chain[-1].possessive,
                        )
                    )
            i = j + 1
        return out


_OPENING_QUOTES = re.compile(r"^[“\"‘']+")
_DATE_PHRASE = re.compile(r"(?:On|In|At)\b[^.]{0,80},")


def _bare_start(before: str) -> bool:
    """Nothing but a date phrase, a dateline or a quotation mark before a headline/lead subject."""
    s = before.strip()
    if not s:
        return True
    s = _OPENING_QUOTES.sub("", s).strip()
    if not s:
        return True
    return bool(_DATE_PHRASE.fullmatch(s))


# =======================================================================================
# Event type


# A lead that reports the event in a temporal clause of what was said: "“...”, Minister X said
# in Budapest on Wednesday after meeting with his Azerbaijani counterpart Y", "Following talks
# with Y, X told reporters ...". The clause is the event when the sentence names no other one.
_TEMPORAL_FRAME = re.compile(
    r"\b(?:after|following|during)\s+(?:(?:his|her|their|its|the|a|an)\s+)?"
    r"(?:[\w-]+\s+){0,2}?$",
    re.I,
)


@lru_cache(maxsize=256)
def _cue_scan(text: str) -> tuple[tuple[EventCue, re.Match[str], bool, bool], ...]:
    """Every event cue match in `text`, in the lexicon's order, with whether it stands in a
    subordinate frame and whether that frame is temporal ("after", "following", "during").

    One scan serves every scope and both modes of `_cues_in`: the lead and the opening
    sentences are asked about several times per document, and the regexes are the cost.
    """
    cues, subordinate = _event_lexicon()
    folded = _fold_for_needs(text)
    out = []
    for cue in cues:
        if cue.needs is not None:
            where = folded if cue.ignore_case else text
            if not any(w in where for w in cue.needs):
                continue
        for m in cue.pattern.finditer(text):
            framed = bool(subordinate.search(text[: m.start()]))
            temporal = framed and bool(
                _TEMPORAL_FRAME.search(text[max(0, m.start() - 40) : m.start()])
            )
            out.append((cue, m, framed, temporal))
    return tuple(out)


def _cues_in(
    text: str, scope: str, *, temporal: bool = False
) -> tuple[tuple[int, EventCue, re.Match[str]], ...]:
    """Event cues in `text`, outside subordinate frames, by position (a filter over the
    cached `_cue_scan`).

    With `temporal`, a lead with no cue of its own falls back to cues right after "after",
    "following" or "during" (the event the sentence's speech followed or took place in).
    """
    found: list[tuple[int, EventCue, re.Match[str]]] = []
    framed: list[tuple[int, EventCue, re.Match[str]]] = []
    for cue, m, in_frame, in_time in _cue_scan(text):
        if cue.scope not in ("both", scope):
            continue
        if in_frame:
            if temporal and in_time:
                framed.append((m.start(), cue, m))
            continue
        found.append((m.start(), cue, m))
    return tuple(sorted(found or framed, key=lambda x: x[0]))


_IN_PERSON = re.compile(r"\b(?:sidelines|margins|in\s+person|met|meeting\s+in)\b", re.I)


def _choose_cue(
    found: Sequence[tuple[int, EventCue, re.Match[str]]], text: str
) -> tuple[EventType, str] | None:
    if not found:
        return None
    # A medium (phone, video, a joint statement) names the event when it is part of the first
    # event phrase ("received a phone call from", "held talks via video link"), not when a
    # later clause adds another event ("met ... and later held a phone call with ...").
    first = found[0][0]
    ranked = [f for f in found if f[1].rank > 0 and f[0] <= first + 40]
    if ranked:
        best = max(ranked, key=lambda f: (f[1].rank, -f[0]))
        cue = best[1]
        # "spoke with X on the sidelines of the summit" is an encounter, not a call
        if (
            cue.id == "event.phone_call.spoke"
            and _IN_PERSON.search(text)
            and not any(f[1].rank > 0 and f[1].id != cue.id for f in ranked)
        ):
            return EventType.MEETING, "event.spoke_in_person"
        return cue.type, cue.id
    return found[0][1].type, found[0][1].id


def read_event_type(title: str | None, lead: str | None) -> tuple[EventType, str]:
    """The event type from the headline, then the lead sentence (rule id with it).

    The headline wins ("Visit of External Affairs Minister to Uzbekistan" is a visit though
    the lead reports talks), except that a medium the lead names (phone, video) refines a
    headline's talks or meeting ("Xi Holds Talks with Putin" + "via video link").
    """
    head = _choose_cue(_cues_in(title, "title"), title) if title else None
    lead_choice = _choose_cue(_cues_in(lead, "lead", temporal=True), lead) if lead else None
    if head:
        if (
            lead_choice
            and lead_choice[0] in (EventType.PHONE_CALL, EventType.VIDEO_CALL)
            and head[0] in (EventType.TALKS, EventType.MEETING, EventType.PHONE_CALL)
            and lead_choice[0] != head[0]
            and lead_choice[1] != "event.spoke_in_person"
        ):
            return lead_choice[0], "title+" + lead_choice[1]
        return head[0], "title:" + head[1]
    if lead_choice:
        return lead_choice[0], "lead:" + lead_choice[1]
    return EventType.OTHER, "event.none"


def _lead_index(layout: Layout) -> int:
    """The sentence that reports the event: the first of the opening ones with an event cue."""
    texts = layout.sentence_texts()
    for i, s in enumerate(texts[:4]):
        if _cues_in(s, "lead"):
            return i
    for i, s in enumerate(texts[:4]):
        if _cues_in(s, "lead", temporal=True):
            return i
    return 0


# =======================================================================================
# Publisher


@dataclass(frozen=True)
class Publisher:
    code: str
    principal_title: str | None
    rule: str
    text: str


def read_publisher(layout: Layout) -> Publisher | None:
    """The publishing government from the masthead, byline or wrapper pieces, if printed."""
    text = layout.text
    gaz = gazetteer()
    pieces = [
        p
        for p in layout.removed
        if p.kind
        in (
            Removed.BOILERPLATE,
            Removed.HEADING,
            Removed.WRAPPER,
            Removed.DATELINE,
            Removed.CAPTION,
            Removed.DATE,
        )
    ]
    ordered = sorted(pieces, key=lambda p: p.start)
    # A house headline style is the last resort, when no masthead or byline was printed:
    # "PM call with President Rojas of Chile: 12 February 2024" is a GOV.UK readout.
    titles = [p for p in layout.removed if p.kind is Removed.TITLE]
    # An organisation's name is its masthead only above the body: "United Nations" over a
    # Secretary-General's readout, not a joint statement's section heading "United Nations".
    body_start = layout.paragraphs[0].start if layout.paragraphs else len(text)
    for p, scope in [*((p, "pieces") for p in ordered), *((p, "title") for p in titles)]:
        piece = text[p.start : p.end].strip()
        for rule in _publisher_rules():
            if rule.scope != scope and not (
                rule.scope == "masthead" and scope == "pieces" and p.start < body_start
            ):
                continue
            if rule.gate is not None and not rule.gate.open(piece):
                continue
            m = rule.pattern.search(piece)
            if not m:
                continue
            code = rule.code
            if code is None:
                name = m.groupdict().get("country") or ""
                code = gaz.code(name.strip())
                if code is None and name.isupper():
                    code = gaz.code(name.title())
            if code:
                return Publisher(code, rule.principal_title, rule.id, piece)
    return None


# =======================================================================================
# Location


# "In Brasília, the two Presidents held ...": a sentence may open with the place.
_PLACE_PREP = re.compile(
    r"(?:\b[Ii]n|\b[Aa]t|\bto|\bvisiting|\bvisited|\barrived\s+in|\binside|\bwhile\s+in|\bvisit\s+to)\s+"
    r"(?:the\s+(?:city|capital|[A-Z][\w-]+\s+capital)\s+(?:of\s+)?)?$"
)


# A place in a background clause is not the event's: "to review the Strategic Dialogue since
# its inauguration in May 2019 in Washington DC", "following their previous meeting in Astana".
_BACKGROUND = re.compile(
    r"\b(?:since|(?:its|their|the)\s+(?:inauguration|establishment|founding|launch|creation)|"
    r"(?:last|previous|preceding)\s+(?:[\w-]+\s+)?(?:meeting|round|session|talks|visit|summit))"
    r"\b[^,;.]*$",
    re.I,
)


# A venue, a comma and its city: "at the Ministry of Foreign Affairs, Bangkok", "at Tafawa
# Balewa House, Abuja" (the preposition governs the venue, the city follows it).
_VENUE_COMMA = re.compile(
    r"\b(?:[Ii]n|[Aa]t)\s+(?:the\s+)?(?:[A-ZÀ-Þ][\w'’.-]*\s+(?:(?:of|for|and|the|de|du)\s+)*){0,7}"
    r"[A-ZÀ-Þ][\w'’.-]*,\s+$"
)
# A place of a future event named after the lead is not this one's: "agreed to convene the 24th Meeting of the
# Joint Commission on Bilateral Cooperation in Vientiane", "discussed preparations for the
# Summit in The Hague later this month", "the next round will be held in Ankara".
_FUTURE = re.compile(
    r"\b(?:(?:to|will)\s+(?:convene|hold|host|organi[sz]e)|will\s+be\s+(?:held|hosted|convened)|"
    r"will\s+take\s+place|preparations?\s+for|preparing\s+for)\b[^,;.]*$",
    re.I,
)


def _place_prep(text: str, a: int, s: int) -> bool:
    """Whether the place at `s` follows a preposition of place (directly or after a venue)."""
    return bool(
        _PLACE_PREP.search(text[max(a, s - 40) : s])
        or _VENUE_COMMA.search(text[max(a, s - 90) : s])
    )


_NAMED_CITY = re.compile(r"(?<![\w-])(?:[A-ZÀ-Þ][\w'’-]+\s+){1,3}City\b")


def _norm_city(s: str) -> str:
    pl = places()
    whole = _SPACES.sub(" ", s.strip())
    if whole in pl.by_form:
        return pl.by_form[whole]  # a form ending in a full stop: "Washington, D.C."
    s = _SPACES.sub(" ", s.strip().strip(",.–—-").strip())
    if s in pl.by_form:
        return pl.by_form[s]
    if s.isupper():
        return " ".join(w.capitalize() if not w.startswith("ST") else w.title() for w in s.split())
    return s


_CAPITAL_NEXT = re.compile(r"\s*[A-Z]\w")
_NEXT_WORD = re.compile(r"\s+([A-Z][\w’']*)")
_THE = re.compile(r"^the\s+")
_PLACE_NAME = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}")
_NAME_GOES_ON = re.compile(r"\s+(?:do|da|dos|das|de|del|di|du|des|of)\s+[A-Z]")
_HYPHEN_PART = re.compile(r"[-‐–][A-Z][\w’']+")


def _cities_in(
    reader: _Reader, a: int, b: int, *, need_prep: bool = True, later: bool = False
) -> list[tuple[int, str, str]]:
    """(offset, city, rule) for each place-of-event city in text[a:b].

    `later`: a sentence after the lead, where a future event's place is not this event's (a
    lead announcing a visit, "will hold talks in Beijing", names its own place).
    """
    text = reader.text
    seg = text[a:b]
    gaz = gazetteer()
    out: list[tuple[int, str, str]] = []
    for m in _city_matches(seg):
        s, e = a + m.start(), a + m.end()
        if need_prep and not _place_prep(text, a, s):
            continue
        after = text[e : e + 3]
        # "the Shanghai Cooperation Organisation", "Beijing-based": part of another name
        if _CAPITAL_NEXT.match(after) and not _CAPITAL_NEXT.match(text[e : e + 1]):
            nxt = _NEXT_WORD.match(text[e : e + 30])
            if nxt and nxt.group(1) not in ("On", "Today", "This") and not gaz.code(nxt.group(1)):
                continue
        out.append((s, _norm_city(m.group()), "location.city_list"))
    # "at the DFA Office in Pasay City", "in Quezon City": a place named a city is one
    for m in _NAMED_CITY.finditer(seg):
        s = a + m.start()
        if any(o[0] <= s < o[0] + 40 for o in out):
            continue
        if need_prep and not _place_prep(text, a, s):
            continue
        out.append((s, m.group(), "location.named_city"))
    for g_start, g_end, g_text in reader.gpe_in(a, b):
        name = _THE.sub("", g_text)
        if gaz.code(name) or gaz.candidates(name) or any(o[0] == g_start for o in out):
            continue
        if any(s <= g_start < s + 40 and g_text in c for s, c, _r in out):
            continue
        if not _PLACE_NAME.fullmatch(name):
            continue
        # the head of a longer name the NER cut short: "Palácio" of "Palácio do Planalto"
        if _NAME_GOES_ON.match(text[g_end : g_end + 12]):
            continue
        # half of a hyphenated country name: "Timor" of "Timor-Leste", "Guinea" of "Guinea-Bissau"
        joined = _HYPHEN_PART.match(text[g_end : g_end + 20])
        if joined and gaz.code(name + joined.group()[0] + joined.group()[1:]):
            continue
        if need_prep and not _place_prep(text, a, g_start):
            continue
        out.append((g_start, name, "location.ner_gpe"))
    return sorted(
        o
        for o in out
        if not _BACKGROUND.search(text[max(a, o[0] - 80) : o[0]])
        and not (later and _FUTURE.search(text[max(a, o[0] - 120) : o[0]]))
    )


def _venue_city(text: str) -> str | None:
    m = places().venue_rx.search(text)
    if m:
        key = next((v for v in places().venues if re.fullmatch(_alternation([v]), m.group())), None)
        return places().venues.get(key) if key else None
    return None


# A date line that names the place, then the publisher: "April 8, 2025 - Ottawa, Ontario -
# Global Affairs Canada".
_DATE_PLACE = re.compile(
    r"^[^–—]*?\b(?:19|20)\d{2}\s+[-–—]\s+(?P<place>[A-ZÀ-Þ][^,–—]*?)(?:,\s*[^–—]+?)?\s+[-–—]\s+\S"
)


_VISIT = re.compile(r"\bvisit", re.I)
_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$", re.I)


def _visited_country(reader: _Reader, layout: Layout, lead_i: int) -> str | None:
    """The country a visit goes to, as the lead or the headline names it ("undertook an Official
    Visit to the People's Republic of Bangladesh", "OFFICIAL VISIT OF ... TO BANGLADESH")."""
    text = reader.text
    spans: list[tuple[int, int]] = []
    if layout.sentences:
        s = layout.sentences[min(lead_i, len(layout.sentences) - 1)]
        spans.append((s.start, s.end))
    if layout.title:
        spans.append(layout.title)
    for a, b in spans:
        if not _VISIT.search(text[a:b]):
            continue
        for h in reader.country_hits:
            if a <= h.start < b and h.code and _TO_BEFORE.search(text[a : h.start]):
                return h.code
    return None


_PLACE_THEN_DATE = re.compile(r"^[A-Z](?:[^\W\d_]|[ .'’-]){1,40},\s*\d")
_LEADING_THE = re.compile(r"^(?:The|the)\s+")
_DIGIT = re.compile(r"\d")


def read_location(
    reader: _Reader, layout: Layout, lead_i: int, event_type: EventType
) -> tuple[str | None, str]:
    """The city of the event (None for calls), with the rule that found it."""
    if event_type in (EventType.PHONE_CALL, EventType.VIDEO_CALL):
        return None, "location.call"
    text = layout.text
    # A visit abroad is published at home: the place line by the date ("WISMA PUTRA / KUALA
    # LUMPUR / 12 March 2024") is the publisher's capital, not the visited city.
    visited = _visited_country(reader, layout, lead_i) if event_type is EventType.VISIT else None

    def abroad(city: str) -> bool:
        home = places().country_of.get(city)
        return visited is not None and home is not None and home != visited

    if layout.sentences:
        s = layout.sentences[min(lead_i, len(layout.sentences) - 1)]
        found = _cities_in(reader, s.start, s.end)
        if found:
            return found[0][1], "location.lead_sentence"
    if layout.title:
        found = _cities_in(reader, *layout.title)
        if found:
            return found[0][1], "location.title"
    gaz = gazetteer()
    for p in layout.removed:
        piece = text[p.start : p.end]
        dp = _DATE_PLACE.match(piece) if p.kind is Removed.DATE else None
        if dp and not gaz.code(dp.group("place")) and not abroad(_norm_city(dp.group("place"))):
            # Canada: "April 8, 2025 - Ottawa, Ontario - Global Affairs Canada"
            return _norm_city(dp.group("place")), "location.date_line_place"
        if p.kind is Removed.DATELINE or (p.kind is Removed.DATE and _PLACE_THEN_DATE.match(piece)):
            # "BEIJING, March 3 (Xinhua) --", "Akorda, 15 October 2024" (the presidency's seat),
            # "The Kremlin, Moscow": a known city wins, then a venue's city, then the first part
            parts = [
                _LEADING_THE.sub("", x.strip())
                for x in piece.split(",")
                if x.strip() and not _DIGIT.search(x)
            ]
            if any(abroad(_norm_city(part)) for part in parts):
                continue
            for part in parts:
                if _norm_city(part) in places().by_form.values():
                    return _norm_city(part), "location.dateline"
            for part in parts:
                if part in places().venues:
                    return places().venues[part], "location.dateline_venue"
            place = parts[0] if parts else ""
            if place and not gaz.code(place) and not gaz.code(place.title()):
                return _norm_city(place), "location.dateline"
    if layout.sentences:
        s = layout.sentences[min(lead_i, len(layout.sentences) - 1)]
        city = _venue_city(text[s.start : s.end])
        if city:
            return city, "location.venue"
    # India MEA: the place and date close the release ("Johannesburg\nFebruary 21, 2025").
    for k, p in enumerate(layout.removed):
        piece = text[p.start : p.end].strip()
        if (
            p.kind is Removed.HEADING
            and piece in places().by_form
            and not abroad(_norm_city(piece))
        ):
            nxt = layout.removed[k + 1] if k + 1 < len(layout.removed) else None
            if (
                nxt is not None
                and nxt.kind is Removed.DATE
                and p.start > (layout.paragraphs[0].start if layout.paragraphs else 0)
            ):
                return _norm_city(piece), "location.footer"
    if layout.sentences:
        lead_par = layout.sentences[min(lead_i, len(layout.sentences) - 1)].paragraph
        for s in layout.sentences[lead_i + 1 :]:
            if s.paragraph != lead_par:
                break
            found = _cities_in(reader, s.start, s.end, later=True)
            if found:
                return found[0][1], "location.first_paragraph"
        # A visit's programme names the city where the talks were held: "paid an official
        # visit to Viet Nam ... 2. During the visit, EAM held talks with ... in Hanoi."
        for s in layout.sentences[lead_i + 1 :]:
            if s.paragraph > lead_par + 3:
                break
            sent = text[s.start : s.end]
            if _sub_meeting(sent) or (_cues_in(sent, "lead") and s.paragraph != lead_par):
                found = _cities_in(reader, s.start, s.end, later=True)
                if found:
                    return found[0][1], "location.event_sentence"
    return None, "location.none"


# =======================================================================================
# Date of the event


def read_date(
    layout: Layout, lead_i: int, *, month_first: bool = False
) -> tuple[dt.date | None, str]:
    """The event date as the text states it, with the rule that decided."""
    text = layout.text
    pub: dt.date | None = None
    pub_rule = ""
    for a, b in layout.date_lines:
        pub = first_full_date(text[a:b], month_first=month_first)
        if pub:
            pub_rule = "date.publication_line"
            break
    if pub is None:
        for p in layout.removed:
            if p.kind in (Removed.MARKER, Removed.DATELINE):
                continue
            pub = first_full_date(text[p.start : p.end], month_first=month_first)
            if pub:
                pub_rule = "date.publication_piece"
                break
    # the dateline dates the dispatch: "BEIJING, March 3 (Xinhua) --"
    dateline: dt.date | None = None
    for p in layout.removed:
        if p.kind is Removed.DATELINE:
            for d in find_dates(text[p.start : p.end], month_first=month_first):
                if d.kind in ("full", "partial"):
                    dateline = d.resolve(pub)
                    break
            break
    ref = dateline or pub
    if layout.sentences:
        s = layout.sentences[min(lead_i, len(layout.sentences) - 1)]
        for d in find_dates(text[s.start : s.end], month_first=month_first):
            value = d.resolve(ref)
            if value is not None:
                return value, f"date.lead_{d.kind}"
    if layout.title:
        d0 = first_full_date(text[layout.title[0] : layout.title[1]], month_first=month_first)
        if d0:
            return d0, "date.title"
    if dateline:
        return dateline, "date.dateline"
    if pub:
        return pub, pub_rule
    return None, "date.none"


# =======================================================================================
# Participants


_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=4096)  # asked for the same few names many times per document
def _name_key(name: str) -> frozenset[str]:
    return frozenset(w for w in _NON_WORD.split(name.lower().replace("’", "'")) if w)


def same_person(a: str, b: str) -> bool:
    """Name forms of one person: one's words are a subset of the other's ("Harland")."""
    ka, kb = _name_key(a), _name_key(b)
    return bool(ka and kb) and (ka <= kb or kb <= ka)


@dataclass
class _Principal:
    mention: Mention
    side: str  # "subject" | "object"
    source: str  # "lead" | "title" | "sub_meeting" | ...
    names: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.mention.name


def _body_mentions_of(
    reader: _Reader, layout: Layout, folded: list[str], p: _Principal
) -> Iterator[Mention]:
    """The named mentions of the body sentences, in order, that may be `p`'s.

    Reading a sentence's mentions is the costliest step of read_meta, and a mention can only
    be the same person as `p` (`same_person`) if its name shares a word with p's name, a
    word printed in the sentence: sentences (casefolded, in `folded`) with none of p's name
    words are skipped. The test uses p's name as it is when the sentence comes up, since a
    sentence before may have given a fuller form.
    """
    name: str | None = None
    words: list[str] = []
    for s, low in zip(layout.sentences, folded, strict=True):
        if p.name != name:  # casefolded once per form of the name, not per sentence
            name = p.name
            words = [w.casefold() for w in _name_key(name)]
        if any(w in low for w in words):
            yield from (x for x in reader.mentions(s.start, s.end) if not x.title_only)


def _merge(into: Mention, other: Mention, *, titles: bool = True) -> None:
    if other.name and len(_name_key(other.name)) > len(_name_key(into.name)):
        into.name = other.name
    # A headline or later mention often shortens the post ("Argentine Foreign Minister Lucía
    # Ferrando" for the lead's "Minister of Foreign Affairs, International Trade and Worship"):
    # its titles only fill in where the lead gave none.
    for t in other.titles if titles or not into.titles else ():
        if not any(t.lower() == x.lower() for x in into.titles):
            into.titles.append(t)
    if into.country is None and other.country:
        into.country, into.country_rule = other.country, other.country_rule
    for al in other.aliases:
        if al not in into.aliases:
            into.aliases.append(al)


def _cue_offset(text: str) -> int | None:
    found = _cues_in(text, "lead", temporal=True)
    return found[0][0] if found else None


def _sub_meeting(sent: str) -> re.Match[str] | None:
    """`_SUB_MEETING.match(sent)`, skipping the (backtracking) match in a sentence without any
    of its verbs."""
    return _SUB_MEETING.match(sent) if _SUB_MEETING_GATE.open(sent) else None


_SUB_MEETING = re.compile(
    r"^(?:(?:During|On|In|At|After|Later|Subsequently|Separately|Earlier|Also)\b[^,;]{0,60},\s*)?"
    r"(?P<subj>[^,;]{1,80}?)\s+(?:also\s+|later\s+|separately\s+)?(?:met(?:\s+with)?|held\s+(?:[\w-]+\s+){0,3}?"
    r"(?:talks|meetings?)\s+with|called\s+on|had\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:meeting|talks)\s+with|"
    r"received|paid\s+a\s+courtesy\s+call\s+on)\s+"
)
_SUB_MEETING_GATE = _Gate.of(_SUB_MEETING)


# A visit's programme listed in one sentence: "called on Prime Minister X and met with the
# President of JICA", "met X, and visited the Technopark".
_PROGRAMME_LIST = re.compile(
    r"\band\s+(?:also\s+|later\s+)?(?:met|called\s+on|held|paid|visited|addressed|attended|"
    r"toured|inaugurated|laid)\b"
)
# A sentence that goes on to report a sub-meeting's talk: "They discussed ...", "Both sides
# agreed ...", "During the call, ...".
_SUB_MEETING_TALK = re.compile(
    r"^(?:They|Both\s+sides|Both\s+(?:leaders|ministers)|The\s+two\s+(?:sides|leaders|ministers)|"
    r"During\s+the\s+(?:call|meeting|talks|courtesy\s+call))\b",
    re.I,
)


def _sub_meeting_reported(text: str, layout: Layout, s, m: Mention) -> bool:
    """Whether a visit's sub-meeting with `m` makes `m` a principal.

    A call of its own is ("The Foreign Minister also paid a courtesy call on the Prime Minister
    of Thailand, H.E. Mrs. X."), and so is one whose talk the readout reports ("EAM also met
    Minister ... Rakhmonov. They discussed ..."); an item in a programme listed in one sentence
    and never taken up again is not ("During the visit, the Minister called on Prime Minister X
    and met with the President of JICA. He also addressed a business forum").
    """
    if not _PROGRAMME_LIST.search(text, m.end, s.end):
        return True
    rest = text[s.end :]
    words = [w for w in (m.name or "").split() if len(w) >= 3 and w[0].isupper()]
    if any(w in rest and re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", rest) for w in words):
        return True
    nxt = next((t for t in layout.sentences if t.start >= s.end), None)
    return (
        nxt is not None
        and nxt.paragraph == s.paragraph
        and _SUB_MEETING_TALK.match(text[nxt.start : nxt.end]) is not None
    )


_SIDE_AFTER = re.compile(r"\s+side\b")
_PAIRING = re.compile(r"\s*(?:-|–|—|and|&)\s*")


def _country_counts(reader: _Reader, layout: Layout, partners: set[str]) -> Counter[str]:
    """How strongly the body suggests each country as a side of the event.

    A country paired with a known participant's country ("China and Kazakhstan",
    "China-Kazakhstan", "Kazakh-Chinese") or named as a side ("the Chinese side") counts three
    times; a mention alone once. A country named once in passing ("Chile's support for
    Ukraine") does not make a side. The headline counts with the body: "Outcome of Korea-U.S.
    Vice Foreign Ministerial Meeting" pairs the two sides.
    """
    gaz = gazetteer()
    text = reader.text
    counts: Counter[str] = Counter()
    spans = [(s.start, s.end) for s in layout.sentences]
    if layout.title:
        spans.append(layout.title)  # "Korea-U.S. Foreign Ministers' Meeting": the two sides
    # the characters of those spans, marked once (not every hit against every sentence)
    inside = bytearray(len(text) + 1)
    for a, b in spans:
        inside[a:b] = b"\x01" * (b - a)
    hits = [
        h
        for h in reader.country_hits
        if h.code and not gaz.is_organization(h.code) and inside[h.start]
    ]
    for k, h in enumerate(hits):
        # "The Chinese side welcomes ...": a side of the talks by definition
        weight = 3 if _SIDE_AFTER.match(text, h.end, h.end + 8) else 1
        for other in hits[max(0, k - 1) : k + 2]:
            if other is h or other.code == h.code or other.code not in partners:
                continue
            between = text[min(h.end, other.end) : max(h.start, other.start)]
            if _PAIRING.fullmatch(between):
                weight = 3
        counts[h.code] += weight
    return counts


_HONORED_NAME = re.compile(
    r"(?:The\s+)?(?:Rt\.?\s+Hon\.?|Right\s+Honourable|Senator\s+the\s+Hon\.?|the\s+Hon\.?|The\s+Hon\.?)\s+"
    r"(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}?)(?:\s+(?:MP|KC|QC|OBE|CBE|KCMG|MBE|AO|AC))?\s*(?:$|,|\band\b)"
)


_FROM_BY = re.compile(r"^\s*(?:From|By)\s*:")


def _byline_names(layout: Layout) -> list[str]:
    """People a byline or masthead credits.

    UK: "From: Prime Minister's Office, 10 Downing Street and The Rt Hon Oliver Pemberton MP";
    Australia: a masthead line "Senator the Hon Penny Wong" under the minister's post.
    """
    first: list[str] = []
    rest: list[str] = []
    for p in layout.removed:
        if p.kind not in (Removed.BOILERPLATE, Removed.HEADING):
            continue
        piece = layout.text[p.start : p.end]
        names = [m.group("name").strip() for m in _HONORED_NAME.finditer(piece)]
        (first if _FROM_BY.match(piece) else rest).extend(names)
    return first + rest


def _masthead_post(reader: _Reader, layout: Layout) -> list[str]:
    """A post printed alone as a masthead line ("Minister for Foreign Affairs")."""
    limit = layout.paragraphs[0].start if layout.paragraphs else len(layout.text)
    for p in layout.removed:
        if p.start >= limit or p.kind not in (Removed.BOILERPLATE, Removed.HEADING):
            continue
        piece = layout.text[p.start : p.end].strip()
        ms = reader.mentions(p.start, p.end, bare_subject=False)
        if (
            len(ms) == 1
            and ms[0].title_only
            and reader.text[ms[0].start : ms[0].end].strip() == piece
        ):
            return list(ms[0].titles)
    return []


# A spokesperson's frame around the lead (Egypt MFA, others): "Ambassador X, the Official
# Spokesperson and Director of Public Diplomacy of the Ministry of Foreign Affairs, stated
# that Minister ... received ...".
_SPOKES_FRAME = re.compile(
    r"[^.;]{0,300}?\bspokes(?:person|man|woman)\b[^.;]{0,200}?\b(?:stated|said|announced|"
    r"noted|added|reported|indicated|explained|mentioned)\s+(?:in\s+a\s+statement\s+)?"
    r"(?:today\s+)?that\s+",
    re.I,
)

# "Today I met with ...", "This morning we spoke to ...": the publisher's principal writes.
_FIRST_PERSON = re.compile(
    r"^[“\"‘']?\s*(?:(?:Today|Yesterday|This\s+\w+|On\s+[^,]{1,40}),?\s+)?(?:I|We)\b"
)


_OPENING_THE = re.compile(r"^\s*(?:The|the)\b")


def read_participants(
    reader: _Reader, layout: Layout, lead_i: int, publisher: Publisher | None
) -> tuple[list[Participant], dict[str, str]]:
    """The principal participants, with per-participant rule notes."""
    text = reader.text
    rules: dict[str, str] = {}
    principals: list[_Principal] = []

    def add(m: Mention, side: str, source: str) -> _Principal | None:
        for p in principals:
            if m.name and p.name and same_person(m.name, p.name):
                _merge(p.mention, m)
                return p
        pr = _Principal(m, side, source)
        principals.append(pr)
        return pr

    def keep(m: Mention, seg_start: int, *, attendance: bool = True) -> bool:
        before = text[max(seg_start, m.start - 60) : m.start]
        after = text[m.name_end if m.name else m.end : m.end + 160]
        return not (_EXCLUDE_BEFORE.search(before) or (attendance and _EXCLUDE_AFTER.match(after)))

    # 1. the lead sentence: subject side before the event cue, object side after it
    title_only_subject: Mention | None = None
    if layout.sentences:
        s = layout.sentences[min(lead_i, len(layout.sentences) - 1)]
        # "Ambassador X, the Official Spokesperson ..., stated that Minister Y received Z":
        # the spokesperson frames the lead and is no principal; the lead starts after "that"
        frame = _SPOKES_FRAME.match(text, s.start, s.end)
        start = frame.end() if frame else s.start
        lead = text[start : s.end]
        cue = _cue_offset(lead)
        cue_at = start + cue if cue is not None else s.end
        hosts: list[Mention] = []
        for m in reader.mentions(start, s.end):
            if not keep(m, start, attendance=False):
                if m.name and _INVITATION.search(text[max(start, m.start - 40) : m.start]):
                    hosts.append(m)
                continue
            side = "subject" if m.start < cue_at else "object"
            if side == "object" and _EXCLUDE_AFTER.match(
                text[m.name_end if m.name else m.end : m.end + 160]
            ):
                continue  # "..., Vice Foreign Minister Ma Zhaoxu attended": not a principal
            if m.title_only:
                if (
                    side == "subject"
                    and title_only_subject is None
                    and _bare_start(_OPENING_THE.sub("", text[start : m.start]))
                ):
                    title_only_subject = m
                continue
            add(m, side, "lead")
        # "At the invitation of President Tokayev, President Xi Jinping paid a state visit to
        # Kazakhstan": the host of a visit is its other principal (not so for a meeting held
        # "at the invitation of" a third person).
        found = _cues_in(lead, "lead", temporal=True)
        if hosts and found and found[0][1].type is EventType.VISIT:
            if not any(p.side == "object" for p in principals):
                add(hosts[0], "object", "lead_host")
    # 2. the headline: fills in names the lead lacks ("Huang meets ..."), and titles
    if layout.title:
        a, b = layout.title
        for m in reader.mentions(a, b):
            if m.title_only or not keep(m, a):
                continue
            cue = _cue_offset(text[a:b])
            side = "subject" if cue is None or m.start < a + cue else "object"
            match = next((p for p in principals if same_person(m.name, p.name)), None)
            if match is None:
                match = next((p for p in principals if _same_surname(m, p.mention)), None)
            if match is not None:
                _merge(match.mention, m, titles=False)
            elif not principals or m.evidence != "subject" or len(principals) < 2:
                add(m, side, "title")
    # 2b. consultations of delegations: the heads, in the lead's paragraph or the next
    if sum(1 for p in principals if p.name) < 2 and layout.sentences:
        for m, side_code, how in _delegation_heads(reader, layout, lead_i):
            if any(same_person(m.name, p.name) for p in principals if p.name):
                continue
            if m.country is None and side_code:
                m.country, m.country_rule = side_code, "country.delegation"
            side = "object" if any(p.side == "subject" for p in principals) else "subject"
            add(m, side, how)
    # 3. the publisher's principal named by title only: "The Prime Minister spoke to ..."
    if title_only_subject is not None and not any(p.side == "subject" for p in principals):
        m = title_only_subject
        if m.country is None and publisher is not None:
            m.country, m.country_rule = publisher.code, "country.publisher"
        name, how = _name_for_post(reader, layout, m, [p.name for p in principals if p.name])
        m.name = name
        pr = add(m, "subject", "lead_title_only")
        if pr is not None:
            principals.remove(pr)
            principals.insert(0, pr)
            rules[f"participant:{name}"] = how
    # 3b. a first-person lead ("Today I met with ..."): the byline's minister
    if not any(p.side == "subject" for p in principals) and layout.sentences:
        s = layout.sentences[min(lead_i, len(layout.sentences) - 1)]
        if _FIRST_PERSON.match(text[s.start : s.end]):
            names = _byline_names(layout)
            if names:
                m = Mention(
                    start=s.start,
                    end=s.start,
                    name=names[0],
                    titles=_masthead_post(reader, layout),
                    evidence="first_person",
                )
                if publisher is not None:
                    m.country, m.country_rule = publisher.code, "country.publisher"
                principals.insert(0, _Principal(m, "subject", "byline"))
    # 4. sub-meetings of a visit: "EAM called on Prime Minister ... H.E. Mr. Bakhodir Yusupov"
    for s in layout.sentences[lead_i + 1 :]:
        sent = text[s.start : s.end]
        m0 = _sub_meeting(sent)
        if not m0 or not principals:
            continue
        subj = m0.group("subj")
        if not _refers_to_principal(subj, principals):
            continue
        obj_start = s.start + m0.end()
        for m in reader.mentions(obj_start, s.end, bare_subject=False):
            if m.title_only or not keep(m, obj_start):
                continue
            if any(same_person(m.name, p.name) for p in principals):
                continue
            if _sub_meeting_reported(text, layout, s, m):
                add(m, "object", "sub_meeting")
            break
    # 5. fuller name forms and appositive titles from the rest of the document
    folded = [text[s.start : s.end].casefold() for s in layout.sentences]
    for p in principals:
        for m in _body_mentions_of(reader, layout, folded, p):
            if m.name and same_person(m.name, p.name):
                if _name_key(p.name) <= _name_key(m.name) and len(_name_key(m.name)) > len(
                    _name_key(p.name)
                ):
                    p.mention.name = m.name
                if m.evidence == "appositive" or (m.titles and not p.mention.titles):
                    for t in m.titles:
                        if not any(t.lower() == x.lower() for x in p.mention.titles):
                            p.mention.titles.append(t)
                if p.mention.country is None and m.country:
                    p.mention.country, p.mention.country_rule = m.country, m.country_rule + "(body)"
    # 6. countries and titles the text leaves to the masthead or to context
    if publisher is not None:
        subj = [p for p in principals if p.side == "subject"]
        first = subj[0] if subj else None
        if first is not None:
            if first.mention.country is None and not any(
                p.mention.country == publisher.code for p in principals
            ):
                first.mention.country, first.mention.country_rule = (
                    publisher.code,
                    "country.publisher",
                )
            if first.mention.country == publisher.code and publisher.principal_title:
                pt = publisher.principal_title
                if not first.mention.titles:
                    first.mention.titles.append(pt)
                    rules[f"participant:{first.name}:title"] = "title.publisher"
                else:
                    # "Secretary Harland" in a State Department readout: the Secretary of State
                    upgraded = [
                        pt
                        if t.lower() == pt.split()[0].lower() and pt.lower().startswith(t.lower())
                        else t
                        for t in first.mention.titles
                    ]
                    first.mention.titles = list(dict.fromkeys(upgraded))
    partners = {p.mention.country for p in principals if p.mention.country}
    counts = _country_counts(reader, layout, partners)
    # The counterpart first: the country a readout names most is usually the one its writer
    # visited or met ("I visited Port Moresby ... Papua New Guinea ..."), not the writer's own.
    for p in sorted(principals, key=lambda q: q.side != "object"):
        if p.mention.country is not None:
            continue
        same = {
            q.mention.country
            for q in principals
            if q is not p and q.side == p.side and q.mention.country
        }
        other = {q.mention.country for q in principals if q.side != p.side and q.mention.country}
        # The hosts an envoy meets on a visit share a country ("EAM also met Minister of
        # Investment ... Otabek Rakhmonov"); coordinated subjects do not ("Vladimir Putin and
        # Xi Jinping held talks").
        if p.side == "object" and len(same) == 1 and not (same & other):
            p.mention.country, p.mention.country_rule = next(iter(same)), "country.same_side"
            continue
        taken = other | (same if p.side == "subject" else set())
        for code, n in counts.most_common():
            if code not in taken and n >= 2:
                p.mention.country, p.mention.country_rule = code, "country.complement"
                break
    # 7. records
    out: list[Participant] = []
    alias_owners: Counter[str] = Counter()
    for p in principals:
        for a in set(p.mention.aliases):
            alias_owners[a] += 1
    surnames = Counter(w for p in principals for w in {_surname(p.name)} if w)
    for p in principals:
        m = p.mention
        # an alias two principals share ("FM" for both foreign ministers) names neither
        aliases = [a for a in m.aliases if alias_owners[a] == 1 and a not in m.name]
        aliases.extend(a for a in _name_variants(text, m.name) if a not in aliases)
        forms = [m.name, *aliases]
        sur = _surname(m.name)
        if sur and surnames[sur] == 1:
            forms.append(sur)
        mentions = _mention_spans(text, forms)
        out.append(
            Participant(
                name=m.name,
                country=m.country,
                titles=list(m.titles),
                aliases=aliases,
                mentions=mentions,
            )
        )
        rules.setdefault(
            f"participant:{m.name}",
            f"participants.{p.source}.{p.side}; evidence.{m.evidence}; {m.country_rule or 'country.none'}",
        )
    return out, rules


# "The Uzbek delegation was headed by Deputy Minister ... X, and the Korean delegation by
# First Vice Minister ... Y"; "The Kazakh side was represented by ..."; "with the Korean
# delegation led by ...".
_DELEGATION_HEAD = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<side>(?:[A-Z][\w’'-]+\s+){1,3})(?:delegation|side)\s+"
    r"(?:(?:was|were|is)\s+)?(?:(?:headed|led|represented|chaired)\s+)?by\s+"
)
# "The consultations were co-chaired by X and Y", "The delegations were led by X and Y".
_CHAIRED_BY = re.compile(
    r"\b(?:delegations|consultations|talks|negotiations|meeting|session|dialogue|round)\s+"
    r"(?:was|were)\s+(?:co-)?(?:chaired|headed|led)\s+(?:respectively\s+)?by\s+",
    re.I,
)


def _delegation_heads(
    reader: _Reader, layout: Layout, lead_i: int
) -> list[tuple[Mention, str | None, str]]:
    """Heads of delegations named where the lead names none: (mention, side's code, rule).

    Consultations between ministries are reported without a subject ("Political consultations
    between the Ministries of Foreign Affairs ... were held in Tashkent"); the next sentence
    names who headed each side.
    """
    gaz = gazetteer()
    text = reader.text
    lead_par = layout.sentences[min(lead_i, len(layout.sentences) - 1)].paragraph
    out: list[tuple[Mention, str | None, str]] = []
    # the lead and the few sentences after it, in its paragraph or the next
    for s in layout.sentences[lead_i : lead_i + 6]:
        if s.paragraph > lead_par + 1:
            break
        sent = text[s.start : s.end]
        if not (_DELEGATION_HEAD.search(sent) or _CHAIRED_BY.search(sent)):
            continue
        people = [
            m for m in reader.mentions(s.start, s.end, bare_subject=False) if not m.title_only
        ]
        for dm in _DELEGATION_HEAD.finditer(sent):
            at = s.start + dm.end()
            m = next((x for x in people if at <= x.start <= at + 4), None)
            if m is not None:
                out.append((m, gaz.code(dm.group("side").strip()), "delegation_head"))
        cm = _CHAIRED_BY.search(sent)
        if cm:
            at = s.start + cm.end()
            out.extend((x, None, "delegation_chair") for x in people if x.start >= at)
    return out


def _same_surname(a: Mention, b: Mention) -> bool:
    """A headline's short form of a lead's name: "Joe Biden" for "Joseph R. Biden, Jr."."""
    if not a.name or not b.name:
        return False
    wa, wb = a.name.lower().split(), b.name.lower().split()
    if wa[-1] != wb[-1] or len(wa[-1]) < 3:
        return False
    return a.country is None or b.country is None or a.country == b.country


_OPENING_PHRASE = re.compile(r"^(?:On|In|At|During|After)\b[^,]*,\s*")


def _refers_to_principal(subj: str, principals: list[_Principal]) -> bool:
    s = subj.strip()
    s = _OPENING_PHRASE.sub("", s)
    if s in ("I", "We") and any(p.mention.evidence == "first_person" for p in principals):
        return True  # "I met with Minister ...": the byline's minister writing
    key = _name_key(s)
    for p in principals:
        m = p.mention
        if m.name and (_name_key(m.name) & key) and len(key) <= len(_name_key(m.name)) + 3:
            return True
        if any(a in s.split() for a in m.aliases):
            return True
        for t in m.titles:
            if re.fullmatch(rf"(?:the\s+)?{re.escape(t)}", s, re.I):
                return True
            # "The Foreign Minister also paid a courtesy call on ...": the short form of the
            # lead's "Minister of Foreign Affairs" (same words but the connectors)
            if _post_words(s) and _post_words(s) == _post_words(t):
                return True
    return False


_LETTERS = re.compile(r"[a-z]+")
_POST_STOP = frozenset({"the", "of", "for", "and", "affairs"})


def _post_words(title: str) -> frozenset[str]:
    """ "Minister of Foreign Affairs" and "the Foreign Minister" → {"minister", "foreign"}."""
    return frozenset(w for w in _LETTERS.findall(title.lower()) if w not in _POST_STOP)


def _name_for_post(
    reader: _Reader, layout: Layout, m: Mention, others: Sequence[str] = ()
) -> tuple[str, str]:
    """A name for a principal the lead names only by post ("The Prime Minister").

    The same post held by the other side is no answer: in "The Prime Minister welcomed Prime
    Minister Tomasz Kowalczyk of Poland to Downing Street", the Polish premier (already a
    principal, of another country) does not name the British one; the byline does.
    """
    text = reader.text
    want = {t.lower() for t in m.titles}
    spans = [(s.start, s.end) for s in layout.sentences] + [
        (p.start, p.end) for p in layout.removed
    ]
    for a, b in spans:
        for x in reader.mentions(a, b, bare_subject=False):
            if not x.name or not want & {t.lower() for t in x.titles}:
                continue
            if any(same_person(x.name, o) for o in others):
                continue
            if x.country and m.country and x.country != m.country:
                continue
            return x.name, "participant.name_from_text"
    byline = _byline_names(layout)
    if byline:
        return byline[0], "participant.name_from_byline"
    title = m.titles[0] if m.titles else text[m.start : m.end]
    return title, "participant.post_as_name"


_INITIAL = re.compile(r"[A-Z]\.")


def _surname(name: str) -> str:
    """The family name as printed alone in the text: the capitalised one in "KAMIYA Hiroshi",
    else the last word ("Harland"); Chinese names are written whole ("Wang Yi")."""
    words = [w for w in name.split() if not _INITIAL.fullmatch(w)]
    caps = [w for w in words if len(w) > 2 and w.isupper()]
    if caps:
        return caps[0].capitalize()
    if len(words) == 2 and _GIVEN_NAME.fullmatch(words[1]) and len(words[0]) >= 3:
        return words[0]  # Korean order, family name first: "Minister Park" for "Park Min-seok"
    if len(words) >= 2 and len(words[-1]) >= 3:
        return words[-1]
    return ""


def _name_variants(text: str, name: str) -> list[str]:
    """Forms of the name the text uses that the name itself does not contain.

    "KAMIYA Hiroshi" → "Kamiya" (Japanese MOFA capitalises the surname only in the lead);
    "Farhod Ismoilov" → "F. Ismoilov" (Central Asian ministries' initial style).
    """
    out: list[str] = []
    words = name.split()
    for w in words:
        if len(w) > 2 and w.isupper():
            cap = w.capitalize()
            if cap in text and re.search(rf"\b{re.escape(cap)}\b", text):
                out.append(cap)
    if len(words) >= 2 and not _INITIAL.fullmatch(words[0]):
        initial = f"{words[0][0]}. {words[-1]}"
        if initial in text and re.search(rf"(?<!\w){re.escape(initial)}\b", text):
            out.append(initial)
    return out


def _free(c: str) -> bool:
    """Not a word character (regex \\w: alphanumeric or "_") nor "/"."""
    return not (c.isalnum() or c == "_" or c == "/")


def _occurrences(text: str, form: str) -> Iterator[tuple[int, int]]:
    """Where `form` stands as a whole word, left to right, not overlapping: what
    ``re.finditer(rf"(?<![\\w/]){re.escape(form)}(?![\\w/])", text)`` finds, without
    compiling a pattern per name (the names differ from one document to the next)."""
    n = len(form)
    i = text.find(form)
    while i >= 0:
        if (i == 0 or _free(text[i - 1])) and (i + n == len(text) or _free(text[i + n])):
            yield i, i + n
            i = text.find(form, i + n)
        else:
            i = text.find(form, i + 1)


def _mention_spans(text: str, forms: Sequence[str]) -> list[CharSpan]:
    """Where the forms occur, fullest form first; a shorter form inside a longer one's span
    is not a mention of its own. Covered characters are marked in a byte array, so the check
    stays constant-time however many mentions a long text holds."""
    spans: list[tuple[int, int]] = []
    covered = bytearray(len(text))
    for f in forms:
        if not f or len(f) < 2:
            continue
        for a, b in _occurrences(text, f):
            if not covered[a]:
                spans.append((a, b))
                covered[a:b] = b"\x01" * (b - a)
    return [CharSpan(start=a, end=b) for a, b in sorted(set(spans))]


# =======================================================================================
# Entry point


def read_meta(doc: Doc, layout: Layout, participants: Sequence[Participant] | None = None) -> Meta:
    """Read the event's metadata from a segmented, parsed Doc.

    `participants`, when given (the user knows who met), is kept as the participant list;
    everything else is still read from the text.
    """
    reader = _Reader(doc)
    rules: dict[str, str] = {}
    title = layout.title_text
    if title is not None:
        rules["title"] = "title.layout"
    lead_i = _lead_index(layout)
    lead = layout.sentence_texts()[lead_i] if layout.sentences else None

    masthead = read_publisher(layout)
    event_type, rules["event_type"] = read_event_type(title, lead)
    date, rules["date"] = read_date(
        layout, lead_i, month_first=masthead is not None and masthead.code == "USA"
    )
    location, rules["location"] = read_location(reader, layout, lead_i, event_type)

    if participants:
        people = [
            p if isinstance(p, Participant) else Participant.model_validate(p) for p in participants
        ]
        rules["participants"] = "participants.given"
    else:
        people, prules = read_participants(reader, layout, lead_i, masthead)
        rules["participants"] = "participants.read"
        rules.update(prules)

    if masthead is not None:
        publisher: str | None = masthead.code
        rules["publisher"] = masthead.rule
    else:
        publisher = people[0].country if people else None
        rules["publisher"] = "publisher.first_participant" if publisher else "publisher.none"

    return Meta(
        title=title,
        date=date,
        event_type=event_type,
        location=location,
        participants=people,
        publisher=publisher,
        title_span=CharSpan(start=layout.title[0], end=layout.title[1]) if layout.title else None,
        rules=rules,
    )
