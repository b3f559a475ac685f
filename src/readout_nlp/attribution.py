"""Who says each sentence: reporting cues, speaker references, continuation, narration.

``attribute(doc)`` walks the body sentences in order and decides, for each, one of

* **explicit** — a reporting cue in the main clause ("pointed out that", "..., Huang said",
  "The Chinese side supports", "Both sides agreed") with a subject that resolves to
  participants (`speakers.Roster.classify` + the context below);
* **continuation** — no cue: the speaker of the current turn carries on ("The Kazakh side will
  continue to ..." inside Atamkulov's paragraph); agentless passives that report what the
  talks covered ("Special attention was paid to ...") go to the participants of the talks;
* **narration** — no speaker: the readout reports the event itself ("held talks", "met with",
  "signed", "was present at the meeting", "The overview of the meeting is as follows").

Context carried from sentence to sentence: the *turn* (speakers of the last claim in the
paragraph), the *group* (the participants of the meeting being reported: all of them, or
the pair named by the last "X met Y"), and the last singular participant named as a subject,
for "he"/"she".

Every decision records the rule that made it (``Decision.rule``) and its cue.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from . import extensions as ext
from . import syntax
from .lexmatch import FastMatcher
from .records import Attribution
from .resources import load_jsonl
from .segment import Removed, speaker_label
from .speakers import Person, Reference, RefKind, Roster, is_style

# ---------------------------------------------------------------------------------------
# Lexicons


@dataclass(frozen=True)
class Cue:
    id: str
    cue: str
    start: int  # token index of the anchor
    end: int


@lru_cache(maxsize=4)
def _cue_entries() -> tuple[dict, ...]:
    return load_jsonl("cues.jsonl")


def cue_matcher(vocab) -> FastMatcher:
    matcher = FastMatcher(vocab)
    for entry in _cue_entries():
        matcher.add(entry["id"], [entry["pattern"]])
    return matcher


_MATCHERS: dict[int, FastMatcher] = {}


def _matcher_for(doc: Doc) -> FastMatcher:
    key = id(doc.vocab)
    if key not in _MATCHERS:
        _MATCHERS[key] = cue_matcher(doc.vocab)
    return _MATCHERS[key]


_CUE_NAME = {e["id"]: e["cue"] for e in _cue_entries()}


# Verbs that report the event itself (narration when they are the main predicate).
_EVENT_VERBS = {
    "hold", "meet", "visit", "arrive", "attend", "sign", "witness", "inaugurate", "launch",
    "tour", "travel", "depart", "leave", "return", "receive", "host", "chair", "co-chair",
    "cochair", "accompany", "interact", "join", "participate", "lay", "pay", "see", "open",
    "initiate", "accept", "conduct", "speak", "talk", "have", "take", "come", "call", "be",
    "exchange", "co", "preside", "unveil", "plant", "inspect", "present", "deliver", "give",
    "stop", "land", "head", "lead", "follow", "adopt", "conclude", "establish", "issue",
}
# Main predicates that only narrate when the subject is a participant named in the third
# person (not "Mr. Foreign Minister", which is the speaker addressing the guest).
_EVENT_OBJECTS = {
    "talks", "meeting", "call", "conversation", "visit", "consultations", "tribute", "homage",
    "wreath", "dinner", "lunch", "banquet", "ceremony", "press", "conference", "talk",
    "dialogue", "session", "round", "speech", "lecture", "tour", "trip", "memorandum",
    "agreement", "documents", "document", "minutes", "notes", "statement", "plan", "program",
    "programme", "protocol", "declaration", "treaty",
}
# Nouns that name the event; as a subject they make the sentence narration.
_EVENT_NOUNS = {
    "meeting", "talks", "talk", "visit", "call", "conversation", "trip", "consultation",
    "consultations", "overview", "provision", "provisions", "invitation", "session", "event",
    "ceremony", "summit", "dialogue", "discussion", "discussions", "exchange", "phone",
    "readout", "program", "programme", "plan", "memorandum", "agreement", "document",
    "documents", "minutes", "round", "forum", "conference", "videoconference",
}
_PASSIVE_STANCE = {
    "note", "stress", "emphasize", "emphasise", "underline", "underscore", "highlight", "pay",
    "express", "point", "reaffirm", "reiterate", "agree", "welcome", "affirm", "confirm",
    "acknowledge", "recognize", "recognise", "propose", "voice", "devote", "give",
    "place", "attach",
}
_PASSIVE_TOPIC = {"exchange", "discuss", "consider", "review", "touch", "address", "raise", "cover"}

_PERSONAL = {"he", "she", "him", "her", "his"}
# Subjects that wrap a readout rather than speak in it.
_WRAPPER_SUBJECTS = {
    "spokesperson", "spokesman", "spokeswoman", "statement", "release", "readout",
    # "..., the Foreign Ministry reported.", "the press service said": the publisher reporting
    "ministry", "service", "department",
}
# The meeting itself as the subject of a cue ("The meeting discussed ...", "The talks further
# emphasized ...") speaks for all principals; as the subject of a topic verb ("The talks
# focused on / covered ...") it reports what the talks covered: continuation (FORMAT.md).
_MEETING_NOUNS = {
    "meeting", "talks", "consultations", "consultation", "session", "dialogue", "discussion",
    "discussions", "conversation", "negotiations", "call",
}
_TOPIC_VERBS = {"cover", "focus", "centre", "center", "concentrate", "touch", "revolve", "address"}
_PLURAL = {"they", "them", "their"}
_FIRST_PLURAL = {"we", "us", "our"}
_FIRST_PLURAL_HINT = re.compile(r"we|us|our", re.I)  # in every word of _FIRST_PLURAL
_ADDRESS = re.compile(r"^(?:mr\.?|madam|mrs\.?|ms\.?|dear)\s+", re.I)
_AS_FOLLOWS = re.compile(r"\bas follows\s*[.:]?\s*$", re.I)
# "Vladimir Vasiliev: Mr President, ...", "President of Kazakhstan Askar Bekov (retranslated): ..."
_COLON_SPEAKER = re.compile(r"^(?P<np>[A-Z][\w.’' -]{1,60}?)\s*(?:\([\w ]{1,20}\))?\s*:\s+\S")
_QUOTE_OPEN = "“\"‘«"
# A closing mark: ” " », or ’ after punctuation (elsewhere ’ is an apostrophe: "Norway’s").
_QUOTE_CLOSE = re.compile(r"[”\"»]|[.,!?…]’")


# ---------------------------------------------------------------------------------------
# Decisions


@dataclass
class Decision:
    """Who says one sentence, and why."""

    speakers: tuple[str, ...] = ()
    attribution: Attribution = Attribution.NARRATION
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    speaker_span: tuple[int, int] | None = None
    rule: str = "narration.default"
    subject: Reference | None = None  # what the main-clause subject referred to, if anything
    turn: tuple[str, ...] = ()  # whose turn the sentence sits in (for "we", sides)
    group: tuple[str, ...] = ()  # the participants of the meeting in focus ("both sides")

    def __str__(self) -> str:
        who = "+".join(self.speakers) or "-"
        return f"{self.attribution.value}:{who}:{self.cue or ''}:{self.rule}"


@dataclass
class _State:
    roster: Roster
    turn: list[Person] = field(default_factory=list)
    group: list[Person] = field(default_factory=list)
    last_single: Person | None = None
    recent: list[Person] = field(default_factory=list)  # singular subjects, most recent last
    gender_source: tuple | None = None  # (doc, sentence spans, roster), read when first needed
    _gender: dict[Person, str] | None = None

    @property
    def gender(self) -> dict[Person, str]:
        """ "m" / "f" where the text tells; read on the first "he"/"she" only."""
        if self._gender is None:
            self._gender = {}
            if self.gender_source is not None:
                doc, spans, roster = self.gender_source
                self._gender = genders(doc, [sp for sp in spans if sp is not None and len(sp)], roster)
        return self._gender
    last_plural: list[Person] = field(default_factory=list)
    prev_para_turn: list[Person] = field(default_factory=list)
    prev_para_claimed_last: bool = False


# ---------------------------------------------------------------------------------------
# Participants named in a sentence


def mentioned(sent: Span, roster: Roster) -> list[Person]:
    """Participants named in a sentence (by a name token or an alias such as "EAM")."""
    out: list[Person] = []
    for t in sent:
        if not t.text[:1].isupper() or t.pos_ not in ("PROPN", "NOUN", "ADJ", "VERB"):
            continue
        p = roster.name_owner(t.text)
        if p is not None and p not in out:
            out.append(p)
    return out


# ---------------------------------------------------------------------------------------
# Resolution in context


def _resolve(ref: Reference, state: _State, sent: Span, subj: Token | None) -> tuple[list[Person], str]:
    roster = state.roster
    kind = ref.kind
    if kind is RefKind.NAME:
        return ref.people, "name"
    if kind is RefKind.PRONOUN:
        p = ref.pronoun
        if p in ("he", "she"):
            want = "m" if p == "he" else "f"
            # The most recent singular subject whose gender, where the text shows it, agrees
            # ("For her part, Foreign Minister Wong ..." makes a later "She noted" skip the
            # Secretary, whom "his counterparts" showed to be a he).
            for person in reversed(state.recent):
                g = state.gender.get(person)
                if g == want:
                    return [person], "pronoun.gender"
                if g is None:
                    return [person], "pronoun"
            if state.last_single is not None:
                return [state.last_single], "pronoun"
            if len(state.turn) == 1:
                return list(state.turn), "pronoun.turn"
            return [], "pronoun.unresolved"
        if p in ("they",):
            if state.last_plural:
                return list(state.last_plural), "pronoun.they"
            return list(state.group), "pronoun.they.group"
        if p == "i":
            # "I also propose that ..." in a transcript turn (which may run over paragraphs)
            turn = state.turn or state.prev_para_turn
            if len(turn) == 1:
                return list(turn), "pronoun.i.turn"
            return [], "pronoun.unresolved"
        if p in ("we", "us"):
            if state.turn:
                return list(state.turn), "pronoun.we.turn"
            principal = roster.publisher_principal
            return ([principal] if principal else []), "pronoun.we.publisher"
        return [], "pronoun.unresolved"
    if kind in (RefKind.SIDE, RefKind.COUNTRY):
        code = ref.country
        if state.turn and all(p.country == code for p in state.turn):
            return list(state.turn), f"{kind.value}.turn"
        principal = roster.principal(code)
        if principal is not None:
            return [principal], f"{kind.value}.principal"
        return [], f"{kind.value}.not_participant"
    if kind is RefKind.GROUP:
        if ref.people and len(ref.people) >= 2:
            if ref.count is None or ref.count == len(ref.people):
                return list(ref.people), "group.title"
        return list(state.group), "group"
    if kind is RefKind.TITLE:
        cands = list(ref.people)
        if len(cands) == 1:
            return cands, "title"
        if not cands:
            return [], "title.unknown"
        # An ambiguous title ("the Minister" when both are ministers): not the person the
        # sentence names or points to as its object ("The Minister also briefed Gao Yichen",
        # "The Minister thanked him"); else the publishing government's own principal, whom
        # house styles call by bare title ("The Secretary", "The Minister"); else the turn.
        others = set(mentioned(sent, roster))
        if subj is not None:
            subj_people = set()
            for t in subj.subtree:
                owner = roster.name_owner(t.text) if t.text[:1].isupper() else None
                if owner:
                    subj_people.add(owner)
            others -= subj_people
            for t in sent:
                if t.lower_ in ("him", "her") and t.dep_ in ("dobj", "pobj", "dative", "iobj"):
                    if state.last_single is not None and state.last_single not in subj_people:
                        others.add(state.last_single)
        left = [p for p in cands if p not in others]
        if len(left) == 1:
            return left, "title.not_object"
        pub = roster.publisher_principal
        if pub in left:
            return [pub], "title.publisher"
        turn = [p for p in left if p in state.turn]
        if len(turn) == 1:
            return turn, "title.turn"
        return cands[:1], "title.first"
    return [], "unknown"


def _resolve_subject(subj: Token, state: _State, sent: Span) -> tuple[list[Person], str, Reference, tuple[int, int]]:
    roster = state.roster
    people: list[Person] = []
    rules: list[str] = []
    first_ref: Reference | None = None
    span = (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge))
    heads = syntax.conjuncts(subj)
    for other in syntax.co_subjects(subj):
        heads.extend(h for h in syntax.conjuncts(other) if h not in heads)
    heads.sort(key=lambda t: t.i)
    for head in heads:
        toks = syntax.np_tokens(head)
        np = syntax.text(toks)
        if len(heads) > 1 and (is_style(np) or head.text == "HE"):
            # "His Royal Highness [the Crown Prince]", "HE [the Prime Minister]": the style,
            # not a second person
            continue
        if _ADDRESS.match(np) and head.pos_ != "PROPN":
            ref = Reference(RefKind.UNKNOWN, rule="ref.address")  # "Mr. Foreign Minister"
        elif head.lemma_.lower() in _EVENT_NOUNS and head.pos_ == "NOUN":
            ref = Reference(RefKind.UNKNOWN, rule="ref.event_noun")
        else:
            ref = roster.classify(np)
            if ref.kind is RefKind.UNKNOWN and head.pos_ == "PROPN" and len(heads) == 1:
                # a name whose tokens the parse split oddly: try the whole subject
                ref = roster.classify(syntax.text(list(subj.subtree)))
                if ref.kind not in (RefKind.NAME, RefKind.TITLE):
                    ref = Reference(RefKind.UNKNOWN, rule="ref.unknown")
        if first_ref is None:
            first_ref = ref
        found, rule = _resolve(ref, state, sent, subj)
        if not found:
            return [], rule, ref, span
        for p in found:
            if p not in people:
                people.append(p)
        rules.append(rule)
    if len(heads) > 1:
        first_ref = Reference(RefKind.GROUP, people, rule="ref.conjunction")
    return people, "+".join(dict.fromkeys(rules)), first_ref or Reference(RefKind.UNKNOWN), span


# ---------------------------------------------------------------------------------------
# Cues


def _cues_in(
    sent: Span, matches: list[tuple[str, int, int]], main_verbs: list[Token]
) -> list[tuple[Cue, Token]]:
    """Cues whose anchor is a main-clause predicate of `sent` (first first)."""
    mains = {t.i for t in main_verbs}
    root = sent.root
    subj = syntax.subject_of(root)
    if subj is not None and subj.lemma_.lower() in _WRAPPER_SUBJECTS:
        # "The spokesperson added that the Indian minister expressed ...": the wrapper gives
        # the spokesperson no sentence (FORMAT.md); the reported clause is the main one.
        mains.discard(root.i)
        for c in root.children:
            if c.dep_ == "ccomp":
                mains.add(c.i)
                mains.update(x.i for x in c.children if x.dep_ == "conj" and x.pos_ == "VERB")
    contrast = _contrast_clauses(sent, mains)
    mains |= contrast
    out: list[tuple[Cue, Token]] = []
    seen = set()
    # `matches` is sorted by start: look only at this sentence's slice of it.
    lo = bisect.bisect_left(matches, sent.start, key=lambda m: m[1])
    hi = bisect.bisect_left(matches, sent.end, key=lambda m: m[1])
    for mid, start, end in matches[lo:hi]:
        if start < sent.start or end > sent.end:
            continue
        anchor = sent.doc[start]
        if mid == "cue.according_to":
            out.append((Cue(mid, "according to", start, end), anchor))
            continue
        if anchor.i not in mains or anchor.i in seen:
            continue
        if syntax.is_modal(anchor) or (
            anchor.dep_ == "xcomp"
            and syntax.is_modal(anchor.head)
            and not syntax.is_courtesy(anchor.head)  # "I would like to invite ..." is a cue
        ):
            continue  # "China will continue to encourage ...": a modal predicate, not a cue
        if (
            anchor.dep_ in ("amod", "acl", "relcl", "advcl", "pcomp")
            and anchor.i != root.i
            and anchor.i not in contrast
        ):
            if not (anchor.dep_ == "pcomp" and any(
                v.lemma_ in syntax.ASPECTUAL and syntax.aspectual_complement(v) == anchor for v in anchor.ancestors
            )):
                continue
        if mid == "cue.call_on_to" and not _calls_on_to(anchor):
            continue
        if mid == "cue.welcome" and _is_hosting(anchor):
            continue
        if syntax.is_passive(anchor):
            continue  # agentless passives are handled separately
        seen.add(anchor.i)
        out.append((Cue(mid, _CUE_NAME.get(mid, anchor.lemma_), start, end), anchor))
    out.sort(key=lambda x: x[1].i)
    # A longer cue at the same anchor wins ("point out" over "point").
    return out


_CONTRAST_MARKS = frozenset({"while", "whereas"})


def _contrast_clauses(sent: Span, mains: set[int]) -> set[int]:
    """Verbs of "X conveyed ..., while Y asked ..." clauses: a second speaker with a subject
    of its own, hung on a main verb or on the clause it reports."""
    out: set[int] = set()
    low = syntax.span_text(sent).lower()
    if not any(mark in low for mark in _CONTRAST_MARKS):
        return out  # (a text search first: most sentences have no such clause)
    for t in sent:
        if t.dep_ != "advcl" or t.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in t.children):
            continue
        if not any(c.dep_ == "nsubj" for c in t.children):
            continue
        head = t.head
        while head.i not in mains and head.dep_ == "ccomp" and head.head.i != head.i:
            head = head.head
        if head.i in mains:
            out.add(t.i)
    return out


def _co_speakers(later: list[tuple[Cue, Token]], state: _State, sent: Span, people: list) -> list:
    """Participants who speak in a later clause of the same sentence with a subject of their
    own ("..., while the Crown Prince asked him to convey ..."); none when there is none."""
    extra = []
    for cue, anchor in later:
        subj = next((c for c in anchor.children if c.dep_ == "nsubj"), None)
        if cue.id == "cue.according_to" or subj is None or subj.pos_ == "PRON":
            continue
        found, _, _, _ = _resolve_subject(subj, state, sent)
        extra.extend(p for p in found if p not in people and p not in extra)
    return extra


# An earlier time than the event's: what a speaker recalls, not what the readout reports.
_EARLIER = re.compile(
    r"\b(?:last (?:year|month|week|autumn|spring|summer|winter)|(?:a|two|three|several|many) "
    r"(?:years?|months?) ago|in the past|previously|earlier this year|(?:in|since) (?:19|20)\d\d)\b",
    re.I,
)
_PROGRAMME_VERBS = {"visit", "call", "depart", "leave", "return", "travel", "arrive", "proceed", "tour"}
_PROGRAMME_TIME = re.compile(
    r"\b(?:tomorrow|today|tonight|this (?:morning|afternoon|evening)|later (?:today|in the day)|"
    r"before (?:returning|departing|leaving|concluding)|during (?:the|his|her|their) (?:visit|stay)|"
    r"on \d{1,2} [A-Z][a-z]+|on [A-Z][a-z]+ \d{1,2}\b)",
)


def _is_programme(sent: Span) -> bool:
    """ "He will also visit Lumbini before returning home on 26 February": the visit's
    programme, told by the publisher (narration), not an undertaking."""
    root = sent.root
    if root.lemma_ not in _PROGRAMME_VERBS:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in root.children):
        return False
    text = syntax.span_text(sent)
    return text[:1] not in _QUOTE_OPEN and bool(_PROGRAMME_TIME.search(text))


def _inverted_subject(verb: Token) -> Token | None:
    """ "“...,” declared the Deputy Prime Minister": the parser takes an inverted subject after
    a quotation for an object; the reported clause before the verb shows the inversion."""
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)


def _on_the_agenda(root: Token) -> bool:
    """ "X, Y and Z were high on the agenda": what the talks covered."""
    if root.lemma_ != "be":
        return False
    heads = [root, *(c for c in root.children if c.dep_ == "acomp")]  # "high on the agenda"
    for prep in (c for h in heads for c in h.children):
        if prep.dep_ == "prep" and prep.lower_ in ("on", "at"):
            if any(c.dep_ == "pobj" and c.lemma_ in ("agenda", "top") for c in prep.children):
                return True
    return False


def _is_meeting_subject(subj: Token) -> bool:
    """ "The meeting", "The talks", "The consultations": the event, not a document or visit."""
    if subj.pos_ != "NOUN" or (
        subj.lemma_.lower() not in _MEETING_NOUNS and subj.lower_ not in _MEETING_NOUNS
    ):
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "these", "this") for c in subj.children)


def _calls_on_to(verb: Token) -> bool:
    """ "called on X to do" urges; "called on the Prime Minister" is a courtesy visit."""
    for t in verb.subtree:
        if t.dep_ in ("xcomp", "ccomp") and t.i > verb.i:
            return True
        if t.lower_ == "to" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ == "VERB":
            return True
    return False


def _is_hosting(verb: Token) -> bool:
    """ "welcomed X to the White House / to Beijing": hosting, narration (FORMAT.md)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    if obj is None or to is None:
        return False
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return False
    is_person = obj.pos_ == "PROPN" or obj.ent_type_ == "PERSON"
    is_place = pobj.ent_type_ in ("GPE", "FAC", "LOC", "ORG") or pobj.lower_ in {"house", "capital"}
    return is_person and is_place


