"""Tone and frame shares per group over the whole corpus, from the engine's summed counts.

On Dask the notebooks' step-by-step sections read a sample; the engine's group tables
are the comparison over every document. They must give the notebooks' own group numbers
(means, shares, counts) on the same corpus, whatever the chunks.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from framelens import corpus, framing, groups, scale, sentiment
from framelens.errors import FramelensWarning, ParameterError

from ..conftest import DATA

NEWS = DATA / "corpora" / "news_multi" / "articles.csv"


@pytest.fixture(scope="module")
def docs() -> pd.DataFrame:
    return corpus.load(NEWS)


def _local(docs: pd.DataFrame, group_by: str, period: str | None):
    """The notebooks' group tables: 02's sentiment groups and 03's frame groups."""
    d = groups.with_period(docs, group_by, period)
    sentences = corpus.segment(d)
    tone = sentiment.aggregate(
        sentiment.score(sentences), level="group", documents=d, group_by=group_by
    )
    dictionary = framing.load_dictionary("security")
    prose = sentences[sentences["kind"] == "prose"]
    counts = framing.profile_counts(prose, framing.match(prose, dictionary), dictionary)
    frames = framing.profile(counts, documents=d, by=group_by).rename(columns={group_by: "group"})
    return tone, frames


def _assert_close(a: pd.DataFrame, b: pd.DataFrame, keys: list[str], columns: list[str]) -> None:
    merged = a.merge(b, on=keys, suffixes=("_nb", "_scale"), how="outer", indicator=True)
    assert (merged["_merge"] == "both").all(), merged[merged["_merge"] != "both"][keys]
    for c in columns:
        np.testing.assert_allclose(
            merged[f"{c}_nb"].astype(float),
            merged[f"{c}_scale"].astype(float),
            rtol=1e-9,
            atol=1e-12,
            err_msg=c,
        )


@pytest.mark.parametrize(("group_by", "period"), [("outlet_group", None), ("published", "year")])
def test_group_tables_equal_the_notebooks_whatever_the_chunks(docs, group_by, period):
    tone, frames = _local(docs, group_by, period)
    assert len(tone) >= 4 and len(frames) >= 4 * 6
    for size in (7, 500):  # many partitions, then one
        result = scale.analyse(docs, group_by=group_by, period=period, partition_size=size)
        _assert_close(
            tone,
            result["sentiment_groups"],
            ["group"],
            ["n_sentences", "n_documents", "mean_compound", "share_pos", "share_neg", "n_unscored"],
        )
        _assert_close(
            frames,
            result["frame_groups"],
            ["group", "frame", "dictionary"],
            ["n_sentences", "n_frame_sentences", "n_strong_sentences", "share_sentences",
             "share_strong", "n_hits", "n_words", "hits_per_1000_words", "n_documents"],
        )  # fmt: skip
    # every group's shares say how many articles they rest on
    sizes = groups.with_period(docs, group_by, period).groupby(group_by).size()
    per_group = frames.groupby("group")["n_documents"].first()
    assert per_group.to_dict() == {str(k): v for k, v in sizes.items()}
    # the interval is the clustered one of the summed counts (the corpus table's method)
    by_group = result["sentiment_groups"].set_index("group")
    if period is None:  # 6 documents a group: an interval each
        assert by_group["ci_low"].notna().all()
        assert by_group["ci_method"].str.contains("clustered by document").all()
        assert (by_group["ci_low"] < by_group["mean_compound"]).all()


def test_without_group_by_there_are_no_group_tables(docs):
    result = scale.analyse(docs.head(10), analyses=["sentiment", "framing"])
    assert "sentiment_groups" not in result and "frame_groups" not in result


def test_period_is_an_option_of_every_analysis_and_checked_in_the_driver(docs):
    one = scale.analyse(docs.head(12), analyses=["sentiment"], group_by="published", period="year")
    assert one["sentiment_groups"]["group"].str.fullmatch(r"\d{4}").all()
    with pytest.raises(ParameterError, match="`period` 'year' groups the dates of the `group_by`"):
        scale.analyse(docs.head(3), analyses=["framing"], period="year")
    with pytest.raises(ParameterError, match="period"):
        scale.analyse(docs.head(3), analyses=["framing"], group_by="published", period="week")


@pytest.mark.parametrize("size", [500, 3, 1])
def test_group_labels_warn_once_for_the_corpus_whatever_the_chunks(docs, size):
    """One warning about labels alike, not one for each analysis or chunk, and none lost
    when the two spellings fall in different chunks."""
    alike = docs.head(10).copy()
    alike["outlet"] = ["BBC", "bbc "] * 5
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = scale.analyse(alike, group_by="outlet", partition_size=size)
    named = [
        w
        for w in caught
        if issubclass(w.category, FramelensWarning) and "differ only in case" in str(w.message)
    ]
    assert len(named) == 1, [str(w.message) for w in named]
    assert sorted(result["sentiment_groups"]["group"]) == ["BBC", "bbc "]
    assert sorted(result["frame_groups"]["group"].unique()) == ["BBC", "bbc "]


def test_a_chunk_of_unreadable_dates_is_no_error_when_the_corpus_has_dates():
    """By year, a chunk holding only '04/03/2021' refused the whole run (partition_size 1)."""
    d = pd.DataFrame({"doc_id": list("abc"), "text": ["Good news.", "Bad news.", "Fine."],
                      "published": ["2021-03-04", "2021-05-06", "04/03/2021"]})  # fmt: skip
    tables = []
    for size in (500, 2, 1):
        with pytest.warns(FramelensWarning, match="1 of 3 dated document"):
            r = scale.analyse(d, analyses=["sentiment"], group_by="published", period="year",
                              partition_size=size)  # fmt: skip
        tables.append(r["sentiment_groups"])
    for t in tables[1:]:
        pd.testing.assert_frame_equal(t, tables[0])
    assert sorted(tables[0]["group"]) == ["(missing)", "2021"]
    with pytest.raises(ParameterError, match="holds no ISO 8601 date"):
        scale.analyse(d.assign(published="04/03/2021"), analyses=["sentiment"],
                      group_by="published", period="year", partition_size=1)  # fmt: skip
