"""Figures of frames: profiles, flow, actors and sources."""

from __future__ import annotations

import math
from typing import Literal

import pandas as pd

from ..errors import ParameterError
from ..params import check_choice, check_columns, check_int
from ..plots import new_axes
from .sources import SOURCE_TYPES


def _text_colour(rgba) -> str:
    """Black on light cells, white on dark ones (luma of the sRGB colour above 0.4).

    Examples
    --------
    >>> _text_colour((0.49, 0.49, 0.47, 1.0)), _text_colour((0.0, 0.13, 0.3, 1.0))
    ('black', 'white')
    """
    r, g, b = (float(c) for c in rgba[:3])
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.4 else "white"


#: a heat map with more columns (or rows) than this is drawn without a number in every
#: cell (a 10,000-paragraph report took minutes of text drawing), its ticks thinned to
#: at most :data:`HEATMAP_TICKS`
HEATMAP_ANNOTATED = 60
HEATMAP_TICKS = 40
#: height of a heat map row (inches) when the Axes is its figure's only one and the
#: figure grows with its rows (plus :data:`HEATMAP_BASE_INCHES` for title and labels)
HEATMAP_ROW_INCHES = 0.3
HEATMAP_BASE_INCHES = 1.5
#: the tallest a heat map's figure grows (inches): more rows are drawn shorter
HEATMAP_MAX_INCHES = 16.0
#: a cell shorter than this (points) gets no number: a 9-point number would overprint
#: its neighbours; a tick label needs as much room, or the labels are thinned
HEATMAP_MIN_ROW_POINTS = 12.0


def _rotate_xticks(ax, degrees: float) -> None:
    """Rotate the x tick labels, each right-aligned so its end stays under its tick."""
    for label in ax.get_xticklabels():
        label.set(rotation=degrees, ha="right", rotation_mode="anchor")


def _grow_with_rows(ax, n_rows: int) -> None:
    """Grow the figure for ``n_rows`` heat-map rows (:func:`framelens.plots.grow_with_rows`)."""
    from ..plots import grow_with_rows

    grow_with_rows(ax, n_rows, row_inches=HEATMAP_ROW_INCHES, base_inches=HEATMAP_BASE_INCHES,
                   max_inches=HEATMAP_MAX_INCHES)  # fmt: skip


def _row_points(ax, n_rows: int) -> float:
    """Height of one heat-map row in points, as the Axes is placed now."""
    return ax.get_position().height * ax.figure.get_size_inches()[1] * 72 / max(n_rows, 1)


