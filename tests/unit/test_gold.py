"""The gold set of real coverage: its files, and the scoring run on a gold set in its layout."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from framelens import corpus, framing, gold
from framelens.errors import InputError, ParameterError

from ..conftest import ROOT

SHIPPED = ROOT / "tests" / "data" / "gold_news"
TEXT = (
    "MOSCOW, July 30. /TASS/. Russia and China began joint naval drills.\n\n"
    "The drills did not pose any threat to third countries.\n\n"
    "Japan protested and voiced concern over the growing military cooperation."
)


def make_gold(tmp_path, *, text=TEXT):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "d1.txt").write_text(text, encoding="utf-8")
    sha = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    pd.DataFrame(
        [["d1", "tass", "russian_state", "2025-07-30", "https://example.org/d1", "t", sha]],
        columns=gold.ARTICLE_COLUMNS,
    ).to_csv(tmp_path / "articles.csv", index=False)
    s = corpus.segment(pd.DataFrame({"doc_id": ["d1"], "text": [TEXT]}))
    frames = [[0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 1], [0, 1, 0, 0, 1, 0]]
    tones = ["neutral", "positive", "negative"]
    rows = [
        [r.doc_id, r.sent_id, r.start, r.end, *f, t]
        for r, f, t in zip(s.itertuples(), frames, tones, strict=True)
    ]
    labels = pd.DataFrame(rows, columns=gold.LABEL_COLUMNS)
    for name in ("labels", "pass_a", "pass_b"):
        labels.to_csv(tmp_path / f"{name}.csv", index=False)
    return tmp_path, texts


def test_scores_on_a_gold_set_in_the_layout(tmp_path):
    d, texts = make_gold(tmp_path)
    g = gold.load(d)
    docs = gold.documents(texts, g["articles"])
    sentences = corpus.segment(docs)
    labels = gold.check_alignment(sentences, g["labels"])
    assert labels["text"].tolist()[0] == "Russia and China began joint naval drills."
    after = gold.frame_scores(sentences, labels).set_index("frame")
    before = gold.frame_scores(sentences, labels, context=False).set_index("frame")
    # the lone "joint" and the negated threat count only without context
    assert before.loc["cooperation", "fp"] == 1 and after.loc["cooperation", "fp"] == 0
    assert before.loc["threat", "fp"] == 1 and after.loc["threat", "fp"] == 0
    # macro F1 is over the frames with support, a frame never predicted counting 0: the
    # negated threat leaves justification (support 1) without a prediction
    frames = after.drop(index=["all (micro)", "macro"])
    assert frames.loc["justification", ["support", "n_predicted"]].tolist() == [1, 0]
    assert after.loc["macro", "f1"] == pytest.approx(2 / 3)
    assert after.loc["macro", "f1"] == pytest.approx(
        frames.loc[frames["support"] > 0, "f1"].fillna(0.0).mean()
    )
    assert after.loc["macro", "precision"] == pytest.approx(frames["precision"].mean())
    tone = gold.tone_scores(sentences, labels).set_index("method")
    assert list(tone.index) == ["vader", "vader_security"]
    assert tone["n"].tolist() == [3, 3]
    agree = framing.agreement(g["pass_a"], g["pass_b"], [*gold.FRAMES, "tone"])
    assert agree["agreement"].eq(1.0).all()


def test_a_missing_text_can_be_skipped(tmp_path):
    d, texts = make_gold(tmp_path)
    g = gold.load(d)
    (texts / "d1.txt").unlink()
    assert gold.documents(texts, g["articles"], missing="skip").empty
    with pytest.raises(ParameterError, match=r"`missing` must be one of \['raise', 'skip'\]"):
        gold.documents(texts, g["articles"], missing="ignore")


def test_tone_is_scored_sentence_by_sentence_whatever_the_order(tmp_path):
    """sentiment.score sorts by doc_id; the labels must be joined on keys, not by position."""
    texts = {"z1": "The talks went very well and everyone was happy.",
             "a1": "The attack was a terrible disaster."}  # fmt: skip
    docs = pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())})
    sentences = corpus.segment(docs)
    assert sentences["doc_id"].tolist() == ["z1", "a1"]  # not in doc_id order
    labels = sentences[["doc_id", "sent_id", "start", "end"]].assign(tone=["positive", "negative"])
    tone = gold.tone_scores(sentences, labels).set_index("method")
    assert tone["accuracy"].tolist() == [1.0, 1.0]


def test_a_sentence_vader_does_not_score_is_counted_apart():
    """A page's stray '".' is a sentence with no words: it was a traceback from stance."""
    docs = pd.DataFrame({"doc_id": ["d"], "text": ['The attack was a terrible disaster.\n\n".']})
    sentences = corpus.segment(docs)
    assert sentences["text"].tolist() == ["The attack was a terrible disaster.", '".']
    labels = sentences[["doc_id", "sent_id", "start", "end"]].assign(tone=["negative", "neutral"])
    tone = gold.tone_scores(sentences, labels).set_index("method")
    assert tone[["n", "n_unscored", "accuracy"]].values.tolist() == [[1, 1, 1.0], [1, 1, 1.0]]


