"""document_stats tells English prose from the share of function words of every document at once."""

import numpy as np

from framelens.sentiment.score import ENGLISH_MARKERS, english_share
from framelens.stats.measures import _english, _Texts


def test_english_of_many_texts_is_english_share_of_each():
    rng = np.random.default_rng(8)
    markers = sorted(ENGLISH_MARKERS)[:30]
    other = [f"wort{i}" for i in range(60)]
    texts = [[], ["the"], ["die"] * 25, ["the"] + ["die"] * 24]
    for n in (5, 19, 20, 21, 40, 300):
        for p in (0.0, 0.03, 0.05, 0.2):
            words = [markers if rng.random() < p else other for _ in range(n)]
            texts.append([w[int(rng.integers(0, 30))] for w in words])
    share, low = _english(_Texts(texts))
    assert len(share) == len(low) == len(texts)
    for words, s, lo in zip(texts, share, low, strict=True):
        assert (s, lo) == english_share(words)
    assert any(low) and not all(low)
