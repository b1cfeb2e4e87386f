"""A hand-labelled gold set of real coverage: frames and sentence tone, scored (issue 15).

The gold set (``tests/data/gold_news/``) keeps what may be kept of real articles: their
URLs, outlets, dates, the SHA-256 of the text that was labelled, the sentences' offsets and
the labels of two annotation passes with the adjudicated label. The texts themselves are
not redistributed; whoever has them (saved as ``<doc_id>.txt``) can check them against the
hashes and score the library on them:

    .venv/bin/python benchmarks/gold_news.py --texts DIR

Every function here works on plain frames, so the same scoring runs on any labelled set in
this layout.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Literal

import pandas as pd

from . import framing, sentiment
from .errors import InputError, ParameterError
from .params import check_choice, check_columns

__all__ = [
    "ARTICLE_COLUMNS",
    "LABEL_COLUMNS",
    "TONES",
    "check_alignment",
    "documents",
    "frame_scores",
    "halves",
    "load",
    "tone_scores",
]

FRAMES = ["threat", "cooperation", "capability", "rivalry", "regional_concern", "justification"]
TONES = ("negative", "neutral", "positive")
ARTICLE_COLUMNS = ["doc_id", "outlet", "outlet_group", "published", "url", "title", "sha256"]
LABEL_COLUMNS = ["doc_id", "sent_id", "start", "end", *FRAMES, "tone"]


def _read(path: Path, columns: list[str]) -> pd.DataFrame:
    if not path.is_file():
        raise ParameterError(f"{path}: no such file (a gold set needs it).")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(f"{path}: missing column(s) {missing}; expected {columns}.")
    return frame


def _labels(path: Path) -> pd.DataFrame:
    frame = _read(path, LABEL_COLUMNS)
    for i, row in enumerate(frame.itertuples(index=False), start=2):
        for col in ("sent_id", "start", "end"):
            if not str(getattr(row, col)).isdigit():
                raise InputError(f"{path}, line {i}: {col} must be a whole number.")
        for col in FRAMES:
            if getattr(row, col) not in ("0", "1"):
                raise InputError(
                    f"{path}, line {i}: {col} must be 0 or 1, not {getattr(row, col)!r}."
                )
        if row.tone not in TONES:
            raise InputError(
                f"{path}, line {i}: tone must be one of {list(TONES)}, not {row.tone!r}."
            )
    out = frame.astype({"sent_id": "int64", "start": "int64", "end": "int64"})
    return out.astype({c: "int64" for c in FRAMES})


def load(directory: str | Path) -> dict[str, pd.DataFrame]:
    """Read a gold set: ``articles``, adjudicated ``labels`` and the two passes.

    Parameters
    ----------
    directory
        A folder with ``articles.csv`` (:data:`ARTICLE_COLUMNS`), ``labels.csv``,
        ``pass_a.csv`` and ``pass_b.csv`` (:data:`LABEL_COLUMNS` each).

    Returns
    -------
    dict of str to pandas.DataFrame
        ``articles, labels, pass_a, pass_b``; a bad cell raises :class:`InputError`
        naming the file and line.
    """
    d = Path(directory)
    out = {"articles": _read(d / "articles.csv", ARTICLE_COLUMNS)}
    for name in ("labels", "pass_a", "pass_b"):
        out[name] = _labels(d / f"{name}.csv")
    unknown = sorted(set(out["labels"]["doc_id"]) - set(out["articles"]["doc_id"]))
    if unknown:
        raise InputError(f"{d / 'labels.csv'}: doc_id(s) {unknown} are not in articles.csv.")
    return out


def documents(
    texts: str | Path, articles: pd.DataFrame, *, missing: Literal["raise", "skip"] = "raise"
) -> pd.DataFrame:
    """Read the labelled texts (``<doc_id>.txt``) and check each against its SHA-256.

    Parameters
    ----------
    texts
        The folder holding ``<doc_id>.txt``.
    articles
        ``articles.csv`` of the gold set (:func:`load`).
    missing
        ``"raise"`` (default): a missing text is an error. ``"skip"``: it is left out
        (the rows returned say which texts were read; score only their labels). A text
        that is there but differs from the one labelled is an error either way.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, text`` and the article metadata, in the order of ``articles``.

    Raises
    ------
    InputError
        A text is missing (with ``missing="raise"``) or differs from the one labelled
        (named, with both hashes).
    """
    check_choice("missing", missing, ["raise", "skip"])
    d = Path(texts)
    rows = []
    for art in articles.itertuples(index=False):
        path = d / f"{art.doc_id}.txt"
        if not path.is_file():
            if missing == "skip":
                continue
            raise InputError(f"{path}: missing; save the article at {art.url} there.")
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != art.sha256:
            raise InputError(
                f"{path}: not the text that was labelled (sha256 {digest[:12]}…, expected "
                f"{art.sha256[:12]}…); offsets would not match."
            )
        rows.append({"doc_id": art.doc_id, "text": raw.decode("utf-8")})
    docs = pd.DataFrame(rows, columns=["doc_id", "text"])
    return docs.merge(articles, on="doc_id", how="left")


def _past_furniture(
    sentences: pd.DataFrame, labels: pd.DataFrame, furniture: pd.DataFrame
) -> tuple[pd.DataFrame, list[list]]:
    """Move a label's start past a dateline or furniture that now opens its sentence.

    A label made when "(Bloomberg) -- The Russian Navy started…" was one sentence keeps
    its sentence once the agency tag is recognised as a dateline: its span starts where a
    ``furniture`` row starts, and a sentence now begins where that row ends (at most two
    characters after: a space, a line break) and ends where the label ends. Returns the
    labels (such starts moved) and ``[doc_id, sent_id, old start, new start]`` for each
    moved one.
    """
    ends = {
        (str(d), int(e)): int(a)
        for d, a, e in zip(sentences["doc_id"], sentences["start"], sentences["end"], strict=True)
    }
    starts = set(
        zip(
            sentences["doc_id"].astype(str).tolist(),
            sentences["start"].astype("int64").tolist(),
            strict=True,
        )
    )
    # where each dateline or piece of furniture ends, by where it starts
    cut = {
        (str(d), int(a)): int(b)
        for d, a, b in zip(furniture["doc_id"], furniture["start"], furniture["end"], strict=True)
    }
    out = labels.copy()
    moved: list[list] = []
    for i, (d, sid, a, e) in enumerate(
        zip(labels["doc_id"], labels["sent_id"], labels["start"], labels["end"], strict=True)
    ):
        key = (str(d), int(a))
        if key in starts or key not in cut:
            continue
        begins = ends.get((str(d), int(e)))
        # the sentence begins where the furniture ends, or after a space or line break
        if begins is not None and a < begins < e and 0 <= begins - cut[key] <= 2:
            out.iloc[i, out.columns.get_loc("start")] = begins
            moved.append([str(d), int(sid), int(a), int(begins)])
    return out, moved


def check_alignment(
    sentences: pd.DataFrame,
    labels: pd.DataFrame,
    *,
    skip: bool = False,
    furniture: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Join labels to the sentences by their offsets and check every label finds one.

    Parameters
    ----------
    sentences
        :func:`framelens.corpus.segment` of the texts (:func:`documents`).
    labels
        The gold labels (``labels`` of :func:`load`), ``start`` and ``end`` included.
    skip
        Leave out a label whose sentence the segmentation no longer has (it split or
        joined it) and list it in ``attrs["skipped"]``, instead of raising.
    furniture
        :func:`framelens.corpus.boilerplate` of the same texts (optional). A label that
        starts where a dateline or piece of furniture starts, and whose end is a
        sentence's end, is that sentence when the sentence begins after the furniture:
        the label was made before the furniture was recognised (it is listed in
        ``attrs["moved"]`` as ``[doc_id, sent_id, old start, new start]``).

    Returns
    -------
    pandas.DataFrame
        The labels with the sentence ``text`` and ``kind`` (and the ``sent_id`` of the
        current segmentation).

    Raises
    ------
    InputError
        A labelled sentence is not where the label says (segmentation changed).
    """
    moved: list[list] = []
    if furniture is not None:
        check_columns("furniture", furniture, ["doc_id", "start", "end", "text"])
        labels, moved = _past_furniture(sentences, labels, furniture)
    merged = labels.merge(
        sentences[["doc_id", "sent_id", "start", "end", "text", "kind"]],
        on=["doc_id", "start", "end"], how="left", suffixes=("_gold", ""),
    )  # fmt: skip
    merged["start_seg"] = merged["start"].where(merged["sent_id"].notna())
    merged["end_seg"] = merged["end"].where(merged["sent_id"].notna())
    bad = merged[merged["sent_id"].isna()]
    if len(bad) and skip:
        kept = merged[merged["sent_id"].notna()].astype({"sent_id": "int64"})
        kept = kept.drop(columns=["sent_id_gold", "start_seg", "end_seg"])
        kept = kept[list(labels.columns) + ["text", "kind"]].reset_index(drop=True)
        kept.attrs["skipped"] = bad[["doc_id", "sent_id_gold", "start", "end"]].values.tolist()
        kept.attrs["moved"] = moved
        return kept
    if len(bad):
        r = bad.iloc[0]
        seg = sentences[(sentences["doc_id"] == r.doc_id) & (sentences["end"] > r.start)]
        seg = seg[seg["start"] < r.end]
        found = ", ".join(f"{a}-{b}" for a, b in zip(seg["start"], seg["end"], strict=True))
        raise InputError(
            f"{len(bad)} labelled sentence(s) do not match the segmentation, first "
            f"{r.doc_id} sentence {r.sent_id_gold}: labelled {r.start}-{r.end}, segmented "
            f"{found or 'nothing there'}."
        )
    merged = merged.astype({"sent_id": "int64"})
    out = merged[list(labels.columns) + ["text", "kind"]].reset_index(drop=True)
    out.attrs["moved"] = moved
    return out