# ---------------------------------------------------------------------------------------
# Narration


def _is_event_sentence(sent: Span, state: _State, main_verbs: list[Token]) -> str | None:
    """A rule id when the sentence reports the event rather than anyone's words."""
    text = syntax.span_text(sent)
    if _AS_FOLLOWS.search(text):
        return "narration.as_follows"
    if _is_programme(sent):
        return "narration.programme"
    root = sent.root
    subj = syntax.subject_of(root)
    if subj is not None and subj.lemma_.lower() in _EVENT_NOUNS and subj.pos_ in ("NOUN", "PROPN"):
        if _is_meeting_subject(subj) and root.lemma_ in _TOPIC_VERBS and not syntax.is_passive(root):
            return None  # "The talks focused on ...": what the talks covered (see _decide)
        return "narration.event_subject"
    if subj is not None and subj.lower_ in ("this", "it") and root.lemma_ == "be":
        attr = next((c for c in root.children if c.dep_ in ("attr", "acomp")), None)
        if attr is not None and (attr.lemma_.lower() in _EVENT_NOUNS or attr.lower_ == "present"):
            return "narration.this_was_visit"
    if syntax.is_passive(root) and not syntax.has_agent(root):
        if root.lemma_ in ("sign", "hold", "initiate", "accept", "conclude", "adopt", "exchange",
                           "launch", "open", "inaugurate", "attend", "receive", "organize",
                           "organise", "consider", "discuss", "review", "address", "cover"):
            return "narration.passive_event"
    if syntax.is_passive(root) and root.lemma_ in (
        "initiate", "accept", "hold", "sign", "head", "lead", "accompany", "attend", "host",
        "chair", "co-chair", "cochair", "receive", "organize", "organise", "witness", "represent",
    ):
        # "The Uzbek delegation was headed by Deputy Minister X", "The talks were co-chaired by"
        return "narration.passive_event"
    for v in main_verbs:
        if v.lemma_ == "welcome" and _is_hosting(v):
            return "narration.hosting"  # "President X welcomed President Y to the Kremlin"
    verbs = [v for v in main_verbs if v.lemma_ in _EVENT_VERBS]
    if not verbs:
        return None
    v = verbs[0]
    subj = syntax.subject_of(v)
    if subj is None:
        return None
    if syntax.is_modal(v):
        return None  # "The two sides should meet often": a proposal, not the event
    if state.turn and any(c.dep_ == "aux" and c.lemma_ == "have" for c in v.children):
        return None  # "the two heads of state have met twice": the speaker's commentary
    if state.turn and _EARLIER.search(sent.text):
        return None  # "Last year, the two heads of state met in Beijing": background in a turn
    if _ADDRESS.match(syntax.text(syntax.np_tokens(subj))):
        return None  # "Mr. Foreign Minister paid a visit ...": the speaker talking
    # What does the verb do? "be present", "hold talks", "pay a visit", "sign ..."
    if v.lemma_ == "be":
        attr = next((c for c in v.children if c.dep_ in ("acomp", "attr", "prep")), None)
        if attr is None or not (attr.lower_ in ("present", "in", "on", "at") or attr.lemma_ in _EVENT_NOUNS):
            return None
    elif v.lemma_ in ("have", "take", "pay", "hold", "give", "deliver", "conduct", "exchange", "present", "lay", "see", "issue"):
        obj = [c for c in v.subtree if c.dep_ in ("dobj", "pobj", "attr") and c.i > v.i]
        if not any(o.lemma_.lower() in _EVENT_OBJECTS or o.lower_ in _EVENT_OBJECTS for o in obj):
            return None
    elif v.lemma_ in ("speak", "talk"):
        if not any(c.lower_ in ("with", "to", "by", "over") for c in v.children):
            return None
    elif v.lemma_ == "call":
        if not any(c.lower_ in ("on", "upon") for c in v.children):
            return None
    elif v.lemma_ in ("come", "follow", "open", "head", "lead", "stop", "land", "return"):
        if v.lemma_ == "follow" and subj.lemma_.lower() not in _EVENT_NOUNS:
            return None
        if v.lemma_ in ("open", "lead", "head", "stop"):
            return None
    # Whose action is it? A participant named in the third person, a group of them, or a
    # person who is not a participant ("Zhou Mingkai, director of ..., attended the meeting").
    head_np = syntax.text(syntax.np_tokens(subj))
    ref = state.roster.classify(head_np)
    if ref.kind in (RefKind.NAME, RefKind.TITLE, RefKind.GROUP):
        return f"narration.event.{v.lemma_}"
    if ref.kind is RefKind.PRONOUN and ref.pronoun in ("he", "she", "they"):
        return f"narration.event.{v.lemma_}"
    if subj.pos_ == "PROPN" or subj.ent_type_ == "PERSON":
        return f"narration.event.{v.lemma_}"
    return None


