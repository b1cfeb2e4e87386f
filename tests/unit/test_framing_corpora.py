"""Framing on corpora the seed never showed: counts of forces ({number}), KWIC, topic, sources."""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import framing
from framelens.errors import InputError

from ..conftest import sents

COUNTS = {
    "name": "counts",
    "categories": {"capability": {"patterns": ["{number} warship*", "{number} troops"]}},
}


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("China sent 19 warships.", "19 warships"),
        ("More than 1,600 troops arrived.", "1,600 troops"),
        ("Russia reported 128.000 troops.", "128.000 troops"),
        ("Two Russian-made warships joined.", "Two Russian-made warships"),
        ("Thousands of Chinese troops took part.", "Thousands of Chinese troops"),
        ("A dozen warships sailed.", "dozen warships"),
        # no count: a date before the noun is cut off by its comma, an ordinal, a decade
        # or a time is not a number, three words between are too many
        ("On Sept. 13, warships sailed.", None),
        ("The 6th troops rotation began.", None),
        ("The 1990s warships were old.", None),
        ("At 10:30 troops moved.", None),
        ("Three big old Chinese warships came.", None),
        ("Five. Warships came.", None),
    ],
)  # fmt: skip
def test_a_count_may_stand_up_to_two_words_before_its_noun(text, term):
    m = framing.match(sents(text), COUNTS)
    if term is None:
        assert m.empty
    else:
        got, span = m["matches"].item().rsplit("@", 1)
        a, b = map(int, span.split("-"))
        assert got == term == text[a:b]


def test_frame_kwic_finds_the_counts_too():
    s = sents("Beijing sent two Chinese warships and 300 troops.", "The 1990s warships were old.")
    k = framing.frame_kwic(s, COUNTS, "capability", window=2)
    assert k[["match", "pattern", "left", "right"]].values.tolist() == [
        ["two Chinese warships", "{number} warship*", "Beijing sent", "and 300"],
        ["300 troops", "{number} troops", "warships and", ". The 1990s"],
    ]
    assert k["match"].tolist() == [
        m.split("@")[0] for m in framing.match(s, COUNTS)["matches"].item().split("; ")
    ]


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("{number}", r"must be followed by a word of the phrase"),
        ("troops {number}", r"must be followed by a word of the phrase"),
        ("x{number} troops", r"must be a word of its own"),
        ("{numbers} troops", r"'\{' is not supported|must be a word of its own|not supported"),
        ("{1,3} troops", r"not supported"),
    ],
)
def test_a_misused_number_part_is_named(pattern, message):
    d = {"name": "bad", "categories": {"x": {"patterns": ["ok", pattern]}}}
    with pytest.raises(InputError, match=message):
        framing.load_dictionary(d)


def test_two_patterns_matching_the_same_words_are_one_kwic_row():
    """ "provocative" was listed twice (provoc*, provocat*), inflating the hit count."""
    s = sents("The drills were provocative.")
    k = framing.frame_kwic(s, "security", "threat")
    assert k[["match", "pattern"]].values.tolist() == [["provocative", "provoc*; provocat*"]]


def test_topic_fit_says_when_a_corpus_is_not_security_news():
    """Reviews got the security dictionary and domain without a word: "Customer service
    was friendly" became cooperation."""
    news = pd.DataFrame({"doc_id": ["a", "b"],
                         "text": ["The navy held drills with Russian troops.",
                                  "NATO said the missile defence patrols go on."]})  # fmt: skip
    assert framing.topic_fit(news).attrs["note"] == ""
    texts = ["Customer service was friendly.", "Great blender.",
             "The security camera and its night drills... fine."]  # fmt: skip
    reviews = pd.DataFrame({"doc_id": ["r1", "r2", "r3"], "text": texts})
    fit = framing.topic_fit(reviews)
    assert fit[["n_topic_words", "on_topic"]].values.tolist() == [[0, False], [0, False],
                                                                   [2, True]]  # fmt: skip
    assert fit.loc[2, "topic_words"] == "drills, security"
    assert fit.attrs["note"].startswith("1 of 3 documents use the words of security news")
    assert "dictionary='generic' and domain=''" in fit.attrs["note"]


def test_sources_with_a_place_or_a_bare_role():
    """Unseen coverage: "Analysts at the … Institute said", "Officials in Tallinn said" and
    "X, commander of the US Sixth Fleet, said" were not found (expert sources read 0)."""
    from framelens import corpus

    text = (
        "Analysts at the Swedish Institute of International Affairs said the drills were "
        "routine. Officials in Tallinn said the exercise would continue. Admiral John Smith, "
        "commander of the US Sixth Fleet, said the ships were ready. Troops in the region "
        "said nothing."
    )
    s = corpus.segment(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    a = framing.attributions(s)
    assert a[["sent_id", "source", "source_type", "descriptor"]].values.tolist() == [
        [0, "Analysts at the Swedish Institute of International Affairs", "expert", ""],
        [1, "Officials in Tallinn", "unnamed", ""],
        [2, "Admiral John Smith", "official", "commander of the US Sixth Fleet"],
    ]
