"""Grouped weak cues (issue 15): cues of one group do not confirm each other."""

from __future__ import annotations

import textwrap

import pytest

from framelens import framing
from framelens.errors import InputError

from ..conftest import sents

GROUPED = {
    "name": "g",
    "categories": {
        "capability": {
            "patterns": ["live-fire"],
            "weak": {"platforms": ["destroyer*", "troops"], "commitment": ["take part"]},
        },
        "cooperation": {"patterns": ["cooperat*"], "weak": ["joint", "together"]},
    },
}


def test_a_mapping_of_weak_cues_makes_groups_and_the_table_lists_them():
    d = framing.load_dictionary(GROUPED)
    t = framing.dictionary_table(d)
    assert t[["frame", "pattern", "cue_strength", "group"]].values.tolist() == [
        ["capability", "live-fire", "strong", ""],
        ["capability", "destroyer*", "weak", "platforms"],
        ["capability", "troops", "weak", "platforms"],
        ["capability", "take part", "weak", "commitment"],
        ["cooperation", "cooperat*", "strong", ""],
        ["cooperation", "joint", "weak", ""],
        ["cooperation", "together", "weak", ""],
    ]
    # extend keeps the groups
    assert framing.dictionary_table(framing.extend(d, {"capability": ["firepower"]}))[
        "group"
    ].tolist()[:4] == ["", "platforms", "platforms", "commitment"]


@pytest.mark.parametrize(
    ("text", "frames"),
    [
        # one group twice is one piece of evidence
        ("Two destroyers and 500 troops sailed.", []),
        # a cue of another group, or a strong cue, confirms it
        ("Two destroyers and 500 troops will take part.", ["capability"]),
        ("Two destroyers held live-fire drills.", ["capability"]),
        # a plain list: each pattern its own group, as before issue 15
        ("They held joint drills together.", ["cooperation"]),
        ("They held joint drills.", []),
    ],
)
def test_grouped_and_plain_weak_cues(text, frames):
    m = framing.match(sents(text), GROUPED)
    assert m["frame"].tolist() == frames


def test_the_note_names_the_group_and_the_label_is_weak():
    d = framing.load_dictionary(GROUPED)
    hits = framing.term_hits(sents("Two destroyers and 500 troops sailed."), d)
    assert hits[["term", "cue_strength", "status", "note"]].values.tolist() == [
        ["destroyers", "weak", "weak_alone", "no second cue of this frame outside its group "
         "platforms"],
        ["troops", "weak", "weak_alone", "no second cue of this frame outside its group "
         "platforms"],
    ]  # fmt: skip
    m = framing.match(sents("Two destroyers will take part."), d)
    assert m[["frame", "n_hits", "cue_strength"]].values.tolist() == [["capability", 2, "weak"]]


def test_groups_from_a_yaml_file_keep_their_lines(tmp_path):
    p = tmp_path / "d.yaml"
    p.write_text(
        textwrap.dedent(
            """
            name: mine
            categories:
              capability:
                patterns: [firepower]
                weak:
                  platforms: [warship*, bomber*]
                  commitment:
                    - take part
            """
        ).lstrip("\n"),
        encoding="utf-8",
    )
    t = framing.dictionary_table(p)
    assert t[["pattern", "line", "group"]].values.tolist() == [
        ["firepower", 4, ""], ["warship*", 6, "platforms"], ["bomber*", 6, "platforms"],
        ["take part", 8, "commitment"],
    ]  # fmt: skip
    p.write_text(
        "name: bad\ncategories:\n  c:\n    patterns: [a]\n    weak:\n      g: {x: y}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"line 6: the weak cues of 'c', group 'g' must be a list"):
        framing.load_dictionary(p)


def test_the_shipped_capability_groups():
    """Platforms only listed are not capability; forces committed to the drill are."""
    m = framing.match(
        sents(
            "The flotilla includes two destroyers and a frigate.",
            "A total of 19 vessels will participate in the exercises.",
            "The Varyag missile cruiser and a large anti-submarine ship sailed.",
            "The drills involve 10,000 troops.",
        ),
        "security",
    )
    assert m[["sent_id", "frame", "cue_strength"]].values.tolist() == [
        [1, "capability", "weak"],
        [3, "capability", "weak"],
    ]
    hits = framing.term_hits(sents("A large anti-submarine ship sailed."), "security")
    assert hits[["term", "status", "note"]].values.tolist() == [
        ["anti-submarine", "in_name", "anti-submarine ship"]
    ]
