"""The docs cannot rot: their runnable examples run, their links resolve, and the command
line reference covers every command and option.

A fenced block whose info string is ``python runnable`` is executed; the blocks of one page
share a namespace, in order, as a reader would run them. Plain ``python`` blocks are
illustrations (they need other models, a batch folder, ...) and are not run. Blocks are found
with markdown-it-py (the parser rich uses, so it is installed with typer).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from markdown_it import MarkdownIt

import readout_nlp
from readout_nlp.cli import app

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
# Pages other engineers write: a link to them is checked once they exist.
PENDING = {
    ROOT / "docs" / "taxonomy.md",
    ROOT / "models" / "README.md",
    ROOT / "examples" / "taxonomy_custom.jsonl",
    ROOT / "models" / "en_readout_rules" / "taxonomy.jsonl",
}


def _blocks(page: Path, info: str = "python runnable") -> list[tuple[int, str]]:
    tokens = MarkdownIt("commonmark").parse(page.read_text(encoding="utf-8"))
    return [(t.map[0] + 1, t.content) for t in tokens if t.type == "fence" and t.info.strip() == info]


RUNNABLE = [p for p in PAGES if _blocks(p)]


@pytest.mark.parametrize("page", RUNNABLE, ids=[p.relative_to(ROOT).as_posix() for p in RUNNABLE])
def test_runnable_examples_run(page, nlp, monkeypatch):
    pytest.importorskip("pandas")
    monkeypatch.chdir(ROOT)  # where a reader of a fresh clone runs them (they only read files)
    # The session's pipeline stands in for load() and for analyze()'s default pipeline.
    monkeypatch.setattr(readout_nlp, "load", lambda model=None, **kwargs: nlp)
    monkeypatch.setattr(readout_nlp.pipeline, "_DEFAULT_NLP", nlp)
    namespace: dict = {"__name__": "__doc_example__"}
    for line, code in _blocks(page):
        try:
            exec(compile(code, f"{page.name}:{line}", "exec"), namespace)
        except Exception as exc:
            raise AssertionError(f"{page.name}, the block at line {line} failed: {exc!r}") from exc


LINK = re.compile(r"\]\(([^)\s]+)\)")


def _links(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # not inside code blocks
    return [m.group(1) for m in LINK.finditer(text)]


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(ROOT).as_posix() for p in PAGES])
def test_relative_links_resolve(page):
    for link in _links(page):
        if re.match(r"[a-z]+:", link) or link.startswith("#"):
            continue
        target = (page.parent / link.split("#", 1)[0]).resolve()
        if target in PENDING and not target.exists():
            continue
        assert target.exists(), f"{page.name} links to {link}, which does not exist"


def _commands() -> dict:
    # Typer vendors click, so the objects are duck-typed: a group with .commands, parameters
    # with .param_type_name, .opts and .secondary_opts.
    return dict(typer.main.get_command(app).commands)


def _section(text: str, name: str) -> str:
    m = re.search(rf"^## `readout-nlp {name}`\n(.*?)(?=^## |\Z)", text, flags=re.S | re.M)
    assert m, f"docs/cli.md has no section '## `readout-nlp {name}`'"
    return m.group(1)


@pytest.mark.parametrize("name", sorted(_commands()))
def test_cli_reference_covers_every_option(name):
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    section = _section(text, name)
    for param in _commands()[name].params:
        if param.name == "help":
            continue
        if param.param_type_name == "argument":
            assert f"`{param.name.upper()}`" in section, f"cli.md: {name} lacks {param.name.upper()}"
        else:
            for flag in (*param.opts, *param.secondary_opts):
                assert f"`{flag}`" in section, f"docs/cli.md: `readout-nlp {name}` lacks {flag}"
