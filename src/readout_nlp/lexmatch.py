"""A token-pattern matcher for anchored lexicon patterns, a drop-in for spaCy's ``Matcher``.

Why not ``spacy.matcher.Matcher``: our lexicons (reporting cues, modality markers, taxonomy
triggers) have a few hundred patterns, most with ``{"IN": [...]}`` sets and ``{0,n}``
wildcards. spaCy's Matcher tries every pattern's predicates at every token, which made it the
largest single cost of the library (about 12 ms per 350-token readout for the cues alone,
measured with benchmarks/bench.py --profile). Every one of our patterns starts with a word
(a LEMMA, LOWER, ORTH or TEXT value), so here each pattern is indexed by its first word and
tried only where that word occurs; the token attributes are read once per Doc with
``Doc.to_array``.

Same pattern format (the subset used: LEMMA, LOWER, ORTH, TEXT, NORM, POS, TAG, DEP,
IS_ALPHA, IS_PUNCT, IS_DIGIT, LIKE_NUM, IS_TITLE, IS_UPPER; values as strings, booleans,
``{"IN": [...]}``, ``{"NOT_IN": [...]}``, ``{"REGEX": "..."}``; ``OP`` ``?``, ``*``, ``+``,
``{n}``, ``{n,m}``, ``{n,}``, ``{,m}``) and the same output: ``(match_id, start, end)`` for
every way a pattern matches (like ``Matcher``; ``greedy="LONGEST"`` keeps, per key, the
longest non-overlapping matches), sorted by start. A pattern outside that subset (a user
taxonomy may use any Matcher feature) goes to a spaCy ``Matcher`` kept alongside, so every
valid Matcher pattern works; an invalid one raises spaCy's own error.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from itertools import compress
from typing import Any

import numpy
from spacy import attrs as A
from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span

_STRING_ATTRS = {"LEMMA": A.LEMMA, "LOWER": A.LOWER, "ORTH": A.ORTH, "TEXT": A.ORTH,
                 "NORM": A.NORM, "TAG": A.TAG, "DEP": A.DEP}
_BOOL_ATTRS = {"IS_ALPHA": A.IS_ALPHA, "IS_PUNCT": A.IS_PUNCT, "IS_DIGIT": A.IS_DIGIT,
               "LIKE_NUM": A.LIKE_NUM, "IS_TITLE": A.IS_TITLE, "IS_UPPER": A.IS_UPPER}
_ANCHORS = ("LEMMA", "LOWER", "ORTH", "TEXT", "NORM")
_COLUMNS = [A.LEMMA, A.LOWER, A.ORTH, A.NORM, A.TAG, A.DEP, A.POS, *_BOOL_ATTRS.values()]
_COL = {attr: i for i, attr in enumerate(_COLUMNS)}
_QUANT = re.compile(r"^\{(\d*)(,?)(\d*)\}$")
_INF = 10**9


def _quantifier(op: str | None) -> tuple[int, int]:
    if op is None:
        return 1, 1
    if op == "?":
        return 0, 1
    if op == "*":
        return 0, _INF
    if op == "+":
        return 1, _INF
    m = _QUANT.match(op)
    if not m:
        raise ValueError(f"unsupported OP {op!r}")
    lo = int(m.group(1) or 0)
    if not m.group(2):
        return lo, lo
    return lo, int(m.group(3)) if m.group(3) else _INF


class _TokenSpec:
    """One token of a pattern: checks on the Doc's attribute rows, and a quantifier."""

    __slots__ = ("checks", "regexes", "lo", "hi")

    def __init__(self, spec: dict[str, Any], strings) -> None:
        self.checks: list[tuple[int, str, Any]] = []
        self.regexes: list[tuple[str, re.Pattern]] = []
        self.lo, self.hi = _quantifier(spec.get("OP"))
        for key, value in spec.items():
            if key == "OP":
                continue
            if key in _STRING_ATTRS:
                col = _COL[_STRING_ATTRS[key]]
                conv = (lambda s: strings.add(s.lower())) if key == "LOWER" else strings.add
            elif key == "POS":
                col = _COL[A.POS]

                def conv(s: str) -> int:
                    return POS_IDS[s]
            elif key in _BOOL_ATTRS:
                self.checks.append((_COL[_BOOL_ATTRS[key]], "eq", int(bool(value))))
                continue
            else:
                raise ValueError(f"unsupported token attribute {key!r}")
            if isinstance(value, dict):
                for pred, arg in value.items():
                    if pred == "IN":
                        self.checks.append((col, "in", frozenset(conv(v) for v in arg)))
                    elif pred == "NOT_IN":
                        self.checks.append((col, "not_in", frozenset(conv(v) for v in arg)))
                    elif pred == "REGEX":
                        self.regexes.append((key, re.compile(arg)))
                    else:
                        raise ValueError(f"unsupported predicate {pred!r}")
            else:
                self.checks.append((col, "eq", conv(value)))

    def columns(self) -> set[int]:
        """The attribute columns (indices into _COLUMNS) this spec reads."""
        cols = {col for col, _kind, _val in self.checks}
        cols.update(_COL[_STRING_ATTRS.get(key, A.ORTH)] for key, _rx in self.regexes)
        return cols

    def anchors(self) -> list[tuple[int, int]]:
        """(column, value) pairs one of which the token must have, if it is indexable."""
        if self.lo < 1:
            return []
        for col, kind, val in self.checks:
            if col in (_COL[A.LEMMA], _COL[A.LOWER], _COL[A.ORTH], _COL[A.NORM]):
                if kind == "eq":
                    return [(col, val)]
                if kind == "in":
                    return [(col, v) for v in val]
        return []

    def ok(self, row: list[int], doc: Doc, i: int) -> bool:
        for col, kind, val in self.checks:
            x = row[col]
            if kind == "eq":
                if x != val:
                    return False
            elif kind == "in":
                if x not in val:
                    return False
            elif x in val:
                return False
        for key, rx in self.regexes:
            tok = doc[i]
            text = tok.lemma_ if key == "LEMMA" else tok.lower_ if key == "LOWER" else tok.text
            if not rx.search(text):
                return False
        return True


