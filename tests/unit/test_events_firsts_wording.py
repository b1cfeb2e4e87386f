"""Firsts of something else, wording of another table, the corpus's years in the chart.

A researcher's own event table (COP climate summits here) must be read as its own: "for
the first time, a COP decision mentioned fossil fuels" is no claim that the COP is the
first, the reasons and the notebook's sentences name the table's events and parties,
not China and Russia, and the frequency chart of a corpus written over many years shows
those years, not one.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import corpus, events
from framelens.errors import FramelensWarning

COPS = (
    "name,year,start_date,end_date,domain,location,participants,source,source_title,notes,"
    "aliases\n"
    "COP,2015,2015-11-30,2015-12-12,summit,Paris (France),UNFCCC parties,"
    "https://unfccc.int/cop21,COP21,21st session,COP21; COP 21\n"
    "COP,2019,2019-12-02,2019-12-15,summit,Madrid (Spain),UNFCCC parties,"
    "https://unfccc.int/cop25,COP25,25th session,COP25; COP 25\n"
    "COP,2021,2021-10-31,2021-11-13,summit,Glasgow (United Kingdom),UNFCCC parties,"
    "https://unfccc.int/cop26,COP26,26th session,COP26; COP 26\n"
    "COP,2022,2022-11-06,2022-11-20,summit,Sharm el-Sheikh (Egypt),UNFCCC parties,"
    "https://unfccc.int/cop27,COP27,27th session,COP27; COP 27\n"
    "COP,2023,2023-11-30,2023-12-13,summit,Dubai (United Arab Emirates),UNFCCC parties,"
    "https://unfccc.int/cop28,COP28,28th session,COP28; COP 28\n"
    "COP,2024,2024-11-11,2024-11-24,summit,Baku (Azerbaijan),UNFCCC parties,"
    "https://unfccc.int/cop29,COP29,29th session,COP29; COP 29\n"
)


@pytest.fixture
def cops(tmp_path):
    path = tmp_path / "cops.csv"
    path.write_text(COPS, encoding="utf-8")
    with pytest.warns(FramelensWarning, match="summit"):
        return events.load_events(path)


def _claims(text: str, table, published: str) -> pd.DataFrame:
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text], "published": [published]})
    found = events.mentions(corpus.segment(docs), events=table, documents=docs)
    return events.check_claims_by_document(found, table, events.document_cuts(docs))


def _firsts(claims: pd.DataFrame) -> pd.DataFrame:
    return claims[claims["claim_type"] == "first_time"]


# ---------------------------------------------------------------------------------------
# 1. a first of something else than the event taking place


@pytest.mark.parametrize(
    ("text", "what"),
    [
        (
            "COP28 closed in Dubai on Wednesday. For the first time, a COP decision "
            "explicitly mentioned fossil fuels.",
            "mentioned fossil fuels",
        ),
        (
            "The 28th COP, held in Dubai, ended on Wednesday with a deal that for the first "
            "time calls on countries to transition away from fossil fuels.",
            "calls on countries",
        ),
        ("India's prime minister attended COP28 in Dubai for the first time.", "attended COP28 in"),
    ],
)
def test_a_first_of_another_subject_or_verb_is_no_first_of_the_event(cops, text, what):
    first = _firsts(_claims(text, cops, "2023-12-13"))
    assert first["status"].tolist() == ["not checkable"]
    (reason,) = first["reason"]
    assert f"('{what}')" in reason
    assert "not of the COP taking place" in reason
    assert first["claimed"].tolist() == ["first (of something else)"]


def test_a_first_of_the_event_taking_place_is_still_checked(cops):
    first = _firsts(_claims("COP29 was held in Baku for the first time.", cops, "2024-11-24"))
    assert first[["claimed", "status"]].values.tolist() == [["first in Baku", "supported"]]
    first = _firsts(_claims("For the first time, the COP took place in Dubai.", cops, "2023-12-13"))
    assert first[["claimed", "status"]].values.tolist() == [["first in Dubai", "supported"]]


def test_shipped_firsts_of_drills_included_are_not_checkable_and_held_ones_checked():
    table = events.load_events()
    first = _firsts(
        _claims(
            "Joint Sea-2014 included submarine rescue drills for the first time.",
            table,
            "2014-05-26",
        )
    )
    assert first["status"].tolist() == ["not checkable"]
    assert "('included submarine rescue')" in first["reason"].iloc[0]
    first = _firsts(
        _claims(
            "This is the first time the two countries have conducted joint air patrols near "
            "Alaska.",
            table,
            "2024-07-26",
        )
    )
    assert first["claimed"].tolist() == ["first in Alaska (aircraft)"]  # judged on its rows
