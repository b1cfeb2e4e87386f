"""Figures and tables are written only where they belong, with names a file system takes."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from framelens import plots, report
from framelens.errors import ParameterError


@pytest.fixture
def fig():
    f, _ax = plt.subplots()
    yield f
    plt.close(f)


@pytest.mark.parametrize("name", ["", "../escape", "a/b", ".hidden", None])
def test_save_refuses_a_name_that_is_not_a_file_name(fig, tmp_path, name):
    with pytest.raises(ParameterError, match="`name`"):
        plots.save(fig, name, tmp_path)
    assert not (tmp_path.parent / "escape.png").exists()


def test_save_refuses_what_is_not_a_figure_or_a_folder(fig, tmp_path):
    with pytest.raises(ParameterError, match="pass ax.figure"):
        plots.save(fig.axes[0], "x", tmp_path)
    with pytest.raises(ParameterError, match="`output_dir`"):
        plots.save(fig, "x", None)
    (tmp_path / "file").write_text("")
    with pytest.raises(ParameterError, match="is a file"):
        plots.save(fig, "x", tmp_path / "file")


def test_a_doc_id_with_slashes_makes_a_figure_name(fig, tmp_path):
    """02 names a figure per document: ids such as 'AP/2024/01' come from CSV files."""
    name = report.file_name("sentiment_arc_AP/2024/01 draft")
    assert name == "sentiment_arc_AP_2024_01_draft"
    paths = plots.save(fig, name, tmp_path)
    assert [p.name for p in paths] == [f"{name}.png", f"{name}.svg"]
    assert report.file_name("../x") == "_x" and report.file_name("...") == "_"
    report.save_table(pd.DataFrame({"a": [1]}), report.file_name("t:1"), tmp_path)
    assert (tmp_path / "tables" / "t_1.csv").exists()
