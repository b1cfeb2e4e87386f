"""Tests of framelens.sentiment: VADER scores with evidence, aggregates, actors, validation."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from framelens import FramelensWarning, InputError, ParameterError, corpus, sentiment
from framelens.sentiment import compare, vader
from framelens.sentiment.score import NOTE_UNREAD

DATA = Path(__file__).resolve().parents[1] / "data" / "vader"
NYT = DATA / "nytEditorialSnippets_GroundTruth.txt"
DOC = "china-russia-joint-exercises"


def _nyt_rows() -> list[list[str]]:
    text = NYT.read_bytes().decode("ascii")
    return [line.split("\t") for line in text.split("\r\n") if line]


@pytest.fixture(scope="module")
def scores(seeds_sentences):
    return sentiment.score(seeds_sentences)


@pytest.fixture(scope="module")
def sia():
    return vader._analyzer()


def _sents(*texts: str, doc_id: str = "a") -> pd.DataFrame:
    return pd.DataFrame(
        {"doc_id": doc_id, "sent_id": range(len(texts)), "start": 0, "text": list(texts)}
    )


# --------------------------------------------------------------------------- score


def test_score_columns_and_seed_labels(scores):
    assert list(scores.columns) == sentiment.SCORE_COLUMNS + ["para_id", "start", "end"]
    assert len(scores) == 24
    assert scores["label"].value_counts().to_dict() == {
        "positive": 13,
        "neutral": 7,
        "negative": 4,
    }
    assert scores["sent_id"].tolist() == list(range(24))


def test_score_equals_nltk_polarity_scores_on_seed(scores, sia):
    for text, row in zip(scores["text"], scores.itertuples(), strict=True):
        ref = sia.polarity_scores(text)
        assert (row.neg, row.neu, row.pos, row.compound) == (
            ref["neg"],
            ref["neu"],
            ref["pos"],
            ref["compound"],
        ), text


def test_score_equals_nltk_on_every_nyt_snippet_and_rule_cases(sia):
    texts = [r[2] for r in _nyt_rows()] + [
        "not good",
        "NOT GOOD at all!!",
        "It was kind of good but not great",
        "the kiss of death",
        "never so good",
        "least good",
        "very least good",
        "He isn't very happy :) :-( lol",
        "'good' (good) !!good!! good!!!! \"good,\"",
        "VERY GOOD news, REALLY bad",
        "Wow!!! Great??? Really????",
        "yeah right, it's the shit",
        "I hate hate love love",
    ]
    frame = _sents(*texts)
    got = sentiment.score(frame)
    ref = pd.DataFrame([sia.polarity_scores(t) for t in texts])
    assert len(texts) == 5203
    for col in ("neg", "neu", "pos", "compound"):
        np.testing.assert_array_equal(got[col].to_numpy(), ref[col].to_numpy(), err_msg=col)


def test_idioms_degree_phrases_and_negations_equal_nltk(sia):
    # words of every idiom and two-word degree phrase, negations and rated words, run
    # together at random: the engine skips the idiom search where no phrase can begin
    words = (
        "the bomb bad ass yeah right cut mustard kiss of death hand to mouth kind sort just "
        "enough not never so this least at very isn't good great terrible love hate THE "
        "BOMB Kind no"
    ).split()
    rng = np.random.default_rng(5)
    texts = [" ".join(rng.choice(words, int(rng.integers(2, 15)))) for _ in range(4000)]
    got = sentiment.score(_sents(*texts))
    ref = pd.DataFrame([sia.polarity_scores(t) for t in texts])
    for col in ("neg", "neu", "pos", "compound"):
        np.testing.assert_array_equal(got[col].to_numpy(), ref[col].to_numpy(), err_msg=col)
    # the cases are there: idioms, a two-word degree phrase's -0.29, negations
    drivers = got["drivers"]
    assert drivers.str.contains("idiom").sum() >= 20
    assert drivers.str.contains("' -0.29").sum() >= 20
    assert drivers.str.contains("negated").sum() >= 500


def test_drivers_show_lexicon_valence_and_rules(scores):
    drivers = scores.set_index("sent_id")["drivers"]
    # the alarm sentence scores positive: "United States" carries "united" +1.8
    assert drivers[23] == "united 1.8; alarm -1.4; growing 0.7; challenge 0.3"
    assert scores.loc[23, "compound"] == 0.34
    assert drivers[22] == "supported 1.3→-0.96 (negated by 'not')"
    assert drivers[18] == "strength 2.2; growing 0.7→0.96 ('particularly' +0.26)"
    assert drivers[4] == "" and scores.loc[4, "note"] == "no lexicon words"


def test_drivers_name_idioms_but_and_emphasis():
    got = sentiment.score(
        _sents("It was kind of good but not great", "the kiss of death", "Wow!!! Great")
    )
    assert got["drivers"].tolist() == [
        "good 1.9→0.80 ('kind of' -0.29, before 'but' ×0.5); "
        "great 3.1→-3.44 (negated by 'not', after 'but' ×1.5)",
        "kiss 1.8; death -2.9→-1.50 (idiom 'kiss of death' -1.5)",
        "wow 2.8; great 3.1; [!/? emphasis +0.88]",
    ]


def test_thresholds_move_labels(seeds_sentences):
    wide = sentiment.score(seeds_sentences, pos_threshold=0.5, neg_threshold=-0.5)
    assert wide["label"].value_counts().to_dict() == {"neutral": 18, "positive": 5, "negative": 1}
    # a forgotten minus labelled 15 of 24 seed sentences negative in a workshop
    with pytest.raises(ParameterError, match=r"`neg_threshold` \(0.3\) is on the wrong side of 0"):
        sentiment.score(seeds_sentences, pos_threshold=0.3, neg_threshold=0.3)
    with pytest.raises(ParameterError, match=r"`pos_threshold` \(-0.1\) is on the wrong side"):
        sentiment.score(seeds_sentences, pos_threshold=-0.1, neg_threshold=-0.3)
    with pytest.raises(ParameterError, match="`pos_threshold` must be between -1 and 1"):
        sentiment.score(seeds_sentences, pos_threshold=2)


def test_missing_column_is_a_parameter_error():
    with pytest.raises(ParameterError, match=r"`sentences` lacks the column\(s\) \['text'\]"):
        sentiment.score(pd.DataFrame({"doc_id": ["a"], "sent_id": [0]}))


def test_n_jobs_gives_identical_rows(seeds_sentences):
    rng = np.random.default_rng(7)
    pick = rng.integers(0, len(seeds_sentences), 3000)
    big = seeds_sentences.iloc[pick].reset_index(drop=True)
    big["doc_id"] = [f"d{i // 30:04d}" for i in range(len(big))]
    big["sent_id"] = [i % 30 for i in range(len(big))]
    one = sentiment.score(big)
    two = sentiment.score(big, n_jobs=2)
    pd.testing.assert_frame_equal(one, two)
    with pytest.raises(ParameterError, match="`n_jobs` must be at least 1"):
        sentiment.score(big, n_jobs=0)


# --------------------------------------------------------------------------- bad input


def test_empty_frame_gives_empty_results():
    empty = pd.DataFrame(columns=corpus.SENTENCE_COLUMNS)
    got = sentiment.score(empty)
    assert got.empty and list(got.columns) == sentiment.SCORE_COLUMNS + ["para_id", "start", "end"]
    agg = sentiment.aggregate(got)
    assert agg.empty and set(sentiment.DOCUMENT_COLUMNS) <= set(agg.columns)
    assert sentiment.actor_tone(got).empty
    assert sentiment.arc(got).empty
    assert sentiment.agreement(got, sentiment.pattern_scores(got))["n"].item() == 0


def test_empty_partition_has_the_same_dtypes(scores, seeds_sentences):
    empty = scores.iloc[:0]
    pairs = [
        (sentiment.score(seeds_sentences), sentiment.score(seeds_sentences.iloc[:0])),
        (sentiment.aggregate(scores), sentiment.aggregate(empty)),
        (sentiment.aggregate_counts(scores), sentiment.aggregate_counts(empty)),
        (sentiment.arc(scores), sentiment.arc(empty)),
        (sentiment.actor_tone(scores), sentiment.actor_tone(empty)),
        (sentiment.actor_sentences(scores), sentiment.actor_sentences(empty)),
        (
            sentiment.pattern_scores(seeds_sentences),
            sentiment.pattern_scores(seeds_sentences.iloc[:0]),
        ),
    ]
    for full, none in pairs:
        assert full.dtypes.to_dict() == none.dtypes.to_dict()
    assert str(scores["drivers"].dtype) == "str" and scores["sent_id"].dtype == "int64"


def test_empty_text_is_unscored_nan():
    got = sentiment.score(_sents("", "   ", "a", "Good."))
    assert got["note"].tolist()[:3] == ["no words to score"] * 3
    assert got["compound"].isna().tolist() == [True, True, True, False]
    assert got["label"].tolist() == ["unscored", "unscored", "unscored", "positive"]
    counts = sentiment.aggregate_counts(got)
    assert counts[["n", "n_unscored"]].values.tolist() == [[1, 3]]


def test_no_lexicon_words_is_neutral_zero():
    got = sentiment.score(_sents("The ships sailed north on Tuesday."))
    assert got[["neg", "neu", "pos", "compound", "label", "drivers", "note"]].values.tolist() == [
        [0.0, 1.0, 0.0, 0.0, "neutral", "", "no lexicon words"]
    ]


def test_non_latin_text_is_flagged_and_not_scored():
    docs = pd.DataFrame(
        {
            "doc_id": ["en", "ru", "zh"],
            "text": ["Good news.", "Хорошие новости.", "中俄联合军演。好"],
        }
    )
    flags = sentiment.language_check(docs)
    assert flags["mostly_non_latin"].tolist() == [False, True, True]
    assert flags.loc[1, "note"].startswith("mostly non-Latin letters: VADER is English-only")
    with pytest.warns(FramelensWarning, match=r"2 sentence\(s\) in document\(s\) \['ru', 'zh'\]"):
        got = sentiment.score(
            pd.DataFrame({"doc_id": docs["doc_id"], "sent_id": 0, "text": docs["text"]})
        )
    assert got["label"].tolist() == ["positive", "unscored", "unscored"]
    assert got.loc[1, "note"] == sentiment.NOTE_NON_LATIN
    # accented Latin and a few Cyrillic letters in English text are still scored
    mixed = sentiment.score(_sents("Zürich was a good café for Путин talks."))
    assert mixed["compound"].item() == 0.4404


def test_latin_script_text_that_is_not_english_is_flagged():
    """Spanish and German scored as English with no word of warning (0.000 for a group)."""
    docs = pd.DataFrame(
        {"doc_id": ["de", "en", "es", "short"],
         "text": [
             "Die Übungen dauern fünf Tage und finden im Japanischen Meer statt. Nach Angaben "
             "des Ministeriums nehmen mehrere Schiffe und Flugzeuge beider Länder daran teil, "
             "darunter Zerstörer und U-Boote.",
             "The drills will last five days in the Sea of Japan. According to the ministry, "
             "several ships and aircraft of both countries take part, including destroyers "
             "and submarines, as they have done in past years.",
             "Los ejercicios durarán cinco días en el mar de Japón. Según el ministerio, "
             "participan varios buques y aviones de ambos países, entre ellos destructores y "
             "submarinos, como en años anteriores.",
             "Excelente noticia y un gran éxito.",
         ]}
    )  # fmt: skip
    flags = sentiment.language_check(docs).set_index("doc_id")
    assert flags["probably_not_english"].to_dict() == {
        "de": True, "en": False, "es": True, "short": False,
    }  # fmt: skip
    assert flags.loc["en", "english_share"] > 0.2 and flags.loc["es", "english_share"] == 0
    assert flags.loc["es", "note"].startswith("few English function words")
    assert not flags["mostly_non_latin"].any()


def test_extremely_long_sentence_is_scored_with_a_note():
    text = " ".join(["The drills went well and nobody was hurt"] * 5000)  # 40,000 tokens
    t0 = time.perf_counter()
    got = sentiment.score(_sents(text))
    assert time.perf_counter() - t0 < 5
    # "nobody" is not one of VADER's negations: 5000 × (well 1.1, hurt -2.4) saturates at -1
    assert got["compound"].item() == -1.0
    assert got["note"].item() == (
        "long sentence (40000 tokens): compound saturates; check the segmentation"
    )
    drivers = got["drivers"].item().split("; ")
    assert drivers[:2] == ["well 1.1", "hurt -2.4"]
    assert len(drivers) == 41 and drivers[-1] == "… +9960 more"


# --------------------------------------------------------------------------- aggregates


def test_document_aggregate_on_seed(scores):
    agg = sentiment.aggregate(scores)
    row = agg.iloc[0]
    assert row["doc_id"] == DOC
    assert row["n_sentences"] == 19  # prose only
    assert row["mean_compound"] == pytest.approx(0.2236421, abs=1e-6)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((0.08631, 0.358523), abs=1e-6)
    assert (row["share_pos"], row["share_neg"], row["share_neu"]) == pytest.approx(
        (12 / 19, 3 / 19, 4 / 19)
    )
    assert row["document_compound"] == 0.9817
    table = sentiment.documents_table(agg)
    assert list(table.columns) == sentiment.DOCUMENT_COLUMNS


def test_document_compound_with_embeds_is_vader_on_the_whole_text(scores, seeds_documents, sia):
    agg = sentiment.aggregate(scores, include_embeds=True)
    assert agg["n_sentences"].item() == 24
    assert agg["mean_compound"].item() == pytest.approx(0.1696375, abs=1e-6)
    whole = sia.polarity_scores(seeds_documents["text"].item())["compound"]
    assert agg["document_compound"].item() == whole == 0.9801
    assert sentiment.score_documents(seeds_documents)["compound"].item() == whole


def test_bootstrap_is_seeded_and_seed_matters(scores):
    a = sentiment.aggregate(scores, seed=1)
    b = sentiment.aggregate(scores, seed=1)
    c = sentiment.aggregate(scores, seed=2)
    pd.testing.assert_frame_equal(a, b)
    assert a["ci_low"].item() != c["ci_low"].item()


def test_paragraph_aggregate(scores):
    para = sentiment.aggregate(scores, level="paragraph")
    assert para["para_id"].tolist() == [0, 1, 3, 4, 6, 7, 8, 9, 10]  # 2 and 5 are embeds
    assert para.set_index("para_id").loc[9, ["n_sentences", "mean_compound"]].tolist() == [
        1,
        -0.1531,
    ]
    assert np.isnan(para.set_index("para_id").loc[9, "ci_low"])  # one sentence: no interval


def test_counts_sum_across_partitions_to_the_same_answer():
    docs = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(6)],
            "source": ["A", "B", "A", "B", "A", ""],
            "text": [
                "Good talks. Bad drills.",
                "Alarm grew. Nobody was hurt.",
                "A great day.",
                "Terrible news. Awful. Fine.",
                "Ships sailed.",
                "Happy ending.",
            ],
        }
    )
    sents = corpus.segment(docs)
    scores = sentiment.score(sents)
    kw = {"level": "group", "documents": docs, "group_by": "source"}
    whole = sentiment.aggregate(scores, **kw)
    parts = [scores[scores["doc_id"].isin(ids)] for ids in (["d0", "d3"], ["d1", "d2", "d4", "d5"])]
    counts = sentiment.combine_counts([sentiment.aggregate_counts(p, **kw) for p in parts])
    values = pd.concat([sentiment.unit_values(p, **kw) for p in parts]).sort_values(
        ["group", "doc_id", "sent_id"]
    )
    finished = sentiment.aggregate_finish(counts, values=values, n_documents=True)
    pd.testing.assert_frame_equal(whole, finished)
    assert whole["group"].tolist() == ["(missing)", "A", "B"]
    assert whole["n_sentences"].tolist() == [1, 4, 5]
    # A and B have 3 and 2 documents: too few for an interval by document
    assert whole["n_documents"].tolist() == [1, 3, 2]
    assert whole["ci_low"].isna().tolist() == [True, True, True]
    # a group of one article gets no interval either: its sentences are not the group
    assert whole["ci_method"][0].endswith("; no interval for units of 1-4 documents")
    # per-document results do not depend on the partition either
    docs_whole = sentiment.aggregate(scores)
    docs_part = pd.concat([sentiment.aggregate(p) for p in parts]).sort_values("doc_id")
    pd.testing.assert_frame_equal(docs_whole, docs_part.reset_index(drop=True))
    # the normal interval needs only the sums; by document, so none for 2-4 documents
    normal = sentiment.aggregate_finish(counts, n_documents=True)
    assert normal["ci_method"].unique().tolist() == ["no interval for units of 1-4 documents"]
    assert normal["mean_compound"].tolist() == pytest.approx(whole["mean_compound"].tolist())
    assert normal["n_documents"].tolist() == [1, 3, 2]
    assert normal["ci_low"].isna().all()


def test_group_by_unknown_column_names_the_columns(scores, seeds_documents):
    with pytest.raises(
        ParameterError,
        match=r"`group_by` 'outlet' is not a column of the documents; the columns are "
        r"\['doc_id', 'title', 'source', 'published', 'url'\]",
    ):
        sentiment.aggregate(scores, level="group", documents=seeds_documents, group_by="outlet")
    with pytest.raises(ParameterError, match="`level` must be one of"):
        sentiment.aggregate(scores, level="sentence")


# --------------------------------------------------------------------------- arc, actors


def test_arc_keeps_embeds_out_of_the_rolling_mean(scores):
    a = sentiment.arc(scores, window=3)
    assert list(a.columns) == sentiment.ARC_COLUMNS
    assert a["rolling_mean"].isna().tolist() == (scores["kind"] == "embed").tolist()
    assert a.loc[0, "rolling_mean"] == pytest.approx((0.1027 + 0.2732) / 2)
    # sentence 4 averages prose 3 and 8 (the embeds 5–7 in between are skipped)
    assert a.loc[4, "rolling_mean"] == pytest.approx((0.6369 + 0.0 + 0.0) / 3)
    assert a["relative_position"].iloc[[0, -1]].tolist() == [0.0, 1.0]


def test_arc_documents_are_the_longest_in_prose():
    """A corpus shows the arcs with a course to follow: most prose sentences first, embeds
    not counted, ties in doc_id order; n caps the list."""
    a = pd.DataFrame({"doc_id": ["p1", "p2", "p2", "long", "long", "long", "e", "e", "e", "e"],
                      "kind": ["prose"] * 6 + ["embed"] * 3 + ["prose"]})  # fmt: skip
    assert sentiment.arc_documents(a, 10) == ["long", "p2", "e", "p1"]
    assert sentiment.arc_documents(a, 2) == ["long", "p2"]
    assert sentiment.arc_documents(a, 0) == []
    with pytest.raises(ParameterError, match="`n`"):
        sentiment.arc_documents(a, -1)
    # a document with no scored sentence (Russian text) drew an empty arc in a slot
    scored = a.assign(compound=[0.1, 0.2, 0.3] + [float("nan")] * 3 + [0.1] * 4)
    assert sentiment.arc_documents(scored, 10) == ["p2", "e", "p1"]


def test_actor_tone_on_seed(scores):
    actors = sentiment.actor_tone(scores).set_index("actor")
    assert list(actors.reset_index().columns) == sentiment.ACTOR_COLUMNS
    china = actors.loc["China"]
    assert china["n_sentences"] == 10
    assert china["mean_compound"] == pytest.approx(0.27133)
    assert (china["ci_low"], china["ci_high"]) == pytest.approx((0.073088, 0.436517), abs=1e-6)
    assert china["most_negative_sent_id"] == 22
    assert china["most_negative_text"].startswith("While China has not openly supported Russia")
    assert china["most_positive_sent_id"] == 3
    assert actors.loc["United States", "n_sentences"] == 4
    assert np.isnan(actors.loc["Japan", "ci_low"])  # one sentence


def test_actor_tone_from_partitions_equals_whole(scores):
    early, late = scores[scores["sent_id"] < 12], scores[scores["sent_id"] >= 12]
    rows = pd.concat([sentiment.actor_sentences(early), sentiment.actor_sentences(late)])
    pd.testing.assert_frame_equal(sentiment.actor_tone_finish(rows), sentiment.actor_tone(scores))


def test_actor_counted_once_per_sentence():
    s = sentiment.score(_sents("China and Beijing and the PLA agree.", "China is worried."))
    got = sentiment.actor_tone(s)
    assert got[["actor", "n_sentences"]].values.tolist() == [["China", 2]]
    assert got["most_negative_compound"].item() == -0.296


# --------------------------------------------------------------------------- second method


def test_pattern_needs_no_download_and_agrees_weakly_on_seed(scores, seeds_sentences):
    import nltk

    saved = list(nltk.data.path)
    nltk.data.path[:] = ["/nonexistent"]  # Pattern's lexicon ships inside TextBlob
    try:
        compare._pattern.cache_clear()
        pat = sentiment.pattern_scores(seeds_sentences)
    finally:
        nltk.data.path[:] = saved
    assert list(pat.columns) == sentiment.PATTERN_COLUMNS
    assert pat.loc[23, "polarity"] == pytest.approx(0.0)
    agree = sentiment.agreement(scores, pat).iloc[0]
    assert agree["n"] == 24
    assert agree["spearman_rho"] == pytest.approx(0.194716, abs=1e-6)
    assert agree["label_agreement"] == pytest.approx(11 / 24)
    worst = sentiment.disagreements(scores, pat, top_n=3)
    assert worst["sent_id"].tolist() == [3, 11, 9]
    assert worst["difference"].abs().is_monotonic_decreasing


# --------------------------------------------------------------------------- validation


def test_evaluate_reproduces_vader_on_nyt_snippets(tmp_path):
    rows = _nyt_rows()
    assert len(rows) == 5190
    path = tmp_path / "nyt.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["doc_id", "rating", "text"])
        writer.writerows(rows)
    with pytest.warns(FramelensWarning, match=r"9 of 5190 document\(s\) hold HTML markup"):
        documents = corpus.load(path)  # the snippets keep a few "&amp;"
    result = sentiment.evaluate(documents, "rating").set_index("measure")
    r = result.loc["pearson_r"]
    assert 0.480 <= r["value"] <= 0.500  # Hutto & Gilbert 2014, Table 4: r = 0.49
    assert r["value"] == pytest.approx(0.4903, abs=5e-5)
    assert r["n"] == 5190 and r["n_dropped"] == 0
    assert r["ci_low"] < r["value"] < r["ci_high"]
    assert result.loc["spearman_rho", "value"] == pytest.approx(0.4690, abs=5e-5)


def test_evaluate_on_precomputed_scores_and_bad_ratings():
    frame = pd.DataFrame({"document_compound": [0.5, -0.2, 0.1, 0.9], "rating": [2, -1, 0, 3]})
    got = sentiment.evaluate(frame, "rating").set_index("measure")
    assert got.loc["spearman_rho", "value"] == 1.0
    with pytest.raises(ParameterError, match=r"`ratings_column` 'score' is not a column"):
        sentiment.evaluate(frame, "score")
    bad = frame.assign(rating=["2", "high", "0", "3"])
    with pytest.raises(InputError, match=r"1 value\(s\) do not\s+read as one, e.g. 'high'"):
        sentiment.evaluate(bad, "rating")
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "text": ["Good.", "Bad.", "Fine.", "Ok."],
                         "rating": ["2", "high", "0", ""]})  # fmt: skip
    with pytest.raises(InputError, match=r"`ratings_column` 'rating' must hold numbers.*b: 'high'"):
        sentiment.evaluate(docs, "rating")


# --------------------------------------------------------------------------- plots


def test_plots_return_labelled_axes(scores, seeds_sentences):
    a = sentiment.arc(scores)
    ax = sentiment.plot_arc(a)
    assert ax.get_title() == f"Sentiment arc · {DOC}"
    assert len(ax.lines[1].get_xdata()) == 19 and len(ax.lines[3].get_xdata()) == 5
    with pytest.raises(ParameterError, match="`doc_id` 'nope' is not in the arc"):
        sentiment.plot_arc(a, doc_id="nope")
    ax = sentiment.plot_distribution(scores)
    assert sum(p.get_height() for p in ax.patches) == 24
    actors = sentiment.actor_tone(scores)
    ax = sentiment.plot_actor_tone(actors, min_n=2)
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "the West (n=3)"
    docs = pd.DataFrame({"doc_id": [DOC], "source": ["seed"]})
    groups = sentiment.aggregate(scores, level="group", documents=docs, group_by="source")
    assert sentiment.plot_groups(groups).get_yticklabels()[0].get_text() == "seed (1 doc., n=19)"
    pat = sentiment.pattern_scores(seeds_sentences)
    assert sentiment.plot_agreement(scores, pat).get_ylabel() == "Pattern polarity (−1 … +1)"


def test_group_plot_tells_one_sentence_from_none_scored():
    """A group with no scored sentence (another language) is not drawn as "one sentence"."""
    groups = pd.DataFrame({"group": ["en", "es", "ru"], "n_sentences": [3, 1, 0],
                           "mean_compound": [0.2, -0.1, np.nan], "ci_low": [0.0, np.nan, np.nan],
                           "ci_high": [0.4, np.nan, np.nan]})  # fmt: skip
    ax = sentiment.plot_groups(groups)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "ru (n=0: none scored)" in labels and "es (n=1)" in labels
    assert sorted(t.get_text() for t in ax.get_legend().get_texts()) == [
        "mean, 95% interval", "one sentence (n=1): no interval",
    ]  # fmt: skip
    ax = sentiment.plot_groups(groups[groups["group"] != "es"])
    assert ax.get_legend() is None  # no group of one sentence: nothing to explain
    plt.close("all")


def _legend_sizes(ax):
    return [t.get_fontsize() for t in ax.get_legend().get_texts()]


def _legend_texts(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()] if ax.get_legend() else []


def test_legends_are_as_large_as_tick_labels(scores, seeds_sentences):
    from framelens import plots

    with plots.style():
        axes = [
            sentiment.plot_arc(sentiment.arc(scores)),
            sentiment.plot_distribution(scores),
            sentiment.plot_agreement(scores, sentiment.pattern_scores(seeds_sentences)),
        ]
        for ax in axes:
            tick = ax.get_xticklabels()[0].get_fontsize()
            assert min(_legend_sizes(ax)) >= max(9, tick), ax.get_title()
            plt.close(ax.figure)


def test_distribution_counts_have_integer_ticks(scores):
    ax = sentiment.plot_distribution(scores)
    ticks = [t for t in ax.get_yticks() if 0 <= t <= ax.get_ylim()[1]]
    assert ticks == [0, 1, 2, 3, 4, 5, 6, 7]
    plt.close(ax.figure)


def test_agreement_plot_names_rho_and_n(scores, seeds_sentences):
    ax = sentiment.plot_agreement(scores, sentiment.pattern_scores(seeds_sentences))
    assert [t.get_text() for t in ax.texts] == [
        "Spearman ρ = 0.19\nn = 24 sentences\nsame label: 11 of 24"
    ]
    plt.close(ax.figure)


def test_single_sentence_actors_are_hollow_and_have_no_interval(scores):
    actors = sentiment.actor_tone(scores)
    ax = sentiment.plot_actor_tone(actors, min_n=1)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    hollow = [line for line in ax.lines if line.get_markerfacecolor() == "white"]
    # one sentence, and (the seed is one article) 2-4 sentences of it: no interval
    assert [h.get_label() for h in hollow] == [
        "one sentence (n=1): no interval", "2-4 sentences of one document: no interval"
    ]  # fmt: skip
    few = sorted(labels[int(y)] for y in hollow[1].get_ydata())
    assert few and all(int(t.split("n=")[1].rstrip(")")) in (2, 3, 4) for t in few), few
    singles = sorted(labels[int(y)] for y in hollow[0].get_ydata())
    assert singles == [
        "Japan (n=1)",
        "Sea of Okhotsk (n=1)",
        "South China Sea (n=1)",
        "South Korea (n=1)",
        "Taiwan (n=1)",
        "Taiwan Strait (n=1)",
    ]
    assert _legend_sizes(ax) == [10, 10, 10]
    plt.close(ax.figure)
    ax = sentiment.plot_actor_tone(actors, min_n=2)
    assert len(ax.get_yticklabels()) == 7  # no one-sentence actor; the 2-4 still hollow
    assert "one sentence (n=1): no interval" not in _legend_texts(ax)
    plt.close(ax.figure)


def test_a_sentence_without_letters_is_not_a_neutral_score():
    """ "!" was unscored but "!!", "..." and "12:30" scored neutral 0: a document of no
    words got three neutral sentences and a [0, 0] interval."""
    texts = ["!", "!!", "...", "12:30", ":)", "Good."]
    s = pd.DataFrame({"doc_id": "a", "sent_id": range(len(texts)), "text": texts})
    out = sentiment.score(s)
    assert out["note"].tolist()[:4] == ["no words to score"] * 4
    assert out["compound"].isna().tolist() == [True, True, True, True, False, False]
    assert out.loc[4, "compound"] > 0  # an emoticon alone still scores
    from framelens.sentiment.score import _compounds

    np.testing.assert_array_equal(np.isnan(_compounds(texts)), out["compound"].isna())


def test_group_intervals_resample_documents_not_sentences():
    """Sentences of one article are not independent draws: an outlet of five articles,
    each ten identical sentences, had the interval of fifty independent sentences."""
    rows = []
    for d in range(10):
        tone = "Great good news." if d % 2 else "Terrible bad news."
        rows += [(f"d{d}", k, tone) for k in range(10)]
    scores = sentiment.score(pd.DataFrame(rows, columns=["doc_id", "sent_id", "text"]))
    docs = pd.DataFrame({"doc_id": [f"d{d}" for d in range(10)], "outlet": ["A"] * 5 + ["B"] * 5})
    g = sentiment.aggregate(scores, level="group", documents=docs, group_by="outlet")
    a = g.set_index("group").loc["A"]
    assert a["ci_low"] < -0.7 and a["ci_high"] > 0.4  # five articles, two tones: wide
    assert g["ci_method"].iloc[0].endswith("; documents resampled")
    # the same sentences as fifty independent ones: much narrower
    flat = scores.assign(doc_id=[f"s{i}" for i in range(len(scores))])
    one = sentiment.aggregate(flat.assign(doc_id="x"), level="corpus")
    assert one["ci_high"].item() - one["ci_low"].item() < 0.5
    # a group of one article has none: its sentences say nothing of the group
    docs1 = docs.assign(outlet=["A"] + ["B"] * 9)
    g1 = sentiment.aggregate(scores, level="group", documents=docs1, group_by="outlet")
    assert g1.set_index("group").loc["A", ["ci_low", "ci_high"]].isna().all()
    assert g1.set_index("group").loc["B", "ci_low"] < g1.set_index("group").loc["B", "ci_high"]
    assert g1["ci_method"].iloc[0].endswith("; no interval for units of 1-4 documents")
    doc = sentiment.aggregate(scores, level="document").set_index("doc_id")
    assert doc.loc["d0", "ci_low"] == doc.loc["d0", "ci_high"]  # identical sentences


@pytest.mark.parametrize(
    ("text", "unread", "domain_reads"),
    [
        ('The drills are a serious "threat" to peace.', '"threat"', False),
        ("The drills are a serious \u201cthreat\u201d to peace.", "\u201cthreat\u201d", False),
        ("The drills are a serious **threat** to peace.", "**threat**", True),
        ("The drills are a serious thr\u200beat to peace.", "thr\u200beat", True),
    ],
)
def test_typography_that_hides_words_from_vader_is_noted(text, unread, domain_reads):
    clean = "The drills are a serious threat to peace."
    frame = _sents(text, clean)
    plain = sentiment.score(frame)
    # as published: the score NLTK gives (without the word), and a note naming it
    assert plain["note"][0] == NOTE_UNREAD.format(words=unread)
    assert plain["note"][1] == ""
    assert plain["compound"][0] != plain["compound"][1]
    # the security domain reads it as the clean sentence's, except a quoted word (the
    # source's word, not the outlet's tone)
    domain = sentiment.score(frame, domain="security")
    assert bool(domain["compound"][0] == domain["compound"][1]) is domain_reads
    assert bool(domain["drivers"][0] == domain["drivers"][1]) is domain_reads
    assert bool(domain["note"][0] == "") is domain_reads


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("The drills aren\u2019t helpful.", "The drills aren't helpful."),
        ("Beijing isn\u02bct happy, won`t accept it.", "Beijing isn't happy, won't accept it."),
        ("Tokyo can\u2018t ignore the danger.", "Tokyo can't ignore the danger."),
        ("They held drills\u2014a clear threat\u2014near Japan.",
         "They held drills \u2014 a clear threat \u2014 near Japan."),
        ("A provocation\u2013and a danger.", "A provocation \u2013 and a danger."),
    ],
)  # fmt: skip
def test_apostrophes_and_dashes_do_not_change_the_score(text, clean):
    # the same sentence in another outlet's typography: a curly apostrophe negated nothing
    # ("isn’t happy" scored +0.74, "isn't happy" -0.64) and "threat—near" was no word
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from framelens import resources

    frame = _sents(text, clean)
    for domain in (None, "names", "security"):
        got = sentiment.score(frame, domain=domain)
        assert got["compound"][0] == got["compound"][1], domain
        assert got["drivers"][0] == got["drivers"][1], domain
        assert got["note"][0] == "", domain
    assert sentiment.straighten(text) == clean
    resources.use_offline_nltk()
    nltk = SentimentIntensityAnalyzer().polarity_scores(clean)["compound"]
    assert sentiment.score(frame)["compound"][0] == pytest.approx(nltk, abs=1e-4)
    # the sentence is shown as written
    assert sentiment.score(frame)["text"][0] == text
    docs = sentiment.aggregate(sentiment.score(_sents(text)), level="document")
    assert docs["document_compound"].item() == pytest.approx(nltk, abs=1e-4)


def test_straighten_leaves_quotes_numbers_and_spaced_dashes():
    text = "\u201cThreat\u201d, she said \u2014 in 2019\u20132020 \u2018at least\u2019."
    assert sentiment.straighten(text) == (
        "\u201cThreat\u201d, she said \u2014 in 2019 \u2013 2020 \u2018at least\u2019."
    )
    assert sentiment.straighten("plain ASCII text") == "plain ASCII text"


def test_typography_changes_nothing_else():
    from framelens.sentiment.domain import typography

    plain = "China's \"largest\" drills, the U.S. said: 'no' (twice) - 3.5 km; \u201ca b\u201d"
    assert typography(plain) == plain
    assert typography("\u2018Russia\u2019s\u2019 _ab_ *bc* c*") == "\u2018Russia's\u2019 ab bc c*"
    assert typography("snake_case and 2*3*4 stay") == "snake_case and 2*3*4 stay"


def test_a_group_of_five_documents_or_more_gets_its_interval_by_document():
    texts = ["Good talks.", "Bad drills.", "A great day.", "Terrible news.", "Fine."]
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(5)], "source": "A", "text": texts})
    scores = sentiment.score(corpus.segment(docs))
    g = sentiment.aggregate(scores, level="group", documents=docs, group_by="source")
    assert g["n_documents"].tolist() == [5]
    assert g["ci_low"].notna().all()
    assert "documents resampled" in g["ci_method"][0]


@pytest.mark.parametrize(("n_docs", "has_interval"), [(1, True), (3, False), (5, True)])
def test_actor_intervals_need_one_document_or_five(n_docs, has_interval):
    """Two to four documents give a bootstrap of a handful of means: no interval. One
    document gives its sentences' interval from five sentences on."""
    texts = ["Japan is worried. Japan is glad. Japan is angry. Japan is calm. Japan is sad."]
    texts = texts * n_docs
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(n_docs)], "text": texts})
    tone = sentiment.actor_tone(sentiment.score(corpus.segment(docs))).set_index("actor")
    assert tone.loc["Japan", "n_documents"] == n_docs
    assert bool(tone.loc["Japan", ["ci_low", "ci_high"]].notna().all()) is has_interval


