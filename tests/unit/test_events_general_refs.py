"""General references, undated rows and the article's cut (a probe on unseen corpora).

Each test reproduces one wrong verdict of the probe on a few synthetic sentences: plural
references linked to the year's one event, undated rows of the article's own year counted
as before it, ordinals counted past the article's date, place claims judged on events after
the cut, and a corpus without any exercise mention.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import events

from .test_events import _sentences as sentence_frame


@pytest.fixture(scope="module")
def table():
    return events.load_events()


def _sentences(*texts, doc="d"):
    # body text, not a headline: every sentence in paragraph 1
    return sentence_frame(*texts, doc=doc, para=[1] * len(texts))


def _refs(found):
    return found[found["kind"] == "reference"].reset_index(drop=True)


# 1. general, plural references ------------------------------------------------------------


def test_plural_general_references_get_no_year_and_no_link(table):
    """A 2022-06-30 report linked 506 'the scale of joint exercises' to Marine Security Belt."""
    s = _sentences(
        "China and Russia have expanded the joint exercises.",
        "Analysts discussed the scale of joint exercises at a press conference.",
        "Japan monitored such joint drills without explanation.",
    )
    refs = _refs(events.mentions(s, events=table, documents={"d": "2022-06-30"}))
    assert refs["mention"].tolist() == [
        "the joint exercises",
        "joint exercises",
        "such joint drills",
    ]
    assert refs["date_rule"].tolist() == ["none"] * 3
    assert refs["event_year"].isna().all()
    assert refs["record_event"].tolist() == ["", "", ""]
    counts = events.mention_counts(events.mentions(s, events=table, documents={"d": "2022-06-30"}))
    assert "Marine Security Belt" not in set(counts["canonical_name"])


def test_a_plural_reporting_the_articles_event_keeps_its_date(table):
    """'China, Russia hold joint naval drills in Shanghai' (2014-05-20) is that year's event."""
    s = _sentences("China and Russia hold joint naval drills in Shanghai.")
    ref = _refs(events.mentions(s, events=table, documents={"d": "2014-05-20"})).iloc[0]
    assert (ref["date_rule"], ref["record_event"]) == ("article_date", "Joint Sea|2014|2014-05-20")


def test_a_singular_described_reference_keeps_the_documented_fallback(table):
    s = _sentences("China and Russia held a joint naval drill.")
    ref = _refs(events.mentions(s, events=table, documents={"d": "2022-06-30"})).iloc[0]
    assert (ref["date_rule"], int(ref["event_year"])) == ("article_date", 2022)


# 2. and 3. undated rows of the article's year, ordinals up to the article's date ----------------

PATROLS = pd.DataFrame(
    {
        "doc_id": ["o1", "o3", "o4"],
        "published": ["2023-01-05"] * 3,
        "text": [
            "Chinese and Russian navies hold first joint patrol in the Pacific.",
            "Chinese and Russian navies hold the fifth joint naval patrol in the Pacific.",
            "Chinese and Russian navies hold the third joint naval patrol in the Pacific.",
        ],
    }
)


@pytest.fixture(scope="module")
def patrol_claims(table):
    from framelens import corpus

    found = events.mentions(corpus.segment(PATROLS), events=table, documents=PATROLS)
    claims = events.check_claims_by_document(found, table, events.document_cuts(PATROLS))
    return found, claims


def test_no_link_to_an_undated_row_of_the_articles_year(patrol_claims):
    """Joint Naval Patrol 2023 has no start date (it began in July): not the January article's."""
    found, _ = patrol_claims
    refs = _refs(found)
    assert refs["record_event"].tolist()[:2] == ["", ""]
    assert refs["link_evidence"][:2].str.contains("cannot tell whether an undated one").all()
    # "the third" is that row by its number (its timing stays unknown: see the claims)
    assert refs["record_event"][2] == "Joint Naval Patrol|2023|"


def test_first_is_an_ordinal_claim_counted_up_to_the_articles_date(patrol_claims):
    _, claims = patrol_claims
    first = claims[(claims.doc_id == "o1") & (claims.claim_type == "ordinal")]
    assert first[["claimed", "status"]].values.tolist() == [["1", "not supported"]]
    assert "Joint Naval Patrol 2021 (2021-10-17)" in first["reason"].item()


def test_ordinal_counts_leave_out_the_undated_row_of_the_articles_year(patrol_claims):
    """'fifth' was refuted with 'only 3 … up to 2023-01-05': 2 had happened by then."""
    _, claims = patrol_claims
    fifth = claims[(claims.doc_id == "o3") & (claims.claim_type == "ordinal")].iloc[0]
    assert fifth["status"] == "not supported"
    assert "only 2 Joint Naval Patrol event(s) up to 2023-01-05" in fifth["reason"]
    assert "Joint Naval Patrol 2023" in fifth["reason"]  # named as unknown, not counted
    # the third would be the undated 2023 row: the record cannot tell
    third = claims[(claims.doc_id == "o4") & (claims.claim_type == "ordinal")].iloc[0]
    assert third["status"] == "not checkable"
    assert "no start date" in third["reason"]


def test_frequency_does_not_count_an_undated_row_as_before_the_article(table):
    s = _sentences("China and Russia hold joint naval patrols twice a year in the Pacific.")
    found = events.mentions(s, events=table)
    c = events.check_claims(found, table, publication_year=2023, publication_date="2023-01-05")
    row = c[c.claim_type == "frequency"].iloc[0]
    # 2021 and 2022 had one each; the undated 2023 row is not counted as before 5 January,
    # so the unfinished 2023 holds none yet and the span ends with 2022 (it had read 1, 1, 1)
    assert row["reason"] == "per year 2021-2022: 1, 1."


# 4. place claims at the same cut as the year claim --------------------------------------------


def test_place_is_judged_at_the_same_cut_as_the_named_year(table):
    """'Joint Sea-2019 opens in Qingdao' in 2014: the year not checkable, the place supported."""
    s = _sentences("Joint Sea-2019 opens in Qingdao.")
    found = events.mentions(s, events=table, documents={"d": "2014-03-04"})
    c = events.check_claims(found, table, publication_year=2014, publication_date="2014-03-04")
    assert c[["claim_type", "status"]].values.tolist() == [
        ["named_year", "not checkable"],
        ["place", "not checkable"],
    ]
    assert "after the article's cut" in c.loc[1, "reason"]
    # announced ('will open'): both judged on the row the record has
    s = _sentences("Joint Sea-2019 will open in Qingdao.")
    found = events.mentions(s, events=table, documents={"d": "2014-03-04"})
    c = events.check_claims(found, table, publication_year=2014, publication_date="2014-03-04")
    assert c["status"].tolist() == ["supported", "supported"]


# 5. a corpus without any mention ---------------------------------------------------------------


def test_corpus_note_says_plainly_when_nothing_was_found(table):
    s = _sentences("Great blender, easy to clean.", "Stocks rally as oil prices fall.")
    found = events.mentions(s, events=table)
    note = events.corpus_note(found, n_documents=300)
    assert note.startswith("None of the 300 documents refers to")
    assert "the record's, not the corpus's" in note


def test_trend_window_names_the_latest_of_many_articles():
    _, _, note = events.trend_window(2005, 2026, 2023, n_documents=300)
    assert "the latest of the 300 articles appeared in 2023" in note
    _, _, one = events.trend_window(2005, 2026, 2023)
    assert "the article appeared in 2023" in one
