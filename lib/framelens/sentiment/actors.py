"""Tone of the sentences that name each actor (not stance toward it)."""

from __future__ import annotations

import math

import pandas as pd

from ..params import check_bool, check_columns
from .aggregate import _bootstrap, _counts, _seed_for, aggregate_finish
from .columns import ACTOR_COLUMNS, _typed


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

    Returns
    -------
    pandas.DataFrame
        ``actor, type, doc_id, sent_id, n_actors, compound, label, text``, a sentence once
        per actor, sorted by ``actor, doc_id, sent_id``; ``n_actors`` is how many actors
        (not places, :data:`framelens.gazetteer.PLACE_TYPES`) the sentence names, 1 when
        this one is alone.

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
    rows = pairs.merge(
        frame[["doc_id", "sent_id", "text", "compound", "label"]], on=["doc_id", "sent_id"]
    )
    if "type" not in rows.columns:
        rows["type"] = ""
    rows = rows[["actor", "type", "doc_id", "sent_id", "n_actors", "compound", "label", "text"]]
    rows = rows.sort_values(["actor", "doc_id", "sent_id"], kind="stable")
    rows = rows.astype({"n_actors": "int64"})
    return _typed(rows.reset_index(drop=True))


def actor_tone_finish(rows: pd.DataFrame, *, seed: int = 0, n_boot: int = 2000) -> pd.DataFrame:
    """Summarise :func:`actor_sentences` rows (of one or many partitions) per actor.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`actor_tone`. With ``n_actors`` in the rows, also the tone of
        the sentences that name the actor alone (``n_alone, mean_compound_alone,
        alone_ci_low, alone_ci_high``: the only sentences where tone can be the actor's)
        and of those it shares with other actors (``n_shared, mean_compound_shared``).

    Examples
    --------
    >>> s = score(pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 30],
    ...                         "text": ["Japan is worried.", "Japan and China agree."]}))
    >>> t = actor_tone_finish(actor_sentences(s))
    >>> t[["actor", "n_sentences", "n_alone", "mean_compound_alone"]].values.tolist()
    [['China', 1, 0, nan], ['Japan', 2, 1, -0.296]]
    """
    check_columns("rows", rows, ["actor", "type", "doc_id", "sent_id", "compound", "label", "text"])
    rows = rows.sort_values(["actor", "doc_id", "sent_id"], kind="stable")
    counts = _counts(rows, ["actor"])
    values = rows.loc[rows["compound"].notna(), ["actor", "doc_id", "sent_id", "compound"]]
    out = aggregate_finish(counts, values=values, seed=seed, n_boot=n_boot)
    if out.empty:
        return _typed(pd.DataFrame({c: [] for c in ACTOR_COLUMNS}))
    meta = rows.groupby("actor", sort=True).agg(
        type=("type", "first"), n_documents=("doc_id", "nunique")
    )
    out = out.merge(meta, on="actor", how="left")
    scored = rows[rows["compound"].notna()]
    for which, asc in (("most_negative", True), ("most_positive", False)):
        ext = (
            scored.sort_values(
                ["actor", "compound", "doc_id", "sent_id"],
                ascending=[True, asc, True, True],
                kind="stable",
            )
            .groupby("actor", sort=True)
            .head(1)
        )
        ext = ext[["actor", "compound", "doc_id", "sent_id", "text"]].rename(
            columns={c: f"{which}_{c}" for c in ("compound", "doc_id", "sent_id", "text")}
        )
        out = out.merge(ext, on="actor", how="left")
    out["n_documents"] = out["n_documents"].astype("int64")
    out = out.merge(_alone(scored, seed, n_boot), on="actor", how="left")
    for col in ("n_alone", "n_shared"):
        out[col] = out[col].fillna(0).astype("int64")
    out = out[ACTOR_COLUMNS].sort_values("actor", kind="stable").reset_index(drop=True)
    return _typed(out)


def _alone(scored: pd.DataFrame, seed: int, n_boot: int) -> pd.DataFrame:
    """Tone of the sentences naming each actor alone, and of those shared with others."""
    cols = ["actor", "n_alone", "mean_compound_alone", "alone_ci_low", "alone_ci_high",
            "n_shared", "mean_compound_shared"]  # fmt: skip
    if "n_actors" not in scored.columns:
        return pd.DataFrame({c: [] for c in cols}).astype({"actor": "str"})
    out = []
    for actor, grp in scored.groupby("actor", sort=True):
        alone = grp.loc[grp["n_actors"] <= 1, "compound"].to_numpy(float)
        shared = grp.loc[grp["n_actors"] > 1, "compound"].to_numpy(float)
        low, high = _bootstrap(alone, _seed_for(seed, ("alone", actor)), n_boot)
        out.append(
            (actor, len(alone), float(alone.mean()) if len(alone) else math.nan, low, high,
             len(shared), float(shared.mean()) if len(shared) else math.nan)
        )  # fmt: skip
    return pd.DataFrame(out, columns=cols)
