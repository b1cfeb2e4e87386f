"""Tone per paragraph, document, group or corpus: summable counts, then a finish."""

from __future__ import annotations

import functools
import zlib
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .. import corpus
from ..errors import ParameterError
from ..groups import group_of
from ..params import check_bool, check_choice, check_columns, check_int
from .columns import ARC_COLUMNS, CLUSTER_COLUMNS, COUNT_COLUMNS, DOCUMENT_COLUMNS, Level, _typed
from .score import _as_text, _compounds, _joined_compounds
from .vader import Read


def _keys(level: str) -> list[str]:
    check_choice("level", level, ["paragraph", "document", "group", "corpus"])
    return {
        "paragraph": ["doc_id", "para_id"],
        "document": ["doc_id"],
        "group": ["group"],
        "corpus": ["corpus"],
    }[level]


def _units(
    scores: pd.DataFrame,
    level: str,
    documents: pd.DataFrame | None,
    group_by: str | None,
    include_embeds: bool,
    labels: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return the scored sentences that count, with the unit's key columns."""
    check_choice("level", level, ["paragraph", "document", "group", "corpus"])
    check_bool("include_embeds", include_embeds)
    check_columns("scores", scores, ["doc_id", "sent_id", "compound", "label"])
    frame = scores
    frame = corpus.in_scope(frame, include_embeds)
    frame = frame.copy()
    if level == "paragraph":
        if "para_id" not in frame.columns:
            raise ParameterError(
                "level='paragraph' needs a `para_id` column in `scores`; score the "
                "sentences frame of corpus.segment (it has para_id)."
            )
    elif level == "group" and labels is not None:
        check_columns("labels", labels, ["doc_id", "group"])
        lookup = dict(zip(labels["doc_id"].astype(str), labels["group"], strict=True))
        frame["group"] = frame["doc_id"].astype(str).map(lookup)
        frame = frame[frame["group"].notna()]  # documents without a label are left out
    elif level == "group":
        frame["group"] = group_of(frame, documents, group_by)
    elif level == "corpus":
        frame["corpus"] = "all"
    return frame


def aggregate_counts(
    scores: pd.DataFrame,
    *,
    level: Level = "document",
    documents: pd.DataFrame | None = None,
    group_by: str | None = None,
    include_embeds: bool = False,
    labels: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Partial sums per unit that add up across partitions of a corpus.

    Parameters
    ----------
    scores
        Rows of :func:`score` (any subset).
    level
        ``"paragraph"`` (``doc_id, para_id``), ``"document"`` (``doc_id``), ``"group"``
        (the value of the documents' ``group_by`` column) or ``"corpus"``.
    documents, group_by
        For ``level="group"``: the documents frame and the metadata column to group by.
    include_embeds
        Count embedded posts (``kind="embed"``) too. Default False: embeds are quoted
        material, not the outlet's own voice.
    labels
        For ``level="group"``, instead of ``documents`` and ``group_by``: the group of
        each document (``doc_id, group``, as :func:`framelens.groups.group_labels`
        returns it, e.g. by ``period``); sentences of documents without a label are
        left out.

    Returns
    -------
    pandas.DataFrame
        The key columns, then ``n`` (scored sentences), ``n_unscored``,
        ``sum_compound``, ``sum_sq_compound``, ``n_pos``, ``n_neg``, ``n_neu``; for a
        group or the corpus also :data:`~framelens.sentiment.columns.CLUSTER_COLUMNS`
        (sums over the unit's documents, for an interval clustered by document); sorted
        by key. Concatenate the counts of several partitions and pass them to
        :func:`combine_counts`.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1],
    ...                         "text": ["Good.", "Bad."]}))
    >>> aggregate_counts(s)[["doc_id", "n", "n_pos", "n_neg"]].values.tolist()
    [['a', 2, 1, 1]]
    """
    keys = _keys(level)
    frame = _units(scores, level, documents, group_by, include_embeds, labels)
    return _counts(frame, keys)


def _counts(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Sum the sentences per unit; above the document, with :data:`CLUSTER_COLUMNS` too."""
    clustered = "doc_id" not in keys and "doc_id" in frame.columns
    if frame.empty:
        cols = [*keys, *COUNT_COLUMNS, *(CLUSTER_COLUMNS if clustered else [])]
        return _typed(pd.DataFrame({c: [] for c in cols}))
    comp = frame["compound"].astype("float64")
    scored = comp.notna()
    parts = pd.DataFrame(
        {
            **{k: frame[k].array for k in keys},
            "n": scored.astype("int64").to_numpy(),
            "n_unscored": (~scored).astype("int64").to_numpy(),
            "sum_compound": comp.fillna(0.0).to_numpy(),
            "sum_sq_compound": (comp.fillna(0.0) ** 2).to_numpy(),
            "n_pos": (frame["label"] == "positive").astype("int64").to_numpy(),
            "n_neg": (frame["label"] == "negative").astype("int64").to_numpy(),
            "n_neu": (frame["label"] == "neutral").astype("int64").to_numpy(),
        }
    )
    summed = parts.groupby(keys, sort=True, as_index=False).sum()
    if clustered:
        summed = summed.merge(
            cluster_sums(parts[keys], frame["doc_id"].to_numpy(), comp.to_numpy()), on=keys
        )
    return _typed(summed)