def _heatmap(
    ax, matrix: pd.DataFrame, *, fmt: str, cbar_label: str, annot=None, vmax: float | None = None
) -> bool:
    """Draw ``matrix`` as a heat map; return whether every cell got its number.

    The figure grows with the rows when ``ax`` is its only Axes (:func:`_grow_with_rows`);
    a cell gets its number when the map has at most :data:`HEATMAP_ANNOTATED` rows and
    columns and a row is at least :data:`HEATMAP_MIN_ROW_POINTS` tall.
    """
    import numpy as np

    _grow_with_rows(ax, matrix.shape[0])
    data = matrix.to_numpy(dtype=float)
    if vmax is None:  # the largest value; 1 when every cell is 0 or missing
        top = np.nanmax(data) if np.isfinite(data).any() else 0.0
        vmax = float(top) if top > 0 else 1.0
    im = ax.imshow(np.ma.masked_invalid(data), aspect="auto", cmap="cividis", vmin=0,
                   vmax=vmax)  # fmt: skip
    ax.figure.colorbar(im, ax=ax, label=cbar_label)  # first: it takes room from the Axes
    row_pt = _row_points(ax, matrix.shape[0])
    for set_ticks, labels in ((ax.set_xticks, matrix.columns), (ax.set_yticks, matrix.index)):
        most = HEATMAP_TICKS
        if set_ticks == ax.set_xticks and max((len(str(c)) for c in labels), default=0) > 2:
            most //= 2  # "513" side by side: half as many, or they run together
        step = -(-len(labels) // most)
        if set_ticks == ax.set_yticks:  # one label a row, or every second... as rows allow
            step = max(step, math.ceil(HEATMAP_MIN_ROW_POINTS / max(row_pt, 1e-9)))
        set_ticks(range(0, len(labels), step), [str(c) for c in labels[::step]])
    ax.grid(False)
    vals = annot.to_numpy() if annot is not None else data
    numbered = max(matrix.shape) <= HEATMAP_ANNOTATED and row_pt >= HEATMAP_MIN_ROW_POINTS
    for i in range(matrix.shape[0] if numbered else 0):
        for j in range(matrix.shape[1]):
            v = vals[i, j]
            if v == v:  # not NaN
                ax.text(j, i, format(v, fmt), ha="center", va="center", fontsize=9,
                        color=_text_colour(im.cmap(im.norm(data[i, j]))))  # fmt: skip
    return numbered


#: colour only: what the x label of a heat map adds when its cells have no numbers
UNNUMBERED = "colour only (rows too many to number): the values are in the table"


#: a frame profile of more groups than this is drawn as box plots, unless its Axes is
#: its figure's only one, which then grows for a heat map of up to
#: :data:`PROFILE_HEATMAP_MAX_ROWS` rows (94 months keep their order in time)
PROFILE_HEATMAP_ROWS = 40
PROFILE_HEATMAP_MAX_ROWS = 120


def _profile_boxes(ax, wide: pd.DataFrame, by: str, label: str) -> None:
    """One box a frame: the distribution of its value over the columns of ``wide``.

    What a box summarises is said twice where a notebook's own title cannot hide it:
    in the x label, and in a key of the median line and the mean dot.
    """
    import numpy as np
    from matplotlib.lines import Line2D

    from ..plots import PALETTE

    frames = list(wide.index)
    n = wide.shape[1]
    data = [wide.loc[f].dropna().to_numpy() for f in frames]
    mean_style = {"marker": "o", "markerfacecolor": "black", "markeredgecolor": "black",
                  "markersize": 4}  # fmt: skip
    ax.boxplot(data, orientation="horizontal", showmeans=True, widths=0.6,
               medianprops={"color": PALETTE[1]}, meanprops=mean_style)  # fmt: skip
    ax.set_yticks(np.arange(1, len(frames) + 1), frames)
    ax.invert_yaxis()
    over = f"{n} documents" if by == "doc_id" else f"{n} values of {by}"
    ax.set_xlabel(f"{label}\none box a frame: its spread over {over} (box: quartiles, "
                  "whiskers: 1.5 IQR)")  # fmt: skip
    ax.set_ylabel("frame")
    key = [Line2D([], [], color=PALETTE[1], label=f"median of {n}"),
           Line2D([], [], linestyle="none", label=f"mean of {n}", **mean_style)]  # fmt: skip
    ax.legend(handles=key, fontsize=8, loc="best")
    ax.set_title(f"Frame profile: distribution over {over}")


def plot_profile(
    profile_frame: pd.DataFrame,
    *,
    by: str = "doc_id",
    value: Literal["share_sentences", "hits_per_1000_words"] = "share_sentences",
    ax=None,
):
    """Draw the frame profile: bars per frame for up to 6 documents/groups, else a heat map.

    A heat map's figure grows with its rows when ``ax`` is the figure's only Axes (up to
    :data:`HEATMAP_MAX_INCHES` tall); when a row is too short for a number, the cells are
    colour only and the x label says so. Above :data:`PROFILE_HEATMAP_ROWS` documents
    or groups, a heat map only when ``ax`` is its figure's only Axes and the rows are at
    most :data:`PROFILE_HEATMAP_MAX_ROWS` (94 months stay in their order in time);
    otherwise more rows than a page can show, so the figure becomes the distribution of
    ``value`` over them, one box a frame (median line, quartiles, whiskers at 1.5 IQR,
    the mean as a dot), said in the x label and a key so that a notebook's own title
    does not hide it.

    Returns the matplotlib Axes.

    Parameters
    ----------
    profile_frame
        :func:`profile` output (the ``by``, ``frame`` and ``value`` columns are used);
        frames and groups are drawn in their order of first appearance. Groups other
        than documents are labelled with their number of documents when the table has
        ``n_documents`` (as :func:`profile`'s has): "2013 (1 doc.)".
    by
        The column of documents or groups: ``"doc_id"`` (default) or the ``by`` passed
        to :func:`profile`.
    value
        ``"share_sentences"`` (default: share of sentences carrying the frame) or
        ``"hits_per_1000_words"``.
    ax
        Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on: bars for up to 6 groups, a heat map for 7 to 40 (to 120 in
        a figure of its own), box plots above.

    Raises
    ------
    ParameterError
        When ``value`` is not one of the two, or ``profile_frame`` lacks its columns.

    Examples
    --------
    >>> p = pd.DataFrame({"doc_id": ["a", "a"], "frame": ["threat", "rivalry"],
    ...                   "share_sentences": [0.5, 0.25], "hits_per_1000_words": [10.0, 5.0]})
    >>> plot_profile(p).get_xlabel().splitlines()
    ['share of sentences carrying the frame (0–1)', 'doc_id: a']
    """
    import numpy as np

    check_choice("value", value, ["share_sentences", "hits_per_1000_words"])
    check_columns("profile_frame", profile_frame, [by, "frame", value])
    label = {"share_sentences": "share of sentences carrying the frame (0–1)",
             "hits_per_1000_words": "frame hits per 1,000 words"}[value]  # fmt: skip
    frames = list(dict.fromkeys(profile_frame["frame"]))
    groups = list(dict.fromkeys(profile_frame[by]))
    wide = profile_frame.pivot_table(index="frame", columns=by, values=value, aggfunc="sum",
                                     sort=False).reindex(index=frames, columns=groups)  # fmt: skip
    if by != "doc_id" and "n_documents" in profile_frame.columns:
        # a group's share rests on its articles: one article's bright cell is one article
        n_docs = profile_frame.groupby(by, sort=False)["n_documents"].max()
        shown = [f"{g} ({int(n_docs[g])} doc.)" for g in groups]
        wide.columns, groups = shown, shown
    ax = new_axes(ax)
    if len(groups) <= 6:
        from ..plots import PALETTE

        height = 0.8 / max(len(groups), 1)
        y = np.arange(len(frames))
        for k, g in enumerate(groups):
            ax.barh(y + k * height, wide[g].fillna(0), height=height, label=str(g),
                    color=PALETTE[k % len(PALETTE)])  # fmt: skip
        ax.set_yticks(y + height * (len(groups) - 1) / 2, frames)
        ax.invert_yaxis()
        ax.set_xlabel(label)
        ax.set_ylabel("frame")
        if len(groups) > 1:
            ax.legend(title=by, fontsize=9, title_fontsize=9)
        elif groups:  # one document or group: its name, which no legend gives
            ax.set_xlabel(f"{label}\n{by}: {groups[0]}")
    elif len(groups) > PROFILE_HEATMAP_ROWS and not (
        len(groups) <= PROFILE_HEATMAP_MAX_ROWS and len(ax.figure.axes) == 1
    ):
        _profile_boxes(ax, wide, by, label)
        return ax
    else:
        numbered = _heatmap(ax, wide.T, fmt=".2f", cbar_label=label)
        ax.set_xlabel("frame" if numbered else f"frame\n{UNNUMBERED}")
        ax.set_ylabel(by)
        _rotate_xticks(ax, 45)
    ax.set_title("Frame profile")
    return ax


def plot_flow(flow_frame: pd.DataFrame, *, doc_id: str | None = None, ax=None):
    """Heat map of frames (rows) by paragraph (columns) for one document.

    Cells show how many of the paragraph's sentences carry the frame; colour is the share
    (0 to 1 in every document, so two documents' maps compare). A document of more than
    :data:`HEATMAP_ANNOTATED` paragraphs is drawn in colour only, with thinned ticks.
    Embedded posts are labelled "N (embed)" on the x axis (with a ``kind`` column).
    Returns the matplotlib Axes.

    Parameters
    ----------
    flow_frame
        :func:`flow` output (``doc_id, para_id, frame, n_frame_sentences,
        share_sentences``; ``kind`` optional).
    doc_id
        The document to draw (default: the one with the most frame-carrying sentences
        among those of at most :data:`HEATMAP_ANNOTATED` paragraphs, if any, the first of
        equals: in a corpus of many documents, an article with a flow to show).
    ax
        Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on, with the heat map and its colour bar.

    Raises
    ------
    ParameterError
        When ``flow_frame`` is empty or lacks its columns, or ``doc_id`` is not in it.

    Examples
    --------
    >>> f = pd.DataFrame({"doc_id": ["a"] * 2, "para_id": [0, 1], "frame": ["threat"] * 2,
    ...                   "n_frame_sentences": [1, 0], "share_sentences": [0.5, 0.0]})
    >>> plot_flow(f).get_xlabel()
    'paragraph (0 = first)'
    """
    check_columns("flow_frame", flow_frame, ["doc_id", "para_id", "frame", "share_sentences",
                                             "n_frame_sentences"])  # fmt: skip
    docs = list(dict.fromkeys(flow_frame["doc_id"]))
    if not docs:
        raise ParameterError("`flow_frame` is empty: there is nothing to draw.")
    if doc_id is None:  # idxmax: the first of equals, in the frame's order
        by_doc = flow_frame.groupby("doc_id", sort=False)
        framed = by_doc["n_frame_sentences"].sum()
        # an article whose cells can be numbered, when there is one: the most framed of a
        # corpus is otherwise its longest text (a 513-paragraph one drew as a smear)
        short = by_doc["para_id"].nunique() <= HEATMAP_ANNOTATED
        doc_id = (framed[short] if short.any() else framed).idxmax()
    check_choice("doc_id", doc_id, docs)
    f = flow_frame[flow_frame["doc_id"] == doc_id]
    frames = list(dict.fromkeys(f["frame"]))
    share = f.pivot(index="frame", columns="para_id", values="share_sentences").reindex(frames)
    n = f.pivot(index="frame", columns="para_id", values="n_frame_sentences").reindex(frames)
    if "kind" in f.columns:
        kind = f.groupby("para_id")["kind"].first()
        labels = [f"{p} (embed)" if kind.get(p) == "embed" else str(p) for p in share.columns]
        share.columns = n.columns = labels
    ax = new_axes(ax)
    numbered = _heatmap(ax, share, fmt="d", cbar_label="share of the paragraph's sentences",
                        annot=n, vmax=1.0)  # fmt: skip
    if any(str(c).endswith("(embed)") for c in share.columns):
        for label in ax.get_xticklabels():
            label.set(rotation=40, ha="right", rotation_mode="anchor")
    ax.set_xlabel(
        "paragraph (0 = first)"
        if numbered
        else f"paragraph (0 = first) of {share.shape[1]:,}: colour only, the counts are in "
        "the table"
    )
    ax.set_ylabel("frame")
    ax.set_title(f"Frames through the article: {doc_id}")
    return ax


def plot_actor_frames(actor_frame: pd.DataFrame, *, top_n: int = 10, ax=None):
    """Heat map of actors (rows, most mentioned first) by frame (columns).

    Cells show the number of sentences with both; colour is the share of the actor's
    sentences. Returns the matplotlib Axes.

    Parameters
    ----------
    actor_frame
        :func:`actor_frames` output (``actor, frame, n_sentences, n_actor_sentences,
        share``), actors in its order (most mentioned first).
    top_n
        How many actors to draw: the first ``top_n`` of ``actor_frame`` (default 10; at
        least 1).
    ax
        Axes to draw on (default: a new figure, taller with more actors).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on, with the heat map and its colour bar; each row is labelled
        with the actor and its number of sentences.

    Raises
    ------
    ParameterError
        When ``actor_frame`` is empty or lacks its columns, or ``top_n`` is not a whole
        number of at least 1.

    Examples
    --------
    >>> a = pd.DataFrame({"actor": ["Japan"], "frame": ["threat"], "n_sentences": [1],
    ...                   "n_actor_sentences": [2], "share": [0.5]})
    >>> plot_actor_frames(a).get_ylabel()
    'actor (sentences mentioning it)'
    """
    check_columns("actor_frame", actor_frame, ["actor", "frame", "n_sentences",
                                               "n_actor_sentences", "share"])  # fmt: skip
    top_n = check_int("top_n", top_n, min_value=1)
    if actor_frame.empty:
        raise ParameterError("`actor_frame` is empty: no actor of the gazetteer was mentioned.")
    actors = list(dict.fromkeys(actor_frame["actor"]))[:top_n]
    frames = list(dict.fromkeys(actor_frame["frame"]))
    a = actor_frame[actor_frame["actor"].isin(actors)]
    totals = a.groupby("actor")["n_actor_sentences"].max()
    share = a.pivot(index="actor", columns="frame", values="share").reindex(
        index=actors, columns=frames
    )
    n = a.pivot(index="actor", columns="frame", values="n_sentences").reindex(
        index=actors, columns=frames
    )
    share.index = [f"{x} ({totals[x]})" for x in actors]
    ax = new_axes(ax, (8, max(3.0, 0.4 * len(actors) + 1.5)))
    numbered = _heatmap(ax, share, fmt="d", cbar_label="share of the actor's sentences",
                        annot=n)  # fmt: skip
    ax.set_xlabel("frame" if numbered else f"frame\n{UNNUMBERED}")
    ax.set_ylabel("actor (sentences mentioning it)")
    _rotate_xticks(ax, 30)
    ax.set_title("Which actors share sentences with which frames")
    return ax


def plot_sources(attribution_frame: pd.DataFrame, *, ax=None):
    """Bar chart of attributions by source type (every type shown, zeros included).

    Returns the matplotlib Axes.

    Parameters
    ----------
    attribution_frame
        :func:`attributions` output (only ``source_type`` is used): one bar per type of
        :data:`SOURCE_TYPES`, in that order; other types are not drawn.
    ax
        Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on: one horizontal bar per source type, its length the number of
        attributions.

    Examples
    --------
    >>> a = pd.DataFrame({"source_type": ["official", "official", "expert"]})
    >>> [float(b.get_width()) for b in plot_sources(a).patches][:2]
    [2.0, 0.0]
    """
    from matplotlib.ticker import MaxNLocator

    from ..plots import PALETTE

    check_columns("attribution_frame", attribution_frame, ["source_type"])
    counts = attribution_frame["source_type"].value_counts().reindex(SOURCE_TYPES, fill_value=0)
    ax = new_axes(ax)
    ax.barh(counts.index, counts.to_numpy(dtype=float),
            color=[PALETTE[i % len(PALETTE)] for i in range(len(counts))])  # fmt: skip
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("attributions (one per source and sentence; a post counts once)")
    ax.set_ylabel("source type")
    ax.set_title("Who is cited: sources by type")
    return ax
