"""Sentences/second of framelens.sentiment.score beside a plain NLTK VADER loop.

Builds N sentences by resampling the seed corpus's sentences (seeded), then times

* ``plain loop``: ``[sia.polarity_scores(t) for t in texts]`` with NLTK's
  ``SentimentIntensityAnalyzer`` (scores only, no frame, no evidence);
* ``score n_jobs=1``: ``sentiment.score(sentences)`` (the full table: scores, labels,
  drivers, notes);
* ``score n_jobs=2``: the same over two processes.

The library does not cache repeated sentences, so the resampled duplicates give it no
advantage. Run:  .venv/bin/python benchmarks/bench_sentiment.py [N ...]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from framelens import corpus, sentiment  # noqa: E402
from framelens.sentiment import vader  # noqa: E402

SEED = 20240910


def build(n: int, seed_sentences: pd.DataFrame) -> pd.DataFrame:
    rng = np.random.default_rng(SEED)
    pick = rng.integers(0, len(seed_sentences), n)
    frame = seed_sentences.iloc[pick][["text", "kind"]].reset_index(drop=True)
    frame.insert(0, "doc_id", [f"doc{i // 25:06d}" for i in range(n)])
    frame.insert(1, "sent_id", np.arange(n) % 25)
    return frame


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main(sizes: list[int]) -> None:
    seed_sentences = corpus.segment(corpus.load(ROOT / "seeds"))
    sia = vader._analyzer()
    sentiment.score(seed_sentences)  # warm up: lexicon loaded once, as in a session
    print(f"# bench_sentiment · {os.cpu_count()} cores · seed {SEED}")
    print(f"{'N':>8} {'method':<16} {'seconds':>8} {'sent/s':>9} {'× plain':>8}")
    for n in sizes:
        frame = build(n, seed_sentences)
        texts = frame["text"].tolist()
        plain = timed(lambda texts=texts: [sia.polarity_scores(t) for t in texts])
        one = timed(lambda frame=frame: sentiment.score(frame))
        two = timed(lambda frame=frame: sentiment.score(frame, n_jobs=2))
        for name, secs in (("plain loop", plain), ("score n_jobs=1", one), ("score n_jobs=2", two)):
            print(f"{n:>8} {name:<16} {secs:>8.2f} {n / secs:>9.0f} {plain / secs:>8.2f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000])
