"""Tests of framelens.stats against independent counts and published reference values."""

from __future__ import annotations

import json
import math
import re
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
import textstat
from matplotlib.colors import to_rgb

from framelens import corpus, resources, stats
from framelens.errors import FramelensWarning, ParameterError

DATA = Path(__file__).resolve().parents[1] / "data"
LEXDIV = DATA / "lexdiv"
SEED_FILE = Path(__file__).resolve().parents[2] / "seeds" / "china-russia-joint-exercises.txt"
REFERENCE = json.loads((LEXDIV / "reference.json").read_text())

# An independent word pattern (not framelens's tokenizer): dotted abbreviations such as
# "U.S." or words of ASCII letters joined by inner apostrophes or hyphens.
WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z]+(?:['\u2019\-][A-Za-z]+)*")


def _sentences(*texts: str, kind: str = "prose") -> pd.DataFrame:
    """A one-document sentences frame made by hand (one sentence a text)."""
    rows, pos = [], 0
    for i, t in enumerate(texts):
        rows.append(("d", 0, i, pos, pos + len(t), t, kind))
        pos += len(t) + 1
    return pd.DataFrame(rows, columns=corpus.SENTENCE_COLUMNS)


def _docs(texts: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {"doc_id": list(texts), "text": list(texts.values()), "source": "", "published": ""}
    )


def _tokens(name: str) -> list[str]:
    return (LEXDIV / name).read_text().split()


def _value(frame: pd.DataFrame, measure: str, column: str = "value"):
    return frame.set_index("measure").loc[measure, column]


def _prose_paragraphs() -> list[str]:
    """The seed's paragraphs without the two embedded tweets, found without framelens."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", SEED_FILE.read_text("utf-8")) if p.strip()]
    return [p for p in paras if "pic.twitter.com" not in p]


# --------------------------------------------------------------------------- lexdiv


@pytest.mark.parametrize("name", ["seed_tokens.txt", "short_tokens.txt"])
def test_lexical_diversity_matches_reference(name):
    toks, ref = _tokens(name), REFERENCE[name]
    assert len(toks) == ref["tokens"]
    assert len(set(toks)) == ref["types"]
    assert stats.ttr(toks) == pytest.approx(ref["ttr"], abs=1e-6)
    assert stats.mattr(toks, window=50) == pytest.approx(ref["mattr_window_50"], abs=1e-6)
    assert stats.mtld(toks, threshold=0.72) == pytest.approx(ref["mtld_threshold_0.72"], abs=1e-6)
    assert stats.hdd(toks, draws=42) == pytest.approx(ref["hdd_draws_42"], abs=1e-6)


def test_seed_tokens_fixture_is_the_ascii_word_list_of_the_seed():
    text = SEED_FILE.read_text("utf-8")
    ascii_words = [w.lower() for w in re.findall(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?", text)]
    assert ascii_words == _tokens("seed_tokens.txt")


def test_lexical_diversity_through_sentences_equals_pure_functions():
    toks = _tokens("short_tokens.txt")
    div = stats.lexical_diversity(_sentences(" ".join(toks) + "."))
    assert _value(div, "ttr") == pytest.approx(REFERENCE["short_tokens.txt"]["ttr"], abs=1e-12)
    assert _value(div, "mtld") == pytest.approx(
        REFERENCE["short_tokens.txt"]["mtld_threshold_0.72"], abs=1e-9
    )
    assert div["reliable"].tolist() == [True, True, True, True]
    assert _value(div, "mattr", "words") == 120


@pytest.mark.parametrize(
    ("n", "mattr_reliable", "mattr_nan", "mtld_reliable", "hdd_nan"),
    [
        (30, False, True, False, True),
        (50, False, False, False, False),
        (60, True, False, False, False),
        (120, True, False, True, False),
    ],
)
def test_lexical_diversity_flags_short_texts(n, mattr_reliable, mattr_nan, mtld_reliable, hdd_nan):
    toks = _tokens("seed_tokens.txt")[:n]
    div = stats.lexical_diversity(_sentences(" ".join(toks) + "."), window=50)
    assert _value(div, "mattr", "reliable") == mattr_reliable
    assert math.isnan(_value(div, "mattr")) == mattr_nan
    assert _value(div, "mtld", "reliable") == mtld_reliable
    assert math.isnan(_value(div, "hdd")) == hdd_nan
    if n < 100:
        assert "McCarthy & Jarvis (2010)" in _value(div, "mtld", "note")
    if n < 42:
        assert _value(div, "hdd", "note") == f"needs at least 42 tokens (draws); has {n}"
    if n == 50:
        assert _value(div, "mattr") == pytest.approx(stats.ttr(toks))
        assert "equals TTR" in _value(div, "mattr", "note")


def test_mattr_window_parameter_checked():
    with pytest.raises(ParameterError, match=r"`window` must be at least 1, but 0"):
        stats.mattr(["a"], window=0)
    assert math.isnan(stats.mattr(["a", "b"], window=3))


# --------------------------------------------------------------------------- counts


def test_seed_word_and_sentence_counts_match_independent_count(seeds_sentences):
    prose = _prose_paragraphs()
    words = [w for p in prose for w in WORD.findall(p)]
    # sentence ends: . ! ? followed by space and a capital, except after "U.S."
    ends = [len(re.split(r"(?<!U\.S\.)(?<=[.!?])\s+(?=[A-Z])", p)) for p in prose]
    d = stats.counts(seeds_sentences)
    assert len(words) == 542
    assert _value(d, "words") == len(words)
    assert _value(d, "types") == len({w.lower().replace("\u2019", "'") for w in words}) == 238
    assert _value(d, "sentences") == sum(ends) == 19
    assert _value(d, "paragraphs") == len(prose) == 9
    assert _value(d, "embeds") == 2
    assert _value(d, "hashtags") == 0  # the hashtags are in the embeds...
    assert _value(d, "hashtags", "note") == "prose only; embedded posts: see embed_hashtags"
    # ...which are counted apart, so the table does not claim there are none
    embeds = "\n".join(p for p in SEED_FILE.read_text("utf-8").split("\n\n") if "pic." in p)
    assert _value(d, "embed_hashtags") == len(re.findall(r"#\w+", embeds)) == 4
    assert _value(d, "embed_mentions") == len(re.findall(r"@\w+", embeds)) == 2
    assert _value(d, "embed_links") == len(re.findall(r"pic\.twitter\.com/\w+", embeds)) == 2


def test_seed_counts_with_embeds(seeds_sentences):
    text = SEED_FILE.read_text("utf-8")
    stripped = re.sub(r"pic\.twitter\.com/\w+|[#@]\w+", " ", text)
    d = stats.counts(seeds_sentences, include_embeds=True)
    assert _value(d, "words") == len(WORD.findall(stripped)) == 608
    assert _value(d, "hashtags") == len(re.findall(r"#\w+", text)) == 4
    assert _value(d, "mentions") == 2
    assert _value(d, "links") == 2
    assert _value(d, "sentences") == 24
    # the embed rows say the same posts are already in the row above
    assert _value(d, "embed_hashtags") == 4
    assert "also counted in the row above" in _value(d, "embed_hashtags", "note")
    assert _value(d, "hashtags", "note") == ""


def test_sentence_lengths_sum_to_words(seeds_sentences):
    lengths = stats.sentence_lengths(seeds_sentences)
    d = stats.counts(seeds_sentences)
    assert lengths["words"].sum() == 542
    assert _value(d, "sentence_length_max") == lengths["words"].max() == 43
    assert _value(d, "sentence_length_median") == 29
    assert _value(d, "sentence_length_mean") == pytest.approx(542 / 19)


def test_document_stats_shares_tokens(seeds_sentences):
    toks = corpus.tokenize(seeds_sentences)
    a = stats.document_stats(seeds_sentences)
    b = stats.document_stats(seeds_sentences, tokens=toks)
    pd.testing.assert_frame_equal(a, b)
    assert list(a.columns) == stats.STAT_COLUMNS
    assert len(a) == 15 + 4 + 5


# --------------------------------------------------------------------------- readability


def test_readability_equals_textstat_on_the_prose(seeds_sentences):
    prose = " ".join(seeds_sentences.loc[seeds_sentences["kind"] == "prose", "text"])
    assert stats.prose_text(seeds_sentences).iloc[0] == prose
    r = stats.readability(seeds_sentences)
    resources.use_offline_nltk()
    for m in [
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog_index",
        "coleman_liau_index",
    ]:
        assert _value(r, m) == getattr(textstat, m)(prose), m
    assert _value(r, "flesch_reading_ease") == pytest.approx(26.4228, abs=1e-4)
    assert not _value(r, "smog_index", "reliable")
    assert _value(r, "smog_index", "note") == "SMOG needs 30 sentences; has 19"
    assert _value(r, "flesch_kincaid_grade", "reliable")


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("!!! ... ?? --", "no words (only punctuation, symbols or emoji)"),
        ("\U0001f6a2\U0001f6a2 \U0001f525", "no words (only punctuation, symbols or emoji)"),
        ("中国和俄罗斯举行联合军事演习。", "script written without spaces"),
    ],
)
def test_documents_without_words_give_nan_and_a_note(text, note):
    s = corpus.segment(_docs({"x": text}), abbreviations=[])
    d = stats.document_stats(s)
    assert _value(d, "words") == 0
    assert note in _value(d, "words", "note")
    for m in [
        "sentence_length_mean",
        "ttr",
        "mattr",
        "mtld",
        "hdd",
        "flesch_reading_ease",
        "smog_index",
    ]:
        assert math.isnan(_value(d, m)), m
        assert not _value(d, m, "reliable"), m
        assert _value(d, m, "note") != "", m
    assert stats.term_counts(s).empty
    with pytest.warns(FramelensWarning, match=r"no hits for 'a\*' \(glob\)"):
        assert stats.kwic(s, "a*").empty


def test_empty_sentences_give_empty_frames():
    empty = pd.DataFrame(columns=corpus.SENTENCE_COLUMNS)
    assert list(stats.document_stats(empty).columns) == stats.STAT_COLUMNS
    assert stats.document_stats(empty).empty
    assert list(stats.kwic(empty, "x").columns) == stats.KWIC_COLUMNS
    assert list(stats.term_counts(empty).columns) == stats.TERM_COUNT_COLUMNS
    assert stats.top_terms(stats.term_counts(empty)).empty
    assert list(stats.actor_counts(empty).columns) == stats.ACTOR_COLUMNS


def test_document_with_only_embeds_reports_it():
    s = _sentences("#PLA #navy pic.twitter.com/abc", kind="embed")
    d = stats.counts(s)
    assert _value(d, "words") == 0
    assert _value(d, "embeds") == 1
    assert "include_embeds=True" in _value(d, "words", "note")


# --------------------------------------------------------------------------- kwic


def test_kwic_glob_on_seed(seeds_sentences, seeds_documents):
    k = stats.kwic(seeds_sentences, "drill*", window=4)
    text = seeds_documents["text"].iloc[0]
    assert len(k) == text.count("drills") == 7
    assert all(text[a:b] == m for a, b, m in zip(k["start"], k["end"], k["match"], strict=True))
    first = k.iloc[0]
    assert (first["left"], first["match"], first["right"]) == (
        "growing geopolitical tensions. These",
        "drills",
        ", known as Northern/Interaction",
    )
    assert (first["sent_id"], first["start"]) == (1, 233)
    assert list(k.columns) == stats.KWIC_COLUMNS


def test_kwic_phrase_regex_and_case(seeds_sentences):
    phrase = stats.kwic(seeds_sentences, "Sea of Japan", mode="phrase")
    assert phrase["start"].tolist() == [310, 1305]
    assert phrase["match"].tolist() == ["Sea of Japan", "Sea of Japan"]
    glob2 = stats.kwic(seeds_sentences, "sea of *")
    assert glob2["match"].tolist() == ["Sea of Japan", "Sea of Okhotsk", "Sea of Japan"]
    rx = stats.kwic(seeds_sentences, r"U\.S\. \w+", mode="regex")
    assert rx["match"].tolist() == ["U.S. influence", "U.S. Navy", "U.S. allies"]
    with pytest.warns(FramelensWarning, match="try case_sensitive=False, or a wildcard"):
        assert stats.kwic(seeds_sentences, "pacific", case_sensitive=True).empty
    assert len(stats.kwic(seeds_sentences, "Pacific", case_sensitive=True)) == 7
    apos = stats.kwic(seeds_sentences, "china's")
    assert apos["match"].tolist() == ["China's", "China\u2019s"]
    embed = stats.kwic(seeds_sentences, "#pla")
    assert embed["kind"].tolist() == ["embed"]


def test_kwic_window_zero_and_multiple_patterns(seeds_sentences):
    k = stats.kwic(seeds_sentences, ["russia", "china"], window=0)
    assert set(k["left"]) == {""} and set(k["right"]) == {""}
    text = SEED_FILE.read_text("utf-8")
    # whole tokens only: "China's" and "#ChinaDaily" are other tokens
    china = len(re.findall(r"(?<![#@\w])china(?![\w'\u2019])", text, flags=re.I))
    russia = len(re.findall(r"(?<![#@\w])russia(?![\w'\u2019])", text, flags=re.I))
    assert k["pattern"].value_counts().to_dict() == {"china": china, "russia": russia}
    assert (china, russia) == (12, 7)
    assert k["start"].is_monotonic_increasing


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"pattern": ""}, "`pattern` must not be empty"),
        ({"pattern": []}, "`pattern` must name at least one item"),
        (
            {"pattern": "x", "mode": "regexp"},
            r"`mode` must be one of \['glob', 'regex', 'phrase'\]",
        ),
        ({"pattern": "(", "mode": "regex"}, "is not a valid regular expression"),
        ({"pattern": "x", "window": -1}, "`window` must be at least 0"),
        ({"pattern": "x", "window": "5"}, "`window` must be a whole number"),
    ],
)
def test_kwic_bad_parameters(seeds_sentences, kwargs, message):
    with pytest.raises(ParameterError, match=message):
        stats.kwic(seeds_sentences, **kwargs)


# --------------------------------------------------------------------------- vocabulary


def test_possessives_count_as_the_word(seeds_sentences):
    # counted without framelens: the name as a whole word, alone or with 's / ’s, in prose
    prose = " ".join(_prose_paragraphs())
    china = len(re.findall(r"\bChina(?:['\u2019]s)?(?![\w'\u2019])", prose))
    russia = len(re.findall(r"\bRussia(?:['\u2019]s)?(?![\w'\u2019])", prose))
    assert (china, russia) == (11, 9)
    tc = stats.term_counts(seeds_sentences)
    count = tc.set_index("term")["count"]
    assert (count["china"], count["russia"]) == (china, russia)
    assert not tc["term"].str.endswith("'s").any()
    top = stats.top_terms(tc, top_n=20).set_index("term")["count"]
    assert (top["china"], top["russia"]) == (11, 9)


def test_us_in_capitals_is_the_country_and_one_term_with_u_s():
    # "US" lower-cased is the pronoun "us": wherever an outlet writes "US" the country was
    # counted with the pronoun, apart from the "u.s." of outlets that write "U.S."; both
    # spellings are one term now, the pronoun another ("WHO" is no stopword "who" either)
    s = _sentences(
        "The US navy and the U.S. Air Force joined us.",
        "Let us see what the WHO says, and what Us Weekly says.",
        "LET US PRAY FOR THE US NAVY.",
    )
    count = stats.term_counts(s).set_index("term")["count"]
    assert count["u.s."] == 2
    assert count["w.h.o."] == 1
    # the pronoun, "Us" in a title, and a sentence in capitals (which "US" is not said)
    assert count["us"] == 5
    bigrams = stats.term_counts(s, n=2)["term"].tolist()
    assert "u.s. navy" in bigrams and "u.s. air" in bigrams and "us navy" in bigrams
    top = stats.top_terms(stats.term_counts(s), top_n=50)["term"].tolist()
    assert "w.h.o." in top and "who" not in top
    # the statistics' own words are the words as written, lower-cased
    toks = corpus.Tokens(s)
    assert toks.words(0)[0][1] == "us" and toks.words(0)[1][0][1] == "u.s."


def test_us_and_u_s_are_one_keyword_across_house_styles():
    # two outlets, one writes "U.S.", the other "US": the country is no keyword of either
    docs = {
        "a1": "The U.S. Navy sailed. The U.S. said so.",
        "a2": "The U.S. Navy watched.",
        "b1": "The US Navy sailed. The US said so.",
        "b2": "The US Navy watched.",
    }
    sentences = corpus.segment(_docs(docs))
    labels = pd.DataFrame({"doc_id": list(docs), "group": ["a", "a", "b", "b"]})
    k = stats.keyness(stats.keyness_counts(stats.term_counts(sentences), labels), target="a")
    row = k.set_index("term").loc["u.s."]
    assert (row["target_count"], row["reference_count"]) == (3, 3)
    assert "us" not in set(k["term"])


def test_top_terms_on_seed(seeds_sentences):
    tc = stats.term_counts(seeds_sentences, n=[1, 2])
    top = stats.top_terms(tc, top_n=3)
    assert top[["term", "count"]].values.tolist() == [
        ["china", 11],
        ["military", 11],
        ["russia", 9],
    ]
    assert top["per_1000_words"].iloc[0] == pytest.approx(11 * 1000 / 542)
    assert stats.top_terms(tc, top_n=1, keep_stopwords=True)["term"].tolist() == ["the"]
    bigrams = stats.top_terms(tc, n=2, top_n=2)
    assert bigrams[["term", "count"]].values.tolist() == [
        ["military cooperation", 3],
        ["two countries", 3],
    ]
    # n-grams do not cross punctuation: "These drills, known as"
    assert int(tc.loc[(tc.n == 2) & (tc.term == "drills known"), "count"].sum()) == 0
    assert int(tc.loc[(tc.n == 2) & (tc.term == "known as"), "count"].sum()) == 1
    assert int(tc.loc[(tc.n == 2) & (tc.term == "sea of"), "count"].sum()) == 3
    assert int(tc.loc[tc.term == "live-fire", "count"].sum()) == 1


@pytest.mark.parametrize(
    ("top_n", "message"),
    [
        (0, r"`top_n` must be at least 1, but 0 was passed"),
        (-3, r"`top_n` must be at least 1, but -3 was passed"),
        ("ten", r"`top_n` must be a whole number, but 'ten' \(str\)"),
        (2.5, r"`top_n` must be a whole number, but 2.5 \(float\)"),
        (None, r"`top_n` must be a whole number, but None"),
    ],
)
def test_top_n_is_checked(seeds_sentences, top_n, message):
    tc = stats.term_counts(seeds_sentences)
    with pytest.raises(ParameterError, match=message):
        stats.top_terms(tc, top_n=top_n)


def test_collocations_on_seed_with_independent_pmi(seeds_sentences):
    tc = stats.term_counts(seeds_sentences, n=[1, 2])
    col = stats.collocations(tc, min_freq=2)
    first = col.iloc[0]
    assert (first["bigram"], first["count"], first["w1_count"], first["w2_count"]) == (
        "recent years",
        2,
        2,
        2,
    )
    assert first["total_words"] == 542
    assert first["pmi"] == pytest.approx(math.log2(2 * 542 / (2 * 2)))
    assert first["likelihood_ratio"] == pytest.approx(26.401086, abs=1e-6)
    assert (col["count"] >= 2).all()
    assert len(stats.collocations(tc, min_freq=3)) == 2
    assert stats.collocations(stats.term_counts(seeds_sentences, n=1)).empty


# --------------------------------------------------------------------------- partitions


@pytest.fixture(scope="module")
def three_docs():
    paras = _prose_paragraphs()
    docs = _docs(
        {"a": "\n\n".join(paras[:3]), "b": "\n\n".join(paras[3:6]), "c": "\n\n".join(paras[6:])}
    )
    docs["source"] = ["X", "X", "Y"]
    return docs, corpus.segment(docs, abbreviations=[])


def test_partial_counts_sum_across_partitions(three_docs):
    docs, s = three_docs
    parts = [s[s.doc_id.isin(ids)] for ids in (["a"], ["b", "c"])]
    whole = stats.term_counts(s, n=[1, 2])
    split = pd.concat([stats.term_counts(p, n=[1, 2]) for p in parts], ignore_index=True)
    pd.testing.assert_frame_equal(
        stats.top_terms(whole, top_n=30), stats.top_terms(split, top_n=30)
    )
    pd.testing.assert_frame_equal(stats.collocations(whole), stats.collocations(split))
    labels = stats.group_labels(docs, "source")
    kc_whole = stats.keyness_counts(whole, labels)
    kc_split = pd.concat([stats.keyness_counts(stats.term_counts(p), labels) for p in parts])
    pd.testing.assert_frame_equal(stats.keyness(kc_whole), stats.keyness(kc_split))
    ds_whole = stats.document_stats(s)
    ds_split = pd.concat([stats.document_stats(p) for p in parts], ignore_index=True)
    pd.testing.assert_frame_equal(ds_whole, ds_split)
    gs_whole = stats.group_summary(stats.group_counts(ds_whole, labels))
    gs_split = stats.group_summary(
        pd.concat([stats.group_counts(stats.document_stats(p), labels) for p in parts])
    )
    pd.testing.assert_frame_equal(gs_whole, gs_split)
    words = gs_whole.set_index(["group", "measure"]).loc[("X", "words")]
    per_doc = ds_whole[ds_whole.measure == "words"].set_index("doc_id")["value"]
    assert words["total"] == per_doc["a"] + per_doc["b"]
    assert words["documents"] == 2
    assert words["sd"] == pytest.approx(np.std([per_doc["a"], per_doc["b"]], ddof=1))


def test_group_by_errors_name_the_columns(three_docs):
    docs, _ = three_docs
    with pytest.raises(
        ParameterError,
        match=r"`group_by` 'outlet' is not a column of the documents; the columns are "
        r"\['doc_id', 'source', 'published'\]",  # text is never a group
    ):
        stats.group_labels(docs, "outlet")
    with pytest.raises(ParameterError, match=r"did you mean 'source'"):
        stats.group_labels(docs, "sourc")
    with pytest.raises(ParameterError, match=r"`period` must be one of"):
        stats.group_labels(docs, "published", period="week")


def test_group_labels_by_period():
    docs = _docs({"a": "x", "b": "y", "c": "z"})
    docs["published"] = ["2024-09-10", "2024-07-01T10:00:00", ""]
    assert stats.group_labels(docs, "published", period="month")["group"].tolist() == [
        "2024-09",
        "2024-07",
        "(missing)",
    ]


# --------------------------------------------------------------------------- keyness


def test_keyness_values_by_hand():
    kc = pd.DataFrame(
        {
            "group": ["x", "x", "x", "y", "y", "y"],
            "term": ["navy", "army", "the"] * 2,
            "count": [40, 10, 50, 10, 30, 60],
        }
    )
    k = stats.keyness(kc, target="x")
    navy = k.set_index("term").loc["navy"]
    a, b, c, d = 40, 10, 100, 100
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    g2 = 2 * (a * math.log(a / e1) + b * math.log(b / e2))
    assert navy["g2"] == pytest.approx(g2)
    assert navy["log_ratio"] == pytest.approx(math.log2((40 / 100) / (10 / 100)))
    from scipy.stats import chi2

    assert navy["p_value"] == chi2.sf(navy["g2"], 1)  # the same float, via scipy.special
    assert (navy["target_total"], navy["reference_total"]) == (100, 100)
    assert navy["direction"] == "target"
    assert "the" not in k["term"].tolist()  # stopword dropped from the result
    assert k["term"].tolist() == ["navy", "army"]
    both = stats.keyness(kc)
    assert both["target"].tolist() == ["x", "x", "y", "y"]
    zero = stats.keyness(
        pd.DataFrame({"group": ["x", "y"], "term": ["navy", "army"], "count": [4, 4]}), target="x"
    )
    assert zero.set_index("term").loc["navy", "log_ratio"] == pytest.approx(math.log2(4 / 0.5))
    with pytest.raises(ParameterError, match=r"`target` 'z' is not a group; the groups are"):
        stats.keyness(kc, target="z")


def test_keyness_with_one_group_explains(seeds_sentences, seeds_documents):
    labels = stats.group_labels(seeds_documents, "source")
    k = stats.keyness(stats.keyness_counts(stats.term_counts(seeds_sentences), labels))
    assert k.empty
    assert list(k.columns) == stats.KEYNESS_COLUMNS
    assert "needs two or more groups" in k.attrs["note"]
    assert "reference corpus" in k.attrs["note"]


# --------------------------------------------------------------------------- actors


def test_actor_counts_on_seed(seeds_sentences):
    a = stats.actor_counts(seeds_sentences).set_index("actor")
    assert a.loc["China", "mentions"] == 11
    assert a.loc["China", "aliases"] == "China 10; Beijing 1"
    assert a.loc["Russia", "mentions"] == 10
    assert a.loc["United States", "aliases"] == "U.S. 3; United States 2"
    assert a.loc["South China Sea", "mentions"] == 1
    with_embeds = stats.actor_counts(seeds_sentences, include_embeds=True).set_index("actor")
    # + "Chinese", "China", "#PLA" in one tweet, "China" in the other (its credit line
    # "China Daily" names an account, not an actor)
    assert with_embeds.loc["China", "mentions"] == 15
    pos = stats.actor_positions(seeds_sentences)
    assert pos["position"].between(0, 1).all()
    assert len(pos) == a["mentions"].sum()


def test_dispersion_positions(seeds_sentences, seeds_documents):
    d = stats.dispersion(seeds_sentences, ["drill*", "exercis*"])
    end = seeds_sentences["end"].max()
    assert d["position"].tolist() == pytest.approx((d["start"] / end).tolist())
    prose = " ".join(_prose_paragraphs())
    assert (
        d["term"].value_counts().to_dict()
        == {
            "drill*": len(re.findall(r"\bdrill", prose, flags=re.I)),
            "exercis*": len(re.findall(r"\bexercis", prose, flags=re.I)),
        }
        == {"drill*": 7, "exercis*": 7}
    )


# --------------------------------------------------------------------------- plots


def test_plots_return_axes_with_labels(seeds_sentences):
    tc = stats.term_counts(seeds_sentences)
    ax = stats.plot_top_terms(stats.top_terms(tc, top_n=5))
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "china"
    lengths = stats.sentence_lengths(seeds_sentences)
    ax = stats.plot_sentence_lengths(lengths)
    assert ax.get_xlabel() == "sentence length (words)"
    # integer-width bins centred on whole numbers, integer ticks on both axes
    widths = {float(b.get_width()) for b in ax.patches}
    assert widths == {3.0}  # 12..43 words in at most 15 bins
    assert sum(b.get_height() for b in ax.patches) == len(lengths) == 19
    ax.figure.canvas.draw()
    assert all(float(t).is_integer() for t in ax.get_xticks())
    assert all(float(t).is_integer() for t in ax.get_yticks())
    ax = stats.plot_dispersion(stats.dispersion(seeds_sentences, ["drill*", "china"]))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["drill*", "china"]  # most on top
    ax = stats.plot_dispersion(stats.actor_positions(seeds_sentences), label="actor")
    assert ax.get_ylabel() == "actor or place"
    # a corpus of many documents: densities per 5% bin, not ticks merged into a bar
    rng = np.random.default_rng(0)
    many = pd.DataFrame(
        {
            "term": ["early"] * 400 + ["late"] * 20,
            "position": np.r_[rng.uniform(0, 0.2, 400), rng.uniform(0.8, 1, 20)],
        }
    )
    ax = stats.plot_dispersion(many, max_ticks=150)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["late (20)", "early (400)"]
    early = ax.collections[1].get_paths()[0].vertices  # the top row: the most hits
    assert early[:, 0].max() == 100 and early[early[:, 1] > 0.6 + 1e-9, 0].max() <= 20
    assert "5%" in ax.get_xlabel()
    ticks = stats.plot_dispersion(many, max_ticks=400)  # 400 hits: still ticks
    assert [t.get_text() for t in ticks.get_yticklabels()] == ["late", "early"]
    ax = stats.plot_actor_mentions(stats.actor_counts(seeds_sentences))
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "China"
    legend = {
        t.get_text(): h.get_facecolor()
        for t, h in zip(ax.get_legend().get_texts(), ax.get_legend().legend_handles, strict=True)
    }
    assert legend["sea"][:3] == to_rgb("#0072B2")  # blue
    assert legend["country"][:3] == to_rgb("#E69F00")  # orange
    fig, ax0 = plt.subplots()
    assert stats.plot_keyness(pd.DataFrame(columns=stats.KEYNESS_COLUMNS), ax=ax0) is ax0
    assert ax0.get_title() == "Keywords (needs two or more groups)"


@pytest.mark.parametrize(
    ("pattern", "mode", "hint"),
    [
        ("escalation", "glob", "try a wildcard, e.g. 'escalat*'."),
        ("escalat*", "glob", "try a shorter stem, e.g. 'esca*'."),
        ("sea of foo", "phrase", "try mode='glob' with a wildcard, e.g. 'sea of foo*'."),
        (r"escalat\w+", "regex", "try a looser expression, or mode='glob' with a wildcard."),
    ],
)
def test_kwic_without_hits_says_what_to_try(seeds_sentences, pattern, mode, hint):
    with pytest.warns(FramelensWarning) as caught:
        assert stats.kwic(seeds_sentences, pattern, mode=mode).empty
    message = str(caught[0].message)
    assert message.startswith(f"kwic: no hits for {pattern!r} ({mode}) in 24 sentence(s); ")
    assert message.endswith(hint)
    assert caught[0].filename == __file__  # points at the caller, not the library


def test_keyness_adjusts_p_values_counts_documents_and_gives_an_interval():
    """Benjamini-Hochberg, document counts and the log ratio's interval (issue 15, part 3)."""
    from statsmodels.stats.multitest import multipletests

    tc = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b", "c", "c", "d", "d", "a", "c"],
            "n": 1,
            "term": ["navy", "army", "navy", "drill", "army", "drill", "army", "navy",
                     "solo", "fleet"],
            "count": [9, 1, 7, 2, 8, 3, 6, 1, 12, 2],
        }
    )  # fmt: skip
    labels = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "group": ["x", "x", "y", "y"]})
    kc = stats.keyness_counts(tc, labels)
    assert kc.set_index(["group", "term"]).loc[("x", "navy"), "documents"] == 2
    k = stats.keyness(kc, target="x", min_count=1, min_documents=1)
    expected = multipletests(k["p_value"], method="fdr_bh")[1]
    assert k["p_adjusted"].to_numpy() == pytest.approx(expected)
    navy = k.set_index("term").loc["navy"]
    a, b = navy["target_count"], navy["reference_count"]
    half = 1.959963984540054 * math.sqrt(1 / a + 1 / b) / math.log(2)
    assert navy["log_ratio_ci_low"] == pytest.approx(navy["log_ratio"] - half)
    assert navy["log_ratio_ci_high"] == pytest.approx(navy["log_ratio"] + half)
    assert (navy["target_documents"], navy["reference_documents"]) == (2, 1)
    # "solo" is over-used by x but only one article of x uses it: not a keyword of x
    assert "solo" in k["term"].tolist()
    strict = stats.keyness(kc, target="x", min_count=1)  # min_documents=2 by default
    assert "solo" not in strict["term"].tolist() and "navy" in strict["term"].tolist()
    # "army" is over-used by the reference, where two documents use it: kept
    assert strict.set_index("term").loc["army", "direction"] == "reference"
    with pytest.raises(ParameterError, match="`min_documents` must be at least 1"):
        stats.keyness(kc, min_documents=0)