def _meeting_group(sent: Span, state: _State, main_verbs: list[Token]) -> list[Person] | None:
    """ "EAM also met Minister X": the pair now in focus for "both sides" / "they"."""
    verbs = [v.lemma_ for v in main_verbs]
    if not any(
        v in ("meet", "hold", "call", "speak", "talk", "have", "receive", "visit") for v in verbs
    ):
        return None
    people = mentioned(sent, state.roster)
    return people if len(people) >= 2 else None


# ---------------------------------------------------------------------------------------
# The walk


def attribute(doc: Doc) -> list[Decision]:
    """Decide the speaker of every body sentence; store decisions and claim spans on the Doc."""
    from .pipeline import layout_of

    layout = layout_of(doc)
    roster: Roster = doc._.readout_roster or Roster([])
    matches = [
        (doc.vocab.strings[mid], s, e) for mid, s, e in _matcher_for(doc)(doc)
    ]
    # Keep the longest match per anchor.
    best: dict[int, tuple[str, int, int]] = {}
    for mid, s, e in matches:
        if s not in best or (e - s) > (best[s][2] - best[s][1]):
            best[s] = (mid, s, e)
    matches = sorted(best.values(), key=lambda m: m[1])

    sents = layout.sentences
    # One Span per sentence, made once for the walk, the gender evidence and the claims.
    sent_spans = [doc.char_span(s.start, s.end, alignment_mode="expand") for s in sents]
    state = _State(roster=roster, group=list(roster.people))
    state.gender_source = (doc, sent_spans, roster)
    decisions: list[Decision] = []
    spans: list[Span] = []
    current_para = -1
    for i, (s, span) in enumerate(zip(sents, sent_spans, strict=True)):
        if span is None or len(span) == 0:
            decisions.append(Decision(rule="narration.no_tokens"))
            continue
        if s.paragraph != current_para:
            state.prev_para_turn = list(state.turn)
            state.prev_para_claimed_last = bool(decisions and decisions[-1].speakers)
            state.turn = []
            state.last_plural = []
            current_para = s.paragraph
            label = _label_speaker(layout, s.paragraph, roster) or _wrapper_speaker(
                layout, s.paragraph, roster
            )
            if label is not None:
                state.turn = [label]  # a transcript's "President of Russia X:" over the turn
                _remember(state, label)
        d = _decide(span, state, matches, i == 0 or sents[i - 1].paragraph != s.paragraph)
        d.group = _names(state.group)
        if not d.turn and d.speakers:
            d.turn = d.speakers
        decisions.append(d)

    _quotes_before_cue(doc, sents, decisions)
    doc._.readout_decisions = decisions
    for span, d in zip(sent_spans, decisions, strict=True):
        if d.speakers:
            if span is None:
                continue
            span._.speakers = list(d.speakers)
            span._.attribution = d.attribution.value
            span._.cue = d.cue
            span._.rule = d.rule
            spans.append(span)
    doc.spans[ext.CLAIMS] = spans
    return decisions


