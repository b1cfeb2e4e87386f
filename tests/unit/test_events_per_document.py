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
    found = events.mentions(corpus.segment(DOCS), documents=DOCS)
    table = events.load_events()
    claims = events.check_claims_by_document(
        found, table, events.document_cuts(DOCS), year_start=2005, year_end=2026
    ).set_index("doc_id")
    # the record's second patrol (2022) has no start date: it may be after 12 July 2022
    # (it was, in September), so the record cannot support or refute the article
    assert claims.loc["a2022", "status"] == "not checkable"
    assert "which has no start date" in claims.loc["a2022", "reason"]
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


def test_frequency_claims_use_a_trend_on_the_complete_years_before_each_article():
    docs = pd.DataFrame(
        {"doc_id": ["x"], "published": ["2016-05-01"],
         "text": ["China and Russia hold their drills with growing frequency."]}
    )  # fmt: skip
    found = events.mentions(corpus.segment(docs), documents=docs)
    cuts = events.document_cuts(docs)
    c = events.check_claims_by_document(found, events.load_events(), cuts, year_start=2005,
                                        year_end=2026)  # fmt: skip
    assert c["claim_type"].tolist() == ["frequency"]
    # 2016 was not over when the article appeared: the fit stops at 2015
    assert c["deciding_rows"].iloc[0].startswith("yearly counts 2005-2015: rate ratio 1.18")
    assert c["trend_window"].iloc[0] == (
        "trend window 2005-2015: the article appeared in 2016, a year not yet complete."
    )
    none = events.check_claims_by_document(found, events.load_events(), cuts)
    assert none["status"].tolist() == ["not checkable"]


@pytest.mark.parametrize(
    "text",
    [
        "Drills of the two countries are held with growing frequency.",
        "In recent years the drills of Beijing and Moscow have shown a growing frequency.",
    ],
)
def test_the_trend_verdict_does_not_move_with_the_cut_beyond_its_window(text):
    """Issue 14: zeros after the cut made the verdict flip with the cut; now it cannot.

    The record is complete through 2025 (EXERCISES.md), so every cut from 2026 on fits
    2005-2025 (and the recent window 2020-2025), whatever the day.
    """
    table = events.load_events()
    seen = set()
    for published in ["2026-01-02", "2026-06-30", "2026-12-31", "2027-03-01", "2031-11-11"]:
        docs = pd.DataFrame({"doc_id": ["x"], "published": [published], "text": [text]})
        found = events.mentions(corpus.segment(docs), documents=docs)
        c = events.check_claims_by_document(
            found, table, events.document_cuts(docs), year_start=2005, year_end=2031
        )
        assert c["cut"].item() == published
        seen.add((c["status"].item(), c["deciding_rows"].item(), c["trend_window"].item()))
    assert len(seen) == 1
    status, deciding, window = seen.pop()
    assert window == "trend window 2005-2025: the record is complete through 2025."
    assert "2005-2025" in deciding
    # without the complete-years window the verdict did depend on the cut: a fit over
    # 2020-2026 of the record cut in January 2026 (one partial year, one event) differs
    # from the same fit cut in December 2026
    early = events.events_until(table, publication_year=2026, publication_date="2026-01-02")
    late = events.events_until(table, publication_year=2026, publication_date="2026-12-31")
    fits = [events.trend(events.events_per_year(r, 2020, 2026)) for r in (early, late)]
    assert fits[0]["n_events"].item() != fits[1]["n_events"].item()


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
    # an event table without places is named before any document is read
    found = events.mentions(corpus.segment(DOCS), documents=DOCS)
    no_place = events.load_events().drop(columns=["location"])
    with pytest.raises(ParameterError, match="location"):
        events.check_claims_by_document(found, no_place, events.document_cuts(DOCS))


def test_checking_documents_together_equals_checking_each_alone():
    """Documents that share a cut are checked in one pass and trend fits are shared
    between cuts; every row must still be what the document gets checked alone."""
    texts = [
        "Joint Sea-2012 was held in the Yellow Sea. It was the second joint naval patrol.",
        "The sixth joint strategic air patrol took place, as drills grow more frequent.",
        "In recent years the exercises have become more frequent. Vostok 2018 was the first.",
        "The annual Maritime Interaction drill was held off Vladivostok for the first time.",
    ]
    dates = ["2019-07-23", "2019-07-23", "2023-12-14", "2024-11-30", "2026-01-05", "", "2013-07-05"]
    docs = pd.DataFrame(
        {
            "doc_id": [f"d{i:02d}" for i in range(14)],
            "published": [dates[i % len(dates)] for i in range(14)],
            "text": [texts[i % len(texts)] for i in range(14)],
        }
    )
    found = events.mentions(corpus.segment(docs), documents=docs)
    table = events.load_events()
    cuts = events.document_cuts(docs)
    together = events.check_claims_by_document(found, table, cuts, year_start=2005, year_end=2026)
    alone = []
    for c in cuts.itertuples(index=False):
        year, date = int(c.publication_year) or None, c.publication_date or None
        a, b, window = events.trend_window(2005, 2026, year)
        record = events.events_until(table, publication_year=year, publication_date=date)
        ra, rb = events.recent_window(a, b, None)
        rows = events.check_claims(
            found[found["doc_id"] == c.doc_id],
            table,
            publication_year=year,
            publication_date=date,
            trend=events.trend(events.events_per_year(record, a, b)),
            recent_trend=events.trend(events.events_per_year(record, ra, rb)),
        )
        alone.append(rows.assign(cut=c.cut, cut_source=c.cut_source, flagged=bool(c.flagged),
                                 trend_window=window))  # fmt: skip
    expected = pd.concat(alone, ignore_index=True)
    assert len(together) > 20 and together["cut"].nunique() == 6
    pd.testing.assert_frame_equal(together, expected, check_dtype=False)


