"""Speed of events.mentions(): sentences per second on resampled seed sentences.

Builds corpora of N sentences (default 10,000 and 100,000) by resampling the seed article's
sentences with a fixed random seed into documents of 24 sentences (the seed's length),
then times ``events.mentions`` (best of ``--repeat`` runs) and ``events.mention_counts``.

    .venv/bin/python benchmarks/bench_events.py [--sizes 10000 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

from framelens import corpus, events

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
DOC_LEN = 24


def resampled(sentences: pd.DataFrame, n: int, seed: int = 0) -> pd.DataFrame:
    """N sentences drawn with replacement, grouped into documents of DOC_LEN sentences."""
    rng = np.random.default_rng(seed)
    pick = sentences.iloc[rng.integers(0, len(sentences), size=n)].reset_index(drop=True)
    doc = np.arange(n) // DOC_LEN
    sent = np.arange(n) % DOC_LEN
    lengths = pick["text"].str.len().to_numpy() + 1
    starts = np.zeros(n, dtype="int64")
    for d0 in range(0, n, DOC_LEN):  # offsets restart in every document
        chunk = lengths[d0 : d0 + DOC_LEN]
        starts[d0 : d0 + len(chunk)] = np.concatenate([[0], np.cumsum(chunk[:-1])])
    return pd.DataFrame(
        {
            "doc_id": [f"doc{d:06d}" for d in doc],
            "para_id": sent // 2,
            "sent_id": sent,
            "start": starts,
            "end": starts + lengths - 1,
            "text": pick["text"].to_numpy(),
            "kind": pick["kind"].to_numpy(),
        }
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    seed_sentences = corpus.segment(corpus.load(SEEDS))
    table = events.load_events()
    events.mentions(seed_sentences.head(2), events=table)  # compile the patterns once
    print(f"{'sentences':>10} {'mentions':>9} {'best s':>8} {'sent/s':>10} {'counts s':>9}")
    for n in args.sizes:
        frame = resampled(seed_sentences, n)
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            found = events.mentions(frame, events=table)
            best = min(best, time.perf_counter() - t0)
        t0 = time.perf_counter()
        events.mention_counts(found)
        tc = time.perf_counter() - t0
        print(f"{n:>10,} {len(found):>9,} {best:>8.2f} {n / best:>10,.0f} {tc:>9.2f}")


if __name__ == "__main__":
    main()
