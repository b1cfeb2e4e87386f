"""Events per year in the record and a Poisson trend of their frequency."""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..errors import ParameterError
from ..params import check_choice, check_int, check_number
from .record import (
    NOT_CHECKABLE,
    NOT_SUPPORTED,
    SUPPORTED,
    _check_events,
    check_year_range,
    table_domains,
)

#: Columns of :func:`events_per_year`.
PER_YEAR_COLUMNS = ["year", "domain", "n", "names"]

_RECENT_RE = re.compile(
    r"\b(?:in\s+recent\s+(?:years|months|times)|recently|lately|of\s+late"
    r"|(?:in\s+)?the\s+(?:past|last)\s+(?:few|several|couple\s+of)\s+years)\b",
    re.IGNORECASE,
)


#: Columns of :func:`trend`.
TREND_COLUMNS = [
    "window",
    "year_start",
    "year_end",
    "n_years",
    "n_events",
    "rate_ratio",
    "ci_low",
    "ci_high",
    "p_value",
    "pearson_chi2",
    "df_resid",
    "dispersion",
    "ci_low_quasi",
    "ci_high_quasi",
    "supports_growth",
    "sentence",
    "note",
]


#: Years in the window over which "in recent years" claims are checked (up to publication).
RECENT_YEARS = 6

#: The last year the shipped record is complete for, in every family it covers
#: (``framelens/data/EXERCISES.md``, "Coverage and omissions": complete through 2025; 2026
#: holds the events found by 6 Dec 2026 and may be incomplete).
COMPLETE_THROUGH = 2025


def trend_window(
    year_start: int,
    year_end: int,
    publication_year: int | None = None,
    *,
    complete_through: int = COMPLETE_THROUGH,
    strict: bool = False,
    first_year: int | None = None,
    n_documents: int = 1,
) -> tuple[int, int, str]:
    """Return the years a trend may be fitted on: complete years only, up to publication.

    A year counts when the record is complete for it (up to ``complete_through``) and,
    for an article, when it was over before the article appeared (up to the year before
    ``publication_year``): a partial year would enter the fit as a short count, and the
    verdict would move with the cut. Beyond this window, moving the cut changes nothing.

    Parameters
    ----------
    year_start, year_end
        The range asked for (:func:`check_year_range`).
    publication_year
        The article's year (``None``: no article, the record's complete years).
    complete_through
        The last complete year of the record (:data:`COMPLETE_THROUGH` for the shipped one).
    strict
        Raise, naming the cause, when fewer than three complete years remain (a trend
        needs them); default False: return the short window.
    first_year
        The first year of the event table (``table["year"].min()``). The window starts
        there when ``year_start`` is earlier: the years before a table begins are not
        years without events, and counted as zeros they would make any series "grow".
    n_documents
        How many articles ``publication_year`` is the latest of (the note then says "the
        latest of the N articles", not "the article").

    Returns
    -------
    tuple
        ``(first, last, note)``: the window (``last < first + 2`` when fewer than three
        complete years remain) and one sentence saying why it ends where it does.

    Examples
    --------
    >>> trend_window(2005, 2026)
    (2005, 2025, 'trend window 2005-2025: the record is complete through 2025.')
    >>> trend_window(2005, 2026, 2022)[:2]
    (2005, 2021)
    """
    a, b = check_year_range(year_start, year_end)
    begins = ""
    if first_year is not None and int(first_year) > a:
        a = int(first_year)
        begins = f"; it starts in {a}, the event table's first year"
    last = min(b, int(complete_through))
    why = f"the record is complete through {int(complete_through)}"
    if b < complete_through:
        why = f"year_end is {b}"
    if publication_year is not None and int(publication_year) - 1 < last:
        last = int(publication_year) - 1
        who = f"the latest of the {n_documents} articles" if n_documents > 1 else "the article"
        why = f"{who} appeared in {int(publication_year)}, a year not yet complete"
    if strict and last < a + 2:
        start = f"the event table's first year {a}" if begins else f"`year_start` {a}"
        raise ParameterError(
            f"a trend needs three complete years from {start}, but the window ends "
            f"in {last}: {why}. "
            + _short_window_advice(a, last, b, publication_year, complete_through, first_year)
        )
    return a, last, f"trend window {a}-{last}: {why}{begins}."


