"""Corpora as researchers bring them: exports, folders of outlets, placeholders, furniture.

Each case was found by running the notebooks on a corpus the project had never seen.
"""

from __future__ import annotations

import csv
import warnings

import pandas as pd
import pytest

from framelens import corpus, groups, pipeline, scale
from framelens.errors import FramelensWarning, InputError


def _said(block) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        block()
    return [str(w.message) for w in caught if issubclass(w.category, FramelensWarning)]


# --- CSV exports ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "sep", "name"),
    [("doc_id,text,text", ",", "text"), ("ID;Source;Date;Text;Source", ";", "Source")],
)
def test_a_header_that_repeats_a_name_exactly_is_refused(tmp_path, header, sep, name):
    # pandas renames the second copy ("text.1"): the first was analysed, the article lost
    p = tmp_path / "c.csv"
    width = len(header.split(sep))
    p.write_text(header + "\n" + sep.join(["1"] + ["teaser"] * (width - 1)) + "\n")
    with pytest.raises(InputError, match=rf"names the column '{name}' more than once"):
        corpus.load(p, delimiter=sep, text_column="text" if name == "text" else "Text",
                    id_column="doc_id" if name == "text" else "ID")  # fmt: skip


def test_unnamed_empty_columns_of_a_spreadsheet_are_no_repeat(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("doc_id,text,,\n1,Ships sailed.,,\n")
    assert corpus.load(p)["text"].tolist() == ["Ships sailed."]


def test_lines_are_right_after_a_field_longer_than_the_csv_modules_limit(tmp_path):
    # a 60,000-word report in one cell: the csv module's 131,072-character limit had made
    # the loader guess one line a row, and the duplicate id was reported on lines [4, 6]
    report = "\n".join("Ships sailed in the Sea of Japan on Monday." for _ in range(4000))
    p = tmp_path / "big.csv"
    with p.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerows([["doc_id", "text"], ["big", report], ["dup", "One."], ["b", "x"],
                     ["dup", "Two."]])  # fmt: skip
    with pytest.raises(InputError, match=r"'dup' on lines \[4002, 4004\]"):
        corpus.load(p)
    assert csv.field_size_limit() == 131072  # the module's limit is put back


def test_a_text_column_in_another_case_is_suggested(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("ID,Text\n1,Ships sailed.\n")
    with pytest.raises(InputError, match=r"no text column 'text' \(did you mean 'Text'\?\)"):
        corpus.load(p)
    with pytest.raises(InputError, match=r"no id column 'id' \(did you mean 'ID'\?\)"):
        corpus.load(p, text_column="Text", id_column="id")


@pytest.mark.parametrize(
    ("suffix", "hint"),
    [
        (".tsv", r"rename it to \.csv and pass delimiter='\\t'"),
        (".json", r"write one object a line as \.jsonl"),
        (".xlsx", r"export it as CSV"),
    ],
)
def test_formats_that_are_not_read_say_what_to_do(tmp_path, suffix, hint):
    p = tmp_path / f"corpus{suffix}"
    p.write_text("x")
    with pytest.raises(InputError, match=hint):
        corpus.load(p)
    with pytest.raises(InputError, match=hint):
        scale.shard_paths(p)


# --- a folder of outlets ----------------------------------------------------------------


def _outlets(tmp_path, same_names: bool = False):
    root = tmp_path / "news"
    for outlet in ("BBC", "CNN"):
        (root / outlet).mkdir(parents=True)
        for k in range(2):
            name = f"{k}.txt" if same_names else f"{outlet.lower()}-{k}.txt"
            (root / outlet / name).write_text(f"{outlet} reported the drills on day {k}.")
    return root


def test_a_folder_of_subfolders_points_to_a_glob(tmp_path):
    root = _outlets(tmp_path)
    with pytest.raises(InputError, match=r"Its subfolders hold \.txt files \(BBC/, CNN/\)"):
        corpus.load(root)
    with pytest.raises(InputError, match=r"pass a glob of them, '.*/\*/\*\.txt'"):
        scale.shard_paths(root)


def test_a_glob_over_subfolders_keeps_each_files_folder(tmp_path):
    docs = corpus.load(str(_outlets(tmp_path) / "*" / "*.txt"))
    assert dict(zip(docs["doc_id"], docs["folder"], strict=True)) == {
        "bbc-0": "BBC", "bbc-1": "BBC", "cnn-0": "CNN", "cnn-1": "CNN"
    }  # fmt: skip
    labels = groups.group_labels(docs, "folder")
    assert labels["group"].tolist() == ["BBC", "BBC", "CNN", "CNN"]


def test_one_folder_has_no_folder_column(tmp_path):
    docs = corpus.load(str(_outlets(tmp_path) / "BBC" / "*.txt"))
    assert "folder" not in docs.columns


def test_the_same_file_name_in_two_folders_is_refused_before_any_kernel(tmp_path):
    pattern = str(_outlets(tmp_path, same_names=True) / "*" / "*.txt")
    kind, files = scale.shard_paths(pattern)
    with pytest.raises(InputError, match=r"'0': .*BBC/0\.txt, .*CNN/0\.txt\): a \.txt file's id"):
        pipeline._check_file_ids(pattern, files)


def _meta(folder, rows):
    (folder / "metadata.csv").write_text(
        "doc_id,source,published\n" + "".join(f"{r}\n" for r in rows), encoding="utf-8"
    )


def test_a_glob_over_subfolders_reads_each_folders_metadata(tmp_path):
    # one metadata.csv an outlet folder: before, only the first folder's was read and the
    # other outlet's documents lost their source and date
    root = _outlets(tmp_path)
    _meta(root / "BBC", ["bbc-0,BBC World,2020-01-01", "bbc-1.txt,BBC World,2020-02-01"])
    _meta(root / "CNN", ["cnn-0,CNN Intl,2021-01-01", "cnn-1,CNN Intl,2021-02-01"])
    for engine in ("local", "dask"):
        docs = scale.compute(scale.load(str(root / "*" / "*.txt"), engine=engine))
        docs = docs.sort_values("doc_id").reset_index(drop=True)
        assert docs["source"].tolist() == ["BBC World"] * 2 + ["CNN Intl"] * 2, engine
        assert docs["published"].str[:7].tolist() == ["2020-01", "2020-02", "2021-01", "2021-02"]


def test_a_metadata_file_above_the_outlet_folders_describes_all_their_files(tmp_path):
    root = _outlets(tmp_path)
    _meta(root, ["bbc-0,BBC,2020-01-01", "bbc-1,BBC,2020-01-02", "cnn-0,CNN,2020-01-03",
                 "cnn-1,CNN,2020-01-04"])  # fmt: skip
    # a folder's own row wins over the common one
    _meta(root / "CNN", ["cnn-1,CNN Intl,2021-05-05"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        docs = corpus.load(str(root / "*" / "*.txt"))
    assert dict(zip(docs["doc_id"], docs["source"], strict=True)) == {
        "bbc-0": "BBC", "bbc-1": "BBC", "cnn-0": "CNN", "cnn-1": "CNN Intl"
    }  # fmt: skip


def test_a_file_of_an_outlet_folder_without_metadata_is_named(tmp_path):
    root = _outlets(tmp_path)
    _meta(root / "BBC", ["bbc-0,BBC,2020-01-01", "bbc-1,BBC,2020-01-02"])
    with pytest.warns(FramelensWarning, match=r"2 \.txt file\(s\) have no row.*cnn-0\.txt"):
        docs = corpus.load(str(root / "*" / "*.txt"))
    assert docs.set_index("doc_id")["source"].to_dict() == {
        "bbc-0": "BBC", "bbc-1": "BBC", "cnn-0": "", "cnn-1": ""
    }  # fmt: skip


def test_a_metadata_row_of_another_outlets_file_is_named(tmp_path):
    root = _outlets(tmp_path)
    _meta(root / "BBC", ["bbc-0,BBC,2020-01-01", "bbc-1,BBC,2020-01-02", "cnn-0,CNN,2020-01-03"])
    _meta(root / "CNN", ["cnn-0,CNN,2020-01-03", "cnn-1,CNN,2020-01-04"])
    with pytest.warns(FramelensWarning, match=r"BBC/metadata\.csv: rows for doc_id\(s\) with no "
                      r"\.txt file: \['cnn-0'\]"):  # fmt: skip
        docs = corpus.load(str(root / "*" / "*.txt"))
    assert docs.set_index("doc_id")["source"].to_dict()["cnn-0"] == "CNN"


# --- metadata placeholders --------------------------------------------------------------


def test_placeholder_values_are_missing_not_groups():
    docs = pd.DataFrame(
        {"doc_id": list("abcdefg"),
         "source": ["TASS", "nan", "None", "NULL", "N/A", "", "Xinhua"]}
    )  # fmt: skip
    said = _said(lambda: groups.group_labels(docs, "source"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramelensWarning)
        got = groups.group_labels(docs, "source")
    assert got["group"].tolist() == ["TASS", *[groups.MISSING] * 5, "Xinhua"]
    assert any("4 document(s) hold a value that stands for no value" in m for m in said), said
    assert any("'nan' ×1" in m and "'NULL' ×1" in m for m in said), said


def test_a_name_that_only_contains_a_placeholder_is_a_group():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "source": ["Nancy Times", "None Such Daily"]})
    assert groups.group_labels(docs, "source")["group"].tolist() == [
        "Nancy Times", "None Such Daily"
    ]  # fmt: skip


# --- page furniture and markup ----------------------------------------------------------


def test_advertisement_slots_are_furniture():
    text = (
        "Advertisement\n\nShips sailed on Monday.\n\nADVERTISEMENT - scroll to continue\n\n"
        "Story continues below advertisement\n\nAdvertisements for the drills ran on TV.\n\n"
        "Skip Advertisement"
    )
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text]})
    assert corpus.segment(docs)["text"].tolist() == [
        "Ships sailed on Monday.", "Advertisements for the drills ran on TV."
    ]  # fmt: skip
    assert len(corpus.boilerplate(docs)) == 4


