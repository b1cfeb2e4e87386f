"""The trend's Poisson fit gives statsmodels' GLM numbers without importing statsmodels."""

from __future__ import annotations

import importlib
import math
import subprocess
import sys
import warnings

import numpy as np
import pytest
from statsmodels.genmod import families
from statsmodels.genmod.generalized_linear_model import GLM

from framelens import events
from framelens.events.trend import poisson_glm

#: the module (framelens.events.trend is also the name of its function)
trend_module = importlib.import_module("framelens.events.trend")


def _series() -> list[np.ndarray]:
    """Yearly counts: the record's shapes, zeros, flat, steep, overdispersed, long."""
    rng = np.random.default_rng(11)
    out = [
        np.array([1.0, 2, 2, 4, 6]),
        np.array([0.0, 0, 1, 0, 3, 2, 5]),
        np.array([3.0, 3, 3, 3]),  # a perfect fit
        np.array([0.0, 1, 0, 0, 0, 9]),
        np.array([12.0, 0, 11, 1, 14, 0, 13]),
    ]
    for n in (3, 5, 10, 20, 40):
        for rate in (0.5, 2.0, 8.0):
            trendy = rate * np.exp(np.linspace(-1, 1, n) * rng.uniform(-1, 1))
            out.append(rng.poisson(trendy).astype(float))
            out.append(rng.negative_binomial(2, 2 / (2 + trendy)).astype(float))
    # as trend() fits them: 3 events or more, in two years or more
    return [y for y in out if y.sum() >= trend_module.MIN_EVENTS and (y > 0).sum() >= 2]


@pytest.mark.parametrize("y", _series(), ids=lambda y: "-".join(str(int(v)) for v in y[:8]))
def test_the_same_fit_as_statsmodels(y):
    years = np.arange(2005, 2005 + len(y), dtype=float)
    x = np.column_stack([np.ones_like(years), years - years.mean()])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = GLM(y, x, family=families.Poisson()).fit()
    fit = poisson_glm(y, x)
    np.testing.assert_allclose(fit["params"], ref.params, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(fit["bse"], ref.bse, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(fit["mu"], ref.mu, rtol=1e-9, atol=1e-9)
    assert fit["pearson_chi2"] == pytest.approx(ref.pearson_chi2, rel=1e-9, abs=1e-9)
    assert fit["df_resid"] == ref.df_resid
    assert fit["deviance"] == pytest.approx(ref.deviance, rel=1e-9, abs=1e-9)
    assert fit["converged"] == ref.converged
    # quasi-Poisson: standard errors scaled by sqrt(chi2 / df), as fit(scale="X2") gives them
    # (trend() fits it only for a dispersion above 1: a perfect fit has a scale of 0)
    if fit["pearson_chi2"] / fit["df_resid"] <= 1:
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quasi = GLM(y, x, family=families.Poisson()).fit(scale="X2")
    qfit = poisson_glm(y, x, quasi=True)
    np.testing.assert_allclose(qfit["params"], quasi.params, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(qfit["bse"], quasi.bse, rtol=1e-9, atol=1e-12)
    assert qfit["scale"] == pytest.approx(quasi.scale, rel=1e-9)


def test_trend_row_as_statsmodels_gives_it():
    """The record's own window: rate ratio, interval and p value as statsmodels'."""
    per_year = events.events_per_year(events.load_events(), 2005, 2024)
    row = events.trend(per_year).iloc[0]
    totals = trend_module._yearly_totals(per_year)
    years, y = totals["year"].to_numpy(float), totals["n"].to_numpy(float)
    x = np.column_stack([np.ones_like(years), years - years.mean()])
    ref = GLM(y, x, family=families.Poisson()).fit()
    assert row["rate_ratio"] == pytest.approx(math.exp(ref.params[1]), rel=1e-9)
    lo, hi = np.exp(ref.conf_int(alpha=0.05)[1])
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((lo, hi), rel=1e-9)
    assert row["p_value"] == pytest.approx(ref.pvalues[1], rel=1e-9, abs=1e-300)


def test_a_perfect_fit_says_so():
    x = np.column_stack([np.ones(4), np.arange(4) - 1.5])
    fit = poisson_glm(np.array([3.0, 3, 3, 3]), x)
    assert fit["warnings"] == ["a perfect fit: the fitted counts equal the observed ones"]
    assert fit["params"][1] == pytest.approx(0, abs=1e-12)


def test_statsmodels_is_not_imported_by_a_trend():
    code = (
        "import sys\n"
        "from framelens import events as e\n"
        "e.trend(e.events_per_year(e.load_events(), 2005, 2024))\n"
        "print('statsmodels' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_sentence_names_the_window_and_the_numbers():
    """The fit's slope once took the name of the window's last year: the sentence read
    'Over 2005-0.1449 (19 years, …)'."""
    per_year = events.events_per_year(events.load_events(), 2005, 2023)
    row = events.trend(per_year).iloc[0]
    assert row["window"] == "2005-2023"
    assert row["sentence"].startswith("Over 2005-2023 (19 years, ")
    assert f"a factor of {row['rate_ratio']:.2f} a year" in row["sentence"]
    assert f"{row['ci_low']:.2f}-{row['ci_high']:.2f}" in row["sentence"]
