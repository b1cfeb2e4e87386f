"""Letters that case-blind regexes take for ASCII ones ("fırst", "Auguſt") break no lookup.

Python's ``re`` with IGNORECASE matches "first" in "fırst" (a dotless i), "August" in
"Auguſt" (a long s) and "k" in the Kelvin sign; the words found were then looked up in
tables of ASCII words, and the lookup raised (a KeyError or an AttributeError from deep
inside). Found by a fuzz of the gold texts with such letters put in at random.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import events
from framelens.events.dates import fold, time_expressions


def _sentences(text: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"doc_id": ["a"], "sent_id": [0], "start": [0], "text": [text], "kind": ["prose"]}
    )


def test_fold_keeps_length_and_case():
    text = "The fırst FİRST drill on Thurſday by the \u212aorean navy"
    assert fold(text) == "The first FIRST drill on Thursday by the Korean navy"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    "text, ordinals",
    [
        ("It was the fırst joint naval patrol.", []),  # a first is a first-time claim
        ("The FİRST joint naval exercise began.", []),
        ("It was the ſecond joint naval exercise.", [2]),
        ("Their thırd joint patrol was held on Thurſday.", [3]),
        ("Two joint exerciſes were held on Auguſt 3, 2021.", []),
        ("The \u212aorean drills began six weeks ago.", []),
    ],
)
def test_mentions_read_them_as_their_ascii_letters(text, ordinals):
    found = events.mentions(_sentences(text))
    claims = found[(found["kind"] == "claim") & (found["type"] == "ordinal")]
    assert claims["ordinal"].astype(int).tolist() == ordinals


def test_time_expressions_read_the_date_and_keep_the_phrase_as_written():
    found = time_expressions("The drills began on Thurſday, Auguſt 3, 2021.")
    dated = [t for t in found if t.kind == "absolute"]
    assert [(t.year, t.month, t.day) for t in dated] == [(2021, 8, 3)]
    assert "Auguſt" in dated[0].phrase
    assert [t.weekday for t in found if t.weekday >= 0] == [3]  # Thursday