def test_two_to_four_sentences_of_one_document_give_no_interval():
    """Two sentences of one article gave an outlet an interval of width 0."""
    docs = pd.DataFrame({"doc_id": ["d0"], "text": ["Japan is worried. Japan is glad."]})
    tone = sentiment.actor_tone(sentiment.score(corpus.segment(docs))).set_index("actor")
    assert tone.loc["Japan", "n_sentences"] == 2
    assert tone.loc["Japan", ["ci_low", "ci_high"]].isna().all()


def test_whole_number_floats_work_for_seed_and_n_boot():
    s = sentiment.score(_sents("Japan is worried.", "Japan is glad.", "Japan is calm."))
    a = sentiment.actor_tone(s, seed=1.0, n_boot=200.0)
    b = sentiment.actor_tone(s, seed=1, n_boot=200)
    pd.testing.assert_frame_equal(a, b)
    with pytest.raises(ParameterError, match=r"`n_boot` must be between 100 and 100000"):
        sentiment.actor_tone(s, n_boot=10**9)


def test_gazetteer_arguments_as_extra_actors_and_strings_for_lists():
    s = _sents("China and Manila talk.", "Russia watched.")
    scores = sentiment.score(s)
    tone = sentiment.actor_tone(scores, gazetteer={"Philippines": ["Manila"]})
    assert "Philippines" in tone["actor"].tolist()
    with pytest.raises(ParameterError, match=r"`texts` must be a list of texts"):
        sentiment.mask_names("China and Russia")
    with pytest.raises(ParameterError, match=r"`abbreviations` must be a list of strings"):
        corpus.segment(pd.DataFrame({"doc_id": ["a"], "text": ["x"]}), abbreviations="u.s")


