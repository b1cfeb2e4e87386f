"""A table of the wrong kind is refused by name, never with a KeyError from pandas.

Each public function below read a column of its table without checking it: given the
documents or sentences frame by mistake (the commonest slip in a notebook), it failed deep
inside pandas, or, for the diversity measures, measured the wrong thing without a word.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import corpus, framing, gold, plots, stats
from framelens.errors import ParameterError
from framelens.params import frame_kind

DOCS = pd.DataFrame(
    {
        "doc_id": ["a", "b"],
        "title": ["", ""],
        "text": ["The navy held drills. Ships sailed.", "Russia and China patrolled."],
    }
)


@pytest.fixture(scope="module")
def sentences() -> pd.DataFrame:
    return corpus.segment(DOCS)


@pytest.fixture(scope="module")
def tokens(sentences) -> pd.DataFrame:
    return corpus.tokenize(sentences)


CASES = [
    # (function, the kind passed, what the message must name)
    (plots.corpus_structure, "documents", "framelens.corpus.segment"),
    (stats.top_terms, "sentences", "framelens.stats.term_counts"),
    (stats.plot_top_terms, "sentences", "framelens.stats.top_terms"),
    (stats.plot_sentence_lengths, "documents", "framelens.stats.sentence_lengths"),
    (stats.plot_dispersion, "sentences", "framelens.stats.dispersion"),
    (stats.plot_actor_mentions, "tokens", "framelens.stats.actor_counts"),
    (stats.plot_keyness, "sentences", "framelens.stats.keyness"),
    (stats.plot_keyness_groups, "documents", "framelens.stats.keyness"),
    (framing.topic_fit, "tokens", "`documents`"),
    (corpus.learn_abbreviations, "tokens", "`documents`"),
    (gold.halves, "documents", "outlet_group"),
]


@pytest.mark.parametrize(("function", "kind", "named"), CASES, ids=[c[0].__name__ for c in CASES])
def test_a_table_of_the_wrong_kind_is_named(function, kind, named, sentences, tokens):
    table = {"documents": DOCS, "sentences": sentences, "tokens": tokens}[kind]
    with pytest.raises(ParameterError) as err:
        function(table)
    message = str(err.value)
    assert named in message
    # the message says what was passed when it is one of the corpus frames
    assert f"it looks like the {kind} frame" in message


def test_frame_kind_tells_the_three_corpus_frames_apart(sentences, tokens):
    assert frame_kind(DOCS) == "the documents frame (framelens.corpus.load)"
    assert frame_kind(sentences) == "the sentences frame (framelens.corpus.segment)"
    assert frame_kind(tokens) == "the tokens frame (framelens.corpus.tokenize)"
    assert frame_kind(pd.DataFrame({"term": ["navy"]})) is None
    assert frame_kind(["not", "a", "frame"]) is None


def test_a_frame_of_the_expected_kind_missing_a_column_is_not_called_another_kind(sentences):
    # a self-built sentences frame without para_id: the message must not say it "looks
    # like the sentences frame" as if that were the mistake
    with pytest.raises(ParameterError) as err:
        plots.corpus_structure(sentences.drop(columns=["para_id"]))
    assert "looks like" not in str(err.value)
    assert "['para_id']" in str(err.value)
    assert "framelens.corpus.segment" in str(err.value)


@pytest.mark.parametrize("measure", [stats.ttr, stats.mattr, stats.mtld, stats.hdd])
def test_diversity_measures_refuse_a_text_and_a_table(measure, tokens):
    # a str iterates over characters and a DataFrame over column names: both gave a
    # number for the wrong thing
    with pytest.raises(ParameterError, match="a str was passed"):
        measure("the ships and the planes " * 20)
    with pytest.raises(ParameterError, match="a DataFrame was passed"):
        measure(tokens)
    # a list or a Series of words is measured
    words = tokens["lower"].tolist() * 30
    assert measure(words) == measure(pd.Series(words))


def test_an_empty_keyness_table_is_still_drawn_with_its_note():
    # keyness of fewer than two groups is an empty table; its plot says so, unchecked
    ax = stats.plot_keyness(pd.DataFrame())
    assert ax.get_title()
