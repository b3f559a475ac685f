"""CPU time of readout_nlp's own components per document, on documents parsed once.

    python benchmarks/components.py --docs 60 --reps 8

The spaCy part runs once; the library's components (meta, attribution, commitments, then
Readout + JSON) run `--reps` times on copies of the parsed Docs and the minimum per
component is reported, so a busy machine disturbs the figure less than a throughput run.
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

    best: dict[str, float] = {}
    for _ in range(args.reps):
        spent: dict[str, float] = {}
        for doc in [copy(d) for d in parsed]:
            for name, proc in procs:
                c0 = time.process_time()
                proc(doc)
                spent[name] = spent.get(name, 0.0) + time.process_time() - c0
            c0 = time.process_time()
            to_readout(doc).model_dump_json()
            spent["to_readout+json"] = spent.get("to_readout+json", 0.0) + time.process_time() - c0
        for name, cpu in spent.items():
            best[name] = min(best.get(name, float("inf")), cpu)
    n = len(parsed)
    rows = [("readout_segmenter (one run)", seg_cpu), *best.items()]
    print(f"readout_nlp {readout_nlp.__version__} from {Path(readout_nlp.__file__).parent}")
    print(f"CPU ms/doc, {n} docs, minimum of {args.reps} runs per component")
    for name, cpu in rows:
        print(f"  {name:<28} {cpu / n * 1000:7.2f}")
    print(f"  {'total':<28} {sum(c for _, c in rows) / n * 1000:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