def test_intervals_from_sums_are_clustered_by_document_as_statsmodels_computes_them():
    # the scale engine keeps sums, not sentences: its interval must not treat an
    # article's sentences as independent draws (the notebook path resamples documents)
    import statsmodels.api as sm

    rng = np.random.default_rng(3)
    docs = [f"d{i}" for i in range(9) for _ in range(int(rng.integers(1, 7)))]
    texts = rng.choice(["Good news.", "A bad threat.", "Ships sailed.", "Great!", "Awful."],
                       len(docs))  # fmt: skip
    frame = pd.DataFrame({"doc_id": docs, "text": texts})
    frame["sent_id"] = frame.groupby("doc_id").cumcount()
    scores = sentiment.score(frame)
    parts = [scores[scores["doc_id"] < "d4"], scores[scores["doc_id"] >= "d4"]]
    counts = sentiment.combine_counts(
        [sentiment.aggregate_counts(p, level="corpus") for p in parts]
    )
    got = sentiment.aggregate_finish(counts, n_documents=True).iloc[0]
    y = scores["compound"].to_numpy()
    codes = pd.factorize(scores["doc_id"])[0]
    fit = sm.OLS(y, np.ones_like(y)).fit(
        cov_type="cluster", cov_kwds={"groups": codes}, use_t=True
    )  # CR1 with Student's t, G - 1 degrees of freedom (Cameron & Miller 2015)
    assert got["mean_compound"] == pytest.approx(fit.params[0], abs=1e-12)
    low, high = fit.conf_int(alpha=0.05)[0]
    assert (got["ci_low"], got["ci_high"]) == pytest.approx((low, high), rel=1e-9)
    assert got["n_documents"] == 9
    assert (
        got["ci_method"] == "clustered by document (CR1), t with documents - 1 degrees of freedom"
    )


