"""Frame shares per document or group, co-occurrence, flow through a document, actors."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .. import corpus
from ..errors import ParameterError
from ..groups import group_of
from ..params import check_columns, doc_ids
from .dictionary import Dictionary, load_dictionary
from .match import _empty, _sort

PROFILE_COUNT_COLUMNS = [
    "doc_id", "frame", "dictionary", "n_sentences", "n_frame_sentences", "n_strong_sentences",
    "n_hits", "n_words",
]  # fmt: skip


PROFILE_COLUMNS = [
    "frame", "dictionary", "n_sentences", "n_frame_sentences", "share_sentences",
    "n_strong_sentences", "share_strong", "n_hits", "n_words", "hits_per_1000_words",
    "n_documents",
]  # fmt: skip


def _sentence_words(
    sentences: pd.DataFrame, tokens: corpus.Tokens | pd.DataFrame | None = None
) -> list[int]:
    """Words of each sentence as :func:`framelens.corpus.words` counts them."""
    if tokens is None:
        return [len(corpus.words(str(t))) for t in sentences["text"].tolist()]
    toks = corpus.Tokens.of(sentences, tokens)
    types, bounds = toks.type, toks.bounds
    if toks.sentences is sentences:
        rows: Iterable[int] = range(len(sentences))
    else:
        rows = [
            toks.row_of(doc_id, sent_id)
            for doc_id, sent_id in zip(
                sentences["doc_id"].tolist(), sentences["sent_id"].tolist(), strict=True
            )
        ]
    word, abbr = corpus.WORD_TYPES  # counted in each sentence's list of token types
    out = []
    for r in rows:
        if r < 0:
            out.append(0)
            continue
        kinds = types[bounds[r] : bounds[r + 1]]
        out.append(kinds.count(word) + kinds.count(abbr))
    return out


def profile_counts(
    sentences: pd.DataFrame,
    frame_sentences: pd.DataFrame,
    dictionary: Dictionary | str | Path,
    *,
    tokens: corpus.Tokens | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Count, per document and frame, the partial sums behind a frame profile.

    The output of several partitions can be concatenated and passed to :func:`profile`
    (which sums it), so the profile of a corpus is the same however it was split.

    Parameters
    ----------
    sentences
        The sentences of some documents (from :func:`framelens.corpus.segment`).
    frame_sentences
        :func:`match` on those sentences.
    dictionary
        The dictionary used for ``frame_sentences`` (its frames give the rows).
    tokens
        The tokens of these sentences, if already found (words are counted from them).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, frame, dictionary, n_sentences, n_frame_sentences, n_strong_sentences,
        n_hits, n_words``: one row per (document, frame), zeros included;
        ``n_strong_sentences`` counts the frame's sentences carried by a strong cue (the
        others rest on weak cues only); ``n_sentences`` and ``n_words`` are the document's
        totals (words as :func:`framelens.corpus.words` counts them).

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 20],
    ...                   "text": ["Tensions escalated.", "Ships sailed."]})
    >>> c = profile_counts(s, match(s, "security"), "security")
    >>> cols = ["n_sentences", "n_frame_sentences", "n_hits", "n_words"]
    >>> c.loc[c.frame == "threat", cols].values.tolist()
    [[2, 1, 2, 4]]
    """
    check_columns("sentences", sentences, ["doc_id", "sent_id", "text"])
    check_columns("frame_sentences", frame_sentences, ["doc_id", "sent_id", "frame", "n_hits"])
    d = load_dictionary(dictionary)
    if len(sentences) == 0:
        return _empty(PROFILE_COUNT_COLUMNS, PROFILE_COUNT_COLUMNS[3:])
    per_doc = (
        sentences[["doc_id"]]
        .assign(n_words=_sentence_words(sentences, tokens), n_sentences=1)
        .groupby("doc_id", sort=True)[["n_sentences", "n_words"]]
        .sum()
    )
    # the frame sentences summed per (document, frame): sentences, strong ones, hits
    docs = per_doc.index
    fs = frame_sentences[frame_sentences["doc_id"].isin(docs)]
    # a missing strength (NA in a "string" column) is not strong, a missing count none
    if "cue_strength" in fs.columns:
        strong = (fs["cue_strength"] != "weak").fillna(False).astype(bool).tolist()
    else:
        strong = [True] * len(fs)
    sums: dict[tuple[str, str], list[int]] = {}
    for doc_id, frame, is_strong, n_hits in zip(
        fs["doc_id"].tolist(), fs["frame"].tolist(), strong, fs["n_hits"].fillna(0).tolist(),
        strict=True,
    ):  # fmt: skip
        c = sums.setdefault((doc_id, frame), [0, 0, 0])
        c[0] += 1
        c[1] += is_strong
        c[2] += n_hits
    # one row per (document, frame): documents sorted, frames in dictionary order
    nf = len(d.frames)
    cells = [sums.get((doc_id, f), (0, 0, 0)) for doc_id in docs.tolist() for f in d.frames]
    out = pd.DataFrame(
        {
            "doc_id": docs.repeat(nf),
            "frame": d.frames * len(docs),
            "dictionary": d.name,
            "n_sentences": per_doc["n_sentences"].to_numpy().repeat(nf),
            "n_frame_sentences": [c[0] for c in cells],
            "n_strong_sentences": [c[1] for c in cells],
            "n_hits": [c[2] for c in cells],
            "n_words": per_doc["n_words"].to_numpy().repeat(nf),
        }
    )
    return out.astype({c: "int64" for c in PROFILE_COUNT_COLUMNS[3:]})


