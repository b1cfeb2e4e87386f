"""A document's compound from its sentences' tokens as read is VADER on the joined text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from framelens import corpus
from framelens.sentiment import aggregate
from framelens.sentiment.aggregate import _aggregate
from framelens.sentiment.score import _compounds, _joined_compounds, _score_rows

NYT = Path(__file__).parents[1] / "data" / "vader" / "nytEditorialSnippets_GroundTruth.txt"

#: what could cross a join: a "but" of a later sentence, capitals in one sentence only, a
#: negation or a degree word ending one sentence before a rated word, idioms and "kind of"
#: across the join, emphasis, typography, non-Latin letters, nothing to read
TRICKY = [
    "It was not",
    "good news for anyone.",
    "BUT the talks went well.",
    "GREAT!!!",
    "Really? Why? How?",
    "The drill was very",
    "successful and kind",
    "of tense.",
    "He said it would cut the",
    "mustard, never so",
    "good, at least",
    "bad.",
    "Beijing isn\u2019t happy\u2014and says so.",
    "\u4e2d\u56fd\u548c\u4fc4\u7f57\u65af\u4e3e\u884c\u8054\u5408\u6f14\u4e60\u3002",
    "!!",
    "",
    "12:30",
    "the bomb",
    "no",
    "Kinda good :)",
]


def _texts() -> list[str]:
    lines = NYT.read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[-1].strip() for line in lines[:400]] + TRICKY


def test_joined_compounds_equal_vader_on_the_joined_text():
    texts = _texts()
    rng = np.random.default_rng(0)
    parts = [
        [texts[i] for i in rng.integers(0, len(texts), int(rng.integers(1, 9)))] for _ in range(600)
    ] + [TRICKY, TRICKY[:2], TRICKY[5:8], TRICKY[8:12], [TRICKY[13]], [""]]
    flat = [t for p in parts for t in p]
    sentences = pd.DataFrame(
        {"doc_id": "d", "sent_id": range(len(flat)), "text": flat, "kind": "prose"}
    )
    reads: list = []
    _score_rows(sentences, reads=reads)
    assert len(reads) == len(flat)
    assert reads[flat.index(TRICKY[13])] is None  # mostly non-Latin: not read
    at, nested = 0, []
    for p in parts:
        nested.append(reads[at : at + len(p)])
        at += len(p)
    got = _joined_compounds(parts, nested)
    want = _compounds([" ".join(p) for p in parts])
    assert np.array_equal(got, want, equal_nan=True)
    assert np.isfinite(got).sum() > 550


def test_the_engine_documents_equal_aggregate(seeds_documents):
    docs = pd.concat(
        [
            seeds_documents,
            pd.DataFrame(
                {
                    "doc_id": ["x", "y"],
                    "text": [" ".join(TRICKY[:12]), "\n\n".join(TRICKY[12:])],
                    "source": "",
                    "published": "",
                }
            ),
        ],
        ignore_index=True,
    )
    sentences = corpus.segment(docs)
    reads: list = []
    scores = _score_rows(sentences, reads=reads)
    for include_embeds in (False, True):
        fast = _aggregate(scores, reads=reads, include_embeds=include_embeds)
        plain = aggregate(scores, include_embeds=include_embeds)
        pd.testing.assert_frame_equal(fast, plain)
