"""From clauses to typed commitment records: types, parties, modality, one entry per type.

For every body sentence: the modality markers open clauses (``clauses.py``); the taxonomy's
triggers inside a clause's content give its types; the clause's frame gives the party
(``parties.py``) and the modality, which the context can change (all principals pledging in a
joint sentence make an agreement; one side's "agreed to" is a pledge). A clause that names no
type but points back ("to this end", "the feasibility study of the project") takes the types of
what it points to. A sentence keeps one entry per type, the strongest modality winning
(FORMAT.md: completed > agreement > pledge > intent > support > proposal).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .. import extensions as ext
from .. import syntax
from ..countries import gazetteer
from ..lexmatch import shared_array
from ..records import MODALITY_STRENGTH, Commitment, Modality, TextSpan
from ..speakers import Roster
from .clauses import (
    Clause,
    SentenceClauses,
    actor_of,
    find_clauses,
    governors,
    negated,
    under_blocker,
)
from .lexicon import Lexicon, lexicon
from .parties import PartyContext, make_context, resolve
from .taxonomy import Taxonomy, TriggerMatch, default_taxonomy

#: Markers that agree on behalf of all principals; in one side's turn they are recalled
#: agreements or that side's own undertaking.
_AGREEMENT_FRAMES = {"agreement"}
#: Generic nouns that never carry a back-reference's domain ("the two sides", "the time").
_NOT_ANAPHORIC = {
    "side",
    "sides",
    "country",
    "countries",
    "two",
    "both",
    "time",
    "date",
    "year",
    "day",
    "end",
    "level",
    "levels",
    "basis",
    "principle",
    "leader",
    "leaders",
    "minister",
    "ministers",
    "president",
    "government",
    "people",
    "way",
    "number",
    "share",
    "part",
    "anniversary",
    "opportunity",
    "momentum",
    "benefit",
    "benefits",
    "interest",
    "interests",
    "world",
    "region",
}


@dataclass
class _Found:
    """One (sentence, type) commitment before it becomes a record."""

    type: str
    modality: Modality
    parties: list[str]
    clause: Clause
    trigger: tuple[int, int] | None  # token range of the words that matched
    rules: list[str]
    signing: bool = False


class _Index:
    """Trigger matches sorted by start, for range lookups in O(log n) (a one-megabyte
    paragraph has tens of thousands of sentences and matches)."""

    def __init__(self, matches: list[TriggerMatch]) -> None:
        self.matches = sorted(matches, key=lambda m: m.start)
        self.starts = [m.start for m in self.matches]

    def between(self, start: int, end: int) -> list[TriggerMatch]:
        return self.matches[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


@dataclass
class _DocState:
    last_inviters: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------
# Entry point


def find_commitments(doc: Doc, taxonomy: Taxonomy | None = None) -> list[Commitment]:
    """Typed commitments of an analysed Doc (needs the layout, roster and speaker decisions).

    Stores one span per commitment in ``doc.spans["readout_commitments"]`` with
    ``span._.commitment`` set to the record; the span covers the words that matched the type
    (labelled with the type), the record's offsets the clause.
    """
    from ..pipeline import layout_of

    if not (doc.has_annotation("DEP") and doc.has_annotation("TAG")):
        # Frames are read off the parse: an untagged Doc (nlp.make_doc) has none to read.
        doc.spans[ext.COMMITMENTS] = []
        return []
    tax = taxonomy or default_taxonomy()
    lex = lexicon()
    layout = layout_of(doc)
    decisions = doc._.readout_decisions or []
    roster: Roster = doc._.readout_roster or Roster([])
    # the two matchers read some of the same token attributes: read once for both
    array = shared_array(doc, [tax.matchers(doc.vocab).tokens, lex.pattern_matcher(doc.vocab)])
    triggers = _Index(_non_overlapping(doc, tax.find(doc, array=array)))
    markers = lex.find(doc, array=array)
    marker_starts = [m[1] for m in markers]

    sents: list[Span | None] = []
    for s in layout.sentences:
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        sents.append(span if span is not None and len(span) else None)

    state = _DocState()
    records: list[Commitment] = []
    spans: list[Span] = []
    used: set[tuple[int, int]] = set()
    for i, sent in enumerate(sents):
        if sent is None:
            continue
        in_sent = markers[
            bisect_left(marker_starts, sent.start) : bisect_left(marker_starts, sent.end)
        ]
        if not in_sent:
            continue  # no marker, no clause: nothing in this sentence is a commitment
        decision = decisions[i] if i < len(decisions) else None
        ctx = make_context(roster, lex, sent, decision)
        found = find_clauses(sent, in_sent, lex)
        sent_triggers = triggers.between(sent.start, sent.end)
        previous = [p for p in sents[max(0, i - 2) : i] if p is not None][::-1]
        best: dict[str, _Found] = {}
        for clause in found.clauses:
            for f in _clause_commitments(
                clause, ctx, found, sent_triggers, triggers, previous, tax, lex, state
            ):
                old = best.get(f.type)
                if old is None or MODALITY_STRENGTH[f.modality] > MODALITY_STRENGTH[old.modality]:
                    best[f.type] = f
        for f in best.values():
            rec = _record(doc, sent, i, f, tax, ctx)
            records.append(rec)
            span = _unique_span(doc, sent, f, used)
            if span is not None:
                span._.commitment = rec
                spans.append(span)
    doc.spans[ext.COMMITMENTS] = spans
    return records


def _non_overlapping(doc: Doc, matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """The longest trigger wins where two overlap ("new energy vehicles" over "energy")."""
    by_span: dict[tuple[int, int], TriggerMatch] = {}
    for m in matches:
        by_span.setdefault((m.start, m.end), m)
    kept = _filter_ranges(list(by_span))
    return sorted((by_span[r] for r in kept), key=lambda m: m.start)


def _filter_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """spaCy's ``filter_spans`` on (start, end) token ranges: longest first (then leftmost),
    no token twice; sorted by start. Making a Span per match only to filter them cost more
    than the filtering."""
    seen: set[int] = set()
    out = []
    for start, end in sorted(ranges, key=lambda r: (r[1] - r[0], -r[0]), reverse=True):
        if start not in seen and end - 1 not in seen:
            out.append((start, end))
            seen.update(range(start, end))
    return sorted(out, key=lambda r: r[0])


# ---------------------------------------------------------------------------------------
# One clause


def _clause_commitments(
    clause: Clause,
    ctx: PartyContext,
    found: SentenceClauses,
    sent_triggers: list[TriggerMatch],
    all_triggers: _Index,
    previous: list[Span],
    tax: Taxonomy,
    lex: Lexicon,
    state: _DocState,
) -> list[_Found]:
    m = clause.marker
    rules = [f"modality:{m.id}"]
    modality = clause.modality

    if clause.relay:
        # "asked the guest to convey his invitation to the Prime Minister": the message
        # relayed is the commitment, not the errand
        return _inner_only(
            clause, ctx, found, sent_triggers, all_triggers, previous, tax, lex, state
        )
    # "We agreed to launch negotiations ..." in one principal's words: one cannot agree alone,
    # "we" are the principals
    we_agreed = (
        m.modality is Modality.AGREEMENT
        and clause.actor is not None
        and clause.actor.lower_ == "we"
        and len(ctx.group) >= 2
    )
    shared = ctx.joint or ctx.narration or we_agreed

    # Agreement frames speak for all principals; elsewhere they are recalled or one side's.
    if m.modality in _AGREEMENT_FRAMES and not shared:
        if m.single == "transparent":
            return _inner_only(
                clause, ctx, found, sent_triggers, all_triggers, previous, tax, lex, state
            )
        if m.single == "drop":
            return []
    # "agreed on the need for the Taliban to ...": a proposal to a non-participant wins.
    if m.modality is Modality.AGREEMENT:
        for inner in clause.inner:
            if inner.modality is Modality.PROPOSAL:
                codes, _ = _party(inner, ctx, state)
                if codes and not set(codes) <= set(ctx.group):
                    return _clause_commitments(
                        inner, ctx, found, sent_triggers, all_triggers, previous, tax, lex, state
                    )

    codes, party_rule = _party(clause, ctx, state)
    if codes is None and m.frame == "noun" and m.implies:
        codes, party_rule = _relayed(clause, ctx, lex, codes, party_rule)
    if we_agreed and m.party == "subject":
        codes, party_rule = list(ctx.group), "agreed.we.group"
    if m.frame == "complement" and m.party == "agreed_subject":
        if codes is None or set(codes) <= set(ctx.group):
            codes, party_rule = list(ctx.group), "agreed.group"
        else:
            modality = Modality.PROPOSAL
            rules.append("agreed_that.other_party")
    if m.single == "transparent" and not (
        codes and set(codes) == set(ctx.group) and len(ctx.group) >= 2
    ):
        return _inner_only(
            clause, ctx, found, sent_triggers, all_triggers, previous, tax, lex, state
        )
    if m.modality is Modality.SUPPORT and m.frame == "noun" and _sought(clause.anchor, lex):
        # "The Sri Lankan side also sought Japan's support for its candidature to the UN
        # Human Rights Council": support asked of the other side is a proposal to it
        modality = Modality.PROPOSAL
        rules.append("support.sought")
    announcer = _announced_allocation(clause, ctx)
    if announcer is not None:
        # "He announced that Norway will provide an additional NOK 150 million ...",
        # "... the number of scholarships ... will rise from 200 to 250”, the minister
        # announced": a quantified allocation announced at the event is done there, and it is
        # the announcer's, not that of the beneficiaries named in its subject. A bare future
        # action ("Poland will prepare a feasibility study ..., announced Minister W.") stays
        # a pledge.
        modality = Modality.COMPLETED
        rules.append("announced.allocation")
        if not codes or "country_in_np" in party_rule:
            own, r = resolve(actor_of(announcer), ctx)
            if own:
                codes, party_rule = own, f"announcer.{r}"
    if not codes:
        return []

    # All principals as the subject: "the two sides", "they", "China and Kazakhstan".
    is_group = (len(ctx.group) >= 2 and set(codes) == set(ctx.group)) or "group" in party_rule
    if m.modality is Modality.AGREEMENT and not shared:
        if m.single == "pledge" and not is_group:
            modality = Modality.PLEDGE
            rules.append("single")
        else:
            return []  # "China and Kazakhstan first reached consensus on ..." in one speaker's turn
    if m.joint is not None and is_group and (ctx.joint or ctx.narration):
        modality = m.joint
        rules.append("joint")
    if (
        m.modality in (Modality.AGREEMENT, Modality.COMPLETED, Modality.SUPPORT)
        and _perfect_or_past(clause)
        and not (we_agreed and not _dated(clause))
    ):
        # "Since 2013, the two countries have reached consensus on ...": a record; but "We
        # have agreed to meet again" in a principal's own words is agreed now
        return []
    if m.event and not (ctx.joint or ctx.narration or _is_cue(clause.anchor, ctx)):
        return []  # a signing recalled in someone's words happened elsewhere
    if m.event and _dated_before(clause.anchor, _event_year(clause.anchor.doc)):
        return []  # "Malaysia and Bangladesh established diplomatic relations on 31 January 1972"
    if m.joint_if_confirmed and is_group and (ctx.joint or ctx.narration) and _confirmed(clause):
        modality = Modality.AGREEMENT  # "The sides confirmed their mutual interest in ..."
        rules.append("joint.confirmed")
    if clause.negated and m.negation == "drop":
        return []
    if m.frame in ("importance", "ways") and _named_outsider(clause.actor, ctx):
        return []  # "President Tokayev attaches great importance to developing relations"

    types = _types(clause, modality, ctx, found, sent_triggers, all_triggers, previous, tax, lex)
    if (
        party_rule in ("passive.group", "open.other_side")
        and set(types) == {"regional_issues"}
        and not _names_participant(clause, ctx)
    ):
        # "an immediate ceasefire must be achieved", "called for an immediate ceasefire" in
        # Gaza: the appeal is to the parties to a conflict no participant is named in; no
        # identifiable party (FORMAT.md)
        return []
    if m.requires_type and not any(
        t in types and ".fallback." not in types[t][1] for t in m.requires_type
    ):
        return []  # "opposes unilateral sanctions" names no core interest
    if m.id.startswith(("intent.invite", "intent.welcome_to", "intent.invitation")):
        state.last_inviters = list(codes)
    signing = "agreement_signed" in m.implies
    party_rules = [*rules, f"parties:{party_rule}"]
    return [
        _Found(
            type_id, modality, list(codes), clause, trig, [f"type:{rule}", *party_rules], signing
        )
        for type_id, (trig, rule) in types.items()
    ]


_ALLOW = {"allow", "permit", "let"}


def _territory_denial(clause: Clause) -> Token | None:
    """ "will not allow its territory to be used ...", "will never allow any force to use its
    territory ...": the word "territory", under a negated allow/permit of the clause."""
    doc = clause.anchor.doc
    if not clause.content:
        return None
    words = syntax.text([doc[min(clause.content)], doc[max(clause.content)]])
    if "territor" not in words.lower():
        return None  # (a text search first: reading every word's lemma costs more)
    for i in sorted(clause.content):
        t = doc[i]
        if t.lemma_.lower() != "territory" or not any(
            c.dep_ == "poss" for c in t.children
        ):
            continue
        for g in governors(t, clause.anchor.sent):
            if g.lemma_.lower() in _ALLOW:
                return t if negated(g) or clause.negated else None
    return None


