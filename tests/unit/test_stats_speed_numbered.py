"""_numbered numbers words in order of first use, as dict.fromkeys would."""

import numpy as np

from framelens.stats.measures import _numbered


def test_numbers_follow_first_use_and_index_the_distinct_values():
    words = ["navy", "ships", "navy", "nan", "", "Ships", "ships", "None"]
    ids, distinct = _numbered(np.array(words, dtype=object))
    first = {w: i for i, w in enumerate(dict.fromkeys(words))}
    assert ids.dtype == np.int64 and ids.tolist() == [first[w] for w in words]
    assert distinct.tolist() == list(first)
    empty_ids, empty = _numbered(np.array([], dtype=object))
    assert empty_ids.tolist() == [] and empty.tolist() == []
