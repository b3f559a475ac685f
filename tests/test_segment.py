"""Segmentation (segment.py): lines, paragraphs, sentences and headlines, in the genre's text.

Tables of realistic readout text from many governments' sites (written for these tests in each
site's house style), the dev gold documents as the acceptance check, and invariants on
generated inputs. Nothing here loads a spaCy model.
"""

from __future__ import annotations

import json
import re
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import GOLD_DIR, gold_names
from readout_nlp.resources import load_jsonl
from readout_nlp.segment import (
    BOILERPLATE_FILE,
    RULES,
    Layout,
    Removed,
    classify_line,
    segment_text,
    split_sentences,
)


def sentences_of(paragraph: str) -> list[str]:
    return [paragraph[a:b] for a, b in split_sentences(paragraph, 0, len(paragraph))]


def squash(s: str) -> str:
    """White space folded, so a hard-wrapped paragraph compares with its one-line form."""
    return re.sub(r"\s+", " ", s).strip()


# ---------------------------------------------------------------------------------------
# Sentences: (paragraph, expected sentences)

SENTENCES = [
    # titles before names
    (
        "Mr. Wang said the two sides should deepen cooperation. Ms. Szijjártó agreed with him.",
        [
            "Mr. Wang said the two sides should deepen cooperation.",
            "Ms. Szijjártó agreed with him.",
        ],
    ),
    (
        "External Affairs Minister Dr. Raghav Krishnamurthy met H.E. Mr. Farhod Ismoilov in "
        "Tashkent. They reviewed bilateral cooperation.",
        [
            "External Affairs Minister Dr. Raghav Krishnamurthy met H.E. Mr. Farhod Ismoilov in "
            "Tashkent.",
            "They reviewed bilateral cooperation.",
        ],
    ),
    (
        "H.E. The President of Turkmenistan received the delegation. The sides discussed gas "
        "supplies.",
        [
            "H.E. The President of Turkmenistan received the delegation.",
            "The sides discussed gas supplies.",
        ],
    ),
    (
        "Present were the Minister of Energy and Eng. Khalid Al-Faleh, Minister of Investment. "
        "The talks ended.",
        [
            "Present were the Minister of Energy and Eng. Khalid Al-Faleh, Minister of Investment.",
            "The talks ended.",
        ],
    ),
    (
        "Smt. Meenakshi Rao, Minister of State, was also present. EAM thanked the hosts.",
        ["Smt. Meenakshi Rao, Minister of State, was also present.", "EAM thanked the hosts."],
    ),
    (
        "Lt. Gen. Ahmed Khalil attended the talks. The sides agreed to hold joint exercises.",
        [
            "Lt. Gen. Ahmed Khalil attended the talks.",
            "The sides agreed to hold joint exercises.",
        ],
    ),
    # U.S., U.K., U.N.
    (
        "The Secretary reaffirmed U.S. support for Mongolia’s democracy and its third-neighbor "
        "policy. The meeting took place in Ulaanbaatar.",
        [
            "The Secretary reaffirmed U.S. support for Mongolia’s democracy and its third-neighbor "
            "policy.",
            "The meeting took place in Ulaanbaatar.",
        ],
    ),
    (
        "The Foreign Minister briefed him on Kazakhstan's dialogue with the U.S. The two "
        "ministers agreed to stay in close touch.",
        [
            "The Foreign Minister briefed him on Kazakhstan's dialogue with the U.S.",
            "The two ministers agreed to stay in close touch.",
        ],
    ),
    (
        "President Callahan welcomed the strong partnership between India and the U.S. Both "
        "leaders looked forward to the Quad summit.",
        [
            "President Callahan welcomed the strong partnership between India and the U.S.",
            "Both leaders looked forward to the Quad summit.",
        ],
    ),
    (
        "The U.K. and Kenya agreed to expand trade. The U.N. Secretary-General was briefed on "
        "the talks.",
        [
            "The U.K. and Kenya agreed to expand trade.",
            "The U.N. Secretary-General was briefed on the talks.",
        ],
    ),
    (
        "He met U.S. Secretary of State Antony J. Blinken in Washington on Tuesday.",
        ["He met U.S. Secretary of State Antony J. Blinken in Washington on Tuesday."],
    ),
    (
        "The Secretary reiterated support for the U.S.-Japan-ROK partnership. He thanked the "
        "two ministers.",
        [
            "The Secretary reiterated support for the U.S.-Japan-ROK partnership.",
            "He thanked the two ministers.",
        ],
    ),
    # numbers and abbreviations before numbers
    (
        "The leaders discussed Security Council Resolution No. 2231. Both sides agreed to "
        "remain in touch.",
        [
            "The leaders discussed Security Council Resolution No. 2231.",
            "Both sides agreed to remain in touch.",
        ],
    ),
    (
        "The call took place on Oct. 5, 2023. Both sides welcomed progress on critical minerals.",
        [
            "The call took place on Oct. 5, 2023.",
            "Both sides welcomed progress on critical minerals.",
        ],
    ),
    (
        "ASHGABAT, Sept. 12 talks covered gas. They ended in Oct. The ministers left.",
        ["ASHGABAT, Sept. 12 talks covered gas.", "They ended in Oct.", "The ministers left."],
    ),
    (
        "The delegation included approx. 40 business leaders. Bilateral trade reached US$ 43.5 "
        "billion in 2024, up 1.5 percent year on year.",
        [
            "The delegation included approx. 40 business leaders.",
            "Bilateral trade reached US$ 43.5 billion in 2024, up 1.5 percent year on year.",
        ],
    ),
    (
        "The two sides signed 12 documents. 2025 marks the 30th anniversary of diplomatic "
        "relations.",
        [
            "The two sides signed 12 documents.",
            "2025 marks the 30th anniversary of diplomatic relations.",
        ],
    ),
    (
        "India extended a line of credit of Rs. 500 crore. The U.A.E. delegation attended. "
        "The U.A.E. The two sides agreed.",
        [
            "India extended a line of credit of Rs. 500 crore.",
            "The U.A.E. delegation attended.",
            "The U.A.E.",
            "The two sides agreed.",
        ],
    ),
    (
        "The President met Senator Tim Kaine Jr. at the White House in Washington, D.C. They "
        "discussed Ukraine.",
        [
            "The President met Senator Tim Kaine Jr. at the White House in Washington, D.C.",
            "They discussed Ukraine.",
        ],
    ),
    # places and initials
    (
        "The forum will be held in St. Petersburg in June. Minister Belyakov invited his "
        "counterpart to attend.",
        [
            "The forum will be held in St. Petersburg in June.",
            "Minister Belyakov invited his counterpart to attend.",
        ],
    ),
    (
        "The informal CIS summit will take place in St Petersburg. The leaders will meet there.",
        [
            "The informal CIS summit will take place in St Petersburg.",
            "The leaders will meet there.",
        ],
    ),
    (
        "B. Saidov underlined that Uzbekistan counts on an early launch of the railway. "
        "I. Dar agreed.",
        [
            "B. Saidov underlined that Uzbekistan counts on an early launch of the railway.",
            "I. Dar agreed.",
        ],
    ),
    (
        "Secretary of State Antony J. Blinken spoke today with Foreign Minister M. Nurtleu. The "
        "Secretary thanked him.",
        [
            "Secretary of State Antony J. Blinken spoke today with Foreign Minister M. Nurtleu.",
            "The Secretary thanked him.",
        ],
    ),
    # times
    (
        "On April 2, commencing at 11:15 a.m. (local time) for approximately 30 minutes, "
        "Mr. IWAYA Takeshi held a telephone talk with Mr. Lammy. The two ministers confirmed "
        "their commitment.",
        [
            "On April 2, commencing at 11:15 a.m. (local time) for approximately 30 minutes, "
            "Mr. IWAYA Takeshi held a telephone talk with Mr. Lammy.",
            "The two ministers confirmed their commitment.",
        ],
    ),
    (
        "The talks began at 10 a.m. The leaders then met the press at 1 p.m. Beijing time.",
        ["The talks began at 10 a.m.", "The leaders then met the press at 1 p.m. Beijing time."],
    ),
    # e.g., i.e., etc.
    (
        "They discussed regional bodies, e.g. the SCO and CICA, and Afghanistan. They agreed to "
        "meet in Astana.",
        [
            "They discussed regional bodies, e.g. the SCO and CICA, and Afghanistan.",
            "They agreed to meet in Astana.",
        ],
    ),
    (
        "The ministers discussed the hotspots, i.e. Gaza and Ukraine. They agreed to consult.",
        ["The ministers discussed the hotspots, i.e. Gaza and Ukraine.", "They agreed to consult."],
    ),
    (
        "They discussed trade, energy, transport, etc. Kazakhstan is ready to expand exports.",
        ["They discussed trade, energy, transport, etc.", "Kazakhstan is ready to expand exports."],
    ),
    (
        "Huawei Technologies Co., Ltd. and China Energy Engineering Corp. signed contracts.",
        ["Huawei Technologies Co., Ltd. and China Energy Engineering Corp. signed contracts."],
    ),
    # quotation marks and brackets
    (
        "“We will never accept this,” the Prime Minister said. “The UK stands with Ukraine.” "
        "The leaders agreed to speak again soon.",
        [
            "“We will never accept this,” the Prime Minister said.",
            "“The UK stands with Ukraine.”",
            "The leaders agreed to speak again soon.",
        ],
    ),
    (
        'He said China is ready to advance the "Two Countries, Twin Parks" project. "We '
        'welcome it," Zhou said.',
        [
            'He said China is ready to advance the "Two Countries, Twin Parks" project.',
            '"We welcome it," Zhou said.',
        ],
    ),
    (
        "The leaders welcomed the agreement (signed in 2023). They agreed to review it.",
        ["The leaders welcomed the agreement (signed in 2023).", "They agreed to review it."],
    ),
    (
        "Is this the right moment? The Minister believed it was. He said so!  The talks ended.",
        [
            "Is this the right moment?",
            "The Minister believed it was.",
            "He said so!",
            "The talks ended.",
        ],
    ),
    # ellipses
    (
        "Cooperation covers energy, transport, agriculture … The sides agreed to expand it.",
        ["Cooperation covers energy, transport, agriculture …", "The sides agreed to expand it."],
    ),
    (
        "Cooperation covers energy, transport, agriculture... The sides agreed to expand it.",
        ["Cooperation covers energy, transport, agriculture...", "The sides agreed to expand it."],
    ),
    # a missing space after a full stop (pasted web text); web addresses are not ends
    (
        "Both sides agreed to deepen cooperation.The two sides also exchanged views on "
        "Afghanistan.",
        [
            "Both sides agreed to deepen cooperation.",
            "The two sides also exchanged views on Afghanistan.",
        ],
    ),
    (
        "The full text is on www.gov.uk/Government and mfa.gov.kz/About today.",
        ["The full text is on www.gov.uk/Government and mfa.gov.kz/About today."],
    ),
    # numbered lists inside a paragraph: the number is outside the sentence
    (
        "The two sides agreed on the following: 1. To expand trade. 2. To deepen energy "
        "cooperation.",
        [
            "The two sides agreed on the following: 1. To expand trade.",
            "To deepen energy cooperation.",
        ],
    ),
    (
        "Both sides reaffirmed their partnership. 2. The Kazakh side reiterated its position.",
        ["Both sides reaffirmed their partnership.", "The Kazakh side reiterated its position."],
    ),
    (
        "The sides agreed (1) to expand trade; (2) to deepen connectivity; and (3) to meet again.",
        [
            "The sides agreed (1) to expand trade; (2) to deepen connectivity; and (3) to meet again."
        ],
    ),
    # spaces that are not plain spaces
    (
        "The Secretary met H.E.\u00a0Mr.\u00a0Ismoilov.\u00a0The two sides discussed trade.",
        ["The Secretary met H.E.\u00a0Mr.\u00a0Ismoilov.", "The two sides discussed trade."],
    ),
    (
        "They agreed to stay in touch.\u200bThe leaders also discussed Gaza.",
        ["They agreed to stay in touch.", "The leaders also discussed Gaza."],
    ),
    (
        "They agreed to stay in touch.\u202fThe leaders also discussed Gaza.\t",
        ["They agreed to stay in touch.", "The leaders also discussed Gaza."],
    ),
    # lower case after a full stop is not a new sentence
    ("Trade rose 3 p.c. in the first quarter.", ["Trade rose 3 p.c. in the first quarter."]),
    ("The Secretary reaffirmed U.S. support.", ["The Secretary reaffirmed U.S. support."]),
    ("", []),
]


