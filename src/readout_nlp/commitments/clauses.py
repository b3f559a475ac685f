"""Commitment clauses: where a modality marker opens a clause, what it covers and who acts.

A *clause* is what one marker governs: "will" governs its verb ("The Kazakh side will
endeavor to expand trade ..."), "ready" the predicate it completes ("stands ready to work with
... to jointly push ..."), "urged" its object and infinitive ("urged the DPRK to return to
dialogue"), "support" its noun phrase ("U.S. support for Kazakhstan's independence"). Each
frame of ``modality.jsonl`` is read off the dependency parse here:

* the **content** is the part of the parse whose words can name the commitment's type: the
  head's subtree without its subject, without a coordinated predicate that makes a statement
  of its own ("China supports X, and will encourage Y" is two clauses) and without a sentence-
  initial framer ("Noting that ..., Huang said ...");
* the **actor** is the noun phrase of the committing side (the subject, a possessor as in
  "India's readiness", the addressee of "urged X to");
* markers inside another marker's content take the outer one's modality ("China is willing to
  ... encourage enterprises to invest" is an intent, not a proposal), and nothing under a
  blocker ("thanked China for its support") is a commitment.

The functions are pure over a sentence Span; party codes are resolved in ``parties.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .. import syntax
from ..countries import gazetteer
from ..records import Modality
from .lexicon import Lexicon, Marker

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
FINITE_TAGS = {"VBZ", "VBP", "VBD", "MD"}
VERBAL = {"VERB", "AUX"}
NEGATIONS = {"not", "n't", "never", "no"}
#: Subordinators of a time clause, which dates a commitment without naming its domain.
TIME_MARKS = {"when", "whenever", "once", "after", "before", "until", "till", "while"}
#: "As close neighbours of Afghanistan, China and Pakistan should ...": a role, not content.
ROLE_NOUNS = {
    "member",
    "members",
    "neighbor",
    "neighbors",
    "neighbour",
    "neighbours",
    "partner",
    "partners",
    "friend",
    "friends",
    "country",
    "countries",
    "economy",
    "economies",
    "power",
    "powers",
    "nation",
    "nations",
    "state",
    "states",
}


@dataclass
class Clause:
    """One marker's clause in a sentence."""

    marker: Marker
    anchor: Token  # the marker's word ("will", "ready", "urged", "support")
    head: Token  # the predicate or noun whose subtree holds the content
    content: set[int] = field(default_factory=set)
    actor: Token | None = None  # the committing side's noun phrase head
    addressee: Token | None = None  # "urged X to", "invited X to"
    complement: Token | None = None  # the that-clause's verb ("agreed that X should")
    negated: bool = False
    passive: bool = False  # agentless passive: "... should be maintained", "... was signed"
    invites_person: bool = False
    relay: bool = False  # "asked the guest to convey his invitation": read through to it
    attendance: bool = False  # "confirmed that she would attend": a pledge to be there
    inner: list[Clause] = field(default_factory=list)  # markers absorbed into this clause
    extra: list[Token] = field(default_factory=list)  # subtrees that belong to the content too
    extra_ids: set[int] = field(default_factory=set)  # words that belong to it (parse repairs)

    @property
    def modality(self) -> Modality:
        assert self.marker.modality is not None
        return self.marker.modality

    @property
    def independent(self) -> bool:
        """A clause that stands on its own when coordinated with another predicate."""
        if self.marker.frame in ("modal", "predicate"):
            return True
        return self.head.pos_ in VERBAL and (
            self.head.tag_ in FINITE_TAGS
            or _own_subject(self.head) is not None
            # "does not seek ..., and does not support ...": a finite auxiliary of its own
            or any(a.dep_ == "aux" and a.tag_ in FINITE_TAGS for a in self.head.children)
        )

    def doc_token(self, i: int) -> Token:
        return self.anchor.doc[i]

    def span(self) -> tuple[int, int]:
        """Token range covering the actor, the marker and the content."""
        lo = hi = self.anchor.i
        if self.content:
            lo, hi = min(lo, min(self.content)), max(hi, max(self.content))
        if self.actor is not None:
            # a subtree's first and last words are its edges (no walk through it)
            lo, hi = min(lo, self.actor.left_edge.i), max(hi, self.actor.right_edge.i)
        return lo, hi + 1