def _label_speaker(layout, paragraph: int, roster: Roster) -> Person | None:
    """The participant a transcript's speaker label names above this paragraph, if any."""
    if not 0 <= paragraph < len(layout.paragraphs):
        return None
    np = speaker_label(layout.paragraphs[paragraph].heading)
    return None if np is None else _sole_participant(np, roster)


def _sole_participant(np: str, roster: Roster) -> Person | None:
    """The one participant a name or post refers to, if exactly one."""
    ref = roster.classify(np)
    if ref.kind in (RefKind.NAME, RefKind.TITLE) and len(ref.people) == 1:
        return ref.people[0]
    return None


_ATTRIBUTABLE = re.compile(r"\battribut(?:able|ed) to\s+(?P<np>[^:]{2,160}?)\s*:?\s*$", re.I)


def _wrapper_speaker(layout, paragraph: int, roster: Roster) -> Person | None:
    """The participant a wrapper right above this paragraph names: "Quotes attributable to
    Minister for Foreign Affairs Senator the Hon Claire Donnelly:" (a spokesperson it names
    is no participant, and the principals inside speak for themselves)."""
    if not 0 <= paragraph < len(layout.paragraphs):
        return None
    start = layout.paragraphs[paragraph].start
    before = layout.paragraphs[paragraph - 1].end if paragraph > 0 else 0
    for piece in layout.removed:
        if piece.kind is not Removed.WRAPPER or not before <= piece.start < start:
            continue
        m = _ATTRIBUTABLE.search(layout.text[piece.start : piece.end])
        person = _sole_participant(m.group("np"), roster) if m else None
        if person is not None:
            return person
    return None


