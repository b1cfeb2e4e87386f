"""A second lexicon (Pattern, via TextBlob) and human ratings beside VADER."""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import pandas as pd

from .. import resources
from ..errors import InputError, ParameterError
from ..params import check_columns, check_int
from .columns import EVALUATE_COLUMNS, PATTERN_COLUMNS, _typed
from .score import _as_text, _check_thresholds, _labels, score_documents


@cache
def _pattern():
    resources.require("textblob_en_sentiment")
    from textblob.en import sentiment as pattern_sentiment

    return pattern_sentiment


def pattern_scores(
    sentences: pd.DataFrame,
    *,
    pos_threshold: float = 0.05,
    neg_threshold: float = -0.05,
) -> pd.DataFrame:
    """Score sentences with TextBlob's Pattern analyzer, the second lexicon.

    Pattern (De Smedt & Daelemans 2012; TextBlob's ``PatternAnalyzer``) averages the
    polarity of adjectives from its own lexicon (``en-sentiment.xml``, shipped inside
    TextBlob: no download), with negation and intensifiers. It is a robustness check:
    a different lexicon built a different way.

    Parameters
    ----------
    sentences
        The sentences frame (``doc_id, sent_id, text``; ``kind`` is kept if present,
        else ``"prose"``); any subset of a corpus.
    pos_threshold, neg_threshold
        ``polarity >= pos_threshold`` is ``"positive"``, ``<= neg_threshold`` is
        ``"negative"``, else ``"neutral"``: each from -1 to 1, ``neg_threshold`` not
        above ``pos_threshold`` (default 0.05 and -0.05, as for :func:`score`).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, kind, polarity`` (-1 … +1), ``subjectivity`` (0 … 1),
        ``label`` (same thresholds as VADER's; ``unscored`` for empty text) and
        ``drivers`` (the assessed words or phrases with their polarity), sorted by
        ``doc_id, sent_id``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["A terrible plan."]})
    >>> pattern_scores(s)[["polarity", "label", "drivers"]].values.tolist()
    [[-1.0, 'negative', 'terrible -1']]
    """
    check_columns("sentences", sentences, ["doc_id", "sent_id", "text"])
    pos_threshold, neg_threshold = _check_thresholds(pos_threshold, neg_threshold)
    analyse = _pattern()
    frame = sentences.sort_values(["doc_id", "sent_id"], kind="stable").reset_index(drop=True)
    pol, subj, drivers = [], [], []
    for text in frame["text"]:
        text = _as_text(text)
        if not text.strip():
            pol.append(float("nan"))
            subj.append(float("nan"))
            drivers.append("")
            continue
        result = analyse(text)
        pol.append(float(result[0]))
        subj.append(float(result[1]))
        drivers.append(
            "; ".join(f"{' '.join(words)} {p:.3g}" for words, p, _s, _l in result.assessments)
        )
    polarity = np.asarray(pol, dtype="float64")
    return pd.DataFrame(
        {
            "doc_id": frame["doc_id"].astype(str),
            "sent_id": frame["sent_id"].astype("int64"),
            "kind": frame["kind"].astype(str) if "kind" in frame.columns else "prose",
            "polarity": polarity,
            "subjectivity": np.asarray(subj, dtype="float64"),
            "label": _labels(polarity, pos_threshold, neg_threshold).astype(object),
            "drivers": drivers,
        }
    )[PATTERN_COLUMNS].pipe(_typed)


def _paired(vader: pd.DataFrame, pattern: pd.DataFrame) -> pd.DataFrame:
    check_columns("vader", vader, ["doc_id", "sent_id", "compound", "label"])
    check_columns("pattern", pattern, ["doc_id", "sent_id", "polarity", "label"])
    cols = ["doc_id", "sent_id"] + [c for c in ("kind", "text") if c in vader.columns]
    left = vader[[*cols, "compound", "label", "drivers"]].rename(
        columns={"label": "vader_label", "drivers": "vader_drivers"}
    )
    right = pattern[["doc_id", "sent_id", "polarity", "label", "drivers"]].rename(
        columns={"label": "pattern_label", "drivers": "pattern_drivers"}
    )
    both = left.merge(right, on=["doc_id", "sent_id"], how="inner")
    return both[both["compound"].notna() & both["polarity"].notna()]