def rollup_counts(
    document_counts: pd.DataFrame, labels: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Sum document counts into the corpus's (or each group's) counts, clustered by document.

    The same table as :func:`aggregate_counts` at ``level="corpus"`` (or ``"group"`` with
    ``labels``) on the sentences the document counts were made from, without reading the
    sentences again: a unit's sums are its documents' sums, and its
    :data:`~framelens.sentiment.columns.CLUSTER_COLUMNS` are sums over its documents of
    their ``n`` and ``sum_compound`` (floats summed in another order: equal to about
    1e-15).

    Parameters
    ----------
    document_counts
        The output of :func:`aggregate_counts` at ``level="document"``.
    labels
        The group of each document (``doc_id, group``, as for :func:`aggregate_counts`);
        documents without a label are left out. Default None: the corpus.

    Returns
    -------
    pandas.DataFrame
        ``corpus`` (or ``group``), then :data:`~framelens.sentiment.columns.COUNT_COLUMNS`
        and :data:`~framelens.sentiment.columns.CLUSTER_COLUMNS`, one row per unit with a
        document, sorted by key.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [0, 1, 0],
    ...                         "text": ["Good.", "Bad.", "Good."]}))
    >>> d = aggregate_counts(s, level="document")
    >>> rollup_counts(d)[["corpus", "n", "n_pos", "cluster_n"]].values.tolist()
    [['all', 3, 2, 2]]
    """
    check_columns("document_counts", document_counts, ["doc_id", *COUNT_COLUMNS])
    if labels is None:
        key = "corpus"
        unit = pd.Series("all", index=document_counts.index)
    else:
        check_columns("labels", labels, ["doc_id", "group"])
        key = "group"
        lookup = dict(zip(labels["doc_id"].astype(str), labels["group"], strict=True))
        unit = document_counts["doc_id"].astype(str).map(lookup)
    keep = unit.notna().to_numpy()
    if not keep.any():
        cols = [key, *COUNT_COLUMNS, *CLUSTER_COLUMNS]
        return _typed(pd.DataFrame({c: [] for c in cols}))
    # the documents' columns (those with a unit), then their cluster terms, in one frame
    parts = {key: unit.array[keep]}
    parts.update((c, document_counts[c].to_numpy()[keep]) for c in COUNT_COLUMNS)
    n_d = parts["n"].astype("int64")
    s_d = parts["sum_compound"].astype("float64")
    parts.update(
        cluster_n=(n_d > 0).astype("int64"),
        cluster_sum_sq=s_d**2,
        cluster_cross=s_d * n_d,
        cluster_n_sq=n_d**2,
    )
    return _typed(pd.DataFrame(parts).groupby([key], sort=True, as_index=False).sum())


def cluster_sums(units: pd.DataFrame, doc_ids: np.ndarray, compound: np.ndarray) -> pd.DataFrame:
    """Sum each unit's sentences per document, then the documents' sums per unit.

    Parameters
    ----------
    units
        The key columns of each sentence's unit (one row per sentence).
    doc_ids
        Each sentence's document.
    compound
        Each sentence's compound (NaN: unscored, left out).

    Returns
    -------
    pandas.DataFrame
        The key columns and :data:`~framelens.sentiment.columns.CLUSTER_COLUMNS`, one row
        per unit that has a sentence (zeros for a unit without a scored one), sorted by
        key.

    Examples
    --------
    >>> u = pd.DataFrame({"corpus": ["all"] * 3})
    >>> cluster_sums(u, np.array(["a", "a", "b"]), np.array([0.5, 0.1, np.nan])).values.tolist()
    [['all', 1, 0.36, 1.2, 4]]
    """
    keys = list(units.columns)
    scored = ~np.isnan(compound)
    per_doc = (
        units.assign(
            _doc=doc_ids,
            _n=scored.astype("int64"),
            _s=np.where(scored, compound, 0.0),
        )
        .groupby([*keys, "_doc"], sort=True, as_index=False)[["_n", "_s"]]
        .sum()
    )
    n_d, s_d = per_doc["_n"].to_numpy(), per_doc["_s"].to_numpy()
    return (
        per_doc[keys]
        .assign(
            cluster_n=(n_d > 0).astype("int64"),
            cluster_sum_sq=s_d**2,
            cluster_cross=s_d * n_d,
            cluster_n_sq=n_d**2,
        )
        .groupby(keys, sort=True, as_index=False)
        .sum()
    )


def combine_counts(counts: pd.DataFrame | Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Sum counts of :func:`aggregate_counts` from several partitions, unit by unit.

    Parameters
    ----------
    counts
        One frame of :func:`aggregate_counts` or a sequence of them, all at the same
        level (the key columns are those of the first frame).

    Returns
    -------
    pandas.DataFrame
        The key columns, then ``n, n_unscored, sum_compound, sum_sq_compound, n_pos,
        n_neg, n_neu`` summed over the frames, one row per unit, sorted by key.

    Raises
    ------
    ParameterError
        When ``counts`` is an empty sequence or a frame lacks the count columns.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [0, 0],
    ...                         "text": ["Good.", "Bad."]}))
    >>> parts = [aggregate_counts(s[:1], level="corpus"), aggregate_counts(s[1:], level="corpus")]
    >>> combine_counts(parts)[["corpus", "n", "n_pos", "n_neg"]].values.tolist()
    [['all', 2, 1, 1]]
    """
    frames = [counts] if isinstance(counts, pd.DataFrame) else list(counts)
    if not frames:
        raise ParameterError("`counts` must hold at least one frame of aggregate_counts.")
    for f in frames:
        check_columns("counts", f, COUNT_COLUMNS)
    keys = [c for c in frames[0].columns if c not in (*COUNT_COLUMNS, *CLUSTER_COLUMNS)]
    frames = [f for f in frames if not f.empty] or frames[:1]
    return _typed(
        pd.concat(frames, ignore_index=True).groupby(keys, sort=True, as_index=False).sum()
    )


