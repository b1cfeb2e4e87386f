"""The bootstrap's resamples drawn as 32-bit integers are the 64-bit draws, number for number."""

from __future__ import annotations

import numpy as np
import pytest

from framelens.sentiment.aggregate import _DRAW, _bootstrap, _cluster_bootstrap, _percentile_95


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


@pytest.mark.parametrize("n", [2, 3, 4, 5, 10, 39, 40, 41, 100, 999, 2000, 2001, 10_000])
def test_percentile_95_is_numpys_percentile(n):
    rng = np.random.default_rng(n)
    for values in (
        rng.normal(size=n),
        rng.uniform(-1, 1, size=n).round(2),  # ties
        np.full(n, 0.25),
        rng.integers(-3, 3, size=n).astype("float64"),
    ):
        expected = tuple(float(v) for v in np.percentile(values, [2.5, 97.5]))
        assert _percentile_95(values.copy()) == expected
    with_nan = rng.normal(size=n)
    with_nan[0] = np.nan
    assert all(np.isnan(_percentile_95(with_nan)))
    assert np.isnan(_percentile_95(np.array([np.nan]))[0])


def test_percentile_95_leaves_its_input_alone():
    values = np.random.default_rng(2).normal(size=50)
    before = values.copy()
    _percentile_95(values)
    assert np.array_equal(values, before)