def agreement(vader: pd.DataFrame, pattern: pd.DataFrame) -> pd.DataFrame:
    """How far VADER and Pattern agree, sentence by sentence.

    Parameters
    ----------
    vader
        Rows of :func:`score` (``doc_id, sent_id, compound, label, drivers``; ``kind``
        and ``text`` if present).
    pattern
        Rows of :func:`pattern_scores` for the same sentences. Only the sentences both
        scored (matched on ``doc_id, sent_id``) count.

    Returns
    -------
    pandas.DataFrame
        One row: ``n`` (sentences both scored), ``spearman_rho`` and ``spearman_p``
        (rank correlation of compound and polarity; NaN with fewer than 3 sentences or a
        constant score), ``label_agreement`` (share of sentences with the same label),
        ``cohen_kappa`` (label agreement beyond chance) and ``note``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"] * 3, "sent_id": [0, 1, 2],
    ...                   "text": ["A terrible plan.", "A good plan.", "A plan."]})
    >>> a = agreement(score(s), pattern_scores(s))
    >>> int(a["n"][0]), float(a["spearman_rho"][0]), float(a["label_agreement"][0])
    (3, 1.0, 1.0)
    """
    from scipy import stats

    both = _paired(vader, pattern)
    n = len(both)
    rho = p = kappa = float("nan")
    note = ""
    if n < 3:
        note = f"only {n} sentence(s) scored by both: no correlation"
    elif both["compound"].nunique() < 2 or both["polarity"].nunique() < 2:
        note = "one method gives the same score to every sentence: no correlation"
    else:
        res = stats.spearmanr(both["compound"], both["polarity"])
        rho, p = float(res.statistic), float(res.pvalue)
    agree = float((both["vader_label"] == both["pattern_label"]).mean()) if n else float("nan")
    if n:
        labels = sorted(set(both["vader_label"]) | set(both["pattern_label"]))
        pe = sum(
            (both["vader_label"] == lab).mean() * (both["pattern_label"] == lab).mean()
            for lab in labels
        )
        kappa = float((agree - pe) / (1 - pe)) if pe < 1 else float("nan")
    return _typed(
        pd.DataFrame(
            [
                {
                    "n": n,
                    "spearman_rho": rho,
                    "spearman_p": p,
                    "label_agreement": agree,
                    "cohen_kappa": kappa,
                    "note": note,
                }
            ]
        )
    )


def disagreements(vader: pd.DataFrame, pattern: pd.DataFrame, *, top_n: int = 10) -> pd.DataFrame:
    """Return the sentences where VADER and Pattern disagree most, with their evidence.

    Parameters
    ----------
    vader
        Rows of :func:`score` (``doc_id, sent_id, compound, label, drivers``; ``kind``
        and ``text`` if present).
    pattern
        Rows of :func:`pattern_scores` for the same sentences. Only the sentences both
        scored (matched on ``doc_id, sent_id``) count.
    top_n
        How many sentences (a whole number ≥ 1, default 10).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, kind, text, compound, polarity, difference`` (compound −
        polarity, both on -1 … +1), ``vader_label, pattern_label, vader_drivers,
        pattern_drivers``; the ``top_n`` largest ``|difference|`` first (ties by key).
        ``kind`` and ``text`` only when ``vader`` has them.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"] * 2, "sent_id": [0, 1],
    ...                   "text": ["We are not happy.", "A good plan."]})
    >>> disagreements(score(s), pattern_scores(s), top_n=1)["sent_id"].tolist()
    [1]
    """
    top_n = check_int("top_n", top_n, min_value=1)
    both = _paired(vader, pattern).copy()
    both["difference"] = both["compound"] - both["polarity"]
    both["_abs"] = both["difference"].abs()
    both = both.sort_values(["_abs", "doc_id", "sent_id"], ascending=[False, True, True])
    cols = [
        c
        for c in (
            "doc_id",
            "sent_id",
            "kind",
            "text",
            "compound",
            "polarity",
            "difference",
            "vader_label",
            "pattern_label",
            "vader_drivers",
            "pattern_drivers",
        )
        if c in both.columns
    ]
    return _typed(both.head(top_n)[cols].reset_index(drop=True))


def check_ratings(data: pd.DataFrame, ratings_column: str) -> pd.Series:
    """Read a column of human ratings as numbers; any other value is an error naming it.

    Parameters
    ----------
    data
        A frame with ``ratings_column`` (and ``doc_id``, named in the error).
    ratings_column
        The column of ratings: numbers, or text that reads as one; empty is "not rated".

    Returns
    -------
    pandas.Series
        The ratings as floats, NaN where empty.

    Raises
    ------
    InputError
        When a value does not read as a number ("5 stars"), with up to three of them and
        their documents.

    Examples
    --------
    >>> check_ratings(pd.DataFrame({"doc_id": ["a", "b"], "r": ["4", ""]}), "r").tolist()
    [4.0, nan]
    """
    check_columns("data", data, [ratings_column])
    raw = data[ratings_column]
    ratings = pd.to_numeric(raw.map(lambda v: _as_text(v).strip() or None), errors="coerce")
    bad = raw[ratings.isna() & raw.map(lambda v: bool(_as_text(v).strip()))]
    if len(bad):
        where = (
            [
                f"{d}: {v!r}"
                for d, v in zip(data.loc[bad.index, "doc_id"].head(3), bad.head(3), strict=True)
            ]  # fmt: skip
            if "doc_id" in data.columns
            else [repr(v) for v in bad.head(3)]
        )
        raise InputError(
            f"`ratings_column` {ratings_column!r} must hold numbers; {len(bad)} value(s) do not "
            f"read as one, e.g. {', '.join(where)}. Fix them in the corpus, or leave them "
            "empty (not rated)."
        )
    return ratings