# ---------------------------------------------------------------------------------------
# Small parse helpers


def _own_subject(v: Token) -> Token | None:
    return next((c for c in v.children if c.dep_ in SUBJECT_DEPS), None)


def actor_of(v: Token) -> Token | None:
    """The subject of a predicate, mending one parser slip on the way.

    In "The Ethiopian side welcomes more Chinese companies to invest in Ethiopia and is ready
    to ...", the parser coordinates the finite "is" with the infinitive "invest", whose
    subject is "companies". A finite verb is not coordinated with an infinitive: the subject
    is that of the nearest finite governor.
    """
    own = _own_subject(v)
    if own is not None:
        return _after_role(own, v)
    if v.dep_ == "conj" and v.tag_ in FINITE_TAGS and v.head.tag_ not in FINITE_TAGS:
        for g in v.head.ancestors:
            if g.tag_ in FINITE_TAGS and g.pos_ in VERBAL:
                return syntax.subject_of(g)
    subj = syntax.subject_of(v)
    if subj is None and v.dep_ == "ccomp":
        # "stated that Japan and the Philippines, as strategic partners sharing ..., will
        # further strengthen ...": the subject went to a sibling clause the parser split off
        for sib in v.head.children:
            if sib.i < v.i and sib.dep_ in ("ccomp", "advcl") and sib.pos_ in VERBAL:
                own_subj = _own_subject(sib)
                if own_subj is not None and own_subj.i < v.i:
                    return own_subj
    return subj


def _after_role(subj: Token, v: Token) -> Token:
    """ "As close neighbours of Afghanistan, China and Pakistan should ...": the parser takes
    "neighbours" for the subject and hangs "China and Pakistan" on "Afghanistan"; the real
    subject is what follows the comma."""
    if subj.lower_ not in ROLE_NOUNS:
        return subj
    left = subj.left_edge
    before = subj.doc[left.i - 1] if left.i > 0 else None
    if not (
        any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children)
        or left.lower_ == "as"
        or (before is not None and before.lower_ == "as")
    ):
        return subj
    toks = list(subj.subtree)
    commas = [t for t in toks if t.text == ","]
    if commas:
        after = [t for t in toks if t.i > commas[-1].i and t.pos_ in ("PROPN", "NOUN")]
        if after:
            return after[0]
    return subj


def negated(t: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in t.children):
        return True
    # "will not": the negation may hang on the auxiliary's head
    return t.dep_ in ("aux", "acomp", "xcomp") and any(
        c.dep_ == "neg" or c.lower_ in NEGATIONS for c in t.head.children
    )


def governors(t: Token, sent: Span, with_edge: bool = False):
    """The tokens that govern `t` in its sentence, nearest first.

    A coordinated head is a sibling, not a governor: in "He thanked X and said that ...",
    "thanked" does not govern what "said" introduces, so the walk skips over it. With
    ``with_edge`` each governor comes with the dependency of the child the walk came from.
    """
    cur = t
    while cur.head.i != cur.i and sent.start <= cur.head.i < sent.end:
        via = cur.dep_
        cur = cur.head
        if via != "conj":
            yield (cur, via) if with_edge else cur


def _has_to_infinitive(t: Token) -> Token | None:
    """The infinitive verb completing `t` ("ready to work", "readiness to share")."""
    for c in t.children:
        if (
            c.pos_ in VERBAL
            and c.dep_ in ("xcomp", "acl", "ccomp", "advcl", "relcl")
            and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
        ):
            return c
    return None


def _prep(t: Token, words: set[str]) -> Token | None:
    return next((c for c in t.children if c.dep_ in ("prep", "dative") and c.lower_ in words), None)


