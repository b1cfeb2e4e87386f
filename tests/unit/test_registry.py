"""The registry of analyses: one namespace for their tables, options and figures."""

from __future__ import annotations

import dataclasses

import pytest

from framelens import analysis


def test_two_analyses_that_claim_one_name_are_refused():
    """A second analysis with a partial table named 'frame_totals' silently turned
    framing's frame profile from 6 rows into 1 (a probe that added a fifth analysis)."""
    reg = analysis.registry()
    framing = reg["framing"]
    clash = dataclasses.replace(
        reg["stats"], name="quotes", combine={"frame_totals": analysis.summed()}, tables={},
        outputs={}, figures={}, options={},
    )  # fmt: skip
    with pytest.raises(RuntimeError, match="analyses 'framing' and 'quotes' both claim the "
                       "partial table 'frame_totals'"):  # fmt: skip
        analysis._check_names([framing, clash])
    again = dataclasses.replace(clash, combine={}, outputs={"hedging_sentences": "x"})
    with pytest.raises(RuntimeError, match="notebook table 'hedging_sentences'"):
        analysis._check_names([framing, again])
    analysis._check_names(list(reg.values()))  # the shipped analyses share no name


def test_every_analysis_names_its_notebook_and_captions_its_figures():
    from framelens import pipeline

    books = {b.stem for b in pipeline.find_notebooks(None, None)}
    for a in analysis.registry().values():
        assert a.notebook in books, a.name
        assert a.figures and all(a.figures.values()), a.name
