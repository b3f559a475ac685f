#!/usr/bin/env python
"""Render a readout, open it in headless Chromium, and check the speakers' highlights show.

    .venv/bin/python scripts/screenshot.py                 # the seed readout → out/screenshot/
    .venv/bin/python scripts/screenshot.py FILE -o DIR     # any readout text or .json record

Two checks, both on what the browser produced rather than on our own markup:

1. ``--dump-dom``: the DOM Chromium built has one highlight element (``data-claim``) for every
   claim, carrying every speaker's name.
2. ``--screenshot``: each speaker's colour covers a visible area of the PNG (counted with
   Pillow, which matplotlib already brings; without Pillow this check is skipped and said so).

Needs Debian's ``chromium`` package (``apt-get install chromium``). Exits 1 if a check fails.
tests/test_render.py runs the same checks (marked ``browser``; skipped without Chromium).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import readout_nlp
from readout_nlp.batch import read_text
from readout_nlp.records import Readout
from readout_nlp.render import render_page, speaker_colours

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "readouts" / "cn-mfa-kaz-2019-03-28.txt"
# Who met, as the seed readout's headline and first paragraph say; given so the check does not
# depend on how well participants are read from the text.
SEED_PARTICIPANTS = [
    {"name": "Wang Yi", "country": "CHN", "titles": ["State Councilor", "Foreign Minister"]},
    {"name": "Beibut Atamkulov", "country": "KAZ", "titles": ["Foreign Minister"]},
]
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    # Screenshots in plain sRGB, so a CSS colour comes out as the same RGB in the PNG.
    "--force-color-profile=srgb",
]


@dataclass
class Report:
    html: Path
    png: Path
    dom_claims: int = 0
    dom_speakers: set[str] = field(default_factory=set)
    pixels: dict[str, int] = field(default_factory=dict)  # speaker → pixels of their colour
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        lines = [
            f"page: {self.html}",
            f"screenshot: {self.png}",
            f"DOM: {self.dom_claims} highlighted claims; speakers {sorted(self.dom_speakers)}",
        ]
        lines += [f"  {name}: {n:,} pixels of its colour" for name, n in self.pixels.items()]
        return "\n".join(lines + self.notes)


class _Claims(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.claims: set[str] = set()
        self.speakers: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("data-role") == "claim" and a.get("data-claim") is not None:
            self.claims.add(a["data-claim"] or "")
            self.speakers.update((a.get("data-speakers") or "").split("|"))


def seed_readout(nlp=None) -> Readout:
    """The seed readout (Chinese MFA, Wang Yi and Beibut Atamkulov), analysed."""
    return readout_nlp.analyze(
        read_text(SEED), source=SEED.name, nlp=nlp, participants=SEED_PARTICIPANTS
    )


def _chromium(chromium: str, args: list[str], user_data: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={user_data}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def _hex_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def count_colours(png: Path, colours: dict[str, str], tolerance: int = 2) -> dict[str, int]:
    """Pixels within ``tolerance`` of each colour (per channel) in the PNG."""
    from PIL import Image

    with Image.open(png) as im:
        counts = {rgb: n for n, rgb in im.convert("RGB").getcolors(maxcolors=1 << 24)}
    out = {}
    for name, colour in colours.items():
        target = _hex_rgb(colour)
        out[name] = sum(
            n
            for rgb, n in counts.items()
            if all(abs(a - b) <= tolerance for a, b in zip(rgb, target, strict=True))
        )
    return out


def check(
    readout: Readout,
    out_dir: Path,
    *,
    chromium: str = "chromium",
    window: str = "1280,2000",
) -> Report:
    """Write the page, dump its DOM and screenshot it with Chromium; count what shows."""
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / "readout.html"
    png = out_dir / "screenshot.png"
    page.write_text(render_page(readout), encoding="utf-8")
    report = Report(html=page, png=png)
    with tempfile.TemporaryDirectory(prefix="readout-chromium-") as user_data:
        url = page.resolve().as_uri()
        dom = _chromium(chromium, ["--dump-dom", url], Path(user_data)).stdout
        _chromium(
            chromium, [f"--screenshot={png}", f"--window-size={window}", url], Path(user_data)
        )
    parser = _Claims()
    parser.feed(dom)
    report.dom_claims = len(parser.claims)
    report.dom_speakers = parser.speakers - {""}
    speakers = {name for c in readout.claims for name in c.speakers}
    colours = {k: v for k, v in speaker_colours(readout).items() if k in speakers}
    try:
        report.pixels = count_colours(png, colours)
    except ImportError:
        report.notes.append("Pillow is not installed: pixel colours not counted")
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", type=Path, help="readout text or .json (default: seed)")
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "out" / "screenshot")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--window", default="1280,2000", help="width,height in pixels")
    ap.add_argument("--min-pixels", type=int, default=1000, help="least area per speaker")
    args = ap.parse_args(argv)
    if not Path(args.chromium).exists():
        print(f"no Chromium at {args.chromium}: apt-get install chromium", file=sys.stderr)
        return 2
    if args.file is None:
        readout = seed_readout()
    elif args.file.suffix == ".json":
        readout = Readout.model_validate_json(read_text(args.file))
    else:
        readout = readout_nlp.analyze(read_text(args.file), source=str(args.file))
    report = check(readout, args.out, chromium=args.chromium, window=args.window)
    print(report.describe())
    speakers = {name for c in readout.claims for name in c.speakers}
    failures = []
    if report.dom_claims != len(readout.claims):
        failures.append(f"{report.dom_claims} highlights in the DOM for {len(readout.claims)} claims")
    if report.dom_speakers != speakers:
        failures.append(f"speakers in the DOM {sorted(report.dom_speakers)} != {sorted(speakers)}")
    failures += [
        f"{name}'s colour covers only {n} pixels"
        for name, n in report.pixels.items()
        if n < args.min_pixels
    ]
    for f in failures:
        print(f"FAIL: {f}", file=sys.stderr)
    print("OK" if not failures else "FAILED")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
