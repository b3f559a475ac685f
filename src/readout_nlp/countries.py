"""Country and organisation names → codes (ISO 3166-1 alpha-3, or an organisation code).

pycountry supplies the ISO names; ``countries.jsonl`` in the rule bundle adds what readouts
print and pycountry lacks: adjectives ("Kazakh", "Chinese"), short forms ("the UK", "ROK")
and organisations ("EU", "ASEAN"). pycountry's own ``search_fuzzy`` is not used: it maps
"Republic of Korea" to the DPRK and "UK" to Uganda, so lookups here are exact (case- and
article-insensitive).

Some forms belong to two codes ("Congolese": DR Congo or the Republic of the Congo). The
bundle lists them as ``ambiguous``; a plain lookup then answers only where a code's own entry
claims the form ("Korean" → KOR), and ``candidates`` gives every code the form may mean, so a
caller with context (the rest of the document) can choose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import pycountry

from .resources import load_jsonl

_ARTICLE = re.compile(r"^(?:the)\s+", re.I)
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=8192)  # a pure function of the form, asked for the same forms again and again
def _key(text: str) -> str:
    text = text.replace("’", "'").strip().strip(".,;:")
    text = _ARTICLE.sub("", text)
    # "TÜRKİYE".lower() keeps the dot of the Turkish capital İ as U+0307: "türki̇ye"
    return _SPACE.sub(" ", text).lower().replace("\u0307", "")


def pattern_of(form: str) -> str:
    """A regex for a printed form: either apostrophe, any run of white space between words."""
    out = []
    for ch in form:
        if ch in "'’":
            out.append("['’]")
        elif ch.isspace():
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return "".join(out)


_pattern_of = pattern_of


def _units(form: str) -> list[str]:
    units: list[str] = []
    for ch in form:
        if ch in "'’":
            units.append("['’]")
        elif ch.isspace():
            if units and units[-1] == r"\s+":
                continue
            units.append(r"\s+")
        else:
            units.append(re.escape(ch))
    return units


def trie_pattern(forms: Iterable[str]) -> str:
    """One regex for many literal forms, as a trie ("Republic of (?:Korea|the Philippines|...)").

    Python's `re` tries a flat alternation of a thousand names one by one at every position;
    the trie shares prefixes, which makes a scan of a readout about forty times faster. At
    each node the longer continuation is tried first, so the longest form wins.
    """
    root: dict[str, dict] = {}
    end = ""  # key that marks the end of a form
    for f in forms:
        node = root
        for u in _units(f):
            node = node.setdefault(u, {})
        node[end] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [u + emit(child) for u, child in sorted(node.items()) if u != end]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end in node:
            return "(?:" + body + ")?"
        return body

    return emit(root) or "(?!)"


def finditer_after_boundary(
    body: re.Pattern[str], text: str, glue: str = ""
) -> Iterator[re.Match[str]]:
    """What ``re.finditer(r"(?<![\\w<glue>])" + body.pattern, text)`` finds.

    A pattern that opens with a look-behind gets no first-character filter from `re`, which
    then tries it at every position of the text; a trie of literal forms gets one. So the
    trie is searched alone and the character before each match checked here (a word
    character, as `re` defines it, or one of `glue`); after a refused match the search
    resumes one character on, as `finditer` would. `body` must not match the empty string.
    """
    pos = 0
    while (m := body.search(text, pos)) is not None:
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] == "_" or text[s - 1] in glue):
            pos = s + 1
            continue
        yield m
        pos = m.end()


@dataclass(frozen=True)
class CountryHit:
    """A country or organisation form found in a text (offsets into that text)."""

    start: int
    end: int
    text: str
    code: str | None  # None for an ambiguous form ("Congolese"); see ``codes``
    form: str  # "name" | "adjective"
    codes: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    """Exact lookups between names, adjectives and codes."""

    by_name: dict[str, str] = field(default_factory=dict)
    by_adjective: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)
    adjectives: dict[str, list[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ambiguous_forms: dict[str, str] = field(default_factory=dict)
    # what `find` reads off a printed form (code, form, candidates), by form; emptied by `add`
    _hit_memo: dict[str, tuple[str | None, str, tuple[str, ...]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def add(self, code: str, names=(), adjectives=(), kind: str = "country") -> None:
        self._hit_memo.clear()
        self.kinds.setdefault(code, kind)
        for n in names:
            if n:
                self.by_name.setdefault(_key(n), code)
                self.names.setdefault(code, [])
                if n not in self.names[code]:
                    self.names[code].append(n)
        for a in adjectives:
            if a:
                self.by_adjective.setdefault(_key(a), code)
                self.adjectives.setdefault(code, [])
                if a not in self.adjectives[code]:
                    self.adjectives[code].append(a)

    def add_ambiguous(self, form: str, codes: tuple[str, ...]) -> None:
        self._hit_memo.clear()
        self.ambiguous[_key(form)] = tuple(codes)
        self.ambiguous_forms[_key(form)] = form

    def code(self, text: str) -> str | None:
        """Code for a country name or adjective ("Kazakhstan", "Kazakh", "the UK")."""
        k = _key(text)
        return self.by_name.get(k) or self.by_adjective.get(k)

    def code_for_name(self, text: str) -> str | None:
        return self.by_name.get(_key(text))

    def code_for_adjective(self, text: str) -> str | None:
        return self.by_adjective.get(_key(text))

    def candidates(self, text: str) -> tuple[str, ...]:
        """Every code a form may stand for: one for most, several for "Congolese"."""
        k = _key(text)
        out = list(self.ambiguous.get(k, ()))
        code = self.code(text)
        if code and code not in out:
            out.insert(0, code)
        return tuple(out)

    def is_ambiguous(self, text: str) -> bool:
        return len(self.candidates(text)) > 1

    def name(self, code: str) -> str:
        """A readable name for a code."""
        return (self.names.get(code) or [code])[0]

    def is_organization(self, code: str) -> bool:
        return self.kinds.get(code) == "organization"

    def kind(self, code: str) -> str | None:
        """ "country", "territory" or "organization" (None for an unknown code)."""
        return self.kinds.get(code)

    def phrases(self) -> list[tuple[str, str, str]]:
        """(code, phrase, "name"|"adjective") for every known form, for a PhraseMatcher."""
        out = [(c, n, "name") for c, ns in self.names.items() for n in ns]
        out += [(c, a, "adjective") for c, ads in self.adjectives.items() for a in ads]
        return out

    # -- scanning running text -------------------------------------------------------------
    @cached_property
    def _scanner(self) -> re.Pattern[str]:
        # Case-sensitive on purpose: "US" the country, not "us"; "Turkey", not "turkey".
        # Each form also matches in capitals ("Delegation to KAZAKHSTAN") and with either
        # apostrophe ("People’s Republic of China").
        # No word character before a form: `find` checks that (`finditer_after_boundary`).
        forms: set[str] = set()
        for _code, phrase, _kind in self.phrases():
            if ", " in phrase:  # pycountry's inverted "Korea, Republic of"
                continue
            # "the United States" would hide "United States of America" (leftmost match wins):
            # the article is the caller's business, not part of the name.
            phrase = _ARTICLE.sub("", phrase)
            forms.add(phrase)
            forms.add(phrase.upper())
        forms.update(self.ambiguous_forms.values())
        forms.discard("")  # (none is empty; an empty form would match at every boundary)
        return re.compile(r"(?:" + trie_pattern(forms) + r")(?!\w)")

    def find(self, text: str) -> list[CountryHit]:
        """Every country/organisation form in `text`, longest first at each place.

        "South Sudanese" is one hit (SSD), not "Sudanese"; "the People's Republic of China"
        one hit (CHN). A hyphenated compound ("China-Kazakhstan") yields both countries.
        """
        out: list[CountryHit] = []
        memo = self._hit_memo
        for m in finditer_after_boundary(self._scanner, text):
            t = m.group()
            known = memo.get(t)
            if known is None:
                k = _key(t)
                amb = self.ambiguous.get(k, ())
                name_code = self.by_name.get(k)
                code = name_code or self.by_adjective.get(k)
                form = "name" if name_code else "adjective"
                known = memo[t] = (code, form, self.candidates(t) or amb)
            out.append(CountryHit(m.start(), m.end(), t, *known))
        return out


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    # Curated forms first: they win where pycountry's names collide with them.
    for entry in load_jsonl("countries.jsonl"):
        if "ambiguous" in entry:
            gaz.add_ambiguous(entry["ambiguous"], tuple(entry.get("codes", ())))
            continue
        gaz.add(
            entry["code"],
            entry.get("names", ()),
            entry.get("adjectives", ()),
            entry.get("kind", "country"),
        )
    for c in pycountry.countries:
        forms = [c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)]
        # "Korea, Republic of" → also "Republic of Korea"
        for f in list(forms):
            if f and ", " in f:
                a, b = f.split(", ", 1)
                forms.append(f"{b} {a}")
        gaz.add(c.alpha_3, [f for f in forms if f])
    return gaz