def _prep_object(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _complement_ok(t: Token, kinds: list[str] | None) -> bool:
    if kinds is None:
        return True
    for kind in kinds:
        if kind == "to":
            if _has_to_infinitive(t) is not None:
                return True
            p = _prep(t, {"to"})
            if p is not None and _prep_object(p) is not None:
                return True
        elif kind == "infinitive":
            if _has_to_infinitive(t) is not None:
                return True  # "undertook to ...", not "undertook a visit to Dhaka"
        elif kind == "gerund":
            if any(c.tag_ == "VBG" and c.dep_ in ("xcomp", "pcomp", "dobj") for c in t.children):
                return True
            p = _prep(t, {"to", "on", "in"})
            if p is not None and any(c.tag_ == "VBG" for c in p.children):
                return True
        elif kind in ("on", "upon", "for", "in"):
            p = _prep(t, {kind})
            if p is not None and _prep_object(p) is not None:
                return True
        elif kind == "that":
            if any(c.dep_ == "ccomp" for c in t.children):
                return True
    return False


def _objects(v: Token, anchor_end: Token) -> list[Token]:
    """Object heads of a verb or of its particle ("call for X", "adhere to X").

    Every direct object counts: the parser sometimes splits "appreciates China's just
    position" into two objects, "China" and "position".
    """
    objs = [c for c in v.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    # "welcomed Japan's and the ROK's plans": the parser may make "plans" a clausal
    # complement or a conjunct of "Japan"
    objs += [c for c in v.children if c.dep_ == "ccomp" and c.pos_ in ("NOUN", "PROPN")]
    objs += [x for o in list(objs) for x in o.conjuncts if x.i > o.i]
    if objs:
        return objs
    if anchor_end.i != v.i and anchor_end.dep_ == "prep":
        o = _prep_object(anchor_end)
        return [o] if o is not None else []
    for c in v.children:
        if c.dep_ in ("prep", "xcomp", "ccomp"):
            o = _prep_object(c) if c.dep_ == "prep" else c
            if o is not None:
                return [o]
    return []


def _in_list(t: Token, words: frozenset[str]) -> bool:
    return t.lemma_.lower() in words or t.lower_ in words


def _main_clause(v: Token, sent: Span) -> bool:
    cur = v
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    return cur.i == sent.root.i or cur.dep_ == "ROOT"


def _perfect(v: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in v.children)


def _role_prep(c: Token) -> bool:
    if c.lower_ != "as":
        return False
    obj = _prep_object(c)
    return obj is not None and obj.lower_ in ROLE_NOUNS


# ---------------------------------------------------------------------------------------
# Content


def content_of(
    head: Token, sent: Span, independent_heads: set[int], drop_subject: bool = True
) -> set[int]:
    """The head's subtree within the sentence, as described in the module docstring."""
    out: set[int] = set()
    lo, hi, head_i = sent.start, sent.end, head.i
    stack = [head]
    while stack:
        t = stack.pop()
        ti = t.i
        out.add(ti)
        for c in t.children:
            ci = c.i
            if not (lo <= ci < hi):
                continue
            dep = c.dep_  # (each Token attribute read is a lookup: read it once)
            if dep == "punct":
                continue
            if drop_subject and ti == head_i and dep in SUBJECT_DEPS and dep != "nsubjpass":
                continue  # the actor; a passive's subject is what is acted on ("peace ... should be maintained")
            if (
                dep == "conj"
                and c.pos_ in VERBAL
                and (
                    ci in independent_heads
                    or _own_subject(c) is not None
                    or (c.tag_ in FINITE_TAGS and (t.tag_ in FINITE_TAGS or c.tag_ == "VBD"))
                )
            ):
                # a predicate of its own: "..., and will encourage ...", "..., and looks forward
                # to"; but a finite tag on a verb coordinated under "should"/"will" is a tagging
                # slip ("should deepen ..., maintain[VBP] ...") and stays in the clause
                continue
            if dep == "advcl":
                if ti == head_i and ci < head_i:
                    continue  # sentence-initial framer: "Noting that ..., China is willing to ..."
                if any(m.dep_ in ("mark", "advmod") and m.lower_ in TIME_MARKS for m in c.children):
                    continue  # when it happens, not what: "... when they next meet"
            if dep == "prep" and _role_prep(c):
                continue  # "as a permanent member of the UN Security Council"
            stack.append(c)
    return out


# ---------------------------------------------------------------------------------------
# Frames: marker → clause (or None when the marker does not open one here)


def _frame_modal(m: Marker, anchor: Token, end: Token, sent: Span, lex: Lexicon) -> Clause | None:
    if (
        anchor.dep_ not in ("aux", "auxpass")
        or anchor.tag_ != "MD"
        and anchor.lower_ not in ("'ll", "wo")
    ):
        return None
    head = anchor.head
    if head.i == anchor.i or head.pos_ not in (VERBAL | {"ADJ"}):
        return None
    if anchor.lower_ == "would" and any(c.lower_ == "if" for c in head.subtree):
        return None  # a conditional, not a reported undertaking
    attends = False
    if m.not_heads is not None and _in_list(head, lex.words(m.not_heads)):
        if not _confirmed_attendance(head):
            return None  # "Wang Yi will attend the meeting and pay an official visit": a programme
        attends = True  # "Halima Mwakalinga confirmed that she would attend."
    c = Clause(m, anchor, head, actor=actor_of(head))
    c.attendance = attends
    c.passive = syntax.is_passive(head) and not syntax.has_agent(head)
    c.negated = negated(head) or negated(anchor)
    return c


_ASSURING = {"confirm", "reconfirm", "assure", "promise", "pledge"}
_ATTENDING = {"attend", "participate", "visit", "come", "travel"}


def _confirmed_attendance(head: Token) -> bool:
    """ "confirmed that she would attend", "assured that he would visit Kigali": a
    programme word under a verb of assurance is an undertaking to be there."""
    return (
        head.lemma_.lower() in _ATTENDING
        and head.dep_ == "ccomp"
        and head.head.lemma_.lower() in _ASSURING
    )


def _frame_predicate(
    m: Marker, anchor: Token, end: Token, sent: Span, lex: Lexicon
) -> Clause | None:
    if anchor.pos_ not in ("ADJ", "VERB"):
        return None
    # "It is important for the two sides to ...": the infinitive may hang on the copula
    if not (
        _complement_ok(anchor, m.complement)
        or (anchor.dep_ == "acomp" and _complement_ok(anchor.head, m.complement))
    ):
        return None
    if anchor.dep_ in ("acomp", "oprd", "xcomp", "advmod") and anchor.head.pos_ in VERBAL:
        head = anchor.head  # "is ready", "stands ready", "remains committed"
    elif anchor.dep_ in ("ROOT", "conj", "ccomp"):
        head = anchor
    else:
        return None  # "a ready market", "the committed funds"
    c = Clause(m, anchor, head, actor=actor_of(head))
    c.negated = negated(head) or negated(anchor)
    return c


def _frame_control(m: Marker, anchor: Token, end: Token, sent: Span, lex: Lexicon) -> Clause | None:
    if anchor.pos_ not in VERBAL:
        return None
    if end.i != anchor.i and end.pos_ in VERBAL and end.lower_ != "to":
        # "would like to": the verb that takes the complement is the pattern's last word
        if not _complement_ok(end, m.complement):
            return None
        c = Clause(m, anchor, end, actor=actor_of(end))
        c.negated = negated(end)
        return c
    if end.i != anchor.i and end.lower_ == "to":
        # "look forward to": the object of "to" is the content
        if _prep_object(end) is None and not any(c.dep_ in ("pobj", "pcomp") for c in end.children):
            return None
    elif not _complement_ok(anchor, m.complement):
        return None
    if any(
        c.dep_ == "prep" and c.lower_ == "with" for c in anchor.children
    ) and not _has_to_infinitive(anchor):
        return None  # "agrees with China's views"
    c = Clause(m, anchor, anchor, actor=actor_of(anchor))
    c.negated = negated(anchor)
    # "It was agreed to continue contacts at various levels": no agent, the participants
    c.passive = syntax.is_passive(anchor) and not syntax.has_agent(anchor)
    return c


def _frame_complement(
    m: Marker, anchor: Token, end: Token, sent: Span, lex: Lexicon
) -> Clause | None:
    noun = m.nouns and anchor.pos_ == "NOUN"  # "expressed the hope that the two sides would ..."
    if anchor.pos_ not in VERBAL and not noun:
        return None
    deps = ("ccomp", "acl") if noun else ("ccomp",)
    comp = next((c for c in anchor.children if c.dep_ in deps and c.pos_ in VERBAL), None)
    if comp is None and end.i != anchor.i:
        # "shared the view that ...": the that-clause hangs on the noun
        comp = next(
            (c for c in end.children if c.dep_ in ("ccomp", "acl") and c.pos_ in VERBAL), None
        )
    if comp is None:
        return None
    if m.requires_modal and not any(
        a.dep_ in ("aux", "auxpass") and a.lower_ in ("will", "would", "shall", "'ll")
        for a in comp.children
    ):
        return None
    if m.forward_complement and not _looks_ahead(comp):
        return None  # "shared the view that North Korea's cooperation with Russia poses a threat"
    gov = next((g for g in governors(anchor, sent) if g.pos_ in VERBAL), None) if noun else anchor
    c = Clause(m, anchor, comp, actor=actor_of(gov) if gov is not None else None, complement=comp)
    c.negated = gov is not None and negated(gov)
    c.passive = syntax.is_passive(comp) and not syntax.has_agent(comp)
    return c


def _destination(verb: Token, m: Marker, lex: Lexicon) -> bool:
    """ "welcomes more high-quality Uzbek agricultural products to the Chinese market": goods
    welcomed into a market (not "welcomed Secretary Manalo to Washington", a host's welcome)."""
    assert m.destinations is not None
    words = lex.words(m.destinations)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "into"):
            obj = _prep_object(c)
            if obj is not None and _in_list(obj, words):
                return True
    return False


def _looks_ahead(comp: Token) -> bool:
    """A that-clause about what is to be done: a modal ("that their ministers would meet",
    "that ASEAN should"), a bare subjunctive ("that the two sides increase ...") or a
    readiness predicate; not an assessment ("that the situation poses a threat")."""
    if comp.tag_ == "VB":
        return True
    for c in comp.children:
        if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD":
            return True
        if c.dep_ in ("acomp", "xcomp") and c.lower_ in (
            "ready",
            "willing",
            "committed",
            "necessary",
            "important",
            "essential",
        ):
            return True
    return False


def _frame_addressee(
    m: Marker, anchor: Token, end: Token, sent: Span, lex: Lexicon
) -> Clause | None:
    if anchor.pos_ not in VERBAL:
        return None
    if end.i != anchor.i:  # "call on X to"
        addressee = _prep_object(end)
        verb = anchor
    else:
        addressee = next((c for c in anchor.children if c.dep_ in ("dobj", "obj", "dative")), None)
        verb = anchor
    infinitive = _has_to_infinitive(verb)
    if infinitive is not None and addressee is None:
        addressee = _own_subject(infinitive)  # "welcomes [more Chinese companies to invest]"
    if infinitive is None:
        # "urged [the DPRK to return ...]" parsed as a clause with its own subject
        comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in VERBAL), None)
        if comp is not None and any(a.lower_ == "to" for a in comp.children):
            infinitive = comp
            addressee = addressee or _own_subject(comp)
    if infinitive is None and addressee is not None:
        # "encouraged capable enterprises to invest": the infinitive hangs on the object
        infinitive = _has_to_infinitive(addressee)
    if addressee is None or _in_list(addressee, lex.words("initiative_nouns")):
        return None  # "welcomed Vietnam's decision to resume ...": support, not an invitation
    destination = infinitive is None and m.destinations is not None and _destination(verb, m, lex)
    if infinitive is None and not (m.infinitive_optional or destination):
        return None
    c = Clause(m, anchor, verb, actor=actor_of(verb), addressee=addressee)
    c.negated = negated(verb)
    c.relay = (
        m.relay is not None and infinitive is not None and _in_list(infinitive, lex.words(m.relay))
    )
    c.invites_person = (
        not destination
        and addressee.lemma_.lower() not in lex.words("company_nouns")
        and addressee.lower_ not in lex.words("company_nouns")
    )
    return c