def _sought(noun: Token, lex: Lexicon) -> bool:
    """ "sought / requested / asked for Japan's support": the noun is what is asked for."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for":
        head = head.head
    elif noun.dep_ not in ("dobj", "obj"):
        return False
    return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in lex.words("request_verbs")


_ANNOUNCE = {"announce", "declare"}
_AMOUNTS = {"MONEY", "CARDINAL", "QUANTITY", "PERCENT"}
_COUNTED_SIDES = {"country", "side", "nation", "state", "government", "leader", "minister", "party"}


def _announced_allocation(clause: Clause, ctx: PartyContext) -> Token | None:
    """The announcing verb over a will-clause that allots an amount (money, places,
    scholarships); None otherwise."""
    m = clause.marker
    if m.modality is not Modality.PLEDGE or m.frame != "modal" or clause.negated:
        return None
    doc = clause.anchor.doc
    if not any(
        doc[i].tag_ == "CD"
        and doc[i].ent_type_ in _AMOUNTS
        and doc[i].head.lemma_.lower() not in _COUNTED_SIDES  # "between the two countries"
        for i in clause.content
    ):
        return None
    for g, via in governors(clause.head, ctx.sent, with_edge=True):
        if g.pos_ not in ("VERB", "AUX"):
            return None
        if g.lemma_.lower() in _ANNOUNCE:
            if via in ("ccomp", "parataxis") and g.tag_ == "VBD" and not syntax.is_passive(g):
                return g
            return None
    return None


def _relayed(clause: Clause, ctx: PartyContext, lex: Lexicon, codes, rule):
    """ "Fidan conveyed President Erdoğan's invitation to President Tebboune": an invitation
    of someone outside the room, carried by a principal, is that principal's side's."""
    gov = next((g for g in governors(clause.anchor, ctx.sent) if g.pos_ in ("VERB", "AUX")), None)
    if gov is None or gov.lemma_.lower() not in lex.words("relay_verbs"):
        return codes, rule
    relayed, r = resolve(actor_of(gov), ctx)
    return (relayed, f"relayed.{r}") if relayed else (codes, rule)


def _inner_only(clause: Clause, *args) -> list[_Found]:
    out = []
    for inner in clause.inner:
        out += _clause_commitments(inner, *args)
    return out


def _perfect_or_past(clause: Clause) -> bool:
    head = clause.anchor if clause.anchor.pos_ in ("VERB", "AUX") else clause.head
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children)


def _dated(clause: Clause) -> bool:
    """The clause dates what it reports in the past: "since 2013", "last year"."""
    doc = clause.anchor.doc
    return any(
        doc[i].lower_ == "since"
        or (doc[i].ent_type_ == "DATE" and doc[i].lower_ in ("last", "ago"))
        for i in clause.content
    )


def _dated_before(verb: Token, year: int | None) -> bool:
    """The verb itself is dated to a year before the event's: "established diplomatic
    relations on 31 January 1972" (not "notes ... for fiscal year 2024", not "the Dialogue,
    which has not met since 2019")."""
    if year is None:
        return False
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "in"):
            for t in c.subtree:
                if t.ent_type_ == "DATE" and t.text.isdigit() and len(t.text) == 4:
                    if int(t.text) < year:
                        return True
    return False


