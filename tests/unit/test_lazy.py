"""The analyses' plotting functions are imported when first used, not with their package."""

from __future__ import annotations

import subprocess
import sys

import pytest

from framelens import _lazy, events, framing, sentiment, stats


def test_the_runners_checks_import_no_matplotlib():
    # the checks run before any kernel starts; matplotlib took a second of them
    code = (
        "import sys\n"
        "from framelens import pipeline\n"
        "pipeline._module_env()\n"
        "import framelens.sentiment\n"
        "print('matplotlib' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("package", [events, framing, sentiment, stats])
def test_every_plotting_name_is_there_and_is_the_plot_modules(package):
    names = [n for n in package.__all__ if n.startswith("plot_")]
    assert names
    for name in names:
        value = getattr(package, name)
        plot = sys.modules[f"{package.__name__}.plot"]
        assert value is getattr(plot, name)
    with pytest.raises(AttributeError, match=r"has no attribute 'plot_nothing'"):
        package.plot_nothing  # noqa: B018


def test_from_import_and_star_import_work():
    from framelens.framing import plot_profile
    from framelens.stats import TYPE_COLORS

    namespace: dict = {}
    exec("from framelens.events import *", namespace)  # noqa: S102
    assert callable(plot_profile) and TYPE_COLORS and callable(namespace["plot_frequency"])


def test_attributes_take_only_the_names_given():
    get = _lazy.attributes("framelens.events", "plot", ["article_years"])
    assert get("article_years") is events.article_years
    with pytest.raises(AttributeError, match="no attribute 'plot_frequency'"):
        get("plot_frequency")
