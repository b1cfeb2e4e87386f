"""Time ``make run`` on the seed against the floor of five trivial papermill notebooks.

Issue #16 asks for a warm ``make run`` (``framelens run --corpus seeds --out ...``) within
1.5x of a bare papermill run of five trivial notebooks with the same imports. In one run
this benchmark measures both:

floor
    Five trivial notebooks, one per real notebook in ``notebooks/0*.ipynb``: a copy of its
    ``parameters`` cell and one code cell holding exactly its top-level import lines and
    nothing else. Each is executed with a bare ``papermill.execute_notebook`` call (kernel
    ``python3``, working directory the notebook's folder, the same ``corpus_path`` and
    ``output_dir`` parameters the runner passes, the kernels' matplotlib backend the
    runner's), over a process pool of as many jobs as the runner uses (default: the
    cores), the pool already started and papermill already imported: the wall clock of
    the whole batch.
run
    ``framelens run --corpus seeds --out <tmp>/seeds`` as ``make run`` calls it
    (``MPLBACKEND=Agg``, ``PYTHONHASHSEED=0``, the console script's ``main()``), every run into
    the same folder as ``make run`` into ``outputs/seeds``: the wall clock of the whole
    command, interpreter start to exit.

Each is run once to warm the caches, then ``--repeat`` rounds of one floor batch and one run
(alternated, so both see the same load on a shared machine). It prints the best and median
walls and the ratio run/floor, then where the best run spent its time: per notebook the
kernel wall (from the manifest), the sum of its cells' times (from the executed notebook),
the same imports' time in the floor (median), the rest of the cells (the notebook's
computation), kernel start and stop and the HTML export (from the runner's own timings,
``framelens.pipeline.LAST_TIMINGS``, when it records them); and the runner's phases
(parameters, preflight, pool, HTML, manifest, index, swap). Notebook computation is not the
runner's: the last line estimates the run's wall and ratio without it.

Run: ``.venv/bin/python benchmarks/bench_run.py [--repeat 3] [--jobs N] [--skip-floor]``
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures as cf
import json
import multiprocessing
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TARGET = 1.5
ENV = {"MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"}  # what the Makefile exports
#: the kernels' backend, as the runner sets it for its kernels
KERNEL_BACKEND = "module://matplotlib_inline.backend_inline"

# Runs `framelens run` in a child process as the console script does (framelens.cli.main),
# timing the runner's functions that exist in this version of the code, and writes them
# (with the runner's own timings, if it records them) to the JSON file named first.
DRIVER = r"""
import functools, json, sys, time
T0 = time.perf_counter()
import framelens.pipeline as p
from framelens import resources
timings, counts = {}, {}
def wrap(module, name):
    func = getattr(module, name, None)
    if func is None:
        return
    @functools.wraps(func)
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
            counts[name] = counts.get(name, 0) + 1
    setattr(module, name, timed)
for name in ("_plan", "_preflight_corpus", "_preflight_checks", "_build", "_render_html",
             "_replace_path", "_write_manifest", "_write_index", "_finish"):
    wrap(p, name)
wrap(resources, "check")
from framelens.cli import main
timings["imports"] = time.perf_counter() - T0
target, sys.argv = sys.argv[1], ["framelens", *sys.argv[2:]]  # as the console script: main()
start = time.perf_counter()
code = main()
timings["main"] = time.perf_counter() - start
own = getattr(p, "LAST_TIMINGS", None) or {}
with open(target, "w", encoding="utf-8") as fh:
    json.dump({"wrapped": timings, "counts": counts, "runner": own}, fh)
sys.exit(code)
"""


# ---------------------------------------------------------------------------------------
# the floor: trivial notebooks


def _code_cells(book: Path) -> list[dict]:
    nb = json.loads(book.read_text(encoding="utf-8"))
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _is_parameters(cell: dict) -> bool:
    return "parameters" in cell.get("metadata", {}).get("tags", [])


def import_lines(book: Path) -> list[str]:
    """Return the notebook's top-level import statements, in order, as written."""
    lines: list[str] = []
    for cell in _code_cells(book):
        if _is_parameters(cell):
            continue
        src = _source(cell)
        try:
            tree = ast.parse(src)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                lines.append(ast.get_source_segment(src, node))
    return lines