def _event_year(doc: Doc) -> int | None:
    meta = doc._.readout_meta
    date = getattr(meta, "date", None)
    return int(str(date)[:4]) if date else None


def _is_cue(t: Token, ctx: PartyContext) -> bool:
    """The event verb is the sentence's own reporting cue ("Australia announced A$20 million
    ..."): the announcement is made at the event."""
    return ctx.cue_span is not None and ctx.cue_span[0] <= t.idx < ctx.cue_span[1]


_CONFIRM = {"confirm", "reaffirm", "reiterate", "affirm", "pledge", "declare"}


def _confirmed(clause: Clause) -> bool:
    head = clause.anchor.head
    return head.lemma_.lower() in _CONFIRM or head.lower_.startswith(
        ("confirm", "reaffirm", "reiterat")
    )


def _names_participant(clause: Clause, ctx: PartyContext) -> bool:
    gaz = gazetteer()
    doc = clause.anchor.doc
    # not in a framing clause before it ("Indonesia's position is clear: a ceasefire must ...")
    framing = {
        t.i
        for c in clause.head.children
        if c.i < clause.head.i and c.dep_ in ("ccomp", "parataxis", "advcl", "csubj")
        for t in c.subtree
    }
    return any(gaz.code(doc[i].text) in ctx.group for i in clause.content - framing)


