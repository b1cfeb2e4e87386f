"""A date in a clause of another event does not date the exercise a sentence refers to."""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import corpus, events


@pytest.mark.parametrize(
    "tail",
    ["since Russia invaded Ukraine three months ago.", "since Russia invaded Ukraine in February.",
     "after the talks ended last year."],
)  # fmt: skip
def test_a_date_of_another_clause_does_not_date_the_reference(tail):
    text = f"It is the first joint flight {tail}"
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text], "published": ["2022-05-24"]})
    found = events.mentions(corpus.segment(docs), documents=docs)
    ref = found[found["kind"] == "reference"]
    assert ref["date_rule"].tolist() == ["article_date"]
    assert ref["record_event"].tolist() == ["Joint Strategic Air Patrol|2022|2022-05-24"]


def test_a_date_right_after_the_reference_still_dates_it():
    text = "The two air forces held a joint air patrol in December 2021."
    docs = pd.DataFrame({"doc_id": ["a"], "published": ["2022-05-24"], "text": [text]})
    found = events.mentions(corpus.segment(docs), documents=docs)
    ref = found[found["kind"] == "reference"]
    assert ref["event_date"].tolist() == ["2021-12"]
