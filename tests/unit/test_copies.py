"""Copies among documents: a wire story in several outlets, an article in two versions."""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import copies, corpus
from framelens.errors import ParameterError

from ..conftest import DATA, SEEDS

STORY = (
    "The navies of China and Russia began joint drills in the Sea of Japan on Monday, "
    "the defence ministry said. Ten ships, two submarines and a dozen aircraft take part "
    "in the exercise, which will last five days and includes anti-submarine warfare, air "
    "defence and live firing. Officials in Tokyo said they were watching closely."
)
OWN = (
    "Chinese and Russian warships started a five-day exercise near Japan this week, in "
    "what analysts described as a message to Washington. Japan's defence ministry said it "
    "had scrambled aircraft to monitor the ships, and the foreign ministry voiced concern."
)


def _docs(rows):
    return pd.DataFrame(rows, columns=["doc_id", "source", "published", "text"])


def test_exact_and_edited_copies_are_found_against_the_original():
    docs = _docs(
        [
            ("agency", "Agency", "2024-07-01", STORY),
            ("outlet-a", "A", "2024-07-02", STORY.upper()),  # the same words
            ("outlet-b", "B", "2024-07-02", "Drills near Japan.\n\n" + STORY),  # new lead
            ("outlet-c", "C", "2024-07-03", STORY.rsplit(". ", 1)[0] + "."),  # cut ending
            ("own", "D", "2024-07-01", OWN),  # the same event in its own words
        ]
    )
    found = copies.copies(docs)
    assert found[["doc_id", "copy_of", "kind"]].values.tolist() == [
        ["outlet-a", "agency", "exact"],
        ["outlet-b", "agency", "near"],
        ["outlet-c", "agency", "near"],
    ]
    assert found["overlap"].tolist() == [1.0, 1.0, 1.0]
    assert found.loc[0, "shared_text"].startswith("the navies of china and russia")
    assert (found["words_copy_of"] == 56).all()


def test_the_original_is_the_earliest_then_the_longest():
    docs = _docs([("z-first", "A", "2024-07-01", STORY), ("a-later", "B", "2024-07-05", STORY)])
    assert copies.copies(docs)[["doc_id", "copy_of"]].values.tolist() == [["a-later", "z-first"]]
    docs["published"] = ""
    longer = docs.assign(text=[STORY, STORY + " More words follow here today."])
    assert copies.copies(longer)[["doc_id", "copy_of"]].values.tolist() == [["z-first", "a-later"]]


def test_a_story_carried_by_many_outlets_and_repeated_short_posts_are_copies():
    # 51 copies of one story: every sequence was in more than 50 documents, taken for
    # boilerplate, and none of the copies was listed; posts under 20 words never were
    wire = [(f"o{i:03d}", f"outlet{i}", "2024-07-02", STORY) for i in range(60)]
    wire.append(("agency", "AP", "2024-07-01", STORY))
    post = "RT @navy: China and Russia start joint drills in the Sea of Japan #JointSea2024"
    posts = [(f"p{i}", f"user{i}", "", post) for i in range(3)]
    found = copies.copies(
        _docs([*wire, *posts, ("p9", "u", "", "Great!"), ("p8", "v", "", "Great!")])
    )
    assert found.loc[found["copy_of"] == "agency", "doc_id"].tolist() == [w[0] for w in wire[:60]]
    assert found.loc[found["copy_of"] == "p0", "doc_id"].tolist() == ["p1", "p2"]
    assert set(found["kind"]) == {"exact"} and (found["overlap"] == 1.0).all()
    assert found.loc[found["doc_id"] == "p1", "shared_text"].item().startswith("rt navy china")
    # fewer words than a sequence: two "Great!" reviews are no evidence of copying
    assert not found["doc_id"].isin(["p8", "p9"]).any()


def test_the_original_is_decided_by_iso_dates_only():
    # "20/01/2023" sorted as text after "03/06/2024": the 2023 wire became the copy
    docs = _docs([("reprint", "BBC", "03/06/2024", STORY + " Extra words here."),
                  ("wire", "Reuters", "20/01/2023", STORY)])  # fmt: skip
    assert copies.copies(docs)[["doc_id", "copy_of"]].values.tolist() == [["wire", "reprint"]]
    docs["published"] = ["2024-06-03", "2023-01-20"]
    assert copies.copies(docs)[["doc_id", "copy_of"]].values.tolist() == [["reprint", "wire"]]


def test_short_documents_and_shared_boilerplate_are_no_copies():
    import random

    rng = random.Random(3)
    vocab = [f"w{k}" for k in range(400)]
    footer = " Copyright the agency, all rights reserved; no part may be reproduced."
    own = [" ".join(rng.choices(vocab, k=40)) + "." + footer for _ in range(60)]
    short = ["Yes." + footer, "No." + footer]  # too short to count as a copy
    docs = _docs([(f"d{i:02d}", "A", "", t) for i, t in enumerate(own + short)])
    assert copies.copies(docs).empty
    assert copies.copies(docs.head(0)).columns.tolist() == copies.COPY_COLUMNS


@pytest.mark.parametrize("path", [SEEDS, DATA / "corpora" / "news_multi" / "articles.csv"])
def test_real_articles_of_one_event_are_not_copies_of_each_other(path):
    assert copies.copies(corpus.load(path)).empty


def test_bad_parameters_are_named():
    with pytest.raises(ParameterError, match="min_overlap"):
        copies.copies(_docs([]), min_overlap=2)
    with pytest.raises(ParameterError, match="text"):
        copies.copies(pd.DataFrame({"doc_id": ["a"]}))


def test_a_long_text_that_quotes_a_story_is_no_copy_of_it():
    """A 21,000-word text was listed as a near copy of a 534-word story it contained."""
    story = (
        "The navies of China and Russia began joint drills in the Sea of Japan on "
        "Monday, the defence ministry said, with ten ships and two submarines. "
    ) * 3
    other = " ".join(f"Paragraph {i} of a long roundup covers talks number {i} at length."
                     for i in range(400))  # fmt: skip
    d = pd.DataFrame({"doc_id": ["story", "roundup", "wire"], "published": ["2024-01-01"] * 3,
                      "text": [story, other + " " + story, "UPDATE: " + story]})  # fmt: skip
    found = copies.copies(d)
    assert len(found) == 1 and {found["doc_id"][0], found["copy_of"][0]} == {"story", "wire"}
