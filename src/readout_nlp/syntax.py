"""Small pure helpers over a spaCy parse, shared by attribution and commitments.

The readout genre leans on a few constructions: a main clause with coordinated predicates
("X welcomed ... and said ..."), aspectual framers ("began by expressing"), modal predicates
("will", "should") that make a pledge or a proposal rather than a report, and agentless
passives ("It was noted that ..."). These functions name those pieces of a parse.
"""

from __future__ import annotations

import weakref

from spacy.parts_of_speech import IDS as _POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

# "began by expressing", "concluded by thanking": the cue is inside the aspectual verb.
ASPECTUAL = {"begin", "start", "open", "conclude", "end", "close", "finish", "continue", "go"}
# Modal auxiliaries: "China will support ..." is a pledge in the speaker's turn, not a cue.
MODAL = {"will", "shall", "should", "must", "would", "can", "could", "may", "might", "need", "ought"}


def _ids(*labels: str) -> frozenset[int]:
    """Dependency labels as the ids `Token.dep` holds. The hot walks below compare ids:
    `Token.dep_` decodes a new string from the vocab on every read."""
    return frozenset(get_string_id(label) for label in labels)


_VERB_POS = frozenset({_POS["VERB"], _POS["AUX"]})
_CONJ = get_string_id("conj")
_SUBJ = _ids("nsubj", "nsubjpass", "csubj", "expl")
_CLIMB = _ids("conj", "xcomp", "pcomp")
_PREP = get_string_id("prep")
_POBJ = get_string_id("pobj")
_AUX = get_string_id("aux")
_PASSIVE = _ids("auxpass", "nsubjpass")
_AGENT = get_string_id("agent")
_APPOS = get_string_id("appos")
_PROPN = _POS["PROPN"]
_NOMINAL_POS = frozenset({_POS["PROPN"], _POS["NOUN"], _POS["PRON"], _POS["NUM"]})


def aspectual_complement(v: Token) -> Token | None:
    for c in v.subtree:
        if c.i != v.i and c.pos_ == "VERB" and c.dep_ in ("pcomp", "xcomp"):
            return c
    return None


def main_verbs(sent: Span) -> list[Token]:
    """The sentence root and the verbs coordinated with it (its main clause predicates)."""
    root = sent.root
    out = [root]
    stack = [root]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep == _CONJ and c.pos in _VERB_POS and c not in out:
                out.append(c)
                stack.append(c)
    # "began by expressing ...": the aspectual verb's complement counts as main.
    for v in list(out):
        if v.lemma_ in ASPECTUAL:
            c = aspectual_complement(v)
            if c is not None:
                out.append(c)
        # "I would like to invite you ...", "We wish to thank ...": a courtesy formula; the
        # verb it introduces is what the speaker does.
        if is_courtesy(v):
            out.extend(c for c in v.children if c.dep_ == "xcomp" and c.pos_ == "VERB")
    # "Italy, he said, is ready to ...": a cue set off by commas inside the clause it reports.
    out.extend(
        c for c in root.children
        if c.dep_ == "parataxis" and c.pos_ == "VERB" and _after_comma(c)
        and any(x.dep_ == "nsubj" and x.i < c.i for x in c.children)
    )
    # "We also support your proposal: Kazakh students already account for ...": the parser
    # hangs the clause before a colon on the clause after it; the first clause is main.
    # (the text is searched first: a Token object per word of every sentence costs more)
    colon = None
    if ":" in span_text(sent):
        colon = next((t for t in sent if t.text == ":" and t.i < root.i), None)
    if colon is not None:
        out.extend(
            c for c in root.children
            if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and c.i < colon.i
        )
    return sorted(out, key=lambda t: t.i)


def _after_comma(v: Token) -> bool:
    edge = v.left_edge
    return edge.text == "," or (edge.i > 0 and v.doc[edge.i - 1].text == ",")


def is_courtesy(v: Token) -> bool:
    if v.lemma_ == "wish":
        return True
    return v.lemma_ == "like" and any(c.dep_ == "aux" and c.lower_ == "would" for c in v.children)


