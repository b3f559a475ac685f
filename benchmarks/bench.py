"""Throughput and memory of readout_nlp's batch analysis against bare spaCy.

    python benchmarks/bench.py                  # 2,000 docs; memory at 1,000 and 10,000 docs
    python benchmarks/bench.py --quick          # 200 docs; memory at 100 and 1,000 docs
    python benchmarks/bench.py --docs 500 --memory-sizes 500,2000 --profile

The corpus is generated from the hand-labelled readouts in tests/gold (dev, and extra when
present): each new readout keeps a source readout's headline and opening, reorders and
subsamples its body paragraphs, may borrow a paragraph from another readout of the same
house style, and varies the participants' names and the dates. It is streamed, never held
whole.

Throughput: bare ``nlp.pipe`` of the same spaCy model and the full readout_nlp analysis
(``batch.analyse_jobs``: segmentation, metadata, attribution, commitments, Readout JSON),
each with one process and with a pool of two worker processes, run on the same texts and
taking turns segment by segment, so that any other load on the machine falls on all four
alike.
Memory: ``run_batch`` end to end (files in, readouts.jsonl + tables out) in a fresh
subprocess per corpus size; peak RSS of the parent and of the largest worker.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import json
import os
import platform
import pstats
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIRS = [ROOT / "tests" / "gold" / "dev", ROOT / "tests" / "gold" / "extra"]

# ---------------------------------------------------------------------------------------
# Corpus


@dataclass(frozen=True)
class Source:
    name: str
    style: str
    header: list[str]  # headline, date and boilerplate blocks before the first paragraph
    body: list[str]
    names: list[str]  # participants' names as printed


_BLOCKS = re.compile(r"\n[ \t]*\n+")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]  # fmt: skip
_M = "|".join(_MONTHS)
_DATES = re.compile(
    rf"\b(?P<mdy>(?P<m1>{_M}) (?P<d1>\d{{1,2}}), (?P<y1>\d{{4}}))"
    rf"|\b(?P<dmy>(?P<d2>\d{{1,2}}) (?P<m2>{_M}) (?P<y2>\d{{4}}))"
    r"|\b(?P<iso>(?P<y3>\d{4})(?P<sep>[-/])(?P<m3>\d{2})(?P=sep)(?P<d3>\d{2}))\b"
)


def load_sources() -> list[Source]:
    sources = []
    for folder in GOLD_DIRS:
        for gold in sorted(folder.glob("*.gold.json")):
            text = gold.with_name(gold.name[: -len(".gold.json")] + ".txt").read_text("utf-8")
            labels = json.loads(gold.read_text("utf-8"))
            blocks = [b.strip("\n") for b in _BLOCKS.split(text) if b.strip()]
            first = next(
                (i for i, b in enumerate(blocks) if len(b) >= 200 and ". " in b), len(blocks)
            )
            if first >= len(blocks) - 1:
                continue  # one-block documents cannot be recombined
            names = [p["name"] for p in labels["meta"]["participants"]]
            sources.append(
                Source(gold.stem, labels.get("style", "?"), blocks[:first], blocks[first:], names)
            )
    if not sources:
        raise SystemExit(f"no gold readouts found in {GOLD_DIRS[0]}")
    return sources


def _shift_dates(text: str, days: int) -> str:
    def repl(m: re.Match[str]) -> str:
        try:
            if m.group("mdy"):
                d = dt.date(int(m["y1"]), _MONTHS.index(m["m1"]) + 1, int(m["d1"]))
                d += dt.timedelta(days=days)
                return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"
            if m.group("dmy"):
                d = dt.date(int(m["y2"]), _MONTHS.index(m["m2"]) + 1, int(m["d2"]))
                d += dt.timedelta(days=days)
                return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
            d = dt.date(int(m["y3"]), int(m["m3"]), int(m["d3"])) + dt.timedelta(days=days)
            sep = m["sep"]
            return f"{d.year}{sep}{d.month:02d}{sep}{d.day:02d}"
        except ValueError:
            return m.group(0)

    return _DATES.sub(repl, text)


def _rename(text: str, mapping: dict[str, str]) -> str:
    for old, new in mapping.items():
        text = text.replace(old, new)
        old_last, new_last = old.split()[-1], new.split()[-1]
        if len(old_last) > 3 and old_last != old:
            text = re.sub(rf"\b{re.escape(old_last)}\b", new_last, text)
    return text


def generate(n: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """(name, text) for n readouts recombined from the gold ones; deterministic."""
    sources = load_sources()
    by_style: dict[str, list[Source]] = defaultdict(list)
    for s in sources:
        by_style[s.style].append(s)
    pool = sorted({name for s in sources for name in s.names})
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        src = sources[i % len(sources)]
        middle = src.body[1:]
        keep = max(1, round(len(middle) * rng.uniform(0.6, 1.0))) if middle else 0
        body = [src.body[0], *rng.sample(middle, keep)]
        mates = [s for s in by_style[src.style] if s is not src]
        if mates and rng.random() < 0.5:
            mate = rng.choice(mates)
            if len(mate.body) > 1:
                borrowed = rng.choice(mate.body[1:])
                body.insert(rng.randrange(1, len(body) + 1), _rename(
                    borrowed, dict(zip(mate.names, src.names, strict=False))
                ))  # fmt: skip
        text = "\n\n".join([*src.header, *body]) + "\n"
        others = [p for p in pool if p not in src.names]
        mapping = dict(zip(src.names, rng.sample(others, len(src.names)), strict=True))
        text = _shift_dates(_rename(text, mapping), rng.randint(-1500, 1500))
        yield f"{i:05d}-{src.name}", text


# ---------------------------------------------------------------------------------------
# Throughput


def _bare_and_full(model: str | None):
    import spacy

    import readout_nlp
    from readout_nlp.pipeline import DEFAULT_MODELS

    nlp = readout_nlp.load(model)
    name = model or next(m for m in DEFAULT_MODELS if spacy.util.is_package(m))
    bare = spacy.load(name)
    return bare, nlp, name


def _run_bare(bare, texts: list[str], batch_size: int) -> int:
    return sum(len(doc) for doc in bare.pipe(texts, batch_size=batch_size))


def _run_full(nlp, texts: list[str], batch_size: int) -> int:
    from readout_nlp.batch.engine import Job, analyse_jobs

    size = 0
    for k in range(0, len(texts), batch_size):
        jobs = [Job(f"doc{k + j}", None, t) for j, t in enumerate(texts[k : k + batch_size])]
        for done in analyse_jobs(nlp, jobs):
            size += len(done.json or "") if done is not None else 0
    return size


_W: dict[str, object] = {}


def _worker_init(model: str | None) -> None:
    from readout_nlp.batch.engine import freeze_loaded

    _W["bare"], _W["nlp"], _ = _bare_and_full(model)
    freeze_loaded()  # as run_batch's workers do


def _worker_task(kind: str, texts: list[str], batch_size: int) -> tuple[int, float]:
    """(result, CPU seconds this worker spent on it)."""
    c0 = time.process_time()
    if kind == "bare":
        out = _run_bare(_W["bare"], texts, batch_size)
    else:
        out = _run_full(_W["nlp"], texts, batch_size)
    return out, time.process_time() - c0


@dataclass
class Rate:
    docs: int = 0
    tokens: int = 0
    seconds: float = 0.0  # wall clock
    cpu: float = 0.0  # CPU seconds of the process(es) doing the work
    # CPU seconds per piece of work: per batch with one process, per segment with two
    segments: list[float] = field(default_factory=list)

    @property
    def cores(self) -> float:
        """CPU cores this run actually got on average (the machine may be shared)."""
        return self.cpu / self.seconds if self.seconds else 0.0

    @property
    def cpu_per_doc(self) -> float:
        return self.cpu / self.docs if self.docs else 0.0

    @property
    def docs_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def tokens_s(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0


def paired_overheads(bare: Rate, full: Rate) -> list[float]:
    """Per batch, readout_nlp's CPU time over bare spaCy's on the same texts, minus 1."""
    return [f / b - 1 for b, f in zip(bare.segments, full.segments, strict=True) if b > 0]


def throughput(
    n: int, model: str | None, batch_size: int, two: bool
) -> tuple[dict[tuple[str, int], Rate], str]:
    """Rates of bare spaCy and readout_nlp with 1 (and 2) processes on the same texts.

    The corpus is cut into segments of four batches. On each segment the one-process runs
    take turns batch by batch (bare, full, then full, bare ...), then the two-process runs
    take the whole segment in turn. The machine may be shared (other jobs, other developers'
    tests), so a slow patch hits both sides of a comparison alike instead of one of them.
    """
    import multiprocessing

    from readout_nlp.batch.engine import freeze_loaded

    bare, nlp, name = _bare_and_full(model)
    warm = [t for _, t in generate(8, seed=99)]
    _run_bare(bare, warm, batch_size)
    _run_full(nlp, warm, batch_size)
    # As run_batch does in its process and its workers: both pipelines' objects are kept
    # out of the garbage collector's full passes (bare spaCy hardly triggers any).
    frozen = freeze_loaded()
    kinds = [("bare", 1), ("full", 1)] + ([("bare", 2), ("full", 2)] if two else [])
    rates = {k: Rate() for k in kinds}
    ex = None
    if two:
        ctx = multiprocessing.get_context("spawn")
        ex = ProcessPoolExecutor(2, mp_context=ctx, initializer=_worker_init, initargs=(model,))
        list(ex.map(_worker_task, ["full", "full"], [warm, warm], [batch_size] * 2))
    segment = 4 * batch_size
    texts_iter = (t for _, t in generate(n))
    step = 0
    try:
        while seg := [t for _, t in zip(range(segment), texts_iter, strict=False)]:
            order = kinds[step % len(kinds) :] + kinds[: step % len(kinds)]
            step += 1
            tokens = 0
            # One process: bare spaCy and readout_nlp take turns batch by batch (who goes
            # first alternates), so each batch's pair of timings shares the machine's state.
            one = [k for k in order if k[1] == 1]
            for b, k0 in enumerate(range(0, len(seg), batch_size)):
                batch = seg[k0 : k0 + batch_size]
                for kind, _ in one if b % 2 == 0 else one[::-1]:
                    rate = rates[(kind, 1)]
                    t0, c0 = time.perf_counter(), time.process_time()
                    if kind == "bare":
                        tokens += _run_bare(bare, batch, batch_size)
                    else:
                        _run_full(nlp, batch, batch_size)
                    cpu = time.process_time() - c0
                    rate.cpu += cpu
                    rate.seconds += time.perf_counter() - t0
                    rate.docs += len(batch)
                    rate.segments.append(cpu)
            for kind, procs in (k for k in order if k[1] == 2):
                rate = rates[(kind, procs)]
                t0, c0 = time.perf_counter(), time.process_time()
                assert ex is not None
                parts = [seg[k : k + batch_size] for k in range(0, len(seg), batch_size)]
                res = ex.map(_worker_task, [kind] * len(parts), parts, [batch_size] * len(parts))
                cpu = sum(cpu for _, cpu in res) + (time.process_time() - c0)
                rate.cpu += cpu
                rate.seconds += time.perf_counter() - t0
                rate.docs += len(seg)
                rate.segments.append(cpu)
            for rate in rates.values():
                rate.tokens += tokens
            _progress(f"  throughput: {rates[kinds[0]].docs}/{n} docs")
    finally:
        if ex is not None:
            ex.shutdown()
        if frozen:
            gc.unfreeze()
    _progress("")
    return rates, name


# ---------------------------------------------------------------------------------------
# Where the library's time goes


def component_times(n: int, model: str | None) -> list[tuple[str, float]]:
    """Seconds per document in each pipeline component, plus Readout building + JSON."""
    from readout_nlp.pipeline import to_readout

    _, nlp, _ = _bare_and_full(model)
    spent: dict[str, float] = defaultdict(float)
    docs = 0
    for _, text in generate(n, seed=3):
        t0 = time.perf_counter()
        doc = nlp.make_doc(text)
        spent["tokenizer"] += time.perf_counter() - t0
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            spent[name] += time.perf_counter() - t0
        t0 = time.perf_counter()
        try:
            to_readout(doc).model_dump_json()
        except Exception:
            pass
        spent["to_readout+json"] += time.perf_counter() - t0
        docs += 1
    return [(k, v / docs) for k, v in spent.items()]


def hotspots(n: int, model: str | None, top: int = 15) -> str:
    """cProfile of the library's own functions (file:function, cumulative and own time)."""
    _, nlp, _ = _bare_and_full(model)
    texts = [t for _, t in generate(n, seed=5)]
    prof = cProfile.Profile()
    prof.enable()
    _run_full(nlp, texts, 32)
    prof.disable()
    stats = pstats.Stats(prof)
    rows = []
    for (file, line, func), (_cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "readout_nlp" in file:
            rel = file.split("readout_nlp/")[-1]
            rows.append((ct, tt, nc, f"{rel}:{func} (line {line})"))
    rows.sort(reverse=True)
    buf = io.StringIO()
    buf.write(f"  {'cum s/doc':>10} {'own s/doc':>10} {'calls/doc':>10}  function\n")
    for ct, tt, nc, where in rows[:top]:
        buf.write(f"  {ct / n:10.4f} {tt / n:10.4f} {nc / n:10.1f}  {where}\n")
    # Calls from the library into spaCy/other code, by time spent (a Cython property such
    # as Doc.text shows up here, not in the library function's own time).
    calls = []
    for (file, _line, func), (_cc, _nc, _tt, _ct, callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "readout_nlp" in file:
            continue
        for (cfile, cline, cfunc), (_c, cn, _t, cct) in callers.items():
            if "readout_nlp" in cfile:
                callee = f"{Path(file).name}:{func}" if file != "~" else func
                caller = f"{cfile.split('readout_nlp/')[-1]}:{cfunc} (line {cline})"
                calls.append((cct, cn, caller, callee))
    calls.sort(reverse=True)
    buf.write("  -- calls out of the library, by time --\n")
    for ct, nc, caller, callee in calls[:8]:
        buf.write(f"  {ct / n:10.4f} {'':>10} {nc / n:10.1f}  {caller} -> {callee}\n")
    by_own = sorted(rows, key=lambda r: r[1], reverse=True)[:top]
    buf.write("  -- by own time --\n")
    for ct, tt, nc, where in by_own:
        buf.write(f"  {ct / n:10.4f} {tt / n:10.4f} {nc / n:10.1f}  {where}\n")
    return buf.getvalue()


# ---------------------------------------------------------------------------------------
# Memory: run_batch end to end in a fresh process per size


def _peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM, because ru_maxrss survives fork+exec: a child of a
    large process would report its parent's size."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory_child(n: int, n_process: int, batch_size: int, model: str | None) -> None:
    """(In a subprocess.) Write n generated readouts to a folder, run_batch it, report."""
    from readout_nlp.batch import run_batch

    with tempfile.TemporaryDirectory(prefix="readout-bench-") as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        for name, text in generate(n):
            sub = src / name[:2]  # ~100 folders of ≤ 1,000 files
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"{name}.txt").write_text(text, "utf-8")
        rss_before = _peak_rss_mb()
        t0 = time.perf_counter()
        summary = run_batch(src, out, model=model, n_process=n_process, batch_size=batch_size,
                            progress=False)  # fmt: skip
        seconds = time.perf_counter() - t0
        out_mb = sum(p.stat().st_size for p in out.iterdir()) / 1e6
        from readout_nlp.batch import iter_errors

        first_errors = [str(e) for _, e in zip(range(3), iter_errors(out), strict=False)]
    print(json.dumps({
        "docs": n, "done": summary.done, "failed": summary.failed, "seconds": seconds,
        "parent_peak_mb": _peak_rss_mb(),
        "parent_before_run_mb": rss_before,
        "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "output_mb": out_mb, "first_errors": first_errors,
    }))  # fmt: skip


def memory(n: int, n_process: int, batch_size: int, model: str | None) -> dict:
    cmd = [sys.executable, __file__, "--memory-child", str(n), "--n-process", str(n_process),
           "--batch-size", str(batch_size)]  # fmt: skip
    if model:
        cmd += ["--model", model]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise SystemExit(f"memory run for {n} docs failed:\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------------------
# Report


def _progress(msg: str) -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r" + msg.ljust(60) + ("" if msg else "\r"))
        sys.stderr.flush()


def _machine() -> str:
    try:
        load = "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:
        load = "load average n/a"
    return f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, {load}"


def _report_throughput(args: argparse.Namespace, figures: dict[str, object]) -> None:
    rates, model_name = throughput(args.docs, args.model, args.batch_size, args.two)
    figures["model"] = model_name
    b1, f1 = rates[("bare", 1)], rates[("full", 1)]
    if args.two:
        b2, f2 = rates[("bare", 2)], rates[("full", 2)]
    print(f"\nthroughput ({model_name}, same texts, {f1.tokens / max(1, f1.docs):.0f} tokens/doc)")
    print(f"  {'pipeline':<15} {'n_process':>9} {'docs/s':>8} {'tokens/s':>9} {'seconds':>8} "
          f"{'CPU ms/doc':>10} {'cores got':>9}")  # fmt: skip
    for (kind, n_proc), r in rates.items():
        label = "bare nlp.pipe" if kind == "bare" else "readout_nlp"
        print(f"  {label:<15} {n_proc:>9} {r.docs_s:8.1f} {r.tokens_s:9.0f} {r.seconds:8.1f} "
              f"{r.cpu_per_doc * 1000:10.1f} {r.cores:9.2f}")  # fmt: skip
        figures[f"{kind}_{n_proc}"] = {
            "docs_s": round(r.docs_s, 2), "tokens_s": round(r.tokens_s), "seconds": round(r.seconds, 1),
            "cpu_ms_per_doc": round(r.cpu_per_doc * 1000, 1), "cores": round(r.cores, 2)}  # fmt: skip
    # Wall time is what a user waits for; CPU time is what the library costs, and it does not
    # change when other jobs share the machine.
    overhead1 = f1.seconds / b1.seconds - 1
    overhead_cpu = f1.cpu / b1.cpu - 1
    print(f"\n  library overhead, 1 process : {overhead1:+.1%} wall, {overhead_cpu:+.1%} CPU "
          "over bare spaCy (target ≤ +15%)")  # fmt: skip
    figures.update(overhead_1=round(overhead1, 4), overhead_1_cpu=round(overhead_cpu, 4))
    # The same batch run back to back with and without the library: the ratio of the two is
    # not moved by a slow patch that lasts longer than the pair, and its median is not moved
    # by the few pairs a short one falls on.
    paired = paired_overheads(b1, f1)
    if paired:
        q1, med, q3 = statistics.quantiles(paired, n=4) if len(paired) >= 2 else (paired * 3)
        print(f"  paired by batch ({len(paired)} batches of {args.batch_size} docs): median "
              f"{med:+.1%} CPU (quartiles {q1:+.1%} .. {q3:+.1%})")  # fmt: skip
        figures.update(overhead_1_paired_median=round(med, 4),
                       overhead_1_paired_quartiles=[round(q1, 4), round(q3, 4)])  # fmt: skip
    if args.two:
        overhead2 = f2.seconds / b2.seconds - 1
        speedup = f2.docs_s / f1.docs_s
        bare_speedup = b2.docs_s / b1.docs_s
        efficiency = f1.cpu_per_doc / f2.cpu_per_doc if f2.cpu_per_doc else 0.0
        print(f"  library overhead, 2 processes: {overhead2:+.1%} wall")
        print(f"  2-process speed-up, readout_nlp: {speedup:.2f}x wall (bare spaCy {bare_speedup:.2f}x; "
              f"target ≥ 1.6x); the 2 workers got {f2.cores:.2f} cores, 1 process {f1.cores:.2f}")  # fmt: skip
        print(f"  CPU per document, 1 process / 2 processes: {efficiency:.2f} (1.00 = no work "
              f"added by the process pool; on 2 free cores the speed-up is at most "
              f"{2 * efficiency:.2f}x)")  # fmt: skip
        figures.update(overhead_2=round(overhead2, 4), speedup_2=round(speedup, 3),
                       bare_speedup_2=round(bare_speedup, 3), cores_2=round(f2.cores, 2),
                       cpu_efficiency_2=round(efficiency, 3))  # fmt: skip

    if overhead1 > 0.15 or args.profile:
        n_prof = min(200, args.docs)
        print(f"\nwhere the library's time goes ({n_prof} docs, one at a time)")
        comp = component_times(n_prof, args.model)
        total = sum(v for _, v in comp)
        for name, per_doc in comp:
            own = "  (readout_nlp)" if name.startswith(("readout_", "to_readout")) else ""
            print(f"  {name:<22} {per_doc * 1000:8.1f} ms/doc {per_doc / total:6.1%}{own}")
        figures["components_ms"] = {k: round(v * 1000, 2) for k, v in comp}
        print(f"\nhotspots in readout_nlp (cProfile, {n_prof} docs; profiling inflates the times)")
        print(hotspots(n_prof, args.model))



def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000, help="corpus size for throughput (default 2000)")
    ap.add_argument("--memory-sizes", default="1000,10000", help="corpus sizes for peak memory")
    ap.add_argument("--memory-n-process", type=int, default=2, help="processes for the memory runs")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--model", default=None, help="spaCy model (default: readout_nlp's default)")
    ap.add_argument("--quick", action="store_true", help="200 docs; memory at 100 and 1,000")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    ap.add_argument("--memory-only", action="store_true", help="only the memory runs")
    ap.add_argument("--no-2", dest="two", action="store_false", help="skip n_process=2")
    ap.add_argument("--profile", action="store_true", help="always print the hotspots")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    ap.add_argument("--memory-child", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--n-process", type=int, default=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.memory_child is not None:
        memory_child(args.memory_child, args.n_process, args.batch_size, args.model)
        return 0
    if args.quick:
        args.docs, args.memory_sizes = 200, "100,1000"
    import readout_nlp

    started = time.perf_counter()
    figures: dict[str, object] = {"machine": _machine(), "docs": args.docs}
    print(f"readout_nlp {readout_nlp.__version__} benchmark — {_machine()}")
    print(f"corpus: {args.docs} readouts recombined from {len(load_sources())} gold readouts; "
          f"batch size {args.batch_size}")  # fmt: skip
    if (os.cpu_count() or 1) < 2:
        print("note: fewer than 2 cores; the 2-process figures cannot show a speed-up")

    if not args.memory_only:
        _report_throughput(args, figures)

    if not args.no_memory:
        sizes = [int(s) for s in args.memory_sizes.split(",") if s.strip()]
        print(f"\npeak memory, run_batch end to end (files → readouts.jsonl + tables), "
              f"n_process={args.memory_n_process}, fresh process per size")  # fmt: skip
        print(f"  {'docs':>6} {'parent MB':>10} {'worker MB':>10} {'docs/s':>8} {'output MB':>10}")
        mem = []
        for n in sizes:
            m = memory(n, args.memory_n_process, args.batch_size, args.model)
            mem.append(m)
            if m["failed"]:
                print(f"  warning: {m['failed']} of {n} docs failed, e.g. {m['first_errors'][:1]}")
            print(f"  {n:>6} {m['parent_peak_mb']:10.0f} {m['worker_peak_mb']:10.0f} "
                  f"{m['done'] / m['seconds']:8.1f} {m['output_mb']:10.1f}")  # fmt: skip
        figures["memory"] = mem
        if len(mem) >= 2:
            a, b = mem[0], mem[-1]
            grow = max(b["parent_peak_mb"] / a["parent_peak_mb"], b["worker_peak_mb"] / max(1, a["worker_peak_mb"]))
            print(f"  growth from {a['docs']} to {b['docs']} docs: x{grow:.2f} of peak RSS "
                  "(flat means ≈ x1)")  # fmt: skip
            figures["memory_growth"] = round(grow, 3)
    print(f"\nat the end: {_machine()}")
    print(f"total {time.perf_counter() - started:.0f}s; command: python benchmarks/bench.py "
          + " ".join(argv if argv is not None else sys.argv[1:]))  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
