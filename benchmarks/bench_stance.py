"""Stance toward actors on a large composed corpus: targets per second, beside sentence tone.

    .venv/bin/python benchmarks/bench_stance.py --documents 2000

Composes ``--documents`` documents from the multi-outlet test corpus (as the corpus matrix
does), segments them, scores the sentences with VADER (``sentiment.score``) and then runs
``stance.stance`` on the scored sentences; prints the seconds of each step and the targets
(actor × sentence) per second.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))
sys.path.insert(0, str(ROOT))

from tests.corpus_matrix.compose import many_documents  # noqa: E402

from framelens import corpus, gazetteer, sentiment, stance  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    args = parser.parse_args(argv)
    docs = many_documents(args.documents)
    sentences = corpus.segment(docs)
    stance.load_model()  # loading is not the per-target cost
    t0 = time.perf_counter()
    scores = sentiment.score(sentences)
    t_score = time.perf_counter() - t0
    t0 = time.perf_counter()
    mentions = gazetteer.actor_mentions(scores)
    t_mentions = time.perf_counter() - t0
    t0 = time.perf_counter()
    rows = stance.stance(scores, mentions)
    t_stance = time.perf_counter() - t0
    print(f"{len(docs)} documents, {len(sentences)} sentences, {len(rows)} targets")
    print("| step | seconds | per second |\n|---|---|---|")
    print(f"| sentiment.score | {t_score:.2f} | {len(sentences) / t_score:,.0f} sentences |")
    rate = len(sentences) / t_mentions
    print(f"| gazetteer.actor_mentions | {t_mentions:.2f} | {rate:,.0f} sentences |")
    print(f"| stance.stance | {t_stance:.2f} | {len(rows) / t_stance:,.0f} targets |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