@pytest.mark.parametrize(("paragraph", "expected"), SENTENCES)
def test_sentences(paragraph: str, expected: list[str]) -> None:
    assert sentences_of(paragraph) == expected


def test_split_sentences_keeps_offsets_into_the_whole_text() -> None:
    text = "Headline\n\nThe two sides met. They agreed."
    start = text.index("The")
    spans = split_sentences(text, start, len(text))
    assert [text[a:b] for a, b in spans] == ["The two sides met.", "They agreed."]


# ---------------------------------------------------------------------------------------
# Lines: (line, expected (kind, rule) or None for body/short lines)

B, D, C, W = Removed.BOILERPLATE, Removed.DATE, Removed.CAPTION, Removed.WRAPPER
LINES = [
    # navigation
    ("Home\u00a0>\u00a0China News", B),
    ("Home › Briefing Room › Statements and Releases", B),
    ("Media Center > Press Releases", B),
    ("Home / Press center / News", B),
    ("中文 | Français | Русский | Español", B),
    ("<Suggest To A Friend>", B),
    ("【打印】 【关闭】", B),
    ("【Print】【Close】", B),
    ("Print", B),
    ("Share:", B),
    ("Share this page", B),
    ("Page Top", B),
    ("Japanese", B),
    ("READOUT", B),
    ("OFFICE OF THE SPOKESPERSON", B),
    ("Press releases", B),
    ("Media Releases", B),
    ("Is this page useful?", B),
    ("###", B),
    ("-ENDS-", B),
    ("*   *   *", B),  # between a Kremlin readout and its transcript, however spaced
    (".   .   .   .", B),  # above a Singapore MFA release's signature
    ("⁂", B),
    ("Source: Xinhua | 2025-03-03 20:16:42 | Editor: huaxia", B),
    ("Source: U.S. Department of State", B),
    ("Editor: Zhang Long", B),
    ("(Web editor: Zhang Kaiwei, Liang Jun)", B),
    ("From: Prime Minister's Office, 10 Downing Street and The Rt Hon Oliver Pemberton MP", B),
    ("Geography: Kyrgyzstan", B),
    ("Persons: Osmonov Azamat, Sedov Vladimir", B),
    ("By Li Ming and Wang Hao", B),
    ("1015-21-05-2024", B),
    ("Press Release No. 123", B),
    ("Ministry of Foreign Affairs of the Republic of Kazakhstan", B),
    ("The Ministry of Foreign Affairs of the Russian Federation", B),
    ("Embassy of the People’s Republic of China in the Federal Democratic Republic of Ethiopia", B),
    ("Government of India", B),
    ("President of Russia", B),
    ("THE WHITE HOUSE", B),
    ("Federal Foreign Office", B),
    ("EEAS Press Team", B),
    ("Press and information team of the Delegation to KAZAKHSTAN", B),
    ("© 2025 Ministry of Foreign Affairs of Japan", B),
    ("Skip to main content", B),
    # notes and footers
    (
        "The following press release was published by the U.S. Department of State on Oct. 5, "
        "2023. It is reproduced in full below.",
        B,
    ),
    ("(Unofficial translation)", B),
    ("※ Unofficial translation", B),  # a footnote mark before it (Korea MOFA)
    ("* Courtesy translation", B),
    ("Tags", B),
    ("Related Links", B),
    ("Related content", B),
    ("Publication status", B),
    # dates
    ("Updated: March 14, 2025 21:37", D),
    # a publishing ministry before the stamp (Hungary's government portal)
    ("Ministry of Foreign Affairs and Trade, May 14, 2025 4:32 PM", D),
    ("Department of Foreign Affairs, 3 June 2025, 10:15", D),
    ("2024-01-10 08:42", D),
    ("2019/05/22", D),
    ("20\u00a0May\u00a02025 19:40", D),
    ("Published 14\u00a0May 2024", D),
    ("JUNE 12, 2024", D),
    ("Brussels, 05/03/2024 - 18:21", D),
    ("05.03.2024", D),
    ("Brussels, 14/05/2024 - 15:30, UNIQUE ID: 240514_5", D),
    ("Tuesday, 14 May 2024", D),
    ("May 20, 2025 - Ottawa, Ontario - Global Affairs Canada", D),  # date, place, publisher
    ("Xinhua) 10:02, September 13, 2023", D),
    ("Publication date: October 7, 2022, 15:40", D),
    ("15:40", D),
    ("2024年5月14日", D),
    # captions
    ("(Photo) Foreign Minister Kamiya shakes hands with Mr. Zhou Wenbin", C),
    (
        "Chinese President Huang Zhenyu meets with Kazakh Prime Minister Nurlan Zhaksylykov in "
        "Beijing, March 3, 2025. (Xinhua/Yin Bogu)",
        C,
    ),
    ("Foreign Minister Wang Yi meets Indonesian Foreign Minister in Jakarta. [Photo/Xinhua]", C),
    ("Photo: MEA", C),
    # wrappers
    ("The below is attributable to Spokesperson Matthew Miller:", W),
    ("The following is attributable to Spokesperson Elena Brooks:", W),
    ("A Downing Street spokesperson said:", W),
    ("A UK Government spokesperson said:", W),
    ("A Foreign, Commonwealth & Development Office spokesperson said:", W),
    ("Following is the text of the readout:", W),
    # body lines and headlines stay
    ("The two sides agreed to deepen cooperation in trade and energy.", None),
    ("Wang Yi Holds Talks with Foreign Minister Beibut Atamkulov of Kazakhstan", None),
    ("Ministry of Foreign Affairs Spokesperson Holds Regular Press Conference", None),
    ("President of Russia Vladimir Putin held talks with the President of Kyrgyzstan", None),
    ("Next steps were discussed.", None),
    ("The Home Secretary and the Minister discussed migration and border security.", None),
    ("Ministry of Foreign Affairs of the Republic of Kazakhstan and the", None),
    ("Both sides support the UN, the SCO and CICA | a phrase with bars in it.", None),
    ("Tags were attached to the shipments, the Minister said.", None),
    ("14 May 2024 – Secretary Bautista Meets Japanese Foreign Minister", None),  # a headline
    ("1. Overall Japan-China relations", None),
    ("Tashkent", None),
    # a breadcrumb trail pasted without its separators, the headline after it
    ("Home News Releases Minister Okafor Meets Ghanaian Counterpart", B),
    ("Home Secretary Meets French Interior Minister", None),
    # a date stamp with a dangling dash (NATO)
    ("17 Feb. 2025 -", D),
]


