"""Linking in 04: coast guards are no navy; a name the record lacks is no described exercise."""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import corpus, events


def _run(text: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    docs = pd.DataFrame({"doc_id": ["a"], "published": ["2024-10-01"], "text": [text]})
    table = events.load_events()
    found = events.mentions(corpus.segment(docs), events=table, documents=docs)
    claims = events.check_claims_by_document(
        found, table, events.document_cuts(docs), year_start=2005, year_end=2026
    )
    return found, claims


@pytest.mark.parametrize(
    "text",
    [
        "Russian and Chinese coast guard ships conducted a joint patrol in the northern Pacific.",
        "The two countries' coast guards held a joint patrol in the Arctic for the first time.",
    ],
)
def test_a_coast_guard_patrol_is_no_naval_patrol(text):
    found, _ = _run(text)
    assert "naval_patrol" not in set(found["type"])


def test_the_coast_guards_first_is_not_judged_against_the_navies_patrols():
    _, claims = _run("The two countries' coast guards held their first joint patrol.")
    first = claims[claims["claim_type"] == "first_time"]
    assert first["status"].tolist() == ["not checkable"]
    assert "coast guards" in first["reason"].item()


def test_navies_with_coast_guards_still_make_a_naval_patrol():
    found, _ = _run(
        "Chinese and Russian warships and coast guard vessels held a joint naval patrol."
    )
    assert "naval_patrol" in set(found["type"])


def test_an_exercise_named_with_a_year_the_record_lacks_is_not_described_from_the_article():
    """ "The Aerospace Security-2016 … exercise in May" was a 2024 exercise (the article's
    year) linked among 2024's candidates; the name says which exercise it is."""
    found, _ = _run(
        "China and Russia held the Aerospace Security-2016 computer-simulated missile "
        "defense exercise in May."
    )
    assert "described_exercise" not in set(found["type"])
    found, _ = _run("In May 2016 China and Russia held joint naval exercises.")
    assert found.loc[found["type"] == "described_exercise", "event_year"].tolist() == [2016]


def test_a_first_of_patrols_in_a_place_is_judged_on_the_patrols():
    """ "Bombers conducted joint air patrols over the Sea of Japan for the first time" had
    been refuted by Peace Mission 2005 (an exercise there); the first is the patrols'."""
    docs = pd.DataFrame(
        {
            "doc_id": ["a"],
            "published": ["2019-07-24"],
            "text": [
                "Chinese and Russian bombers conducted joint air patrols over the Sea of "
                "Japan for the first time on Tuesday."
            ],
        }
    )
    table = events.load_events()
    found = events.mentions(corpus.segment(docs), events=table, documents=docs)
    claims = events.check_claims_by_document(
        found, table, events.document_cuts(docs), year_start=2005, year_end=2026
    )
    first = claims[claims["claim_type"] == "first_time"].iloc[0]
    assert first["status"] == "supported"
    assert first["reason"] == "no earlier Joint Strategic Air Patrol in Sea of Japan."


def _first_claim(published: str, text: str) -> pd.Series:
    docs = pd.DataFrame({"doc_id": ["a"], "published": [published], "text": [text]})
    table = events.load_events()
    found = events.mentions(corpus.segment(docs), events=table, documents=docs)
    claims = events.check_claims_by_document(
        found, table, events.document_cuts(docs), year_start=2005, year_end=2026
    )
    return claims[claims["claim_type"] == "first_time"].iloc[0]


def test_an_undated_report_does_not_refute_its_own_first():
    """A Global Times article of 2019-07-31: its undated "joint air patrols" were linked to
    no row, so the patrol of 2019-07-23 it reports refuted its own first."""
    text = (
        "For the first time, Russian and Chinese bombers have carried out joint air "
        "patrols over the East China Sea and the Sea of Japan."
    )
    first = _first_claim("2019-07-31", text)
    assert first["status"] == "supported"
    assert "Air Patrol 2019 (2019-07-23), just before the article" in first["reason"]
    # two years on, the patrols before the one reported still refute the same words
    later = _first_claim("2021-11-25", text)
    assert later["status"] == "not supported"
    assert "2019-07-23" in later["deciding_rows"]
