"""Parties: the side(s) that would carry out a commitment, as ISO alpha-3 or organisation codes.

FORMAT.md: for a pledge or intent the committing side, for a proposal the side(s) asked to act,
for support the side giving it. The noun phrase of that side is resolved with the speaker
roster (``speakers.Roster.classify``) and the context of the sentence:

* "we", "our", "his country" → the speaker's country ("we will" in Wang Yi's turn → CHN);
* "the two sides", "both countries", "the leaders", "they" → every participant in focus;
  "the three countries" after "the China-Kyrgyzstan-Uzbekistan railway" → those three;
* "The Kazakh side", "China", "U.S. companies", "British International Investment" → the
  country named; "the Taliban" → AFG (commitment_lexicon.jsonl 'actors');
* "the international community", a person who is not a participant → no party (and so, for
  most frames, no commitment).

A partner after "with" is never a party: only subjects, possessors and addressees are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .. import syntax
from ..countries import gazetteer
from ..speakers import RefKind, Roster
from .lexicon import Lexicon

_FIRST = {"we", "us", "our", "ours", "i", "me", "my"}
_THIRD_SINGULAR = {"he", "she", "him", "her", "his", "hers"}
_PLURAL = {"they", "them", "their", "theirs"}
_IT = {"it", "its"}
_OWN_COUNTRY = re.compile(
    r"^(?:his|her|our|my|their|its)\s+(?:own\s+)?(?:country|nation|government|side)$", re.I
)
_COUNT = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
_DASHES = {"-", "–", "—"}


@dataclass
class PartyContext:
    """What a sentence knows about who is speaking and who is in the room."""

    roster: Roster
    lex: Lexicon
    sent: Span
    speakers: list[str] = field(default_factory=list)  # names
    group_names: list[str] = field(default_factory=list)  # the participants in focus
    group: list[str] = field(default_factory=list)  # their country codes
    speaker_codes: list[str] = field(default_factory=list)
    turn_codes: list[str] = field(default_factory=list)
    cue_span: tuple[int, int] | None = None  # character offsets of the sentence's reporting cue

    @property
    def narration(self) -> bool:
        return not self.speakers

    @property
    def joint(self) -> bool:
        """All principals in focus speak the sentence ("Both sides agreed ...")."""
        if len(self.speakers) < 2:
            return False
        if not self.group_names or set(self.group_names) <= set(self.speakers):
            return True
        # "The two Ministers agreed to ..." when the roster also holds someone met later (a
        # courtesy call on the Prime Minister): every side in focus speaks, so it is joint
        return len(self.group) >= 2 and set(self.group) <= set(self.speaker_codes)

    def others(self) -> list[str]:
        """The participants in focus other than the speaker's side."""
        own = set(self.turn_codes or self.speaker_codes)
        rest = [c for c in self.group if c not in own]
        return rest or list(self.group)


def _codes(people) -> list[str]:
    out: list[str] = []
    for p in people:
        if p is not None and p.country and p.country not in out:
            out.append(p.country)
    return out


def make_context(roster: Roster, lex: Lexicon, sent: Span, decision) -> PartyContext:
    names = list(getattr(decision, "speakers", ()) or ())
    group_names = list(getattr(decision, "group", ()) or ())
    turn = list(getattr(decision, "turn", ()) or ()) or names
    if not group_names:
        group_names = [p.name for p in roster]
    group = _codes(roster.get(n) for n in group_names) or roster.countries()
    return PartyContext(
        roster=roster,
        lex=lex,
        sent=sent,
        speakers=names,
        group_names=group_names,
        group=group,
        speaker_codes=_codes(roster.get(n) for n in names),
        turn_codes=_codes(roster.get(n) for n in turn),
        cue_span=getattr(decision, "cue_span", None),
    )


def resolve(token: Token | None, ctx: PartyContext) -> tuple[list[str] | None, str]:
    """Codes of the side a noun phrase names, and the rule that said so (None: no party)."""
    if token is None:
        return None, "none"
    found: list[str] = []
    rules: list[str] = []
    heads = syntax.conjuncts(token)
    for head in heads:
        codes, rule = _resolve_one(head, ctx)
        if codes:
            found += [c for c in codes if c not in found]
            rules.append(rule)
    if len(heads) == 1 and token.pos_ in ("PROPN", "NOUN"):
        for codes, rule in _mangled_coordination(token, ctx):
            found += [c for c in codes if c not in found]
            rules.append(rule)
    if not found:
        return None, _resolve_one(token, ctx)[1]
    return found, "+".join(dict.fromkeys(rules))


def _mangled_coordination(head: Token, ctx: PartyContext):
    """ "The Secretary and Foreign Minister Marsudi committed to ...": the parser may hang
    "The Secretary and Foreign Minister" on "Marsudi" as a modifier, so the coordination is
    not in the conjuncts. Each part before the head is read on its own."""
    left = [t for t in head.subtree if t.i < head.i]
    if not any(t.dep_ == "cc" and t.head.i != head.i for t in left):
        return
    part: list[Token] = []
    for t in [*left, head]:
        if t.dep_ == "cc" or t.text == ",":
            if part:
                ref = ctx.roster.classify(_text(part))
                if ref.kind in (RefKind.NAME, RefKind.TITLE) and ref.people:
                    yield _codes(ref.people), ref.kind.value
            part = []
        else:
            part.append(t)


def _np_text(head: Token) -> str:
    toks = syntax.np_tokens(head)
    # "Viet Nam's support", "the United States’ commitment": the possessive ending is not
    # part of the name the gazetteer and the roster know.
    while len(toks) > 1 and (toks[-1].tag_ == "POS" or toks[-1].text in ("'", "’")):
        toks = toks[:-1]
    return _text(toks)


