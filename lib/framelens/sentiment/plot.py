"""Figures of sentence tone: arcs, distributions, actors, groups, agreement."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import ParameterError
from ..params import check_columns, check_int
from ..plots import grow_with_rows, new_axes
from .columns import ARC_COLUMNS
from .compare import _paired, agreement

LEGEND_FONTSIZE = 10  # as large as the tick labels of plots.style()


def arc_title(doc_id: str, documents: pd.DataFrame | None = None, *, width: int = 60) -> str:
    r"""Return a sentiment arc's title: the document's title, outlet and date, wrapped.

    A file name shows a safe id (``AP-2024-01-94807407``); the title says which article
    it is. Lines are at most ``width`` characters, so a long id or title stays inside the
    figure.

    Parameters
    ----------
    doc_id
        The document drawn.
    documents
        The documents frame (``doc_id`` and, if present, ``title``, ``source``,
        ``published``); None: the id alone.
    width
        The longest line, in characters (default 60).

    Returns
    -------
    str
        ``"Sentiment arc · <title> · <source>, <published>"`` (what the document has of
        them; the id when it has no title) and ``"(rolling mean: prose only)"``, wrapped.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a1"], "title": ["Navies drill"], "source": ["AP"],
    ...                      "published": ["2024-09-10"]})
    >>> arc_title("a1", docs)
    'Sentiment arc · Navies drill · AP, 2024-09-10\n(rolling mean: prose only)'
    """
    import textwrap

    from ..params import text_values

    parts = [str(doc_id)]
    if documents is not None and "doc_id" in documents.columns:
        rows = documents[text_values(documents["doc_id"]) == str(doc_id)]
        if len(rows):
            row = {c: text_values(rows[c]).iloc[0].strip() for c in rows.columns if c != "text"}
            where = ", ".join(v for v in (row.get("source", ""), row.get("published", "")) if v)
            parts = [row.get("title") or str(doc_id), *([where] if where else [])]
    head = textwrap.fill("Sentiment arc · " + " · ".join(parts), width=width)
    return f"{head}\n(rolling mean: prose only)"


def plot_arc(arc_frame: pd.DataFrame, *, doc_id: str | None = None, ax=None):
    """Draw one document's sentiment arc: prose points, rolling mean, embeds apart.

    Parameters
    ----------
    arc_frame
        The :func:`arc` table (its columns :data:`~framelens.sentiment.columns.ARC_COLUMNS`),
        of one or more documents.
    doc_id
        The document to draw; default None: the first ``doc_id`` in sorted order.
    ax
        The Axes to draw on; default None: a new figure's (:func:`framelens.plots.new_axes`).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Raises
    ------
    ParameterError
        When ``doc_id`` is not in ``arc_frame``.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a"] * 2, "sent_id": [0, 1],
    ...                         "text": ["Good.", "Bad."]}))
    >>> ax = plot_arc(arc(s))
    >>> ax.get_xlabel()
    'sentence position in the document (0 = first)'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    from ..plots import PALETTE

    check_columns("arc_frame", arc_frame, ARC_COLUMNS)
    ids = sorted(arc_frame["doc_id"].unique())
    if doc_id is None and ids:
        doc_id = ids[0]
    if ids and doc_id not in ids:
        raise ParameterError(f"`doc_id` {doc_id!r} is not in the arc; it has {ids[:10]}.")
    ax = new_axes(ax)
    d = arc_frame[arc_frame["doc_id"] == doc_id]
    prose, emb = d[d["kind"] != "embed"], d[d["kind"] == "embed"]
    ax.axhline(0, color="0.5", lw=0.8)
    ax.plot(
        prose["position"],
        prose["compound"],
        "o",
        color=PALETTE[0],
        alpha=0.6,
        label="prose sentence",
    )
    ax.plot(
        prose["position"],
        prose["rolling_mean"],
        "-",
        color=PALETTE[0],
        lw=2,
        label="rolling mean (prose)",
    )
    if len(emb):
        ax.plot(emb["position"], emb["compound"], "D", color=PALETTE[1], label="embedded post")
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("sentence position in the document (0 = first)")
    ax.set_ylabel("VADER compound (−1 … +1)")
    ax.set_title(f"Sentiment arc · {doc_id}")
    ax.legend(loc="best", fontsize=LEGEND_FONTSIZE)
    return ax


