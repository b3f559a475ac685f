"""Country and organisation names → codes (ISO 3166-1 alpha-3, or an organisation code).

pycountry supplies the ISO names; ``countries.jsonl`` in the rule bundle adds what readouts
print and pycountry lacks: adjectives ("Kazakh", "Chinese"), short forms ("the UK", "ROK")
and organisations ("EU", "ASEAN"). pycountry's own ``search_fuzzy`` is not used: it maps
"Republic of Korea" to the DPRK and "UK" to Uganda, so lookups here are exact (case- and
article-insensitive).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from .resources import load_jsonl

_ARTICLE = re.compile(r"^(?:the)\s+", re.I)
_SPACE = re.compile(r"\s+")


def _key(text: str) -> str:
    text = text.replace("’", "'").strip().strip(".,;:")
    text = _ARTICLE.sub("", text)
    return _SPACE.sub(" ", text).lower()


@dataclass
class Gazetteer:
    """Exact lookups between names, adjectives and codes."""

    by_name: dict[str, str] = field(default_factory=dict)
    by_adjective: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)
    adjectives: dict[str, list[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)

    def add(self, code: str, names=(), adjectives=(), kind: str = "country") -> None:
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

    def code(self, text: str) -> str | None:
        """Code for a country name or adjective ("Kazakhstan", "Kazakh", "the UK")."""
        k = _key(text)
        return self.by_name.get(k) or self.by_adjective.get(k)

    def code_for_name(self, text: str) -> str | None:
        return self.by_name.get(_key(text))

    def code_for_adjective(self, text: str) -> str | None:
        return self.by_adjective.get(_key(text))

    def name(self, code: str) -> str:
        """A readable name for a code."""
        return (self.names.get(code) or [code])[0]

    def is_organization(self, code: str) -> bool:
        return self.kinds.get(code) == "organization"

    def phrases(self) -> list[tuple[str, str, str]]:
        """(code, phrase, "name"|"adjective") for every known form, for a PhraseMatcher."""
        out = [(c, n, "name") for c, ns in self.names.items() for n in ns]
        out += [(c, a, "adjective") for c, ads in self.adjectives.items() for a in ads]
        return out


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    # Curated forms first: they win where pycountry's names collide with them.
    for entry in load_jsonl("countries.jsonl"):
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
