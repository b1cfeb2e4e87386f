"""Which of two copies is the original: by the full timestamp, a coarse date by its span."""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import copies

STORY = (
    "The navies of China and Russia began joint drills in the Sea of Japan on Monday, "
    "the defence ministry said. Ten ships, two submarines and a dozen aircraft take part "
    "in the exercise, which will last five days and includes anti-submarine warfare, air "
    "defence and live firing. Officials in Tokyo said they were watching closely."
)


def _pairs(published: dict[str, str]) -> list[list[str]]:
    """The (copy, original) pairs among copies of one story dated as given."""
    docs = pd.DataFrame(
        {"doc_id": list(published), "published": list(published.values()), "text": STORY}
    )
    return copies.copies(docs)[["doc_id", "copy_of"]].values.tolist()


def test_the_morning_wire_is_the_original_of_the_evening_reprint():
    """The day alone was compared: the reprint (first by id) had become the original."""
    pairs = _pairs({"a_reprint": "2024-09-10T22:00:00Z", "b_wire": "2024-09-10T06:00:00Z"})
    assert pairs == [["a_reprint", "b_wire"]]
    # instants in UTC: 06:00 at +05:00 is 01:00Z, before 03:00Z
    pairs = _pairs({"a": "2024-09-10T03:00:00Z", "b": "2024-09-10T06:00:00+05:00"})
    assert pairs == [["a", "b"]]
    # a day without a time could be any hour of it: after a time on that day
    assert _pairs({"a_day": "2024-09-10", "b_time": "2024-09-10T23:00:00Z"}) == [
        ["a_day", "b_time"]
    ]


@pytest.mark.parametrize(
    ("coarse", "fine"),
    [("2024-09", "2024-09-02"), ("2024", "2024-09-02"), ("2024", "2024-12-31T23:00:00Z"),
     ("2024", "2024-11")],
)  # fmt: skip
def test_a_coarser_date_is_not_earlier_than_a_finer_one_inside_it(coarse, fine):
    """ "2024-09" sorted as text before "2024-09-02", and "2024" before every 2024 date."""
    assert _pairs({"a_coarse": coarse, "b_fine": fine}) == [["a_coarse", "b_fine"]]


def test_a_coarser_date_before_the_other_span_is_still_earlier():
    assert _pairs({"a_fine": "2025-01-05", "b_year": "2024"}) == [["a_fine", "b_year"]]
    assert _pairs({"a_fine": "2024-10-01", "b_month": "2024-09"}) == [["a_fine", "b_month"]]
    # a year-only copy among three: it is listed against the earliest dated one
    pairs = _pairs({"a_year": "2024", "b": "2024-03-01", "c": "2024-05-01"})
    assert pairs == [["a_year", "b"], ["c", "b"]]


def test_dates_that_do_not_read_count_as_none():
    # not a calendar month, nor ISO: after a dated copy, whatever their text
    assert _pairs({"a_bad": "2024-13", "b": "2030-01-01"}) == [["a_bad", "b"]]
    assert _pairs({"a_bad": "03/06/2024", "b": "2030"}) == [["a_bad", "b"]]
