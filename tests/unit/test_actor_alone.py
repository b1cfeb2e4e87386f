"""Actors that can be told apart: tone of sentences naming one actor alone; organisations."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from framelens import gazetteer, sentiment


def _scores(*texts: str) -> pd.DataFrame:
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    return sentiment.score(
        pd.DataFrame({"doc_id": "a", "sent_id": range(len(texts)), "start": starts,
                      "text": texts})
    )  # fmt: skip


def test_alone_and_shared_split_each_actors_sentences():
    s = _scores(
        "China is worried.",
        "China and Russia agree on great cooperation.",
        "Russia sailed into the Sea of Japan.",  # a place does not make it shared
        "Russia is happy.",
        "Fog covered the Sea of Japan.",  # a place with no actor is alone
    )
    rows = sentiment.actor_sentences(s)
    keys = list(zip(rows["actor"], rows["sent_id"], strict=True))
    assert dict(zip(keys, rows["n_actors"], strict=True)) == {
        ("China", 0): 1, ("China", 1): 2, ("Russia", 1): 2, ("Russia", 2): 1,
        ("Russia", 3): 1, ("Sea of Japan", 2): 2, ("Sea of Japan", 4): 1,
    }  # fmt: skip
    tone = sentiment.actor_tone_finish(rows, n_boot=200).set_index("actor")
    china, russia = tone.loc["China"], tone.loc["Russia"]
    assert (china["n_alone"], china["n_shared"]) == (1, 1)
    assert china["mean_compound_alone"] == s.loc[0, "compound"]
    assert math.isnan(china["alone_ci_low"])  # one sentence: no interval
    assert china["mean_compound_shared"] == s.loc[1, "compound"]
    assert (russia["n_alone"], russia["n_shared"]) == (2, 1)
    assert russia["mean_compound_alone"] == pytest.approx(s.loc[[2, 3], "compound"].mean())
    assert math.isnan(russia["alone_ci_low"])  # 2 sentences of one document: none either
    assert china["n_alone"] + china["n_shared"] == china["n_sentences"]
    # the Sea of Japan beside Russia is shared with Russia; alone, it is alone
    sea = tone.loc["Sea of Japan"]
    assert (sea["n_alone"], sea["n_shared"]) == (1, 1)
    assert sea["mean_compound_alone"] == s.loc[4, "compound"]


def test_alone_interval_does_not_depend_on_partitions():
    texts = ["China is worried.", "China is happy.", "China and Russia agree.", "China wins."]
    s = _scores(*texts)
    whole = sentiment.actor_tone_finish(sentiment.actor_sentences(s), n_boot=300)
    parts = pd.concat([sentiment.actor_sentences(s.iloc[[i]]) for i in range(4)])
    split = sentiment.actor_tone_finish(parts, n_boot=300)
    pd.testing.assert_frame_equal(whole, split)


def test_rows_without_n_actors_still_summarise():
    rows = sentiment.actor_sentences(_scores("China is worried.")).drop(columns="n_actors")
    tone = sentiment.actor_tone_finish(rows, n_boot=200)
    assert tone.loc[0, "n_alone"] == 0 and math.isnan(tone.loc[0, "mean_compound_alone"])


@pytest.mark.parametrize(
    "text",
    [
        "The Pacific Fleet sailed.",
        "The Russian navy's Pacific Fleet sailed.",
        "The South China Sea Institute said so.",
        "The Western Pacific Naval Symposium met.",
    ],
)
def test_a_place_inside_an_organisation_name_is_not_a_place(text):
    s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "text": [text]})
    places = gazetteer.actor_mentions(s)
    assert not places["type"].isin(gazetteer.PLACE_TYPES).any(), places


def test_the_place_itself_is_still_found():
    s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
                      "text": ["Ships of the Pacific Fleet sailed into the Pacific, then the "
                               "South China Sea."]})  # fmt: skip
    found = gazetteer.actor_mentions(s)
    assert found["actor"].tolist() == ["Pacific", "South China Sea"]
    assert found["start"].tolist() == [43, 61]


def test_alone_interval_from_sums_is_the_same_for_any_partitioning():
    """At scale (counts summed, no sentence values) equal scores give the same interval.

    Six sentences of compound 0.1, naming China alone: summed as 1 + 5 or 3 + 3 sentences,
    the sums round differently, and without a guard the variance is 0 one way and a
    rounding residue the other, so the intervals would differ between engines.
    """
    rows = pd.DataFrame(
        {"actor": "China", "type": "country", "doc_id": [f"d{i}" for i in range(6)],
         "sent_id": 0, "n_actors": 1, "compound": 0.1, "label": "positive",
         "text": "China is fine."}
    )  # fmt: skip
    extremes = sentiment.actor_extremes(rows)

    def from_counts(*groups):  # partitions of whole documents, as the engine makes them
        counts = pd.concat(
            [sentiment.actor_counts(rows[rows["doc_id"].isin([f"d{i}" for i in g])])
             for g in groups]
        )  # fmt: skip
        summed = counts.groupby(["actor", "type"], as_index=False).sum()
        return sentiment.actor_tone_finish(summed, extremes).set_index("actor")

    one, two = from_counts([0], [1, 2, 3, 4, 5]), from_counts([0, 1, 2], [3, 4, 5])
    assert one.loc["China", "n_alone"] == 6
    for tone in (one, two):
        china = tone.loc["China"]
        assert china["alone_ci_low"] == china["alone_ci_high"] == china["mean_compound_alone"]
    pd.testing.assert_frame_equal(one, two, check_exact=False, rtol=1e-15)