def test_markdown_is_named_in_a_warning(tmp_path):
    p = tmp_path / "c.csv"
    pd.DataFrame(
        {"doc_id": ["m", "plain"],
         "text": ["## Joint drills\n\nThe **joint drills** began. [Read the report]"
                  "(https://example.org/r)", "Ships sailed [sic] on Monday."]}
    ).to_csv(p, index=False)  # fmt: skip
    said = _said(lambda: corpus.load(p))
    assert any("1 of 2 document(s) hold Markdown" in m and "m ('## Joint" in m for m in said), said
    assert not any("plain" in m for m in said), said


def test_metadata_may_name_files_with_their_extension(tmp_path):
    # a file list pasted into metadata.csv: "Article 1.txt", not the id "Article-1"
    for name in ("Article 1", "Artículo 3", "article-4"):
        (tmp_path / f"{name}.txt").write_text("Ships sailed.")
    (tmp_path / "metadata.csv").write_text(
        "doc_id,source\nArticle 1.txt,CNN\nArtículo 3.txt,BBC\narticle-4.TXT,CNN\n"
    )
    said = _said(lambda: corpus.load(tmp_path))
    docs = corpus.load(tmp_path) if not said else None
    assert not said, said
    assert dict(zip(docs["doc_id"], docs["source"], strict=True)) == {
        "Article-1": "CNN", "Articulo-3": "BBC", "article-4": "CNN"
    }  # fmt: skip


