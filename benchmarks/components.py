"""Time of readout_nlp's own components per document, on documents parsed once.

    python benchmarks/components.py --docs 60 --reps 8

The spaCy part runs once; the library's components (meta, attribution, commitments, then
Readout + JSON) run `--reps` times on copies of each parsed Doc, and the fastest run per
document and component is summed, so a busy machine disturbs the figure less than a
throughput run. (The repeated runs find the library's memo caches warm, as a long batch
does for the words and phrases readouts share; the figure is for comparing versions.)
To compare two versions of the library, run this script alternately with each version's
`src` first on PYTHONPATH (the benchmark corpus comes from this checkout either way).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # noqa: E402  (the corpus generator)

OURS = ("readout_segmenter", "readout_meta", "readout_attribution", "readout_commitments")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--reps", type=int, default=8)
    args = ap.parse_args(argv)

    import readout_nlp
    from readout_nlp.pipeline import to_readout

    try:  # the Doc text the segmenter caches (absent in older versions of the library)
        from readout_nlp.syntax import _DOC_TEXT
    except ImportError:
        _DOC_TEXT = None

    nlp = readout_nlp.load()
    seg_cpu = 0.0
    parsed = []
    for _, text in bench.generate(args.docs, seed=3):
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name in OURS[1:]:
                continue
            c0 = time.process_time()
            doc = proc(doc)
            if name == OURS[0]:
                seg_cpu += time.process_time() - c0
        parsed.append(doc)
    procs = [(name, proc) for name, proc in nlp.pipeline if name in OURS[1:]]

    def copy(doc):
        out = doc.copy()
        if _DOC_TEXT is not None:  # as the segmenter leaves it in a pipeline run
            _DOC_TEXT[out] = doc._.readout_layout.text
        return out

    # Per document and component, the fastest of `reps` runs (a run on a copy of the parsed
    # Doc, back to back), summed over the documents: a busy moment spoils one run of one
    # document, not the figure. perf_counter, not process_time: the latter ticks too coarsely
    # for a run of a millisecond on some systems.
    best: dict[str, float] = {}
    for parsed_doc in parsed:
        mine: dict[str, float] = {}
        for _ in range(args.reps):
            doc = copy(parsed_doc)
            for name, proc in procs:
                t0 = time.perf_counter()
                proc(doc)
                mine[name] = min(mine.get(name, float("inf")), time.perf_counter() - t0)
            t0 = time.perf_counter()
            to_readout(doc).model_dump_json()
            took = time.perf_counter() - t0
            mine["to_readout+json"] = min(mine.get("to_readout+json", float("inf")), took)
        for name, sec in mine.items():
            best[name] = best.get(name, 0.0) + sec
    n = len(parsed)
    rows = [("readout_segmenter (one run)", seg_cpu), *best.items()]
    print(f"readout_nlp {readout_nlp.__version__} from {Path(readout_nlp.__file__).parent}")
    print(f"ms/doc, {n} docs; each component's fastest of {args.reps} runs per document")
    for name, cpu in rows:
        print(f"  {name:<28} {cpu / n * 1000:7.2f}")
    print(f"  {'total':<28} {sum(c for _, c in rows) / n * 1000:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