def _named_outsider(actor: Token | None, ctx: PartyContext) -> bool:
    if actor is None:
        return False
    codes, _ = resolve(actor, ctx)
    return codes is None and (actor.pos_ == "PROPN" or actor.ent_type_ == "PERSON")


# ---------------------------------------------------------------------------------------
# Parties


def _party(clause: Clause, ctx: PartyContext, state: _DocState) -> tuple[list[str] | None, str]:
    m = clause.marker
    mode = m.party
    if mode == "group":
        return (list(ctx.group) or None), "group"
    if mode == "addressee":
        return _prefixed(resolve(clause.addressee, ctx), "addressee")
    if mode in ("complement_subject", "agreed_subject"):
        comp = clause.complement
        subj = (
            None
            if comp is None
            else next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        )
        if subj is None or clause.passive or subj.dep_ == "nsubjpass":
            codes, rule = resolve(subj, ctx) if subj is not None else (None, "none")
            if codes:
                return codes, f"complement.{rule}"
            return (list(ctx.group) or None), "complement.passive.group"
        return _prefixed(resolve(subj, ctx), "complement")
    if mode in ("open", "open_joint"):
        if mode == "open_joint" and clause.anchor.lemma_ not in ("encourage", "urge", "press"):
            return (list(ctx.group) or None), "open.joint"
        if _cooperative(clause, ctx):
            return (list(ctx.group) or None), "open.cooperative"
        return (ctx.others() or None), "open.other_side"
    if mode == "for_object":
        target = None
        prep = next(
            (c for c in clause.anchor.children if c.dep_ == "prep" and c.lower_ == "for"), None
        )
        if prep is not None:
            target = next((c for c in prep.children if c.dep_ in ("pobj",)), None)
        if target is None:
            # "the need for the Taliban to reverse ...", "important for the two sides to ..."
            for c in clause.head.subtree:
                if (
                    c.dep_ == "nsubj"
                    and c.head.i != clause.head.i
                    and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.head.children)
                ):
                    target = c
                    break
        if target is not None:
            codes, rule = resolve(target, ctx)
            if codes:
                return codes, f"for.{rule}"
            if rule == "non_party":
                # "it was essential for the world community to support ...": no identifiable
                # party (FORMAT.md), not the participants
                return None, "for.non_party"
        return (list(ctx.group) or None), "need.group"
    if mode == "invitee":
        if clause.actor is not None and not clause.passive:
            return _prefixed(resolve(clause.actor, ctx), "subject")
        rest = [c for c in ctx.group if c not in state.last_inviters]
        return (rest or None), "invitee"
    # subject
    if clause.passive and clause.actor is not None and clause.actor.lower_ == "it":
        return (list(ctx.group) or None), "passive.it.group"  # "It was agreed to ..."
    codes, rule = resolve(clause.actor, ctx)
    actor = clause.actor
    if (
        codes
        and m.modality is Modality.PROPOSAL
        and actor is not None
        and actor.lower_ == "we"
        and len(ctx.group) >= 2
        and _cooperative(clause, ctx)
    ):
        # "I agree that we should step up industrial cooperation": a proposal to "us" to
        # cooperate asks both sides (as an appeal with no addressee does)
        return list(ctx.group), "we.cooperative.group"
    if (
        clause.passive
        and actor is not None
        and actor.pos_ == "NOUN"
        and actor.lemma_.lower() not in _SIDE_NOUNS
        and actor.lower_ not in ctx.lex.words("generic_officials")
    ):
        # "the Palestinian question should be resolved ...": what is acted on, not who acts
        # (but "the Kazakh side will be represented at the highest level")
        codes = None
    if m.event:
        if codes and set(codes) <= set(ctx.group):
            return (
                codes,
                f"event.{rule}",
            )  # "Australia announced ...", "the two ministers signed ..."
        return (list(ctx.group) or None), "event.group"  # "officials signed", "... was signed"
    if (
        codes is None
        and clause.passive
        and m.modality in (Modality.PROPOSAL, Modality.AGREEMENT)
        and clause.head.dep_ != "relcl"  # "the first red line that must not be crossed"
    ):
        return (list(ctx.group) or None), "passive.group"  # "peace ... should be maintained"
    return codes, f"subject.{rule}"