def test_halves_of_the_shipped_articles():
    arts = gold.load(SHIPPED)["articles"]
    h = gold.halves(arts)
    assert len(h["dev"]) == 16 and len(h["test"]) == 14  # groups of 8, 8, 7 and 7
    assert not set(h["dev"]) & set(h["test"])
    assert h["dev"][:2] == ["people-2013-joint-sea-vladivostok", "people-2015-joint-sea-ii-qingdao"]
    assert h["test"][:2] == ["chinadaily-2014-joint-sea-shanghai",
                             "ecns-2016-joint-sea-south-china-sea"]  # fmt: skip


def test_a_changed_text_is_refused_by_name(tmp_path):
    d, texts = make_gold(tmp_path, text=TEXT.replace("July", "June"))
    g = gold.load(d)
    with pytest.raises(InputError, match=r"d1.txt: not the text that was labelled"):
        gold.documents(texts, g["articles"])
    (texts / "d1.txt").unlink()
    with pytest.raises(InputError, match=r"d1.txt: missing; save the article at https://"):
        gold.documents(texts, g["articles"])


def test_a_bad_label_names_file_and_line(tmp_path):
    d, _ = make_gold(tmp_path)
    lab = pd.read_csv(d / "labels.csv")
    lab.loc[1, "tone"] = "angry"
    lab.to_csv(d / "labels.csv", index=False)
    with pytest.raises(InputError, match=r"labels.csv, line 3: tone must be one of"):
        gold.load(d)


def test_a_shifted_offset_is_reported(tmp_path):
    d, texts = make_gold(tmp_path)
    g = gold.load(d)
    sentences = corpus.segment(gold.documents(texts, g["articles"]))
    shifted = g["labels"].assign(start=g["labels"]["start"] + 1)
    with pytest.raises(InputError, match=r"do not match the segmentation, first d1 sentence 0"):
        gold.check_alignment(sentences, shifted)


def test_agreement_kappa():
    a = pd.DataFrame({"doc_id": "d", "sent_id": range(6), "tone": list("nnnppq")})
    b = a.assign(tone=list("nnpppq"))
    row = framing.agreement(a, b).iloc[0]
    assert row["agreement"] == pytest.approx(5 / 6)
    # p_e = (3*2 + 2*3 + 1*1) / 36
    assert row["kappa"] == pytest.approx((5 / 6 - 13 / 36) / (1 - 13 / 36))


FRESH = ROOT / "tests" / "data" / "gold_news_fresh"
THIRD = ROOT / "tests" / "data" / "gold_news_third"
FOURTH = ROOT / "tests" / "data" / "gold_news_fourth"


