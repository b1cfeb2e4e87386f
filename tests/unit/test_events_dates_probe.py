"""Dates in the exercise analysis that a probe found wrong.

Relative phrases the reader had skipped ("last December", "two years ago", "last
summer"), publication dates of a month or a year, the ordering of cuts of different
precision, and a corpus too early for a trend.
"""

from __future__ import annotations

import datetime as dt
import re

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


@pytest.mark.parametrize(
    "text",
    [
        "They may hold it.",
        "This may be a drill.",
        "The fall of 2012.",
        "After the last fall of the rouble.",
    ],
)
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


# -- a corpus too early for a trend (finding: notebook 04 aborted on 2005 articles) --


def test_no_trend_is_possible_for_articles_of_the_records_first_year():
    fits = events.trend_fits(events.load_events(), 2005, 2026, 2005, n_documents=3)
    assert fits.attrs["fitted"] is False
    assert (fits.attrs["fit_start"], fits.attrs["fit_end"]) == (2005, 2004)
    row = fits.iloc[0]
    assert len(fits) == 1 and pd.isna(row["rate_ratio"]) and pd.isna(row["supports_growth"])
    assert row["sentence"] == "No trend: a trend needs three complete years, and the window has 0."
    assert row["note"].startswith(
        "No trend is fitted: no complete year (the latest of the 3 articles appeared in 2005"
    )
    assert list(fits.columns) == [*events.TREND_COLUMNS, "window_note"]


def test_two_complete_years_count_their_events_and_still_fit_nothing():
    fits = events.trend_fits(events.load_events(), 2005, 2026, 2007)
    row = fits.iloc[0]
    assert (row["window"], row["n_years"], row["n_events"]) == ("2005-2006", 2, 1)
    assert "only 2 complete year(s), 2005-2006" in row["note"]


def test_trend_fits_equals_the_two_fits_it_replaces():
    table = events.load_events()
    fits = events.trend_fits(table, 2005, 2026, 2024)
    assert fits.attrs["fitted"] and fits["window"].tolist() == ["2005-2023", "2018-2023"]
    one = events.trend(events.events_per_year(table, 2005, 2023))
    assert fits["rate_ratio"].iloc[0] == pytest.approx(one["rate_ratio"].item())
    assert set(fits["window_note"]) == {
        "trend window 2005-2023: the article appeared in 2024, a year not yet complete."
    }


@pytest.mark.parametrize(
    ("args", "kw"),
    [
        ((2005, 2026, 2005), {"first_year": 2005}),
        ((2002, 2026, 2005), {"first_year": 2005}),
        ((2024, 2024, 2024), {}),
        ((1990, 2030), {"complete_through": 1991}),
        ((2005, 2026, 2025), {"complete_through": 2025, "first_year": 2023}),
    ],
)
def test_the_advice_of_a_short_window_gives_three_complete_years(args, kw):
    with pytest.raises(ParameterError) as err:
        events.trend_window(*args, strict=True, **kw)
    advice = str(err.value).split("To fit one, ")[1]
    # follow each piece of advice: the window then has three complete years
    year_start, year_end = args[0], args[1]
    pub = args[2] if len(args) > 2 else None
    first, ct = kw.get("first_year"), kw.get("complete_through", events.COMPLETE_THROUGH)
    for text, change in _options(advice):
        ys, ye, p, f, c = year_start, year_end, pub, first, ct
        for name, value in change:
            if name == "year_start":
                ys = value
            elif name == "year_end":
                ye = value
            elif name == "publication_year":
                p = value
            elif name == "complete_through":
                c = value
            elif name == "events_from":
                f = value
        a, b, _ = events.trend_window(ys, ye, p, complete_through=c, first_year=f)
        assert b - a >= 2, (text, (a, b))


def _options(advice):
    out = []
    for part in advice.rstrip(".").split("; or "):
        change = [(n, int(v)) for n, v in re.findall(r"`(\w+)` to (\d{4})", part)]
        if m := re.search(r"add events of (\d{4}) or earlier", part):
            change.append(("events_from", int(m.group(1))))
        assert change, part
        out.append((part, change))
    return out


# -- the latest article among cuts of different precision --