def test_actor_intervals_from_sums_follow_the_same_document_rule_as_from_sentences():
    # an actor named alone in 3 documents had a normal interval in the scale table and
    # none in the notebook's table of the same run
    text = {f"d{i}": "China is angry. Russia is happy. China and Russia agree." for i in range(3)}
    text |= {f"e{i}": "Russia is sad. A calm day." for i in range(4)}
    docs = pd.DataFrame({"doc_id": list(text), "text": list(text.values())})
    rows = sentiment.actor_sentences(sentiment.score(corpus.segment(docs)))
    whole = sentiment.actor_tone_finish(rows)
    parts = [rows[rows["doc_id"] < "e"], rows[rows["doc_id"] >= "e"]]
    counts = sentiment.actor_counts(pd.concat(parts))
    # the sums of two partitions add up to the whole's
    a, b = (sentiment.actor_counts(p).drop(columns="type").set_index("actor") for p in parts)
    summed = a.add(b, fill_value=0).reset_index()
    pd.testing.assert_frame_equal(summed, counts.drop(columns="type"), check_dtype=False)
    from_sums = sentiment.actor_tone_finish(counts, sentiment.actor_extremes(rows))
    for table in (whole, from_sums):
        china = table.set_index("actor").loc["China"]
        russia = table.set_index("actor").loc["Russia"]
        assert china["n_documents"] == 3 and np.isnan(china["ci_low"])
        assert np.isnan(china["alone_ci_low"])  # alone in 3 documents: none either
        assert russia["n_documents"] == 7 and russia["ci_low"] <= russia["mean_compound"]
        assert russia["alone_ci_low"] <= russia["mean_compound_alone"] <= russia["alone_ci_high"]