def _cooperative(clause: Clause, ctx: PartyContext) -> bool:
    cooperative = ctx.lex.words("cooperative_words")
    doc = clause.anchor.doc
    return any(
        doc[i].lower_ in cooperative or doc[i].lemma_.lower() in cooperative for i in clause.content
    )


def _prefixed(result: tuple[list[str] | None, str], prefix: str) -> tuple[list[str] | None, str]:
    return result[0], f"{prefix}.{result[1]}"


# ---------------------------------------------------------------------------------------
# Types


def _name_ok(m: TriggerMatch, doc: Doc, tax: Taxonomy) -> bool:
    """A name used as a modifier of something else does not name the type: "the
    Uzbekistan–Afghanistan–Pakistan railway project" is a railway, not Afghanistan; "the
    Central Asia-China gas pipeline" is a pipeline, not the China–Central Asia mechanism."""
    if m.trigger.kind != "name":
        return True
    spec = tax[m.type]
    tok = doc[m.end - 1]
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("compound", "nmod", "amod", "appos", "poss") or cur.head.i == cur.i:
            break
        cur = cur.head
    if cur.i == tok.i or cur.pos_ not in ("NOUN", "PROPN"):
        return True
    heads = {h.lower() for h in spec.name_heads}
    return cur.lemma_.lower() in heads or cur.lower_ in heads or tok.dep_ == "poss"


def _about_participant(m: TriggerMatch, clause: Clause, ctx: PartyContext) -> bool:
    """ "support for Ukraine's sovereignty" in a meeting of the EU and Armenia is about a third
    country (a hotspot), not the other side's core interests."""
    if not m.trigger.about_participant:
        return True
    gaz = gazetteer()
    doc = clause.anchor.doc
    named = {
        gaz.code(doc[i].text) for i in clause.content if doc[i].pos_ in ("PROPN", "ADJ", "NOUN")
    }
    named.discard(None)
    return not named or bool(named & set(ctx.group))


def _trigger_fits(m: TriggerMatch, modality: Modality, tax: Taxonomy) -> bool:
    if m.type not in tax:
        return False
    if m.trigger.modalities is not None and modality not in m.trigger.modalities:
        return False
    return tax[m.type].allows(modality)


def _overlaps(m: TriggerMatch, words: set[int]) -> bool:
    for i in range(m.start, m.end):
        if i in words:
            return True
    return False


