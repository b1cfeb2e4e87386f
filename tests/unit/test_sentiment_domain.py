"""Names are not sentiment: masking, the security domain list and the sensitivity table."""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import gazetteer, sentiment
from framelens.errors import ParameterError
from framelens.sentiment import vader


def _sentences(*texts: str, doc_ids=None, kinds=None) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "doc_id": doc_ids or ["a"] * len(texts),
            "sent_id": range(len(texts)),
            "text": texts,
        }
    )
    if kinds:
        frame["kind"] = kinds
    return frame


def test_every_domain_word_is_a_vader_word_with_the_stated_valence():
    lexicon = vader._analyzer().lexicon
    words = sentiment.load_domain("security")["words"]
    assert len(words) >= 15
    for word, (valence, why) in words.items():
        assert lexicon[word] == pytest.approx(valence), word
        assert len(why) > 5, word  # every word says why it is neutral here


def test_tone_words_are_not_on_the_list():
    words = sentiment.load_domain("security")["words"]
    for tone in ("threat", "attack", "war", "peace", "support", "friendly", "strong"):
        assert tone not in words


def test_mask_names_takes_actors_places_exercises_and_phrases():
    texts = [
        "The United States watched the Peace Mission drills.",
        "China's navy entered the South China Sea.",
        "A THIRD PARTY was not targeted, the Pacific Fleet said.",
        "Nothing to mask here.",
    ]
    masked, found = sentiment.mask_names(texts)
    assert masked[0] == "The Name watched the Name drills."
    assert found[0] == "United States; Peace Mission"
    assert masked[1] == "Name's navy entered the Name."
    assert found[1] == "China; South China Sea"  # the longest alias wins
    assert found[2] == "THIRD PARTY; Pacific Fleet"  # phrases in any case
    assert (masked[3], found[3]) == ("Nothing to mask here.", "")


def test_names_inside_words_are_left():
    masked, found = sentiment.mask_names(["Indochina and Russianness stay."])
    assert found == [""] and masked == ["Indochina and Russianness stay."]


def test_domain_scoring_neutralises_and_says_what():
    s = _sentences(
        "A destroyer of the United States sailed.",
        "The talks went well.",
        "The attack was a terrible disaster.",
    )
    plain = sentiment.score(s)
    dom = sentiment.score(s, domain="security")
    assert list(dom.columns) == list(plain.columns) + ["masked"]
    assert dom["text"].tolist() == plain["text"].tolist()  # the text shown is the original
    assert dom.loc[0, "compound"] == 0 and dom.loc[0, "label"] == "neutral"
    assert dom.loc[0, "masked"] == "United States | destroyer -2"
    # sentences with no name and no domain word score as published
    assert dom.loc[1:, "compound"].tolist() == plain.loc[1:, "compound"].tolist()
    assert dom.loc[1:, "masked"].tolist() == ["", ""]


def test_no_before_a_rated_word_negates_it_in_the_security_domain():
    # "poses no threat", the commonest reassurance of the coverage, scored -0.68 (03's
    # cue check already read it as negated, so 02 and 03 disagreed)
    s = _sentences(
        "The exercise poses no threat to any country.",
        "There is no good reason.",
        "No.",
        "They found no violation or threat.",
    )
    plain = sentiment.score(s)
    dom = sentiment.score(s, domain="security")
    assert plain.loc[0, "compound"] == pytest.approx(-0.6808)  # as NLTK: "no" -1.2
    assert dom.loc[0, "compound"] > 0.4 and dom.loc[0, "label"] == "positive"
    assert "threat -2.4→1.78 (negated by 'no')" in dom.loc[0, "drivers"]
    assert dom.loc[1, "compound"] < 0  # "no good"
    assert dom.loc[2, "compound"] == plain.loc[2, "compound"]  # "no" alone rates as ever
    assert "negated by 'no'" in dom.loc[3, "drivers"]  # "no X or Y": both


def test_domain_scores_the_same_in_parallel():
    texts = [
        f"The destroyer {k} and the United States held talks that went well." for k in range(1100)
    ]
    s = _sentences(*texts)
    one = sentiment.score(s, domain="security", n_jobs=1)
    two = sentiment.score(s, domain="security", n_jobs=2)
    pd.testing.assert_frame_equal(one, two)