def is_modal(verb: Token) -> bool:
    # (a plain loop: these small tests run for every cue and clause, and a generator costs
    # more than the test)
    for c in verb.children:
        if c.dep == _AUX and c.lower_ in MODAL:
            return True
    return False


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, following coordination ("X welcomed ... and said ...")."""
    t = verb
    for _ in range(6):
        for c in t.children:
            if c.dep in _SUBJ:
                return c
        dep = t.dep
        if dep in _CLIMB or (dep == _PREP and t.head.i != t.i):
            t = t.head
        elif dep == _POBJ or dep == _PREP:
            t = t.head
        else:
            break
    return None


def co_subjects(subj: Token) -> list[Token]:
    """Other subjects of the same verb: a parse may give "X and Y commended" two nsubj arcs."""
    return [
        c
        for c in subj.head.children
        if c.dep_ in ("nsubj", "nsubjpass") and c.i != subj.i and c.i < subj.head.i
    ]


def subject_next_to(verb: Token, subj: Token) -> list[Token] | None:
    """The words between the last comma before `verb` and `verb`, when the parse put the
    subject further left.

    A sentence-initial participial framer is sometimes misparsed so that its object becomes
    the subject: "Welcoming Minister X on his first visit, Deputy Prime Minister Y affirmed
    that ..." has Y right before the verb; "Zhou, also a member of ..., said" has nothing
    there and keeps its parse.
    """
    if subj.i > verb.i:
        return None
    doc = verb.doc
    commas = [i for i in range(subj.i + 1, verb.i) if doc[i].text == ","]
    if not commas:
        return None
    if doc[commas[-1] + 1].dep_ == "cc":
        return None  # "The Secretary, Foreign Minister X, and Foreign Minister Y underscored"
    chunk = [t for t in doc[commas[-1] + 1 : verb.i] if t.dep_ not in ("advmod", "neg")]
    if not chunk or len(chunk) > 12 or any(t.pos_ == "VERB" for t in chunk):
        return None
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in chunk):
        return None
    return chunk


def words_before(verb: Token) -> list[Token] | None:
    """The words between the last comma before `verb` (or the sentence start) and `verb`.

    For a cue the parse left without a subject: "To further deepen the partnership, Minister
    X suggested that ..." attaches "Minister X" to the purpose clause.
    """
    sent = verb.sent
    doc = verb.doc
    commas = [i for i in range(sent.start, verb.i) if doc[i].text == ","]
    begin = commas[-1] + 1 if commas else sent.start
    chunk = [t for t in sent.doc[begin : verb.i] if t.dep_ not in ("advmod", "neg", "punct")]
    if not chunk or len(chunk) > 12 or any(t.pos_ in ("VERB", "AUX") for t in chunk):
        return None
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in chunk):
        return None
    return chunk


def is_passive(verb: Token) -> bool:
    for c in verb.children:
        if c.dep in _PASSIVE:
            return True
    return False


def has_agent(verb: Token) -> bool:
    for c in verb.children:
        if c.dep == _AGENT:
            return True
    return False


NP_DEPS = {"compound", "amod", "det", "nummod", "poss", "nmod", "quantmod", "predet", "case"}
_NP = _ids(*NP_DEPS)
_PUNCT = get_string_id("punct")
_OF_SKIP = _ids("appos", "relcl", "acl", "punct", "cc", "conj")


def np_tokens(head: Token) -> list[Token]:
    """The head noun with its pre-modifiers and an "of ..." complement; no appositions."""
    keep = {head}
    # (a stack, not a recursive inner function: a closure that calls itself is a reference
    # cycle, and one holding a Token kept the whole Doc alive until the garbage collector ran)
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            dep = c.dep  # (each Token attribute read is a lookup: read it once)
            if dep in _NP or (dep == _PUNCT and c.text in {"-", "/", "’", "'"}):
                if dep == _PUNCT and c.i > head.i:
                    continue
                keep.add(c)
                stack.append(c)
            elif dep == _PREP and c.lower_ == "of" and c.i > t.i:
                keep.add(c)
                for g in c.subtree:
                    if g.dep not in _OF_SKIP:
                        keep.add(g)
    toks = sorted(keep, key=lambda t: t.i)
    # Keep it contiguous around the head (a parse can attach far-away words).
    out = []
    for t in toks:
        if out and t.i != out[-1].i + 1 and t.i < head.i:
            out = []
        out.append(t)
    return out


def conjuncts(head: Token) -> list[Token]:
    """The subject and what is coordinated with it ("The Secretary and the two Ministers")."""
    out = [head]
    stack = [head]
    # A subject ends before its verb: what the parser hangs on it from the far side of the
    # verb ("The two sides agreed to coordinate in the UN, the G20 and the WTO") is not part
    # of it.
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else None
    limit = verb.i if verb is not None and verb.i > head.i else len(head.doc)
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.i > limit:
                continue
            dep = c.dep
            if dep == _CONJ and c.pos in _NOMINAL_POS and c not in out:
                out.append(c)
                stack.append(c)
            elif dep == _APPOS and c.pos == _PROPN and c not in out:
                out.append(c)  # "The Secretary, Foreign Minister Takeda, and ..." parsed as appos
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def text(tokens: list[Token]) -> str:
    """The words from the first token to the last, as printed."""
    if not tokens:
        return ""
    first, last = tokens[0], tokens[-1]
    return doc_text(first.doc)[first.idx : last.idx + len(last)]


# spaCy builds `Doc.text` and `Span.text` token by token on every access (a Token object per
# word): the whole text is built once per Doc and spans are sliced out of it. Weak keys, so
# a Doc is not kept alive by the cache.
_DOC_TEXT: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc."""
    out = _DOC_TEXT.get(doc)
    if out is None:
        out = _DOC_TEXT[doc] = doc.text
    return out


def span_text(span: Span) -> str:
    """`span.text` (the same string), sliced out of the Doc's text."""
    return doc_text(span.doc)[span.start_char : span.end_char]
