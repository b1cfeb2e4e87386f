"""Dictionary frames against hand labels: coverage, agreement, precision and recall."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..errors import FramelensWarning, InputError, ParameterError
from ..params import check_columns, suggest

_LABEL_KEYS = ("doc_id", "sent_id", "text")
#: columns of the project's gold-set layout (``tests/data/gold_news*/labels.csv``) that
#: are not frames: the sentence's offsets, its hand-labelled tone, its text and kind
LAYOUT_COLUMNS = ("start", "end", "tone", "text", "kind")


def load_labels(path: str | Path, *, frames: Sequence[str] | None = None) -> pd.DataFrame:
    """Read hand labels: ``doc_id, sent_id, text`` and one 0/1 column per frame.

    Parameters
    ----------
    path
        A CSV file with a header: ``doc_id`` and ``sent_id`` (needed), ``text``
        (optional: the sentence, checked against the corpus by :func:`evaluate`) and one
        column per frame, named as the dictionary's frames. Every cell is read as text
        (no value becomes NaN). The other columns of the gold-set layout
        (:data:`LAYOUT_COLUMNS`: ``start``, ``end``, ``tone``, ``kind``, as in
        ``tests/data/gold_news_third/labels.csv``) are not frames and are ignored (left
        out of the result and named in ``attrs["ignored_columns"]``), unless ``frames``
        names one of them; any other column must hold 0 or 1.
    frames
        The dictionary's frames (``Dictionary.frames``). When given, a column close to
        one of them is an error: a misspelt column ("threats") would be scored as a frame
        no cue predicts, and the real frame's hits would count for nothing. Columns of
        other frames (labels made for another dictionary) are left out, listed in
        ``attrs["other_frames"]`` and, when some frames remain, named in a warning; with
        none left, :func:`label_coverage` says why no accuracy is computed.

    Returns
    -------
    pandas.DataFrame
        The labels: ``doc_id``, ``sent_id`` (integer), ``text`` if the file has it, and
        the frame columns (integers 0/1). ``attrs["other_frames"]`` lists the columns of
        other dictionaries' frames left out, ``attrs["ignored_columns"]`` the layout
        columns left out.

    Raises
    ------
    ParameterError
        There is no file at ``path``.
    InputError
        The file is missing a key column or a frame column holds something other than
        0 or 1 (the message names the line), a ``sent_id`` is not a whole number, a
        sentence is labelled twice, or (with ``frames``) a column is not a frame.
    """
    p = Path(path)
    if p.is_dir():
        raise ParameterError(
            f"`labels_path` {str(path)!r} is a folder: name the CSV file of labels in it."
        )
    if not p.is_file():
        raise ParameterError(f"`labels_path` {str(path)!r}: no such file.")
    try:
        labels = pd.read_csv(p, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        header = p.read_bytes()[:2000].decode("utf-8", "replace").split("\n", 1)[0]
        hint = (
            f" Its header line {header!r} looks ';'-delimited: save it with commas."
            if header.count(";") > header.count(",")
            else ""
        )
        raise InputError(
            f"{p}: not a readable CSV of labels ({str(exc).strip()}); expected doc_id, "
            f"sent_id and one 0/1 column a frame, comma-separated, UTF-8.{hint}"
        ) from None
    if len(labels.columns) == 1 and ";" in labels.columns[0]:
        raise InputError(
            f"{p}: one column {labels.columns[0]!r}: the file is ';'-delimited; save it with "
            "commas (doc_id, sent_id and one 0/1 column a frame)."
        )
    for col in ("doc_id", "sent_id"):
        if col not in labels.columns:
            raise InputError(f"{p}: needs a {col!r} column; it has {list(labels.columns)}.")
    # the gold-set layout's offsets, tone and kind are no frames (unless the dictionary's)
    ignored = [c for c in labels.columns if c in LAYOUT_COLUMNS and c not in _LABEL_KEYS
               and (frames is None or c not in frames)]  # fmt: skip
    labels = labels.drop(columns=ignored)
    for col in [c for c in labels.columns if c not in _LABEL_KEYS]:
        bad = labels.index[~labels[col].isin(["0", "1"])]
        if len(bad):
            i = int(bad[0])
            raise InputError(
                f"{p}, line {i + 2}: column {col!r} must be 0 or 1, got {labels[col][i]!r}."
            )
    other: list[str] = []
    if frames is not None:
        for col in [c for c in labels.columns if c not in _LABEL_KEYS]:
            if col in frames:
                continue
            if hint := suggest(col, list(frames)):
                raise InputError(
                    f"{p}: column {col!r} is not a frame of the dictionary; its frames are "
                    f"{list(frames)}{hint}."
                )
            other.append(col)
        if other and len(other) < len([c for c in labels.columns if c not in _LABEL_KEYS]):
            warnings.warn(
                f"{p}: the column(s) {other} are not frames of this dictionary (its frames "
                f"are {list(frames)}): they are left out of the accuracy.",
                FramelensWarning,
                stacklevel=2,
            )
        labels = labels.drop(columns=other)
    bad = labels.index[~labels["sent_id"].str.fullmatch(r"\d+")]
    if len(bad):
        raise InputError(f"{p}, line {int(bad[0]) + 2}: sent_id must be a whole number.")
    twice = labels.duplicated(["doc_id", "sent_id"], keep=False)
    if twice.any():
        first = labels[twice].iloc[0]
        lines = [int(i) + 2 for i in labels.index[twice & (labels["doc_id"] == first["doc_id"])
                 & (labels["sent_id"] == first["sent_id"])]]  # fmt: skip
        raise InputError(
            f"{p}, lines {lines}: sentence {first['sent_id']} of {first['doc_id']!r} is "
            "labelled more than once; keep one row per sentence."
        )
    ints = {c: "int64" for c in labels.columns if c not in ("doc_id", "text")}
    labels = labels.astype(ints)
    labels.attrs["other_frames"] = other
    labels.attrs["ignored_columns"] = ignored
    return labels


def _truth_pred(frame_sentences: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    check_columns("frame_sentences", frame_sentences, ["doc_id", "sent_id", "frame"])
    check_columns("labels", labels, ["doc_id", "sent_id"])
    frames = [c for c in labels.columns if c not in _LABEL_KEYS]
    if not frames:
        raise ParameterError("`labels` has no frame columns (one 0/1 column per frame).")
    long = labels.melt(id_vars=["doc_id", "sent_id"], value_vars=frames, var_name="frame",
                       value_name="label")  # fmt: skip
    pred = frame_sentences[["doc_id", "sent_id", "frame"]].drop_duplicates().assign(predicted=1)
    out = long.merge(pred, on=["doc_id", "sent_id", "frame"], how="left")
    out["predicted"] = out["predicted"].fillna(0).astype("int64")
    out["label"] = out["label"].astype("int64")
    out["frame"] = pd.Categorical(out["frame"], categories=frames, ordered=True)
    return out


def _restrict(labels: pd.DataFrame, sentences: pd.DataFrame | None) -> pd.DataFrame:
    """Keep the labels of analysed sentences whose text still matches."""
    if sentences is None:
        return labels
    check_columns("sentences", sentences, ["doc_id", "sent_id", "text"])
    keep = labels.merge(
        sentences[["doc_id", "sent_id", "text"]].rename(columns={"text": "_text"}),
        on=["doc_id", "sent_id"],
    )
    if "text" in keep.columns:
        differ = keep["text"] != keep["_text"]
        if differ.any():
            first = keep[differ].iloc[0]
            warnings.warn(
                f"{int(differ.sum())} labelled sentence(s) have a different text in the "
                f"corpus (first: {first['doc_id']} sentence {first['sent_id']}); they are "
                "left out. Was the segmentation changed since the labels were made?",
                FramelensWarning,
                stacklevel=3,
            )
            keep = keep[~differ]
    return keep.drop(columns="_text").reset_index(drop=True)


def label_coverage(
    labels: pd.DataFrame, sentences: pd.DataFrame, *, frames: Sequence[str] | None = None
) -> tuple[int, str]:
    """Say how many hand labels belong to these sentences, and if none, why.

    A label belongs to the corpus when its ``doc_id`` and ``sent_id`` name one of the
    sentences and, if the labels carry the sentence's ``text``, the text is the same.
    Accuracy is worth computing only when this number is above zero: labels made for
    another corpus would score every frame against nothing.

    Parameters
    ----------
    labels
        Hand labels keyed by ``doc_id, sent_id`` (:func:`load_labels`); with a ``text``
        column, the text must match too.
    sentences
        The analysed sentences (``doc_id, sent_id, text``).
    frames
        The dictionary's frames: labels with none of them as a column were made for
        another dictionary, and none counts (default None: not checked).

    Returns
    -------
    tuple[int, str]
        The number of labels that match, and a one-line description: how many of the
        labels match, or why none does (labels of another dictionary's frames, other
        documents, or the same documents with other sentences).

    Examples
    --------
    >>> labels = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["Hi."], "threat": [1]})
    >>> label_coverage(labels, pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["Hi."]}))
    (1, '1 of 1 labelled sentence(s) are sentences of this corpus.')
    >>> label_coverage(labels, pd.DataFrame({"doc_id": ["b"], "sent_id": [0], "text": ["Hi."]}))[1]
    "none of the 1 labelled sentence(s) is in this corpus: the labels are for document(s) ['a']."
    """
    check_columns("labels", labels, ["doc_id", "sent_id"])
    check_columns("sentences", sentences, ["doc_id", "sent_id", "text"])
    columns = [c for c in labels.columns if c not in _LABEL_KEYS]
    if frames is not None and not any(c in frames for c in columns):
        theirs = columns or list(labels.attrs.get("other_frames", []))
        return 0, (
            f"the labels are for the frames {theirs[:6]}, none of which is a frame of this "
            f"dictionary ({list(frames)[:6]}): label the sentences with its frames to "
            "measure its accuracy."
        )
    keys = sentences[["doc_id", "sent_id", "text"]].rename(columns={"text": "_text"})
    keep = labels.merge(keys, on=["doc_id", "sent_id"])
    if "text" in keep.columns:
        keep = keep[keep["text"] == keep["_text"]]
    n, total = len(keep), len(labels)
    if n:
        return n, f"{n} of {total} labelled sentence(s) are sentences of this corpus."
    docs = sorted(set(labels["doc_id"].astype(str)))
    shared = sorted(set(docs) & set(sentences["doc_id"].astype(str)))
    if shared:
        return 0, (
            f"none of the {total} labelled sentence(s) matches a sentence of this corpus: "
            f"document(s) {shared[:3]} are here with other sentences (was the text or "
            "its segmentation changed since the labels were made?)."
        )
    return 0, (
        f"none of the {total} labelled sentence(s) is in this corpus: the labels are for "
        f"document(s) {docs[:3]}{' …' if len(docs) > 3 else ''}."
    )


def agreement(
    first: pd.DataFrame, second: pd.DataFrame, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """Agreement of two annotation passes over the same sentences: Cohen's kappa per column.

    Parameters
    ----------
    first, second
        Labels keyed by ``doc_id, sent_id`` (e.g. two :func:`load_labels` files), one
        column per frame (0/1) or any categorical column (a tone label).
    columns
        The columns to compare (default: every column both share but the keys and
        ``text``).

    Returns
    -------
    pandas.DataFrame
        ``column, n, agreement, kappa, n_first, n_second``: the sentences both passes
        labelled, the share on which they agree, Cohen's kappa (chance-corrected; NaN
        when both passes use one value throughout) and, for 0/1 columns, how many 1s
        each pass gave (else NaN).

    Examples
    --------
    >>> a = pd.DataFrame({"doc_id": "d", "sent_id": [0, 1, 2, 3], "threat": [1, 1, 0, 0]})
    >>> b = a.assign(threat=[1, 0, 0, 0])
    >>> agreement(a, b).round(3).values.tolist()
    [['threat', 4, 0.75, 0.5, 2.0, 1.0]]
    """
    keys = ["doc_id", "sent_id"]
    check_columns("first", first, keys)
    check_columns("second", second, keys)
    if columns is None:
        columns = [c for c in first.columns if c in second.columns and c not in (*keys, "text")]
    both = first.merge(second, on=keys, suffixes=("_1", "_2"))
    rows = []
    for col in columns:
        if col not in first.columns or col not in second.columns:
            raise ParameterError(f"column {col!r} is not in both annotation passes.")
        x, y = both[f"{col}_1"].astype(str), both[f"{col}_2"].astype(str)
        n = len(both)
        po = float((x == y).mean()) if n else float("nan")
        cats = sorted(set(x) | set(y))
        pe = sum(float((x == c).mean()) * float((y == c).mean()) for c in cats) if n else 1.0
        kappa = (po - pe) / (1 - pe) if pe < 1 else float("nan")
        binary = set(cats) <= {"0", "1"}
        rows.append(
            (col, n, po, kappa, float((x == "1").sum()) if binary else float("nan"),
             float((y == "1").sum()) if binary else float("nan"))
        )  # fmt: skip
    out = pd.DataFrame(rows, columns=["column", "n", "agreement", "kappa", "n_first", "n_second"])
    return out.astype({"n": "int64"})


def _check_labels(labels: object) -> None:
    """Refuse a path where the labels table is expected, saying how to read it."""
    if isinstance(labels, str | Path):
        raise ParameterError(
            f"`labels` must be the labels table, but the path {str(labels)!r} was passed: "
            "read it first, labels = framing.load_labels(path)."
        )
    if not isinstance(labels, pd.DataFrame):
        raise ParameterError(
            f"`labels` must be the labels table (framing.load_labels), but "
            f"{type(labels).__name__} was passed."
        )


def evaluate(
    frame_sentences: pd.DataFrame,
    labels: pd.DataFrame,
    *,
    sentences: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Precision, recall and F1 of the dictionary against hand labels, per frame.

    Only labelled sentences count: a hit in a sentence without labels is ignored.

    Parameters
    ----------
    frame_sentences
        :func:`match` output (``doc_id, sent_id, frame`` are used).
    labels
        ``doc_id, sent_id`` (``text`` optional) and one 0/1 column per frame
        (:func:`load_labels`).
    sentences
        The analysed sentences. When given, only labels of these sentences count, and a
        label whose ``text`` differs from the sentence's is left out with a warning (the
        corpus or its segmentation changed). No labelled sentence left gives zero
        support and NaN scores.

    Returns
    -------
    pandas.DataFrame
        ``frame, support, n_predicted, tp, fp, fn, precision, recall, f1``: one row per
        label column, then ``"all (micro)"`` pooling every frame. ``precision`` is NaN
        when nothing was predicted, ``recall`` when nothing is labelled, ``f1`` when
        either is NaN.

    Examples
    --------
    >>> labels = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "threat": [1, 1]})
    >>> hits = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "frame": ["threat"]})
    >>> e = evaluate(hits, labels)
    >>> e[["frame", "support", "tp", "fp", "fn"]].values.tolist()[0]
    ['threat', 2, 1, 0, 1]
    >>> e[["precision", "recall", "f1"]].round(3).values.tolist()[0]
    [1.0, 0.5, 0.667]
    """
    _check_labels(labels)
    tp = _truth_pred(frame_sentences, _restrict(labels, sentences))
    tp["tp"] = (tp["label"] == 1) & (tp["predicted"] == 1)
    tp["fp"] = (tp["label"] == 0) & (tp["predicted"] == 1)
    tp["fn"] = (tp["label"] == 1) & (tp["predicted"] == 0)
    g = tp.groupby("frame", observed=False)[["label", "predicted", "tp", "fp", "fn"]].sum()
    g = g.rename(columns={"label": "support", "predicted": "n_predicted"})
    g.loc["all (micro)"] = g.sum()
    g = g.astype("int64")
    g["precision"] = g["tp"] / g["n_predicted"].where(g["n_predicted"] > 0)
    g["recall"] = g["tp"] / g["support"].where(g["support"] > 0)
    denom = g["precision"] + g["recall"]
    g["f1"] = (
        (2 * g["precision"] * g["recall"] / denom.where(denom > 0))
        .where(denom > 0, 0.0)
        .where(g["precision"].notna() & g["recall"].notna())
    )
    g.index = g.index.astype(str)
    return g.reset_index(names="frame")


