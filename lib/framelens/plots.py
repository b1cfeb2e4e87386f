"""One house style for figures, and one function that saves them reproducibly.

Plot functions take tidy frames, draw on ``ax`` (or a new one) and return the Axes; they
never save. :func:`save` writes PNG and SVG with fixed metadata, so the same data gives
byte-identical files. The style is applied inside :func:`style` (a context manager),
never at import.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .errors import ParameterError

__all__ = [
    "PALETTE",
    "VECTOR_FORMATS",
    "configure",
    "corpus_structure",
    "missing_glyphs",
    "new_axes",
    "save",
    "style",
]

#: Okabe & Ito (2008) colour-blind-safe palette.
PALETTE = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    "#000000",
]

_RC = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "figure.figsize": (8, 4.5),
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,  # the grid behind bars and points, not over them
    "grid.alpha": 0.3,
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "svg.hashsalt": "framelens",  # stable element ids in SVG
    "svg.fonttype": "path",
    "savefig.bbox": "tight",
}


@contextlib.contextmanager
def style() -> Iterator[None]:
    """Apply the house style within a ``with`` block.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with style():
    ...     fig, ax = plt.subplots()
    >>> plt.close(fig)
    """
    # Let matplotlib pick its backend *before* the rc context: picking it inside one
    # turns interactive mode on, and leaving the context turns it off again, after
    # which a notebook no longer shows its figures inline.
    import matplotlib.pyplot as plt

    plt.close(plt.figure())  # resolves the backend now, outside the context
    _draw_inline_once(plt)
    with mpl.rc_context(_RC):
        yield


_INLINE = ("inline", "module://matplotlib_inline.backend_inline")


def _draw_inline_once(plt) -> None:
    """In a notebook kernel on the inline backend, draw each figure once at a cell's end.

    pyplot redraws every figure changed in a cell when the cell ends (its IPython
    ``post_execute`` hook); the inline backend then draws each one again to show it, and
    closes it. Where the backend closes every figure after showing it (its default,
    ``InlineBackend.close_figures``), pyplot's draw goes nowhere: it was a whole
    rendering of every figure, a fifth of a notebook's figure time. Elsewhere (a
    script, a GUI backend, a kernel that keeps its figures) nothing changes.
    """
    import sys

    if plt.get_backend() not in _INLINE or "matplotlib_inline.backend_inline" not in sys.modules:
        return
    from IPython import get_ipython
    from matplotlib_inline.config import InlineBackend

    if get_ipython() is not None and InlineBackend.instance().close_figures:
        plt.uninstall_repl_displayhook()


def grow_with_rows(
    ax, n_rows: int, *, row_inches: float = 0.3, base_inches: float = 1.5, max_inches: float = 16.0
) -> None:
    """Make the figure tall enough for ``n_rows`` rows when ``ax`` is its only Axes.

    ``row_inches`` a row plus ``base_inches`` for the title and labels, at most
    ``max_inches``; never shorter than it is. A figure of several Axes (a notebook's own
    grid) keeps its size. Forty outlets or actors in a notebook's 8×4.5 figure had
    overprinted their labels.

    Parameters
    ----------
    ax
        The Axes drawn on.
    n_rows
        The rows (tick labels) it holds.
    row_inches, base_inches, max_inches
        The height a row needs, the height of the rest, and the cap.

    Returns
    -------
    None
        The figure is resized in place.
    """
    fig = ax.figure
    if len(fig.axes) != 1:
        return
    width, height = fig.get_size_inches()
    wanted = min(max_inches, base_inches + row_inches * n_rows)
    if wanted > height:
        fig.set_size_inches(width, wanted)


def new_axes(ax=None, size: tuple[float, float] | None = None):
    """Return ``ax``, or the Axes of a new figure (of ``size`` inches) when it is None.

    Every plot function draws on the Axes it is given, so a notebook can place plots
    side by side; without one it gets its own figure.

    Parameters
    ----------
    ax
        A matplotlib Axes to draw on, or ``None`` (default) for a new figure.
    size
        ``(width, height)`` of the new figure in inches; ``None`` (default): matplotlib's
        ``figure.figsize`` (8 × 4.5 within :func:`style`). Ignored when ``ax`` is given.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax`` itself, or the single Axes of a new ``pyplot`` figure.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> ax = new_axes(size=(4, 3))
    >>> ax.figure.get_size_inches().tolist(), new_axes(ax) is ax
    ([4.0, 3.0], True)
    >>> plt.close(ax.figure)
    """
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _fig, new = plt.subplots(figsize=size)
    return new


def note_empty(ax, text: str):
    """Write ``text`` in the middle of an Axes that has nothing to draw; return the Axes.

    A saved figure with empty axes says nothing to whoever opens it from the index: the
    note says why it is empty and what to change.

    Parameters
    ----------
    ax
        The Axes.
    text
        One or two short lines ("No actor of the gazetteer is named.").

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``, with the note and no ticks.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> ax = note_empty(new_axes(), "Nothing here.")
    >>> [t.get_text() for t in ax.texts]
    ['Nothing here.']
    >>> plt.close(ax.figure)
    """
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", color="0.35",
            wrap=True)  # fmt: skip
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


#: resolution of the saved PNG (and of any raster inside a vector file) by default
SAVE_DPI = 150
#: formats :func:`save` can write beside the PNG: SVG (text as outlines, so it looks the
#: same everywhere) and PDF (fonts embedded as TrueType, so text stays text for a journal)
VECTOR_FORMATS = ("svg", "pdf")
#: what :func:`save` writes when not told otherwise (:func:`configure` changes it)
_SETTINGS: dict[str, object] = {"formats": ("svg",), "dpi": SAVE_DPI}


def configure(formats: Sequence[str] | None = None, dpi: int | None = None) -> dict[str, object]:
    """Set the formats and resolution :func:`save` uses in this session.

    The notebooks call it from their ``figure_formats`` and ``figure_dpi`` parameters
    (through :func:`framelens.nb.setup`), so a run for a journal is
    ``-p figure_formats "[svg, pdf]" -p figure_dpi 600``.

    Parameters
    ----------
    formats
        Vector formats written beside every PNG, from :data:`VECTOR_FORMATS` (``[]``: the
        PNG alone; default None: unchanged). The PNG is always written: the run's index
        and the notebooks show it.
    dpi
        Dots per inch of the PNG and of rasters inside vector files (heat maps), 50 to
        1200 (default None: unchanged; :data:`SAVE_DPI` at start). 300 suits print,
        600 line art.

    Returns
    -------
    dict
        The settings now in force: ``formats`` (tuple) and ``dpi`` (int).

    Examples
    --------
    >>> configure(["pdf"], 300)
    {'formats': ('pdf',), 'dpi': 300}
    >>> configure(["svg"], SAVE_DPI)["formats"]
    ('svg',)
    """
    _SETTINGS.update(_checked(formats, dpi))  # both checked first: a bad value changes nothing
    return dict(_SETTINGS)


def _checked(formats: Sequence[str] | None, dpi: int | None) -> dict[str, object]:
    """Return the settings given (None: not given), checked, as :data:`_SETTINGS` holds them."""
    from .params import check_choice, check_int, check_str_list

    new: dict[str, object] = {}
    if formats is not None:
        chosen = [f.lower() for f in check_str_list("figure_formats", formats)]
        for f in chosen:
            if f != "png":  # the PNG is always written
                check_choice("figure_formats", f, list(VECTOR_FORMATS))
        new["formats"] = tuple(dict.fromkeys(f for f in chosen if f != "png"))
    if dpi is not None:
        new["dpi"] = check_int("figure_dpi", dpi, min_value=50, max_value=1200)
    return new


def _tight_bbox(fig: Figure, dpi: float):
    """Return the box ``savefig(..., bbox_inches="tight")`` crops to, at ``dpi``, in inches.

    As matplotlib finds it: the figure laid out without rendering at the saving
    resolution, its tight bounding box padded by ``savefig.pad_inches``.
    """
    shown = fig.dpi
    fig.dpi = dpi
    try:
        fig.draw_without_rendering()
        box = fig.get_tightbbox()
    finally:
        fig.dpi = shown
    return box.padded(mpl.rcParams["savefig.pad_inches"])


def save(
    fig: Figure,
    name: str,
    output_dir: str | Path,
    *,
    formats: Sequence[str] | None = None,
    dpi: int | None = None,
) -> list[Path]:
    """Save ``fig`` as ``output_dir/figures/<name>.png`` and vector files, without dates.

    Returns the paths written. No file carries software or date metadata, so two runs on
    the same data write the same bytes.

    Parameters
    ----------
    fig
        The figure (e.g. ``ax.figure``); every file is cropped to its tight bounding
        box.
    name
        The file name without extension (``"keyness"``).
    output_dir
        The run's output folder; ``figures/`` is made in it if needed, and every file is
        noted for the run's index (:func:`framelens.report.record_output`).
    formats
        Vector formats beside the PNG, from :data:`VECTOR_FORMATS`: ``svg`` (text as
        outlines) and ``pdf`` (TrueType fonts embedded, text kept as text). Default
        None: as :func:`configure` set them (``svg`` unless changed).
    dpi
        Resolution of the PNG and of rasters inside vector files. Default None: as
        :func:`configure` set it (:data:`SAVE_DPI` unless changed).

    Returns
    -------
    list of pathlib.Path
        The PNG, then each vector file, in the order of ``formats``, replaced if they
        existed.
    """
    from .report import check_output, record_output

    if not isinstance(fig, Figure):
        hint = " (an Axes: pass ax.figure)" if isinstance(fig, Axes) else ""
        raise ParameterError(
            f"`fig` must be a matplotlib Figure, but {type(fig).__name__} was passed{hint}."
        )
    name, out = check_output(name, output_dir)
    settings = {**_SETTINGS, **_checked(formats, dpi)}  # given here: for this figure only
    dpi_used = int(settings["dpi"])  # type: ignore[call-overload]
    folder = out / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{name}.png"]
    with (
        mpl.rc_context({"svg.hashsalt": "framelens", "svg.fonttype": "path", "pdf.fonttype": 42}),
        warnings.catch_warnings(),
    ):
        # one warning of ours names the labels drawn as boxes, not one of matplotlib's
        # for every missing character of every file
        warnings.filterwarnings(
            "ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning
        )
        # the tight bounding box, found once for every file: `bbox_inches="tight"` lays
        # the figure out again in each savefig call (about a fifth of the time of saving)
        bbox = _tight_bbox(fig, dpi_used)
        boxes = _missing_glyphs(fig)  # laid out: the tick labels are set
        fig.savefig(
            paths[0], format="png", dpi=dpi_used, metadata={"Software": None}, bbox_inches=bbox
        )
        for fmt in settings["formats"]:  # type: ignore[attr-defined]
            path = folder / f"{name}.{fmt}"
            meta = (
                {"Date": None, "Creator": None}
                if fmt == "svg"
                else {"CreationDate": None, "Creator": None, "Producer": None}
            )
            fig.savefig(path, format=fmt, dpi=dpi_used, metadata=meta, bbox_inches=bbox)
            paths.append(path)
    for path in paths:
        record_output(output_dir, f"figures/{path.name}")
    if boxes:  # after the files are written: a warning taken as an error loses none
        _warn_boxes(name, boxes)
    return paths


def missing_glyphs(fig: Figure) -> list[str]:
    """Return the texts of ``fig`` with characters its fonts have no glyph for.

    Matplotlib draws such a character as an empty box (a Chinese or Korean outlet name
    with only the DejaVu fonts installed). Every visible text of the figure is checked
    against the fonts its properties resolve to, as matplotlib's own renderer finds them.

    Parameters
    ----------
    fig
        The figure, best laid out first (tick labels are set when it is drawn).

    Returns
    -------
    list of str
        The texts with at least one such character, each once, in the figure's order.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with style():
    ...     fig, ax = plt.subplots()
    >>> _ = ax.set_title("Новая газета"), ax.set_xlabel("\u4eba\u6c11\u65e5\u62a5")
    >>> missing_glyphs(fig)
    ['人民日报']
    >>> plt.close(fig)
    """
    return list(_missing_glyphs(fig))


def _missing_glyphs(fig: Figure) -> dict[str, str]:
    """Map each text of ``fig`` with a character no font of it has to those fonts' names."""
    from matplotlib import font_manager
    from matplotlib.text import Text

    found: dict[str, str] = {}
    fonts: dict[int, list] = {}
    for text in fig.findobj(lambda a: isinstance(a, Text) and a.get_visible()):
        content = text.get_text()
        if not content or content in found or content.isascii():
            continue
        prop = text.get_fontproperties()
        key = hash(prop)
        if key not in fonts:
            find = getattr(font_manager.fontManager, "_find_fonts_by_props", None)
            paths = find(prop) if find else [font_manager.findfont(prop)]  # with fallbacks
            fonts[key] = [font_manager.get_font([p]) for p in paths]
        if any(
            not c.isspace() and all(f.get_char_index(ord(c)) == 0 for f in fonts[key])
            for c in set(content)
        ):
            found[content] = ", ".join(dict.fromkeys(f.family_name for f in fonts[key]))
    return found


