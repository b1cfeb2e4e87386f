"""Compose a large corpus from the project's own news articles (``tests/data/corpora``).

``many_documents(2000)`` gives 2,000 documents, each a seeded draw of paragraphs from the
24 written articles of ``news_multi`` with their sentences shuffled inside, an outlet and
a date of its own: enough variety for segmentation, counts and engines to disagree if
they can, and the same corpus on every machine (the draw depends on ``seed`` only).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from framelens import corpus

CORPORA = Path(__file__).resolve().parents[1] / "data" / "corpora"


def many_documents(n: int, *, seed: int = 0) -> pd.DataFrame:
    """Return ``n`` composed documents: ``doc_id, source, outlet_group, published, text``."""
    news = pd.read_csv(CORPORA / "news_multi" / "articles.csv", dtype=str)
    paragraphs = [
        (row.source, row.outlet_group, p.strip())
        for row in news.itertuples()
        for p in row.text.split("\n\n")
        if p.strip()
    ]
    split = corpus.segment(
        pd.DataFrame({"doc_id": [f"p{k}" for k in range(len(paragraphs))],
                      "text": [p for _, _, p in paragraphs]})
    )  # fmt: skip
    by_paragraph = split.groupby("doc_id", sort=False)["text"].apply(list).to_dict()
    rng = np.random.default_rng(seed)
    days = pd.date_range("2012-01-01", "2025-12-31", freq="D")
    rows = []
    for i in range(n):
        picks = rng.choice(len(paragraphs), size=int(rng.integers(1, 6)), replace=False)
        source, group, _ = paragraphs[int(picks[0])]
        body = []
        for k in picks:
            sentences = list(by_paragraph[f"p{int(k)}"])
            rng.shuffle(sentences)
            body.append(" ".join(sentences))
        rows.append(
            {
                "doc_id": f"composed-{i:05d}",
                "source": source,
                "outlet_group": group,
                "published": days[int(rng.integers(len(days)))].strftime("%Y-%m-%d"),
                "text": "\n\n".join(body),
            }
        )
    return pd.DataFrame(rows)


if __name__ == "__main__":  # python -m tests.corpus_matrix.compose 2000 out.csv
    import sys

    many_documents(int(sys.argv[1])).to_csv(sys.argv[2], index=False)