def disagreements(
    frame_sentences: pd.DataFrame, labels: pd.DataFrame, sentences: pd.DataFrame | None = None
) -> pd.DataFrame:
    """List where the dictionary and the hand labels disagree, with the evidence.

    With ``sentences``, only labels of those sentences count (as in :func:`evaluate`) and
    the text is taken from them.

    Parameters
    ----------
    frame_sentences
        :func:`match` output (``doc_id, sent_id, frame`` are used, and ``matches`` when
        present).
    labels
        ``doc_id, sent_id`` (``text`` optional) and one 0/1 column per frame
        (:func:`load_labels`); only these frames are compared.
    sentences
        The analysed sentences (``doc_id, sent_id, text``): only their labels count, the
        text comes from them, and a label whose ``text`` differs from its sentence's is
        left out with a warning. ``None`` (default): every label counts and the text
        comes from the labels' ``text`` column (empty without one).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, frame, error`` (``"false positive"`` or ``"false
        negative"``), ``matches`` (what the dictionary matched; empty for a miss) and
        ``text`` (from ``sentences`` or the labels), sorted by sentence and frame.

    Raises
    ------
    ParameterError
        When ``labels`` has no frame column, or a frame lacks the columns used.

    Examples
    --------
    >>> labels = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "threat": [0]})
    >>> hits = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "frame": ["threat"],
    ...                      "matches": ["threat@0-6"]})
    >>> disagreements(hits, labels)[["frame", "error", "matches"]].values.tolist()
    [['threat', 'false positive', 'threat@0-6']]
    """
    _check_labels(labels)
    tp = _truth_pred(frame_sentences, _restrict(labels, sentences))
    bad = tp[tp["label"] != tp["predicted"]].copy()
    bad["error"] = bad["predicted"].map({1: "false positive", 0: "false negative"})
    ev = frame_sentences[["doc_id", "sent_id", "frame"]].copy()
    ev["matches"] = frame_sentences["matches"] if "matches" in frame_sentences.columns else ""
    bad["frame"] = bad["frame"].astype(str)
    bad = bad.merge(ev.drop_duplicates(["doc_id", "sent_id", "frame"]),
                    on=["doc_id", "sent_id", "frame"], how="left")  # fmt: skip
    bad["matches"] = bad["matches"].fillna("")
    src = sentences if sentences is not None else labels
    if "text" in src.columns:
        bad = bad.merge(src[["doc_id", "sent_id", "text"]].drop_duplicates(["doc_id", "sent_id"]),
                        on=["doc_id", "sent_id"], how="left")  # fmt: skip
    else:
        bad["text"] = ""
    cols = ["doc_id", "sent_id", "frame", "error", "matches", "text"]
    order = {f: i for i, f in enumerate(c for c in labels.columns if c not in _LABEL_KEYS)}
    return (
        bad[cols]
        .sort_values(
            ["doc_id", "sent_id", "frame"],
            key=lambda s: s.map(order) if s.name == "frame" else s,
        )
        .reset_index(drop=True)
    )
