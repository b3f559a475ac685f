# %% [markdown]
# # readout_nlp walkthrough
#
# From diplomatic readouts to attributed, typed data: load the pipeline, analyse the bundled
# example readouts, look at one, render it, tabulate claims and commitments, run a batch over
# the folder and plot commitments by type and party over time.
#
# This is a percent-format notebook: run it as a script (`python examples/walkthrough.py`),
# cell by cell in VS Code / PyCharm, or open it in Jupyter with jupytext. The test suite runs
# it (tests/test_examples.py), so it stays in step with the library. Everything it writes goes
# to `walkthrough_out/` under the current directory.

# %%
import importlib.util
from pathlib import Path

import readout_nlp
from readout_nlp.batch import read_text, run_batch


def _examples_dir() -> Path:
    # As a script, the examples sit beside this file; in Jupyter there is no __file__ and the
    # working directory is the notebook's folder (or the repository root).
    if "__file__" in globals():
        return Path(__file__).resolve().parent
    cwd = Path.cwd()
    return cwd if (cwd / "readouts").is_dir() else cwd / "examples"


READOUTS = _examples_dir() / "readouts"
OUT = Path("walkthrough_out")
OUT.mkdir(exist_ok=True)
print(readout_nlp.__version__, sorted(p.name for p in READOUTS.glob("*.txt")))

# %% [markdown]
# ## Load the pipeline and analyse every example
# `load()` builds the spaCy pipeline once (the default English model plus readout_nlp's
# components); pass it to `analyze` so each call reuses it.

# %%
nlp = readout_nlp.load()
readouts = [
    readout_nlp.analyze(read_text(path), source=path.name, nlp=nlp)
    for path in sorted(READOUTS.glob("*.txt"))
]
for r in readouts:
    print(f"{r.source}: {len(r.sentences)} sentences, {len(r.claims)} claims, "
          f"{len(r.commitments)} commitments; participants: "
          f"{[p.name for p in r.meta.participants]}")

# %% [markdown]
# ## One readout up close
# When you know who met, say so: `participants=` fixes the participant list instead of reading
# it from the text. Each claim says who speaks, how we know (an explicit reporting cue, or a
# continuation of the speaker's turn) and which rule decided it.

# %%
seed_path = READOUTS / "cn-mfa-kaz-2019-03-28.txt"
readout = readout_nlp.analyze(
    read_text(seed_path),
    source=seed_path.name,
    nlp=nlp,
    participants=[
        {"name": "Wang Yi", "country": "CHN", "titles": ["State Councilor", "Foreign Minister"]},
        {"name": "Beibut Atamkulov", "country": "KAZ", "titles": ["Foreign Minister"]},
    ],
)
for claim in readout.claims[:8]:
    print(f"{' + '.join(claim.speakers):<18} {claim.attribution.value:<12} "
          f"{claim.cue or '':<15} {claim.text[:60]}")
for c in readout.commitments[:8]:
    print(f"{c.type:<28} {c.modality.value:<10} {','.join(c.parties):<8} {c.text[:50]}")

# %% [markdown]
# ## Render
# In Jupyter a readout displays itself (`readout` as the last line of a cell); `render` gives
# the same HTML as a string, or a standalone page with `page=True`.

# %%
page = readout_nlp.render(readout, page=True)
(OUT / "readout.html").write_text(page, encoding="utf-8")
print(f"wrote {OUT / 'readout.html'} ({len(page):,} characters)")
readout  # noqa: B018  (Jupyter shows the rendered readout here)

# %% [markdown]
# ## Tables
# One row per claim or commitment, with the source, date, publisher country, speaker, speaker
# country and (for commitments) type, modality and parties. pandas is the `frames` extra.

# %%
claims = readout.claims_frame()
print(claims[["speaker", "speaker_country", "attribution", "cue"]].head(10).to_string())
print(claims.groupby(["speaker", "attribution"]).size().to_string())

commitments = readout_nlp.commitments_frame([readout, *readouts], explode="parties")
print(f"{len(commitments)} commitment-party rows")
if len(commitments):
    print(commitments.groupby(["party", "type", "modality"]).size().to_string())

# %% [markdown]
# ## A folder at a time
# `run_batch` (the `readout-nlp batch` command) writes `readouts.jsonl` plus flat CSV tables;
# `batch_frame` turns that folder into one frame. (`n_process=2` analyses in two worker
# processes, each loading its own pipeline.)

# %%
# nlp= reuses the pipeline loaded above; overwrite=True lets the cell run again.
summary = run_batch(READOUTS, OUT / "batch", nlp=nlp, overwrite=True, progress=False)
print(summary.describe())
folder = readout_nlp.batch_frame(OUT / "batch", "readouts")
print(folder[["source", "date", "publisher_country", "n_claims", "n_commitments"]].to_string())

# %% [markdown]
# ## Plot
# Commitments by type and party over time for the whole folder (the `readout-nlp plot`
# command saves the same figure). matplotlib is the `plot` extra.

# %%
if importlib.util.find_spec("matplotlib") is None:
    print('skipping the plot: pip install "readout-nlp[plot]"')
else:
    fig = readout_nlp.plot_commitments(OUT / "batch")
    fig.savefig(OUT / "commitments.png", dpi=120)
    print(f"wrote {OUT / 'commitments.png'}")