def test_default_scoring_is_vader_as_published():
    s = _sentences("A destroyer of the United States sailed.")
    assert sentiment.score(s)["compound"].item() == -0.0516
    assert "masked" not in sentiment.score(s).columns


def test_unknown_domain_is_named():
    with pytest.raises(ParameterError, match="domain"):
        sentiment.score(_sentences("x y"), domain="sports")
    with pytest.raises(ParameterError, match="domain"):
        sentiment.load_domain("sports")


def test_sensitivity_per_corpus_document_and_group():
    s = _sentences(
        "A destroyer sailed.",
        "The talks went well.",
        "The United States is great.",
        "A post about defense.",
        doc_ids=["a", "a", "b", "b"],
        kinds=["prose", "prose", "prose", "embed"],
    )
    plain = sentiment.score(s)
    dom = sentiment.score(s, domain="security")
    docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", None]})
    t = sentiment.domain_sensitivity(plain, dom, documents=docs, group_by="outlet")
    assert list(t.columns) == sentiment.SENSITIVITY_COLUMNS
    assert t["level"].tolist() == ["corpus", "document", "document", "group", "group"]
    corpus = t.iloc[0]
    assert corpus["n_sentences"] == 3  # the embedded post is left out by default
    prose = plain[plain["kind"] == "prose"]
    assert corpus["mean_compound"] == pytest.approx(prose["compound"].mean(), abs=1e-6)
    assert corpus["shift"] == pytest.approx(
        corpus["mean_compound_domain"] - corpus["mean_compound"], abs=1e-6
    )
    groups = t[t["level"] == "group"].set_index("unit")
    assert set(groups.index) == {"X", "(missing)"}
    with_embeds = sentiment.domain_sensitivity(plain, dom, include_embeds=True)
    assert with_embeds.iloc[0]["n_sentences"] == 4


def test_sensitivity_needs_documents_for_groups():
    s = _sentences("A destroyer sailed.")
    plain, dom = sentiment.score(s), sentiment.score(s, domain="security")
    with pytest.raises(ParameterError, match="documents"):
        sentiment.domain_sensitivity(plain, dom, group_by="outlet")
    with pytest.raises(ParameterError, match="outlet"):
        sentiment.domain_sensitivity(
            plain, dom, documents=pd.DataFrame({"doc_id": ["a"]}), group_by="outlet"
        )
    with pytest.raises(ParameterError, match="'compound'"):
        sentiment.domain_sensitivity(plain.drop(columns="compound"), dom)


def test_united_as_a_word_keeps_its_tone_when_not_a_name():
    s = _sentences("They present a united front.", "The United States watched.")
    dom = sentiment.score(s, domain="security")
    assert dom.loc[0, "compound"] > 0.3  # "united" +1.8 is tone here
    assert dom.loc[1, "compound"] == 0 and dom.loc[1, "masked"] == "United States"


def test_label_changes_lists_only_moved_sentences():
    s = _sentences("A destroyer sailed.", "The talks went well.")
    moved = sentiment.label_changes(sentiment.score(s), sentiment.score(s, domain="security"))
    assert moved["sent_id"].tolist() == [0]
    assert moved.loc[0, "masked"] == "destroyer -2"
    with pytest.raises(ParameterError, match="'masked'"):
        sentiment.label_changes(sentiment.score(s), sentiment.score(s))


def test_the_words_added_on_the_dev_half_of_the_gold_set():
    """Issue 15: platform, drill and schedule words of the gold set's dev half score 0."""
    s = _sentences(
        "Seven warships will join the exercise.",
        "The active phase includes firing at sea targets and anti-submarine warfare.",
        "The drills will be held in the Peter the Great Gulf as well as in the East Sea.",
    )
    plain = sentiment.score(s)
    dom = sentiment.score(s, domain="security")
    assert plain["label"].tolist() == ["positive", "negative", "positive"]
    assert dom["label"].tolist() == ["neutral", "neutral", "neutral"]
    assert dom.loc[0, "masked"] == "warships -0.5; join 1.2"
    assert dom.loc[2, "masked"].startswith("Peter the Great; as well as")


