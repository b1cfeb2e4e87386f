"""_numbered numbers words in order of first use, as dict.fromkeys would."""

import numpy as np
import pandas as pd

from framelens.stats.measures import _numbered


def test_numbers_follow_first_use_and_index_the_distinct_values():
    words = ["navy", "ships", "navy", "nan", "", "Ships", "ships", "None"]
    ids, distinct = _numbered(np.array(words, dtype=object))
    first = {w: i for i, w in enumerate(dict.fromkeys(words))}
    assert ids.dtype == np.int64 and ids.tolist() == [first[w] for w in words]
    assert distinct.tolist() == list(first)
    empty_ids, empty = _numbered(np.array([], dtype=object))
    assert empty_ids.tolist() == [] and empty.tolist() == []


def test_missing_values_and_whole_numbers_are_numbered_as_any_other():
    for values in (
        np.array(["a", None, "b", None, "a"], dtype=object),
        np.array([float("nan"), "a", float("nan")], dtype=object),
        np.array([None], dtype=object),
        np.array([7, 3, 7, 12, 3], dtype=np.int64),
    ):
        ids, distinct = _numbered(values)
        want_ids, want = pd.factorize(values, use_na_sentinel=False)
        assert ids.dtype == np.int64 and ids.tolist() == want_ids.tolist()
        assert len(distinct) == len(want) and ids.min() == 0
        assert [str(v) for v in distinct] == [str(v) for v in want]