def _types(
    clause: Clause,
    modality: Modality,
    ctx: PartyContext,
    found: SentenceClauses,
    sent_triggers: list[TriggerMatch],
    all_triggers: _Index,
    previous: list[Span],
    tax: Taxonomy,
    lex: Lexicon,
) -> dict[str, tuple[tuple[int, int] | None, str]]:
    doc = clause.anchor.doc
    sent = ctx.sent
    content = clause.content
    # The actor's words are read only when a trigger lies outside the content (most clauses
    # have none, and walking the actor's phrase costs more than the test).
    actor_words = (
        _actor_name(clause) if any(not _overlaps(m, content) for m in sent_triggers) else set()
    )
    inside = [
        m
        for m in sent_triggers
        if (_overlaps(m, content) or _overlaps(m, actor_words))
        and not (
            found.blockers  # (no blocker in most sentences: no Token to make for the test)
            and under_blocker(doc[m.start], sent, found.blockers, stop=clause.head)
        )
        and _name_ok(m, doc, tax)
        and _trigger_fits(m, modality, tax)
        and _about_participant(m, clause, ctx)
    ]
    inside += [m for m in _topic_hotspots(sent, sent_triggers, lex) if m not in inside]
    event_named = False
    if clause.invites_person and clause.marker.id.startswith(_INVITATIONS):
        # "invited a Swiss business delegation to take part in the Green Hydrogen Summit",
        # "invited the Foreign Secretary to attend the Tashkent International Investment
        # Forum": the domain word is part of the meeting's name; inviting a person or a
        # delegation to a summit or forum is a visit (FORMAT.md). Companies invited to it
        # take part in the domain ("invited Mongolian companies to take part in the
        # Tashkent International Investment Forum" is investment), as are all at an expo.
        events = lex.words("event_name_nouns")
        named = [m for m in inside if _in_event_name(m, doc, events)]
        event_named = bool(named) or any(
            doc[i].lower_ in events and doc[i].is_title for i in clause.content
        )
        inside = [m for m in inside if m not in named]
    inside = [m for m in inside if not _contact_at_a_body(m, inside, doc)]
    strong = _own_hotspots([m for m in inside if not m.trigger.weak], doc, ctx)
    weak = [m for m in inside if m.trigger.weak]
    out: dict[str, tuple[tuple[int, int] | None, str]] = {}
    for m in strong:
        out.setdefault(m.type, ((m.start, m.end), m.trigger.id))
    implied = list(clause.marker.implies)
    if clause.invites_person:
        implied += clause.marker.implies_for_persons
    for t in implied:
        if t in tax and tax[t].allows(modality):
            out.setdefault(
                t, ((clause.anchor.i, clause.anchor.i + 1), f"{t}.implied.{clause.marker.id}")
            )
    if clause.attendance and "high_level_exchanges" in tax:
        out.setdefault(
            "high_level_exchanges",
            ((clause.head.i, clause.head.i + 1), "high_level_exchanges.confirmed_attendance"),
        )
    if event_named and "high_level_exchanges" in tax:
        out.setdefault(
            "high_level_exchanges",
            ((clause.anchor.i, clause.anchor.i + 1), "high_level_exchanges.invited_to_event"),
        )
    out = _yield(out, tax)
    denial = _territory_denial(clause)
    if denial is not None and "regional_issues" not in out and "security" in tax:
        # "Sri Lanka would not allow its territory to be used against the security interests
        # of any friendly country", "The Kyrgyz side will never allow any force to use its
        # territory to engage in activities that harm China's security": denying one's
        # territory to hostile activity is a security pledge, whoever's interests it names;
        # a sanctions loophole ("to circumvent these sanctions") stays the conflict's
        out.pop("political_support", None)
        out.setdefault("security", ((denial.i, denial.i + 1), "security.territory_denial"))
    if "security" in out and "regional_issues" in out and _aid_to_hotspot(out, doc, lex):
        # "will continue to provide military and humanitarian assistance to Ukraine",
        # "Regarding Ukraine, ... supporting the country's reconstruction, including through
        # humanitarian demining": aid to a third country at war is about the conflict
        del out["security"]
    if out:
        return out

    # Nothing named: follow a back-reference, then weak triggers, then the type fallback.
    for source, label in _antecedent_triggers(
        clause, ctx, sent_triggers, all_triggers, previous, lex
    ):
        picked = {}
        for m in source:
            if not m.trigger.weak and _name_ok(m, doc, tax) and _trigger_fits(m, modality, tax):
                picked.setdefault(m.type, ((m.start, m.end), f"{m.trigger.id}.{label}"))
        picked = _yield(picked, tax)
        if picked:
            return picked
    for m in weak:
        out.setdefault(m.type, ((m.start, m.end), m.trigger.id))
    if out:
        return _yield(out, tax)
    if _has_word(clause, lex.words("possessive_anaphors")):
        context = [
            m for m in sent_triggers if not any(i in clause.content for i in range(m.start, m.end))
        ]
        # a pronoun points back: "reviewed the bilateral cooperation relations and ways to
        # support and enhance them, in addition to discussing ... the Horn of Africa" is about
        # the relations, not what follows
        first = min(clause.content)
        before = [m for m in context if m.start < first]
        for pool, weak_ok in ((before, False), (before, True), (context, False)):
            for m in pool:
                if m.trigger.weak != weak_ok or not _trigger_fits(m, modality, tax):
                    continue
                if weak_ok or _name_ok(m, doc, tax):
                    out.setdefault(m.type, ((m.start, m.end), f"{m.trigger.id}.its"))
            if out:
                return _yield(out, tax)
    for spec in tax:
        if modality in spec.fallback_modalities and spec.allows(modality):
            if spec.fallback_when == "names_a_country" and not _names_only_a_country(clause):
                continue
            out[spec.id] = (
                (clause.anchor.i, clause.anchor.i + 1),
                f"{spec.id}.fallback.{modality.value}",
            )
    return out


_CONTACT = {"communication", "communicate", "contact"}
_VENUE_PREPS = {"at", "in", "within"}


def _contact_at_a_body(m: TriggerMatch, inside: list[TriggerMatch], doc: Doc) -> bool:
    """ "strengthen communication and coordination with China at the United Nations, the G20
    and other multilateral mechanisms": contact located in multilateral bodies is
    coordination there, not a visit or a leaders' channel."""
    if m.type != "high_level_exchanges" or doc[m.start].lemma_.lower() not in _CONTACT:
        return False
    word = doc[m.start]
    near = {word.i, word.head.i} | {c.i for c in word.children if c.dep_ == "conj"}
    for b in inside:
        if b.type != "multilateral_coordination":
            continue
        t = doc[b.end - 1]
        while t.dep_ in ("compound", "amod", "conj", "appos") and t.head.i != t.i:
            t = t.head
        prep = t.head if t.dep_ == "pobj" else None
        if prep is not None and prep.lower_ in _VENUE_PREPS and prep.head.i in near:
            return True
    return False


_TOPIC_PHRASES = {("as", "for"), ("with", "regard", "to"), ("with", "respect", "to"), ("in", "relation", "to")}


