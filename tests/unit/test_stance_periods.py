"""Stance per actor and group: a group of one article gets no interval, as tone's does."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd

from framelens import sentiment, stance

TEXTS = [
    "Japan condemned China over the dangerous drills.",
    "China praised the friendly talks.",
    "Critics blamed China for the attack.",
    "China welcomed the peaceful agreement.",
    "China threatened its neighbours.",
    "China signed a friendly accord.",
]


def _rows() -> pd.DataFrame:
    """Six sentences naming China, all from one article."""
    s = pd.DataFrame({"doc_id": "a", "sent_id": range(len(TEXTS)), "start": 0, "text": TEXTS})
    return stance.stance(sentiment.score(s))


def test_a_group_of_one_article_gets_no_interval_an_actor_of_one_does():
    """China · 2013 (5 sentences, 1 document) had stance and tone intervals."""
    rows = _rows()
    docs = pd.DataFrame({"doc_id": ["a"], "published": ["2013"]})
    grouped = stance.stance_summary(rows, docs, group_by="published", n_boot=200)
    china = grouped[grouped["actor"] == "China"].iloc[0]
    assert (china["n_sentences"], china["n_documents"]) == (6, 1)
    for col in ("stance_ci_low", "stance_ci_high", "tone_ci_low", "tone_ci_high"):
        assert math.isnan(china[col]), col
    # the sentiment table by group follows the same rule
    tone = sentiment.aggregate(
        sentiment.score(pd.DataFrame({"doc_id": "a", "sent_id": range(len(TEXTS)), "text": TEXTS})),
        level="group",
        documents=docs,
        group_by="published",
        n_boot=200,
    )
    assert tone["ci_low"].isna().all()
    # an actor over the whole corpus: one article's sentences still give an interval
    alone = stance.stance_summary(rows, n_boot=200).set_index("actor").loc["China"]
    assert alone["stance_ci_low"] <= alone["mean_stance"] <= alone["stance_ci_high"]
    assert not math.isnan(alone["tone_ci_low"])


def test_the_grouped_figure_draws_no_bar_for_a_group_of_one_article():
    rows = _rows()
    docs = pd.DataFrame({"doc_id": ["a"], "published": ["2013"]})
    grouped = stance.stance_summary(rows, docs, group_by="published", n_boot=200)
    ax = stance.plot_stance(grouped, group_by="published")
    try:
        # an errorbar's bars are LineCollections: every segment has zero width
        for coll in ax.collections:
            for seg in coll.get_segments():
                assert seg[0][0] == seg[-1][0]
        notes = [t.get_text() for t in ax.texts]
        assert notes == ["a point without a bar: 1-4 documents: too few for an interval"]
    finally:
        plt.close(ax.figure)
