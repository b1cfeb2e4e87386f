"""Frames built with pandas, not read by corpus.load: missing values, ids, line ends, order.

A probe of the Python API (a documents frame from ``read_csv``, a ``string`` or pyarrow
column, a ``category`` column, Windows line ends, integer ids, rows in another order)
found crashes and silent differences; each test here pins one of them.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from framelens import corpus, events, framing, groups, report, scale, sentiment
from framelens.errors import FramelensWarning, ParameterError

# ---------------------------------------------------------------------------------------
# 1. a missing publication date is no date

BASE = pd.DataFrame(
    {
        "doc_id": ["a", "b"],
        "text": ["China and Russia held a joint naval drill last year."] * 2,
        "published": ["2024-09-10", "2023-01-02"],
    }
)
CSV = (
    "doc_id,published,text\n"
    "a,2024-09-10,China and Russia held a joint naval drill last year.\n"
    "b,,China and Russia held a joint naval drill last year.\n"
)


def _missing_dates() -> dict[str, pd.DataFrame]:
    date32 = pd.array([pd.Timestamp("2024-09-10").date(), None], dtype="date32[pyarrow]")
    one = BASE["published"].where(BASE["doc_id"] == "a")
    return {
        "read_csv": pd.read_csv(io.StringIO(CSV)),
        "NaT": BASE.assign(published=pd.to_datetime(["2024-09-10", None])),
        "string": BASE.assign(published=one.astype("string")),
        "string[pyarrow]": BASE.assign(published=one.astype("string[pyarrow]")),
        "float year": BASE.assign(published=[2024, float("nan")]),
        "None": BASE.assign(published=["2024-09-10", None]),
        "date32[pyarrow]": BASE.assign(published=date32),
    }


@pytest.mark.parametrize("kind", list(_missing_dates()))
def test_a_missing_date_is_undated_in_every_events_function(kind):
    docs = _missing_dates()[kind]
    cuts = events.document_cuts(docs).set_index("doc_id")
    assert cuts.loc["b", ["publication_year", "publication_date", "cut", "flagged"]].tolist() == [
        0, "", "whole record", True,
    ]  # fmt: skip
    assert cuts.loc["a", "publication_year"] == 2024
    assert events.publication_year(docs)[0] == 2024
    date = events.publication_date(docs)[0]
    assert date == (None if kind == "float year" else "2024-09-10")
    found = events.mentions(corpus.segment(docs), documents=docs)
    refs = found[found["kind"] == "reference"].set_index("doc_id")
    assert refs.loc["b", ["date_rule", "cut"]].tolist() == [
        'relative:"last year" unresolved (no publication date)', "whole record",
    ]  # fmt: skip
    if kind == "float year":  # a year, no day: "last year" is not resolved, the cut is the year
        assert refs.loc["a", "cut"] == "2024"
    else:
        assert refs.loc["a", ["event_year", "cut"]].tolist() == [2023, "2024-09-10"]


def test_parse_date_reads_missing_values_as_none():
    for value in (None, float("nan"), pd.NaT, pd.NA):
        assert events.parse_date(value) is None
    assert events.mentions(
        pd.DataFrame(
            {"doc_id": ["a"], "sent_id": [0], "start": [0], "text": ["Drills last year."]}
        ),
        documents={"a": pd.NA},
    )["cut"].tolist() == ["whole record"]


def test_scale_analyse_takes_a_missing_date():
    docs = _missing_dates()["read_csv"]
    out = scale.analyse(docs, analyses=["events"])["exercise_mentions"]
    refs = out[out["kind"] == "reference"]
    assert refs["event_year"].astype("Float64").fillna(0).tolist() == [2023, 0]
    assert refs[["n", "n_docs"]].values.tolist() == [[1, 1], [1, 1]]


# ---------------------------------------------------------------------------------------
# 2. Windows line ends and a byte order mark in a frame

ARTICLE = (
    "MOSCOW, October 14. /TASS/. China and Russia began joint drills. Tensions rose.\n\n"
    "Japan protested the exercises.\n"
    "A second line of the same paragraph.\n\n"
    "Video of the drills. pic.twitter.com/abc123\n"
    "\u2014 Lu Wen (@luwen) September 10, 2024\n\n"
    "(Reporting by Jane Doe; Editing by John Smith)"
)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_segment_reads_windows_and_old_mac_line_ends_as_line_breaks(newline):
    lf = pd.DataFrame({"doc_id": ["a"], "text": [ARTICLE]})
    other = pd.DataFrame({"doc_id": ["a"], "text": ["\ufeff" + ARTICLE.replace("\n", newline)]})
    want, got = corpus.segment(lf), corpus.segment(other)
    keys = ["doc_id", "para_id", "sent_id", "kind"]
    assert got[keys].values.tolist() == want[keys].values.tolist()
    assert got["kind"].tolist().count("prose") == 4  # the prose is not one embed paragraph
    assert got["text"].str.replace(newline, "\n").tolist() == want["text"].tolist()
    # offsets are into the text as given
    text = other["text"][0]
    assert [text[a:b] for a, b in zip(got["start"], got["end"], strict=True)] == got[
        "text"
    ].tolist()
    # the dateline and the credits are furniture
    rules = corpus.boilerplate(other)["rule"].tolist()
    assert rules == corpus.boilerplate(lf)["rule"].tolist() == ["dateline", "furniture"]
    post = corpus.embeds(other)
    assert post[["handle", "date"]].values.tolist() == [["luwen", "2024-09-10"]]
    tokens = corpus.tokenize(got)
    assert "\ufeff" not in "".join(tokens["token"])


# ---------------------------------------------------------------------------------------
# 4. results do not depend on the sentences' row order

PATROLS = (
    "This is the first time the two countries have conducted joint air patrols near "
    "Alaska.\n\n"
    "The drills will include joint patrols in the Pacific Ocean, marking the fifth such "
    "instance of naval cooperation.\n\n"
    "Last year the two navies held their fifth joint naval patrol in the western Pacific.\n\n"
    "Drills at sea. pic.twitter.com/abc123\n\u2014 Lu Wen (@luwen) September 10, 2024"
)
ORDER_DOCS = pd.DataFrame(
    {"doc_id": ["a", "b"], "published": ["2024-09-10", "2023-05-01"], "text": [PATROLS] * 2}
)


def test_mentions_and_claims_do_not_depend_on_row_order():
    s = corpus.segment(ORDER_DOCS)
    reversed_ = s.iloc[::-1]
    before = reversed_.copy()
    want = events.mentions(s, documents=ORDER_DOCS)
    got = events.mentions(reversed_, documents=ORDER_DOCS)
    pd.testing.assert_frame_equal(got, want)
    pd.testing.assert_frame_equal(reversed_, before)  # the caller's frame is untouched
    patrols = want[want["mention"] == "joint patrols"]
    assert patrols["type"].tolist() == ["air_patrol", "air_patrol"]
    cuts = events.document_cuts(ORDER_DOCS)
    claims = events.check_claims_by_document(want, events.load_events(), cuts)
    shuffled = want.sample(frac=1, random_state=3)
    pd.testing.assert_frame_equal(
        events.check_claims_by_document(shuffled, events.load_events(), cuts), claims
    )
    pd.testing.assert_frame_equal(
        events.check_claims(shuffled, events.load_events()),
        events.check_claims(want, events.load_events()),
    )


def test_attributions_do_not_depend_on_row_order():
    s = corpus.segment(ORDER_DOCS)
    want = framing.attributions(s)
    pd.testing.assert_frame_equal(framing.attributions(s.iloc[::-1]), want)
    assert want[["doc_id", "sent_id", "source", "sent_ids"]].values.tolist() == [
        ["a", 3, "Lu Wen (@luwen)", "3 4"],
        ["b", 3, "Lu Wen (@luwen)", "3 4"],
    ]


# ---------------------------------------------------------------------------------------
# 5. integer ids, ids alike as strings


def test_integer_ids_are_strings_everywhere():
    docs = pd.DataFrame({"doc_id": [1, 2], "text": ["Tensions escalated. Ships sailed.", ""]})
    s = corpus.segment(docs)
    assert s["doc_id"].tolist() == ["1", "1"]
    over = corpus.overview(docs, s)
    assert over[["doc_id", "sentences"]].values.tolist() == [["1", 2], ["2", 0]]
    labels = groups.group_labels(docs.assign(source=["X", "Y"]), "source")
    assert labels["doc_id"].tolist() == ["1", "2"]


def test_ids_alike_once_written_as_strings_are_refused():
    docs = pd.DataFrame({"doc_id": [1, "1"], "text": ["Ships sailed.", "Tensions rose."]})
    match = r"`documents` needs one row per document.*doc_id '1' once written as text \(1 \(int\)"
    for call in (corpus.segment, corpus.boilerplate, corpus.embeds):
        with pytest.raises(ParameterError, match=match):
            call(docs)
    with pytest.raises(ParameterError, match=match):
        corpus.overview(docs, corpus.segment(docs.iloc[:1]))


# ---------------------------------------------------------------------------------------
# 6. a missing text is an empty document


@pytest.mark.parametrize("dtype", [object, "string", "string[pyarrow]"])
@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA])
def test_a_missing_text_is_an_empty_document(dtype, missing):
    if dtype is object and missing is pd.NA:
        text = pd.Series(["Drills began. Ships sailed.", pd.NA], dtype=object)
    else:
        text = pd.Series(["Drills began. Ships sailed.", missing], dtype=dtype)
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": text})
    s = corpus.segment(docs)
    assert s["doc_id"].tolist() == ["a", "a"]  # no sentence "<NA>" or "nan"
    over = corpus.overview(docs, s)
    assert over[["doc_id", "characters", "sentences"]].values.tolist() == [
        ["a", 27, 2], ["b", 0, 0],
    ]  # fmt: skip
    assert corpus.embeds(docs).empty
    assert corpus.boilerplate(docs).empty
    corpus.check_has_text(docs)
    with pytest.raises(Exception, match="1 empty"):
        corpus.check_has_text(docs.iloc[1:])


# ---------------------------------------------------------------------------------------
# 7. a missing value of a category or pyarrow column is the missing group


def test_a_missing_category_or_pyarrow_date_groups_as_missing():
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "text": ["Drills began.", "Tensions rose.", "Ships sailed."],
            "source": pd.Categorical(["TASS", None, "BBC"]),
            "published": pd.array(
                [pd.Timestamp("2024-09-10").date(), None, pd.Timestamp("2021-01-02").date()],
                dtype="date32[pyarrow]",
            ),
        }
    )
    assert groups.group_labels(docs, "source")["group"].tolist() == ["TASS", "(missing)", "BBC"]
    by_year = groups.group_labels(docs, "published", period="year")
    assert by_year["group"].tolist() == ["2024", "(missing)", "2021"]
    s = corpus.segment(docs)
    tone = sentiment.aggregate(
        sentiment.score(s), level="group", documents=docs, group_by="source", n_boot=100
    )
    assert sorted(tone["group"]) == ["(missing)", "BBC", "TASS"]
    result = scale.analyse(docs, analyses=["sentiment"], group_by="source")
    assert sorted(result["sentiment_groups"]["group"]) == ["(missing)", "BBC", "TASS"]


def test_a_missing_date_is_not_counted_as_a_dated_document():
    docs = pd.DataFrame(
        {"doc_id": ["a", "b", "c"], "published": pd.to_datetime(["2024-09-10", None, None])}
    )
    # NaT is no date: no warning of a "dated document" without a year "(e.g. nan)"
    labels = groups.group_labels(docs, "published", period="year")
    assert labels["group"].tolist() == ["2024", "(missing)", "(missing)"]
    docs = docs.astype({"published": object})
    docs.loc[2, "published"] = "10/09/2024"
    with pytest.warns(FramelensWarning, match=r"1 of 2 dated document\(s\).*'10/09/2024'"):
        labels = groups.group_labels(docs, "published", period="year")
    assert labels["group"].tolist() == ["2024", "(missing)", "(missing)"]


# ---------------------------------------------------------------------------------------
# 8. sentences of one corpus with the documents of another

A = pd.DataFrame(
    {
        "doc_id": ["a1", "a2"],
        "source": ["TASS", "BBC"],
        "published": ["2024-09-10", "2021-05-01"],
        "text": ["Tensions rose last year as drills began.", "Peace and friendship grew."],
    }
)
B = A.assign(doc_id=["b1", "b2"])


def test_documents_of_another_corpus_are_refused():
    s = corpus.segment(A)
    match = r"no document in common: .* 2 document\(s\) \(e\.g\. 'a1', 'a2'\)"
    with pytest.raises(ParameterError, match=match):
        events.mentions(s, documents=B)
    with pytest.raises(ParameterError, match=match):
        corpus.overview(B, s)
    with pytest.raises(ParameterError, match=match):
        sentiment.aggregate(
            sentiment.score(s), level="group", documents=B, group_by="source", n_boot=100
        )
    with pytest.raises(ParameterError, match=match):
        groups.group_of(s, B, "source")


def test_sentences_of_documents_not_among_the_documents_are_named():
    s = corpus.segment(A)
    match = r"1 document\(s\) that are not in `documents` \(1 of 2; e\.g\. 'a2'\)"
    with pytest.warns(FramelensWarning, match=match):
        found = events.mentions(s, documents=A.iloc[:1])
    assert found["cut"].unique().tolist() == ["2024-09-10"]
    with pytest.warns(FramelensWarning, match=match):
        labels = groups.group_of(s, A.iloc[:1], "source")
    assert labels.tolist() == ["TASS", "(missing)"]
    with pytest.warns(FramelensWarning, match=match):
        corpus.overview(A.iloc[:1], s)


# ---------------------------------------------------------------------------------------
# 9. save_table checks its arguments


@pytest.mark.parametrize("name", ["../escape", "", ".hidden", "sub/dir", "sub\\dir", 3])
def test_save_table_refuses_a_name_that_is_not_a_file_name(tmp_path, name):
    with pytest.raises(ParameterError, match=r"`name` must be a file name without a folder"):
        report.save_table(pd.DataFrame({"a": [1]}), name, tmp_path)
    assert not any(tmp_path.rglob("*.csv"))


def test_save_table_refuses_a_bad_frame_or_folder(tmp_path):
    frame = pd.DataFrame({"a": [1]})
    with pytest.raises(ParameterError, match=r"`output_dir` must be a folder .* None"):
        report.save_table(frame, "t", None)
    with pytest.raises(ParameterError, match=r"`frame` must be a pandas DataFrame, but list"):
        report.save_table([1, 2], "t", tmp_path)
    (tmp_path / "file").write_text("x")
    with pytest.raises(ParameterError, match=r"`output_dir` '.*file' is a file, not a folder"):
        report.save_table(frame, "t", tmp_path / "file")
    assert report.save_table(frame, "doc 1", tmp_path) == tmp_path / "tables" / "doc 1.csv"