# --- thousands of documents ----------------------------------------------------------------


def test_documents_carry_no_per_row_list_that_pandas_would_copy(tmp_path):
    # pandas deep-copies attrs in every operation: the CSV's line numbers, one a document,
    # made 04's per-document date loop quadratic (4,000 documents: 44 s; 1,000: 5.7 s)
    p = tmp_path / "c.csv"
    p.write_text("doc_id,text\n" + "".join(f"d{i},Text {i}.\n" for i in range(50)))
    for docs in (corpus.load(p), scale.load(str(tmp_path / "*.csv"))):
        assert "lines" not in docs.attrs
        assert docs.iloc[:1].attrs["skipped"] is docs.attrs["skipped"]
        assert docs["text"].attrs["skipped"] is docs.attrs["skipped"]


def test_skipped_files_are_shared_not_copied(tmp_path):
    import copy

    (tmp_path / "a.txt").write_text("Some text.")
    (tmp_path / "b.txt").write_text("")
    with pytest.warns(FramelensWarning, match="skipped"):
        docs = corpus.load(tmp_path, on_error="skip")
    skipped = docs.attrs["skipped"]
    assert [row["path"] for row in skipped] == [str(tmp_path / "b.txt")]
    assert copy.deepcopy(skipped) is skipped
    assert docs.copy().attrs["skipped"] is skipped


# --- text as PDFs, HTML pages and Windows write it -------------------------------------


