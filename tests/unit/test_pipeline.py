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
    # one string is a list of one (-p figure_formats pdf); a number or a mapping is not
    assert pipeline.coerce_parameters("10_probe", decl, {"terms": "x"}) == {"terms": ["x"]}
    with pytest.raises(ParameterError, match=r"'terms' expects a list"):
        pipeline.coerce_parameters("10_probe", decl, {"terms": 3})
    with pytest.raises(ParameterError, match=r"'terms' expects a list"):
        pipeline.coerce_parameters("10_probe", decl, {"terms": " "})


def test_extra_actors_takes_a_mapping_or_the_path_of_a_file_of_one():
    """load_gazetteer reads a YAML or JSON file of actors; the runner refused a path."""
    decl = {"extra_actors": {"default": {}, "type": "dict", "help": ""},
            "extra_cues": {"default": {}, "type": "dict", "help": ""}}  # fmt: skip
    path = {"extra_actors": "my_actors.yaml"}
    assert pipeline.coerce_parameters("02", decl, path) == path
    with pytest.raises(ParameterError, match=r"a mapping or the path of a \.yaml/\.json file"):
        pipeline.coerce_parameters("02", decl, {"extra_actors": "Greta Thunberg"})
    with pytest.raises(ParameterError, match=r"'extra_cues' expects a mapping "):
        pipeline.coerce_parameters("02", decl, {"extra_cues": "cues.yaml"})


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
    # a corpus with nothing to analyse fails before any kernel, with the counts
    empty = tmp_path / "furniture.csv"
    empty.write_text('doc_id,text\na,\nb,"Copyright 2021 Reuters. All rights reserved."\n'
                     'c,"Follow us on Twitter.\n\nMarch 4, 2021"\n')  # fmt: skip
    r = cli("run", "--corpus", str(empty), "--out", str(tmp_path / "o"))
    assert r.returncode == 6, r.stderr
    assert "no text to analyse in its 3 document(s): 1 empty, 2 only datelines" in r.stderr
    assert not (tmp_path / "o").exists()
    r = cli("doctor")
    assert r.returncode == 0
    for name in ("vader_lexicon", "cmudict", "stopwords_en", "abbreviations_en", "actors"):
        assert name in r.stdout


# ---------------------------------------------------------------------------------------
# the runner's own time (issue #16): same results, less overhead


