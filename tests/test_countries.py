"""The gazetteer: country, territory and organisation forms readouts print → codes."""

from __future__ import annotations

import pycountry
import pytest

from readout_nlp.countries import Gazetteer, gazetteer, trie_pattern
from readout_nlp.resources import load_jsonl


@pytest.mark.parametrize(
    ("form", "code"),
    [
        # the forms the bundle had before it covered every ISO entry keep their meaning
        ("Kazakh", "KAZ"),
        ("Kazakhstani", "KAZ"),
        ("the UK", "GBR"),
        ("U.S.", "USA"),
        ("Korea", "KOR"),
        ("Korean", "KOR"),
        ("ROK", "KOR"),
        ("DPRK", "PRK"),
        ("Lao", "LAO"),
        ("Myanmar", "MMR"),
        ("Burmese", "MMR"),
        ("Türkiye", "TUR"),
        ("Turkish", "TUR"),
        # Turkish capitals: İ lower-cases to "i" plus a combining dot
        ("TÜRKİYE", "TUR"),
        ("Türki\u0307ye", "TUR"),  # "TÜRKİYE".title()
        ("the PRC", "CHN"),
        ("People’s Republic of China", "CHN"),
        ("EU", "EU"),
        # demonyms readouts print for the rest of the world
        ("Emirati", "ARE"),
        ("Saudi", "SAU"),
        ("Burkinabe", "BFA"),
        ("Ivorian", "CIV"),
        ("Malagasy", "MDG"),
        ("Monegasque", "MCO"),
        ("Basotho", "LSO"),
        ("Motswana", "BWA"),
        ("Swazi", "SWZ"),
        ("Timorese", "TLS"),
        ("Kittitian", "KNA"),
        ("Sahrawi", "ESH"),
        ("Greenlandic", "GRL"),
        ("Taiwanese", "TWN"),
        ("Macanese", "MAC"),
        ("Kosovar", "XKX"),
        # informal short names
        ("UAE", "ARE"),
        ("DRC", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Ivory Coast", "CIV"),
        ("Cape Verde", "CPV"),
        ("Swaziland", "SWZ"),
        ("Czech Republic", "CZE"),
        ("Holland", "NLD"),
        ("Vatican", "VAT"),
        ("East Timor", "TLS"),
        ("Malvinas Islands", "FLK"),
        # the look-alikes
        ("Georgia", "GEO"),
        ("Guinea", "GIN"),
        ("Guinean", "GIN"),
        ("Equatorial Guinea", "GNQ"),
        ("Guinea-Bissau", "GNB"),
        ("Papua New Guinea", "PNG"),
        ("Niger", "NER"),
        ("Nigerien", "NER"),
        ("Nigeria", "NGA"),
        ("Nigerian", "NGA"),
        ("Dominican Republic", "DOM"),
        ("Dominica", "DMA"),
        ("Sudanese", "SDN"),
        ("South Sudanese", "SSD"),
        ("Austrian", "AUT"),
        ("Australian", "AUS"),
        ("Slovak", "SVK"),
        ("Slovenian", "SVN"),
        # organisations readouts name as actors
        ("the European Union", "EU"),
        ("United Nations", "UN"),
        ("ASEAN", "ASEAN"),
        ("African Union", "AU"),
        ("NATO", "NATO"),
        ("Shanghai Cooperation Organisation", "SCO"),
        ("BRICS", "BRICS"),
        ("CICA", "CICA"),
        ("Gulf Cooperation Council", "GCC"),
        ("OSCE", "OSCE"),
        ("Collective Security Treaty Organization", "CSTO"),
        ("Eurasian Economic Union", "EAEU"),
        ("Organisation of Islamic Cooperation", "OIC"),
        ("the Arab League", "LAS"),
        ("League of Arab States", "LAS"),
        ("G7", "G7"),
        ("Group of 20", "G20"),
        ("Commonwealth of Independent States", "CIS"),
    ],
)
def test_code(form, code):
    assert gazetteer().code(form) == code


@pytest.mark.parametrize(
    "form",
    [
        "European",  # "European countries" are not the EU
        "Europe",
        "Congolese",  # DR Congo or the Republic of the Congo: context decides
        "Guianese",
        "Central Asian",
        "the Alliance",
        "car",
    ],
)
def test_no_code(form):
    assert gazetteer().code(form) is None


@pytest.mark.parametrize(
    ("form", "codes"),
    [
        ("Congolese", ("COD", "COG")),
        ("Korean", ("KOR", "PRK")),
        ("Dominican", ("DOM", "DMA")),
        ("Sudanese", ("SDN", "SSD")),
        ("Kazakh", ("KAZ",)),
    ],
)
def test_candidates(form, codes):
    assert gazetteer().candidates(form) == codes


def test_every_iso_entry_is_known():
    gaz = gazetteer()
    for c in pycountry.countries:
        assert gaz.code(c.name) == c.alpha_3, c.name
        assert c.alpha_3 in gaz.names


def test_every_country_has_a_curated_entry_with_an_id():
    entries = load_jsonl("countries.jsonl")
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    curated = {e["code"] for e in entries if "code" in e}
    assert {c.alpha_3 for c in pycountry.countries} <= curated
    kinds = {e.get("kind") for e in entries if "code" in e}
    assert kinds <= {"country", "territory", "organization"}


def test_kinds():
    gaz = gazetteer()
    assert gaz.is_organization("EU") and gaz.is_organization("SCO")
    assert not gaz.is_organization("KAZ")
    assert gaz.kind("HKG") == "territory"
    assert gaz.kind("KAZ") == "country"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "the Kazakh-Chinese comprehensive strategic partnership",
            [("Kazakh", "KAZ"), ("Chinese", "CHN")],
        ),
        ("China-Kazakhstan relations", [("China", "CHN"), ("Kazakhstan", "KAZ")]),
        ("South Sudanese refugees", [("South Sudanese", "SSD")]),
        (
            "Secretary of State of the United States of America Antony Blinken",
            [("United States of America", "USA")],
        ),
        (
            "Minister of Foreign Affairs of the People's Democratic Republic of Algeria",
            [("People's Democratic Republic of Algeria", "DZA")],
        ),
        ("the People’s Republic of China", [("People’s Republic of China", "CHN")]),
        ("Delegation to KAZAKHSTAN", [("KAZAKHSTAN", "KAZ")]),
        # a Turkish masthead in capitals, with the dotted capital İ
        ("REPUBLIC OF TÜRKİYE", [("REPUBLIC OF TÜRKİYE", "TUR")]),
        (
            "Republic of Korea (ROK) Foreign Minister",
            [("Republic of Korea", "KOR"), ("ROK", "KOR")],
        ),
        ("Congolese troops", [("Congolese", None)]),
        ("a European hub and the alliance between us", []),
        ("Turkey shoot", [("Turkey", "TUR")]),  # case decides, not meaning: a known limit
    ],
)
def test_find(text, found):
    assert [(h.text, h.code) for h in gazetteer().find(text)] == found


