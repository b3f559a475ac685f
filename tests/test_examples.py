"""The walkthrough in examples/ runs as a script, so it cannot rot.

It runs in a temporary working directory with the session's pipeline (``readout_nlp.load``
patched to return it), and must leave its page, tables and (with matplotlib) figure behind.
"""

from __future__ import annotations

import importlib.util
import runpy
from pathlib import Path

import pytest

import readout_nlp

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
WALKTHROUGH = EXAMPLES / "walkthrough.py"


@pytest.fixture(scope="module")
def walkthrough(nlp, tmp_path_factory):
    """The walkthrough's namespace and output folder, run once for this module."""
    pytest.importorskip("pandas")
    work = tmp_path_factory.mktemp("walkthrough")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(work)
        mp.setattr(readout_nlp, "load", lambda model=None, **kwargs: nlp)
        namespace = runpy.run_path(str(WALKTHROUGH), run_name="__main__")
    return namespace, work / "walkthrough_out"


def test_it_analyses_every_example(walkthrough):
    namespace, _ = walkthrough
    names = sorted(p.name for p in (EXAMPLES / "readouts").glob("*.txt"))
    assert len(names) >= 4
    assert [r.source for r in namespace["readouts"]] == names


def test_it_renders_the_seed_readout_with_its_claims(walkthrough):
    namespace, out = walkthrough
    readout = namespace["readout"]
    page = (out / "readout.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert len(readout.claims) > 0
    for i in range(len(readout.claims)):
        assert f'data-claim="{i}"' in page


def test_it_tabulates(walkthrough):
    namespace, _ = walkthrough
    claims = namespace["claims"]
    assert len(claims) == len(namespace["readout"].claims)
    assert set(claims["speaker_country"].dropna()) <= {"CHN", "KAZ"}


def test_it_runs_a_batch_and_reads_the_folder_back(walkthrough):
    namespace, out = walkthrough
    assert (out / "batch" / "readouts.jsonl").is_file()
    assert len(namespace["folder"]) == len(namespace["readouts"])


@pytest.mark.skipif(importlib.util.find_spec("matplotlib") is None, reason="no plot extra")
def test_it_plots(walkthrough):
    _, out = walkthrough
    assert (out / "commitments.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