def _frame_object(m: Marker, anchor: Token, end: Token, sent: Span, lex: Lexicon) -> Clause | None:
    if anchor.pos_ not in VERBAL:
        return None
    if m.requires_negation and not negated(anchor):
        return None  # "the U.S. does not support 'Taiwan independence'" only
    if m.finite and not (
        anchor.tag_ in FINITE_TAGS
        or any(a.dep_ == "aux" and a.lemma_ == "do" for a in anchor.children)
    ):
        return None  # "to support Canadian crews": a purpose, not a stance
    if m.finite and (_perfect(anchor) or (anchor.dep_ == "conj" and _perfect(anchor.head))):
        return None  # "the two countries have always respected and supported each other": a record
    objs = _objects(anchor, end)
    if m.objects is not None and not any(_in_list(o, lex.words(m.objects)) for o in objs):
        return None
    if m.objects_not is not None and any(_in_list(o, lex.words(m.objects_not)) for o in objs):
        return None
    passive = syntax.is_passive(anchor) and not syntax.has_agent(anchor)
    if m.event:
        if any(o.pos_ in VERBAL for o in objs):
            return (
                None  # "announced that Australia will contribute ...": a pledge, said at the event
            )
        past = anchor.tag_ == "VBD" or (
            anchor.tag_ == "VBN"
            and any(a.dep_ == "auxpass" and a.lower_ in ("was", "were") for a in anchor.children)
        )
        if not past or _perfect(anchor) or not _main_clause(anchor, sent):
            return None
    c = Clause(m, anchor, anchor, actor=actor_of(anchor))
    c.passive = passive
    c.negated = negated(anchor)
    return c


