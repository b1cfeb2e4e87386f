"""Sentiment by period: more periods than the figure holds leave no holes in time."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from framelens import sentiment


def _days(n: int, small: set[int], missing: bool = False) -> pd.DataFrame:
    """A groups table of ``n`` consecutive days; the days in ``small`` have 1 sentence."""
    days = [f"{d:%Y-%m-%d}" for d in pd.date_range("2025-12-10", periods=n, freq="D")]
    labels = days + (["(missing)"] if missing else [])
    sizes = [1 if i in small else 5 for i in range(n)] + ([9] if missing else [])
    frame = pd.DataFrame(
        {"group": labels, "n_sentences": sizes, "n_documents": 1, "mean_compound": 0.1,
         "ci_low": float("nan"), "ci_high": float("nan")}
    )  # fmt: skip
    return frame.sample(frac=1.0, random_state=0).reset_index(drop=True)  # any order


def _shown(ax) -> list[str]:
    """The group of each row, top to bottom."""
    return [t.get_text().split(" ")[0] for t in ax.get_yticklabels()][::-1]


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_the_latest_periods_are_drawn_without_holes():
    """45 days: the five smallest (01-09, 01-11 …) had been dropped from inside the axis."""
    groups = _days(45, small={30, 32, 36, 38, 42})
    ax = sentiment.plot_groups(groups)
    days = sorted(groups["group"])
    assert _shown(ax) == days[5:]  # contiguous, in time order, the earliest at the top
    assert ax.get_ylabel() == (
        "group (sentences): the 40 latest periods; 5 earlier (2025-12-10 to 2025-12-14) "
        "in the table"
    )


def test_the_missing_group_is_named_when_left_out():
    groups = _days(41, small={3}, missing=True)
    ax = sentiment.plot_groups(groups, max_groups=40)
    days = sorted(g for g in groups["group"] if g != "(missing)")
    assert _shown(ax) == days[1:]
    assert ax.get_ylabel() == (
        "group (sentences): the 40 latest periods; 1 earlier (2025-12-10) and (missing) "
        "in the table"
    )


def test_periods_that_fit_are_all_drawn_and_other_groups_still_by_size():
    groups = _days(12, small={4}, missing=True)
    ax = sentiment.plot_groups(groups)
    assert _shown(ax) == sorted(g for g in groups["group"] if g != "(missing)") + ["(missing)"]
    assert ax.get_ylabel() == "group (sentences)"
    outlets = groups.assign(group=[f"outlet {i:02d}" for i in range(len(groups))])
    ax2 = sentiment.plot_groups(outlets, max_groups=10)
    assert ax2.get_ylabel() == "group (sentences): the 10 largest, 3 more in the table"
    assert len(ax2.get_yticklabels()) == 10


def _stance_rows(years: list[str], actors: list[str], small: str) -> pd.DataFrame:
    """A stance_summary by year: every actor in every year, ``small`` named once a year."""
    rows = [
        {"actor": a, "published": y, "n_sentences": 1 if a == small else 9, "n_documents": 1,
         "mean_stance": 0.1, "stance_ci_low": float("nan"), "stance_ci_high": float("nan"),
         "mean_compound": 0.0, "tone_ci_low": float("nan"), "tone_ci_high": float("nan")}
        for y in years for a in actors
    ]  # fmt: skip
    return pd.DataFrame(rows)


def test_stance_by_period_keeps_whole_latest_periods():
    """Rows by size had dropped the least named actor from every year of the figure."""
    from framelens import stance

    years = [str(y) for y in range(2011, 2025)]  # 14 years × 5 actors = 70 rows
    summary = _stance_rows(years + ["(missing)"], ["A", "B", "C", "D", "E"], small="C")
    ax = stance.plot_stance(summary, group_by="published", max_rows=60)
    shown = [t.get_text().rsplit(" (", 1)[0] for t in ax.get_yticklabels()]
    # the latest 12 years (60 rows), each with all five actors, C included
    assert len(shown) == 60
    assert {s.split(" · ")[1] for s in shown} == {str(y) for y in range(2013, 2025)}
    assert sum(s.startswith("C · ") for s in shown) == 12
    assert ax.get_ylabel() == (
        "actor · published (sentences): the latest 12 (2013 to 2024), 15 more rows in the table"
    )
    # one year with more actors than rows: that year's most named
    many = _stance_rows(["2024", "2023"], [f"A{i:02d}" for i in range(8)], small="A03")
    ax2 = stance.plot_stance(many, group_by="published", max_rows=7)
    shown = [t.get_text().rsplit(" (", 1)[0] for t in ax2.get_yticklabels()]
    assert shown == [f"A{i:02d} · 2024" for i in (7, 6, 5, 4, 2, 1, 0)]
    assert ax2.get_ylabel().endswith(": the 7 most named in 2024, 9 more rows in the table")
    # other groups: by size as before
    outlets = summary.assign(published=[f"outlet {i}" for i in range(len(summary))])
    ax3 = stance.plot_stance(outlets, group_by="published", max_rows=60)
    assert ax3.get_ylabel().endswith(": the 60 most named, 15 more in the table")
