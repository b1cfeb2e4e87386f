"""The corpus model on the seed and on every kind of bad input."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

from framelens import corpus
from framelens.errors import FramelensWarning, InputError, ParameterError

from ..conftest import DATA, SEEDS

DOC = "china-russia-joint-exercises"


# --- the seed -----------------------------------------------------------------------------


def test_seed_text_is_the_validation_token_list(seeds_documents):
    text = seeds_documents.loc[0, "text"]
    tokens = [m.group(0).lower() for m in re.finditer(r"[A-Za-z]+(?:['’][A-Za-z]+)*", text)]
    reference = (DATA / "lexdiv" / "seed_tokens.txt").read_text().split()
    assert len(tokens) == 633
    assert tokens == reference


def test_seed_documents_frame(seeds_documents):
    assert list(seeds_documents.columns) == corpus.DOCUMENT_COLUMNS
    row = seeds_documents.iloc[0]
    assert row["doc_id"] == DOC
    # unknown metadata stays empty, never invented
    assert (row["title"], row["source"], row["published"], row["url"]) == ("", "", "", "")
    assert len(row["text"]) == 4184


def test_seed_paragraphs_sentences_and_kinds(seeds_sentences):
    s = seeds_sentences
    assert list(s.columns) == corpus.SENTENCE_COLUMNS
    assert s["para_id"].nunique() == 11
    assert len(s) == 24
    assert s["kind"].value_counts().to_dict() == {"prose": 19, "embed": 5}
    assert sorted(s.loc[s.kind == "embed", "para_id"].unique()) == [2, 5]
    assert s["sent_id"].tolist() == list(range(24))


def test_offsets_point_back_into_the_document(seeds_documents, seeds_sentences):
    text = seeds_documents.loc[0, "text"]
    for row in seeds_sentences.itertuples():
        assert text[row.start : row.end] == row.text


def test_us_stays_inside_its_sentences(seeds_sentences):
    hits = seeds_sentences[seeds_sentences["text"].str.contains("U.S.", regex=False)]
    assert hits["text"].tolist() == [
        "The growing military cooperation also underscores the two nations' shared goal of "
        "challenging U.S. influence in the Pacific, where the U.S. Navy has long been the "
        "dominant force.",
        "Nations such as Japan and South Korea, both U.S. allies, are particularly concerned "
        "about the potential for increased tensions in the region, as the drills are set to "
        "take place near their territorial waters.",
    ]
    # the sentences around them are whole sentences too
    before = seeds_sentences.loc[hits.index[0] - 1, "text"]
    after = seeds_sentences.loc[hits.index[0] + 1, "text"]
    assert before.startswith("As Russia continues its war in Ukraine,")
    assert before.endswith("in the conflict.")
    assert after.startswith("These drills are part of an evolving strategic alliance,")


def test_seed_embeds_with_handle_and_date(seeds_documents):
    e = corpus.embeds(seeds_documents)
    assert e[["para_id", "name", "handle", "date", "link"]].values.tolist() == [
        [2, "", "pearlleigh", "2024-09-10", "pic.twitter.com/xmuh0b0mwf"],
        [5, "China Daily", "ChinaDaily", "2024-09-10", "pic.twitter.com/gliyx0wi0s"],
    ]
    assert e.loc[0, "text"].startswith("Chinese war correspondent Lu released a video")
    assert e.loc[1, "text"].endswith("pic.twitter.com/gliyx0wi0s")


def test_embed_sentences_include_their_credit_lines(seeds_sentences):
    embeds = seeds_sentences[seeds_sentences.kind == "embed"]["text"].tolist()
    assert embeds[2] == "— (@pearlleigh) September 10, 2024"
    assert embeds[4] == "— China Daily (@ChinaDaily) September 10, 2024"


def test_learned_abbreviations_skip_ordinary_words(seeds_documents):
    learned = corpus.learn_abbreviations(seeds_documents)
    assert "u.s" in learned
    assert "ago" not in learned  # "hours ago." ends a sentence in the seed


def test_tokenize_seed(seeds_sentences):
    t = corpus.tokenize(seeds_sentences)
    assert list(t.columns) == corpus.TOKEN_COLUMNS
    counts = t["type"].value_counts().to_dict()
    assert counts["abbr"] == 3  # U.S. three times
    assert counts["hashtag"] == 4 and counts["url"] == 2 and counts["mention"] == 2
    words = t[t["type"].isin(corpus.WORD_TYPES)]
    assert len(words) == 608


# --- formats ------------------------------------------------------------------------------


def test_folder_without_metadata_uses_file_names(tmp_path):
    (tmp_path / "b story.txt").write_text("Second. Text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First text.", encoding="utf-8")
    docs = corpus.load(tmp_path)
    assert docs["doc_id"].tolist() == ["a", "b-story"]
    assert docs["title"].tolist() == ["", ""]


def test_csv_and_jsonl_with_metadata(tmp_path):
    csv = tmp_path / "c.csv"
    csv.write_text('doc_id,source,body\nx1,Outlet A,"One. Two."\nx2,Outlet B,Three.\n')
    docs = corpus.load(csv, text_column="body")
    assert docs[["doc_id", "source", "text"]].values.tolist() == [
        ["x1", "Outlet A", "One. Two."],
        ["x2", "Outlet B", "Three."],
    ]
    jl = tmp_path / "c.jsonl"
    jl.write_text(
        json.dumps({"text": "A.", "outlet": "X"}) + "\n\n" + json.dumps({"text": "B."}) + "\n"
    )
    docs = corpus.load(jl)
    assert docs["doc_id"].tolist() == ["doc0001", "doc0002"]
    assert docs["outlet"].tolist() == ["X", ""]


def test_crlf_and_bom_are_normalised(tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeffOne.\r\n\r\nTwo.".encode())
    docs = corpus.load(tmp_path)
    assert docs.loc[0, "text"] == "One.\n\nTwo."
    assert corpus.segment(docs)["para_id"].tolist() == [0, 1]


# --- bad input ----------------------------------------------------------------------------


def test_missing_path():
    with pytest.raises(InputError, match=r"corpus_path 'no/such/place': no such file or folder"):
        corpus.load("no/such/place")


def test_a_missing_relative_path_says_where_it_was_looked_for(tmp_path, monkeypatch):
    """A workshop participant put 'my_articles' beside notebooks/ and was told only that
    it did not exist: a notebook's relative paths start from notebooks/."""
    from framelens import events, scale

    monkeypatch.chdir(tmp_path)
    hint = rf"\(looked in {tmp_path}; .* a folder beside it is '\.\./my_articles'\)"
    with pytest.raises(InputError, match=hint):
        corpus.load("my_articles")
    with pytest.raises(InputError, match=hint):
        scale.load("my_articles", engine="dask")
    with pytest.raises(InputError, match=r"events_path 'my\.csv': no such file \(looked in"):
        events.load_events("my.csv")
    with pytest.raises(InputError, match=r"no such file or folder \(expected"):
        corpus.load(tmp_path / "absent")  # an absolute path needs no hint