def _names(people: list[Person]) -> tuple[str, ...]:
    return tuple(p.name for p in people)


def _decide(sent: Span, state: _State, matches, para_start: bool) -> Decision:
    roster = state.roster
    # The main-clause predicates, read once: the cue, meeting and event rules all look at them.
    mains = syntax.main_verbs(sent)
    group = _meeting_group(sent, state, mains)

    # 1. "Wang Yi: ..." and "according to X"
    m = _COLON_SPEAKER.match(syntax.span_text(sent))
    if m and len(m.group("np").split()) <= 6:
        ref = roster.classify(m.group("np"))
        people, rule = _resolve(ref, state, sent, None) if ref.kind is not RefKind.UNKNOWN else ([], "")
        if people:
            return _explicit(sent, state, people, "say", None, (sent.start_char, sent.start_char + len(m.group("np"))), f"explicit.colon.{rule}", ref)

    cues = _cues_in(sent, matches, mains)
    for k, (cue, anchor) in enumerate(cues):
        if cue.id == "cue.according_to":
            pobj = next((c for c in sent.doc[cue.end - 1].children if c.dep_ == "pobj"), None)
            if pobj is None and cue.end < sent.end:
                pobj = sent.doc[cue.end]
            if pobj is not None:
                people, rule, ref, sspan = _resolve_subject(pobj, state, sent)
                if people:
                    return _explicit(sent, state, people, cue.cue, (sent.doc[cue.start].idx, sent.doc[cue.end - 1].idx + len(sent.doc[cue.end - 1])), sspan, f"explicit.according_to.{rule}", ref)
            continue
        subj = syntax.subject_of(anchor) or _inverted_subject(anchor)
        if subj is None:
            near = syntax.words_before(anchor) if anchor.dep_ == "ROOT" else None
            if near is not None:
                ref = roster.classify(syntax.text(near))
                if ref.kind is not RefKind.UNKNOWN:
                    people, rule = _resolve(ref, state, sent, None)
                    if people:
                        cue_span = (
                            sent.doc[cue.start].idx,
                            sent.doc[cue.end - 1].idx + len(sent.doc[cue.end - 1]),
                        )
                        sspan = (near[0].idx, near[-1].idx + len(near[-1]))
                        return _explicit(
                            sent, state, people, cue.cue, cue_span, sspan,
                            f"explicit.{rule}.before_verb", ref,
                        )
            continue
        if subj.lower_ in ("it", "there") or subj.dep_ == "expl":
            continue
        if _is_meeting_subject(subj) and state.group:
            cue_span = (sent.doc[cue.start].idx, sent.doc[cue.end - 1].idx + len(sent.doc[cue.end - 1]))
            sspan = (subj.left_edge.idx, subj.idx + len(subj))
            ref = Reference(RefKind.GROUP, list(state.group), rule="ref.group.meeting")
            return _explicit(sent, state, list(state.group), cue.cue, cue_span, sspan, "explicit.meeting_subject", ref)
        people, rule, ref, sspan = _resolve_subject(subj, state, sent)
        near = syntax.subject_next_to(anchor, subj)
        if near is not None:
            near_ref = roster.classify(syntax.text(near))
            near_people, near_rule = (
                _resolve(near_ref, state, sent, None)
                if near_ref.kind is not RefKind.UNKNOWN
                else ([], "")
            )
            if near_people:
                people, rule, ref = near_people, f"{near_rule}.next_to_verb", near_ref
                sspan = (near[0].idx, near[-1].idx + len(near[-1]))
        if state.turn and ref.rule == "ref.group.countries":
            break  # "the two countries have always supported each other": the speaker's words
        cue_span = (sent.doc[cue.start].idx, sent.doc[cue.end - 1].idx + len(sent.doc[cue.end - 1]))
        if people:
            if group:
                state.group = group
            extra = _co_speakers(cues[k + 1 :], state, sent, people)
            if extra:
                people, rule = [*people, *extra], f"{rule}+second_clause"
            return _explicit(sent, state, people, cue.cue, cue_span, sspan, f"explicit.{rule}", ref)
        # A cue whose subject is not a participant ("President Sydykov had stressed"): the
        # sentence stays in the current turn, if there is one.
        break

    if group:
        state.group = group

    # 2. narration: the readout reports the event
    ev = _is_event_sentence(sent, state, mains)
    if ev:
        _note_subject(sent, state)
        return Decision(rule=ev)

    # 3. what the talks covered: "The talks focused on ...", "The talks also covered ..."
    #    and agentless passives: "It was noted that ...", "Special attention was paid to ..."
    root = sent.root
    subj = syntax.subject_of(root)
    covered = subj is not None and _is_meeting_subject(subj) and root.lemma_ in _TOPIC_VERBS
    if (covered or _on_the_agenda(root)) and state.group:
        return Decision(_names(state.group), Attribution.CONTINUATION, rule="continuation.talks_covered", turn=_names(state.turn))
    if syntax.is_passive(root) and not syntax.has_agent(root):
        lemma = root.lemma_
        if lemma in _PASSIVE_STANCE:
            people = list(state.group)
            if people:
                return Decision(_names(people), Attribution.CONTINUATION, rule="continuation.passive_stance", turn=_names(state.turn))
        if lemma in _PASSIVE_TOPIC:
            return Decision(rule="narration.passive_topic")

    # 4. continuation of the current turn
    if state.turn:
        return Decision(_names(state.turn), Attribution.CONTINUATION, rule="continuation.turn", turn=_names(state.turn))

    # 4b. a paragraph that opens a quotation with no cue of its own continues the quoted
    #     speaker of the paragraph before (a quote running over several paragraphs, each
    #     opening with “): "“China is New Zealand's largest trading partner ..."
    if para_start and syntax.span_text(sent)[:1] in _QUOTE_OPEN and state.prev_para_turn:
        state.turn = list(state.prev_para_turn)
        return Decision(_names(state.turn), Attribution.CONTINUATION, rule="continuation.quote_paragraph", turn=_names(state.turn))

    # 5. a paragraph opened by a side or a country with no cue: "The Kazakh side will ..."
    subj = syntax.subject_of(root)
    if subj is not None:
        people, rule, ref, _ = _resolve_subject(subj, state, sent)
        if people and ref.kind in (RefKind.SIDE, RefKind.COUNTRY):
            state.turn = people
            return Decision(_names(people), Attribution.CONTINUATION, rule=f"continuation.{rule}", subject=ref, turn=_names(people))
        sides_only = ref.rule == "ref.conjunction" and all(
            part.startswith(("country", "side")) for part in rule.split("+")
        )  # "South Africa and Brazil will work together ..."
        if people and ref.kind is RefKind.GROUP and (
            ref.rule.startswith("ref.group") or sides_only
        ) and subj.lower_ != "they":
            return Decision(_names(people), Attribution.CONTINUATION, rule=f"continuation.{rule}", subject=ref)
        if people and ref.kind is RefKind.PRONOUN and ref.pronoun in ("we", "they"):
            state.turn = people
            return Decision(_names(people), Attribution.CONTINUATION, rule=f"continuation.{rule}", subject=ref, turn=_names(people))

    # 6. "we"/"our" outside any turn: the publishing government's principal (US, UK)
    # (the text test first: it spares reading every token of most sentences)
    if _FIRST_PLURAL_HINT.search(syntax.span_text(sent)) and any(
        t.lower_ in _FIRST_PLURAL for t in sent
    ):
        people = list(state.prev_para_turn) if state.prev_para_turn else []
        if not people and roster.publisher_principal:
            people = [roster.publisher_principal]
        if people:
            state.turn = people
            return Decision(_names(people), Attribution.CONTINUATION, rule="continuation.we", turn=_names(people))

    # 7. a cue-less paragraph opening after a paragraph of claims: the turn goes on
    if para_start and state.prev_para_turn and state.prev_para_claimed_last:
        state.turn = list(state.prev_para_turn)
        return Decision(_names(state.turn), Attribution.CONTINUATION, rule="continuation.previous_paragraph", turn=_names(state.turn))

    return Decision(rule="narration.default")


