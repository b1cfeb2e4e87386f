"""The whole-corpus tables honour the notebooks' options, as the step-by-step tables do.

``scale.analyse`` had fixed n-grams (1, 2), 50 terms, collocations seen twice, no
stopwords, VADER's thresholds and the bootstrap's defaults: ``-p top_n 5`` or
``-p pos_threshold 0.5`` changed the notebooks' tables and left every ``scale_*`` table
as it was, the only tables on Dask that cover every document.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import corpus, scale, sentiment, stats
from framelens.errors import ParameterError

from ..conftest import DATA

OPTIONS = {
    "top_n": 5,
    "ngram_n": 3,
    "min_freq": 3,
    "keep_stopwords": True,
    "mattr_window": 20,
    "mtld_threshold": 0.6,
    "hdd_draws": 30,
}


@pytest.fixture(scope="module")
def docs() -> pd.DataFrame:
    return corpus.load(DATA / "corpora" / "news_multi" / "articles.csv")


def _rows(frame: pd.DataFrame, cols: list[str]) -> list:
    return frame[cols].sort_values(cols).values.tolist()


def test_stats_options_reach_the_whole_corpus_tables(docs):
    got = scale.analyse(docs, analyses=["stats"], partition_size=2, **OPTIONS)
    sentences = corpus.segment(docs)
    counts = stats.term_counts(sentences, n=[1, 2, 3])
    want_terms = pd.concat(
        [
            stats.top_terms(counts, n=1, top_n=5, keep_stopwords=True),
            stats.top_terms(counts, n=3, top_n=5, keep_stopwords=True),
        ]
    )
    cols = ["n", "term", "count", "documents"]
    assert _rows(got["top_terms"], cols) == _rows(want_terms, cols)
    assert set(got["top_terms"]["term"]) & {"the", "of", "and"}  # stopwords kept
    want_colloc = stats.collocations(counts, min_freq=3, keep_stopwords=True, top_n=5)
    assert got["collocations"]["bigram"].tolist() == want_colloc["bigram"].tolist()
    want_docs = stats.document_stats(sentences, window=20, threshold=0.6, draws=30)
    keys = ["doc_id", "family", "measure"]
    merged = want_docs.merge(got["document_stats"], on=keys, suffixes=("_w", "_g"))
    assert len(merged) == len(want_docs)
    assert (merged["value_w"].fillna(-1) - merged["value_g"].fillna(-1)).abs().max() < 1e-9


def test_the_defaults_are_unchanged(docs):
    got = scale.analyse(docs, analyses=["stats"])
    assert set(got["top_terms"]["n"]) == {1}
    assert not set(got["top_terms"]["term"]) & {"the", "of", "and"}


def test_sentiment_thresholds_and_bootstrap_reach_the_whole_corpus_tables(docs):
    got = scale.analyse(
        docs, analyses=["sentiment"], pos_threshold=0.5, neg_threshold=-0.5, seed=3, n_boot=500
    )
    scores = sentiment.score(corpus.segment(docs), pos_threshold=0.5, neg_threshold=-0.5)
    prose = scores[scores["kind"] == "prose"]
    assert got["sentiment_corpus"]["share_pos"].iloc[0] == pytest.approx(
        (prose["label"] == "positive").sum() / prose["compound"].notna().sum()
    )
    want = sentiment.aggregate(scores, level="document", seed=3, n_boot=500)
    merged = want.merge(got["sentiment_documents"], on="doc_id", suffixes=("_w", "_g"))
    for col in ("ci_low", "ci_high", "share_pos"):
        diff = (merged[f"{col}_w"].fillna(9) - merged[f"{col}_g"].fillna(9)).abs().max()
        assert diff < 1e-12, col


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"top_n": 0}, r"top_n"),
        ({"ngram_n": 9}, r"ngram_n"),
        ({"keep_stopwords": "yes"}, r"keep_stopwords"),
        ({"pos_threshold": 0.1, "neg_threshold": 0.2}, r"neg_threshold.*above `pos_threshold`"),
        ({"n_boot": 10}, r"n_boot"),
    ],
)
def test_bad_option_values_are_named(docs, options, message):
    with pytest.raises(ParameterError, match=message):
        scale.analyse(docs.head(2), **options)


@pytest.mark.parametrize(
    ("name", "told"),
    [
        ("extra_actors", r"gazetteer=gazetteer\.load_gazetteer\(extra_actors\)"),
        ("extra_cues", r"dictionary=framing\.extend\(dictionary, extra_cues\)"),
        ("cue_context", r"frame_context=cue_context"),
        ("keyness_min_documents", r"min_documents=keyness_min_documents"),
    ],
)
def test_a_notebook_parameter_name_says_the_options_name(docs, name, told):
    with pytest.raises(ParameterError, match=rf"`{name}` is not an option .*pass {told}"):
        scale.analyse(docs.head(2), **{name: 1})
