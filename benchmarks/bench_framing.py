"""Throughput of framing.match(): sentences per second on resampled seed sentences.

Builds corpora of N = 10,000 and 100,000 sentences by resampling the seed article's
sentences with a fixed seed (documents of 24 sentences, offsets recomputed so every
sentence points into its own document), then times ``framing.match`` with the shipped
``security`` dictionary (loaded once, outside the timing). Prints one line per N: wall
and CPU seconds (CPU time is the fairer figure on a shared machine), sentences per wall
second, and result rows.

Run: ``.venv/bin/python benchmarks/bench_framing.py [--sizes 10000 100000] [--seed 0]``
"""

from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

import numpy as np
import pandas as pd

from framelens import corpus, framing

ROOT = Path(__file__).resolve().parents[1]


def resampled(sentences: pd.DataFrame, n: int, seed: int, per_doc: int = 24) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    pick = sentences.iloc[rng.integers(0, len(sentences), size=n)].reset_index(drop=True)
    doc = np.arange(n) // per_doc
    sent_id = np.arange(n) % per_doc
    lengths = pick["text"].str.len().to_numpy()
    start = np.zeros(n, dtype="int64")
    for i in range(1, n):  # offsets of sentences joined by one space within each document
        start[i] = 0 if sent_id[i] == 0 else start[i - 1] + lengths[i - 1] + 1
    return pd.DataFrame(
        {
            "doc_id": [f"doc{d:06d}" for d in doc],
            "para_id": sent_id // 3,
            "sent_id": sent_id,
            "start": start,
            "end": start + lengths,
            "text": pick["text"],
            "kind": pick["kind"],
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    seed_sentences = corpus.segment(corpus.load(ROOT / "seeds"))
    dictionary = framing.load_dictionary("security")
    print(
        f"framing.match, dictionary 'security' ({len(framing.dictionary_table(dictionary))} "
        f"patterns), python {platform.python_version()}, pandas {pd.__version__}"
    )
    print(f"{'sentences':>10} {'wall s':>8} {'cpu s':>8} {'sentences/s':>12} {'rows':>8}")
    for n in args.sizes:
        s = resampled(seed_sentences, n, args.seed)
        t0, c0 = time.perf_counter(), time.process_time()
        m = framing.match(s, dictionary)
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"{n:>10,} {dt:>8.2f} {cpu:>8.2f} {n / dt:>12,.0f} {len(m):>8,}")


if __name__ == "__main__":
    main()