@pytest.mark.parametrize(
    "blank", ["\n\u00a0\n", "\n \u00a0 \n", "\n\u200b\n", "\n\x0c\n", "\u2029", "\n\u3000\n"]
)
def test_a_line_that_only_looks_empty_ends_a_paragraph(tmp_path, blank):
    # "<p>&nbsp;</p>" converted to text: the embedded post and the article had been one
    # paragraph, read as an embed (0 prose sentences, no tone, no frames) with no warning
    post = "Big drills today near the coast!\n\u2014 Jane Doe (@janedoe) May 3, 2024"
    text = f"The navies began joint drills on Monday.{blank}{post}{blank}Officials said more."
    plain = corpus.segment(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    loaded = corpus.segment(corpus.load(tmp_path))
    for sentences in (plain, loaded):
        assert sentences["para_id"].nunique() == 3
        assert sentences.groupby("kind").size().to_dict() == {"embed": 2, "prose": 2}


def test_a_form_feed_or_vertical_tab_inside_a_paragraph_is_no_paragraph_break():
    text = "The drills\x0cbegan on Monday. They ended\x0bon Friday."
    s = corpus.segment(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    assert s["para_id"].nunique() == 1
    assert len(s) == 2


def test_pdf_typography_is_read_as_a_reader_reads_it(tmp_path):
    (tmp_path / "a.txt").write_text(
        "The ﬂashpoint: ofﬁcials fear escala\u00adtion and live\u2011fire drills near "
        "Rus\u200bsia. Beijing isn\u02bct happy.",
        encoding="utf-8",
    )
    text = corpus.load(tmp_path)["text"].item()
    assert text == (
        "The flashpoint: officials fear escalation and live-fire drills near Russia. "
        "Beijing isn\u2019t happy."
    )
    assert {"flashpoint", "officials", "escalation", "live-fire", "russia"} <= set(
        corpus.words(text)
    )


def test_a_windows_file_read_as_latin_1_is_refused_with_cp1252(tmp_path):
    # latin-1 reads cp1252's curly quotes as invisible controls: "don’t" became two words
    (tmp_path / "a.txt").write_bytes(
        "Line one.\nThey don\u2019t \u201cagree\u201d.".encode("cp1252")
    )
    with pytest.raises(InputError, match=r"a\.txt: read as latin-1, line 2 .*'\\x92'.*cp1252"):
        corpus.load(tmp_path, encoding="latin-1")
    assert corpus.load(tmp_path, encoding="cp1252")["text"].item().endswith("\u201cagree\u201d.")
    # a true latin-1 file is read
    (tmp_path / "a.txt").write_bytes("Caf\u00e9 cr\u00e8me.".encode("latin-1"))
    assert corpus.load(tmp_path, encoding="latin-1")["text"].item() == "Caf\u00e9 cr\u00e8me."


# --- dates as exports write them ---------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("May 20, 2014", "2014-05-20"),
        ("20 May 2014", "2014-05-20"),
        ("Monday, 7 December 2026", "2026-12-07"),
        ("Dec. 7, 2026 10:30 AM", "2026-12-07"),
        ("Tuesday, 8 December 2020 at 22:05 GMT", "2020-12-08"),  # a date past today warns
        ("Sept 3, 2019", "2019-09-03"),
        ("May 2014", "2014-05"),
        ("2019.0", "2019"),
    ],
)
def test_dates_written_in_english_or_as_float_years_are_read(tmp_path, written, iso):
    p = tmp_path / "c.csv"
    pd.DataFrame({"doc_id": ["a", "b"], "Date": [written, ""], "text": ["One.", "Two."]}).to_csv(
        p, index=False
    )
    with pytest.warns(FramelensWarning, match=r"1 date\(s\) in column 'Date' are read as ISO"):
        docs = corpus.load(p, date_column="Date")
    assert docs["published"].tolist() == [iso, ""]
    assert docs["Date"].tolist() == [written, ""]  # the column as written is kept
    labels = groups.group_labels(docs, "published", period="year")
    assert labels["group"].tolist() == [iso[:4], "(missing)"]


@pytest.mark.parametrize("value", ["07/12/2026", "February 30, 2024", "spring 2020", "n.d."])
def test_ambiguous_or_impossible_dates_stay_as_written_and_are_named(tmp_path, value):
    p = tmp_path / "c.csv"
    pd.DataFrame({"doc_id": ["a"], "published": [value], "text": ["One."]}).to_csv(p, index=False)
    with pytest.warns(FramelensWarning, match="are not ISO 8601 dates"):
        docs = corpus.load(p)
    assert docs["published"].tolist() == [value]


