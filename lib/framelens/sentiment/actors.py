"""Tone of the sentences that name each actor (not stance toward it)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..params import check_bool, check_columns, check_int
from .aggregate import (
    MAX_BOOT,
    _clustered_interval,
    _interval,
    _seed_for,
    aggregate_finish,
)
from .columns import ACTOR_COLUMNS, CLUSTER_COLUMNS, COUNT_COLUMNS, _typed


def actor_tone(
    scores: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    *,
    gazetteer: pd.DataFrame | None = None,
    include_embeds: bool = False,
    seed: int = 0,
    n_boot: int = 2000,
) -> pd.DataFrame:
    """Tone of the sentences that mention each actor (not stance toward the actor).

    A sentence counts once per actor however often it names it. Its compound is the
    tone of the whole sentence: "Japan is concerned about China's drills" is negative
    for both Japan and China.

    Parameters
    ----------
    scores
        Rows of :func:`score` (with ``start``, as made from corpus.segment sentences).
    mentions
        :func:`framelens.gazetteer.actor_mentions` of the same sentences; computed
        from ``scores`` with ``gazetteer`` when omitted.
    include_embeds, seed, n_boot
        As in :func:`aggregate`.

    Returns
    -------
    pandas.DataFrame
        ``actor, type, n_sentences, n_documents, mean_compound, ci_low, ci_high,
        share_pos, share_neg, share_neu``, then the most negative and most positive
        sentence in full (``most_negative_compound, most_negative_doc_id,
        most_negative_sent_id, most_negative_text`` and the same for ``most_positive``;
        ties go to the first in ``doc_id, sent_id`` order). Sorted by ``actor``.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 20],
    ...                         "text": ["Japan is concerned.", "Japan and China agree."]}))
    >>> actor_tone(s)[["actor", "n_sentences", "mean_compound"]].values.tolist()
    [['China', 1, 0.3612], ['Japan', 2, 0.1806]]
    """
    rows = actor_sentences(scores, mentions, gazetteer=gazetteer, include_embeds=include_embeds)
    return actor_tone_finish(rows, seed=seed, n_boot=n_boot)


def actor_sentences(
    scores: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    *,
    gazetteer: pd.DataFrame | None = None,
    include_embeds: bool = False,
) -> pd.DataFrame:
    """Return one row per actor and scored sentence that names it (per-partition step).

    The per-document half of :func:`actor_tone`: map it over partitions, concatenate,
    and pass the result to :func:`actor_tone_finish`.

    Parameters
    ----------
    scores
        Rows of :func:`score` (``doc_id, sent_id, text, compound, label``; ``start`` and
        ``kind`` if present), any subset of documents.
    mentions
        :func:`framelens.gazetteer.actor_mentions` of the same sentences (``doc_id,
        sent_id, actor``; ``type`` if present); default None: found in ``scores``'
        text with ``gazetteer``.
    gazetteer
        The gazetteer used when ``mentions`` is None; default None: the shipped one.
    include_embeds
        Keep the sentences of embedded posts too (default: the article's prose only).

    Returns
    -------
    pandas.DataFrame
        ``actor, type, doc_id, sent_id, n_actors, compound, label, text``, a sentence once
        per actor, sorted by ``actor, doc_id, sent_id``; ``n_actors`` is how many actors
        the sentence names, places (:data:`framelens.gazetteer.PLACE_TYPES`) not counted
        but for the row's own: 1 when this one is alone (an actor named with no other
        actor, whatever places; a place named with no actor).

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...                         "text": ["Japan and Tokyo agree."]}))
    >>> actor_sentences(s)[["actor", "sent_id", "compound"]].values.tolist()
    [['Japan', 0, 0.3612]]
    """
    from .. import corpus
    from .. import gazetteer as gz

    check_columns("scores", scores, ["doc_id", "sent_id", "text", "compound", "label"])
    check_bool("include_embeds", include_embeds)
    frame = scores
    frame = corpus.in_scope(frame, include_embeds)
    if mentions is None:
        if "start" not in frame.columns:
            frame = frame.assign(start=0)
        mentions = gz.actor_mentions(frame, gazetteer)
    check_columns("mentions", mentions, ["doc_id", "sent_id", "actor"])
    pairs = mentions[["doc_id", "sent_id", "actor"] + (["type"] if "type" in mentions else [])]
    pairs = pairs.drop_duplicates(["doc_id", "sent_id", "actor"])
    is_actor = ~pairs["type"].isin(gz.PLACE_TYPES) if "type" in pairs else True
    n_actors = (
        pairs.assign(_actor=is_actor)
        .groupby(["doc_id", "sent_id"], as_index=False)["_actor"]
        .sum()
        .rename(columns={"_actor": "n_actors"})
    )
    pairs = pairs.merge(n_actors, on=["doc_id", "sent_id"], how="left")
    # a place is alone when no actor is named beside it ("Russia sailed into the Sea of
    # Japan" is the Sea of Japan shared with Russia): it counts itself
    if "type" in pairs:
        pairs["n_actors"] = pairs["n_actors"] + pairs["type"].isin(gz.PLACE_TYPES)
    rows = pairs.merge(
        frame[["doc_id", "sent_id", "text", "compound", "label"]], on=["doc_id", "sent_id"]
    )
    if "type" not in rows.columns:
        rows["type"] = ""
    rows = rows[["actor", "type", "doc_id", "sent_id", "n_actors", "compound", "label", "text"]]
    rows = rows.sort_values(["actor", "doc_id", "sent_id"], kind="stable")
    rows = rows.astype({"n_actors": "int64"})
    return _typed(rows.reset_index(drop=True))


#: columns of :func:`actor_counts`: sums over the sentences that name each actor
ACTOR_COUNT_COLUMNS = [
    "actor",
    "type",
    *COUNT_COLUMNS,
    "n_documents",
    "n_alone",
    "sum_alone",
    "sum_sq_alone",
    "n_shared",
    "sum_shared",
    *CLUSTER_COLUMNS,
    *(f"alone_{c}" for c in CLUSTER_COLUMNS),
]
_ROW_COLUMNS = ["actor", "type", "doc_id", "sent_id", "compound", "label", "text"]
_EXTREME_COLUMNS = ["actor", "doc_id", "sent_id", "compound", "text"]


def actor_counts(rows: pd.DataFrame) -> pd.DataFrame:
    """Sum :func:`actor_sentences` rows per actor: partial counts that add up across partitions.

    Parameters
    ----------
    rows
        :func:`actor_sentences` rows (``actor, type, doc_id, sent_id, compound, label,
        text``; ``n_actors`` if present) of one partition, or of several concatenated.

    Returns
    -------
    pandas.DataFrame
        :data:`ACTOR_COUNT_COLUMNS`: per actor (and its gazetteer ``type``) the sums of
        :func:`aggregate_counts` over the sentences naming it, how many documents, and
        the scored sentences naming it alone (``n_actors`` 1: ``n_alone, sum_alone,
        sum_sq_alone``) or with other actors (``n_shared, sum_shared``); zero without an
        ``n_actors`` column; then the sums over documents of
        :data:`~framelens.sentiment.columns.CLUSTER_COLUMNS` for all its sentences and
        (``alone_cluster_n``…) for those naming it alone, from which its intervals are
        clustered by document. Partitions hold disjoint documents, so every column sums.
        Sorted by ``actor``.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 30],
    ...                         "text": ["Japan is worried.", "Japan and China agree."]}))
    >>> actor_counts(actor_sentences(s))[["actor", "n", "n_alone", "n_shared"]].values.tolist()
    [['China', 1, 0, 1], ['Japan', 2, 1, 1]]
    """
    check_columns("rows", rows, _ROW_COLUMNS)
    if rows.empty:
        return _typed(pd.DataFrame({c: [] for c in ACTOR_COUNT_COLUMNS}))
    # one table of every sentence's terms, summed per actor and per actor and document:
    # the same sums, each in the same row order, as summing them apart, with three
    # groupbys instead of seven and no merge (a partition's fixed cost)
    comp = rows["compound"].astype("float64")
    scored = comp.notna()
    value = comp.fillna(0.0)
    n_actors = rows["n_actors"] if "n_actors" in rows.columns else pd.Series(0, index=rows.index)
    alone = (scored & (n_actors <= 1)) & ("n_actors" in rows.columns)
    shared = scored & (n_actors > 1)
    label = rows["label"]
    terms = pd.DataFrame(
        {
            "actor": rows["actor"].to_numpy(),
            "n": scored.astype("int64").to_numpy(),
            "n_unscored": (~scored).astype("int64").to_numpy(),
            "sum_compound": value.to_numpy(),
            "sum_sq_compound": (value**2).to_numpy(),
            "n_pos": (label == "positive").astype("int64").to_numpy(),
            "n_neg": (label == "negative").astype("int64").to_numpy(),
            "n_neu": (label == "neutral").astype("int64").to_numpy(),
            "n_alone": alone.astype("int64").to_numpy(),
            "sum_alone": value.where(alone, 0.0).to_numpy(),
            "sum_sq_alone": (value**2).where(alone, 0.0).to_numpy(),
            "n_shared": shared.astype("int64").to_numpy(),
            "sum_shared": value.where(shared, 0.0).to_numpy(),
        }
    )
    sums = terms.groupby("actor", sort=True, as_index=False).sum()
    alone_comp = comp.where(alone).to_numpy(dtype="float64")
    alone_scored = ~np.isnan(alone_comp)
    per_doc = (
        terms[["actor", "n", "sum_compound"]]
        .assign(
            _doc=rows["doc_id"].to_numpy(),
            _an=alone_scored.astype("int64"),
            _as=np.where(alone_scored, alone_comp, 0.0),
        )
        .groupby(["actor", "_doc"], sort=True, as_index=False)[["n", "sum_compound", "_an", "_as"]]
        .sum()
    )
    per_actor = per_doc.groupby("actor", sort=True)
    n_d, s_d = per_doc["n"].to_numpy(), per_doc["sum_compound"].to_numpy()
    a_d, t_d = per_doc["_an"].to_numpy(), per_doc["_as"].to_numpy()
    clusters = (
        per_doc[["actor"]]
        .assign(
            cluster_n=(n_d > 0).astype("int64"),
            cluster_sum_sq=s_d**2,
            cluster_cross=s_d * n_d,
            cluster_n_sq=n_d**2,
            alone_cluster_n=(a_d > 0).astype("int64"),
            alone_cluster_sum_sq=t_d**2,
            alone_cluster_cross=t_d * a_d,
            alone_cluster_n_sq=a_d**2,
        )
        .groupby("actor", sort=True, as_index=False)
        .sum()
    )
    first_type = rows.groupby("actor", sort=True)["type"].first()
    out = sums.assign(
        type=first_type.to_numpy(),
        n_documents=per_actor.size().to_numpy(),
        **{c: clusters[c].to_numpy() for c in clusters.columns if c != "actor"},
    )
    return _typed(out[ACTOR_COUNT_COLUMNS].astype({"n_documents": "int64"}))


def _extreme(rows: pd.DataFrame, *, most_negative: bool) -> pd.DataFrame:
    """Return the most negative (or positive) sentence per actor; ties by document order."""
    scored = rows[rows["compound"].notna()]
    ordered = scored.sort_values(
        ["actor", "compound", "doc_id", "sent_id"],
        ascending=[True, most_negative, True, True],
        kind="stable",
    )
    return ordered.groupby("actor", sort=True).head(1)[_EXTREME_COLUMNS]


def actor_extremes(rows: pd.DataFrame) -> pd.DataFrame:
    """Keep each actor's most negative and most positive sentence (per partition).

    Applied to its own output of several partitions it gives the extremes of them all.

    Parameters
    ----------
    rows
        :func:`actor_sentences` rows, or the concatenated output of this function (the
        columns ``actor, doc_id, sent_id, compound, text`` are used); sentences with no
        compound are skipped.

    Returns
    -------
    pandas.DataFrame
        ``actor, doc_id, sent_id, compound, text``: two rows per actor with a scored
        sentence (one when a single sentence is both). First the most negative sentence
        of each actor, then the most positive, each part sorted by ``actor``; ties go to
        the first in ``doc_id, sent_id`` order.

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 30],
    ...                         "text": ["Japan is worried.", "Japan and China agree."]}))
    >>> actor_extremes(actor_sentences(s))[["actor", "sent_id"]].values.tolist()
    [['China', 1], ['Japan', 0], ['China', 1], ['Japan', 1]]
    """
    check_columns("rows", rows, _EXTREME_COLUMNS)
    return pd.concat(
        [_extreme(rows, most_negative=True), _extreme(rows, most_negative=False)],
        ignore_index=True,
    )


def actor_tone_finish(
    counts: pd.DataFrame,
    extremes: pd.DataFrame | None = None,
    *,
    seed: int = 0,
    n_boot: int = 2000,
) -> pd.DataFrame:
    """Turn actor counts (of one or many partitions) into the tone per actor.

    Parameters
    ----------
    counts
        Summed :func:`actor_counts` of the partitions, with ``extremes``; or the
        :func:`actor_sentences` rows themselves (one or many partitions concatenated),
        from which counts, extremes and the sentence values are taken.
    extremes
        :func:`actor_extremes` of the partitions (with counts).
    seed, n_boot
        The bootstrap's seed and resamples, when the rows (so every sentence value)
        are given: an actor named in two or more documents resamples its documents (a
        cluster bootstrap), else its sentences; from counts alone the intervals are the
        normal approximation.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`actor_tone`, with the tone of the sentences that name the
        actor alone (``n_alone, mean_compound_alone, alone_ci_low, alone_ci_high``: the
        only sentences where tone can be the actor's) and of those it shares with other
        actors (``n_shared, mean_compound_shared``).

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 30],
    ...                         "text": ["Japan is worried.", "Japan and China agree."]}))
    >>> t = actor_tone_finish(actor_sentences(s))
    >>> t[["actor", "n_sentences", "n_alone", "mean_compound_alone"]].values.tolist()
    [['China', 1, 0, nan], ['Japan', 2, 1, -0.296]]
    """
    seed = check_int("seed", seed, min_value=0)
    n_boot = check_int("n_boot", n_boot, min_value=100, max_value=MAX_BOOT)
    values = None
    if extremes is None:
        rows = counts
        check_columns("rows", rows, _ROW_COLUMNS)
        rows = rows.sort_values(["actor", "doc_id", "sent_id"], kind="stable")
        counts, extremes = actor_counts(rows), actor_extremes(rows)
        values = rows[rows["compound"].notna()]
    check_columns("counts", counts, ACTOR_COUNT_COLUMNS)
    if counts.empty:
        return _typed(pd.DataFrame({c: [] for c in ACTOR_COLUMNS}))
    sums = counts[["actor", *COUNT_COLUMNS, *CLUSTER_COLUMNS]]
    picked = None if values is None else values[["actor", "doc_id", "sent_id", "compound"]]
    out = aggregate_finish(sums, values=picked, seed=seed, n_boot=n_boot)
    out = out.merge(counts[["actor", "type", "n_documents"]], on="actor", how="left")
    for which, negative in (("most_negative", True), ("most_positive", False)):
        ext = _extreme(extremes, most_negative=negative)
        ext = ext.rename(columns={c: f"{which}_{c}" for c in _EXTREME_COLUMNS[1:]})
        out = out.merge(ext, on="actor", how="left")
    if values is not None and "n_actors" in values.columns:
        out = out.merge(_alone(values, seed, n_boot), on="actor", how="left")
    else:
        out = out.merge(_alone_from_counts(counts), on="actor", how="left")
    for col in ("n_alone", "n_shared", "n_documents"):
        out[col] = out[col].fillna(0).astype("int64")
    out = out[ACTOR_COLUMNS].sort_values("actor", kind="stable").reset_index(drop=True)
    return _typed(out)


def _alone_from_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """Tone of the sentences naming each actor alone, from sums (clustered normal interval)."""
    n = counts["n_alone"].to_numpy(dtype="float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(n > 0, counts["sum_alone"].to_numpy() / n, np.nan)
        n_shared = counts["n_shared"].to_numpy(dtype="float64")
        shared = np.where(n_shared > 0, counts["sum_shared"].to_numpy() / n_shared, np.nan)
    cluster = counts[[f"alone_{c}" for c in CLUSTER_COLUMNS]].set_axis(CLUSTER_COLUMNS, axis=1)
    low, high, _ = _clustered_interval(n, mean, counts["sum_sq_alone"].to_numpy(), cluster)
    return pd.DataFrame(
        {
            "actor": counts["actor"].to_numpy(),
            "n_alone": counts["n_alone"].astype("int64").to_numpy(),
            "mean_compound_alone": mean,
            "alone_ci_low": low,
            "alone_ci_high": high,
            "n_shared": counts["n_shared"].astype("int64").to_numpy(),
            "mean_compound_shared": shared,
        }
    )


def _alone(scored: pd.DataFrame, seed: int, n_boot: int) -> pd.DataFrame:
    """Tone of the sentences naming each actor alone, and of those shared with others."""
    cols = ["actor", "n_alone", "mean_compound_alone", "alone_ci_low", "alone_ci_high",
            "n_shared", "mean_compound_shared"]  # fmt: skip
    if "n_actors" not in scored.columns:
        return pd.DataFrame({c: [] for c in cols}).astype({"actor": "str"})
    out = []
    for actor, grp in scored.groupby("actor", sort=True):
        is_alone = (grp["n_actors"] <= 1).to_numpy()
        alone = grp.loc[is_alone, "compound"].to_numpy(float)
        shared = grp.loc[~is_alone, "compound"].to_numpy(float)
        low, high = _interval(alone, grp.loc[is_alone, "doc_id"].to_numpy(),
                              _seed_for(seed, ("alone", actor)), n_boot)  # fmt: skip
        out.append(
            (actor, len(alone), float(alone.mean()) if len(alone) else math.nan, low, high,
             len(shared), float(shared.mean()) if len(shared) else math.nan)
        )  # fmt: skip
    return pd.DataFrame(out, columns=cols)