def _group_keys(
    counts: pd.DataFrame, documents: pd.DataFrame | None, by: str
) -> tuple[pd.DataFrame, str]:
    """Add the group column ``by`` to per-document counts (``doc_id``: no lookup)."""
    if by == "doc_id":
        return counts, by
    if documents is None:
        raise ParameterError(
            f"`by` {by!r} needs the documents frame (documents=...) to look the groups up."
        )
    return counts.assign(**{by: group_of(counts, documents, by, name="by")}), by


def profile(
    counts: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    by: str = "doc_id",
) -> pd.DataFrame:
    """Finish a frame profile from summed :func:`profile_counts` (per document or group).

    Parameters
    ----------
    counts
        :func:`profile_counts` of one or more partitions, concatenated.
    documents
        The documents frame; needed when ``by`` is a metadata column (e.g. ``"source"``).
        Documents with no sentences then appear with zero counts and NaN shares.
    by
        ``"doc_id"`` (default) or a column of ``documents`` to group by (an empty value
        becomes ``"(missing)"``).

    Returns
    -------
    pandas.DataFrame
        ``<by>, frame, dictionary, n_sentences, n_frame_sentences, share_sentences,
        n_strong_sentences, share_strong, n_hits, n_words, hits_per_1000_words``:
        ``share_sentences`` = ``n_frame_sentences / n_sentences`` (NaN with no sentences);
        ``share_strong`` = ``n_strong_sentences / n_frame_sentences``, the part of the
        frame's sentences resting on strong evidence (NaN when the frame has none);
        ``hits_per_1000_words`` = ``1000 * n_hits / n_words`` (NaN with no words);
        ``n_documents``: the documents with a sentence counted (1 or 0 per document), so
        a group's shares can be read against how many articles they rest on.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 20],
    ...                   "text": ["Tensions escalated.", "Ships sailed."]})
    >>> p = profile(profile_counts(s, match(s, "security"), "security"))
    >>> p.loc[p.frame == "threat", ["share_sentences", "hits_per_1000_words"]].values.tolist()
    [[0.5, 500.0]]
    """
    check_columns("counts", counts, PROFILE_COUNT_COLUMNS)
    if not isinstance(by, str):
        raise ParameterError(f"`by` must be a column name, but {by!r} was passed.")
    frames_order = list(dict.fromkeys(counts["frame"]))
    c = counts
    if "n_documents" not in c.columns:  # per-document counts; sums of them carry theirs
        c = c.assign(n_documents=(c["n_sentences"] > 0).astype("int64"))
    if documents is not None and by == "doc_id":
        check_columns("documents", documents, ["doc_id"])
    if documents is not None and len(counts):
        missing = sorted(set(doc_ids(documents)) - set(counts["doc_id"]))
        if missing:
            fill = pd.DataFrame(
                [(doc, f, counts["dictionary"].iloc[0], 0, 0, 0, 0, 0, 0)
                 for doc in missing for f in frames_order],
                columns=[*PROFILE_COUNT_COLUMNS, "n_documents"],
            )  # fmt: skip
            c = pd.concat([c, fill], ignore_index=True)
    c, key = _group_keys(c, documents, by)
    ints = ["n_sentences", "n_frame_sentences", "n_strong_sentences", "n_hits", "n_words",
            "n_documents"]  # fmt: skip
    if c.empty:
        return _empty([key] + PROFILE_COLUMNS, ints)
    # n_sentences and n_words are per-document totals repeated on every frame row
    g = c.groupby([key, "frame", "dictionary"], sort=False)[ints].sum().reset_index()
    g["share_sentences"] = g["n_frame_sentences"] / g["n_sentences"].where(g["n_sentences"] > 0)
    g["share_strong"] = g["n_strong_sentences"] / g["n_frame_sentences"].where(
        g["n_frame_sentences"] > 0
    )
    g["hits_per_1000_words"] = 1000 * g["n_hits"] / g["n_words"].where(g["n_words"] > 0)
    g = g.astype({i: "int64" for i in ints})
    order = {f: i for i, f in enumerate(frames_order)}
    g = g.sort_values([key, "frame"], key=lambda s: s.map(order) if s.name == "frame" else s)
    return g[[key] + PROFILE_COLUMNS].reset_index(drop=True)