class FastMatcher:
    """Anchored token patterns over a Doc or Span; see the module docstring."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self._patterns: list[tuple[int, list[_TokenSpec]]] = []
        self._index: dict[tuple[int, int], list[int]] = defaultdict(list)
        self._unanchored: list[int] = []
        self._longest: set[int] = set()
        self._fallback: Matcher | None = None
        self._keys: dict[int, dict[int, tuple[int, ...]]] | None = None
        self._columns: set[int] = set()  # the columns some pattern reads

    def __len__(self) -> int:
        return len(self._patterns) + (len(self._fallback) if self._fallback else 0)

    def add(
        self, key: str, patterns: Iterable[list[dict[str, Any]]], greedy: str | None = None
    ) -> None:
        key_id = self.vocab.strings.add(key)
        for pattern in patterns:
            try:
                specs = [_TokenSpec(tok, self.vocab.strings) for tok in pattern]
            except (ValueError, KeyError, TypeError, AttributeError):
                if self._fallback is None:
                    self._fallback = Matcher(self.vocab)
                self._fallback.add(key, [pattern], greedy=greedy)
                continue
            if not specs:
                raise ValueError(f"empty pattern for {key!r}")
            if greedy == "LONGEST":
                self._longest.add(key_id)
            elif greedy is not None:
                raise ValueError(f"unsupported greedy={greedy!r}")
            n = len(self._patterns)
            self._keys = None
            self._patterns.append((key_id, specs))
            for spec in specs:
                self._columns |= spec.columns()
            anchors = specs[0].anchors()
            if anchors:
                for a in anchors:
                    self._index[a].append(n)
            else:
                self._unanchored.append(n)

    def __call__(
        self, doclike: Doc | Span, array: numpy.ndarray | None = None
    ) -> list[tuple[int, int, int]]:
        """The matches; `array` is the Doc's (or Span's) rows from ``shared_array`` over
        matchers that include this one, to read the attributes once for several matchers."""
        doc = doclike.doc if isinstance(doclike, Span) else doclike
        offset = doclike.start if isinstance(doclike, Span) else 0
        n = len(doclike)
        extra = list(self._fallback(doclike)) if self._fallback is not None and n else []
        if not n or not self._patterns:
            return sorted(extra, key=lambda m: (m[1], m[2], m[0]))
        if array is None:
            array = _attribute_array(doclike, sorted(self._columns))
        rows = _Rows(array)
        # Candidate patterns per position: where a pattern's first word occurs (one column
        # at a time as a plain list, looked up in a dict: cheaper than numpy.isin for a few
        # hundred tokens), and where the leading tokens of a pattern without a first word
        # can match.
        cands: dict[int, set[int]] = defaultdict(set)
        for col, by_value in self._anchor_index().items():
            # (map and compress run in C: Python only visits the tokens that are hits)
            hits = list(map(by_value.get, array[:, col].tolist()))
            for i in compress(range(n), hits):
                cands[i].update(hits[i])
        values: dict[int, set[int]] = {}  # column -> the values it has in this Doc
        for p in self._unanchored:
            specs = self._patterns[p][1]
            if not _may_occur(specs, array, values):
                continue
            starts = _starts_before_anchor(specs, array, rows, doc, offset)
            if starts is None:
                starts = numpy.flatnonzero(_start_mask(specs, array, doclike)).tolist()
            for i in starts:
                cands[i].add(p)
        out: set[tuple[int, int, int]] = set()
        for i in sorted(cands):
            for p in cands[i]:
                key_id, specs = self._patterns[p]
                for end in self._ends(specs, i, rows, doc, offset, n):
                    if end > i:
                        out.add((key_id, i, end))  # relative to a Span, like Matcher
        if self._longest:
            out = _longest(out, self._longest)
        out.update(extra)
        return sorted(out, key=lambda m: (m[1], m[2], m[0]))

    def _anchor_index(self) -> dict[int, dict[int, tuple[int, ...]]]:
        """column -> first-word value -> patterns starting with it (built once)."""
        if self._keys is None:
            by_col: dict[int, dict[int, tuple[int, ...]]] = defaultdict(dict)
            for (col, value), pats in self._index.items():
                by_col[col][value] = tuple(pats)
            self._keys = dict(by_col)
        return self._keys

    @staticmethod
    def _ends(specs, i, rows, doc, offset, n) -> set[int]:
        """Every position where `specs` can stop when started at token i.

        Token spec by token spec, the set of positions reached so far: each position is
        explored once however many ways lead to it (a recursion per way was exponential in
        the number of optional tokens).
        """
        reached = {i}
        for spec in specs:
            nxt: set[int] = set()
            for j in reached:
                if spec.lo == 0:
                    nxt.add(j)
                count = 0
                while j < n and count < spec.hi and spec.ok(rows[j], doc, offset + j):
                    j += 1
                    count += 1
                    if count >= spec.lo:
                        nxt.add(j)
            if not nxt:
                return nxt
            reached = nxt
        return reached


def shared_array(doclike: Doc | Span, matchers: Iterable[FastMatcher]) -> numpy.ndarray:
    """The attribute rows every one of `matchers` reads, for passing to each as ``array``.

    The commitment tagger runs two matchers over every Doc (taxonomy triggers, modality
    markers) that read some of the same columns: reading them once saves a ``to_array``.
    """
    columns: set[int] = set()
    for m in matchers:
        columns |= m._columns
    return _attribute_array(doclike, sorted(columns))


def _attribute_array(doclike: Doc | Span, columns: list[int]) -> numpy.ndarray:
    """The token attributes as an (n, len(_COLUMNS)) array, with only `columns` filled in.

    ``to_array`` costs 25-50 µs per column on a 500-token readout (the flags and LOWER/NORM
    go through the lexemes) and a matcher reads three to six of the thirteen columns; the
    others stay zero, and no pattern looks at them.
    """
    n = len(doclike)
    array = numpy.zeros((n, len(_COLUMNS)), dtype="uint64")
    if columns:
        filled = doclike.to_array([_COLUMNS[c] for c in columns])
        array[:, columns] = filled.reshape(n, len(columns))
    return array


class _Rows:
    """The Doc's attribute rows as Python lists, converted only when a pattern reads them.

    A pattern is tried only where its first word occurs, so most rows are never read:
    converting the whole array with ``tolist()`` cost more than the matching itself.
    """

    __slots__ = ("_array", "_rows")

    def __init__(self, array: numpy.ndarray) -> None:
        self._array = array
        self._rows: dict[int, list[int]] = {}

    def __getitem__(self, i: int) -> list[int]:
        row = self._rows.get(i)
        if row is None:
            row = self._rows[i] = self._array[i].tolist()
        return row


def _longest(matches: set[tuple[int, int, int]], keys: set[int]) -> set[tuple[int, int, int]]:
    """Per key in `keys`, the longest non-overlapping matches (Matcher's greedy="LONGEST")."""
    keep = {m for m in matches if m[0] not in keys}
    by_key: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for m in matches:
        if m[0] in keys:
            by_key[m[0]].append(m)
    for found in by_key.values():
        taken: list[tuple[int, int]] = []
        for m in sorted(found, key=lambda m: (m[1] - m[2], m[1])):
            if all(m[2] <= a or m[1] >= b for a, b in taken):
                taken.append((m[1], m[2]))
                keep.add(m)
    return keep


def _may_occur(specs: list[_TokenSpec], array: numpy.ndarray, values: dict[int, set[int]]) -> bool:
    """False when a required token of the pattern needs a word the Doc does not have.

    A cheap test for the patterns without a first word ("PROPN* fund"): these would
    otherwise be tried at every proper noun. `values` caches each column's set of values.
    """
    for spec in specs:
        anchors = spec.anchors()  # empty for an optional token or one with no word check
        if anchors and not any(value in _values(array, col, values) for col, value in anchors):
            return False
    return True


def _values(array: numpy.ndarray, col: int, cache: dict[int, set[int]]) -> set[int]:
    if col not in cache:
        cache[col] = set(array[:, col].tolist())
    return cache[col]


def _spec_mask(spec: _TokenSpec, array: numpy.ndarray, doclike: Doc | Span) -> numpy.ndarray:
    """Where one token spec holds, for every token at once."""
    mask = numpy.ones(len(array), dtype=bool)
    for col, kind, val in spec.checks:
        column = array[:, col]
        if kind == "eq":
            mask &= column == val
        else:
            hit = numpy.isin(column, numpy.array(list(val), dtype="uint64"))
            mask &= hit if kind == "in" else ~hit
    strings = doclike.doc.vocab.strings
    for key, rx in spec.regexes:
        col = array[:, _COL[_STRING_ATTRS.get(key, A.ORTH)]]
        # Test each distinct word once, not each token, and remember the answer for the
        # next Doc (a string's hash is the same in every vocab). Most Docs have no word the
        # regex finds anything in ("COP28"): then no per-token pass is made at all.
        distinct = set(col.tolist())
        memo = _regex_memo(rx)
        if len(memo) + len(distinct) > 200_000:
            memo.clear()
        hits = []
        for h in distinct:
            hit = memo.get(h)
            if hit is None:
                hit = memo[h] = rx.search(strings[h]) is not None
            if hit:
                hits.append(h)
        if not hits:
            mask[:] = False
            return mask  # (no word passes: the other regexes cannot change that)
        mask &= numpy.isin(col, numpy.array(hits, dtype="uint64"))
    return mask


_RX_MEMO: dict[re.Pattern, dict[int, bool]] = {}


def _regex_memo(rx: re.Pattern) -> dict[int, bool]:
    """Whether `rx` finds something in a word, by the word's hash (filled as words come)."""
    if rx not in _RX_MEMO:
        _RX_MEMO[rx] = {}
    return _RX_MEMO[rx]


def _starts_before_anchor(
    specs: list[_TokenSpec], array: numpy.ndarray, rows: _Rows, doc: Doc, offset: int
) -> list[int] | None:
    """Where a pattern of the shape "optional words, then a word" ("PROPN* fund") may start:
    at each place the word occurs, and back over the run of tokens the optional spec takes.

    None when the pattern has another shape. Without this, such a pattern was tried at every
    token its optional spec accepts (every proper noun, for "PROPN*").
    """
    if len(specs) < 2 or specs[0].lo != 0 or specs[1].lo < 1:
        return None
    anchors = specs[1].anchors()
    if not anchors:
        return None
    lead = specs[0]
    at = numpy.zeros(len(array), dtype=bool)
    for col, value in anchors:
        at |= array[:, col] == value
    starts: set[int] = set()
    for k in numpy.flatnonzero(at).tolist():
        starts.add(k)
        i, count = k - 1, 0
        while i >= 0 and count < lead.hi and lead.ok(rows[i], doc, offset + i):
            starts.add(i)
            i -= 1
            count += 1
    return sorted(starts)


def _start_mask(specs: list[_TokenSpec], array: numpy.ndarray, doclike) -> numpy.ndarray:
    """Positions where a pattern may start: its first spec holds, or (while the leading
    specs are optional) one of the next ones does."""
    mask = numpy.zeros(len(array), dtype=bool)
    for spec in specs:
        mask |= _spec_mask(spec, array, doclike)
        if spec.lo >= 1:
            break
    return mask