def _short_window_advice(
    a: int,
    last: int,
    year_end: int,
    publication_year: int | None,
    complete_through: int,
    first_year: int | None,
) -> str:
    """Say what would give a window ``a``-``last`` its three complete years, and only that.

    Either an earlier start (``year_start``, with events that early in the table) or a
    later end: every limit on the end that falls short of ``a + 2`` moved past it.
    """
    need = a + 2
    start = ""
    if last - 2 >= 1900:
        start = f"set `year_start` to {last - 2} or earlier"
        if first_year is not None and last - 2 < int(first_year):
            # the window starts at the table's first year: it needs events that early
            start = (
                f"add events of {last - 2} or earlier to the event table (`events_path`) "
                f"and {start}"
            )
    ends = []
    if year_end < need:
        ends.append(f"`year_end` to {need} or later")
    if complete_through < need:
        ends.append(f"`complete_through` to {need} or later (if the table is complete then)")
    if publication_year is not None and int(publication_year) - 1 < need:
        ends.append(
            f"`publication_year` to {need + 1} or later (the articles' own dates end the "
            f"window in {int(publication_year) - 1})"
        )
    end = ("set " + " and ".join(ends)) if ends and need + 1 <= 2100 else ""
    advice = "; or ".join(x for x in (start, end) if x)
    if not advice:
        return "No setting gives three complete years here."
    return f"To fit one, {advice}."


def trend_fits(
    events: pd.DataFrame,
    year_start: int,
    year_end: int,
    publication_year: int | None = None,
    *,
    complete_through: int = COMPLETE_THROUGH,
    n_documents: int = 1,
) -> pd.DataFrame:
    """Fit the trend over the complete years, and over its recent window, or say why not.

    The window is :func:`trend_window`'s (complete years only, up to the year before
    ``publication_year``, from the event table's first year); the recent window is its
    last :data:`RECENT_YEARS` years (:func:`recent_window`). When fewer than three
    complete years remain (a corpus of 2005 articles checked against a record that
    starts in 2005) no trend is possible: the result is one row with NaN numbers whose
    ``sentence`` and ``note`` say why and what would give one; nothing is raised.

    Parameters
    ----------
    events
        The event table (:func:`load_events`).
    year_start, year_end
        The range asked for (:func:`check_year_range`).
    publication_year
        The (latest) article's year (``None``: no article, the record's complete years).
    complete_through
        The last complete year of the record (:data:`COMPLETE_THROUGH` for the shipped one).
    n_documents
        How many articles ``publication_year`` is the latest of (for the note).

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`TREND_COLUMNS` and ``window_note`` (why the window ends
        where it does): the full-window fit, then the recent-window fit (one row when
        they are the same window), or one row of NaN when no trend is possible. ``attrs``:
        ``fit_start`` and ``fit_end`` (the window; ``fit_end < fit_start + 2`` when too
        short), ``fitted`` (False when no trend is possible) and ``note`` (the window
        note, and why no trend was fitted).

    Raises
    ------
    ParameterError
        When the year range is invalid or ``events`` is not an event table.

    Examples
    --------
    >>> fits = trend_fits(load_events(), 2005, 2026, 2024)
    >>> fits["window"].tolist(), fits.attrs["fitted"]
    (['2005-2023', '2018-2023'], True)
    >>> none = trend_fits(load_events(), 2005, 2026, 2005)
    >>> none.attrs["fitted"], none["sentence"].item()
    (False, 'No trend: a trend needs three complete years, and the window has 0.')
    """
    _check_events(events)
    first = int(events["year"].min()) if len(events) else None
    a, b, window_note = trend_window(
        year_start,
        year_end,
        publication_year,
        complete_through=complete_through,
        first_year=first,
        n_documents=n_documents,
    )
    if b - a < 2:
        n = max(0, b - a + 1)
        why = window_note[window_note.index(": ") + 2 :].rstrip(".")
        advice = _short_window_advice(a, b, check_year_range(year_start, year_end)[1],
                                      publication_year, complete_through, first)  # fmt: skip
        base = {c: math.nan for c in TREND_COLUMNS}
        years = f"only {n} complete year(s), {a}-{b}" if n else "no complete year"
        base.update(
            window=f"{a}-{b}" if n else "", year_start=a, year_end=b, n_years=n,
            n_events=int(events_per_year(events, a, b)["n"].sum()) if n else 0,
            supports_growth=pd.NA,
            sentence=f"No trend: a trend needs three complete years, and the window has {n}.",
            note=f"No trend is fitted: {years} ({why}). {advice}",
        )  # fmt: skip
        out = _one_row(base)
        out["n_events"] = out["n_events"].astype("int64")
        out = out.assign(window_note=window_note)
        out.attrs.update(fit_start=a, fit_end=b, fitted=False,
                         note=f"{window_note} {base['note']}")  # fmt: skip
        return out
    fit = trend(events_per_year(events, a, b))
    ra, rb = recent_window(a, b, None)
    recent = trend(events_per_year(events, ra, rb))
    out = pd.concat([fit, recent], ignore_index=True).drop_duplicates("window")
    out = out.reset_index(drop=True).assign(window_note=window_note)
    out["supports_growth"] = out["supports_growth"].astype("boolean")
    out.attrs.update(fit_start=a, fit_end=b, fitted=True, note=window_note)
    return out


