"""Event metadata: dates, event types, places, participants and publishers across house styles.

Each table row is a piece of a real-genre readout (headline, masthead, dateline, lead) and the
metadata a reader would write down for it. The model-free parts (dates, event types,
publishers) run on `segment_text` alone; participants and places use the session pipeline.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from readout_nlp.meta import find_dates, read_date, read_event_type, read_publisher, same_person
from readout_nlp.records import EventType, Participant
from readout_nlp.segment import segment_text

# ---------------------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        (
            "On March 28, 2019, State Councilor and Foreign Minister Wang Yi held talks",
            None,
            "2019-03-28",
        ),
        ("On the afternoon of 14 March 2025, Member of the Political Bureau", None, "2025-03-14"),
        (
            "paid an official visit to Tashkent, Uzbekistan, on 6-7 November 2023.",
            None,
            "2023-11-06",
        ),
        (
            "Visit of External Affairs Minister to Uzbekistan (November 06-07, 2023)",
            None,
            "2023-11-06",
        ),
        ("ASHGABAT, Sept. 12, 2023 (Xinhua)", None, "2023-09-12"),
        ("Published 14\xa0May 2024", None, "2024-05-14"),
        ("Posted On: 21 FEB 2024 6:35PM by PIB Delhi", None, "2024-02-21"),
        ("Source: Xinhua | 2025-03-03 20:16:42 | Editor: huaxia", None, "2025-03-03"),
        ("2019/05/22", None, "2019-05-22"),
        ("03.09.2024", None, "2024-09-03"),  # day first, the Central Asian habit
        ("Brussels, 05/03/2024 - 18:21", None, "2024-03-05"),  # EEAS: day/month
        ("The meeting took place on Monday, 3 March 2025 in Astana.", None, "2025-03-03"),
        ("On 2nd of April 2024, the two ministers met", None, "2024-04-02"),
        # no year: the year of the reference (publication) date
        ("On July 26, commencing at 3:40 p.m. (local time)", "2024-07-26", "2024-07-26"),
        ("BEIJING, March 3 (Xinhua) --", "2025-03-03", "2025-03-03"),
        ("On 6 November, EAM held talks", "2023-11-07", "2023-11-06"),
        # ... and the year before when the day would lie after the publication
        ("On December 30, the two presidents spoke by phone.", "2025-01-02", "2024-12-30"),
        # weekdays resolve to the latest such day on or before the reference
        ("met at the Great Hall of the People in Beijing on Monday.", "2025-03-03", "2025-03-03"),
        ("held talks with Myrat Annaberdiyev in Ashgabat on Tuesday", "2023-09-13", "2023-09-12"),
        (
            "held a phone conversation with Indonesian Foreign Minister on Friday",
            "2025-06-13",
            "2025-06-13",
        ),
        ("Secretary of State Thomas E. Harland met today with", "2024-06-12", "2024-06-12"),
        (
            "The Prime Minister spoke to President Mutai of Kenya this afternoon.",
            "2024-05-14",
            "2024-05-14",
        ),
        ("The two leaders spoke by phone yesterday.", "2024-05-14", "2024-05-13"),
        # nothing resolvable without a reference
        ("On July 26, commencing at 3:40 p.m.", None, None),
        ("met today in Brussels", None, None),
        ("in force since March 2020", "2024-03-05", None),  # a month and year is no date
        ("the Strategy for 2018-2040 and Line D", None, None),
    ],
)
def test_find_dates(text, ref, expected):
    reference = dt.date.fromisoformat(ref) if ref else None
    values = [d.resolve(reference) for d in find_dates(text)]
    values = [v for v in values if v is not None]
    assert (values[0].isoformat() if values else None) == expected


def test_numeric_dates_are_month_first_for_a_us_publisher():
    assert find_dates("06/12/2024")[0].date == dt.date(2024, 12, 6)
    assert find_dates("06/12/2024", month_first=True)[0].date == dt.date(2024, 6, 12)
    assert find_dates("12/25/2024")[0].date == dt.date(2024, 12, 25)  # cannot be day-first


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        (
            "Wang Yi Holds Talks with Foreign Minister Beibut Atamkulov of Kazakhstan\n\n"
            "2019/03/29\n\n"
            "On March 28, 2019, State Councilor and Foreign Minister Wang Yi held talks with "
            "Foreign Minister Beibut Atamkulov of Kazakhstan in Beijing.\n",
            "2019-03-28",
            "date.lead_full",
        ),
        (  # Japan MOFA: the lead gives the day, the page the year
            "Japan-China Foreign Ministers’ Meeting\n\nJuly 26, 2024\n\n"
            "On July 26, commencing at 3:40 p.m. for approximately 50 minutes, Mr. KAMIYA Hiroshi, "
            "Minister for Foreign Affairs of Japan, held a Japan-China Foreign Ministers’ Meeting "
            "with H.E. Mr. Zhou Wenbin.\n",
            "2024-07-26",
            "date.lead_partial",
        ),
        (  # Xinhua: the weekday resolves against the dateline, not the later stamp
            "Chinese vice premier holds talks with Turkmen deputy prime minister\n\n"
            "Xinhua) 10:02, September 13, 2023\n\n"
            "ASHGABAT, Sept. 12 (Xinhua) -- Chinese Vice Premier Zhao Mingyuan held talks with "
            "Myrat Annaberdiyev in Ashgabat on Tuesday.\n",
            "2023-09-12",
            "date.lead_weekday",
        ),
        (  # UK: the date is in the headline and the byline
            "PM call with President Mutai of Kenya: 14 May 2024\n"
            "From: Prime Minister's Office, 10 Downing Street and The Rt Hon Oliver Pemberton MP\n"
            "Published 14 May 2024\n\n"
            "The Prime Minister spoke to President Samuel Kiprono Mutai of Kenya this afternoon.\n",
            "2024-05-14",
            "date.lead_relative",
        ),
        (  # only the publication date is printed
            "Kazakhstan and Kyrgyzstan discuss water cooperation\n\n8 April 2025 17:25\n\n"
            "The foreign ministers of Kazakhstan and Kyrgyzstan held consultations on water "
            "management in the Syr Darya basin.\n",
            "2025-04-08",
            "date.publication_line",
        ),
        (  # a repost: the date is in the note about the original
            "Secretary Harland’s Call with Kazakhstani Foreign Minister Zhakenov\n\n"
            "The following press release was published by the U.S. Department of State on "
            "Oct. 5, 2023. It is reproduced in full below.\n\n"
            "Secretary of State Thomas E. Harland spoke today with Kazakhstani Foreign Minister "
            "Murat Zhakenov.\n",
            "2023-10-05",
            "date.lead_relative",
        ),
        (  # a weekday against the date printed in the page's bar (day first): the Tuesday before
            "Ministry of Foreign Affairs\n\nPress release | Date: 05/03/2025 | No: 31/25\n\n"
            "Development Minister met Kenya’s Foreign Minister: ‘Kenya is a key partner in East "
            "Africa’\n\nDevelopment Minister Kari Nygaard met Kenya’s Minister of Foreign Affairs, "
            "Musalia Otieno, in Oslo on Tuesday.\n\nThe ministers discussed food security.\n",
            "2025-03-04",
            "date.lead_weekday",
        ),
        (  # a long sentence-case headline is no lead: the lead's date wins over the page stamps
            "Ministry of Foreign Affairs of the Kingdom of Thailand\nHome > News\n\n"
            "Minister of Foreign Affairs holds talks with Cambodian Deputy Prime Minister, agreeing "
            "to reopen border checkpoints and to step up joint action against online scam networks"
            "\n\nPosted 4 Apr 2025\n\nOn 3 April 2025, the Minister of Foreign Affairs of Thailand "
            "held talks with the Deputy Prime Minister of Cambodia in Bangkok.\n",
            "2025-04-03",
            "date.lead_full",
        ),
        (  # no full date anywhere
            "Foreign Ministers meet\n\n"
            "On July 26, the foreign ministers of the two countries held talks in Vientiane.\n",
            None,
            "date.none",
        ),
    ],
)
def test_read_date(text, expected, rule):
    layout = segment_text(text)
    date, got_rule = read_date(layout, 0)
    assert (date.isoformat() if date else None, got_rule) == (expected, rule)


# ---------------------------------------------------------------------------------------
# Event types


@pytest.mark.parametrize(
    ("title", "lead", "expected"),
    [
        ("Wang Yi Holds Talks with Foreign Minister Beibut Atamkulov of Kazakhstan", None, "talks"),
        (
            "Gao Yichen Holds Phone Talks at Request with Egyptian Foreign Minister",
            None,
            "phone_call",
        ),
        ("Shen Guohua Has a Phone Call with Pakistani Foreign Minister", None, "phone_call"),
        ("Huang meets Kazakh prime minister", None, "meeting"),
        ("Chinese FM holds phone talks with Indonesian counterpart", None, "phone_call"),
        ("Telephone conversation with President of Kyrgyzstan Azamat Osmonov", None, "phone_call"),
        (
            "Foreign Minister Sergey Belyakov’s talks with Minister of Foreign Affairs of Mongolia",
            None,
            "talks",
        ),
        (
            "Secretary Harland’s Meeting with Vietnamese Foreign Minister Nguyen Van Khoa",
            None,
            "meeting",
        ),
        ("Secretary Harland’s Call with Kazakhstani Foreign Minister Zhakenov", None, "phone_call"),
        (
            "Readout of President Andrew Callahan’s Call with Prime Minister Ananya Rao of India",
            None,
            "phone_call",
        ),
        ("PM call with President Mutai of Kenya: 14 May 2024", None, "phone_call"),
        ("Japan-China Foreign Ministers’ Meeting", None, "meeting"),
        ("Japan-Algeria Foreign Ministers' Telephone Talk", None, "phone_call"),
        ("Visit of External Affairs Minister to Uzbekistan (November 06-07, 2023)", None, "visit"),
        ("Prime Minister's visit to Japan", None, "visit"),
        ("Xi Jinping Visits Kazakhstan", None, "visit"),
        (
            "Kazakhstan and China adopt Joint Statement on further deepening partnership",
            None,
            "joint_statement",
        ),
        ("Joint Communiqué of the Second China-Central Asia Summit", None, "joint_statement"),
        ("Xi, Biden hold virtual meeting", None, "video_call"),
        (
            "EAM’s meeting with FM of China on the sidelines of the G20 Foreign Ministers’ Meeting",
            None,
            "meeting",
        ),
        # no cue in the headline: the lead decides
        (
            "Kazakhstan and China discuss expansion of transit and agricultural cooperation",
            "Minister of Foreign Affairs Nurbol Zhumagaliyev held talks with Minister of Foreign "
            "Affairs of the People’s Republic of China Zhou Wenbin, who is on an official visit to Kazakhstan.",
            "talks",
        ),
        (
            None,
            "President Andrew T. Callahan spoke today with Prime Minister Ananya Rao of India.",
            "phone_call",
        ),
        (
            None,
            "The Prime Minister spoke to President Samuel Kiprono Mutai of Kenya this afternoon.",
            "phone_call",
        ),
        (
            None,
            "Foreign Minister Lavrov had a telephone conversation with Foreign Minister Fidan.",
            "phone_call",
        ),
        (None, "The two presidents held talks via video link on Monday.", "video_call"),
        (
            None,
            "External Affairs Minister paid an official visit to Tashkent on 6-7 November 2023.",
            "visit",
        ),
        (
            None,
            "Minister Mauro Vieira received the Minister of Foreign Affairs of Paraguay.",
            "meeting",
        ),
        (None, "EAM called on Prime Minister of Uzbekistan H.E. Mr. Bakhodir Yusupov.", "meeting"),
        (
            None,
            "The Foreign Ministers held the fifth round of political consultations in Astana.",
            "talks",
        ),
        (
            None,
            "Talks were held between the Foreign Ministers of Kazakhstan and Uzbekistan.",
            "talks",
        ),
        # consultations between ministries, reported in the passive
        (
            "Consultations held between the Foreign Ministries of Tajikistan and Hungary",
            None,
            "talks",
        ),
        (
            None,
            "On 2 June 2025, regular political consultations between the foreign ministries of "
            "Tajikistan and Hungary were held in Dushanbe.",
            "talks",
        ),
        # a host's lead: "welcomed <a named guest> to <a place>"
        (
            None,
            "The Chancellor welcomed President Marcelo Rebelo de Sousa of Portugal to the "
            "Federal Chancellery today.",
            "meeting",
        ),
        (None, "The Minister welcomed the decision of Japan to expand scholarships.", "other"),
        # a possessive inside the dialogue's name
        (
            None,
            "Secretary Bautista and Foreign Minister Carmody held the third Philippines-Australia "
            "Foreign Ministers' Strategic Dialogue in Cebu City.",
            "talks",
        ),
        # context is not the event: "following their talks ... signed the Joint Statement"
        (
            None,
            "On 20 May 2025 in Beijing, following their talks, the two Presidents signed the "
            "Joint Statement on further deepening the partnership.",
            "joint_statement",
        ),
        # "who is visiting ..." and "to attend ... Meetings" frame the meeting itself
        (
            None,
            "Mr. KAMIYA Hiroshi, who is visiting Vientiane to attend the ASEAN-related Foreign "
            "Ministers’ Meetings, held a Japan-China Foreign Ministers’ Meeting with Mr. Zhou Wenbin.",
            "meeting",
        ),
        (
            None,
            "Zhou Wenbin held talks with the minister, who is on an official visit to China.",
            "talks",
        ),
        # "spoke with" on the margins of a summit is an encounter, not a call
        (
            None,
            "The President spoke with Prime Minister Modi on the sidelines of the G20 Summit.",
            "meeting",
        ),
        # the headline decides; a medium named in the lead refines it
        (
            "Visit of the Foreign Minister to Mongolia",
            "The Minister held talks with his counterpart.",
            "visit",
        ),
        (
            "Xi Holds Talks with Putin",
            "President Xi Jinping held talks via video link with Putin.",
            "video_call",
        ),
        (None, "Xi Jinping received a phone call from President Emmanuel Macron.", "phone_call"),
        (
            None,
            "President Tokayev met with Prime Minister Orbán in Astana and later held a phone "
            "call with President Erdoğan.",
            "meeting",
        ),
        # a virtual meeting, whatever its adjectives, and a video format are video calls
        (
            "KENYA-CANADA BILATERAL CONSULTATIONS",
            "Amb. Grace Wanjiru and Hon. Mark Ellison held a virtual consultative meeting.",
            "video_call",
        ),
        (None, "The foreign ministers held talks in a video format on Tuesday.", "video_call"),
        (None, "The two Presidents met by videoconference.", "video_call"),
        (
            None,
            "The Minister of Foreign Affairs of Malaysia undertook an Official Visit to Dhaka.",
            "visit",
        ),
        ("Statement by the Press Secretary", None, "other"),
        (None, None, "other"),
        # a lead that tells the event in a temporal clause of what was said
        (
            None,
            "“We will buy more maize next year”, the Cabinet Secretary for Agriculture said in "
            "Nairobi on Friday after meeting with her Ugandan counterpart.",
            "meeting",
        ),
        (
            None,
            "Following talks with his Polish counterpart, the Foreign Minister told reporters "
            "that the border would reopen.",
            "talks",
        ),
        # ... but not a clause about another event, nor when the lead names its own
        (
            None,
            "The Minister said on Monday, ahead of talks with his Polish counterpart, that the "
            "border would reopen.",
            "other",
        ),
        (
            None,
            "After meeting the Prime Minister, President Ilves held a phone call with the "
            "Chancellor.",
            "phone_call",
        ),
    ],
)
def test_read_event_type(title, lead, expected):
    assert read_event_type(title, lead)[0] is EventType(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Wang Yi Holds Talks with Beibut Atamkulov",
        "PRESIDENT XI JINPING HELD A TELEPHONE CONVERSATION WITH PRESIDENT TOKAYEV",
        "The two leaders spoke by videoconference and issued a Joint Communiqué.",
        "President Erdoğan VİSİTED İSTANBUL and Receives the Delegation",
        "ſpoke with the Minister on the ſidelines of the Summit",
        "The Prime Minister welcomed President Tomás Rojas of Chile to Downing Street.",
        "A tête-à-tête over a working lunch.",
    ],
)
def test_event_cue_prefilter_never_hides_a_match(text):
    """A cue skipped for lack of its mandatory words (`_cue_scan`) has no match in the text."""
    from readout_nlp.meta import _event_lexicon, _fold_for_needs

    folded = _fold_for_needs(text)
    for cue in _event_lexicon()[0]:
        if cue.pattern.search(text):
            where = folded if cue.ignore_case else text
            assert cue.needs is None or any(w in where for w in cue.needs), cue.id
            assert cue.ignore_case == bool(cue.pattern.flags & re.I)


# ---------------------------------------------------------------------------------------
# Publishers


@pytest.mark.parametrize(
    ("text", "code", "principal_title"),
    [
        ("President of Russia\nEvents\n\nTelephone conversation with X\n", "RUS", "President"),
        (
            "The Ministry of Foreign Affairs of the Russian Federation\nPress releases\n\nX talks\n",
            "RUS",
            "Minister of Foreign Affairs",
        ),
        (
            "Ministry of Foreign Affairs of the Republic of Kazakhstan\n\nPress releases\n\nX\n",
            "KAZ",
            "Minister of Foreign Affairs",
        ),
        (
            "Ministry of External Affairs\nGovernment of India\n\nPress Releases\n\nX\n",
            "IND",
            "External Affairs Minister",
        ),
        (
            "EEAS Press Team\n\nKazakhstan: HR/VP meets Minister\n",
            "EU",
            "High Representative/Vice-President",
        ),
        (
            "Home › Office of the Spokesperson › Press Releases\nSecretary’s Meeting\nREADOUT\nOFFICE OF THE SPOKESPERSON\n",
            "USA",
            "Secretary of State",
        ),
        ("THE WHITE HOUSE\nReadout of President’s Call\n", "USA", "President"),
        (
            "Press release\nPM call with President\nFrom: Prime Minister's Office, 10 Downing Street and The Rt Hon Oliver Pemberton MP\n",
            "GBR",
            "Prime Minister",
        ),
        (
            "Press release\nForeign Secretary meeting\nFrom: Foreign, Commonwealth & Development Office and The Rt Hon Catherine Hale MP\n",
            "GBR",
            "Foreign Secretary",
        ),
        (
            "Huang meets Kazakh prime minister\nSource: Xinhua | 2025-03-03 20:16:42 | Editor: huaxia\n",
            "CHN",
            None,
        ),
        (
            "Embassy of the People’s Republic of China in the Federal Democratic Republic of Ethiopia\nHome > China News\n",
            "CHN",
            None,
        ),
        (
            "Federal Foreign Office\n\nForeign Minister Baerbock meets Chinese Foreign Minister Wang Yi in Berlin\n",
            "DEU",
            "Federal Foreign Minister",
        ),
        (
            "Republic of Türkiye Ministry of Foreign Affairs\n\nMinister Fidan meets Blinken\n",
            "TUR",
            None,
        ),
        (
            "Ministry of Foreign Affairs, Republic of Korea\n\nOutcome of Foreign Ministers' Meeting\n",
            "KOR",
            None,
        ),
        ("MFA of Kazakhstan\n\nMinister meets Ambassador\n", "KAZ", "Minister of Foreign Affairs"),
        (
            "Ministry for Foreign Affairs of Sweden\n\nMinister meets Ambassador\n",
            "SWE",
            "Minister of Foreign Affairs",
        ),
        (
            "Permanent Mission of the People's Republic of China to the United Nations\n\nAmbassador\n",
            "CHN",
            None,
        ),
        (  # the state's name above the ministry's, in Turkish capitals
            "REPUBLIC OF TÜRKİYE\nMINISTRY OF FOREIGN AFFAIRS\n\nMinister Arslan meets Beridze\n",
            "TUR",
            None,
        ),
        (  # the country after the ministry's name (Singapore MFA)
            "Ministry of Foreign Affairs Singapore\nHome > Newsroom\n\nMFA Press Release: Visit\n",
            "SGP",
            None,
        ),
        (  # no masthead, no byline: GOV.UK's headline style
            "PM call with Prime Minister Ferreira of Portugal: 18 March 2025\n",
            "GBR",
            "Prime Minister",
        ),
        (
            "Foreign Secretary meeting with Brazilian Foreign Minister: 9 April 2025\n",
            "GBR",
            "Foreign Secretary",
        ),
        (  # the state's official name as a masthead
            "Arab Republic of Egypt\nMinistry of Foreign Affairs\n\nForeign Minister Receives\n",
            "EGY",
            None,
        ),
        ("Kingdom of Saudi Arabia\nMinistry of Foreign Affairs\n\nMinister meets\n", "SAU", None),
        ("The Republic Day Parade\n\nMinister meets Ambassador\n", None, None),
        (  # a state news agency in the dateline
            "Foreign Minister Receives Kazakh Counterpart\n\nRiyadh, Ramadan 14, 1446, March 14, "
            "2025, SPA -- The Minister received his counterpart in Riyadh today.\n",
            "SAU",
            None,
        ),
        (  # a date after the colon alone is no house style
            "Prime Minister Li Qiang meets Kazakh Prime Minister\n",
            None,
            None,
        ),
        (
            "Japan-China Relations\n\nJapan-China Foreign Ministers’ Meeting\n\nJuly 26, 2024\n",
            None,
            None,
        ),
        (  # organisations' mastheads: the Secretary-General's and NATO's pages
            "United Nations\nSecretary-General\n\nHome > Readouts\n\nReadout of the "
            "Secretary-General’s meeting with the President of Kenya\n",
            "UN",
            "Secretary-General",
        ),
        (
            "NATO\nNorth Atlantic Treaty Organization\n\nHome > News\n\nSecretary General "
            "visits Lithuania\n",
            "NATO",
            "Secretary General",
        ),
        (  # ... but only above the body: a joint statement's section heading names no publisher
            "Joint Statement between Ghana and Kenya\n\nThe two Ministers reaffirmed the close "
            "ties between Ghana and Kenya.\n\nUnited Nations\n",
            None,
            None,
        ),
        (  # the Norwegian government's site above a ministry without its country
            "Regjeringen.no\nMinistry of Foreign Affairs\n\nPress release | Date: 05/03/2025\n\n"
            "Development Minister met Kenya’s Foreign Minister\n",
            "NOR",
            None,
        ),
    ],
)
def test_read_publisher(text, code, principal_title):
    text += "\nThe two sides held talks on bilateral cooperation and regional issues of interest.\n"
    pub = read_publisher(segment_text(text))
    assert (pub.code if pub else None, pub.principal_title if pub else None) == (
        code,
        principal_title,
    )


# ---------------------------------------------------------------------------------------
# Whole readouts in many house styles


def _compact(meta) -> str:
    people = "; ".join(
        f"{p.name} ({p.country}) {' + '.join(p.titles)}".rstrip() for p in meta.participants
    )
    return f"{meta.date} {meta.event_type.value} {meta.location} | {people}"


STYLES = [
    (
        "china-mfa",
        "Wang Yi Holds Talks with Foreign Minister Beibut Atamkulov of Kazakhstan\n\n"
        "On March 28, 2019, State Councilor and Foreign Minister Wang Yi held talks with Foreign "
        "Minister Beibut Atamkulov of Kazakhstan at the Diaoyutai State Guest House in Beijing.\n\n"
        "Wang Yi expressed that China and Kazakhstan are friendly neighboring countries. The "
        "Chinese side welcomes Kazakh students.\n",
        "2019-03-28 talks Beijing | Wang Yi (CHN) State Councilor + Foreign Minister; "
        "Beibut Atamkulov (KAZ) Foreign Minister",
    ),
    (
        # attendees and the host of an invitation are not participants
        "china-mfa-attendees",
        "Wang Yi Meets with Kyrgyz Foreign Minister Jeenbek Kulubaev\n2024-06-26 21:00\n\n"
        "On June 26, 2024, Member of the Political Bureau of the CPC Central Committee and Foreign "
        "Minister Wang Yi met with Foreign Minister Jeenbek Kulubaev of Kyrgyzstan, who is in China "
        "to attend the meeting, in Beijing at the invitation of Chinese Premier Li Qiang.\n\n"
        "Wang Yi said that China and Kyrgyzstan are good neighbors. Vice Foreign Minister Sun "
        "Weidong was present.\n",
        "2024-06-26 meeting Beijing | Wang Yi (CHN) Member of the Political Bureau of the CPC "
        "Central Committee + Foreign Minister; Jeenbek Kulubaev (KGZ) Foreign Minister",
    ),
    (
        "china-mfa-venue",
        "Li Qiang Meets with Prime Minister of Malaysia Anwar Ibrahim\n2024-06-19 22:10\n\n"
        "On the afternoon of June 19, 2024, Premier Li Qiang met with Prime Minister of Malaysia "
        "Anwar Ibrahim at the Seri Perdana in Putrajaya.\n\n"
        "Li Qiang said that China and Malaysia are good neighbors and partners.\n",
        "2024-06-19 meeting Putrajaya | Li Qiang (CHN) Premier; Anwar Ibrahim (MYS) Prime Minister",
    ),
    (
        "xinhua",
        "Xi holds talks with Kazakh president\n"
        "Source: Xinhua | 2024-01-10 01:02:10 | Editor: huaxia\n\n"
        "BEIJING, Jan. 9 (Xinhua) -- Chinese President Xi Jinping on Tuesday held talks with "
        "visiting Kazakh President Kassym-Jomart Tokayev in Beijing.\n\n"
        "Xi said China and Kazakhstan are permanent comprehensive strategic partners.\n",
        "2024-01-09 talks Beijing | Xi Jinping (CHN) President; Kassym-Jomart Tokayev (KAZ) President",
    ),
    (
        "xinhua-video",
        "Xi, Biden hold virtual meeting\nSource: Xinhua\n2021-11-16 12:10:05\n\n"
        "BEIJING, Nov. 16 (Xinhua) -- Chinese President Xi Jinping held a virtual meeting with "
        "U.S. President Joe Biden on Tuesday morning (Beijing time).\n\n"
        "Xi said China and the United States should respect each other.\n",
        "2021-11-16 video_call None | Xi Jinping (CHN) President; Joe Biden (USA) President",
    ),
    (
        "kremlin-talks",
        "President of Russia\nRussian-Egyptian talks\nMarch 15, 2024\n14:00\nThe Kremlin, Moscow\n\n"
        "Vladimir Putin held talks in the Kremlin with President of the Arab Republic of Egypt "
        "Abdel Fattah el-Sisi, who is in Russia on an official visit.\n\n"
        "The talks began in a restricted format and continued with the delegations.\n",
        "2024-03-15 talks Moscow | Vladimir Putin (RUS) President; Abdel Fattah el-Sisi (EGY) President",
    ),
    (
        "russia-mfa-call",
        "The Ministry of Foreign Affairs of the Russian Federation\nPress releases\n\n"
        "Foreign Minister Sergey Lavrov’s telephone conversation with Minister of Foreign Affairs "
        "of the Republic of Türkiye Hakan Fidan\n\n5 March 2024 18:20\n\n"
        "On March 5, Foreign Minister Sergey Lavrov had a telephone conversation with Minister of "
        "Foreign Affairs of the Republic of Türkiye Hakan Fidan at the initiative of the Turkish side.\n\n"
        "The ministers discussed the situation in the Middle East.\n",
        "2024-03-05 phone_call None | Sergey Lavrov (RUS) Foreign Minister; "
        "Hakan Fidan (TUR) Minister of Foreign Affairs",
    ),
    (
        "eeas",
        "EEAS Press Team\n\n"
        "Uzbekistan: High Representative Josep Borrell meets Foreign Minister Bakhtiyor Saidov\n\n"
        "Brussels, 14/05/2024 - 15:30\n\n"
        "High Representative/Vice-President Josep Borrell met today in Brussels with the Minister "
        "of Foreign Affairs of Uzbekistan, Bakhtiyor Saidov.\n\n"
        "The HR/VP welcomed the reforms undertaken by Uzbekistan.\n",
        "2024-05-14 meeting Brussels | Josep Borrell (EU) High Representative/Vice-President; "
        "Bakhtiyor Saidov (UZB) Minister of Foreign Affairs",
    ),
    (
        "eu-council-call",
        "European Council\nPress release\n18 September 2024\n\n"
        "Phone call between President Charles Michel and President of the Republic of Kazakhstan "
        "Kassym-Jomart Tokayev\n\n"
        "President of the European Council Charles Michel spoke with President of Kazakhstan "
        "Kassym-Jomart Tokayev on 17 September 2024. They discussed the EU–Kazakhstan Enhanced "
        "Partnership.\n",
        "2024-09-17 phone_call None | Charles Michel (EU) President; Kassym-Jomart Tokayev (KAZ) President",
    ),
    (
        "us-state",
        "Secretary Blinken's Meeting with Saudi Foreign Minister Prince Faisal bin Farhan\n"
        "READOUT\nOFFICE OF THE SPOKESPERSON\nMARCH 20, 2024\n\n"
        "The below is attributable to Spokesperson Matthew Miller:\n\n"
        "Secretary of State Antony J. Blinken met today with Saudi Arabian Foreign Minister Prince "
        "Faisal bin Farhan Al Saud in Jeddah. The Secretary and the Foreign Minister discussed "
        "efforts to achieve an immediate ceasefire in Gaza.\n",
        "2024-03-20 meeting Jeddah | Antony J. Blinken (USA) Secretary of State; "
        "Faisal bin Farhan Al Saud (SAU) Foreign Minister",
    ),
    (
        "white-house",
        "THE WHITE HOUSE\n"
        "Readout of President Joe Biden's Meeting with Prime Minister Fumio Kishida of Japan\n"
        "April 10, 2024\n\n"
        "President Joseph R. Biden, Jr. met today with Prime Minister Fumio Kishida of Japan at the "
        "White House. The leaders reaffirmed the ironclad U.S.-Japan Alliance.\n",
        "2024-04-10 meeting Washington | Joseph R. Biden (USA) President; Fumio Kishida (JPN) Prime Minister",
    ),
    (
        "uk-fcdo",
        "Press release\nForeign Secretary meets Indian External Affairs Minister: 12 August 2024\n"
        "From: Foreign, Commonwealth & Development Office and The Rt Hon David Lammy MP\n"
        "Published 12 August 2024\n\n"
        "Foreign Secretary David Lammy met Indian External Affairs Minister Dr S. Jaishankar in "
        "New Delhi today.\n\n"
        "The Foreign Secretary and the External Affairs Minister agreed to deepen cooperation.\n",
        "2024-08-12 meeting New Delhi | David Lammy (GBR) Foreign Secretary; "
        "S. Jaishankar (IND) External Affairs Minister",
    ),
    (
        # the publisher's principal is named by post only; the byline names him
        "uk-no10",
        "Press release\nPM call with President Mutai of Kenya: 14 May 2024\n"
        "From: Prime Minister's Office, 10 Downing Street and The Rt Hon Oliver Pemberton MP\n"
        "Published 14 May 2024\n\nA Downing Street spokesperson said:\n\n"
        "“The Prime Minister spoke to President Samuel Kiprono Mutai of Kenya this afternoon.\n\n"
        "“The leaders welcomed the strong growth in bilateral trade.”\n",
        "2024-05-14 phone_call None | Oliver Pemberton (GBR) Prime Minister; "
        "Samuel Kiprono Mutai (KEN) President",
    ),
    (
        "japan-mofa",
        "Japan-Algeria Foreign Ministers' Telephone Talk\n\nMay 10, 2024\nJapanese\n\n"
        "On May 10, commencing at 9:00 p.m. for approximately 30 minutes, Ms. KAMIKAWA Yoko, "
        "Minister for Foreign Affairs of Japan, held a telephone talk with H.E. Mr. Ahmed Attaf, "
        "Minister of Foreign Affairs and National Community Abroad of the People's Democratic "
        "Republic of Algeria. The overview of the talk is as follows.\n\n"
        "1. Minister Kamikawa stated that Japan attaches importance to its relations with Algeria.\n",
        "2024-05-10 phone_call None | KAMIKAWA Yoko (JPN) Minister for Foreign Affairs; "
        "Ahmed Attaf (DZA) Minister of Foreign Affairs and National Community Abroad",
    ),
    (
        "korea-mofa",
        "Ministry of Foreign Affairs, Republic of Korea\n\n"
        "Outcome of Korea-Japan Foreign Ministers' Meeting\n\n2025-01-13\n\n"
        "Minister of Foreign Affairs Cho Tae-yul held a Korea-Japan Foreign Ministers' Meeting with "
        "Minister for Foreign Affairs of Japan Iwaya Takeshi on January 13 in Seoul.\n\n"
        "The two ministers shared the view that bilateral relations should develop further.\n",
        "2025-01-13 meeting Seoul | Cho Tae-yul (KOR) Minister of Foreign Affairs; "
        "Iwaya Takeshi (JPN) Minister for Foreign Affairs",
    ),
    (
        "germany-aa",
        "Federal Foreign Office\n\n"
        "Foreign Minister Baerbock meets Chinese Foreign Minister Wang Yi in Berlin\n\n"
        "13.06.2024 - Press release\n\n"
        "Federal Foreign Minister Annalena Baerbock today met her Chinese counterpart Wang Yi in "
        "Berlin. The two ministers discussed Russia's war against Ukraine and trade relations.\n",
        "2024-06-13 meeting Berlin | Annalena Baerbock (DEU) Federal Foreign Minister; "
        "Wang Yi (CHN) Foreign Minister",
    ),
    (
        "turkiye-mfa",
        "Republic of Türkiye Ministry of Foreign Affairs\n\n"
        "Minister of Foreign Affairs Hakan Fidan met with U.S. Secretary of State Antony Blinken\n\n"
        "Minister of Foreign Affairs Hakan Fidan met with Secretary of State of the United States "
        "of America Antony Blinken in Ankara on 6 January 2024.\n\n"
        "The Ministers discussed bilateral relations and the situation in Gaza.\n",
        "2024-01-06 meeting Ankara | Hakan Fidan (TUR) Minister of Foreign Affairs; "
        "Antony Blinken (USA) Secretary of State",
    ),
    (
        "brazil-mre",
        "Ministry of Foreign Affairs of Brazil\nPress Release No. 142\nApril 2, 2024\n\n"
        "Visit of the Minister of Foreign Affairs of Paraguay\n\n"
        "Minister Mauro Vieira received the Minister of Foreign Affairs of Paraguay, Rubén Ramírez "
        "Lezcano, at the Itamaraty Palace on Tuesday.\n\n"
        "The ministers reviewed the bilateral agenda.\n",
        "2024-04-02 visit Brasília | Mauro Vieira (BRA) Minister; "
        "Rubén Ramírez Lezcano (PRY) Minister of Foreign Affairs",
    ),
    (
        "india-pib",
        "Prime Minister's Office\nPM speaks with President of France\n"
        "Posted On: 21 FEB 2024 6:35PM by PIB Delhi\n\n"
        "Prime Minister Shri Narendra Modi held a telephone conversation with H.E. Mr. Emmanuel "
        "Macron, President of the French Republic, today.\n\n"
        "The two leaders reviewed the progress of the India-France Strategic Partnership.\n",
        "2024-02-21 phone_call None | Narendra Modi (IND) Prime Minister; Emmanuel Macron (FRA) President",
    ),
    (
        "australia-first-person",
        "Minister for Foreign Affairs\nSenator the Hon Penny Wong\n\nMedia release\n12 March 2024\n\n"
        "Meeting with Indonesian Foreign Minister\n\n"
        "Today I met with Indonesia's Foreign Minister Retno Marsudi in Jakarta to discuss our "
        "comprehensive strategic partnership.\n\n"
        "We agreed to deepen cooperation on maritime security and education.\n",
        "2024-03-12 meeting Jakarta | Penny Wong (None) Minister for Foreign Affairs; "
        "Retno Marsudi (IDN) Foreign Minister",
    ),
    (
        "australia-first-person-visit",
        "Minister for Foreign Affairs\nSenator the Hon Penny Wong\n\nMedia release\nVisit to "
        "Papua New Guinea\n4 June 2025\n\nI visited Port Moresby on 3 and 4 June, my first visit "
        "to Papua New Guinea this year.\n\nI met with Minister for Foreign Affairs Justin Tkatchenko "
        "at Parliament House. We discussed labour mobility and policing. Australia will fund "
        "a new police training centre in Lae.\n",
        "2025-06-03 visit Port Moresby | Penny Wong (None) Minister for Foreign Affairs; "
        "Justin Tkatchenko (PNG) Minister for Foreign Affairs",
    ),
    (
        "swiss-fdfa",
        "Federal Department of Foreign Affairs FDFA\nHomepage > News > Press releases\n"
        "Federal Councillor Meier and Peruvian Foreign Minister discuss trade by video conference\n"
        "Bern, 03.03.2026 - Press releases FDFA\n"
        "On 3 March 2026, Federal Councillor Anna Meier held a video conference with Peruvian "
        "Minister of Foreign Affairs Luis Quispe Mamani. Regarding Ukraine, Ms Meier reaffirmed "
        "Switzerland's support for reconstruction.\n",
        "2026-03-03 video_call None | Anna Meier (CHE) Federal Councillor; "
        "Luis Quispe Mamani (PER) Minister of Foreign Affairs",
    ),
    (
        "vietnam-mofa",
        "Deputy Prime Minister, Foreign Minister Bui Thanh Son holds talks with Lao Foreign Minister\n"
        "10/01/2024\n\n"
        "On 10 January, in Hanoi, Deputy Prime Minister, Foreign Minister Bui Thanh Son held talks "
        "with Deputy Prime Minister, Foreign Minister of Laos Saleumxay Kommasith.\n\n"
        "The two sides agreed to strengthen the special relationship.\n",
        "2024-01-10 talks Hanoi | Bui Thanh Son (None) Deputy Prime Minister + Foreign Minister; "
        "Saleumxay Kommasith (LAO) Deputy Prime Minister + Foreign Minister",
    ),
]


STYLES += [
    (
        # a bare name with its posts in an appositive (Xinhua / China MFA English)
        "china-appositive",
        "Wang Yi Holds Talks with Russian Foreign Minister Sergey Lavrov\n\n"
        "Wang Yi, a member of the Political Bureau of the CPC Central Committee and director of the "
        "Office of the Central Foreign Affairs Commission, held talks with Russian Foreign Minister "
        "Sergey Lavrov in Beijing on April 9, 2024.\n\n"
        "Wang Yi said that China and Russia are good neighbors.\n",
        "2024-04-09 talks Beijing | Wang Yi (CHN) member of the Political Bureau of the CPC Central "
        "Committee + director of the Office of the Central Foreign Affairs Commission; "
        "Sergey Lavrov (RUS) Foreign Minister",
    ),
    (
        # posts joined by a dash, the Kazakh MFA way
        "kazakhstan-mfa-dash",
        "Ministry of Foreign Affairs of the Republic of Kazakhstan\n\n"
        "Murat Nurtleu meets Foreign Minister of Hungary\n\n12 February 2024 16:05\n\n"
        "Astana, 12 February 2024 – Deputy Prime Minister – Minister of Foreign Affairs of the "
        "Republic of Kazakhstan Murat Nurtleu met with Minister of Foreign Affairs and Trade of "
        "Hungary Péter Szijjártó.\n\nThe parties discussed trade, energy and transport cooperation.\n",
        "2024-02-12 meeting Astana | Murat Nurtleu (KAZ) Deputy Prime Minister + Minister of "
        "Foreign Affairs; Péter Szijjártó (HUN) Minister of Foreign Affairs and Trade",
    ),
    (
        "akorda-venue-dateline",
        "Official website of the President of the Republic of Kazakhstan\n\n"
        "Head of State receives Prime Minister of Hungary\n\nAkorda, 15 October 2024\n\n"
        "Head of State Kassym-Jomart Tokayev received Prime Minister of Hungary Viktor Orbán, who "
        "arrived in Kazakhstan on an official visit.\n\nThe parties discussed bilateral cooperation.\n",
        "2024-10-15 meeting Astana | Kassym-Jomart Tokayev (KAZ) Head of State; "
        "Viktor Orbán (HUN) Prime Minister",
    ),
    (
        "white-house-hosts",
        "THE WHITE HOUSE\nReadout of President Biden's Meeting with President Lula of Brazil\n"
        "February 10, 2023\n\n"
        "President Joseph R. Biden, Jr. hosted President Luiz Inácio Lula da Silva of Brazil at the "
        "White House today. The two leaders reaffirmed the strong and vibrant relationship.\n",
        "2023-02-10 meeting Washington | Joseph R. Biden (USA) President; "
        "Luiz Inácio Lula da Silva (BRA) President",
    ),
    (
        "india-mea-highness",
        "Ministry of External Affairs\nGovernment of India\n\n"
        "Prime Minister's meeting with the President of the UAE\n\nFebruary 13, 2024\n\n"
        "Prime Minister Shri Narendra Modi met with the President of the United Arab Emirates, His "
        "Highness Sheikh Mohamed bin Zayed Al Nahyan, in Abu Dhabi today.\n\n"
        "The two leaders reviewed the Comprehensive Strategic Partnership between India and the UAE.\n",
        "2024-02-13 meeting Abu Dhabi | Narendra Modi (IND) Prime Minister; "
        "Sheikh Mohamed bin Zayed Al Nahyan (ARE) President",
    ),
    (
        "france-counterpart",
        "France Diplomatie\n\nJean-Noël Barrot spoke with his Ukrainian counterpart Andrii Sybiha\n\n"
        "Paris, 3 October 2024\n\n"
        "Jean-Noël Barrot, Minister for Europe and Foreign Affairs, spoke with his Ukrainian "
        "counterpart Andrii Sybiha.\n\nThe Minister reaffirmed France's support for Ukraine.\n",
        "2024-10-03 phone_call None | Jean-Noël Barrot (FRA) Minister for Europe and Foreign "
        "Affairs; Andrii Sybiha (UKR)",
    ),
    (
        # the host who invited a state visit is its other principal
        "joint-statement-visit",
        "Joint Statement between the People's Republic of China and the Republic of Kazakhstan\n\n"
        "2024-07-03\n\n"
        "At the invitation of President of the Republic of Kazakhstan Kassym-Jomart Tokayev, "
        "President of the People's Republic of China Xi Jinping paid a state visit to the Republic "
        "of Kazakhstan from July 2 to 3, 2024.\n\n"
        "The two sides agreed to deepen the permanent comprehensive strategic partnership.\n",
        "2024-07-02 joint_statement None | Xi Jinping (CHN) President; "
        "Kassym-Jomart Tokayev (KAZ) President",
    ),
    (
        # a visit's programme names the city; the inviter met in the programme is a participant
        "india-mea-visit-programme",
        "Visit of External Affairs Minister to Viet Nam (March 4-5, 2024)\n\nMarch 05, 2024\n\n"
        "1. External Affairs Minister Dr. Arvind Rao paid an official visit to Viet Nam from 4 to 5 "
        "March 2024 at the invitation of Foreign Minister Nguyen Van Thanh.\n\n"
        "2. During the visit, EAM held talks with Foreign Minister Nguyen Van Thanh in Hanoi. The "
        "two Ministers reviewed the progress of the Comprehensive Strategic Partnership between "
        "India and Viet Nam.\n",
        "2024-03-04 visit Hanoi | Arvind Rao (IND) External Affairs Minister; "
        "Nguyen Van Thanh (VNM) Foreign Minister",
    ),
    (
        # no masthead and no byline: the post is the name, and no country is guessed from a
        # country named once in passing
        # no byline: GOV.UK's headline style ("PM call with ...: <date>") gives the side;
        # Ukraine, named once in passing, does not
        "uk-no-byline",
        "PM call with President Rojas of Chile: 12 February 2024\n\n"
        "The Prime Minister spoke to President Tomás Rojas of Chile this afternoon.\n\n"
        "The Prime Minister thanked President Rojas for Chile’s support for Ukraine at the United "
        "Nations.\n",
        "2024-02-12 phone_call None | Prime Minister (GBR) Prime Minister; "
        "Tomás Rojas (CHL) President",
    ),
]


STYLES += [
    (
        # a multilateral meeting: the publisher's principal "attended" it with the others
        "china-mfa-multilateral",
        "Wang Yi Attends the China-Central Asia Foreign Ministers' Meeting\n\n"
        "On April 26, 2025, Member of the Political Bureau of the CPC Central Committee and Foreign "
        "Minister Wang Yi attended the Sixth China-Central Asia Foreign Ministers' Meeting in "
        "Almaty, Kazakhstan, together with Kazakh Deputy Prime Minister and Foreign Minister Murat "
        "Nurtleu, Turkmen Deputy Chairman of the Cabinet of Ministers and Foreign Minister Rashid "
        "Meredov and Uzbek Foreign Minister Bakhtiyor Saidov.\n\n"
        "Wang Yi said that China and Central Asian countries are good neighbors.\n",
        "2025-04-26 meeting Almaty | Wang Yi (CHN) Member of the Political Bureau of the CPC "
        "Central Committee + Foreign Minister; Murat Nurtleu (KAZ) Deputy Prime Minister + Foreign "
        "Minister; Rashid Meredov (TKM) Deputy Chairman of the Cabinet of Ministers + Foreign "
        "Minister; Bakhtiyor Saidov (UZB) Foreign Minister",
    ),
    (
        # an attendee named in the lead itself is not a principal
        "china-mfa-attendee-in-lead",
        "Wang Yi Holds Talks with Foreign Minister of Iran Abbas Araghchi\n\n"
        "On December 27, 2024, Foreign Minister Wang Yi held talks with Foreign Minister of Iran "
        "Abbas Araghchi in Beijing, and Vice Foreign Minister Sun Weidong attended the talks.\n\n"
        "Wang Yi said that China and Iran are comprehensive strategic partners. China and Iran "
        "should strengthen cooperation.\n",
        "2024-12-27 talks Beijing | Wang Yi (CHN) Foreign Minister; Abbas Araghchi (IRN) Foreign Minister",
    ),
    (
        "eeas-call",
        "EEAS Press Team\n\n"
        "Armenia: High Representative Kaja Kallas speaks with Foreign Minister Ararat Mirzoyan\n\n"
        "10.02.2025\n\n"
        "The High Representative/Vice-President Kaja Kallas had a phone call today with the Foreign "
        "Minister of Armenia, Ararat Mirzoyan. They discussed the normalisation process between "
        "Armenia and Azerbaijan.\n",
        "2025-02-10 phone_call None | Kaja Kallas (EU) High Representative/Vice-President; "
        "Ararat Mirzoyan (ARM) Foreign Minister",
    ),
    (
        "us-state-deputy",
        "Deputy Secretary Campbell’s Meeting with Philippine Foreign Secretary Manalo\n"
        "READOUT\nOFFICE OF THE SPOKESPERSON\nApril 11, 2024\n\n"
        "Deputy Secretary of State Kurt M. Campbell met with Philippine Foreign Secretary Enrique A. "
        "Manalo today in Washington. The Deputy Secretary reaffirmed the ironclad U.S. commitment to "
        "the Philippines.\n",
        "2024-04-11 meeting Washington | Kurt M. Campbell (USA) Deputy Secretary of State; "
        "Enrique A. Manalo (PHL) Foreign Secretary",
    ),
    (
        # a dateline without a year and no printed publication date: no full date
        "xinhua-no-year",
        "Xi meets Kyrgyz president\n\n"
        "BEIJING, Feb. 5 (Xinhua) -- Chinese President Xi Jinping on Wednesday met with visiting "
        "Kyrgyz President Sadyr Japarov at the Great Hall of the People in Beijing.\n\n"
        "Xi said China is ready to work with Kyrgyzstan.\n",
        "None meeting Beijing | Xi Jinping (CHN) President; Sadyr Japarov (KGZ) President",
    ),
]


STYLES += [
    (
        # coordinated subjects are two sides, not one
        "kremlin-coordinated",
        "President of Russia\nRussian-Chinese talks\nMay 16, 2024\n\n"
        "Vladimir Putin and Xi Jinping held talks in Beijing in a restricted format.\n\n"
        "The President of Russia is in China on a state visit. Russia and China agreed to deepen "
        "cooperation.\n",
        "2024-05-16 talks Beijing | Vladimir Putin (RUS) President; Xi Jinping (CHN)",
    ),
]


STYLES += [
    (
        # a headline of 30 words is no paragraph: the lead's date, not the page's
        "china-embassy-long-headline",
        "Embassy of the People's Republic of China in the Republic of Kazakhstan\n"
        "Home > Embassy News\n\n"
        "Vice Minister of Agriculture and Rural Affairs Ma Lin and Kazakh Vice Minister of "
        "Agriculture Yerlan Sadykov Co-chair the 5th Meeting of the China-Kazakhstan Agricultural "
        "Cooperation Subcommittee\n\n2025/04/10\n\n"
        "On April 9, 2025, Vice Minister of Agriculture and Rural Affairs of China Ma Lin and Vice "
        "Minister of Agriculture of the Republic of Kazakhstan Yerlan Sadykov co-chaired the 5th "
        "meeting of the Agricultural Cooperation Subcommittee in Astana.\n\n"
        "Ma Lin said that China is ready to import more high-quality Kazakh wheat.\n",
        "2025-04-09 meeting Astana | Ma Lin (CHN) Vice Minister of Agriculture and Rural Affairs; "
        "Yerlan Sadykov (KAZ) Vice Minister of Agriculture",
    ),
    (
        # a numbered release run into a long headline; the masthead gives the side
        "turkiye-mfa-long-headline",
        "REPUBLIC OF TÜRKİYE\nMINISTRY OF FOREIGN AFFAIRS\nHome / Press Releases\n\n"
        "No: 87, 12 May 2025, Press Release Regarding the Telephone Conversation of Minister of "
        "Foreign Affairs Selim Arslan with the Minister of Foreign Affairs of Georgia\n\n"
        "Minister of Foreign Affairs Selim Arslan had a telephone conversation today with Nino "
        "Beridze, Minister of Foreign Affairs of Georgia.\n\n"
        "The Ministers discussed the peace process between Armenia and Azerbaijan and the "
        "Middle Corridor.\n",
        "2025-05-12 phone_call None | Selim Arslan (TUR) Minister of Foreign Affairs; "
        "Nino Beridze (GEO) Minister of Foreign Affairs",
    ),
    (
        # a Korean family name that is also a venue word ("Park"); a Japanese "Vice-Minister"
        "korea-mofa-family-name",
        "Ministry of Foreign Affairs, Republic of Korea\n\n"
        "Outcome of Korea-Japan Vice Foreign Ministerial Strategic Dialogue\n\nDate : 2025-03-04\n\n"
        "First Vice Minister of Foreign Affairs Park Yoon-ho held the Korea-Japan Vice Foreign "
        "Ministerial Strategic Dialogue with Japanese Vice-Minister for Foreign Affairs Funakoshi "
        "Takehiro in Seoul on March 4.\n\n"
        "Vice Minister Park said that the two countries should build on the momentum of improved "
        "relations.\n\n※ Unofficial translation\n",
        "2025-03-04 talks Seoul | Park Yoon-ho (KOR) First Vice Minister of Foreign Affairs; "
        "Funakoshi Takehiro (JPN) Vice-Minister for Foreign Affairs",
    ),
    (
        # consultations: no subject in the lead, the heads of delegation in the next sentence
        "kazakhstan-mfa-consultations",
        "Ministry of Foreign Affairs of the Republic of Kazakhstan\n\n"
        "Kazakhstan and Malaysia hold political consultations\n\n14.03.2025\n\n"
        "On 14 March 2025, regular political consultations between the foreign ministries of "
        "Kazakhstan and Malaysia were held in Astana. The Kazakh delegation was led by Deputy "
        "Minister of Foreign Affairs Alibek Bakayev, and the Malaysian side by Secretary-General "
        "of the Ministry of Foreign Affairs Amran Mohamed Zin.\n\n"
        "The parties discussed trade, halal industry and education.\n",
        "2025-03-14 talks Astana | Alibek Bakayev (KAZ) Deputy Minister of Foreign Affairs; "
        "Amran Mohamed Zin (MYS) Secretary-General of the Ministry of Foreign Affairs",
    ),
    (
        "tajikistan-mfa-co-chaired",
        "Consultations held between the Foreign Ministries of Tajikistan and Hungary\n\n"
        "02.06.2025\n\n"
        "Political consultations between the foreign ministries of Tajikistan and Hungary were "
        "held in Dushanbe on 2 June 2025. The consultations were co-chaired by Deputy Minister of "
        "Foreign Affairs of Tajikistan Farrukh Sharifzoda and State Secretary of the Ministry of "
        "Foreign Affairs and Trade of Hungary Levente Magyar.\n\n"
        "The sides discussed cooperation in water management.\n",
        "2025-06-02 talks Dushanbe | Farrukh Sharifzoda (TJK) Deputy Minister of Foreign Affairs; "
        "Levente Magyar (HUN) State Secretary of the Ministry of Foreign Affairs and Trade",
    ),
    (
        # the guest holds the same post as the host: the byline names the host
        "uk-pm-same-post",
        "Press release\nPM meeting with Prime Minister Lindqvist of Sweden: 3 April 2025\n"
        "From: Prime Minister's Office, 10 Downing Street and The Rt Hon Edward Ashdown MP\n"
        "Published 3 April 2025\n\n"
        "The Prime Minister welcomed Prime Minister Mette Lindqvist of Sweden to Downing Street "
        "this afternoon.\n\n"
        "The leaders discussed support for Ukraine and security in the Baltic Sea.\n",
        "2025-04-03 meeting London | Edward Ashdown (GBR) Prime Minister; "
        "Mette Lindqvist (SWE) Prime Minister",
    ),
    (
        # "In Brasília, ..." opens a sentence; a Portuguese venue; the signature's city
        "brazil-communique",
        "Ministério das Relações Exteriores\n\n"
        "Joint Communiqué on the Official Visit of the President of Chile to Brazil\n\n"
        "At the invitation of the President of the Federative Republic of Brazil, Luiz Rocha, "
        "President Tomás Rojas of Chile paid an official visit to Brazil on 3 March 2025. In "
        "Brasília, the two Presidents held a private meeting at Palácio da Alvorada.\n\n"
        "1. The Presidents welcomed the progress of the Bioceanic Road Corridor.\n\n"
        "Brasília, 3 March 2025\n",
        "2025-03-03 joint_statement Brasília | Tomás Rojas (CHL) President; "
        "Luiz Rocha (BRA) President",
    ),
    (
        "brazil-venue-only",
        "Foreign Ministers of Brazil and Colombia meet\n\n"
        "The Foreign Ministers of Brazil and Colombia met at Palácio Itamaraty to review the "
        "bilateral agenda.\n\nThe ministers discussed the Amazon Cooperation Treaty Organization.\n",
        "None meeting Brasília | ",
    ),
    (
        # a city form that ends in a full stop keeps it
        "korea-mofa-washington-dc",
        "Outcome of Korea-U.S. Vice Foreign Ministerial Meeting\n\nDate : 2024-06-03\n\n"
        "First Vice Minister of Foreign Affairs Kim Hyun-woo held a meeting with U.S. Deputy "
        "Secretary of State Laura Bennett in Washington, D.C. on June 3.\n\n"
        "The two sides agreed to hold the next strategic dialogue in Seoul.\n",
        "2024-06-03 meeting Washington, D.C. | Kim Hyun-woo (KOR) First Vice Minister of Foreign "
        "Affairs; Laura Bennett (USA) Deputy Secretary of State",
    ),
    (
        # Canada: the date line names the place and the publisher
        "canada-gac-date-place",
        "Global Affairs Canada\n\nMinister meets with Philippine Secretary of Foreign Affairs\n\n"
        "May 20, 2025 - Ottawa, Ontario - Global Affairs Canada\n\n"
        "The Honourable Claire Fontaine, Minister of Foreign Affairs, today met with Enrique "
        "Bautista, Secretary of Foreign Affairs of the Philippines.\n\n"
        "The ministers discussed maritime security and trade.\n",
        "2025-05-20 meeting Ottawa | Claire Fontaine (CAN) Minister of Foreign Affairs; "
        "Enrique Bautista (PHL) Secretary of Foreign Affairs",
    ),
    (
        # a place named a city; the official name of the state as a masthead
        "philippines-dfa-named-city",
        "Department of Foreign Affairs\nRepublic of the Philippines\n\n"
        "Philippines and Australia Hold Third Ministerial Meeting\n\n"
        "Secretary of Foreign Affairs Enrique Bautista and Foreign Minister Helen Carmody of "
        "Australia held the third Philippines-Australia Foreign Ministers' Strategic Dialogue in "
        "Cebu City today.\n\nThe two Ministers welcomed the growth of bilateral trade.\n",
        "None meeting Cebu City | Enrique Bautista (PHL) Secretary of Foreign Affairs; "
        "Helen Carmody (AUS) Foreign Minister",
    ),
    (
        # a spokesperson frames the lead; a portfolio listed after a comma
        "egypt-mfa-spokesperson",
        "Arab Republic of Egypt\nMinistry of Foreign Affairs\n\n"
        "Foreign Minister Receives Kenyan Cabinet Secretary\n\nMonday, 12 May 2025\n\n"
        "Ambassador Nabil Fahmy, the Official Spokesperson of the Ministry of Foreign Affairs, "
        "stated that Minister of Foreign Affairs, Emigration and Egyptians Abroad Dr. Karim Adel "
        "received Kenyan Cabinet Secretary for Foreign Affairs Dr. Musalia Otieno in Cairo on "
        "Monday.\n\nMinister Adel affirmed Egypt's keenness to deepen cooperation on Nile water "
        "issues.\n",
        "2025-05-12 meeting Cairo | Karim Adel (EGY) Minister of Foreign Affairs, Emigration and "
        "Egyptians Abroad; Musalia Otieno (KEN) Cabinet Secretary for Foreign Affairs",
    ),
    (
        # a Mongolian name: the patronymic's initial glued to the given name
        "mongolia-mfa",
        "MINISTRY OF FOREIGN AFFAIRS OF MONGOLIA\n\n"
        "Minister for Foreign Affairs holds talks with Minister of Foreign Affairs of Kazakhstan"
        "\n\n2025.06.03\n\n"
        "On 3 June 2025, Minister for Foreign Affairs of Mongolia B.Enkhjargal held official talks "
        "in Ulaanbaatar with Minister of Foreign Affairs of Kazakhstan Daulet Ospanov.\n\n"
        "Minister B.Enkhjargal noted that the two countries share a common history.\n",
        "2025-06-03 talks Ulaanbaatar | B.Enkhjargal (MNG) Minister for Foreign Affairs; "
        "Daulet Ospanov (KAZ) Minister of Foreign Affairs",
    ),
    (
        # a Hijri dateline; the agency gives the side; a royal style after the post
        "saudi-spa",
        "Saudi Press Agency\n\nForeign Minister Receives Kazakh Counterpart\n\n"
        "Riyadh, Ramadan 14, 1446, March 14, 2025, SPA -- Minister of Foreign Affairs Prince "
        "Faisal bin Nasser received at the Ministry's headquarters in Riyadh today Minister of "
        "Foreign Affairs of the Republic of Kazakhstan Daulet Ospanov.\n\n"
        "During the meeting, they reviewed bilateral relations.\n",
        "2025-03-14 meeting Riyadh | Faisal bin Nasser (SAU) Minister of Foreign Affairs; "
        "Daulet Ospanov (KAZ) Minister of Foreign Affairs",
    ),
    (
        # a signature line whose city has an accent
        "signature-city",
        "Foreign ministers review bilateral agenda\n\n"
        "The foreign ministers of Colombia and Ecuador reviewed the bilateral agenda and border "
        "cooperation.\n\nThey agreed to deepen cooperation against illegal mining.\n\n"
        "Bogotá, 12 May 2025\n",
        "2025-05-12 other Bogotá | ",
    ),
    (
        # an agency in parentheses and a colon glued to the lead
        "pakistan-agency-colon",
        "Islamabad, March 6, 2023 (APP):Foreign Minister Tariq Hussain Bhatti received a telephone "
        "call from the Foreign Minister of New Zealand, Ms. Helen Carstairs, today. The two Foreign "
        "Ministers discussed flood relief and trade.\n",
        "2023-03-06 phone_call None | Tariq Hussain Bhatti (PAK) Foreign Minister; Helen Carstairs "
        "(NZL) Foreign Minister",
    ),
    (
        # two principals in one lead, each with an appositive post, the second without a closing
        # comma; a virtual meeting has no place
        "kenya-virtual",
        "Ministry of Foreign Affairs\n\nPress Release\n\nKENYA-CANADA BILATERAL CONSULTATIONS\n\n"
        "Amb. Grace Wanjiru, the Cabinet Secretary for Foreign Affairs and Hon. Mark Ellison, "
        "Canadian Minister of International Development held a virtual bilateral meeting to review "
        "the Kenya-Canada Partnership Framework.\n\n"
        "The meeting discussed cooperation in health and education.\n\n"
        "Ministry of Foreign Affairs\n\n14th March 2021\n",
        "2021-03-14 video_call None | Grace Wanjiru (KEN) Cabinet Secretary for Foreign Affairs; "
        "Mark Ellison (CAN) Minister of International Development",
    ),
    (
        # a place in a background clause is not the event's
        "kenya-background-place",
        "Ministry of Foreign Affairs\n\nPress Release\n\nKENYA-CANADA BILATERAL CONSULTATIONS\n\n"
        "Amb. Grace Wanjiru, the Cabinet Secretary for Foreign Affairs and Hon. Mark Ellison, "
        "Canadian Minister of International Development held a consultative meeting to review "
        "the Kenya-Canada Partnership Framework since its launch in June 2018 in Ottawa.\n\n"
        "Ministry of Foreign Affairs\n\n14th March 2021\n",
        "2021-03-14 meeting None | Grace Wanjiru (KEN) Cabinet Secretary for Foreign Affairs; "
        "Mark Ellison (CAN) Minister of International Development",
    ),
    (
        # an all-caps headline, "POST, HONORIFICS NAME," leads, the host after "at the invitation
        # of", a courtesy call on the head of government; the visited city, not the publisher's
        # capital under the signature
        "malaysia-visit",
        "MINISTRY OF FOREIGN AFFAIRS, MALAYSIA\n\nPRESS RELEASE\n\n"
        "WORKING VISIT OF THE MINISTER OF FOREIGN AFFAIRS OF MALAYSIA TO THE KINGDOM OF THAILAND, "
        "3 – 4 JUNE 2024\n\n"
        "The Minister of Foreign Affairs of Malaysia, YB Dato' Seri Ahmad Faisal bin Osman, "
        "undertook a Working Visit to Bangkok, the Kingdom of Thailand from 3 to 4 June 2024 at the "
        "invitation of the Minister of Foreign Affairs of Thailand, H.E. Mr. Somchai Rattanakorn."
        "\n\n2. Both Ministers discussed border trade and the welfare of Malaysians in Thailand.\n\n"
        "3. The Foreign Minister also paid a courtesy call on the Prime Minister of Thailand, H.E. "
        "Mrs. Pimchanok Srisuk.\n\n"
        "WISMA PUTRA\nKUALA LUMPUR\n4 June 2024\n",
        "2024-06-03 visit Bangkok | Ahmad Faisal bin Osman (MYS) Minister of Foreign Affairs; "
        "Somchai Rattanakorn (THA) Minister of Foreign Affairs; Pimchanok Srisuk (THA) Prime "
        "Minister",
    ),
    (
        # the lead names the visited country only; the meeting's sentence names the city
        "malaysia-visit-country",
        "MINISTRY OF FOREIGN AFFAIRS, MALAYSIA\n\nPRESS RELEASE\n\n"
        "WORKING VISIT OF THE MINISTER OF FOREIGN AFFAIRS OF MALAYSIA TO THE KINGDOM OF THAILAND, "
        "3 – 4 JUNE 2024\n\n"
        "The Minister of Foreign Affairs of Malaysia, YB Dato' Seri Ahmad Faisal bin Osman, "
        "undertook a Working Visit to the Kingdom of Thailand from 3 to 4 June 2024.\n\n"
        "2. On 3 June 2024, the Foreign Minister held a bilateral meeting with his counterpart, "
        "H.E. Mr. Somchai Rattanakorn, in Bangkok.\n\n"
        "WISMA PUTRA\nKUALA LUMPUR\n4 June 2024\n",
        "2024-06-03 visit Bangkok | Ahmad Faisal bin Osman (MYS) Minister of Foreign Affairs; "
        "Somchai Rattanakorn (THA)",
    ),
    (
        # the UN Secretary-General's page: the masthead gives the organisation and the post,
        # the signature line the name; Sudan named in the talks is no side
        "un-sg-masthead",
        "United Nations\nSecretary-General\n\nHome > Readouts\n\nNew York\n14 March 2025\n\n"
        "Readout of the Secretary-General’s meeting with H.E. Mr. Samuel Kiprono Mutai, President "
        "of the Republic of Kenya\n\nInés Maribel Quiroga, Secretary-General\n\n"
        "The Secretary-General met today with H.E. Mr. Samuel Kiprono Mutai, President of the "
        "Republic of Kenya.\n\nThe Secretary-General thanked Kenya for its leadership of the "
        "security mission in Haiti. They discussed the situation in Sudan, where the fighting has "
        "displaced millions, and the peace process in Sudan.\n",
        "2025-03-14 meeting New York | Inés Maribel Quiroga (UN) Secretary-General; Samuel "
        "Kiprono Mutai (KEN) President",
    ),
    (
        # NATO's page: a headline with a quotation; a future summit's place is not the visit's
        "nato-sg-visit",
        "NATO\nNorth Atlantic Treaty Organization\n\nHome > News\n\n"
        "Secretary General in Lithuania: “Lithuania is a model Ally”\n\n17 Feb. 2025 -\n\n"
        "The NATO Secretary General, Pieter van Dalen, visited Lithuania on Monday (17 February "
        "2025) for talks with the President of Lithuania, Ona Vaitkutė.\n\nThe two leaders "
        "discussed preparations for the NATO Summit in The Hague later this year.\n",
        "2025-02-17 visit None | Pieter van Dalen (NATO) Secretary General; Ona Vaitkutė (LTU) "
        "President",
    ),
    (
        # a venue, a comma and its city; the next session's city is not this one's
        "nigeria-venue-comma-city",
        "FEDERAL REPUBLIC OF NIGERIA\nMINISTRY OF FOREIGN AFFAIRS\n\nPRESS RELEASE\n\n"
        "NIGERIA AND GHANA AGREE TO DEEPEN TRADE TIES\n\nThe Honourable Minister of Foreign "
        "Affairs, Ambassador Yusuf Danladi Abubakar, on Tuesday, 4 March 2025, held bilateral "
        "talks with the Minister of Foreign Affairs of the Republic of Ghana, Mr. Kwame Asante, "
        "at Tafawa Balewa House, Abuja.\n\nThe two Ministers agreed to hold the next session of "
        "the Joint Commission for Cooperation in Accra in the first quarter of 2026.\n",
        "2025-03-04 talks Abuja | Yusuf Danladi Abubakar (NGA) Minister of Foreign Affairs + "
        "Ambassador; Kwame Asante (GHA) Minister of Foreign Affairs",
    ),
    (
        # a long sentence-case headline; the host's ministry then its city; the next meeting's
        # city, in the lead's paragraph, is not this one's
        "thailand-headline-venue",
        "Ministry of Foreign Affairs of the Kingdom of Thailand\nHome > News\n\n"
        "Minister of Foreign Affairs holds talks with Cambodian Deputy Prime Minister, agreeing "
        "to reopen border checkpoints and to step up joint action against online scam networks"
        "\n\nOn 3 April 2025, H.E. Mr. Somchai Rattanakorn, Minister of Foreign Affairs of "
        "Thailand, held talks with H.E. Mr. Sok Chenda, Deputy Prime Minister and Minister of "
        "Foreign Affairs of Cambodia, at the Ministry of Foreign Affairs, Bangkok. Both sides "
        "agreed to convene the next meeting of the Joint Boundary Commission in Phnom Penh in "
        "June.\n",
        "2025-04-03 talks Bangkok | Somchai Rattanakorn (THA) Minister of Foreign Affairs; Sok "
        "Chenda (KHM) Deputy Prime Minister + Minister of Foreign Affairs",
    ),
    (
        # the visiting minister is of the country his appositive names, the host of hers
        "nepal-visit",
        "Ministry of Foreign Affairs\nGovernment of Nepal\nPress Release on the Official Visit of "
        "the Foreign Minister of Sri Lanka to Nepal\nAt the invitation of Hon. Dr. Sushila "
        "Adhikari Thapa, Minister for Foreign Affairs of Nepal, H.E. Mr. Ranjith Perera, Minister "
        "of Foreign Affairs of the Democratic Socialist Republic of Sri Lanka, is paying an "
        "official visit to Nepal from 10 to 12 March 2025.\nThe two Ministers held bilateral "
        "talks at the Ministry of Foreign Affairs, Singha Durbar this afternoon.\nMinister Perera "
        "said that Sri Lanka attaches high priority to its relations with Nepal.\n"
        "Ministry of Foreign Affairs\nKathmandu\n10 March 2025\n",
        "2025-03-10 visit Kathmandu | Ranjith Perera (LKA) Minister of Foreign Affairs; Sushila "
        "Adhikari Thapa (NPL) Minister for Foreign Affairs",
    ),
    (
        # a Gulf portal's source credit gives the side
        "gulf-source-credit",
        "Gulf Today - WAM: Sheikh Hamdan bin Saeed Al Mansoori, Minister of State for Foreign "
        "Affairs, has received Tomas Novak, Foreign Minister of Slovakia, at the ministry in Abu "
        "Dhabi.\nThe two officials discussed ways of boosting cooperation.\n",
        "None meeting Abu Dhabi | Sheikh Hamdan bin Saeed Al Mansoori (ARE) Minister of State for "
        "Foreign Affairs; Tomas Novak (SVK) Foreign Minister",
    ),
]


@pytest.mark.parametrize(("style", "text", "expected"), STYLES, ids=[s[0] for s in STYLES])
def test_meta_across_house_styles(nlp, style, text, expected):
    meta = nlp(text)._.readout_meta
    assert _compact(meta) == expected


# ---------------------------------------------------------------------------------------
# Participants: names, countries, titles, aliases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # India MEA: principals met in sub-meetings of a visit are participants too
            "Visit of External Affairs Minister to Uzbekistan (November 06-07, 2023)\n\n"
            "External Affairs Minister (EAM) Dr. Raghav Krishnamurthy paid an official visit to "
            "Tashkent, Uzbekistan, on 6-7 November 2023.\n\n"
            "2. EAM held delegation-level talks with Foreign Minister of the Republic of Uzbekistan "
            "H.E. Mr. Farhod Ismoilov on 6 November. The two Ministers reviewed bilateral cooperation.\n\n"
            "3. EAM called on Prime Minister of the Republic of Uzbekistan H.E. Mr. Bakhodir Yusupov "
            "and conveyed the warm greetings of the leadership of India.\n\n"
            "4. EAM also met Minister of Investment, Industry and Trade H.E. Mr. Otabek Rakhmonov. "
            "They discussed Indian investments in Uzbekistan.\n",
            "Raghav Krishnamurthy (IND) External Affairs Minister; Farhod Ismoilov (UZB) Foreign "
            "Minister; Bakhodir Yusupov (UZB) Prime Minister; Otabek Rakhmonov (UZB) Minister of "
            "Investment, Industry and Trade",
        ),
        (  # Kremlin: the President is named without his post; the masthead gives it
            "President of Russia\nEvents\n\n"
            "Telephone conversation with President of Kyrgyzstan Azamat Osmonov\nOctober 7, 2022\n\n"
            "Viktor Sedov had a telephone conversation with President of the Kyrgyz Republic Azamat "
            "Osmonov. The conversation was initiated by the Kyrgyz side.\n",
            "Viktor Sedov (RUS) President; Azamat Osmonov (KGZ) President",
        ),
        (  # a title chain with a portfolio joined by "and", appositive posts in lower case
            "Chinese vice premier holds talks with Turkmen deputy prime minister\n\n"
            "ASHGABAT, Sept. 12 (Xinhua) -- Chinese Vice Premier Zhao Mingyuan held talks with "
            "Myrat Annaberdiyev, deputy chairman of the Cabinet of Ministers of Turkmenistan, in "
            "Ashgabat on Tuesday.\n\n"
            "Zhao, also a member of the Political Bureau of the Communist Party of China Central "
            "Committee, said that cooperation has made steady progress.\n",
            "Zhao Mingyuan (CHN) Vice Premier + member of the Political Bureau of the Communist "
            "Party of China Central Committee; Myrat Annaberdiyev (TKM) deputy chairman of the "
            "Cabinet of Ministers",
        ),
        (  # coordinated objects, a country name before a post, an alias in parentheses
            "Secretary Caldwell’s Trilateral Meeting with Japanese Foreign Minister Takeda and "
            "Republic of Korea Foreign Minister Kang\n\n"
            "Secretary of State Richard M. Caldwell met today with Japanese Foreign Minister Haruki "
            "Takeda and Republic of Korea (ROK) Foreign Minister Kang Dong-hyun on the margins of the "
            "ASEAN Foreign Ministers’ Meeting in Kuala Lumpur.\n",
            "Richard M. Caldwell (None) Secretary of State; Haruki Takeda (JPN) Foreign Minister; "
            "Kang Dong-hyun (KOR) Foreign Minister",
        ),
        (  # Chinese MFA: the subject's country is left to context
            "Vice Premier Zhao Mingyuan Meets with Kyrgyz Foreign Minister Nurlan Asanbekov\n\n"
            "On the afternoon of May 14, 2025, Vice Premier of the State Council Zhao Mingyuan met "
            "with Minister of Foreign Affairs of the Kyrgyz Republic Nurlan Asanbekov at the Great "
            "Hall of the People in Beijing.\n\n"
            "Zhao Mingyuan said that China and Kyrgyzstan are good neighbors. China is ready to "
            "work with Kyrgyzstan. Nurlan Asanbekov conveyed the greetings of President Sydykov.\n",
            "Zhao Mingyuan (CHN) Vice Premier of the State Council; Nurlan Asanbekov (KGZ) "
            "Minister of Foreign Affairs",
        ),
        (  # Pakistan: "Senator" is a style, not a post
            "DPM/FM holds telephone conversation with Foreign Minister of Iran\n\n"
            "Deputy Prime Minister and Foreign Minister Senator Mohammad Ishaq Dar held a telephone "
            "conversation with Foreign Minister of the Islamic Republic of Iran Abbas Araghchi.\n\n"
            "The two sides discussed the regional situation and Pakistan-Iran relations.\n",
            "Mohammad Ishaq Dar (PAK) Deputy Prime Minister + Foreign Minister; Abbas Araghchi (IRN) "
            "Foreign Minister",
        ),
        (  # an envoy's own country is the one after "of", the host's the one after "to"
            "Meeting with the Ambassador of Japan\n\n05.06.2024\n\n"
            "Minister of Foreign Affairs of the Republic of Uzbekistan Bakhtiyor Saidov met with the "
            "Ambassador of Japan to Uzbekistan Hatori Takashi.\n\n"
            "The parties discussed the preparations for upcoming high-level visits.\n",
            "Bakhtiyor Saidov (UZB) Minister of Foreign Affairs; Hatori Takashi (JPN) Ambassador",
        ),
        (  # an organisation inside the post gives the side
            "Meeting with the EU Special Representative for Central Asia\n\nBishkek, 14 March 2024\n\n"
            "Minister of Foreign Affairs of the Kyrgyz Republic Jeenbek Kulubaev met with the Special "
            "Representative of the European Union for Central Asia Terhi Hakala.\n\n"
            "The sides discussed cooperation between Kyrgyzstan and the EU.\n",
            "Jeenbek Kulubaev (KGZ) Minister of Foreign Affairs; Terhi Hakala (EU) Special "
            "Representative of the European Union for Central Asia",
        ),
        (  # a quoted lead: the event after the verb of saying, a counterpart the NER misses
            "Foreign Minister on gas supplies\n\n“Kazakhstan is a reliable supplier for Hungary "
            "and we intend to buy more”, Minister of Foreign Affairs Dóra Fehérvári said in "
            "Budapest on Tuesday after meeting with her Kazakh counterpart Ardak Zhumabekuly.\n\n"
            "Ardak Zhumabekuly said that Kazakhstan stands ready to increase supplies to "
            "Hungary.\n",
            "Dóra Fehérvári (HUN) Minister of Foreign Affairs; Ardak Zhumabekuly (KAZ)",
        ),
        (  # a sub-meeting only listed in a visit's programme is no principal of it ...
            "Foreign Minister concludes official visit to Korea\n\nMinister of Foreign Affairs "
            "Hon. Anura Wickramasena undertook an official visit to the Republic of Korea from 3 "
            "to 5 March 2025 at the invitation of the Minister of Foreign Affairs of the Republic "
            "of Korea, Mr. Park Min-seok.\n\nThe two Ministers held talks in Seoul on 4 March.\n\n"
            "During the visit, Minister Wickramasena called on Prime Minister Han Jae-won and met "
            "with the President of the Korea Trade-Investment Promotion Agency. He also addressed "
            "a Sri Lanka–Korea business forum in Seoul.\n",
            "Anura Wickramasena (LKA) Minister of Foreign Affairs; Park Min-seok (KOR) Minister "
            "of Foreign Affairs",
        ),
        (  # ... one whose talk the readout goes on to report is
            "Foreign Minister concludes official visit to Korea\n\nMinister of Foreign Affairs "
            "Hon. Anura Wickramasena undertook an official visit to the Republic of Korea from 3 "
            "to 5 March 2025 at the invitation of the Minister of Foreign Affairs of the Republic "
            "of Korea, Mr. Park Min-seok.\n\nThe two Ministers held talks in Seoul on 4 March.\n\n"
            "Minister Wickramasena also called on Prime Minister Han Jae-won and visited the "
            "Incheon free zone. They discussed Korean investment in Sri Lanka's ports and "
            "Sri Lanka–Korea trade.\n",
            "Anura Wickramasena (LKA) Minister of Foreign Affairs; Park Min-seok (KOR) Minister "
            "of Foreign Affairs; Han Jae-won (KOR) Prime Minister",
        ),
        (  # particles inside a name
            "Kazakhstan: President von der Leyen meets President Tokayev\n\n"
            "President of the European Commission Ursula von der Leyen met President of the Republic "
            "of Kazakhstan Kassym-Jomart Tokayev in Astana today. They discussed raw materials.\n",
            "Ursula von der Leyen (EU) President; Kassym-Jomart Tokayev (KAZ) President",
        ),
        (  # a long diplomatic post, the host country after "to"
            "Meeting with the Ambassador of the Republic of Korea\n\nDushanbe, 3 June 2024\n\n"
            "Minister of Foreign Affairs of the Republic of Tajikistan Sirojiddin Muhriddin received "
            "the Ambassador Extraordinary and Plenipotentiary of the Republic of Korea to the "
            "Republic of Tajikistan Kim Sang-jin.\n\nThe sides discussed Tajik-Korean cooperation.\n",
            "Sirojiddin Muhriddin (TJK) Minister of Foreign Affairs; Kim Sang-jin (KOR) Ambassador "
            "Extraordinary and Plenipotentiary",
        ),
        (  # a short China MFA text: "the Chinese side" names the subject's side
            "Wang Yi Holds Talks with Foreign Minister Beibut Atamkulov of Kazakhstan\n\n"
            "On March 28, 2019, Foreign Minister Wang Yi held talks with Foreign Minister Beibut "
            "Atamkulov of Kazakhstan in Beijing.\n\n"
            "Wang Yi pointed out that the two sides should maintain close high-level exchanges. "
            "The Chinese side welcomes more Kazakh students.\n",
            "Wang Yi (CHN) Foreign Minister; Beibut Atamkulov (KAZ) Foreign Minister",
        ),
    ],
)
def test_participants(nlp, text, expected):
    people = nlp(text)._.readout_meta.participants
    got = "; ".join(f"{p.name} ({p.country}) {' + '.join(p.titles)}".rstrip() for p in people)
    assert got == expected


def test_aliases_and_mentions(nlp):
    text = (
        "Visit of External Affairs Minister to Uzbekistan\n\n"
        "External Affairs Minister (EAM) Dr. Raghav Krishnamurthy paid an official visit to "
        "Tashkent on 6-7 November 2023. EAM held talks with Foreign Minister of Uzbekistan "
        "H.E. Mr. Farhod Ismoilov.\n\n"
        "F. Ismoilov stressed that Uzbekistan values its partnership with India. EAM agreed.\n"
    )
    people = {p.name: p for p in nlp(text)._.readout_meta.participants}
    assert people["Raghav Krishnamurthy"].aliases == ["EAM"]
    assert people["Farhod Ismoilov"].aliases == ["F. Ismoilov"]
    for p in people.values():
        assert p.mentions
        for span in p.mentions:
            form = text[span.start : span.end]
            assert form == p.name or form in p.aliases or form in p.name


def test_japanese_surname_in_capitals(nlp):
    text = (
        "Japan-China Foreign Ministers’ Meeting\n\nJuly 26, 2024\n\n"
        "On July 26, Mr. KAMIYA Hiroshi, Minister for Foreign Affairs of Japan, who is visiting "
        "Vientiane, Lao People’s Democratic Republic, held a Japan-China Foreign Ministers’ Meeting "
        "with H.E. Mr. Zhou Wenbin, Minister of Foreign Affairs of the People’s Republic of China.\n\n"
        "(1) Minister Kamiya stated that Japan and China share responsibility for peace.\n"
    )
    meta = nlp(text)._.readout_meta
    assert (meta.location, meta.event_type) == ("Vientiane", EventType.MEETING)
    kamiya = meta.participants[0]
    assert (kamiya.name, kamiya.country, kamiya.aliases) == ("KAMIYA Hiroshi", "JPN", ["Kamiya"])


def test_every_city_and_venue_has_a_unique_id():
    from readout_nlp.resources import load_jsonl

    ids = [e["id"] for e in load_jsonl("cities.jsonl")]
    assert len(ids) == len(set(ids))


def test_korean_family_name_is_the_short_form(nlp):
    """ "Vice Minister Park" refers to "Park Yoon-ho": the family name comes first."""
    text = (
        "Outcome of Korea-Japan Vice Foreign Ministerial Strategic Dialogue\n\n"
        "First Vice Minister of Foreign Affairs Park Yoon-ho held the Korea-Japan Vice Foreign "
        "Ministerial Strategic Dialogue with Japanese Vice-Minister for Foreign Affairs Funakoshi "
        "Takehiro in Seoul on March 4, 2025.\n\n"
        "Vice Minister Park said that the two countries should build on the momentum.\n"
    )
    park = nlp(text)._.readout_meta.participants[0]
    forms = {text[m.start : m.end] for m in park.mentions}
    assert (park.name, forms) == ("Park Yoon-ho", {"Park Yoon-ho", "Park"})


def test_given_participants_are_kept(nlp):
    from readout_nlp.pipeline import make_doc
    from readout_nlp.records import Meta

    text = STYLES[0][1]
    given = [
        Participant(name="Wang Yi", country="CHN"),
        Participant(name="Atamkulov", country="KAZ"),
    ]
    meta = make_doc(nlp, text, Meta(participants=given))._.readout_meta
    assert [p.name for p in meta.participants] == ["Wang Yi", "Atamkulov"]
    assert (meta.date, meta.location, meta.event_type) == (
        dt.date(2019, 3, 28),
        "Beijing",
        EventType.TALKS,
    )
    assert meta.rules["participants"] == "participants.given"


def test_rules_and_title_span(nlp):
    text = STYLES[3][1]
    meta = nlp(text)._.readout_meta
    assert (
        text[meta.title_span.start : meta.title_span.end]
        == meta.title
        == "Xi holds talks with Kazakh president"
    )
    assert meta.publisher == "CHN"
    assert {k: meta.rules[k] for k in ("date", "location", "publisher")} == {
        "date": "date.lead_weekday",
        "location": "location.lead_sentence",
        "publisher": "pub.xinhua",
    }
    assert meta.rules["event_type"].endswith("event.talks")
    assert all(re.fullmatch(r"[\w:.+; -]+|participant:.*", k) for k in meta.rules)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Atamkulov", "Beibut Atamkulov", True),
        ("Huang", "Huang Zhenyu", True),
        ("Thomas E. Harland", "Thomas Harland", True),
        ("Zhou Wenbin", "Zhou Hanbin", False),
        ("", "Wang Yi", False),
    ],
)
def test_same_person(a, b, same):
    assert same_person(a, b) is same


# ---------------------------------------------------------------------------------------
# The dev gold set, as a regression floor (FORMAT.md scoring, computed here)


def _name_match(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return a == b
    return same_person(a, b)


@pytest.mark.slow
def test_dev_gold_meta(nlp):
    from conftest import gold_names, load_gold

    names = gold_names()
    texts, golds = zip(*(load_gold(name) for name in names), strict=True)
    with nlp.select_pipes(disable=["readout_attribution", "readout_commitments"]):
        metas = [doc._.readout_meta for doc in nlp.pipe(texts)]
    n = ok_date = ok_type = ok_loc = 0
    tp = fp = fn = 0
    for gold, m in zip(golds, metas, strict=True):
        g = gold["meta"]
        n += 1
        ok_date += g["date"] == (m.date.isoformat() if m.date else None)
        ok_type += g["event_type"] == m.event_type.value
        ok_loc += _name_match(g["location"], m.location)
        gold_names_ = [p["name"] for p in g["participants"]]
        matched: set[int] = set()
        for p in m.participants:
            hit = next(
                (
                    i
                    for i, q in enumerate(gold_names_)
                    if i not in matched and same_person(q, p.name)
                ),
                None,
            )
            if hit is None:
                fp += 1
            else:
                matched.add(hit)
                tp += 1
        fn += len(gold_names_) - len(matched)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert min(ok_date / n, ok_type / n, ok_loc / n, f1) >= 0.95


@pytest.mark.parametrize(
    "text",
    [
        "H.E. Mr. Ts.Oyunbileg met U.S Secretary Thomas E. Harland (EAM) in  Ulaanbaatar.",
        "People’s Republic, O'Brien, Abdel-Rahman, HR/VP\u00a0Kaja\tKallas — “quoted” ...",
        "B.Battsetseg2 and Mr.X; P.R.C.s; E.",
        "",
    ],
)
def test_tokenize_finds_the_token_pattern_offsets(text):
    """`_tokenize` (findall and str.find) gives what `_TOKEN.finditer` gives, in any window."""
    from readout_nlp.meta import _TOKEN, _tokenize

    for a, b in [(0, len(text)), (3, len(text) - 2), (len(text) // 2, len(text))]:
        expected = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text[a:b])]
        expected = [(w, a + s, a + e) for w, s, e in expected]
        assert [(t.text, t.start, t.end) for t in _tokenize(text, a, b)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "On MAY 5, 2024 (Monday), 6-7 November 2023, 05.03.2024, 2019/05/22; this morning",
        "EAM also met Minister X. The Foreign Minister paid a courtesy call on the King.",
        "President of Russia | Kremlin | Office of the Spokesperson | Ministry of Foreign Affairs",
        "Yesterday, Sept. 12 — Xinhua; the Federal Foreign Office; SPA -- ",
    ],
)
def test_regex_gates_never_hide_a_match(text):
    """A pattern skipped for lack of its mandatory words (`_Gate`) has no match in the text."""
    from readout_nlp import meta

    patterns = [rx for _kind, rx in [*meta._FULL_DATES, *meta._PARTIAL_DATES]]
    patterns += [meta._WEEKDAY, meta._RELATIVE, meta._SUB_MEETING]
    patterns += [r.pattern for r in meta._publisher_rules()]
    for rx in patterns:
        if rx.search(text):
            assert meta._Gate.of(rx).open(text), rx.pattern
