"""The small helpers the tone step's speed-ups added return what NLTK and the API do."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from framelens.sentiment.aggregate import _units, _values, unit_values
from framelens.sentiment.vader import _analyzer, _cap_diff, _engine


def _nltk_cap_diff(words: list[str]) -> bool:
    """NLTK's allcap_differential, as its VADER writes it."""
    upper = sum(1 for w in words if w.isupper())
    return 0 < len(words) - upper < len(words)


def test_cap_diff_is_nltks_allcap_differential():
    assert _cap_diff(["GOOD", "news"])
    assert not _cap_diff(["GOOD", "NEWS"])
    assert not _cap_diff(["good", "news"])
    assert not _cap_diff([])
    rng = random.Random(3)
    for _ in range(2000):
        words = [rng.choice(["US", "NATO", "good", "Bad", "12", ":)", "OK!"]) for _ in range(5)]
        words = words[: rng.randint(0, 5)]
        assert _cap_diff(words) == _nltk_cap_diff(words)


@pytest.mark.parametrize("valence", [1.9, -1.4])
@pytest.mark.parametrize("back", [1, 2, 3])
@pytest.mark.parametrize(("word", "caps"), [("very", False), ("VERY", True), ("VERY", False)])
def test_degree_is_nltks_scalar_inc_dec_scaled_by_reach(valence, back, word, caps):
    engine, constants = _engine(), _analyzer().constants
    # a text whose cap differential is ``caps``: the rated word in lower case, or not
    words = [word, "good" if caps or not word.isupper() else "GOOD"]
    assert _cap_diff(words) == caps
    notes: list[str] = []
    got = engine._degree(valence, word, word.lower(), caps, back, notes, True)
    want = constants.scalar_inc_dec(word, valence, _cap_diff(words))
    want = want * 0.95 if back == 2 else want * 0.9 if back == 3 else want
    assert got == want
    assert notes == [f"'{word.lower()}' {want:+.2f}"]


def test_values_are_unit_values_of_the_units():
    scores = pd.DataFrame(
        {
            "doc_id": ["b", "a", "a", "b", "a"],
            "sent_id": [1, 2, 0, 0, 1],
            "kind": ["prose", "prose", "embed", "prose", "prose"],
            "compound": [0.5, np.nan, 0.1, -0.2, 0.3],
            "label": ["positive", "unscored", "positive", "negative", "positive"],
        }
    )
    got = _values(_units(scores, "document", None, None, False), ["doc_id"])
    assert got[["doc_id", "sent_id", "compound"]].values.tolist() == [
        ["a", 1, 0.3],
        ["b", 0, -0.2],
        ["b", 1, 0.5],
    ]
    pd.testing.assert_frame_equal(got, unit_values(scores, level="document"))
