"""The bootstrap's intervals and percentiles are the ones NumPy computes, number for number."""

from __future__ import annotations

import numpy as np
import pytest

from framelens.sentiment.aggregate import (
    _bootstrap,
    _cluster_bootstrap,
    _percentile_95,
    _percentile_steps,
)


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


@pytest.mark.parametrize("n", [2, 3, 41, 2000])
def test_percentile_steps_are_numpys_order_statistics(n):
    steps, kth = _percentile_steps(n)
    assert len(steps) == 2
    for (below, above, gamma), q in zip(steps, (0.025, 0.975), strict=True):
        assert below == int(np.floor((n - 1) * q))
        assert above == min(below + 1, n - 1)
        assert gamma == (n - 1) * q - below
    assert kth.tolist() == sorted({s[0] for s in steps} | {s[1] for s in steps})
    # the linear interpolation between those order statistics is np.percentile's
    values = np.arange(n, dtype="float64") ** 2
    expected = [float(v) for v in np.percentile(values, [2.5, 97.5])]
    got = [
        values[b] + (values[a] - values[b]) * g
        if g < 0.5
        else values[a] - (values[a] - values[b]) * (1 - g)
        for b, a, g in steps
    ]
    assert got == expected


def test_intervals_of_many_sizes_are_unchanged():
    for n in (2, 5, 16, 25, 57, 300):
        values = np.random.default_rng(n).uniform(-1, 1, size=n).round(4)
        for seed in range(3):
            got = _bootstrap(values, np.random.default_rng([seed, n]), 500)
            assert got == _as_before(values, np.random.default_rng([seed, n]), 500)
