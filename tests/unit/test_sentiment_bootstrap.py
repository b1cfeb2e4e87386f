"""The bootstrap's resamples drawn as 32-bit integers are the 64-bit draws, number for number."""

from __future__ import annotations

import numpy as np
import pytest

from framelens.sentiment.aggregate import _DRAW, _bootstrap, _cluster_bootstrap


@pytest.mark.parametrize("n", [1, 2, 3, 7, 25, 255, 256, 1000, 65_537, 2**31 - 1])
def test_32_bit_draws_are_the_64_bit_ones(n):
    a, b = np.random.default_rng([3, n]), np.random.default_rng([3, n])
    assert np.array_equal(
        a.integers(0, n, size=(40, 9)), b.integers(0, n, size=(40, 9), dtype=_DRAW)
    )
    assert a.random() == b.random()  # and the streams go on alike


def _as_before(values, rng, n_boot):
    """The interval as it was computed with 64-bit draws."""
    means = values[rng.integers(0, len(values), size=(n_boot, len(values)))].mean(axis=1)
    return tuple(float(v) for v in np.percentile(means, [2.5, 97.5]))


def test_intervals_are_unchanged():
    values = np.random.default_rng(0).normal(size=31)
    assert _bootstrap(values, np.random.default_rng(9), 2000) == _as_before(
        values, np.random.default_rng(9), 2000
    )
    docs = np.repeat(np.arange(12).astype(str), 3)
    sums_rng, ref_rng = np.random.default_rng(4), np.random.default_rng(4)
    vals = np.random.default_rng(1).normal(size=36)
    codes, inverse = np.unique(docs, return_inverse=True)
    sums = np.bincount(inverse, weights=vals)
    ns = np.bincount(inverse).astype("float64")
    pick = ref_rng.integers(0, len(codes), size=(2000, len(codes)))
    ref = np.percentile(sums[pick].sum(axis=1) / ns[pick].sum(axis=1), [2.5, 97.5])
    assert _cluster_bootstrap(docs, vals, sums_rng, 2000) == tuple(float(v) for v in ref)
