"""The package imports, loads its pipeline and analyses a readout end to end."""

import readout_nlp


def test_version():
    assert readout_nlp.__version__


def test_analyze_end_to_end(nlp):
    text = (
        "Wang Yi Holds Talks with Foreign Minister Beibut Atamkulov of Kazakhstan\n\n"
        "On March 28, 2019, Foreign Minister Wang Yi held talks with Foreign Minister "
        "Beibut Atamkulov of Kazakhstan in Beijing.\n\n"
        "Wang Yi pointed out that the two sides should maintain close high-level exchanges. "
        "The Chinese side welcomes more Kazakh students.\n"
    )
    r = readout_nlp.analyze(text, nlp=nlp)
    assert len(r.paragraphs) == 2
    assert [s.text for s in r.sentences][1].startswith("Wang Yi pointed out")
    for rec in [*r.paragraphs, *r.sentences, *r.claims]:
        assert text[rec.start : rec.end] == rec.text
