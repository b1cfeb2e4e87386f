"""Throughput of the text statistics pass (framelens.stats) against a bare tokenizing pass.

Builds a corpus of N documents by resampling the seed article's prose sentences (seeded),
three sentences a paragraph and about as many sentences as the seed, then times:

* **full pass**: what 01_text_stats computes: segment (with learned abbreviations),
  tokenize, counts + lexical diversity + readability, sentence lengths, term and bigram
  counts, top terms, n-grams, collocations, KWIC, actor counts, group summary and keyness
  (documents spread over three sources);
* **bare pass**: only tokenizing the same texts (``framelens.corpus.words`` per document).

Run: ``.venv/bin/python benchmarks/bench_stats.py`` (``--sizes 1000 10000 --seed 0``).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

from framelens import corpus, stats

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def build_corpus(n_docs: int, seed: int = 0) -> pd.DataFrame:
    """N documents of resampled seed prose sentences (19–24 sentences each)."""
    docs = corpus.load(SEEDS)
    sents = corpus.segment(docs)
    pool = sents.loc[sents["kind"] == "prose", "text"].tolist()
    rng = np.random.default_rng(seed)
    texts = []
    for _ in range(n_docs):
        k = int(rng.integers(19, 25))
        picked = [pool[i] for i in rng.integers(0, len(pool), size=k)]
        paras = [" ".join(picked[i : i + 3]) for i in range(0, k, 3)]
        texts.append("\n\n".join(paras))
    width = len(str(n_docs))
    return pd.DataFrame(
        {
            "doc_id": [f"doc{i:0{width}d}" for i in range(n_docs)],
            "title": "",
            "source": [("Wire", "Daily", "Weekly")[i % 3] for i in range(n_docs)],
            "published": "",
            "url": "",
            "text": texts,
        }
    )


def full_pass(documents: pd.DataFrame) -> dict[str, float]:
    """Run every statistic; return seconds spent per stage."""
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    sentences = corpus.segment(documents)
    tokens = corpus.tokenize(sentences)
    times["segment+tokenize"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    doc_stats = stats.document_stats(sentences, tokens=tokens, families=["counts", "diversity"])
    times["counts+diversity"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    stats.readability(sentences, tokens=tokens)
    times["readability"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    stats.sentence_lengths(sentences, tokens=tokens)
    terms = stats.term_counts(sentences, n=[1, 2], tokens=tokens)
    stats.top_terms(terms, top_n=20)
    stats.top_terms(terms, n=2, top_n=20)
    stats.collocations(terms, min_freq=2)
    stats.kwic(sentences, "drill*", window=5, tokens=tokens)
    stats.actor_counts(sentences)
    labels = stats.group_labels(documents, "source")
    stats.group_summary(stats.group_counts(doc_stats, labels))
    stats.keyness(stats.keyness_counts(terms, labels))
    times["vocabulary+kwic+actors+keyness"] = time.perf_counter() - t0
    return times


def bare_pass(documents: pd.DataFrame) -> int:
    return sum(len(corpus.words(t)) for t in documents["text"])


def timed(fn, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    # warm-up: load NLTK data and textstat's dictionary once, outside the timings
    full_pass(build_corpus(3, args.seed))
    print(
        f"{'N':>7} {'words':>9} {'full s':>8} {'full docs/s':>12} {'bare s':>8} "
        f"{'bare docs/s':>12} {'full/bare time':>15}"
    )
    for n in args.sizes:
        docs = build_corpus(n, args.seed)
        t_bare, n_words = timed(bare_pass, docs)
        t_full, stages = timed(full_pass, docs)
        print(
            f"{n:>7} {n_words:>9} {t_full:>8.2f} {n / t_full:>12.1f} {t_bare:>8.2f} "
            f"{n / t_bare:>12.1f} {t_full / t_bare:>14.1f}x",
            flush=True,
        )
        print("        stages: " + ", ".join(f"{k} {v:.1f} s" for k, v in stages.items()))


if __name__ == "__main__":
    main()