def test_empty_folder(tmp_path):
    with pytest.raises(InputError, match=r"has no \.txt files \(it is empty\)"):
        corpus.load(tmp_path)


def test_empty_file(tmp_path):
    (tmp_path / "a.txt").write_text("  \n")
    with pytest.raises(InputError, match=r"a\.txt: the file is empty"):
        corpus.load(tmp_path)


def test_not_utf8_names_file_and_byte_offset(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Caf\xe9 society.\n")
    with pytest.raises(InputError, match=r"a\.txt: not valid utf-8 at byte offset 3 \(line 1\)"):
        corpus.load(tmp_path)
    docs = corpus.load(tmp_path, encoding="latin-1")
    assert docs.loc[0, "text"] == "Café society.\n"


def test_unknown_encoding_name(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    with pytest.raises(ParameterError, match=r"`encoding` 'utf-9' is not an encoding"):
        corpus.load(tmp_path, encoding="utf-9")


def test_binary_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match=r"a\.txt: looks like a binary file"):
        corpus.load(tmp_path)


def test_skip_lists_what_was_skipped_and_keeps_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text("Fine text.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.warns(FramelensWarning, match=r"skipped .*bad\.txt"):
        docs = corpus.load(tmp_path, on_error="skip")
    assert docs["doc_id"].tolist() == ["good"]
    assert [Path(s["path"]).name for s in docs.attrs["skipped"]] == ["bad.txt"]
    assert "binary" in docs.attrs["skipped"][0]["reason"]


@pytest.mark.parametrize("kind", ["csv", "jsonl", "txt"])
def test_a_glob_with_skip_lists_the_skipped_shards_and_warns(tmp_path, kind):
    good = {"csv": "doc_id,text\na,Fine text.\n", "jsonl": '{"doc_id": "a", "text": "Fine."}\n'}
    (tmp_path / f"s1.{kind}").write_text(good.get(kind, "Fine text."), encoding="utf-8")
    (tmp_path / f"s2.{kind}").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InputError, match=r"s2\.\w+: the file is UTF-16"):
        corpus.load(str(tmp_path / f"s*.{kind}"))
    with pytest.warns(FramelensWarning, match=r"skipped .*s2\."):
        docs = corpus.load(str(tmp_path / f"s*.{kind}"), on_error="skip")
    assert len(docs) == 1
    assert [Path(s["path"]).name for s in docs.attrs["skipped"]] == [f"s2.{kind}"]
    assert "UTF-16" in docs.attrs["skipped"][0]["reason"]


@pytest.mark.parametrize(
    ("kind", "content"),
    [("csv", "doc_id,text\n"), ("csv", ""), ("jsonl", ""), ("jsonl", "\n\n")],
)
def test_an_empty_shard_among_several_adds_no_documents(tmp_path, kind, content):
    rows = {"csv": "doc_id,text\n{0},Text {0}.\n", "jsonl": '{{"doc_id": "{0}", "text": "T."}}\n'}
    (tmp_path / f"day1.{kind}").write_text(rows[kind].format("a"), encoding="utf-8")
    (tmp_path / f"day2.{kind}").write_text(content, encoding="utf-8")
    (tmp_path / f"day3.{kind}").write_text(rows[kind].format("b"), encoding="utf-8")
    with pytest.warns(FramelensWarning, match=r"day2\.\w+: the file .* It adds no documents"):
        docs = corpus.load(str(tmp_path / f"day*.{kind}"))
    assert docs["doc_id"].tolist() == ["a", "b"]
    assert docs.attrs["skipped"] == []
    # the same file alone is still an error: there is nothing to analyse
    with pytest.raises(InputError, match=r"day2\.\w+: the file (is empty|has a header but)"):
        corpus.load(tmp_path / f"day2.{kind}")


def test_csv_without_text_column_names_the_columns(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("id,body\n1,hello\n")
    with pytest.raises(
        InputError, match=r"no text column 'text'; the columns are \['id', 'body'\]"
    ):
        corpus.load(p)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_a_text_column_beside_one_called_text_keeps_both_apart(tmp_path, suffix):
    """A teaser in `text` and the article in `body`: every document was the word "text"."""
    frame = pd.DataFrame(
        {"doc_id": ["a", "b"], "text": ["Teaser a.", "Teaser b."],
         "body": ["The drills began. Ships sailed.", "Talks ended."]}
    )  # fmt: skip
    p = tmp_path / f"c{suffix}"
    if suffix == ".csv":
        frame.to_csv(p, index=False)
    elif suffix == ".jsonl":
        frame.to_json(p, orient="records", lines=True)
    else:
        frame.to_parquet(p)
    with pytest.warns(FramelensWarning, match=r"kept as metadata, renamed 'text_original'"):
        d = corpus.load(p, text_column="body")
    assert d["text"].tolist() == ["The drills began. Ships sailed.", "Talks ended."]
    assert d["text_original"].tolist() == ["Teaser a.", "Teaser b."]
    assert corpus.segment(d)["text"].tolist() == ["The drills began.", "Ships sailed.",
                                                  "Talks ended."]  # fmt: skip


def test_an_id_column_named_but_absent_or_beside_doc_id(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("doc_id,title,text\na,T1,x.\nb,T2,y.\n")
    with pytest.raises(InputError, match=r"no id column 'article_id'; the columns are "
                                         r"\['doc_id', 'title'\]"):  # fmt: skip
        corpus.load(p, id_column="article_id")
    with pytest.warns(FramelensWarning, match=r"renamed 'doc_id_original'"):
        d = corpus.load(p, id_column="title")
    assert d[["doc_id", "doc_id_original"]].values.tolist() == [["T1", "a"], ["T2", "b"]]
    q = tmp_path / "noid.jsonl"
    q.write_text('{"id": 1, "text": "x."}\n')
    with pytest.raises(InputError, match=r"no id column 'ID'"):
        corpus.load(q, id_column="ID")


def test_a_header_naming_a_column_twice_is_an_error(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("doc_id,text, text \na,x.,y\n")
    with pytest.raises(InputError, match=r"names the column 'text' more than once"):
        corpus.load(p)


def test_a_corpus_of_nothing_but_furniture_is_named_before_any_analysis():
    docs = pd.DataFrame(
        {"doc_id": ["a", "b", "c"],
         "text": ["  ", "Copyright 2021 Reuters. All rights reserved.",
                  "Follow us on Twitter.\n\nMarch 4, 2021"]}
    )  # fmt: skip
    assert corpus.segment(docs).empty
    message = r"x.csv: no text to analyse in its 3 document\(s\): 1 empty, 2 only datelines"
    with pytest.raises(InputError, match=message):
        corpus.check_has_text(docs, "x.csv")
    docs.loc[2, "text"] += "\n\nThe drills began."
    corpus.check_has_text(docs)
    assert corpus.segment(docs)["text"].tolist() == ["The drills began."]


def test_rows_without_text_are_named(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text('doc_id,text\na,"Drills began."\nb,\nc,"   "\n')
    with pytest.warns(FramelensWarning, match=r"2 document\(s\) have no text: 'b' \(line 3\), "
                                              r"'c' \(line 4\)"):  # fmt: skip
        d = corpus.load(p)
    assert d["doc_id"].tolist() == ["a", "b", "c"]


def test_dates_that_are_not_iso_are_named(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("doc_id,date,text\na,2021-03-04,x.\nb,04/03/2021,y.\nc,2021-13-45,z.\n"
                 "d,2021-03-04T10:00:00Z,w.\ne,,v.\n")  # fmt: skip
    with pytest.warns(FramelensWarning, match=r"2 of 4 dates in column 'date' are not ISO 8601 "
                                              r"dates \(e.g. '04/03/2021' of 'b'\)"):  # fmt: skip
        corpus.load(p, date_column="date")


def test_an_unknown_month_or_day_written_as_00_is_read_as_the_year_or_month(tmp_path):
    """'2019-00-00' had counted as no date in periods while notebook 04 read its year."""
    p = tmp_path / "c.csv"
    p.write_text("doc_id,published,text\na,2019-00-00,x.\nb,2019-05-00,y.\nc,2019-00,z.\n"
                 "e,2019-05-01,v.\n")  # fmt: skip
    read_as = r"3 date\(s\) in column 'published' are read as ISO 8601 \(e.g. '2019-00-00' as"
    with pytest.warns(FramelensWarning, match=read_as):
        d = corpus.load(p)
    assert d["published"].tolist() == ["2019", "2019-05", "2019", "2019-05-01"]
    q = tmp_path / "bad.csv"
    q.write_text("doc_id,published,text\nd,2019-13-00,w.\n")
    with pytest.warns(FramelensWarning, match=r"'2019-13-00' of 'd'\): they count as missing"):
        corpus.load(q)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ('The drills "would open eyes".".\n\nNext.', ['The drills "would open eyes".".', "Next."]),
        ('He said "it opens eyes.". Then he left.', ['He said "it opens eyes.".', "Then he left."]),
        ("Really?! Yes. Fine.", ["Really?!", "Yes.", "Fine."]),
    ],
)  # fmt: skip
def test_a_run_of_end_marks_after_a_quote_stays_with_its_sentence(text, sentences):
    """A page's stray '".' had been a sentence of no word, counted and scored."""
    got = corpus.segment(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    assert got["text"].tolist() == sentences


def test_dates_after_today_are_named(tmp_path):
    """A year typed 2206 for 2006 had run the periods and the record two centuries on."""
    p = tmp_path / "c.csv"
    p.write_text("doc_id,published,text\na,2206-01-01,x.\nb,2019,y.\n"
                 "c,2014-05-20T10:00:00+03:00,z.\nd,2014-05-20T10:00:00Z,w.\n")  # fmt: skip
    with pytest.warns(FramelensWarning, match=r"1 of 4 dates in column 'published' begin after "
                                              r"today \(e.g. '2206-01-01' of 'a'\)"):  # fmt: skip
        d = corpus.load(p)
    assert d["published"].tolist()[0] == "2206-01-01"  # kept as written
    q = tmp_path / "ok.csv"
    q.write_text("doc_id,published,text\nb,2019,y.\nc,2014-05-20T10:00:00+03:00,z.\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus.load(q)


def test_ids_in_other_scripts_or_alike_once_made_safe_stay_distinct(tmp_path):
    """Cyrillic and Chinese names all became 'doc' (a duplicate error); "a/b" and "a b"
    became "a-b"; a file "c d.txt" lost the metadata keyed "c d"."""
    p = tmp_path / "c.csv"
    p.write_text("doc_id,text\nМосква,x.\nПекин,y.\n北京,z.\na/b,u.\na-b,v.\na b,w.\n",
                 encoding="utf-8")  # fmt: skip
    d = corpus.load(p)
    assert len(set(d["doc_id"])) == 6 and "a-b" in set(d["doc_id"])
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+", i) for i in d["doc_id"])
    assert corpus.load(p)["doc_id"].tolist() == d["doc_id"].tolist()  # stable
    f = tmp_path / "folder"
    f.mkdir()
    for name in ("Москва", "北京", "c d"):
        (f / f"{name}.txt").write_text("Drills began.", encoding="utf-8")
    (f / "metadata.csv").write_text("doc_id,title\nc d,TC\nМосква,TM\n", encoding="utf-8")
    with pytest.warns(FramelensWarning, match=r"1 \.txt file\(s\) have no row.*\['北京\.txt'\]"):
        d = corpus.load(f)
    assert dict(zip(d["doc_id"], d["title"], strict=True)) == {
        "c-d": "TC", corpus._safe_id("Москва"): "TM", corpus._safe_id("北京"): "",
    }  # fmt: skip
    dup = tmp_path / "dup.csv"
    dup.write_text("doc_id,text\nМосква,x.\nМосква,y.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"duplicate doc_id values"):
        corpus.load(dup)


def test_a_post_with_a_link_is_prose_in_a_corpus_of_posts():
    """Tweets linking a picture (t.co) were embeds, left out of every analysis."""
    post = "Great day at the beach with friends https://t.co/AbC123"
    article = "The drills began.\n\n" + post
    s = corpus.segment(pd.DataFrame({"doc_id": ["post", "article"], "text": [post, article]}))
    assert s.groupby("doc_id")["kind"].apply(list).to_dict() == {
        "article": ["prose", "embed"], "post": ["prose"],
    }  # fmt: skip
    credited = "Drills now. pic.twitter.com/abc123\n— Name (@handle) September 10, 2024"
    s = corpus.segment(pd.DataFrame({"doc_id": ["a"], "text": [credited]}))
    assert set(s["kind"]) == {"embed"}  # a credit line marks it whatever the document


def test_encoding_hints_name_the_likely_encoding(tmp_path):
    win = tmp_path / "win.csv"
    win.write_bytes("doc_id,text\na,It\u2019s \u201cquoted\u201d.\n".encode("cp1252"))
    with pytest.raises(InputError, match=r"encoding='cp1252'"):
        corpus.load(win)
    assert corpus.load(win, encoding="cp1252")["text"].item() == "It\u2019s \u201cquoted\u201d."
    bare = tmp_path / "u16.csv"
    bare.write_bytes("doc_id,text\na,Drills began.\n".encode("utf-16-le"))
    with pytest.raises(InputError, match=r"UTF-16 text without a byte-order mark.*'utf-16-le'"):
        corpus.load(bare)
    assert corpus.load(bare, encoding="utf-16-le")["text"].item() == "Drills began."


def test_a_folder_names_what_it_does_not_read(tmp_path):
    (tmp_path / "a.txt").write_text("Drills began.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Ships sailed.")
    (tmp_path / "notes.md").write_text("x")
    (tmp_path / "metadata.csv").write_text("doc_id,title\na,T\n")
    with pytest.warns(FramelensWarning, match=r"not those in its subfolders: sub/ \(1 .txt\)"):
        d = corpus.load(tmp_path)
    assert d["doc_id"].tolist() == ["a"]


def test_duplicate_ids_name_the_lines_of_the_file(tmp_path):
    """A quoted field over several lines, or blank JSONL lines, shifted the line numbers."""
    p = tmp_path / "c.csv"
    p.write_text('doc_id,text\nx,"one\n\ntwo\nthree"\ny,b\n\nx,c\n')
    with pytest.raises(InputError, match=r"'x' on lines \[2, 8\]"):
        corpus.load(p)
    q = tmp_path / "c.jsonl"
    q.write_text('\n{"doc_id": "x", "text": "a"}\n\n{"doc_id": "y", "text": "b"}\n'
                 '{"doc_id": "x", "text": "c"}\n')  # fmt: skip
    with pytest.raises(InputError, match=r"'x' on lines \[2, 5\]"):
        corpus.load(q)


def test_json_lists_and_objects_are_read_as_text_not_python(tmp_path):
    p = tmp_path / "c.jsonl"
    row = {"doc_id": "a", "text": ["Para one.", "Para two."], "tags": ["x", "y"],
           "meta": {"author": "A", "n": 2}, "flag": True}  # fmt: skip
    p.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.warns(FramelensWarning, match=r"'meta' \(line 1\) hold JSON objects"):
        d = corpus.load(p)
    assert d.loc[0, "text"] == "Para one.\n\nPara two."
    assert d.loc[0, ["tags", "meta", "flag"]].tolist() == [
        "x; y", '{"author": "A", "n": 2}', "true",
    ]  # fmt: skip
    assert corpus.segment(d)["para_id"].tolist() == [0, 1]


def test_jsonl_without_text_field_names_line_and_fields(tmp_path):
    # no record has the field: the wrong field name, an error naming the fields
    p = tmp_path / "c.jsonl"
    p.write_text('{"body": "x", "id": 2}\n{"body": "y", "id": 3}\n')
    with pytest.raises(
        InputError, match=r"line 1: no text field 'text'; the fields are \['body', 'id'\]"
    ):
        corpus.load(p)


def test_jsonl_record_without_text_field_is_kept_empty_and_named(tmp_path):
    # one record of many lacks it: a record without text, kept (0 sentences) and named,
    # not the whole corpus refused with advice to change `text_column`
    p = tmp_path / "c.jsonl"
    p.write_text('{"text": "ok", "id": 1}\n{"body": "x", "id": 2}\n{"text": "fine", "id": 3}\n')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = corpus.load(p, id_column="id")
    said = [str(w.message) for w in caught if issubclass(w.category, FramelensWarning)]
    assert any(
        re.search(
            r"1 of 3 record\(s\) have no 'text' field \(line\(s\) 2; line 2 has "
            r"\['body', 'id'\]\): they are kept with no text",
            m,
        )
        for m in said
    ), said
    assert docs.set_index("doc_id")["text"].to_dict() == {"1": "ok", "2": "", "3": "fine"}


def test_jsonl_text_field_in_another_case_is_suggested(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"Text": "x"}\n')
    with pytest.raises(InputError, match=r"no text field 'text' \(did you mean 'Text'\?\)"):
        corpus.load(p)


def test_jsonl_bad_json_names_line(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"text": "ok"}\n{"text": \n')
    with pytest.raises(InputError, match=r"line 2: not valid JSON"):
        corpus.load(p)


def test_jsonl_numbers_are_written_as_json_means_them(tmp_path):
    # JSON has one kind of number: a writer's 1.0 is the 1 of the line before, one group
    p = tmp_path / "c.jsonl"
    p.write_text(
        '{"text": "a", "page": 1}\n{"text": "b", "page": 1.0}\n{"text": "c", "page": 2.5}\n'
        '{"text": "d", "page": [1.0, 2]}\n{"text": "e", "page": 1e20}\n'
    )
    assert corpus.load(p)["page"].tolist() == ["1", "1", "2.5", "1; 2", "1e+20"]


def test_csv_rows_ending_in_a_delimiter_load_as_without_it(tmp_path):
    # rows ending in "," that the header lacks: pandas took the first column as the index,
    # every column shifted and the load failed deep inside with a ValueError
    plain, trailing = tmp_path / "plain.csv", tmp_path / "trailing.csv"
    plain.write_text("source,published,text\nBBC,2024-01-01,Drills began.\nTASS,2024-01-02,Ok.\n")
    trailing.write_text(
        "source,published,text\nBBC,2024-01-01,Drills began.,\nTASS,2024-01-02,Ok.,\n"
    )
    pd.testing.assert_frame_equal(corpus.load(trailing), corpus.load(plain))
    extra = tmp_path / "extra.csv"
    extra.write_text("source,text\nBBC,Drills began, then ended.\n")
    with pytest.raises(InputError, match=r"line 2: 3 fields, but the header names 2 columns; "
                       r"the extra field\(s\) \[' then ended\.'\] would be lost"):  # fmt: skip
        corpus.load(extra)


def test_text_garbled_on_export_is_named(tmp_path):
    # UTF-8 read as latin-1 ("â€™"), and line breaks written as "\\n" ("njapan"), were
    # analysed without a word
    utf8 = tmp_path / "u.csv"
    utf8.write_text("doc_id,text\na,\u201cDrills\u201d began. It\u2019s big.\n", "utf-8")
    with pytest.warns(FramelensWarning, match=r"1 of 1 document\(s\) hold characters garbled"):
        corpus.load(utf8, encoding="latin-1")
    with pytest.raises(InputError, match=r"e\.g\. encoding='utf-8'"):
        corpus.load(utf8, encoding="cp1252")  # the file is UTF-8: say so
    esc = tmp_path / "e.csv"
    esc.write_text("doc_id,text\na,Drills began.\\n\\nJapan protested.\\nTokyo said so.\n")
    with pytest.warns(FramelensWarning, match=r"line breaks written out as the two characters"):
        corpus.load(esc)
    # a byte order mark read as latin-1 said the file is UTF-8 only by renumbering its ids
    bom = tmp_path / "b.csv"
    bom.write_bytes("\ufeffdoc_id,text\nx,Drills.\n".encode())
    with pytest.raises(InputError, match=r"starts with a UTF-8 byte order mark read as latin-1"):
        corpus.load(bom, encoding="latin-1")
    # UTF-8 with one pasted cp1252 quote: latin-1 for the whole file is the wrong advice
    mixed = tmp_path / "m.csv"
    mixed.write_bytes("doc_id,text\na,Caf\u00e9 na\u00efve r\u00e9sum\u00e9 ".encode() + b"\x93x\n")
    with pytest.raises(InputError, match=r"The rest of the file reads as UTF-8 \(4 other"):
        corpus.load(mixed)


def test_a_decomposed_file_name_finds_its_metadata_row(tmp_path):
    # macOS writes "cafe\u0301.txt"; metadata.csv, typed, has "caf\u00e9": no row matched
    (tmp_path / "cafe\u0301.txt").write_text("Drills began.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("doc_id,source\ncaf\u00e9,BBC\n", encoding="utf-8")
    assert corpus.load(tmp_path)["source"].tolist() == ["BBC"]


def test_a_spreadsheet_export_loads_without_its_empty_rows_and_columns(tmp_path):
    # Excel writes the empty rows and columns once used: refused as rows without an id
    p = tmp_path / "x.csv"
    p.write_text("doc_id,text,,\na,Drills began.,,\nb,Ships sailed.,,\n,,,\n,,,\n")
    docs = corpus.load(p)
    assert docs["doc_id"].tolist() == ["a", "b"]
    assert list(docs.columns) == list(corpus.DOCUMENT_COLUMNS)
    p.write_text("doc_id,text\na,Drills began.\n,\nb,\n")  # a row with an id stays
    with pytest.warns(FramelensWarning, match=r"1 document\(s\) have no text: 'b' \(line 4\)"):
        assert corpus.load(p)["doc_id"].tolist() == ["a", "b"]


def test_columns_that_look_like_ids_or_dates_are_named(tmp_path):
    # "Doc_ID" and "Date" were ignored without a word: ids numbered, no dates
    p = tmp_path / "caps.csv"
    p.write_text("Doc_ID,Date,text\nx1,2024-01-02,Drills began.\n")
    with pytest.warns(FramelensWarning) as caught:
        docs = corpus.load(p)
    shown = " ".join(str(w.message) for w in caught)
    assert "column 'Doc_ID' looks like ids: pass id_column='Doc_ID'" in shown
    assert "column 'Date' looks like dates: pass date_column='Date'" in shown
    assert docs["doc_id"].tolist() == ["doc0001"]
    # a published column beside the chosen date column is kept, not overwritten
    p.write_text("doc_id,published,updated,text\na,2024-01-01,2024-02-02,Drills.\n")
    docs = corpus.load(p, date_column="updated")
    assert docs[["published", "published_original"]].values.tolist() == [
        ["2024-02-02", "2024-01-01"]
    ]


def test_the_default_run_folder_of_a_glob_is_named_after_its_folder():
    from framelens.pipeline import _out_name

    assert _out_name("shards/*.jsonl") == "shards"  # was a folder named "*"
    assert _out_name("data/2024/*/day-*.csv") == "2024"
    assert _out_name("seeds") == "seeds" and _out_name("a/b.csv") == "b"


def test_jsonl_objects_and_text_that_is_not_a_string_are_named(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(
        '{"text": "Drills began.", "meta": {"source": "TASS", "published": "2024-01-02"}}\n'
        '{"text": 12345}\n{"text": true}\n'
    )
    with pytest.warns(FramelensWarning) as caught:
        docs = corpus.load(p)
    shown = " ".join(str(w.message) for w in caught)
    assert "field(s) 'meta' (line 1) hold JSON objects, kept as JSON text" in shown
    assert "2 text value(s) are not strings (line 2: int, line 3: bool)" in shown
    assert docs["text"].tolist()[1:] == ["12345", "true"]


def test_duplicate_doc_ids_name_lines(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("doc_id,text\na,x\nb,y\na,z\n")
    with pytest.raises(InputError, match=r"duplicate doc_id values: 'a' on lines \[2, 4\]"):
        corpus.load(p)


def test_unsupported_file_type(tmp_path):
    p = tmp_path / "c.docx"
    p.write_text("x")
    with pytest.raises(InputError, match=r"unsupported file type '\.docx'"):
        corpus.load(p)


def test_metadata_without_doc_id(tmp_path):
    (tmp_path / "a.txt").write_text("x.")
    (tmp_path / "metadata.csv").write_text("title\nT\n")
    with pytest.raises(InputError, match=r"metadata\.csv: needs a 'doc_id' column"):
        corpus.load(tmp_path)


def test_segment_rejects_a_frame_without_text():
    with pytest.raises(ParameterError, match=r"`documents` lacks the column\(s\) \['text'\]"):
        corpus.segment(pd.DataFrame({"doc_id": ["a"]}))


def test_segment_of_document_with_no_sentences():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["   \n\n  ", "One."]})
    s = corpus.segment(docs)
    assert s["doc_id"].tolist() == ["b"]
    assert corpus.overview(docs.assign(title="", source="", published=""), s)[
        "sentences"
    ].tolist() == [0, 1]


def test_load_reads_parquet_shards_and_globs_like_the_local_engine(tmp_path):
    """Notebook 00 reads the corpus with ``corpus.load``: shards must work there too."""
    from framelens import scale

    docs = corpus.load(SEEDS)
    extra = docs.assign(doc_id="second", text="Another story. It is short.")
    both = pd.concat([docs, extra], ignore_index=True)
    both.iloc[:1].to_parquet(tmp_path / "2024-00.parquet", index=False)
    both.iloc[1:].to_parquet(tmp_path / "2024-01.parquet", index=False)
    by_glob = corpus.load(str(tmp_path / "2024-*.parquet"))
    by_folder = corpus.load(tmp_path)
    pd.testing.assert_frame_equal(by_glob, scale.load(str(tmp_path / "2024-*.parquet")))
    pd.testing.assert_frame_equal(by_folder, by_glob)
    assert by_glob["doc_id"].tolist() == sorted(both["doc_id"])


def test_corpus_structure_of_many_documents_is_a_histogram():
    import matplotlib.pyplot as plt

    from framelens import plots

    rows = [
        {"doc_id": f"d{i:03d}", "para_id": 0, "sent_id": k, "kind": "embed" if k == 3 else "prose"}
        for i in range(plots.MAX_DOCUMENT_BARS + 1)
        for k in range(1 + i % 4)
    ]
    ax = plots.corpus_structure(pd.DataFrame(rows))
    assert ax.get_title() == f"Sentences per document, {plots.MAX_DOCUMENT_BARS + 1} documents"
    assert ax.get_ylabel() == "documents (count)"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["prose only (31 documents)", "with embedded posts (10 documents)"]
    plt.close(ax.figure)


def test_a_path_with_brackets_is_a_path_not_a_glob(tmp_path):
    """ "news [2024]/articles.csv" was read as a glob that matched nothing."""
    folder = tmp_path / "news [2024]"
    folder.mkdir()
    (folder / "articles.csv").write_text("doc_id,text\na,Drills began.\n")
    assert corpus.load(folder / "articles.csv")["doc_id"].tolist() == ["a"]
    (folder / "b.txt").write_text("Ships sailed.")
    assert corpus.load(folder)["doc_id"].tolist() == ["b"]
    assert corpus.is_glob(tmp_path / "news [2024]" / "*.csv")


def test_txt_files_without_a_metadata_row_are_named(tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text("Some text.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("doc_id,source\na,X\n", encoding="utf-8")
    with pytest.warns(FramelensWarning, match=r"2 \.txt file\(s\) have no row.*'b\.txt', 'c\.txt'"):
        docs = corpus.load(tmp_path)
    assert docs["source"].tolist() == ["X", "", ""]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Is this a threat?" he asked. They left.',
         ['"Is this a threat?" he asked.', "They left."]),
        ("\u201cWhy?\u201d she said. Then: \u201cStop!\u201d They ran.",
         ["\u201cWhy?\u201d she said.", "Then: \u201cStop!\u201d", "They ran."]),
        ("A Ph.D. student spoke. The U.S.S. Ronald Reagan sailed (see Fig. 3). Rev. Li prayed.",
         ["A Ph.D. student spoke.", "The U.S.S. Ronald Reagan sailed (see Fig. 3).",
          "Rev. Li prayed."]),
        ("Why? Because. He left.", ["Why?", "Because.", "He left."]),
        ("Planes came on Tuesday.Seoul's staff said so.The JCS saw them. He met Gov.Li.",
         ["Planes came on Tuesday.", "Seoul's staff said so.", "The JCS saw them.",
          "He met Gov.Li."]),
        ("The U.S.Navy sailed. See example.com today.",
         ["The U.S.Navy sailed.", "See example.com today."]),
        # Punkt cut the last of stacked end marks into a "sentence" of its own
        ("Why would they do this???", ["Why would they do this???"]),
        ("Really?!? He left!!! \"No!!!\" Why???", ["Really?!?", "He left!!!", '"No!!!"', "Why???"]),
        ("???", ["???"]),
    ],
)  # fmt: skip
def test_quoted_questions_and_titles_keep_their_sentence(text, expected):
    got = corpus.segment(pd.DataFrame({"doc_id": ["a"], "text": [text]}))["text"].tolist()
    assert got == expected


def test_html_markup_is_named_and_decomposed_letters_are_composed(tmp_path):
    (tmp_path / "a.txt").write_text("<p>Drills&nbsp;began.</p>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A < b, R&D and AT&T; na\u0131ve.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("A nai\u0308ve plan.", encoding="utf-8")
    with pytest.warns(FramelensWarning, match=r"1 of 3 document\(s\) hold HTML markup, e\.g\. a"):
        docs = corpus.load(tmp_path)
    assert docs["text"].tolist()[2] == "A na\u00efve plan."
    assert corpus.words("A nai\u0308ve plan.") == ["a", "nai", "ve", "plan"]  # as written
    assert corpus.words(docs["text"][2]) == ["a", "na\u00efve", "plan"]  # as loaded


def test_segment_refuses_repeated_ids_and_reads_missing_text_as_empty():
    with pytest.raises(ParameterError, match=r"\['a'\] are missing or repeated"):
        corpus.segment(pd.DataFrame({"doc_id": ["a", "a"], "text": ["One.", "Two."]}))
    s = corpus.segment(pd.DataFrame({"doc_id": ["a", "b"], "text": ["One. Two.", float("nan")]}))
    assert s["doc_id"].tolist() == ["a", "a"]  # no sentence "nan"


def test_segment_columns_and_types_with_and_without_sentences():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Ships sailed. They returned.", ""]})
    for frame in (docs, docs.iloc[1:]):
        s = corpus.segment(frame)
        assert list(s.columns) == corpus.SENTENCE_COLUMNS
        assert isinstance(s.index, pd.RangeIndex)
        types = {c: str(t) for c, t in s.dtypes.items()}
        assert types == {
            "doc_id": "str", "para_id": "int64", "sent_id": "int64", "start": "int64",
            "end": "int64", "text": "str", "kind": "str",
        }  # fmt: skip
    assert corpus.segment(docs)["text"].tolist() == ["Ships sailed.", "They returned."]
