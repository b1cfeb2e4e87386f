"""The corpus's and the groups' tone counts summed from the documents' counts."""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import corpus
from framelens.sentiment import aggregate_counts, score
from framelens.sentiment.aggregate import rollup_counts


@pytest.fixture(scope="module")
def scored(seeds_documents):
    extra = pd.DataFrame(
        {
            "doc_id": ["x", "y", "z", "w"],
            "text": [
                "Good news. Bad news! Terrible.",
                "12:30",  # nothing to score: unscored only
                "\u4e2d\u56fd\u548c\u4fc4\u7f57\u65af\u4e3e\u884c\u8054\u5408\u6f14\u4e60\u3002",
                "Fine.\n\n\u2014 China Daily (@ChinaDaily) September 10, 2024",
            ],
            "source": ["a", "b", "a", ""],
            "published": "",
        }
    )
    docs = pd.concat([seeds_documents, extra], ignore_index=True)
    with pytest.warns(Warning):
        scores = score(corpus.segment(docs))
    return docs, scores


@pytest.mark.parametrize("include_embeds", [False, True])
def test_rollup_equals_the_counts_of_the_sentences(scored, include_embeds):
    docs, scores = scored
    documents = aggregate_counts(scores, level="document", include_embeds=include_embeds)
    pd.testing.assert_frame_equal(
        rollup_counts(documents),
        aggregate_counts(scores, level="corpus", include_embeds=include_embeds),
        rtol=1e-12,
    )
    # "w" has no label: left out, as aggregate_counts leaves it out
    labels = pd.DataFrame({"doc_id": docs["doc_id"].iloc[:-1], "group": ["s", "a", "b", "a"]})
    pd.testing.assert_frame_equal(
        rollup_counts(documents, labels),
        aggregate_counts(scores, level="group", labels=labels, include_embeds=include_embeds),
        rtol=1e-12,
    )


def test_rollup_of_nothing_has_the_columns(scored):
    _, scores = scored
    documents = aggregate_counts(scores.iloc[:0], level="document")
    assert list(rollup_counts(documents).columns) == list(
        aggregate_counts(scores.iloc[:0], level="corpus").columns
    )
