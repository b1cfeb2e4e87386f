"""Scale-out benchmark: every analysis over N synthetic news articles, local and on Dask.

Builds corpora by resampling the seed's sentences into documents of news length (15–35
sentences in paragraphs of three), written as Parquet shards of ``--partition`` documents
(the driver never holds the corpus). For each N it runs, each in a fresh process:

(a) ``engine="local"``: one process, pandas, the corpus in memory and analysed in chunks
    of ``--partition`` documents;
(b) ``engine="dask"`` on a ``LocalCluster`` of 1 and of 2 process workers (one thread each),
    one task a shard and a tree of merges;

in both, row-level and per-document tables are written to Parquet and only the summaries
are returned. It prints documents/second, peak resident memory of the driver and of each worker, and
the throughput as a ratio to a plain NLTK VADER loop (``polarity_scores`` on each
document's text) over the same documents.

    .venv/bin/python benchmarks/bench_scale.py --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def build_corpus(n: int, folder: Path, partition: int, seed: int = 0) -> Path:
    from framelens import corpus

    s = corpus.segment(corpus.load(ROOT / "seeds"))
    sents = s.loc[s["kind"] == "prose", "text"].tolist()
    rng = np.random.default_rng(seed)
    target = folder / f"corpus-{n}"
    target.mkdir(parents=True, exist_ok=True)
    for start in range(0, n, partition):
        rows = []
        for i in range(start, min(n, start + partition)):
            idx = rng.integers(0, len(sents), int(rng.integers(15, 36)))
            text = "\n\n".join(
                " ".join(sents[x] for x in idx[j : j + 3]) for j in range(0, len(idx), 3)
            )
            rows.append(
                {
                    "doc_id": f"d{i:07d}",
                    "title": "",
                    "source": ["A", "B", "C"][i % 3],
                    "published": "",
                    "url": "",
                    "text": text,
                }
            )
        pd.DataFrame(rows).to_parquet(
            target / f"part-{start // partition:05d}.parquet", index=False
        )
    return target


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed_analyse(scale, documents, abbreviations, out: str, partition: int) -> float:
    """Run every analysis as the engine would at scale; return the seconds it took."""
    t = time.perf_counter()
    result = scale.analyse(
        documents,
        abbreviations=abbreviations,
        group_by="source",
        output_dir=out,
        collect_documents=False,
        partition_size=partition,  # the local engine's chunks; Dask keeps its shards
    )
    seconds = time.perf_counter() - t
    assert len(result["top_terms"]) == 50
    return seconds


def run_config(path: str, mode: str, workers: int, out: str, partition: int) -> dict:
    """Run one configuration in this process (called in a fresh subprocess)."""
    from framelens import corpus, scale

    docs_head = pd.read_parquet(sorted(Path(path).glob("*.parquet"))[0]).head(200)
    abbreviations = corpus.learn_abbreviations(docs_head)
    if mode == "local":
        documents = scale.load(path, engine="local")
        seconds = _timed_analyse(scale, documents, abbreviations, out, partition)
        return {"n": len(documents), "seconds": seconds, "driver_mb": _peak_mb(), "workers_mb": []}
    client = scale.start("dask", n_workers=workers)
    try:
        documents = scale.load(path, engine="dask")
        seconds = _timed_analyse(scale, documents, abbreviations, out, partition)
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        return {
            "n": None,
            "seconds": seconds,
            "driver_mb": _peak_mb(),
            "workers_mb": sorted(round(v) for v in peaks.values()),
        }
    finally:
        client.close()
        client.cluster.close()


def vader_loop_rate(path: Path, sample: int = 2000) -> float:
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from framelens import resources

    resources.use_offline_nltk()
    sia = SentimentIntensityAnalyzer()
    texts = pd.read_parquet(sorted(path.glob("*.parquet"))[0])["text"].tolist()
    texts = (texts * (sample // max(1, len(texts)) + 1))[:sample]
    t = time.perf_counter()
    for text in texts:
        sia.polarity_scores(text)
    return len(texts) / (time.perf_counter() - t)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--partition", type=int, default=500, help="documents per shard/partition")
    p.add_argument("--configs", nargs="+", default=["local", "dask1", "dask2"])
    p.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        path, mode, workers, out, partition = args.child
        print(json.dumps(run_config(path, mode, int(workers), out, int(partition))))
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = build_corpus(n, Path(tmp), args.partition)
            vader = vader_loop_rate(path)
            for config in args.configs:
                mode, workers = ("local", 0) if config == "local" else ("dask", int(config[4:]))
                out = Path(tmp) / f"out-{n}-{config}"
                proc = subprocess.run(
                    [sys.executable, __file__, "--child", str(path), mode, str(workers), str(out)]
                    + [str(args.partition)],
                    capture_output=True,
                    text=True,
                )
                if proc.returncode:
                    print(proc.stderr[-2000:], file=sys.stderr)
                    raise SystemExit(f"{config} at N={n} failed")
                res = json.loads(proc.stdout.strip().splitlines()[-1])
                rate = n / res["seconds"]
                rows.append(
                    {
                        "N": n,
                        "config": config,
                        "seconds": round(res["seconds"], 1),
                        "docs_per_s": round(rate, 1),
                        "driver_peak_MB": round(res["driver_mb"]),
                        "worker_peak_MB": res["workers_mb"] or "-",
                        "vs_vader_loop": f"{rate / vader:.3f}x",
                    }
                )
                print(rows[-1], flush=True)
            print(f"plain VADER loop at N={n}: {vader:.0f} docs/s", flush=True)
    table = pd.DataFrame(rows)
    print()
    print(table.to_string(index=False))
    for n in args.sizes:
        sub = table[table.N == n].set_index("config")
        if {"dask1", "dask2"} <= set(sub.index):
            print(
                f"N={n}: 2 workers / 1 worker = "
                f"{sub.loc['dask2', 'docs_per_s'] / sub.loc['dask1', 'docs_per_s']:.2f}x"
            )


if __name__ == "__main__":
    main()