def _note_subject(sent: Span, state: _State) -> None:
    """Remember a narration sentence's participant subject, for a following "he"."""
    subj = syntax.subject_of(sent.root)
    if subj is None or subj.pos_ == "PRON":
        return
    ref = state.roster.classify(syntax.text(syntax.np_tokens(subj)))
    if ref.kind in (RefKind.NAME, RefKind.TITLE):
        people, _ = _resolve(ref, state, sent, subj)
        if len(people) == 1:
            _remember(state, people[0])


def _remember(state: _State, person: Person) -> None:
    state.last_single = person
    if person in state.recent:
        state.recent.remove(person)
    state.recent.append(person)


# (the lookahead of first letters lets the regex engine skip to candidate positions: a
# case-insensitive pattern that opens with \b is otherwise tried at every character)
_HONORIFIC = re.compile(
    r"(?=[MSDL])\b(Mr|Ms|Mrs|Madam|Madame|Mme|Sir|Dame|Lady|Mister|Miss)\b\.?\s+", re.I
)
_MALE = {"mr", "sir", "mister"}
_POSSESSIVE = {"his": "m", "himself": "m", "her": "f", "herself": "f"}
# Every word of _POSSESSIVE contains one of these: a sentence without them has no vote.
_POSSESSIVE_HINT = re.compile(r"his|her", re.I)