def trivial_notebook(book: Path) -> dict:
    """Return the trivial twin of ``book``: its parameters cell, then one cell of its imports."""
    real = json.loads(book.read_text(encoding="utf-8"))
    params = next(c for c in _code_cells(book) if _is_parameters(c))

    def code(source: str, tags: list[str] | None = None) -> dict:
        return {
            "id": "parameters" if tags else "imports",
            "cell_type": "code",
            "execution_count": None,
            "metadata": {"tags": tags} if tags else {},
            "outputs": [],
            "source": source,
        }

    return {
        "cells": [code(_source(params), ["parameters"]), code("\n".join(import_lines(book)))],
        "metadata": {
            k: v for k, v in real["metadata"].items() if k in ("kernelspec", "language_info")
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _warm_worker(log: str) -> None:
    os.environ["MPLBACKEND"] = KERNEL_BACKEND
    # the kernels inherit this stderr: keep their start-up warnings out of the table (the
    # runner, too, sends each kernel's stderr to a log file)
    os.dup2(os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND), 2)
    import papermill  # noqa: F401 - imported before the clock starts


def _ready(_: object = None) -> int:
    time.sleep(0.05)
    return os.getpid()


def _execute_trivial(src: str, dst: str, parameters: dict) -> float:
    import papermill

    start = time.perf_counter()
    papermill.execute_notebook(
        src,
        dst,
        parameters=parameters,
        kernel_name="python3",
        cwd=str(Path(src).parent),
        progress_bar=False,
    )
    return time.perf_counter() - start


def floor_once(books: list[Path], tmp: Path, jobs: int) -> tuple[float, dict[str, float]]:
    """Execute the trivial notebooks over a warm pool of ``jobs``.

    Returns the wall clock of the batch and each notebook's import cell time.
    """
    ctx = multiprocessing.get_context("spawn")
    log = str(tmp / "floor-kernels.log")
    with cf.ProcessPoolExecutor(
        jobs, mp_context=ctx, initializer=_warm_worker, initargs=(log,)
    ) as pool:
        pids = set()
        while len(pids) < min(jobs, len(books)):  # every worker up, papermill imported
            pids |= set(pool.map(_ready, range(jobs * 4)))
        out = Path(tempfile.mkdtemp(prefix="floor-out-", dir=tmp))
        start = time.perf_counter()
        futures = [
            pool.submit(
                _execute_trivial,
                str(book),
                str(out / book.name),
                {"corpus_path": str(ROOT / "seeds"), "output_dir": str(out)},
            )
            for book in books
        ]
        for f in futures:
            f.result()
        wall = time.perf_counter() - start
    imports = {}
    for book in books:  # the import cell's own time, for the computation estimate
        cells = _code_cells(out / book.name)
        imports[book.stem] = max(
            (c["metadata"].get("papermill", {}).get("duration") or 0.0)
            for c in cells
            if "import " in _source(c)
        )
    return wall, imports


# ---------------------------------------------------------------------------------------
# the runner


def run_once(out: Path, jobs: int | None) -> dict:
    """Run ``framelens run`` on the seed into ``out``; return wall and timings.

    Every run goes to the same folder, as ``make run`` into ``outputs/seeds``: a warm run
    replaces the last one's outputs.
    """
    timings = out.parent / "timings.json"
    cmd = [sys.executable, "-c", DRIVER, str(timings), "run", "--corpus", "seeds"]
    cmd += ["--out", str(out)] + (["--jobs", str(jobs)] if jobs else [])
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env={**os.environ, **ENV}, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"framelens run failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    info = json.loads(timings.read_text(encoding="utf-8"))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    books = {}
    for entry in manifest["notebooks"]:
        cells = _code_cells(out / "notebooks" / f"{entry['name']}.ipynb")
        durations = [(c["metadata"].get("papermill", {}).get("duration") or 0.0) for c in cells]
        first_import = next(
            (i for i, c in enumerate(cells) if not _is_parameters(c) and "import " in _source(c)),
            None,
        )
        books[entry["name"]] = {
            "wall": entry["duration_s"],
            "cells": sum(durations),
            "imports": durations[first_import] if first_import is not None else 0.0,
        }
    return {"wall": wall, "books": books, **info}


# ---------------------------------------------------------------------------------------
# report


def _row(label: str, *values: str) -> str:
    return f"{label:<38}" + "".join(f"{v:>10}" for v in values)


def report(
    floor: list[float], floor_imports: dict[str, float], runs: list[dict], jobs: int
) -> None:
    """Print the walls, the ratio and where the best run spent its time."""
    best = min(runs, key=lambda r: r["wall"])
    walls = [r["wall"] for r in runs]
    print()
    print(_row("", "best s", "median s"))
    if floor:
        print(
            _row(
                f"floor: 5 trivial notebooks, {jobs} jobs",
                f"{min(floor):.2f}",
                f"{statistics.median(floor):.2f}",
            )
        )
    print(_row("framelens run (warm)", f"{min(walls):.2f}", f"{statistics.median(walls):.2f}"))
    if floor:
        ratio = min(walls) / min(floor)
        mark = "ok" if ratio <= TARGET else "OVER"
        print(
            _row("ratio run/floor (best/best)", f"{ratio:.2f}") + f"   target <= {TARGET}: {mark}"
        )
        median = statistics.median(walls) / statistics.median(floor)
        print(_row("ratio run/floor (median/median)", f"{median:.2f}"))
    print()
    runner = best.get("runner") or {}
    per_book = runner.get("notebooks", {})
    print(
        _row(
            "notebook (best run)",
            "kernel s",
            "cells s",
            "imports s",
            "compute s",
            "start s",
            "stop s",
            "html s",
        )
    )
    totals = [0.0] * 4
    for name, b in sorted(best["books"].items()):
        own = per_book.get(name, {})
        # the same imports take this long in the floor's trivial notebook
        imports = floor_imports.get(name, b["imports"])
        compute = max(0.0, b["cells"] - imports)

        def fmt(key: str, own: dict = own) -> str:
            return f"{own[key]:.2f}" if key in own else "-"

        print(
            _row(
                name,
                f"{b['wall']:.2f}",
                f"{b['cells']:.2f}",
                f"{imports:.2f}",
                f"{compute:.2f}",
                fmt("start"),
                fmt("stop"),
                fmt("html"),
            )
        )
        for i, v in enumerate((b["wall"], b["cells"], imports, compute)):
            totals[i] += v
    print(_row("sum", *(f"{v:.2f}" for v in totals)))
    print()
    wrapped, counts = best.get("wrapped", {}), best.get("counts", {})
    html_in_runner = wrapped.get("_render_html", 0.0)
    pool = runner.get("pool")
    if pool is None:  # a runner without its own timings: what _build did besides the pool
        inner = ("_render_html", "_replace_path", "_write_manifest", "_write_index", "_finish")
        pool = wrapped.get("_build", 0.0) - sum(wrapped.get(k, 0.0) for k in inner)
    rows = [
        ("interpreter start, imports, exit", best["wall"] - wrapped.get("main", best["wall"])),
        ("  of which the CLI's imports", wrapped.get("imports", 0.0)),
        ("parameters (_plan)", wrapped.get("_plan", 0.0)),
        ("preflight: corpus", wrapped.get("_preflight_corpus", 0.0)),
        ("preflight: notebook checks", wrapped.get("_preflight_checks", 0.0)),
        (f"resources.check ({counts.get('check', 0)} call(s))", wrapped.get("check", 0.0)),
        ("pool: kernels, all notebooks", pool),
    ]
    if "republish" in runner:
        cpu = sum(b.get("html", 0.0) for b in per_book.values())
        rows.append((f"HTML: in the workers (sum {cpu:.2f} s)", 0.0))
        rows.append(("HTML: redone after the pool", runner["republish"]))
    else:
        rows.append(("HTML: after the pool, one by one", html_in_runner))
    rows += [
        ("final paths (in the runner)", wrapped.get("_replace_path", 0.0)),
        ("manifest", wrapped.get("_write_manifest", 0.0)),
        ("index", wrapped.get("_write_index", 0.0)),
        ("swap into --out", wrapped.get("_finish", 0.0)),
    ]
    print(_row("runner phase (best run)", "s"))
    for label, value in rows:
        print(_row(label, f"{value:.2f}"))
    print(_row("total (wall)", f"{best['wall']:.2f}"))
    if floor:
        computation = totals[3]
        rest = best["wall"] - computation / jobs
        print()
        print(
            f"notebook computation (cells minus the floor's import cell): {computation:.2f} s "
            f"over {jobs} jobs = {computation / jobs:.2f} s of wall; without it the run would "
            f"take about {rest:.2f} s, {rest / min(floor):.2f}x the floor"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each (best)")
    parser.add_argument("--jobs", type=int, default=None, help="as framelens run (default: cores)")
    parser.add_argument("--skip-floor", action="store_true", help="time the runner only")
    args = parser.parse_args()
    jobs = args.jobs or os.cpu_count() or 1
    os.environ.update(ENV)
    import papermill

    books = sorted(NOTEBOOKS.glob("0*.ipynb"))
    print(
        f"framelens run vs bare papermill: {len(books)} notebooks, {jobs} jobs, "
        f"{os.cpu_count()} cores, papermill {papermill.__version__}, "
        f"python {platform.python_version()}, best of {args.repeat} (after one warm-up each)"
    )
    for book in books:
        print(f"  {book.stem:<24} imports: {'; '.join(import_lines(book))}")
    with tempfile.TemporaryDirectory(prefix="framelens-bench-run-") as tmp:
        tmp = Path(tmp)
        paths = []
        if not args.skip_floor:
            trivial = tmp / "trivial"
            trivial.mkdir()
            for book in books:
                path = trivial / book.name
                path.write_text(json.dumps(trivial_notebook(book), indent=1), encoding="utf-8")
                paths.append(path)
            floor_once(paths, tmp, jobs)  # warm-up
        out = tmp / "run" / "seeds"
        out.parent.mkdir()
        run_once(out, args.jobs)  # warm-up
        floor: list[float] = []
        imports: dict[str, list[float]] = {}
        runs = []
        for i in range(args.repeat):  # alternated, so both see the same load
            if paths:
                wall, each = floor_once(paths, tmp, jobs)
                floor.append(wall)
                for name, seconds in each.items():
                    imports.setdefault(name, []).append(seconds)
            runs.append(run_once(out, args.jobs))
            print(
                f"round {i + 1}: floor {floor[-1] if floor else float('nan'):.2f} s, "
                f"framelens run {runs[-1]['wall']:.2f} s",
                flush=True,
            )
        floor_imports = {k: statistics.median(v) for k, v in imports.items()}
        report(floor, floor_imports, runs, jobs)


if __name__ == "__main__":
    main()
