"""Every figure a notebook saves is also shown in the notebook (and so in its HTML)."""

from __future__ import annotations

import nbformat
import pytest

from ..conftest import ROOT, SEEDS

BOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("name", BOOKS)
def test_saved_figures_are_shown_inline(run_notebook, name):
    out = run_notebook(name, SEEDS)
    saved = sorted((out / "figures").glob("*.png"))
    nb = nbformat.read(out / "notebooks" / f"{name}.ipynb", as_version=4)
    shown = sum(
        1
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    )
    assert saved, f"{name} saved no figure"
    assert shown >= len(saved), f"{name}: {len(saved)} figures saved, {shown} shown"
    html = (out / "html" / f"{name}.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64") >= len(saved)