def _sibling_prep(noun: Token, kinds: list[str] | None) -> Token | None:
    """A complement the parser hung on the verb instead of the noun: in "reaffirmed U.S.
    support for Kazakhstan's independence", "for ..." may attach to "reaffirmed"."""
    nxt = noun.right_edge.i + 1
    if nxt >= len(noun.doc) or noun.head.i == noun.i:
        return None
    t = noun.doc[nxt]
    if t.head.i == noun.head.i and t.dep_ == "prep" and (kinds is None or t.lower_ in kinds):
        return t
    # "affirmed the Kingdom's keenness to develop ...": the infinitive hung on the verb
    if (
        t.lower_ == "to"
        and t.dep_ == "aux"
        and t.head.dep_ in ("xcomp", "advcl")
        and t.head.head.i == noun.head.i
        and (kinds is None or "to" in kinds)
    ):
        return t.head
    return None


def _frame_noun(m: Marker, anchor: Token, end: Token, sent: Span, lex: Lexicon) -> Clause | None:
    if anchor.pos_ not in ("NOUN", "PROPN"):
        return None
    if (
        anchor.dep_ == "pobj"
        and anchor.head.lower_ in ("at", "upon", "on")
        and m.id.startswith("intent.invitation")
    ):
        return None  # "is in China ... at the invitation of Premier X": how the visit came about
    sibling = _sibling_prep(anchor, m.complement)
    if sibling is None and not _complement_ok(anchor, m.complement):
        return None
    gov = next((g for g in governors(anchor, sent) if g.pos_ in VERBAL), None)
    if (
        m.id.startswith("intent.invitation")
        and gov is not None
        and gov.lemma_ in ("accept", "decline", "thank")
    ):
        return None  # "accepted the invitation": the acceptance is the commitment
    actor = _possessor(anchor, lex)
    if actor is None and gov is not None:
        actor = actor_of(gov)
    c = Clause(m, anchor, anchor, actor=actor)
    c.negated = gov is not None and negated(gov)
    if sibling is not None:
        c.extra.append(sibling)
    return c


