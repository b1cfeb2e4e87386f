"""The runner keeps a researcher's files safe (issue 13, part 4).

An ``--out`` that is a file, unwritable or on a full disk is refused before anything is
touched; Ctrl-C stops at once, kills the kernels, removes the build and exits 130 with one
line; two runs into one ``--out`` are serialised; ``--only`` never mixes two corpora under
one index; rendered notebooks show the final path, not the build folder.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from framelens import pipeline
from framelens.errors import InputError, ParameterError

from ..conftest import DATA, ROOT

NBS = DATA / "notebooks" / "nbs"


@pytest.fixture
def corpus_dir(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text("First story. It is short.", encoding="utf-8")
    (d / "b.txt").write_text("Second story. Also short.", encoding="utf-8")
    return d


def run(corpus_dir, out, **kw):
    kw.setdefault("jobs", 1)
    return pipeline.run(corpus_dir, out, notebooks_dir=NBS, progress=False, **kw)


def _cli_script(*args: str) -> list[str]:
    """The ``framelens`` command, on the probe notebooks."""
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        import framelens.pipeline as p
        p.NOTEBOOKS_DIR = Path({str(NBS)!r})
        from framelens.cli import main
        sys.exit(main({list(args)!r}))
        """
    )
    return [sys.executable, "-c", code]


def test_out_that_is_a_file_is_refused_and_left_alone(corpus_dir, tmp_path):
    out = tmp_path / "results.csv"
    out.write_text("precious,data\n", encoding="utf-8")
    with pytest.raises(ParameterError, match=r"is a file, not a folder; it was left as it is"):
        run(corpus_dir, out)
    assert out.read_text(encoding="utf-8") == "precious,data\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "results.csv"]


def test_unwritable_out_is_refused_before_any_kernel(corpus_dir, tmp_path, monkeypatch):
    real = os.access
    monkeypatch.setattr(
        pipeline.os, "access", lambda p, mode: False if str(p) == str(tmp_path) else real(p, mode)
    )
    with pytest.raises(InputError, match=r"cannot write in .* \(read-only or no permission\)"):
        run(corpus_dir, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_full_disk_is_refused_before_any_kernel(corpus_dir, tmp_path, monkeypatch):
    import shutil

    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(pipeline.shutil, "disk_usage", lambda p: usage._replace(free=5 * 2**20))
    with pytest.raises(InputError, match=r"only 5 MB free on its disk; a run needs at least"):
        run(corpus_dir, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_exit_codes_of_the_command(corpus_dir, tmp_path):
    """As the README's table says: 2 parameter or --out, 6 input, 130 interrupted."""
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    cases = [
        (["--corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")], 6),
        (["--corpus", str(corpus_dir), "--out", str(afile)], 2),
        (["--corpus", str(corpus_dir), "--out", str(tmp_path / "o"), "-p", "top_n", "x"], 2),
        (["--corpus", str(corpus_dir), "--out", str(tmp_path / "o"), "-p", "encoding", "nope"], 2),
    ]
    for args, code in cases:
        r = subprocess.run(
            _cli_script("run", "--quiet", *args), capture_output=True, text=True, cwd=ROOT
        )
        assert r.returncode == code, (args, r.stderr)
        line = r.stderr.strip()
        assert line.startswith("framelens: error: ") and "\n" not in line, line
        assert "Traceback" not in r.stderr
    assert afile.read_text(encoding="utf-8") == "x"


def _hanging_run(corpus_dir, out):
    """Start ``framelens run`` on a notebook whose cell sleeps; return it and its kernel
    once the kernel is in that cell."""
    proc = subprocess.Popen(
        _cli_script(
            "run",
            "--quiet",
            "--corpus",
            str(corpus_dir),
            "--out",
            str(out),
            "-p",
            "mode",
            "hang",
            "--jobs",
            "1",
        ),  # fmt: skip
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    kernel = None
    while time.monotonic() < deadline and kernel is None:  # wait for the kernel to start
        time.sleep(0.5)
        for child in psutil.Process(proc.pid).children(recursive=True):
            if "ipykernel" in " ".join(child.cmdline()):
                kernel = child
    if kernel is None:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("no kernel started")
    time.sleep(2)  # the kernel is in the cell that sleeps
    return proc, kernel


def test_ctrl_c_stops_kills_kernels_removes_the_build_and_exits_130(corpus_dir, tmp_path):
    out = tmp_path / "out"
    proc, kernel = _hanging_run(corpus_dir, out)
    try:
        started = time.monotonic()
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
        _, err = proc.communicate(timeout=60)
        took = time.monotonic() - started
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1].startswith("framelens: error: interrupted: stopped")
    assert len([ln for ln in err.splitlines() if ln.strip()]) == 1, err
    assert took < 20, took
    assert not kernel.is_running() or kernel.status() == psutil.STATUS_ZOMBIE
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]


