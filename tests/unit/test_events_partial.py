"""The events analysis' partial: its totals and the order of the mention rows it keeps."""

from __future__ import annotations

import importlib
from pathlib import Path

import pandas as pd
import pytest

from framelens import corpus, events

M = importlib.import_module("framelens.events.mentions")
A = importlib.import_module("framelens.events.analysis")
DATA = Path(__file__).resolve().parents[1] / "data"

#: sentences with references, claims and words, several of a name and year in a document
TEXTS = [
    "China and Russia held Joint Sea 2013 and Joint Sea-2014. More drills followed, "
    "the third joint patrol and the annual drills.",
    "Vostok 2018 and Vostok-2018 drills. The patrols began for the first time. Drills.",
    "Weather was fine.",
    "Russia and China held joint exercises last year, and Peace Mission drills in 2021. "
    "Drills and exercises, war games and patrols.",
]


def _found(seeds_sentences) -> list[pd.DataFrame]:
    docs = pd.DataFrame(
        {
            "doc_id": [f"t{i}" for i in range(len(TEXTS))],
            "text": TEXTS,
            "published": ["2022-05-01", "", "2020-01-01", "2023-07-09"],
        }
    )
    own = events.mentions(corpus.segment(docs), documents=docs)
    seed = events.mentions(seeds_sentences)
    multi = corpus.segment(corpus.load(DATA / "corpora" / "news_multi" / "articles.csv"))
    return [own, seed, events.mentions(multi), own.iloc[:0], own.iloc[::-1]]


@pytest.mark.parametrize("which", range(5))
def test_totals_are_total_counts_of_the_documents_mention_counts(seeds_sentences, which):
    found = _found(seeds_sentences)[which]
    expected = events.total_counts(events.mention_counts(found, by="document"))
    pd.testing.assert_frame_equal(A._totals(found), expected)
    if which == 0:
        assert found["event_year"].isna().any() and (expected["n"] > 1).any()


def test_mention_rows_come_in_the_order_claims_read_them(seeds_sentences):
    for found in _found(seeds_sentences)[:3]:
        assert len(found)
        pd.testing.assert_frame_equal(M._ordered(found), found)