def cooccurrence_counts(frame_sentences: pd.DataFrame) -> pd.DataFrame:
    """Count sentences that carry each pair of frames (partial, summable counts).

    Parameters
    ----------
    frame_sentences
        :func:`match` on some sentences (``doc_id, sent_id, frame`` are used; a frame
        counts once per sentence).

    Returns
    -------
    pandas.DataFrame
        ``frame_a, frame_b, n_sentences``: both orders of every pair and the diagonal
        (``frame_a == frame_b``: sentences carrying that frame), sorted by the frames.

    Examples
    --------
    >>> fs = pd.DataFrame({"doc_id": ["a", "a", "a"], "sent_id": [0, 0, 1],
    ...                    "frame": ["threat", "rivalry", "threat"]})
    >>> cooccurrence_counts(fs).values.tolist()
    [['rivalry', 'rivalry', 1], ['rivalry', 'threat', 1], ['threat', 'rivalry', 1], \
['threat', 'threat', 2]]
    """
    check_columns("frame_sentences", frame_sentences, ["doc_id", "sent_id", "frame"])
    cols = ["frame_a", "frame_b", "n_sentences"]
    if frame_sentences.empty:
        return _empty(cols, ["n_sentences"])
    f = frame_sentences[["doc_id", "sent_id", "frame"]].drop_duplicates()
    pairs = f.merge(f, on=["doc_id", "sent_id"], suffixes=("_a", "_b"))
    out = pairs.groupby(["frame_a", "frame_b"]).size().rename("n_sentences").reset_index()
    return out.astype({"n_sentences": "int64"})[cols]


def cooccurrence(counts: pd.DataFrame) -> pd.DataFrame:
    """Finish frame co-occurrence from summed :func:`cooccurrence_counts`.

    Parameters
    ----------
    counts
        :func:`cooccurrence_counts` of one or more partitions, concatenated (rows of the
        same pair are summed).

    Returns
    -------
    pandas.DataFrame
        ``frame_a, frame_b, n_sentences, n_a, n_b, jaccard``: sentences carrying both,
        each frame's own sentence count, and ``n / (n_a + n_b - n)``; pairs with
        ``frame_a < frame_b`` only, sorted by ``frame_a, frame_b``.

    Examples
    --------
    >>> fs = pd.DataFrame({"doc_id": ["a", "a", "a"], "sent_id": [0, 0, 1],
    ...                    "frame": ["threat", "rivalry", "threat"]})
    >>> cooccurrence(cooccurrence_counts(fs)).values.tolist()
    [['rivalry', 'threat', 1, 1, 2, 0.5]]
    """
    check_columns("counts", counts, ["frame_a", "frame_b", "n_sentences"])
    cols = ["frame_a", "frame_b", "n_sentences", "n_a", "n_b", "jaccard"]
    s = counts.groupby(["frame_a", "frame_b"], as_index=False)["n_sentences"].sum()
    diag = s[s.frame_a == s.frame_b].set_index("frame_a")["n_sentences"]
    pairs = s[s.frame_a < s.frame_b].copy()
    if pairs.empty:
        return _empty(cols, ["n_sentences", "n_a", "n_b"]).astype({"jaccard": "float64"})
    pairs["n_a"] = pairs["frame_a"].map(diag).astype("int64")
    pairs["n_b"] = pairs["frame_b"].map(diag).astype("int64")
    pairs["jaccard"] = pairs["n_sentences"] / (pairs["n_a"] + pairs["n_b"] - pairs["n_sentences"])
    return pairs[cols].sort_values(["frame_a", "frame_b"]).reset_index(drop=True)