def test_keyness_effective_documents_measure_dispersion():
    """One article carrying a word gives ~1 effective document; an even spread gives all."""
    tc = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "a", "b", "c", "d", "e", "d", "e"],
            "n": 1,
            "term": ["aug", "aug", "aug", "navy", "navy", "navy", "aug", "aug", "navy", "navy"],
            "count": [18, 1, 1, 4, 4, 4, 1, 1, 1, 1],
        }
    )
    labels = pd.DataFrame({"doc_id": list("abcde"), "group": ["x"] * 3 + ["y"] * 2})
    counts = stats.keyness_counts(tc, labels)
    assert counts.set_index(["group", "term"]).loc[("x", "aug"), "sum_sq"] == 18**2 + 1 + 1
    k = stats.keyness(counts, target="x", min_count=1, min_documents=1).set_index("term")
    assert k.loc["aug", "target_effective_documents"] == round(20**2 / 326, 2)  # 1.23
    assert k.loc["navy", "target_effective_documents"] == 3.0
    # partitions hold disjoint documents: the sums give the same figure
    parts = pd.concat(
        [stats.keyness_counts(tc[tc["doc_id"].isin(list(p))], labels) for p in ("ab", "cde")]
    )
    summed = parts.groupby(["group", "term"], as_index=False)[
        ["count", "documents", "sum_sq"]
    ].sum()
    again = stats.keyness(summed, target="x", min_count=1, min_documents=1).set_index("term")
    assert (
        again["target_effective_documents"].to_dict() == k["target_effective_documents"].to_dict()
    )


