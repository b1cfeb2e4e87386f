"""Figures of text statistics: top terms, sentence lengths, dispersion, actors, keyness."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..params import check_columns, check_int
from ..plots import grow_with_rows, new_axes


def plot_top_terms(top: pd.DataFrame, *, ax=None):
    """Horizontal bars of the most frequent terms (:func:`top_terms`); returns the Axes.

    Parameters
    ----------
    top
        The :func:`top_terms` table (``term`` and ``count`` are used); its first row is
        drawn at the top.
    ax
        The Axes to draw on; default None: a new figure's (:func:`framelens.plots.new_axes`).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Examples
    --------
    >>> ax = plot_top_terms(pd.DataFrame({"term": ["navy", "drills"], "count": [3, 2]}))
    >>> ax.get_xlabel()
    'occurrences (count)'
    """
    from ..plots import PALETTE

    check_columns("top", top, ["term", "count"], made_by="framelens.stats.top_terms")
    ax = new_axes(ax)
    data = top.iloc[::-1]
    ax.barh(data["term"].astype(str), data["count"], color=PALETTE[0])
    ax.set_xlabel("occurrences (count)")
    ax.set_ylabel("term")
    ax.set_title("Most frequent terms")
    return ax


def plot_sentence_lengths(lengths: pd.DataFrame, *, ax=None, bins: int = 15):
    """Histogram of sentence lengths in words (:func:`sentence_lengths`); returns the Axes.

    At most ``bins`` bins, each a whole number of words wide and centred on whole
    numbers; both axes have integer ticks.

    Parameters
    ----------
    lengths
        The :func:`sentence_lengths` table (``words`` is used).
    ax
        The Axes to draw on; default None: a new figure's (:func:`framelens.plots.new_axes`).
    bins
        The most bins to draw (a whole number ≥ 1, default 15).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on, with a dashed line and legend at the mean length when there
        are sentences.

    Examples
    --------
    >>> ax = plot_sentence_lengths(pd.DataFrame({"words": [12, 30, 25]}))
    >>> ax.get_ylabel()
    'sentences (count)'
    >>> [float(p.get_width()) for p in ax.patches][:2]
    [2.0, 2.0]
    """
    from matplotlib.ticker import MaxNLocator

    from ..plots import PALETTE

    bins = check_int("bins", bins, min_value=1)
    check_columns("lengths", lengths, ["words"], made_by="framelens.stats.sentence_lengths")
    ax = new_axes(ax)
    values = lengths["words"].to_numpy()
    if len(values):
        lo, hi = int(values.min()), int(values.max())
        width = max(1, math.ceil((hi - lo + 1) / bins))
        edges = np.arange(lo - 0.5, hi + width + 0.5, width)
    else:
        edges = 1
    ax.hist(values, bins=edges, color=PALETTE[0], edgecolor="white")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if len(values):
        ax.axvline(
            float(np.mean(values)),
            color=PALETTE[3],
            linestyle="--",
            label=f"mean {np.mean(values):.1f} words",
        )
        ax.legend()
    ax.set_xlabel("sentence length (words)")
    ax.set_ylabel("sentences (count)")
    ax.set_title("Sentence lengths")
    return ax


#: the columns of :func:`keyness` that its plots read
KEYNESS_USED = ["target", "term", "g2", "log_ratio", "direction"]

#: hits in one row past which a dispersion plot draws densities, not ticks
DISPERSION_TICKS = 150
#: most rows a dispersion plot draws (the terms or actors with the most hits); the x
#: label says how many more the table has
DISPERSION_MAX_ROWS = 30
#: height of a dispersion row (inches) when the figure grows with its rows (its Axes
#: being the figure's only one), plus 1.5 inches for title and labels, at most 12 inches
DISPERSION_ROW_INCHES = 0.3


def plot_dispersion(
    disp: pd.DataFrame,
    *,
    ax=None,
    label: str = "term",
    max_ticks: int = DISPERSION_TICKS,
    max_rows: int = DISPERSION_MAX_ROWS,
):
    """Lexical dispersion: where in the documents each term (or actor) is used.

    ``disp`` is :func:`dispersion` (``label="term"``) or :func:`actor_positions`
    (``label="actor"``; the axis then reads "actor or place", as the gazetteer lists
    both). Each hit is a tick at its position (x) on its row (y); the rows are the
    labels with the most hits, the most at the top (equal counts in alphabetical order),
    at most ``max_rows`` of them, and the x label says how many more the table has. When
    ``ax`` is None or its figure's only Axes, the figure grows with the rows
    (:data:`DISPERSION_ROW_INCHES` a row, at most 12 inches). A corpus of many documents
    has too many hits for ticks (they merge into a bar): when a row has more than
    ``max_ticks`` hits, every row is drawn as the distribution of its hits over twenty
    5% bins instead (height: the share of the row's fullest bin) and its label gives the
    number of hits. Returns the Axes.

    Parameters
    ----------
    disp
        The hits: a ``position`` column (0–1) and the ``label`` column.
    ax
        The Axes to draw on; default None: a new figure's (:func:`framelens.plots.new_axes`).
    label
        The column that names each row: ``"term"`` (default) or ``"actor"``.
    max_ticks
        Most hits in a row drawn as ticks (default :data:`DISPERSION_TICKS`).
    max_rows
        Most rows drawn, those with the most hits (default :data:`DISPERSION_MAX_ROWS`).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Examples
    --------
    >>> d = pd.DataFrame({"term": ["navy", "drills", "navy"], "position": [0.1, 0.8, 0.5]})
    >>> ax = plot_dispersion(d)
    >>> ax.get_xlabel(), [t.get_text() for t in ax.get_yticklabels()]  # bottom to top
    ('position in the document (% of its length)', ['drills', 'navy'])
    """
    from ..plots import PALETTE

    check_int("max_ticks", max_ticks, min_value=1)
    max_rows = check_int("max_rows", max_rows, min_value=1)
    check_columns(
        "disp",
        disp,
        ["position", label],
        made_by="framelens.stats.dispersion (or actor_positions with label='actor')",
    )
    ax = new_axes(ax)
    names = disp[label].astype(str)
    sizes = names.value_counts()
    ranked = sorted(sizes.index, key=lambda t: (-int(sizes[t]), t))
    labels = ranked[:max_rows][::-1]  # bottom to top: the most hits at the top
    left = len(ranked) - len(labels)
    grow_with_rows(ax, len(labels), row_inches=DISPERSION_ROW_INCHES, max_inches=12.0)
    ypos = {t: i for i, t in enumerate(labels)}
    dense = bool(len(labels)) and int(sizes[labels].max()) > max_ticks
    edges = np.linspace(0, 100, 21)
    for t in labels:
        x = disp.loc[names == t, "position"].to_numpy(dtype=float) * 100
        if not dense:
            ax.scatter(x, [ypos[t]] * len(x), marker="|", s=300, color=PALETTE[0])
            continue
        counts, _ = np.histogram(x, bins=edges)
        height = 0.8 * counts / max(int(counts.max()), 1)
        base = ypos[t] - 0.4
        ax.fill_between(edges, base, base + np.append(height, height[-1]), step="post",
                        color=PALETTE[0], alpha=0.85, linewidth=0)  # fmt: skip
    ticks = [f"{t} ({int(sizes[t]):,})" for t in labels] if dense else labels
    ax.set_yticks(range(len(labels)), ticks)
    ax.set_ylim(-0.5, max(len(labels), 1) - 0.5)
    ax.set_xlim(0, 100)
    xlabel = "position in the document (% of its length)"
    if dense:
        xlabel += "\neach row: its hits per 5% of the document, as a share of its fullest bin"
    if left:
        kind = "actors or places" if label == "actor" else f"{label}s"
        hits = "mentions" if label == "actor" else "uses"
        xlabel += f"\nthe {len(labels)} {kind} with the most {hits}; {left} more in the table"
    ax.set_xlabel(xlabel)
    ax.set_ylabel("actor or place" if label == "actor" else label)
    ax.set_title("Lexical dispersion")
    if disp.empty:
        from ..plots import note_empty

        why = (
            "No actor or place of the gazetteer is named.\nextra_actors adds names."
            if label == "actor"
            else "None of the terms occurs.\nSet dispersion_terms to words of this corpus."
        )
        note_empty(ax, why)
    return ax


#: Okabe–Ito colours of the gazetteer's types: seas blue, countries orange (a pair that
#: stays apart for protan and deutan readers), the rest from the remaining colours.
TYPE_COLORS = {
    "country": "#E69F00",
    "sea": "#0072B2",
    "region": "#009E73",
    "bloc": "#CC79A7",
    "organisation": "#56B4E9",
}


def _type_colors(types: Sequence[str]) -> dict[str, str]:
    from ..plots import PALETTE

    spare = [c for c in PALETTE if c not in TYPE_COLORS.values()]
    others = [t for t in types if t not in TYPE_COLORS]
    colors = {t: spare[i % len(spare)] for i, t in enumerate(others)}
    return {t: TYPE_COLORS.get(t, colors.get(t)) for t in types}


def plot_actor_mentions(actors: pd.DataFrame, *, ax=None, top_n: int = 15):
    """Horizontal bars of mentions per actor, summed over documents; returns the Axes.

    Parameters
    ----------
    actors
        The :func:`actor_counts` table (``actor, type, mentions`` are used), of any
        number of documents; bars are coloured by ``type`` (:data:`TYPE_COLORS`).
    ax
        The Axes to draw on; default None: a new figure's (:func:`framelens.plots.new_axes`).
    top_n
        How many actors to show, the most mentioned first (default 15).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Examples
    --------
    >>> a = pd.DataFrame({"actor": ["China", "Russia"], "type": "country", "mentions": [5, 3]})
    >>> plot_actor_mentions(a).get_xlabel()
    'mentions (count)'
    """
    check_columns(
        "actors", actors, ["actor", "type", "mentions"], made_by="framelens.stats.actor_counts"
    )
    ax = new_axes(ax)
    total = actors.groupby(["actor", "type"], sort=True)["mentions"].sum().reset_index()
    total = total.sort_values(["mentions", "actor"], ascending=[False, True]).head(top_n)
    data = total.iloc[::-1]
    types = sorted(set(data["type"]))
    colors = _type_colors(types)
    ax.barh(data["actor"], data["mentions"], color=[colors[t] for t in data["type"]])
    if types:
        from matplotlib.patches import Patch

        handles = [Patch(color=colors[t], label=t) for t in types]
        ax.legend(handles=handles, title="type", loc="lower right")
    ax.set_xlabel("mentions (count)")
    ax.set_ylabel("actor or place")
    ax.set_title("Actor and place mentions")
    if data.empty:
        from ..plots import note_empty

        note_empty(ax, "No actor or place of the gazetteer is named.\nextra_actors adds names.")
    return ax


def plot_keyness(kn: pd.DataFrame, *, ax=None, target: str | None = None, top_n: int = 10):
    """Log ratio of the ``top_n`` terms by G² for one target (:func:`keyness`).

    Parameters
    ----------
    kn
        The :func:`keyness` table (``target, term, g2, log_ratio, direction`` are used);
        empty, the Axes only gets a title saying that keyness needs two or more groups.
    ax
        The Axes to draw on; default None: a new figure's (:func:`framelens.plots.new_axes`).
    target
        The group to show; default None: the first of the table's targets in sorted
        order.
    top_n
        How many terms, the highest G² first (default 10; equal G² in the table's order,
        the more evenly spread first); bars are sorted by log ratio and coloured by
        ``direction``. When terms beyond the ``top_n``-th tie with it on G², a note in
        the panel says how many. With a ``p_adjusted`` column, a term at or above 0.05
        (Benjamini–Hochberg) is drawn pale and a note says how many pass. With the
        ``log_ratio_ci_low`` and ``log_ratio_ci_high`` columns, each bar gets whiskers
        at its 95% interval. Terms without a log ratio are left out; when none is left,
        a note in the panel says so.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Examples
    --------
    >>> k = pd.DataFrame({"target": "x", "term": ["navy", "army"], "g2": [9.0, 4.0],
    ...                   "log_ratio": [1.5, -1.0], "direction": ["target", "reference"]})
    >>> plot_keyness(k).get_xlabel()
    'log ratio (log2 of relative frequency, target / reference)'
    """
    from ..plots import PALETTE

    if len(kn):
        check_columns("kn", kn, KEYNESS_USED, made_by="framelens.stats.keyness")
    ax = new_axes(ax)
    if len(kn):
        tgt = target if target is not None else sorted(kn["target"].astype(str))[0]
        of_target = kn[kn["target"].astype(str) == str(tgt)]
        # no log ratio (the group has none of the term, and no smoothing is asked): no bar
        ranked = of_target[of_target["log_ratio"].astype(float).notna()]
        ranked = ranked.sort_values("g2", ascending=False, kind="stable")
        sub = ranked.head(top_n).sort_values("log_ratio", kind="stable")
        tie_note = ""
        if len(ranked) > top_n:
            last = float(ranked["g2"].iloc[top_n - 1])
            tied = int(np.isclose(ranked["g2"].iloc[top_n:].to_numpy(float), last).sum())
            if tied:
                tie_note = f"{tied} more term(s) tie at G² = {last:.1f}"
        colors = [PALETTE[0] if d == "target" else PALETTE[1] for d in sub["direction"]]
        y = np.arange(len(sub))
        bars = ax.barh(y, sub["log_ratio"].astype(float), color=colors)
        ax.set_yticks(y, sub["term"].astype(str))
        _keyness_intervals(ax, sub, y)
        note = ""
        if "p_adjusted" in sub.columns and len(sub):
            # a term that does not pass the 5% false discovery rate is drawn pale: the
            # largest G² of a small group can be noise, not a keyword
            weak = (sub["p_adjusted"].astype(float) >= 0.05).to_numpy()
            for bar, pale in zip(bars, weak, strict=True):
                if pale:
                    bar.set_alpha(0.3)
            n_sig = int((~weak).sum())
            note = (
                "\nno term passes 5% FDR: no keyword"
                if n_sig == 0
                else f"\n{n_sig} of {len(sub)} pass 5% FDR (pale: not)"
            )
        # a row of its own below the bars for the tie note, the zero line stopping above
        # it: the note is never crossed by the line or a bar
        extra = 1 if tie_note else 0  # the largest log ratio at the top, the note below
        ax.set_ylim(-0.5 - extra, max(len(sub), 1) - 0.5)
        if len(sub):
            ax.axvline(0, color="black", linewidth=0.8, ymin=extra / (len(sub) + extra))
        if tie_note:
            ax.text(0.99, -1, tie_note, transform=ax.get_yaxis_transform(), ha="right",
                    va="center", fontsize=7, color="0.35")  # fmt: skip
        if sub.empty:
            why = (
                f"no term with a log ratio:\nthis group has none of the\n{len(of_target):,} "
                "terms compared\n(is its text in another language?)"
                if len(of_target)
                else "no term to compare"
            )
            ax.text(0.5, 0.5, why, transform=ax.transAxes, ha="center", va="center",
                    fontsize=8, color="0.35")  # fmt: skip
            ax.set_yticks([])
        ax.set_title(f"Keywords of {tgt!s} against the rest{note}")
    else:
        ax.set_title("Keywords (needs two or more groups)")
    ax.set_xlabel("log ratio (log2 of relative frequency, target / reference)")
    ax.set_ylabel("term")
    return ax


def _keyness_intervals(ax, sub: pd.DataFrame, y) -> None:
    """Whiskers of the 95% interval of each bar's log ratio, where the table has one."""
    if not {"log_ratio_ci_low", "log_ratio_ci_high"} <= set(sub.columns) or sub.empty:
        return
    lr = sub["log_ratio"].to_numpy(float)
    lo = sub["log_ratio_ci_low"].to_numpy(float)
    hi = sub["log_ratio_ci_high"].to_numpy(float)
    ok = np.isfinite(lo) & np.isfinite(hi)
    if ok.any():
        err = np.vstack([np.clip(lr - lo, 0, None), np.clip(hi - lr, 0, None)])[:, ok]
        ax.errorbar(lr[ok], np.asarray(y)[ok], xerr=err, fmt="none", ecolor="0.25",
                    elinewidth=0.8, capsize=2)  # fmt: skip


def plot_keyness_groups(kn: pd.DataFrame, *, top_n: int = 10, ncols: int = 3, max_groups: int = 24):
    """Small multiples: one :func:`plot_keyness` panel for every group of ``kn``.

    Each panel is one group against all the others (``target`` of :func:`keyness`), with
    its ``top_n`` terms by G²; the panels share the x axis so log ratios compare across
    groups. A group with no term that passes ``min_count`` gets a panel that says so.

    Parameters
    ----------
    kn
        The :func:`keyness` table of every target (``keyness(..., target=None)``); the
        panels are its targets in sorted order.
    top_n
        Terms per panel, the highest G² first (a whole number ≥ 1, default 10).
    ncols
        Panels per row (a whole number ≥ 1, default 3; fewer with fewer groups).
    max_groups
        At most this many panels (default 24): with more groups, the groups with the most
        words (``target_total``), and the title says how many are left to the table.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, one panel per group (a single panel when ``kn`` is empty).

    Examples
    --------
    >>> k = pd.DataFrame({"target": ["x", "x", "y"], "term": ["navy", "army", "air"],
    ...                   "g2": [9.0, 4.0, 5.0], "log_ratio": [1.5, -1.0, 2.0],
    ...                   "direction": ["target", "reference", "target"]})
    >>> fig = plot_keyness_groups(k)
    >>> [a.get_title() for a in fig.axes]
    ['x', 'y']
    """
    import matplotlib.pyplot as plt

    check_int("top_n", top_n, min_value=1)
    check_int("ncols", ncols, min_value=1)
    check_int("max_groups", max_groups, min_value=1)
    if len(kn):
        check_columns("kn", kn, KEYNESS_USED, made_by="framelens.stats.keyness")
    groups = sorted(kn["target"].astype(str).unique()) if len(kn) else [""]
    left = 0
    if len(groups) > max_groups:
        size = (
            kn.groupby(kn["target"].astype(str))["target_total"].max()
            if "target_total" in kn.columns
            else kn["target"].astype(str).value_counts()
        )
        kept = set(size.sort_values(ascending=False, kind="stable").index[:max_groups])
        left = len(groups) - max_groups
        groups = [g for g in groups if g in kept]
    ncols = min(ncols, len(groups))
    nrows = -(-len(groups) // ncols)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(4.2 * ncols, 0.28 * top_n * nrows + 1.2 * nrows),
        sharex=True, squeeze=False,
    )  # fmt: skip
    flat = list(axes.flat)
    for ax, group in zip(flat, groups, strict=False):
        sub = kn[kn["target"].astype(str) == group] if group else kn
        plot_keyness(sub, ax=ax, target=group or None, top_n=top_n)
        second = ax.get_title().partition("\n")[2]  # the FDR note, if any
        ax.set_title((group or ax.get_title()) + (f"\n{second}" if group and second else ""),
                     fontsize=10)  # fmt: skip
        ax.set_xlabel("log ratio (log2, group / rest)", fontsize=9)
        ax.tick_params(labelbottom=True)  # every panel keeps its scale (shared x)
        if sub.empty and group:
            ax.text(0.5, 0.5, "no term passes min_count", ha="center", transform=ax.transAxes)
    for ax in flat[len(groups) :]:
        ax.set_visible(False)
    title = "Keywords of each group against the rest (top terms by G²)"
    if left:
        title += f"\nthe {max_groups} groups with the most words; {left} more in the keyness table"
    fig.suptitle(title)
    # keep the title's inches clear of the first row's titles, whatever the figure's height
    height = fig.get_size_inches()[1]
    fig.tight_layout(rect=(0, 0, 1, 1 - (0.35 + 0.25 * title.count("\n") + 0.1) / height))
    return fig
