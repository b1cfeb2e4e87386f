"""Throughput of framelens.stats.formulas against textstat's five calls (what stats.py does).

Builds N documents of 20–30 NYT editorial snippets each (about 25 sentences; seeded), then
times, per document, textstat 0.7.13's ``flesch_reading_ease``, ``flesch_kincaid_grade``,
``gunning_fog``, ``smog_index`` and ``coleman_liau_index`` (each ``getattr(textstat,
name)(text)``) against :func:`framelens.stats.formulas.readability`, the latter with its
caches cold (emptied first) and warm (a second pass over the same documents). Pyphen's
hyphenation memo, which textstat and this module share, is emptied before every cold run
so that neither side profits from the other. The CMU dictionary is loaded before timing.
It also checks that every value agrees (the largest absolute difference is printed).

Run: ``.venv/bin/python benchmarks/bench_readability.py`` (``--docs 2000 --seed 0``).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from framelens import resources
from framelens.stats import formulas as fast

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = ROOT / "tests" / "data" / "vader" / "nytEditorialSnippets_GroundTruth.txt"


def build_documents(n_docs: int, seed: int = 0) -> list[str]:
    """N documents, each 20–30 random NYT snippets joined by spaces (seeded)."""
    lines = SNIPPETS.read_text(encoding="utf-8").splitlines()
    snippets = [line.split("\t")[2] for line in lines if line.strip()]
    rng = np.random.default_rng(seed)
    docs = []
    for _ in range(n_docs):
        k = int(rng.integers(20, 31))
        docs.append(" ".join(snippets[i] for i in rng.integers(0, len(snippets), size=k)))
    return docs


def _clear_pyphen_memo() -> None:
    from textstat.backend.utils import get_pyphen

    get_pyphen("en_US").hd.cache.clear()


def run_textstat(docs: list[str]) -> tuple[float, list[list[float]]]:
    """Seconds for textstat's five calls on every document, and the values."""
    import textstat

    funcs = [getattr(textstat, name) for name in fast.FORMULAS]
    t0 = time.perf_counter()
    values = [[f(d) for f in funcs] for d in docs]
    return time.perf_counter() - t0, values


def run_fast(docs: list[str]) -> tuple[float, list[list[float]]]:
    """Seconds for :func:`framelens.stats.formulas.readability` on every document, and values."""
    t0 = time.perf_counter()
    values = [list(fast.readability(d).values()) for d in docs]
    return time.perf_counter() - t0, values


def main(argv: list[str] | None = None) -> None:
    """Build the documents, time both ways, print docs/s and the speed-up."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    docs = build_documents(args.docs, args.seed)
    n_sent = np.mean([fast.counts(d)["sentences"] for d in docs])
    n_words = np.mean([fast.counts(d)["words"] for d in docs])
    resources.use_offline_nltk()
    resources.require("cmudict")
    import textstat

    textstat.flesch_reading_ease("Load the dictionary first.")  # not timed
    print(
        f"{len(docs)} documents (seed {args.seed}): {n_sent:.1f} sentences, "
        f"{n_words:.0f} words each on average (textstat's counts)"
    )

    _clear_pyphen_memo()
    t_ts, v_ts = run_textstat(docs)
    fast.clear_cache()
    _clear_pyphen_memo()
    t_cold, v_cold = run_fast(docs)
    t_warm, v_warm = run_fast(docs)

    diff = max(
        abs(a - b)
        for va, vb in ((v_ts, v_cold), (v_ts, v_warm))
        for ra, rb in zip(va, vb, strict=True)
        for a, b in zip(ra, rb, strict=True)
    )
    n = len(docs)
    print(f"{'':28s}{'seconds':>9s}{'docs/s':>10s}{'speed-up':>10s}")
    print(f"{'textstat (5 calls)':28s}{t_ts:9.3f}{n / t_ts:10.0f}{1.0:9.1f}x")
    print(f"{'readability(), cache cold':28s}{t_cold:9.3f}{n / t_cold:10.0f}{t_ts / t_cold:9.1f}x")
    print(f"{'readability(), cache warm':28s}{t_warm:9.3f}{n / t_warm:10.0f}{t_ts / t_warm:9.1f}x")
    print(f"cache after the runs: {fast.cache_info()}")
    print(f"largest |textstat - readability()| over {n} x 5 values: {diff!r}")


if __name__ == "__main__":
    main()