@pytest.mark.parametrize(
    ("per_year", "expected"),
    [(1, ["supported", "not supported", "supported"]),
     (2, ["not supported", "supported", "supported"])],
)  # fmt: skip
def test_once_twice_and_once_or_twice_a_year_bound_each_years_count(per_year, expected):
    table = events.load_events()
    patrols = table[table["name"] == "Joint Naval Patrol"].drop_duplicates("year")
    table = pd.concat([table[table["name"] != "Joint Naval Patrol"], *[patrols] * per_year])
    phrases = ["once a year", "twice a year", "once or twice a year"]
    docs = pd.DataFrame({
        "doc_id": ["a", "b", "c"], "published": ["2025-12-01"] * 3,
        "text": [f"China and Russia hold joint naval patrols {p}." for p in phrases],
    })  # fmt: skip
    found = events.mentions(corpus.segment(docs), events=table, documents=docs)
    claims = events.check_claims_by_document(found, table, events.document_cuts(docs))
    freq = claims[claims["claim_type"] == "frequency"]
    assert freq["claimed"].tolist() == phrases
    assert freq["status"].tolist() == expected


def test_a_claim_about_another_exercise_is_not_checkable():
    """A corpus about NATO drills: "annual" was judged on the China-Russia record."""
    docs = pd.DataFrame(
        {
            "doc_id": ["nato", "mixed", "cr", "two"],
            "published": ["2024-06-10"] * 4,
            "text": [
                "NATO began its annual BALTOPS 2024 exercise in the Baltic Sea.",
                "China and Russia held joint drills in July. Elsewhere, NATO holds its "
                "drills every year.",
                "China and Russia held joint drills in July. The navies said such joint "
                "drills are held every year.",
                "The two countries have held annual joint drills since 2012.",
            ],
        }
    )
    found = events.mentions(corpus.segment(docs), documents=docs)
    c = events.check_claims_by_document(found, events.load_events(), events.document_cuts(docs))
    c = c[c.claim_type == "frequency"].set_index("doc_id")
    assert c.loc["nato", "status"] == "not checkable"
    assert "may be about another exercise" in c.loc["nato", "reason"]
    assert c.loc["mixed", "status"] == "not checkable"  # the sentence names NATO
    # the sentence before names the record's parties and this one no other actor: it is
    # judged in the series of that sentence's reference ("in July" before 2024-06-10 is
    # July 2023, Northern/Interaction, whose one year shows no yearly pattern), not
    # refused as another exercise's
    assert c.loc["cr", "family"] == "Northern/Interaction"
    assert c.loc["cr", "reason"].startswith("one year (2023-2023)")
    assert "another exercise" not in c.loc["cr", "reason"]
    assert c.loc["two", "status"] == "supported"


def test_a_document_dated_after_the_record_is_complete_is_not_checkable_when_unsupported():
    docs = pd.DataFrame({"doc_id": ["late"], "published": ["2026-12-31"],
                         "text": ["It was the second joint naval patrol."]})  # fmt: skip
    found = events.mentions(corpus.segment(docs), documents=docs)
    table = events.load_events()
    cuts = events.document_cuts(docs)
    row = events.check_claims_by_document(found, table, cuts).iloc[0]
    assert row["status"] == "not checkable"
    assert row["reason"].startswith(
        f"the record is complete through {events.COMPLETE_THROUGH} and the document is dated 2026"
    )
    # within the complete years, the same claim is judged
    same = events.check_claims_by_document(found, table, cuts, complete_through=2026)
    assert same["status"].item() == "not supported"


@pytest.mark.parametrize(
    ("published", "text", "status", "reason"),
    [
        # the 2025 patrol began on 7 August: an article of 4 August cannot be refuted by it
        ("2025-08-04", "China and Russia hold the Joint Naval Patrol every year.",
         "supported", "a Joint Naval Patrol row every year 2021-2024."),
        ("2024-10-01", "Every year the footprint of the China-Russia exercises gets larger.",
         "not checkable", "it says how something changes every year"),
        ("2024-10-01", "Each year the China-Russia drills become more complex, he said.",
         "not checkable", "it says how something changes every year"),
    ],
)  # fmt: skip
def test_yearly_claims_are_judged_on_finished_years_only(published, text, status, reason):
    docs = pd.DataFrame({"doc_id": ["a"], "published": [published], "text": [text]})
    found = events.mentions(corpus.segment(docs), documents=docs)
    row = events.check_claims_by_document(
        found, events.load_events(), events.document_cuts(docs)
    ).iloc[0]
    assert row["status"] == status
    assert row["reason"].startswith(reason)


def test_a_published_value_without_a_year_is_named_as_the_reason():
    docs = pd.DataFrame({"doc_id": ["a"], "published": ["yesterday"], "text": ["x"]})
    cut = events.document_cuts(docs).iloc[0]
    assert cut["flagged"] and "no year in the published value 'yesterday'" in cut["cut_source"]
