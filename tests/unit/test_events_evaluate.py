"""The gold-set scorer (issue 14, part 6) on a gold set written here, and the shipped set's shape.

CI never has the article texts (copyright), so the scorer is tested on two tiny articles
this test writes, with every figure computed by hand; the shipped gold files are checked
for their shape and consistency with the record.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pandas as pd
import pytest

from framelens import events
from framelens.errors import InputError
from framelens.events import evaluate

from ..conftest import DATA

GOLD = DATA / "gold_exercises"

TEXTS = {
    "a": "Vostok 2018 began on Tuesday. A similar drill was held last year.\n",
    "b": "Chinese and Russian bombers jointly flew near Japan. It was their sixth joint patrol.\n",
}


def _write_gold(d: Path, mentions: list[list], claims: list[list]) -> Path:
    with (d / "articles.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(evaluate.GOLD_FILES["articles"])
        for doc, pub, group in (("a", "2018-09-12", "g1"), ("b", "2023-06-07", "g2")):
            text = TEXTS[doc]
            (d / f"{doc}.txt").write_text(text, encoding="utf-8")
            sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
            w.writerow([doc, "o", group, pub, "u", sha, len(text), "test"])
    for name, rows in (("mentions", mentions), ("claims", claims)):
        with (d / f"{name}.csv").open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(evaluate.GOLD_FILES[name])
            w.writerows(rows)
    return d


def _span(doc: str, phrase: str) -> tuple[int, int]:
    s = TEXTS[doc].index(phrase)
    return s, s + len(phrase)


@pytest.fixture
def gold(tmp_path):
    m = [
        ["a", *_span("a", "Vostok 2018"), "named_exercise", "Vostok", "2018", "2018-09-11",
         "relative:on Tuesday", "Vostok|2018|2018-09-11", "", ""],
        # labelled with the wrong year on purpose: a date error the scorer must count
        ["a", *_span("a", "A similar drill"), "described_exercise", "Joint Sea", "2016", "",
         "relative:last year", "", "", ""],
        ["b", *_span("b", "jointly flew near Japan"), "air_patrol",
         "Joint Strategic Air Patrol", "2023", "", "article_date", "", "", ""],
        # a reference the system cannot find
        ["b", *_span("b", "Chinese and Russian bombers"), "air_patrol", "", "", "", "none", "",
         "", ""],
    ]  # fmt: skip
    c = [
        ["b", *_span("b", "It was their sixth joint patrol"), "ordinal",
         "Joint Strategic Air Patrol", "6", "supported", "r"],
        ["a", *_span("a", "Vostok 2018 began"), "first_time", "Vostok", "x", "supported", "r"],
    ]  # fmt: skip
    return _write_gold(tmp_path, m, c)


def test_scores_on_a_gold_set_written_by_hand(gold):
    out = evaluate.evaluate(gold, [gold])
    m = out["mentions"]
    # predicted references: a: "Vostok 2018", "A similar drill was held last year";
    # b: "jointly flew near Japan", "their sixth joint patrol" (not in the gold)
    assert sorted(m["outcome"]) == ["fn", "fp", "tp", "tp", "tp"]
    whole = evaluate.summarise(m).iloc[0]
    assert (whole["tp"], whole["n_pred"], whole["n_gold"]) == (3, 4, 4)
    assert (whole["precision"], whole["recall"]) == (0.75, 0.75)
    # date accuracy over the 3 matched mentions with a gold year: Vostok (2018-09-11 ✓),
    # the drill (gold 2016, predicted 2017 ✗), the flight (2023 ✓)
    assert (whole["n_dated"], round(whole["accuracy"], 4)) == (3, 0.6667)
    by_group = evaluate.summarise(m, "outlet_group").set_index("group")
    assert by_group.loc["g1", "recall"] == 1.0 and by_group.loc["g2", "recall"] == 0.5
    c = out["claims"]
    ordinal = c[(c.claim_type == "ordinal") & (c.outcome == "tp")]
    assert ordinal["verdict_ok"].tolist() == [True]
    assert set(c.loc[c.outcome == "fn", "claim_type"]) == {"first_time"}
    assert evaluate.summarise(c).iloc[0]["accuracy"] == 1.0
    assert set(m["split"]) == {"dev"}  # first article of each group


def test_matching_needs_overlap_same_type_and_compatible_family():
    gold = pd.DataFrame(
        {
            "doc_id": ["a"] * 2,
            "start": [0, 20],
            "end": [10, 30],
            "type": ["air_patrol", "naval_patrol"],
            "family": ["X", ""],
        }
    )
    pred = pd.DataFrame({"doc_id": ["a"] * 3, "start": [5, 0, 25], "end": [8, 10, 26],
                         "type": ["air_patrol", "naval_patrol", "naval_patrol"],
                         "family": ["", "X", "Y"]})  # fmt: skip
    # pred 0 matches gold 0 (empty family is a wildcard); pred 1 has another type;
    # pred 2 names a family the gold leaves empty: not a match
    assert evaluate.match_spans(pred, gold, same=["type"], wildcard=["family"]) == [(0, 0)]


def test_a_text_that_is_not_the_labelled_one_is_refused(gold):
    (gold / "a.txt").write_text(TEXTS["a"] + "edited", encoding="utf-8")
    with pytest.raises(InputError, match=r"a.txt: not the text that was labelled"):
        evaluate.evaluate(gold, [gold])
    with pytest.raises(InputError, match=r"gold article 'a': no a.txt in"):
        evaluate.gold_documents(evaluate.load_gold(gold)["articles"], [gold / "nowhere"])


def test_bad_gold_rows_name_file_and_line(tmp_path):
    d = _write_gold(tmp_path, [["zz", 0, 5, "air_patrol", "", "", "", "none", "", "", ""]], [])
    with pytest.raises(InputError, match=r"mentions.csv, line 2: doc_id 'zz' is not in"):
        evaluate.load_gold(d)


def test_the_shipped_gold_set_has_its_stated_shape():
    g = evaluate.load_gold(GOLD)
    arts, men, cl = g["articles"], g["mentions"], g["claims"]
    assert len(arts) == 37 and arts["doc_id"].is_unique
    assert arts["outlet_group"].value_counts().to_dict() == {
        "chinese_state": 10, "western": 10, "other_asian": 9, "russian_state": 8,
    }  # fmt: skip
    assert arts["split"].value_counts().to_dict() == {"dev": 19, "test": 18}
    assert arts["sha256"].str.fullmatch(r"[0-9a-f]{64}").all()
    assert len(men) == 129 and len(cl) == 60
    assert men["type"].value_counts().to_dict() == {
        "described_exercise": 53, "named_exercise": 47, "air_patrol": 23, "naval_patrol": 6,
    }  # fmt: skip
    assert set(cl["claim_type"]) == set(evaluate.GOLD_CLAIM_TYPES)
    assert set(cl["verdict"]) == {"supported", "not_supported", "not_checkable"}
    n_chars = arts.set_index("doc_id")["n_chars"]
    assert (men["end"] <= men["doc_id"].map(n_chars)).all()
    assert (cl["end"] <= cl["doc_id"].map(n_chars)).all()
    # every family is a record name and every linked row is in the record
    table = events.load_events()
    assert set(men["family"]) - {""} <= set(table["name"])
    keys = set(table["name"] + "|" + table["year"].astype(str) + "|" + table["start_date"])
    assert set(men["record_event"]) - {""} <= keys
    assert (
        men.loc[men["event_date"] != "", "event_date"]
        .str.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?")
        .all()
    )
    assert men["date_rule"].str.match(r"explicit|named_year|relative:|article_date|none").all()
