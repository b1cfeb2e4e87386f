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


# ---------------------------------------------------------------------------------------
# 2. the table's own words, not China and Russia's


def test_a_claim_about_no_event_of_an_own_table_is_explained_in_its_words(cops):
    claims = _claims(
        "For the first time since 1995, there will be no UN climate summit this year.",
        cops,
        "2020-04-01",
    )
    (reason,) = claims["reason"]
    assert reason == (
        "the sentence names none of the events of cops.csv, and neither it nor its "
        "document names the table's participant (UNFCCC parties) without naming another "
        "actor: it may be about other events."
    )
    assert "China" not in reason and "exercise" not in reason


def test_two_participants_of_an_own_table_are_named_with_the_two_countries(tmp_path):
    path = tmp_path / "talks.csv"
    path.write_text(
        "name,year,start_date,end_date,domain,location,participants,source,source_title,"
        "notes\n"
        "Trade talks,2019,2019-01-07,,talks,Beijing,United States; China,https://e.org/a,"
        "a,\n"
        "Trade talks,2019,2019-05-09,,talks,Washington,United States; China,"
        "https://e.org/b,b,\n",
        encoding="utf-8",
    )
    with pytest.warns(FramelensWarning, match="talks"):
        table = events.load_events(path)
    claims = _claims("The annual round of negotiations opened on Monday.", table, "2019-06-01")
    assert claims["reason"].tolist() == [
        "the sentence names none of the events of talks.csv, and neither it nor its "
        "document names all of the table's participants (China and United States, or "
        "'the two countries') without naming another actor: it may be about other events."
    ]


def test_the_shipped_wording_is_kept():
    claims = _claims(
        "NATO began its annual BALTOPS exercise in the Baltic Sea.",
        events.load_events(),
        "2023-06-05",
    )
    assert claims["reason"].tolist() == [
        "the sentence names no exercise of the record, and neither it nor its document "
        "names all of the record's parties (or 'the two countries') without naming another "
        "actor: it may be about another exercise."
    ]


def test_the_corpus_note_names_the_events_of_an_own_table(cops):
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "published": ["2023-12-13", "2023-12-14"],
            "text": ["COP28 closed in Dubai.", "Nothing here."],
        }
    )
    found = events.mentions(corpus.segment(docs), events=cops, documents=docs)
    note = events.corpus_note(found, n_documents=2, events=cops)
    assert note.startswith("1 reference(s) to events of cops.csv in 1 of the 2 documents")
    none = events.corpus_note(found.iloc[0:0], n_documents=2, events=cops)
    assert none.startswith("None of the 2 documents refers to any event of cops.csv: ")
    shipped = events.corpus_note(found, n_documents=2, events=events.load_events())
    assert shipped == events.corpus_note(found, n_documents=2)
    assert shipped.startswith("1 reference(s) to joint exercises or patrols in 1 of the 2")


# ---------------------------------------------------------------------------------------
# 3. the frequency chart of a corpus written over many years


def _texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def test_article_years_counts_the_dated_articles_per_year():
    cuts = pd.DataFrame({"publication_year": [2014, 2013, 2014, 0]})
    assert events.article_years(cuts).to_dict() == {2013: 1, 2014: 2}
    assert events.article_years(cuts.iloc[[3]]).empty


def test_articles_of_many_years_are_shown_as_their_span_not_one_year():
    import matplotlib.pyplot as plt

    per_year = events.events_per_year(events.load_events(), 2010, 2024)
    years = pd.Series({2013: 15, 2014: 19, 2020: 7, 2024: 5})
    ax = events.plot_frequency(
        per_year, publication_year=2024, record_until="2024-12-02", article_years=years
    )
    texts = _texts(ax)
    assert "article\npublished" not in texts
    assert ["15", "19", "7", "5"] == [t for t in texts if t.isdigit()]
    assert "articles:" in texts
    assert ax.get_title().endswith(
        "(record up to the latest article's date, 2024-12-02; 46 articles, 2013–2024)"
    )
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[-1] == "grey: the articles' years (count above)"
    spans = [p for p in ax.patches if type(p).__name__ in ("Polygon", "Rectangle")
             and p.get_facecolor()[:3] == pytest.approx((0xEC / 255,) * 3)]  # fmt: skip
    assert len(spans) == 1
    xs = spans[0].get_path().transformed(spans[0].get_patch_transform()).vertices[:, 0]
    assert (xs.min(), xs.max()) == (2012.5, 2024.5)
    plt.close(ax.figure)


@pytest.mark.parametrize("years", [None, pd.Series({2024: 1})])
def test_one_article_keeps_the_one_publication_band(years):
    import matplotlib.pyplot as plt

    per_year = events.events_per_year(events.load_events(), 2019, 2024)
    ax = events.plot_frequency(
        per_year, publication_year=2024, record_until="2024-07-25", article_years=years
    )
    assert "article\npublished" in _texts(ax)
    assert ax.get_title().endswith("(record up to the article's date, 2024-07-25)")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[-1] == "black outline: named in the corpus"
    plt.close(ax.figure)


def test_many_articles_of_one_year_are_the_latest_of_them():
    import matplotlib.pyplot as plt

    per_year = events.events_per_year(events.load_events(), 2019, 2024)
    ax = events.plot_frequency(
        per_year,
        publication_year=2024,
        record_until="2024-07-25",
        article_years=pd.Series({2024: 3}),
    )
    assert "article\npublished" in _texts(ax)
    assert ax.get_title().endswith(
        "(record up to the article's date, 2024-07-25; the latest of 3 articles)"
    )
    plt.close(ax.figure)