def events_per_year(
    events: pd.DataFrame,
    year_start: int,
    year_end: int,
    *,
    domains: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Count events per year and domain over a year range, zeros included.

    Parameters
    ----------
    events
        The event table (:func:`load_events`).
    year_start, year_end
        The range, both included (checked by :func:`check_year_range`).
    domains
        Domains to count (default: all of :data:`DOMAINS` and the table's own,
        :func:`table_domains`).

    Returns
    -------
    pandas.DataFrame
        ``year, domain, n, names``: one row per year and domain, ``n`` the number of
        events that started that year, ``names`` the events counted (``"Joint Sea 2012;
        Peace Mission 2012"``, the evidence beside the number). Sorted by year, then
        domain in the order of :func:`table_domains`.

    Examples
    --------
    >>> t = events_per_year(load_events(), 2005, 2005)
    >>> t.loc[t.n > 0, ["year", "domain", "n", "names"]].values.tolist()
    [[2005, 'combined', 1, 'Peace Mission 2005']]
    """
    _check_events(events)
    a, b = check_year_range(year_start, year_end)
    known = table_domains(events)
    if isinstance(domains, str):  # "naval": one domain, not its letters
        domains = [domains]
    doms = known if domains is None else [str(d) for d in domains]
    if not doms:
        raise ParameterError(f"`domains` must name at least one of {known}.")
    for d in doms:
        check_choice("domains", d, known)
    ev = events[(events["year"] >= a) & (events["year"] <= b) & events["domain"].isin(doms)]
    grid = pd.MultiIndex.from_product([range(a, b + 1), doms], names=["year", "domain"])
    labels = ev["name"].astype(str) + " " + ev["year"].astype(str)
    g = pd.DataFrame({"year": ev["year"].astype(int), "domain": ev["domain"], "label": labels})
    n = g.groupby(["year", "domain"]).size()
    names = g.groupby(["year", "domain"])["label"].agg(lambda s: "; ".join(s))
    out = pd.DataFrame(index=grid)
    out["n"] = n.reindex(grid, fill_value=0).astype("int64")
    out["names"] = names.reindex(grid, fill_value="").astype(str)
    out = out.reset_index()
    out["year"] = out["year"].astype("int64")
    return out[PER_YEAR_COLUMNS]


def _yearly_totals(per_year: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in ("year", "n") if c not in per_year.columns]
    if missing:
        raise ParameterError(
            f"`per_year` lacks the column(s) {missing}; pass the frame made by "
            "events.events_per_year."
        )
    return per_year.groupby("year", sort=True)["n"].sum().reset_index()


#: the fewest events in a window that :func:`trend` fits a rate ratio on (they must also
#: fall in two years or more)
MIN_EVENTS = 3


def poisson_glm(
    y: np.ndarray, x: np.ndarray, *, quasi: bool = False, max_iter: int = 100, tol: float = 1e-8
) -> dict:
    """Fit a Poisson regression with a log link by iteratively reweighted least squares.

    The fit of statsmodels' ``GLM(y, x, family=Poisson()).fit()``, step for step (McCullagh
    & Nelder 1989, section 2.5): the means start at ``(y + mean(y)) / 2``; each step solves
    the weighted least squares of the working response ``eta + (y - mu) / mu`` with
    weights ``mu``; it stops when the deviance changes by less than ``tol``. The standard
    errors come from the last step's weighted design, as statsmodels takes them. A test
    compares every returned number with statsmodels' to 1e-9; statsmodels itself is not
    imported here, which took a second.

    Parameters
    ----------
    y
        The counts (non-negative).
    x
        The design matrix, one row per count (here a constant and the centred year).
    quasi
        Quasi-Poisson: the dispersion estimated as Pearson's chi-square over the residual
        degrees of freedom scales the standard errors (statsmodels' ``fit(scale="X2")``,
        whose deviance, divided by that scale at each step, also ends the steps).
    max_iter, tol
        At most this many steps; the change of deviance that ends them.

    Returns
    -------
    dict
        ``params`` and ``bse`` (arrays, one per column of ``x``), ``mu`` (the fitted
        means), ``pearson_chi2`` (the sum of ``(y - mu)**2 / mu``), ``df_resid`` (counts
        minus the rank of ``x``), ``scale`` (1, or the dispersion with ``quasi``),
        ``deviance``, ``n_iter``, ``converged`` and
        ``warnings`` (a list of sentences: a perfect fit, or no convergence).

    Examples
    --------
    >>> x = np.column_stack([np.ones(5), np.arange(5) - 2.0])
    >>> fit = poisson_glm(np.array([1.0, 2, 2, 4, 6]), x)
    >>> round(float(np.exp(fit["params"][1])), 4), fit["converged"]
    (1.5393, True)
    """
    y = np.asarray(y, dtype="float64")
    x = np.asarray(x, dtype="float64")

    df_resid = float(len(y) - np.linalg.matrix_rank(x))

    def scale_of(mu: np.ndarray) -> float:
        return float(np.sum((y - mu) ** 2 / mu) / df_resid) if quasi else 1.0

    def deviance(mu: np.ndarray, scale: float) -> float:
        ratio = np.clip(y / mu, np.finfo(float).eps, np.inf)  # a count of 0 adds mu
        return float(np.sum(2 * (y * np.log(ratio) - (y - mu)) / scale))

    mu = (y + y.mean()) / 2.0
    eta = np.log(mu)
    scale = scale_of(mu)
    history = [math.inf, deviance(mu, scale)]
    notes: list[str] = []
    converged = False
    n_iter = 0
    for n_iter in range(1, max_iter + 1):  # noqa: B007 (the count is returned)
        weights = 1.0 / ((1.0 / mu) ** 2 * mu)  # 1 / (g'(mu)^2 V(mu)): mu
        working = eta + (1.0 / mu) * (y - mu)
        root = np.sqrt(weights)
        params = np.linalg.lstsq(x * root[:, None], working * root, rcond=-1)[0]
        eta = x @ params
        mu = np.exp(eta)
        history.append(deviance(mu, scale))  # with the scale of the step before, as there
        scale = scale_of(mu)
        if np.allclose(mu - y, 0):
            perfect = "a perfect fit: the fitted counts equal the observed ones"
            if perfect not in notes:
                notes.append(perfect)
        if np.allclose(history[-2], history[-1], atol=tol, rtol=0):
            converged = True
            break
    if not converged:
        notes.append(f"no convergence in {max_iter} steps")
    # the last step's design, as statsmodels takes the covariance (pinv of it, squared)
    design = np.linalg.pinv(x * root[:, None])
    params = design @ (working * root)
    bse = np.sqrt(np.diag(design @ design.T) * scale)
    return {
        "params": params,
        "bse": bse,
        "mu": mu,
        "pearson_chi2": float(np.sum((y - mu) ** 2 / mu)),
        "df_resid": df_resid,
        "scale": scale,
        "deviance": history[-1],
        "n_iter": n_iter,
        "converged": converged,
        "warnings": notes,
    }


def trend(per_year: pd.DataFrame, *, alpha: float = 0.05) -> pd.DataFrame:
    """Fit a Poisson regression of yearly event counts on year; state what it supports.

    The model is ``log E[count] = b0 + b1 * (year - mean year)`` (a Poisson GLM,
    :func:`poisson_glm`, the fit of statsmodels' GLM; McCullagh & Nelder 1989). ``exp(b1)``
    is the rate ratio per year: 1.10 means 10 % more events each year. "Growing
    frequency" is supported over the window when the whole 95 % interval lies above 1.
    Overdispersion is checked with Pearson's chi-square over its degrees of freedom; when
    it exceeds 1 the quasi-Poisson interval (standard errors times its square root), like a
    negative binomial fit, is wider.

    Parameters
    ----------
    per_year
        Yearly counts (:func:`events_per_year`; domains are summed).
    alpha
        1 - confidence level of the intervals.

    Returns
    -------
    pandas.DataFrame
        One row: ``window, year_start, year_end, n_years, n_events, rate_ratio, ci_low,
        ci_high, p_value, pearson_chi2, df_resid, dispersion, ci_low_quasi,
        ci_high_quasi, supports_growth, sentence, note``. With fewer than 3 years, fewer
        than :data:`MIN_EVENTS` events or every event in one year, the numbers are NaN
        and ``note`` says why.

    Examples
    --------
    >>> fit = trend(events_per_year(load_events(), 2005, 2024))
    >>> bool(fit.supports_growth.item()), round(float(fit.rate_ratio.item()), 3)
    (True, 1.161)
    """
    alpha = check_number("alpha", alpha, min_value=1e-6, max_value=0.5)
    totals = _yearly_totals(per_year)
    years = totals["year"].to_numpy(dtype=float)
    y = totals["n"].to_numpy(dtype=float)
    a = int(years.min()) if len(years) else 0
    b = int(years.max()) if len(years) else 0
    base = {
        "window": f"{a}-{b}" if len(years) else "",
        "year_start": a, "year_end": b, "n_years": len(years), "n_events": int(y.sum()),
        "rate_ratio": math.nan, "ci_low": math.nan, "ci_high": math.nan,
        "p_value": math.nan, "pearson_chi2": math.nan, "df_resid": math.nan,
        "dispersion": math.nan, "ci_low_quasi": math.nan, "ci_high_quasi": math.nan,
        "supports_growth": pd.NA, "sentence": "", "note": "",
    }  # fmt: skip
    if len(years) < 3:
        base["note"] = (
            f"only {len(years)} year(s) in the window: a trend needs at least 3. Widen the "
            "year range."
        )
        base["sentence"] = "Too few years to estimate a trend."
        return _one_row(base)
    if y.sum() == 0:
        base["note"] = "no events in the window, so there is no rate to compare."
        base["sentence"] = f"No events in {a}-{b}: no trend can be estimated."
        return _one_row(base)
    n_event_years = int((y > 0).sum())
    if y.sum() < MIN_EVENTS or n_event_years < 2:
        where = "" if n_event_years > 1 else f", all in {int(years[y > 0][0])}"
        base["note"] = (
            f"only {int(y.sum())} event(s) in the window{where}: a rate ratio needs at least "
            f"{MIN_EVENTS} events in two or more years (with every event in one year it has "
            "no finite estimate, and the fit returns a meaningless large ratio)."
        )
        base["sentence"] = f"Too few events in {a}-{b} ({int(y.sum())}) to estimate a trend."
        return _one_row(base)
    x = np.column_stack([np.ones_like(years), years - years.mean()])
    fit = poisson_glm(y, x)
    q = statistics.NormalDist().inv_cdf(1 - alpha / 2)
    slope, se = float(fit["params"][1]), float(fit["bse"][1])
    z = math.exp(slope)
    lo, hi = math.exp(slope - q * se), math.exp(slope + q * se)
    chi2 = fit["pearson_chi2"]
    dfr = fit["df_resid"]
    disp = chi2 / dfr if dfr > 0 else math.nan
    if disp > 1:  # only then: a perfect fit (the same count every year) has a scale of 0
        quasi = poisson_glm(y, x, quasi=True)  # standard errors times sqrt(chi2 / df)
        qslope, qse = float(quasi["params"][1]), float(quasi["bse"][1])
        qlo, qhi = math.exp(qslope - q * qse), math.exp(qslope + q * qse)
    else:
        qlo, qhi = lo, hi
    level = f"{100 * (1 - alpha):g}%"
    supports = lo > 1
    # growth the Poisson interval shows but the overdispersion-widened one does not
    fragile = supports and disp > 1 and qlo <= 1
    if fragile:
        verdict = (
            "a Poisson fit alone would support 'growing frequency', but the counts vary "
            f"more than a Poisson model allows and, allowing for that, the {level} interval "
            f"is {qlo:.2f}-{qhi:.2f}, which includes 1: the data do not establish growing "
            "frequency over this window"
        )
        supports = False
    elif lo > 1:
        verdict = "the data support 'growing frequency' over this window"
    elif hi < 1:
        verdict = "the data show a falling frequency, not a growing one, over this window"
    else:
        verdict = (
            f"the {level} interval includes 1, so the data do not establish 'growing "
            "frequency' over this window"
        )
    sentence = (
        f"Over {a}-{b} ({len(years)} years, {int(y.sum())} events) the expected number of "
        f"events changed by a factor of {z:.2f} a year ({level} CI {lo:.2f}-{hi:.2f}): "
        f"{verdict}."
    )
    if disp > 1:
        widen = math.sqrt(disp)
        disp_note = (
            f"Pearson chi2/df = {disp:.2f} > 1 (overdispersion): a quasi-Poisson or negative "
            f"binomial model widens the interval (quasi-Poisson {qlo:.2f}-{qhi:.2f}, standard "
            f"errors x{widen:.2f})."
        )
    else:
        disp_note = (
            f"Pearson chi2/df = {disp:.2f} <= 1: no overdispersion, so a quasi-Poisson or "
            "negative binomial model would not widen the interval."
        )
    extra = "; ".join(fit["warnings"])
    base.update(
        rate_ratio=z, ci_low=lo, ci_high=hi, p_value=math.erfc(abs(slope / se) / math.sqrt(2)),
        pearson_chi2=chi2, df_resid=dfr, dispersion=disp, ci_low_quasi=qlo,
        ci_high_quasi=qhi, supports_growth=bool(supports), sentence=sentence,
        note=disp_note + (f" Fit warnings: {extra}" if extra else ""),
    )  # fmt: skip
    return _one_row(base)


def _one_row(values: dict) -> pd.DataFrame:
    out = pd.DataFrame([values], columns=TREND_COLUMNS)
    out["supports_growth"] = out["supports_growth"].astype("boolean")
    return out


def recent_window(
    year_start: int, year_end: int, publication_year: int | None, *, years: int = RECENT_YEARS
) -> tuple[int, int]:
    """Return the window for "in recent years" claims: ``years`` years up to publication.

    The window ends at the publication year (or ``year_end`` without one, or when
    ``year_end`` is earlier) and starts ``years - 1`` years before, not before
    ``year_start``.

    Parameters
    ----------
    year_start, year_end
        The range of years the chart covers.
    publication_year
        The year the claim was made (``None``: unknown).
    years
        The window's length in years (default :data:`RECENT_YEARS`).

    Returns
    -------
    tuple of int
        ``(first, last)`` year of the window.

    Examples
    --------
    >>> recent_window(2005, 2024, 2024)
    (2019, 2024)
    >>> recent_window(2005, 2024, None, years=10)
    (2015, 2024)
    """
    a, b = check_year_range(year_start, year_end)
    years = check_int("years", years, min_value=3, max_value=200)
    end = b if publication_year is None else min(b, int(publication_year))
    end = max(end, a)
    return max(a, end - years + 1), end


def _fit_text(f: pd.Series) -> str:
    return (f"yearly counts {f['window']}: rate ratio {f['rate_ratio']:.2f} "
            f"(95% CI {f['ci_low']:.2f}-{f['ci_high']:.2f}; quasi-Poisson "
            f"{f['ci_low_quasi']:.2f}-{f['ci_high_quasi']:.2f})")  # fmt: skip


def _usable(fit: pd.DataFrame | None) -> bool:
    return fit is not None and not fit.empty and not pd.isna(fit["rate_ratio"].iloc[0])


def _frequency_status(
    mention: str, sentence: str, fit: pd.DataFrame | None, recent: pd.DataFrame | None
) -> dict:
    is_recent = bool(_RECENT_RE.search(str(sentence)))
    claim = f"frequency claim: '{mention}'" + (" (in recent years)" if is_recent else "")
    main = recent if is_recent and recent is not None else fit
    if not _usable(main):
        if main is None or main.empty:
            why = "no trend was fitted"
        else:
            why = str(main["note"].iloc[0])
        return {"claim": claim, "status": NOT_CHECKABLE, "deciding_rows": "", "reason": why}
    f = main.iloc[0]
    status = SUPPORTED if bool(f["supports_growth"]) else NOT_SUPPORTED
    deciding = _fit_text(f)
    reason = str(f["sentence"])
    if is_recent and recent is None:
        reason += (
            " The claim is about recent years but no recent-window fit was given, so the "
            "full window decides it."
        )
    elif is_recent and _usable(fit):
        g = fit.iloc[0]
        deciding = f"recent window {deciding} | full window {_fit_text(g)}"
        if bool(g["supports_growth"]) != bool(f["supports_growth"]):
            reason += (
                f" The verdict depends on the window: over {g['window']} the data "
                f"{'do' if bool(g['supports_growth']) else 'do not'} support growth "
                f"(rate ratio {g['rate_ratio']:.2f}, 95% CI {g['ci_low']:.2f}-"
                f"{g['ci_high']:.2f}); the claim says 'recent years', so the recent "
                "window decides."
            )
    return {"claim": claim, "status": status, "deciding_rows": deciding, "reason": reason}