def genders(doc: Doc, sents: list[Span], roster: Roster) -> dict[Person, str]:
    """Each participant's grammatical gender where the text shows it.

    Evidence: an honorific before the name ("Mr. KAMIYA Hiroshi", "Ms. Wong") and possessive
    or reflexive pronouns in sentences whose subject is that participant ("For her part,
    Foreign Minister Wong ...", "The Secretary also assured his counterparts ...").
    """
    votes: dict[Person, dict[str, int]] = {}
    text = doc._.readout_layout.text if doc._.readout_layout is not None else doc.text
    for m in _HONORIFIC.finditer(text):
        tail = text[m.end() : m.end() + 60].split()
        for word in tail[:4]:
            person = roster.name_owner(word.strip(".,;:’'s")) if word[:1].isupper() else None
            if person is not None:
                g = "m" if m.group(1).lower() in _MALE else "f"
                votes.setdefault(person, {}).setdefault(g, 0)
                votes[person][g] += 2
                break
    for sent in sents:
        if not _POSSESSIVE_HINT.search(syntax.span_text(sent)):
            continue  # cheap test first: the checks below read the parse
        subj = syntax.subject_of(sent.root)
        if subj is None or subj.pos_ == "PRON":
            continue
        ref = roster.classify(syntax.text(syntax.np_tokens(subj)))
        if ref.kind not in (RefKind.NAME, RefKind.TITLE) or len(ref.people) != 1:
            continue
        if any(p != ref.people[0] for p in mentioned(sent, roster)):
            continue  # "X met Y ..., during his first visit": whose "his"?
        for t in sent:
            g = _POSSESSIVE.get(t.lower_)
            if g:
                votes.setdefault(ref.people[0], {}).setdefault(g, 0)
                votes[ref.people[0]][g] += 1
    out = {}
    for person, v in votes.items():
        m, f = v.get("m", 0), v.get("f", 0)
        if m != f:
            out[person] = "m" if m > f else "f"
    return out


