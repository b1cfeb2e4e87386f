"""Notebook 04's event counting and claim check on other topics than the shipped one.

A researcher brings a table of their own series (climate summits, trade-dispute tariff
rounds) with ``events_path``. The names and aliases of that table are found as the table
writes them, an alias of one row names that row, and the claims of the coverage are not
refuted on words that say nothing of the event.
"""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from framelens import corpus, events
from framelens.errors import FramelensWarning, InputError

COLUMNS = [*events.EVENT_COLUMNS, "aliases"]

#: COP meetings 2015-2024 (no 2020 meeting): the table starts partway through the series
COPS = [
    (2015, "2015-11-30", "Paris (France)", "COP21; COP 21; Paris climate summit"),
    (2016, "2016-11-07", "Marrakech (Morocco)", "COP22; COP 22"),
    (2017, "2017-11-06", "Bonn (Germany)", "COP23; COP 23"),
    (2018, "2018-12-02", "Katowice (Poland)", "COP24; COP 24"),
    (2019, "2019-12-02", "Madrid (Spain)", "COP25; COP 25"),
    (2021, "2021-10-31", "Glasgow (United Kingdom)", "COP26; COP 26"),
    (2022, "2022-11-06", "Sharm el-Sheikh (Egypt)", "COP27; COP 27"),
    (2023, "2023-11-30", "Dubai (United Arab Emirates)", "COP28; COP 28"),
    (2024, "2024-11-11", "Baku (Azerbaijan)", "COP29; COP 29"),
]


def _load(path):
    """Load a table of one's own domains (the warning naming them is expected)."""
    with pytest.warns(FramelensWarning, match="domains of their own"):
        return events.load_events(path)


def _write(path, rows):
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for row in rows:
            w.writerow(row)
    return path


@pytest.fixture
def cops(tmp_path):
    rows = [
        ("COP", y, start, "", "summit", loc, "UNFCCC parties", f"https://unfccc.int/{y}",
         f"COP {y}", "", aliases)
        for y, start, loc, aliases in COPS
    ]  # fmt: skip
    return _load(_write(tmp_path / "cops.csv", rows))


@pytest.fixture
def tariffs(tmp_path):
    rows = [
        ("Section 301 tariffs", 2018, "2018-07-06", "", "tariff", "United States",
         "United States; China", "https://ustr.gov/a", "List 1", "", "List 1 tariffs"),
        ("Section 301 tariffs", 2018, "2018-09-24", "", "tariff", "United States",
         "United States; China", "https://ustr.gov/c", "List 3", "", "List 3 tariffs"),
        ("Section 301 tariffs", 2019, "2019-09-01", "", "tariff", "United States",
         "United States; China", "https://ustr.gov/d", "List 4A", "", "List 4A tariffs"),
    ]  # fmt: skip
    return _load(_write(tmp_path / "tariffs.csv", rows))


def _run(texts, table, published):
    docs = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(texts))],
            "text": texts,
            "published": [published] * len(texts),
        }
    )
    found = events.mentions(corpus.segment(docs), events=table, documents=docs)
    claims = events.check_claims_by_document(found, table, events.document_cuts(docs))
    return found, claims


def _refs(found):
    return found[found["kind"] == "reference"]


# -- 1. numbered editions and the aliases of one row ---------------------------------------


def test_an_alias_of_one_row_names_that_row_not_the_article_year(cops):
    found, claims = _run(
        [
            "At COP28 in Dubai, countries agreed to transition away from fossil fuels.",
            "The COP 28 summit opened on Thursday.",
            "COP-28 was the biggest climate summit ever.",
        ],
        cops,
        "2024-11-20",
    )
    refs = _refs(found)
    assert refs["record_event"].tolist() == ["COP|2023|2023-11-30"] * 3
    assert refs["mention"].tolist() == ["COP28", "COP 28", "COP-28"]
    place = claims[claims["claim_type"] == "place"]
    assert place["status"].tolist() == ["supported"]
    assert "2023" in place["claim"].item()
    # the year comes from the table, not the text: no "took place in 2023" claim
    assert "named_year" not in set(claims["claim_type"])