def _text(tokens: list[Token]) -> str:
    """The words from the first token to the last, as printed."""
    return syntax.text(tokens)  # sliced from the Doc's text, built once per Doc


def _resolve_one(head: Token, ctx: PartyContext) -> tuple[list[str] | None, str]:
    low = head.lower_
    if low in _FIRST:
        return (ctx.turn_codes or ctx.speaker_codes or None), "pronoun.we"
    if low in _THIRD_SINGULAR:
        return (ctx.speaker_codes if len(ctx.speaker_codes) == 1 else None), "pronoun.he"
    if low in _PLURAL:
        if ctx.joint or len(ctx.speaker_codes) < 2:
            return (ctx.group or None), "pronoun.they.group"
        return ctx.speaker_codes, "pronoun.they.speakers"
    if low in _IT:
        return _it(head, ctx)
    np = _np_text(head)
    np_low = np.lower()
    if _OWN_COUNTRY.match(np_low):
        return (ctx.turn_codes or ctx.speaker_codes or None), "own_country"
    for phrase in ctx.lex.words("non_party_phrases"):
        if phrase in np_low:
            return None, "non_party"
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    ref = ctx.roster.classify(np)
    if ref.kind is RefKind.GROUP or (poss is not None and poss.lower_ in _PLURAL | {"our"}):
        return _group(head, np_low, ref, ctx)
    if ref.kind in (RefKind.SIDE, RefKind.COUNTRY) and ref.country:
        return [ref.country], f"{ref.kind.value}"
    if ref.kind in (RefKind.NAME, RefKind.TITLE) and ref.people:
        people = ref.people
        if ref.kind is RefKind.TITLE and len(_codes(people)) > 1:
            # "The Prime Minister invited Prime Minister Kowalczyk ...": a bare title both
            # principals hold is the speaker's, whom attribution has already resolved
            speaking = [p for p in people if p.name in ctx.speakers]
            if len(speaking) == 1:
                return _codes(speaking) or None, "title.speaker"
        return _codes(people) or None, ref.kind.value
    actors = ctx.lex.maps.get("actors", {})
    for name, code in actors.items():
        if name in np and re.search(rf"\b{re.escape(name)}\b", np):
            return [code], "actor"
    gaz = gazetteer()
    for t in syntax.np_tokens(head):
        if t.i == head.i and t.pos_ == "PROPN" and t.ent_type_ == "PERSON":
            break
        code = gaz.code(t.text)
        if code:
            return [code], "country_in_np"
    of_party = _of_party(head, ctx)
    if of_party is not None:
        return of_party
    if _OWN_INSTITUTION.match(np_low) and ctx.turn_codes:
        return list(ctx.turn_codes), "own_institution"
    if np_low in ("the kingdom", "kingdom"):
        kingdoms = [c for c in ctx.group if c.lower() in ctx.lex.words("kingdoms")]
        if len(kingdoms) == 1:
            return kingdoms, "kingdom"
    return None, "unknown"


#: A state body named without its country ("the Royal Navy would continue to deploy ...",
#: "the Federal Government") in a participant's turn is that participant's.
_OWN_INSTITUTION = re.compile(
    r"^(?:the\s+)?(?:royal\s+|federal\s+|national\s+)?"
    r"(?:navy|army|air force|armed forces|coast guard|government|federal government|military)$"
)


def _of_party(head: Token, ctx: PartyContext) -> tuple[list[str], str] | None:
    """ "The economic and trade teams of the two countries should ...", "the foreign ministries
    of both sides": a body of the sides is those sides."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = _prep_object(prep) if prep is not None else None
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    codes, rule = resolve(obj, ctx)
    return (codes, f"of.{rule}") if codes else None


def _prep_object(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj",)), None)


def _it(head: Token, ctx: PartyContext) -> tuple[list[str] | None, str]:
    """ "its": the sentence's main subject when that is a side ("The Pakistani side confirmed
    its readiness"), else the speaker's country."""
    subj = syntax.subject_of(ctx.sent.root)
    if subj is not None and subj.i != head.i and subj.lower_ not in _IT:
        codes, _ = resolve(subj, ctx)
        if codes:
            return codes, "pronoun.it.subject"
    return (ctx.turn_codes or ctx.speaker_codes or None), "pronoun.it.speaker"


def _group(head: Token, np_low: str, ref, ctx: PartyContext) -> tuple[list[str] | None, str]:
    count = next(
        (n for w, n in _COUNT.items() if w in np_low and re.search(rf"\b{w}\b", np_low)), None
    )
    if (
        ref.people
        and len(_codes(ref.people)) >= 2
        and (count is None or count == len(_codes(ref.people)))
    ):
        return _codes(ref.people), "group.title"
    if count is not None and count > len(ctx.group):
        listed = _hyphenated_countries(ctx.sent, count)
        if listed:
            return listed, "group.listed"
    return (ctx.group or None), "group"


def _hyphenated_countries(sent: Span, count: int) -> list[str] | None:
    """ "the China-Kyrgyzstan-Uzbekistan railway ... the three countries" → those three."""
    gaz = gazetteer()
    run: list[str] = []
    best: list[str] | None = None
    prev_dash = True
    for t in sent:
        code = gaz.code(t.text) if t.pos_ in ("PROPN", "ADJ", "NOUN") else None
        if code and (prev_dash or not run):
            if code not in run:
                run.append(code)
            prev_dash = False
        elif t.text in _DASHES and run:
            prev_dash = True
        else:
            if len(run) == count:
                best = run
            run, prev_dash = [], True
    if len(run) == count:
        best = run
    return best
