"""Time each student notebook top to bottom on the seed corpus, as a student's laptop runs it.

Writes the student build (``workshop.build(..., execute=False)``: solutions removed,
exercise cells empty) to a temporary folder, then executes each notebook with papermill,
one at a time, on the build's own ``seeds/`` with the notebook's folder as working
directory. For each notebook it prints the wall time from kernel start to the last cell
(what a student waits for with *Run All*, kernel start included), the sum of the cell
times papermill records in each cell's metadata, the difference (kernel start, imports
of papermill's machinery, saving), and the slowest cell. The target is < 15 s a notebook
on the 2-core reference machine. ``--repeat`` runs each notebook several times and
reports the median; ``--solutions`` times the facilitator version (solutions in place).

Run: ``.venv/bin/python benchmarks/bench_notebooks.py [--repeat 1] [--solutions] [--only 01]``
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("PYTHONHASHSEED", "0")

import nbformat  # noqa: E402
import papermill  # noqa: E402

from framelens import pipeline, workshop  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 15.0


def run_once(book: Path, corpus: Path, out: Path) -> dict:
    """Execute one notebook; return wall and cell times (seconds) and the slowest cell."""
    out.mkdir(parents=True, exist_ok=True)  # papermill does not create folders
    executed = out / f"{book.stem}.executed.ipynb"
    start = time.perf_counter()
    papermill.execute_notebook(
        str(book),
        str(executed),
        parameters={"corpus_path": str(corpus), "output_dir": str(out / book.stem)},
        kernel_name="python3",
        cwd=str(book.parent),
        progress_bar=False,
    )
    wall = time.perf_counter() - start
    cells = [
        (c.metadata.papermill.get("duration") or 0.0, i, c.source.splitlines()[:1])
        for i, c in enumerate(nbformat.read(executed, as_version=4).cells)
        if c.cell_type == "code"
    ]
    slowest = max(cells)
    return {
        "wall": wall,
        "cells": sum(d for d, _, _ in cells),
        "slowest": slowest[0],
        "slowest_cell": f"[{slowest[1]}] {(slowest[2] or [''])[0][:40]}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per notebook (median)")
    parser.add_argument("--solutions", action="store_true", help="facilitator version")
    parser.add_argument("--only", nargs="*", default=None, help="notebook names or prefixes")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="framelens-bench-") as tmp:
        tmp = Path(tmp)
        if args.solutions:
            books, corpus = pipeline.find_notebooks(args.only), ROOT / "seeds"
        else:
            workshop.build(tmp / "workshop", execute=False)
            student = tmp / "workshop" / "student"
            books = pipeline.find_notebooks(args.only, student / "notebooks")
            corpus = student / "seeds"
        print(
            f"{'facilitator' if args.solutions else 'student'} notebooks on the seed, "
            f"papermill {papermill.__version__}, python {platform.python_version()}, "
            f"{os.cpu_count()} cores, median of {args.repeat} run(s), one notebook at a time"
        )
        header = (
            f"{'notebook':<24} {'wall s':>7} {'cells s':>8} {'kernel+io s':>12} "
            f"{'slowest cell s':>15}  {'< 15 s':<6} slowest cell"
        )
        print(header)
        print("-" * len(header))
        total = 0.0
        for book in books:
            runs = [run_once(book, corpus, tmp / f"run{i}") for i in range(args.repeat)]
            wall = statistics.median(r["wall"] for r in runs)
            cells = statistics.median(r["cells"] for r in runs)
            slow = max(runs, key=lambda r: r["slowest"])
            total += wall
            print(
                f"{book.stem:<24} {wall:7.1f} {cells:8.1f} {wall - cells:12.1f} "
                f"{slow['slowest']:15.1f}  {'ok' if wall < TARGET_S else 'OVER':<6} "
                f"{slow['slowest_cell']}"
            )
        print(f"{'all, one after another':<24} {total:7.1f}")


if __name__ == "__main__":
    main()