def test_a_year_only_cut_reads_to_the_end_of_its_year():
    docs = pd.DataFrame({"doc_id": ["j1", "j2", "j3"], "text": ["x", "y", "z"],
                         "published": ["2024", "2024-03-01", ""]})  # fmt: skip
    cuts = events.document_cuts(docs)
    latest = events.latest_cut(cuts)
    assert latest["doc_id"] == "j1" and latest["cut"] == "2024"
    assert events.latest_cut(cuts.iloc[1:])["doc_id"] == "j2"
    assert events.latest_cut(cuts.iloc[2:]) is None  # no dated document
    assert events.cut_end("2024-03-01") < events.cut_end("2024-03") < events.cut_end("2024")
    assert (
        events.latest_cut(cuts.assign(cut=["2025-01-02", "2024", "whole record"]))["doc_id"] == "j1"
    )


def test_a_bad_cut_names_the_parameter():
    with pytest.raises(ParameterError, match="`cut` must be a year"):
        events.cut_end("Sep 2024")


# -- the notebook end to end --

_EARLY = (
    "Russian and Chinese troops began their first joint exercise, Peace Mission 2005, on "
    "Thursday near Vladivostok.\n\nLast year the two defence ministries signed an agreement "
    "on the drills, officials said."
)


@pytest.mark.slow
@pytest.mark.notebook
def test_notebook_04_runs_on_articles_too_early_for_a_trend(run_notebook, tmp_path_factory):
    d = tmp_path_factory.mktemp("early")
    pd.DataFrame(
        {"doc_id": ["i1", "i2"], "published": ["2004-12-28", "2005-08-18"], "text": _EARLY}
    ).to_csv(d / "early.csv", index=False)
    out = run_notebook("04_exercise_frequency", d / "early.csv")
    fits = pd.read_csv(out / "tables" / "exercise_trend.csv", keep_default_na=False)
    assert len(fits) == 1 and fits["rate_ratio"].tolist() == [""]
    assert fits["note"].item().startswith("No trend is fitted: no complete year")
    assert "set `publication_year` to 2008 or later" in fits["note"].item()
    refs = pd.read_csv(out / "tables" / "exercise_mentions.csv", keep_default_na=False)
    assert "Peace Mission" in set(refs["family"])
    assert (out / "tables" / "claims.csv").is_file()
    assert (out / "figures" / "exercise_frequency.png").stat().st_size > 10_000


@pytest.mark.slow
@pytest.mark.notebook
def test_notebook_04_charts_to_the_end_of_a_year_only_articles_year(run_notebook, tmp_path_factory):
    d = tmp_path_factory.mktemp("mixed")
    pd.DataFrame(
        {"doc_id": ["j1", "j2"], "published": ["2024", "2024-03-01"], "text": _EARLY}
    ).to_csv(d / "mixed.csv", index=False)
    out = run_notebook("04_exercise_frequency", d / "mixed.csv")
    cuts = pd.read_csv(out / "tables" / "document_cuts.csv", keep_default_na=False)
    assert cuts["cut"].tolist() == ["2024", "2024-03-01"]
    per_year = pd.read_csv(out / "tables" / "events_per_year.csv", keep_default_na=False)
    # the "2024" article's claims are judged on all of 2024: so is the chart (was cut at
    # 2024-03-01, two events)
    assert per_year.loc[per_year["year"] == 2024, "n"].sum() == 8


# -- a document dated by its month (finding: its record was read to the end of the year) --


def test_a_month_dated_document_reads_the_record_to_the_months_last_day():
    docs = pd.DataFrame({"doc_id": ["m", "y"], "text": "x", "published": ["2019-05", "2019"]})
    cuts = events.document_cuts(docs).set_index("doc_id")
    assert cuts.loc["m", ["cut", "publication_date"]].tolist() == ["2019-05", "2019-05-31"]
    assert "a month" in cuts.loc["m", "cut_source"]
    assert cuts.loc["y", ["cut", "publication_date"]].tolist() == ["2019", ""]
    ev = events.load_events()
    in_may = events.events_until(ev, publication_year=2019, publication_date="2019-05-31")
    whole = events.events_until(ev, publication_year=2019)
    july = "Joint Strategic Air Patrol"
    assert july not in set(in_may.loc[in_may.year == 2019, "name"])  # July 2019: after May
    assert july in set(whole.loc[whole.year == 2019, "name"])
    # the cut reads the record to the month's end; the article itself still has no day
    text = "The two navies held a joint naval patrol on Tuesday."
    s = pd.DataFrame({"doc_id": ["m"], "sent_id": 0, "start": 0, "text": [text]})
    r = events.mentions(s, documents=docs.iloc[:1])
    assert set(r["cut"]) == {"2019-05"} and r["event_year"].isna().all()
