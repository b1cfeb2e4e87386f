"""The corpus matrix with times: every notebook on every test corpus, through the runner.

Runs the cases of ``tests/corpus_matrix/test_matrix.py`` (the seed, the written corpora
of ``tests/data/corpora`` and 2,000 composed documents, the last also on Dask) and prints
each notebook's status and seconds from the run's manifest, and the wall time of the run.

    .venv/bin/python benchmarks/bench_corpus_matrix.py [--jobs 2] [--cases seed social]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.corpus_matrix.compose import many_documents  # noqa: E402
from tests.corpus_matrix.test_matrix import CASES  # noqa: E402

from framelens import pipeline  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cases", nargs="*", default=[*CASES, "many_2000-dask"])
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="matrix-"))
    rows = []
    for case in args.cases:
        name, _, engine = case.partition("-")
        path, params = CASES[name]
        if str(path).startswith("compose:"):
            path = tmp / f"{name}.csv"
            if not path.exists():
                many_documents(int(str(CASES[name][0]).split(":")[1])).to_csv(path, index=False)
        params = {**params, **({"engine": engine} if engine else {})}
        out = tmp / case
        start = time.perf_counter()
        try:
            pipeline.run(path, out, params=params, jobs=args.jobs, progress=False)
            status = "exit 0"
        except Exception as exc:  # noqa: BLE001 - the table reports it
            status = f"failed: {str(exc).splitlines()[0][:60]}"
        wall = time.perf_counter() - start
        manifest = out / "manifest.json"
        if not manifest.exists():
            manifest = Path(f"{out}.failed") / "manifest.json"
        books = json.loads(manifest.read_text())["notebooks"] if manifest.exists() else []
        cells = {b["name"][:2]: f"{b['status']} {b['duration_s']:5.1f}" for b in books}
        rows.append((case, status, wall, cells))
    names = sorted({k for _, _, _, c in rows for k in c})
    print(f"{'corpus':<16} {'run':<8} {'wall_s':>7}  " + "  ".join(f"{n:>9}" for n in names))
    for case, status, wall, cells in rows:
        line = "  ".join(f"{cells.get(n, '-'):>9}" for n in names)
        print(f"{case:<16} {status:<8} {wall:7.1f}  {line}")
    print(f"(notebook columns: status and seconds in its kernel; --jobs {args.jobs})")


if __name__ == "__main__":
    main()
