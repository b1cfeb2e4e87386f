"""Score frames and sentence tone on the hand-labelled gold set of real coverage (issue 15).

    .venv/bin/python benchmarks/gold_news.py --texts DIR

``DIR`` holds the labelled articles as ``<doc_id>.txt`` (the texts are not redistributed:
``tests/data/gold_news/articles.csv`` gives each URL and the SHA-256 of the text that was
labelled; a text that differs is refused, naming the file). Prints:

- the agreement of the two annotation passes (Cohen's kappa per frame and for tone);
- frame precision, recall and F1 per frame, micro and macro, before issue 15's context
  rules (``context=False``: every dictionary match counts) and after (the default);
- sentence-tone accuracy and macro F1 of VADER as published and with the security domain;
- the same per outlet group.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from framelens import corpus, framing, gold  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold_news"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", required=True, help="folder of <doc_id>.txt")
    ap.add_argument("--gold", default=str(GOLD), help="gold-set folder (default: shipped)")
    args = ap.parse_args(argv)
    g = gold.load(args.gold)
    docs = gold.documents(args.texts, g["articles"])
    sentences = corpus.segment(docs)
    labels = gold.check_alignment(sentences, g["labels"])
    groups = g["articles"].set_index("doc_id")["outlet_group"]
    print(
        f"{len(docs)} articles ({groups.value_counts().sort_index().to_dict()}), "
        f"{len(labels)} labelled sentences of {len(sentences)}"
    )
    cols = [*gold.FRAMES, "tone"]
    agree = framing.agreement(g["pass_a"], g["pass_b"], cols)
    print("\nagreement of the two passes")
    print(agree.round(3).to_string(index=False))
    frame_kappa = agree[agree["column"] != "tone"]["kappa"].mean()
    print(f"mean kappa over frames {frame_kappa:.3f}")

    print("\nframes (security dictionary)")
    pd.set_option("display.width", 120)
    tables = []
    for context in (False, True):
        t = gold.frame_scores(sentences, labels, context=context)
        tables.append(t)
        print(f"context={context}")
        print(t.drop(columns=["context"]).round(3).to_string(index=False))
    print("\nsentence tone")
    print(gold.tone_scores(sentences, labels).round(3).to_string(index=False))

    # cues were added to the dictionary while reading the errors of the "dev" half only
    # (every other article of each outlet group, from the first); "test" is held out
    arts = g["articles"].assign(i=g["articles"].groupby("outlet_group").cumcount())
    dev = set(arts.loc[arts["i"] % 2 == 0, "doc_id"])
    print("\nsplit (dev: articles 1, 3, 5… of each group, read while adding cues; test: the rest)")
    for name, ids in (("dev", dev), ("test", set(arts["doc_id"]) - dev)):
        lab = labels[labels["doc_id"].isin(ids)]
        for context in (False, True):
            t = gold.frame_scores(sentences, lab, context=context).set_index("frame")
            mi, ma = t.loc["all (micro)"], t.loc["macro"]
            print(
                f"{name:>5} ({len(lab)} sentences) context={context!s:5}  micro P/R/F1 "
                f"{mi.precision:.3f}/{mi.recall:.3f}/{mi.f1:.3f}  macro P/R/F1 "
                f"{ma.precision:.3f}/{ma.recall:.3f}/{ma.f1:.3f}"
            )
    print("\nper outlet group: frame micro P/R/F1 before -> after, tone accuracy before -> after")
    for group, ids in groups.groupby(groups):
        lab = labels[labels["doc_id"].isin(ids.index)]
        line = [f"{group:>14} ({len(lab)} sentences)"]
        for context in (False, True):
            m = gold.frame_scores(sentences, lab, context=context).set_index("frame")
            r = m.loc["all (micro)"]
            line.append(f"{r.precision:.2f}/{r.recall:.2f}/{r.f1:.2f}")
        tone = gold.tone_scores(sentences, lab)["accuracy"].tolist()
        line.append(f"tone {tone[0]:.2f} -> {tone[1]:.2f}")
        print("  ".join(line))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
