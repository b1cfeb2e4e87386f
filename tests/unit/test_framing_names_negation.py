"""Cues in context on topics other than security: names that hold a negator, and cues
written case-sensitive because they are names.

A climate and a migration corpus lost true frame labels to these rules: "Doctors
Without Borders said …" negated the next cue, and a dictionary's "=IPCC" was set aside
as part of "UN IPCC". A headline's negator stays one ("Russia Does Not Pose A Threat"),
and "no longer" negates as "not" does.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framelens import framing
from framelens.errors import FramelensWarning, InputError

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


def test_a_headline_keeps_its_negation(tmp_path):
    """Every word of a headline is capitalised: its negator is no part of a name."""
    h = _hits(
        tmp_path,
        "Russia Does Not Pose A Fight To Japan, Minister Says",
        "DRILLS POSE NO THREAT TO REGION, SAYS BEIJING",
        "Families can no longer pay the energy bills.",
    )
    assert h.set_index("sent_id")["status"].tolist() == ["negated", "negated", "negated"]


def test_a_case_sensitive_cue_is_a_name_on_purpose(tmp_path):
    h = _hits(tmp_path, "The UN IPCC report was published.", "The Big Investment Fund said so.")
    by = h.set_index("term")
    assert by.loc["IPCC", "status"] == "counted"
    # a case-blind cue inside a capitalised name is still set aside
    assert by.loc["Investment", "status"] == "in_name"


def test_a_cue_the_tokenizer_splits_is_named_with_the_phrase_that_matches():
    with pytest.warns(FramelensWarning, match=r"read as the tokens \['co', '2'\]: write the "
                      r"phrase 'co 2' to match it"):  # fmt: skip
        framing.load_dictionary({"name": "c", "categories": {"env": ["CO2", "carbon"]}})
    fixed = framing.load_dictionary({"name": "c", "categories": {"env": ["CO 2"]}})
    s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "text": ["CO2 rose."]})
    assert framing.term_hits(s, fixed)["term"].tolist() == ["CO2"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "name: d\ncategories:\n  a: [x]\ncategories:\n  b: [y]\n",
            r"line 4: key 'categories' is given twice \(lines 2 and 4\)",
        ),
        (
            "name: d\ncategories:\n  a:\n    patterns: [x]\n    patterns: [y]\n",
            r"line 5: key 'patterns' of category 'a' is given twice",
        ),
        (
            "name: d\ncategories:\n  a:\n    weak: [money]\n",
            r"line 3: category 'a' has only weak cues, which count only beside another cue",
        ),
        ("name: d\ncategories:\n  a: [cost*, 2030, null]\n", r"item 3 is an empty value"),
    ],
)
def test_dictionary_mistakes_are_named_not_merged(tmp_path, text, message):
    path = tmp_path / "d.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        framing.load_dictionary(path)


def test_a_cue_repeated_in_a_frame_is_named(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("name: d\ncategories:\n  a: [cost*, cost*, bill]\n", encoding="utf-8")
    with pytest.warns(FramelensWarning, match=r"category 'a' lists \['cost\*'\] more than once"):
        framing.load_dictionary(path)


def test_attributions_with_a_gloss_or_after_the_verb():
    """'The European Union (EU) says' gave the source 'EU)'; 'said the WWF' none."""
    from framelens import corpus

    d = pd.DataFrame({"doc_id": ["a"], "text": [
        'The European Union (EU) says the plan is fair. "It is late," said the WWF.'
    ]})  # fmt: skip
    s = corpus.segment(d)
    got = framing.attributions(s)
    assert got["source"].tolist() == ["The European Union", "the WWF"]
    text = d["text"].iloc[0]
    assert [text[a:b] for a, b in zip(got["start"], got["end"], strict=True)] == got[
        "source"
    ].tolist()


def test_attributions_with_a_gloss_inside_the_subject_and_a_listener():
    """'Royal Malaysian Navy (RMN) chief Admiral ... said' gave the source 'RMN) chief
    Admiral ...'; '..., told the Global Times' made the newspaper a second source."""
    from framelens import corpus

    d = pd.DataFrame({"doc_id": ["a"], "text": [
        "Royal Malaysian Navy (RMN) chief Admiral Abdul Rahman Ayob said the drills helped. "
        '"The carrier is maturing," Zhang Junshe, a military expert, told the Global Times.'
    ]})  # fmt: skip
    got = framing.attributions(corpus.segment(d))
    assert got["source"].tolist() == [
        "Royal Malaysian Navy (RMN) chief Admiral Abdul Rahman Ayob", "Zhang Junshe",
    ]  # fmt: skip
    assert got["source_type"].tolist() == ["official", "expert"]


def test_the_flow_figure_picks_an_article_not_the_longest_text():
    """In a 3,000-article corpus the flow figure drew a 513-paragraph text, its paragraph
    numbers run together."""
    import matplotlib.pyplot as plt

    from framelens.framing.plot import HEATMAP_ANNOTATED

    rows = [("long", p, "threat", 1, 1.0) for p in range(300)]
    rows += [("article", p, "threat", 1, 0.5) for p in range(8)]
    f = pd.DataFrame(rows, columns=["doc_id", "para_id", "frame", "n_frame_sentences",
                                    "share_sentences"])  # fmt: skip
    ax = framing.plot_flow(f)
    assert ax.get_title().endswith(": article")
    plt.close(ax.figure)
    ax = framing.plot_flow(f, doc_id="long")  # drawn on request, with fewer ticks
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert len(ticks) <= 20 and 300 > HEATMAP_ANNOTATED
    plt.close(ax.figure)