@pytest.mark.parametrize(("line", "expected"), LINES)
def test_line_classes(line: str, expected: Removed | None) -> None:
    got = classify_line(line)
    assert (got[0] if got else None) == expected, got


def test_every_data_rule_has_an_id_a_kind_and_a_note() -> None:
    entries = load_jsonl(BOILERPLATE_FILE)
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    for e in entries:
        assert e["kind"] in {"nav", "note", "footer", "caption", "wrapper"}, e
        assert e["note"], e
        re.compile(e["pattern"])


# ---------------------------------------------------------------------------------------
# Paragraphs: (document, expected paragraph texts). Hard-wrapped documents compare with
# white space folded.

CN_MFA = """Home > China News
Wang Yi Holds Talks with Foreign Minister Mukhtar Tileuberdi of Kazakhstan


On 12 September 2022, State Councilor and Foreign Minister Wang Yi held talks with Foreign \
Minister Mukhtar Tileuberdi of Kazakhstan in Beijing.

Wang Yi said that China and Kazakhstan are permanent comprehensive strategic partners. \
The Chinese side is willing to work with Kazakhstan to implement the consensus.

<Suggest To A Friend>
【打印】 【关闭】
"""

XINHUA = """Home > World
Xi meets Uzbek president
Source: Xinhua | 2024-07-03 20:16:42 | Editor: huaxia

Chinese President Xi Jinping meets with Uzbek President Shavkat Mirziyoyev in Astana, \
Kazakhstan, July 3, 2024. (Xinhua/Li Xueren)

ASTANA, July 3 (Xinhua) -- Chinese President Xi Jinping met with Uzbek President Shavkat \
Mirziyoyev on Wednesday on the sidelines of the SCO summit.

Xi said China is ready to work with Uzbekistan to advance the China-Kyrgyzstan-Uzbekistan \
railway project.
"""

STATE = """Home › Office of the Spokesperson › Press Releases
Secretary Blinken’s Meeting with Kazakhstani Foreign Minister Nurtleu
READOUT
OFFICE OF THE SPOKESPERSON
SEPTEMBER 19, 2023
Share

The below is attributable to Spokesperson Matthew Miller:

Secretary of State Antony J. Blinken met today with Kazakhstani Deputy Prime Minister and \
Foreign Minister Murat Nurtleu in New York.

The Secretary reaffirmed U.S. support for Kazakhstan’s sovereignty. The two discussed the \
C5+1 summit.

Tags
Bureau of South and Central Asian Affairs
Kazakhstan
The Secretary of State
"""

STATE_RUN_IN = """Secretary’s Call with Foreign Minister Saidov

The below is attributable to Spokesperson Matthew Miller: Secretary Blinken spoke today with \
Uzbek Foreign Minister Bakhtiyor Saidov. The Secretary thanked him for Uzbekistan’s partnership.

They discussed regional connectivity.
"""

UK_QUOTED = """Press release
PM call with President Ruto of Kenya: 14 May 2024
From: Prime Minister's Office, 10 Downing Street
Published 14 May 2024

A Downing Street spokesperson said:

“The Prime Minister spoke to President Ruto of Kenya this afternoon.

“He thanked the President for Kenya’s leadership in Haiti.

“The leaders agreed to speak again soon.”

Share this page
"""

UK_RUN_IN = """PM meeting with Chancellor Scholz: 5 June 2024

A Downing Street spokesperson said: “The Prime Minister met Chancellor Scholz in Berlin today. \
The leaders agreed to deepen defence cooperation.”
"""

UK_SINGLE = """Press release
Foreign Secretary meeting with Indian External Affairs Minister: 12 March 2024
From: Foreign, Commonwealth & Development Office
Published 12 March 2024
The Foreign Secretary met the External Affairs Minister of India in London today.
They discussed the UK-India free trade agreement and agreed to conclude negotiations soon.
The Foreign Secretary raised the situation in the Red Sea.
Share this page
Related content
Foreign Secretary visit to India: March 2024
"""

KREMLIN = """President of Russia
Events

Telephone conversation with President of Tajikistan Emomali Rahmon
October 5, 2023
14:30

Vladimir Putin had a telephone conversation with President of Tajikistan Emomali Rahmon.

The leaders discussed current issues of bilateral cooperation. They agreed to meet in \
St Petersburg.

Publication status
Published in sections: News, Transcripts
Publication date: October 5, 2023, 14:30
Geography: Tajikistan
"""

KREMLIN_MEETING = """President of Russia

Meeting with President of Kazakhstan Kassym-Jomart Tokayev
Vladimir Putin met with President of Kazakhstan Kassym-Jomart Tokayev, who is in Russia on a \
working visit.
November 9, 2023
15:00
The Kremlin, Moscow

The leaders discussed trade and economic cooperation.
"""

JAPAN = """Japan-Korea Relations

Japan-ROK Foreign Ministers’ Meeting

May 13, 2024
Japanese

(Photo) Japan-ROK Foreign Ministers’ Meeting

On May 13, commencing at 6:00 p.m. (local time) for approximately 80 minutes, Mr. KAMIKAWA \
Yoko, Minister for Foreign Affairs of Japan, held a meeting with H.E. Mr. CHO Tae-yul.

1. Bilateral relations

(1) Minister Kamikawa stated that Japan and the ROK are important neighbours.

(2) The two ministers confirmed close communication.

2. Regional situation

The two ministers exchanged views on North Korea.

Page Top

Related Links
Japan-Korea Relations
"""

INDIA = """Ministry of External Affairs
Government of India

Media Center > Press Releases

Visit of External Affairs Minister to Kyrgyzstan (May 10-11, 2024)

May 11, 2024

External Affairs Minister paid an official visit to Bishkek on 10-11 May 2024.

2. EAM held talks with Foreign Minister of the Kyrgyz Republic H.E. Mr. Jeenbek Kulubaev. \
They reviewed bilateral cooperation.

3. The two Ministers exchanged views on regional issues.

Bishkek
May 11, 2024
"""

KZ_MFA = """Ministry of Foreign Affairs of the Republic of Kazakhstan

Press releases

Kazakhstan and Uzbekistan discuss water and energy cooperation

14 May 2024 17:25

Astana, 14 May 2024 – Minister of Foreign Affairs of Kazakhstan Murat Nurtleu held talks \
with Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov.

The parties discussed the joint use of transboundary rivers.

Share:
Print
"""

TASS = """Putin, Tokayev discuss energy cooperation by phone

MOSCOW, October 5. /TASS/. Russian President Vladimir Putin and Kazakh President \
Kassym-Jomart Tokayev discussed energy cooperation in a phone call, the Kremlin said.

The leaders agreed to keep in touch.
"""

WHITE_HOUSE_DATELINE = """Readout of President Biden’s Meeting with President Lula of Brazil

WASHINGTON — President Biden met today with President Luiz Inácio Lula da Silva of Brazil. \
The leaders discussed the climate crisis.

ASEAN – China relations were also discussed by the two leaders at length.

###
"""

DFAT = """Media release

Meeting with Indonesian Foreign Minister

15 July 2024

Today I met Indonesia’s Minister for Foreign Affairs, Retno Marsudi, in Jakarta.

We agreed to strengthen cooperation on climate and energy transition.

Media enquiries
"""

TURKIYE = """No: 95, 30 April 2024
Press Release Regarding the Visit of Foreign Minister Hakan Fidan to Kazakhstan

Foreign Minister Hakan Fidan paid an official visit to Astana on 29-30 April 2024.

During the visit, the two ministers signed a joint action plan.
"""

BULLETS = """Joint press release after the talks

The two sides agreed:

- to expand trade in agricultural products;
- to deepen cooperation in renewable energy.

• The next meeting will be held in Tashkent.
"""

