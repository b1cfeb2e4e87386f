"""Each article is checked against the record as of its own date (part of issue 14)."""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import corpus, events
from framelens.errors import ParameterError

DOCS = pd.DataFrame(
    {
        "doc_id": ["a2022", "b2025", "c_undated", "d_embed"],
        "published": ["2022-07-12", "2025-08-01", "", ""],
        "text": [
            "It was the second joint naval patrol.",
            "It was the second joint naval patrol.",
            "It was the second joint naval patrol.",
            "It was the second joint naval patrol.\n\n"
            "Drills again pic.twitter.com/abc\n\u2014 A B (@ab) March 3, 2023",
        ],
    }
)


def test_cuts_come_from_each_document():
    cuts = events.document_cuts(DOCS).set_index("doc_id")
    assert cuts.loc["a2022", ["publication_year", "cut", "flagged"]].tolist() == [
        2022, "2022-07-12", False,
    ]  # fmt: skip
    assert cuts.loc["b2025", "cut"] == "2025-08-01"
    assert cuts.loc["c_undated", ["publication_year", "cut", "flagged"]].tolist() == [
        0, "whole record", True,
    ]  # fmt: skip
    assert cuts.loc["d_embed", ["cut", "cut_source"]].tolist() == [
        "2023-03-03", "the latest date of an embedded post",
    ]  # fmt: skip
    # the parameter sets every document's year; a date of another year is not used
    over = events.document_cuts(DOCS, override=2024).set_index("doc_id")
    assert set(over["cut"]) == {"2024"} and not over["flagged"].any()


def test_the_same_claim_gets_each_articles_verdict():
    """One publication year for the corpus gave no setting with correct verdicts."""
    found = events.mentions(corpus.segment(DOCS))
    table = events.load_events()
    claims = events.check_claims_by_document(
        found, table, events.document_cuts(DOCS), year_start=2005, year_end=2026
    ).set_index("doc_id")
    assert claims.loc["a2022", "status"] == "supported"
    assert claims.loc["b2025", "status"] == "not supported"
    assert claims.loc["c_undated", "status"] == "supported"
    assert claims.loc["c_undated", "flagged"] and not claims.loc["a2022", "flagged"]
    assert claims.loc["a2022", "cut"] == "2022-07-12"
    # the same as checking the document alone with its own date
    alone = events.check_claims(
        found[found.doc_id == "a2022"], table, publication_year=2022,
        publication_date="2022-07-12",
    )  # fmt: skip
    assert claims.loc[["a2022"], "reason"].tolist() == alone["reason"].tolist()


def test_frequency_claims_use_a_trend_up_to_each_article():
    docs = pd.DataFrame(
        {"doc_id": ["x"], "published": ["2016-05-01"],
         "text": ["The drills are held with growing frequency."]}
    )  # fmt: skip
    found = events.mentions(corpus.segment(docs))
    cuts = events.document_cuts(docs)
    c = events.check_claims_by_document(found, events.load_events(), cuts, year_start=2005,
                                        year_end=2026)  # fmt: skip
    assert c["claim_type"].tolist() == ["frequency"]
    assert "2005" in c["deciding_rows"].iloc[0] and "2016" in c["deciding_rows"].iloc[0]
    none = events.check_claims_by_document(found, events.load_events(), cuts)
    assert none["status"].tolist() == ["not checkable"]


def test_empty_and_bad_input():
    found = events.mentions(corpus.segment(DOCS.iloc[0:0]))
    out = events.check_claims_by_document(found, events.load_events(), events.document_cuts(DOCS))
    assert out.empty and {"cut", "flagged", "status"} <= set(out.columns)
    with pytest.raises(ParameterError, match="both `year_start` and `year_end`"):
        events.check_claims_by_document(
            found, events.load_events(), events.document_cuts(DOCS), year_start=2005
        )
    with pytest.raises(ParameterError, match="cuts"):
        events.check_claims_by_document(found, events.load_events(), DOCS)
