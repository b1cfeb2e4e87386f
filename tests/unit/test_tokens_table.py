"""A token table passed back in (sorted, or read from a file) is read by its offsets."""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import corpus, framing, stats
from framelens.errors import ParameterError

TEXT = "The live-fire drills raised tensions. China and Russia held a show of force."


def _sentences(text: str = TEXT) -> pd.DataFrame:
    return corpus.segment(pd.DataFrame({"doc_id": ["a"], "text": [text]}))


def test_a_table_in_another_row_order_gives_the_same_results() -> None:
    s = _sentences()
    t = corpus.tokenize(s)
    shuffled = t.sort_values("token")
    pd.testing.assert_frame_equal(
        stats.term_counts(s, n=2, tokens=shuffled), stats.term_counts(s, n=2)
    )
    pd.testing.assert_frame_equal(
        framing.match(s, "security", tokens=shuffled), framing.match(s, "security")
    )


def test_the_table_of_another_corpus_is_refused() -> None:
    s = _sentences()
    other = corpus.tokenize(_sentences("Peace and friendship. Cooperation deepened today."))
    with pytest.raises(ParameterError, match="not of these sentences"):
        stats.document_stats(s, tokens=other)
