"""Every notebook has the house shape: header fields, a literal parameters cell, exercises."""

from __future__ import annotations

import ast
import re

import nbformat
import pytest

from ..conftest import ROOT

BOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
HEADER_FIELDS = [
    "Learning goals",
    "Time",
    "Prerequisites",
    "Data",
    "Methods",
    "Writes",
    "Use your own corpus",
]


@pytest.mark.parametrize("path", BOOKS, ids=lambda p: p.stem)
def test_header_has_every_field(path):
    nb = nbformat.read(path, as_version=4)
    head = nb.cells[0]
    assert head.cell_type == "markdown"
    assert re.match(rf"# {path.stem[:2]} · \S", head.source), head.source[:40]
    for field in HEADER_FIELDS:
        assert f"**{field}**" in head.source, f"{path.name}: header lacks {field}"
    goals = re.search(r"\*\*Learning goals\*\* \|(.*)\|", head.source).group(1)
    assert 3 <= len(re.findall(r"\d\. [A-Z]", goals)) <= 5


@pytest.mark.parametrize("path", BOOKS, ids=lambda p: p.stem)
def test_parameters_cell_is_literals_with_comments(path):
    nb = nbformat.read(path, as_version=4)
    cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1
    tree = ast.parse(cells[0].source)
    names = []
    for node in tree.body:
        assert isinstance(node, ast.Assign), f"{path.name}: only assignments in parameters"
        ast.literal_eval(node.value)
        names.append(node.targets[0].id)
    # the corpus spec first, in its documented order, then where the outputs go
    from framelens.corpus import SPEC_DEFAULTS

    spec = ["corpus_path", *SPEC_DEFAULTS]
    assert names[: len(spec) + 3] == [*spec, "output_dir", "figure_formats", "figure_dpi"]
    # and the figure settings reach every plots.save of the notebook (a notebook that did
    # not pass them wrote SVG under -p figure_formats "[pdf]" and exited 0)
    setup = "".join(c.source for c in nb.cells if "nb.setup(" in c.source)
    assert "figure_formats=figure_formats" in setup and "figure_dpi=figure_dpi" in setup
    for line in cells[0].source.splitlines():
        assert "  # " in line, f"{path.name}: parameter without a comment: {line}"
    # papermill must see every one of them (it skips lines it cannot parse)
    from framelens.pipeline import notebook_parameters

    assert list(notebook_parameters(path)) == names


@pytest.mark.parametrize("path", BOOKS, ids=lambda p: p.stem)
def test_committed_clean(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None


@pytest.mark.parametrize(
    "path", [b for b in BOOKS if not b.stem.startswith("00")], ids=lambda p: p.stem
)
def test_analysis_notebooks_have_three_exercises_with_solutions(path):
    nb = nbformat.read(path, as_version=4)
    tags = [tuple(c.metadata.get("tags", [])) for c in nb.cells]
    exercises = [i for i, t in enumerate(tags) if "exercise" in t]
    assert len(exercises) >= 3
    for i in exercises:
        assert nb.cells[i].source.strip() == "", "exercise cells are left empty"
        assert nb.cells[i - 1].cell_type == "markdown" and "Your turn" in nb.cells[i - 1].source
        assert "solution" in tags[i + 1]