def test_two_runs_into_one_out_are_serialised(corpus_dir, tmp_path):
    out = tmp_path / "out"
    holder = pipeline._RunLock(out)
    holder.__enter__()
    try:
        proc = subprocess.Popen(
            _cli_script("run", "--quiet", "--corpus", str(corpus_dir), "--out", str(out)),
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        first = proc.stderr.readline()  # blocks until the second run says it waits
        assert f"another run (pid {os.getpid()}) is writing {out}; waiting" in first, first
        time.sleep(1)
        assert proc.poll() is None, "the second run did not wait"
        assert not out.exists()
    finally:
        holder.__exit__(None, None, None)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert (out / "tables" / "probe_docs.csv").is_file()
    assert not (tmp_path / ".out.lock").exists()


def test_only_refuses_to_add_another_corpus_to_a_run(corpus_dir, tmp_path):
    out = tmp_path / "out"
    run(corpus_dir, out)
    other = tmp_path / "other"
    other.mkdir()
    (other / "c.txt").write_text("A third story.", encoding="utf-8")
    before = (out / "manifest.json").read_bytes()
    with pytest.raises(ParameterError, match=r"--only"):
        run(other, out, only=["10_probe"])
    assert (out / "manifest.json").read_bytes() == before
    # the same corpus may be re-run notebook by notebook
    run(corpus_dir, out, only=["10_probe"])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [n["name"] for n in manifest["notebooks"]] == ["10_probe"]


def test_only_leaves_no_table_of_the_last_run_that_this_run_does_not_write(corpus_dir, tmp_path):
    out = tmp_path / "out"
    run(corpus_dir, out, params={"mode": "extra"})
    assert (out / "tables" / "probe_extra.csv").is_file()
    run(corpus_dir, out, only=["10_probe"])  # mode "ok": no extra table this time
    assert not (out / "tables" / "probe_extra.csv").exists()
    assert (out / "tables" / "probe_docs.csv").is_file()
    assert (out / "figures" / "probe.png").is_file() and (out / "figures" / "probe.svg").is_file()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "tables/probe_extra.csv" not in manifest["notebooks"][0]["files"]


def test_rendered_notebooks_show_the_final_path(corpus_dir, tmp_path):
    out = tmp_path / "out"
    run(corpus_dir, out)
    for sub in ("notebooks", "html"):
        for page in (out / sub).iterdir():
            text = page.read_text(encoding="utf-8", errors="replace")
            assert ".building" not in text, page
    executed = (out / "notebooks" / "10_probe.ipynb").read_text(encoding="utf-8")
    assert json.dumps(str(out))[1:-1] in executed


def _real_cli(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "framelens.cli", "run", "--quiet", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("write", "args", "code", "expected"),
    [
        (
            lambda p: p.write_text("doc_id,text\na,Hello.\n", encoding="utf-16"),
            [],
            6,
            "the file is UTF-16 (it starts with a UTF-16 byte-order mark), not utf-8. Pass "
            "encoding='utf-16' (framelens run: -p encoding utf-16).",
        ),
        (
            lambda p: p.write_text("doc_id;text\na;Hello there.\n", encoding="utf-8"),
            [],
            6,
            "-p delimiter ';'",
        ),
        (
            lambda p: p.write_text("doc_id,body\na,Hello.\n", encoding="utf-8"),
            [],
            6,
            "'text'",
        ),
        (
            lambda p: p.write_text("doc_id,text\na,Hello.\n", encoding="utf-8"),
            ["-p", "top_n", "-5"],
            2,
            "`top_n` must be",
        ),
        (
            lambda p: p.write_text("doc_id,text\na,Hello.\n", encoding="utf-8"),
            ["-p", "kwic_mode", "glib"],
            2,
            "did you mean 'glob'",
        ),
        (
            lambda p: p.write_text("doc_id,text,type\na,Hello.,news\n", encoding="utf-8"),
            ["-p", "group_by", "type"],
            2,
            "Copy the column under another name (e.g. 'type_group')",
        ),
    ],
    ids=["utf16", "semicolon", "no-text-column", "range", "choice", "reserved-group"],
)
def test_corpus_and_parameter_problems_are_one_line_before_any_kernel(
    tmp_path, write, args, code, expected
):
    """With the real notebooks: the runner finds these before starting a kernel."""
    path = tmp_path / "corpus.csv"
    write(path)
    started = time.monotonic()
    r = _real_cli("--corpus", str(path), "--out", str(tmp_path / "out"), *args)
    assert r.returncode == code, r.stderr
    line = r.stderr.strip()
    assert "\n" not in line and line.startswith("framelens: error: "), r.stderr
    assert expected in line, line
    assert time.monotonic() - started < 60  # no kernel was started
    assert not (tmp_path / "out").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.csv"]


def test_a_5000_character_doc_id_is_cut_to_a_unique_id_and_runs(tmp_path):
    """Ids become file names (sentiment arcs): a long one is cut and hashed, not a crash."""
    import pandas as pd

    from framelens import corpus

    long_id = "x" * 5000
    frame = pd.DataFrame({"doc_id": [long_id, long_id[:-1] + "y"], "text": ["Ships sailed."] * 2})
    path = tmp_path / "long.csv"
    frame.to_csv(path, index=False)
    docs = corpus.load(path)
    assert docs["doc_id"].str.len().max() <= corpus.MAX_ID_CHARS
    assert docs["doc_id"].nunique() == 2
    result = pipeline.run(path, tmp_path / "out", only=["02_sentiment"], jobs=1, progress=False)
    assert result.ok
    arcs = sorted(p.name for p in (tmp_path / "out" / "figures").glob("sentiment_arc_*.png"))
    assert len(arcs) == 2 and all(len(name) < 255 for name in arcs)


def test_a_disk_that_fills_during_the_run_keeps_the_last_good_outputs(
    corpus_dir, tmp_path, monkeypatch
):
    import errno

    out = tmp_path / "out"
    run(corpus_dir, out)
    good = (out / "tables" / "probe_docs.csv").read_bytes()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x"))

    monkeypatch.setattr(pipeline, "_write_manifest", full)
    with pytest.raises(InputError, match=r"cannot write the run into .* \(the disk is full"):
        run(corpus_dir, out)
    assert (out / "tables" / "probe_docs.csv").read_bytes() == good
    assert not list(tmp_path.glob(".out.building-*"))
    assert not (tmp_path / ".out.lock").exists()


def test_a_write_error_in_a_worker_keeps_the_last_good_outputs(corpus_dir, tmp_path):
    """Workers write each notebook's HTML: a write error there is the run's, as in the runner."""
    import shutil

    from .test_pipeline import _notebook

    out = tmp_path / "out"
    run(corpus_dir, out)
    good = (out / "tables" / "probe_docs.csv").read_bytes()
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    shutil.copy(NBS / "10_probe.ipynb", nbs / "10_probe.ipynb")
    _notebook(  # its HTML cannot be written: html/ is a file by then
        nbs / "20_break_html.ipynb",
        'corpus_path = ""\noutput_dir = ""',
        "import pathlib, shutil\n"
        "html = pathlib.Path(output_dir, 'html')\n"
        "shutil.rmtree(html)\n"
        "html.write_text('not a folder')",
    )
    with pytest.raises(InputError, match=r"cannot write the run into .*Not a directory"):
        pipeline.run(corpus_dir, out, notebooks_dir=nbs, progress=False, jobs=2)
    assert (out / "tables" / "probe_docs.csv").read_bytes() == good
    assert not list(tmp_path.glob(".out.building-*"))
    assert not (tmp_path / ".out.lock").exists()


def test_the_corpus_warnings_are_printed_by_the_runner(tmp_path, capsys):
    # they were seen only inside the rendered notebooks, never on the command line
    corpus = tmp_path / "c.csv"
    corpus.write_text("doc_id,published,text\na,20/07/2023,Drills began.\nb,,Ships.\n")
    run(corpus, tmp_path / "out")
    err = capsys.readouterr().err
    assert "framelens: warning: " in err
    assert "1 of 1 dates in column 'published' are not ISO 8601" in err
    assert err.count("not ISO 8601") == 1  # once, however many notebooks


def test_sigterm_stops_the_run_as_ctrl_c_does(corpus_dir, tmp_path):
    """A CI timeout or `docker stop` sends SIGTERM to the runner only: its workers and
    kernels were left running as orphans, and the build folder and lock stayed."""
    out = tmp_path / "out"
    proc, kernel = _hanging_run(corpus_dir, out)
    try:
        descendants = psutil.Process(proc.pid).children(recursive=True)
        cmdline = kernel.cmdline()
        connection = Path(cmdline[cmdline.index("-f") + 1])
        assert connection.is_file()
        proc.send_signal(signal.SIGTERM)  # to the runner alone, not its process group
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 143, err
    assert "terminated (SIGTERM): stopped" in err
    time.sleep(1)
    alive = [p for p in descendants if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not [p for p in alive if "resource_tracker" not in " ".join(p.cmdline())], alive
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]  # no build, no lock
    assert not connection.exists()  # the killed kernel's key is not left behind


def test_inputs_are_hashed_without_the_run_folder_and_an_unreadable_file_is_named(
    corpus_dir, tmp_path, monkeypatch
):
    out = corpus_dir / "out"
    for folder in (out, corpus_dir / ".out.building-1", corpus_dir / "out.failed"):
        folder.mkdir()
        (folder / "x.csv").write_text("1", encoding="utf-8")
    assert sorted(pipeline._hash_inputs(corpus_dir, out)) == ["a.txt", "b.txt"]
    real = type(corpus_dir).read_bytes

    def unreadable(self):
        if self.name == "b.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(type(corpus_dir), "read_bytes", unreadable)
    with pytest.raises(InputError, match=r"cannot read .*b\.txt \(Permission denied\)"):
        pipeline._hash_inputs(corpus_dir, out)
    assert pipeline._hash_inputs(corpus_dir, out, strict=False)["b.txt"] == "unreadable"


def test_a_good_run_is_not_failed_by_the_last_runs_folder(tmp_path, monkeypatch, capsys):
    """The last run's folder could not be removed after the swap: exit 6 and 'the build
    was removed' were printed over a run that had landed."""
    out, build = tmp_path / "out", tmp_path / ".out.building-1"
    out.mkdir()
    (out / "old.txt").write_text("old", encoding="utf-8")
    build.mkdir()
    (build / "new.txt").write_text("new", encoding="utf-8")
    real = pipeline.shutil.rmtree

    def stuck(path, *a, **k):
        if ".old-" in str(path):
            raise PermissionError(13, "Permission denied")
        return real(path, *a, **k)

    monkeypatch.setattr(pipeline.shutil, "rmtree", stuck)
    ok = pipeline.NotebookResult("00_x", "ok", 1.0, {}, None, "", None)
    result = pipeline._finish(build, out, [ok])
    assert result.out_dir == out and (out / "new.txt").is_file()
    assert "could not be removed (Permission denied); remove it by hand" in capsys.readouterr().err


def test_a_corpus_file_changed_during_the_run_is_said(corpus_dir, tmp_path, monkeypatch, capsys):
    """An article edited after notebook 00 had run: 00 and 01 read two versions, exit 0,
    and the manifest held only the edited file's hash."""
    real = pipeline._hash_inputs

    def edited_at_the_end(corpus, out=None, *, strict=True):
        hashes = real(corpus, out, strict=strict)
        return {**hashes, "b.txt": "0" * 64} if not strict else hashes

    monkeypatch.setattr(pipeline, "_hash_inputs", edited_at_the_end)
    result = run(corpus_dir, tmp_path / "out")
    assert result.ok
    assert "1 corpus file(s) changed during the run (b.txt)" in capsys.readouterr().err
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs_changed_during_run"] == ["b.txt"]
    assert manifest["inputs_sha256"]["b.txt"] == real(corpus_dir)["b.txt"]  # as at the start
    assert set(manifest["notebooks_sha256"]) == {r.name for r in result.notebooks}


def test_documents_without_a_group_are_named_before_the_run(capsys):
    """Twelve articles without an outlet were compared as the outlet '(missing)' unsaid."""
    import pandas as pd

    docs = pd.DataFrame({"doc_id": list("abc"), "text": ["A story."] * 3,
                         "source": ["X", "", "Y"]})  # fmt: skip
    books = [pipeline.NOTEBOOKS_DIR / f"{n}.ipynb" for n in ("01_text_stats", "02_sentiment")]
    plan = {b.stem: {"group_by": "source"} for b in books}
    pipeline._preflight_checks(books, plan, docs)
    err = capsys.readouterr().err
    assert err.count("1 of 3 document(s) have no 'source' (empty, or 'nan'") == 1
    assert "they are compared as one group of their own, '(missing)'" in err


def test_placeholder_group_values_are_counted_as_none_before_the_run(capsys):
    import pandas as pd

    docs = pd.DataFrame({"doc_id": list("abcd"), "text": ["A story."] * 4,
                         "source": ["X", "nan", "NULL", "Y"]})  # fmt: skip
    books = [pipeline.NOTEBOOKS_DIR / "01_text_stats.ipynb"]
    pipeline._preflight_checks(books, {books[0].stem: {"group_by": "source"}}, docs)
    assert "2 of 4 document(s) have no 'source'" in capsys.readouterr().err


def test_the_manifest_hashes_every_table_and_figure(corpus_dir, tmp_path):
    """The manifest named figures' PNGs only and hashed no output: a second run could not
    be checked against the first without the files of both."""
    import hashlib

    out = tmp_path / "out"
    assert run(corpus_dir, out).ok
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    files = sorted(
        f.relative_to(out).as_posix()
        for folder in ("tables", "figures")
        for f in (out / folder).rglob("*")
        if f.is_file()
    )
    assert {"figures/probe.png", "figures/probe.svg", "tables/probe_docs.csv"} <= set(files)
    assert sorted(manifest["outputs_sha256"]) == files
    for f in files:
        assert manifest["outputs_sha256"][f] == hashlib.sha256((out / f).read_bytes()).hexdigest()
    (entry,) = manifest["notebooks"]
    assert "figures/probe.svg" in entry["files"]
    again = tmp_path / "again"
    assert run(corpus_dir, again).ok
    second = json.loads((again / "manifest.json").read_text(encoding="utf-8"))
    assert second["outputs_sha256"] == manifest["outputs_sha256"]


def test_the_commit_is_marked_changed_by_a_new_untracked_module(tmp_path):
    """A new analysis's subpackage, not yet added to git, left the manifest's commit clean."""
    repo = tmp_path / "repo"
    (repo / "lib" / "framelens").mkdir(parents=True)
    (repo / "notebooks").mkdir()
    (repo / "lib" / "framelens" / "pipeline.py").write_text("x = 1\n", encoding="utf-8")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "x"]):
        subprocess.run([*git, *args], check=True)
    commit = pipeline._commit.__wrapped__
    assert len(commit(repo)) == 40  # clean
    (repo / "README.md").write_text("notes", encoding="utf-8")  # not code the run uses
    assert len(commit(repo)) == 40
    (repo / "lib" / "framelens" / "quotes").mkdir()
    (repo / "lib" / "framelens" / "quotes" / "__init__.py").write_text("", encoding="utf-8")
    assert commit(repo).endswith("+changes")


def test_the_manifest_records_every_value_a_notebook_ran_with(corpus_dir, tmp_path):
    """Only the values given were recorded: a default (a dictionary, a threshold) was not."""
    out = tmp_path / "out"
    assert run(corpus_dir, out).ok
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["notebooks"][0]
    declared = pipeline.notebook_parameters(NBS / f"{entry['name']}.ipynb")
    used = entry["parameters_used"]
    assert set(used) == set(declared)
    assert used["output_dir"] == "<run folder>"
    for name, info in declared.items():
        if name not in entry["parameters"]:
            assert used[name] == info["default"], name