def test_a_one_document_group_is_drawn_apart_from_outlet_intervals():
    # an interval from one article's sentences looked like an outlet's estimate, the most
    # precise of the figure beside groups of 2-4 documents without one: it has none
    text = {f"a{i}": "Good news. Bad day. Great win. Awful loss." for i in range(6)}
    text |= {"solo": "Terrible war. Awful threat. Bad. Good. Sad."}  # 5: an interval
    docs = pd.DataFrame({"doc_id": list(text), "text": list(text.values()),
                         "source": ["A"] * 6 + ["Solo"]})  # fmt: skip
    s = sentiment.score(corpus.segment(docs))
    g = sentiment.aggregate(s, level="group", documents=docs, group_by="source")
    ax = sentiment.plot_groups(g)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert sorted(labels) == ["mean, 95% interval", "one document: no interval for the group"]
    assert g.set_index("group").loc["Solo", ["ci_low", "ci_high"]].isna().all()
    plt.close(ax.figure)


def test_groups_that_are_periods_are_drawn_in_time_order():
    """By year, the tone figure ranked years by their tone (2025, 2024, 2011, (missing)…)."""
    import matplotlib.pyplot as plt

    g = pd.DataFrame({"group": ["2012", "2010", "(missing)", "2011"], "n_sentences": [5] * 4,
                      "mean_compound": [0.1, -0.2, 0.3, 0.0], "ci_low": [0, -0.3, 0.2, -0.1],
                      "ci_high": [0.2, -0.1, 0.4, 0.1]})  # fmt: skip
    ax = sentiment.plot_groups(g)
    top_down = [t.get_text().split(" ")[0] for t in ax.get_yticklabels()][::-1]
    assert top_down == ["2010", "2011", "2012", "(missing)"]
    plt.close(ax.figure)
    outlets = g.assign(group=["B", "A", "(missing)", "C"])
    ax = sentiment.plot_groups(outlets)  # other groups: ranked by tone, the most negative low
    assert [t.get_text().split(" ")[0] for t in ax.get_yticklabels()] == ["A", "C", "B",
                                                                          "(missing)"]  # fmt: skip
    plt.close(ax.figure)
