"""Notebook 04 with a researcher's own event table: other series, other parties.

The shipped record is of China–Russia exercises; a researcher may bring any series
(allied exercises, coast-guard patrols, summits). The names of their table must be found
in the text, the built-in China–Russia spellings must not fire on their corpus, and the
verdicts, trend and figure must speak of their table.
"""

from __future__ import annotations

import csv

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from framelens import corpus, events
from framelens.errors import FramelensWarning, InputError, ParameterError


def _table(tmp_path, rows, *, aliases: dict[str, str] | None = None):
    """Write an event table (name, year, start_date, domain, location) and load it."""
    path = tmp_path / "my_events.csv"
    cols = [*events.EVENT_COLUMNS, *(["aliases"] if aliases else [])]
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(cols)
        for name, year, start, domain, location in rows:
            url = f"https://example.org/{name.replace(' ', '-')}-{year}"
            row = [name, year, start, "", domain, location, "United States; Japan", url,
                   f"[{name} {year}]", ""]  # fmt: skip
            if aliases:
                row.append(aliases.get(name, ""))
            w.writerow(row)
    return events.load_events(path)


@pytest.fixture
def allied(tmp_path):
    keen = [("Keen Sword", y, f"{y}-10-23", "combined", "waters around Japan")
            for y in range(2006, 2025, 2)]  # fmt: skip
    baltops = [("BALTOPS", y, f"{y}-06-05", "naval", "Baltic Sea") for y in range(2015, 2025)]
    return _table(tmp_path, keen + baltops, aliases={"BALTOPS": "Baltic Operations"})


def _found(text: str, table, published: str) -> pd.DataFrame:
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text], "published": [published]})
    return events.mentions(corpus.segment(docs), events=table, documents=docs)


def test_the_names_of_the_table_are_found_in_any_spelling(allied):
    m = _found(
        "Keen Sword 2024 began on Wednesday. Japan hosted Keen-Sword 2022 too. "
        "Ships joined Baltic Operations 2023 in June. BALTOPS was larger this year. "
        "He swung a keen sword.",
        allied,
        "2024-10-25",
    )
    refs = m[m["kind"] == "reference"]
    named = refs[refs["type"] == "named_exercise"]
    assert named["mention"].tolist() == [
        "Keen Sword 2024", "Keen-Sword 2022", "Baltic Operations 2023", "BALTOPS"
    ]  # fmt: skip
    assert named["family"].tolist() == ["Keen Sword", "Keen Sword", "BALTOPS", "BALTOPS"]
    assert named["record_event"].tolist() == [
        "Keen Sword|2024|2024-10-23", "Keen Sword|2022|2022-10-23",
        "BALTOPS|2023|2023-06-05", "BALTOPS|2024|2024-06-05",
    ]  # fmt: skip
    assert "keen sword" not in " ".join(refs["mention"])  # lower case: not a name


def test_china_russia_spellings_do_not_fire_on_another_record(allied):
    text = "Scientists drilled at Lake Vostok in 2012, and Vostok 2018 was a Russian drill."
    own = _found(text, allied, "2024-01-10")
    assert own[own["type"] == "named_exercise"].empty
    shipped = _found(text, events.load_events(), "2024-01-10")
    assert "Vostok" in set(shipped.loc[shipped["type"] == "named_exercise", "family"])


def test_ordinals_of_the_own_series_are_checked(allied):
    m = _found(
        "BALTOPS 2024, the tenth edition since 2015, began on Wednesday. "
        "Keen Sword 2024, the twelfth edition, began on Friday.",
        allied,
        "2024-10-25",
    )
    claims = events.check_claims(m, allied, publication_date="2024-10-25")
    ordinals = claims[claims["claim_type"] == "ordinal"].set_index("family")["status"]
    assert ordinals["BALTOPS"] == events.SUPPORTED  # 2015..2024
    # the tenth in the table, which starts in 2006 and may not start with the first Keen
    # Sword (it does not: 1986): the table cannot refute the twelfth
    assert ordinals["Keen Sword"] == events.NOT_CHECKABLE


def test_a_patrol_series_the_table_lacks_is_not_checkable(allied):
    m = _found(
        "China and Russia held their ninth joint naval patrol on Tuesday.", allied, "2024-08-20"
    )
    claims = events.check_claims(m, allied, publication_date="2024-08-20")
    row = claims[claims["claim_type"] == "ordinal"].iloc[0]
    assert row["status"] == events.NOT_CHECKABLE
    assert "no Joint Naval Patrol series" in row["reason"]


