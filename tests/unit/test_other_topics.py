"""Coverage of other topics than military exercises: climate summits, trade disputes.

Each case comes from a probe that ran the notebooks on a climate-summit and a trade-dispute
corpus with the researcher's own dictionary, actors and event table.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import framing


def _sentences(*texts: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"doc_id": "a", "sent_id": range(len(texts)), "text": list(texts), "kind": "prose",
         "para_id": 0, "start": 0, "end": 0}
    )  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "source", "kind"),
    [
        ("Economist Paul Krugman said the tariffs would hurt consumers.",
         "Economist Paul Krugman", "expert"),
        ("Climate scientist Johan Rockström said the target was slipping away.",
         "Climate scientist Johan Rockström", "expert"),
        ("Scientists said the warming was accelerating.", "Scientists", "expert"),
        ("Researchers at the University of Oxford said the data were clear.",
         "Researchers at the University of Oxford", "expert"),
        # a business named with its country is not the state
        ("Chipmakers in South Korea and Taiwan said the curbs would hurt sales.",
         "Chipmakers in South Korea and Taiwan", "other"),
        ("Farmers in Iowa said the tariffs cost them their markets.", "Farmers in Iowa", "other"),
        # the security beat is unchanged
        ("Military analyst Paul Smith said the drills were large.",
         "Military analyst Paul Smith", "expert"),
        ("The Chinese foreign ministry said the drills were routine.",
         "The Chinese foreign ministry", "official"),
        ("Chinese authorities said the patrol was lawful.", "Chinese authorities", "official"),
    ],
)  # fmt: skip
def test_experts_of_other_beats_and_businesses_are_typed(sentence, source, kind):
    found = framing.attributions(_sentences(sentence))
    assert found[["source", "source_type"]].values.tolist() == [[source, kind]]


_ECONOMY = """
name: economy
description: Frames of trade coverage (a test dictionary).
categories:
  conflict:
    definition: The dispute as a fight.
    patterns:
      - trade war
      - retaliat*
  politics:
    definition: The politics of it.
    patterns:
      - press conference
  consensus:
    definition: Experts agree.
    patterns:
      - researchers
"""


def _economy(tmp_path):
    p = tmp_path / "economy.yaml"
    p.write_text(_ECONOMY, encoding="utf-8")
    return framing.load_dictionary(p)


def test_the_security_phrases_are_no_names_for_another_dictionary(tmp_path):
    # "regular press conference" is furniture of defence-ministry coverage, not a name in
    # a trade story
    s = _sentences("The minister told a regular press conference that talks would continue.")
    hits = framing.term_hits(s, _economy(tmp_path))
    assert hits[["term", "status"]].values.tolist() == [["press conference", "counted"]]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("There are no winners in a trade war.", "counted"),
        ("There was no disagreement among researchers.", "counted"),
        ("Both sides said there would be no trade war.", "negated"),
        ("There is no sign of a trade war.", "negated"),
        ("Officials saw no risk of retaliation.", "negated"),
    ],
)
def test_no_denies_its_own_noun_not_the_phrase_after_it(tmp_path, sentence, status):
    hits = framing.term_hits(_sentences(sentence), _economy(tmp_path))
    assert hits["status"].tolist() == [status]


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("Defence Minister Dr. Ng Eng Hen", "official"),
        ("Lawmakers in South Korea", "official"),
        ("Policymakers in Beijing", "official"),
        ("Bank of Japan", "official"),
        ("European Union", "official"),
        ("Automakers in Japan", "other"),
    ],
)
def test_officials_stay_officials(source, kind):
    from framelens.framing.sources import _source_type

    assert _source_type(source) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry said there was no escalation of hostilities in the strait.",
        "Officials reported no incidents of intimidation at sea.",
        "There were no plans for provocations.",
    ],
)
def test_no_before_of_or_for_still_denies_the_cue(sentence):
    hits = framing.term_hits(_sentences(sentence), "security")
    assert set(hits["status"]) == {"negated"}