def test_keyness_without_sum_sq_leaves_dispersion_missing():
    kc = pd.DataFrame({"group": ["x", "x", "y", "y"], "term": ["navy", "army"] * 2,
                       "count": [30, 10, 10, 30]})  # fmt: skip
    k = stats.keyness(kc, target="x")
    assert k["target_effective_documents"].isna().all()


def test_mattr_and_hdd_equal_their_definitions_on_random_texts():
    """The windowless MATTR and the log-gamma HD-D against the slow, literal forms."""
    from collections import Counter

    from scipy.stats import hypergeom

    rng = np.random.default_rng(7)
    for n, vocab, window in [(60, 5, 50), (300, 40, 50), (1000, 300, 100), (51, 51, 50)]:
        words = [f"w{i}" for i in rng.integers(0, vocab, n)]
        windows = [len(set(words[i : i + window])) / window for i in range(n - window + 1)]
        assert stats.mattr(words, window=window) == pytest.approx(np.mean(windows), abs=1e-12)
        freqs = np.array(list(Counter(words).values()))
        literal = float(np.sum((1 - hypergeom.pmf(0, n, freqs, 42)) / 42))
        assert stats.hdd(words) == pytest.approx(literal, abs=1e-11)


def test_mattr_by_window_equals_lexical_diversity_at_each_window():
    seed = SEED_FILE.read_text(encoding="utf-8")
    docs = pd.DataFrame({"doc_id": ["long", "short"], "text": [seed, "Ships sailed home."]})
    sentences = corpus.segment(docs)
    got = stats.mattr_by_window(sentences, [3, 25, 50, 5000], tokens=corpus.Tokens(sentences))
    assert got.columns.tolist() == stats.MATTR_WINDOW_COLUMNS and len(got) == 8
    for w in (3, 25, 50, 5000):
        d = stats.lexical_diversity(sentences, window=w).query("measure == 'mattr'")
        g = got[got["window"] == w]
        assert g["doc_id"].tolist() == d["doc_id"].tolist()
        assert g["words"].tolist() == d["words"].tolist()
        assert g["reliable"].tolist() == d["reliable"].tolist()
        assert g["note"].tolist() == d["note"].tolist()
        np.testing.assert_array_equal(g["mattr"].to_numpy(), d["value"].to_numpy())
    # the larger the window, the closer to TTR; a window longer than the text gives nothing
    long = got[got["doc_id"] == "long"].set_index("window")["mattr"]
    assert long[3] > long[25] > long[50] and math.isnan(long[5000])
    with pytest.raises(ParameterError, match="`windows`"):
        stats.mattr_by_window(sentences, [0])