NO_TITLE = """The Foreign Minister met his Kyrgyz counterpart in Bishkek today. They discussed \
border delimitation.

The two ministers agreed to meet again in Astana."""

ONE_LINE = "The two foreign ministers met in Astana today and agreed to expand trade."

BLOCK = """Readout of the Ministers’ Meeting

The ministers met in Geneva today.
They agreed to resume the strategic dialogue.

Both sides also discussed Ukraine.
"""

KOREA = """Press Releases
Outcome of Foreign Minister’s Meeting with Chinese Foreign Minister
Date
2024-05-13
Hits
1523

1. Minister of Foreign Affairs Cho Tae-yul held a meeting with Minister of Foreign Affairs of \
the People’s Republic of China Wang Yi in Beijing on May 13, from 4:00 p.m. to 6:00 p.m. (local \
time).

2. The two ministers agreed to hold the Korea-Japan-China summit at an early date.

  * Foreign Minister Cho invited Foreign Minister Wang to visit Korea.

Prev: Minister of Foreign Affairs Attends ASEAN Regional Forum
Next: Vice Minister Holds Consultations with Japan
"""

GERMANY = """Auswärtiges Amt
Article
14.05.2024 - Press release

Foreign Minister Baerbock meets Kazakh Foreign Minister Nurtleu

Foreign Minister Annalena Baerbock met the Minister of Foreign Affairs of Kazakhstan, Murat \
Nurtleu, in Berlin today.

Baerbock said: “Kazakhstan is an important partner for Germany and the EU.”

Keywords
Kazakhstan
Central Asia
"""

PIB = """Ministry of External Affairs
Posted On: 14 MAY 2024 5:25PM by PIB Delhi

India-Uzbekistan Joint Statement on the visit of the Prime Minister of Uzbekistan

The two Prime Ministers held talks in a warm and friendly atmosphere. They agreed:

a) to expand bilateral trade to US$ 1 billion by 2026;
b) to operationalise the International North-South Transport Corridor;

The two sides signed the following documents:
- Agreement on Cooperation in Agriculture
- MoU on Cooperation in Health

*****
(Release ID: 2020401)
"""

EEAS_SIGNED = """Statement by the High Representative following his meeting with the Foreign Minister \
of Uzbekistan
14.05.2024
EEAS Press Team

Brussels, 14/05/2024 - 15:30

Today I met with the Minister of Foreign Affairs of Uzbekistan, Bakhtiyor Saidov.

I also raised the issue of circumvention of sanctions.
Peter Stano
Lead Spokesperson for Foreign Affairs and Security Policy
+32 (0)460 75 45 53
"""

AKORDA_MIXED = """Head of State Kassym-Jomart Tokayev receives Minister of Foreign Affairs of China

14 May 2024

The President of Kazakhstan was informed about the results of the talks.

Kassym-Jomart Tokayev noted the high level of Kazakh-Chinese relations.
The Head of State emphasized the importance of implementing the agreements reached.
Wang Yi conveyed warm greetings from President Xi Jinping.
"""

# Headlines of 25 words and more, in Title Case and without a full stop: headlines, not
# paragraphs that lost their full stop (Türkiye MFA, Singapore MFA, a Chinese embassy).
TURKIYE_LONG = """REPUBLIC OF TÜRKİYE
MINISTRY OF FOREIGN AFFAIRS
Home / Press Releases

No: 87, 12 May 2025, Press Release Regarding the Meeting of Minister of Foreign Affairs \
Selim Arslan with the Minister of Foreign Affairs of Georgia Nino Beridze in Ankara

Minister of Foreign Affairs Selim Arslan met today in Ankara with Nino Beridze, Minister of \
Foreign Affairs of Georgia.

The Ministers discussed the Baku-Tbilisi-Kars railway and energy projects in the region.
"""

SINGAPORE_LONG = """Ministry of Foreign Affairs Singapore

MFA Press Release: Meeting between Minister for Foreign Affairs Dr Edwin Tan and Malaysian \
Minister of Foreign Affairs Dato' Seri Hasan Rahim in Putrajaya, 7 January 2025

07 Jan 2025

Minister for Foreign Affairs Dr Edwin Tan met Malaysian Minister of Foreign Affairs Dato' Seri \
Hasan Rahim in Putrajaya today.

The Ministers welcomed the progress of the Johor-Singapore Special Economic Zone.

.  .  .  .  .

MINISTRY OF FOREIGN AFFAIRS
SINGAPORE
7 JANUARY 2025
"""

EMBASSY_LONG = """Embassy of the People's Republic of China in the Republic of Kazakhstan
Home > Embassy News

Vice Minister of Agriculture and Rural Affairs Ma Lin and Kazakh Vice Minister of Agriculture \
Yerlan Sadykov Co-chair the 5th Meeting of the China-Kazakhstan Agricultural Cooperation \
Subcommittee

2025/04/10

On April 9, 2025, Vice Minister of Agriculture and Rural Affairs of China Ma Lin and Vice \
Minister of Agriculture of the Republic of Kazakhstan Yerlan Sadykov co-chaired the 5th meeting \
of the Agricultural Cooperation Subcommittee in Astana.

Ma Lin said that China is ready to import more high-quality Kazakh wheat.
"""

# The Kremlin: a sub-headline with a full stop under the dateline ("With ..."), and stars
# between the readout and the transcript.
KREMLIN_STANDFIRST = """President of Russia
Events

Russian-Indian talks

Vladimir Putin held talks in the Kremlin with Prime Minister of India Narendra Modi, who is \
in Russia on an official visit.

July 9, 2024
13:00
The Kremlin, Moscow

With Prime Minister of India Narendra Modi.

The talks began in a restricted format and continued with the delegations.

* * * *

Beginning of Russian-Indian talks in restricted format

Vladimir Putin: Thank you.

Dear friends, I am glad to welcome you to Moscow.
"""

KOREA_FOOTNOTE = """Ministry of Foreign Affairs, Republic of Korea

Outcome of Korea-Japan Vice Foreign Ministerial Strategic Dialogue

Date : 2025-03-04

First Vice Minister of Foreign Affairs Park Yoon-ho held the Korea-Japan Vice Foreign \
Ministerial Strategic Dialogue with Japanese Vice-Minister for Foreign Affairs Funakoshi \
Takehiro in Seoul on March 4.

Vice Minister Park said that the two countries should build on the momentum of improved \
relations.

※ Unofficial translation
"""

PDF_COPY = """Press release on the talks

On 5 May, Minister of Foreign Affairs of Tajikistan Sirojiddin Muhriddin held talks with
Foreign Minister of Azerbaijan Jeyhun Bayramov in Dushanbe.

The ministers discussed the agenda of bilateral cooperation.
"""

