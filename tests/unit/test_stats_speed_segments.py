"""The readability counts' sentence segments, found in one search of the text."""

import random
import re

from framelens.stats import formulas


def _segments_by_splitting(text: str) -> int:
    """Count the stretches between runs of ``.!?`` that hold three word-bearing tokens."""
    three = re.compile(r"(?:\W*+\w\S*+){3}")
    return sum(1 for piece in re.split(r"[.!?]+", text) if three.match(piece))


def test_one_search_counts_the_segments_of_the_split_text():
    pieces = list("ab_1é.!?-' \n\t,İ\u00a0\u2019") + ["xy", "  ", "...", "U.S.", "e.g. "]
    rng = random.Random(5)
    texts = ["".join(rng.choices(pieces, k=rng.randint(0, 40))) for _ in range(20_000)]
    texts += ["", "One two three.", "One two. Three four five!", "a b c d e f g h"]
    for text in texts:
        got = formulas.counts(text)["sentence_segments"]
        assert got == _segments_by_splitting(text), text