def evaluate(
    data: pd.DataFrame,
    ratings_column: str,
    *,
    score_column: str = "document_compound",
) -> pd.DataFrame:
    """Correlate document sentiment with human ratings (validate VADER on your sample).

    Parameters
    ----------
    data
        Either a documents frame (``corpus.load`` of a CSV/JSONL with a ratings column):
        each document's whole text is scored with :func:`score_documents`; or a frame
        that already has ``score_column`` (e.g. the aggregate of :func:`aggregate`
        merged with ratings).
    ratings_column
        The column of human ratings (numbers; text that reads as a number is fine).
    score_column
        The column of scores to use when ``data`` has it.

    Returns
    -------
    pandas.DataFrame
        Two rows, ``measure`` = ``pearson_r`` (95% interval by Fisher's z, as
        ``scipy.stats.pearsonr``) and ``spearman_rho`` (Fisher's z with the
        Fieller–Hartley–Pearson variance 1.06/(n−3)); ``value, ci_low, ci_high,
        p_value, n`` (pairs used) and ``n_dropped`` (rows without a score or a rating).

    Examples
    --------
    >>> d = pd.DataFrame({"doc_id": list("abcd"), "rating": ["2", "-2", "0.5", "-1"],
    ...                   "text": ["Great!", "Awful.", "Fine.", "Sad."]})
    >>> evaluate(d, "rating")[["measure", "value", "n"]].round(3).values.tolist()
    [['pearson_r', 0.969, 4], ['spearman_rho', 0.8, 4]]
    """
    from scipy import stats

    if not isinstance(data, pd.DataFrame):
        raise ParameterError(f"`data` must be a DataFrame, but {type(data).__name__} was passed.")
    if not isinstance(ratings_column, str) or ratings_column not in data.columns:
        raise ParameterError(
            f"`ratings_column` {ratings_column!r} is not a column; the columns are "
            f"{[c for c in data.columns if c != 'text']}."
        )
    if score_column in data.columns:
        frame = data
    elif "text" in data.columns and "doc_id" in data.columns:
        scored = score_documents(data)[["doc_id", "compound"]].rename(
            columns={"compound": score_column}
        )
        frame = data[["doc_id", ratings_column]].merge(scored, on="doc_id", how="left")
    else:
        raise ParameterError(
            f"`data` has neither a {score_column!r} column nor the documents columns "
            f"'doc_id' and 'text'; it has {list(data.columns)}."
        )
    ratings = check_ratings(frame, ratings_column)
    scores_ = pd.to_numeric(frame[score_column], errors="coerce")
    ok = ratings.notna() & scores_.notna()
    x = scores_[ok].to_numpy(dtype="float64")
    y = ratings[ok].to_numpy(dtype="float64")
    n = int(ok.sum())
    dropped = int(len(frame) - n)
    nan = float("nan")
    rows = []
    if n < 4 or np.ptp(x) == 0 or np.ptp(y) == 0:
        for m in ("pearson_r", "spearman_rho"):
            rows.append((m, nan, nan, nan, nan, n, dropped))
    else:
        pr = stats.pearsonr(x, y)
        ci = pr.confidence_interval(0.95)
        rows.append(
            ("pearson_r", float(pr.statistic), ci.low, ci.high, float(pr.pvalue), n, dropped)
        )
        sr = stats.spearmanr(x, y)
        rho = float(sr.statistic)
        if n > 3 and abs(rho) < 1:
            z, se = math.atanh(rho), math.sqrt(1.06 / (n - 3))
            lo, hi = math.tanh(z - 1.96 * se), math.tanh(z + 1.96 * se)
        else:
            lo = hi = rho
        rows.append(("spearman_rho", rho, lo, hi, float(sr.pvalue), n, dropped))
    out = pd.DataFrame(rows, columns=EVALUATE_COLUMNS)
    return _typed(out)