def halves(articles: pd.DataFrame) -> dict[str, list[str]]:
    """Split the articles into a ``dev`` and a held-out ``test`` half, by outlet group.

    ``dev`` is the 1st, 3rd, 5th… article of each ``outlet_group`` in the order of
    ``articles``; ``test`` is the rest. Cues and rules are chosen reading ``dev`` only.

    Parameters
    ----------
    articles
        ``articles.csv`` of the gold set (``doc_id`` and ``outlet_group`` are used).

    Returns
    -------
    dict of str to list of str
        ``{"dev": [doc_id, …], "test": [doc_id, …]}`` in the order of ``articles``.

    Examples
    --------
    >>> a = pd.DataFrame({"doc_id": list("abcde"), "outlet_group": list("xxxyy")})
    >>> halves(a)
    {'dev': ['a', 'c', 'd'], 'test': ['b', 'e']}
    """
    check_columns("articles", articles, ["doc_id", "outlet_group"])
    i = articles.groupby("outlet_group", sort=False).cumcount()
    dev = (i % 2 == 0).to_numpy()
    ids = articles["doc_id"].astype(str).tolist()
    return {
        "dev": [d for d, k in zip(ids, dev, strict=True) if k],
        "test": [d for d, k in zip(ids, dev, strict=True) if not k],
    }