def test_twice_a_year_is_judged_on_complete_years_and_the_year_so_far(tmp_path):
    rows = [
        (n, y, f"{y}-{m}", "naval", "South China Sea")
        for y in (2022, 2023)
        for n, m in (("Coast Patrol", "04-01"), ("Coast Patrol", "10-01"))
    ]
    rows.append(("Coast Patrol", 2024, "2024-04-01", "naval", "South China Sea"))  # fmt: skip
    table = _table(tmp_path, rows)
    text = "Since 2022 the Coast Patrol has been held twice a year, most recently in April."
    early = events.check_claims(_found(text, table, "2024-04-24"), table,
                                publication_date="2024-04-24")  # fmt: skip
    row = early[early["claim_type"] == "frequency"].iloc[0]
    assert row["status"] == events.SUPPORTED, row["reason"]
    assert "(2024 to 2024-04-24)" in row["reason"]
    # a year over with one event disproves it
    late = events.check_claims(_found(text, table, "2025-01-20"), table,
                               publication_date="2025-01-20")  # fmt: skip
    assert late[late["claim_type"] == "frequency"].iloc[0]["status"] == events.NOT_SUPPORTED


def test_claims_about_every_event_name_the_table_not_china_and_russia(allied):
    text = "The United States and Japan have held such drills every year since 2015."
    m = _found(text, allied, "2024-10-25")
    claims = events.check_claims(m, allied, publication_date="2024-10-25")
    row = claims[claims["claim_type"] == "frequency"].iloc[0]
    assert "events of the record" in row["claim"] and "China" not in row["claim"]


def test_the_trend_starts_at_the_tables_first_year(allied):
    a, b, note = events.trend_window(2005, 2026, 2025, complete_through=2025, first_year=2006)
    assert (a, b) == (2006, 2024)
    assert "the event table's first year" in note
    with pytest.raises(ParameterError, match="the event table's first year 2023"):
        events.trend_window(2005, 2026, 2025, complete_through=2025, first_year=2023, strict=True)


def test_no_trend_from_events_all_in_one_year():
    per_year = pd.DataFrame({"year": range(2005, 2025), "domain": "naval", "names": "",
                             "n": [0] * 19 + [1]})  # fmt: skip
    fit = events.trend(per_year).iloc[0]
    assert pd.isna(fit["rate_ratio"]) and pd.isna(fit["supports_growth"])
    assert "all in 2024" in fit["note"] and fit["sentence"].startswith("Too few events")
    two = per_year.assign(n=[0] * 18 + [1, 1])  # two events in two years: still too few
    assert pd.isna(events.trend(two).iloc[0]["rate_ratio"])


def test_the_figure_names_the_table_and_only_its_domains(allied):
    assert events.record_label(allied) == "Events of my_events.csv"
    assert events.record_label(events.load_events()).startswith("China–Russia")
    ax = events.plot_frequency(
        events.events_per_year(allied, 2015, 2024), what=events.record_label(allied)
    )
    assert ax.get_title().startswith("Events of my_events.csv per year, 2015–2024")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "joint naval patrol" not in legend and "naval exercise" in legend
    plt.close(ax.figure)


def test_the_places_of_the_table_are_places(tmp_path):
    table = _table(tmp_path, [("Trident Juncture", 2018, "2018-10-25", "combined", "Norway"),
                              ("Trident Juncture", 2015, "2015-10-03", "combined",
                               "Italy; Spain; Portugal")])  # fmt: skip
    text = "Trident Juncture 2018 was held in Norway."
    assert events.places(text) == []  # the shipped record and gazetteer do not know it
    assert events.places(text, events=table) == ["Norway"]
    found = _found(text + " Trident Juncture 2015 took place in Norway too.", table, "2018-11-01")
    claims = events.check_claims(found, table, publication_date="2018-11-01")
    place = claims[claims["claim_type"] == "place"].set_index("sent_id")["status"]
    assert place.tolist() == [events.SUPPORTED, events.NOT_SUPPORTED]