def test_a_number_after_a_name_is_not_the_article_year(cops):
    found, _ = _run(["COP 30 opens in Belem next week.", "COP30 opened."], cops, "2024-11-20")
    refs = _refs(found)
    assert refs["mention"].tolist() == ["COP 30", "COP30"]
    assert refs["record_event"].tolist() == ["", ""]
    assert refs["event_year"].isna().all()
    assert refs["link_evidence"].str.contains("no year").all()


def test_a_year_written_beside_a_row_alias_wins(cops):
    found, _ = _run(["COP29 2024 opened in Baku."], cops, "2025-01-10")
    assert _refs(found)["record_event"].tolist() == ["COP|2024|2024-11-11"]


def test_an_alias_on_every_row_is_a_spelling_of_the_series(tmp_path):
    rows = [
        ("BALTOPS", y, f"{y}-06-05", "", "naval", "Baltic Sea", "NATO", f"https://x.org/{y}",
         "t", "", "Baltic Operations")
        for y in (2022, 2023, 2024)
    ]  # fmt: skip
    table = events.load_events(_write(tmp_path / "b.csv", rows))
    found, _ = _run(["Baltic Operations began on Monday."], table, "2023-06-07")
    assert _refs(found)["record_event"].tolist() == ["BALTOPS|2023|2023-06-05"]


# -- 2. names and aliases with small letters ------------------------------------------------


def test_names_and_aliases_with_small_letters_are_found_as_written(tariffs, tmp_path):
    found, _ = _run(
        [
            "The first round of Section 301 tariffs took effect on Friday.",
            "The List 3 tariffs hit $200 billion of goods.",
        ],
        tariffs,
        "2018-09-25",
    )
    refs = _refs(found)
    assert refs["mention"].tolist() == ["Section 301 tariffs", "List 3 tariffs"]
    assert refs["record_event"].tolist()[1] == "Section 301 tariffs|2018|2018-09-24"
    rows = [
        ("COP", 2015, "2015-11-30", "", "summit", "Le Bourget; Paris (France)", "UNFCCC",
         "https://unfccc.int/cop21", "COP21", "", "Conference of the Parties; Paris climate summit")
    ]  # fmt: skip
    table = _load(_write(tmp_path / "c.csv", rows))
    found, _ = _run(
        [
            "Delegates gathered in Le Bourget for the Conference of the Parties.",
            "The Paris climate summit opened in Le Bourget.",
            "The PARIS CLIMATE SUMMIT opened.",
            "A conference of the parties to a contract met.",
        ],
        table,
        "2015-12-01",
    )
    refs = _refs(found)
    assert refs["mention"].tolist() == [
        "Conference of the Parties", "Paris climate summit", "PARIS CLIMATE SUMMIT"
    ]  # fmt: skip
    assert set(refs["record_event"]) == {"COP|2015|2015-11-30"}


# -- 3. the places of a place claim -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "At COP26 in Glasgow, ministers renewed the Paris Agreement goals.",
        "Delegates at COP26 in Glasgow met activists from the Pacific.",
        "Delegates at COP26 in Glasgow discussed rising seas in the Pacific and the "
        "South China Sea.",
    ],
)
def test_a_place_claim_names_only_the_places_of_the_event(cops, text):
    _, claims = _run([text], cops, "2021-11-13")
    place = claims[claims["claim_type"] == "place"]
    assert place["claimed"].tolist() == ["Glasgow"]
    assert place["status"].tolist() == ["supported"]


def test_a_place_governed_by_no_locative_of_the_event_is_no_claim(cops):
    _, claims = _run(
        [
            "COP29 was held in a petrostate, after Egypt and the UAE.",
            "COP22 opened in Marrakech as the Paris Agreement came into force.",
            "COP27 took place in the Egyptian resort of Sharm el-Sheikh.",
        ],
        cops,
        "2024-12-01",
    )
    place = claims[claims["claim_type"] == "place"]
    assert place["claimed"].tolist() == ["Marrakech", "Sharm el-Sheikh"]
    assert set(place["status"]) == {"supported"}