def _possessor(noun: Token, lex: Lexicon) -> Token | None:
    """ "India's readiness", "its commitment", "U.S. support", "an invitation from X"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i and gazetteer().code(c.text):
            return c
    frm = _prep(noun, {"from", "by"})
    if frm is not None and _prep_object(frm) is not None:
        return _prep_object(frm)
    return None


def _frame_importance(
    m: Marker, anchor: Token, end: Token, sent: Span, lex: Lexicon
) -> Clause | None:
    if anchor.pos_ != "NOUN":
        return None
    target = _prep(anchor, {"of"})
    attached = None
    if (
        target is None
        and anchor.head.lemma_ in ("attach", "give", "place", "put", "lay")
        and anchor.dep_ in ("dobj", "nsubjpass")
    ):
        # "attaches great importance to making ...", "special emphasis was placed on enhancing ..."
        target = attached = _prep(anchor.head, {"to", "on"})
    if target is None or not _names_action(target, lex):
        return None  # "the importance of peace", "importance to its relations": a stance, no action
    gov = next((g for g in governors(anchor, sent) if g.pos_ in VERBAL), None)
    c = Clause(m, anchor, anchor, actor=actor_of(gov) if gov is not None else None)
    c.negated = gov is not None and negated(gov)
    if attached is not None:
        c.extra.append(attached)
    return c


def _names_action(prep: Token, lex: Lexicon) -> bool:
    """Whether "of"/"to" introduces an action: a gerund or an action noun ("signing",
    "the timely implementation of", "building ... supply chains")."""
    actions = lex.words("action_nouns")
    for t in prep.doc[prep.i + 1 : prep.right_edge.i + 1]:
        if t.i == prep.i + 1 and t.tag_ == "VBG":
            return True  # "the importance of increasing[amod] mutual trade": a gerund parsed as a modifier
        if t.pos_ in ("DET", "ADJ", "ADV", "NUM", "PUNCT") or t.dep_ in ("det", "amod", "advmod"):
            continue
        return t.tag_ == "VBG" or _in_list(t, actions)
    return False


def _frame_ways(m: Marker, anchor: Token, end: Token, sent: Span, lex: Lexicon) -> Clause | None:
    if anchor.pos_ != "NOUN":
        return None
    # "discussed cooperation on ..., including ..., as well as opportunities to strengthen
    # ...": a participle used as a preposition ("including", "regarding") governs nothing
    gov = next((g for g in governors(anchor, sent) if g.pos_ in VERBAL and g.dep_ != "prep"), None)
    if gov is None or gov.lemma_.lower() not in lex.words(m.governors or "discussion_verbs"):
        return None
    tail: set[int] = set()
    of = _prep(anchor, {"of"})
    gerund = of is not None and any(c.tag_ == "VBG" for c in of.children)  # "ways of boosting"
    if (
        _has_to_infinitive(anchor) is None
        and _prep(anchor, {"for", "towards", "toward"}) is None
        and not gerund
    ):
        tail = _misattached_infinitive(anchor, gov, sent)
        if not tail:
            return None
    c = Clause(m, anchor, anchor, actor=actor_of(gov))
    c.negated = negated(gov)
    c.extra_ids = tail
    return c


def _misattached_infinitive(noun: Token, gov: Token, sent: Span) -> set[int]:
    """ "discussed next steps to co-produce advanced defense systems": the split "co - produce"
    can leave the infinitive hanging on "discussed"; its words still belong to "steps"."""
    to = noun.right_edge.i + 1
    if (
        to >= sent.end
        or noun.doc[to].lower_ != "to"
        or to + 1 >= sent.end
        or noun.doc[to + 1].pos_ not in VERBAL
    ):
        return set()
    out = set()
    for t in noun.doc[to : sent.end]:
        if t.i > to + 1 and t.dep_ == "conj" and t.head.i == gov.i and t.tag_ in ("VBD", "VBZ"):
            break  # the next predicate of the sentence
        out.add(t.i)
    return out


FRAMES = {
    "modal": _frame_modal,
    "predicate": _frame_predicate,
    "control": _frame_control,
    "complement": _frame_complement,
    "addressee": _frame_addressee,
    "object": _frame_object,
    "noun": _frame_noun,
    "importance": _frame_importance,
    "ways": _frame_ways,
}


# ---------------------------------------------------------------------------------------
# A sentence's clauses


@dataclass
class SentenceClauses:
    clauses: list[Clause]
    blockers: set[int]  # token indices of blocker words


def find_clauses(sent: Span, matches: list[tuple[str, int, int]], lex: Lexicon) -> SentenceClauses:
    """The clauses the markers of one sentence open, outermost only, with their content."""
    doc = sent.doc
    blockers: set[int] = set()
    candidates: dict[int, Clause] = {}  # anchor index → first valid frame in file order
    unopened: set[int] = set()  # "blocks_otherwise" markers that opened nothing
    order = _marker_order(lex)
    for mid, start, end in sorted(matches, key=lambda x: (x[1], order.get(x[0], 0))):
        if start < sent.start or end > sent.end:
            continue
        marker = lex.markers[mid]
        anchor = doc[start]
        if marker.frame == "block":
            if not (marker.unless_modal and _modal_complement(anchor)):
                blockers.add(anchor.i)
            continue
        if anchor.i in candidates:
            continue
        clause = FRAMES[marker.frame](marker, anchor, doc[end - 1], sent, lex)
        if clause is not None:
            candidates[anchor.i] = clause
        elif marker.blocks_otherwise and anchor.tag_ in FINITE_TAGS:
            unopened.add(anchor.i)
    # "China appreciates Brazil's adherence to the one-China principle": appreciation of what
    # the other side already does; nothing under it is a commitment.
    blockers |= unopened - set(candidates)
    clauses = [c for c in candidates.values() if not _blocked(c, sent, blockers)]
    independent = {c.head.i for c in clauses if c.independent}
    for c in clauses:
        c.content = content_of(
            c.head, sent, independent - {c.head.i}, drop_subject=c.complement is None
        )
        for x in c.extra:
            c.content |= content_of(x, sent, independent, drop_subject=False)
        c.content |= {i for i in c.extra_ids if not c.doc_token(i).is_punct}
        if c.marker.frame in ("ways", "modal", "control", "predicate", "noun"):
            c.content |= _trailing_list(c, sent)
        if c.marker.frame == "noun":
            c.content -= _possessor_tokens(c)
        if c.marker.frame == "importance":
            c.content |= {c.anchor.i}
    return SentenceClauses(_outermost(clauses), blockers)


def _modal_complement(anchor: Token) -> bool:
    """ "The Minister recalled that France would continue to provide ...": what is recalled
    is a standing undertaking, not a past event."""
    return any(
        c.dep_ == "ccomp"
        and any(
            a.dep_ == "aux" and a.lower_ in ("will", "would", "shall", "'ll") for a in c.children
        )
        for c in anchor.children
    )


def _trailing_list(c: Clause, sent: Span) -> set[int]:
    """ "discussed ways to expand cooperation in critical minerals, the automotive industry,
    healthcare and the training of ...": the parser may hang the rest of a list that ends
    the sentence on a word before the clause (here the subject); it belongs to the clause."""
    doc = sent.doc
    end = max(c.content) + 1
    if end >= sent.end or doc[end].text != "," or min(c.content) <= sent.start:
        return set()
    last = sent.end - 1
    while last > end and doc[last].is_punct:
        last -= 1
    tail = range(end + 1, last + 1)
    if not tail:
        return set()
    heads = [doc[i] for i in tail if not (end < doc[i].head.i <= last)]
    if (
        len(heads) != 1
        or heads[0].dep_ not in ("appos", "conj", "dep")
        or heads[0].pos_ not in ("NOUN", "PROPN")
        or heads[0].head.i >= min(c.content)
        or not any(doc[i].dep_ == "cc" for i in tail)
    ):
        return set()
    return set(tail)


_ORDER: dict[int, tuple[Lexicon, dict[str, int]]] = {}


def _marker_order(lex: Lexicon) -> dict[str, int]:
    """Each marker's place in the lexicon (built once per lexicon, not once per sentence)."""
    cached = _ORDER.get(id(lex))
    if cached is None or cached[0] is not lex:
        cached = _ORDER[id(lex)] = (lex, {mid: n for n, mid in enumerate(lex.markers)})
    return cached[1]


