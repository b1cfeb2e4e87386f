"""Dates in the exercise analysis that a probe found wrong.

Relative phrases the reader had skipped ("last December", "two years ago", "last
summer"), publication dates of a month or a year, the ordering of cuts of different
precision, and a corpus too early for a trend.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from framelens import events
from framelens.errors import ParameterError
from framelens.events import dates


def _refs(text, published):
    s = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [0], "text": [text]})
    m = events.mentions(s, documents={"d": published})
    return m[m.kind == "reference"].reset_index(drop=True)


NEW_YEAR = dt.date(2025, 1, 2)


@pytest.mark.parametrize(
    ("phrase", "published", "year", "date"),
    [
        ("held it last December", NEW_YEAR, 2024, "2024-12"),
        ("held it last December", dt.date(2024, 12, 20), 2023, "2023-12"),  # not this one
        ("held it this past March", dt.date(2024, 9, 10), 2024, "2024-03"),
        ("will hold it next March", dt.date(2024, 3, 10), 2025, "2025-03"),
        ("held it two years ago", NEW_YEAR, 2023, ""),
        ("held it a year ago", NEW_YEAR, 2024, ""),
        ("held it 3 years ago", NEW_YEAR, 2022, ""),
        ("held it two months ago", NEW_YEAR, 2024, "2024-11"),
        ("held it last summer", NEW_YEAR, 2024, ""),
        ("held it last summer", dt.date(2025, 7, 15), 2024, ""),  # this summer is not over
        ("held it last summer", dt.date(2025, 9, 10), 2025, ""),  # the summer just over
        ("held it last autumn", dt.date(2025, 3, 1), 2024, ""),
        ("will hold it next spring", dt.date(2025, 3, 1), 2026, ""),
        ("held it the previous month", NEW_YEAR, 2024, "2024-12"),
        ("held it the previous year", NEW_YEAR, 2024, ""),
    ],
)
def test_relative_phrases_resolve_across_the_new_year(phrase, published, year, date):
    found = dates.time_expressions(phrase)
    assert len(found) == 1 and found[0].kind == "relative"
    got = dates.resolve(found[0], published, future=dates.is_future(phrase))
    assert got[:2] == (year, date)
    assert got[2].startswith('relative:"') and f"→ {date or year}" in got[2]


def test_a_winter_spans_two_years_and_stays_unresolved():
    t = dates.time_expressions("held it last winter")[0]
    year, date, rule = dates.resolve(t, NEW_YEAR)
    assert (year, date) == (0, "")
    assert rule == (
        'relative:"last winter" unresolved (a winter spans two years: December 2023 to '
        "February 2024 (published 2025-01-02))"
    )


@pytest.mark.parametrize("text", ["They may hold it.", "This may be a drill.", "The fall of 2012."])
def test_words_like_months_and_seasons_are_not_dates(text):
    assert [t for t in dates.time_expressions(text) if t.kind == "relative"] == []


def test_last_december_dates_a_patrol_to_the_year_before_publication():
    text = "Chinese and Russian bombers held a joint strategic air patrol over the Sea of Japan"
    cases = [(" last December.", 2024), (" two years ago.", 2023), (" last summer.", 2024)]
    for tail, year in cases:
        r = _refs(text + tail, "2025-01-02").iloc[0]
        assert r["event_year"] == year
        assert r["date_rule"].startswith('relative:"')


@pytest.mark.parametrize(
    ("published", "phrase", "year", "date"),
    [
        ("2024", "Last year", 2023, ""),
        ("2024", "Next year", 2025, ""),
        ("2024", "This year", 2024, ""),
        ("2024", "last December", 2023, "2023-12"),  # every day of 2024 says so
        ("2024-09", "Last year", 2023, ""),
        ("2024-09", "This month", 2024, "2024-09"),
        ("2024-09", "Last month", 2024, "2024-08"),
        ("2024-09", "In September", 2024, "2024-09"),
        ("2024-01", "Last month", 2023, "2023-12"),
    ],
)
def test_a_month_or_a_year_resolves_what_it_fixes(published, phrase, year, date):
    t = dates.time_expressions(f"{phrase} the navies held a drill.")[0]
    assert dates.resolve(t, published) == (
        year,
        date,
        f'relative:"{phrase}" → {date or year} (published {published})',
    )


@pytest.mark.parametrize(
    ("published", "phrase", "missing"),
    [
        ("2024-09", "On Tuesday", "no day"),
        ("2024-09", "Yesterday", "no day"),
        ("2024-09", "This week", "no day"),
        ("2024", "Last month", "no month"),
        ("2024", "In September", "no month"),
        ("2024", "On Tuesday", "no day"),
    ],
)
def test_what_needs_the_day_stays_unresolved_and_says_why(published, phrase, missing):
    t = dates.time_expressions(f"{phrase} the navies held a drill.")[0]
    assert dates.resolve(t, published) == (
        0,
        "",
        f'relative:"{phrase}" unresolved (published {published}: the publication date '
        f"gives {missing})",
    )


def test_an_unreadable_published_text_names_the_parameter():
    t = dates.time_expressions("a drill last year")[0]
    with pytest.raises(ParameterError, match="`published` must be a date"):
        dates.resolve(t, "Sep 2024")


def test_documents_dated_by_month_or_year_resolve_last_year():
    s = pd.DataFrame({"doc_id": ["y", "m", "d"], "sent_id": 0, "start": 0,
                      "text": ["Last year the two navies held a joint naval patrol in the "
                               "western Pacific."] * 3})  # fmt: skip
    docs = pd.DataFrame({"doc_id": ["y", "m", "d"], "text": "x",
                         "published": ["2024", "2024-09", "2024-09-10"]})  # fmt: skip
    m = events.mentions(s, documents=docs)
    refs = m[m.kind == "reference"].set_index("doc_id")
    assert refs["event_year"].to_dict() == {"y": 2023, "m": 2023, "d": 2023}
    assert refs.loc["m", "date_rule"] == 'relative:"Last year" → 2023 (published 2024-09)'
    assert refs.loc["y", "date_rule"] == 'relative:"Last year" → 2023 (published 2024)'
    # the same through a mapping doc_id -> date
    m2 = events.mentions(s, documents=dict(zip(docs["doc_id"], docs["published"], strict=True)))
    assert m2[m2.kind == "reference"]["event_year"].tolist() == [2023, 2023, 2023]


def test_a_day_expression_in_a_month_dated_document_is_unresolved_not_the_article_date():
    r = _refs("The two navies held a joint naval patrol on Tuesday.", "2024-09").iloc[0]
    assert pd.isna(r["event_year"])
    assert r["date_rule"] == (
        'relative:"on Tuesday" unresolved (published 2024-09: the publication date gives no day)'
    )
