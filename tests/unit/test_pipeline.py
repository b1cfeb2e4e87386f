"""The runner: parameters checked before any kernel, failures named, outputs kept safe."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from framelens import pipeline
from framelens.errors import NotebookError, NotebookTimeout, ParameterError

from ..conftest import DATA, ROOT

NBS = DATA / "notebooks" / "nbs"


@pytest.fixture
def corpus_dir(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text("First story. It is short.", encoding="utf-8")
    (d / "b.txt").write_text("Evil <script>alert('x')</script> text.", encoding="utf-8")
    return d


def run(corpus_dir, out, **kw):
    kw.setdefault("jobs", 1)
    return pipeline.run(corpus_dir, out, notebooks_dir=NBS, progress=False, **kw)


def test_unknown_parameter_suggests_the_closest(corpus_dir, tmp_path):
    with pytest.raises(
        ParameterError, match=r"unknown parameter 'top_m' \(did you mean 'top_n'\?\)"
    ):
        run(corpus_dir, tmp_path / "out", params={"top_m": 2})
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("three", r"parameter 'top_n' expects a whole number \(its default is 3\), but 'three'"),
        (2.5, r"parameter 'top_n' expects a whole number .* but 2\.5 \(float\)"),
        (True, r"parameter 'top_n' expects a whole number .* but True \(bool\)"),
    ],
)
def test_wrong_type_names_parameter_value_and_type(corpus_dir, tmp_path, value, message):
    with pytest.raises(ParameterError, match=message):
        run(corpus_dir, tmp_path / "out", params={"top_n": value})


def test_coercion_keeps_lists_and_widens_ints():
    decl = pipeline.notebook_parameters(NBS / "10_probe.ipynb")
    assert decl["terms"]["default"] == ["a", "b"]
    got = pipeline.coerce_parameters("10_probe", decl, {"ratio": 2, "terms": ("x",), "top_n": 4.0})
    assert got == {"ratio": 2.0, "terms": ["x"], "top_n": 4}
    assert type(got["ratio"]) is float
    with pytest.raises(ParameterError, match=r"'terms' expects a list"):
        pipeline.coerce_parameters("10_probe", decl, {"terms": "x"})


def test_successful_run_layout_manifest_and_escaping(corpus_dir, tmp_path):
    out = tmp_path / "out"
    result = run(corpus_dir, out, params={"top_n": 2, "ratio": 1})
    assert result.ok
    assert sorted(p.name for p in out.iterdir()) == [
        "figures",
        "html",
        "index.html",
        "manifest.json",
        "notebooks",
        "tables",
    ]
    assert (out / "tables" / "probe_docs.csv").read_text().count("\n") == 3  # header + 2
    assert sorted(p.name for p in (out / "figures").iterdir()) == ["probe.png", "probe.svg"]
    manifest = json.loads((out / "manifest.json").read_text())
    nb = manifest["notebooks"][0]
    assert (nb["name"], nb["status"]) == ("10_probe", "ok")
    assert nb["parameters"]["top_n"] == 2 and nb["parameters"]["ratio"] == 1.0
    assert set(manifest["inputs_sha256"]) == {"a.txt", "b.txt"}
    assert manifest["resources"]["vader_lexicon"]["package"] == "vaderSentiment"
    assert manifest["packages"]["papermill"]
    page = (out / "html" / "10_probe.html").read_text()
    assert "<script>alert('x')</script>" not in page
    assert "&lt;script&gt;alert" in page
    index = (out / "index.html").read_text()
    assert "html/10_probe.html" in index and "tables/probe_docs.csv" in index


def test_failure_names_notebook_and_cell_and_keeps_last_good(corpus_dir, tmp_path):
    out = tmp_path / "out"
    run(corpus_dir, out)
    good = (out / "tables" / "probe_docs.csv").read_bytes()
    with pytest.raises(
        NotebookError,
        match=r"notebook 10_probe failed at cell 2 \(In \[3\]\): ValueError: "
        r"deliberate failure",
    ) as info:
        run(corpus_dir, out, params={"mode": "fail"})
    assert "The last good outputs" in str(info.value)
    assert (out / "tables" / "probe_docs.csv").read_bytes() == good
    failed = tmp_path / "out.failed" / "notebooks" / "10_probe.ipynb"
    assert failed.is_file() and "deliberate failure" in failed.read_text()
    assert not list(tmp_path.glob(".out.building-*"))


def test_timeout_is_its_own_error(corpus_dir, tmp_path):
    with pytest.raises(
        NotebookTimeout, match=r"10_probe failed at cell 2: a cell ran longer than 3 s"
    ):
        run(corpus_dir, tmp_path / "out", params={"mode": "hang"}, timeout=3)


def test_two_runs_give_identical_tables_and_figures(corpus_dir, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    run(corpus_dir, a)
    run(corpus_dir, b)
    for sub in ("tables", "figures"):
        files = sorted(p.name for p in (a / sub).iterdir())
        assert files
        for name in files:
            assert (a / sub / name).read_bytes() == (b / sub / name).read_bytes(), name


def test_only_unknown_name_suggests():
    with pytest.raises(ParameterError, match=r"no such notebook \(did you mean '10_probe'\?\)"):
        pipeline.find_notebooks(["10_prboe"], NBS)


def test_cli_exit_codes(corpus_dir, tmp_path):
    def cli(*args):
        return subprocess.run(
            [sys.executable, "-m", "framelens.cli", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )

    r = cli("run", "--corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o"))
    assert r.returncode == 6 and "no such file or folder" in r.stderr
    r = cli(
        "run", "--corpus", str(corpus_dir), "--out", str(tmp_path / "o"), "-p", "encodng", "utf-8"
    )
    assert r.returncode == 2 and "did you mean 'encoding'" in r.stderr
    r = cli("doctor")
    assert r.returncode == 0
    for name in ("vader_lexicon", "cmudict", "stopwords_en", "abbreviations_en", "actors"):
        assert name in r.stdout