def unit_values(
    scores: pd.DataFrame,
    *,
    level: Level = "document",
    documents: pd.DataFrame | None = None,
    group_by: str | None = None,
    include_embeds: bool = False,
) -> pd.DataFrame:
    """Return the sentence compounds of each unit, which the bootstrap interval resamples.

    Parameters
    ----------
    scores
        Rows of :func:`score` (any subset).
    level
        ``"paragraph"`` (``doc_id, para_id``), ``"document"`` (``doc_id``), ``"group"``
        (the value of the documents' ``group_by`` column) or ``"corpus"``, as for
        :func:`aggregate_counts`.
    documents, group_by
        For ``level="group"``: the documents frame and the metadata column to group by.
    include_embeds
        Keep embedded posts (``kind="embed"``) too. Default False: the article's prose.

    Returns
    -------
    pandas.DataFrame
        The key columns, ``doc_id``/``sent_id`` where not keys, and ``compound`` for
        every scored sentence, sorted by key then ``doc_id, sent_id``.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["Good."]}))
    >>> unit_values(s).columns.tolist()
    ['doc_id', 'sent_id', 'compound']
    """
    keys = _keys(level)
    return _values(_units(scores, level, documents, group_by, include_embeds), keys)


def _values(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Return :func:`unit_values`' rows from the sentences that count (:func:`_units`)."""
    cols = list(dict.fromkeys([*keys, "doc_id", "sent_id", "compound"]))
    frame = frame.loc[frame["compound"].notna(), cols]
    return frame.sort_values(list(dict.fromkeys([*keys, "doc_id", "sent_id"])), kind="stable")


def _seed_for(seed: int, key: tuple) -> np.random.Generator:
    digest = zlib.crc32("\x1f".join(str(k) for k in key).encode("utf-8"))
    return np.random.default_rng([seed, digest])


#: the interval's quantiles, as ``np.percentile(x, [2.5, 97.5])`` divides them by 100
_QUANTILES = np.true_divide([2.5, 97.5], 100)


@functools.cache
def _percentile_steps(n: int) -> tuple[tuple[tuple[int, int, float], ...], np.ndarray]:
    """Return where ``np.percentile``'s linear method reads the interval from ``n`` values.

    For each quantile of :data:`_QUANTILES`: the positions of the two order statistics
    around its virtual index ``(n - 1) * q`` and the weight ``gamma`` between them; and
    those positions, sorted, for ``np.partition``. They depend on ``n`` alone (every
    bootstrap of one run has ``n_boot`` means), so they are worked out once.

    Parameters
    ----------
    n
        How many values (two or more).

    Returns
    -------
    tuple
        ``((below, above, gamma), ...)`` a quantile, and the positions to partition at.
    """
    virtual = (n - 1) * _QUANTILES
    previous = np.floor(virtual)
    gamma = virtual - previous
    below = previous.astype(np.intp)
    above = np.minimum(below + 1, n - 1)
    steps = tuple(zip(below.tolist(), above.tolist(), gamma.tolist(), strict=True))
    return steps, np.unique(np.concatenate((below, above)))


def _percentile_95(means: np.ndarray) -> tuple[float, float]:
    """Return ``np.percentile(means, [2.5, 97.5])``, the same numbers, several times faster.

    NumPy's default (linear) method step for step (:func:`_percentile_steps`): the two
    order statistics around each virtual index, found by one partition, and the same
    two-sided interpolation (``b - (b - a)(1 - gamma)`` from ``gamma`` 0.5 on), in the
    same float64 operations on Python floats. A bootstrap of 2,000 means: about 12 µs
    against 48. Means with a NaN, or fewer than two, go to ``np.percentile`` itself.

    Parameters
    ----------
    means
        The bootstrap means (float64).

    Returns
    -------
    tuple of (float, float)
        The 2.5th and 97.5th percentiles.
    """
    n = len(means)
    if n < 2 or np.isnan(means).any():
        low, high = np.percentile(means, [2.5, 97.5])
        return (float(low), float(high))
    steps, kth = _percentile_steps(n)
    part = np.partition(means, kth)
    out = []
    for below, above, gamma in steps:
        a, b = float(part[below]), float(part[above])
        diff = b - a
        out.append(b - diff * (1 - gamma) if gamma >= 0.5 else a + diff * gamma)
    return (out[0], out[1])


def _bootstrap(values: np.ndarray, rng: np.random.Generator, n_boot: int) -> tuple[float, float]:
    """Percentile bootstrap 95% interval of the mean (Efron & Tibshirani 1993)."""
    n = len(values)
    if n < 2:
        return (float("nan"), float("nan"))
    means = np.empty(n_boot)
    batch = max(1, min(n_boot, 1_000_000 // n))
    for k in range(0, n_boot, batch):
        m = min(batch, n_boot - k)
        # a row's sum over n: what .mean(axis=1) computes, without its overhead; the
        # positions as 64-bit integers, which take reads without a cast
        means[k : k + m] = values.take(rng.integers(0, n, size=(m, n))).sum(axis=1) / n
    return _percentile_95(means)


def _cluster_bootstrap(
    doc_ids: np.ndarray, values: np.ndarray, rng: np.random.Generator, n_boot: int
) -> tuple[float, float]:
    """Percentile interval of a sentence mean, resampling whole documents (clusters).

    Sentences of one article are not independent draws: resampling them alone makes an
    outlet's interval too narrow. Each resample draws the unit's documents with
    replacement and takes the mean of all their sentences (Field & Welsh 2007).
    """
    codes, inverse = np.unique(doc_ids, return_inverse=True)
    k = len(codes)
    sums = np.bincount(inverse, weights=values, minlength=k)
    ns = np.bincount(inverse, minlength=k).astype("float64")
    means = np.empty(n_boot)
    batch = max(1, min(n_boot, 1_000_000 // k))
    for j in range(0, n_boot, batch):
        m = min(batch, n_boot - j)
        pick = rng.integers(0, k, size=(m, k))
        means[j : j + m] = sums.take(pick).sum(axis=1) / ns.take(pick).sum(axis=1)
    return _percentile_95(means)


def _interval(
    values: np.ndarray,
    doc_ids: np.ndarray | None,
    rng: np.random.Generator,
    n_boot: int,
    one_document: bool = True,
) -> tuple[float, float]:
    """Return the bootstrap interval of a mean of sentences, by document when it can.

    By document (a cluster bootstrap) when the sentences come from
    :data:`MIN_DOCUMENTS` documents or more; none (NaN) from 2 to 4 documents, whose
    resamples have a handful of distinct means; by sentence from one document, when it
    gives :data:`MIN_DOCUMENTS` sentences or more (two sentences of one article gave an
    outlet an interval of width 0), and only with ``one_document``: a group of one article
    gets none (its sentences say how precisely that article's tone is measured, not the
    group's).
    """
    if doc_ids is not None:
        k = len(set(doc_ids.tolist()))
        if k >= MIN_DOCUMENTS:
            return _cluster_bootstrap(doc_ids, values, rng, n_boot)
        if k >= 2 or len(values) < MIN_DOCUMENTS or not one_document:
            return (float("nan"), float("nan"))
    return _bootstrap(values, rng, n_boot)


def _normal_interval(
    n: np.ndarray, mean: np.ndarray, sum_sq: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Return the 95% normal interval ``mean ± 1.96·sd/√n`` from sums (NaN below two).

    Sums taken in another order (another partitioning) round differently: a variance
    within rounding of zero is zero, so equal values give equal intervals on any engine.
    """
    with np.errstate(invalid="ignore", divide="ignore"):
        var = (sum_sq - n * mean**2) / (n - 1)
        var = np.where(np.abs(var) <= 1e-12 * sum_sq / n, 0.0, var)
        half = 1.96 * np.sqrt(np.clip(var, 0, None) / n)
    ok = n >= 2
    return np.where(ok, mean - half, np.nan), np.where(ok, mean + half, np.nan)


def _clustered_interval(
    n: np.ndarray,
    mean: np.ndarray,
    sum_sq: np.ndarray,
    cluster: pd.DataFrame,
    one_document: bool = True,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the 95% interval of each unit's mean, clustered by document.

    From the sums alone (no sentence kept): the ratio mean ``m = ΣS_d / Σn_d`` over the
    unit's G documents has the cluster-robust (CR1) variance
    ``G/(G-1) · Σ(S_d - m·n_d)² / (Σn_d)²`` (Cameron & Miller 2015), where
    ``Σ(S_d - m·n_d)² = ΣS_d² - 2m·ΣS_d·n_d + m²·Σn_d²``; the interval is
    ``m ± t(0.975, G-1) · se``, Student's t with G-1 degrees of freedom, as Cameron &
    Miller advise for few clusters (with 1.96, 5 documents covered 84% in simulation, 8
    documents 89%). Five documents or more (:data:`MIN_DOCUMENTS`): that interval; 2-4:
    none (NaN), as the bootstrap gives none; one: the sentences' normal interval
    (:func:`_normal_interval`) from five sentences on, as the bootstrap, with
    ``one_document`` only. Also returns each unit's documents ``G``.
    """
    from scipy.special import stdtrit

    g = cluster["cluster_n"].to_numpy(dtype="float64")
    a = cluster["cluster_sum_sq"].to_numpy(dtype="float64")
    b = cluster["cluster_cross"].to_numpy(dtype="float64")
    c = cluster["cluster_n_sq"].to_numpy(dtype="float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        resid = a - 2 * mean * b + mean**2 * c
        # sums taken in another order round differently: within rounding of zero is zero
        resid = np.where(np.abs(resid) <= 1e-12 * np.maximum(a, 1e-300), 0.0, resid)
        t = stdtrit(np.maximum(g - 1, 1), 0.975)
        half = t * np.sqrt(np.clip(resid, 0, None) * g / (g - 1)) / n
    one_low, one_high = _normal_interval(n, mean, sum_sq)
    many = g >= MIN_DOCUMENTS
    one = (g <= 1) & (n >= MIN_DOCUMENTS) & one_document  # one document: 5 sentences on
    low = np.where(many, mean - half, np.where(one, one_low, np.nan))
    high = np.where(many, mean + half, np.where(one, one_high, np.nan))
    return low, high, g


def _clustered_method(g: np.ndarray, one_document: bool = True) -> str:
    """Say how :func:`_clustered_interval` made each kind of interval present in ``g``."""
    parts = []
    if (g >= MIN_DOCUMENTS).any():
        parts.append("clustered by document (CR1), t with documents - 1 degrees of freedom")
    if one_document and (g <= 1).any():
        parts.append("normal approximation, sentences as independent within a one-document unit")
    low = 2 if one_document else 1
    if ((g >= low) & (g < MIN_DOCUMENTS)).any():
        parts.append(f"no interval for units of {low}-{MIN_DOCUMENTS - 1} documents")
    return "; ".join(parts)


#: bootstrap resamples at most: a million already takes minutes per table, and a 95%
#: percentile interval is stable to the third decimal from a few thousand
MAX_BOOT = 100_000

#: a group (or corpus) of fewer documents gets no bootstrap interval: resampling 2-4
#: documents gives a handful of distinct means, an interval that looks far too precise
MIN_DOCUMENTS = 5


def aggregate_finish(
    counts: pd.DataFrame,
    *,
    values: pd.DataFrame | None = None,
    seed: int = 0,
    n_boot: int = 2000,
    n_documents: bool = False,
    one_document: bool | None = None,
) -> pd.DataFrame:
    """Turn summed counts into mean compound, shares and a 95% interval per unit.

    Parameters
    ----------
    counts
        The output of :func:`aggregate_counts` (or :func:`combine_counts`).
    values
        The output of :func:`unit_values` for the same units. With it the interval is a
        percentile bootstrap of the mean (``n_boot`` resamples, seeded per unit from
        ``seed`` and the unit's key): of the sentences for a paragraph or a document; of
        the documents (each resample draws whole documents, a cluster bootstrap) for a
        group or the corpus with five documents or more (none from 2 to 4), since an
        article's sentences are not independent draws. Without ``values``, the normal
        approximation from the sums: clustered by document when ``counts`` has
        :data:`~framelens.sentiment.columns.CLUSTER_COLUMNS` (groups and the corpus; the
        same 2-4 document rule), else ``mean ± 1.96·sd/√n``.
    seed, n_boot
        Random seed and number of bootstrap resamples.
    n_documents
        Add ``n_documents``, the documents of each unit's scored sentences (for groups
        and the corpus, with ``values`` or the cluster sums). Whatever it is, a unit
        above the document whose sentences come from 2 to 4 documents
        (:data:`MIN_DOCUMENTS`) gets no interval: a bootstrap of so few documents has a
        handful of distinct means and looks far too precise, and a clustered variance
        from so few is as unstable.
    one_document
        Whether a unit above the document whose sentences come from one document gets
        the interval of those sentences (``True``: a corpus of one article) or none
        (``False``: a group, an outlet or a year, as from 2 to 4 documents: one article's
        sentences say how precisely its tone is measured, not the group's, and drawn
        beside groups of 2-4 documents without one they looked the most precise).
        Default None: ``False`` for units keyed by ``group``, else ``True``.

    Returns
    -------
    pandas.DataFrame
        The key columns, then ``n_sentences`` (scored), ``mean_compound``, ``ci_low``,
        ``ci_high`` (NaN when fewer than 2 sentences), ``share_pos``, ``share_neg``,
        ``share_neu`` (of scored sentences), ``n_unscored`` and ``ci_method``; with
        ``n_documents=True``, also ``n_documents`` (the documents of its scored sentences).

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1],
    ...                         "text": ["Good.", "Bad."]}))
    >>> r = aggregate_finish(aggregate_counts(s), values=unit_values(s))
    >>> r[["n_sentences", "mean_compound", "ci_low", "ci_high"]].values.round(4).tolist()
    [[2.0, -0.0509, -0.5423, 0.4404]]
    """
    check_columns("counts", counts, COUNT_COLUMNS)
    seed = check_int("seed", seed, min_value=0)
    n_boot = check_int("n_boot", n_boot, min_value=100, max_value=MAX_BOOT)
    keys = [c for c in counts.columns if c not in (*COUNT_COLUMNS, *CLUSTER_COLUMNS)]
    if one_document is None:
        one_document = "group" not in keys
    check_bool("one_document", one_document)
    n = counts["n"].to_numpy(dtype="float64")
    clustered = False
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(n > 0, counts["sum_compound"].to_numpy() / n, np.nan)
        # the columns, made into a frame once
        out: dict[str, object] = {c: counts[c].array for c in keys}
        out["n_sentences"] = counts["n"].astype("int64").to_numpy()
        out["mean_compound"] = mean
        if values is None and all(c in counts.columns for c in CLUSTER_COLUMNS):
            sum_sq = counts["sum_sq_compound"].to_numpy()
            low, high, g = _clustered_interval(
                n, mean, sum_sq, counts[CLUSTER_COLUMNS], one_document
            )
            out["ci_low"], out["ci_high"] = low, high
            method = _clustered_method(g, one_document)
            clustered, n_docs = True, g.astype("int64")
        elif values is None:
            low, high = _normal_interval(n, mean, counts["sum_sq_compound"].to_numpy())
            out["ci_low"], out["ci_high"] = low, high
            method = "normal"
        else:
            check_columns("values", values, [*keys, "compound"])
            # units above the document (groups, the corpus) resample their documents
            clustered = "doc_id" not in keys and "doc_id" in values.columns
            # each unit's rows by position (no frame a unit: a thousand documents made a
            # thousand frames)
            compound = values["compound"].to_numpy(dtype="float64")
            doc_ids = values["doc_id"].to_numpy() if clustered else None
            groups = {
                (k if isinstance(k, tuple) else (k,)): (
                    compound[rows],
                    doc_ids[rows] if doc_ids is not None else None,
                )
                for k, rows in values.groupby(keys, sort=True).indices.items()
            }
            lows, highs, n_docs, by_doc, few = [], [], [], 0, 0
            # the keys as lists: itertuples reads a pyarrow string column item by item
            for key in zip(*(counts[c].tolist() for c in keys), strict=True):
                vals, docs = groups.get(key, (np.empty(0), None))
                k = len(set(docs.tolist())) if docs is not None else 0
                # 2-4 documents: a bootstrap of so few clusters has a handful of distinct
                # means and an interval far too narrow; _interval gives none
                lo, hi = _interval(vals, docs, _seed_for(seed, key), n_boot, one_document)
                few += (2 if one_document else 1) <= k < MIN_DOCUMENTS
                by_doc += k >= MIN_DOCUMENTS
                lows.append(lo)
                highs.append(hi)
                n_docs.append(k)
            out["ci_low"] = np.asarray(lows, dtype="float64")
            out["ci_high"] = np.asarray(highs, dtype="float64")
            method = f"bootstrap percentile, {n_boot} resamples, seed {seed}"
            if clustered and by_doc:
                within = " (sentences within a one-document unit)" if one_document else ""
                method += f"; documents resampled{within}"
            elif clustered and one_document:
                method += "; sentences resampled (one document per unit)"
            if clustered:
                if few:
                    low = 2 if one_document else 1
                    method += f"; no interval for units of {low}-{MIN_DOCUMENTS - 1} documents"
        for share, col in (("share_pos", "n_pos"), ("share_neg", "n_neg"), ("share_neu", "n_neu")):
            out[share] = np.where(n > 0, counts[col].to_numpy() / n, np.nan)
    out["n_unscored"] = counts["n_unscored"].astype("int64").to_numpy()
    out["ci_method"] = method
    if clustered and n_documents:
        out["n_documents"] = np.asarray(n_docs, dtype="int64")
    return _typed(pd.DataFrame(out))


def aggregate(
    scores: pd.DataFrame,
    *,
    level: Level = "document",
    documents: pd.DataFrame | None = None,
    group_by: str | None = None,
    include_embeds: bool = False,
    seed: int = 0,
    n_boot: int = 2000,
) -> pd.DataFrame:
    """Mean compound, shares and a seeded bootstrap 95% interval per unit.

    The one-call form of :func:`aggregate_counts` → :func:`aggregate_finish` with
    :func:`unit_values`; at ``level="document"`` it adds ``document_compound``.

    Parameters
    ----------
    scores
        Rows of :func:`score`.
    level
        ``"paragraph"``, ``"document"``, ``"group"`` (needs ``documents`` and
        ``group_by``) or ``"corpus"``.
    documents, group_by
        The documents frame and the metadata column to group by (``level="group"``).
        A column that does not exist is an error naming the columns that do.
    include_embeds
        Count embedded posts too (default False: only the article's own prose).
    seed, n_boot
        Bootstrap seed and resamples.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`aggregate_finish`; at the document level also
        ``document_compound``: VADER on the text of the counted sentences as one piece
        (with ``include_embeds=True`` that is the whole document text). It differs from
        ``mean_compound``: VADER's compound is ``x / √(x² + 15)`` of the summed valences,
        so a whole document, with many valence words, is pushed towards ±1, and positive
        and negative words cancel inside it instead of sentence by sentence.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1],
    ...                         "text": ["Good news.", "Bad news."]}))
    >>> a = aggregate(s).round(4)
    >>> a[["doc_id", "n_sentences", "mean_compound", "document_compound"]].values.tolist()
    [['a', 2, -0.0509, -0.1531]]
    """
    return _aggregate(
        scores,
        level=level,
        documents=documents,
        group_by=group_by,
        include_embeds=include_embeds,
        seed=seed,
        n_boot=n_boot,
    )


def _aggregate(
    scores: pd.DataFrame,
    *,
    level: Level = "document",
    documents: pd.DataFrame | None = None,
    group_by: str | None = None,
    include_embeds: bool = False,
    seed: int = 0,
    n_boot: int = 2000,
    reads: list[Read | None] | None = None,
    counts: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return :func:`aggregate`'s rows; ``document_compound`` from ``reads`` if given.

    ``reads``: the sentences' tokens as ``score._score_rows`` read them, one a row of
    ``scores`` in its order (``scores`` as that function returned it). ``counts``: the
    :func:`aggregate_counts` of these arguments, if already made.
    """
    # the sentences that count, once for the counts, the values and the documents' texts
    keys = _keys(level)
    frame = _units(scores, level, documents, group_by, include_embeds)
    if counts is None:
        counts = _counts(frame, keys)  # aggregate_counts of these arguments
    out = aggregate_finish(counts, values=_values(frame, keys), seed=seed, n_boot=n_boot,
                           n_documents=level in ("group", "corpus"),
                           one_document=level != "group")  # fmt: skip
    if level == "document":
        frame = frame.sort_values(["doc_id", "sent_id"], kind="stable")
        if reads is None:
            joined = frame.groupby("doc_id", sort=True)["text"].agg(
                lambda t: " ".join(_as_text(x) for x in t)
            )
            doc_ids, compounds = joined.index, _compounds(joined.tolist())
        else:
            if len(reads) != len(scores):
                raise ValueError(f"{len(reads)} reads for {len(scores)} scored sentences")
            texts = [_as_text(x) for x in frame["text"].tolist()]
            rows = scores.index.get_indexer(frame.index).tolist()
            by_doc = frame.groupby("doc_id", sort=True).indices
            doc_ids = pd.Index(list(by_doc), name="doc_id")
            compounds = _joined_compounds(
                [[texts[k] for k in ks] for ks in by_doc.values()],
                [[reads[rows[k]] for k in ks] for ks in by_doc.values()],
            )
        if out["doc_id"].tolist() == doc_ids.tolist():
            # the counts' documents are these, in this order (both sorted by doc_id); the
            # finished table is typed already, and the compounds are float64
            out["document_compound"] = np.asarray(compounds, dtype="float64")
            return out
        whole = pd.DataFrame({"doc_id": doc_ids, "document_compound": compounds})
        out = out.merge(whole, on="doc_id", how="left")
    return _typed(out)


def documents_table(aggregates: pd.DataFrame) -> pd.DataFrame:
    """Select the columns of ``sentiment_documents.csv`` from a document-level aggregate.

    Parameters
    ----------
    aggregates
        The result of ``aggregate(..., level="document")`` (it has
        ``document_compound``).

    Returns
    -------
    pandas.DataFrame
        A copy with the columns :data:`~framelens.sentiment.columns.DOCUMENT_COLUMNS`:
        ``doc_id, n_sentences, mean_compound, ci_low, ci_high, share_pos, share_neg,
        share_neu, document_compound``; the rows as they are.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["Good."]}))
    >>> documents_table(aggregate(s)).columns.tolist() == DOCUMENT_COLUMNS
    True
    """
    check_columns("aggregates", aggregates, DOCUMENT_COLUMNS)
    return aggregates[DOCUMENT_COLUMNS].copy()


def arc(scores: pd.DataFrame, *, window: int = 3) -> pd.DataFrame:
    """Compound by sentence position through each document, with a rolling mean.

    Parameters
    ----------
    scores
        Rows of :func:`score` for whole documents.
    window
        Width of the centred rolling mean, in prose sentences (embeds are left out of
        it and drawn apart).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, position`` (0, 1, … within the document),
        ``relative_position`` (0 … 1), ``kind``, ``compound``, ``rolling_mean`` (over
        the prose sentences around it; NaN on embeds), ``text``.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a"] * 3, "sent_id": [0, 1, 2],
    ...                         "text": ["Good.", "Bad.", "Fine."]}))
    >>> arc(s, window=3)["rolling_mean"].round(4).tolist()
    [-0.0509, 0.0335, -0.17]
    """
    check_columns("scores", scores, ["doc_id", "sent_id", "compound"])
    window = check_int("window", window, min_value=1)
    frame = scores.sort_values(["doc_id", "sent_id"], kind="stable").reset_index(drop=True)
    kind = frame["kind"] if "kind" in frame.columns else pd.Series("prose", index=frame.index)
    position = frame.groupby("doc_id", sort=False).cumcount()
    size = frame.groupby("doc_id", sort=False)["sent_id"].transform("size")
    prose = frame[kind != "embed"]
    rolling = (
        prose.groupby("doc_id", sort=False)["compound"]
        .transform(lambda v: v.rolling(window, center=True, min_periods=1).mean())
        .reindex(frame.index)
    )
    return pd.DataFrame(
        {
            "doc_id": frame["doc_id"],
            "sent_id": frame["sent_id"].astype("int64"),
            "position": position.astype("int64"),
            "relative_position": np.where(size > 1, position / (size - 1).clip(lower=1), 0.0),
            "kind": kind.astype(str),
            "compound": frame["compound"].astype("float64"),
            "rolling_mean": rolling.astype("float64"),
            "text": frame["text"] if "text" in frame.columns else "",
        }
    )[ARC_COLUMNS].pipe(_typed)


def arc_documents(arcs: pd.DataFrame, n: int) -> list[str]:
    """Return the ``n`` documents with the most scored prose sentences, whose arcs say the most.

    A corpus of many documents cannot show every arc; the longest ones have a course to
    follow (a two-sentence post has none). A document with no scored sentence (another
    language) has no arc and is never chosen. Ties go in ``doc_id`` order.

    Parameters
    ----------
    arcs
        :func:`arc` output (``doc_id`` and ``kind`` are used; ``compound``, when present,
        tells the scored sentences).
    n
        How many documents (0 or more).

    Returns
    -------
    list of str
        Up to ``n`` document ids, the longest first.

    Examples
    --------
    >>> a = pd.DataFrame({"doc_id": ["b", "a", "a", "c", "c"], "kind": ["prose"] * 5})
    >>> arc_documents(a, 2)
    ['a', 'c']
    """
    check_columns("arcs", arcs, ["doc_id", "kind"])
    n = check_int("n", n, min_value=0)
    ids = arcs["doc_id"].astype(str)
    counted = arcs["kind"] != "embed"
    if "compound" in arcs.columns:
        counted &= arcs["compound"].notna()
    sizes = ids[counted].value_counts()
    return sorted(sizes.index, key=lambda d: (-int(sizes[d]), d))[:n]
