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

import pandas as pd

from . import framing, sentiment
from .errors import InputError, ParameterError

__all__ = [
    "ARTICLE_COLUMNS",
    "LABEL_COLUMNS",
    "TONES",
    "check_alignment",
    "documents",
    "frame_scores",
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


def documents(texts: str | Path, articles: pd.DataFrame) -> pd.DataFrame:
    """Read the labelled texts (``<doc_id>.txt``) and check each against its SHA-256.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, text`` and the article metadata, in the order of ``articles``.

    Raises
    ------
    InputError
        A text is missing or differs from the one labelled (named, with both hashes).
    """
    d = Path(texts)
    rows = []
    for art in articles.itertuples(index=False):
        path = d / f"{art.doc_id}.txt"
        if not path.is_file():
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


def check_alignment(sentences: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """Join labels to the sentences by ``doc_id, sent_id`` and check the offsets agree.

    Returns
    -------
    pandas.DataFrame
        The labels with the sentence ``text`` and ``kind``.

    Raises
    ------
    InputError
        A labelled sentence is not where the label says (segmentation changed).
    """
    merged = labels.merge(
        sentences[["doc_id", "sent_id", "start", "end", "text", "kind"]],
        on=["doc_id", "sent_id"], how="left", suffixes=("", "_seg"),
    )  # fmt: skip
    bad = merged[(merged["start"] != merged["start_seg"]) | (merged["end"] != merged["end_seg"])]
    if len(bad):
        r = bad.iloc[0]
        raise InputError(
            f"{len(bad)} labelled sentence(s) do not match the segmentation, first "
            f"{r.doc_id} sentence {r.sent_id}: labelled {r.start}-{r.end}, segmented "
            f"{r.start_seg}-{r.end_seg}."
        )
    return merged.drop(columns=["start_seg", "end_seg"])


def frame_scores(
    sentences: pd.DataFrame,
    labels: pd.DataFrame,
    dictionary: framing.Dictionary | str = "security",
    *,
    context: bool = True,
) -> pd.DataFrame:
    """Precision, recall and F1 per frame, micro and macro, on the labelled sentences.

    Returns
    -------
    pandas.DataFrame
        :func:`framelens.framing.evaluate`'s table plus a ``"macro"`` row (the mean of the
        frames' precision, recall and F1) and a ``context`` column.
    """
    labelled = sentences.merge(labels[["doc_id", "sent_id"]], on=["doc_id", "sent_id"])
    hits = framing.match(labelled, dictionary, context=context)
    table = framing.evaluate(hits, labels[["doc_id", "sent_id", *FRAMES]])
    frames = table[table["frame"] != "all (micro)"]
    macro = {"frame": "macro", "support": frames["support"].sum(),
             "n_predicted": frames["n_predicted"].sum(), "tp": frames["tp"].sum(),
             "fp": frames["fp"].sum(), "fn": frames["fn"].sum(),
             "precision": frames["precision"].mean(), "recall": frames["recall"].mean(),
             "f1": frames["f1"].mean()}  # fmt: skip
    out = pd.concat([table, pd.DataFrame([macro])], ignore_index=True)
    return out.assign(context=context)


def tone_scores(sentences: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """Sentence-tone accuracy of VADER as published and with the security domain.

    Returns
    -------
    pandas.DataFrame
        ``method, n, accuracy, macro_f1, f1_negative, f1_neutral, f1_positive``: one row
        for ``vader`` and one for ``vader_security`` (names masked, domain words at 0).
    """
    from . import stance

    labelled = sentences.merge(labels[["doc_id", "sent_id", "tone"]], on=["doc_id", "sent_id"])
    rows = []
    for method, kw in (("vader", {}), ("vader_security", {"domain": "security"})):
        scored = sentiment.score(labelled.drop(columns=["tone"]), **kw)
        m = stance.metrics(labelled["tone"].tolist(), scored["label"].tolist())
        rows.append({"method": method, **m})
    cols = ["method", "n", "accuracy", "macro_f1", "f1_negative", "f1_neutral", "f1_positive"]
    return pd.DataFrame(rows)[cols]