def frame_scores(
    sentences: pd.DataFrame,
    labels: pd.DataFrame,
    dictionary: framing.Dictionary | str = "security",
    *,
    context: bool = True,
) -> pd.DataFrame:
    """Precision, recall and F1 per frame, micro and macro, on the labelled sentences.

    Parameters
    ----------
    sentences
        The segmented texts (any superset of the labelled sentences).
    labels
        Gold labels: ``doc_id, sent_id`` and the frame columns (:data:`FRAMES`).
    dictionary
        The frame dictionary (anything :func:`framelens.framing.load_dictionary` takes).
    context
        Judge cues in context (default) or count every match (``False``).

    Returns
    -------
    pandas.DataFrame
        :func:`framelens.framing.evaluate`'s table plus a ``"macro"`` row and a
        ``context`` column. Macro precision is the mean over the frames the dictionary
        predicted at least once, macro recall over the frames with support; macro F1 is
        the mean over the frames with support, a frame never predicted counting 0 (so
        that never predicting a hard frame cannot raise it).
    """
    labelled = sentences.merge(labels[["doc_id", "sent_id"]], on=["doc_id", "sent_id"])
    hits = framing.match(labelled, dictionary, context=context)
    table = framing.evaluate(hits, labels[["doc_id", "sent_id", *FRAMES]])
    frames = table[table["frame"] != "all (micro)"]
    f1 = frames["f1"].where(frames["support"] == 0, frames["f1"].fillna(0.0))
    macro = {"frame": "macro", "support": frames["support"].sum(),
             "n_predicted": frames["n_predicted"].sum(), "tp": frames["tp"].sum(),
             "fp": frames["fp"].sum(), "fn": frames["fn"].sum(),
             "precision": frames["precision"].mean(), "recall": frames["recall"].mean(),
             "f1": f1[frames["support"] > 0].mean()}  # fmt: skip
    out = pd.concat([table, pd.DataFrame([macro])], ignore_index=True)
    return out.assign(context=context)


def tone_scores(sentences: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """Sentence-tone accuracy of VADER as published and with the security domain.

    Parameters
    ----------
    sentences
        The segmented texts (any superset of the labelled sentences).
    labels
        Gold labels: ``doc_id, sent_id`` and ``tone``; each is compared with the score of
        its own sentence (joined on the keys).

    Returns
    -------
    pandas.DataFrame
        ``method, n, n_unscored, accuracy, macro_f1, f1_negative, f1_neutral,
        f1_positive``: one row for ``vader`` and one for ``vader_security`` (names masked,
        domain words at 0). A sentence VADER does not score (no words, as a stray ``".``
        a page left; or not English) is not compared: ``n`` counts the sentences scored,
        ``n_unscored`` the others.
    """
    from . import stance

    keys = ["doc_id", "sent_id"]
    labelled = sentences.merge(labels[[*keys, "tone"]], on=keys)
    rows = []
    for method, kw in (("vader", {}), ("vader_security", {"domain": "security"})):
        # score() returns rows sorted by doc_id, sent_id: join on the keys, never by position
        scored = sentiment.score(labelled.drop(columns=["tone"]), **kw)
        both = labelled[[*keys, "tone"]].merge(scored[[*keys, "label"]], on=keys, validate="1:1")
        unscored = both["label"] == "unscored"
        both = both[~unscored]
        m = stance.metrics(both["tone"].tolist(), both["label"].tolist())
        rows.append({"method": method, **m, "n_unscored": int(unscored.sum())})
    cols = ["method", "n", "n_unscored", "accuracy", "macro_f1", "f1_negative", "f1_neutral",
            "f1_positive"]  # fmt: skip
    return pd.DataFrame(rows)[cols]