def test_term_totals_equal_the_per_document_counts_summed():
    """The partition totals (integer keys) and the per-document counts (Counters) agree."""
    seed = SEED_FILE.read_text(encoding="utf-8")
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "group": ["x", "y", "x"],
                         "text": [seed, "China's navy and China\u2019s drills, joint drills.",
                                  seed[:400]]})  # fmt: skip
    sentences = corpus.segment(docs)
    per_doc = stats.term_counts(sentences, n=[1, 2, 3])
    expected = (per_doc.groupby(["n", "term"], as_index=False)
                .agg(count=("count", "sum"), documents=("doc_id", "nunique")))  # fmt: skip
    got = stats.term_totals(sentences, n=[1, 2, 3])
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected, check_dtype=False)
    labels = stats.group_labels(docs, "group")
    by_group = stats.term_totals(sentences, n=1, labels=labels)
    x = per_doc[(per_doc["n"] == 1) & per_doc["doc_id"].isin(["a", "c"])]
    x = x.assign(sq=x["count"] ** 2).groupby("term")
    row = by_group[(by_group["group"] == "x") & (by_group["term"] == "china")].iloc[0]
    assert row["count"] == x["count"].sum()["china"]
    assert row["documents"] == x["doc_id"].nunique()["china"] == 2
    assert row["sum_sq"] == x["sq"].sum()["china"]


