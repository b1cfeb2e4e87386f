"""Keyness sorts its rows with numpy and reads each distinct G²'s p value once."""

import numpy as np
import pandas as pd
import pytest
from scipy.special import chdtrc

from framelens.stats import keyness


def _counts(seed: int, with_documents: bool) -> pd.DataFrame:
    """Return random per-group counts, many of them equal (ties of G²)."""
    rng = np.random.default_rng(seed)
    terms = [f"t{i:03d}" for i in rng.permutation(300)]
    rows = []
    for group in ("x", "y", "z"):
        for term in terms:
            count = int(rng.integers(0, 6))
            if count:
                documents = int(rng.integers(1, count + 1))
                sum_sq = int(rng.integers(0, 2)) * count * count  # 0: dispersion missing
                rows.append((group, term, count, documents, sum_sq))
    frame = pd.DataFrame(rows, columns=["group", "term", "count", "documents", "sum_sq"])
    return frame if with_documents else frame.drop(columns=["documents"])


@pytest.mark.parametrize("with_documents", [True, False])
def test_rows_are_in_the_order_of_the_keys_and_p_values_are_chdtrc(with_documents):
    for seed in range(5):
        got = keyness(_counts(seed, with_documents), min_count=1, min_documents=1)
        assert got["g2"].duplicated().any()  # ties to order
        keys = ["g2", "target_effective_documents", "target_documents", "term"]
        for _, part in got.groupby("target", sort=False):
            again = part.sort_values(
                keys, ascending=[False, False, False, True], kind="stable", na_position="last"
            )
            assert part.index.tolist() == again.index.tolist()
        assert got["p_value"].tolist() == [float(chdtrc(1, g)) for g in got["g2"]]


def test_term_group_tables_sum_as_a_groupby_of_term_and_group():
    from framelens.stats.vocabulary import _term_group_tables

    counts = _counts(7, True)
    counts = pd.concat([counts, counts.iloc[::4]], ignore_index=True)  # rows to sum
    counts.loc[3, "term"] = None  # left out, as groupby leaves it out
    counts.loc[5, "group"] = None
    terms, column, wide = _term_group_tables(counts)
    want = counts.groupby(["term", "group"], sort=True)[["count", "sum_sq"]].sum()
    want = want.unstack("group", fill_value=0)
    assert terms.tolist() == want.index.tolist() and sorted(column) == ["x", "y", "z"]
    for name in ("count", "sum_sq"):
        for g, j in column.items():
            assert wide(name)[:, j].tolist() == want[name][g].astype(float).tolist()
    empty_terms, empty_columns, empty_wide = _term_group_tables(counts.iloc[:0])
    assert len(empty_terms) == 0 and empty_columns == {}
    assert empty_wide("count").shape == (0, 0)


def test_keyness_of_no_counts_is_empty_with_a_note():
    got = keyness(_counts(1, True).iloc[:0])
    assert got.empty and "two or more groups" in got.attrs["note"]