def _warn_boxes(name: str, boxes: dict[str, str]) -> None:
    """Warn once that the texts of figure ``name`` show empty boxes for some characters."""
    from .errors import FramelensWarning

    labels = list(boxes)
    family = ", ".join(dict.fromkeys(boxes.values()))
    shown = ", ".join(repr(t) for t in labels[:8]) + (
        f" and {len(labels) - 8} more" if len(labels) > 8 else ""
    )
    warnings.warn(
        f"figure {name!r}: {len(labels)} label(s) have characters the font ({family}) "
        "has no glyph for, "
        f"drawn as empty boxes: {shown}. The tables have these names right; to draw them, "
        "install a font with these scripts (e.g. Noto Sans CJK) and put it in matplotlib's "
        "font.family.",
        FramelensWarning,
        stacklevel=3,  # the notebook's call of save
    )


#: above this many documents, corpus_structure draws a histogram instead of one bar each
MAX_DOCUMENT_BARS = 40


def corpus_structure(sentences, *, ax=None):
    """Bar chart of sentences by kind: per paragraph for one document, else per document.

    Above :data:`MAX_DOCUMENT_BARS` documents one bar a document is unreadable (and slow
    to draw), so the chart becomes a histogram: how many documents have how many
    sentences, prose and embedded posts stacked.

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, para_id, kind``).
    ax
        Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib.pyplot as plt
    import pandas as pd
    from matplotlib.font_manager import FontProperties

    from .params import check_columns

    check_columns("sentences", sentences, ["doc_id", "para_id", "kind"])
    if ax is None:
        _, ax = plt.subplots()
    n_docs = sentences["doc_id"].nunique()
    if n_docs > MAX_DOCUMENT_BARS:
        return _structure_histogram(sentences, n_docs, ax)
    one_doc = n_docs == 1
    key = "para_id" if one_doc else "doc_id"
    counts = (
        sentences.groupby([key, "kind"]).size().unstack("kind", fill_value=0)
        if len(sentences)
        else pd.DataFrame({"prose": []})
    )
    for kind in ("prose", "embed"):
        if kind not in counts.columns:
            counts[kind] = 0
    x = _short_ids([str(i) for i in counts.index])
    ax.bar(x, counts["prose"], color=PALETTE[0], label="prose (the article's own text)")
    if counts["embed"].any():  # no legend entry for embeds the corpus has none of
        ax.bar(
            x,
            counts["embed"],
            bottom=counts["prose"],
            color=PALETTE[1],
            label="embed (social-media post, credit)",
        )
    ax.set_xlabel("paragraph (id)" if one_doc else "document")
    ax.set_ylabel("sentences (count)")
    title = "Sentences per paragraph" if one_doc else "Sentences per document"
    ax.set_title(title + ", by kind")
    from matplotlib.ticker import MaxNLocator

    total = (counts["prose"] + counts["embed"]).max() if len(counts) else 1
    ax.set_ylim(0, max(1, total) * 1.05)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    below = 0.15  # the legend's top, under the x label (axes fraction)
    if not one_doc and _labels_collide(ax, x):
        for label in ax.get_xticklabels():  # each ends under its bar
            label.set(rotation=45, ha="right", rotation_mode="anchor")
        # the rotated labels hang lower: the legend goes under their longest
        size = FontProperties(size=mpl.rcParams["xtick.labelsize"]).get_size_in_points()
        drop = max(len(t) for t in x) * 0.6 * size * 0.71 + 2.5 * size
        below = drop / (ax.get_position().height * ax.figure.get_size_inches()[1] * 72)
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -below), ncol=2)
    return ax


#: a document id longer than this is drawn as its first characters and an ellipsis
MAX_ID_CHARS = 24


def _short_ids(ids: list[str]) -> list[str]:
    """``ids`` cut to :data:`MAX_ID_CHARS` with "…", each kept apart from the others.

    Two ids that share their first characters get their ends instead ("…a058cdcd"), so
    that no two bars share a label (a categorical axis would draw them as one bar).

    Examples
    --------
    >>> _short_ids(["AP-1", "a-very-long-document-identifier-of-one-article"])
    ['AP-1', 'a-very-long-document-id…']
    """
    cut = MAX_ID_CHARS - 1
    short = [i if len(i) <= MAX_ID_CHARS else i[:cut] + "…" for i in ids]
    if len(set(short)) < len(ids):  # cut to the same start: keep the start and the end
        half = cut // 2
        short = [i if len(i) <= MAX_ID_CHARS else i[:half] + "…" + i[-(cut - half):]
                 for i in ids]  # fmt: skip
    return short if len(set(short)) == len(ids) else ids


def _labels_collide(ax, labels: list[str]) -> bool:
    """Whether ``labels`` side by side under ``ax`` would run into each other.

    Each label is given its bar's share of the Axes' width; a character of the tick
    font is about 0.6 of its size wide.
    """
    from matplotlib.font_manager import FontProperties

    if not labels:
        return False
    size = FontProperties(size=mpl.rcParams["xtick.labelsize"]).get_size_in_points()
    width = ax.get_position().width * ax.figure.get_size_inches()[0] * 72
    room = width / len(labels)
    return max(len(t) for t in labels) * 0.6 * size + 4 > room


def _structure_histogram(sentences, n_docs: int, ax):
    import numpy as np

    per_doc = sentences.groupby(["doc_id", "kind"]).size().unstack("kind", fill_value=0)
    for kind in ("prose", "embed"):
        if kind not in per_doc.columns:
            per_doc[kind] = 0
    total = per_doc["prose"] + per_doc["embed"]
    bins = np.arange(0, int(total.max()) + 2) - 0.5
    if len(bins) > 60:
        bins = np.linspace(-0.5, int(total.max()) + 0.5, 51)
    with_embeds = per_doc["embed"] > 0
    ax.hist(
        [total[~with_embeds], total[with_embeds]],
        bins=bins,
        stacked=True,
        color=[PALETTE[0], PALETTE[1]],
        label=[
            f"prose only ({int((~with_embeds).sum())} documents)",
            f"with embedded posts ({int(with_embeds.sum())} documents)",
        ],
    )
    ax.set_xlabel("sentences in the document (prose and embeds)")
    ax.set_ylabel("documents (count)")
    ax.set_title(f"Sentences per document, {n_docs} documents")
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=2)
    return ax
