"""The figure of exercise frequency: events per year by domain, with the trend."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..errors import ParameterError
from ..params import check_int
from .record import DOMAIN_LABELS, DOMAINS
from .trend import PER_YEAR_COLUMNS

_HATCHES = {"naval": "", "air": "//", "land": "..", "combined": "xx", "patrol": "\\\\",
            "command_staff": "--"}  # fmt: skip


def article_years(cuts: pd.DataFrame) -> pd.Series:
    """Count a corpus's dated articles per publication year, for :func:`plot_frequency`.

    Parameters
    ----------
    cuts
        :func:`document_cuts` of the documents (``publication_year`` 0: no date, left
        out).

    Returns
    -------
    pandas.Series
        Articles per year (int64), indexed by year, in year order; empty when no
        article has a date.

    Examples
    --------
    >>> cuts = pd.DataFrame({"publication_year": [2014, 2013, 2014, 0]})
    >>> article_years(cuts).to_dict()
    {2013: 1, 2014: 2}
    """
    years = pd.to_numeric(cuts["publication_year"], errors="coerce").fillna(0).astype("int64")
    out = years[years > 0].value_counts().sort_index().astype("int64")
    out.index = out.index.astype("int64")
    return out.rename("articles").rename_axis("year")


def plot_frequency(
    per_year: pd.DataFrame,
    *,
    highlights: pd.DataFrame | None = None,
    publication_year: int | None = None,
    record_until: str | None = None,
    max_labels: int = 8,
    what: str = "China–Russia joint exercises and patrols",
    article_years: pd.Series | None = None,
    ax=None,
):
    """Draw events per year as bars stacked by domain, marking the corpus's exercises.

    Each domain has a colour (Okabe–Ito) and a hatch, so the bars read in greyscale
    print too. Exercises the corpus names are outlined in black within their bar and
    labelled above the bars (above every bar the label spans, within the drawn years
    and left of the years after the record's end), each label's leader line ending at
    the centre of its outlined segment; names the table lacks are labelled with "(not in table)" and
    point at the bar top. A corpus of many articles names many exercises: past
    ``max_labels`` only the most mentioned are labelled (every named one is still
    outlined) and a note in the plot says how many are not. A grey band marks the
    publication year; a corpus whose articles appeared in several years
    (``article_years``) gets a light band over those years instead (none when they
    cover every year the record has data for: it would mark nothing), each year's number
    of articles above its bar, and the legend and title say so. The legend lists the
    domains top to bottom in the order they are stacked (those with events in the range)
    and explains the outline. Sized for a paper
    column or a slide (7 in wide, text 9 pt or larger). With no named exercise the chart
    still draws the record and says so in the plot.

    Parameters
    ----------
    per_year
        :func:`events_per_year` output.
    highlights
        :func:`highlights` output (``None`` or empty: nothing highlighted).
    publication_year
        Year to mark, or ``None``.
    record_until
        The date the record was cut at (:func:`events_until`), named in the title; the
        years after its year are hatched "no data" (not years without events).
    max_labels
        Most exercises labelled (default 8): the most mentioned (``n_mentions``), then
        the latest; 0 labels none.
    what
        What the bars count, for the title (default the shipped record's events;
        :func:`record_label` names those of any event table).
    article_years
        The corpus's articles per publication year (:func:`article_years`), or ``None``.
        Articles of one year keep the one band, and several articles' title says the
        record is cut at the latest of them; articles of several years are shown as the
        span they cover.
    ax
        Axes to draw on (default: a new 7 x 5 inch figure).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> ax = plot_frequency(events_per_year(load_events(), 2019, 2024), publication_year=2024)
    >>> [t.get_text() for t in ax.get_legend().get_texts()][:2]
    ['strategic command-staff', 'joint naval patrol']
    >>> plt.close(ax.figure)
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch, Rectangle

    from ..plots import PALETTE

    check_int("max_labels", max_labels, min_value=0)
    missing = [c for c in PER_YEAR_COLUMNS[:3] if c not in per_year.columns]
    if missing:
        raise ParameterError(
            f"`per_year` lacks the column(s) {missing}; pass the frame made by "
            "events.events_per_year."
        )
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 5))
    wide = per_year.pivot_table(index="year", columns="domain", values="n", aggfunc="sum",
                                fill_value=0, observed=False)  # fmt: skip
    # the shipped domains in their order, then a table's own ("summit"), in theirs
    doms = [d for d in DOMAINS if d in wide.columns]
    doms += [d for d in dict.fromkeys(per_year["domain"].astype(str)) if d not in doms]
    years = wide.index.to_numpy(dtype=int)
    bottom = np.zeros(len(years))
    seg_bottom: dict[tuple[int, str], float] = {}
    for i, d in enumerate(doms):
        vals = wide[d].to_numpy(dtype=float)
        ax.bar(years, vals, bottom=bottom, width=0.8, color=PALETTE[i % len(PALETTE)],
               edgecolor="white", linewidth=0.6, hatch=_HATCHES.get(d, ""),
               label=DOMAIN_LABELS.get(d, d) if vals.sum() else "_absent",
               zorder=2)  # fmt: skip
        for yr, b0 in zip(years, bottom, strict=True):
            seg_bottom[(int(yr), d)] = float(b0)
        bottom = bottom + vals
    totals = dict(zip(years.tolist(), bottom.tolist(), strict=True))
    top = max(bottom.max() if len(bottom) else 0.0, 1.0)
    hl = highlights if highlights is not None else pd.DataFrame()
    if len(hl):
        # within a year, labels stack in the order of the segments they point at, so
        # their leader lines never cross
        stack = {d: i for i, d in enumerate(doms)}
        hl = hl[hl["year"].isin(years)]
        order = hl["domain"].map(stack).fillna(len(doms))
        hl = hl.assign(_stack=order).sort_values(["year", "_stack"], kind="stable")
        # the most mentioned (then the latest) are labelled; every named one is outlined
        rank = hl.assign(_m=hl["n_mentions"] if "n_mentions" in hl.columns else 0)
        rank = rank.sort_values(["_m", "year", "label"], ascending=[False, False, True],
                                kind="stable")  # fmt: skip
        labelled = set(rank.index[:max_labels])
    else:
        labelled = set()
    step = max(top * 0.11, 0.6)
    # a label's width in years: 9 pt bold is about 0.075 in a character, the axes about
    # 5.6 in wide for the span of years drawn
    per_char = 0.075 * (len(years) + 1.4) / 5.6 if len(years) else 0.3
    placed: list[tuple[float, float, float]] = []  # left, right, height of each label
    highest = top
    last = int(years.max()) if len(years) else 0
    first = int(years.min()) if len(years) else 0
    ended = re.match(r"(\d{4})", record_until or "")
    # labels stay left of the years after the record's end (their "no data" text)
    x_max = int(ended[1]) + 0.45 if ended and len(years) and int(ended[1]) < last else last + 0.65
    x_min = first - 0.65
    for r in hl.itertuples() if len(hl) else []:
        yr = int(r.year)
        target = totals.get(yr, 0.0)
        if r.matched and (yr, r.domain) in seg_bottom and float(wide.loc[yr, r.domain]) > 0:
            h = float(wide.loc[yr, r.domain])
            ax.add_patch(Rectangle((yr - 0.4, seg_bottom[(yr, r.domain)]), 0.8, h, fill=False,
                                   edgecolor="black", linewidth=2.2, zorder=3))  # fmt: skip
            target = seg_bottom[(yr, r.domain)] + h / 2
        if r.Index not in labelled:
            continue
        if yr >= last - 2:
            ha, xt, rel = "right", yr + 0.4, (0.85, 0.0)
        elif yr <= first + 2:
            ha, xt, rel = "left", yr - 0.4, (0.15, 0.0)
        else:
            ha, xt, rel = "center", yr, (0.5, 0.0)
        text = r.label if r.matched else f"{r.label} (not in table)"
        width = (len(text) + 1) * per_char
        left = {"right": xt - width, "left": xt, "center": xt - width / 2}[ha]
        # within the drawn years, and not over the "no data" years after the record
        left = max(x_min, min(left, x_max - width))
        right = left + width
        ha, xt = "center", (left + right) / 2
        rel = (min(max((yr - left) / width, 0.1), 0.9), 0.0)
        # above every bar the box spans (a label of 2022 over the taller bar of 2024)
        under = [totals.get(int(y), 0.0) for y in years if left < y + 0.4 and y - 0.4 < right]
        ypos = max([totals.get(yr, 0.0), *under]) + step * 0.7
        # the next free row above the bars: no other label's box overlaps this one's
        while any(
            left < r2 and l2 < right and abs(ypos - p2) < step * 0.95 for l2, r2, p2 in placed
        ):
            ypos += step
        placed.append((left, right, ypos))
        ax.annotate(text, (yr, target), xytext=(xt, ypos), ha=ha, va="bottom",
                    fontsize=9, fontweight="bold", zorder=5,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "black", "lw": 0.6},
                    arrowprops={"arrowstyle": "-|>", "mutation_scale": 9, "lw": 1.0,
                                "color": "black", "shrinkA": 0, "shrinkB": 0,
                                "relpos": rel})  # fmt: skip
        highest = max(highest, ypos + step)
    counts = (
        pd.Series(article_years, dtype="int64")
        if article_years is not None
        else pd.Series(dtype="int64")
    )
    counts = counts[counts > 0]
    n_articles = int(counts.sum())
    span = len(counts) > 1 and len(years)
    band = False
    if span:
        # articles of many years: a light band over the years they cover, each year's
        # count above its bar; not one "article published" year. A band over every year
        # the record has data for marks nothing: left out, the counts say it
        a_year, b_year = int(counts.index.min()), int(counts.index.max())
        data_end = min(last, int(ended[1])) if ended else last
        band = not (a_year <= first and b_year >= data_end)
        if band:
            ax.axvspan(a_year - 0.5, b_year + 0.5, color="#ececec", zorder=0)
        for yr, n in counts.items():
            if first <= int(yr) <= last:
                ax.text(int(yr), 1.0, str(int(n)), transform=ax.get_xaxis_transform(),
                        ha="center", va="bottom", fontsize=8, color="0.25")  # fmt: skip
        ax.text(max(a_year, first) - 0.45, 1.0, "articles:", transform=ax.get_xaxis_transform(),
                ha="right", va="bottom", fontsize=8, color="0.25")  # fmt: skip
    elif publication_year is not None and len(years) and first <= publication_year <= last:
        ax.axvspan(publication_year - 0.5, publication_year + 0.5, color="#d9d9d9", zorder=0)
        ax.text(publication_year, 1.0, "article\npublished", transform=ax.get_xaxis_transform(),
                ha="center", va="bottom", fontsize=9, fontweight="bold")  # fmt: skip
    if ended and len(years) and int(ended[1]) < int(years.max()):
        # years after the record's cut are not years without events: no data
        y0, y1 = int(ended[1]) + 0.5, float(years.max()) + 0.7
        ax.axvspan(y0, y1, facecolor="none", hatch="//", edgecolor="0.8", lw=0, zorder=0)
        ax.text((y0 + y1) / 2, 0.5, "after the record's end: no data",
                transform=ax.get_xaxis_transform(), ha="center", va="center", fontsize=8,
                color="0.35", rotation=90,
                bbox={"fc": "white", "ec": "none", "pad": 1.5})  # fmt: skip
    notes = []
    if not len(hl):
        notes.append(
            "The corpus names no exercise with a year: bars show the reference record only."
        )
    elif len(hl) > len(labelled):
        notes.append(
            f"{len(hl)} exercise-years named: the {len(labelled)} most mentioned are "
            "labelled,\nevery one in the record is outlined (the mentions table lists all)."
        )
    if (
        publication_year is not None
        and len(years)
        and not (years.min() <= publication_year <= years.max())
    ):
        notes.append(f"Publication year {publication_year} lies outside the range.")
    if notes:
        highest *= 1.15
        ax.text(
            0.01,
            0.98,
            "\n".join(notes),
            transform=ax.transAxes,
            va="top",
            ha="left",
            fontsize=9,
            bbox={"boxstyle": "round", "fc": "#fff8e0", "ec": "#999999"},
        )
    ax.set_ylim(0, highest * 1.12)
    ax.set_xlim(years.min() - 0.7 if len(years) else 0, years.max() + 0.7 if len(years) else 1)
    ax.set_xticks(years)
    ax.set_xticklabels([str(y) for y in years], rotation=90 if len(years) > 8 else 0,
                       fontsize=9)  # fmt: skip
    for tick, yr in zip(ax.get_xticklabels(), years, strict=True):
        if publication_year is not None and int(yr) == int(publication_year):
            tick.set_fontweight("bold")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="y", labelsize=9)
    ax.set_xlabel("Year the event started", fontsize=10)
    ax.set_ylabel("Events per year (count)", fontsize=10)
    a, b = (int(years.min()), int(years.max())) if len(years) else (0, 0)
    title = f"{what} per year, {a}–{b}"
    if record_until and span:
        title += (
            f"\n(record up to the latest article's date, {record_until}; {n_articles} "
            f"articles, {a_year}–{b_year})"
        )
    elif record_until and n_articles > 1:
        title += (
            f"\n(record up to the article's date, {record_until}; the latest of "
            f"{n_articles} articles)"
        )
    elif record_until:
        title += f"\n(record up to the article's date, {record_until})"
    ax.set_title(title, fontsize=11, fontweight="bold", pad=24)
    handles, labels = ax.get_legend_handles_labels()
    handles, labels = handles[::-1], labels[::-1]  # top of the stack first
    handles.append(Patch(facecolor="white", edgecolor="black", linewidth=2.2))
    labels.append("black outline: named in the corpus")
    if band:
        handles.append(Patch(facecolor="#ececec", edgecolor="none"))
        labels.append("grey: the articles' years (count above)")
    elif span:
        handles.append(Patch(facecolor="none", edgecolor="none"))
        labels.append("articles: their number per year (above)")
    ax.legend(handles, labels, title="domain (top of stack first)", loc="upper center",
              bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize=9, title_fontsize=9,
              frameon=False)  # fmt: skip
    ax.grid(axis="x", visible=False)
    return ax