PARAGRAPHS = [
    (
        TURKIYE_LONG,
        [
            "Minister of Foreign Affairs Selim Arslan met today in Ankara with Nino Beridze, "
            "Minister of Foreign Affairs of Georgia.",
            "The Ministers discussed the Baku-Tbilisi-Kars railway and energy projects in the "
            "region.",
        ],
    ),
    (
        SINGAPORE_LONG,
        [
            "Minister for Foreign Affairs Dr Edwin Tan met Malaysian Minister of Foreign Affairs "
            "Dato' Seri Hasan Rahim in Putrajaya today.",
            "The Ministers welcomed the progress of the Johor-Singapore Special Economic Zone.",
        ],
    ),
    (
        EMBASSY_LONG,
        [
            "On April 9, 2025, Vice Minister of Agriculture and Rural Affairs of China Ma Lin and "
            "Vice Minister of Agriculture of the Republic of Kazakhstan Yerlan Sadykov co-chaired "
            "the 5th meeting of the Agricultural Cooperation Subcommittee in Astana.",
            "Ma Lin said that China is ready to import more high-quality Kazakh wheat.",
        ],
    ),
    (
        KREMLIN_STANDFIRST,
        [
            "Vladimir Putin held talks in the Kremlin with Prime Minister of India Narendra Modi, "
            "who is in Russia on an official visit.",
            "The talks began in a restricted format and continued with the delegations.",
            "Vladimir Putin: Thank you.",
            "Dear friends, I am glad to welcome you to Moscow.",
        ],
    ),
    (
        KOREA_FOOTNOTE,
        [
            "First Vice Minister of Foreign Affairs Park Yoon-ho held the Korea-Japan Vice "
            "Foreign Ministerial Strategic Dialogue with Japanese Vice-Minister for Foreign "
            "Affairs Funakoshi Takehiro in Seoul on March 4.",
            "Vice Minister Park said that the two countries should build on the momentum of "
            "improved relations.",
        ],
    ),
    (
        CN_MFA,
        [
            "On 12 September 2022, State Councilor and Foreign Minister Wang Yi held talks with "
            "Foreign Minister Mukhtar Tileuberdi of Kazakhstan in Beijing.",
            "Wang Yi said that China and Kazakhstan are permanent comprehensive strategic "
            "partners. The Chinese side is willing to work with Kazakhstan to implement the "
            "consensus.",
        ],
    ),
    (
        XINHUA,
        [
            "Chinese President Xi Jinping met with Uzbek President Shavkat Mirziyoyev on "
            "Wednesday on the sidelines of the SCO summit.",
            "Xi said China is ready to work with Uzbekistan to advance the "
            "China-Kyrgyzstan-Uzbekistan railway project.",
        ],
    ),
    (
        STATE,
        [
            "Secretary of State Antony J. Blinken met today with Kazakhstani Deputy Prime "
            "Minister and Foreign Minister Murat Nurtleu in New York.",
            "The Secretary reaffirmed U.S. support for Kazakhstan’s sovereignty. The two "
            "discussed the C5+1 summit.",
        ],
    ),
    (
        STATE_RUN_IN,
        [
            "Secretary Blinken spoke today with Uzbek Foreign Minister Bakhtiyor Saidov. The "
            "Secretary thanked him for Uzbekistan’s partnership.",
            "They discussed regional connectivity.",
        ],
    ),
    (
        UK_QUOTED,
        [
            "The Prime Minister spoke to President Ruto of Kenya this afternoon.",
            "He thanked the President for Kenya’s leadership in Haiti.",
            "The leaders agreed to speak again soon.”",
        ],
    ),
    (
        UK_RUN_IN,
        [
            "The Prime Minister met Chancellor Scholz in Berlin today. The leaders agreed to "
            "deepen defence cooperation.”",
        ],
    ),
    (
        UK_SINGLE,
        [
            "The Foreign Secretary met the External Affairs Minister of India in London today.",
            "They discussed the UK-India free trade agreement and agreed to conclude "
            "negotiations soon.",
            "The Foreign Secretary raised the situation in the Red Sea.",
        ],
    ),
    (
        KREMLIN,
        [
            "Vladimir Putin had a telephone conversation with President of Tajikistan Emomali "
            "Rahmon.",
            "The leaders discussed current issues of bilateral cooperation. They agreed to meet "
            "in St Petersburg.",
        ],
    ),
    (
        KREMLIN_MEETING,
        [
            "Vladimir Putin met with President of Kazakhstan Kassym-Jomart Tokayev, who is in "
            "Russia on a working visit.",
            "The leaders discussed trade and economic cooperation.",
        ],
    ),
    (
        JAPAN,
        [
            "On May 13, commencing at 6:00 p.m. (local time) for approximately 80 minutes, "
            "Mr. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, held a meeting with "
            "H.E. Mr. CHO Tae-yul.",
            "Minister Kamikawa stated that Japan and the ROK are important neighbours.",
            "The two ministers confirmed close communication.",
            "The two ministers exchanged views on North Korea.",
        ],
    ),
    (
        INDIA,
        [
            "External Affairs Minister paid an official visit to Bishkek on 10-11 May 2024.",
            "EAM held talks with Foreign Minister of the Kyrgyz Republic H.E. Mr. Jeenbek "
            "Kulubaev. They reviewed bilateral cooperation.",
            "The two Ministers exchanged views on regional issues.",
        ],
    ),
    (
        KZ_MFA,
        [
            "Minister of Foreign Affairs of Kazakhstan Murat Nurtleu held talks with Minister of "
            "Foreign Affairs of Uzbekistan Bakhtiyor Saidov.",
            "The parties discussed the joint use of transboundary rivers.",
        ],
    ),
    (
        TASS,
        [
            "Russian President Vladimir Putin and Kazakh President Kassym-Jomart Tokayev "
            "discussed energy cooperation in a phone call, the Kremlin said.",
            "The leaders agreed to keep in touch.",
        ],
    ),
    (
        WHITE_HOUSE_DATELINE,
        [
            "President Biden met today with President Luiz Inácio Lula da Silva of Brazil. The "
            "leaders discussed the climate crisis.",
            "ASEAN – China relations were also discussed by the two leaders at length.",
        ],
    ),
    (
        DFAT,
        [
            "Today I met Indonesia’s Minister for Foreign Affairs, Retno Marsudi, in Jakarta.",
            "We agreed to strengthen cooperation on climate and energy transition.",
        ],
    ),
    (
        TURKIYE,
        [
            "Foreign Minister Hakan Fidan paid an official visit to Astana on 29-30 April 2024.",
            "During the visit, the two ministers signed a joint action plan.",
        ],
    ),
    (
        BULLETS,
        [
            "The two sides agreed:",
            "to expand trade in agricultural products;",
            "to deepen cooperation in renewable energy.",
            "The next meeting will be held in Tashkent.",
        ],
    ),
    (
        NO_TITLE,
        [
            "The Foreign Minister met his Kyrgyz counterpart in Bishkek today. They discussed "
            "border delimitation.",
            "The two ministers agreed to meet again in Astana.",
        ],
    ),
    (
        KOREA,
        [
            "Minister of Foreign Affairs Cho Tae-yul held a meeting with Minister of Foreign "
            "Affairs of the People’s Republic of China Wang Yi in Beijing on May 13, from 4:00 "
            "p.m. to 6:00 p.m. (local time).",
            "The two ministers agreed to hold the Korea-Japan-China summit at an early date.",
            "Foreign Minister Cho invited Foreign Minister Wang to visit Korea.",
        ],
    ),
    (
        GERMANY,
        [
            "Foreign Minister Annalena Baerbock met the Minister of Foreign Affairs of "
            "Kazakhstan, Murat Nurtleu, in Berlin today.",
            "Baerbock said: “Kazakhstan is an important partner for Germany and the EU.”",
        ],
    ),
    (
        PIB,
        [
            "The two Prime Ministers held talks in a warm and friendly atmosphere. They agreed:",
            "to expand bilateral trade to US$ 1 billion by 2026;",
            "to operationalise the International North-South Transport Corridor;",
            "The two sides signed the following documents:",
            "Agreement on Cooperation in Agriculture",
            "MoU on Cooperation in Health",
        ],
    ),
    (
        EEAS_SIGNED,
        [
            "Today I met with the Minister of Foreign Affairs of Uzbekistan, Bakhtiyor Saidov.",
            "I also raised the issue of circumvention of sanctions.",
        ],
    ),
    (
        AKORDA_MIXED,
        [
            "The President of Kazakhstan was informed about the results of the talks.",
            "Kassym-Jomart Tokayev noted the high level of Kazakh-Chinese relations.",
            "The Head of State emphasized the importance of implementing the agreements reached.",
            "Wang Yi conveyed warm greetings from President Xi Jinping.",
        ],
    ),
    (
        PDF_COPY,
        [
            "On 5 May, Minister of Foreign Affairs of Tajikistan Sirojiddin Muhriddin held talks "
            "with\nForeign Minister of Azerbaijan Jeyhun Bayramov in Dushanbe.",
            "The ministers discussed the agenda of bilateral cooperation.",
        ],
    ),
    (ONE_LINE, [ONE_LINE]),
    (
        BLOCK,
        [
            "The ministers met in Geneva today.\nThey agreed to resume the strategic dialogue.",
            "Both sides also discussed Ukraine.",
        ],
    ),
    ("", []),
    ("Print\nShare\n", []),
    (  # a readout quoted whole by the portal relaying it: the opening mark is the wrapper's
        "Kyrgyzstan and Kazakhstan to expand trade\n\n"
        "Foreign Minister of Kyrgyzstan Aibek Toktogulov held talks with his Kazakh counterpart."
        "\n\n«The ministers discussed water and energy issues. The Kyrgyz side proposed holding "
        "the next meeting in Bishkek,» the press service of the Foreign Ministry reported.\n",
        [
            "Foreign Minister of Kyrgyzstan Aibek Toktogulov held talks with his Kazakh counterpart.",
            "The ministers discussed water and energy issues. The Kyrgyz side proposed holding the "
            "next meeting in Bishkek,» the press service of the Foreign Ministry reported.",
        ],
    ),
    (  # a participant's own words are a quotation proper and keep their mark
        "Kyrgyzstan and Kazakhstan to expand trade\n\n"
        "Foreign Minister of Kyrgyzstan Aibek Toktogulov held talks with his Kazakh counterpart."
        "\n\n“Our countries are close partners,” Minister Toktogulov said.\n",
        [
            "Foreign Minister of Kyrgyzstan Aibek Toktogulov held talks with his Kazakh counterpart.",
            "“Our countries are close partners,” Minister Toktogulov said.",
        ],
    ),
    (  # a quotation after a cue of saying, or one with its own full stop, is a paragraph
        "Minister meets Egyptian counterpart\n\n"
        'Minister Rossi said: "Egypt is a pillar of stability in the Mediterranean"\n\n'
        "The two Ministers discussed migration.\n",
        [
            'Minister Rossi said: "Egypt is a pillar of stability in the Mediterranean"',
            "The two Ministers discussed migration.",
        ],
    ),
    (
        "Minister meets Egyptian counterpart\n\n"
        "On migration: “We will continue to work with Egypt on legal pathways.”\n\n"
        "The two Ministers discussed energy.\n",
        [
            "On migration: “We will continue to work with Egypt on legal pathways.”",
            "The two Ministers discussed energy.",
        ],
    ),
    (  # a lead that lost its full stop is in the past tense: a paragraph, not a headline
        "Foreign Ministers meet in Bangkok\n\n"
        "On 3 April 2025, the Minister of Foreign Affairs of Thailand held talks with the Deputy "
        "Prime Minister of Cambodia, who is paying an official visit to Thailand, at the "
        "Ministry of Foreign Affairs in Bangkok\n\nBoth sides agreed to reopen the "
        "checkpoints.\n",
        [
            "On 3 April 2025, the Minister of Foreign Affairs of Thailand held talks with the "
            "Deputy Prime Minister of Cambodia, who is paying an official visit to Thailand, at "
            "the Ministry of Foreign Affairs in Bangkok",
            "Both sides agreed to reopen the checkpoints.",
        ],
    ),
    (  # a source credit's shape with an organisation's acronym is body text
        "ASEAN and the EU meet in Vientiane\n\n"
        "ASEAN - EU: The ministers agreed to upgrade relations to a strategic partnership.\n",
        ["ASEAN - EU: The ministers agreed to upgrade relations to a strategic partnership."],
    ),
    (  # a known city in title case run in with a dash is a dateline
        "Foreign Ministers of Kenya and Ghana meet\n\n"
        "Nairobi – The Cabinet Secretary for Foreign Affairs received his Ghanaian counterpart "
        "at the ministry on Tuesday.\n",
        [
            "The Cabinet Secretary for Foreign Affairs received his Ghanaian counterpart at the "
            "ministry on Tuesday."
        ],
    ),
    (  # two countries or two cities joined by a dash open a sentence: no dateline
        "Kenya and Ghana review ties\n\n"
        "Kenya - Ghana relations were reviewed by the two ministers.\n\n"
        "Accra - Nairobi flights will resume in March, the ministers said.\n",
        [
            "Kenya - Ghana relations were reviewed by the two ministers.",
            "Accra - Nairobi flights will resume in March, the ministers said.",
        ],
    ),
    (  # the first paragraph only: a later one opening with a city keeps it
        "Foreign Ministers meet in Tunis\n\n"
        "The ministers met on Monday.\n\n"
        "Tunis - Algiers rail links were discussed, among other subjects.\n",
        [
            "The ministers met on Monday.",
            "Tunis - Algiers rail links were discussed, among other subjects.",
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPHS)
def test_paragraphs(text: str, expected: list[str]) -> None:
    assert segment_text(text).paragraph_texts() == expected


def test_every_removed_piece_names_a_known_rule() -> None:
    known = set(RULES) | {e["id"] for e in load_jsonl(BOILERPLATE_FILE)}
    texts = [(GOLD_DIR / f"{name}.txt").read_text(encoding="utf-8") for name in gold_names()]
    texts += [text for text, _ in PARAGRAPHS]
    for text in texts:
        for piece in segment_text(text).removed:
            assert piece.rule in known, (text[:60], piece)


JOINT_STATEMENT = """Joint Statement between China and Kazakhstan

2024-07-03 23:25

I. Political Relations

1. The two sides reaffirmed their support for each other’s core interests.

II. Economic Cooperation

2. The sides agreed to expand trade.
"""

TITLES = [
    (  # a minister's page: the name and the post above the headline, a ministry's date stamp
        "Ministry of Foreign Affairs and Trade\n\nKlára Sándor\nMinister of Foreign Affairs and "
        "Trade\n\nKazakh oil will reach Central Europe through the Druzhba pipeline\n\n"
        "Ministry of Foreign Affairs and Trade, March 3, 2025 11:05 AM\n\n"
        "“Kazakhstan is a reliable partner”, Minister Klára Sándor said in Astana on Monday.\n",
        "Kazakh oil will reach Central Europe through the Druzhba pipeline",
    ),
    (CN_MFA, "Wang Yi Holds Talks with Foreign Minister Mukhtar Tileuberdi of Kazakhstan"),
    (XINHUA, "Xi meets Uzbek president"),
    (STATE, "Secretary Blinken’s Meeting with Kazakhstani Foreign Minister Nurtleu"),
    (UK_QUOTED, "PM call with President Ruto of Kenya: 14 May 2024"),
    (KREMLIN, "Telephone conversation with President of Tajikistan Emomali Rahmon"),
    (JAPAN, "Japan-ROK Foreign Ministers’ Meeting"),
    (INDIA, "Visit of External Affairs Minister to Kyrgyzstan (May 10-11, 2024)"),
    (KZ_MFA, "Kazakhstan and Uzbekistan discuss water and energy cooperation"),
    (DFAT, "Meeting with Indonesian Foreign Minister"),
    (
        TURKIYE,
        "Press Release Regarding the Visit of Foreign Minister Hakan Fidan to Kazakhstan",
    ),
    (KOREA, "Outcome of Foreign Minister’s Meeting with Chinese Foreign Minister"),
    (GERMANY, "Foreign Minister Baerbock meets Kazakh Foreign Minister Nurtleu"),
    (PIB, "India-Uzbekistan Joint Statement on the visit of the Prime Minister of Uzbekistan"),
    (
        AKORDA_MIXED,
        "Head of State Kassym-Jomart Tokayev receives Minister of Foreign Affairs of China",
    ),
    (
        "Foreign Policy News\n\nKazakhstan, China agree to boost trade\n\nASTANA, May 14 "
        "(Xinhua) -- Kazakhstan and China agreed on Tuesday to boost trade.\n",
        "Kazakhstan, China agree to boost trade",
    ),
    (
        "The Hon Penny Wong MP\nMinister for Foreign Affairs\n\nMedia release\n\n"
        "Meeting with Chinese Foreign Minister Wang Yi\n\n20 March 2024\n\nToday I met "
        "China’s Minister of Foreign Affairs in Canberra.\n",
        "Meeting with Chinese Foreign Minister Wang Yi",
    ),
    (JOINT_STATEMENT, "Joint Statement between China and Kazakhstan"),
    (
        TURKIYE_LONG,
        "No: 87, 12 May 2025, Press Release Regarding the Meeting of Minister of Foreign "
        "Affairs Selim Arslan with the Minister of Foreign Affairs of Georgia Nino Beridze in "
        "Ankara",
    ),
    (
        SINGAPORE_LONG,
        "MFA Press Release: Meeting between Minister for Foreign Affairs Dr Edwin Tan and "
        "Malaysian Minister of Foreign Affairs Dato' Seri Hasan Rahim in Putrajaya, 7 January "
        "2025",
    ),
    (
        EMBASSY_LONG,
        "Vice Minister of Agriculture and Rural Affairs Ma Lin and Kazakh Vice Minister of "
        "Agriculture Yerlan Sadykov Co-chair the 5th Meeting of the China-Kazakhstan "
        "Agricultural Cooperation Subcommittee",
    ),
    (KREMLIN_STANDFIRST, "Russian-Indian talks"),
    (  # the same long headline in a hard-wrapped plain-text copy
        "Press Releases\n\n"
        "No: 41, 2 March 2025, Press Release Regarding the Visit of Minister of Foreign\n"
        "Affairs Selim Arslan to the Republic of Kazakhstan and the Meeting with Deputy\n"
        "Prime Minister\n\n"
        "Minister of Foreign Affairs Selim Arslan met today in Astana with Deputy Prime\n"
        "Minister and Minister of Foreign Affairs of Kazakhstan Yerlan Bekmukhanov. The\n"
        "Ministers discussed the Middle Corridor and agreed to meet again in Ankara.\n\n"
        "The Ministers also reviewed the preparations for the Organization of Turkic States\n"
        "summit and cooperation in energy, transport and higher education.\n",
        "No: 41, 2 March 2025, Press Release Regarding the Visit of Minister of Foreign\n"
        "Affairs Selim Arslan to the Republic of Kazakhstan and the Meeting with Deputy\n"
        "Prime Minister",
    ),
    # a headline ending with a quotation after a colon looks like a sentence: its closing mark
    (
        "Ministry of Foreign Affairs and International Cooperation\n\nHome / Press room\n\n"
        'Rossi meets Egyptian Foreign Minister Hamdy: "Egypt, a pillar of stability in the '
        'Mediterranean"\n\nRome, 4 March 2025\n\nMinister Rossi met today at the Farnesina '
        "with the Foreign Minister of Egypt, Karim Hamdy.\n\nThe two Ministers discussed "
        "migration and energy.\n",
        'Rossi meets Egyptian Foreign Minister Hamdy: "Egypt, a pillar of stability in the '
        'Mediterranean"',
    ),
    (  # an organisation's name above it is the masthead
        "NATO\nNorth Atlantic Treaty Organization\n\nHome > News\n\n"
        "Secretary General in Vilnius: “Lithuania is a model Ally”\n\n17 Feb. 2025 -\n\n"
        "NATO Secretary General Pieter van Dalen visited Vilnius on Monday for talks with the "
        "President of Lithuania.\n\nThey discussed air defence in the Baltic region.\n",
        "Secretary General in Vilnius: “Lithuania is a model Ally”",
    ),
    (
        "Ministry of Foreign Affairs\n\nPress release | Date: 05/03/2025 | No: 31/25\n\n"
        "Development Minister met Kenya’s Foreign Minister: ‘Kenya is a key partner in East "
        "Africa’\n\nDevelopment Minister Kari Nygaard met Kenya’s Minister of Foreign Affairs "
        "in Oslo on Tuesday.\n\nThe ministers discussed food security.\n",
        "Development Minister met Kenya’s Foreign Minister: ‘Kenya is a key partner in East "
        "Africa’",
    ),
    (  # a long headline in sentence case: a headline's present tense, no full stop
        "Ministry of Foreign Affairs of the Kingdom of Thailand\nHome > News\n\n"
        "Minister of Foreign Affairs holds talks with Cambodian Deputy Prime Minister, agreeing "
        "to reopen border checkpoints and to step up joint action against online scam "
        "networks\n\nOn 3 April 2025, the Minister of Foreign Affairs of Thailand held talks "
        "with the Deputy Prime Minister of Cambodia in Bangkok.\n\nBoth sides agreed to "
        "reopen the checkpoints.\n",
        "Minister of Foreign Affairs holds talks with Cambodian Deputy Prime Minister, agreeing "
        "to reopen border checkpoints and to step up joint action against online scam networks",
    ),
    (NO_TITLE, None),
    (ONE_LINE, None),
]


@pytest.mark.parametrize(("text", "expected"), TITLES)
def test_titles(text: str, expected: str | None) -> None:
    assert segment_text(text).title_text == expected


HEADINGS = [
    (JOINT_STATEMENT, ["Political Relations", "Economic Cooperation"]),
    # a standfirst with a full stop names no section; the heading after the stars does
    (
        KREMLIN_STANDFIRST,
        [
            None,
            None,
            "Beginning of Russian-Indian talks in restricted format",
            "Beginning of Russian-Indian talks in restricted format",
        ],
    ),
    (KREMLIN_MEETING, [None, None]),
    (
        JAPAN,
        [None, "Bilateral relations", "Bilateral relations", "Regional situation"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEADINGS)
def test_headings(text: str, expected: list[str | None]) -> None:
    assert [p.heading for p in segment_text(text).paragraphs] == expected


# What the pieces outside the paragraphs are, by rule: (document, expected [(kind, text)]).
PIECES = [
    (XINHUA, (Removed.DATELINE, "ASTANA, July 3 (Xinhua) -- ")),
    (KZ_MFA, (Removed.DATELINE, "Astana, 14 May 2024 – ")),
    (TASS, (Removed.DATELINE, "MOSCOW, October 5. /TASS/. ")),
    (WHITE_HOUSE_DATELINE, (Removed.DATELINE, "WASHINGTON — ")),
    (
        "Morocco and Chile sign a roadmap\n\nRabat - Minister of Foreign Affairs Karim Bensaid "
        "received the Chilean Foreign Minister on Friday.\n",
        (Removed.DATELINE, "Rabat - "),
    ),
    (
        STATE_RUN_IN,
        (Removed.WRAPPER, "The below is attributable to Spokesperson Matthew Miller: "),
    ),
    (UK_RUN_IN, (Removed.WRAPPER, "A Downing Street spokesperson said: ")),
    (UK_RUN_IN, (Removed.MARKER, "“")),
    (
        "UAE President receives Kazakh FM\n\nABU DHABI, 14th May, 2024 (WAM) -- The President "
        "received the Minister.\n",
        (Removed.DATELINE, "ABU DHABI, 14th May, 2024 (WAM) -- "),
    ),
    (
        "Crown Prince receives Uzbek FM\n\nRiyadh, May 14, 2024, SPA -- The Crown Prince "
        "received the Minister.\n",
        (Removed.DATELINE, "Riyadh, May 14, 2024, SPA -- "),
    ),
    (  # a Hijri date before the Gregorian one (Saudi Press Agency)
        "Foreign Minister Receives Kazakh Counterpart\n\nRiyadh, Ramadan 14, 1446, March 14, "
        "2025, SPA -- Minister of Foreign Affairs Prince Faisal bin Nasser received the Minister.\n",
        (Removed.DATELINE, "Riyadh, Ramadan 14, 1446, March 14, 2025, SPA -- "),
    ),
    (  # a city with an accent
        "Colombia and Ecuador review border cooperation\n\nBogotá, 5 May 2025 – The foreign "
        "ministers of Colombia and Ecuador met in the capital today.\n",
        (Removed.DATELINE, "Bogotá, 5 May 2025 – "),
    ),
    (
        "Iranian FM meets Turkmen counterpart\n\nTehran, IRNA -- The Foreign Minister met his "
        "Turkmen counterpart.\n",
        (Removed.DATELINE, "Tehran, IRNA -- "),
    ),
    (
        "Secretary Manalo meets Japanese Foreign Minister\n\n14 May 2024 – Foreign Affairs "
        "Secretary Enrique Manalo met his Japanese counterpart.\n",
        (Removed.DATELINE, "14 May 2024 – "),
    ),
    (
        "Xi meets Kazakh president\nBy Mo Jingxi | chinadaily.com.cn | Updated: 2024-05-14 "
        "07:20\n\nXi met Tokayev in Beijing.\n\nEnditem\n",
        (Removed.BOILERPLATE, "Enditem"),
    ),
    (
        "Russian–Mongolian talks\n\nThe talks began in a restricted format.\n\nPresident of "
        "Mongolia Batbayar Ganzorig (retranslated):\n\nThank you, Mr President, for the warm "
        "welcome. Mongolia values its ties with Russia.\n",
        (Removed.HEADING, "President of Mongolia Batbayar Ganzorig (retranslated):"),
    ),
    (
        "Visit to Fiji\n\nI visited Suva today.\n\nQuotes attributable to Minister for Foreign "
        "Affairs Senator the Hon Penny Wong:\n\n“Fiji is a close partner. We will keep working "
        "together.”\n",
        (Removed.WRAPPER, "Quotes attributable to Minister for Foreign Affairs Senator the Hon Penny Wong:"),
    ),
    (
        "Minister Lee holds video conference with Polish Foreign Minister\n\n"
        "° Minister Lee expressed hope that Poland will continue its support for Korean firms.\n\n"
        "° Minister Nowak responded that Poland is committed to the project.\n",
        (Removed.MARKER, "° "),
    ),
    (INDIA, (Removed.MARKER, "2. ")),
    (JAPAN, (Removed.MARKER, "(1) ")),
    (JAPAN, (Removed.HEADING, "2. Regional situation")),
    (JAPAN, (Removed.CAPTION, "(Photo) Japan-ROK Foreign Ministers’ Meeting")),
    (INDIA, (Removed.DATELINE, "Bishkek")),
    (KREMLIN_MEETING, (Removed.DATELINE, "The Kremlin, Moscow")),
    (KREMLIN_STANDFIRST, (Removed.HEADING, "With Prime Minister of India Narendra Modi.")),
    (KREMLIN_STANDFIRST, (Removed.BOILERPLATE, "* * * *")),
    (SINGAPORE_LONG, (Removed.BOILERPLATE, ".  .  .  .  .")),
    (KOREA_FOOTNOTE, (Removed.BOILERPLATE, "※ Unofficial translation")),
    (KREMLIN, (Removed.DATE, "October 5, 2023")),
    (KREMLIN, (Removed.BOILERPLATE, "Geography: Tajikistan")),
    (KOREA, (Removed.DATE, "2024-05-13")),
    (KOREA, (Removed.BOILERPLATE, "Next: Vice Minister Holds Consultations with Japan")),
    (GERMANY, (Removed.DATE, "14.05.2024 - Press release")),
    (GERMANY, (Removed.BOILERPLATE, "Central Asia")),
    (PIB, (Removed.DATE, "Posted On: 14 MAY 2024 5:25PM by PIB Delhi")),
    (PIB, (Removed.MARKER, "b) ")),
    (PIB, (Removed.BOILERPLATE, "(Release ID: 2020401)")),
    (EEAS_SIGNED, (Removed.BOILERPLATE, "Peter Stano")),
    (EEAS_SIGNED, (Removed.DATE, "Brussels, 14/05/2024 - 15:30")),
    (STATE, (Removed.BOILERPLATE, "Bureau of South and Central Asian Affairs")),
    # an agency in parentheses and a colon with no space after it (Pakistani wires)
    (
        "Islamabad, March 6, 2023 (APP):Foreign Minister Tariq Hussain Bhatti received a "
        "telephone call from the Foreign Minister of New Zealand.\n",
        (Removed.DATELINE, "Islamabad, March 6, 2023 (APP):"),
    ),
    (
        "Lahore (PPI-OT):The Foreign Office welcomed the delegation of Uzbekistan.\n",
        (Removed.DATELINE, "Lahore (PPI-OT):"),
    ),
    # a Gulf portal's run-in source credit
    (
        "Gulf Today - WAM: Sheikh Hamdan bin Saeed Al Mansoori, Minister of State for Foreign "
        "Affairs, has received the Foreign Minister of Slovakia in Abu Dhabi.\n",
        (Removed.DATELINE, "Gulf Today - WAM: "),
    ),
    (
        "Cooperation to be continued\n\nThe ministers spoke by phone.\n\n«The sides discussed "
        "trade. They agreed to meet soon in Ankara,» the Ministry of Foreign Affairs reported.\n",
        (Removed.MARKER, "«"),
    ),
]


@pytest.mark.parametrize(("text", "piece"), PIECES)
def test_removed_pieces(text: str, piece: tuple[Removed, str]) -> None:
    layout = segment_text(text)
    assert piece in [(p.kind, text[p.start : p.end]) for p in layout.removed]


def test_date_lines_are_the_date_pieces() -> None:
    layout = segment_text(KREMLIN)
    assert [KREMLIN[a:b] for a, b in layout.date_lines] == [
        "October 5, 2023",
        "14:30",
        "Publication date: October 5, 2023, 14:30",
    ]


# ---------------------------------------------------------------------------------------
# Line breaks, white space and hard wrapping

RAW_PARAGRAPHS = [
    "Foreign Minister Wang Yi held talks with Foreign Minister Bakhtiyor Saidov of Uzbekistan "
    "in Beijing on Tuesday. Wang Yi said that China and Uzbekistan are good neighbours, good "
    "friends and good partners, and that the two sides should deepen cooperation in trade, "
    "energy, connectivity and the digital economy.",
    "Bakhtiyor Saidov said that Uzbekistan firmly adheres to the one-China principle. The "
    "Uzbek side is ready to work with China to advance the China-Kyrgyzstan-Uzbekistan railway "
    "and to make the SCO summit in Astana a success.",
    "The two sides also exchanged views on the situation in Afghanistan.",
]


def _doc(sep: str, newline: str = "\n", width: int | None = None) -> str:
    paras = [textwrap.fill(p, width) if width else p for p in RAW_PARAGRAPHS]
    body = sep.join(paras)
    text = "Wang Yi Holds Talks with Uzbek Foreign Minister Bakhtiyor Saidov\n\n" + body + "\n"
    return text.replace("\n", newline)


NEWLINE_VARIANTS = [
    pytest.param(_doc("\n\n"), id="blank-lines"),
    pytest.param(_doc("\n"), id="single-breaks"),
    pytest.param(_doc("\n\n", "\r\n"), id="crlf"),
    pytest.param(_doc("\n", "\r"), id="cr"),
    pytest.param(_doc("\n\n", "\u2029"), id="paragraph-separator"),
    pytest.param(_doc("\n\n", width=72), id="wrapped-72-blank-lines"),
    pytest.param(_doc("\n\n", width=60, newline="\r\n"), id="wrapped-60-crlf"),
    pytest.param(_doc("\n", width=72), id="wrapped-72-single-breaks"),
    pytest.param(
        "Wang Yi Holds Talks with Uzbek Foreign Minister Bakhtiyor Saidov\n\n"
        + "\n".join(
            textwrap.fill(p, 72, initial_indent="    ", break_on_hyphens=False)
            for p in RAW_PARAGRAPHS
        ),
        id="wrapped-72-indented-first-lines",
    ),
    pytest.param(
        _doc("\n\n").replace(". ", ".\u00a0").replace("\n\n", " \t\n\u200b\n"),
        id="nbsp-tabs-zero-width",
    ),
    pytest.param("\ufeff" + _doc("\n\n"), id="byte-order-mark"),
    pytest.param(_doc("\n\n", "\x0c\n"), id="form-feeds"),
    pytest.param(
        "Wang Yi Holds Talks with Uzbek Foreign Minister Bakhtiyor Saidov\r\n\r\n"
        + RAW_PARAGRAPHS[0]
        + "\n\n"
        + RAW_PARAGRAPHS[1]
        + "\r\r"
        + RAW_PARAGRAPHS[2],
        id="mixed",
    ),
]


@pytest.mark.parametrize("text", NEWLINE_VARIANTS)
def test_paragraphs_whatever_the_line_breaks(text: str) -> None:
    layout = segment_text(text)
    assert [squash(p) for p in layout.paragraph_texts()] == RAW_PARAGRAPHS
    assert layout.title_text == "Wang Yi Holds Talks with Uzbek Foreign Minister Bakhtiyor Saidov"
    assert len(layout.sentences) == 5


def test_hard_wrapping_is_detected() -> None:
    assert segment_text(_doc("\n\n", width=72)).wrap_width is not None
    assert segment_text(_doc("\n\n")).wrap_width is None
    assert segment_text(_doc("\n")).breaks == "line_break"
    assert segment_text(_doc("\n\n")).breaks == "blank_line"


def test_a_line_broken_mid_sentence_continues_the_paragraph() -> None:
    text = (
        "Readout of the Foreign Ministers’ Meeting\n\n"
        "The two ministers agreed to\nstrengthen cooperation in energy.\n"
        "They also discussed Gaza.\n"
    )
    assert segment_text(text).paragraph_texts() == [
        "The two ministers agreed to\nstrengthen cooperation in energy.",
        "They also discussed Gaza.",
    ]


# ---------------------------------------------------------------------------------------
# The dev gold set: the acceptance check. Exact paragraph and sentence spans, and titles.


@pytest.mark.parametrize("name", gold_names())
def test_gold_layout(name: str) -> None:
    text = (GOLD_DIR / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((GOLD_DIR / f"{name}.gold.json").read_text(encoding="utf-8"))
    layout = segment_text(text)
    assert layout.title_text == gold["meta"]["title"]
    assert [(p.start, p.end) for p in layout.paragraphs] == [
        (p["start"], p["end"]) for p in gold["paragraphs"]
    ]
    assert [(s.start, s.end, s.paragraph) for s in layout.sentences] == [
        (s["start"], s["end"], s["paragraph"]) for s in gold["sentences"]
    ]


# ---------------------------------------------------------------------------------------
# Invariants on generated inputs

# fmt: off
_PIECES = [
    "The two sides agreed to deepen cooperation.", "Mr.", "U.S.", "H.E.", "No. 5", "p.m.",
    "(local time)", "Wang Yi", "said", "that", "“", "”", '"', "1.", "(2)", "-", "•", "...", "…",
    "?", "!", "Home > News", "Print", "March 3, 2025", "BEIJING, March 3 (Xinhua) --",
    "The below is attributable to Spokesperson X:", "cooperation.The", "e.g.", "St.", "F.",
    "A Downing Street spokesperson said:", "43.5", "Tags", "(Photo)", "###", "a", "the",
]
# fmt: on
_SPACES = [" ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\u00a0", "\u202f", "\u200b", "\t", "  \n"]
_text = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SPACES)), max_size=60).map(
    lambda xs: "".join(a + b for a, b in xs)
)


def _check_invariants(text: str, layout: Layout) -> None:
    n = len(text)

    def trimmed(a: int, b: int) -> bool:
        s = text[a:b]
        return bool(s) and s == s.strip(
            " \t\r\n\u00a0\u202f\u200b\u200c\u200d\u2060\ufeff\u2028\u2029"
        )

    prev = 0
    for p in layout.paragraphs:
        assert 0 <= prev <= p.start < p.end <= n
        assert trimmed(p.start, p.end)
        prev = p.end
    prev = 0
    for s in layout.sentences:
        assert 0 <= prev <= s.start < s.end <= n
        assert trimmed(s.start, s.end)
        para = layout.paragraphs[s.paragraph]
        assert para.start <= s.start and s.end <= para.end
        prev = s.end
    assert {s.paragraph for s in layout.sentences} == set(range(len(layout.paragraphs)))
    for piece in layout.removed:
        assert 0 <= piece.start <= piece.end <= n
        for s in layout.sentences:
            assert piece.end <= s.start or piece.start >= s.end, (piece, s)
    if layout.title is not None:
        a, b = layout.title
        assert trimmed(a, b)
        assert all(b <= p.start or a >= p.end for p in layout.paragraphs)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text)
def test_invariants_on_generated_text(text: str) -> None:
    _check_invariants(text, segment_text(text))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_invariants_on_arbitrary_text(text: str) -> None:
    _check_invariants(text, segment_text(text))


@pytest.mark.parametrize("name", gold_names())
def test_invariants_on_gold_documents(name: str) -> None:
    text = (GOLD_DIR / f"{name}.txt").read_text(encoding="utf-8")
    _check_invariants(text, segment_text(text))


@pytest.mark.parametrize("text", [text for text, _ in PARAGRAPHS])
def test_invariants_on_table_documents(text: str) -> None:
    _check_invariants(text, segment_text(text))