def test_a_domain_of_ones_own_is_counted_and_a_misspelt_one_refused(tmp_path):
    rows = [("Quad Summit", y, f"{y}-09-24", "summit", "Washington") for y in (2021, 2022, 2023)]
    rows.append(("Malabar", 2023, "2023-08-11", "naval", "Sydney"))
    with pytest.warns(FramelensWarning, match=r"domain\(s\) \['summit'\] are not among"):
        table = _table(tmp_path, rows)
    per_year = events.events_per_year(table, 2021, 2023)
    summits = per_year[per_year["domain"] == "summit"]
    assert summits["n"].tolist() == [1, 1, 1]
    assert "Quad Summit 2022" in summits["names"].tolist()
    ax = events.plot_frequency(per_year, what=events.record_label(table))
    assert {t.get_text() for t in ax.get_legend().get_texts()} >= {"summit", "naval exercise"}
    plt.close(ax.figure)
    (tmp_path / "typo").mkdir()
    with pytest.raises(InputError, match=r"domain 'navel' is not a domain.*did you mean 'naval'"):
        _table(tmp_path / "typo", [("Malabar", 2023, "2023-08-11", "navel", "Sydney")])


def test_an_ordinal_just_before_a_name_is_a_claim(allied):
    m = _found("Japan hosted the tenth Keen Sword on Wednesday.", allied, "2024-10-25")
    cue = m[(m["kind"] == "claim") & (m["type"] == "ordinal")]
    assert cue["mention"].tolist() == ["the tenth Keen Sword"] and cue["ordinal"].tolist() == [10]
    claims = events.check_claims(m, allied, publication_date="2024-10-25")
    # the table's tenth, but the table may start partway through the series
    assert claims.set_index("claim_type").loc["ordinal", "status"] == events.NOT_CHECKABLE


def test_an_unnamed_exercise_at_sea_elsewhere_is_not_the_years_one_event(allied):
    """'a joint naval exercise in the Sea of Japan' was linked to BALTOPS (Baltic Sea),
    the only naval event of the year, and its place claim failed."""
    m = _found(
        "The United States and Japan held a joint naval exercise in the Sea of Japan on Friday.",
        allied,
        "2023-07-21",
    )
    ref = m[m["type"] == "described_exercise"].iloc[0]
    assert ref["record_event"] == ""
    assert "was in Baltic Sea, not in Sea of Japan" in ref["link_evidence"]
    # the same sentence about the Baltic is linked
    m = _found("The allies held a joint naval exercise in the Baltic Sea on Friday.", allied,
               "2023-06-09")  # fmt: skip
    assert m[m["type"] == "described_exercise"].iloc[0]["record_event"] == "BALTOPS|2023|2023-06-05"


def _patrols(tmp_path, per_year: dict[int, int]):
    rows = [("Coast Patrol", y, f"{y}-{2 + 3 * k:02d}-01", "naval", "South China Sea")
            for y, n in per_year.items() for k in range(n)]  # fmt: skip
    return _table(tmp_path, rows)


def _frequency_status(table, text: str, **when) -> str:
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text]})
    found = events.mentions(corpus.segment(docs), events=table)
    claims = events.check_claims(found, table, **when)
    return claims[claims["claim_type"] == "frequency"].iloc[0]["status"]


def test_a_year_only_date_leaves_the_publication_year_unfinished(tmp_path):
    table = _patrols(tmp_path, {2021: 2, 2022: 2, 2023: 2, 2024: 1})
    twice = "The Coast Patrol has been held twice a year since 2021."
    assert _frequency_status(table, twice, publication_year=2024) == events.SUPPORTED
    assert _frequency_status(table, twice, publication_year=2025) == events.NOT_SUPPORTED
    (tmp_path / "annual").mkdir()
    yearly = _patrols(tmp_path / "annual", {2021: 1, 2022: 1, 2023: 1})
    annual = "The Coast Patrol has been held every year since 2021."
    assert _frequency_status(yearly, annual, publication_year=2024) == events.SUPPORTED


def test_at_least_and_more_than_are_lower_bounds(tmp_path):
    table = _patrols(tmp_path, {2021: 3, 2022: 3, 2023: 3})
    when = {"publication_date": "2023-12-31"}
    for text, status in [
        ("The Coast Patrol is held at least twice a year since 2021.", events.SUPPORTED),
        ("The Coast Patrol is held more than once a year since 2021.", events.SUPPORTED),
        ("The Coast Patrol is held more than twice a year since 2021.", events.SUPPORTED),
        ("The Coast Patrol is held twice a year since 2021.", events.NOT_SUPPORTED),
    ]:
        assert _frequency_status(table, text, **when) == status, text