def test_another_place_of_the_table_beside_the_venue_is_not_refuted(cops):
    _, claims = _run(
        [
            "At COP29 in Baku, delegates recalled the deal reached in Paris.",
            "COP29 was held in Paris.",
        ],
        cops,
        "2024-12-01",
    )
    place = claims[claims["claim_type"] == "place"]
    assert place["status"].tolist() == ["not checkable", "not supported"]


def test_the_shipped_record_places_are_not_places_of_another_table(cops):
    assert events.places("COP29 was held near Vladivostok in the Sea of Japan.", events=cops) == []
    assert events.places("COP29 was held in Baku.", events=cops) == ["Baku"]
    assert events.places("Ships drilled in the Sea of Japan.") == ["Sea of Japan"]


# -- 4. ordinals of a table that starts partway through its series -------------------------


def test_an_ordinal_beyond_the_table_is_not_checkable_and_since_counts_from_then(cops):
    _, claims = _run(
        [
            "The 28th COP, held in Dubai, ended on Wednesday.",
            "COP29 in Baku is the fifth COP since 2019.",
            "COP29 is the third COP.",
            "Baku hosted COP29, the third COP in a row held in an oil state.",
        ],
        cops,
        "2024-11-25",
    )
    ordinal = claims[claims["claim_type"] == "ordinal"]
    assert ordinal["status"].tolist() == [
        "not checkable", "supported", "not supported", "not checkable"
    ]  # fmt: skip
    assert "may not start with the series' first" in ordinal["reason"].iloc[0]
    assert "already the ninth" in ordinal["reason"].iloc[2]


def test_an_edition_column_numbers_the_rows(tmp_path):
    rows = [
        ("COP", y, start, "", "summit", loc, "UNFCCC", f"https://unfccc.int/{y}", "t", "", al,
         str(y - 1994 if y < 2020 else y - 1995))
        for y, start, loc, al in COPS
    ]  # fmt: skip
    path = tmp_path / "cops_ed.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow([*COLUMNS, "edition"])
        w.writerows(rows)
    table = _load(path)
    _, claims = _run(
        ["The 28th COP, held in Dubai, ended on Wednesday.", "COP28 was the 27th COP."],
        table,
        "2023-12-14",
    )
    ordinal = claims[claims["claim_type"] == "ordinal"]
    assert ordinal["status"].tolist() == ["supported", "not supported"]
    bad = tmp_path / "bad_ed.csv"
    bad.write_text(path.read_text().replace(",28\n", ",28th\n"), encoding="utf-8")
    with pytest.raises(InputError, match=r"line 9.*edition '28th' is not a number"):
        events.load_events(bad)


# -- 5. an unquoted comma in the event table -------------------------------------------------


def test_a_row_with_more_fields_than_the_header_is_an_error(tmp_path):
    path = tmp_path / "cops_comma.csv"
    path.write_text(
        ",".join(COLUMNS) + "\n"
        "COP,2021,2021-10-31,,summit,Glasgow (United Kingdom),UNFCCC,https://u.int/26,t,,COP26\n"
        "COP,2022,2022-11-06,,summit,Sharm el-Sheikh, Egypt,UNFCCC,https://u.int/27,t,,COP27\n",
        encoding="utf-8",
    )
    with pytest.raises(
        InputError, match=r"cops_comma\.csv, line 3 .*12 fields, the header has 11.*quoted"
    ):
        events.load_events(path)


# -- 7. exercise words that are no exercise -------------------------------------------------


def test_fire_drills_the_verb_exercise_and_semi_annual_are_no_mentions(cops):
    found, _ = _run(
        [
            "At COP29, a fire drill on Thursday briefly emptied the press centre.",
            "Both sides said they were willing to exercise restraint.",
            "Russia exercises its right to respond.",
            "COP29 agreed to a semi-annual review.",
            "The two navies held joint exercises and drills.",
        ],
        cops,
        "2024-11-20",
    )
    words = found[found["kind"] == "generic"]
    assert words["doc_id"].tolist() == ["d4", "d4"]
    assert found[(found["kind"] == "claim") & (found["type"] == "frequency")].empty