def _possessor_tokens(c: Clause) -> set[int]:
    if c.actor is not None and c.actor.head.i == c.anchor.i:
        return {t.i for t in c.actor.subtree}
    return set()


#: What a blocker verb governs through these is not its object: "Zhao welcomed the remarks,
#: saying that China is willing to ..." is a new statement.
_NOT_UNDER = {"advcl", "parataxis"}


def _blocked(c: Clause, sent: Span, blockers: set[int]) -> bool:
    return under_blocker(c.anchor, sent, blockers)


def _outermost(clauses: list[Clause]) -> list[Clause]:
    """Clauses not inside another clause's content; the inner ones are kept on the outer."""
    out = []
    for c in clauses:
        outer = [
            o
            for o in clauses
            if o is not c and c.anchor.i in o.content and o.anchor.i not in c.content
        ]
        if outer:
            host = max(outer, key=lambda o: len(o.content))
            host.inner.append(c)
        else:
            out.append(c)
    return out


def under_blocker(t: Token, sent: Span, blockers: set[int], stop: Token | None = None) -> bool:
    """Whether a word sits under a blocker ("thanked China for its support to the SCO")."""
    if t.i in blockers:
        return True
    if not blockers:
        return False  # (most sentences have none: no need to walk up the parse)
    for g, via in governors(t, sent, with_edge=True):
        if stop is not None and g.i == stop.i:
            return False
        if g.i in blockers and not (g.pos_ in VERBAL and via in _NOT_UNDER):
            return True
    return False
