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