def flow(
    sentences: pd.DataFrame,
    frame_sentences: pd.DataFrame,
    dictionary: Dictionary | str | Path,
) -> pd.DataFrame:
    """Trace frames through each article, paragraph by paragraph (per document).

    Parameters
    ----------
    sentences
        The sentences of some documents (``doc_id, para_id, sent_id``; ``kind``
        optional), from :func:`framelens.corpus.segment`.
    frame_sentences
        :func:`match` on those sentences (``doc_id, sent_id, frame`` are used).
    dictionary
        The dictionary used for ``frame_sentences`` (its frames give the rows, in its
        order).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, para_id, kind, frame, n_sentences, n_frame_sentences,
        share_sentences, sent_ids``: one row per (document, paragraph, frame), zeros
        included; ``kind`` is the paragraph's kind (``prose`` or ``embed``; ``prose``
        when the sentences have no ``kind`` column); ``sent_ids`` lists the sentences
        that carry the frame (the evidence), space-separated. Sorted by ``doc_id,
        para_id``, then frame in dictionary order.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "para_id": [0, 1], "sent_id": [0, 1],
    ...                   "start": [0, 20], "text": ["Tensions escalated.", "Ships sailed."]})
    >>> f = flow(s, match(s, "security"), "security")
    >>> f.loc[f.frame == "threat", ["para_id", "n_frame_sentences", "sent_ids"]].values.tolist()
    [[0, 1, '0'], [1, 0, '']]
    """
    check_columns("sentences", sentences, ["doc_id", "para_id", "sent_id"])
    check_columns("frame_sentences", frame_sentences, ["doc_id", "sent_id", "frame"])
    d = load_dictionary(dictionary)
    cols = ["doc_id", "para_id", "kind", "frame", "n_sentences", "n_frame_sentences",
            "share_sentences", "sent_ids"]  # fmt: skip
    if sentences.empty:
        return _empty(cols, ["para_id", "n_sentences", "n_frame_sentences"]).astype(
            {"share_sentences": "float64"}
        )
    paras = sentences.groupby(["doc_id", "para_id"]).size().rename("n_sentences")
    if "kind" in sentences.columns:
        kinds = sentences.groupby(["doc_id", "para_id"])["kind"].first().rename("kind")
    else:
        kinds = pd.Series("prose", index=paras.index, name="kind")
    grid = pd.DataFrame(
        [(doc, para, f) for doc, para in paras.index for f in d.frames],
        columns=["doc_id", "para_id", "frame"],
    )
    fs = frame_sentences[["doc_id", "sent_id", "frame"]].merge(
        sentences[["doc_id", "sent_id", "para_id"]], on=["doc_id", "sent_id"]
    )
    agg = (
        fs.sort_values("sent_id")
        .groupby(["doc_id", "para_id", "frame"])
        .agg(
            n_frame_sentences=("sent_id", "size"),
            sent_ids=("sent_id", lambda x: " ".join(str(v) for v in x)),
        )
        .reset_index()
    )
    out = (
        grid.merge(agg, on=["doc_id", "para_id", "frame"], how="left")
        .merge(paras.reset_index(), on=["doc_id", "para_id"])
        .merge(kinds.reset_index(), on=["doc_id", "para_id"])
    )
    out["n_frame_sentences"] = out["n_frame_sentences"].fillna(0).astype("int64")
    out["sent_ids"] = out["sent_ids"].fillna("")
    out["share_sentences"] = out["n_frame_sentences"] / out["n_sentences"]
    out = out.astype({"para_id": "int64", "n_sentences": "int64"})
    return _sort(out[cols], d, ["doc_id", "para_id", "frame"])


