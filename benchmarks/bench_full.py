"""The full analysis beside a plain NLTK VADER loop over the same sentences, in one run.

Builds N news-like documents of about 25 sentences (15-35, in paragraphs of three) by
resampling, with a fixed seed, the seed article's prose sentences and the NYT editorial
snippets of the VADER validation set, then, in this one process:

1. segments them once (``corpus.segment``) to get the sentences both sides score;
2. ``vader loop``: ``SentimentIntensityAnalyzer.polarity_scores`` on every one of those
   sentences (NLTK, scores only: no tables, no evidence);
3. ``full analysis``: ``scale.analyse`` on the local engine (segmentation, tokens, text
   statistics, term and n-gram counts, sentence sentiment with evidence, frames in
   context, exercise mentions, and the corpus-wide tables), the documents as loaded;

and prints both rates and their ratio (documents/s of the full analysis ÷ documents/s of
the loop). ``--workers 1 2`` also runs the analysis on a local Dask cluster of one and two
process workers (one task a shard of ``--partition`` documents) and prints 2 workers ÷ 1.
``--repeat N`` runs every configuration (the loop, the local engine and each cluster) N
times and keeps each one's best: on a shared two-core machine single runs vary by ±10%.

    .venv/bin/python benchmarks/bench_full.py                  # N=2000, local
    .venv/bin/python benchmarks/bench_full.py --workers 1 2    # and on Dask
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from framelens import corpus, resources, scale  # noqa: E402

SEED = 20240910
NYT = ROOT / "tests" / "data" / "vader" / "nytEditorialSnippets_GroundTruth.txt"


def sentence_pool() -> list[str]:
    """Return the seed's prose sentences and the NYT snippets that read as one sentence."""
    seed = corpus.segment(corpus.load(ROOT / "seeds"))
    pool = seed.loc[seed["kind"] == "prose", "text"].tolist()
    for line in NYT.read_text(encoding="utf-8").splitlines():
        text = line.split("\t")[-1].strip()
        if 40 <= len(text) <= 300 and text[-1] in ".!?\"'":
            pool.append(text)
    return pool


def build_documents(n: int, seed: int = SEED) -> pd.DataFrame:
    """N documents of 15-35 sentences in paragraphs of three, three sources."""
    pool = sentence_pool()
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        idx = rng.integers(0, len(pool), int(rng.integers(15, 36)))
        text = "\n\n".join(" ".join(pool[x] for x in idx[j : j + 3]) for j in range(0, len(idx), 3))
        rows.append(
            {
                "doc_id": f"d{i:06d}",
                "title": "",
                "source": "ABC"[i % 3],
                "published": f"{2013 + i % 12}-06-01",
                "url": "",
                "text": text,
            }
        )
    return pd.DataFrame(rows)


def vader_loop(texts: list[str]) -> float:
    """Seconds NLTK's analyser takes over ``texts``, one call a sentence."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    resources.use_offline_nltk()
    sia = SentimentIntensityAnalyzer()
    t = time.perf_counter()
    for text in texts:
        sia.polarity_scores(text)
    return time.perf_counter() - t


def full_analysis(documents, partition: int) -> float:
    """Seconds of the whole analysis (local engine, or Dask if ``documents`` is lazy)."""
    t = time.perf_counter()
    result = scale.analyse(
        documents, group_by="source", collect_documents=False, partition_size=partition
    )
    seconds = time.perf_counter() - t
    assert len(result["top_terms"]) == 50, "the analysis returned a short table"
    return seconds


def _warm(documents: pd.DataFrame) -> None:
    scale.analyse(documents, group_by="source", collect_documents=False)


def on_dask(
    documents: pd.DataFrame, workers: int, partition: int, folder: Path, repeat: int = 1
) -> float:
    """Seconds of the whole analysis on a new local cluster (the best of ``repeat`` runs)."""
    shards = folder / "shards"
    if not shards.exists():
        scale.to_parquet(documents, shards, partition_size=partition)
    client = scale.start("dask", n_workers=workers)
    try:
        lazy = scale.load(shards, engine="dask")
        # every worker loads its lexicons and dictionaries before the clock starts, as
        # the local engine did in main()
        client.run(_warm, documents.head(50))
        return min(full_analysis(lazy, partition) for _ in range(repeat))
    finally:
        client.close()
        client.cluster.close()


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-n", type=int, default=2000, help="documents (default 2000)")
    p.add_argument("--partition", type=int, default=250, help="documents a partition")
    p.add_argument("--workers", type=int, nargs="*", default=[], help="Dask worker counts")
    p.add_argument(
        "--repeat", type=int, default=1, help="runs of each configuration; the best counts"
    )
    args = p.parse_args(argv)

    documents = build_documents(args.n)
    sentences = corpus.segment(documents)
    texts = sentences["text"].tolist()
    print(f"# bench_full · {os.cpu_count()} cores · N={args.n} documents, {len(texts)} sentences")
    full_analysis(documents.head(50), args.partition)  # lexicons and dictionaries loaded
    loop = min(vader_loop(texts) for _ in range(args.repeat))
    full = min(full_analysis(documents, args.partition) for _ in range(args.repeat))
    rows = [("vader loop (NLTK, per sentence)", loop), ("full analysis, local", full)]
    with tempfile.TemporaryDirectory() as tmp:
        for w in args.workers:
            rows.append(
                (
                    f"full analysis, Dask {w} worker(s)",
                    on_dask(documents, w, args.partition, Path(tmp), args.repeat),
                )
            )
    print(f"{'run':<36} {'seconds':>8} {'docs/s':>8} {'× loop':>7}")
    for name, secs in rows:
        print(f"{name:<36} {secs:>8.2f} {args.n / secs:>8.1f} {loop / secs:>7.3f}")
    by = dict(rows)
    if {1, 2} <= set(args.workers):
        one, two = by["full analysis, Dask 1 worker(s)"], by["full analysis, Dask 2 worker(s)"]
        print(f"Dask 2 workers ÷ 1 worker: {one / two:.2f}x")


if __name__ == "__main__":
    main()
