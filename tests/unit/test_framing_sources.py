"""Who is cited: titles remembered through a document, pronouns, documents as no source.

The sentences are written for these tests after the patterns of a probe of 60 real news
articles of four outlet groups, where Putin (10 times), Shoigu, Gerasimov, Denisov,
Zakharova, the JCS and the spokespeople Geng, Wu and Jiang had been ``other``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import corpus, framing


def _attr(*docs: str) -> pd.DataFrame:
    d = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(docs))], "text": list(docs)})
    a = framing.attributions(corpus.segment(d))
    return a


def _rows(*docs: str) -> list[list]:
    return _attr(*docs)[["sent_id", "source", "source_type", "cue"]].values.tolist()


def test_a_name_introduced_with_a_title_keeps_it_later_in_the_document():
    got = _rows(
        "Russian President Oleg Ivanov visited the range. The drills went well, Ivanov "
        "said. Foreign Ministry spokeswoman Anna Kova spoke too. Kova claimed the talks "
        "were useful."
    )
    assert got == [
        [1, "Ivanov", "official", "said"],
        [3, "Kova", "official", "claimed"],
    ]


def test_the_title_is_remembered_only_in_its_own_document():
    # the same surname in another document, never introduced there, stays "other"
    got = _attr("Defense Minister Petr Lenko arrived. Lenko said the drill was big.",
                "Lenko said the drill was big.")  # fmt: skip
    assert got[["doc_id", "source", "source_type"]].values.tolist() == [
        ["d0", "Lenko", "official"],
        ["d1", "Lenko", "other"],
    ]


@pytest.mark.parametrize(
    ("text", "source", "kind", "descriptor"),
    [
        # a title phrase that is no run of names: the name is the source
        ("The drill starts, chief press officer of the Eastern Military District Colonel "
         "Ivan Gorin told reporters.", "Ivan Gorin", "official",
         "officer of the Eastern Military District Colonel"),
        ("It begins, spokesman for the Pacific Fleet Captain 2nd Rank Oleg Matov told TASS.",
         "Oleg Matov", "official", "spokesman for the Pacific Fleet Captain 2nd Rank"),
        # a name, its description and the verb
        ("Sergey N. Gonov, charge d'affaires at the Russian Embassy, told Xinhua the drill "
         "was big.", "Sergey N. Gonov", "official", "charge d'affaires at the Russian Embassy"),
        # the inverted verb keeps the description after the name
        ('"It is big," said Lyle Moss, senior policy analyst at the RAND Corporation.',
         "Lyle Moss", "expert", "senior policy analyst at the RAND Corporation"),
        ('"It is big," said Major Wang Hai, a former military attache to Russia.',
         "Major Wang Hai", "expert", "a former military attache to Russia"),
    ],
)  # fmt: skip
def test_titled_names_and_descriptions_give_the_type(text, source, kind, descriptor):
    got = _attr(text)[["source", "source_type", "descriptor"]].values.tolist()
    assert got == [[source, kind, descriptor]]


def test_an_official_body_keeps_its_type_under_its_acronym():
    got = _rows(
        "The Joint Chiefs of Staff (JCS) said six aircraft entered the zone. "
        "The JCS reported no violation.",
        "South Korea's Joint Chiefs of Staff reported the flights. The JCS said the planes left.",
    )
    assert [r[1:3] for r in got] == [
        ["The Joint Chiefs of Staff", "official"],
        ["The JCS", "official"],
        ["South Korea's Joint Chiefs of Staff", "official"],
        ["The JCS", "official"],
    ]


def test_a_pronoun_is_the_last_person_cited_or_no_row():
    got = _rows(
        "He said the drills were routine. Captain Oleg Matov said the plans were agreed. "
        "According to him, the ships will land troops. He added that the weather was bad. "
        "They said nothing."
    )
    assert got == [
        [1, "Captain Oleg Matov", "official", "said"],
        [2, "Oleg Matov", "official", "according to (him)"],
        [3, "Oleg Matov", "official", "he added"],
    ]


def test_a_pronoun_after_another_person_is_named_gives_no_row():
    # "He" could be Tolin or Baluyev: left out rather than guessed
    got = _rows(
        "Admiral Lev Tolin said the patrol went well. His counterpart General Yury "
        "Baluyev watched. He said it was of great importance."
    )
    assert got == [[0, "Admiral Lev Tolin", "official", "said"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "According to previous estimates, about 300,000 troops were set to take part.",
        "According to the exercise's scenario, two ships located a vessel.",
        "According to the exercise scenario, the coast guard received intel.",
        "Crews will practise according to the Suvorov principle: a hard drill.",
        "According to the annual cooperation plan between the Chinese and Russian "
        "militaries, vessels sailed.",
        "According to an old Russian tradition, the guests were met with bread.",
        "According to him, the ships will sail.",
        "According to them, the ships will sail.",
    ],
)
def test_plans_documents_and_unresolved_pronouns_are_no_source(sentence):
    assert _attr(sentence).empty


def test_according_to_an_estimate_by_someone_cites_them():
    got = _rows("According to estimates by the Defense Ministry, 300,000 troops took part.")
    assert got == [[0, "the Defense Ministry", "official", "according to estimates by"]]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Seoul said a warplane entered its airspace.", "Seoul"),
        ("Japan also said it scrambled fighter jets.", "Japan"),
        ("Both Moscow and Beijing denied the claim.", "Both Moscow and Beijing"),
    ],
)
def test_a_state_named_as_the_speaker_is_its_government(sentence, source):
    assert _attr(sentence)[["source", "source_type"]].values.tolist() == [[source, "official"]]


# ---------------------------------------------------------------------------------------
# source types per group (the outlet comparison of notebook 03)

_DOCS = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c", "d"],
        "outlet": ["tass", "tass", "ap", ""],
        "text": [
            "Defense Minister Petr Lenko arrived. Lenko said the drill was big. "
            "Analysts said it was routine.",
            "Xinhua reported the sailing.",
            "Lyle Moss, a senior fellow at the Carnegie Endowment, said it was a signal.",
            "Nothing was said.",
        ],
    }
)


def test_source_types_per_group_in_long_format():
    a = framing.attributions(corpus.segment(_DOCS))
    counts = framing.attribution_counts(a)
    assert list(counts.columns) == framing.ATTRIBUTION_COUNT_COLUMNS
    assert len(counts) == 3 * len(framing.SOURCE_TYPES)  # a, b, c: zeros included
    t = framing.attribution_documents(counts, documents=_DOCS, by="outlet")
    assert list(t.columns) == [
        "outlet", "source_type", "n_attributions", "share", "n_documents",
        "n_documents_citing",
    ]  # fmt: skip
    assert t["outlet"].unique().tolist() == ["(missing)", "ap", "tass"]
    assert t["source_type"].tolist()[: len(framing.SOURCE_TYPES)] == framing.SOURCE_TYPES
    got = t[t.n_attributions > 0].drop(columns="share").values.tolist()
    assert got == [
        ["ap", "expert", 1, 1, 1],
        ["tass", "official", 1, 2, 1],
        ["tass", "state_media", 1, 2, 1],
        ["tass", "unnamed", 1, 2, 1],
    ]
    tass = t[t.outlet == "tass"].set_index("source_type")["share"]
    assert tass[["official", "state_media", "unnamed", "other"]].tolist() == [
        pytest.approx(1 / 3), pytest.approx(1 / 3), pytest.approx(1 / 3), 0.0,
    ]  # fmt: skip
    # the document without an attribution is a group of one, with no share
    missing = t[t.outlet == "(missing)"]
    assert missing["n_documents"].tolist() == [1] * len(framing.SOURCE_TYPES)
    assert missing["share"].isna().all()


def test_source_types_per_group_sum_over_partitions():
    a = framing.attributions(corpus.segment(_DOCS))
    parts = [framing.attribution_counts(a[a.doc_id == d]) for d in ("a", "b", "c", "d")]
    whole = framing.attribution_documents(
        framing.attribution_counts(a), documents=_DOCS, by="outlet"
    )
    split = framing.attribution_documents(pd.concat(parts), documents=_DOCS, by="outlet")
    pd.testing.assert_frame_equal(split, whole)


def test_source_types_per_document_and_the_group_needs_the_documents():
    a = framing.attributions(corpus.segment(_DOCS))
    per_doc = framing.attribution_documents(framing.attribution_counts(a))
    assert per_doc["doc_id"].unique().tolist() == ["a", "b", "c"]
    with_docs = framing.attribution_documents(framing.attribution_counts(a), documents=_DOCS)
    assert with_docs["doc_id"].unique().tolist() == ["a", "b", "c", "d"]
    from framelens.errors import ParameterError

    with pytest.raises(ParameterError, match=r"`by` 'outlet' needs the documents frame"):
        framing.attribution_documents(framing.attribution_counts(a), by="outlet")
    with pytest.raises(ParameterError, match=r"`by` 'outlt' is not a column"):
        framing.attribution_documents(framing.attribution_counts(a), documents=_DOCS, by="outlt")
    # no attribution at all: every group is there, with zeros
    none = framing.attribution_documents(
        framing.attribution_counts(a.iloc[:0]), documents=_DOCS, by="outlet"
    )
    assert none["n_attributions"].sum() == 0 and len(none) == 3 * len(framing.SOURCE_TYPES)


@pytest.mark.parametrize(
    "source, expected",
    [
        ("Reuters", "news_media"),
        ("the Times", "news_media"),
        ("The Journal", "news_media"),
        ("Kyodo News", "news_media"),
        ("the Korea Herald", "news_media"),
        ("Russian media", "news_media"),
        ("news reports", "news_media"),
        ("a local newspaper", "news_media"),
        # state outlets first; press officers and posts are not the press
        ("Xinhua", "state_media"),
        ("China News Service", "state_media"),
        ("the Press Secretary", "official"),
        ("the press service of the Russian Defense Ministry", "official"),
        ("Kremlin press secretary Dmitry Peskov", "official"),
        ("users on social media", "unnamed"),
        ("Japan", "official"),
    ],
)
def test_other_outlets_are_news_media(source, expected):
    from framelens.framing.sources import _source_type

    assert _source_type(source) == expected


def test_an_agency_cited_is_news_media():
    text = "Reuters reported that the drills began on Monday, according to the Korea Herald."
    s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "text": [text]})
    rows = framing.attributions(s)[["source", "source_type"]].values.tolist()
    assert rows == [["Reuters", "news_media"], ["the Korea Herald", "news_media"]]
