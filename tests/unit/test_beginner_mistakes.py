"""Mistakes a workshop participant made, each answered by a message that says what to do.

Found by working through the student edition as a beginner: a .docx beside the .txt
files, a list of patterns written as one string, a misspelt keyword of a class, an Excel
export's capitalised date column, a path where a table was expected.
"""

from __future__ import annotations

import sys
import warnings

import pandas as pd
import pytest

from framelens import corpus, events, framing, nb, stats
from framelens.errors import FramelensWarning, ParameterError


def test_an_article_saved_as_docx_beside_the_txt_files_is_named(tmp_path):
    (tmp_path / "article1.txt").write_text("The navies began drills.", encoding="utf-8")
    (tmp_path / "article2.docx").write_bytes(b"PK\x03\x04 not text")
    (tmp_path / "README.md").write_text("notes", encoding="utf-8")  # notes are no article
    with pytest.warns(FramelensWarning, match=r"1 file\(s\) are not \.txt and are not read: "
                      r"article2\.docx\. Save each article as plain text"):  # fmt: skip
        docs = corpus.load(tmp_path)
    assert docs["doc_id"].tolist() == ["article1"]


def test_a_list_of_patterns_written_as_one_string_is_named():
    s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [20],
                      "kind": ["prose"], "text": ["Tensions rose again."]})  # fmt: skip
    with pytest.warns(FramelensWarning, match=r"the commas are part of the pattern\. Pass the "
                      r"patterns as a list: \['tension\*', 'threat\*', 'provok\*'\]"):  # fmt: skip
        hits = stats.kwic(s, "tension*, threat*, provok*")
    assert hits.empty
    assert len(stats.kwic(s, ["tension*", "threat*", "provok*"])) == 1


def test_one_domain_as_a_string_is_one_domain():
    """`domains="naval"` was read letter by letter: "'n' was passed"."""
    table = events.load_events()
    one = events.events_per_year(table, 2010, 2020, domains="naval")
    assert one.equals(events.events_per_year(table, 2010, 2020, domains=["naval"]))


def test_a_misspelt_keyword_of_a_class_names_the_class_parameters():
    try:
        corpus.CorpusSpec("../seeds", text_col="Text")
    except TypeError as exc:
        msg = nb.short_message(TypeError, exc, sys.exc_info()[2])
    assert msg.startswith(
        "TypeError: corpus.CorpusSpec() has no parameter 'text_col' (did you mean 'text_column'?)"
    )


def test_an_excel_date_column_with_a_capital_is_named(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("doc_id,Text,Published\na,The drills began.,2024-01-01\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = corpus.load(path, text_column="Text")
    said = [str(w.message) for w in caught if issubclass(w.category, FramelensWarning)]
    assert any("column 'Published' looks like dates: pass date_column='Published'" in m
               for m in said), said  # fmt: skip
    assert (docs["published"] == "").all()


def test_a_labels_path_where_the_table_is_expected_says_how_to_read_it(tmp_path):
    s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "text": ["Tensions rose."]})
    hits = framing.match(s, "security")
    for call in (framing.evaluate, framing.disagreements):
        with pytest.raises(ParameterError, match=r"read it first, labels = framing\.load_labels"):
            call(hits, str(tmp_path / "labels.csv"))
