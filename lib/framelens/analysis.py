"""The analyses the engine runs, each described once, and the partition they all read.

An :class:`Analysis` says everything the engine (:func:`framelens.scale.analyse`), the
runner's index, the notebooks' "At scale" sections and the tests need to know about one
analysis: the function that works on one partition of documents and returns partial
tables, how each partial table combines with the same table of other partitions, the
function that turns the combined partials into corpus-wide tables, and those tables'
sort keys and descriptions. Every analysis subpackage of :mod:`framelens` defines one as
``ANALYSIS``; :func:`registry` finds them, so adding an analysis is its subpackage, its
notebook and its tests.

A :class:`Part` is one partition as every analysis reads it: its documents, their
sentences (segmented once) and their tokens (:class:`framelens.corpus.Tokens`, found
once), the options of the run, and the row-level tables the analyses add for the engine
to write.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

import pandas as pd

from . import corpus

__all__ = ["Analysis", "Part", "Table", "concatenated", "registry", "summed"]

#: how partial tables of several partitions become one
Combine = Callable[[list[pd.DataFrame]], pd.DataFrame]


@dataclass(frozen=True)
class Table:
    """A corpus-wide table an analysis returns: its sort keys and what it holds."""

    keys: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class Analysis:
    """One analysis as the engine runs it.

    Attributes
    ----------
    name
        Its name (``"stats"``), as ``analyses=[...]`` takes it.
    notebook
        The notebook that teaches it (``"01_text_stats"``).
    partial
        ``partial(part) -> {name: frame}``: the partial tables of one :class:`Part`;
        it may add row-level tables to ``part.rows``.
    combine
        For every partial table, how the tables of several partitions become one
        (:func:`summed`, :func:`concatenated` or any function of a list of frames);
        applied again to combined tables, so it must be associative.
    finish
        ``finish(partials, options) -> {name: frame}``: the corpus-wide tables from the
        combined partial tables.
    tables
        The corpus-wide tables ``finish`` may return, with their sort keys and a
        one-line description (the run's index shows it beside ``scale_<name>.csv``).
    per_document
        Partial tables with a row or a few per document: returned as they are, or,
        when the driver must hold only summaries, written beside the row tables.
    outputs
        The tables its notebook writes (``tables/<name>.csv``), each with the line the
        run's index shows beside it.
    figures
        The figures its notebook writes (``figures/<name>.png``), each with the caption
        the run's index shows under it (a per-document figure, ``<name>_<doc_id>``, takes
        its prefix's).
    options
        The options it reads besides the common ones, with their defaults.
    prepare
        ``prepare(options) -> options``: checks and loads its options once, in the
        driver, before any partition (a bad dictionary fails here).
    """

    name: str
    notebook: str
    partial: Callable[[Part], dict[str, pd.DataFrame]]
    combine: Mapping[str, Combine]
    finish: Callable[[Mapping[str, pd.DataFrame], Mapping[str, Any]], dict[str, pd.DataFrame]]
    tables: Mapping[str, Table]
    per_document: tuple[str, ...] = ()
    outputs: Mapping[str, str] = field(default_factory=dict)
    figures: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Any] = field(default_factory=dict)
    prepare: Callable[[dict[str, Any]], dict[str, Any]] | None = None


class Part:
    """One partition of documents as every analysis reads it.

    Parameters
    ----------
    documents
        The partition's documents (any subset of the corpus).
    options
        The run's options: ``abbreviations`` and ``include_embeds`` are read here,
        the rest by the analyses.
    index
        The partition's number (names its row-table files).

    Attributes
    ----------
    sentences
        :func:`framelens.corpus.segment` of the documents, every kind.
    rows
        Row-level tables for the engine to write (``sentences`` and those the analyses
        add), one file a partition.
    """

    def __init__(self, documents: pd.DataFrame, options: Mapping[str, Any], index: int = 0) -> None:
        self.documents = documents
        self.options = options
        self.index = index
        self.sentences = corpus.segment(documents, abbreviations=options.get("abbreviations"))
        self.rows: dict[str, pd.DataFrame] = {"sentences": self.sentences}

    @cached_property
    def tokens(self) -> corpus.Tokens:
        """The tokens of every sentence, found once for all analyses."""
        return corpus.Tokens(self.sentences)

    @cached_property
    def groups(self) -> pd.DataFrame | None:
        """The group of each document (``doc_id, group``), or None without ``group_by``.

        :func:`framelens.groups.group_labels` of the documents by the run's ``group_by``
        and ``period``, found once for all analyses. A partition whose dates are all
        unreadable is no error (the corpus's may not be); its warnings are given once for
        the whole corpus by the driver when it holds the documents (``groups_checked``),
        else once a partition.
        """
        group_by = self.options.get("group_by")
        if not group_by:
            return None
        import warnings

        from .errors import FramelensWarning
        from .groups import group_labels

        with warnings.catch_warnings():
            if self.options.get("groups_checked"):  # said once for the whole corpus
                warnings.simplefilter("ignore", FramelensWarning)
            period = self.options.get("period") or None
            return group_labels(self.documents, group_by, period=period, strict=False)

    @cached_property
    def scoped(self) -> pd.DataFrame:
        """The sentences the summaries count (:func:`framelens.corpus.in_scope`)."""
        return corpus.in_scope(self.sentences, bool(self.options.get("include_embeds")))


def summed(keys: Sequence[str] | None = None, values: Sequence[str] | None = None) -> Combine:
    """Combine partial counts by summing ``values`` over ``keys``.

    Without ``keys``/``values``, the numeric columns are summed over all the others.

    Parameters
    ----------
    keys
        The columns to group by (missing values form their own group). None (default):
        every column that is not numeric, and ``values`` is ignored.
    values
        The columns to sum within each group, when ``keys`` is given (None: none).

    Returns
    -------
    Callable
        ``combine(frames) -> frame``: the frames stacked, one row per distinct ``keys``
        with the sums of ``values``, columns ``keys`` then ``values``, sorted by
        ``keys``.
    """

    def combine(frames: list[pd.DataFrame]) -> pd.DataFrame:
        frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        if keys is None:
            vals = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
            by = [c for c in frame.columns if c not in vals]
        else:
            by, vals = list(keys), list(values or [])
        return frame.groupby(by, as_index=False, dropna=False, sort=True)[vals].sum()

    return combine


def concatenated(*keys: str) -> Combine:
    """Combine per-document tables by stacking them, sorted by ``keys``.

    Parameters
    ----------
    *keys
        The columns to sort by (stable); those the tables lack are skipped, and with
        none the rows stay in the order of the frames.

    Returns
    -------
    Callable
        ``combine(frames) -> frame``: the frames stacked, their rows sorted by ``keys``,
        with a fresh index.
    """

    def combine(frames: list[pd.DataFrame]) -> pd.DataFrame:
        frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        by = [k for k in keys if k in frame.columns]
        return frame.sort_values(by, kind="stable").reset_index(drop=True) if by else frame

    return combine


@cache
def registry() -> dict[str, Analysis]:
    """Return every analysis of framelens by name, in the order of their notebooks.

    An analysis is the ``ANALYSIS`` of a subpackage of :mod:`framelens`.

    Returns
    -------
    dict of str to Analysis
        Each :class:`Analysis` under its ``name``, ordered by notebook (then name).
        Found once and cached: the same dict is returned every time.

    Raises
    ------
    RuntimeError
        When two analyses claim the same name: a partial or corpus-wide table, an
        option, a notebook table or a figure (one would silently overwrite the other's).

    Examples
    --------
    >>> {"stats", "sentiment", "framing", "events"} <= set(registry())
    True
    >>> registry()["framing"].notebook
    '03_framing'
    """
    import framelens

    found = []
    for info in pkgutil.iter_modules(framelens.__path__):
        if info.ispkg:
            spec = getattr(importlib.import_module(f"framelens.{info.name}"), "ANALYSIS", None)
            if isinstance(spec, Analysis):
                found.append(spec)
    _check_names(found)
    return {a.name: a for a in sorted(found, key=lambda a: (a.notebook, a.name))}


def _check_names(analyses: Sequence[Analysis]) -> None:
    """Refuse two analyses that claim one name: their tables share one namespace."""
    kinds = {
        "analysis": lambda a: [a.name],
        "partial table": lambda a: list(a.combine),
        "table": lambda a: list(a.tables),
        "option": lambda a: list(a.options),
        "notebook table": lambda a: list(a.outputs),
        "figure": lambda a: list(a.figures),
    }
    for kind, names in kinds.items():
        owner: dict[str, str] = {}
        for a in analyses:
            for n in names(a):
                if n in owner and owner[n] != a.name:
                    raise RuntimeError(
                        f"analyses {owner[n]!r} and {a.name!r} both claim the {kind} {n!r}: "
                        "rename one (tables, options and figures of all analyses share one "
                        "namespace)."
                    )
                owner[n] = a.name
