"""Cues in context on topics other than security: names that hold a negator, "no
longer", and cues written case-sensitive because they are names.

A climate and a migration corpus lost true frame labels to these rules: "Doctors
Without Borders said …" negated the next cue, "can no longer pay the energy bills"
negated "bills", and a dictionary's "=IPCC" was set aside as part of "UN IPCC".
"""

from __future__ import annotations

import pandas as pd

from framelens import framing

YAML = """name: topics
categories:
  economic: [bill*, cost*, invest*]
  responsibility: [blame*, =IPCC]
  conflict: [fight*, threat*]
"""


def _hits(tmp_path, *texts: str) -> pd.DataFrame:
    path = tmp_path / "topics.yaml"
    path.write_text(YAML, encoding="utf-8")
    starts = [0]
    for t in texts[:-1]:
        starts.append(starts[-1] + len(t) + 1)
    s = pd.DataFrame({"doc_id": "a", "sent_id": range(len(texts)), "start": starts,
                      "text": list(texts)})  # fmt: skip
    return framing.term_hits(s, framing.load_dictionary(path))


def test_a_negator_inside_a_name_does_not_negate(tmp_path):
    h = _hits(
        tmp_path,
        "Doctors Without Borders said the fight goes on.",
        "Hope Not Hate blamed the party.",
        "The charity said there was no fight left.",
    )
    status = h.set_index("sent_id")["status"]
    assert status[0] == "counted" and status[1] == "counted"
    assert status[2] == "negated"  # a lower-case "no" still negates


def test_no_longer_does_not_negate_but_no_still_does(tmp_path):
    h = _hits(
        tmp_path,
        "Families can no longer pay the energy bills.",
        "Families paid no bills.",
        "No one could fight it.",
    )
    status = h.set_index("sent_id")["status"]
    assert status.tolist() == ["counted", "negated", "negated"]


def test_a_case_sensitive_cue_is_a_name_on_purpose(tmp_path):
    h = _hits(tmp_path, "The UN IPCC report was published.", "The Big Investment Fund said so.")
    by = h.set_index("term")
    assert by.loc["IPCC", "status"] == "counted"
    # a case-blind cue inside a capitalised name is still set aside
    assert by.loc["Investment", "status"] == "in_name"


def test_a_cue_the_tokenizer_splits_is_named_with_the_phrase_that_matches():
    import pytest

    from framelens.errors import FramelensWarning

    with pytest.warns(FramelensWarning, match=r"read as the tokens \['co', '2'\]: write the "
                      r"phrase 'co 2' to match it"):  # fmt: skip
        framing.load_dictionary({"name": "c", "categories": {"env": ["CO2", "carbon"]}})
    fixed = framing.load_dictionary({"name": "c", "categories": {"env": ["CO 2"]}})
    s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "text": ["CO2 rose."]})
    assert framing.term_hits(s, fixed)["term"].tolist() == ["CO2"]
