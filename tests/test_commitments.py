"""Typed commitments: modality, parties, types, non-commitments, taxonomy files, records.

Every case is a short readout in the genre (a narration line naming who met, then the
sentence under test) from house styles outside the dev set: Australia DFAT, Germany, France,
Korea, Türkiye, Brazil, Kremlin, Russian MFA, EU EEAS, India MEA, US State, UK gov, China MFA.
Each case asserts the compact form ``type/modality/PARTY+PARTY`` of every commitment the
last sentence yields.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import readout_nlp
from conftest import gold_names, load_gold
from readout_nlp import extensions as ext
from readout_nlp.commitments import (
    default_taxonomy,
    find_commitments,
    load_taxonomy,
    set_default_taxonomy,
)
from readout_nlp.errors import TaxonomyError
from readout_nlp.evaluate import Report, score_document
from readout_nlp.pipeline import make_doc
from readout_nlp.records import Commitment, Meta, Modality, Participant

EXAMPLE_TAXONOMY = Path(__file__).resolve().parents[1] / "examples" / "taxonomy_custom.jsonl"

WANG_NURTLEU = [
    ("Wang Yi", "CHN", ["Foreign Minister"]),
    ("Murat Nurtleu", "KAZ", ["Foreign Minister"]),
]
WONG_MARSUDI = [
    ("Penny Wong", "AUS", ["Foreign Minister"]),
    ("Retno Marsudi", "IDN", ["Foreign Minister"]),
]
BAERBOCK_SEJOURNE = [
    ("Annalena Baerbock", "DEU", ["Federal Foreign Minister"]),
    ("Stéphane Séjourné", "FRA", ["Foreign Minister"]),
]
CHO_KAMIKAWA = [
    ("Cho Tae-yul", "KOR", ["Minister of Foreign Affairs"]),
    ("Yoko Kamikawa", "JPN", ["Minister for Foreign Affairs"]),
]
FIDAN_BAYRAMOV = [
    ("Hakan Fidan", "TUR", ["Foreign Minister"]),
    ("Jeyhun Bayramov", "AZE", ["Foreign Minister"]),
]
VIEIRA_WANG = [
    ("Mauro Vieira", "BRA", ["Foreign Minister"]),
    ("Wang Yi", "CHN", ["Foreign Minister"]),
]
LAVROV_JAISHANKAR = [
    ("Sergey Lavrov", "RUS", ["Foreign Minister"]),
    ("Subrahmanyam Jaishankar", "IND", ["External Affairs Minister"]),
]
BLINKEN_MANALO = [
    ("Antony Blinken", "USA", ["Secretary of State"]),
    ("Enrique Manalo", "PHL", ["Secretary of Foreign Affairs"]),
]
LAMMY_TUGGAR = [
    ("David Lammy", "GBR", ["Foreign Secretary"]),
    ("Yusuf Tuggar", "NGA", ["Foreign Minister"]),
]
XI_TO_LAM = [("Xi Jinping", "CHN", ["President"]), ("To Lam", "VNM", ["General Secretary"])]
WONG_JAISHANKAR = [
    ("Penny Wong", "AUS", ["Foreign Minister"]),
    ("Subrahmanyam Jaishankar", "IND", ["External Affairs Minister"]),
]
BORRELL_MIRZOYAN = [
    ("Josep Borrell", "EU", ["High Representative"]),
    ("Ararat Mirzoyan", "ARM", ["Foreign Minister"]),
]
PUTIN_ANWAR = [
    ("Vladimir Putin", "RUS", ["President"]),
    ("Anwar Ibrahim", "MYS", ["Prime Minister"]),
]
LULA_XI = [
    ("Luiz Inácio Lula da Silva", "BRA", ["President"]),
    ("Xi Jinping", "CHN", ["President"]),
]
MACRON_MODI = [
    ("Emmanuel Macron", "FRA", ["President"]),
    ("Narendra Modi", "IND", ["Prime Minister"]),
]

BLINKEN_WANG = [
    ("Antony Blinken", "USA", ["Secretary of State"]),
    ("Wang Yi", "CHN", ["Foreign Minister"]),
]
STARMER_TUSK = [
    ("Keir Starmer", "GBR", ["Prime Minister"]),
    ("Donald Tusk", "POL", ["Prime Minister"]),
]
FAISAL_SAIDOV = [
    ("Faisal bin Farhan", "SAU", ["Foreign Minister"]),
    ("Bakhtiyor Saidov", "UZB", ["Foreign Minister"]),
]

MYS_BGD_PM = [
    ("Mohamad Hasan", "MYS", ["Minister of Foreign Affairs"]),
    ("Hasan Mahmud", "BGD", ["Minister of Foreign Affairs"]),
    ("Sheikh Hasina", "BGD", ["Prime Minister"]),
]
QAT_SOM = [
    (
        "Mohammed bin Abdulrahman Al Thani",
        "QAT",
        ["Prime Minister and Minister of Foreign Affairs"],
    ),
    ("Hassan Sheikh Mohamud", "SOM", ["President"]),
]
UKR_ESP = [
    ("Andrii Sybiha", "UKR", ["Foreign Minister"]),
    ("José Manuel Albares", "ESP", ["Foreign Minister"]),
]
UN_BGD = [
    ("António Guterres", "UN", ["Secretary-General"]),
    ("Sheikh Hasina", "BGD", ["Prime Minister"]),
]


def _analyze(nlp, participants, text):
    people = [Participant(name=n, country=c, titles=t) for n, c, t in participants]
    return readout_nlp.analyze(text, nlp=nlp, participants=people)


def _last(readout) -> list[str]:
    last = len(readout.sentences) - 1
    return sorted(
        f"{c.type}/{c.modality.value}/{'+'.join(sorted(c.parties))}"
        for c in readout.commitments
        if c.sentence == last
    )


def _case(participants, opening, sentence, *expected):
    return pytest.param(participants, f"{opening} {sentence}", sorted(expected), id=sentence[:60])


# ---------------------------------------------------------------------------------------
# Modality

MODALITY = [
    # pledge: attendance confirmed in a that-clause is an undertaking to be there
    _case(
        PUTIN_ANWAR,
        "Vladimir Putin spoke by telephone with Anwar Ibrahim.",
        "Anwar Ibrahim confirmed that he would attend.",
        "high_level_exchanges/pledge/MYS",
    ),
    _case(
        PUTIN_ANWAR,
        "Vladimir Putin spoke by telephone with Anwar Ibrahim.",
        "Anwar Ibrahim assured the President that he would visit Kazan for the summit.",
        "high_level_exchanges/pledge/MYS",
    ),
    # ... but a programme announced ("said he would attend") stays narration of the visit
    _case(
        PUTIN_ANWAR,
        "Vladimir Putin spoke by telephone with Anwar Ibrahim.",
        "Anwar Ibrahim said that he would attend the summit in Kazan.",
    ),
    # proposal: support sought from the other side is asked of it, not given
    _case(
        WONG_JAISHANKAR,
        "Penny Wong met Subrahmanyam Jaishankar in Canberra.",
        "The Australian side also sought India’s support for its candidature to the UN Security Council for 2029-2030.",
        "multilateral_coordination/proposal/IND",
    ),
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "Minister Bayramov asked for Türkiye’s support for Azerbaijan’s candidature to the UN Human Rights Council.",
        "multilateral_coordination/proposal/TUR",
    ),
    # ... while support given for a candidature is support
    _case(
        WONG_JAISHANKAR,
        "Penny Wong met Subrahmanyam Jaishankar in Canberra.",
        "Dr Jaishankar conveyed India’s support for Australia’s candidature to the UN Security Council for 2029-2030.",
        "multilateral_coordination/support/IND",
    ),
    # completed: a quantified allocation announced at the event, the announcer's
    _case(
        WONG_MARSUDI,
        "Foreign Minister Penny Wong met Foreign Minister Retno Marsudi in Jakarta.",
        "Ms Wong announced that Australia will provide an additional A$40 million for climate adaptation in Indonesia.",
        "climate_environment/completed/AUS",
    ),
    _case(
        WONG_JAISHANKAR,
        "Penny Wong met Subrahmanyam Jaishankar in Canberra.",
        "“From next year, the number of scholarships offered to Indian students under the Australia Awards will rise from 100 to 150,” the Minister announced.",
        "people_to_people/completed/AUS",
    ),
    # ... but a future action announced without an amount, or merely said, stays a pledge
    _case(
        STARMER_TUSK,
        "Keir Starmer met Donald Tusk in Warsaw.",
        "The United Kingdom will prepare a study on a second gas interconnector between the two countries, announced the Prime Minister.",
        "energy/pledge/GBR",
    ),
    _case(
        WONG_MARSUDI,
        "Foreign Minister Penny Wong met Foreign Minister Retno Marsudi in Jakarta.",
        "Ms Wong said that Australia will provide an additional A$40 million for climate adaptation in Indonesia.",
        "climate_environment/pledge/AUS",
    ),
    # proposal: one speaker agreeing that "we" should cooperate proposes it to both sides
    _case(
        PUTIN_ANWAR,
        "Vladimir Putin held talks with Anwar Ibrahim in the Kremlin.",
        "“I agree that we should step up cooperation in agriculture,” Anwar said.",
        "agriculture/proposal/MYS+RUS",
    ),
    # intent: goods welcomed into a market
    _case(
        XI_TO_LAM,
        "Xi Jinping held talks with To Lam.",
        "Xi said China welcomes more high-quality Vietnamese fruit to the Chinese market.",
        "agriculture/intent/CHN",
        "trade/intent/CHN",
    ),
    # agreement: "we agreed" in one principal's words is both sides agreeing
    _case(
        WONG_MARSUDI,
        "Foreign Minister Penny Wong met Foreign Minister Retno Marsudi in Jakarta.",
        "“We agreed to resume the annual leaders' meeting and to expand cooperation on food security,” Ms Wong said.",
        "agriculture/agreement/AUS+IDN",
        "high_level_exchanges/agreement/AUS+IDN",
    ),
    # support: declining to back what threatens the other side's core interests
    _case(
        BLINKEN_WANG,
        "Secretary Blinken spoke with Foreign Minister Wang Yi.",
        "Blinken said that the United States does not seek conflict and does not support Taiwan independence.",
        "political_support/support/USA",
    ),
    # pledge: a standing undertaking restated after "recalled that ... would"
    _case(
        BAERBOCK_SEJOURNE,
        "Annalena Baerbock received Stéphane Séjourné in Berlin.",
        "Séjourné recalled that France would continue to provide humanitarian aid to the people of Gaza.",
        "regional_issues/pledge/FRA",
    ),
    # proposal: "requested X's action" is an appeal to the other side
    _case(
        CHO_KAMIKAWA,
        "Minister Cho Tae-yul held talks with Minister Yoko Kamikawa in Seoul.",
        "Minister Cho requested Japan's prompt action so that Korean investors are not disadvantaged under the new subsidy rules.",
        "investment_finance/proposal/JPN",
    ),
    # intent: an invitation relayed through the guest is the host's invitation
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan received Jeyhun Bayramov in Ankara.",
        "At the end of the meeting, Fidan asked the guest to convey his invitation to President Aliyev to pay an official visit to Türkiye.",
        "high_level_exchanges/intent/TUR",
    ),
    # intent: a readiness noun whose infinitive the parser hangs on the verb
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Nurtleu affirmed Kazakhstan's keenness to expand cooperation with China in energy.",
        "energy/intent/KAZ",
    ),
    # pledge: will / would (reported) / will continue to / is committed to / will never
    _case(
        WONG_MARSUDI,
        "Foreign Minister Penny Wong met Foreign Minister Retno Marsudi in Jakarta.",
        "Minister Wong said Australia would provide A$50 million to support Indonesia's clean energy transition.",
        "energy/pledge/AUS",
    ),
    _case(
        BAERBOCK_SEJOURNE,
        "Annalena Baerbock received Stéphane Séjourné in Berlin.",
        "Baerbock said Germany will continue to stand by Ukraine for as long as it takes.",
        "regional_issues/pledge/DEU",
    ),
    _case(
        CHO_KAMIKAWA,
        "Minister Cho Tae-yul held talks with Minister Yoko Kamikawa in Seoul.",
        "Minister Cho said that the Korean government would make every effort to expand youth and cultural exchanges between the two countries.",
        "people_to_people/pledge/KOR",
    ),
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan met Jeyhun Bayramov in Ankara.",
        "Fidan stated that Türkiye will never abandon its support for Azerbaijan's territorial integrity.",
        "political_support/pledge/TUR",
    ),
    _case(
        XI_TO_LAM,
        "Xi Jinping held talks with To Lam in Beijing.",
        "Xi said China will work with Vietnam to speed up the construction of standard-gauge railways linking the two countries.",
        "connectivity_infrastructure/pledge/CHN",
    ),
    _case(
        BORRELL_MIRZOYAN,
        "High Representative Josep Borrell met Foreign Minister Ararat Mirzoyan in Brussels.",
        "The High Representative said the EU will continue to support Armenia's reform agenda and its democratic resilience.",
        "political_support/pledge/EU",
    ),
    # intent: is ready to / readiness / looks forward to / invitations / hopes to / interested in
    _case(
        VIEIRA_WANG,
        "Foreign Minister Mauro Vieira met Foreign Minister Wang Yi in Brasília.",
        "Vieira said Brazil is ready to expand exports of beef and soybeans to China.",
        "agriculture/intent/BRA",
        "trade/intent/BRA",
    ),
    _case(
        LAVROV_JAISHANKAR,
        "Sergey Lavrov held talks with Subrahmanyam Jaishankar in Moscow.",
        "The Russian side expressed readiness to increase supplies of crude oil and fertilizers to India.",
        "agriculture/intent/RUS",
        "energy/intent/RUS",
    ),
    _case(
        BLINKEN_MANALO,
        "Secretary Blinken met with Philippine Secretary of Foreign Affairs Enrique Manalo.",
        "Secretary Manalo said the Philippines looks forward to hosting the next round of the Bilateral Strategic Dialogue in Manila.",
        "high_level_exchanges/intent/PHL",
    ),
    _case(
        WANG_NURTLEU,
        "Wang Yi met with Murat Nurtleu in Astana.",
        "Nurtleu invited Wang Yi to visit Kazakhstan again at a convenient time.",
        "high_level_exchanges/intent/KAZ",
    ),
    _case(
        LAMMY_TUGGAR,
        "The Foreign Secretary David Lammy met Nigerian Foreign Minister Yusuf Tuggar in London.",
        "Minister Tuggar said Nigeria hopes to attract more British investment in its agriculture sector.",
        "agriculture/intent/NGA",
        "investment_finance/intent/NGA",
    ),
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Nurtleu said Kazakhstan is interested in increasing exports of wheat to China.",
        "agriculture/intent/KAZ",
        "trade/intent/KAZ",
    ),
    _case(
        XI_TO_LAM,
        "Xi Jinping held talks with To Lam.",
        "The Vietnamese side welcomed Chinese enterprises to invest in Vietnam's infrastructure and green energy projects.",
        "connectivity_infrastructure/intent/VNM",
        "energy/intent/VNM",
        "investment_finance/intent/VNM",
    ),
    _case(
        PUTIN_ANWAR,
        "Vladimir Putin had a telephone conversation with Prime Minister of Malaysia Anwar Ibrahim.",
        "Vladimir Putin said Russia was prepared to continue supplying grain and fertilisers to Malaysia.",
        "agriculture/intent/RUS",
    ),
    _case(
        CHO_KAMIKAWA,
        "Minister Cho held talks with Minister Kamikawa.",
        "Minister Kamikawa stated that Japan would like to further strengthen cooperation with Korea in the field of energy.",
        "energy/intent/JPN",
    ),
    _case(
        CHO_KAMIKAWA,
        "Minister Cho held talks with Minister Kamikawa.",
        "The two ministers concurred to strengthen security cooperation, including on the North Korean nuclear issue.",
        "regional_issues/agreement/JPN+KOR",
        "security/agreement/JPN+KOR",
    ),
    # proposal: should / urged / called on / proposed / hopes that / the importance of / ways to
    _case(
        WONG_MARSUDI,
        "Foreign Minister Penny Wong met Foreign Minister Retno Marsudi.",
        "Minister Wong urged Indonesia to join efforts to combat illegal fishing in the region.",
        "security/proposal/IDN",
    ),
    _case(
        BAERBOCK_SEJOURNE,
        "Annalena Baerbock met Stéphane Séjourné.",
        "Both ministers called on Russia to end its war of aggression against Ukraine immediately.",
        "regional_issues/proposal/RUS",
    ),
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Wang Yi said that the two sides should tap the potential of cooperation in the digital economy and green development.",
        "climate_environment/proposal/CHN+KAZ",
        "science_technology/proposal/CHN+KAZ",
    ),
    _case(
        LAVROV_JAISHANKAR,
        "Sergey Lavrov held talks with Subrahmanyam Jaishankar.",
        "Lavrov proposed to increase the use of national currencies in bilateral trade settlements.",
        "investment_finance/proposal/IND+RUS",
        "trade/proposal/IND+RUS",
    ),
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Nurtleu expressed the hope that the Chinese side would import more Kazakh grain.",
        "agriculture/proposal/CHN",
        "trade/proposal/CHN",
    ),
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Wang Yi said it is important for the two sides to strengthen coordination on the Afghan issue.",
        "regional_issues/proposal/CHN+KAZ",
    ),
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan met Jeyhun Bayramov.",
        "Fidan stressed the importance of completing the Kars-Nakhchivan railway as soon as possible.",
        "connectivity_infrastructure/proposal/AZE+TUR",
    ),
    _case(
        WONG_MARSUDI,
        "Penny Wong met Retno Marsudi.",
        "The ministers discussed ways to expand cooperation on critical minerals and electric vehicle batteries.",
        "industry_capacity/proposal/AUS+IDN",
    ),
    # agreement: agreed to / reached consensus / decided / all principals pledging or confirming
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan met Jeyhun Bayramov.",
        "The two ministers agreed to accelerate work on the Zangezur corridor and to increase bilateral trade to 15 billion dollars.",
        "connectivity_infrastructure/agreement/AZE+TUR",
        "trade/agreement/AZE+TUR",
    ),
    _case(
        VIEIRA_WANG,
        "Mauro Vieira met Wang Yi.",
        "The two sides reached consensus on deepening cooperation in satellite technology and renewable energy.",
        "energy/agreement/BRA+CHN",
        "science_technology/agreement/BRA+CHN",
    ),
    _case(
        XI_TO_LAM,
        "Xi Jinping held talks with To Lam.",
        "The two leaders decided to establish a mechanism of regular consultations between their defence ministries.",
        "security/agreement/CHN+VNM",
    ),
    _case(
        WONG_MARSUDI,
        "Penny Wong met Retno Marsudi.",
        "The ministers agreed that officials would meet early next year to finalise the new defence cooperation agreement.",
        "high_level_exchanges/agreement/AUS+IDN",
        "security/agreement/AUS+IDN",
    ),
    _case(
        WONG_JAISHANKAR,
        "Foreign Minister Penny Wong and External Affairs Minister Subrahmanyam Jaishankar met in Canberra.",
        "Ministers committed to deepen cooperation on maritime domain awareness and critical minerals.",
        "industry_capacity/agreement/AUS+IND",
        "security/agreement/AUS+IND",
    ),
    _case(
        LAVROV_JAISHANKAR,
        "Sergey Lavrov held talks with Subrahmanyam Jaishankar.",
        "The sides confirmed their mutual interest in expanding cooperation in the nuclear energy sector.",
        "energy/agreement/IND+RUS",
    ),
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Both sides will continue to firmly support each other on issues concerning their respective core interests.",
        "political_support/agreement/CHN+KAZ",
    ),
    _case(
        LAVROV_JAISHANKAR,
        "Sergey Lavrov held talks with Subrahmanyam Jaishankar in Moscow.",
        "It was agreed to continue contacts at various levels.",
        "high_level_exchanges/agreement/IND+RUS",
    ),
    _case(
        VIEIRA_WANG,
        "Mauro Vieira met Wang Yi.",
        "Both sides agreed that the next round of consultations will be held in Brasília.",
        "high_level_exchanges/agreement/BRA+CHN",
    ),
    # support: supports / welcomes an initiative / adheres to / opposes interference
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Nurtleu said that Kazakhstan supports the Global Development Initiative proposed by President Xi Jinping.",
        "political_support/support/KAZ",
    ),
    _case(
        BAERBOCK_SEJOURNE,
        "Annalena Baerbock met Stéphane Séjourné.",
        "Baerbock welcomed France's initiative to host an international conference on humanitarian aid for Sudan.",
        "regional_issues/support/DEU",
    ),
    _case(
        XI_TO_LAM,
        "Xi Jinping held talks with To Lam.",
        "To Lam said Vietnam firmly adheres to the one-China policy and supports China's reunification.",
        "political_support/support/VNM",
    ),
    _case(
        BLINKEN_MANALO,
        "Secretary Blinken met with Secretary Manalo.",
        "The two secretaries welcomed the launch of the Luzon Economic Corridor.",
        "connectivity_infrastructure/support/PHL+USA",
    ),
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "The Chinese side supports Kazakhstan in hosting the SCO summit next year.",
        "multilateral_coordination/support/CHN",
    ),
    _case(
        BORRELL_MIRZOYAN,
        "High Representative Josep Borrell met Foreign Minister Ararat Mirzoyan in Brussels.",
        "The High Representative reiterated the EU's unwavering support for Ukraine's sovereignty and territorial integrity.",
        "regional_issues/support/EU",
    ),
    # completed: signed / witnessed the signing / launched / announced at the event
    # announcing an amount one will contribute is done at the event (FORMAT.md: announced;
    # gold x5 "announced that Norway will provide an additional NOK 150 million")
    _case(
        VIEIRA_WANG,
        "Mauro Vieira met Wang Yi.",
        "Minister Vieira announced that Brazil will contribute $20 million to the Amazon Fund.",
        "investment_finance/completed/BRA",
    ),
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan met Jeyhun Bayramov in Baku.",
        "Following the meeting, the ministers signed a memorandum of understanding on cooperation in the field of energy.",
        "agreement_signed/completed/AZE+TUR",
        "energy/completed/AZE+TUR",
    ),
    _case(
        WONG_MARSUDI,
        "Penny Wong met Retno Marsudi in Jakarta.",
        "The two ministers launched the Australia-Indonesia Climate and Infrastructure Partnership.",
        "climate_environment/completed/AUS+IDN",
        "connectivity_infrastructure/completed/AUS+IDN",
    ),
    _case(
        LULA_XI,
        "President Lula met President Xi Jinping in Beijing.",
        "The two presidents witnessed the signing of 15 cooperation agreements in areas such as trade, agriculture, and science and technology.",
        "agreement_signed/completed/BRA+CHN",
        "agriculture/completed/BRA+CHN",
        "science_technology/completed/BRA+CHN",
        "trade/completed/BRA+CHN",
    ),
    _case(
        LULA_XI,
        "President Lula met President Xi Jinping in Beijing.",
        "The two presidents attended the signing ceremony of 12 cooperation documents in the fields of energy and health.",
        "agreement_signed/completed/BRA+CHN",
        "energy/completed/BRA+CHN",
        "health/completed/BRA+CHN",
    ),
    _case(
        PUTIN_ANWAR,
        "Vladimir Putin had talks with Anwar Ibrahim.",
        "Following the talks, the two sides issued a joint statement on strengthening the comprehensive strategic partnership.",
        "agreement_signed/completed/MYS+RUS",
        "strategic_partnership/completed/MYS+RUS",
    ),
    _case(
        WONG_JAISHANKAR,
        "Foreign Minister Penny Wong and External Affairs Minister Subrahmanyam Jaishankar met in Canberra.",
        "Australia announced A$20 million in new funding for clean energy projects in India.",
        "energy/completed/AUS",
        "investment_finance/completed/AUS",
    ),
    # proposal: 'the importance of <gerund>' as the subject of an agentless passive
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "The importance of expanding mutual trade was underlined.",
        "trade/proposal/AZE+TUR",
    ),
    # proposal: 'emphasis was placed on <gerund>' reads like 'the importance of'
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "Particular emphasis was placed on developing the Middle Corridor transport route.",
        "connectivity_infrastructure/proposal/AZE+TUR",
    ),
    # agreement: all principals reaffirming their 'will to' act
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "Türkiye and Azerbaijan reaffirm their will to expand cooperation in renewable energy.",
        "energy/agreement/AZE+TUR",
    ),
    # agreement: all principals instructing their own agencies to act
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "The ministers instructed their respective customs services to shorten clearance times at the border.",
        "trade/agreement/AZE+TUR",
    ),
    # pledge: one side instructing its own officials
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "Fidan said he had instructed the Turkish embassy in Baku to issue student visas within a week.",
        "people_to_people/pledge/TUR",
    ),
    # pledge: confirming attendance is a pledge to attend (a visit)
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "The Azerbaijani side confirmed its participation in the Antalya Diplomacy Forum at ministerial level.",
        "high_level_exchanges/pledge/AZE",
    ),
    # proposal: 'discussed ways of <gerund>'
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "The ministers discussed ways of attracting more investment into the free economic zones.",
        "investment_finance/proposal/AZE+TUR",
    ),
    # pledge: 'undertook to' is an undertaking
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "The Azerbaijani side undertook to speed up the construction of the Kars-Nakhchivan railway.",
        "connectivity_infrastructure/pledge/AZE",
    ),
    # agreement: 'we have agreed' in a principal's own words is agreed now
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "“We have agreed to meet again in Baku before the end of the year,” Fidan told reporters.",
        "high_level_exchanges/agreement/AZE+TUR",
    ),
    # agreement: both sides speak though the roster also holds a Prime Minister met later
    _case(
        MYS_BGD_PM,
        "Dato' Seri Mohamad Hasan held talks with Dr. Hasan Mahmud in Dhaka. He later called on Prime Minister Sheikh Hasina.",
        "The two Ministers agreed to convene the next Joint Commission meeting in Putrajaya.",
        "high_level_exchanges/agreement/BGD+MYS",
    ),
]


@pytest.mark.parametrize("participants,text,expected", MODALITY)
def test_modality(nlp, participants, text, expected):
    assert _last(_analyze(nlp, participants, text)) == expected


# ---------------------------------------------------------------------------------------
# Parties

PARTIES = [
    # an invitation of someone outside the room, carried by a principal: that principal's side
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan received Jeyhun Bayramov in Ankara.",
        "Fidan conveyed President Erdoğan's invitation to President Aliyev to visit Türkiye.",
        "high_level_exchanges/intent/TUR",
    ),
    # an appeal of all principals about their own affairs is theirs
    _case(
        LULA_XI,
        "President Lula met President Xi Jinping in Beijing.",
        "The two presidents called for the early conclusion of negotiations on a free trade agreement.",
        "trade/proposal/BRA+CHN",
    ),
    # a possessive after a multi-word country name ("the United States’")
    _case(
        BLINKEN_MANALO,
        "Secretary Blinken met with Secretary Manalo.",
        "The Secretary reaffirmed the United States’ ironclad commitment to the 1951 Mutual Defense Treaty.",
        "security/pledge/USA",
    ),
    # a bare title both principals hold is the speaker's
    _case(
        STARMER_TUSK,
        "Prime Minister Keir Starmer met Prime Minister Donald Tusk in Downing Street.",
        "The Prime Minister invited Prime Minister Tusk to attend the European Political Community summit in London.",
        "high_level_exchanges/intent/GBR",
    ),
    # "the X of the two countries" are the two countries
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Wang Yi said the trade ministries of the two countries should resume consultations on market access.",
        "trade/proposal/CHN+KAZ",
    ),
    # a state body named without its country, in a principal's words
    _case(
        LAMMY_TUGGAR,
        "David Lammy met Yusuf Tuggar.",
        "Lammy said that the Royal Navy would continue to patrol the Gulf of Guinea.",
        "security/pledge/GBR",
    ),
    # "the Kingdom" → the one participant that is a kingdom
    _case(
        FAISAL_SAIDOV,
        "Prince Faisal bin Farhan received Bakhtiyor Saidov in Riyadh.",
        "Prince Faisal affirmed the Kingdom's keenness to expand investment in renewable energy in Uzbekistan.",
        "energy/intent/SAU",
        "investment_finance/intent/SAU",
    ),
    # "we" in a speaker's turn → the speaker's country
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Nurtleu said that we are ready to work with the Chinese side to ensure the safe operation of the China-Kazakhstan oil pipeline.",
        "energy/intent/KAZ",
    ),
    # "X and Y, as major developing countries, should ..." → both named countries
    _case(
        VIEIRA_WANG,
        "Mauro Vieira met Wang Yi.",
        "Wang Yi said that China and Brazil, as major developing countries, should strengthen coordination within BRICS and the G20.",
        "multilateral_coordination/proposal/BRA+CHN",
    ),
    # "hopes that Y will" → Y
    _case(
        LAVROV_JAISHANKAR,
        "Sergey Lavrov held talks with Subrahmanyam Jaishankar.",
        "Jaishankar said the Indian side hopes that Russia will ensure timely deliveries of defence equipment.",
        "security/proposal/RUS",
    ),
    # a non-participant company named by its country → that country
    _case(
        BLINKEN_MANALO,
        "Secretary Blinken met with Secretary Manalo.",
        "The Secretary reaffirmed that the United States stands ready to help the Philippines modernize its armed forces.",
        "security/intent/USA",
    ),
    # "they" for all principals
    _case(
        LAMMY_TUGGAR,
        "David Lammy met Yusuf Tuggar.",
        "They agreed to strengthen cooperation on migration and to hold the next Strategic Dialogue in Abuja.",
        "high_level_exchanges/agreement/GBR+NGA",
        "security/agreement/GBR+NGA",
    ),
    # a side: "The French side is willing to work with Germany" (a partner after "with" is no party)
    _case(
        BAERBOCK_SEJOURNE,
        "Annalena Baerbock met Stéphane Séjourné.",
        "The French side is willing to work with Germany to promote the energy transition in Europe.",
        "energy/intent/FRA",
    ),
    # "the two ministers" → both; a hotspot named in the clause
    _case(
        CHO_KAMIKAWA,
        "Minister Cho held talks with Minister Kamikawa.",
        "The two ministers agreed to maintain close communication on North Korea.",
        "high_level_exchanges/agreement/JPN+KOR",
        "regional_issues/agreement/JPN+KOR",
    ),
    # "the parties will" in a narrated joint line → an agreement of both
    _case(
        LAVROV_JAISHANKAR,
        "Sergey Lavrov held talks with Subrahmanyam Jaishankar.",
        "The parties will continue to coordinate their approaches within the SCO and BRICS.",
        "multilateral_coordination/agreement/IND+RUS",
    ),
    # all principals sharing the view that both should act agree
    _case(
        CHO_KAMIKAWA,
        "Minister Cho held talks with Minister Kamikawa.",
        "The two ministers shared the view that Korea and Japan should work closely together to respond to North Korea's nuclear and missile threats.",
        "regional_issues/agreement/JPN+KOR",
    ),
    # a coordination the parser folds into one name: "The Secretary and Foreign Minister X"
    _case(
        BLINKEN_MANALO,
        "Secretary of State Antony Blinken met with Secretary of Foreign Affairs Enrique Manalo in Washington.",
        "The Secretary and Secretary Manalo committed to deepen cooperation on clean energy and critical minerals.",
        "energy/agreement/PHL+USA",
        "industry_capacity/agreement/PHL+USA",
    ),
    # an appeal with no addressee: cooperation → both, otherwise the other side
    _case(
        LAMMY_TUGGAR,
        "David Lammy met Yusuf Tuggar.",
        "The Foreign Secretary welcomed Nigeria's economic reforms and encouraged further steps to improve the business environment for British companies.",
        "investment_finance/proposal/NGA",
        "political_support/support/GBR",
    ),
    # a passive with no agent under "should" → the participants
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Wang Yi underlined that peace and tranquillity in the border areas should be maintained.",
        "security/proposal/CHN+KAZ",
    ),
    # the three countries a railway's name lists
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "The China-Kazakhstan-Uzbekistan railway is a flagship project, and the three countries should speed up its construction.",
        "connectivity_infrastructure/proposal/CHN+KAZ+UZB",
    ),
]


@pytest.mark.parametrize("participants,text,expected", PARTIES)
def test_parties(nlp, participants, text, expected):
    assert _last(_analyze(nlp, participants, text)) == expected


# ---------------------------------------------------------------------------------------
# Not commitments (FORMAT.md): thanks, praise, concern, condemnation, facts, scheduled events,
# recalled agreements, hosting, stances with no action, no identifiable party, discussion

NOT_COMMITMENTS = [
    # one side's appeal for a ceasefire in a conflict neither participant is in
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Wang Yi called for an immediate ceasefire in Gaza and the release of all hostages.",
    ),
    # one speaker agreeing with an assessment
    _case(
        PUTIN_ANWAR,
        "Vladimir Putin held talks with Anwar Ibrahim in the Kremlin.",
        "Anwar said he agreed that the situation in the region remains complex.",
    ),
    # an agentless passive on a third party's conflict: no identifiable party
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Wang Yi said that the Palestinian question should be resolved on the basis of the two-State solution.",
    ),
    # a heading for a list of outcomes ("following" is no "follow up on the consensus")
    _case(
        LULA_XI,
        "President Lula met President Xi Jinping in Beijing.",
        "The two presidents agreed on the following outcomes:",
    ),
    # a programme: "will hold consultations" is no pledge
    _case(
        VIEIRA_WANG,
        "Foreign Minister Wang Yi will pay an official visit to Brazil.",
        "During the visit, the two ministers will hold political consultations and visit a technology park.",
    ),
    # not backing something that is no core interest
    _case(
        BLINKEN_WANG,
        "Secretary Blinken spoke with Foreign Minister Wang Yi.",
        "Wang Yi said that China does not support the proposed sanctions regime.",
    ),
    # a request with no domain
    _case(
        CHO_KAMIKAWA,
        "Minister Cho held talks with Minister Kamikawa.",
        "Minister Cho requested a briefing on the incident.",
    ),
    # an errand with no commitment in it
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan received Jeyhun Bayramov in Ankara.",
        "Fidan asked Bayramov to convey his greetings to President Aliyev.",
    ),
    # an assessment shared is no agreement to act
    _case(
        BAERBOCK_SEJOURNE,
        "Annalena Baerbock received Stéphane Séjourné in Berlin.",
        "The two ministers shared the view that Russia's war against Ukraine poses a grave threat to European security.",
    ),
    # both principals appealing to third parties: no identifiable party
    _case(
        LULA_XI,
        "President Lula met President Xi Jinping in Beijing.",
        "The two presidents expressed deep concern about the situation in Sudan and called for an immediate ceasefire.",
    ),
    # a modal in a relative clause describes a noun
    _case(
        BLINKEN_WANG,
        "Secretary Blinken spoke with Foreign Minister Wang Yi.",
        "Wang Yi said that the Taiwan question is the first red line that must not be crossed in China-U.S. relations.",
    ),
    # a description of the relation, not an undertaking on trade
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Wang Yi noted that Kazakhstan is China's largest trading partner in Central Asia.",
    ),
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Wang Yi thanked Kazakhstan for its valuable support for China's position on Taiwan.",
    ),
    _case(
        BAERBOCK_SEJOURNE,
        "Annalena Baerbock met Stéphane Séjourné.",
        "Baerbock expressed deep concern about the humanitarian situation in Gaza.",
    ),
    _case(
        BLINKEN_MANALO,
        "Secretary Blinken met with Secretary Manalo.",
        "The Secretary condemned the PRC's dangerous maneuvers against Philippine vessels near Second Thomas Shoal.",
    ),
    _case(
        VIEIRA_WANG,
        "Mauro Vieira met Wang Yi.",
        "Vieira said that bilateral trade reached a record 157 billion dollars last year.",
    ),
    _case(
        LAVROV_JAISHANKAR,
        "Sergey Lavrov held talks with Subrahmanyam Jaishankar.",
        "The ministers noted that the agreement on the North-South corridor will enter into force next month.",
    ),
    _case(
        XI_TO_LAM,
        "Xi Jinping held talks with To Lam.",
        "Xi spoke highly of Vietnam's achievements in its reform and opening up.",
    ),
    _case(
        LAMMY_TUGGAR,
        "David Lammy met Yusuf Tuggar.",
        "The Foreign Secretary congratulated Nigeria on its successful hosting of the ECOWAS summit.",
    ),
    _case(
        CHO_KAMIKAWA,
        "Minister Cho held talks with Minister Kamikawa.",
        "The two ministers recalled that the two countries signed a comprehensive agreement on economic cooperation in 2015.",
    ),
    _case(
        WONG_MARSUDI,
        "Penny Wong met Retno Marsudi.",
        "The international community should do more to address the humanitarian crisis in Myanmar, Wong said.",
    ),
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan met Jeyhun Bayramov.",
        "The two ministers exchanged views on the situation in the South Caucasus.",
    ),
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Wang Yi said that China opposes any unilateral sanctions.",
    ),
    _case(
        LULA_XI,
        "President Lula met President Xi Jinping in Beijing.",
        "China appreciates Brazil's adherence to the one-China principle, Xi said.",
    ),
    _case(
        BLINKEN_MANALO,
        "Secretary Blinken met with Secretary Manalo.",
        "The Secretary emphasized the importance of the Philippines' continued commitment to the rule of law.",
    ),
    _case(
        WONG_MARSUDI,
        "Penny Wong met Retno Marsudi.",
        "They also discussed the importance of countering disinformation.",
    ),
    _case(
        WONG_MARSUDI,
        "Penny Wong met Retno Marsudi.",
        "Minister Wong noted that Australia's new development policy will take effect next month.",
    ),
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Since 2013, China and Kazakhstan have reached consensus on jointly building the Belt and Road and have carried out fruitful cooperation.",
    ),
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Over the past three decades, the two countries have always supported each other on issues concerning their core interests.",
    ),
    _case(
        BLINKEN_MANALO,
        "Secretary Blinken met with Secretary Manalo.",
        "The Secretary welcomed Secretary Manalo to Washington.",
    ),
    _case(
        BLINKEN_MANALO,
        "Secretary Blinken met with Secretary Manalo.",
        "Both sides welcomed the steady growth in two-way trade and investment.",
    ),
    _case(
        BAERBOCK_SEJOURNE,
        "Annalena Baerbock met Stéphane Séjourné.",
        "They underlined that peace and stability across the Taiwan Strait are indispensable.",
    ),
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Wang Yi said the railway would significantly shorten the transit time for goods.",
    ),
    # the programme of a visit is no pledge
    _case(
        VIEIRA_WANG,
        "At the invitation of Foreign Minister Mauro Vieira, Foreign Minister Wang Yi will pay an official visit to Brazil.",
        "During the visit, Wang Yi will hold talks with Mauro Vieira and attend the G20 Foreign Ministers' Meeting.",
    ),
    _case(
        VIEIRA_WANG,
        "Foreign Minister Wang Yi will pay an official visit to Brazil.",
        "The two sides will exchange views on bilateral relations and international issues of common concern.",
    ),
    # no identifiable party: 'for the world community to ...'
    _case(
        LAMMY_TUGGAR,
        "Foreign Secretary David Lammy met Foreign Minister Yusuf Tuggar in London.",
        "Tuggar said it was essential for the world community to support the people of Sudan.",
    ),
    # 'undertook an official visit' reports a journey
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "Bayramov undertook an official visit to Türkiye on 3-4 June.",
    ),
    # 'meet' with an object that is no person: standards, not a meeting
    _case(
        MACRON_MODI,
        "President Emmanuel Macron spoke with Prime Minister Narendra Modi.",
        "Both leaders said that the new fighter engines must meet the strictest Indian certification standards.",
    ),
    # a launch dated before the event is history
    _case(
        PUTIN_ANWAR,
        "On 14 May 2024, Vladimir Putin held talks with Anwar Ibrahim in the Kremlin.",
        "Russia and Malaysia established diplomatic relations on 3 April 1967.",
    ),
    # 'with an emphasis on' a topic names no action
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "The ministers reviewed bilateral relations, with an emphasis on trade and energy.",
    ),
    # implementation of agreements reached is only discussed
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "The ministers discussed the implementation of the agreements reached at the highest level.",
    ),
    # the gerund reading needs the gerund first: 'the importance of the growing partnership' is a stance
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "Fidan noted the importance of the growing partnership.",
    ),
    # 'tasked with' opens no undertaking without an infinitive
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "The working group tasked with transport issues has met twice this year.",
    ),
]


@pytest.mark.parametrize("participants,text,expected", NOT_COMMITMENTS)
def test_not_commitments(nlp, participants, text, expected):
    assert _last(_analyze(nlp, participants, text)) == expected == []


# ---------------------------------------------------------------------------------------
# Types: one entry per type, the strongest modality, domain boundaries

TYPES = [
    # domain words of FORMAT.md's boundaries the triggers lacked
    _case(
        XI_TO_LAM,
        "Xi Jinping held talks with To Lam.",
        "The two sides agreed to increase the exchange of delegations at all levels and speed up the construction of the Hanoi–Lang Son expressway.",
        "connectivity_infrastructure/agreement/CHN+VNM",
        "high_level_exchanges/agreement/CHN+VNM",
    ),
    _case(
        XI_TO_LAM,
        "Xi Jinping held talks with To Lam.",
        "After the talks, the two leaders witnessed the exchange of cooperation documents on satellite communications and electricity trading.",
        "agreement_signed/completed/CHN+VNM",
        "energy/completed/CHN+VNM",
        "science_technology/completed/CHN+VNM",
    ),
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "The two ministers also signed an agreement on the mutual protection of classified information.",
        "agreement_signed/completed/AZE+TUR",
        "security/completed/AZE+TUR",
    ),
    # ... while trade in goods named beside it stays trade
    _case(
        XI_TO_LAM,
        "Xi Jinping held talks with To Lam.",
        "The two sides agreed to expand trade in agricultural products and electricity trading.",
        "agriculture/agreement/CHN+VNM",
        "energy/agreement/CHN+VNM",
        "trade/agreement/CHN+VNM",
    ),
    # tourists welcomed to visit: tourism, not a visit of leaders
    _case(
        XI_TO_LAM,
        "Xi Jinping held talks with To Lam.",
        "To Lam said Viet Nam welcomes more Chinese tourists to visit Viet Nam.",
        "people_to_people/intent/VNM",
    ),
    # ... while officials welcomed to visit are
    _case(
        XI_TO_LAM,
        "Xi Jinping held talks with To Lam.",
        "To Lam said Viet Nam welcomes more Chinese officials to visit Viet Nam.",
        "high_level_exchanges/intent/VNM",
    ),
    # contact located in multilateral bodies is coordination there
    _case(
        LULA_XI,
        "President Lula met President Xi Jinping in Beijing.",
        "Brazil is ready to strengthen communication and coordination with China at the United Nations, BRICS and other multilateral mechanisms.",
        "multilateral_coordination/intent/BRA",
    ),
    # ... while keeping in contact on a body's business stays a channel between the two
    # (multilateral_coordination yields to it)
    _case(
        LULA_XI,
        "President Lula met President Xi Jinping in Beijing.",
        "The two presidents agreed to maintain close communication on the work of the G20.",
        "high_level_exchanges/agreement/BRA+CHN",
    ),
    # denying one's territory to hostile activity is security, whoever's interests it names
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Nurtleu said that Kazakhstan would not allow its territory to be used against the security interests of any friendly country.",
        "security/pledge/KAZ",
    ),
    _case(
        XI_TO_LAM,
        "Xi Jinping held talks with To Lam.",
        "To Lam said Viet Nam will never allow any force to use its territory to harm the security and interests of China.",
        "security/pledge/VNM",
    ),
    # ... but a sanctions loophole closed is about the conflict
    _case(
        BORRELL_MIRZOYAN,
        "Josep Borrell met Ararat Mirzoyan in Brussels.",
        "Mr Mirzoyan assured him that Armenia would not allow its territory to be used to circumvent the sanctions against Russia.",
        "regional_issues/pledge/ARM",
    ),
    # ... and respecting the other side's security interests is political support
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Nurtleu said that Kazakhstan will respect China's security interests.",
        "political_support/pledge/KAZ",
    ),
    # a hotspot named as the sentence's topic ("Regarding X, ...", "On X, ...") is what it is about
    _case(
        BAERBOCK_SEJOURNE,
        "Annalena Baerbock received Stéphane Séjourné in Berlin.",
        "Regarding Sudan, the two ministers agreed to step up efforts for a ceasefire and unhindered access for aid.",
        "regional_issues/agreement/DEU+FRA",
    ),
    _case(
        XI_TO_LAM,
        "Xi Jinping held talks with To Lam.",
        "On the South China Sea, the two sides agreed to properly manage differences and maintain peace and stability at sea.",
        "regional_issues/agreement/CHN+VNM",
    ),
    # military aid and demining given to a third country at war are about the conflict
    _case(
        STARMER_TUSK,
        "Keir Starmer met Donald Tusk in Warsaw.",
        "The United Kingdom and Poland will continue to provide military and humanitarian assistance to Ukraine.",
        "regional_issues/agreement/GBR+POL",
    ),
    _case(
        BAERBOCK_SEJOURNE,
        "Annalena Baerbock received Stéphane Séjourné in Berlin.",
        "Regarding Ukraine, Ms Baerbock reaffirmed Germany’s commitment to supporting the country’s recovery, including through humanitarian demining.",
        "regional_issues/pledge/DEU",
    ),
    # ... but defence cooperation between the participants stays security under the topic
    _case(
        STARMER_TUSK,
        "Keir Starmer met Donald Tusk in Warsaw.",
        "On Ukraine, the two leaders agreed to deepen cooperation between their defence industries.",
        "regional_issues/agreement/GBR+POL",
        "security/agreement/GBR+POL",
    ),
    # ... and demining of a participant's own territory is security
    _case(
        UKR_ESP,
        "Andrii Sybiha met José Manuel Albares in Kyiv.",
        "Andrii Sybiha called on Spain to join the international coalition for the demining of Ukrainian territories.",
        "security/proposal/ESP",
    ),
    # a domain word in the name of a summit or forum a person is invited to: a visit
    _case(
        WONG_JAISHANKAR,
        "Penny Wong met Subrahmanyam Jaishankar in Canberra.",
        "Ms Wong invited Dr Jaishankar to attend the Indian Ocean Clean Energy Summit in Perth in October.",
        "high_level_exchanges/intent/AUS",
    ),
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan received Jeyhun Bayramov in Ankara.",
        "Fidan invited an Azerbaijani business delegation to take part in the Türkiye–Caucasus Investment Forum in Istanbul.",
        "high_level_exchanges/intent/TUR",
    ),
    # ... but companies invited to it take part in the domain, and an expo is trade
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan received Jeyhun Bayramov in Ankara.",
        "Fidan invited Azerbaijani companies to take part in the Türkiye–Caucasus Investment Forum in Istanbul.",
        "investment_finance/intent/TUR",
    ),
    _case(
        VIEIRA_WANG,
        "Mauro Vieira held talks with Wang Yi in Beijing.",
        "Wang Yi invited Minister Vieira to attend the China International Import Expo in Shanghai.",
        "high_level_exchanges/intent/CHN",
        "trade/intent/CHN",
    ),
    # keeping in close touch; consultations between foreign ministries; a joint commission
    _case(
        LAMMY_TUGGAR,
        "David Lammy met Yusuf Tuggar.",
        "The ministers agreed to keep in close touch on the situation in Sudan.",
        "high_level_exchanges/agreement/GBR+NGA",
        "regional_issues/agreement/GBR+NGA",
    ),
    _case(
        LAVROV_JAISHANKAR,
        "Sergey Lavrov held talks with Subrahmanyam Jaishankar.",
        "The ministers agreed to set up a mechanism for regular political consultations.",
        "high_level_exchanges/agreement/IND+RUS",
    ),
    _case(
        LAVROV_JAISHANKAR,
        "Sergey Lavrov held talks with Subrahmanyam Jaishankar.",
        "The two sides agreed to hold the 5th round of consultations on the Afghan issue in New Delhi.",
        "high_level_exchanges/agreement/IND+RUS",
        "regional_issues/agreement/IND+RUS",
    ),
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan received Jeyhun Bayramov in Ankara.",
        "Fidan said Türkiye will host the next meeting of the Joint Trade and Economic Commission in Istanbul.",
        "high_level_exchanges/pledge/TUR",
    ),
    # "ways to deepen them": the relations named before
    _case(
        FAISAL_SAIDOV,
        "Prince Faisal bin Farhan received Bakhtiyor Saidov in Riyadh.",
        "The ministers reviewed bilateral relations and discussed ways to deepen them further.",
        "strategic_partnership/proposal/SAU+UZB",
    ),
    # a signed statement on the relationship as a whole
    _case(
        BLINKEN_MANALO,
        "Secretary Blinken met with Secretary Manalo in Manila.",
        "Following the meeting, the two secretaries signed a joint statement on strengthening the alliance relationship.",
        "agreement_signed/completed/PHL+USA",
        "strategic_partnership/completed/PHL+USA",
    ),
    # an intergovernmental commission is a body that meets; its remit is its title
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Nurtleu proposed to convene the next meeting of the Kazakhstan-China Intergovernmental Committee on Trade, Economic and Scientific Cooperation in Astana.",
        "high_level_exchanges/proposal/CHN+KAZ",
    ),
    # a time clause dates the undertaking, it names no meeting
    _case(
        STARMER_TUSK,
        "Prime Minister Keir Starmer met Prime Minister Donald Tusk in Downing Street.",
        "The leaders looked forward to concluding a new defence treaty when they next meet.",
        "security/intent/GBR+POL",
    ),
    # an agentless passive on a hotspot that involves a participant: the participants
    _case(
        XI_TO_LAM,
        "Xi Jinping held talks with To Lam.",
        "Xi said that maritime issues in the South China Sea should be properly handled through friendly consultation.",
        "regional_issues/proposal/CHN+VNM",
    ),
    # bioenergy is energy; "aviation fuel" is not aviation
    _case(
        LULA_XI,
        "President Lula met President Xi Jinping in Beijing.",
        "The two presidents agreed to expand cooperation in bioenergy and sustainable aviation fuel.",
        "energy/agreement/BRA+CHN",
    ),
    # edible oils are farm produce, not energy
    _case(
        WONG_MARSUDI,
        "Penny Wong met Retno Marsudi.",
        "Minister Marsudi urged Australia to ease market access for Indonesian palm oil and coffee.",
        "agriculture/proposal/AUS",
        "trade/proposal/AUS",
    ),
    # raw materials are industry
    _case(
        BAERBOCK_SEJOURNE,
        "Annalena Baerbock received Stéphane Séjourné in Berlin.",
        "Baerbock said Germany is ready to deepen cooperation with France on critical raw materials.",
        "industry_capacity/intent/DEU",
    ),
    # low-carbon hydrogen is energy; carbon credits are climate, not lending
    _case(
        BAERBOCK_SEJOURNE,
        "Annalena Baerbock received Stéphane Séjourné in Berlin.",
        "The two ministers agreed to develop supply chains for low-carbon hydrogen.",
        "energy/agreement/DEU+FRA",
    ),
    _case(
        WONG_MARSUDI,
        "Penny Wong met Retno Marsudi.",
        "Both ministers agreed to cooperate on high-integrity carbon credits.",
        "climate_environment/agreement/AUS+IDN",
    ),
    # a link by air, rail or road is connectivity
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan met Jeyhun Bayramov.",
        "The Turkish side proposed to open a direct rail link between Kars and Nakhchivan.",
        "connectivity_infrastructure/proposal/AZE+TUR",
    ),
    # grid technologies are energy equipment
    _case(
        LAMMY_TUGGAR,
        "David Lammy met Yusuf Tuggar.",
        "The ministers agreed to expand cooperation on offshore wind and grid technologies.",
        "energy/agreement/GBR+NGA",
    ),
    # holding a dialogue or consultations is a meeting
    _case(
        LAVROV_JAISHANKAR,
        "Sergey Lavrov held talks with Subrahmanyam Jaishankar.",
        "The ministers agreed to hold political consultations between the two foreign ministries every year.",
        "high_level_exchanges/agreement/IND+RUS",
    ),
    # attending a summit at the highest level
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan spoke with Jeyhun Bayramov by phone.",
        "Minister Fidan said that Türkiye will be represented at the highest level at the summit in Baku.",
        "high_level_exchanges/pledge/TUR",
    ),
    # the reform of a multilateral body; the UN climate conference is a multilateral event
    _case(
        LULA_XI,
        "President Lula met President Xi Jinping in Beijing.",
        "Brazil and China will coordinate closely in BRICS, including on the reform of the United Nations.",
        "multilateral_coordination/agreement/BRA+CHN",
    ),
    _case(
        LULA_XI,
        "President Lula met President Xi Jinping in Beijing.",
        "Lula said Brazil will work with China to make the United Nations Climate Change Conference in Belém a success.",
        "multilateral_coordination/pledge/BRA",
    ),
    # the mineral security partnership is about supply chains, not defence
    _case(
        BLINKEN_MANALO,
        "Secretary Blinken met with Secretary Manalo.",
        "Manalo said the Philippines is ready to join the Minerals Security Partnership.",
        "industry_capacity/intent/PHL",
    ),
    # co-production, machine building and food processing are industry
    _case(
        LAMMY_TUGGAR,
        "David Lammy met Yusuf Tuggar.",
        "The ministers agreed to explore the joint production of defence equipment.",
        "industry_capacity/agreement/GBR+NGA",
        "security/agreement/GBR+NGA",
    ),
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "Kazakhstan is interested in Chinese investment in machine building and food processing, Nurtleu said.",
        "industry_capacity/intent/KAZ",
        "investment_finance/intent/KAZ",
    ),
    # a government described by its army is no defence cooperation
    _case(
        WONG_MARSUDI,
        "Penny Wong met Retno Marsudi.",
        "Both ministers called on the Myanmar military regime to end the violence and release political prisoners.",
        "regional_issues/proposal/MMR",
    ),
    # a conflict to be avoided is no hotspot
    _case(
        BLINKEN_WANG,
        "Secretary Blinken spoke with Foreign Minister Wang Yi.",
        "The U.S. side is ready to keep communication open with China to prevent competition from veering into conflict.",
        "high_level_exchanges/intent/USA",
    ),
    # a business forum is a trade event
    _case(
        MACRON_MODI,
        "President Macron held talks with Prime Minister Modi.",
        "President Macron invited Indian companies to take part in the India-France Business Forum in Paris.",
        "trade/intent/FRA",
    ),
    # academies and cultural institutes are people-to-people exchanges
    _case(
        CHO_KAMIKAWA,
        "Minister Cho held talks with Minister Kamikawa.",
        "After the talks, the two ministers signed a memorandum on cooperation between their diplomatic academies.",
        "agreement_signed/completed/JPN+KOR",
        "people_to_people/completed/JPN+KOR",
    ),
    _case(
        BAERBOCK_SEJOURNE,
        "Annalena Baerbock received Stéphane Séjourné in Berlin.",
        "Séjourné welcomed Germany's plans to open a Goethe-Institut branch in Lyon.",
        "people_to_people/support/FRA",
    ),
    # training "of" personnel; a list the parser hangs elsewhere still belongs to the clause
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "The sides discussed ways to expand cooperation in rare earths, the automotive industry, healthcare and the training of qualified personnel.",
        "health/proposal/CHN+KAZ",
        "industry_capacity/proposal/CHN+KAZ",
        "people_to_people/proposal/CHN+KAZ",
    ),
    # "including ..." governs nothing: the opportunities were discussed
    _case(
        LAMMY_TUGGAR,
        "David Lammy met Yusuf Tuggar.",
        "The ministers discussed cooperation on energy, including gas supplies, as well as opportunities to expand direct flights.",
        "connectivity_infrastructure/proposal/GBR+NGA",
    ),
    # forests are climate and environment
    _case(
        LULA_XI,
        "President Lula met President Xi Jinping in Beijing.",
        "Lula said Brazil will expand cooperation with China on forest protection.",
        "climate_environment/pledge/BRA",
    ),
    # jets are defence, jet fuel is not
    _case(
        STARMER_TUSK,
        "Prime Minister Keir Starmer met Prime Minister Donald Tusk in Downing Street.",
        "He said the UK would deploy additional fighter jets to Poland this spring.",
        "security/pledge/GBR",
    ),
    _case(
        WONG_MARSUDI,
        "Penny Wong met Retno Marsudi.",
        "Minister Wong said Australia would continue to import jet fuel from Indonesia.",
        "trade/pledge/AUS",
    ),
    # a reliable partner: the relationship as a whole
    _case(
        BORRELL_MIRZOYAN,
        "Josep Borrell met Ararat Mirzoyan in Brussels.",
        "Borrell underlined that the EU stands ready to remain a reliable partner for Armenia.",
        "strategic_partnership/intent/EU",
    ),
    # several domains → one entry each
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "The Kazakh side will endeavor to expand bilateral trade and enhance cooperation in agriculture, energy and infrastructure construction.",
        "agriculture/pledge/KAZ",
        "connectivity_infrastructure/pledge/KAZ",
        "energy/pledge/KAZ",
        "trade/pledge/KAZ",
    ),
    # one type, two modalities → the strongest (pledge over intent)
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "China is willing to import more Kazakh agricultural products and will continue to send agricultural experts to Kazakhstan.",
        "agriculture/pledge/CHN",
        "trade/intent/CHN",
    ),
    # sanctions circumvention is about the conflict, not trade
    _case(
        BAERBOCK_SEJOURNE,
        "Annalena Baerbock met Stéphane Séjourné in Berlin.",
        "Baerbock urged the French side to tighten export controls on dual-use goods that could reach Russia.",
        "regional_issues/proposal/FRA",
    ),
    # boundaries: critical minerals and electric vehicles → industry; e-commerce → science
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "The two sides should expand cooperation in electric vehicles, cross-border e-commerce and new energy.",
        "energy/proposal/CHN+KAZ",
        "industry_capacity/proposal/CHN+KAZ",
        "science_technology/proposal/CHN+KAZ",
    ),
    # a place on the Belt and Road route is connectivity, not the initiative
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "The two sides should strengthen connectivity to benefit people along the Belt and Road route.",
        "connectivity_infrastructure/proposal/CHN+KAZ",
    ),
    # an invitation to a person implies high-level exchanges; to companies it does not
    _case(
        CHO_KAMIKAWA,
        "Minister Cho held talks with Minister Kamikawa.",
        "Minister Kamikawa invited Korean companies to take part in offshore wind power projects in Japan.",
        "energy/intent/JPN",
    ),
    # a back-reference takes the domain of what it points to
    _case(
        WANG_NURTLEU,
        "Wang Yi held talks with Murat Nurtleu.",
        "The two-State solution is the fundamental way out of the conflict, and China stands ready to work with Kazakhstan to this end.",
        "regional_issues/intent/CHN",
    ),
    # the relationship as a whole when no domain is named
    _case(
        BLINKEN_MANALO,
        "Secretary Blinken met with Secretary Manalo.",
        "Both ministers confirmed that they would continue to work closely together toward a free and open Indo-Pacific.",
        "strategic_partnership/agreement/PHL+USA",
    ),
    # energy: power equipment
    _case(
        STARMER_TUSK,
        "Prime Minister Keir Starmer met Prime Minister Donald Tusk in Warsaw.",
        "The United Kingdom will provide mobile generators and transformers to Poland's border regions before winter.",
        "energy/pledge/GBR",
    ),
    # energy, not trade: exporting an energy commodity
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "Bayramov said Azerbaijan is ready to increase the export of natural gas to Türkiye.",
        "energy/intent/AZE",
    ),
    # energy, not trade: a power purchase agreement
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "The two ministers agreed to finalise a long-term power purchase agreement this year.",
        "energy/agreement/AZE+TUR",
    ),
    # trade stays trade when the goods are no energy
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "Bayramov said Azerbaijan is ready to increase the export of fruit and vegetables to Türkiye.",
        "agriculture/intent/AZE",
        "trade/intent/AZE",
    ),
    # security: demining
    _case(
        BAERBOCK_SEJOURNE,
        "Annalena Baerbock received Stéphane Séjourné in Berlin.",
        "Germany will fund humanitarian demining in the liberated areas.",
        "security/pledge/DEU",
    ),
    # security, not infrastructure building: protecting critical infrastructure
    _case(
        STARMER_TUSK,
        "Prime Minister Keir Starmer met Prime Minister Donald Tusk in Warsaw.",
        "The two leaders agreed to step up the protection of critical undersea infrastructure in the Baltic Sea.",
        "security/agreement/GBR+POL",
    ),
    # infrastructure that is built stays connectivity
    _case(
        STARMER_TUSK,
        "Prime Minister Keir Starmer met Prime Minister Donald Tusk in Warsaw.",
        "The two leaders agreed to modernise the road infrastructure linking the two ports.",
        "connectivity_infrastructure/agreement/GBR+POL",
    ),
    # security: border protection
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "Türkiye is interested in joint border protection projects with Azerbaijan.",
        "security/intent/TUR",
    ),
    # security: labour mobility is migration (FORMAT.md)
    _case(
        PUTIN_ANWAR,
        "Vladimir Putin held talks with Anwar Ibrahim in the Kremlin.",
        "Anwar proposed that the two sides set up a working group on labour mobility.",
        "security/proposal/MYS+RUS",
    ),
    # security: military formations
    _case(
        BAERBOCK_SEJOURNE,
        "Annalena Baerbock received Stéphane Séjourné in Berlin.",
        "Germany will host a multinational land forces headquarters in Rostock.",
        "security/pledge/DEU",
    ),
    # security: armed groups named
    _case(
        LAMMY_TUGGAR,
        "Foreign Secretary David Lammy met Foreign Minister Yusuf Tuggar in London.",
        "The UK will continue to help Nigeria counter Boko Haram in the north-east.",
        "security/pledge/GBR",
    ),
    # climate, not trade: carbon markets
    _case(
        WONG_MARSUDI,
        "Foreign Minister Penny Wong met Foreign Minister Retno Marsudi in Jakarta.",
        "Australia is ready to work with Indonesia on carbon markets.",
        "climate_environment/intent/AUS",
    ),
    # climate: transboundary haze
    _case(
        WONG_MARSUDI,
        "Foreign Minister Penny Wong met Foreign Minister Retno Marsudi in Jakarta.",
        "The two ministers agreed to share early warnings of transboundary haze.",
        "climate_environment/agreement/AUS+IDN",
    ),
    # investment: double taxation
    _case(
        WONG_MARSUDI,
        "Foreign Minister Penny Wong met Foreign Minister Retno Marsudi in Jakarta.",
        "After the meeting, the ministers signed a protocol amending the agreement on the avoidance of double taxation.",
        "agreement_signed/completed/AUS+IDN",
        "investment_finance/completed/AUS+IDN",
    ),
    # trade: duty-free access
    _case(
        WONG_MARSUDI,
        "Foreign Minister Penny Wong met Foreign Minister Retno Marsudi in Jakarta.",
        "Marsudi asked Australia to grant duty-free access to Indonesian footwear.",
        "trade/proposal/AUS",
    ),
    # multilateral: accession to an organisation
    _case(
        LAMMY_TUGGAR,
        "Foreign Secretary David Lammy met Foreign Minister Yusuf Tuggar in London.",
        "The Foreign Secretary said the UK would back Nigeria's accession to the OECD.",
        "multilateral_coordination/pledge/GBR",
    ),
    # strategic partnership: implementing what the leaders agreed (not a meeting)
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "Fidan stressed the importance of implementing the agreements reached during the meetings of the two Presidents.",
        "strategic_partnership/proposal/AZE+TUR",
    ),
    # strategic partnership: previously reached agreements
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "The importance of the full implementation of previously reached agreements was noted.",
        "strategic_partnership/proposal/AZE+TUR",
    ),
    # a pronoun points back: 'ways to strengthen them' is about the relations, not the hotspot after it
    _case(
        FIDAN_BAYRAMOV,
        "Hakan Fidan held talks with Jeyhun Bayramov in Ankara.",
        "During the call, they reviewed the bilateral partnership relations between the two countries and ways to sustain and deepen them, in addition to discussing the latest developments in the Sahel.",
        "strategic_partnership/proposal/AZE+TUR",
    ),
    # a participant in the room is no hotspot where its sovereignty is supported
    _case(
        QAT_SOM,
        "The Prime Minister and Minister of Foreign Affairs of Qatar held a phone call with the President of Somalia.",
        "The Prime Minister affirmed Qatar's support for the unity and territorial integrity of Somalia.",
        "political_support/support/QAT",
    ),
    # ... nor where it is a party to the deal
    _case(
        UKR_ESP,
        "Foreign Minister Andrii Sybiha met Foreign Minister José Manuel Albares in Madrid.",
        "The ministers agreed to finalise the security agreement between Ukraine and Spain.",
        "security/agreement/ESP+UKR",
    ),
    # an organisation as the actor is the party, not the domain
    _case(
        UN_BGD,
        "Secretary-General António Guterres met Prime Minister Sheikh Hasina in New York.",
        "The Secretary-General said the United Nations would continue to mobilize humanitarian aid for the refugees.",
        "regional_issues/pledge/UN",
    ),
]


@pytest.mark.parametrize("participants,text,expected", TYPES)
def test_types(nlp, participants, text, expected):
    assert _last(_analyze(nlp, participants, text)) == expected


# ---------------------------------------------------------------------------------------
# Records and spans


def test_records_trace_and_point_into_the_text(nlp):
    text = (
        "Wang Yi held talks with Murat Nurtleu in Astana. "
        "The Kazakh side will endeavor to expand bilateral trade and enhance cooperation in energy."
    )
    r = _analyze(nlp, WANG_NURTLEU, text)
    assert {c.type for c in r.commitments} == {"trade", "energy"}
    for c in r.commitments:
        assert r.text[c.start : c.end] == c.text
        assert c.trigger is not None and r.text[c.trigger.start : c.trigger.end] == c.trigger.text
        assert c.speakers == ["Murat Nurtleu"]
        assert (
            c.rule.startswith("type:")
            and "|modality:pledge.will|" in c.rule
            and "|parties:" in c.rule
        )
        assert (c.cameo, c.plover) == ("0311", "AGREE")
    trade = next(c for c in r.commitments if c.type == "trade")
    assert trade.text.startswith("The Kazakh side will endeavor")
    assert trade.trigger.text == "trade"


def test_doc_spans_carry_one_record_each(nlp):
    people = [Participant(name=n, country=c, titles=t) for n, c, t in WANG_NURTLEU]
    text = (
        "Wang Yi held talks with Murat Nurtleu. "
        "The two sides agreed to deepen cooperation in trade, energy and agriculture."
    )
    doc = make_doc(nlp, text, Meta(participants=people))
    records = find_commitments(doc)
    spans = list(doc.spans[ext.COMMITMENTS])
    assert len(spans) == len(records) == 3
    assert {s.label_ for s in spans} == {"trade", "energy", "agriculture"}
    for span in spans:
        assert isinstance(span._.commitment, Commitment)
        assert span._.commitment.type == span.label_
        assert span._.commitment.modality is Modality.AGREEMENT


def test_codes_follow_the_modality(nlp):
    text = (
        "Hakan Fidan met Jeyhun Bayramov in Baku. "
        "Following the meeting, the ministers signed a memorandum of understanding on energy cooperation."
    )
    r = _analyze(nlp, FIDAN_BAYRAMOV, text)
    codes = {c.type: (c.cameo, c.plover) for c in r.commitments}
    # a signing is CAMEO 057 "sign formal agreement" (PLOVER SUPPORT) for every entry it yields
    assert codes == {"agreement_signed": ("057", "SUPPORT"), "energy": ("057", "SUPPORT")}


def test_works_on_a_parse_without_readout_components(nlp):
    # a user's own pipeline: a parsed Doc with no roster and no speaker decisions
    doc = nlp.make_doc(
        "Both sides will expand cooperation in trade. China is ready to import more beef."
    )
    for name, proc in nlp.pipeline:
        if not name.startswith("readout_"):
            doc = proc(doc)
    found = {
        (c.type, c.modality.value, tuple(c.parties), tuple(c.speakers))
        for c in find_commitments(doc)
    }
    assert found == {("trade", "intent", ("CHN",), ()), ("agriculture", "intent", ("CHN",), ())}


def test_an_unparsed_doc_has_no_commitments(nlp):
    doc = nlp.make_doc("The two sides agreed to expand trade.")
    assert find_commitments(doc) == []
    assert list(doc.spans[ext.COMMITMENTS]) == []


# ---------------------------------------------------------------------------------------
# The taxonomy as data


def test_default_taxonomy_has_the_eighteen_types_with_codes():
    tax = default_taxonomy()
    assert len(tax) == 18
    for spec in tax:
        assert spec.label and spec.definition and spec.triggers
        assert spec.cameo.completed or spec.cameo.commit
    assert tax["trade"].cameo_for(Modality.INTENT) == "0311"
    assert tax["trade"].plover_for(Modality.INTENT) == "AGREE"
    assert tax["high_level_exchanges"].cameo_for(Modality.AGREEMENT) == "036"
    assert tax["agreement_signed"].cameo_for(Modality.COMPLETED) == "057"
    assert tax["agreement_signed"].plover_for(Modality.COMPLETED) == "SUPPORT"
    assert tax["security"].cameo_for(Modality.PROPOSAL) == "0212"
    assert tax["political_support"].cameo_for(Modality.SUPPORT) == "051"


def test_trigger_ids_are_unique_across_types():
    ids = [t.id for spec in default_taxonomy() for t in spec.triggers]
    assert len(ids) == len(set(ids))


def test_user_taxonomy_extends_the_default(nlp):
    tax = load_taxonomy(EXAMPLE_TAXONOMY)
    assert "maritime_cooperation" in tax and "trade" in tax
    assert len(tax) == 19
    assert {"energy.hydrogen_valley", "energy.green_ammonia"} <= {
        t.id for t in tax["energy"].triggers
    }
    assert len(tax["energy"].triggers) > 2  # the default's triggers are kept
    people = [Participant(name=n, country=c, titles=t) for n, c, t in WONG_MARSUDI]
    text = (
        "Penny Wong met Retno Marsudi. "
        "The two ministers agreed to strengthen cooperation on ocean governance and marine protected areas."
    )
    doc = make_doc(nlp, text, Meta(participants=people))
    found = {(c.type, c.modality.value, c.cameo) for c in find_commitments(doc, taxonomy=tax)}
    assert found == {("maritime_cooperation", "agreement", "0312")}


def test_user_taxonomy_can_replace_the_default(tmp_path):
    path = tmp_path / "only_mine.jsonl"
    first = EXAMPLE_TAXONOMY.read_text(encoding="utf-8").splitlines()
    path.write_text(
        "\n".join(line for line in first if "maritime_cooperation" in line and line.startswith("{"))
        + "\n"
    )
    tax = load_taxonomy(path, extend=False)
    assert set(tax.types) == {"maritime_cooperation"}
    # an extension entry alone is no type: the file must then define whole types
    with pytest.raises(TaxonomyError, match="'energy'.*label"):
        load_taxonomy(EXAMPLE_TAXONOMY, extend=False)


def test_set_default_taxonomy_is_used_and_restored(nlp):
    people = [Participant(name=n, country=c, titles=t) for n, c, t in WONG_MARSUDI]
    text = "Penny Wong met Retno Marsudi. The ministers agreed to cooperate on ocean governance."
    try:
        set_default_taxonomy(EXAMPLE_TAXONOMY)
        doc = make_doc(nlp, text, Meta(participants=people))
        assert {c.type for c in find_commitments(doc)} == {"maritime_cooperation"}
    finally:
        assert len(set_default_taxonomy(None)) == 18
    doc = make_doc(nlp, text, Meta(participants=people))
    assert {c.type for c in find_commitments(doc)} == {"strategic_partnership"}


@pytest.mark.parametrize(
    "line,message",
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "each line must be a JSON object"),
        ('{"label": "No id"}', "needs an 'id'"),
        ('{"id": "Bad-Id", "label": "x", "definition": "x", "triggers": ["x"]}', "snake_case"),
        (
            '{"id": "new_type", "label": "x", "definition": "x", "triggers": []}',
            "at least one trigger",
        ),
        (
            '{"id": "new_type", "label": "x", "definition": "x", "triggers": ["x"], "colour": "red"}',
            "colour",
        ),
        (
            '{"id": "new_type", "label": "x", "definition": "x", "triggers": ["x"], "cameo": {"commit": "3a"}}',
            "not a CAMEO code",
        ),
        (
            '{"id": "new_type", "label": "x", "definition": "x", "triggers": ["x"], "plover": {"commit": "AGREED"}}',
            "not a PLOVER event type",
        ),
        (
            '{"id": "new_type", "label": "x", "definition": "x", "triggers": [{"id": "t", "phrase": "x", "pattern": [{"LOWER": "x"}]}]}',
            "exactly one of",
        ),
        (
            '{"id": "new_type", "label": "x", "definition": "x", "triggers": ["x"], "yields_to": ["nowhere"]}',
            "unknown type 'nowhere'",
        ),
        ('{"id": "nowhere", "remove": true}', "cannot remove unknown type"),
        (
            '{"id": "new_type", "label": "x", "definition": "x", "triggers": [{"id": "t", "phrase": "x", "modalities": ["maybe"]}]}',
            "modalities",
        ),
    ],
)
def test_taxonomy_errors_name_file_line_and_entry(tmp_path, line, message):
    path = tmp_path / "mine.jsonl"
    path.write_text("// my taxonomy\n" + line + "\n", encoding="utf-8")
    with pytest.raises(TaxonomyError) as err:
        load_taxonomy(path)
    assert str(path) in str(err.value)
    assert message in str(err.value)
    if "new_type" in line or "Bad-Id" in line:
        assert ":2:" in str(err.value)


def test_bad_pattern_is_reported_with_its_trigger(nlp, tmp_path):
    path = tmp_path / "mine.jsonl"
    entry = {
        "id": "new_type",
        "label": "x",
        "definition": "x",
        "triggers": [{"id": "new_type.bad", "pattern": [{"NOT_AN_ATTR": "x"}]}],
    }
    path.write_text(json.dumps(entry) + "\n", encoding="utf-8")
    tax = load_taxonomy(path)
    with pytest.raises(TaxonomyError, match="new_type.bad"):
        tax.find(nlp.make_doc("anything"))


def test_missing_file_is_a_taxonomy_error(tmp_path):
    with pytest.raises(TaxonomyError, match="cannot read"):
        load_taxonomy(tmp_path / "absent.jsonl")


# ---------------------------------------------------------------------------------------
# The dev set: the floor of the done criteria (FORMAT.md scoring, evaluate.py)


@pytest.mark.slow
def test_dev_set_floor(gold_readouts):
    scores = []
    for name in gold_names():
        text, gold = load_gold(name)
        scores.append(score_document(gold, text, gold_readouts[name][2]))
    total = Report(documents=scores).total.scores()
    assert total["commitment_f"] >= 0.85
    assert total["party_acc"] >= 0.90
    assert total["modality_acc"] >= 0.85


def test_docs_table_matches_the_taxonomy():
    # docs/taxonomy.md lists every default type with its codes; a stale table fails here
    page = (Path(__file__).resolve().parents[1] / "docs" / "taxonomy.md").read_text(
        encoding="utf-8"
    )
    for spec in default_taxonomy():
        row = next(
            (line for line in page.splitlines() if line.startswith(f"| `{spec.id}` |")), None
        )
        assert row is not None, f"{spec.id} is missing from docs/taxonomy.md"
        codes = [spec.cameo.commit, spec.cameo.proposal, spec.cameo.support, spec.cameo.completed]
        assert " / ".join(c or "–" for c in codes) in row, spec.id