def test_the_names_domain_masks_names_only_for_any_topic():
    """Off security news a name is scored as tone ("Hope Not Hate" +0.74): the names
    domain masks the gazetteer's names and changes nothing else."""
    g = gazetteer.load_gazetteer(
        {"Hope Not Hate": {"aliases": ["Hope Not Hate"], "type": "organisation"}}
    )
    s = pd.DataFrame(
        {
            "doc_id": ["a"] * 5,
            "sent_id": [0, 1, 2, 3, 4],
            "text": [
                "Hope Not Hate accused the party of spreading fear.",
                "The party was a great success.",  # "party" stays rated: not a security list
                "There is no joy in it.",  # NLTK's reading of "no" is kept
                "They aren\u2019t happy about it.",  # typography is not read either
                # a name as a name (a run of capitals), not as part of "Northern/Interaction"
                "Northern Ireland welcomed the talks.",
            ],
        }
    )
    plain = sentiment.score(s)
    names = sentiment.score(s, domain="names", gazetteer=g)
    assert plain["compound"].iloc[0] > 0.5 and names["compound"].iloc[0] < 0
    assert names["masked"].tolist() == ["Hope Not Hate", "", "", "", "Northern Ireland"]
    assert names["compound"].iloc[1:].tolist() == plain["compound"].iloc[1:].tolist()
    assert sentiment.load_domain("names") == {"words": {}, "phrases": []}


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # names the gazetteer and the event table do not list (a 22-outlet wire corpus)
        ("The hospital ship Peace Ark docked in Manila.", "Peace Ark; Manila"),
        ("ROKS Sejong the Great and USNS Mercy sailed with HMS Defender.",
         "ROKS Sejong the Great; USNS Mercy; HMS Defender"),
        ("The Freedom Shield exercise began on Monday.", "Freedom Shield"),
        ("Ships sailed past Mischief Reef and Fiery Cross Reef.",
         "Mischief Reef; Fiery Cross Reef"),
        ("China warned the United Kingdom.", "China; United Kingdom"),
        ("The frigate Marshal Shaposhnikov fired at targets.", "Marshal Shaposhnikov"),
        ("Operation Desert Storm was cited.", "Operation Desert Storm"),
        # a capital at the head of a sentence is no name; a headline's capitals neither
        ("Successful drills were held.", ""),
        ("Great drills, said the navy.", ""),
        ("China Slams Dangerous Drills By Russia", "China; Russia"),
    ],
)  # fmt: skip
def test_names_of_ships_exercises_and_places_are_masked(text, masked):
    assert sentiment.mask_names([text])[1] == [masked]


def test_a_masked_name_keeps_the_sentence_as_vader_reads_it():
    """Masking "third party" left "no" rated -1.2 (a denial turned negative), and "US"
    masked as "Name" in a headline in capitals changed VADER's rule for capitals."""
    s = _sentences("The drills target no third party.", "CHINA AND RUSSIA CALL US DRILLS A THREAT")
    plain = sentiment.score(s)
    dom = sentiment.score(s, domain="security")
    assert dom["compound"].iloc[0] == 0 and dom["label"].iloc[0] == "neutral"
    assert dom["compound"].iloc[1] == plain["compound"].iloc[1]
    assert sentiment.mask_names(["CALL US DRILLS A THREAT"])[0] == ["CALL NAME DRILLS A THREAT"]


def test_label_changes_count_what_the_sensitivity_table_counts():
    """02 printed 'changes 3 of 19 sentence labels (prose only)', then listed 4, one of
    them an embedded post."""
    s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "kind": ["prose", "embed"],
                      "text": ["A destroyer sailed.", "A destroyer sailed."]})  # fmt: skip
    plain, dom = sentiment.score(s), sentiment.score(s, domain="security")
    prose = sentiment.label_changes(plain, dom, include_embeds=False)
    table = sentiment.domain_sensitivity(plain, dom, include_embeds=False)
    assert prose["sent_id"].tolist() == [0] == [0] * int(table.iloc[0]["n_label_changes"])
    assert sentiment.label_changes(plain, dom)["sent_id"].tolist() == [0, 1]