def _explicit(sent, state: _State, people, cue, cue_span, speaker_span, rule, ref) -> Decision:
    if len(people) == 1:
        _remember(state, people[0])
        state.last_plural = []
    else:
        state.last_plural = list(people)
    state.turn = list(people)
    return Decision(
        _names(people), Attribution.EXPLICIT, cue, cue_span, speaker_span, rule, ref, _names(people)
    )


def _quotes_before_cue(doc: Doc, sents, decisions: list[Decision]) -> None:
    """Sentences of a direct quote before the sentence with the cue are the quoted speaker's.

    “China is ready to ... We will never ...,” Wang said.  → the first sentence is Wang's
    continuation (FORMAT.md, "Quotations").
    """
    text = doc._.readout_layout.text if doc._.readout_layout is not None else doc.text
    i = 0
    while i < len(sents):
        s = sents[i]
        body = text[s.start : s.end]
        if body[:1] in _QUOTE_OPEN and not _QUOTE_CLOSE.search(body, 1):
            j = i + 1
            while j < len(sents) and sents[j].paragraph == s.paragraph:
                later = text[sents[j].start : sents[j].end]
                if _QUOTE_CLOSE.search(later):
                    break
                j += 1
            if j < len(sents) and sents[j].paragraph == s.paragraph:
                dj = decisions[j]
                if dj.attribution is Attribution.EXPLICIT and dj.speakers:
                    for k in range(i, j):
                        if decisions[k].attribution is not Attribution.EXPLICIT:
                            decisions[k] = Decision(
                                dj.speakers, Attribution.CONTINUATION, rule="continuation.quote", turn=dj.speakers
                            )
            i = j
        i += 1
