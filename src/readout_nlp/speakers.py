"""The participant roster and the resolution of speaker references to participants.

A reference is the words that stand for a speaker: a name ("Atamkulov", "F. Ismoilov"), a
title ("the Secretary", "the Chinese Minister", "EAM", "the HR/VP"), a side or a country
("the Kazakh side", "China"), a group ("both sides", "the two ministers", "the leaders").
``Roster.classify`` says which of these a noun phrase is and whom it names, without context;
`attribution.py` then applies the context (current turn, pronouns, "we").

Spelling variants ("Tleuberdi" / "Tileuberdi", "Antony" / "Anthony") are matched with
rapidfuzz; title chains ("State Councilor and Foreign Minister Wang Yi") reduce to the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from rapidfuzz import fuzz, process
from spacy.tokens import Doc

from .countries import gazetteer
from .records import Meta, Participant

# Words that are never a name token of their own.
_NAME_PARTICLES = {
    "van", "von", "de", "da", "del", "der", "la", "le", "bin", "binti", "al", "el", "ibn", "mr",
    "mrs", "ms", "dr", "h.e.", "he", "jr", "sr", "ii", "iii",
}
# Words dropped from titles before comparing them.
_TITLE_STOP = {
    "the", "of", "for", "and", "a", "an", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "h.e.", "h.e",
    "his", "her", "excellency", "dr", "dr.", "affairs", "republic", "people's", "people’s",
    "state", "council", "also", "then", "current", "new", "incumbent", "visiting", "rt", "hon",
    "honourable", "honorable", "mp", "two", "three", "four", "both", "all",
}
# "Secretary of State" keeps "state"; other uses of "state" are dropped above. Title words that
# identify a post on their own:
TITLE_HEADS = {
    "minister", "ministers", "secretary", "secretaries", "president", "presidents", "premier",
    "chancellor", "prime", "councilor", "councillor", "representative", "commissioner",
    "king", "queen", "emir", "sultan", "chairman", "chairwoman", "chair", "governor",
    "ambassador", "envoy", "director", "head", "leader", "vice-president", "vice", "deputy",
    "spokesperson", "spokesman", "counselor", "counsellor", "adviser", "advisor", "mayor",
    "taoiseach", "crown", "prince", "emperor", "general", "counterpart", "colleague", "guest",
    "host", "interlocutor",
}
_PLURAL_TITLE = {"ministers", "secretaries", "presidents", "leaders", "premiers", "chancellors"}

_WORD = re.compile(r"[\w’'./-]+", re.U)
_GROUP = re.compile(
    r"^(?:both|the two|the three|all(?: the)?|the|these|those)?\s*"
    r"(?:two\s+|three\s+|four\s+)?"
    r"(?:sides|parties|delegations|leaders|ministers|foreign ministers|countries|"
    r"heads of state|presidents|prime ministers|counterparts|governments|nations|"
    r"chief diplomats|top diplomats|officials|secretaries|interlocutors|participants|"
    r"partners|[a-z]+ partners|central asian partners|counterparts|heads of diplomacy|"
    r"heads of government|heads of delegations?|delegation heads|co-?chairs)$",
    re.I,
)
# Styles before a name or title: "His Royal Highness the Crown Prince", "H.E. Mr. ..."
_STYLE = re.compile(
    r"^(?:(?:h\.e\.|h\.r\.h\.|h\.h\.|his|her|their)\s+)?"
    r"(?:(?:royal\s+)?highness|majesty|excellency|excellencies)?\s*(?=\S)",
    re.I,
)
def is_style(np: str) -> bool:
    """The phrase is only a style of address ("His Royal Highness", "Her Excellency")."""
    return bool(_STYLE_ONLY.fullmatch(np.strip()))


_STYLE_ONLY = re.compile(
    r"(?:(?:h\.e\.|h\.r\.h\.|h\.h\.|his|her|their)\s+)?"
    r"(?:(?:royal\s+)?highness|majesty|excellency|excellencies)",
    re.I,
)
# Posts named by role rather than title: the head of state or government of a country.
_ROLE_TITLES = {
    "head of state": ("president", "king", "queen", "emir", "sultan", "emperor", "monarch"),
    "head of government": ("prime", "premier", "chancellor", "taoiseach"),
    "kazakh leader": (),
}
_BARE_GROUP = re.compile(
    r"^(?:both(?: of them)?|the two|the three|the pair|the duo|they (?:both|all)|"
    r"(?:both|all) of them)$",
    re.I,
)
_SIDE = re.compile(r"^(?:the\s+)?(?P<adj>.+?)\s+(?:side|government|delegation|leadership|administration|authorities)$", re.I)


class RefKind(str, Enum):
    NAME = "name"
    TITLE = "title"
    SIDE = "side"  # "the Chinese side", "the Kazakh government"
    COUNTRY = "country"  # "China" as a speaker
    GROUP = "group"  # "both sides", "the two ministers", "the leaders"
    PRONOUN = "pronoun"
    UNKNOWN = "unknown"


@dataclass
class Person:
    """A participant with the forms the document may use for them."""

    participant: Participant
    index: int
    name_tokens: list[str]
    titles: list[frozenset[str]]
    aliases: set[str]

    @property
    def name(self) -> str:
        return self.participant.name

    @property
    def country(self) -> str | None:
        return self.participant.country

    def __hash__(self) -> int:
        return self.index

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Person) and other.index == self.index


@dataclass
class Reference:
    """What a noun phrase names, before context is applied."""

    kind: RefKind
    people: list[Person] = field(default_factory=list)
    country: str | None = None
    rule: str = ""
    pronoun: str | None = None
    count: int | None = None  # "the two ministers" → 2


def title_words(title: str) -> frozenset[str]:
    words = []
    for w in _WORD.findall(title.lower().replace("/", " / ").replace("-", " ")):
        w = w.strip(".,")
        if not w or w == "/" or w in _TITLE_STOP:
            continue
        if w.endswith("s") and w[:-1] in TITLE_HEADS:
            w = w[:-1]
        words.append(w)
    if "secretary" in words and "state" in title.lower().split():
        words.append("state")
    return frozenset(words)


# Patterns compiled once: a module-level `re` call looks its pattern up in `re`'s cache first, a
# Python-level step that costs about as much as matching a short phrase.
_SPACE_OR_HYPHEN = re.compile(r"[\s-]+")
_SPACES = re.compile(r"\s+")
_TWO_OR_BOTH = re.compile(r"\b(?:two|both)\b")
_COUNTRIES_WORD = re.compile(r"\b(?:countries|nations|governments)\b")
_MINISTERS_WORD = re.compile(r"\b(?:ministers|secretaries)\b")
_FOREIGN_MINISTERS = re.compile(r"\bforeign ministers\b")
_THE = re.compile(r"^the\s+")
_OF_COUNTRY = re.compile(r"\bof\s+(?:the\s+)?([A-Z][\w’' -]+)$")


def initialism(title: str) -> str | None:
    """ "External Affairs Minister" → "EAM"; "High Representative/Vice-President" → "HR/VP"."""
    parts = []
    for part in title.split("/"):
        letters = "".join(w[0] for w in _SPACE_OR_HYPHEN.split(part.strip()) if w[:1].isupper())
        if not letters:
            return None
        parts.append(letters)
    out = "/".join(parts)
    return out if len(out.replace("/", "")) >= 2 else None


def _name_tokens(name: str) -> list[str]:
    toks = []
    for w in _SPACES.split(name):
        w = w.strip(".,")
        if not w or w.lower() in _NAME_PARTICLES or len(w) < 2:
            continue
        toks.append(w.lower())
    return toks


class Roster:
    """The participants of one readout and how the text refers to them."""

    def __init__(self, participants: list[Participant], publisher: str | None = None) -> None:
        self.people: list[Person] = []
        for i, p in enumerate(participants):
            titles = [title_words(t) for t in p.titles]
            aliases = {a.lower() for a in p.aliases}
            for t in p.titles:
                ini = initialism(t)
                if ini:
                    aliases.add(ini.lower())
            self.people.append(Person(p, i, _name_tokens(p.name), titles, aliases))
        self.publisher = publisher or (self.people[0].country if self.people else None)
        self._token_owner: dict[str, Person | None] = {}
        for person in self.people:
            for tok in person.name_tokens:
                prev = self._token_owner.get(tok, person)
                self._token_owner[tok] = person if prev is person else None  # shared → ambiguous
        self._alias_owner: dict[str, Person | None] = {}
        for person in self.people:
            for a in person.aliases:
                prev = self._alias_owner.get(a, person)
                self._alias_owner[a] = person if prev is person else None
        # Answers of name_owner and classify: pure functions of the roster, which does not
        # change after this point, and asked about the same words and phrases many times.
        self._owner_memo: dict[str, Person | None] = {}
        self._classify_memo: dict[str, Reference] = {}

    @classmethod
    def from_meta(cls, meta: Meta, doc: Doc | None = None) -> Roster:
        return cls(list(meta.participants), meta.publisher)

    # -- lookups --------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.people)

    def __iter__(self):
        return iter(self.people)

    def get(self, name: str) -> Person | None:
        for p in self.people:
            if p.name == name:
                return p
        return None

    def by_country(self, code: str | None) -> list[Person]:
        return [p for p in self.people if code and p.country == code]

    def principal(self, code: str | None) -> Person | None:
        """The first-named participant of a country (its principal)."""
        people = self.by_country(code)
        return people[0] if people else None

    @property
    def publisher_principal(self) -> Person | None:
        return self.principal(self.publisher) or (self.people[0] if self.people else None)

    def countries(self) -> list[str]:
        out: list[str] = []
        for p in self.people:
            if p.country and p.country not in out:
                out.append(p.country)
        return out

    def name_owner(self, token: str) -> Person | None:
        """The participant a single name token belongs to (exact, then fuzzy)."""
        try:
            return self._owner_memo[token]
        except KeyError:
            owner = self._owner_memo[token] = self._name_owner(token)
            return owner

    def _name_owner(self, token: str) -> Person | None:
        t = token.lower()
        if t.endswith(("’s", "'s")):
            t = t[:-2]  # "Soares's" → "soares" (strip("s") would eat a name's own s)
        t = t.strip(".,’'")
        if not t or len(t) < 2:
            return None
        if t in self._token_owner:
            return self._token_owner[t]
        if t in self._alias_owner:
            return self._alias_owner[t]
        if len(t) >= 5 and self._token_owner:
            hit = process.extractOne(
                t, list(self._token_owner), scorer=fuzz.ratio, score_cutoff=85
            )
            if hit:
                return self._token_owner[hit[0]]
        return None

    def people_with_title(self, words: frozenset[str], country: str | None = None) -> list[Person]:
        """Participants whose titles contain all of `words` (and of `country`, if given)."""
        words = frozenset(w for w in words if w not in _TITLE_STOP)
        if not words:
            return []
        out = []
        for p in self.people:
            if country and p.country != country:
                continue
            if any(words <= t for t in p.titles) or any(
                " ".join(sorted(words)) == a for a in p.aliases
            ):
                out.append(p)
        return out

    # -- classification of a noun phrase ------------------------------------------------------
    def classify(self, np: str) -> Reference:
        """What the noun phrase `np` (a subject, typically) refers to, without context."""
        ref = self._classify_memo.get(np)
        if ref is None:
            ref = self._classify_memo[np] = self._classify(np)
        # a copy: callers may change the Reference they get (made by hand: `dataclasses.replace`
        # goes through `__init__` field by field and cost more than the memo saved)
        out = object.__new__(Reference)
        out.__dict__.update(ref.__dict__)
        out.people = list(ref.people)
        return out

    def _classify(self, np: str) -> Reference:
        gaz = gazetteer()
        text = np.strip().strip(",;:")
        # "His Excellency stressed ...": a style alone refers back like a pronoun.
        alone = _STYLE_ONLY.fullmatch(text)
        if alone:
            first = text.split()[0].lower()
            pronoun = {"his": "he", "her": "she", "their": "they"}.get(first)
            if pronoun:
                return Reference(RefKind.PRONOUN, pronoun=pronoun, rule="ref.style_as_pronoun")
        # "HE the Somali Foreign Minister": the unpunctuated style before a post or a name
        if text.startswith("HE ") and len(text) > 3:
            text = text[3:]
        low = text.lower()
        styled = _STYLE.match(text)
        if styled and styled.end() < len(text):
            text = text[styled.end() :]
            low = text.lower()
        if low in {"he", "she", "him", "her", "they", "we", "i", "it", "them", "us"}:
            return Reference(RefKind.PRONOUN, pronoun=low, rule="ref.pronoun")

        # groups: "both sides", "the two ministers", "the leaders", "the two"
        if _BARE_GROUP.match(low):
            return Reference(RefKind.GROUP, rule="ref.group.bare")
        m = _GROUP.match(low)
        if m:
            count = 2 if _TWO_OR_BOTH.search(low) else 3 if "three" in low else None
            ref = Reference(RefKind.GROUP, rule="ref.group", count=count)
            if _COUNTRIES_WORD.search(low):
                ref.rule = "ref.group.countries"
            # "the two Foreign Ministers" names a subset; "the ministers" means everyone.
            if _MINISTERS_WORD.search(low) and (
                count is not None or _FOREIGN_MINISTERS.search(low)
            ):
                people = self.people_with_title(title_words(low))
                if "prime" not in low and count is not None and len(people) > count:
                    # "the two Ministers" of a visit where a Prime Minister was also met
                    ministers = [
                        p for p in people
                        if not all("prime" in t or "premier" in t for t in p.titles)
                    ]
                    if len(ministers) >= 2:
                        people = ministers
                ref.people = people
            return ref

        # alias / initialism: "EAM", "the HR/VP"
        bare = _THE.sub("", low)
        # roles: "the Head of State", "the guest", "the host"
        for role, heads in _ROLE_TITLES.items():
            if bare.endswith(role) and heads:
                people = [
                    p for p in self.people if any(h in w for w in p.titles for h in heads)
                ]
                if people:
                    return Reference(RefKind.TITLE, people, rule="ref.role.head_of")
        if bare in ("guest", "visitor", "visiting minister", "distinguished guest"):
            guests = [p for p in self.people if p.country != self.publisher]
            if len(guests) == 1:
                return Reference(RefKind.TITLE, guests, guests[0].country, "ref.role.guest")
        if bare == "host":
            host = self.publisher_principal
            if host is not None:
                return Reference(RefKind.TITLE, [host], host.country, "ref.role.host")
        if bare in self._alias_owner and self._alias_owner[bare] is not None:
            return Reference(RefKind.TITLE, [self._alias_owner[bare]], rule="ref.title.alias")

        # sides and governments: "the Chinese side", "the Kazakh government"
        sm = _SIDE.match(text)
        if sm:
            code = gaz.code(sm.group("adj"))
            if code:
                return Reference(RefKind.SIDE, self.by_country(code)[:1], code, "ref.side")

        # a country (or organisation) as speaker: "China", "the UK", "the EU"
        code = gaz.code_for_name(text)
        if code:
            return Reference(RefKind.COUNTRY, self.by_country(code)[:1], code, "ref.country")

        words = [w.strip(".,") for w in _WORD.findall(text)]
        # names: any token owned by one participant ("Secretary Harland", "F. Ismoilov")
        owners: list[Person] = []
        by_alias: list[Person] = []
        for w in words:
            if not w[:1].isupper() or w.lower() in TITLE_HEADS or w.lower() in _TITLE_STOP:
                continue
            # A word that is both a participant's name and a country ("Jordan", "Chad") is the
            # name; other country words are never fuzzy-matched to names.
            if gaz.code(w) and w.lower() not in self._token_owner:
                continue
            owner = self.name_owner(w)
            if owner is None:
                continue
            # A title initialism ("FM") yields to a name in the same phrase: "FM Al-Suwaiti"
            # is Al-Suwaiti even when "FM" abbreviates the other minister's title.
            target = by_alias if w.lower().strip(".") in self._alias_owner else owners
            if owner not in target:
                target.append(owner)
        if not owners:
            owners = by_alias
        if len(owners) == 1:
            return Reference(RefKind.NAME, owners, owners[0].country, "ref.name")

        # titles: "the Secretary", "the Chinese Minister", "the President of Russia"
        country = None
        tw = []
        for w in words:
            c = gaz.code(w)
            if c and country is None:
                country = c
                continue
            tw.append(w)
        mof = _OF_COUNTRY.search(text)
        if mof and gaz.code(mof.group(1)):
            country = gaz.code(mof.group(1))
        twords = title_words(" ".join(tw))
        if twords and twords & TITLE_HEADS:
            plural = bool(set(w.lower() for w in words) & _PLURAL_TITLE)
            people = self.people_with_title(twords, country)
            if not people and country is None and len(twords) > 1:
                # "the Foreign Minister" for a participant titled "Minister of Foreign Affairs"
                # already matches; a looser head-only match catches "the Deputy Prime Minister"
                head = frozenset(w for w in twords if w in TITLE_HEADS)
                people = self.people_with_title(head, None)
            if plural:
                return Reference(RefKind.GROUP, people, country, "ref.group.title")
            if not people and country is not None and len(self.by_country(country)) == 1:
                # "the Kyrgyz leader", "his Russian counterpart": a role word and a country
                return Reference(RefKind.TITLE, self.by_country(country), country, "ref.title.country")
            return Reference(RefKind.TITLE, people, country, "ref.title")
        if country is not None and len(words) <= 3:
            return Reference(RefKind.COUNTRY, self.by_country(country)[:1], country, "ref.country")
        return Reference(RefKind.UNKNOWN, rule="ref.unknown")