def _topic_hotspots(sent: Span, triggers: list[TriggerMatch], lex: Lexicon) -> list[TriggerMatch]:
    """Hotspot names in a sentence-initial topic phrase closed by a comma: "Regarding the East
    Sea issue, they emphasised the importance of ...", "On Ukraine, the Secretary General
    welcomed ...". The topic is what the rest of the sentence is about."""
    names = [m for m in triggers if m.type == "regional_issues" and m.trigger.kind == "name"]
    if not names:
        return []  # (no hotspot named: no need to read the sentence's first words)
    words = [t.lower_ for t in sent[:4]]
    if words and words[0] in lex.words("topic_preps"):
        skip = 1
    else:
        skip = next((len(p) for p in _TOPIC_PHRASES if tuple(words[: len(p)]) == p), 0)
    if not skip:
        return []
    comma = next((t.i for t in sent[skip : skip + 8] if t.text == ","), None)
    if comma is None:
        return []
    return [m for m in names if sent.start + skip <= m.start and m.end <= comma]


def _aid_to_hotspot(out: dict, doc: Doc, lex: Lexicon) -> bool:
    """Security named only as aid ("military assistance", "demining") in a clause about a
    named hotspot."""
    span, _rule = out["security"]
    if span is None:
        return False
    aid = lex.words("aid_nouns")
    words = doc[span[0] : span[1]]
    last = words[-1]
    if last.dep_ == "conj":  # "humanitarian and military assistance"
        last = last.head
    return any(t.lower_ in aid or t.lemma_.lower() in aid for t in words) or (
        last.dep_ in ("amod", "compound") and last.head.lemma_.lower() in aid
    )


_INVITATIONS = ("intent.invite", "intent.welcome_to", "intent.invitation")
_NAME_DEPS = {"compound", "amod", "nmod", "npadvmod", "poss"}


def _in_event_name(m: TriggerMatch, doc: Doc, events: frozenset[str]) -> bool:
    """A domain word written into the name of an event: "the Green Hydrogen Summit", "the
    Cambodia – Viet Nam Investment Promotion Conference". Names of bodies (kind "name":
    "the China-CELAC Forum") still count."""
    if m.trigger.kind == "name":
        return False
    words = doc[m.start : m.end]
    if not all(t.is_title or t.is_upper or t.is_punct for t in words):
        return False
    cur = doc[m.end - 1]
    for _ in range(6):
        if cur.lower_ in events:
            return cur.is_title and cur.i >= m.end
        if cur.dep_ not in _NAME_DEPS or cur.head.i == cur.i or not cur.head.is_title:
            return False
        cur = cur.head
    return False


def _own_hotspots(matches: list[TriggerMatch], doc: Doc, ctx: PartyContext) -> list[TriggerMatch]:
    """A participant named as a hotspot where it is the one supported or a party to the deal:
    "support for the sovereignty and territorial integrity of Somalia" in a call with Somalia
    is political support; "the bilateral security agreement between Ukraine and Spain" names
    the two sides. Neither is about the conflict."""
    if not any(m.type == "regional_issues" and m.trigger.kind == "name" for m in matches):
        return matches  # (nothing to look up)
    gaz = gazetteer()
    support = any(m.type == "political_support" for m in matches)
    out = []
    for m in matches:
        if m.type == "regional_issues" and m.trigger.kind == "name":
            code = gaz.code_for_name(doc[m.start : m.end].text)
            if code is not None and code in ctx.group and (support or _between(doc[m.end - 1])):
                continue
        out.append(m)
    return out


def _between(t: Token) -> bool:
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ == "between"


_SIDE_NOUNS = {
    "people",
    "government",
    "country",
    "nation",
    "state",
    "leadership",
    "side",
    "authorities",
}


def _names_only_a_country(clause: Clause) -> bool:
    """ "U.S. support for a strong, prosperous, independent, and resilient Vietnam": the only
    things named are a country (or its people, government). Not "support for Korea's bid to
    host the World Expo" nor "support for the Accra Initiative"."""
    gaz = gazetteer()
    doc = clause.anchor.doc
    named = False
    for i in clause.content:
        t = doc[i]
        if t.i == clause.anchor.i or t.pos_ not in ("NOUN", "PROPN"):
            continue
        if gaz.code(t.text):
            named = True
        elif t.lemma_.lower() not in _SIDE_NOUNS:
            return False
    return named


def _actor_name(clause: Clause) -> set[int]:
    """The words of an actor that is an institution named after its domain ("British
    International Investment would expand ..."): they can name the type too. Pronouns,
    sides and plain country names carry none."""
    actor = clause.actor
    if (
        actor is None
        or actor.pos_ == "PRON"
        or clause.marker.frame not in ("modal", "predicate", "control")
    ):
        return set()
    # with the modifiers of the head ("the economic and trade teams of the two countries")
    words = set(syntax.np_tokens(actor)) | {t for t in actor.subtree if t.i < actor.i}
    if _party_name(sorted(words, key=lambda t: t.i)):
        return set()  # "the United Nations would continue to ...": the party, not a domain
    toks = [t for t in words if t.pos_ in ("PROPN", "NOUN")]
    return {t.i for t in toks} if len(toks) >= 2 else set()


def _party_name(tokens: list[Token]) -> bool:
    """The words name a country or an organisation as a whole ("the United Nations")."""
    words = [t for t in tokens if t.pos_ != "DET"]
    return bool(words) and gazetteer().code_for_name(" ".join(t.text for t in words)) is not None


def _yield(types: dict, tax: Taxonomy) -> dict:
    present = set(types)
    dropped: set[str] = set()
    for _span, trigger_id in types.values():
        trig = tax.trigger(trigger_id)
        if trig is not None:
            dropped.update(trig.overrides)
    return {
        t: v for t, v in types.items() if t not in dropped and not (set(tax[t].yields_to) & present)
    }


