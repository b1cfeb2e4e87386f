"""Collocations split the bigrams and look their words up with pyarrow, all at once."""

import math

import numpy as np
import pandas as pd
import pytest

from framelens import resources
from framelens.stats import collocations
from framelens.stats.vocabulary import _bigram_words, _likelihood_ratio


def test_bigram_words_are_the_two_sides_of_the_space():
    names = pd.Index(["joint drills", "u.s. navy", "china's ships", "a b"], dtype="str")
    first, second = _bigram_words(names)
    assert first.to_pylist() == ["joint", "u.s.", "china's", "a"]
    assert second.to_pylist() == ["drills", "navy", "ships", "b"]
    empty = _bigram_words(pd.Index([], dtype="str"))
    assert [len(w) for w in empty] == [0, 0]
    with pytest.raises(ValueError, match="two words"):
        _bigram_words(pd.Index(["a b c"], dtype="str"))


def _old_collocations(tc, min_freq, keep_stopwords, top_n):
    """The loop over the bigrams that collocations replaced, for comparison."""
    uni = tc[tc["n"] == 1].groupby("term")["count"].sum()
    bi = tc[tc["n"] == 2].groupby("term")["count"].sum()
    words = dict(zip(uni.index.tolist(), uni.astype(int).tolist(), strict=True))
    n_all = sum(words.values())
    stop = frozenset() if keep_stopwords else resources.stopwords()
    rows = []
    for term, c in zip(bi.index.tolist(), bi.astype(int).tolist(), strict=True):
        w1, w2 = term.split(" ")
        if c >= min_freq and w1 not in stop and w2 not in stop:
            n1, n2 = words.get(w1, 0), words.get(w2, 0)
            lr = _likelihood_ratio(c, n1, n2, n_all) if n_all - n1 - n2 + c >= 0 else math.nan
            rows.append((term, lr))
    rows.sort(key=lambda r: (-r[1] if r[1] == r[1] else math.inf, r[0]))
    return rows[:top_n]


def test_collocations_rank_the_bigrams_as_the_loop_did():
    rng = np.random.default_rng(4)
    vocab = ["the", "navy", "drills", "of", "joint", "sea", "ships", "and", "china's", "u.s."]
    rows = []
    for d in range(30):
        text = [vocab[i] for i in rng.integers(0, len(vocab), 40)]
        for w in text:
            rows.append((f"d{d}", 1, w, 1))
        for a, b in zip(text, text[1:], strict=False):
            rows.append((f"d{d}", 2, f"{a} {b}", 1))
    tc = pd.DataFrame(rows, columns=["doc_id", "n", "term", "count"])
    for min_freq in (1, 5):
        for keep in (False, True):
            for top_n in (1, 10, 200):
                got = collocations(tc, min_freq=min_freq, keep_stopwords=keep, top_n=top_n)
                want = _old_collocations(tc, min_freq, keep, top_n)
                assert got["bigram"].tolist() == [t for t, _ in want]
                assert got["likelihood_ratio"].tolist() == [lr for _, lr in want]


def test_increasing_is_sorted_and_unique_as_pandas_says():
    from framelens.stats.vocabulary import _increasing

    cases = [
        [],
        ["a"],
        ["a", "b", "c"],
        ["a", "a", "b"],
        ["b", "a"],
        ["a", None, "b"],
        ["a", float("nan")],
        ["a b", "a", "ab"],
        ["Zeta", "alpha", "ä", "é", "中"],
        ["é", "e"],
        [1, 2, 3],
        [1, "a"],
    ]
    for values in cases:
        for dtype in (object, "str"):
            if dtype == "str" and any(not isinstance(v, str) for v in values):
                continue
            series = pd.Series(values, dtype=dtype)
            index = pd.Index(series)
            want = bool(index.is_monotonic_increasing and index.is_unique and not index.hasnans)
            assert _increasing(series) == want, (values, dtype)