def test_a_float_year_column_from_pandas_groups_by_year():
    docs = pd.DataFrame({"doc_id": list("abc"), "published": [2019.0, 2020.0, float("nan")],
                         "text": "x"})  # fmt: skip
    labels = groups.group_labels(docs, "published", period="year")
    assert labels["group"].tolist() == ["2019", "2020", "(missing)"]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a statement's list: each item is a sentence, its number with it
        ("The ministry said:\n1. The drills will last a week.\n2. They will end on Friday.",
         ["The ministry said:", "1. The drills will last a week.",
          "2. They will end on Friday."]),
        # bullets without full stops, as PDFs and press releases write them
        ("Key points:\n\u2022 China sent four destroyers\n\u2022 Russia sent two frigates",
         ["Key points:", "\u2022 China sent four destroyers", "\u2022 Russia sent two frigates"]),
        # a headline in capitals on its own line
        ("RUSSIA AND CHINA HOLD DRILLS, JAPAN ALARMED\nBeijing said the drills were routine.",
         ["RUSSIA AND CHINA HOLD DRILLS, JAPAN ALARMED",
          "Beijing said the drills were routine."]),
        # a hard-wrapped line is a space, even after capitals
        ("A line wrapped\nin the middle stays one sentence.",
         ["A line wrapped\nin the middle stays one sentence."]),
        ("Officials of the U.S. AND CHINA\nagreed on Monday.",
         ["Officials of the U.S. AND CHINA\nagreed on Monday."]),
    ],
)  # fmt: skip
def test_list_items_and_headlines_on_their_own_lines_are_sentences(text, sentences):
    s = corpus.segment(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    assert s["text"].tolist() == sentences
    assert s["para_id"].nunique() == 1


def test_a_word_broken_at_a_lines_end_is_mended(tmp_path):
    # PDF text: "secu-\nrity" had been the words "secu" and "rity", and no frame cue
    (tmp_path / "a.txt").write_text(
        "The drills threaten regional secu-\nrity and risk escala-\n  tion, a well-\nknown "
        "pattern of co-\noperation.",
        encoding="utf-8",
    )
    text = corpus.load(tmp_path)["text"].item()
    assert text == (
        "The drills threaten regional security and risk escalation, a well-known pattern of "
        "cooperation."
    )


def test_a_utf8_file_read_as_utf16_is_refused_not_read_as_cjk(tmp_path):
    # any even number of bytes decodes as UTF-16: a UTF-8 file in a UTF-16 folder had
    # become "畒獳慩…" and was reported as not English
    (tmp_path / "a.txt").write_text("China and Russia held drills.", encoding="utf-16")
    (tmp_path / "b.txt").write_text("Russia and China held the drills!!", encoding="utf-8")
    assert len((tmp_path / "b.txt").read_bytes()) % 2 == 0  # odd lengths fail to decode
    with pytest.raises(InputError, match=r"b\.txt: read as utf-16, .* the file is UTF-8"):
        corpus.load(tmp_path, encoding="utf-16")
    (tmp_path / "b.txt").write_bytes("Russia and China held drills!".encode("utf-16-le"))
    (tmp_path / "a.txt").unlink()
    assert corpus.load(tmp_path, encoding="utf-16-le")["text"].item().startswith("Russia")


def test_joiners_outside_latin_words_are_kept(tmp_path):
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    (tmp_path / "a.txt").write_text(f"escala\u200dtion {persian} {family}", encoding="utf-8")
    assert corpus.load(tmp_path)["text"].item() == f"escalation {persian} {family}"


def test_running_heads_and_page_numbers_of_pdf_text_are_furniture(tmp_path):
    page = "THE DIPLOMAT                 Page {n}\n"
    (tmp_path / "a.txt").write_text(
        page.format(n=1) + "China and Russia began joint drills on\nMonday, officials said.\n"
        "1\n\x0c" + page.format(n=2) + "Japan called the drills a provocation.\n2\n",
        encoding="utf-8",
    )
    docs = corpus.load(tmp_path)
    assert corpus.segment(docs)["text"].tolist() == [
        "China and Russia began joint drills on\nMonday, officials said.",
        "Japan called the drills a provocation.",
    ]
    furniture = corpus.boilerplate(docs)
    assert furniture["rule"].tolist() == ["page"] * 4
    text = docs["text"].item()
    assert [text[a:b] for a, b in zip(furniture["start"], furniture["end"], strict=True)] == (
        furniture["text"].tolist()
    )


def test_text_without_page_breaks_keeps_its_repeated_short_lines():
    text = "Key points\nThe drills began.\n\nKey points\nThe drills ended."
    s = corpus.segment(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    assert s["text"].str.startswith("Key points").sum() == 2