def _has_word(clause: Clause, words: frozenset[str]) -> bool:
    doc = clause.anchor.doc
    return any(doc[i].lower_ in words for i in clause.content)


_TIME = {
    "year",
    "month",
    "week",
    "day",
    "time",
    "autumn",
    "spring",
    "summer",
    "winter",
    "morning",
    "evening",
    "afternoon",
    "century",
    "decade",
    "occasion",
}


def _time(t: Token) -> bool:
    """ "later this year", "this November": a date, not a back-reference."""
    head = t.head if t.dep_ == "det" else t
    return head.ent_type_ in ("DATE", "TIME") or head.lemma_.lower() in _TIME


def _antecedent_triggers(
    clause: Clause,
    ctx: PartyContext,
    sent_triggers: list[TriggerMatch],
    all_triggers: _Index,
    previous: list[Span],
    lex: Lexicon,
):
    """Trigger lists a clause's back-reference points to, best first."""
    doc = clause.anchor.doc
    demonstratives = lex.words("demonstratives")
    strong_ref = any(
        (
            doc[i].lower_ in demonstratives
            and doc[i].dep_ in ("det", "nsubj", "dobj", "pobj")
            and not _time(doc[i])
        )
        # "build it into a flagship project"; not the "it" of "where it is in our interest"
        or (doc[i].lower_ == "it" and doc[i].dep_ in ("dobj", "pobj"))
        for i in clause.content
    )
    outside = [
        m for m in sent_triggers if not any(i in clause.content for i in range(m.start, m.end))
    ]
    if strong_ref:
        before = [m for m in outside if m.start < min(clause.content)]
        yield before or outside, "this"
        for p in previous:
            yield all_triggers.between(p.start, p.end), "previous"
    # "the feasibility study of the project" → the project named before
    for i in sorted(clause.content):
        t = doc[i]
        if t.pos_ != "NOUN" or t.lemma_.lower() in _NOT_ANAPHORIC:
            continue
        if not any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their", "this", "these")
            for c in t.children
        ):
            continue
        for scope in [doc[ctx.sent.start : min(clause.content)], *previous]:
            for cand in reversed(list(scope)):
                if cand.i == t.i or cand.pos_ != "NOUN" or cand.lemma_ != t.lemma_:
                    continue
                sub = {x.i for x in cand.subtree}
                hits = [
                    m
                    for m in all_triggers.between(cand.left_edge.i, cand.right_edge.i + 1)
                    if m.start in sub
                ]
                if hits:
                    yield hits, f"antecedent.{t.lemma_}"
                break


# ---------------------------------------------------------------------------------------
# Records


def _record(
    doc: Doc, sent: Span, index: int, f: _Found, tax: Taxonomy, ctx: PartyContext
) -> Commitment:
    start, end = f.clause.span()
    start, end = max(start, sent.start), min(end, sent.end)
    last = doc[end - 1]
    while end - 1 > start and last.is_punct:
        end -= 1
        last = doc[end - 1]
    # the offsets from the first and last words (what Span.start_char / end_char are):
    # no Span made for them
    start_char, end_char = doc[start].idx, last.idx + len(last)
    spec = tax[f.type]
    cameo, plover = spec.cameo_for(f.modality), spec.plover_for(f.modality)
    if f.signing and f.modality is Modality.COMPLETED and "agreement_signed" in tax:
        signed = tax["agreement_signed"]
        cameo, plover = signed.cameo_for(f.modality), signed.plover_for(f.modality)
    trigger = None
    if f.trigger is not None:
        t = doc[f.trigger[0] : f.trigger[1]]
        trigger = TextSpan(start=t.start_char, end=t.end_char, text=syntax.span_text(t))
    return Commitment(
        start=start_char,
        end=end_char,
        text=syntax.doc_text(doc)[start_char:end_char],  # Span.text is rebuilt word by word
        type=f.type,
        parties=list(f.parties),
        modality=f.modality,
        speakers=list(ctx.speakers),
        sentence=index,
        trigger=trigger,
        cameo=cameo,
        plover=plover,
        plover_context=spec.plover_context if plover else None,
        rule="|".join(f.rules),
    )


def _unique_span(doc: Doc, sent: Span, f: _Found, used: set[tuple[int, int]]) -> Span | None:
    """A span for the span group whose offsets no other commitment uses.

    Span extension values are keyed by character offsets, so two commitments of one clause
    cannot share a span: the span is the trigger's words when they lie in the sentence, else
    the clause, the sentence or the marker word.
    """
    for s, e in _span_candidates(sent, f):
        span = Span(doc, s, e, label=f.type)
        key = (span.start_char, span.end_char)
        if key not in used:
            used.add(key)
            return span
    return None


def _span_candidates(sent: Span, f: _Found):
    """The token ranges `_unique_span` tries, in order (a generator: the first one is almost
    always free, and a list of every word of the sentence was built for nothing)."""
    start, end = f.clause.span()
    if f.trigger is not None and sent.start <= f.trigger[0] and f.trigger[1] <= sent.end:
        yield f.trigger
    yield max(start, sent.start), min(end, sent.end)
    yield sent.start, sent.end
    yield f.clause.anchor.i, f.clause.anchor.i + 1
    for i in range(sent.start, sent.end):
        yield i, i + 1


__all__ = ["find_commitments", "governors"]