def plot_distribution(
    scores: pd.DataFrame, *, pos_threshold: float = 0.05, neg_threshold: float = -0.05, ax=None
):
    """Histogram of sentence compound, prose and embeds stacked, thresholds marked.

    Parameters
    ----------
    scores
        Rows of :func:`score` (``compound``; ``kind`` if present, else all prose);
        unscored sentences (NaN) are left out.
    pos_threshold, neg_threshold
        Where the dashed threshold lines are drawn (default 0.05 and -0.05, those of
        :func:`score`).
    ax
        The Axes to draw on; default None: a new figure's (:func:`framelens.plots.new_axes`).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a"] * 2, "sent_id": [0, 1],
    ...                         "text": ["Good.", "Bad."]}))
    >>> ax = plot_distribution(s)
    >>> ax.get_ylabel()
    'sentences (count)'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    from matplotlib.ticker import MaxNLocator

    from ..plots import PALETTE

    check_columns("scores", scores, ["compound"])
    ax = new_axes(ax)
    kind = scores["kind"] if "kind" in scores.columns else pd.Series("prose", index=scores.index)
    bins = np.linspace(-1.05, 1.05, 22)  # a bin centred on 0: the neutral band
    data = [
        scores.loc[(kind != "embed") & scores["compound"].notna(), "compound"],
        scores.loc[(kind == "embed") & scores["compound"].notna(), "compound"],
    ]
    # embedded posts get a colour, and a legend entry, only when there are some
    shown = [i for i, part in enumerate(data) if len(part)] or [0]
    ax.hist(
        [data[i] for i in shown],
        bins=bins,
        stacked=True,
        color=[[PALETTE[0], PALETTE[1]][i] for i in shown],
        label=[["prose", "embedded post"][i] for i in shown],
    )
    for t in (neg_threshold, pos_threshold):
        ax.axvline(t, color="0.3", ls="--", lw=0.8)
    ax.set_xlabel("VADER compound (−1 … +1); dashed: label thresholds")
    ax.set_ylabel("sentences (count)")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title("Distribution of sentence sentiment")
    ax.legend(fontsize=LEGEND_FONTSIZE)
    return ax


#: a group label that is a period (groups by year, month or day) or the missing group
_PERIOD_LABEL = r"\d{4}(?:-\d{2}(?:-\d{2})?)?|\(missing\)"


def _are_periods(labels: pd.Series) -> bool:
    """Whether group labels are periods ("2011", "2011-03", "2011-03-04", "(missing)")."""
    labels = labels.astype(str)
    return bool(len(labels)) and bool(labels.str.fullmatch(_PERIOD_LABEL).all())


#: longest line of a row label: "South China Morning Post (Hong Kong edition)" made a
#: figure 11 inches wide
LABEL_WIDTH = 28


def _wrap(label: object) -> str:
    """Break a long group or actor name into lines of :data:`LABEL_WIDTH` characters."""
    import textwrap

    return "\n".join(textwrap.wrap(str(label), LABEL_WIDTH)) or str(label)


def _interval_plot(
    frame: pd.DataFrame, label_col: str, ax, title: str, ylabel: str, groups: bool = False
):
    from ..plots import PALETTE

    ax = new_axes(ax)
    labels = frame[label_col].astype(str)
    if groups and _are_periods(labels):
        # periods (2011, 2011-03, 2011-03-04, "(missing)" last): in time order, the
        # earliest at the top, as a reader scans years; not ranked by tone
        order = labels.where(labels != "(missing)", "9999")  # drawn bottom-up
        d = frame.assign(_o=order).sort_values("_o", ascending=False, kind="stable")
        d = d.drop(columns="_o").reset_index(drop=True)
    else:
        d = frame.sort_values("mean_compound", kind="stable").reset_index(drop=True)
    y = np.arange(len(d))
    lo = (d["mean_compound"] - d["ci_low"]).fillna(0).clip(lower=0)
    hi = (d["ci_high"] - d["mean_compound"]).fillna(0).clip(lower=0)
    # one sentence has no interval: a hollow marker, so it is not read as an estimate; a
    # group with no scored sentence (another language, say) has no marker at all
    single = (d["n_sentences"] == 1).to_numpy()
    # a unit of 2-4 documents has no interval (MIN_DOCUMENTS): hollow too
    few = ((d["n_sentences"] >= 2) & d["ci_low"].isna()).to_numpy()
    many = (d["n_sentences"] >= 2).to_numpy() & ~few
    if many.any():  # a legend entry for marks drawn only
        ax.errorbar(d["mean_compound"][many], y[many], xerr=[lo[many], hi[many]], fmt="o",
                    color=PALETTE[0], ecolor=PALETTE[5], capsize=3,
                    label="mean, 95% interval")  # fmt: skip
    # no interval from 2-4 documents, nor from 2-4 sentences of one document
    one = (
        (d["n_documents"] == 1).to_numpy()
        if "n_documents" in d.columns
        else np.ones(len(d), dtype=bool)
    )
    one_label = ("one document: no interval for the group" if groups
                 else "2-4 sentences of one document: no interval")  # fmt: skip
    hollow = ((single, "o", "one sentence (n=1): no interval"),
              (few & ~one, "D", "2-4 documents: no interval"),
              (few & one, "s", one_label))  # fmt: skip
    for rows, marker, label in hollow:
        if rows.any():
            ax.plot(d["mean_compound"][rows], y[rows], marker, markerfacecolor="white",
                    markeredgecolor=PALETTE[0], label=label)  # fmt: skip
    if single.any() or few.any():
        ax.legend(loc="best", fontsize=LEGEND_FONTSIZE)
    ax.axvline(0, color="0.5", lw=0.8)
    ax.set_yticks(y)
    docs = d["n_documents"] if groups and "n_documents" in d.columns else [None] * len(d)
    ax.set_yticklabels(
        [
            (f"{_wrap(a)} ({k} doc., n={n})" if k is not None else f"{_wrap(a)} (n={n})")
            if n
            else f"{_wrap(a)} (n=0: none scored)"
            for a, n, k in zip(d[label_col], d["n_sentences"], docs, strict=True)
        ]
    )
    ax.set_xlabel("mean VADER compound of sentences (−1 … +1), 95% bootstrap interval")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    return ax


#: most groups (rows) :func:`plot_groups` draws: 200 outlets made an unreadable block
MAX_GROUPS = 40


def plot_actor_tone(actors: pd.DataFrame, *, min_n: int = 1, ax=None, max_actors: int = MAX_GROUPS):
    """Mean compound of the sentences mentioning each actor, with 95% intervals.

    Actors named in fewer than ``min_n`` sentences are left out; an actor named in one
    sentence (kept with ``min_n=1``) has no interval and is drawn as a hollow marker. A
    figure of its own grows with its rows (:func:`framelens.plots.grow_with_rows`).

    Parameters
    ----------
    actors
        The :func:`actor_tone` table (``actor, n_sentences, mean_compound, ci_low,
        ci_high`` are used).
    min_n
        The fewest sentences an actor needs to be drawn (a whole number ≥ 1, default 1).
    max_actors
        Most actors drawn (default :data:`MAX_GROUPS`): with more, those named in the most
        sentences (ties by name), and the axis label says how many are left to the table.
    ax
        The Axes to draw on; default None: a new figure's (:func:`framelens.plots.new_axes`).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on: one row per actor, sorted by mean compound (the most negative
        at the bottom).

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...                         "text": ["Japan is concerned."]}))
    >>> ax = plot_actor_tone(actor_tone(s))
    >>> ax.get_ylabel()
    'actor (sentences)'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    check_columns("actors", actors, ["actor", "n_sentences", "mean_compound", "ci_low", "ci_high"])
    min_n = check_int("min_n", min_n, min_value=1)
    max_actors = check_int("max_actors", max_actors, min_value=1)
    d = actors[actors["n_sentences"] >= min_n]
    left = max(0, len(d) - max_actors)
    if left:
        d = d.sort_values(["n_sentences", "actor"], ascending=[False, True], kind="stable")
        d = d.head(max_actors)
    ax = new_axes(ax)
    grow_with_rows(ax, len(d), max_inches=14.0)
    ax = _interval_plot(
        d, "actor", ax, "Tone of sentences mentioning each actor",
        "actor (sentences)" + (f"; the {max_actors} most named, {left} more in the table"
                               if left else ""),
    )  # fmt: skip
    if d.empty:
        from ..plots import note_empty

        note_empty(ax, "No actor of the gazetteer is named"
                   + (f" in {min_n} sentences or more" if min_n > 1 else "")
                   + ".\nextra_actors adds names.")  # fmt: skip
    return ax


