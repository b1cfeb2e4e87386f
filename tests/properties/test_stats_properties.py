"""Invariants of framelens.stats on arbitrary Unicode text (hypothesis)."""

from __future__ import annotations

import math
import warnings

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framelens import corpus, stats
from framelens.errors import FramelensWarning

SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

# Arbitrary Unicode, plus text that looks like news (words, punctuation, hashtags, links)
news_bits = st.sampled_from(
    [
        "China",
        "Russia's",
        "U.S.",
        "drills",
        "the",
        "sea",
        "of",
        "Japan",
        ",",
        ".",
        "!",
        "\n\n",
        "#PLA",
        "@navy",
        "pic.twitter.com/ab1",
        "2024",
        "live-fire",
        "中国",
        "\U0001f6a2",
        " ",
    ]
)
texts = st.one_of(
    st.text(max_size=300),
    st.lists(news_bits, max_size=80).map(" ".join),
)


def _segment(docs: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame({"doc_id": list(docs), "text": list(docs.values())})
    return corpus.segment(frame, abbreviations=[])


def _val(frame, doc_id, measure):
    return frame[(frame.doc_id == doc_id) & (frame.measure == measure)]["value"].iloc[0]


@SETTINGS
@given(text=texts)
def test_any_text_never_raises_and_counts_are_consistent(text):
    s = _segment({"d": text})
    ds = stats.document_stats(s, include_embeds=True)
    with warnings.catch_warnings():  # no hit warns, and random text often has none
        warnings.simplefilter("ignore", FramelensWarning)
        kw = stats.kwic(s, ["c*", "the sea"], window=3)
        stats.kwic(s, r"\w+", mode="regex")
    tc = stats.term_counts(s, n=[1, 2], include_embeds=True)
    stats.top_terms(tc)
    stats.collocations(tc, min_freq=1)
    stats.actor_counts(s, include_embeds=True)
    stats.sentence_lengths(s, include_embeds=True)
    assert list(kw.columns) == stats.KWIC_COLUMNS
    if len(s):
        words = _val(ds, "d", "words")
        assert _val(ds, "d", "types") <= words
        assert tc.loc[tc.n == 1, "count"].sum() == words
        assert stats.sentence_lengths(s, include_embeds=True)["words"].sum() == words
        assert _val(ds, "d", "sentences") == len(s)
        for m in ["ttr", "mattr", "mtld", "hdd"]:
            v = _val(ds, "d", m)
            assert math.isnan(v) or v > 0
        assert (_val(ds, "d", "ttr") <= 1) or words == 0
        # possessives are split off terms; the term total still equals the word count
        assert not any(w.endswith("'s") for t in tc["term"] for w in t.split(" "))
        # prose + embeds = everything, for hashtags, mentions and links
        prose = stats.counts(s)
        for m in ["hashtags", "mentions", "links"]:
            assert _val(prose, "d", m) + _val(prose, "d", f"embed_{m}") == _val(ds, "d", m)
    else:
        assert ds.empty


@SETTINGS
@given(docs=st.lists(texts, min_size=1, max_size=4))
def test_sum_over_documents_equals_corpus_total(docs):
    named = {f"d{i}": t for i, t in enumerate(docs)}
    s = _segment(named)
    together = stats.counts(s, include_embeds=True)
    alone = pd.concat(
        [stats.counts(s[s.doc_id == d], include_embeds=True) for d in sorted(set(s.doc_id))]
        + [together.iloc[:0]],
        ignore_index=True,
    )
    pd.testing.assert_frame_equal(together, alone)
    tc = stats.term_counts(s, include_embeds=True)
    words = together[together.measure == "words"]["value"].sum()
    assert tc["count"].sum() == words
    # types of the corpus are at most the sum of types of its documents
    corpus_types = tc["term"].nunique()
    assert corpus_types <= together[together.measure == "types"]["value"].sum()