def test_texts_number_types_and_find_previous_uses():
    """_Texts: type numbers shared across texts, per-text previous use, types per text."""
    from framelens.stats.measures import _Texts

    t = _Texts([["a", "b", "a"], [], ["b", "b", "c", "a"]])
    assert t.ids.tolist() == [0, 1, 0, 1, 1, 2, 0]
    assert t.text.tolist() == [0, 0, 0, 2, 2, 2, 2]
    assert t.start.tolist() == [0, 3, 3] and t.length.tolist() == [3, 0, 4]
    # positions within the text; a type used in an earlier text is new in this one
    assert t.previous.tolist() == [-1, -1, 0, -1, 0, -1, -1]
    assert t.types.tolist() == [2, 0, 3]
    assert t.uses.tolist() == [2, 1, 2, 2, 2, 1, 1]  # uses of each token's type in its text


def test_mattrs_and_hdds_of_many_texts_equal_those_of_each():
    """The measures of several texts at once are the one-text values, bit for bit."""
    from framelens.stats.measures import _hdds, _mattrs, _Texts

    rng = np.random.default_rng(3)
    texts = [[f"w{i}" for i in rng.integers(0, vocab, n)]
             for n, vocab in [(60, 5), (0, 1), (41, 41), (300, 40), (42, 3), (7, 2)]]  # fmt: skip
    many = _Texts(texts)
    for window, draws in [(50, 42), (3, 7), (1, 1)]:
        mattrs, hdds = _mattrs(many, window), _hdds(many, draws)
        for i, words in enumerate(texts):
            one = _Texts([words])
            # NaN where the text is shorter than the window or the draws
            np.testing.assert_array_equal(mattrs[i], _mattrs(one, window)[0])
            np.testing.assert_array_equal(hdds[i], _hdds(one, draws)[0])
            assert math.isnan(mattrs[i]) == (len(words) < window)
            assert math.isnan(hdds[i]) == (len(words) < draws)
            if len(words) >= window:
                assert mattrs[i] == stats.mattr(words, window=window)
            if len(words) >= draws:
                assert hdds[i] == stats.hdd(words, draws=draws)