def actor_frame_counts(
    frame_sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    dictionary: Dictionary | str | Path,
) -> pd.DataFrame:
    """Count sentences where each actor appears together with each frame (summable).

    Parameters
    ----------
    frame_sentences
        :func:`match` on some sentences.
    mentions
        :func:`framelens.gazetteer.actor_mentions` on the same sentences.
    dictionary
        The dictionary used for ``frame_sentences``.

    Returns
    -------
    pandas.DataFrame
        ``actor, frame, n_sentences, n_actor_sentences``: sentences that mention the
        actor and carry the frame, and all sentences that mention the actor (repeated
        on every frame row, so summing partitions is correct); zeros included.

    Examples
    --------
    >>> fs = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "frame": ["threat"]})
    >>> m = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "actor": ["Japan"] * 2})
    >>> c = actor_frame_counts(fs, m, "security")
    >>> c.loc[c.frame == "threat", ["actor", "n_sentences", "n_actor_sentences"]].values.tolist()
    [['Japan', 1, 2]]
    """
    check_columns("frame_sentences", frame_sentences, ["doc_id", "sent_id", "frame"])
    check_columns("mentions", mentions, ["doc_id", "sent_id", "actor"])
    d = load_dictionary(dictionary)
    cols = ["actor", "frame", "n_sentences", "n_actor_sentences"]
    if mentions.empty:
        return _empty(cols, cols[2:])
    m = mentions[["doc_id", "sent_id", "actor"]].drop_duplicates()
    totals = m.groupby("actor").size().rename("n_actor_sentences")
    both = m.merge(
        frame_sentences[["doc_id", "sent_id", "frame"]].drop_duplicates(), on=["doc_id", "sent_id"]
    )
    n = both.groupby(["actor", "frame"]).size().rename("n_sentences")
    grid = pd.MultiIndex.from_product([totals.index, d.frames], names=["actor", "frame"])
    out = n.reindex(grid, fill_value=0).reset_index()
    out["n_actor_sentences"] = out["actor"].map(totals)
    out = out.astype({"n_sentences": "int64", "n_actor_sentences": "int64"})
    return _sort(out[cols], d, ["actor", "frame"])


def actor_frames(counts: pd.DataFrame) -> pd.DataFrame:
    """Finish actor × frame from summed :func:`actor_frame_counts`.

    Parameters
    ----------
    counts
        :func:`actor_frame_counts` of one or more partitions, concatenated (rows of the
        same actor and frame are summed; frames keep their order of first appearance).

    Returns
    -------
    pandas.DataFrame
        ``actor, frame, n_sentences, n_actor_sentences, share``: ``share`` is the share
        of the actor's sentences that carry the frame. Sorted by actor (most sentences
        first, then name) and frame.

    Examples
    --------
    >>> c = pd.DataFrame({"actor": ["Japan"], "frame": ["threat"], "n_sentences": [1],
    ...                   "n_actor_sentences": [2]})
    >>> actor_frames(pd.concat([c, c])).values.tolist()
    [['Japan', 'threat', 2, 4, 0.5]]
    """
    cols = ["actor", "frame", "n_sentences", "n_actor_sentences"]
    check_columns("counts", counts, cols)
    if counts.empty:
        return _empty(cols + ["share"], cols[2:]).astype({"share": "float64"})
    frames_order = {f: i for i, f in enumerate(dict.fromkeys(counts["frame"]))}
    g = counts.groupby(["actor", "frame"], sort=False)[cols[2:]].sum().reset_index()
    g["share"] = g["n_sentences"] / g["n_actor_sentences"].where(g["n_actor_sentences"] > 0)
    g["_rank"] = -g.groupby("actor")["n_actor_sentences"].transform("max")
    g["_f"] = g["frame"].map(frames_order)
    g = g.sort_values(["_rank", "actor", "_f"]).drop(columns=["_rank", "_f"])
    return g.astype({"n_sentences": "int64", "n_actor_sentences": "int64"}).reset_index(drop=True)
