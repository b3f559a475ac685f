"""The first chart analysts ask of a folder: commitments by type and by party over time.

    >>> fig = readout_nlp.plot_commitments("out/")       # doctest: +SKIP
    >>> fig.savefig("commitments.png", dpi=150)         # doctest: +SKIP

matplotlib (and pandas) are the optional ``plot`` extra: ``pip install "readout-nlp[plot]"``.
The figure is built with the object-oriented API (``matplotlib.figure.Figure``), not pyplot,
so it neither needs a display nor changes the backend of the user's session: ``savefig``
renders it with Agg, and Jupyter displays the returned figure inline.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .records import Readout

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

UNDATED = "undated"
OTHER = "other"
FREQS = ("auto", "D", "W", "M", "Q", "Y")


def _matplotlib() -> Any:
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise ImportError(
            'readout_nlp plots need matplotlib: pip install "readout-nlp[plot]"'
        ) from exc
    return Figure


def _commitments(data: Any) -> pd.DataFrame:
    """A commitments frame with one row per (commitment, party), from whatever was given."""
    from .frames import JOIN, _pandas, batch_frame, commitments_frame

    pd = _pandas()
    if isinstance(data, pd.DataFrame):
        df = data.copy()
        if "party" not in df.columns:
            parties = df["parties"].fillna("").astype(str).str.split(JOIN)
            df = df.assign(party=parties).explode("party")
            df["party"] = df["party"].replace("", None)
        df = df.reset_index(drop=True)  # explode repeats index labels; crosstab aligns on them
        df["date"] = pd.to_datetime(df["date"], errors="coerce")
        return df
    if isinstance(data, (str, Path)):
        return batch_frame(data, "commitments", explode="parties")
    if isinstance(data, Readout) or isinstance(data, Iterable):
        return commitments_frame(data, explode="parties")
    raise TypeError(
        "plot_commitments takes a commitments DataFrame, a batch output folder, a Readout or "
        f"Readouts, not {type(data).__name__}"
    )


def choose_freq(dates: pd.Series) -> str:
    """A period length that gives a readable number of bars for the span of the dates."""
    dates = dates.dropna()
    if dates.empty:
        return "M"
    days = (dates.max() - dates.min()).days
    if days <= 45:
        return "D"
    if days <= 26 * 7:
        return "W"
    if days <= 4 * 365:
        return "M"
    if days <= 12 * 365:
        return "Q"
    return "Y"


def _label(period: Any) -> str:
    # A week prints as "2024-03-04/2024-03-10"; its first day is label enough.
    if period.freqstr.startswith("W"):
        return period.start_time.strftime("%Y-%m-%d")
    return str(period)


def _periods(df: pd.DataFrame, freq: str) -> tuple[pd.Series, list[str]]:
    """Each row's period label, and every label in order (gaps included, so the time axis
    is honest; "undated" last when some readout had no date)."""
    from .frames import _pandas

    pd = _pandas()
    dated = df["date"].notna()
    labels = pd.Series(UNDATED, index=df.index, dtype=object)
    order: list[str] = []
    if dated.any():
        periods = df.loc[dated, "date"].dt.to_period(freq)
        labels[dated] = periods.map(_label)
        order = [_label(p) for p in pd.period_range(periods.min(), periods.max(), freq=freq)]
    if (~dated).any():
        order.append(UNDATED)
    return labels, order


def _top(values: pd.Series, n: int) -> pd.Series:
    """Keep the ``n`` most frequent values; fold the rest into "other"."""
    values = values.fillna("(none)").astype(str)
    keep = set(values.value_counts().index[:n])
    return values.where(values.isin(keep), OTHER)


def _stacked_bars(ax: Any, table: pd.DataFrame, cmap: str, legend_title: str) -> None:
    import matplotlib

    colours = matplotlib.colormaps[cmap]
    x = range(len(table.index))
    bottom = [0.0] * len(table.index)
    for k, column in enumerate(table.columns):
        heights = table[column].tolist()
        ax.bar(x, heights, bottom=bottom, label=column, color=colours(k % colours.N), width=0.8)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_xticks(
        list(x),
        list(table.index),
        rotation=45 if len(table.index) > 6 else 0,
        ha="right" if len(table.index) > 6 else "center",
        fontsize=8,
    )
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(
        title=legend_title,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=8,
        title_fontsize=8,
        frameon=False,
    )
    ax.grid(axis="y", alpha=0.3)


def plot_commitments(
    data: Any,
    *,
    freq: str = "auto",
    top: int = 10,
    title: str | None = None,
    figsize: tuple[float, float] = (11.0, 7.5),
) -> Figure:
    """Commitments over time, stacked by type (top panel) and by party (bottom panel).

    ``data`` is a batch output folder (or its ``readouts.jsonl``), a Readout or an iterable of
    them, or a frame from :func:`readout_nlp.commitments_frame`. ``freq`` is the period of a
    bar: ``"D"``, ``"W"``, ``"M"``, ``"Q"``, ``"Y"`` or ``"auto"`` (chosen from the span of
    dates). Types and parties beyond the ``top`` most frequent are grouped as "other".
    Readouts without a date are counted in a last "undated" bar rather than dropped. The
    type panel counts each commitment once; the party panel counts it once per party.
    """
    if freq not in FREQS:
        raise ValueError(f"unknown freq {freq!r}; choose one of {', '.join(FREQS)}")
    Figure = _matplotlib()
    from .frames import _pandas

    pd = _pandas()
    rows = _commitments(data)
    fig = Figure(figsize=figsize, layout="constrained")
    ax_type, ax_party = fig.subplots(2, 1, sharex=True)
    n_readouts = rows["source"].nunique(dropna=False) if len(rows) else 0
    key = [c for c in ("source", "sentence", "start", "end", "type") if c in rows.columns]
    unique = rows.drop_duplicates(subset=key) if len(rows) else rows
    fig.suptitle(
        title
        or f"Commitments by type and party over time ({len(unique)} commitments, "
        f"{n_readouts} readouts)",
        fontsize=11,
    )
    if rows.empty:
        for ax in (ax_type, ax_party):
            ax.text(
                0.5,
                0.5,
                "no commitments found",
                ha="center",
                va="center",
                transform=ax.transAxes,
                color="#666",
            )
            ax.set_yticks([])
        ax_party.set_xticks([])
        return fig

    freq = choose_freq(rows["date"]) if freq == "auto" else freq
    for ax, frame, column, cmap, label in (
        (ax_type, unique, "type", "tab20", "type"),
        (ax_party, rows, "party", "tab10", "party"),
    ):
        periods, order = _periods(frame, freq)
        table = pd.crosstab(periods, _top(frame[column], top)).reindex(order, fill_value=0)
        # Most frequent at the bottom of each stack and first in the legend; "other" last.
        ranked = table.sum().sort_values(ascending=False, kind="stable").index.tolist()
        if OTHER in ranked:
            ranked = [c for c in ranked if c != OTHER] + [OTHER]
        table = table[ranked]
        _stacked_bars(ax, table, cmap, label)
        ax.set_ylabel(f"commitments by {label}", fontsize=9)
    names = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
    ax_party.set_xlabel(f"date of the event (per {names[freq]})", fontsize=9)
    return fig