def test_hdd_of_a_long_text_of_few_types_equals_the_hypergeometric():
    """A text far longer than its types reads log Γ directly (no table of its length)."""
    from scipy.stats import hypergeom

    words = ["a", "b", "c"] * 3000 + ["d"]
    freqs = np.array([3000, 3000, 3000, 1])
    literal = float(np.sum((1 - hypergeom.pmf(0, len(words), freqs, 42)) / 42))
    assert stats.hdd(words) == pytest.approx(literal, abs=1e-12)
    assert stats.hdd(words[:200]) == pytest.approx(
        float(np.sum((1 - hypergeom.pmf(0, 200, np.array([67, 67, 66]), 42)) / 42)), abs=1e-12
    )


def test_mtld_passes_count_factors_as_the_definition():
    """The passes over many texts at once, a window at a time, count the literal factors."""
    from framelens.stats.measures import _mtld_passes, _mtlds, _Texts

    def literal(tokens, threshold):
        types, count, factors, current = set(), 0, 0.0, 1.0
        for tok in tokens:
            count += 1
            types.add(tok)
            current = len(types) / count
            if current <= threshold:
                factors += 1
                types, count, current = set(), 0, 1.0
        return factors + ((1 - current) / (1 - threshold) if count else 0.0)

    rng = np.random.default_rng(5)
    sizes = [(0, 1), (1, 1), (2, 1), (50, 3), (400, 60), (1000, 400), (70, 70), (64, 5)]
    texts = [[f"w{i}" for i in rng.integers(0, vocab, n)] for n, vocab in sizes]
    many = _Texts(texts)
    for threshold in (0.0, 0.5, 0.72, 0.999999):
        forward = [literal(words, threshold) for words in texts]
        backward = [literal(words[::-1], threshold) for words in texts]
        for width in (1, 2, 7, 64, 2000):  # factors ending within a window and across them
            got = _mtld_passes(many.previous, many.start, many.length, threshold, width)
            assert got.tolist() == forward
        # MTLD: the mean of the two passes' factor lengths, the same floats for each text
        # alone and for all at once
        mtlds = _mtlds(many, threshold).tolist()
        for words, f, b, m in zip(texts, forward, backward, mtlds, strict=True):
            n = len(words)
            if n and f and b:
                assert m == stats.mtld(words, threshold=threshold) == (n / f + n / b) / 2
            else:
                assert math.isnan(m) and math.isnan(stats.mtld(words, threshold=threshold))


def test_term_totals_with_groups_give_the_totals_and_the_group_rows():
    """_term_totals: the totals over the labelled documents and the sizes asked per group."""
    from framelens.stats.vocabulary import _term_totals

    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "group": ["x", "y", "x"],
                         "text": ["Joint drills began. Ships sailed.", "Ships sailed, ships left.",
                                  "Joint drills ended."]})  # fmt: skip
    sentences = corpus.segment(docs)
    labels = stats.group_labels(docs, "group").iloc[:2]  # "c" has no group
    totals, by_group = _term_totals(sentences, [1, 2], False, None, labels, grouped=[1])
    assert totals.columns.tolist() == ["n", "term", "count", "documents"]
    assert totals[totals["n"] == 2]["term"].tolist() == [
        "drills began", "joint drills", "ships left", "ships sailed"]  # fmt: skip
    assert totals.set_index(["n", "term"]).loc[(1, "ships")].tolist() == [3, 2]
    assert totals.set_index(["n", "term"]).loc[(1, "joint")].tolist() == [1, 1]  # not c's
    pd.testing.assert_frame_equal(
        by_group, stats.term_totals(sentences, n=1, labels=labels).reset_index(drop=True)
    )
    assert by_group.set_index(["group", "term"]).loc[("y", "ships")].tolist() == [1, 2, 1, 4]
    alone = _term_totals(sentences, [1, 2], False, None)
    pd.testing.assert_frame_equal(alone, stats.term_totals(sentences, n=[1, 2]))
    # a partition's partial counts: the same rows in no particular order
    loose, loose_group = _term_totals(
        sentences, [1, 2], False, None, labels, grouped=[1], ordered=False
    )
    for got, want, keys in (
        (loose, totals, ["n", "term"]),
        (loose_group, by_group, ["group", "term"]),
    ):
        got = got.sort_values(keys, kind="stable").reset_index(drop=True)
        pd.testing.assert_frame_equal(got, want)


def test_gram_counts_count_within_runs_per_document():
    """_words numbers terms (possessive 's split off); _gram_counts stays within runs."""
    from framelens.stats.measures import _prepare
    from framelens.stats.vocabulary import _gram_counts, _gram_totals, _words

    docs = pd.DataFrame({"doc_id": ["a", "b"],
                         "text": ["China's navy, China\u2019s navy.", "Navy ships."]})  # fmt: skip
    words = _words(_prepare(corpus.segment(docs), False, None), None)
    assert words.terms == ["china", "navy", "ships"] and words.groups == [None]
    assert words.ids.tolist() == [0, 1, 0, 1, 1, 2] and words.docs.tolist() == [0] * 4 + [1] * 2
    pairs = _gram_counts(words, 2)
    assert pairs.names.tolist() == ["china navy", "navy ships"]  # not "navy china": a comma between
    rows = zip(pairs.doc.tolist(), pairs.gram.tolist(), pairs.count.tolist(), strict=True)
    assert list(rows) == [(0, 0, 2), (1, 1, 1)]  # (document, bigram, count)
    got = _gram_totals(_gram_counts(words, 1), 1)
    assert got["term"].tolist() == ["china", "navy", "ships"]
    assert got["count"].tolist() == [2, 3, 1] and got["documents"].tolist() == [1, 2, 1]


def test_likeliest_keeps_every_bigram_of_the_exact_top():
    """_likeliest: the numpy estimate never drops a bigram of the exact top (ties too)."""
    from framelens.stats.vocabulary import _likeliest, _likelihood_ratio

    rng = np.random.default_rng(11)
    n_xx = 5000
    pairs = []
    for i in range(400):
        n1, n2 = (int(v) for v in rng.integers(1, 60, 2))
        c = int(rng.integers(1, min(n1, n2) + 1))
        pairs.append((f"w{i} v{i}", f"w{i}", f"v{i}", c, n1, n2))
    pairs += [("a b", "a", "b", 3, 9, 9), ("c d", "c", "d", 3, 9, 9)]  # equal ratios
    exact = sorted(pairs, key=lambda p: (-_likelihood_ratio(p[3], p[4], p[5], n_xx), p[0]))
    counts = np.array([p[3:] for p in pairs])

    def likeliest(n_xx, top_n, rows=pairs, table=counts):  # the pairs kept, in the order given
        mask = _likeliest(table, n_xx, top_n)
        assert mask.dtype == bool and len(mask) == len(rows)
        return [p for p, k in zip(rows, mask.tolist(), strict=True) if k]

    for top_n in (1, 5, 20, 100):
        kept = likeliest(n_xx, top_n)
        assert set(exact[:top_n]) <= set(kept) and len(kept) < len(pairs)
    # a tie at the cut keeps both
    tied = exact.index(("a b", "a", "b", 3, 9, 9))
    assert ("c d", "c", "d", 3, 9, 9) in likeliest(n_xx, tied + 1)
    # no more defined ratios than asked: all are kept, the undefined too
    tiny = [("s s", "s", "s", 1, 2, 2), ("s t", "s", "t", 1, 2, 1)]
    assert likeliest(3, 5, tiny, np.array([p[3:] for p in tiny])) == tiny


