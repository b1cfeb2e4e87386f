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