def plot_groups(groups: pd.DataFrame, *, ax=None, max_groups: int = MAX_GROUPS):
    """Mean compound per group (``aggregate(level="group")``) with 95% intervals.

    A figure of its own grows with its rows (:func:`framelens.plots.grow_with_rows`).

    Parameters
    ----------
    groups
        The group-level aggregate (``group, n_sentences, mean_compound, ci_low,
        ci_high`` are used); a group with one sentence is drawn as a hollow marker, one
        with none scored (text in another language, say) has no marker and says so.
    max_groups
        Most groups drawn (default :data:`MAX_GROUPS`): with more, those with the most
        sentences, and the axis label says how many are left to the table. Groups that
        are periods are never picked by size (a time axis with holes reads as a
        continuous series): the ``max_groups`` latest periods are drawn, and the axis
        label names the earlier ones (and ``"(missing)"``) left to the table.
    ax
        The Axes to draw on; default None: a new figure's (:func:`framelens.plots.new_axes`).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on: one row per group, sorted by mean compound (the most negative
        at the bottom); groups that are periods (years, months, days, as ``period``
        makes them, recognised by their labels ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``
        and ``"(missing)"``) in time order instead, the earliest at the top and
        "(missing)" last.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [0, 0],
    ...                         "text": ["Good.", "Bad."]}))
    >>> d = pd.DataFrame({"doc_id": ["a", "b"], "source": ["X", "Y"]})
    >>> ax = plot_groups(aggregate(s, level="group", documents=d, group_by="source"))
    >>> ax.get_title()
    'Sentiment by group'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    check_columns("groups", groups, ["group", "n_sentences", "mean_compound", "ci_low", "ci_high"])
    max_groups = check_int("max_groups", max_groups, min_value=1)
    ylabel = "group (sentences)"
    if len(groups) > max_groups and _are_periods(groups["group"]):
        # periods: a contiguous run, the latest; the smallest days had left holes
        labels = groups["group"].astype(str)
        dated = groups[labels != "(missing)"]
        dated = dated.assign(_o=dated["group"].astype(str))
        dated = dated.sort_values("_o", kind="stable").drop(columns="_o")
        earlier = dated.head(max(0, len(dated) - max_groups))
        groups = dated.tail(max_groups)
        gone = []
        if len(earlier):
            first, last = earlier["group"].iloc[0], earlier["group"].iloc[-1]
            span = f"{first} to {last}" if len(earlier) > 1 else f"{first}"
            gone.append(f"{len(earlier)} earlier ({span})")
        if (labels == "(missing)").any():
            gone.append("(missing)")
        ylabel += f": the {len(groups)} latest periods; {' and '.join(gone)} in the table"
    elif len(groups) > max_groups:
        left = len(groups) - max_groups
        groups = groups.sort_values(["n_sentences", "group"], ascending=[False, True],
                                    kind="stable").head(max_groups)  # fmt: skip
        ylabel += f": the {max_groups} largest, {left} more in the table"
    ax = _interval_plot(groups, "group", ax, "Sentiment by group", ylabel, groups=True)
    grow_with_rows(ax, len(groups), base_inches=1.6)
    return ax


def plot_agreement(vader: pd.DataFrame, pattern: pd.DataFrame, *, ax=None):
    """Scatter of VADER compound against Pattern polarity, one point a sentence.

    Parameters
    ----------
    vader, pattern
        Rows of :func:`score` and of :func:`pattern_scores` for the same sentences, as
        for :func:`agreement`; only the sentences both scored are drawn.
    ax
        The Axes to draw on; default None: a new figure's (:func:`framelens.plots.new_axes`).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on, with Spearman's ρ, the number of sentences and how many got
        the same label written in its corner.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["A good plan."]})
    >>> ax = plot_agreement(score(s), pattern_scores(s))
    >>> ax.get_xlabel()
    'VADER compound (−1 … +1)'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    from ..plots import PALETTE

    both = _paired(vader, pattern)
    ax = new_axes(ax)
    ax.axhline(0, color="0.5", lw=0.8)
    ax.axvline(0, color="0.5", lw=0.8)
    ax.plot([-1, 1], [-1, 1], ls=":", color="0.4", lw=0.8, label="equal scores")
    # sentences with the same pair of scores (many at 0, 0) are one marker, its area their
    # number: 69 sentences at the origin had been one dot
    pts = (
        both.assign(x=both["compound"].round(4), y=both["polarity"].round(4))
        .groupby(["x", "y"], sort=True)
        .size()
        .reset_index(name="n")
    )
    label = "sentences (area: how many)" if (pts["n"] > 1).any() else "sentence"
    ax.scatter(pts["x"], pts["y"], s=20 * pts["n"], color=PALETTE[2], alpha=0.6, label=label)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("VADER compound (−1 … +1)")
    ax.set_ylabel("Pattern polarity (−1 … +1)")
    stats = agreement(vader, pattern).iloc[0]
    n_same = round(stats["label_agreement"] * stats["n"]) if stats["n"] else 0
    rho = "n/a" if pd.isna(stats["spearman_rho"]) else f"{stats['spearman_rho']:.2f}"
    ax.text(
        0.02,
        0.98,
        f"Spearman ρ = {rho}\nn = {stats['n']} sentences\nsame label: {n_same} of {stats['n']}",
        transform=ax.transAxes,
        va="top",
        ha="left",
        fontsize=LEGEND_FONTSIZE,
    )
    ax.set_title("Two lexicons, sentence by sentence")
    ax.legend(loc="lower right", fontsize=LEGEND_FONTSIZE)
    return ax