def test_collocations_top_n_is_the_head_of_the_full_ranking():
    seed = SEED_FILE.read_text(encoding="utf-8")
    sentences = corpus.segment(pd.DataFrame({"doc_id": ["a"], "text": [seed]}))
    tc = stats.term_counts(sentences, n=[1, 2])
    full = stats.collocations(tc, min_freq=1, top_n=10_000)
    for top_n in (1, 3, 10, 40):
        got = stats.collocations(tc, min_freq=1, top_n=top_n)
        pd.testing.assert_frame_equal(got, full.head(top_n))


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("year", ["2021", "2021", "2021", "2021", "2021", "(missing)", "(missing)"]),
        ("month", ["2021-03", "2021-03", "2021-03", "2021-03", "(missing)", "(missing)",
                   "(missing)"]),
        ("day", ["2021-03-04", "2021-03-04", "2021-03-04", "(missing)", "(missing)",
                 "(missing)", "(missing)"]),
    ],
)  # fmt: skip
def test_dates_with_times_and_zones_group_by_the_day_written(period, expected):
    """Mixed time zones crashed the grouping ("Mixed timezones detected")."""
    from framelens import groups

    docs = pd.DataFrame(
        {"doc_id": list("abcdefg"),
         "published": ["2021-03-04T10:00:00Z", "2021-03-04T23:59:59+05:00",
                       "2021-03-04 10:00", "2021-03", "2021", "04/03/2021", ""]}
    )  # fmt: skip
    from framelens import FramelensWarning

    # a date without the period's parts is missing, and the warning says how many
    unread = expected.count("(missing)") - 1  # the empty value is no date at all
    with pytest.warns(FramelensWarning, match=rf"{unread} of 6 dated document\(s\) have no ISO"):
        labels = groups.group_labels(docs, "published", period=period)
    assert labels["group"].tolist() == expected