def test_find_offsets_point_into_the_text():
    text = "Wang Yi met Foreign Minister Beibut Atamkulov of Kazakhstan in Beijing."
    for h in gazetteer().find(text):
        assert text[h.start : h.end] == h.text


def test_trie_pattern_prefers_the_longest_form():
    import re

    rx = re.compile(
        r"(?<!\w)(?:" + trie_pattern(["Guinea", "Guinea-Bissau", "New Guinea"]) + r")(?!\w)"
    )
    assert rx.findall("Guinea, Guinea-Bissau and Papua New Guinea") == [
        "Guinea",
        "Guinea-Bissau",
        "New Guinea",
    ]


def test_find_reads_a_form_afresh_after_the_gazetteer_changes():
    # `find` remembers what each printed form stands for; adding a form or an ambiguity
    # must not leave it answering from before.
    g = Gazetteer()
    g.add("COD", ["Democratic Republic of the Congo"], ["Congolese"])
    g.add("COG", ["Republic of the Congo"])
    text = "The Congolese side welcomed the talks."
    assert [(h.text, h.code, h.codes) for h in g.find(text)] == [("Congolese", "COD", ("COD",))]
    g.add_ambiguous("Congolese", ("COD", "COG"))
    assert [(h.text, h.code, h.codes) for h in g.find(text)] == [
        ("Congolese", "COD", ("COD", "COG"))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "China and Kazakhstan, China-Kazakhstan, xChina, China_x, _China, éChina, 中China",
        "Sino-Kazakh ties: the Kazakh-Chinese border; KAZAKHSTAN-CHINA; Kazakhstankazakh",
        "",
    ],
)
@pytest.mark.parametrize("glue", ["", "-"])
def test_finditer_after_boundary_is_the_look_behind_pattern(text, glue):
    """The trie searched alone, with the character before a match checked in Python, finds
    what the trie behind a look-behind finds."""
    import re

    from readout_nlp.countries import finditer_after_boundary

    body = re.compile(
        r"(?:" + trie_pattern(["China", "Kazakh", "Kazakhstan", "CHINA"]) + r")(?!\w)"
    )
    behind = re.compile(r"(?<![\w" + glue + r"])" + body.pattern)
    got = [m.span() for m in finditer_after_boundary(body, text, glue)]
    assert got == [m.span() for m in behind.finditer(text)]