def _notebook(path, parameters: str, *cells: str) -> None:
    """Write a small notebook: a ``parameters`` cell, then one code cell per source."""

    def cell(i: int, source: str, tags: list[str]) -> dict:
        return {
            "id": f"c{i}",
            "cell_type": "code",
            "execution_count": None,
            "metadata": {"tags": tags},
            "outputs": [],
            "source": source,
        }

    nb = {
        "cells": [cell(0, parameters, ["parameters"])]
        + [cell(i + 1, s, []) for i, s in enumerate(cells)],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.write_text(json.dumps(nb), encoding="utf-8")


PARAMETERS_CELL = """\
# a comment line, and a blank one

corpus_path = "../seeds"  # str: corpus
output_dir = "../outputs/lab"
top_n: int = 3  # rows to keep
ratio = 0.5  # type: float the ratio
terms = [
    "a",  # first
    "b",
]  # list: terms
extra = {"threat": ["warn*"]}  # dict: more cues
name = "a=b"  # two equals: papermill skips the line
flag = True
"""


def test_parameters_are_read_as_papermill_reads_them_without_importing_it(tmp_path):
    import papermill

    book = tmp_path / "20_params.ipynb"
    _notebook(book, PARAMETERS_CELL, "x = 1")
    found = pipeline.notebook_parameters(book)
    expected = {}
    for name, info in papermill.inspect_notebook(str(book)).items():
        default = info["default"]
        try:
            default = __import__("ast").literal_eval(default)
        except (ValueError, SyntaxError):
            pass
        expected[name] = {"default": default, "type": type(default).__name__, "help": info["help"]}
    assert found == expected
    assert list(found) == ["corpus_path", "output_dir", "top_n", "ratio", "terms", "extra", "flag"]
    assert found["terms"] == {"default": ["a", "b"], "type": "list", "help": "list: terms"}
    assert found["ratio"]["help"] == "the ratio" and found["top_n"]["default"] == 3
    # a copy each time: the caller may change it
    found["terms"]["default"].append("c")
    assert pipeline.notebook_parameters(book)["terms"]["default"] == ["a", "b"]
    # the runner's process plans and checks a run without papermill, nbformat or textblob
    code = (
        "import sys\nfrom pathlib import Path\nfrom framelens import pipeline, resources\n"
        f"books = pipeline.find_notebooks(None, Path({str(NBS)!r}))\n"
        "pipeline._plan(books, {'top_n': 2}, pipeline.load_config(None))\n"
        "pipeline._validation_calls(books[0])\nresources.check()\n"
        "print(sorted(m for m in ('papermill', 'nbformat', 'nbconvert', 'textblob', 'nltk') "
        "if m in sys.modules))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_unreadable_notebook_is_an_input_error(tmp_path):
    from framelens.errors import InputError

    book = tmp_path / "20_broken.ipynb"
    book.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"20_broken.ipynb: cannot read its parameters cell"):
        pipeline.notebook_parameters(book)


def test_kernel_is_stopped_at_once_unless_it_has_processes_or_connections(corpus_dir, tmp_path):
    """A kernel with a child process (a Dask cluster) or a connection of its own (a client
    of a running cluster) is asked to shut down, as before.

    Asked, it ends by itself (its atexit handlers run) or, given no time, by SIGTERM; both
    leave the mark. Alone, it is killed at once: no mark.
    """
    import socket

    nbs = tmp_path / "nbs"
    nbs.mkdir()
    _notebook(
        nbs / "20_exit.ipynb",
        'corpus_path = ""\noutput_dir = ""\nholds = ""\nport = 0',
        "import atexit, pathlib, signal, socket, subprocess, sys\n"
        "def mark(*signal_args):\n"
        "    pathlib.Path(output_dir, 'asked-to-stop').write_text('yes')\n"
        "    if signal_args:\n"
        "        sys.exit(0)\n"
        "atexit.register(mark)\n"
        "signal.signal(signal.SIGTERM, mark)\n"
        "if holds == 'process':\n"
        "    proc = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(30)'])\n"
        "if holds == 'connection':\n"
        "    conn = socket.create_connection(('127.0.0.1', port))",
    )
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        for holds in ("", "process", "connection"):
            out = tmp_path / f"out-{holds}"
            params = {"holds": holds, "port": port}
            result = pipeline.run(
                corpus_dir, out, notebooks_dir=nbs, progress=False, jobs=1, params=params
            )
            assert result.ok
            assert (out / "asked-to-stop").is_file() is bool(holds), holds
            times = pipeline.LAST_TIMINGS["notebooks"]["20_exit"]
            assert set(times) == {"wall", "start", "stop", "html"}
            assert times["start"] > 0 and times["html"] > 0
            assert {"checks", "pool", "republish", "manifest", "index", "run"} <= set(
                pipeline.LAST_TIMINGS
            )


def test_a_failed_run_shows_the_failed_folder_in_every_notebook(corpus_dir, tmp_path):
    """Notebooks are published while the others run, supposing success; a failure redoes it."""
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    (nbs / "10_probe.ipynb").write_bytes((NBS / "10_probe.ipynb").read_bytes())
    _notebook(
        nbs / "20_ok.ipynb",
        'corpus_path = ""\noutput_dir = ""',
        "print('writing to', output_dir)",
    )
    out = tmp_path / "out"
    with pytest.raises(NotebookError, match=r"notebook 10_probe failed at cell 2"):
        pipeline.run(corpus_dir, out, notebooks_dir=nbs, progress=False, params={"mode": "fail"})
    failed = tmp_path / "out.failed"
    executed = json.loads((failed / "notebooks" / "20_ok.ipynb").read_text(encoding="utf-8"))
    assert "".join(executed["cells"][-1]["outputs"][0]["text"]) == f"writing to {failed}\n"
    page = (failed / "html" / "20_ok.html").read_text(encoding="utf-8")
    assert f"writing to {failed}" in page and ".building" not in page
    assert str(out) + "\n" not in page and "deliberate failure" in (
        failed / "html" / "10_probe.html"
    ).read_text(encoding="utf-8")
    manifest = json.loads((failed / "manifest.json").read_text(encoding="utf-8"))
    assert [(n["name"], n["status"]) for n in manifest["notebooks"]] == [
        ("10_probe", "error"),
        ("20_ok", "ok"),
    ]


def test_a_timeout_keeps_the_cells_run_so_far(corpus_dir, tmp_path):
    """The executed copy is written once, at the end, and also when a cell times out."""
    with pytest.raises(NotebookTimeout):
        run(corpus_dir, tmp_path / "out", params={"mode": "hang"}, timeout=3)
    executed = json.loads(
        (tmp_path / "out.failed" / "notebooks" / "10_probe.ipynb").read_text(encoding="utf-8")
    )
    started = [
        i for i, c in enumerate(executed["cells"]) if c["metadata"]["papermill"].get("start_time")
    ]
    assert started == [0, 1, 2]  # parameters, injected parameters, the cell that hung
    assert executed["cells"][2]["metadata"]["papermill"]["duration"] >= 3  # the --timeout


def test_notebooks_run_longest_first_from_the_last_manifest(tmp_path):
    books = [tmp_path / f"{n}.ipynb" for n in ("00_a", "01_b", "02_c", "03_d", "04_e")]
    # no last run: name order
    assert pipeline._schedule(books, tmp_path / "out", 2) == books
    out = tmp_path / "out"
    out.mkdir()
    seconds = {"00_a": 5.7, "01_b": 12.1, "02_c": 11.5, "03_d": 10.2, "04_e": 7.9}
    manifest = {"notebooks": [{"name": k, "duration_s": v} for k, v in seconds.items()]}
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    order = [b.stem for b in pipeline._schedule(books, out, 2)]
    # in name order the run would end at 25.1 s (00, 02, 04 on one worker); this order
    # ends at 23.8 s: 00, 03, 04 on one worker, 01 then 02 on the other
    assert order == ["00_a", "01_b", "03_d", "02_c", "04_e"]
    assert pipeline._schedule(books, out, 1) == books  # one worker: order cannot matter
    assert pipeline._schedule(books[:2], out, 2) == books[:2]


def test_saved_png_is_what_a_tight_savefig_writes(tmp_path):
    """plots.save finds the tight box once for both files; the PNG is matplotlib's own."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from framelens import plots

    with plots.style():
        fig, ax = plt.subplots()
        ax.bar(["a", "b"], [1, 2])
        ax.set_title("probe")
        ax.legend(["x"], loc="upper center", bbox_to_anchor=(0.5, -0.15))
    png, svg = plots.save(fig, "probe", tmp_path)
    again = plots.save(fig, "probe2", tmp_path)
    assert png.read_bytes() == again[0].read_bytes()
    assert svg.read_bytes() == again[1].read_bytes()
    reference = io.BytesIO()
    fig.savefig(reference, format="png", dpi=150, metadata={"Software": None}, bbox_inches="tight")
    assert png.read_bytes() == reference.getvalue()
    assert svg.read_text(encoding="utf-8").startswith("<?xml")
    assert fig.dpi == 100  # as the style left it


def test_the_command_ends_without_a_last_garbage_collection():
    """As a program (no argv) the command freezes the collector at the end; as a call, not."""
    code = (
        "import gc, sys\nfrom framelens.cli import main\n"
        "main(['params', '00'])\nprint(gc.get_freeze_count() > 0)\n"
        "sys.argv = ['framelens', 'params', '00']\nmain()\nprint(gc.get_freeze_count() > 0)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[-1] == "True"
    assert [ln for ln in r.stdout.splitlines() if ln in ("True", "False")] == ["False", "True"]


KERNEL_DIES_ONCE = """
import json, sys
import papermill
from framelens import pipeline

calls = []

def execute(src, dst, **kw):
    calls.append(dst)
    if len(calls) <= int(sys.argv[3]):
        raise RuntimeError(pipeline.KERNEL_START_DIED)
    open(dst, "w").write("{}")

papermill.execute_notebook = execute
info = pipeline._execute(sys.argv[1], sys.argv[2], {}, 60)
print(json.dumps({"status": info["status"], "error": info["error"], "calls": len(calls)}))
"""


@pytest.mark.parametrize(("deaths", "status", "calls"), [(1, "ok", 2), (3, "error", 3)])
def test_a_kernel_that_dies_while_starting_is_started_again(tmp_path, deaths, status, calls):
    """Two kernels of a parallel run can pick the same free port, and one dies before any
    cell: its notebook is not at fault, so the kernel is started again (twice at most)."""
    src, dst = tmp_path / "n.ipynb", tmp_path / "out.ipynb"
    src.write_text("{}")
    out = subprocess.run(
        [sys.executable, "-c", KERNEL_DIES_ONCE, str(src), str(dst), str(deaths)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    info = json.loads(out.stdout)
    assert (info["status"], info["calls"]) == (status, calls)
    log = (tmp_path / "out.log").read_text()
    assert log.count("starting the kernel again") == calls - 1
    if status == "error":
        assert pipeline.KERNEL_START_DIED in info["error"]


def test_the_failure_message_is_the_short_error_not_a_log_line(tmp_path):
    """A Dask worker's log line came first on stderr and became the run's message."""
    from framelens.pipeline import _cell_message

    cell = {"cell_type": "code", "metadata": {}, "source": "x", "outputs": [
        {"output_type": "stream", "name": "stderr",
         "text": "2026-12-06 19:13:25,443 - distributed.worker - ERROR - Compute Failed\n"},
        {"output_type": "stream", "name": "stderr",
         "text": "InputError: /data/e2.csv: the file has a header but no rows.\n"},
    ]}  # fmt: skip
    nb = tmp_path / "n.ipynb"
    nb.write_text(json.dumps({"cells": [cell]}), encoding="utf-8")
    message = _cell_message(str(nb), 0)
    assert message == "InputError: /data/e2.csv: the file has a header but no rows."
    cell["outputs"] = cell["outputs"][:1]
    nb.write_text(json.dumps({"cells": [cell]}), encoding="utf-8")
    assert _cell_message(str(nb), 0).endswith("Compute Failed")  # nothing better to say