def test_keyness_ties_go_to_the_evenly_spread_term_and_the_panel_says_so():
    """Ten terms tied on G² were shown alphabetically: "admiral, allied, anti-submarine…"."""
    rows = []
    # group x: "zulu" in four documents once each, "alpha" four times in one document,
    # "mike" in two documents twice each: the same count (4), so the same G²
    for doc, terms in {"x1": ["zulu", "alpha"] + ["alpha"] * 3 + ["mike"] * 2,
                       "x2": ["zulu", "mike", "mike"], "x3": ["zulu"], "x4": ["zulu"],
                       "y1": ["other"] * 20}.items():  # fmt: skip
        for t in terms:
            rows.append({"doc_id": doc, "sent_id": 0, "kind": "prose", "term": t})
    tc = pd.DataFrame(rows).groupby(["doc_id", "term"]).size().rename("count").reset_index()
    tc["n"] = 1
    labels = pd.DataFrame({"doc_id": ["x1", "x2", "x3", "x4", "y1"],
                           "group": ["x"] * 4 + ["y"]})  # fmt: skip
    kn = stats.keyness(stats.keyness_counts(tc, labels), target="x", min_documents=1)
    top = kn[kn.direction == "target"]
    assert top["term"].tolist() == ["zulu", "mike", "alpha"]
    assert top["g2"].nunique() == 1
    ax = stats.plot_keyness(kn, target="x", top_n=1)
    assert [t.get_text() for t in ax.texts] == [f"2 more term(s) tie at G² = {top.g2.iloc[0]:.1f}"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["zulu"]
    plt.close(ax.figure)


def test_keyness_panels_are_capped_and_the_title_says_how_many_are_left():
    kn = pd.DataFrame(
        {"target": [f"g{i:02d}" for i in range(30)], "term": "navy", "g2": 5.0,
         "log_ratio": 1.0, "direction": "target", "target_total": range(30)}
    )  # fmt: skip
    fig = stats.plot_keyness_groups(kn, max_groups=4)
    shown = [a.get_title() for a in fig.axes if a.get_visible()]
    assert shown == ["g26", "g27", "g28", "g29"]
    assert "26 more in the keyness table" in fig._suptitle.get_text()
    plt.close(fig)


def test_empty_figures_say_why():
    """Reviews name no actor and no dispersion term: the saved figures were blank axes."""
    from framelens import sentiment

    notes = {}
    ax = stats.plot_dispersion(pd.DataFrame({"term": [], "position": []}))
    notes["terms"] = ax.texts[0].get_text()
    ax2 = stats.plot_dispersion(pd.DataFrame({"actor": [], "position": []}), label="actor")
    notes["actors"] = ax2.texts[0].get_text()
    ax3 = stats.plot_actor_mentions(pd.DataFrame(columns=["actor", "type", "mentions"]))
    notes["mentions"] = ax3.texts[0].get_text()
    empty = pd.DataFrame(columns=["actor", "n_sentences", "mean_compound", "ci_low", "ci_high"])
    ax4 = sentiment.plot_actor_tone(empty, min_n=3)
    notes["tone"] = ax4.texts[0].get_text()
    assert notes == {
        "terms": "None of the terms occurs.\nSet dispersion_terms to words of this corpus.",
        "actors": "No actor or place of the gazetteer is named.\nextra_actors adds names.",
        "mentions": "No actor or place of the gazetteer is named.\nextra_actors adds names.",
        "tone": "No actor of the gazetteer is named in 3 sentences or more.\n"
        "extra_actors adds names.",
    }
    for a in (ax, ax2, ax3, ax4):
        plt.close(a.figure)


def test_keyness_of_a_tiny_group_has_no_ratio_of_the_wrong_sign_and_says_why():
    """A one-document group of 27 words: "new" (0 there, 21 in the rest) got log ratio
    +1.6 with direction "reference"; no term could be key for it, and nothing said so."""
    rows = [("big1", "new", 11), ("big2", "new", 10), ("big1", "navy", 400), ("big2", "navy", 400),
            ("big1", "army", 2800), ("big2", "army", 200), ("tiny", "terrible", 2),
            ("tiny", "navy", 25)]  # fmt: skip
    tc = pd.DataFrame(rows, columns=["doc_id", "term", "count"]).assign(n=1)
    labels = pd.DataFrame({"doc_id": ["big1", "big2", "tiny"], "group": ["big", "big", "tiny"]})
    kn = stats.keyness(stats.keyness_counts(tc, labels), target="tiny")
    new = kn.set_index("term").loc["new"]
    assert new["direction"] == "reference" and math.isnan(new["log_ratio"])
    assert math.isnan(new["log_ratio_ci_low"])
    signs = kn.dropna(subset=["log_ratio"])
    assert ((signs["log_ratio"] > 0) == (signs["direction"] == "target")).all()
    assert "1 group(s) have no term in 2 or more documents (tiny)" in kn.attrs["note"]
    one = stats.keyness(stats.keyness_counts(tc, labels), target="tiny", min_documents=1)
    assert "terrible" in set(one.loc[one.direction == "target", "term"])
    assert "note" not in one.attrs


def test_keyness_panels_say_which_terms_pass_the_false_discovery_rate():
    k = pd.DataFrame({"target": ["x", "x", "y"], "term": ["navy", "army", "air"],
                      "g2": [19.0, 4.0, 5.0], "log_ratio": [1.5, -1.0, 2.0],
                      "p_adjusted": [0.001, 0.2, 0.3],
                      "direction": ["target", "reference", "target"]})  # fmt: skip
    fig = stats.plot_keyness_groups(k)
    assert [a.get_title() for a in fig.axes] == [
        "x\n1 of 2 pass 5% FDR (pale: not)",
        "y\nno term passes 5% FDR: no keyword",
    ]
    alphas = [bar.get_alpha() for bar in fig.axes[0].patches]
    assert alphas == [0.3, None]  # army (pale), navy (a keyword), sorted by log ratio
    plt.close(fig)


def test_keyness_at_scale_groups_dates_by_period_as_the_notebook_does():
    from framelens import groups, scale

    d = corpus.load(DATA / "corpora" / "news_multi" / "articles.csv")
    t = scale.analyse(d, analyses=["stats"], group_by="published", period="year")
    labels = groups.group_labels(d, "published", period="year")
    local = stats.keyness(stats.keyness_counts(stats.term_counts(corpus.segment(d), n=[1]),
                                               labels))  # fmt: skip
    assert sorted(t["keyness"]["target"].unique()) == sorted(local["target"].unique())
    assert sorted(t["keyness"]["target"].unique())[:2] == ["2012", "2013"]


def test_keyness_min_documents_is_an_option_of_the_engine_as_of_the_notebook():
    """The notebook's note said "Lower min_documents", which no notebook parameter set, and
    the engine's keyness kept 2 whatever the notebook used."""
    from framelens import groups, scale
    from framelens.errors import ParameterError

    d = corpus.load(DATA / "corpora" / "news_multi" / "articles.csv")
    labels = groups.group_labels(d, "outlet_group")
    counts = stats.keyness_counts(stats.term_counts(corpus.segment(d), n=[1]), labels)
    for k in (1, 3):
        t = scale.analyse(d, analyses=["stats"], group_by="outlet_group", min_documents=k)
        local = stats.keyness(counts, min_documents=k)
        assert len(t["keyness"]) == len(local) > 0
    assert len(stats.keyness(counts, min_documents=1)) > len(stats.keyness(counts))
    with pytest.raises(ParameterError, match="min_documents"):
        scale.analyse(d.head(3), analyses=["stats"], group_by="outlet_group", min_documents=0)


def test_readability_of_text_without_sentence_punctuation_is_not_reliable():
    words = " ".join(["and then we went to the harbour and the ships were there"] * 10)
    s = corpus.segment(pd.DataFrame({"doc_id": ["a"], "text": [words + "."]}))
    r = stats.readability(s).set_index("measure")
    assert r.loc["flesch_kincaid_grade", "value"] > 40  # one 120-word sentence
    assert not r["reliable"].any()
    assert r.loc["flesch_kincaid_grade", "note"].startswith("120 words a sentence")


def test_readability_of_text_in_another_language_is_not_reliable():
    # a Russian article scored Flesch 109.5 and grade 1.1, marked reliable
    ru = ("\u041a\u0438\u0442\u0430\u0439 \u0438 \u0420\u043e\u0441\u0441\u0438\u044f "
          "\u043f\u0440\u043e\u0432\u0435\u043b\u0438 \u0443\u0447\u0435\u043d\u0438\u044f "
          "\u0432 \u043c\u043e\u0440\u0435. ") * 40  # fmt: skip
    de = "Die Marine hat mit Russland im Meer eine lange \u00dcbung gehalten. " * 20
    for text in (ru, de):
        s = corpus.segment(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
        r = stats.readability(s)
        assert not r["reliable"].any()
        assert r["note"].str.startswith("probably not English").all()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # English stays reliable, without a word
        en = "The navy held long drills with Russia in the sea near the coast. " * 20
        r = stats.readability(corpus.segment(pd.DataFrame({"doc_id": ["a"], "text": [en]})))
    assert r.loc[r["measure"] != "smog_index", "reliable"].all()


def test_notebooks_name_documents_that_are_not_english():
    from framelens import FramelensWarning, nb

    docs = pd.DataFrame(
        {
            "doc_id": ["en", "zh"],
            "text": ["The navy held drills.", "\u4e2d\u4fc4\u8054\u5408\u519b\u6f14\u3002"],
        }
    )
    with pytest.warns(
        FramelensWarning,
        match=r"1 of 2 document\(s\) are probably not English \('zh'\): keyness assume",
    ):
        assert nb.warn_not_english(docs, "keyness") == ["zh"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert nb.warn_not_english(docs.head(1), "keyness") == []


def test_group_totals_only_for_counts_that_add_up():
    d = corpus.load(DATA / "corpora" / "news_multi" / "articles.csv")
    s = corpus.segment(d)
    labels = stats.group_labels(d, "source")
    summary = stats.group_summary(stats.group_counts(stats.document_stats(s), labels))
    words = summary[summary["measure"] == "words"]
    assert words["total"].notna().all() and (words["total"] > 0).all()
    for measure in ("ttr", "flesch_reading_ease", "types", "sentence_length_mean"):
        assert summary.loc[summary["measure"] == measure, "total"].isna().all(), measure


def test_tokens_of_other_sentences_are_refused():
    d = corpus.load(DATA / "corpora" / "news_multi" / "articles.csv")
    s = corpus.segment(d)
    other = s.assign(text=s["text"].str.upper())  # the same ids, other text
    with pytest.raises(ParameterError, match=r"`tokens` were made from other sentences"):
        stats.document_stats(s, tokens=corpus.Tokens(other))
    with pytest.raises(ParameterError, match=r"`tokens` has no tokens for \d+ of the"):
        stats.document_stats(s, tokens=corpus.tokenize(s).iloc[:100])
    assert stats.document_stats(s, tokens=corpus.Tokens(s)).equals(stats.document_stats(s))


def test_keyness_corrects_every_targets_terms_together():
    """With many outlets, a per-target correction let some outlet have a 'keyword' by
    chance: the false discovery rate is of the whole table."""
    from statsmodels.stats.multitest import multipletests

    rng = np.random.default_rng(5)
    terms = [f"w{i}" for i in range(60)]
    rows = [(g, t, int(rng.poisson(6)), 3) for g in "abcdefgh" for t in terms]
    kc = pd.DataFrame(rows, columns=["group", "term", "count", "documents"])
    k = stats.keyness(kc, keep_stopwords=True)
    assert k["target"].nunique() == 8
    expected = multipletests(k["p_value"], method="fdr_bh")[1]
    np.testing.assert_allclose(k["p_adjusted"], expected, rtol=1e-12)
    top = stats.keyness(kc, keep_stopwords=True, top_n=5)
    assert top.groupby("target").size().eq(5).all()
    merged = top.merge(k, on=["target", "term"], suffixes=("", "_all"))
    np.testing.assert_allclose(merged["p_adjusted"], merged["p_adjusted_all"], rtol=1e-12)


def test_collocation_scores_are_nltks_to_the_bit() -> None:
    """collocations computes NLTK's likelihood ratio and PMI without importing NLTK."""
    from nltk.collocations import BigramAssocMeasures

    from framelens.stats.vocabulary import _likelihood_ratio

    seed = corpus.segment(corpus.load(SEED_FILE.parent))
    tc = stats.term_counts(seed, n=[1, 2])
    found = stats.collocations(tc, min_freq=1, keep_stopwords=True, top_n=10_000)
    assert len(found) > 300
    m = BigramAssocMeasures()
    for row in found.itertuples():
        marginals = (row.w1_count, row.w2_count)
        assert row.pmi == m.pmi(row.count, marginals, row.total_words)
        if row.likelihood_ratio == row.likelihood_ratio:  # NaN: no 2x2 table
            assert row.likelihood_ratio == m.likelihood_ratio(row.count, marginals, row.total_words)
    # a table from small and large counts, every cell's sign
    for args in [(1, 1, 1, 4), (3, 5, 7, 100), (50, 60, 70, 10_000), (2, 2, 9, 12)]:
        assert _likelihood_ratio(*args) == m.likelihood_ratio(args[0], args[1:3], args[3])


def test_positions_finds_every_wanted_item_in_order():
    items = ["US", "a", "WHO", "US", "us", "b", "WHO"]
    assert corpus._positions(items, ["US", "WHO"]) == [0, 2, 3, 6]
    assert corpus._positions(items, ["x"]) == []
    assert corpus._positions([], ["US"]) == []
