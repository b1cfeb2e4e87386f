"""load_labels on the project's own gold-set files (offsets, tone: no frames)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from framelens import framing
from framelens.errors import InputError

GOLD_THIRD = Path(__file__).parents[1] / "data" / "gold_news_third" / "labels.csv"
FRAMES = ["threat", "cooperation", "capability", "rivalry", "regional_concern", "justification"]


@pytest.fixture
def gold_copy(tmp_path):
    p = tmp_path / "labels.csv"
    shutil.copyfile(GOLD_THIRD, p)
    return p


@pytest.mark.parametrize("frames", [None, FRAMES])
def test_the_gold_set_layout_is_read_as_labels(gold_copy, frames):
    # the file has start, end and tone beside the frames: "column 'start' must be 0 or 1"
    # refused it as labels_path
    labels = framing.load_labels(gold_copy, frames=frames)
    assert list(labels.columns) == ["doc_id", "sent_id", *FRAMES]
    assert labels.attrs["ignored_columns"] == ["start", "end", "tone"]
    assert len(labels) == 293
    assert labels[FRAMES].sum().tolist() == [45, 85, 51, 32, 47, 44]


def test_an_unknown_column_that_is_not_0_or_1_is_still_refused(gold_copy, tmp_path):
    bad = tmp_path / "bad.csv"
    lines = gold_copy.read_text(encoding="utf-8").splitlines()
    bad.write_text(
        "\n".join([lines[0] + ",notes"] + [f"{x},seen" for x in lines[1:]]) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"line 2: column 'notes' must be 0 or 1, got 'seen'"):
        framing.load_labels(bad)


def test_a_layout_column_the_dictionary_names_is_a_frame(tmp_path):
    p = tmp_path / "labels.csv"
    p.write_text("doc_id,sent_id,start,tone\na,0,12,1\n", encoding="utf-8")
    labels = framing.load_labels(p, frames=["tone"])
    assert labels.columns.tolist() == ["doc_id", "sent_id", "tone"]
    assert labels["tone"].tolist() == [1]
    assert labels.attrs["ignored_columns"] == ["start"]