@pytest.mark.parametrize(
    ("folder", "n_sentences", "first_year"),
    [(SHIPPED, 200, 2013), (FRESH, 300, 2005), (THIRD, 250, 2005), (FOURTH, 250, 2005)],
)
def test_the_shipped_gold_sets_are_whole(folder, n_sentences, first_year):
    """≥20 real articles of four outlet groups, ≥200 sentences, two passes, adjudicated."""
    g = gold.load(folder)
    arts = g["articles"]
    assert len(arts) >= 20 and arts["doc_id"].is_unique
    assert (arts.groupby("outlet_group").size() >= 6).all() and arts["outlet_group"].nunique() == 4
    assert arts["url"].str.startswith("http").all()
    assert arts["sha256"].str.fullmatch(r"[0-9a-f]{64}").all()
    assert arts["published"].str[:4].astype(int).between(first_year, 2026).all()
    lab, a, b = g["labels"], g["pass_a"], g["pass_b"]
    assert len(lab) >= n_sentences and lab["doc_id"].nunique() >= 20
    keys = ["doc_id", "sent_id", "start", "end"]
    assert lab[keys].equals(a[keys]) and lab[keys].equals(b[keys])
    assert (lab["start"] < lab["end"]).all()
    # every adjudicated label is one of the two passes' labels, and each difference is listed
    adj = pd.read_csv(folder / "adjudication.csv", dtype=str, keep_default_na=False)
    cols = [*gold.FRAMES, "tone"]
    differ = sum(int((a[c].astype(str) != b[c].astype(str)).sum()) for c in cols)
    assert len(adj) == differ
    for c in cols:
        same = a[c].astype(str) == b[c].astype(str)
        assert (lab.loc[same, c].astype(str) == a.loc[same, c].astype(str)).all()
    # no article text is redistributed
    assert not list(folder.glob("*.txt"))
    assert (folder / "README.md").is_file() and (SHIPPED / "GUIDE.md").is_file()


@pytest.mark.parametrize(
    ("one", "other"),
    [(SHIPPED, FRESH), (SHIPPED, THIRD), (FRESH, THIRD), (SHIPPED, FOURTH), (FRESH, FOURTH),
     (THIRD, FOURTH)],
)  # fmt: skip
def test_the_gold_sets_share_no_article(one, other):
    """Each held-out set is new coverage: no doc_id, URL or text hash of an earlier set."""
    first, fresh = gold.load(one)["articles"], gold.load(other)["articles"]
    for col in ("doc_id", "url", "sha256"):
        assert not set(first[col]) & set(fresh[col]), col


@pytest.mark.parametrize("folder", [THIRD, FOURTH])
def test_the_later_sets_share_no_article_with_the_exercise_set(folder):
    exercises = pd.read_csv(ROOT / "tests" / "data" / "gold_exercises" / "articles.csv")
    later = gold.load(folder)["articles"]
    assert not set(exercises["url"]) & set(later["url"])
    assert not set(exercises["doc_id"]) & set(later["doc_id"])


def test_a_label_whose_sentence_split_since_is_skipped_when_asked():
    import pandas as pd

    from framelens import corpus

    text = "Planes came on Tuesday. Seoul said so. They left."
    sentences = corpus.segment(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    labels = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 39],
                           "end": [38, 49], "tone": ["neutral", "neutral"]})  # fmt: skip
    with pytest.raises(InputError, match=r"sentence 0: labelled 0-38, segmented 0-23, 24-38"):
        gold.check_alignment(sentences, labels)
    kept = gold.check_alignment(sentences, labels, skip=True)
    assert kept[["sent_id", "text"]].values.tolist() == [[2, "They left."]]
    assert kept.attrs["skipped"] == [["a", 0, 0, 38]]


def test_a_label_made_before_its_dateline_was_recognised_keeps_its_sentence():
    # labelled when "(Bloomberg) -- The navy…" was one sentence; the agency tag is a
    # dateline now, and the sentence begins after it
    text = "(Bloomberg) -- The navy began drills. Ships sailed."
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text]})
    sentences = corpus.segment(docs)
    furniture = corpus.boilerplate(docs)
    assert furniture["rule"].tolist() == ["dateline"]
    labels = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 38],
                           "end": [37, 51], "tone": ["neutral", "neutral"]})  # fmt: skip
    with pytest.raises(InputError, match="sentence 0: labelled 0-37"):
        gold.check_alignment(sentences, labels)
    kept = gold.check_alignment(sentences, labels, furniture=furniture)
    assert kept["text"].tolist() == ["The navy began drills.", "Ships sailed."]
    assert kept.attrs["moved"] == [["a", 0, 0, 15]]
    assert kept["start"].tolist() == [15, 38]


def test_a_label_is_not_moved_past_furniture_into_another_sentence():
    # the label spans two sentences after the dateline: it is no longer one, and stays
    # unmatched (skipped when asked), whatever the furniture
    text = "(Bloomberg) -- The navy began drills. Ships sailed."
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text]})
    labels = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [51],
                           "tone": ["neutral"]})  # fmt: skip
    kept = gold.check_alignment(
        corpus.segment(docs), labels, skip=True, furniture=corpus.boilerplate(docs)
    )
    assert kept.empty and kept.attrs["skipped"] == [["a", 0, 0, 51]]
    assert kept.attrs["moved"] == []
